//! The case-study index and case-study pages.

use super::*;

#[derive(Serialize)]
struct CaseStudiesPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    case_studies: Vec<Entry>,
}

#[derive(Serialize)]
struct CaseStudyPage<'a> {
    #[serde(flatten)]
    layout: Layout,
    heading: &'a str,
    authors: Option<&'a str>,
    url: Option<&'a str>,
    body: String,
    notes: Vec<Note>,
    content_lang: String,
    #[serde(flatten)]
    notice: Notice,
    cited_in: Vec<Entry>,
    breadcrumbs: Vec<Crumb>,
}

impl Renderer<'_> {
    pub(super) fn case_study_index(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::case_studies(lang);
        let heading = self.t(lang, Msg::CaseStudies, &[]);
        let layout = self.base(lang, &folder, &heading, paths::case_studies);
        let root = paths::root_from(&folder);
        let view = CaseStudiesPage { layout, heading, case_studies: self.case_study_entries(lang, &root, None) };
        self.render_view(lang, folder, "case-studies.html", &view)
    }

    pub(super) fn case_study(&self, lang: &str, slug: &str) -> Result<Page, Diagnostic> {
        let folder = paths::case_study(lang, slug);
        let Some(found) = self.site.case_study(lang, slug) else {
            return Err(Diagnostic::error("content", None, format!("Case study {slug} has no text.")));
        };
        let study = found.item;
        let mut layout = self.base(lang, &folder, &study.title, |l| paths::case_study(l, slug));
        layout.description = describe(&match &study.authors {
            Some(authors) => format!("{}{}{authors}", study.title, self.t(lang, Msg::LabelSeparator, &[])),
            None => study.title.clone(),
        });
        let writer = self.writer(lang, &folder);
        let body = self.document_html(&writer, &study.body, &study.info.path);
        let notice = self.notice(&found, &study.info, lang, &writer.root, |l| paths::case_study(l, slug));
        let target = format!("case-studies/{slug}");
        let view = CaseStudyPage {
            layout,
            heading: &study.title,
            authors: study.authors.as_deref(),
            url: study.url.as_deref(),
            body,
            notes: self.notes(&writer),
            content_lang: self.fallback_attr(&found, lang),
            notice,
            cited_in: self.places_referring(lang, &writer, |node| matches!(node, Node::RefStart(t) if *t == target)),
            breadcrumbs: {
                let mut crumbs = self.crumbs(lang, &writer.root, None, None);
                let title = self.t(lang, Msg::CaseStudies, &[]);
                crumbs.push(Crumb { short: title.clone(), title, href: paths::href(&writer.root, &paths::case_studies(lang), None) });
                crumbs
            },
        };
        self.render_view(lang, folder, "case-study.html", &view)
    }
}
