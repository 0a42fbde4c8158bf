//! The language chooser, the 404 page, each language's home page and its offline page.

use super::*;

#[derive(Serialize)]
struct ChooserPage {
    #[serde(flatten)]
    layout: Layout,
    choices: Vec<Alternate>,
    /// For each language: its tag, its site title and "choose this language" in it.
    titles: Vec<(String, String, String)>,
}

#[derive(Serialize)]
struct NotFoundPage {
    #[serde(flatten)]
    layout: Layout,
    /// Each language's home page, from the published base path (`/toolkit/en/`)…
    choices: Vec<Alternate>,
    /// …and from the site's root (`en/`), for `not-found.js` where the base path is another.
    from_root: Vec<String>,
    /// Where `not-found.js` may be, from the missing page's folder, should the base path not be
    /// the published one: the first that loads finds the site's root from its own address.
    script_fallbacks: Vec<String>,
}

#[derive(Serialize)]
struct HomePage<'a> {
    #[serde(flatten)]
    layout: Layout,
    // The home page's own text, when the language has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tagline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_lang: Option<String>,
    notes: Vec<Note>,
    contents: Vec<Entry>,
    /// The later editions, each linked to its contents.
    later_editions: Vec<Entry>,
}

#[derive(Serialize)]
struct OfflinePage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
}

/// The 404 page's script, in the theme's static files.
const NOT_FOUND_SCRIPT: &str = "not-found.js";
/// How deep below the site's root a missing address may be for the 404 page to find the root
/// when the site is served from another base path than its `base_url`'s.
const NOT_FOUND_DEPTH: usize = 6;

impl Renderer<'_> {
    pub(super) fn chooser(&self) -> Result<Page, Diagnostic> {
        let default = self.site.default_language();
        let titles: Vec<(String, String, String)> = self
            .site
            .config
            .languages
            .iter()
            .map(|l| (l.tag.clone(), self.site_title(&l.code), self.t(&l.code, Msg::ChooseLanguage, &[])))
            .collect();
        let view =
            ChooserPage { layout: self.base(default, "", "", paths::home), choices: self.language_links("", None, paths::home), titles };
        Ok(Page { path: "index.html".into(), lang: None, body: self.html(default, "chooser.html", &view)? })
    }

    pub(super) fn not_found(&self) -> Result<Page, Diagnostic> {
        // Served for any missing address, so its links start from the site's base path.
        let default = self.site.default_language();
        let base = self.site.config.base_path().to_string();
        let mut layout = self.base(default, "", "", paths::home);
        layout.assets = format!("{base}assets/");
        let view = NotFoundPage {
            layout,
            choices: self.language_links(&base, None, paths::home),
            from_root: self.language_links("", None, paths::home).into_iter().map(|a| a.href).collect(),
            script_fallbacks: (0..=NOT_FOUND_DEPTH)
                .map(|depth| format!("{}{}", "../".repeat(depth), paths::asset(NOT_FOUND_SCRIPT)))
                .collect(),
        };
        Ok(Page { path: "404.html".into(), lang: None, body: self.html(default, "404.html", &view)? })
    }

    pub(super) fn home(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::home(lang);
        let layout = self.base(lang, &folder, "", paths::home);
        let writer = self.writer(lang, &folder);
        let home = self.site.home(lang);
        let view = HomePage {
            layout,
            edition: home.map(|h| h.item.edition.as_str()),
            tagline: home.map(|h| h.item.tagline.as_str()),
            body: home.map(|h| self.document_html(&writer, &h.item.body, &h.item.info.path)),
            content_lang: home.map(|h| self.fallback_attr(&h, lang)),
            // After the body, whose notes they are.
            notes: self.notes(&writer),
            contents: self.contents(lang, &writer.root, None),
            later_editions: self.later_edition_entries(lang, &writer.root),
        };
        self.render_view(lang, folder, "home.html", &view)
    }

    /// What a reader without a connection sees instead of a page not kept on the device. Not a
    /// page of the toolkit: not in the sitemap or the page counts.
    pub(super) fn offline(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::offline(lang);
        let heading = self.t(lang, Msg::OfflinePageTitle, &[]);
        let view = OfflinePage { layout: self.base(lang, &folder, &heading, paths::offline), heading };
        Ok(Page { path: format!("{folder}index.html"), lang: None, body: self.html(lang, "offline.html", &view)? })
    }
}
