//! Every page of the site, from the model to HTML through the theme's templates: what all pages
//! share here, each kind of page in a module of its own.

mod case_study;
mod challenge;
mod chapter;
mod edition;
mod handout;
mod home;
mod navigation;
mod reference;
mod search;
pub mod sitemap;
mod status_page;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::load::localize::{Localizer, Msg};
use crate::load::markdown::{Document, GoodPractice, Node};
use crate::model::{Challenge, InLanguage, Site, TocChallenge, TocSection};
use crate::outputs::Sink;
use crate::paths;
use crate::render::html::{PageMap, PageWriter, lang_attr, page_number};
use crate::render::theme::Theme;
use crate::translation::status;

/// A finished page: where it goes (relative to the output folder) and its text.
#[derive(Debug, Clone)]
pub struct Page {
    pub path: String,
    pub lang: Option<String>,
    pub body: String,
}

#[derive(Serialize)]
struct Alternate {
    code: String,
    tag: String,
    name: String,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct Crumb {
    title: String,
    /// What a phone shows of the crumb ("Chapter 3" for "Chapter 3. Working with…"); the
    /// full title stays the link's name.
    short: String,
    href: String,
}

/// An entry in a list of chapters, sections, challenges or case studies.
#[derive(Serialize, Clone)]
struct Entry {
    id: String,
    title: String,
    href: Option<String>,
    /// ` lang="en"` when the title is a fallback, else empty.
    lang: String,
    /// Not published yet (a chapter without a published section is still a page).
    forthcoming: bool,
    /// A line under the title: a case study's authors.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    children: Vec<Entry>,
}

/// A previous or next page in the pager: its id and title, and the chapter when it is in
/// another chapter than the page's.
#[derive(Serialize)]
struct Neighbour {
    href: String,
    id: String,
    title: String,
    lang: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    chapter: Option<String>,
}

#[derive(Serialize, Default)]
struct Pager {
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<Neighbour>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<Neighbour>,
}

#[derive(Serialize)]
struct Practice {
    anchor: String,
    number: usize,
    /// The heading as plain text, for the list of a challenge's good practices.
    title: String,
    heading: String,
    body: String,
}

impl Practice {
    fn new(writer: &PageWriter, practice: &GoodPractice, anchor: String, number: usize, challenge: &Challenge) -> Practice {
        let doc = challenge.info.file.to_string_lossy();
        Practice {
            anchor,
            number,
            title: writer.plain(&practice.heading),
            heading: writer.html(&practice.heading, &challenge.footnotes, &doc).trim().to_string(),
            body: writer.html(&practice.body, &challenge.footnotes, &doc),
        }
    }
}

#[derive(Serialize)]
struct Note {
    id: String,
    back: String,
    number: usize,
    body: String,
}

/// What every page's layout (`base.html`) reads; each page's view flattens it in.
#[derive(Serialize)]
struct Layout {
    lang: String,
    tag: String,
    /// The Content-Security-Policy (a handout's, which runs no script, is its own).
    csp: String,
    reference_tag: String,
    root: String,
    assets: String,
    site_title: String,
    title: String,
    /// For `<meta name="description">` and Open Graph: the page's statement or introduction,
    /// else the toolkit's tagline.
    description: String,
    /// Open Graph: the page's full address (only with a `base_url`), its locale and those of
    /// its other language versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    locale: String,
    locale_alternates: Vec<String>,
    /// The edition named on the home page, for the footer.
    footer_edition: String,
    /// This page in each language (none for a page in every language at once).
    alternates: Vec<Alternate>,
    home_href: String,
    sources_href: String,
    glossary_href: String,
    case_studies_href: String,
    search_href: String,
    chooser_href: String,
    /// The translators' status page in this language (linked from the footer).
    status_href: String,
}

/// What pages need from outside the model, gathered by `build` beforehand, so that rendering
/// reads nothing from the disk, git or the clock and is a function of its inputs. (Outputs
/// other than pages need none: `Facts::default()`.)
#[derive(Default)]
pub struct Facts {
    /// The translation status, for the translators' page.
    pub status: status::Status,
    /// The day of the build, in days since 1970-01-01 (`SOURCE_DATE_EPOCH` fixes it).
    pub build_day: i64,
    /// Languages whose search needs a stemmer script, which the theme has.
    pub stemmers: std::collections::BTreeSet<String>,
    /// The size in bytes of each chapter handout printed to PDF (by its path in the site), when
    /// the build makes them: pages link only to PDFs that exist.
    pub pdfs: BTreeMap<String, usize>,
}

/// A link to a chapter's PDF, with its size for readers on slow connections.
#[derive(Serialize)]
struct PdfLink {
    href: String,
    /// In kilobytes, rounded up.
    size: String,
}

/// The notice above a text shown in another language than the page's, or translated from an
/// older English text, with a link to the reference language's page.
#[derive(Serialize, Default)]
struct Notice {
    /// The text in the language it falls back to, when it has no translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    fallback_href: Option<String>,
    /// The text in the reference language, when its translation is out of date.
    #[serde(skip_serializing_if = "Option::is_none")]
    outdated_href: Option<String>,
}

pub struct Renderer<'a> {
    pub facts: &'a Facts,
    pub site: &'a Site,
    pub ui: &'a Localizer,
    pub theme: &'a Theme,
}

impl<'a> Renderer<'a> {
    /// Renders every page, in parallel, into `sink` as each is ready; returns the number of
    /// pages per language (`""` for pages in no language).
    pub fn write_all(&self, sink: &dyn Sink) -> Result<BTreeMap<String, usize>, Vec<Diagnostic>> {
        let mut jobs: Vec<Box<dyn Fn() -> Result<Page, Diagnostic> + Sync + '_>> = Vec::new();
        jobs.push(Box::new(|| self.chooser()));
        jobs.push(Box::new(|| self.not_found()));
        jobs.push(Box::new(|| self.status(self.site.default_language(), paths::STATUS)));
        for language in &self.site.config.languages {
            let lang = language.code.as_str();
            jobs.push(Box::new(move || self.home(lang)));
            jobs.push(Box::new(move || self.sources(lang)));
            jobs.push(Box::new(move || self.glossary(lang)));
            jobs.push(Box::new(move || self.search(lang)));
            jobs.push(Box::new(move || self.case_study_index(lang)));
            jobs.push(Box::new(move || self.offline(lang)));
            jobs.push(Box::new(move || self.status(lang, &paths::status(lang))));
            for chapter in &self.site.toc.chapters {
                jobs.push(Box::new(move || self.chapter(lang, chapter.number)));
            }
            for section in self.site.toc.sections().filter(|s| s.published) {
                jobs.push(Box::new(move || self.section(lang, section)));
            }
            for challenge in self.site.toc.published_challenges() {
                jobs.push(Box::new(move || self.challenge(lang, challenge)));
            }
            for slug in self.site.case_study_slugs() {
                jobs.push(Box::new(move || self.case_study(lang, slug)));
            }
            for chapter in self.site.toc.chapters.iter().filter(|c| c.sections.iter().any(|s| s.published)) {
                jobs.push(Box::new(move || self.handout(lang, chapter.number, None, None)));
            }
            // A later edition's pages: only the parts it revises, and what changed in them.
            for (edition, previous) in self.later_editions() {
                jobs.push(Box::new(move || self.edition_home(lang, edition, previous)));
                for chapter in self.site.toc.chapters.iter().filter(|c| self.site.has_edition_handout(edition, c.number)) {
                    jobs.push(Box::new(move || self.handout(lang, chapter.number, Some(edition), None)));
                }
                let Some(revised) = self.site.reference().editions.get(edition) else { continue };
                for id in revised.sections.keys() {
                    jobs.push(Box::new(move || self.edition_section(lang, edition, previous, id)));
                }
                for id in revised.challenges.keys() {
                    jobs.push(Box::new(move || self.edition_challenge(lang, edition, previous, id)));
                    if self.has_earlier_version(previous, id) {
                        jobs.push(Box::new(move || self.edition_changes(lang, edition, previous, id)));
                    }
                }
            }
        }
        // Only where each page went is kept, for the sitemap: not the pages themselves.
        let results: Vec<Result<(String, Option<String>), Diagnostic>> = jobs
            .par_iter()
            .map(|job| {
                let page = job()?;
                sink.put(&page.path, page.body.as_bytes())
                    .map_err(|e| Diagnostic::error(&page.path, None, format!("The page could not be written: {e}.")))?;
                Ok((page.path, page.lang))
            })
            .collect();
        let mut placed = Vec::new();
        let mut problems = Vec::new();
        for result in results {
            match result {
                Ok(page) => placed.push(page),
                Err(problem) => problems.push(problem),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for sitemap in self.sitemaps(&placed, sitemap::MAX_URLS, sitemap::MAX_BYTES) {
            sink.put(&sitemap.path, sitemap.body.as_bytes())
                .map_err(|e| vec![Diagnostic::error(&sitemap.path, None, format!("The sitemap could not be written: {e}."))])?;
        }
        let mut counts = BTreeMap::new();
        for (_, lang) in placed {
            *counts.entry(lang.unwrap_or_default()).or_default() += 1;
        }
        Ok(counts)
    }

    /// A challenge's page in every language (the live preview's quick path after an edit);
    /// none when it is not a published challenge.
    pub fn challenge_pages(&self, id: &str) -> Result<Vec<Page>, Diagnostic> {
        let Some(entry) = self.site.toc.published_challenges().find(|c| c.id == id) else { return Ok(Vec::new()) };
        self.site.config.languages.iter().map(|language| self.challenge(&language.code, entry)).collect()
    }

    fn tag(&self, lang: &str) -> String {
        self.site.config.language(lang).map_or_else(|| lang.to_string(), |l| l.tag.clone())
    }

    fn t(&self, lang: &str, id: Msg, args: &[(&str, &str)]) -> String {
        self.ui.text(lang, id, args)
    }

    fn site_title(&self, lang: &str) -> String {
        self.site.home(lang).map(|h| h.item.title.clone()).unwrap_or_default()
    }

    /// The Open Graph form of a language's tag: `fr`, `pt_BR`, and `zh_CN` for `zh-Hans`.
    fn locale(&self, lang: &str) -> String {
        open_graph_locale(&self.tag(lang))
    }

    /// What every page's layout needs: language, way to the root, switcher, main links.
    /// `folder_in` gives this page's folder in another language.
    fn base(&self, lang: &str, folder: &str, title: &str, folder_in: impl Fn(&str) -> String) -> Layout {
        let root = paths::root_from(folder);
        let alternates = self.language_links(&root, Some(lang), folder_in);
        let site_title = self.site_title(lang);
        let short_title = self.t(lang, Msg::ToolkitShort, &[]);
        let href = |folder: String| paths::href(&root, &folder, None);
        let home = self.site.home(lang);
        let base_url = &self.site.config.base_url;
        Layout {
            lang: lang.to_string(),
            tag: self.tag(lang),
            csp: crate::render::csp::policy(crate::render::csp::Scripts::Site, &[]),
            reference_tag: self.tag(self.site.default_language()),
            assets: format!("{root}assets/"),
            // Short, for tabs and shared links: "Challenge 3.7.a · Security and human rights toolkit".
            title: if title.is_empty() || title == site_title { short_title } else { format!("{title} · {short_title}") },
            description: home.map(|h| h.item.tagline.clone()).unwrap_or_default(),
            url: (!base_url.is_empty()).then(|| format!("{base_url}{folder}")),
            locale: self.locale(lang),
            locale_alternates: alternates.iter().filter(|a| !a.current).map(|a| self.locale(&a.code)).collect(),
            footer_edition: home.map(|h| h.item.edition.clone()).unwrap_or_default(),
            site_title,
            alternates,
            home_href: href(paths::home(lang)),
            sources_href: href(paths::sources(lang)),
            glossary_href: href(paths::glossary(lang)),
            case_studies_href: href(paths::case_studies(lang)),
            search_href: href(paths::search(lang)),
            chooser_href: paths::href(&root, "", None),
            status_href: href(paths::status(lang)),
            root,
        }
    }

    /// A page's HTML: its view (a flattened `Layout` and what its template reads besides)
    /// through `template`.
    fn html<T: Serialize>(&self, lang: &str, template: &str, view: &T) -> Result<String, Diagnostic> {
        let context = Context::from_serialize(view)
            .map_err(|e| Diagnostic::error(template, None, format!("The values of the page could not be given to its template: {e}.")))?;
        self.theme.render(lang, template, &context)
    }

    /// A page of a language, `folder/index.html`, from its view.
    fn render_view<T: Serialize>(&self, lang: &str, folder: String, template: &str, view: &T) -> Result<Page, Diagnostic> {
        Ok(Page { path: format!("{folder}index.html"), lang: Some(lang.to_string()), body: self.html(lang, template, view)? })
    }

    fn writer(&self, lang: &'a str, folder: &str) -> PageWriter<'a> {
        PageWriter::new(self.site, self.ui, lang, folder)
    }

    fn document_html(&self, writer: &PageWriter<'_>, document: &Document, doc: &str) -> String {
        writer.html(&document.nodes, &document.footnotes, doc)
    }

    fn notes(&self, writer: &PageWriter<'_>) -> Vec<Note> {
        writer
            .notes_html()
            .into_iter()
            .map(|(number, body)| Note { id: paths::note_anchor(number), back: paths::note_call_anchor(number, 1), number, body })
            .collect()
    }

    /// The notice for `found` (a challenge or case study shown at `lang`), linking to the page
    /// `folder_in` gives for another language.
    fn notice<T>(
        &self,
        found: &InLanguage<'_, T>,
        info: &crate::model::FileInfo,
        lang: &str,
        root: &str,
        folder_in: impl Fn(&str) -> String,
    ) -> Notice {
        if found.is_fallback(lang) {
            Notice { fallback_href: Some(paths::href(root, &folder_in(found.lang), None)), outdated_href: None }
        } else if self.site.is_outdated(info) {
            Notice { fallback_href: None, outdated_href: Some(paths::href(root, &folder_in(self.site.default_language()), None)) }
        } else {
            Notice::default()
        }
    }

    /// The link to a handout's PDF (at `path` in the site) from a page whose way to the root is
    /// `root`, when the build printed it.
    fn pdf_link(&self, path: &str, root: &str) -> Option<PdfLink> {
        let size = self.facts.pdfs.get(path)?;
        Some(PdfLink { href: format!("{root}{path}"), size: size.div_ceil(1000).to_string() })
    }

    fn fallback_attr<T>(&self, found: &InLanguage<'_, T>, lang: &str) -> String {
        lang_attr(found.lang, &self.tag(lang), self.site)
    }
}

/// The Open Graph locale (`language_TERRITORY`) of a BCP 47 tag: `fr` → `fr`, `pt-BR` →
/// `pt_BR`; a script subtag stands for where it is written (`zh-Hans` → `zh_CN`).
fn open_graph_locale(tag: &str) -> String {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts.find_map(|part| match part {
        "Hans" => Some("CN".to_string()),
        "Hant" => Some("TW".to_string()),
        p if p.len() == 2 || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit())) => Some(p.to_ascii_uppercase()),
        _ => None,
    });
    region.map_or(language.clone(), |r| format!("{language}_{r}"))
}

/// A description of at most about 200 characters, cut at a word (or, in Chinese, anywhere).
fn describe(text: &str) -> String {
    const MAX: usize = 200;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= MAX {
        return text;
    }
    let cut: String = text.chars().take(MAX).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > MAX / 2).map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.', '，', '。']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_locales() {
        assert_eq!(open_graph_locale("fr"), "fr");
        assert_eq!(open_graph_locale("zh-Hans"), "zh_CN");
        assert_eq!(open_graph_locale("pt-BR"), "pt_BR");
        assert_eq!(open_graph_locale("es-419"), "es_419");
    }

    #[test]
    fn descriptions_are_cut_at_a_word() {
        assert_eq!(describe("  A short\n text "), "A short text");
        let long = "word ".repeat(100);
        let cut = describe(&long);
        assert!(cut.ends_with("word…") && cut.chars().count() <= 201, "{cut}");
    }
}
