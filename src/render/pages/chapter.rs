//! Chapter and section pages.

use super::*;

#[derive(Serialize)]
struct ChapterPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    intro: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_lang: Option<String>,
    /// Only when the chapter has a published section, so a handout.
    #[serde(skip_serializing_if = "Option::is_none")]
    handout_href: Option<String>,
    /// The handout as a PDF, when the build printed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pdf: Option<PdfLink>,
    sections: Vec<Entry>,
    case_studies: Vec<Entry>,
    notes: Vec<Note>,
    breadcrumbs: Vec<Crumb>,
}

#[derive(Serialize)]
struct SectionPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    intro: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_lang: Option<String>,
    challenges: Vec<Entry>,
    notes: Vec<Note>,
    breadcrumbs: Vec<Crumb>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<super::edition::EditionLine>,
}

impl Renderer<'_> {
    pub(super) fn chapter(&self, lang: &str, number: u32) -> Result<Page, Diagnostic> {
        let folder = paths::chapter(lang, number);
        let found = self.site.chapter(lang, number);
        let title = found.map(|c| c.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::ChapterHeading, &[("number", &number.to_string()), ("title", &title)]);
        let layout = self.base(lang, &folder, &heading, |l| paths::chapter(l, number));
        let writer = self.writer(lang, &folder);
        let published = self.site.toc.chapter(number).is_some_and(|c| c.sections.iter().any(|s| s.published));
        let view = ChapterPage {
            layout,
            heading,
            intro: found.map(|found| self.document_html(&writer, &found.item.intro, &found.item.info.path)),
            content_lang: found.map(|found| self.fallback_attr(&found, lang)),
            handout_href: published.then(|| paths::href(&writer.root, &paths::handout(lang, number), None)),
            pdf: self.pdf_link(&paths::handout_pdf(lang, number), &writer.root),
            sections: self.contents(lang, &writer.root, Some(number)).pop().map(|c| c.children).unwrap_or_default(),
            case_studies: self.case_study_entries(lang, &writer.root, Some(number)),
            // After the intro, whose notes they are.
            notes: self.notes(&writer),
            breadcrumbs: vec![Crumb { title: self.site_title(lang), href: paths::href(&writer.root, &paths::home(lang), None) }],
        };
        self.render_view(lang, folder, "chapter.html", &view)
    }

    pub(super) fn section(&self, lang: &str, section: &TocSection) -> Result<Page, Diagnostic> {
        let id = section.id.as_str();
        let folder = paths::section_or_challenge(lang, id);
        let found = self.site.section(lang, id);
        let title = found.map(|s| s.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::SectionHeading, &[("id", id), ("title", &title)]);
        let layout = self.base(lang, &folder, &heading, |l| paths::section_or_challenge(l, id));
        let writer = self.writer(lang, &folder);
        let chapter_number = section.chapter;
        let view = SectionPage {
            layout,
            heading,
            intro: found.map(|found| self.document_html(&writer, &found.item.intro, &found.item.info.path)),
            content_lang: found.map(|found| self.fallback_attr(&found, lang)),
            challenges: self
                .site
                .toc
                .section(id)
                .map(|s| s.challenges.iter().map(|c| self.challenge_entry(lang, &writer.root, c)).collect())
                .unwrap_or_default(),
            // After the intro, whose notes they are.
            notes: self.notes(&writer),
            breadcrumbs: self.crumbs(lang, &writer.root, chapter_number, None),
            edition: self.base_edition_line(lang, &writer.root, id),
        };
        self.render_view(lang, folder, "section.html", &view)
    }
}
