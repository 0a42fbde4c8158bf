//! The case-study index and case-study pages.

use super::*;

impl Renderer<'_> {
    pub(super) fn case_study_index(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::case_studies(lang);
        let heading = self.t(lang, Msg::CaseStudies, &[]);
        let mut context = self.base(lang, &folder, &heading, paths::case_studies);
        let root = paths::root_from(&folder);
        context.insert("heading", &heading);
        context.insert("case_studies", &self.case_study_entries(lang, &root, None));
        self.page(lang, folder, "case-studies.html", &context)
    }

    pub(super) fn case_study(&self, lang: &str, slug: &str) -> Result<Page, Diagnostic> {
        let folder = paths::case_study(lang, slug);
        let Some(found) = self.site.case_study(lang, slug) else {
            return Err(Diagnostic::error("content", None, format!("Case study {slug} has no text.")));
        };
        let study = found.item;
        let mut context = self.base(lang, &folder, &study.title, |l| paths::case_study(l, slug));
        let writer = self.writer(lang, &folder);
        context.insert("heading", &study.title);
        context.insert("authors", &study.authors);
        context.insert("url", &study.url);
        context.insert("body", &self.document_html(&writer, &study.body, &study.info.path));
        context.insert("notes", &self.notes(&writer));
        context.insert("content_lang", &self.fallback_attr(&found, lang));
        if found.is_fallback(lang) {
            context.insert("fallback_href", &paths::href(&writer.root, &paths::case_study(found.lang, slug), None));
        } else if self.site.is_outdated(&study.info) {
            let english = self.site.default_language();
            context.insert("outdated_href", &paths::href(&writer.root, &paths::case_study(english, slug), None));
        }
        let target = format!("case-studies/{slug}");
        context.insert("cited_in", &self.places_referring(lang, &writer, |node| matches!(node, Node::RefStart(t) if *t == target)));
        context.insert(
            "breadcrumbs",
            &vec![
                Crumb { title: self.site_title(lang), href: paths::href(&writer.root, &paths::home(lang), None) },
                Crumb { title: self.t(lang, Msg::CaseStudies, &[]), href: paths::href(&writer.root, &paths::case_studies(lang), None) },
            ],
        );
        self.page(lang, folder, "case-study.html", &context)
    }
}
