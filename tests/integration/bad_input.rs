//! Each kind of bad input gives a clear error naming the file and line, the build never panics,
//! and a failed build leaves the previous site untouched.

use crate::common;

use common::*;

const CHALLENGE: &str = "content/en/1/1.1/a.md";

/// Applies `change`, checks, and returns the problems reported for `file`.
fn problems_after(change: impl FnOnce(&Project), file: &str) -> Vec<String> {
    let project = Project::fixture();
    change(&project);
    let report = project.check();
    assert!(report.failed(false), "the check should fail: {:?}", report.diagnostics);
    problems_in(&report, file)
}

fn assert_reported(problems: &[String], line: u32, words: &str) {
    let wanted = format!("{line}: ");
    assert!(
        problems.iter().any(|p| p.starts_with(&wanted) && p.contains(words)),
        "expected line {line} to mention {words:?}; got:\n{}",
        problems.join("\n")
    );
}

#[test]
fn unknown_citation_key() {
    let problems = problems_after(|p| p.edit(CHALLENGE, "[@MIGA: III-8]", "[@MIGO: III-8]"), CHALLENGE);
    assert_reported(&problems, 8, "The citation key \"MIGO\" is not in content/sources.toml");
}

#[test]
fn malformed_citation() {
    let problems = problems_after(|p| p.edit(CHALLENGE, "[@MIGA: III-8]", "[@MIGA III-8]"), CHALLENGE);
    assert_reported(&problems, 8, "after the key \"MIGA\" write a colon");
}

#[test]
fn unknown_cross_reference() {
    let problems = problems_after(|p| p.edit(CHALLENGE, "[](ref:1.1.b)", "[](ref:9.9.z)"), CHALLENGE);
    assert_reported(&problems, 25, "ref:9.9.z");
    let problems = problems_after(|p| p.edit(CHALLENGE, "[](ref:1.1.b)", "[](ref:one)"), CHALLENGE);
    assert_reported(&problems, 25, "is not understood");
    let problems = problems_after(|p| p.edit(CHALLENGE, "(ref:1.1.a#gp-1)", "(ref:1.1.a#gp-9)"), CHALLENGE);
    assert_reported(&problems, 25, "ref:1.1.a#gp-9");
}

#[test]
fn unknown_box() {
    let problems = problems_after(|p| p.edit(CHALLENGE, "[](box:tools)", "[](box:toolz)"), CHALLENGE);
    assert_reported(&problems, 21, "The box \"toolz\" does not exist");
}

#[test]
fn duplicate_ids() {
    let problems = problems_after(|p| p.edit(CHALLENGE, "id = \"1.1.a\"", "id = \"1.1.b\""), CHALLENGE);
    assert_reported(&problems, 2, "makes it challenge 1.1.a");
    let problems = problems_after(|p| p.edit(CHALLENGE, "## Follow up {#follow-up}", "## Follow up {#gp-1}"), CHALLENGE);
    assert_reported(&problems, 23, "same anchor \"gp-1\"");
    let problems = problems_after(
        |p| {
            let sources = p.read("content/sources.toml");
            p.write("content/sources.toml", &format!("{sources}\n[[source]]\nkey = \"VPs\"\ntitle = \"Again\"\n"));
        },
        "content/sources.toml",
    );
    assert_reported(&problems, 24, "The source key \"VPs\" is used twice");
}

#[test]
fn malformed_front_matter() {
    let problems = problems_after(|p| p.edit(CHALLENGE, "statement = \"Companies", "statement = Companies"), CHALLENGE);
    assert_reported(&problems, 3, "double quotes");
    let problems = problems_after(|p| p.edit(CHALLENGE, "statement =", "statment ="), CHALLENGE);
    assert_reported(&problems, 3, "statment");
    let problems = problems_after(|p| p.edit(CHALLENGE, "+++\n##", "\n##"), CHALLENGE);
    assert_reported(&problems, 1, "never closed");
}

#[test]
fn file_that_is_not_utf8() {
    let problems = problems_after(
        |p| {
            let mut bytes = p.read(CHALLENGE).into_bytes();
            let at = bytes.iter().position(|&b| b == b'W').unwrap(); // "What are", line 16
            bytes[at] = 0xE9;
            std::fs::write(p.path(CHALLENGE), bytes).unwrap();
        },
        CHALLENGE,
    );
    assert_reported(&problems, 16, "UTF-8");
}

#[test]
fn markdown_the_model_cannot_place() {
    let problems = problems_after(|p| p.edit(CHALLENGE, "+++\n## Discuss", "+++\nAn introduction.\n\n## Discuss"), CHALLENGE);
    assert_reported(&problems, 5, "comes before the first good practice");
    let problems = problems_after(|p| p.edit(CHALLENGE, "## Follow up", "# Follow up"), CHALLENGE);
    assert_reported(&problems, 23, "single #");
    let problems = problems_after(|p| p.edit(CHALLENGE, "women officers.”[^1]", "women officers.”[^2]"), CHALLENGE);
    assert_reported(&problems, 10, "[^2] has no text");
    let problems = problems_after(|p| p.edit(CHALLENGE, "[](box:tools)", "Text [](box:tools) inline."), CHALLENGE);
    assert_reported(&problems, 21, "must stand alone");
    let problems = problems_after(|p| p.edit(CHALLENGE, "(https://www.example.org)", "(../elsewhere/)"), CHALLENGE);
    assert_reported(&problems, 27, "cannot be followed");
}

#[test]
fn broken_interface_texts() {
    let problems = problems_after(|p| p.write("i18n/en/extra.ftl", "good = fine\nbroken line without equals\n"), "i18n/en/extra.ftl");
    assert_reported(&problems, 2, "not valid Fluent");
    // A translated variable name would show readers "{$numero}": named on its line.
    let problems = problems_after(|p| p.edit("i18n/fr/site.ftl", "Chapitre { $number }", "Chapitre { $numero }"), "i18n/fr/site.ftl");
    assert_reported(&problems, 23, "uses { $numero }, which the site does not provide (English uses { $number }, { $title })");
    // A variable the English comment documents is allowed (Chinese dates use the month number).
    let project = Project::fixture();
    assert!(project.read("i18n/zh/site.ftl").contains("{ $month-number }"));
    assert!(problems_in(&project.check(), "i18n/zh/site.ftl").is_empty());
}

#[test]
fn all_problems_are_reported_together() {
    let project = Project::fixture();
    project.edit(CHALLENGE, "[@MIGA: III-8]", "[@MIGO: III-8]");
    project.edit("content/en/1/1.1/b.md", "statement =", "statment =");
    let report = project.check();
    assert_eq!(problems_in(&report, CHALLENGE).iter().filter(|p| p.contains("MIGO")).count(), 1);
    assert!(!problems_in(&report, "content/en/1/1.1/b.md").is_empty());
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let project = Project::fixture();
    assert_clean(&project.build());
    let before = html_files(&project.path("public"));
    project.edit(CHALLENGE, "Raise the VPs", "Raise the changed VPs");
    project.edit("content/en/1/1.1/b.md", "[@VPs: 5]", "[@NOPE: 5]");
    let report = project.build();
    assert!(report.failed(false));
    assert!(!report.wrote);
    assert_eq!(before, html_files(&project.path("public")), "the old site is still there, unchanged");
    let leftovers: Vec<String> = std::fs::read_dir(project.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn strange_files_never_panic() {
    let project = Project::fixture();
    project.write("content/en/1/1.1/c.md", "");
    project.write("content/en/1/1.1/d.md", "+++\n+++\n");
    project.write("content/en/1/1.1/e.md", "+++\nstatement = \"x\"\n+++\n## [](ref:)\n[@]\n[^]\n[](box:)\n- [](ref:1.1.a#)\n");
    project.write("content/en/notes.txt", "stray");
    project.write("content/en/3/3.1/a.md", "+++\nstatement = \"orphan\"\n+++\n## x\n");
    let report = project.check();
    assert!(report.failed(false));
    assert!(!problems_in(&report, "content/en/1/1.1/c.md").is_empty());
    assert!(problems_in(&report, "content/en/1/1.1/d.md").iter().any(|p| p.contains("statement")), "a missing statement");
    let odd = problems_in(&report, "content/en/1/1.1/e.md");
    for what in ["ref:", "[@]", "[^]", "box:", "ref:1.1.a#"] {
        assert!(odd.iter().any(|p| p.contains(what)), "{what} is reported: {odd:#?}");
    }
    assert!(!problems_in(&report, "content/en/notes.txt").is_empty());
    assert!(!problems_in(&report, "content/en/3/3.1/a.md").is_empty(), "a challenge in an undeclared section");
}

/// The .ftl text without message `id` (its line and its indented continuation lines).
fn without_message(text: &str, id: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with(&format!("{id} =")) {
            skipping = true;
            continue;
        }
        if skipping && (line.starts_with(' ') || line.starts_with('}')) {
            continue;
        }
        skipping = false;
        out.push_str(line);
    }
    out
}

#[test]
fn every_interface_text_the_code_uses_is_checked() {
    // Deleted from every language, each text the code uses is an error of the check, so that no
    // page can show its id (the review found ten that passed unnoticed).
    let project = Project::fixture();
    let languages = ["en", "fr", "zh"];
    let originals: Vec<String> = languages.iter().map(|l| project.read(&format!("i18n/{l}/site.ftl"))).collect();
    for msg in toolkit::load::localize::Msg::ALL {
        for (lang, original) in languages.iter().zip(&originals) {
            project.write(&format!("i18n/{lang}/site.ftl"), &without_message(original, msg.id()));
        }
        let report = project.check();
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.severity == toolkit::diagnostics::Severity::Error && d.message.contains(&format!("\"{}\"", msg.id()))),
            "deleting {} passes the check",
            msg.id()
        );
    }
}

#[test]
fn check_finds_what_only_rendering_finds() {
    // A template that names a value no page gives fails when rendered: check renders every page
    // (writing none), so it fails too, as the build would.
    let project = Project::fixture();
    project.edit("themes/default/templates/challenge.html", "{{ statement }}", "{{ statement }}{{ no_such_value }}");
    let report = project.check();
    assert!(report.failed(false), "{:#?}", report.diagnostics);
    assert!(report.diagnostics.iter().any(|d| d.message.contains("no_such_value")), "{:#?}", report.diagnostics);
    assert!(!project.path("public").exists(), "check writes nothing");
}
