//! Checks that need the whole site: citations name known sources, cross-references point at
//! declared pages, boxes exist, translations have an English original.

pub mod translations;

use std::collections::BTreeSet;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::markdown::{Located, Node};
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
    check_box_nesting(site, diagnostics);
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
    for edition in content.editions.values() {
        all.extend(edition.sections.values().map(|s| (&s.info, s.intro.all_nodes().collect())));
        all.extend(edition.challenges.values().map(|c| (&c.info, c.nodes().collect())));
    }
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
                    // An unreadable sources.toml is reported once, not once per citation.
                    if site.sources.get(&item.key).is_none() && !site.sources.unreadable {
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
                    TargetState::Unknown => diagnostics.error(file, line, unknown_target(site, &target, text)),
                },
            },
            Node::Box(name) => {
                if site.reference().boxes.contains_key(name) {
                    used_boxes.insert(name.as_str());
                } else if !site.reference().unreadable.contains(&format!("boxes/{name}.md")) {
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
    Diagnostic::forthcoming(
        file,
        Some(line),
        target,
        format!(
            "The cross-reference ref:{target} points to a part of the toolkit that is not published yet; it is shown as plain text until it is."
        ),
    )
}

fn check_originals_exist(site: &Site, content: &crate::model::LanguageContent, diagnostics: &Diagnostics) {
    let reference = site.reference();
    let originals: BTreeSet<&str> = reference.files().into_iter().map(|f| f.path.as_str()).collect();
    for info in content.files() {
        // An original that exists but could not be read is reported on its own.
        if !originals.contains(info.path.as_str()) && !reference.unreadable.contains(&info.path) {
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

/// Why a cross-reference's target is unknown, in words that point at the part to correct.
fn unknown_target(site: &Site, target: &Target, text: &str) -> String {
    if let Target::Challenge { id, anchor: Some(anchor) } = target {
        if let Some(challenge) = site.reference().challenges.get(id) {
            let anchors: Vec<&str> = challenge.practices.iter().map(|p| p.anchor.as_str()).collect();
            return format!(
                "The cross-reference \"ref:{text}\" names the good practice #{anchor}, but challenge {id} has no good practice with that anchor. Its good practices are: {}.",
                anchors.join(", ")
            );
        }
    }
    format!(
        "The cross-reference \"ref:{text}\" points to something the table of contents does not declare. Check the number, or declare it in its section's _index.md."
    )
}

/// A box placed inside itself, directly or through other boxes, in any language (translations
/// fall back to English boxes), is an error naming the chain of files.
fn check_box_nesting(site: &Site, diagnostics: &Diagnostics) {
    let names: BTreeSet<&str> = site.languages.iter().flat_map(|c| c.boxes.keys().map(String::as_str)).collect();
    for content in &site.languages {
        let lang = content.code.as_str();
        let mut reported: BTreeSet<Vec<String>> = BTreeSet::new();
        for name in &names {
            let mut chain = vec![name.to_string()];
            walk_boxes(site, lang, &mut chain, &mut reported, diagnostics);
        }
    }
}

fn walk_boxes<'a>(site: &'a Site, lang: &'a str, chain: &mut Vec<String>, reported: &mut BTreeSet<Vec<String>>, diagnostics: &Diagnostics) {
    let Some(last) = chain.last().cloned() else { return };
    let Some(current) = site.text_box(lang, &last) else { return };
    let placed: Vec<String> = current
        .item
        .body
        .all_nodes()
        .filter_map(|n| match &n.node {
            Node::Box(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    for name in placed {
        let file = |name: &str| site.text_box(lang, name).map(|b| crate::diagnostics::display_path(&b.item.info.file));
        if let Some(start) = chain.iter().position(|open| *open == name) {
            let mut cycle: Vec<String> = chain[start..].to_vec();
            let mut key = cycle.clone();
            key.sort();
            if reported.insert(key) {
                cycle.push(name.clone());
                let files: Vec<String> = cycle.iter().map(|n| file(n).unwrap_or_else(|| n.clone())).collect();
                diagnostics.error(
                    &current.item.info.file,
                    None,
                    format!(
                        "The box \"{}\" is placed inside itself: {}. A box cannot contain itself, even through other boxes; remove one of these [](box:...) lines.",
                        chain[start],
                        files.join(" → ")
                    ),
                );
            }
        } else if chain.len() >= crate::model::MAX_BOX_DEPTH {
            if reported.insert(chain.clone()) {
                diagnostics.error(
                    &current.item.info.file,
                    None,
                    format!(
                        "Boxes are placed inside boxes more than {} deep ({} → {name}); a reader cannot follow that. Place some of them in the challenge instead.",
                        crate::model::MAX_BOX_DEPTH,
                        chain.join(" → ")
                    ),
                );
            }
        } else {
            chain.push(name);
            walk_boxes(site, lang, chain, reported, diagnostics);
            chain.pop();
        }
    }
}
