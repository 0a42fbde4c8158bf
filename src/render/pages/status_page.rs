//! The translators' status page.

use super::*;

#[derive(Serialize)]
struct StatusPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    languages: Vec<LanguageView>,
}

#[derive(Serialize)]
struct Bar {
    translated: f64,
    outdated: f64,
    missing: f64,
}

#[derive(Serialize)]
struct LanguageView {
    lang: String,
    name: String,
    percent: u32,
    bar: Bar,
    totals: (usize, usize, usize),
    words: usize,
    groups: Vec<status::Group>,
    structure: Vec<String>,
}

impl Renderer<'_> {
    /// The translators' page (not linked from the site): coverage and to-do lists per language.
    pub(super) fn status(&self) -> Result<Page, Diagnostic> {
        let default = self.site.default_language();
        let folder = "status/";
        let heading = self.t(default, Msg::StatusTitle, &[]);
        let mut layout = self.base(default, folder, &heading, |_| folder.to_string());
        // One page for every language: no language versions to switch between.
        layout.alternates = Vec::new();
        let root = paths::root_from(folder);
        let languages: Vec<LanguageView> = self
            .facts
            .status
            .languages
            .iter()
            .cloned()
            .map(|language| {
                let totals = language.totals();
                let all = (totals.0 + totals.1 + totals.2).max(1) as f64;
                let share = |n: usize| (n as f64 * 1000.0 / all).round() / 10.0;
                let mut groups = language.groups.clone();
                for group in &mut groups {
                    for item in &mut group.items {
                        item.page = item.page.take().map(|page| match page.split_once('#') {
                            Some((folder, fragment)) => paths::href(&root, folder, Some(fragment)),
                            None => paths::href(&root, &page, None),
                        });
                    }
                }
                LanguageView {
                    percent: language.percent(),
                    bar: Bar { translated: share(totals.0), outdated: share(totals.2), missing: share(totals.1) },
                    totals,
                    words: language.words(),
                    structure: language.structure.iter().map(|d| format!("{}: {}", d.location(), d.message)).collect(),
                    lang: language.lang,
                    name: language.name,
                    groups,
                }
            })
            .collect();
        let view = StatusPage { layout, heading, languages };
        Ok(Page { path: format!("{folder}index.html"), lang: None, body: self.html(default, "status.html", &view)? })
    }
}
