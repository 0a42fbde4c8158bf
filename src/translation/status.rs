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
use crate::load::frontmatter::{Freshness, outdated, read_translates};
use crate::load::localize::{Localizer, Msg, SourceMessage, source_messages};
use crate::load::sources::Source;
use crate::model::{FileInfo, FileKind, Site};
use crate::paths;
use crate::translation::{history, words};
use crate::validate::translations;

pub use crate::translation::report::to_text;

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
        FileKind::Home | FileKind::Glossary | FileKind::Edition => "pages",
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
fn state_of(translates: Option<Option<&str>>, english_hash: &str) -> (State, Option<String>) {
    match translates {
        None => (State::Missing, None),
        Some(stamp) => match outdated(stamp, english_hash).reason() {
            None => (State::Translated, None),
            Some(reason) => (State::Outdated, Some(reason)),
        },
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
    let mut languages = Vec::new();
    for content in site.languages.iter().filter(|c| c.code != reference.code && only.is_none_or(|o| o == c.code)) {
        let lang = content.code.as_str();
        let mut items: BTreeMap<&str, Vec<Item>> = BTreeMap::new();
        let translations: BTreeMap<&str, &FileInfo> = content.files().into_iter().map(|f| (f.path.as_str(), f)).collect();
        let mut originals = reference.files();
        originals.sort_by_key(|f| (f.kind, crate::model::ids::order(&f.id)));
        for english in originals {
            let file = Path::new("content").join(lang).join(&english.path);
            let translates = translations.get(english.path.as_str()).map(|t| t.translates.as_deref());
            let (state, reason) = state_of(translates, &english.hash);
            items.entry(group_of(english.kind)).or_default().push(Item {
                label: describe(english),
                state,
                file: display_path(&file),
                english_file: display_path(&english.file),
                reason,
                page: page_of(site, english, lang),
                words: words::to_do(root, &english.file, state, translates.flatten()),
            });
        }
        for source in &site.sources.list {
            let translation = source.translations.get(lang);
            let stamp = translation.filter(|t| t.title.is_some()).map(|t| t.translates.as_deref());
            let (state, reason) = state_of(stamp, &source_hash(source));
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
                    words::count_words(&format!(
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
        let english_text = std::fs::read_to_string(root.join(english_file)).unwrap_or_default().replace("\r\n", "\n");
        let translated_text = std::fs::read_to_string(root.join(&file)).ok();
        let stamp = translated_text.as_deref().and_then(|text| read_translates(&file, text));
        let english_messages: BTreeMap<&str, SourceMessage> = source_messages(&english_text).into_iter().map(|m| (m.id, m)).collect();
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
                    Changed::NotStamped => (State::Outdated, Freshness::NotStamped.reason()),
                    Changed::Some(ids) if ids.iter().any(|c| c == id) => {
                        (State::Outdated, Some("the English text changed after this file was stamped".into()))
                    }
                    Changed::Some(_) => (State::Translated, None),
                }
            };
            let words = match (state, english_messages.get(id)) {
                (State::Translated, _) | (_, None) => 0,
                (_, Some(source)) => words::count_words(&words::fluent_text(&source.message)),
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
    let before: BTreeMap<&str, &str> = source_messages(&old_text).into_iter().map(|m| (m.id, m.source)).collect();
    Changed::Some(now.values().filter(|m| before.get(m.id) != Some(&m.source)).map(|m| m.id.to_string()).collect())
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
