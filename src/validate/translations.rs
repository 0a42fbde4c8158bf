//! Is a translation in step with its English original? Same good practices (number and
//! anchors), same citations (keys and places), cross-references, footnotes and boxes. Each
//! difference is reported on the translation's line, saying what English has there.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostics;
use crate::load::markdown::{Block, GoodPractice, Located, Node};
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
        report_unmatched_headings(english, translated, diagnostics);
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

/// Names the English good practices a translation lacks, and its headings English does not have,
/// by lining the two lists up on what each practice contains (citations, references, notes,
/// list items, paragraphs), which translators keep, rather than on position.
fn report_unmatched_headings(english: &Challenge, translated: &Challenge, diagnostics: &Diagnostics) {
    let file = &translated.info.file;
    let english_name = crate::diagnostics::display_path(&english.info.file);
    let (e, t) = (&english.practices, &translated.practices);
    let consequence = format!(
        "Until each English good practice has exactly one translated heading, in the same order, readers of this language are shown the English text of this challenge (the anchors #gp-1, #gp-2… would otherwise point at the wrong practices). English has {} good practices, this translation {}.",
        e.len(),
        t.len()
    );
    if e.len().saturating_mul(t.len()) > MAX_ALIGNED {
        let line = t.get(e.len().min(t.len()).saturating_sub(1)).map_or(1, |p| p.line);
        diagnostics.warning(
            file,
            Some(line),
            format!("The good practices (## headings) of this translation do not match {english_name}. {consequence}"),
        );
        return;
    }
    let steps = align(e, t);
    let mut paired_with: Vec<Option<usize>> = vec![None; e.len()];
    for step in &steps {
        if let Step::Pair(i, j) = step {
            paired_with[*i] = Some(*j);
        }
    }
    for step in steps {
        match step {
            Step::Missing(i) => {
                let after = (0..i).rev().find_map(|k| paired_with[k]).map(|j| t[j].line);
                let place = after.map_or("before the first heading".to_string(), |line| format!("after the practice on line {line}"));
                diagnostics.warning(
                    file,
                    after.or(t.first().map(|p| p.line)),
                    format!(
                        "English good practice {} (line {} of {english_name}: \"{}\") has no translated heading; it belongs {place}. {consequence}",
                        i + 1,
                        e[i].line,
                        heading_text(&e[i])
                    ),
                );
            }
            Step::Extra(j) => diagnostics.warning(
                file,
                Some(t[j].line),
                format!(
                    "The heading \"{}\" has no English good practice to translate: it is one ## heading too many (or a sub-heading that should start with ###). {consequence}",
                    heading_text(&t[j])
                ),
            ),
            Step::Pair(..) => {}
        }
    }
}

fn heading_text(practice: &GoodPractice) -> String {
    let text: String = practice
        .heading
        .iter()
        .filter_map(|n| match &n.node {
            Node::Md(pulldown_cmark::Event::Text(t)) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let short: String = text.chars().take(80).collect();
    if short.len() < text.len() { format!("{short}…") } else { short }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Pair(usize, usize),
    Missing(usize),
    Extra(usize),
}

/// Beyond this many pairs of practices to weigh, only the count is reported (a file with
/// thousands of practices would otherwise take minutes and memory).
const MAX_ALIGNED: usize = 250_000;

/// What a practice is made of, in ways a faithful translation keeps.
fn shape(practice: &GoodPractice) -> (BTreeMap<Mark, Vec<u32>>, usize, usize) {
    use pulldown_cmark::{Event, Tag};
    let count =
        |wanted: fn(&Tag) -> bool| practice.body.iter().filter(|n| matches!(&n.node, Node::Md(Event::Start(tag)) if wanted(tag))).count();
    (practice_marks(std::slice::from_ref(practice)), count(|t| matches!(t, Tag::Item)), count(|t| matches!(t, Tag::Paragraph)))
}

fn similarity(a: &(BTreeMap<Mark, Vec<u32>>, usize, usize), b: &(BTreeMap<Mark, Vec<u32>>, usize, usize)) -> f64 {
    let ratio = |x: usize, y: usize| if x == y { 1.0 } else { x.min(y) as f64 / x.max(y) as f64 };
    let (mut shared, mut all) = (0, 0);
    for mark in a.0.keys().chain(b.0.keys().filter(|k| !a.0.contains_key(*k))) {
        let (x, y) = (a.0.get(mark).map_or(0, Vec::len), b.0.get(mark).map_or(0, Vec::len));
        shared += x.min(y);
        all += x.max(y);
    }
    let marks = if all == 0 { 1.0 } else { shared as f64 / all as f64 };
    2.0 * marks + ratio(a.1, b.1) + ratio(a.2, b.2)
}

/// The order-keeping alignment of two lists of practices that pairs the most alike (dynamic
/// programming over prefixes, as in a text diff).
fn align(e: &[GoodPractice], t: &[GoodPractice]) -> Vec<Step> {
    let (es, ts): (Vec<_>, Vec<_>) = (e.iter().map(shape).collect(), t.iter().map(shape).collect());
    let (n, m) = (e.len(), t.len());
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            best[i][j] = (similarity(&es[i], &ts[j]) + best[i + 1][j + 1]).max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && (best[i][j] - (similarity(&es[i], &ts[j]) + best[i + 1][j + 1])).abs() < 1e-9 {
            steps.push(Step::Pair(i, j));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || (best[i][j] - best[i + 1][j]).abs() < 1e-9) {
            steps.push(Step::Missing(i));
            i += 1;
        } else {
            steps.push(Step::Extra(j));
            j += 1;
        }
    }
    steps
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
    // Languages side by side: the problems are sorted when reported.
    site.languages.par_iter().filter(|c| c.code != reference.code).for_each(|content| {
        for (id, translated) in &content.challenges {
            if let Some(english) = reference.challenges.get(id) {
                compare_challenge(english, translated, diagnostics);
            }
        }
        // A later edition's translation is checked against that edition's English text; its
        // parts and reference lines as one text.
        for (edition, revised) in &content.editions {
            let Some(original) = reference.editions.get(edition) else { continue };
            for (id, translated) in &revised.challenges {
                if let Some(english) = original.challenges.get(id) {
                    compare_challenge(english, translated, diagnostics);
                    let leads = |c: &Challenge| {
                        c.blocks
                            .iter()
                            .flat_map(|b| match b {
                                Block::Part(nodes) | Block::Lead(nodes) => nodes.clone(),
                                Block::Practices(_) => Vec::new(),
                            })
                            .collect::<Vec<_>>()
                    };
                    compare_document(&leads(english), &leads(translated), &translated.info.file, &english.info.file, diagnostics);
                }
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
    });
}
