//! Is a translation in step with its English original? Same good practices (number and
//! anchors), same citations (keys and places), cross-references, footnotes and boxes. Each
//! difference is reported on the translation's line, saying what English has there.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{GoodPractice, Located, Node};
use crate::model::{Challenge, Site};

/// One comparable element of a text, as the translator wrote it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Citation(String),
    Reference(String),
    Box(String),
    Note,
}

impl Mark {
    fn describe(&self) -> String {
        match self {
            Mark::Citation(c) => format!("the citation [{c}]"),
            Mark::Reference(r) => format!("the cross-reference (ref:{r})"),
            Mark::Box(b) => format!("the box [](box:{b})"),
            Mark::Note => "a footnote call [^…]".to_string(),
        }
    }
}

fn marks(nodes: &[Located]) -> BTreeMap<Mark, Vec<u32>> {
    let mut found: BTreeMap<Mark, Vec<u32>> = BTreeMap::new();
    for located in nodes {
        let mark = match &located.node {
            Node::Citation(citation) => {
                let items: Vec<String> = citation
                    .items
                    .iter()
                    .map(|i| {
                        let mut text = format!("@{}", i.key);
                        if let Some(part) = &i.part {
                            text.push_str(&format!(", {part}"));
                        }
                        if let Some(locator) = &i.locator {
                            text.push_str(&format!(": {locator}"));
                        }
                        text
                    })
                    .collect();
                Mark::Citation(format!("{}{}", if citation.bare { "-" } else { "" }, items.join("; ")))
            }
            Node::RefStart(target) => Mark::Reference(target.clone()),
            Node::Box(name) => Mark::Box(name.clone()),
            Node::FootnoteRef(_) => Mark::Note,
            _ => continue,
        };
        found.entry(mark).or_default().push(located.line);
    }
    found
}

fn practice_marks(practices: &[GoodPractice]) -> BTreeMap<Mark, Vec<u32>> {
    let nodes: Vec<Located> = practices.iter().flat_map(|p| p.heading.iter().chain(p.body.iter())).cloned().collect();
    marks(&nodes)
}

/// Compares the marks of one part of the text; `place` names the part ("In good practice 2").
fn compare_marks(
    file: &Path,
    place: &str,
    line: u32,
    english: &BTreeMap<Mark, Vec<u32>>,
    translated: &BTreeMap<Mark, Vec<u32>>,
    english_file: &Path,
    diagnostics: &Diagnostics,
) {
    let english_name = crate::diagnostics::display_path(english_file);
    for (mark, english_lines) in english {
        let have = translated.get(mark).map_or(0, Vec::len);
        if have < english_lines.len() {
            let missing = english_lines.len() - have;
            let times = if missing == 1 { String::new() } else { format!(" ({missing} times)") };
            diagnostics.warning(
                file,
                Some(line),
                format!(
                    "{place}, {} is missing{times}: English has it on line {} of {english_name}. Keep citations, cross-references, boxes and footnotes exactly as in English.",
                    mark.describe(),
                    english_lines[have]
                ),
            );
        }
    }
    for (mark, lines) in translated {
        let expected = english.get(mark).map_or(0, Vec::len);
        if lines.len() > expected {
            diagnostics.warning(
                file,
                Some(lines[expected]),
                format!("{place}, {} is not in the English text. Check it against {english_name}.", mark.describe()),
            );
        }
    }
}

pub fn compare_challenge(english: &Challenge, translated: &Challenge, diagnostics: &Diagnostics) {
    let file = &translated.info.file;
    let english_file = &english.info.file;
    let (e, t) = (&english.practices, &translated.practices);
    if e.len() != t.len() {
        let line = t.get(e.len().min(t.len()).saturating_sub(1)).map_or(1, |p| p.line);
        diagnostics.warning(
            file,
            Some(line),
            format!(
                "This translation has {} good practices (## headings); English has {} in {}. Each English good practice needs exactly one translated heading, in the same order.",
                t.len(),
                e.len(),
                crate::diagnostics::display_path(english_file)
            ),
        );
        // Pairing practices by position would blame every practice after the missing heading;
        // comparing the whole text names only what is really missing or extra.
        let line = t.first().map_or(1, |p| p.line);
        compare_marks(file, "In this challenge", line, &practice_marks(e), &practice_marks(t), english_file, diagnostics);
        compare_footnotes(english, translated, diagnostics);
        return;
    }
    for (index, (english_practice, translated_practice)) in e.iter().zip(t.iter()).enumerate() {
        let place = format!("In good practice {}", index + 1);
        if english_practice.anchor != translated_practice.anchor {
            diagnostics.warning(
                file,
                Some(translated_practice.line),
                format!(
                    "{place}, the anchor is \"{}\" but English has \"{}\" (line {}). Anchors must be the same in every language, so links keep working.",
                    translated_practice.anchor, english_practice.anchor, english_practice.line
                ),
            );
        }
        compare_marks(
            file,
            &place,
            translated_practice.line,
            &practice_marks(std::slice::from_ref(english_practice)),
            &practice_marks(std::slice::from_ref(translated_practice)),
            english_file,
            diagnostics,
        );
    }
    compare_footnotes(english, translated, diagnostics);
}

fn compare_footnotes(english: &Challenge, translated: &Challenge, diagnostics: &Diagnostics) {
    let file = &translated.info.file;
    let english_notes: Vec<&str> = english.footnotes.iter().map(|f| f.label.as_str()).collect();
    let translated_notes: Vec<&str> = translated.footnotes.iter().map(|f| f.label.as_str()).collect();
    if english_notes.len() != translated_notes.len() {
        let line = translated.footnotes.first().map_or(1, |f| f.line);
        diagnostics.warning(
            file,
            Some(line),
            format!(
                "This translation has {} footnotes; English has {} ({}).",
                translated_notes.len(),
                english_notes.len(),
                english_notes.iter().map(|l| format!("[^{l}]")).collect::<Vec<_>>().join(", ")
            ),
        );
    }
}

/// Whole-text comparison for other documents (boxes, case studies, introductions).
pub fn compare_document(english: &[Located], translated: &[Located], file: &Path, english_file: &Path, diagnostics: &Diagnostics) {
    compare_marks(file, "In this text", 1, &marks(english), &marks(translated), english_file, diagnostics);
}

/// Compares every translated file with its English original.
pub fn check(site: &Site, diagnostics: &Diagnostics) {
    let reference = site.reference();
    for content in site.languages.iter().filter(|c| c.code != reference.code) {
        for (id, translated) in &content.challenges {
            if let Some(english) = reference.challenges.get(id) {
                compare_challenge(english, translated, diagnostics);
            }
        }
        for (name, translated) in &content.boxes {
            if let Some(english) = reference.boxes.get(name) {
                let all = |b: &crate::model::TextBox| b.body.all_nodes().cloned().collect::<Vec<_>>();
                compare_document(&all(english), &all(translated), &translated.info.file, &english.info.file, diagnostics);
            }
        }
        for (slug, translated) in &content.case_studies {
            if let Some(english) = reference.case_studies.get(slug) {
                let all = |c: &crate::model::CaseStudy| c.body.all_nodes().cloned().collect::<Vec<_>>();
                compare_document(&all(english), &all(translated), &translated.info.file, &english.info.file, diagnostics);
            }
        }
    }
}

/// For tests: the problems of one translated challenge.
pub fn challenge_problems(english: &Challenge, translated: &Challenge) -> Vec<Diagnostic> {
    let diagnostics = Diagnostics::new();
    compare_challenge(english, translated, &diagnostics);
    diagnostics.into_sorted()
}
