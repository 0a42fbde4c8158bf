//! Lists and trails shared by several pages: the contents, breadcrumbs, case-study lists, the
//! places that refer to something, the language switcher.

use std::collections::{BTreeSet, HashMap};

use super::*;

impl Renderer<'_> {
    /// A link to this page (`folder_in` gives its folder) in each language, each named in its own.
    pub(super) fn language_links(&self, root: &str, current: Option<&str>, folder_in: impl Fn(&str) -> String) -> Vec<Alternate> {
        self.site
            .config
            .languages
            .iter()
            .map(|other| Alternate {
                code: other.code.clone(),
                tag: other.tag.clone(),
                name: self.t(&other.code, Msg::LanguageName, &[]),
                href: paths::href(root, &folder_in(&other.code), None),
                current: current == Some(other.code.as_str()),
            })
            .collect()
    }

    /// The table of contents as nested entries, linked where published.
    pub(super) fn contents(&self, lang: &str, root: &str, only_chapter: Option<u32>) -> Vec<Entry> {
        self.site
            .toc
            .chapters
            .iter()
            .filter(|c| only_chapter.is_none_or(|n| n == c.number))
            .map(|chapter| {
                let found = self.site.chapter(lang, chapter.number);
                Entry {
                    id: chapter.id.clone(),
                    title: found.map(|c| c.item.title.clone()).unwrap_or_default(),
                    href: Some(paths::href(root, &paths::chapter(lang, chapter.number), None)),
                    lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                    forthcoming: !chapter.sections.iter().any(|s| s.published),
                    note: None,
                    children: chapter
                        .sections
                        .iter()
                        .map(|section| {
                            let found = self.site.section(lang, &section.id);
                            Entry {
                                id: section.id.clone(),
                                title: found.map(|s| s.item.title.clone()).unwrap_or_default(),
                                href: section.published.then(|| paths::href(root, &paths::section_or_challenge(lang, &section.id), None)),
                                lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                                forthcoming: !section.published,
                                note: None,
                                children: section.challenges.iter().map(|c| self.challenge_entry(lang, root, c)).collect(),
                            }
                        })
                        .collect(),
                }
            })
            .collect()
    }

    pub(super) fn challenge_entry(&self, lang: &str, root: &str, challenge: &TocChallenge) -> Entry {
        let found = self.site.challenge(lang, &challenge.id);
        Entry {
            id: challenge.id.clone(),
            title: found.map(|c| c.item.statement.clone()).unwrap_or_default(),
            href: challenge.published.then(|| paths::href(root, &paths::section_or_challenge(lang, &challenge.id), None)),
            lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
            forthcoming: !challenge.published,
            note: None,
            children: Vec::new(),
        }
    }

    /// The trail from the home page ("Home", not the toolkit's long title) to a chapter, or
    /// to one of its sections.
    pub(super) fn crumbs(&self, lang: &str, root: &str, chapter: Option<u32>, section: Option<&str>) -> Vec<Crumb> {
        let home = self.t(lang, Msg::Home, &[]);
        let mut crumbs = vec![Crumb { title: home.clone(), short: home, href: paths::href(root, &paths::home(lang), None) }];
        if let Some(chapter) = chapter {
            let number = chapter.to_string();
            let chapter_title = self.site.chapter(lang, chapter).map(|c| c.item.title.clone()).unwrap_or_default();
            crumbs.push(Crumb {
                title: self.t(lang, Msg::ChapterHeading, &[("number", &number), ("title", &chapter_title)]),
                short: self.t(lang, Msg::ChapterShort, &[("number", &number)]),
                href: paths::href(root, &paths::chapter(lang, chapter), None),
            });
        }
        if let Some(section) = section {
            let title = self.site.section(lang, section).map(|s| s.item.title.clone()).unwrap_or_default();
            crumbs.push(Crumb {
                title: self.t(lang, Msg::SectionHeading, &[("id", section), ("title", &title)]),
                short: section.to_string(),
                href: paths::href(root, &paths::section_or_challenge(lang, section), None),
            });
        }
        crumbs
    }

    /// The pager's entry for a challenge: its id and statement, and its chapter when it is not
    /// `chapter`.
    pub(super) fn challenge_neighbour(&self, lang: &str, root: &str, challenge: &TocChallenge, chapter: u32) -> Neighbour {
        let entry = self.challenge_entry(lang, root, challenge);
        Neighbour {
            href: entry.href.unwrap_or_default(),
            id: self.t(lang, Msg::ChallengeHeading, &[("id", &challenge.id)]),
            title: entry.title,
            lang: entry.lang,
            chapter: self.other_chapter(lang, challenge.chapter, chapter),
        }
    }

    /// The pager's entry for a section, as `challenge_neighbour`.
    pub(super) fn section_neighbour(&self, lang: &str, root: &str, section: &TocSection, chapter: u32) -> Neighbour {
        let found = self.site.section(lang, &section.id);
        Neighbour {
            href: paths::href(root, &paths::section_or_challenge(lang, &section.id), None),
            id: section.id.clone(),
            title: found.map(|s| s.item.title.clone()).unwrap_or_default(),
            lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
            chapter: self.other_chapter(lang, section.chapter, chapter),
        }
    }

    /// "Chapter 3. Working with public security forces", when `chapter` is not `current`.
    fn other_chapter(&self, lang: &str, chapter: u32, current: u32) -> Option<String> {
        (chapter != current).then(|| {
            let title = self.site.chapter(lang, chapter).map(|c| c.item.title.clone()).unwrap_or_default();
            self.t(lang, Msg::ChapterHeading, &[("number", &chapter.to_string()), ("title", &title)])
        })
    }

    pub(super) fn case_study_entries(&self, lang: &str, root: &str, chapter: Option<u32>) -> Vec<Entry> {
        self.site
            .case_study_slugs()
            .filter_map(|slug| self.site.case_study(lang, slug).map(|found| (slug, found)))
            .filter(|(_, found)| chapter.is_none() || found.item.chapter == chapter)
            // By title and authors: the file name (slug) is no reader's business.
            .map(|(slug, found)| Entry {
                id: String::new(),
                title: found.item.title.clone(),
                href: Some(paths::href(root, &paths::case_study(lang, slug), None)),
                lang: self.fallback_attr(&found, lang),
                forthcoming: false,
                note: found.item.authors.clone(),
                children: Vec::new(),
            })
            .collect()
    }

    /// The challenges (and their good practices) whose text contains a node matching `wanted`.
    pub(super) fn places_referring(&self, lang: &str, writer: &PageWriter<'_>, wanted: impl Fn(&Node) -> bool) -> Vec<Entry> {
        self.places_by_key(lang, writer, |node| if wanted(node) { vec![String::new()] } else { Vec::new() }).remove("").unwrap_or_default()
    }

    /// For each key that `keys` finds in a node, the challenges (and their good practices) whose
    /// text has it: one pass over the challenges, however many keys (the sources page asks for
    /// every source).
    pub(super) fn places_by_key(
        &self,
        lang: &str,
        writer: &PageWriter<'_>,
        keys: impl Fn(&Node) -> Vec<String>,
    ) -> HashMap<String, Vec<Entry>> {
        let mut places: HashMap<String, Vec<Entry>> = HashMap::new();
        for entry in self.site.toc.published_challenges() {
            let Some(found) = self.site.challenge(lang, &entry.id) else { continue };
            let challenge = found.item;
            // Key → the good practices that have it, in order.
            let mut practices: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
            for (i, practice) in challenge.practices.iter().enumerate() {
                let has: BTreeSet<String> = practice.heading.iter().chain(practice.body.iter()).flat_map(|n| keys(&n.node)).collect();
                if has.is_empty() {
                    continue;
                }
                let practice_entry = Entry {
                    id: (i + 1).to_string(),
                    title: writer.plain(&practice.heading),
                    href: Some(paths::href(&writer.root, &paths::section_or_challenge(lang, &entry.id), Some(&practice.anchor))),
                    lang: self.fallback_attr(&found, lang),
                    forthcoming: false,
                    note: None,
                    children: Vec::new(),
                };
                for key in has {
                    practices.entry(key).or_default().push(practice_entry.clone());
                }
            }
            for key in challenge.footnotes.iter().flat_map(|f| f.nodes.iter()).flat_map(|n| keys(&n.node)) {
                practices.entry(key).or_default();
            }
            for (key, children) in practices {
                places.entry(key).or_default().push(Entry {
                    id: entry.id.clone(),
                    title: self.t(lang, Msg::ChallengeHeading, &[("id", &entry.id)]),
                    href: Some(paths::href(&writer.root, &paths::section_or_challenge(lang, &entry.id), None)),
                    lang: String::new(),
                    forthcoming: false,
                    note: None,
                    children,
                });
            }
        }
        places
    }
}
