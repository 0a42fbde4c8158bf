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
    /// No section of it is published yet.
    forthcoming: bool,
    sections: Vec<Entry>,
    case_studies: Vec<Entry>,
    notes: Vec<Note>,
    breadcrumbs: Vec<Crumb>,
    pager: Pager,
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
    pager: Pager,
}

impl Renderer<'_> {
    pub(super) fn chapter(&self, lang: &str, number: u32) -> Result<Page, Diagnostic> {
        let folder = paths::chapter(lang, number);
        let found = self.site.chapter(lang, number);
        let title = found.map(|c| c.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::ChapterHeading, &[("number", &number.to_string()), ("title", &title)]);
        let mut layout = self.base(lang, &folder, &heading, |l| paths::chapter(l, number));
        let writer = self.writer(lang, &folder);
        if let Some(found) = found {
            layout.description = heading_and_intro(&heading, &writer.plain(&found.item.intro.nodes));
        }
        let published = self.site.toc.chapter(number).is_some_and(|c| c.sections.iter().any(|s| s.published));
        let chapters = &self.site.toc.chapters;
        let position = chapters.iter().position(|c| c.number == number).unwrap_or(0);
        let neighbour = |c: Option<&crate::model::TocChapter>| {
            c.map(|c| {
                let found = self.site.chapter(lang, c.number);
                Neighbour {
                    href: paths::href(&writer.root, &paths::chapter(lang, c.number), None),
                    id: self.t(lang, Msg::ChapterShort, &[("number", &c.number.to_string())]),
                    title: found.map(|f| f.item.title.clone()).unwrap_or_default(),
                    lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                    chapter: None,
                }
            })
        };
        let pager = Pager {
            previous: neighbour(position.checked_sub(1).and_then(|p| chapters.get(p))),
            next: neighbour(chapters.get(position + 1)),
        };
        let view = ChapterPage {
            layout,
            heading,
            intro: found.map(|found| self.document_html(&writer, &found.item.intro, &found.item.info.path)),
            content_lang: found.map(|found| self.fallback_attr(&found, lang)),
            handout_href: published.then(|| paths::href(&writer.root, &paths::handout(lang, number), None)),
            pdf: self.pdf_link(&paths::handout_pdf(lang, number), &writer.root),
            forthcoming: !published,
            sections: self.contents(lang, &writer.root, Some(number)).pop().map(|c| c.children).unwrap_or_default(),
            case_studies: self.case_study_entries(lang, &writer.root, Some(number)),
            // After the intro, whose notes they are.
            notes: self.notes(&writer),
            breadcrumbs: self.crumbs(lang, &writer.root, None, None),
            pager,
        };
        self.render_view(lang, folder, "chapter.html", &view)
    }

    pub(super) fn section(&self, lang: &str, section: &TocSection) -> Result<Page, Diagnostic> {
        let id = section.id.as_str();
        let folder = paths::section_or_challenge(lang, id);
        let found = self.site.section(lang, id);
        let title = found.map(|s| s.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::SectionHeading, &[("id", id), ("title", &title)]);
        let mut layout = self.base(lang, &folder, &heading, |l| paths::section_or_challenge(l, id));
        let writer = self.writer(lang, &folder);
        let chapter_number = section.chapter;
        if let Some(found) = found {
            layout.description = heading_and_intro(&heading, &writer.plain(&found.item.intro.nodes));
        }
        let sections: Vec<&TocSection> = self.site.toc.sections().filter(|s| s.published).collect();
        let position = sections.iter().position(|s| s.id == id).unwrap_or(0);
        let neighbour = |s: Option<&&TocSection>| s.map(|s| self.section_neighbour(lang, &writer.root, s, chapter_number));
        let pager = Pager {
            previous: neighbour(position.checked_sub(1).and_then(|p| sections.get(p))),
            next: neighbour(sections.get(position + 1)),
        };
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
            breadcrumbs: self.crumbs(lang, &writer.root, Some(chapter_number), None),
            edition: self.base_edition_line(lang, &writer.root, id),
            pager,
        };
        self.render_view(lang, folder, "section.html", &view)
    }
}

/// A chapter's or section's description: its heading, then as much of its introduction as fits.
fn heading_and_intro(heading: &str, intro: &str) -> String {
    if intro.is_empty() { describe(heading) } else { describe(&format!("{heading}. {intro}")) }
}
