//! The language chooser, the 404 page, each language's home page and its offline page.

use super::*;

impl Renderer<'_> {
    pub(super) fn chooser(&self) -> Result<Page, Diagnostic> {
        let default = self.site.default_language();
        let mut context = self.base(default, "", "", paths::home);
        let choices = self.language_links("", None, paths::home);
        let titles: Vec<(String, String, String)> = self
            .site
            .config
            .languages
            .iter()
            .map(|l| (l.tag.clone(), self.site_title(&l.code), self.t(&l.code, Msg::ChooseLanguage, &[])))
            .collect();
        context.insert("choices", &choices);
        context.insert("titles", &titles);
        Ok(Page { path: "index.html".into(), lang: None, body: self.theme.render(default, "chooser.html", &context)? })
    }

    pub(super) fn not_found(&self) -> Result<Page, Diagnostic> {
        // Served for any missing address, so its links start from the site's base path.
        let default = self.site.default_language();
        let mut context = self.base(default, "", "", paths::home);
        let base = self.site.config.base_path().to_string();
        let choices = self.language_links(&base, None, paths::home);
        context.insert("choices", &choices);
        context.insert("assets", &format!("{base}assets/"));
        Ok(Page { path: "404.html".into(), lang: None, body: self.theme.render(default, "404.html", &context)? })
    }

    pub(super) fn home(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::home(lang);
        let mut context = self.base(lang, &folder, "", paths::home);
        let writer = self.writer(lang, &folder);
        if let Some(home) = self.site.home(lang) {
            context.insert("edition", &home.item.edition);
            context.insert("tagline", &home.item.tagline);
            context.insert("body", &self.document_html(&writer, &home.item.body, &home.item.info.path));
            context.insert("content_lang", &self.fallback_attr(&home, lang));
        }
        context.insert("notes", &self.notes(&writer));
        context.insert("contents", &self.contents(lang, &writer.root, None));
        self.page(lang, folder, "home.html", &context)
    }

    /// What a reader without a connection sees instead of a page not kept on the device. Not a
    /// page of the toolkit: not in the sitemap or the page counts.
    pub(super) fn offline(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::offline(lang);
        let heading = self.t(lang, Msg::OfflinePageTitle, &[]);
        let mut context = self.base(lang, &folder, &heading, paths::offline);
        context.insert("heading", &heading);
        Ok(Page { path: format!("{folder}index.html"), lang: None, body: self.theme.render(lang, "offline.html", &context)? })
    }
}
