//! The typed toolkit: what the loader produces and every later pass (checks, pages, search,
//! handouts, translation status) reads.

pub mod ids;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::load::config::Config;
use crate::load::markdown::{Block, Document, Footnote, GoodPractice};
use crate::load::sources::Sources;
use ids::{ChallengeId, SectionId};

/// What a content file holds, for reports that list files by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    #[default]
    Home,
    Chapter,
    Section,
    Challenge,
    Box,
    CaseStudy,
    Glossary,
    /// A later edition's own file: its name (`editions/hub/_index.md`).
    Edition,
}

/// What every content file carries besides its text.
#[derive(Debug, Clone, Default)]
pub struct FileInfo {
    pub kind: FileKind,
    /// What the file is, in the toolkit's terms: `2.1.a`, `2.1`, `2`, a box or case study name.
    pub id: String,
    /// Relative to the project root, e.g. `content/fr/2/2.1/a.md`.
    pub file: PathBuf,
    /// Relative to the language folder, e.g. `2/2.1/a.md`: the same in every language.
    pub path: String,
    /// Hash of the file's text (see `hash::text_hash`); translations record their original's.
    pub hash: String,
    /// In a translation: the hash of the English text it was translated from.
    pub translates: Option<String>,
    /// Line of the `translates` setting, for messages about it.
    pub translates_line: Option<u32>,
    /// The later edition this file belongs to (`hub` for `editions/hub/...`); none: the base.
    pub edition: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Home {
    pub info: FileInfo,
    pub title: String,
    pub edition: String,
    pub tagline: String,
    /// The "good practices are not meant to be prescriptive" note shown under every challenge.
    pub note: String,
    pub body: Document,
}

#[derive(Debug, Clone)]
pub struct Chapter {
    pub info: FileInfo,
    pub number: u32,
    pub title: String,
    pub intro: Document,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub info: FileInfo,
    /// `2.1`
    pub id: String,
    pub title: String,
    /// Challenge letters declared in the settings (their text may not exist yet).
    pub declared: Vec<String>,
    pub intro: Document,
}

#[derive(Debug, Clone)]
pub struct Challenge {
    pub info: FileInfo,
    /// `2.1.a`
    pub id: String,
    pub statement: String,
    pub practices: Vec<GoodPractice>,
    pub footnotes: Vec<Footnote>,
    /// In the bullet form, the parts, reference lines and practices in order (else empty).
    pub blocks: Vec<Block>,
}

impl Challenge {
    /// The whole text as one document, for checks that look at every node.
    pub fn nodes(&self) -> impl Iterator<Item = &crate::load::markdown::Located> {
        self.practices
            .iter()
            .flat_map(|p| p.heading.iter().chain(p.body.iter()))
            .chain(self.footnotes.iter().flat_map(|f| f.nodes.iter()))
            .chain(self.blocks.iter().flat_map(|b| match b {
                Block::Part(nodes) | Block::Lead(nodes) => nodes.as_slice(),
                Block::Practices(_) => &[],
            }))
    }
}

#[derive(Debug, Clone)]
pub struct TextBox {
    pub info: FileInfo,
    pub name: String,
    pub title: String,
    pub body: Document,
}

#[derive(Debug, Clone)]
pub struct CaseStudy {
    pub info: FileInfo,
    pub slug: String,
    pub title: String,
    pub authors: Option<String>,
    pub url: Option<String>,
    pub chapter: Option<u32>,
    pub body: Document,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub abbr: Option<String>,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub struct Glossary {
    pub info: FileInfo,
    pub terms: Vec<Term>,
}

/// Everything written in one language.
#[derive(Debug, Clone, Default)]
pub struct LanguageContent {
    pub code: String,
    pub home: Option<Home>,
    pub chapters: BTreeMap<u32, Chapter>,
    pub sections: BTreeMap<String, Section>,
    pub challenges: BTreeMap<String, Challenge>,
    pub boxes: BTreeMap<String, TextBox>,
    pub case_studies: BTreeMap<String, CaseStudy>,
    pub glossary: Option<Glossary>,
    /// Paths of files that exist but could not be read (already reported), so that other checks
    /// do not call them missing.
    pub unreadable: BTreeSet<String>,
    /// What each later edition revises, by edition id.
    pub editions: BTreeMap<String, EditionContent>,
}

/// The parts one later edition revises, in one language (every other part is the edition
/// before it's).
#[derive(Debug, Clone, Default)]
pub struct EditionContent {
    /// `editions/<id>/_index.md`: the edition's name.
    pub about: Option<EditionAbout>,
    pub sections: BTreeMap<String, Section>,
    pub challenges: BTreeMap<String, Challenge>,
}

#[derive(Debug, Clone)]
pub struct EditionAbout {
    pub info: FileInfo,
    pub name: String,
}

impl Challenge {
    /// Whether `translation` has the same good practices as this original, anchor for anchor.
    pub fn practices_in_step(&self, translation: &Challenge) -> bool {
        self.practices.len() == translation.practices.len()
            && self.practices.iter().zip(&translation.practices).all(|(e, t)| e.anchor == t.anchor)
    }
}

impl LanguageContent {
    /// Every file of this language, for passes that treat all files alike.
    pub fn files(&self) -> Vec<&FileInfo> {
        let mut files: Vec<&FileInfo> = Vec::new();
        files.extend(self.home.iter().map(|h| &h.info));
        files.extend(self.chapters.values().map(|c| &c.info));
        files.extend(self.sections.values().map(|s| &s.info));
        files.extend(self.challenges.values().map(|c| &c.info));
        files.extend(self.boxes.values().map(|b| &b.info));
        files.extend(self.case_studies.values().map(|c| &c.info));
        files.extend(self.glossary.iter().map(|g| &g.info));
        for edition in self.editions.values() {
            files.extend(edition.about.iter().map(|a| &a.info));
            files.extend(edition.sections.values().map(|s| &s.info));
            files.extend(edition.challenges.values().map(|c| &c.info));
        }
        files
    }
}

/// The declared table of contents, from the reference language.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Toc {
    pub chapters: Vec<TocChapter>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocChapter {
    pub number: u32,
    pub id: String,
    pub sections: Vec<TocSection>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocSection {
    pub id: String,
    pub chapter: u32,
    pub challenges: Vec<TocChallenge>,
    /// A section is published when at least one of its challenges is.
    pub published: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TocChallenge {
    pub id: String,
    pub chapter: u32,
    pub section: String,
    pub published: bool,
}

impl Toc {
    pub fn sections(&self) -> impl Iterator<Item = &TocSection> {
        self.chapters.iter().flat_map(|c| c.sections.iter())
    }

    pub fn challenges(&self) -> impl Iterator<Item = &TocChallenge> {
        self.sections().flat_map(|s| s.challenges.iter())
    }

    pub fn published_challenges(&self) -> impl Iterator<Item = &TocChallenge> {
        self.challenges().filter(|c| c.published)
    }

    pub fn chapter(&self, number: u32) -> Option<&TocChapter> {
        self.chapters.iter().find(|c| c.number == number)
    }

    pub fn section(&self, id: &str) -> Option<&TocSection> {
        self.sections().find(|s| s.id == id)
    }

    pub fn challenge(&self, id: &str) -> Option<&TocChallenge> {
        self.challenges().find(|c| c.id == id)
    }
}

/// How deep boxes may be placed inside boxes (deeper is an error, and is never rendered).
pub const MAX_BOX_DEPTH: usize = 4;

/// What a cross-reference `ref:` can point to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Chapter(u32),
    Section(String),
    Challenge {
        id: String,
        anchor: Option<String>,
    },
    CaseStudy(String),
    /// `hub/3.7.a`: a part as a later edition has it (its own text, or the edition before's).
    InEdition {
        edition: String,
        target: Box<Target>,
    },
    /// `hub/topics/name`: one of an edition's topic pages this repository does not hold.
    Topic {
        edition: String,
        slug: String,
    },
}

impl Target {
    /// Reads `2`, `2.1`, `2.1.a`, `2.1.a#gp-2`, `case-studies/name`.
    pub fn parse(text: &str) -> Option<Target> {
        if let Some((edition, rest)) = text.split_once('/').filter(|(e, _)| *e != "case-studies" && is_slug(e)) {
            if let Some(slug) = rest.strip_prefix("topics/") {
                return is_slug(slug).then(|| Target::Topic { edition: edition.to_string(), slug: slug.to_string() });
            }
            let target = Target::parse(rest).filter(|t| matches!(t, Target::Chapter(_) | Target::Section(_) | Target::Challenge { .. }))?;
            return Some(Target::InEdition { edition: edition.to_string(), target: Box::new(target) });
        }
        if let Some(slug) = text.strip_prefix("case-studies/") {
            return is_slug(slug).then(|| Target::CaseStudy(slug.to_string()));
        }
        let (id, anchor) = match text.split_once('#') {
            Some((id, anchor)) => (id, Some(anchor.to_string())),
            None => (text, None),
        };
        match id.matches('.').count() {
            0 if anchor.is_none() => ids::number(id).map(Target::Chapter),
            1 if anchor.is_none() => SectionId::parse(id).map(|s| Target::Section(s.to_string())),
            2 => ChallengeId::parse(id).map(|c| Target::Challenge { id: c.to_string(), anchor }),
            _ => None,
        }
    }
}

pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The whole toolkit in every language.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub sources: Sources,
    pub toc: Toc,
    /// In the order of `config.languages`.
    pub languages: Vec<LanguageContent>,
}

/// A text and the language it is really written in (a fallback is in the default language).
#[derive(Debug)]
pub struct InLanguage<'a, T> {
    pub item: &'a T,
    pub lang: &'a str,
}

// Manual impls: a derive would require `T: Copy`, but only references are copied.
impl<T> Clone for InLanguage<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for InLanguage<'_, T> {}

impl<'a, T> InLanguage<'a, T> {
    pub fn is_fallback(&self, page_lang: &str) -> bool {
        self.lang != page_lang
    }
}

impl Site {
    pub fn default_language(&self) -> &str {
        &self.config.default_language
    }

    pub fn content(&self, lang: &str) -> Option<&LanguageContent> {
        self.languages.iter().find(|l| l.code == lang)
    }

    pub fn reference(&self) -> &LanguageContent {
        self.content(self.default_language()).expect("the default language is validated in Config::load")
    }

    /// Looks a text up in `lang`, falling back to the reference language.
    fn pick<'a, T>(&'a self, lang: &'a str, get: impl Fn(&'a LanguageContent) -> Option<&'a T>) -> Option<InLanguage<'a, T>> {
        if let Some(item) = self.content(lang).and_then(&get) {
            return Some(InLanguage { item, lang });
        }
        let reference = self.reference();
        get(reference).map(|item| InLanguage { item, lang: reference.code.as_str() })
    }

    pub fn home<'a>(&'a self, lang: &'a str) -> Option<InLanguage<'a, Home>> {
        self.pick(lang, |c| c.home.as_ref())
    }

    pub fn chapter<'a>(&'a self, lang: &'a str, number: u32) -> Option<InLanguage<'a, Chapter>> {
        self.pick(lang, move |c| c.chapters.get(&number))
    }

    pub fn section<'a>(&'a self, lang: &'a str, id: &'a str) -> Option<InLanguage<'a, Section>> {
        self.pick(lang, move |c| c.sections.get(id))
    }

    /// A challenge in `lang`, or in English. A translation whose good practices do not line up
    /// with English (a heading added or removed) is not published: its anchors `#gp-N` would
    /// point at the wrong practices, so readers get the English text until it is corrected.
    pub fn challenge<'a>(&'a self, lang: &'a str, id: &'a str) -> Option<InLanguage<'a, Challenge>> {
        let english = self.reference().challenges.get(id);
        self.pick(lang, move |c| c.challenges.get(id).filter(|t| english.is_none_or(|e| e.practices_in_step(t))))
    }

    pub fn text_box<'a>(&'a self, lang: &'a str, name: &'a str) -> Option<InLanguage<'a, TextBox>> {
        self.pick(lang, move |c| c.boxes.get(name))
    }

    pub fn case_study<'a>(&'a self, lang: &'a str, slug: &'a str) -> Option<InLanguage<'a, CaseStudy>> {
        self.pick(lang, move |c| c.case_studies.get(slug))
    }

    /// Case studies in the reference language's order (by slug).
    pub fn case_study_slugs(&self) -> impl Iterator<Item = &str> {
        self.reference().case_studies.keys().map(String::as_str)
    }

    /// The glossary terms of `lang` (by id), falling back term by term to the reference language.
    pub fn glossary<'a>(&'a self, lang: &'a str) -> Vec<InLanguage<'a, Term>> {
        let reference = self.reference();
        let Some(english) = reference.glossary.as_ref() else { return Vec::new() };
        let translated = self.content(lang).and_then(|c| c.glossary.as_ref());
        english
            .terms
            .iter()
            .map(|term| match translated.and_then(|g| g.terms.iter().find(|t| t.id == term.id)) {
                Some(found) => InLanguage { item: found, lang },
                None => InLanguage { item: term, lang: reference.code.as_str() },
            })
            .collect()
    }

    /// Has the English original of this translated file changed since it was stamped?
    /// (Readers of the translation are told; `translation::status` tells translators why, by the
    /// same rule, `frontmatter::outdated`.)
    pub fn is_outdated(&self, translated: &FileInfo) -> bool {
        let reference = self.reference();
        if translated.file.starts_with(std::path::Path::new("content").join(&reference.code)) {
            return false;
        }
        reference
            .files()
            .into_iter()
            .find(|english| english.path == translated.path)
            .is_some_and(|english| !crate::load::frontmatter::outdated(translated.translates.as_deref(), &english.hash).is_current())
    }

    /// Is this target published (it has a page), forthcoming (declared only), or unknown?
    pub fn target_state(&self, target: &Target) -> TargetState {
        match target {
            Target::Chapter(number) => {
                if self.toc.chapter(*number).is_some() {
                    TargetState::Published
                } else {
                    TargetState::Unknown
                }
            }
            Target::Section(id) => match self.toc.section(id) {
                Some(section) if section.published => TargetState::Published,
                Some(_) => TargetState::Forthcoming,
                None => TargetState::Unknown,
            },
            Target::Challenge { id, anchor } => match self.toc.challenge(id) {
                Some(challenge) if challenge.published => {
                    let anchor_known = anchor.as_ref().is_none_or(|anchor| {
                        self.reference().challenges.get(id).is_some_and(|c| c.practices.iter().any(|p| &p.anchor == anchor))
                    });
                    if anchor_known { TargetState::Published } else { TargetState::Unknown }
                }
                Some(_) => TargetState::Forthcoming,
                None => TargetState::Unknown,
            },
            Target::CaseStudy(slug) => {
                if self.reference().case_studies.contains_key(slug) {
                    TargetState::Published
                } else {
                    TargetState::Unknown
                }
            }
            Target::InEdition { edition, target } if self.config.edition(edition).is_some() => match &**target {
                Target::Challenge { id, anchor } => match self.revising_edition(edition, |e| e.challenges.contains_key(id)) {
                    Some(revised) => {
                        let practices = &self.reference().editions[revised].challenges[id].practices;
                        if anchor.as_ref().is_none_or(|a| practices.iter().any(|p| &p.anchor == a)) {
                            TargetState::Published
                        } else {
                            TargetState::Unknown
                        }
                    }
                    None => self.target_state(target),
                },
                Target::Section(id) if self.revising_edition(edition, |e| e.sections.contains_key(id)).is_some() => TargetState::Published,
                other => self.target_state(other),
            },
            Target::Topic { edition, .. } if self.config.edition(edition).is_some() => TargetState::Forthcoming,
            Target::InEdition { .. } | Target::Topic { .. } => TargetState::Unknown,
        }
    }

    /// The base edition's id (none when no edition is declared).
    pub fn base_edition(&self) -> Option<&str> {
        self.config.editions.first().map(|e| e.id.as_str())
    }

    /// The newest later edition, up to `edition` included, whose English text revises what
    /// `revises` looks for; `None`: the base edition's text stands.
    pub fn revising_edition(&self, edition: &str, revises: impl Fn(&EditionContent) -> bool) -> Option<&str> {
        let upto = self.config.editions.iter().position(|e| e.id == edition)?;
        self.config.editions[1..=upto]
            .iter()
            .rev()
            .map(|e| e.id.as_str())
            .find(|id| self.reference().editions.get(*id).is_some_and(&revises))
    }

    /// The edition whose handout of chapter `number` a reader of `edition` prints: the newest
    /// later edition up to `edition` that revises a part of the chapter; `None`: the base's.
    pub fn handout_edition(&self, edition: &str, number: u32) -> Option<&str> {
        let in_chapter = |id: &String| ids::order(id).0 == number;
        self.revising_edition(edition, |e| e.sections.keys().chain(e.challenges.keys()).any(in_chapter))
    }

    /// Whether later edition `edition` has a handout of chapter `number` of its own: it revises a
    /// part of the chapter (otherwise its readers print the handout of the edition that last did,
    /// or the base's).
    pub fn has_edition_handout(&self, edition: &str, number: u32) -> bool {
        self.handout_edition(edition, number) == Some(edition)
    }

    /// The newest edition that revises challenge or section `id` (for "a later version exists").
    pub fn latest_revision(&self, id: &str) -> Option<&str> {
        let last = self.config.current_edition()?.id.as_str();
        self.revising_edition(last, |e| e.challenges.contains_key(id) || e.sections.contains_key(id))
    }

    /// Challenge `id` as edition `edition` itself writes it, in `lang` or in English (a
    /// translation out of step with English is not published, as for the base edition).
    pub fn edition_challenge<'a>(&'a self, lang: &'a str, edition: &'a str, id: &'a str) -> Option<InLanguage<'a, Challenge>> {
        let english = self.reference().editions.get(edition).and_then(|e| e.challenges.get(id));
        self.pick(lang, move |c| {
            c.editions.get(edition).and_then(|e| e.challenges.get(id)).filter(|t| english.is_none_or(|e| e.practices_in_step(t)))
        })
    }

    pub fn edition_section<'a>(&'a self, lang: &'a str, edition: &'a str, id: &'a str) -> Option<InLanguage<'a, Section>> {
        self.pick(lang, move |c| c.editions.get(edition).and_then(|e| e.sections.get(id)))
    }

    /// An edition's name in `lang` (or English): the base edition's is the home page's
    /// `edition`, a later one's its `editions/<id>/_index.md`.
    pub fn edition_name<'a>(&'a self, lang: &'a str, edition: &'a str) -> Option<InLanguage<'a, String>> {
        if self.base_edition() == Some(edition) {
            return self.pick(lang, |c| c.home.as_ref().map(|h| &h.edition));
        }
        self.pick(lang, move |c| c.editions.get(edition).and_then(|e| e.about.as_ref()).map(|a| &a.name))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetState {
    Published,
    Forthcoming,
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_targets() {
        assert_eq!(Target::parse("2"), Some(Target::Chapter(2)));
        assert_eq!(Target::parse("2.1"), Some(Target::Section("2.1".into())));
        assert_eq!(Target::parse("2.1.a"), Some(Target::Challenge { id: "2.1.a".into(), anchor: None }));
        assert_eq!(Target::parse("2.1.a#gp-2"), Some(Target::Challenge { id: "2.1.a".into(), anchor: Some("gp-2".into()) }));
        assert_eq!(Target::parse("case-studies/lubumbashi"), Some(Target::CaseStudy("lubumbashi".into())));
        for bad in ["", "x", "2.", "2.1.", "2.1.A", "2#x", "case-studies/", "2.1.a.b"] {
            assert_eq!(Target::parse(bad), None, "{bad}");
        }
    }
}
