//! The hostile and clumsy inputs of the reliability review (case ids such as I06 or C36 refer to
//! it), and other members of each class: nothing from content becomes markup the theme did not
//! write, nothing crashes or hangs, nothing is lost, the strict gates catch what they should,
//! and every message names its file and line in plain words.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::common;

use common::*;
use toolkit::diagnostics::Severity;

const CHALLENGE: &str = "content/en/1/1.1/a.md";
const FR_CHALLENGE: &str = "content/fr/1/1.1/a.md";

/// Errors (not warnings) reported for `file`, as "line: message".
fn errors_in(report: &toolkit::build::Report, file: &str) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && toolkit::diagnostics::display_path(&d.file) == file)
        .map(|d| format!("{}: {}", d.line.map_or("-".into(), |l| l.to_string()), d.message))
        .collect()
}

fn assert_error(project: &Project, file: &str, line: Option<u32>, words: &str) {
    let report = project.check();
    let errors = errors_in(&report, file);
    let prefix = line.map_or("-: ".to_string(), |l| format!("{l}: "));
    assert!(
        errors.iter().any(|e| e.starts_with(&prefix) && e.contains(words)),
        "expected an error on {file} line {line:?} with {words:?}; got:\n{}",
        report.diagnostics.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
    );
}

fn toolkit(project: &Project, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_toolkit")).arg("--root").arg(project.root()).args(args).output().unwrap()
}

// 1. Nothing from content becomes markup the theme did not write.

#[test]
fn heading_attributes_are_refused_everywhere() {
    // I06, I07, I08: event handlers, styles and classes on headings of every kind of text.
    let attacks =
        ["{tabindex=0 autofocus=autofocus onfocus=alert(1)}", "{style=position:fixed;top:0}", "{.big}", "{#x onmouseover=alert(1)}"];
    let places = [
        (CHALLENGE, "\n### Sub ATTACK\n\ntext\n"),
        (FR_CHALLENGE, "\n### Sous-titre ATTACK\n\nTexte.\n"),
        ("content/en/boxes/tools.md", "\n### In a box ATTACK\n"),
        ("content/en/1/_index.md", "\n## In a chapter ATTACK\n"),
        ("content/en/case-studies/example.md", "\n#### In a case study ATTACK\n"),
    ];
    for attack in attacks {
        for (file, template) in places {
            let project = Project::fixture();
            let text = project.read(file);
            project.write(file, &format!("{text}{}", template.replace("ATTACK", attack)));
            let report = project.check();
            let errors = errors_in(&report, file);
            assert!(
                errors.iter().any(|e| e.contains("cannot carry the settings") || e.contains("cannot be used")),
                "{file} with {attack}: {errors:#?}"
            );
            assert!(report.failed(true));
        }
    }
}

#[test]
fn good_practice_anchors_cannot_take_the_pages_own_ids() {
    // C40 and its class: ids of the template, ids the pages write, and names that are not names.
    for anchor in ["main", "note", "practices-title", "box-tools", "fn-1", "fnref-1", "x-title", "Main", "x\"y", "1st"] {
        let project = Project::fixture();
        project.edit(CHALLENGE, "## Follow up {#follow-up}", &format!("## Follow up {{#{anchor}}}"));
        let report = project.check();
        let errors = errors_in(&report, CHALLENGE);
        assert!(errors.iter().any(|e| e.starts_with("23: ") && e.contains("cannot be used")), "{anchor}: {errors:#?}");
    }
    // An anchor on a heading that is not a good practice's.
    let project = Project::fixture();
    project.write("content/en/boxes/tools.md", &format!("{}\n## Part {{#part}}\n", project.read("content/en/boxes/tools.md")));
    assert_error(&project, "content/en/boxes/tools.md", Some(11), "only the good practices of a challenge have anchors");
}

#[test]
fn script_addresses_are_refused_however_written() {
    // I02, I12 and the class: every place content gives an address.
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\\tscript:alert(1)",
        "data:text/html,x",
        "//evil.example/",
    ] {
        let project = Project::fixture();
        project.edit("content/sources.toml", "url = \"https://www.voluntaryprinciples.org/\"", &format!("url = \"{url}\""));
        assert_error(&project, "content/sources.toml", Some(6), "cannot be used");

        let project = Project::fixture();
        project.edit("content/en/case-studies/example.md", "url = \"https://example.org/case.pdf\"", &format!("url = \"{url}\""));
        assert_error(&project, "content/en/case-studies/example.md", Some(4), "cannot be used");
    }
    for link in
        ["[a](javascript:alert(1))", "[a](java&#115;cript:alert(1))", "[a](JAVASCRIPT:x)", "<javascript:alert(1)>", "[a](data:text/html,x)"]
    {
        let project = Project::fixture();
        project.edit(CHALLENGE, "and <b>bold</b> HTML", &format!("and {link} HTML"));
        assert_error(&project, CHALLENGE, Some(26), "cannot be followed");
    }
    let project = Project::fixture();
    project.edit("content/toolkit.toml", "https://example.org/toolkit/", "javascript:alert(1)//");
    assert_error(&project, "content/toolkit.toml", None, "base_url");
}

#[test]
fn language_tags_must_be_tags() {
    // I19.
    let project = Project::fixture();
    project.edit("content/toolkit.toml", "tag = \"en\"", "tag = \"en\\\" autofocus onfocus=\\\"alert(1)\"");
    assert_error(&project, "content/toolkit.toml", None, "is not a BCP 47 language tag");
}

#[test]
fn titles_stay_inside_the_print_pages_css_strings() {
    // I21: CR, FF, quotes and braces in a title that the print page puts in CSS.
    let project = Project::fixture();
    project.edit(
        "content/en/1/_index.md",
        "title = \"Working with fixtures\"",
        "title = \"Working\\r} } body { background: url(http://127.0.0.1:9/leak) } @page { @top-left { content: \\\"x\\f\\\"\"",
    );
    assert_clean(&project.build());
    let page = project.page("en/1/print/index.html");
    let style = &page[page.find("<style>").unwrap() + 7..page.find("</style>").unwrap()];
    assert!(!style.contains("url("), "{style}");
    assert!(!style.contains('\r') && !style.contains('\u{c}'), "{style}");
    assert_eq!(style.matches('{').count(), style.matches('}').count(), "{style}");
    assert_eq!(style.matches('{').count(), 6, "only the theme's own rules: {style}");
}

#[test]
fn every_page_carries_a_content_security_policy() {
    let project = Project::fixture();
    assert_clean(&project.build());
    let mut pages = 0;
    for (path, bytes) in site_files(&project.path("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        let policy = attributes(&html, "content").into_iter().find(|c| c.starts_with("default-src")).unwrap_or_default();
        assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\""), "{path}");
        // (The handout the PDF printer renders runs none: tests/integration/handout.rs.)
        assert!(policy.contains("script-src 'self';"), "{path}: {policy}");
        assert!(!policy.contains("unsafe"), "{path}: {policy}");
        assert!(policy.contains("object-src 'none'") && policy.contains("base-uri 'none'"), "{path}: {policy}");
        assert!(!html.contains("<script>") && !html.contains(" onclick=") && !html.contains(" onload="), "{path} has inline script");
    }
    assert!(pages > 30, "{pages} pages");
}

// 2. Never crash, never hang.

#[test]
fn boxes_placed_inside_themselves_are_errors_naming_the_chain() {
    // C36: directly, in English.
    let project = Project::fixture();
    project.write("content/en/boxes/tools.md", &format!("{}\n[](box:tools)\n", project.read("content/en/boxes/tools.md")));
    assert_error(&project, "content/en/boxes/tools.md", None, "content/en/boxes/tools.md → content/en/boxes/tools.md");

    // C37: through another box, in a translation only.
    let project = Project::fixture();
    project.write("content/en/boxes/other.md", "+++\ntitle = \"Other\"\n+++\nText.\n");
    project.write("content/fr/boxes/other.md", "+++\ntitle = \"Autre\"\n+++\nTexte.\n\n[](box:tools)\n");
    project.write("content/fr/boxes/tools.md", &format!("{}\n[](box:other)\n", project.read("content/fr/boxes/tools.md")));
    let report = project.check();
    let all: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(all.iter().any(|d| d.contains("is placed inside itself") && d.contains("content/fr/boxes/")), "{all:#?}");

    // Deeper than readers can follow.
    let project = Project::fixture();
    for (name, next) in [("b1", "b2"), ("b2", "b3"), ("b3", "b4"), ("b4", "b5"), ("b5", "")] {
        let place = if next.is_empty() { String::new() } else { format!("\n[](box:{next})\n") };
        project.write(&format!("content/en/boxes/{name}.md"), &format!("+++\ntitle = \"{name}\"\n+++\nText.\n{place}"));
    }
    project.write("content/en/boxes/tools.md", &format!("{}\n[](box:b1)\n", project.read("content/en/boxes/tools.md")));
    let report = project.check();
    assert!(report.diagnostics.iter().any(|d| d.message.contains("more than 4 deep")), "{:#?}", report.diagnostics);
}

#[test]
fn empty_glossary_entries_are_errors_not_hangs() {
    // C52 in English (a new entry) and in a translation.
    let project = Project::fixture();
    let glossary = project.read("content/en/glossary.toml");
    project.write("content/en/glossary.toml", &format!("{glossary}\n[[term]]\nid = \"empty\"\nabbr = \"\"\nterm = \"Nothing\"\n"));
    let line = glossary.lines().count() as u32 + 3;
    assert_error(&project, "content/en/glossary.toml", Some(line), "empty abbr");

    let project = Project::fixture();
    project.edit("content/fr/glossary.toml", "abbr = \"PSP\"", "abbr = \" \"");
    let report = project.check();
    assert!(errors_in(&report, "content/fr/glossary.toml").iter().any(|e| e.contains("empty abbr")), "{:#?}", report.diagnostics);
}

#[test]
fn deep_markdown_nesting_does_not_overflow_the_stack() {
    // C26, C28.
    let project = Project::fixture();
    let text = project.read(CHALLENGE);
    let deep = format!("{}deep\n\n{}\n\n{}x{}\n", ">".repeat(10_000), "- ".repeat(10_000), "[".repeat(20_000), "*".repeat(20_000));
    project.write(CHALLENGE, &format!("{text}\n## Deep\n\n{deep}"));
    let report = project.build();
    assert!(report.wrote, "{:#?}", report.diagnostics);
}

/// Median seconds of three checks of the fixture with `bytes` of text added to a challenge.
fn check_seconds(bytes: usize, unit: &str) -> f64 {
    let project = Project::fixture();
    let text = project.read(CHALLENGE);
    project.write(CHALLENGE, &format!("{text}\n## Large\n\n{}\n", unit.repeat(bytes / unit.len())));
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            project.check();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[1]
}

#[test]
fn checking_grows_linearly_with_the_size_of_a_file() {
    // C24, C25: four times the text may take about four times as long, not sixteen (quadratic).
    // Measured as a ratio within one run, so a slow machine does not matter.
    for unit in ["(a) [b] {c} ", "word [@VPs: 4] more text; "] {
        let small = check_seconds(1_000_000, unit);
        let large = check_seconds(4_000_000, unit);
        assert!(large / small < 8.0, "{unit:?}: 1 MB in {small:.2} s, 4 MB in {large:.2} s");
    }
}

#[test]
fn search_limits_are_checked() {
    // O01, O02, O03.
    let project = Project::fixture();
    assert_clean(&project.build());
    let zero = toolkit(&project, &["search", "--limit", "0", "security"]);
    assert!(!zero.status.success());
    assert!(String::from_utf8_lossy(&zero.stderr).contains("show at least 1 result"));
    for huge in ["18446744073709551615", "1000000000"] {
        let output = toolkit(&project, &["search", "--limit", huge, "security"]);
        assert!(output.status.success(), "{huge}: {}", String::from_utf8_lossy(&output.stderr));
        assert!(!String::from_utf8_lossy(&output.stdout).is_empty());
    }
    let garbage = toolkit(&project, &["search", "--limit", "99999999999999999999999", "security"]);
    assert!(!garbage.status.success() && garbage.status.code() != Some(101), "a clear refusal, not a panic");
}

// 3. Never lose or corrupt data.

#[test]
fn build_never_replaces_a_folder_it_did_not_write() {
    // A08, A09, A10.
    let project = Project::fixture();
    std::fs::create_dir_all(project.path("documents")).unwrap();
    project.write("documents/thesis.docx", "my thesis");
    project.write("notes.txt", "my notes");
    for out in ["documents", "content", "i18n", ".", "..", "notes.txt", "content/en"] {
        let output = toolkit(&project, &["build", "--out", out]);
        assert!(!output.status.success(), "--out {out} was accepted");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("The site was not written"), "--out {out}: {said}");
    }
    assert_eq!(project.read("documents/thesis.docx"), "my thesis");
    assert_eq!(project.read("notes.txt"), "my notes");
    assert!(project.path("content/en/1/1.1/a.md").is_file() && project.path("i18n/en/site.ftl").is_file());
    // Forced, a folder of one's own is replaced; the project never is.
    assert!(toolkit(&project, &["build", "--out", "documents", "--force"]).status.success());
    assert!(!project.path("documents/thesis.docx").exists() && project.path("documents/index.html").is_file());
    assert!(!toolkit(&project, &["build", "--out", ".", "--force"]).status.success());
    // A site it wrote is replaced without asking, and an empty folder is used.
    assert!(toolkit(&project, &["build", "--out", "documents"]).status.success());
    std::fs::create_dir_all(project.path("empty")).unwrap();
    assert!(toolkit(&project, &["build", "--out", "empty"]).status.success());
}

#[test]
fn builds_clear_what_killed_builds_left() {
    // A04: leftovers of builds killed with kill -9 (no process has such a large pid).
    let project = Project::fixture();
    for leftover in [".public.building-99999999", ".public.old-99999998", ".toolkit/search.new-99999997", ".toolkit/search.old-99999996"] {
        std::fs::create_dir_all(project.path(leftover).join("en")).unwrap();
    }
    assert_clean(&project.build());
    let names = |folder: &Path| -> Vec<String> {
        std::fs::read_dir(folder).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect()
    };
    assert!(names(project.root()).iter().all(|n| !n.starts_with(".public.")), "{:?}", names(project.root()));
    assert_eq!(names(&project.path(".toolkit")), ["search"]);
    assert!(project.path("public").join(toolkit::outputs::staging::MARKER).is_file());
}

#[test]
fn stamp_and_diff_stay_inside_the_project() {
    // O04: a path that climbs out, an absolute one, and a link.
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.md");
    std::fs::write(&victim, "+++\ntitle = \"victim\"\n+++\ntext\n").unwrap();
    let project = Project::fixture();
    let climbing = format!("content/fr/{}", "../".repeat(20) + victim.to_str().unwrap().trim_start_matches('/'));
    std::os::unix::fs::symlink(&victim, project.path("content/fr/boxes/link.md")).unwrap();
    for path in [climbing.as_str(), victim.to_str().unwrap(), "content/fr/boxes/link.md"] {
        for command in ["stamp", "diff"] {
            let output = toolkit(&project, &["i18n", command, path]);
            assert!(!output.status.success(), "i18n {command} {path} was accepted");
        }
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "+++\ntitle = \"victim\"\n+++\ntext\n");
}

#[test]
fn stamping_keeps_windows_line_endings() {
    // C60.
    let project = Project::fixture();
    let text = project.read(FR_CHALLENGE);
    let without_stamp: String = text.lines().filter(|l| !l.starts_with("translates")).map(|l| format!("{l}\r\n")).collect();
    project.write(FR_CHALLENGE, &without_stamp);
    assert!(toolkit(&project, &["i18n", "stamp", FR_CHALLENGE]).status.success());
    let stamped = project.read(FR_CHALLENGE);
    assert!(stamped.contains("\ntranslates = \""));
    assert_eq!(stamped.matches('\n').count(), stamped.matches("\r\n").count(), "every line ends with CRLF");
}

#[test]
fn status_without_history_says_what_it_cannot_know() {
    // The temporary project has no git history: one English interface text changes.
    let project = Project::fixture();
    project.edit("i18n/en/site.ftl", "skip-to-content = Skip to main content", "skip-to-content = Skip to the content");
    let output = toolkit(&project, &["i18n", "status", "--lang", "fr", "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let messages = status["languages"][0]["groups"].as_array().unwrap().iter().find(|g| g["kind"] == "messages").unwrap();
    let outdated: Vec<&serde_json::Value> = messages["items"].as_array().unwrap().iter().filter(|i| i["state"] == "outdated").collect();
    assert_eq!(outdated.len(), 1, "one item for the file, not one per text: {outdated:#?}");
    assert!(outdated[0]["reason"].as_str().unwrap().contains("cannot be known"), "{:#?}", outdated[0]);
}

// 4. The strict gates catch what they should.

#[test]
fn control_characters_are_refused_with_their_line() {
    // C22, C23: in Markdown, in a TOML string and in Fluent.
    let project = Project::fixture();
    project.edit(FR_CHALLENGE, "## ", "## \u{0}NUL\u{0} ");
    assert_error(&project, FR_CHALLENGE, Some(4), "U+0000 NUL");
    let project = Project::fixture();
    project.edit("content/fr/1/_index.md", "title = \"", "title = \"Chap\u{0}");
    assert_error(&project, "content/fr/1/_index.md", Some(2), "invisible control character (U+0000 NUL)");
    let project = Project::fixture();
    project.edit("i18n/fr/site.ftl", "\nhome = ", "\nhome = \u{1b}");
    let report = project.check();
    assert!(errors_in(&report, "i18n/fr/site.ftl").iter().any(|e| e.contains("U+001B escape")), "{:#?}", report.diagnostics);
}

#[test]
fn padded_chapter_numbers_cannot_stand_beside_real_ones() {
    // C38.
    let project = Project::fixture();
    project.write("content/en/01/_index.md", "+++\ntitle = \"DUPLICATE CHAPTER\"\n+++\n");
    project.write("content/en/01/01.1/_index.md", "+++\ntitle = \"x\"\n+++\n");
    assert_error(&project, "content/en/01/_index.md", None, "leading zero");
    assert_error(&project, "content/en/01/01.1/_index.md", None, "leading zero");
}

#[test]
fn links_are_never_followed_in_content_or_interface_texts() {
    // C53, C55: reported by name, not followed, and the strict gate fails.
    let project = Project::fixture();
    std::os::unix::fs::symlink("/etc/passwd", project.path("content/fr/boxes/passwd.md")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", project.path("i18n/fr/evil.ftl")).unwrap();
    std::os::unix::fs::symlink("/etc", project.path("content/en/boxes/etc")).unwrap();
    let report = project.build();
    for link in ["content/fr/boxes/passwd.md", "i18n/fr/evil.ftl", "content/en/boxes/etc"] {
        assert!(
            report.diagnostics.iter().any(|d| toolkit::diagnostics::display_path(&d.file) == link && d.message.contains("symbolic link")),
            "{link}: {:#?}",
            report.diagnostics
        );
    }
    assert!(report.failed(true) && !report.failed(false));
    for (path, bytes) in site_files(&project.path("public")) {
        assert!(!String::from_utf8_lossy(&bytes).contains("root:x:0"), "{path}");
    }
}

#[test]
fn broken_fluent_references_are_errors() {
    // C47: a missing term, a missing message, and a cycle.
    let project = Project::fixture();
    project.edit("i18n/fr/site.ftl", "\nhome = ", "\nhome = { -contenu } ");
    project.edit("i18n/fr/site.ftl", "\nsources = ", "\nsources = { inexistant } ");
    let report = project.check();
    let errors = errors_in(&report, "i18n/fr/site.ftl");
    assert!(errors.iter().any(|e| e.contains("\"home\"") && e.contains("{ -contenu }, which does not exist")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("\"sources\"") && e.contains("{ inexistant }, which does not exist")), "{errors:#?}");

    let project = Project::fixture();
    project.edit("i18n/fr/site.ftl", "\nhome = ", "\nhome = { glossary } ");
    project.edit("i18n/fr/site.ftl", "\nglossary = ", "\nglossary = { home } ");
    let errors = errors_in(&project.check(), "i18n/fr/site.ftl");
    assert!(errors.iter().any(|e| e.contains("contains itself")), "{errors:#?}");
}

// 5. Messages a translator can act on.

#[test]
fn an_unreadable_original_is_not_called_missing() {
    // C03 and C20: a broken or empty English file gives one error, not warnings elsewhere.
    for broken in ["+++\nstatement = \"never closed\n", ""] {
        let project = Project::fixture();
        project.write(CHALLENGE, broken);
        let report = project.check();
        let others: Vec<String> = report.diagnostics.iter().filter(|d| d.file != Path::new(CHALLENGE)).map(|d| d.to_string()).collect();
        assert!(others.iter().all(|d| !d.contains("no English original")), "{others:#?}");
        assert_eq!(errors_in(&report, CHALLENGE).len(), 1, "{:#?}", report.diagnostics);
    }
    let project = Project::fixture();
    project.write("content/en/boxes/tools.md", "");
    let report = project.check();
    assert!(report.diagnostics.iter().all(|d| !d.message.contains("does not exist")), "{:#?}", report.diagnostics);
}

#[test]
fn one_broken_sources_file_is_one_error() {
    // C17, C49.
    let project = Project::fixture();
    let text = project.read("content/sources.toml");
    let mut bytes = text.replacen("Voluntary Principles on Security", "Voluntary Principl\u{e9}s on Security", 1).into_bytes();
    let at = bytes.windows(2).position(|w| w == [0xc3, 0xa9]).unwrap();
    bytes.splice(at..at + 2, [0xe9]);
    std::fs::write(project.path("content/sources.toml"), bytes).unwrap();
    let report = project.check();
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, Some(3));
    assert!(errors[0].message.contains("UTF-8"));

    let project = Project::fixture();
    project.edit("content/sources.toml", "title = \"Voluntary Principles on Security and Human Rights\"\n", "");
    let report = project.check();
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].message.starts_with("The list of sources could not be read"), "{}", errors[0].message);
}

#[test]
fn byte_order_marks_and_old_line_endings_are_read() {
    // C10 (a BOM in an .ftl file) and C13 (old Mac line endings).
    let project = Project::fixture();
    project.write("i18n/fr/site.ftl", &format!("\u{feff}{}", project.read("i18n/fr/site.ftl")));
    project.write(FR_CHALLENGE, &project.read(FR_CHALLENGE).replace('\n', "\r"));
    let report = project.build();
    assert_clean(&report);
    assert!(!project.page("fr/1.1.a/index.html").contains('\u{feff}'));
}

#[test]
fn a_file_not_in_utf8_names_its_line_and_hides_nothing_else() {
    // C18: no "not translated yet" warning for the texts of an unreadable .ftl file.
    let project = Project::fixture();
    let mut bytes = project.read("i18n/fr/site.ftl").into_bytes();
    let second_line = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.insert(second_line, 0xe9);
    std::fs::write(project.path("i18n/fr/site.ftl"), bytes).unwrap();
    let report = project.check();
    let here = problems_in(&report, "i18n/fr/site.ftl");
    assert!(here.iter().any(|p| p.starts_with("2: ") && p.contains("UTF-8")), "{here:#?}");
    assert!(here.iter().all(|p| !p.contains("not translated yet")), "{here:#?}");
}

#[test]
fn plain_words_for_settings_of_the_wrong_kind() {
    // C06.
    let project = Project::fixture();
    project.edit("content/fr/1/_index.md", "title = \"", "title = [\"x\"]\ntitre = \"");
    let report = project.check();
    let errors = errors_in(&report, "content/fr/1/_index.md");
    assert!(errors.iter().all(|e| !e.contains("sequence")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("a list in square brackets")), "{errors:#?}");
}

#[test]
fn a_wrong_good_practice_anchor_is_named() {
    // C34.
    let project = Project::fixture();
    project.edit(CHALLENGE, "(ref:1.1.a#gp-1)", "(ref:1.1.a#gp-9)");
    assert_error(
        &project,
        CHALLENGE,
        Some(25),
        "challenge 1.1.a has no good practice with that anchor. Its good practices are: gp-1, gp-2, follow-up",
    );
}

#[test]
fn a_hand_edited_stamp_is_explained() {
    // C59.
    let project = Project::fixture();
    let text = project.read(FR_CHALLENGE);
    let unstamped: String = text.lines().filter(|l| !l.starts_with("translates")).map(|l| format!("{l}\n")).collect();
    project.write(FR_CHALLENGE, &unstamped.replacen("+++\n", "+++\ntranslates = \"nonsense\"\n", 1));
    let output = toolkit(&project, &["i18n", "status", "--lang", "fr"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("was not written by the stamp command"));
}

#[test]
fn a_handout_to_a_missing_folder_is_refused_before_printing() {
    // O06.
    let project = Project::fixture();
    let output = toolkit(&project, &["handout", "--chapter", "1", "--pdf", "/nonexistent/dir/x.pdf"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("The folder /nonexistent/dir does not exist"));
}
