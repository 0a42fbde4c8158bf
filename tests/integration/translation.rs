//! The translator workflow on a copy of the fixture: status, outdated detection by hash, the
//! English diff since a translation was stamped, structural checks, and the live preview.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use toolkit::translation::status::{self, State, Status};
use toolkit::translation::{diff, stamp};

const FR_CHALLENGE: &str = "content/fr/1/1.1/a.md";

fn status_of(project: &Project) -> Status {
    let loaded = toolkit::build::load_with_errors(project.root()).unwrap_or_else(|p| panic!("loads:\n{p}"));
    status::compute(project.root(), &loaded.site, &loaded.ui, Some("fr"))
}

fn item<'a>(status: &'a Status, label: &str) -> &'a status::Item {
    status.languages[0].groups.iter().flat_map(|g| g.items.iter()).find(|i| i.label == label).unwrap_or_else(|| panic!("no item {label}"))
}

fn state_of(status: &Status, label: &str) -> State {
    item(status, label).state
}

fn stamp_files(project: &Project, files: &[&str]) {
    let loaded = toolkit::build::load_with_errors(project.root()).unwrap_or_else(|p| panic!("loads:\n{p}"));
    for file in files {
        stamp::stamp(project.root(), &loaded.site, Path::new(file), Some("fr")).unwrap_or_else(|e| panic!("{e}"));
    }
}

fn git(project: &Project, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(project.root())
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .stdout(Stdio::null())
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn english_diff(project: &Project, file: &str) -> String {
    let loaded = toolkit::build::load_with_errors(project.root()).unwrap_or_else(|p| panic!("loads:\n{p}"));
    diff::english_changes(project.root(), &loaded.site, Path::new(file)).unwrap()
}

#[test]
fn unstamped_translations_are_outdated_and_stamping_makes_them_current() {
    let project = Project::fixture();
    let before = status_of(&project);
    assert_eq!(state_of(&before, "Challenge 1.1.a"), State::Outdated);
    assert_eq!(state_of(&before, "Challenge 1.1.b"), State::Missing);
    stamp_files(&project, &[FR_CHALLENGE, "content/sources.toml"]);
    assert!(project.read(FR_CHALLENGE).contains("translates = \""));
    let after = status_of(&project);
    assert_eq!(state_of(&after, "Challenge 1.1.a"), State::Translated);
    assert_eq!(state_of(&after, "Source VPs"), State::Translated);
    assert_eq!(state_of(&after, "Source MIGA"), State::Missing);
}

#[test]
fn changing_english_makes_translations_outdated_and_diff_shows_the_change() {
    let project = Project::fixture();
    git(&project, &["init", "-q"]);
    git(&project, &["add", "."]);
    git(&project, &["commit", "-q", "-m", "English and French"]);
    stamp_files(&project, &[FR_CHALLENGE]);
    git(&project, &["commit", "-q", "-am", "stamp"]);
    assert_eq!(state_of(&status_of(&project), "Challenge 1.1.a"), State::Translated);
    assert!(english_diff(&project, FR_CHALLENGE).starts_with("Up to date"));

    project.edit(
        "content/en/1/1.1/a.md",
        "Only request deployment if the site is remote",
        "Only request deployment if the site is very remote",
    );
    git(&project, &["commit", "-q", "-am", "English changed"]);
    let status = status_of(&project);
    assert_eq!(state_of(&status, "Challenge 1.1.a"), State::Outdated);
    // The work to plan: the changed line's words, not the whole text's.
    assert_eq!(item(&status, "Challenge 1.1.a").words, "Only request deployment if the site is very remote".split(' ').count());
    let diff = english_diff(&project, FR_CHALLENGE);
    assert!(diff.contains("-- Only request deployment if the site is remote"), "{diff}");
    assert!(diff.contains("+- Only request deployment if the site is very remote"), "{diff}");

    // Readers of the French page are told, with a link to the English page.
    assert_clean(&project.build());
    let page = project.page("fr/1.1.a/index.html");
    assert!(page.contains("Il se peut que cette traduction ne reflète pas la dernière version du texte anglais."), "{page}");
    assert!(page.contains(r#"href="../../en/1.1.a/index.html" hreflang="en""#));
    // Translators see on the status page, inline, the word that changed in English.
    let status_page = project.page("fr/status/index.html");
    let added = regex::Regex::new(r"<ins>\s*very\s*</ins>").unwrap();
    assert!(added.is_match(&status_page), "{status_page}");
    assert!(status_page.contains("site is "), "with the words around it");
    assert!(!status_page.contains("class=\"warning\""), "the history is there: no warning");

    stamp_files(&project, &[FR_CHALLENGE]);
    assert_eq!(state_of(&status_of(&project), "Challenge 1.1.a"), State::Translated);
    assert_clean(&project.build());
    assert!(!project.page("fr/1.1.a/index.html").contains("ne reflète pas la dernière version"));
}

#[test]
fn a_changed_interface_text_is_outdated_by_itself() {
    let project = Project::fixture();
    project.write("i18n/fr/site.ftl", "language-name = Français\nhome = Accueil\n");
    git(&project, &["init", "-q"]);
    git(&project, &["add", "."]);
    git(&project, &["commit", "-q", "-m", "start"]);
    stamp_files(&project, &["i18n/fr/site.ftl"]);
    let status = status_of(&project);
    assert_eq!(state_of(&status, "Interface text home"), State::Translated);
    assert_eq!(state_of(&status, "Interface text contents"), State::Missing);
    project.edit("i18n/en/site.ftl", "home = Home", "home = Home page");
    git(&project, &["commit", "-q", "-am", "English text changed"]);
    let status = status_of(&project);
    assert_eq!(state_of(&status, "Interface text home"), State::Outdated);
    assert_eq!(state_of(&status, "Interface text language-name"), State::Translated);
    // What the status page shows of it: the English now, the translation, and what changed.
    let home = item(&status, "Interface text home");
    assert_eq!((home.english.as_deref(), home.current.as_deref()), (Some("Home page"), Some("Accueil")));
    let added: Vec<&str> = home.changes.iter().filter(|c| c.kind == "added").map(|c| c.text.trim()).collect();
    assert_eq!(added, ["page"], "{:?}", home.changes);
}

#[test]
fn a_deleted_translation_is_missing_and_the_site_falls_back() {
    let project = Project::fixture();
    std::fs::remove_file(project.path(FR_CHALLENGE)).unwrap();
    let status = status_of(&project);
    assert_eq!(state_of(&status, "Challenge 1.1.a"), State::Missing);
    let english = project.read("content/en/1/1.1/a.md");
    let missing = item(&status, "Challenge 1.1.a").words;
    assert!(missing > 60 && missing < english.split_whitespace().count(), "{missing} words, markup not counted");
    assert!(status::to_text(&status).contains(&format!("About {} English words to translate or review.", status.languages[0].words())));
    assert_clean(&project.build());
    let page = project.page("fr/1.1.a/index.html");
    assert!(page.contains(r#"<article lang="en">"#));
    assert!(page.contains("Raise the"));
}

#[test]
fn dropped_citations_and_good_practices_are_reported_on_the_translation() {
    let project = Project::fixture();
    project.edit(FR_CHALLENGE, " [@MIGA: III-8]", "");
    let report = project.check();
    let problems = problems_in(&report, FR_CHALLENGE);
    assert!(
        problems.iter().any(|p| p.starts_with("4: In good practice 1, the citation [@MIGA: III-8] is missing: English has it on line 8")),
        "{problems:#?}"
    );

    let project = Project::fixture();
    let text = project.read(FR_CHALLENGE);
    let start = text.find("## Assurer le suivi").unwrap();
    let end = text.find("[^1]:").unwrap();
    project.write(FR_CHALLENGE, &format!("{}{}", &text[..start], &text[end..]));
    let problems = problems_in(&project.check(), FR_CHALLENGE);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("English good practice 3 (line 23 of content/en/1/1.1/a.md: \"Follow up\") has no translated heading")
                && p.contains("English has 3 good practices, this translation 2")),
        "{problems:#?}"
    );
    // Until the headings match, the French address shows the English text, whose anchors are right.
    assert!(project.build().wrote);
    let page = project.read("public/fr/1.1.a/index.html");
    assert!(page.contains(r#"<article lang="en">"#), "the English text is published");

    // A heading lost to a typo (### instead of ##) is reported once, not as a mismatch of every
    // good practice after it: the citations are all still there.
    let project = Project::fixture();
    project.edit(FR_CHALLENGE, "## Assurer le suivi", "### Assurer le suivi");
    let problems = problems_in(&project.check(), FR_CHALLENGE);
    assert_eq!(problems.iter().filter(|p| p.contains("has no translated heading")).count(), 1, "{problems:#?}");
    assert!(problems.iter().all(|p| !p.contains("citation")), "{problems:#?}");

    let project = Project::fixture();
    project.edit(FR_CHALLENGE, "## Assurer le suivi {#follow-up}", "## Assurer le suivi {#suivi}");
    project.edit(FR_CHALLENGE, "[](box:tools)", "");
    let problems = problems_in(&project.check(), FR_CHALLENGE);
    assert!(
        problems.iter().any(|p| p.starts_with("22: In good practice 3, the anchor is \"suivi\" but English has \"follow-up\"")),
        "{problems:#?}"
    );
    assert!(problems.iter().any(|p| p.contains("the box [](box:tools) is missing")), "{problems:#?}");

    // The same problems appear in the status report, so translators see them in one place.
    let status = status_of(&project);
    assert!(status.languages[0].structure.iter().any(|d| d.message.contains("anchor")));
}

#[test]
fn the_status_page_shows_coverage_without_script() {
    let project = Project::fixture();
    assert_clean(&project.build());
    let page = project.page("status/index.html");
    assert!(page.contains("<svg class=\"coverage\""));
    assert!(page.contains("content/fr/1/1.1/b.md"), "lists what is missing");
    assert!(page.contains(r#"href="../fr/1.1.a/index.html""#), "links each item to its page");
    assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
    // The coverage is in the HTML; the only scripts are every page's optional ones: offline
    // reading, and the language menu's keyboard niceties.
    let scripts: Vec<&str> = page.match_indices("<script").map(|(at, _)| &page[at..page[at..].find('>').unwrap() + at + 1]).collect();
    assert_eq!(scripts, [r#"<script src="../assets/offline.js" defer>"#, r#"<script src="../assets/languages.js" defer>"#], "{scripts:?}");
}

#[test]
fn the_status_page_is_in_every_language_and_linked_from_every_footer() {
    let project = Project::fixture();
    assert_clean(&project.build());
    // In each language, with its interface texts and the switch between them.
    let fr = project.page("fr/status/index.html");
    assert!(fr.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "{fr}");
    assert!(fr.contains("<h1>État des traductions</h1>") && fr.contains(">Défi 1.1.b</a>"), "{fr}");
    assert!(fr.contains(r#"<a href="../../zh/status/index.html" hreflang="zh-Hans""#), "a language switch with its languages");
    // The first address stays, in the reference language.
    assert!(project.page("status/index.html").contains("<h1>Translation status</h1>"));
    for (path, html) in html_files(&project.path("public")) {
        // (Handouts are documents to print, without the site's footer.)
        if path.starts_with("status/") || path == "404.html" || path == "index.html" || path.contains("/print/") {
            continue;
        }
        let lang = path.split('/').next().unwrap();
        let root = "../".repeat(path.matches('/').count());
        assert!(html.contains(&format!("<a href=\"{root}{lang}/status/index.html\">")), "{path}: no link to the status page");
    }
}

#[test]
fn the_status_summary_counts_words_and_adds_up() {
    let project = Project::fixture();
    assert_clean(&project.build());
    let page = project.page("en/status/index.html");
    let row = regex::Regex::new(r#"<tr><th scope="row"><a href="\#(\w+)"[^>]*>[^<]*</a></th><td>(\d+) \((\d+)%\)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td></tr>"#).unwrap();
    let rows: Vec<_> = row.captures_iter(&page).map(|c| (1..=6).map(|i| c[i].to_string()).collect::<Vec<_>>()).collect();
    assert_eq!(rows.len(), 2, "a row for each translation (fr, zh): {page}");
    let status = status_of(&project);
    for row in &rows {
        let n = |i: usize| row[i].parse::<usize>().unwrap();
        assert_eq!(n(1) + n(3) + n(4), n(5), "{row:?}: translated, missing and outdated words make the whole");
        assert_eq!(n(5), rows.iter().map(|r| r[5].parse::<usize>().unwrap()).max().unwrap(), "the same English for every language");
        if row[0] == "fr" {
            // Counted in words, not files: the missing challenge 1.1.b weighs its words.
            let missing: usize = status.languages[0]
                .groups
                .iter()
                .flat_map(|g| &g.items)
                .filter(|i| i.state == State::Missing)
                .map(|i| i.english_words)
                .sum();
            assert_eq!(n(3), missing);
            assert_eq!(n(2), n(1) * 100 / n(5));
        }
    }
}

#[test]
fn the_status_page_warns_without_history_and_links_out_of_step_items() {
    // A copy without git (a translator's zip): the page says what cannot be shown.
    let project = Project::fixture();
    project.edit(FR_CHALLENGE, "## Assurer le suivi {#follow-up}", "## Assurer le suivi {#suivi}");
    let report = project.build();
    assert!(report.wrote, "{:?}", report.diagnostics);
    let page = project.page("fr/status/index.html");
    assert!(page.contains("<p class=\"warning\" role=\"note\">L’historique du projet (git) n’est pas disponible ici"), "{page}");
    assert!(status::to_text(&status_of(&project)).starts_with("Warning: the project's history (git) is not available"));
    // The problem found in the translation links to its page.
    assert!(page.contains(r#"<li><a href="../../fr/1.1.a/index.html">Ouvrir la page</a>: <code>content/fr/1/1.1/a.md:"#), "{page}");
}

/// A running `toolkit serve`, stopped when dropped.
struct Preview {
    child: Child,
    address: String,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_preview(project: &Project) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_toolkit"))
        .args(["serve", "--port", "0", "--root"])
        .arg(project.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("toolkit serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let address = line.split_whitespace().find(|w| w.starts_with("http://")).expect("an address").to_string();
    Preview { child, address }
}

fn get(address: &str, path: &str) -> (u16, String) {
    let host = address.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(host).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, response)
}

/// The preview's build version: `/__toolkit/changes` answers at once when asked about another.
fn build_version(address: &str, since: u64) -> u64 {
    let (_, body) = get(address, &format!("/__toolkit/changes?since={since}"));
    let json = &body[body.find('{').expect("a JSON answer")..];
    serde_json::from_str::<serde_json::Value>(json).unwrap()["version"].as_u64().unwrap()
}

/// Waits as an open page does, on the preview's long poll (no fixed sleeps), for rebuilds after
/// `since` until `condition` holds. An editor's save may take more than one rebuild.
fn after_rebuilds(address: &str, since: u64, what: &str, mut condition: impl FnMut() -> bool) -> u64 {
    let start = Instant::now();
    let mut version = since;
    loop {
        let next = build_version(address, version);
        if next != version && condition() {
            return next;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "timed out waiting for {what}");
        version = next;
    }
}

#[test]
fn the_preview_serves_rebuilds_on_change_and_shows_errors() {
    let project = Project::fixture();
    let preview = start_preview(&project);
    assert!(preview.address.starts_with("http://127.0.0.1:"), "listens on loopback only");
    let (status, page) = get(&preview.address, "/en/1.1.a/");
    assert_eq!(status, 200);
    assert!(page.contains("Raise the"));
    assert!(page.contains(r#"<script src="/__toolkit/reload.js" data-version="#), "pages reload themselves");
    assert!(get(&preview.address, "/__toolkit/reload.js").1.contains("/__toolkit/changes"));
    let (status, redirect) = get(&preview.address, "/fr");
    assert_eq!(status, 301, "a language folder without its slash is sent to it");
    assert!(redirect.contains("Location: /fr/"), "{redirect}");

    let version = build_version(&preview.address, u64::MAX);
    project.edit("content/en/1/1.1/a.md", "Raise the VPs", "Raise the freshly edited VPs");
    let version =
        after_rebuilds(&preview.address, version, "the new text", || get(&preview.address, "/en/1.1.a/").1.contains("freshly edited"));

    project.edit("content/en/1/1.1/a.md", "[@VPs: 4].", "[@NOPE: 4].");
    let version = after_rebuilds(&preview.address, version, "the error page", || {
        let (status, page) = get(&preview.address, "/en/1.1.a/");
        status == 500 && page.contains("content/en/1/1.1/a.md:7") && page.contains("NOPE")
    });
    project.edit("content/en/1/1.1/a.md", "[@NOPE: 4].", "[@VPs: 4].");
    after_rebuilds(&preview.address, version, "the repaired page", || get(&preview.address, "/en/1.1.a/").0 == 200);

    for path in ["/../Cargo.toml", "/%2e%2e/content/toolkit.toml", "/en/../../content/toolkit.toml", "/content/toolkit.toml"] {
        assert_eq!(get(&preview.address, path).0, 404, "{path}");
    }
}
