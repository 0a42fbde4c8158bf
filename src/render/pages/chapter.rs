//! Chapter and section pages.

use super::*;

impl Renderer<'_> {
    pub(super) fn chapter(&self, lang: &str, number: u32) -> Result<Page, Diagnostic> {
        let folder = paths::chapter(lang, number);
        let found = self.site.chapter(lang, number);
        let title = found.map(|c| c.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::ChapterHeading, &[("number", &number.to_string()), ("title", &title)]);
        let mut context = self.base(lang, &folder, &heading, |l| paths::chapter(l, number));
        let writer = self.writer(lang, &folder);
        context.insert("number", &number);
        context.insert("heading", &heading);
        if let Some(found) = found {
            context.insert("intro", &self.document_html(&writer, &found.item.intro, &found.item.info.path));
            context.insert("content_lang", &self.fallback_attr(&found, lang));
        }
        let sections = self.contents(lang, &writer.root, Some(number)).pop().map(|c| c.children).unwrap_or_default();
        let published = self.site.toc.chapter(number).is_some_and(|c| c.sections.iter().any(|s| s.published));
        if published {
            context.insert("handout_href", &paths::href(&writer.root, &paths::handout(lang, number), None));
        }
        context.insert("sections", &sections);
        context.insert("case_studies", &self.case_study_entries(lang, &writer.root, Some(number)));
        context.insert("notes", &self.notes(&writer));
        context.insert(
            "breadcrumbs",
            &vec![Crumb { title: self.site_title(lang), href: paths::href(&writer.root, &paths::home(lang), None) }],
        );
        self.page(lang, folder, "chapter.html", &context)
    }

    pub(super) fn section(&self, lang: &str, id: &str) -> Result<Page, Diagnostic> {
        let folder = paths::section_or_challenge(lang, id);
        let found = self.site.section(lang, id);
        let title = found.map(|s| s.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::SectionHeading, &[("id", id), ("title", &title)]);
        let mut context = self.base(lang, &folder, &heading, |l| paths::section_or_challenge(l, id));
        let writer = self.writer(lang, &folder);
        let chapter_number: u32 = id.split('.').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        context.insert("id", id);
        context.insert("heading", &heading);
        if let Some(found) = found {
            context.insert("intro", &self.document_html(&writer, &found.item.intro, &found.item.info.path));
            context.insert("content_lang", &self.fallback_attr(&found, lang));
        }
        let challenges: Vec<Entry> = self
            .site
            .toc
            .section(id)
            .map(|s| s.challenges.iter().map(|c| self.challenge_entry(lang, &writer.root, c)).collect())
            .unwrap_or_default();
        context.insert("challenges", &challenges);
        context.insert("notes", &self.notes(&writer));
        context.insert("breadcrumbs", &self.crumbs(lang, &writer.root, chapter_number, None));
        self.page(lang, folder, "section.html", &context)
    }
}
