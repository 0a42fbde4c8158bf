//! Editions (issue 18): the Knowledge Hub edition of 3.7 beside the Third Edition — its text
//! against seed 001, its addresses, the notices both ways, what changed, its references and
//! its search results; and the alignment of good practices on small examples.

use crate::common;

use std::process::Command;

use common::{Project, project_root};
use regex::Regex;
use toolkit::compare::{Kind, Words, align, summary, word_changes};

fn built() -> &'static Project {
    common::real_site()
}

/// Lower-case words only, one space apart (punctuation, bullets and gap marks dropped).
fn words(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    format!(" {} ", out.trim())
}

/// The visible text of a page's main part.
fn main_text(html: &str) -> String {
    let main = Regex::new(r"(?s)<main.*?</main>").unwrap().find(html).expect("a <main>").as_str().to_string();
    // The interface's "(forthcoming)" after a reference to an unpublished part is not content.
    let main = Regex::new(r#"<span class="forthcoming-note">[^<]*</span>"#).unwrap().replace_all(&main, "").into_owned();
    common::unescape(&Regex::new(r"<[^>]*>").unwrap().replace_all(&main, " "))
}

#[test]
fn the_hub_edition_of_3_7_carries_every_line_of_seed_001_in_order() {
    let seed = std::fs::read_to_string(project_root().join("tests/seeds/001_3819aff4da0ccae7.txt")).unwrap();
    let start = seed.find("A. Off-duty").unwrap();
    let end = seed.find("This Website uses Matomo").unwrap();
    let lines: Vec<String> = seed[start..end]
        .lines()
        .map(|l| l.trim().trim_start_matches('•').trim())
        .map(|l| Regex::new(r"^[ABC]\. ").unwrap().replace(l, "").into_owned())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(lines.len() > 90, "only {} lines", lines.len());
    let pages: String = ["a", "b", "c"].iter().map(|x| words(&main_text(&built().page(&format!("en/hub/3.7.{x}/index.html"))))).collect();
    let mut at = 0;
    for line in &lines {
        let wanted = words(line);
        match pages[at..].find(&wanted) {
            Some(found) => at += found + wanted.len() - 1,
            None => panic!("not on the Hub pages (in order, after the line before): {line:?}"),
        }
    }
    // The two cut lines are marked as gaps where the text is lost.
    let a = main_text(&built().page("en/hub/3.7.a/index.html"));
    assert!(a.contains("Providers ) […], with a special focus"), "{a}");
    let c = main_text(&built().page("en/hub/3.7.c/index.html"));
    assert!(c.contains("Working with Public […] within Security arrangements"), "{c}");
    // The scrape's furniture is not content.
    assert!(!pages.contains("matomo") && !pages.contains("inner php"));
}

#[test]
fn third_edition_addresses_show_what_they_showed_and_name_the_later_version() {
    let third = built().page("en/3.7.a/index.html");
    assert!(third.contains("In some countries public security personnel work for"));
    assert!(third.contains("Request a letter of consent from the relevant public security institution"));
    assert!(
        third.contains(r#"<p class="notice edition-notice" role="note">Edition: <a href="../../en/index.html">Third Edition</a>. "#),
        "{third}"
    );
    let other = built().page("en/2.1.a/index.html");
    assert!(other.contains(r#"<p class="edition-line">Edition: <a href="../../en/index.html">Third Edition</a></p>"#), "{other}");
    assert!(
        third.contains(r#"A later version of this text is published: Knowledge Hub edition. <a href="../../en/hub/3.7.a/index.html">"#),
        "{third}"
    );
    let section = built().page("en/3.7/index.html");
    assert!(section.contains(r#"<a href="../../en/hub/3.7/index.html">"#), "{section}");
    // A challenge the Hub edition does not revise names its edition, with no notice.
    let other = built().page("en/2.1.a/index.html");
    assert!(other.contains("Third Edition") && !other.contains("A later version"));
    // In French, the notice is French and links to the French Hub page (in English until translated).
    let french = built().page("fr/3.7.b/index.html");
    assert!(
        french.contains(r#"Une version plus récente de ce texte est publiée"#) && french.contains("../../fr/hub/3.7.b/index.html"),
        "{french}"
    );
}

#[test]
fn hub_pages_name_their_edition_and_link_back_to_the_third_edition() {
    let hub = built().page("en/hub/3.7.a/index.html");
    // Breadcrumbs: home › edition › chapter › section.
    let crumbs = Regex::new(r#"(?s)<nav class="breadcrumbs".*?</nav>"#).unwrap().find(&hub).unwrap().as_str().to_string();
    assert!(crumbs.contains(r#"<a href="../../../en/hub/index.html">Knowledge Hub edition</a>"#), "{crumbs}");
    assert!(
        crumbs.contains(r#"<a href="../../../en/hub/3.7/index.html"><span class="crumb-full">3.7 Relationship between public and private security</span>"#),
        "{crumbs}"
    );
    assert!(
        hub.contains(r#"<a href="../../../en/3.7.a/index.html">Read this text as it was in the earlier edition (Third Edition)</a>"#),
        "{hub}"
    );
    assert!(hub.contains(r#"<a href="../../../en/hub/3.7.a/changes/index.html">What changed since then</a>"#));
    assert!(hub.contains("Off-duty public security personnel working for private security providers: addressing possible confusion"));
    // Known targets link (the Hub's own 3.7.a, the Third Edition's 2.1); others are plain text.
    let c = built().page("en/hub/3.7.c/index.html");
    assert!(c.contains(r#"<a class="xref" href="../../../en/hub/3.7.a/index.html""#), "{c}");
    let b = built().page("en/hub/3.7.b/index.html");
    assert!(b.contains(r#"<a class="xref" href="../../../en/2.1/index.html""#), "{b}");
    assert!(c.contains(r#"<span class="xref forthcoming">Oversight and accountability – Working with Private Security Providers</span><span class="forthcoming-note"> (forthcoming)</span>"#));
    // The edition's contents: revised parts link to the Hub pages, the others to their page, marked unchanged.
    let contents = built().page("en/hub/index.html");
    assert!(
        contents.contains(r#"<a href="../../en/hub/3.7/index.html">"#) && contents.contains(r#"<a href="../../en/hub/3.7.a/index.html">"#),
        "{contents}"
    );
    assert!(contents.contains(r#"<a href="../../en/2.1/index.html">"#) && contents.contains("unchanged since the Third Edition"));
    // Every practice is anchored in order, and the parts are headings.
    for n in 1..=11 {
        assert!(hub.contains(&format!(r#"<li class="practice" id="gp-{n}">"#)), "gp-{n}");
    }
    assert!(hub.contains(r#"<h2 class="edition-part">Key Resources"#));
}

#[test]
fn a_missing_translation_of_the_hub_edition_falls_back_to_english_with_the_notice() {
    let project = Project::real();
    // Whatever the translators have delivered, a language without the Hub files shows English.
    let _ = std::fs::remove_dir_all(project.path("content/fr/editions"));
    common::assert_clean(&project.build());
    let page = project.page("fr/hub/3.7.a/index.html");
    assert!(page.contains(r#"<html lang="fr">"#));
    assert!(page.contains(r#"<a href="../../../en/hub/3.7.a/index.html" hreflang="en">"#), "{page}");
    assert!(page.contains(r#"<article lang="en">"#), "{page}");
    assert!(page.contains("Édition :"));
}

#[test]
fn what_changed_aligns_practices_and_reads_on_a_phone() {
    let page = built().page("en/hub/3.7.a/changes/index.html");
    let summary = Regex::new(r#"<p class="changes-summary">([^<]*)</p>"#).unwrap().captures(&page).unwrap()[1].to_string();
    assert!(summary.contains("practice reworded") && summary.contains("dropped") && summary.contains("split into several"), "{summary}");
    // The Third Edition's "Request a letter of consent" practice is not in the Hub edition.
    assert!(page.contains("<del>Request a letter of consent"), "dropped practice shown removed");
    assert!(page.contains("<ins>Voluntary Principles on Security and Human Rights</ins>"), "VPs spelt out");
    assert!(!page.contains("<table"), "no table to overflow a phone");
    let french = built().page("fr/hub/3.7.a/changes/index.html");
    assert!(french.contains("pratique reformulée"), "summary in French");
    // Every language tells the same story: practices are paired on the reference texts.
    let numbers = |lang: &str, id: &str| -> Vec<String> {
        let page = built().page(&format!("{lang}/hub/{id}/changes/index.html"));
        let summary = Regex::new(r#"<p class="changes-summary">([^<]*)</p>"#).unwrap().captures(&page).unwrap()[1].to_string();
        Regex::new(r"\d+").unwrap().find_iter(&summary).map(|m| m.as_str().to_string()).collect()
    };
    for id in ["3.7.a", "3.7.b", "3.7.c"] {
        for lang in ["fr", "es", "zh"] {
            assert_eq!(numbers(lang, id), numbers("en", id), "{lang} {id}");
        }
    }
}

#[test]
fn alignment_tells_reordered_split_merged_new_and_dropped_practices_apart() {
    let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let old = texts(&[
        "Assess the capabilities and human rights record of public security forces.",
        "Agree on a process for investigations of human rights abuses by security providers.",
        "Provide supporting materials such as a pocket book. Identify champions within the public security sector.",
        "Meet other companies in the area to share experiences and concerns.",
        "Request a letter of consent from the public security institution.",
        "Share information on security arrangements with public security.",
    ]);
    let new = texts(&[
        "Agree on a process to investigate human rights abuses by security providers.",
        "Assess the capabilities and human rights record of public security forces.",
        "Provide supporting materials such as a pocket book.",
        "Identify champions within the public security sector.",
        "Meet other companies in the area and share experiences, concerns and information on security arrangements with public security.",
        "Ensure the response team has training in first aid.",
    ]);
    let result = align("en", &old, &new);
    let find = |kind: Kind| result.iter().filter(|a| a.kind == kind).cloned().collect::<Vec<_>>();
    let reworded = find(Kind::Reworded);
    assert_eq!(reworded.len(), 1, "{result:#?}");
    assert_eq!((reworded[0].old.clone(), reworded[0].new.clone()), (vec![1], vec![0]));
    let unchanged = find(Kind::Unchanged);
    assert_eq!((unchanged[0].old.clone(), unchanged[0].new.clone()), (vec![0], vec![1]));
    // Of the two swapped practices, one kept its order and the other moved.
    assert_eq!(usize::from(reworded[0].moved) + usize::from(unchanged[0].moved), 1, "{result:#?}");
    let split = find(Kind::Split);
    assert_eq!((split[0].old.clone(), split[0].new.clone()), (vec![2], vec![2, 3]), "{result:#?}");
    let merged = find(Kind::Merged);
    assert_eq!((merged[0].old.clone(), merged[0].new.clone()), (vec![3, 5], vec![4]), "{result:#?}");
    assert_eq!(find(Kind::New)[0].new, vec![5]);
    assert_eq!(find(Kind::Dropped)[0].old, vec![4]);
    let s = summary(&result);
    assert_eq!((s.reworded, s.unchanged, s.split, s.merged, s.new, s.dropped, s.moved), (1, 1, 1, 1, 1, 1, 1));
    // The order of the new edition, dropped practices last.
    assert_eq!(result.last().unwrap().kind, Kind::Dropped);
}

#[test]
fn word_changes_show_the_words_that_changed() {
    assert_eq!(
        word_changes("en", "Agree on a process for investigations.", "Agree on a process to investigate."),
        vec![
            Words::Same("Agree on a process ".into()),
            Words::Removed("for investigations.".into()),
            Words::Added("to investigate.".into()),
        ]
    );
    // Chinese has no spaces between words: characters are compared.
    let zh = word_changes("zh", "评估公共安全部队的能力", "评估私营安全部队的能力");
    assert!(zh.contains(&Words::Removed("公共".into())) && zh.contains(&Words::Added("私营".into())), "{zh:?}");
}

#[test]
fn check_verbose_lists_the_hub_edition_forthcoming_references() {
    let output = Command::new(env!("CARGO_BIN_EXE_toolkit"))
        .args(["--root", built().root().to_str().unwrap(), "check", "--verbose"])
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{text}");
    for target in ["ref:hub/3.6 ", "ref:hub/topics/oversight-and-accountability ", "ref:hub/topics/stakeholder-engagement "] {
        assert!(text.contains(&format!("content/en/editions/hub/3/3.7/c.md")) && text.contains(target), "{target}: {text}");
    }
    // A known target is not forthcoming.
    assert!(!text.contains("ref:hub/3.7.a ") && !text.contains("ref:hub/2.1 "), "{text}");
}

#[test]
fn search_finds_a_hub_only_sentence_and_says_which_edition() {
    let output = Command::new(env!("CARGO_BIN_EXE_toolkit"))
        .args([
            "--root",
            built().root().to_str().unwrap(),
            "search",
            "Once in a private security capacity the rules are different",
            "--json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    let first = &json[0];
    assert!(first["url"].as_str().unwrap().starts_with("/en/hub/3.7.a/"), "{json:#}");
    assert_eq!(first["breadcrumb"][2], "Knowledge Hub edition", "{json:#}");
}

/// `toolkit search` on the real site: the ids of the results, or the error it prints.
fn search_ids(args: &[&str]) -> Result<Vec<String>, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_toolkit"))
        .args(["--root", built().root().to_str().unwrap(), "search", "--json", "--limit", "20"])
        .args(args)
        .output()
        .unwrap();
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    Ok(json.as_array().unwrap().iter().map(|hit| hit["id"].as_str().unwrap().to_string()).collect())
}

#[test]
fn search_ranks_the_current_edition_first_and_filters_by_edition() {
    let all = search_ids(&["uniform"]).unwrap();
    let position = |id: &str| all.iter().position(|found| found == id).unwrap_or_else(|| panic!("{id} in {all:?}"));
    // The Hub edition is current: its 3.7.a before the Third Edition's, which it replaces.
    assert!(position("hub/3.7.a") < position("3.7.a"), "{all:?}");
    assert!(position("hub/3.7.a#gp-11") < position("3.7.a#gp-5"), "{all:?}");
    let third = search_ids(&["uniform", "--edition", "third"]).unwrap();
    assert!(third.contains(&"3.7.a#gp-5".to_string()) && !third.iter().any(|id| id.starts_with("hub/")), "{third:?}");
    // The Hub edition: its own 3.7, and the Third Edition's parts it does not revise.
    let hub = search_ids(&["security", "--edition", "hub"]).unwrap();
    assert!(hub.iter().any(|id| id.starts_with("hub/3.7.")), "{hub:?}");
    assert!(hub.iter().any(|id| id.starts_with("2.1.")), "{hub:?}");
    assert!(!hub.iter().any(|id| id.starts_with("3.7.")), "{hub:?}");
    let unknown = search_ids(&["uniform", "--edition", "fifth"]).unwrap_err();
    assert!(unknown.contains("no edition \"fifth\"") && unknown.contains("third, hub"), "{unknown}");
}

#[test]
fn edition_files_are_checked_with_file_and_line() {
    let project = Project::real();
    project.write("content/en/editions/fourth/3/3.7/a.md", "+++\ntitle = \"x\"\n+++\n- A practice.\n");
    project.write("content/en/editions/third/3/3.7/a.md", "+++\ntitle = \"x\"\n+++\n- A practice.\n");
    project.edit("content/en/editions/hub/3/3.7/b.md", "# Good Practices\n", "# Good Practices\n\n## A heading practice\n");
    project.write("content/en/editions/hub/3/3.8/a.md", "+++\ntitle = \"x\"\n+++\n- A practice.\n");
    let report = project.check();
    assert!(report.failed(false));
    let all: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    let has = |file: &str, words: &str| all.iter().any(|d| d.contains(file) && d.contains(words));
    assert!(has("content/en/editions/fourth/3/3.7/a.md", "which content/toolkit.toml does not declare"), "{all:#?}");
    assert!(has("content/en/editions/third/3/3.7/a.md", "is the first (base) edition"), "{all:#?}");
    assert!(has("content/en/editions/hub/3/3.7/b.md:6", "each good practice is a list item"), "{all:#?}");
    assert!(has("content/en/editions/hub/3/3.8/a.md", "has no section file next to it"), "{all:#?}");
}

#[test]
fn a_hub_translation_is_checked_against_the_english_hub_file_and_tracked_per_edition() {
    let project = Project::real();
    let english = project.read("content/en/editions/hub/3/3.7/c.md");
    // A translation that lost a reference line's cross-reference.
    let broken = english.replace(
        "[Oversight and accountability – Working with Private Security Providers](ref:hub/topics/oversight-and-accountability)",
        "Supervision",
    );
    project.write("content/fr/editions/hub/3/3.7/c.md", &broken);
    let report = project.check();
    let all: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        all.iter().any(|d| d.contains("content/fr/editions/hub/3/3.7/c.md") && d.contains("ref:hub/topics/oversight-and-accountability")),
        "{all:#?}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_toolkit"))
        .args(["--root", project.root().to_str().unwrap(), "i18n", "status", "--lang", "fr"])
        .output()
        .unwrap();
    let status = String::from_utf8_lossy(&output.stdout);
    assert!(status.contains("Challenge 3.7.c (edition hub)"), "{status}");
}

#[test]
fn the_hub_handout_of_chapter_3_is_the_chapter_as_the_hub_edition_has_it() {
    let hub = built().page("en/hub/3/print/index.html");
    // The Hub's 3.7 in its own form: titled statements, parts, reference lines, practices as a list.
    assert!(hub.contains("Off-duty public security personnel working for private security providers: addressing possible confusion"));
    assert!(hub.contains("Ask supervisors to regularly deliver short talks"), "a sentence only the Hub edition has");
    assert!(hub.contains(r#"<h4 class="edition-part">Good Practices"#) && hub.contains(r#"<h4 class="edition-part">Practical Tools"#));
    assert!(hub.contains(r#"<div class="edition-lead">(see "#), "reference lines");
    assert!(hub.contains(r#"<li class="practice" id="c-3.7.a-gp-11">"#), "practices anchored inside the handout");
    assert!(!hub.contains("Request a letter of consent"), "the Third Edition's text");
    // The cover and the running head of every printed page name the edition.
    assert!(hub.contains("<dd>Knowledge Hub edition</dd>"), "{hub}");
    assert!(
        hub.contains(r#"@top-left { content: "Chapter 3\2e  Working with private security providers \2013  Knowledge Hub edition"; }"#)
    );
    // A cross-reference to the Hub's own 3.7.a points inside the handout.
    assert!(hub.contains(r##"<a class="xref" href="#c-3.7.a""##), "{hub}");
    assert!(hub.contains(r#"<a href="../../../../en/hub/index.html">Back to the contents of this edition</a>"#));
    // In French, the French name of the edition.
    assert!(built().page("fr/hub/3/print/index.html").contains("<dd>Édition du Knowledge Hub</dd>"));
    // The base edition's print page shows what it showed, and leads to the later edition's.
    let third = built().page("en/3/print/index.html");
    assert!(third.contains("Request a letter of consent") && !third.contains("Ask supervisors to regularly"));
    assert!(third.contains("<dd>Third Edition</dd>") && !third.contains("edition-part"));
    assert!(
        third.contains(r#"This chapter has a later edition: Knowledge Hub edition. <a href="../../../en/hub/3/print/index.html">Print that edition</a>"#),
        "{third}"
    );
    assert!(!built().page("en/2/print/index.html").contains("later edition"), "chapter 2 has no later edition");
    // Only the chapters the edition revises have a handout of their own.
    assert!(!built().path("public/en/hub/2/print/index.html").exists());
    // The edition's contents and section pages link to it, in the reader's language.
    let print = r#"<a class="button" href="../../en/hub/3/print/index.html">Print chapter 3 as this edition has it</a>"#;
    assert!(built().page("en/hub/index.html").contains(print));
    assert!(
        built()
            .page("es/hub/3.7/index.html")
            .contains(r#"<a class="button" href="../../../es/hub/3/print/index.html">Imprimir el capítulo 3 en esta edición</a>"#)
    );
}

#[test]
fn an_edition_handout_takes_every_part_the_edition_does_not_revise_from_the_base() {
    let project = Project::real();
    // A Third Edition challenge in 3.6, which the Hub edition does not revise.
    project.write(
        "content/en/3/3.6/a.md",
        "+++\nstatement = \"A test statement of challenge 3.6.a\"\n+++\n## A test practice of 3.6.a\n\nIts text.\n",
    );
    common::assert_clean(&project.build());
    let hub = project.page("en/hub/3/print/index.html");
    let base = hub.find("A test statement of challenge 3.6.a");
    let revised = hub.find("Ask supervisors to regularly");
    assert!(base.is_some() && revised.is_some() && base < revised, "3.6 from the base, then the Hub's 3.7: {hub}");
    assert!(hub.contains(r#"<span class="practice-title">A test practice of 3.6.a</span>"#), "in the base edition's form");
    // The Hub's reference to "3.6 as the Hub edition has it" is that part of the handout.
    assert!(hub.contains(r##"<a class="xref" href="#s-3.6""##), "{hub}");
}

#[test]
fn the_handout_command_prints_the_current_edition_unless_told_otherwise() {
    let project = built();
    let loaded = toolkit::build::load(project.root()).unwrap();
    let site = &loaded.site;
    use toolkit::handout::edition_to_print;
    assert_eq!(edition_to_print(site, 3, None), Ok(Some("hub")), "the current edition by default");
    assert_eq!(edition_to_print(site, 3, Some("third")), Ok(None));
    assert_eq!(edition_to_print(site, 3, Some("hub")), Ok(Some("hub")));
    // Chapter 2 is unchanged in the Hub edition: its handout is the base edition's.
    assert_eq!(edition_to_print(site, 2, None), Ok(None));
    // An unknown edition: a clear error naming the choices, before any browser is looked for.
    let output = Command::new(env!("CARGO_BIN_EXE_toolkit"))
        .args(["--root", project.root().to_str().unwrap(), "handout", "--chapter", "3", "--edition", "fourth", "--pdf"])
        .arg(project.path("x.pdf"))
        .env("CHROME", "/nonexistent/chrome")
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(said.contains(r#"There is no edition "fourth""#) && said.contains("third, hub"), "{said}");
}
