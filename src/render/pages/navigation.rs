//! Lists and trails shared by several pages: the contents, breadcrumbs, case-study lists, the
//! places that refer to something, the language switcher.

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
            children: Vec::new(),
        }
    }

    pub(super) fn crumbs(&self, lang: &str, root: &str, chapter: u32, section: Option<&str>) -> Vec<Crumb> {
        let mut crumbs = vec![Crumb { title: self.site_title(lang), href: paths::href(root, &paths::home(lang), None) }];
        let chapter_title = self.site.chapter(lang, chapter).map(|c| c.item.title.clone()).unwrap_or_default();
        crumbs.push(Crumb {
            title: self.t(lang, Msg::ChapterHeading, &[("number", &chapter.to_string()), ("title", &chapter_title)]),
            href: paths::href(root, &paths::chapter(lang, chapter), None),
        });
        if let Some(section) = section {
            let title = self.site.section(lang, section).map(|s| s.item.title.clone()).unwrap_or_default();
            crumbs.push(Crumb {
                title: self.t(lang, Msg::SectionHeading, &[("id", section), ("title", &title)]),
                href: paths::href(root, &paths::section_or_challenge(lang, section), None),
            });
        }
        crumbs
    }

    pub(super) fn case_study_entries(&self, lang: &str, root: &str, chapter: Option<u32>) -> Vec<Entry> {
        self.site
            .case_study_slugs()
            .filter_map(|slug| self.site.case_study(lang, slug).map(|found| (slug, found)))
            .filter(|(_, found)| chapter.is_none() || found.item.chapter == chapter)
            .map(|(slug, found)| Entry {
                id: slug.to_string(),
                title: found.item.title.clone(),
                href: Some(paths::href(root, &paths::case_study(lang, slug), None)),
                lang: self.fallback_attr(&found, lang),
                children: Vec::new(),
            })
            .collect()
    }

    /// The challenges (and their good practices) whose text contains a node matching `wanted`.
    pub(super) fn places_referring(&self, lang: &str, writer: &PageWriter<'_>, wanted: impl Fn(&Node) -> bool) -> Vec<Entry> {
        let mut places = Vec::new();
        for entry in self.site.toc.published_challenges() {
            let Some(found) = self.site.challenge(lang, &entry.id) else { continue };
            let challenge = found.item;
            let mut practices = Vec::new();
            for (i, practice) in challenge.practices.iter().enumerate() {
                if practice.heading.iter().chain(practice.body.iter()).any(|n| wanted(&n.node)) {
                    practices.push(Entry {
                        id: (i + 1).to_string(),
                        title: writer.plain(&practice.heading),
                        href: Some(paths::href(&writer.root, &paths::section_or_challenge(lang, &entry.id), Some(&practice.anchor))),
                        lang: self.fallback_attr(&found, lang),
                        children: Vec::new(),
                    });
                }
            }
            let in_notes = challenge.footnotes.iter().flat_map(|f| f.nodes.iter()).any(|n| wanted(&n.node));
            if !practices.is_empty() || in_notes {
                places.push(Entry {
                    id: entry.id.clone(),
                    title: self.t(lang, Msg::ChallengeHeading, &[("id", &entry.id)]),
                    href: Some(paths::href(&writer.root, &paths::section_or_challenge(lang, &entry.id), None)),
                    lang: String::new(),
                    children: practices,
                });
            }
        }
        places
    }
}
