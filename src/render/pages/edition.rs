//! The pages of a later edition: its contents (revised parts, and the others marked unchanged
//! since the edition before), its sections and challenges, and what changed in each challenge;
//! and the line that names the edition on the base edition's pages.

use super::*;
use fluent_bundle::FluentValue;

use crate::compare::{self, Kind, Words};
use crate::load::markdown::Block;
use crate::model::ids;

/// The edition a page belongs to, and the other version of its text.
#[derive(Serialize)]
pub(super) struct EditionLine {
    name: String,
    /// ` lang="en"` when the name is a fallback.
    name_lang: String,
    href: String,
    /// A later edition's version of this text (on a superseded page).
    #[serde(skip_serializing_if = "Option::is_none")]
    later: Option<OtherVersion>,
    /// The edition before's version (on a later edition's page).
    #[serde(skip_serializing_if = "Option::is_none")]
    earlier: Option<OtherVersion>,
    /// What changed since the edition before (a challenge with an earlier version).
    #[serde(skip_serializing_if = "Option::is_none")]
    changes_href: Option<String>,
}

#[derive(Serialize)]
struct OtherVersion {
    name: String,
    href: String,
}

/// A part heading, a reference line or a list of good practices, as a later edition writes them
/// (`edition-blocks` in `macros.html`), on its challenge pages and in its handouts.
#[derive(Serialize)]
pub(super) struct BlockView {
    kind: &'static str,
    html: String,
    practices: Vec<Practice>,
}

#[derive(Serialize)]
struct EditionChallengePage<'a> {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    statement: &'a str,
    blocks: Vec<BlockView>,
    notes: Vec<Note>,
    content_lang: String,
    #[serde(flatten)]
    notice: Notice,
    edition: EditionLine,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note_lang: Option<String>,
    breadcrumbs: Vec<Crumb>,
}

#[derive(Serialize)]
struct EditionSectionPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    content_lang: String,
    intro: String,
    challenges: Vec<Entry>,
    edition: EditionLine,
    /// The chapter's handout in this edition.
    handout: Option<super::handout::HandoutLink>,
    notes: Vec<Note>,
    breadcrumbs: Vec<Crumb>,
}

/// A section or challenge on the edition's contents page.
#[derive(Serialize)]
struct ContentsEntry {
    id: String,
    title: String,
    lang: String,
    href: Option<String>,
    /// Revised in this edition (else: the edition before's page, unchanged).
    revised: bool,
    children: Vec<ContentsEntry>,
    /// A chapter's handout in this edition, when the edition revises the chapter.
    handout: Option<super::handout::HandoutLink>,
}

#[derive(Serialize)]
struct EditionHomePage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    edition: EditionLine,
    /// The name of the edition before, for "unchanged since the …".
    previous_name: String,
    chapters: Vec<ContentsEntry>,
    breadcrumbs: Vec<Crumb>,
}

#[derive(Serialize)]
struct ChangeView {
    kind: Kind,
    moved: bool,
    /// "Third Edition: 3, 4" / "Knowledge Hub edition: 2".
    old_label: String,
    new_label: String,
    words: Vec<Words>,
    /// Links to the new practices on their page.
    links: Vec<PracticeLink>,
}

#[derive(Serialize)]
struct PracticeLink {
    number: usize,
    href: String,
}

#[derive(Serialize)]
struct ChangesPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    summary: String,
    changes: Vec<ChangeView>,
    content_lang: String,
    edition: EditionLine,
    breadcrumbs: Vec<Crumb>,
}

impl Renderer<'_> {
    /// The later editions, each with the edition before it.
    pub(super) fn later_editions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.site.config.editions.windows(2).map(|pair| (pair[1].id.as_str(), pair[0].id.as_str()))
    }

    /// Each later edition, named and linked to its contents, for the home page.
    pub(super) fn later_edition_entries(&self, lang: &str, root: &str) -> Vec<Entry> {
        self.later_editions()
            .map(|(edition, _)| {
                let (title, name_lang) = self.edition_name(lang, edition);
                Entry {
                    id: edition.to_string(),
                    title,
                    href: Some(paths::href(root, &paths::edition_home(lang, edition), None)),
                    lang: name_lang,
                    forthcoming: false,
                    note: None,
                    children: Vec::new(),
                }
            })
            .collect()
    }

    pub(super) fn edition_name(&self, lang: &str, edition: &str) -> (String, String) {
        match self.site.edition_name(lang, edition) {
            Some(found) => (found.item.clone(), self.fallback_attr(&found, lang)),
            None => (edition.to_string(), String::new()),
        }
    }

    /// Where an edition's reader finds `id` (a section or challenge) as edition `edition` has it:
    /// its own page, or the base edition's.
    fn version_href(&self, lang: &str, root: &str, edition: &str, id: &str) -> Option<String> {
        match self.site.revising_edition(edition, |e| e.challenges.contains_key(id) || e.sections.contains_key(id)) {
            Some(revised) => Some(paths::href(root, &paths::edition_page(lang, revised, id), None)),
            None => {
                let published =
                    self.site.toc.challenge(id).is_some_and(|c| c.published) || self.site.toc.section(id).is_some_and(|s| s.published);
                published.then(|| paths::href(root, &paths::section_or_challenge(lang, id), None))
            }
        }
    }

    /// The line naming the base edition on its pages, with the later version of a superseded
    /// section or challenge (none when the toolkit declares no editions).
    pub(super) fn base_edition_line(&self, lang: &str, root: &str, id: &str) -> Option<EditionLine> {
        let base = self.site.base_edition()?;
        let (name, name_lang) = self.edition_name(lang, base);
        let later = self.site.latest_revision(id).map(|later| OtherVersion {
            name: self.edition_name(lang, later).0,
            href: paths::href(root, &paths::edition_page(lang, later, id), None),
        });
        Some(EditionLine { name, name_lang, href: paths::href(root, &paths::home(lang), None), later, earlier: None, changes_href: None })
    }

    /// The line naming a later edition on its pages, with the edition before's version of `id`.
    fn later_edition_line(&self, lang: &str, root: &str, edition: &str, previous: &str, id: Option<&str>) -> EditionLine {
        let (name, name_lang) = self.edition_name(lang, edition);
        let earlier = id
            .and_then(|id| self.version_href(lang, root, previous, id))
            .map(|href| OtherVersion { name: self.edition_name(lang, previous).0, href });
        let changes_href = id
            .filter(|id| ids::ChallengeId::parse(id).is_some() && earlier.is_some())
            .map(|id| paths::href(root, &paths::edition_changes(lang, edition, id), None));
        EditionLine {
            name,
            name_lang,
            href: paths::href(root, &paths::edition_home(lang, edition), None),
            later: None,
            earlier,
            changes_href,
        }
    }

    /// Site › edition › chapter › section (the edition's own section page when it has one).
    fn edition_crumbs(&self, lang: &str, root: &str, edition: &str, chapter: Option<u32>, section: Option<&str>) -> Vec<Crumb> {
        let name = self.edition_name(lang, edition).0;
        let mut crumbs = self.crumbs(lang, root, None, None);
        crumbs.push(Crumb { short: name.clone(), title: name, href: paths::href(root, &paths::edition_home(lang, edition), None) });
        if let Some(chapter) = chapter {
            let number = chapter.to_string();
            let title = self.site.chapter(lang, chapter).map(|c| c.item.title.clone()).unwrap_or_default();
            crumbs.push(Crumb {
                title: self.t(lang, Msg::ChapterHeading, &[("number", &number), ("title", &title)]),
                short: self.t(lang, Msg::ChapterShort, &[("number", &number)]),
                href: paths::href(root, &paths::chapter(lang, chapter), None),
            });
        }
        if let Some(section) = section {
            let title = self.site.edition_section(lang, edition, section).map(|s| s.item.title.clone()).unwrap_or_default();
            crumbs.push(Crumb {
                title: self.t(lang, Msg::SectionHeading, &[("id", section), ("title", &title)]),
                short: section.to_string(),
                href: paths::href(root, &paths::edition_page(lang, edition, section), None),
            });
        }
        crumbs
    }

    pub(super) fn edition_home(&self, lang: &str, edition: &str, previous: &str) -> Result<Page, Diagnostic> {
        let folder = paths::edition_home(lang, edition);
        let (name, _) = self.edition_name(lang, edition);
        let layout = self.base(lang, &folder, &name, |l| paths::edition_home(l, edition));
        let root = paths::root_from(&folder);
        let revised = self.site.reference().editions.get(edition);
        let chapters = self
            .site
            .toc
            .chapters
            .iter()
            .map(|chapter| {
                let found = self.site.chapter(lang, chapter.number);
                let sections = chapter
                    .sections
                    .iter()
                    .map(|section| {
                        let own = revised.is_some_and(|r| r.sections.contains_key(&section.id));
                        let found =
                            if own { self.site.edition_section(lang, edition, &section.id) } else { self.site.section(lang, &section.id) };
                        let children = match revised.filter(|_| own) {
                            Some(r) => r
                                .challenges
                                .keys()
                                .filter(|id| id.rsplit_once('.').is_some_and(|(s, _)| s == section.id))
                                .map(|id| self.edition_challenge_entry(lang, &root, edition, id))
                                .collect(),
                            None => Vec::new(),
                        };
                        ContentsEntry {
                            id: section.id.clone(),
                            title: found.map(|s| s.item.title.clone()).unwrap_or_default(),
                            lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                            href: self.version_href(lang, &root, edition, &section.id),
                            revised: own,
                            children,
                            handout: None,
                        }
                    })
                    .collect();
                ContentsEntry {
                    id: chapter.id.clone(),
                    title: found.map(|c| c.item.title.clone()).unwrap_or_default(),
                    lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                    href: Some(paths::href(&root, &paths::chapter(lang, chapter.number), None)),
                    revised: false,
                    children: sections,
                    handout: self
                        .site
                        .has_edition_handout(edition, chapter.number)
                        .then(|| self.handout_link(lang, edition, chapter.number, &root)),
                }
            })
            .collect();
        let view = EditionHomePage {
            layout,
            heading: name,
            edition: self.later_edition_line(lang, &root, edition, previous, None),
            previous_name: self.edition_name(lang, previous).0,
            chapters,
            breadcrumbs: self.crumbs(lang, &root, None, None),
        };
        self.render_view(lang, folder, "edition.html", &view)
    }

    fn edition_challenge_entry(&self, lang: &str, root: &str, edition: &str, id: &str) -> ContentsEntry {
        let found = self.site.edition_challenge(lang, edition, id);
        ContentsEntry {
            id: id.to_string(),
            title: found.map(|c| c.item.statement.clone()).unwrap_or_default(),
            lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
            href: Some(paths::href(root, &paths::edition_page(lang, edition, id), None)),
            revised: true,
            children: Vec::new(),
            handout: None,
        }
    }

    pub(super) fn edition_section(&self, lang: &str, edition: &str, previous: &str, id: &str) -> Result<Page, Diagnostic> {
        let folder = paths::edition_page(lang, edition, id);
        let Some(found) = self.site.edition_section(lang, edition, id) else {
            return Err(Diagnostic::error("content", None, format!("Section {id} of the edition {edition} has no text.")));
        };
        let heading = self.t(lang, Msg::SectionHeading, &[("id", id), ("title", &found.item.title)]);
        let layout = self.base(lang, &folder, &heading, |l| paths::edition_page(l, edition, id));
        let writer = self.writer(lang, &folder);
        let challenges = self
            .site
            .reference()
            .editions
            .get(edition)
            .map(|r| {
                r.challenges
                    .keys()
                    .filter(|c| c.rsplit_once('.').is_some_and(|(s, _)| s == id))
                    .map(|c| {
                        let e = self.edition_challenge_entry(lang, &writer.root, edition, c);
                        Entry { id: e.id, title: e.title, href: e.href, lang: e.lang, forthcoming: false, note: None, children: Vec::new() }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let chapter = ids::SectionId::parse(id).map(|s| s.chapter);
        let view = EditionSectionPage {
            layout,
            heading,
            content_lang: self.fallback_attr(&found, lang),
            intro: self.document_html(&writer, &found.item.intro, &found.item.info.path),
            challenges,
            edition: self.later_edition_line(lang, &writer.root, edition, previous, Some(id)),
            handout: chapter
                .filter(|&c| self.site.has_edition_handout(edition, c))
                .map(|c| self.handout_link(lang, edition, c, &writer.root)),
            notes: self.notes(&writer),
            breadcrumbs: self.edition_crumbs(lang, &writer.root, edition, chapter, None),
        };
        self.render_view(lang, folder, "edition-section.html", &view)
    }

    pub(super) fn edition_challenge(&self, lang: &str, edition: &str, previous: &str, id: &str) -> Result<Page, Diagnostic> {
        let folder = paths::edition_page(lang, edition, id);
        let Some(found) = self.site.edition_challenge(lang, edition, id) else {
            return Err(Diagnostic::error("content", None, format!("Challenge {id} of the edition {edition} has no text.")));
        };
        let challenge: &Challenge = found.item;
        let heading = self.t(lang, Msg::ChallengeHeading, &[("id", id)]);
        let layout =
            self.base(lang, &folder, &format!("{heading}{}{}", self.t(lang, Msg::LabelSeparator, &[]), challenge.statement), |l| {
                paths::edition_page(l, edition, id)
            });
        let mut writer = self.writer(lang, &folder);
        writer.heading_shift = 1;
        for practice in &challenge.practices {
            writer.local_targets.insert(format!("{edition}/{id}#{}", practice.anchor), format!("#{}", practice.anchor));
        }
        let blocks = challenge_blocks(&writer, challenge, |p| p.anchor.clone());
        let notice = self.notice(&found, &challenge.info, lang, &writer.root, |l| paths::edition_page(l, edition, id));
        let home = self.site.home(lang);
        let section = id.rsplit_once('.').map(|(s, _)| s);
        let chapter = section.and_then(ids::SectionId::parse).map(|s| s.chapter);
        let view = EditionChallengePage {
            layout,
            heading,
            statement: &challenge.statement,
            blocks,
            notes: self.notes(&writer),
            content_lang: self.fallback_attr(&found, lang),
            notice,
            edition: self.later_edition_line(lang, &writer.root, edition, previous, Some(id)),
            note: home.map(|h| h.item.note.as_str()),
            note_lang: home.map(|h| self.fallback_attr(&h, lang)),
            breadcrumbs: self.edition_crumbs(lang, &writer.root, edition, chapter, section),
        };
        self.render_view(lang, folder, "edition-challenge.html", &view)
    }

    /// The challenge as the edition before `edition` has it (its own text or the base's).
    fn earlier_challenge<'s>(&'s self, lang: &'s str, previous: &'s str, id: &'s str) -> Option<InLanguage<'s, Challenge>> {
        match self.site.revising_edition(previous, |e| e.challenges.contains_key(id)) {
            Some(revised) => self.site.edition_challenge(lang, revised, id),
            None => self.site.challenge(lang, id),
        }
    }

    /// Whether the edition before has challenge `id` (so there is something to compare).
    pub(super) fn has_earlier_version(&self, previous: &str, id: &str) -> bool {
        self.earlier_challenge(self.site.default_language(), previous, id).is_some()
    }

    pub(super) fn edition_changes(&self, lang: &str, edition: &str, previous: &str, id: &str) -> Result<Page, Diagnostic> {
        let missing = || Diagnostic::error("content", None, format!("Challenge {id} has no earlier version to compare with."));
        let (Some(new), Some(old)) = (self.site.edition_challenge(lang, edition, id), self.earlier_challenge(lang, previous, id)) else {
            return Err(missing());
        };
        // Both sides in one language: English when either has no translation yet.
        let english = self.site.default_language();
        let (old, new) = if old.lang == new.lang {
            (old, new)
        } else {
            match (self.site.edition_challenge(english, edition, id), self.earlier_challenge(english, previous, id)) {
                (Some(new), Some(old)) => (old, new),
                _ => return Err(missing()),
            }
        };
        let text_lang = new.lang;
        let folder = paths::edition_changes(lang, edition, id);
        let writer = self.writer(lang, &folder);
        let text = |c: &Challenge| -> Vec<String> {
            c.practices.iter().map(|p| format!("{} {}", writer.plain(&p.heading), writer.plain(&p.body)).trim().to_string()).collect()
        };
        let (old_texts, new_texts) = (text(old.item), text(new.item));
        // Which practices answer which is decided on the reference texts, so that every language
        // tells the same story (translations keep English's practices, in order); the words
        // changed within them are this language's.
        let reference = match (self.site.edition_challenge(english, edition, id), self.earlier_challenge(english, previous, id)) {
            (Some(new), Some(old)) => Some((text(old.item), text(new.item))),
            _ => None,
        };
        let alignments = match reference {
            Some((old_english, new_english)) if old_english.len() == old_texts.len() && new_english.len() == new_texts.len() => {
                compare::align(english, &old_english, &new_english)
            }
            _ => compare::align(text_lang, &old_texts, &new_texts),
        };
        let (old_name, new_name) = (self.edition_name(lang, previous).0, self.edition_name(lang, edition).0);
        let old_page = self.version_href(lang, &writer.root, previous, id).unwrap_or_default();
        let new_page = paths::href(&writer.root, &paths::edition_page(lang, edition, id), None);
        let label = |name: &str, indexes: &[usize]| {
            let numbers: Vec<String> = indexes.iter().map(|i| (i + 1).to_string()).collect();
            let numbers = numbers.join(&self.t(lang, Msg::ListSeparator, &[]));
            self.ui.get(
                lang,
                Msg::ChangesPractices,
                &[
                    ("edition", FluentValue::from(name)),
                    ("numbers", FluentValue::from(numbers)),
                    ("count", FluentValue::from(indexes.len())),
                ],
            )
        };
        let joined = |texts: &[String], indexes: &[usize]| indexes.iter().map(|&i| texts[i].as_str()).collect::<Vec<_>>().join("\n");
        let changes = alignments
            .iter()
            .map(|a| ChangeView {
                kind: a.kind,
                moved: a.moved,
                old_label: if a.old.is_empty() { String::new() } else { label(&old_name, &a.old) },
                new_label: if a.new.is_empty() { String::new() } else { label(&new_name, &a.new) },
                words: compare::word_changes(text_lang, &joined(&old_texts, &a.old), &joined(&new_texts, &a.new)),
                links: if a.new.is_empty() { &a.old } else { &a.new }
                    .iter()
                    .map(|&i| {
                        let (page, practice) =
                            if a.new.is_empty() { (&old_page, &old.item.practices[i]) } else { (&new_page, &new.item.practices[i]) };
                        PracticeLink { number: i + 1, href: format!("{page}#{}", practice.anchor) }
                    })
                    .collect(),
            })
            .collect();
        let summary = self.changes_summary(lang, &compare::summary(&alignments));
        let heading = self.t(lang, Msg::ChangesHeading, &[("id", id), ("old", &old_name), ("new", &new_name)]);
        let layout = self.base(lang, &folder, &heading, |l| paths::edition_changes(l, edition, id));
        let section = id.rsplit_once('.').map(|(s, _)| s);
        let chapter = section.and_then(ids::SectionId::parse).map(|s| s.chapter);
        let mut breadcrumbs = self.edition_crumbs(lang, &writer.root, edition, chapter, section);
        breadcrumbs.push(Crumb {
            title: self.t(lang, Msg::ChallengeHeading, &[("id", id)]),
            short: id.to_string(),
            href: new_page.clone(),
        });
        let view = ChangesPage {
            layout,
            heading,
            summary,
            changes,
            content_lang: lang_attr(text_lang, &self.tag(lang), self.site),
            edition: self.later_edition_line(lang, &writer.root, edition, previous, Some(id)),
            breadcrumbs,
        };
        self.render_view(lang, folder, "changes.html", &view)
    }

    /// "3 practices reworded, 1 new, 2 moved", in the reader's language.
    fn changes_summary(&self, lang: &str, s: &compare::Summary) -> String {
        let parts: Vec<String> = [
            (s.reworded, Msg::ChangesReworded),
            (s.new, Msg::ChangesNew),
            (s.dropped, Msg::ChangesDropped),
            (s.merged, Msg::ChangesMerged),
            (s.split, Msg::ChangesSplit),
            (s.moved, Msg::ChangesMoved),
            (s.unchanged, Msg::ChangesUnchanged),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, msg)| self.ui.get(lang, msg, &[("count", FluentValue::from(count))]))
        .collect();
        parts.join(&self.t(lang, Msg::ListSeparator, &[]))
    }
}

/// A challenge's text as its edition writes it: its parts, reference lines and good practices in
/// order; `anchor` names each practice on the page (an edition writing practices as headings
/// gives one list of them).
pub(super) fn challenge_blocks(writer: &PageWriter<'_>, challenge: &Challenge, anchor: impl Fn(&GoodPractice) -> String) -> Vec<BlockView> {
    let doc = challenge.info.file.to_string_lossy().to_string();
    let practice = |i: usize| {
        let p = &challenge.practices[i];
        Practice::new(writer, p, anchor(p), i + 1, challenge)
    };
    if challenge.blocks.is_empty() {
        return vec![BlockView {
            kind: "practices",
            html: String::new(),
            practices: (0..challenge.practices.len()).map(practice).collect(),
        }];
    }
    challenge
        .blocks
        .iter()
        .map(|block| match block {
            Block::Part(nodes) => BlockView { kind: "part", html: writer.plain(nodes), practices: Vec::new() },
            Block::Lead(nodes) => BlockView { kind: "lead", html: writer.html(nodes, &challenge.footnotes, &doc), practices: Vec::new() },
            Block::Practices(range) => {
                BlockView { kind: "practices", html: String::new(), practices: range.clone().map(practice).collect() }
            }
        })
        .collect()
}
