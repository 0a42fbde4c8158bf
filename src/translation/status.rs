//! What is translated, missing or outdated in each language, against the reference language.
//!
//! "Outdated" is decided from hashes, never file dates: each translation records (with
//! `toolkit i18n stamp`) the hash of the English text it translates; when the English text
//! changes, its hash no longer matches.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::hash::text_hash;
use crate::localize::{Localizer, Msg};
use crate::model::{FileInfo, FileKind, Site, id_order};
use crate::paths;
use crate::sources::Source;
use crate::translation::{history, structure};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Translated,
    Missing,
    Outdated,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// What it is: "Challenge 2.1.a", "Source VPs", "Interface text nav-home".
    pub label: String,
    pub state: State,
    /// The translation's file (to create, when missing).
    pub file: String,
    /// The English original.
    pub english_file: String,
    /// Why it is outdated, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The page showing it, relative to the site root (for the status page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// English words to translate (missing) or that changed (outdated); 0 when translated.
    pub words: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub kind: &'static str,
    pub label: &'static str,
    pub translated: usize,
    pub missing: usize,
    pub outdated: usize,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    pub lang: String,
    pub name: String,
    pub groups: Vec<Group>,
    /// Translated texts out of step with English (good practices, citations, ...).
    pub structure: Vec<Diagnostic>,
}

impl LanguageStatus {
    pub fn totals(&self) -> (usize, usize, usize) {
        self.groups.iter().fold((0, 0, 0), |(t, m, o), g| (t + g.translated, m + g.missing, o + g.outdated))
    }

    /// Share of items translated and current, 0–100.
    pub fn percent(&self) -> u32 {
        let (translated, missing, outdated) = self.totals();
        let all = translated + missing + outdated;
        if all == 0 { 100 } else { (translated * 100 / all) as u32 }
    }

    /// English words still to translate or review, to plan the work.
    pub fn words(&self) -> usize {
        self.groups.iter().flat_map(|g| g.items.iter()).map(|i| i.words).sum()
    }

    pub fn is_complete(&self) -> bool {
        let (_, missing, outdated) = self.totals();
        missing == 0 && outdated == 0 && self.structure.is_empty()
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    pub reference: String,
    pub languages: Vec<LanguageStatus>,
}

const GROUPS: &[(&str, &str)] = &[
    ("challenges", "Challenges"),
    ("sections", "Chapters and sections"),
    ("case-studies", "Case studies"),
    ("boxes", "Boxes"),
    ("pages", "Home page and glossary"),
    ("sources", "Sources"),
    ("messages", "Interface texts"),
];

fn group_of(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Challenge => "challenges",
        FileKind::Chapter | FileKind::Section => "sections",
        FileKind::CaseStudy => "case-studies",
        FileKind::Box => "boxes",
        FileKind::Home | FileKind::Glossary => "pages",
    }
}

fn describe(info: &FileInfo) -> String {
    match info.kind {
        FileKind::Home => "Home page".into(),
        FileKind::Glossary => "Glossary".into(),
        FileKind::Chapter => format!("Chapter {}", info.id),
        FileKind::Section => format!("Section {}", info.id),
        FileKind::Challenge => format!("Challenge {}", info.id),
        FileKind::Box => format!("Box {}", info.id),
        FileKind::CaseStudy => format!("Case study {}", info.id),
    }
}

fn page_of(site: &Site, info: &FileInfo, lang: &str) -> Option<String> {
    match info.kind {
        FileKind::Home => Some(paths::home(lang)),
        FileKind::Glossary => Some(paths::glossary(lang)),
        FileKind::Chapter => info.id.parse().ok().map(|n| paths::chapter(lang, n)),
        FileKind::Section => site.toc.section(&info.id).filter(|s| s.published).map(|_| paths::section_or_challenge(lang, &info.id)),
        FileKind::Challenge => Some(paths::section_or_challenge(lang, &info.id)),
        FileKind::CaseStudy => Some(paths::case_study(lang, &info.id)),
        FileKind::Box => None,
    }
}

/// Is this translation behind its original? `None` when it is current.
pub fn outdated_reason(translates: Option<&str>, english_hash: &str) -> Option<String> {
    match translates {
        Some(hash) if hash == english_hash => None,
        Some(hash) if !crate::hash::is_hash(hash) => Some(format!(
            "its stamp translates = \"{hash}\" was not written by the stamp command (it may have been edited by hand), so which English text it translates is not known: check it against English, then run toolkit i18n stamp on it"
        )),
        Some(_) => Some("the English text changed after this translation was stamped".into()),
        None => Some("not stamped yet: after checking it against English, run toolkit i18n stamp on it".into()),
    }
}

/// The hash that stands for a source's English texts (title and note).
pub fn source_hash(source: &Source) -> String {
    let english = &source.english;
    text_hash(&format!("{}\n{}", english.title.as_deref().unwrap_or(""), english.note.as_deref().unwrap_or("")))
}

pub fn compute(root: &Path, site: &Site, ui: &Localizer, only: Option<&str>) -> Status {
    let reference = site.reference();
    let structure_problems = Diagnostics::new();
    structure::check(site, &structure_problems);
    let structure_problems = structure_problems.into_sorted();
    let mut languages = Vec::new();
    for content in site.languages.iter().filter(|c| c.code != reference.code && only.is_none_or(|o| o == c.code)) {
        let lang = content.code.as_str();
        let mut items: BTreeMap<&str, Vec<Item>> = BTreeMap::new();
        let translations: BTreeMap<&str, &FileInfo> = content.files().into_iter().map(|f| (f.path.as_str(), f)).collect();
        let mut originals = reference.files();
        originals.sort_by_key(|f| (f.kind, id_order(&f.id)));
        for english in originals {
            let file = Path::new("content").join(lang).join(&english.path);
            let translates = translations.get(english.path.as_str()).map(|t| t.translates.as_deref());
            let (state, reason) = match translates {
                None => (State::Missing, None),
                Some(stamp) => match outdated_reason(stamp, &english.hash) {
                    None => (State::Translated, None),
                    Some(reason) => (State::Outdated, Some(reason)),
                },
            };
            items.entry(group_of(english.kind)).or_default().push(Item {
                label: describe(english),
                state,
                file: display_path(&file),
                english_file: display_path(&english.file),
                reason,
                page: page_of(site, english, lang),
                words: words_to_do(root, &english.file, state, translates.flatten()),
            });
        }
        for source in &site.sources.list {
            let translation = source.translations.get(lang);
            let (state, reason) = match translation.and_then(|t| t.title.as_ref().map(|_| t)) {
                None => (State::Missing, None),
                Some(t) => match outdated_reason(t.translates.as_deref(), &source_hash(source)) {
                    None => (State::Translated, None),
                    Some(reason) => (State::Outdated, Some(reason)),
                },
            };
            items.entry("sources").or_default().push(Item {
                label: format!("Source {}", source.key),
                state,
                file: format!("{} [source.{lang}] of {}", display_path(&site.sources.file), source.key),
                english_file: format!("{}:{}", display_path(&site.sources.file), source.line),
                reason,
                page: Some(format!("{}#{}", paths::sources(lang), source.key)),
                words: if state == State::Translated {
                    0
                } else {
                    count_words(&format!(
                        "{} {}",
                        source.english.title.as_deref().unwrap_or(""),
                        source.english.note.as_deref().unwrap_or("")
                    ))
                },
            });
        }
        items.insert("messages", message_items(root, ui, lang));
        let groups = GROUPS
            .iter()
            .map(|(kind, label)| {
                let list = items.remove(kind).unwrap_or_default();
                let count = |state| list.iter().filter(|i| i.state == state).count();
                Group {
                    kind,
                    label,
                    translated: count(State::Translated),
                    missing: count(State::Missing),
                    outdated: count(State::Outdated),
                    items: list,
                }
            })
            .collect();
        let prefix = Path::new("content").join(lang);
        languages.push(LanguageStatus {
            lang: lang.to_string(),
            name: if ui.has(lang, "language-name") { ui.text(lang, Msg::LanguageName, &[]) } else { lang.to_string() },
            groups,
            structure: structure_problems.iter().filter(|d| d.file.starts_with(&prefix)).cloned().collect(),
        });
    }
    Status { reference: reference.code.clone(), languages }
}

/// Interface texts: missing ones, and (per .ftl file) those whose English text changed since
/// the file was stamped.
fn message_items(root: &Path, ui: &Localizer, lang: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut by_file: BTreeMap<&Path, Vec<&str>> = BTreeMap::new();
    for (id, file) in ui.reference_messages() {
        by_file.entry(file.as_path()).or_default().push(id.as_str());
    }
    for (english_file, ids) in by_file {
        let name = english_file.file_name().unwrap_or_default();
        let file = Path::new("i18n").join(lang).join(name);
        let english_text = std::fs::read_to_string(root.join(english_file)).unwrap_or_default();
        let translated_text = std::fs::read_to_string(root.join(&file)).ok();
        let stamp = translated_text.as_deref().and_then(ftl_stamp);
        let english_messages = ftl_messages(&english_text);
        let changed = changed_messages(root, english_file, &english_text, &english_messages, stamp.as_deref());
        if let Changed::Unknown = changed {
            // Without the history, only the file as a whole is known to be behind English.
            items.push(Item {
                label: format!("Interface texts of {}", display_path(Path::new(name))),
                state: State::Outdated,
                file: display_path(&file),
                english_file: display_path(english_file),
                reason: Some(format!(
                    "the English file changed after this file was stamped; which of its texts changed cannot be known, because the English text it was stamped against is not in the project's history (git). Compare the two files, then run toolkit i18n stamp {}",
                    display_path(&file)
                )),
                page: None,
                words: 0,
            });
        }
        for id in ids {
            let (state, reason) = if !ui.has(lang, id) {
                (State::Missing, None)
            } else {
                match &changed {
                    Changed::None | Changed::Unknown => (State::Translated, None),
                    Changed::NotStamped => (State::Outdated, outdated_reason(None, "")),
                    Changed::Some(ids) if ids.iter().any(|c| c == id) => {
                        (State::Outdated, Some("the English text changed after this file was stamped".into()))
                    }
                    Changed::Some(_) => (State::Translated, None),
                }
            };
            let words = match (state, english_messages.get(id)) {
                (State::Translated, _) | (_, None) => 0,
                (_, Some(source)) => count_words(&fluent_text(source)),
            };
            items.push(Item {
                label: format!("Interface text {id}"),
                state,
                file: display_path(&file),
                english_file: display_path(english_file),
                reason,
                page: None,
                words,
            });
        }
    }
    items
}

enum Changed {
    None,
    NotStamped,
    Some(Vec<String>),
    Unknown,
}

fn changed_messages(root: &Path, english_file: &Path, english_text: &str, now: &BTreeMap<String, String>, stamp: Option<&str>) -> Changed {
    let Some(stamp) = stamp else { return Changed::NotStamped };
    if stamp == text_hash(english_text) {
        return Changed::None;
    }
    let Some(old) = history::find_version(root, english_file, stamp) else { return Changed::Unknown };
    let before = ftl_messages(&old.text);
    Changed::Some(now.iter().filter(|(id, text)| before.get(*id) != Some(*text)).map(|(id, _)| id.clone()).collect())
}

/// The `# translates: HASH` line of a translated .ftl file.
pub fn ftl_stamp(text: &str) -> Option<String> {
    text.lines().find_map(|l| l.strip_prefix("# translates:").map(|h| h.trim().to_string()))
}

/// Each message of a .ftl text with its source lines, to tell which ones changed.
pub fn ftl_messages(text: &str) -> BTreeMap<String, String> {
    let mut messages = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains('=');
        if starts_message {
            if let Some((id, body)) = current.take() {
                messages.insert(id, body);
            }
            let id = line.split('=').next().unwrap_or("").trim().to_string();
            current = Some((id, line.to_string()));
        } else if line.starts_with(' ') || line.starts_with('\t') {
            if let Some((_, body)) = current.as_mut() {
                body.push('\n');
                body.push_str(line);
            }
        } else if let Some((id, body)) = current.take() {
            messages.insert(id, body);
        }
    }
    if let Some((id, body)) = current {
        messages.insert(id, body);
    }
    messages
}

/// English words of a content file still to translate: all of them when the translation is
/// missing, those of the lines changed since the stamp when it is outdated (all of them if the
/// old text is not in the history).
fn words_to_do(root: &Path, english_file: &Path, state: State, stamp: Option<&str>) -> usize {
    let text = || std::fs::read_to_string(root.join(english_file)).unwrap_or_default();
    match state {
        State::Translated => 0,
        State::Missing => count_words(&readable_text(&text())),
        State::Outdated => {
            let now = text();
            let old = stamp.and_then(|stamp| history::find_version(root, english_file, stamp));
            match old {
                Some(old) => {
                    let diff = similar::TextDiff::from_lines(&old.text, &now);
                    let changed: String =
                        diff.iter_all_changes().filter(|c| c.tag() == similar::ChangeTag::Insert).map(|c| c.value().to_string()).collect();
                    count_words(&readable_text(&changed))
                }
                None => count_words(&readable_text(&now)),
            }
        }
    }
}

/// What a translator translates in a content file: the quoted values of its settings and its
/// text, without the settings' names or the stamp.
fn readable_text(file: &str) -> String {
    file.lines()
        .filter(|line| line.trim() != "+++" && !line.trim_start().starts_with("translates"))
        .map(|line| match line.split_once(" = \"") {
            Some((key, value)) if !key.contains(' ') => value,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The words of a Fluent message: after "name =", without plural variant keys ("*[other]").
fn fluent_text(source: &str) -> String {
    let value = source.split_once('=').map_or("", |(_, value)| value);
    value
        .lines()
        .map(|line| {
            let line = line.trim_start().trim_start_matches('*');
            match line.strip_prefix('[').and_then(|l| l.split_once(']')) {
                Some((_, rest)) => rest,
                None => line,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How far after an opening bracket its markup may close, in bytes.
const MARKUP_REACH: usize = 400;

fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// Words as translators count them: runs of letters or digits; each Han character counts as
/// one. Citations, cross-reference targets, footnote labels, anchors and Fluent variables are
/// not words to translate.
pub fn count_words(text: &str) -> usize {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(['[', '(', '{']) {
        plain.push_str(&rest[..start]);
        let tail = &rest[start..];
        let markup = ["[@", "[-@", "[^", "(ref:", "(box:", "{#", "{ $", "{$"].iter().any(|m| tail.starts_with(m));
        // Markup closes within a short distance; looking no further keeps counting linear in
        // the size of the text, however many brackets it has.
        let window = &tail[..floor_char_boundary(tail, MARKUP_REACH)];
        let close = match tail.as_bytes()[0] {
            b'[' => ']',
            b'(' => ')',
            _ => '}',
        };
        let end = if markup { window.find(close) } else { None };
        // A Fluent selector "{ $count ->" ends at its arrow; its variants are text.
        let arrow = if markup && close == '}' { window.find("->").filter(|a| end.is_none_or(|end| *a < end)) } else { None };
        match (end, arrow) {
            (_, Some(arrow)) => rest = &tail[arrow + 2..],
            (Some(end), None) => rest = &tail[end + 1..],
            (None, None) => {
                plain.push(' ');
                rest = &tail[1..];
            }
        }
    }
    plain.push_str(rest);
    let mut count = 0;
    let mut in_word = false;
    for c in plain.chars() {
        if crate::search::analyzer::is_han(c) {
            count += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                count += 1;
            }
            in_word = true;
        } else if c != '\'' && c != '’' && c != '-' {
            in_word = false;
        }
    }
    count
}

/// The report for people: a table per language, then what to do.
pub fn to_text(status: &Status) -> String {
    let mut out = String::new();
    for language in &status.languages {
        let (translated, missing, outdated) = language.totals();
        out.push_str(&format!(
            "{} ({}): {}% done — {translated} translated, {missing} missing, {outdated} outdated, {} out of step with English\n\n",
            language.name,
            language.lang,
            language.percent(),
            language.structure.len()
        ));
        let words = language.words();
        if words > 0 {
            out.push_str(&format!("  About {words} English words to translate or review.\n\n"));
        }
        out.push_str(&format!("  {:<26}{:>11}{:>9}{:>10}\n", "", "translated", "missing", "outdated"));
        for group in &language.groups {
            out.push_str(&format!("  {:<26}{:>11}{:>9}{:>10}\n", group.label, group.translated, group.missing, group.outdated));
        }
        let list = |state: State, title: &str, out: &mut String| {
            let items: Vec<&Item> = language.groups.iter().flat_map(|g| g.items.iter()).filter(|i| i.state == state).collect();
            if items.is_empty() {
                return;
            }
            out.push_str(&format!("\n  {title} ({}):\n", items.len()));
            // Interface texts are listed by file: a new language would otherwise list sixty lines.
            let mut messages: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for item in items {
                if let Some(id) = item.label.strip_prefix("Interface text ") {
                    messages.entry(item.file.as_str()).or_default().push(id);
                    continue;
                }
                out.push_str(&format!("    {} — {}", item.label, item.file));
                match &item.reason {
                    Some(reason) => out.push_str(&format!("\n      {reason}")),
                    None => out.push_str(&format!(" (translate {})", item.english_file)),
                }
                if state == State::Outdated && item.file.ends_with(".md") {
                    out.push_str(&format!("\n      see what changed: toolkit i18n diff {}", item.file));
                }
                out.push('\n');
            }
            for (file, ids) in messages {
                out.push_str(&format!("    Interface texts in {file} ({}): {}\n", ids.len(), ids.join(", ")));
                if state == State::Outdated {
                    out.push_str(&format!("      see what changed: toolkit i18n diff {file}\n"));
                }
            }
        };
        list(State::Missing, "Missing", &mut out);
        list(State::Outdated, "Outdated", &mut out);
        if !language.structure.is_empty() {
            out.push_str(&format!("\n  Out of step with English ({}):\n", language.structure.len()));
            for problem in &language.structure {
                out.push_str(&format!("    {}: {}\n", problem.location(), problem.message));
            }
        }
        out.push('\n');
    }
    out
}

/// The English file a translated file translates.
pub fn english_counterpart(site: &Site, file: &Path) -> Option<PathBuf> {
    let text = display_path(file);
    let reference = site.default_language();
    for content in &site.languages {
        for top in ["content", "i18n"] {
            let prefix = format!("{top}/{}/", content.code);
            if let Some(rest) = text.strip_prefix(&prefix) {
                return (content.code != reference).then(|| Path::new(top).join(reference).join(rest));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_without_markup() {
        assert_eq!(count_words("Raise the VPs with the company’s staff [@VPs: 4] (see [](ref:2.3)).[^1]"), 8);
        assert_eq!(count_words("## Follow up {#follow-up}"), 2);
        assert_eq!(count_words("安全与人权工具包"), 8);
        assert_eq!(count_words("Chapter { $number }. { $title }"), 1);
        let plural =
            "search-results = { $count ->\n    [0] No results for “{ $query }”.\n   *[other] { $count } results for “{ $query }”.\n}";
        assert_eq!(count_words(&fluent_text(plural)), 5);
        assert_eq!(
            readable_text("+++\nstatement = \"Companies may be obliged\"\ntranslates = \"abc\"\n+++\n## Heading"),
            "Companies may be obliged\"\n## Heading"
        );
    }
}
