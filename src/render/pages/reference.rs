//! The sources page and the glossary.

use super::*;

#[derive(Serialize)]
struct SourcesPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    /// Each source as `source.html` renders it: one at a time, so that a large site's list
    /// (thousands of places citing each source) never sits in memory as one template context.
    sources: Vec<String>,
}

#[derive(Serialize)]
struct SourceEntry {
    s: SourceView,
}

#[derive(Serialize)]
struct SourceView {
    key: String,
    label: String,
    title: String,
    title_lang: String,
    note: Option<String>,
    note_lang: String,
    author: Option<String>,
    /// Authors and publishers are given as they publish, in English.
    author_lang: String,
    year: Option<String>,
    url: Option<String>,
    cited_in: Vec<Entry>,
}

#[derive(Serialize)]
struct GlossaryPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    abbreviations: Vec<TermView>,
    terms: Vec<TermView>,
}

#[derive(Serialize)]
struct TermView {
    id: String,
    abbr: Option<String>,
    term: String,
    lang: String,
    english: Option<String>,
}

impl Renderer<'_> {
    pub(super) fn sources(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::sources(lang);
        let heading = self.t(lang, Msg::Sources, &[]);
        let layout = self.base(lang, &folder, &heading, paths::sources);
        let writer = self.writer(lang, &folder);
        let default = self.site.default_language();
        let tag = self.tag(lang);
        let mut citing = self.places_by_key(lang, &writer, |node| match node {
            Node::Citation(c) => c.items.iter().map(|i| i.key.clone()).collect(),
            _ => Vec::new(),
        });
        let sources = self
            .site
            .sources
            .list
            .iter()
            .map(|source| {
                let (title, title_lang) = source.title(lang, default);
                let note = source.note(lang, default);
                let s = SourceView {
                    key: source.key.clone(),
                    label: source.label.clone(),
                    title: title.to_string(),
                    title_lang: lang_attr(title_lang, &tag, self.site),
                    note: note.map(|(n, _)| n.to_string()),
                    note_lang: note.map(|(_, l)| lang_attr(l, &tag, self.site)).unwrap_or_default(),
                    author: source.author(lang, default).map(|(a, _)| a.to_string()),
                    author_lang: source.author(lang, default).map(|(_, l)| lang_attr(l, &tag, self.site)).unwrap_or_default(),
                    year: source.year.clone(),
                    url: source.url.clone(),
                    cited_in: citing.remove(source.key.as_str()).unwrap_or_default(),
                };
                self.html(lang, "source.html", &SourceEntry { s })
            })
            .collect::<Result<Vec<String>, Diagnostic>>()?;
        self.render_view(lang, folder, "sources.html", &SourcesPage { layout, heading, sources })
    }

    pub(super) fn glossary(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = paths::glossary(lang);
        let heading = self.t(lang, Msg::Glossary, &[]);
        let layout = self.base(lang, &folder, &heading, paths::glossary);
        let tag = self.tag(lang);
        let reference = self.site.reference();
        let english_of = |id: &str| reference.glossary.as_ref().and_then(|g| g.terms.iter().find(|t| t.id == id)).map(|t| t.term.clone());
        let mut terms: Vec<TermView> = self
            .site
            .glossary(lang)
            .into_iter()
            .map(|found| TermView {
                id: found.item.id.clone(),
                abbr: found.item.abbr.clone(),
                term: found.item.term.clone(),
                lang: lang_attr(found.lang, &tag, self.site),
                english: (lang != reference.code).then(|| english_of(&found.item.id)).flatten(),
            })
            .collect();
        let sort_key = |t: &TermView| t.abbr.clone().unwrap_or_else(|| t.term.clone()).to_lowercase();
        terms.sort_by_key(sort_key);
        let (abbreviations, vocabulary): (Vec<TermView>, Vec<TermView>) = terms.into_iter().partition(|t| t.abbr.is_some());
        self.render_view(lang, folder, "glossary.html", &GlossaryPage { layout, heading, abbreviations, terms: vocabulary })
    }
}
