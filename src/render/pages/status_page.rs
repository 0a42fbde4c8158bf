//! The translators' status page, in each language: a summary in words, then what is missing,
//! outdated (with what changed in English) or out of step, per language.

use super::*;

#[derive(Serialize)]
struct StatusPage {
    #[serde(flatten)]
    layout: Layout,
    heading: String,
    /// Whether the project's history could be read (else a warning says what cannot be shown).
    history: bool,
    languages: Vec<LanguageView>,
}

#[derive(Serialize)]
struct Bar {
    translated: f64,
    outdated: f64,
    missing: f64,
}

/// English words: translated and current, missing, outdated, and all of them.
#[derive(Serialize)]
struct Words {
    translated: usize,
    missing: usize,
    outdated: usize,
    total: usize,
}

#[derive(Serialize)]
struct Problem {
    text: String,
    href: Option<String>,
}

#[derive(Serialize)]
struct LanguageView {
    lang: String,
    tag: String,
    name: String,
    /// Share of English words translated and current.
    percent: u32,
    bar: Bar,
    words: Words,
    totals: (usize, usize, usize),
    to_do: usize,
    groups: Vec<GroupCounts>,
    /// What is missing, then what is outdated, in the groups' order: made here, not gathered by
    /// the template, which copied its growing list at every item (minutes for a large site).
    todo: Vec<ToDo>,
    structure: Vec<Problem>,
}

#[derive(Serialize)]
struct GroupCounts {
    kind: &'static str,
    translated: usize,
    missing: usize,
    outdated: usize,
}

#[derive(Serialize)]
struct ToDo {
    state: status::State,
    items: Vec<status::Item>,
}

impl Renderer<'_> {
    /// The translators' page in `lang`, at `folder` (`status/` or `<lang>/status/`).
    pub(super) fn status(&self, lang: &str, folder: &str) -> Result<Page, Diagnostic> {
        let heading = self.t(lang, Msg::StatusTitle, &[]);
        let layout = self.base(lang, folder, &heading, |l| paths::status(l));
        let root = paths::root_from(folder);
        let href = |page: &str| match page.split_once('#') {
            Some((folder, fragment)) => paths::href(&root, folder, Some(fragment)),
            None => paths::href(&root, page, None),
        };
        let languages: Vec<LanguageView> = self
            .facts
            .status
            .languages
            .iter()
            .map(|language| {
                let (translated, missing, outdated) = language.word_totals();
                let total = translated + missing + outdated;
                let share = |n: usize| (n as f64 * 1000.0 / total.max(1) as f64).round() / 10.0;
                let groups = language
                    .groups
                    .iter()
                    .map(|g| GroupCounts { kind: g.kind, translated: g.translated, missing: g.missing, outdated: g.outdated })
                    .collect();
                let todo = [status::State::Missing, status::State::Outdated]
                    .into_iter()
                    .map(|state| {
                        let items = language.groups.iter().flat_map(|g| g.items.iter()).filter(|item| item.state == state);
                        let items = items.cloned().map(|mut item| {
                            item.page = item.page.take().map(|page| href(&page));
                            item
                        });
                        ToDo { state, items: items.collect() }
                    })
                    .collect();
                let structure = language
                    .structure
                    .iter()
                    .map(|d| Problem {
                        text: format!("{}: {}", d.location(), d.message),
                        href: status::page_of_file(self.site, &language.lang, &d.file).map(|page| href(&page)),
                    })
                    .collect();
                LanguageView {
                    tag: self.tag(&language.lang),
                    name: self.t(&language.lang, Msg::LanguageName, &[]),
                    percent: language.percent_of_words(),
                    bar: Bar { translated: share(translated), outdated: share(outdated), missing: share(missing) },
                    words: Words { translated, missing, outdated, total },
                    totals: language.totals(),
                    to_do: language.words(),
                    lang: language.lang.clone(),
                    groups,
                    todo,
                    structure,
                }
            })
            .collect();
        let view = StatusPage { layout, heading, history: self.facts.status.history, languages };
        // Not for search engines (noindex), so in no language's list of pages.
        Ok(Page { path: format!("{folder}index.html"), lang: None, body: self.html(lang, "status.html", &view)? })
    }
}
