//! The search page (the search itself runs in the browser, see `themes/default/static/search/`).

use super::*;

#[derive(Serialize)]
struct SearchPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    chapters: Vec<ChapterOption>,
    /// Where the index files of the language are.
    search_data: String,
    /// The stemmer script, for languages with one in the theme (Chinese needs none).
    stemmer: Option<String>,
    /// The forms of "{ $count } results for “{ $query }”", as JSON.
    result_forms: String,
    /// The editions to filter by, when there are several.
    editions: Vec<EditionOption>,
}

#[derive(Serialize)]
struct EditionOption {
    id: String,
    name: String,
    current: bool,
}

#[derive(Serialize)]
struct ChapterOption {
    number: u32,
    title: String,
}

impl Renderer<'_> {
    /// The search page: a form that works as a link (`?q=`), results filled in by `search.js`
    /// from the index files under `search/<lang>/`.
    pub(super) fn search(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::search(lang);
        let heading = self.t(lang, Msg::Search, &[]);
        let layout = self.base(lang, &folder, &heading, paths::search);
        let chapters: Vec<ChapterOption> = self
            .site
            .toc
            .chapters
            .iter()
            .map(|c| {
                let title = self.site.chapter(lang, c.number).map(|f| f.item.title.clone()).unwrap_or_default();
                ChapterOption {
                    number: c.number,
                    title: self.t(lang, Msg::ChapterHeading, &[("number", &c.number.to_string()), ("title", &title)]),
                }
            })
            .collect();
        // "{ $count } results for “{ $query }”": the script picks the form for its count with
        // the browser's plural rules, and fills in `{count}` and `{query}`.
        let form = |count: i64| {
            let text = self.ui.get(lang, Msg::SearchResults, &[("count", count.into()), ("query", "{query}".into())]);
            if count == 0 { text } else { text.replace(&count.to_string(), "{count}") }
        };
        let forms: BTreeMap<&str, String> =
            [("zero", form(0)), ("one", form(1)), ("other", form(7)), ("many", form(1_000_000))].into_iter().collect();
        let current = self.site.config.current_edition().map(|e| e.id.as_str());
        let editions: Vec<EditionOption> = self
            .site
            .config
            .editions
            .iter()
            .map(|e| EditionOption {
                id: e.id.clone(),
                name: self.site.edition_name(lang, &e.id).map(|n| n.item.clone()).unwrap_or_else(|| e.id.clone()),
                current: Some(e.id.as_str()) == current,
            })
            .collect();
        let view = SearchPage {
            layout,
            heading,
            chapters,
            search_data: format!("{}search/{lang}/", paths::root_from(&folder)),
            stemmer: self.facts.stemmers.contains(lang).then(|| paths::stemmer_script(lang)),
            result_forms: serde_json::to_string(&forms).unwrap_or_default(),
            editions: if editions.len() > 1 { editions } else { Vec::new() },
        };
        self.render_view(lang, folder, "search.html", &view)
    }
}
