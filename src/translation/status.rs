//! What is translated, missing or outdated in each language, against the reference language.
//!
//! "Outdated" is decided from hashes, never file dates: each translation records (with
//! `toolkit i18n stamp`) the hash of the English text it translates; when the English text
//! changes, its hash no longer matches.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::hash::text_hash;
use crate::load::frontmatter::{Freshness, outdated, read_translates};
use crate::load::localize::{Localizer, Msg, SourceMessage, source_messages};
use crate::load::sources::Source;
use crate::model::{FileInfo, FileKind, Site};
use crate::paths;
use crate::translation::{diff, history, words};
use crate::validate::translations;

pub use crate::translation::report::to_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Translated,
    Missing,
    Outdated,
}

/// Why a translation is outdated, for the status page to say in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    Changed,
    NotStamped,
    NotAStamp,
    /// The English file changed, and which of its texts cannot be known without the history.
    NoHistory,
}

impl Why {
    fn of(freshness: &Freshness) -> Option<Why> {
        match freshness {
            Freshness::Current => None,
            Freshness::Changed => Some(Why::Changed),
            Freshness::NotStamped => Some(Why::NotStamped),
            Freshness::NotAStamp(_) => Some(Why::NotAStamp),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// What it is: "Challenge 2.1.a", "Source VPs", "Interface text nav-home".
    pub label: String,
    /// The same as data, for the status page to say in each language: the kind ("challenge",
    /// "section", "message", ...) and the id.
    pub kind: &'static str,
    pub id: String,
    pub state: State,
    /// The translation's file (to create, when missing).
    pub file: String,
    /// The English original.
    pub english_file: String,
    /// Why it is outdated, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Why>,
    /// The page showing it, relative to the site root (for the status page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// English words to translate (missing) or that changed (outdated); 0 when translated.
    pub words: usize,
    /// English words of the whole original, for the summary in words.
    pub english_words: usize,
    /// What changed in English since the stamp, word by word (outdated, with the history).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<diff::Change>,
    /// An outdated interface text: its English text now, and its translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub english: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
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

    /// English words of what is translated, missing and outdated: the coverage in words.
    pub fn word_totals(&self) -> (usize, usize, usize) {
        self.groups.iter().flat_map(|g| g.items.iter()).fold((0, 0, 0), |(t, m, o), item| match item.state {
            State::Translated => (t + item.english_words, m, o),
            State::Missing => (t, m + item.english_words, o),
            State::Outdated => (t, m, o + item.english_words),
        })
    }

    /// Share of English words translated and current, 0–100.
    pub fn percent_of_words(&self) -> u32 {
        let (translated, missing, outdated) = self.word_totals();
        let all = translated + missing + outdated;
        if all == 0 { 100 } else { (translated * 100 / all) as u32 }
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
    /// Whether the project's history (git) could be read: without it, what changed in English
    /// cannot be shown, and which interface texts changed cannot be known.
    pub history: bool,
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
        FileKind::Home | FileKind::Glossary | FileKind::Edition => "pages",
    }
}

fn kind_of(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Edition => "edition",
        FileKind::Home => "home",
        FileKind::Glossary => "glossary",
        FileKind::Chapter => "chapter",
        FileKind::Section => "section",
        FileKind::Challenge => "challenge",
        FileKind::Box => "box",
        FileKind::CaseStudy => "case-study",
    }
}

/// What a file is, naming the later edition it belongs to: "Challenge 3.7.a (edition hub)".
fn describe(info: &FileInfo) -> String {
    match &info.edition {
        Some(edition) if info.kind != FileKind::Edition => format!("{} (edition {edition})", describe_part(info)),
        _ => describe_part(info),
    }
}

fn describe_part(info: &FileInfo) -> String {
    match info.kind {
        FileKind::Edition => format!("Edition {} (its name)", info.id),
        FileKind::Home => "Home page".into(),
        FileKind::Glossary => "Glossary".into(),
        FileKind::Chapter => format!("Chapter {}", info.id),
        FileKind::Section => format!("Section {}", info.id),
        FileKind::Challenge => format!("Challenge {}", info.id),
        FileKind::Box => format!("Box {}", info.id),
        FileKind::CaseStudy => format!("Case study {}", info.id),
    }
}

/// The page (in `lang`) showing the translated file `file` (`content/fr/2/2.1/a.md`), if any.
pub fn page_of_file(site: &Site, lang: &str, file: &Path) -> Option<String> {
    let content = site.languages.iter().find(|c| c.code == lang)?;
    let info = content.files().into_iter().find(|f| f.file == file)?;
    page_of(site, info, lang)
}

fn page_of(site: &Site, info: &FileInfo, lang: &str) -> Option<String> {
    if let Some(edition) = &info.edition {
        return Some(match info.kind {
            FileKind::Edition => paths::edition_home(lang, edition),
            _ => paths::edition_page(lang, edition, &info.id),
        });
    }
    match info.kind {
        FileKind::Edition => None,
        FileKind::Home => Some(paths::home(lang)),
        FileKind::Glossary => Some(paths::glossary(lang)),
        FileKind::Chapter => info.id.parse().ok().map(|n| paths::chapter(lang, n)),
        FileKind::Section => site.toc.section(&info.id).filter(|s| s.published).map(|_| paths::section_or_challenge(lang, &info.id)),
        FileKind::Challenge => Some(paths::section_or_challenge(lang, &info.id)),
        FileKind::CaseStudy => Some(paths::case_study(lang, &info.id)),
        FileKind::Box => None,
    }
}

/// The state of a translation (`None` when there is none) stamped `translates` against the
/// hash of its English original now, with why it is outdated.
fn state_of(translates: Option<Option<&str>>, english_hash: &str) -> (State, Option<String>, Option<Why>) {
    match translates {
        None => (State::Missing, None, None),
        Some(stamp) => {
            let freshness = outdated(stamp, english_hash);
            match freshness.reason() {
                None => (State::Translated, None, None),
                Some(reason) => (State::Outdated, Some(reason), Why::of(&freshness)),
            }
        }
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
    translations::check(site, &structure_problems);
    let structure_problems = structure_problems.into_sorted();
    // Counted once for all languages.
    let english_words: BTreeMap<&Path, usize> =
        reference.files().into_par_iter().map(|f| (f.file.as_path(), words::in_file(root, &f.file))).collect();
    // Languages side by side, in their order.
    let languages = site.languages.par_iter().filter(|c| c.code != reference.code && only.is_none_or(|o| o == c.code)).map(|content| {
        let lang = content.code.as_str();
        let mut items: BTreeMap<&str, Vec<Item>> = BTreeMap::new();
        let translations: BTreeMap<&str, &FileInfo> = content.files().into_iter().map(|f| (f.path.as_str(), f)).collect();
        let mut originals = reference.files();
        originals.sort_by_key(|f| (f.kind, crate::model::ids::order(&f.id)));
        for english in originals {
            let file = Path::new("content").join(lang).join(&english.path);
            let translates = translations.get(english.path.as_str()).map(|t| t.translates.as_deref());
            let (state, reason, why) = state_of(translates, &english.hash);
            let stamp = translates.flatten();
            items.entry(group_of(english.kind)).or_default().push(Item {
                label: describe(english),
                kind: kind_of(english.kind),
                id: english.id.clone(),
                state,
                file: display_path(&file),
                english_file: display_path(&english.file),
                reason,
                why,
                page: page_of(site, english, lang),
                words: words::to_do(root, &english.file, state, stamp),
                english_words: english_words.get(english.file.as_path()).copied().unwrap_or_default(),
                changes: match (state, stamp) {
                    (State::Outdated, Some(stamp)) => diff::file_changes(root, &english.file, stamp),
                    _ => Vec::new(),
                },
                english: None,
                current: None,
            });
        }
        for source in &site.sources.list {
            let translation = source.translations.get(lang);
            let stamp = translation.filter(|t| t.title.is_some()).map(|t| t.translates.as_deref());
            let (state, reason, why) = state_of(stamp, &source_hash(source));
            let english_words = words::count_words(&format!(
                "{} {}",
                source.english.title.as_deref().unwrap_or(""),
                source.english.note.as_deref().unwrap_or("")
            ));
            items.entry("sources").or_default().push(Item {
                label: format!("Source {}", source.key),
                kind: "source",
                id: source.key.clone(),
                state,
                file: format!("{} [source.{lang}] of {}", display_path(&site.sources.file), source.key),
                english_file: format!("{}:{}", display_path(&site.sources.file), source.line),
                reason,
                why,
                page: Some(format!("{}#{}", paths::sources(lang), source.key)),
                words: if state == State::Translated { 0 } else { english_words },
                english_words,
                changes: Vec::new(),
                english: None,
                current: None,
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
        LanguageStatus {
            lang: lang.to_string(),
            name: if ui.has(lang, "language-name") { ui.text(lang, Msg::LanguageName, &[]) } else { lang.to_string() },
            groups,
            structure: structure_problems.iter().filter(|d| d.file.starts_with(&prefix)).cloned().collect(),
        }
    });
    let languages = languages.collect();
    Status { reference: reference.code.clone(), languages, history: history::available(root) }
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
        let english_text = std::fs::read_to_string(root.join(english_file)).unwrap_or_default().replace("\r\n", "\n");
        let translated_text = std::fs::read_to_string(root.join(&file)).ok().map(|text| text.replace("\r\n", "\n"));
        let stamp = translated_text.as_deref().and_then(|text| read_translates(&file, text));
        let english_messages: BTreeMap<&str, SourceMessage> = source_messages(&english_text).into_iter().map(|m| (m.id, m)).collect();
        let translated_messages: BTreeMap<&str, SourceMessage> =
            translated_text.as_deref().map(source_messages).unwrap_or_default().into_iter().map(|m| (m.id, m)).collect();
        let changed = changed_messages(root, english_file, &english_text, &english_messages, stamp.as_deref());
        if let Changed::Unknown = changed {
            // Without the history, only the file as a whole is known to be behind English.
            items.push(Item {
                label: format!("Interface texts of {}", display_path(Path::new(name))),
                kind: "messages",
                id: display_path(Path::new(name)),
                state: State::Outdated,
                file: display_path(&file),
                english_file: display_path(english_file),
                reason: Some(format!(
                    "the English file changed after this file was stamped; which of its texts changed cannot be known, because the English text it was stamped against is not in the project's history (git). Compare the two files, then run toolkit i18n stamp {}",
                    display_path(&file)
                )),
                why: Some(Why::NoHistory),
                page: None,
                words: 0,
                english_words: 0,
                changes: Vec::new(),
                english: None,
                current: None,
            });
        }
        for id in ids {
            let (state, reason, why) = if !ui.has(lang, id) {
                (State::Missing, None, None)
            } else {
                match &changed {
                    Changed::None | Changed::Unknown => (State::Translated, None, None),
                    Changed::NotStamped => (State::Outdated, Freshness::NotStamped.reason(), Some(Why::NotStamped)),
                    Changed::Some(old) if old.contains_key(id) => {
                        (State::Outdated, Some("the English text changed after this file was stamped".into()), Some(Why::Changed))
                    }
                    Changed::Some(_) => (State::Translated, None, None),
                }
            };
            let english_now = english_messages.get(id).map(|m| words::fluent_text(&m.message).trim().to_string());
            let english_words = english_now.as_deref().map_or(0, words::count_words);
            let outdated = state == State::Outdated;
            items.push(Item {
                label: format!("Interface text {id}"),
                kind: "message",
                id: id.to_string(),
                state,
                file: display_path(&file),
                english_file: display_path(english_file),
                reason,
                why,
                page: None,
                words: if state == State::Translated { 0 } else { english_words },
                english_words,
                changes: match (&changed, &english_now) {
                    (Changed::Some(old), Some(now)) if outdated => {
                        old.get(id).map(|before| diff::word_changes(before, now)).unwrap_or_default()
                    }
                    _ => Vec::new(),
                },
                english: english_now.filter(|_| outdated),
                current: translated_messages.get(id).map(|m| words::fluent_text(&m.message).trim().to_string()).filter(|_| outdated),
            });
        }
    }
    items
}

enum Changed {
    None,
    NotStamped,
    /// The messages that changed, with their English text as stamped ("" for a new one).
    Some(BTreeMap<String, String>),
    Unknown,
}

/// Which English messages changed since the English text a translation was stamped against:
/// those whose text in the file differs.
fn changed_messages(
    root: &Path,
    english_file: &Path,
    english_text: &str,
    now: &BTreeMap<&str, SourceMessage>,
    stamp: Option<&str>,
) -> Changed {
    let Some(stamp) = stamp else { return Changed::NotStamped };
    if stamp == text_hash(english_text) {
        return Changed::None;
    }
    let Some(old) = history::find_version(root, english_file, stamp) else { return Changed::Unknown };
    let old_text = old.text.replace("\r\n", "\n");
    let before: BTreeMap<&str, SourceMessage> = source_messages(&old_text).into_iter().map(|m| (m.id, m)).collect();
    Changed::Some(
        now.values()
            .filter(|m| before.get(m.id).map(|b| b.source) != Some(m.source))
            .map(|m| (m.id.to_string(), before.get(m.id).map(|b| words::fluent_text(&b.message)).unwrap_or_default()))
            .collect(),
    )
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
