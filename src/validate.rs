//! Checks that need the whole site: citations name known sources, cross-references point at
//! declared pages, boxes exist, translations have an English original.

use std::collections::BTreeSet;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{Located, Node};
use crate::model::{FileInfo, Site, Target, TargetState};

pub fn check(site: &Site, diagnostics: &Diagnostics) {
    let reference = site.reference();
    let mut used_boxes = BTreeSet::new();
    for content in &site.languages {
        let is_reference = content.code == reference.code;
        for (info, nodes) in documents(content) {
            check_nodes(site, &info.file, nodes, is_reference, &mut used_boxes, diagnostics);
        }
        if !is_reference {
            check_originals_exist(site, content, diagnostics);
        }
        for study in content.case_studies.values() {
            if let Some(chapter) = study.chapter.filter(|n| site.toc.chapter(*n).is_none()) {
                diagnostics.error(
                    &study.info.file,
                    None,
                    format!("This case study says chapter = {chapter}, but there is no chapter {chapter}."),
                );
            }
        }
    }
    for (name, text_box) in &reference.boxes {
        if !used_boxes.contains(name.as_str()) {
            diagnostics.warning(
                &text_box.info.file,
                None,
                format!("This box is not placed in any challenge: add a line [](box:{name}) where it belongs."),
            );
        }
    }
    if reference.home.is_none() {
        diagnostics.error(
            Path::new("content").join(&reference.code).join("_index.md"),
            None,
            "The home page file is missing: it gives the toolkit's title, edition and the note shown under every challenge.",
        );
    }
}

/// Every Markdown text of a language with the file it comes from.
fn documents(content: &crate::model::LanguageContent) -> Vec<(&FileInfo, Vec<&Located>)> {
    let mut all: Vec<(&FileInfo, Vec<&Located>)> = Vec::new();
    if let Some(home) = &content.home {
        all.push((&home.info, home.body.all_nodes().collect()));
    }
    all.extend(content.chapters.values().map(|c| (&c.info, c.intro.all_nodes().collect())));
    all.extend(content.sections.values().map(|s| (&s.info, s.intro.all_nodes().collect())));
    all.extend(content.challenges.values().map(|c| (&c.info, c.nodes().collect())));
    all.extend(content.boxes.values().map(|b| (&b.info, b.body.all_nodes().collect())));
    all.extend(content.case_studies.values().map(|c| (&c.info, c.body.all_nodes().collect())));
    all
}

fn check_nodes<'a>(
    site: &'a Site,
    file: &Path,
    nodes: Vec<&'a Located>,
    is_reference: bool,
    used_boxes: &mut BTreeSet<&'a str>,
    diagnostics: &Diagnostics,
) {
    for located in nodes {
        let line = Some(located.line);
        match &located.node {
            Node::Citation(citation) => {
                for item in &citation.items {
                    if site.sources.get(&item.key).is_none() {
                        let known: Vec<&str> = site.sources.list.iter().map(|s| s.key.as_str()).collect();
                        diagnostics.error(
                            file,
                            line,
                            format!(
                                "The citation key \"{}\" is not in content/sources.toml. Keys are case-sensitive; the known keys are: {}.",
                                item.key,
                                known.join(", ")
                            ),
                        );
                    }
                }
            }
            Node::RefStart(text) => match Target::parse(text) {
                None => diagnostics.error(
                    file,
                    line,
                    format!("The cross-reference \"ref:{text}\" is not understood. Write a chapter, section or challenge number such as ref:2, ref:2.1 or ref:2.1.a, or ref:case-studies/name."),
                ),
                Some(target) => match site.target_state(&target) {
                    TargetState::Published => {}
                    TargetState::Forthcoming => {
                        // Reported once, on the reference language's file; translations mirror it.
                        if is_reference {
                            diagnostics.push(forthcoming(file, located.line, text));
                        }
                    }
                    TargetState::Unknown => diagnostics.error(
                        file,
                        line,
                        format!("The cross-reference \"ref:{text}\" points to something the table of contents does not declare. Check the number, or declare it in its section's _index.md."),
                    ),
                },
            },
            Node::Box(name) => {
                if site.reference().boxes.contains_key(name) {
                    used_boxes.insert(name.as_str());
                } else {
                    diagnostics.error(
                        file,
                        line,
                        format!("The box \"{name}\" does not exist: there is no content/{}/boxes/{name}.md.", site.default_language()),
                    );
                }
            }
            _ => {}
        }
    }
}

/// A reference to a declared but unpublished page: shown as plain text, and worth knowing about,
/// but part of a living document's plan rather than a mistake (so `--strict` lets it pass).
pub fn forthcoming(file: &Path, line: u32, target: &str) -> Diagnostic {
    let mut diagnostic = Diagnostic::warning(
        file,
        Some(line),
        format!(
            "The cross-reference ref:{target} points to a part of the toolkit that is not published yet; it is shown as plain text until it is."
        ),
    );
    diagnostic.forthcoming = Some(target.to_string());
    diagnostic
}

fn check_originals_exist(site: &Site, content: &crate::model::LanguageContent, diagnostics: &Diagnostics) {
    let reference = site.reference();
    let originals: BTreeSet<&str> = reference.files().into_iter().map(|f| f.path.as_str()).collect();
    for info in content.files() {
        if !originals.contains(info.path.as_str()) {
            diagnostics.warning(
                &info.file,
                None,
                format!(
                    "This translation has no English original (content/{}/{}), so it is not published. Check the file name and folder.",
                    reference.code, info.path
                ),
            );
        }
    }
    if let (Some(glossary), Some(original)) = (&content.glossary, &reference.glossary) {
        for term in &glossary.terms {
            if !original.terms.iter().any(|t| t.id == term.id) {
                diagnostics.warning(
                    &glossary.info.file,
                    Some(term.line),
                    format!("The glossary id \"{}\" is not in the English glossary, so this term is not shown.", term.id),
                );
            }
        }
    }
}
