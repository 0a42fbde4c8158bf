//! Every page of the site, from the model to HTML through the theme's templates.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::localize::{Localizer, Msg};
use crate::markdown::{Document, GoodPractice, Node};
use crate::model::{Challenge, InLanguage, Site, TocChallenge};
use crate::render::html::{PageWriter, lang_attr};
use crate::render::links;
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
    children: Vec<Entry>,
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
            heading: inline(&writer.html(&practice.heading, &challenge.footnotes, &doc)),
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

pub struct Renderer<'a> {
    /// The project folder (the status page looks up translations' history there).
    pub root: &'a std::path::Path,
    pub site: &'a Site,
    pub ui: &'a Localizer,
    pub theme: &'a Theme,
}

impl<'a> Renderer<'a> {
    pub fn all_pages(&self) -> Result<Vec<Page>, Vec<Diagnostic>> {
        let mut jobs: Vec<Box<dyn Fn() -> Result<Page, Diagnostic> + Sync + '_>> = Vec::new();
        jobs.push(Box::new(|| self.chooser()));
        jobs.push(Box::new(|| self.not_found()));
        jobs.push(Box::new(|| self.status()));
        for language in &self.site.config.languages {
            let lang = language.code.as_str();
            jobs.push(Box::new(move || self.home(lang)));
            jobs.push(Box::new(move || self.sources(lang)));
            jobs.push(Box::new(move || self.glossary(lang)));
            jobs.push(Box::new(move || self.search(lang)));
            jobs.push(Box::new(move || self.case_study_index(lang)));
            jobs.push(Box::new(move || self.offline(lang)));
            for chapter in &self.site.toc.chapters {
                jobs.push(Box::new(move || self.chapter(lang, chapter.number)));
            }
            for section in self.site.toc.sections().filter(|s| s.published) {
                jobs.push(Box::new(move || self.section(lang, &section.id)));
            }
            for challenge in self.site.toc.published_challenges() {
                jobs.push(Box::new(move || self.challenge(lang, challenge)));
            }
            for slug in self.site.case_study_slugs() {
                jobs.push(Box::new(move || self.case_study(lang, slug)));
            }
            for chapter in self.site.toc.chapters.iter().filter(|c| c.sections.iter().any(|s| s.published)) {
                jobs.push(Box::new(move || self.handout(lang, chapter.number)));
            }
        }
        let results: Vec<Result<Page, Diagnostic>> = jobs.par_iter().map(|job| job()).collect();
        let mut pages = Vec::new();
        let mut problems = Vec::new();
        for result in results {
            match result {
                Ok(page) => pages.push(page),
                Err(problem) => problems.push(problem),
            }
        }
        problems.dedup();
        if problems.is_empty() {
            pages.push(self.sitemap(&pages));
            Ok(pages)
        } else {
            Err(problems)
        }
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

    /// A link to this page (`folder_in` gives its folder) in each language, each named in its own.
    fn language_links(&self, root: &str, current: Option<&str>, folder_in: impl Fn(&str) -> String) -> Vec<Alternate> {
        self.site
            .config
            .languages
            .iter()
            .map(|other| Alternate {
                code: other.code.clone(),
                tag: other.tag.clone(),
                name: self.t(&other.code, Msg::LanguageName, &[]),
                href: links::href(root, &folder_in(&other.code), None),
                current: current == Some(other.code.as_str()),
            })
            .collect()
    }

    /// What every page's layout needs: language, way to the root, switcher, main links.
    /// `folder_in` gives this page's folder in another language.
    fn base(&self, lang: &str, folder: &str, title: &str, folder_in: impl Fn(&str) -> String) -> Context {
        let root = links::root_from(folder);
        let mut context = Context::new();
        let alternates = self.language_links(&root, Some(lang), folder_in);
        let site_title = self.site_title(lang);
        context.insert("lang", lang);
        context.insert("tag", &self.tag(lang));
        context.insert("csp", &super::csp::policy(super::csp::Scripts::Site, &[]));
        context.insert("reference_tag", &self.tag(self.site.default_language()));
        context.insert("root", &root);
        context.insert("assets", &format!("{root}assets/"));
        context.insert("site_title", &site_title);
        context
            .insert("title", &if title.is_empty() || title == site_title { site_title.clone() } else { format!("{title} – {site_title}") });
        context.insert("alternates", &alternates);
        let href = |folder: String| links::href(&root, &folder, None);
        context.insert("home_href", &href(links::home(lang)));
        context.insert("sources_href", &href(links::sources(lang)));
        context.insert("glossary_href", &href(links::glossary(lang)));
        context.insert("case_studies_href", &href(links::case_studies(lang)));
        context.insert("search_href", &href(links::search(lang)));
        context.insert("chooser_href", &links::href(&root, "", None));
        context
    }

    fn page(&self, lang: &str, folder: String, template: &str, context: &Context) -> Result<Page, Diagnostic> {
        Ok(Page { path: format!("{folder}index.html"), lang: Some(lang.to_string()), body: self.theme.render(lang, template, context)? })
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
            .map(|(number, body)| Note {
                id: format!("{}fn-{number}", writer.id_prefix),
                back: format!("{}fnref-{number}", writer.id_prefix),
                number,
                body,
            })
            .collect()
    }

    fn fallback_attr<T>(&self, found: &InLanguage<'_, T>, lang: &str) -> String {
        lang_attr(found.lang, &self.tag(lang), self.site)
    }

    /// The table of contents as nested entries, linked where published.
    fn contents(&self, lang: &str, root: &str, only_chapter: Option<u32>) -> Vec<Entry> {
        self.site
            .toc
            .chapters
            .iter()
            .filter(|c| only_chapter.is_none_or(|n| n == c.number))
            .map(|chapter| {
                let found = self.site.chapter(lang, chapter.number);
                Entry {
                    id: chapter.id.clone(),
                    title: found.map(|c| c.item.title.clone()).unwrap_or_default(),
                    href: Some(links::href(root, &links::chapter(lang, chapter.number), None)),
                    lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                    children: chapter
                        .sections
                        .iter()
                        .map(|section| {
                            let found = self.site.section(lang, &section.id);
                            Entry {
                                id: section.id.clone(),
                                title: found.map(|s| s.item.title.clone()).unwrap_or_default(),
                                href: section.published.then(|| links::href(root, &links::section_or_challenge(lang, &section.id), None)),
                                lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                                children: section.challenges.iter().map(|c| self.challenge_entry(lang, root, c)).collect(),
                            }
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn challenge_entry(&self, lang: &str, root: &str, challenge: &TocChallenge) -> Entry {
        let found = self.site.challenge(lang, &challenge.id);
        Entry {
            id: challenge.id.clone(),
            title: found.map(|c| c.item.statement.clone()).unwrap_or_default(),
            href: challenge.published.then(|| links::href(root, &links::section_or_challenge(lang, &challenge.id), None)),
            lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
            children: Vec::new(),
        }
    }

    fn chooser(&self) -> Result<Page, Diagnostic> {
        let default = self.site.default_language();
        let mut context = self.base(default, "", "", links::home);
        let choices = self.language_links("", None, links::home);
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

    fn not_found(&self) -> Result<Page, Diagnostic> {
        // Served for any missing address, so its links start from the site's base path.
        let default = self.site.default_language();
        let mut context = self.base(default, "", "", links::home);
        let base = self.site.config.base_path().to_string();
        let choices = self.language_links(&base, None, links::home);
        context.insert("choices", &choices);
        context.insert("assets", &format!("{base}assets/"));
        Ok(Page { path: "404.html".into(), lang: None, body: self.theme.render(default, "404.html", &context)? })
    }

    fn home(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = links::home(lang);
        let mut context = self.base(lang, &folder, "", links::home);
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

    fn chapter(&self, lang: &str, number: u32) -> Result<Page, Diagnostic> {
        let folder = links::chapter(lang, number);
        let found = self.site.chapter(lang, number);
        let title = found.map(|c| c.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::ChapterHeading, &[("number", &number.to_string()), ("title", &title)]);
        let mut context = self.base(lang, &folder, &heading, |l| links::chapter(l, number));
        let writer = self.writer(lang, &folder);
        context.insert("number", &number);
        context.insert("heading", &heading);
        if let Some(found) = found {
            context.insert("intro", &self.document_html(&writer, &found.item.intro, &found.item.info.path));
            context.insert("content_lang", &self.fallback_attr(&found, lang));
        }
        let sections = self.contents(lang, &writer.root, Some(number)).pop().map(|c| c.children).unwrap_or_default();
        let published = self.site.toc.chapter(number).is_some_and(|c| c.sections.iter().any(|s| s.published));
        if published {
            context.insert("handout_href", &links::href(&writer.root, &links::handout(lang, number), None));
        }
        context.insert("sections", &sections);
        context.insert("case_studies", &self.case_study_entries(lang, &writer.root, Some(number)));
        context.insert("notes", &self.notes(&writer));
        context.insert(
            "breadcrumbs",
            &vec![Crumb { title: self.site_title(lang), href: links::href(&writer.root, &links::home(lang), None) }],
        );
        self.page(lang, folder, "chapter.html", &context)
    }

    fn section(&self, lang: &str, id: &str) -> Result<Page, Diagnostic> {
        let folder = links::section_or_challenge(lang, id);
        let found = self.site.section(lang, id);
        let title = found.map(|s| s.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::SectionHeading, &[("id", id), ("title", &title)]);
        let mut context = self.base(lang, &folder, &heading, |l| links::section_or_challenge(l, id));
        let writer = self.writer(lang, &folder);
        let chapter_number: u32 = id.split('.').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        context.insert("id", id);
        context.insert("heading", &heading);
        if let Some(found) = found {
            context.insert("intro", &self.document_html(&writer, &found.item.intro, &found.item.info.path));
            context.insert("content_lang", &self.fallback_attr(&found, lang));
        }
        let challenges: Vec<Entry> = self
            .site
            .toc
            .section(id)
            .map(|s| s.challenges.iter().map(|c| self.challenge_entry(lang, &writer.root, c)).collect())
            .unwrap_or_default();
        context.insert("challenges", &challenges);
        context.insert("notes", &self.notes(&writer));
        context.insert("breadcrumbs", &self.crumbs(lang, &writer.root, chapter_number, None));
        self.page(lang, folder, "section.html", &context)
    }

    fn crumbs(&self, lang: &str, root: &str, chapter: u32, section: Option<&str>) -> Vec<Crumb> {
        let mut crumbs = vec![Crumb { title: self.site_title(lang), href: links::href(root, &links::home(lang), None) }];
        let chapter_title = self.site.chapter(lang, chapter).map(|c| c.item.title.clone()).unwrap_or_default();
        crumbs.push(Crumb {
            title: self.t(lang, Msg::ChapterHeading, &[("number", &chapter.to_string()), ("title", &chapter_title)]),
            href: links::href(root, &links::chapter(lang, chapter), None),
        });
        if let Some(section) = section {
            let title = self.site.section(lang, section).map(|s| s.item.title.clone()).unwrap_or_default();
            crumbs.push(Crumb {
                title: self.t(lang, Msg::SectionHeading, &[("id", section), ("title", &title)]),
                href: links::href(root, &links::section_or_challenge(lang, section), None),
            });
        }
        crumbs
    }

    fn challenge(&self, lang: &str, entry: &TocChallenge) -> Result<Page, Diagnostic> {
        let id = entry.id.as_str();
        let folder = links::section_or_challenge(lang, id);
        let Some(found) = self.site.challenge(lang, id) else {
            return Err(Diagnostic::error("content", None, format!("Challenge {id} has no text.")));
        };
        let challenge: &Challenge = found.item;
        let heading = self.t(lang, Msg::ChallengeHeading, &[("id", id)]);
        let mut context =
            self.base(lang, &folder, &format!("{heading}{}{}", self.t(lang, Msg::LabelSeparator, &[]), challenge.statement), |l| {
                links::section_or_challenge(l, id)
            });
        let mut writer = self.writer(lang, &folder);
        writer.heading_shift = 1;
        // Cross-references to this page's own good practices stay on the page.
        for practice in &challenge.practices {
            writer.local_targets.insert(format!("{id}#{}", practice.anchor), format!("#{}", practice.anchor));
        }
        let practices: Vec<Practice> =
            challenge.practices.iter().enumerate().map(|(i, p)| Practice::new(&writer, p, p.anchor.clone(), i + 1, challenge)).collect();
        context.insert("id", id);
        context.insert("heading", &heading);
        context.insert("statement", &challenge.statement);
        context.insert("practices", &practices);
        context.insert("notes", &self.notes(&writer));
        context.insert("content_lang", &self.fallback_attr(&found, lang));
        if found.is_fallback(lang) {
            context.insert("fallback_href", &links::href(&writer.root, &links::section_or_challenge(found.lang, id), None));
        } else if self.site.is_outdated(&challenge.info) {
            let english = self.site.default_language();
            context.insert("outdated_href", &links::href(&writer.root, &links::section_or_challenge(english, id), None));
        }
        if let Some(home) = self.site.home(lang) {
            context.insert("note", &home.item.note);
            context.insert("note_lang", &self.fallback_attr(&home, lang));
        }
        let published: Vec<&TocChallenge> = self.site.toc.published_challenges().collect();
        let position = published.iter().position(|c| c.id == id).unwrap_or(0);
        let neighbour = |c: Option<&&TocChallenge>| c.map(|c| self.challenge_entry(lang, &writer.root, c));
        context.insert("previous", &neighbour(position.checked_sub(1).and_then(|p| published.get(p))));
        context.insert("next", &neighbour(published.get(position + 1)));
        let chapter: u32 = id.split('.').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        context.insert("breadcrumbs", &self.crumbs(lang, &writer.root, chapter, Some(&entry.section)));
        self.page(lang, folder, "challenge.html", &context)
    }

    fn case_study_entries(&self, lang: &str, root: &str, chapter: Option<u32>) -> Vec<Entry> {
        self.site
            .case_study_slugs()
            .filter_map(|slug| self.site.case_study(lang, slug).map(|found| (slug, found)))
            .filter(|(_, found)| chapter.is_none() || found.item.chapter == chapter)
            .map(|(slug, found)| Entry {
                id: slug.to_string(),
                title: found.item.title.clone(),
                href: Some(links::href(root, &links::case_study(lang, slug), None)),
                lang: self.fallback_attr(&found, lang),
                children: Vec::new(),
            })
            .collect()
    }

    fn case_study_index(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = links::case_studies(lang);
        let heading = self.t(lang, Msg::CaseStudies, &[]);
        let mut context = self.base(lang, &folder, &heading, links::case_studies);
        let root = links::root_from(&folder);
        context.insert("heading", &heading);
        context.insert("case_studies", &self.case_study_entries(lang, &root, None));
        self.page(lang, folder, "case-studies.html", &context)
    }

    fn case_study(&self, lang: &str, slug: &str) -> Result<Page, Diagnostic> {
        let folder = links::case_study(lang, slug);
        let Some(found) = self.site.case_study(lang, slug) else {
            return Err(Diagnostic::error("content", None, format!("Case study {slug} has no text.")));
        };
        let study = found.item;
        let mut context = self.base(lang, &folder, &study.title, |l| links::case_study(l, slug));
        let writer = self.writer(lang, &folder);
        context.insert("heading", &study.title);
        context.insert("authors", &study.authors);
        context.insert("url", &study.url);
        context.insert("body", &self.document_html(&writer, &study.body, &study.info.path));
        context.insert("notes", &self.notes(&writer));
        context.insert("content_lang", &self.fallback_attr(&found, lang));
        if found.is_fallback(lang) {
            context.insert("fallback_href", &links::href(&writer.root, &links::case_study(found.lang, slug), None));
        } else if self.site.is_outdated(&study.info) {
            let english = self.site.default_language();
            context.insert("outdated_href", &links::href(&writer.root, &links::case_study(english, slug), None));
        }
        let target = format!("case-studies/{slug}");
        context.insert("cited_in", &self.places_referring(lang, &writer, |node| matches!(node, Node::RefStart(t) if *t == target)));
        context.insert(
            "breadcrumbs",
            &vec![
                Crumb { title: self.site_title(lang), href: links::href(&writer.root, &links::home(lang), None) },
                Crumb { title: self.t(lang, Msg::CaseStudies, &[]), href: links::href(&writer.root, &links::case_studies(lang), None) },
            ],
        );
        self.page(lang, folder, "case-study.html", &context)
    }

    /// The challenges (and their good practices) whose text contains a node matching `wanted`.
    fn places_referring(&self, lang: &str, writer: &PageWriter<'_>, wanted: impl Fn(&Node) -> bool) -> Vec<Entry> {
        let mut places = Vec::new();
        for entry in self.site.toc.published_challenges() {
            let Some(found) = self.site.challenge(lang, &entry.id) else { continue };
            let challenge = found.item;
            let mut practices = Vec::new();
            for (i, practice) in challenge.practices.iter().enumerate() {
                if practice.heading.iter().chain(practice.body.iter()).any(|n| wanted(&n.node)) {
                    practices.push(Entry {
                        id: (i + 1).to_string(),
                        title: writer.plain(&practice.heading),
                        href: Some(links::href(&writer.root, &links::section_or_challenge(lang, &entry.id), Some(&practice.anchor))),
                        lang: self.fallback_attr(&found, lang),
                        children: Vec::new(),
                    });
                }
            }
            let in_notes = challenge.footnotes.iter().flat_map(|f| f.nodes.iter()).any(|n| wanted(&n.node));
            if !practices.is_empty() || in_notes {
                places.push(Entry {
                    id: entry.id.clone(),
                    title: self.t(lang, Msg::ChallengeHeading, &[("id", &entry.id)]),
                    href: Some(links::href(&writer.root, &links::section_or_challenge(lang, &entry.id), None)),
                    lang: String::new(),
                    children: practices,
                });
            }
        }
        places
    }

    fn sources(&self, lang: &str) -> Result<Page, Diagnostic> {
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
        let folder = links::sources(lang);
        let heading = self.t(lang, Msg::Sources, &[]);
        let mut context = self.base(lang, &folder, &heading, links::sources);
        let writer = self.writer(lang, &folder);
        let default = self.site.default_language();
        let tag = self.tag(lang);
        let sources: Vec<SourceView> = self
            .site
            .sources
            .list
            .iter()
            .map(|source| {
                let (title, title_lang) = source.title(lang, default);
                let note = source.note(lang, default);
                SourceView {
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
                    cited_in: self.places_referring(
                        lang,
                        &writer,
                        |node| matches!(node, Node::Citation(c) if c.items.iter().any(|i| i.key == source.key)),
                    ),
                }
            })
            .collect();
        context.insert("heading", &heading);
        context.insert("sources", &sources);
        self.page(lang, folder, "sources.html", &context)
    }

    /// The search page: a form that works as a link (`?q=`), results filled in by `search.js`
    /// from the index files under `search/<lang>/`.
    fn search(&self, lang: &str) -> Result<Page, Diagnostic> {
        #[derive(Serialize)]
        struct ChapterOption {
            number: u32,
            title: String,
        }
        let folder = links::search(lang);
        let heading = self.t(lang, Msg::Search, &[]);
        let mut context = self.base(lang, &folder, &heading, links::search);
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
        context.insert("heading", &heading);
        context.insert("chapters", &chapters);
        context.insert("search_data", &format!("{}search/{lang}/", links::root_from(&folder)));
        // Languages with a stemmer in the theme (Chinese needs none).
        let stemmer = format!("search/stemmer-{lang}.js");
        context.insert("stemmer", &self.root.join(&self.theme.folder).join("static").join(&stemmer).is_file().then_some(stemmer));
        // "{ $count } results for “{ $query }”": the script picks the form for its count with
        // the browser's plural rules, and fills in `{count}` and `{query}`.
        let form = |count: i64| {
            let text = self.ui.get(lang, Msg::SearchResults, &[("count", count.into()), ("query", "{query}".into())]);
            if count == 0 { text } else { text.replace(&count.to_string(), "{count}") }
        };
        let forms: BTreeMap<&str, String> =
            [("zero", form(0)), ("one", form(1)), ("other", form(7)), ("many", form(1_000_000))].into_iter().collect();
        context.insert("result_forms", &serde_json::to_string(&forms).unwrap_or_default());
        self.page(lang, folder, "search.html", &context)
    }

    fn glossary(&self, lang: &str) -> Result<Page, Diagnostic> {
        #[derive(Serialize)]
        struct TermView {
            id: String,
            abbr: Option<String>,
            term: String,
            lang: String,
            english: Option<String>,
        }
        let folder = links::glossary(lang);
        let heading = self.t(lang, Msg::Glossary, &[]);
        let mut context = self.base(lang, &folder, &heading, links::glossary);
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
        context.insert("heading", &heading);
        context.insert("abbreviations", &abbreviations);
        context.insert("terms", &vocabulary);
        self.page(lang, folder, "glossary.html", &context)
    }

    /// A chapter as one printable document: cover, contents, every section, challenge and good
    /// practice, then the sources cited and the notes, numbered through the chapter.
    fn handout(&self, lang: &str, number: u32) -> Result<Page, Diagnostic> {
        #[derive(Serialize)]
        struct ChallengeView {
            id: String,
            anchor: String,
            heading: String,
            statement: String,
            lang: String,
            practices: Vec<Practice>,
        }
        #[derive(Serialize)]
        struct SectionView {
            id: String,
            anchor: String,
            heading: String,
            lang: String,
            intro: String,
            challenges: Vec<ChallengeView>,
        }
        #[derive(Serialize)]
        struct SourceView {
            label: String,
            title: String,
            lang: String,
            author: Option<String>,
            author_lang: String,
            year: Option<String>,
            url: Option<String>,
        }
        let folder = links::handout(lang, number);
        let chapter_title = self.site.chapter(lang, number).map(|c| c.item.title.clone()).unwrap_or_default();
        let heading = self.t(lang, Msg::ChapterHeading, &[("number", &number.to_string()), ("title", &chapter_title)]);
        let mut context = self.base(lang, &folder, &heading, |l| links::handout(l, number));
        let mut writer = self.writer(lang, &folder);
        // Chapter on the cover (h1), sections h2, challenges h3, good practices h4.
        writer.heading_shift = 2;
        let Some(chapter) = self.site.toc.chapter(number) else {
            return Err(Diagnostic::error("content", None, format!("Chapter {number} is not declared.")));
        };
        let sections: Vec<_> = chapter.sections.iter().filter(|s| s.published).collect();
        // Cross-references to parts of this handout point inside it.
        for section in &sections {
            writer.local_targets.insert(section.id.clone(), format!("#s-{}", section.id));
            for challenge in section.challenges.iter().filter(|c| c.published) {
                writer.local_targets.insert(challenge.id.clone(), format!("#c-{}", challenge.id));
                if let Some(found) = self.site.challenge(lang, &challenge.id) {
                    for practice in &found.item.practices {
                        writer
                            .local_targets
                            .insert(format!("{}#{}", challenge.id, practice.anchor), format!("#c-{}-{}", challenge.id, practice.anchor));
                    }
                }
            }
        }
        let tag = self.tag(lang);
        let mut cited = std::collections::BTreeSet::new();
        let views: Vec<SectionView> = sections
            .iter()
            .map(|section| {
                let found = self.site.section(lang, &section.id);
                let title = found.map(|s| s.item.title.clone()).unwrap_or_default();
                SectionView {
                    id: section.id.clone(),
                    anchor: format!("s-{}", section.id),
                    heading: self.t(lang, Msg::SectionHeading, &[("id", &section.id), ("title", &title)]),
                    lang: found.map(|f| self.fallback_attr(&f, lang)).unwrap_or_default(),
                    intro: found.map(|f| self.document_html(&writer, &f.item.intro, &f.item.info.path)).unwrap_or_default(),
                    challenges: section
                        .challenges
                        .iter()
                        .filter(|c| c.published)
                        .filter_map(|c| self.site.challenge(lang, &c.id))
                        .map(|found| {
                            let challenge = found.item;
                            for node in challenge.nodes() {
                                if let Node::Citation(citation) = &node.node {
                                    cited.extend(citation.items.iter().map(|i| i.key.clone()));
                                }
                            }
                            ChallengeView {
                                id: challenge.id.clone(),
                                anchor: format!("c-{}", challenge.id),
                                heading: self.t(lang, Msg::ChallengeHeading, &[("id", &challenge.id)]),
                                statement: challenge.statement.clone(),
                                lang: lang_attr(found.lang, &tag, self.site),
                                practices: challenge
                                    .practices
                                    .iter()
                                    .enumerate()
                                    .map(|(i, p)| Practice::new(&writer, p, format!("c-{}-{}", challenge.id, p.anchor), i + 1, challenge))
                                    .collect(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let default = self.site.default_language();
        let mut sources: Vec<SourceView> = cited
            .iter()
            .filter_map(|key| self.site.sources.get(key))
            .map(|source| {
                let (title, title_lang) = source.title(lang, default);
                SourceView {
                    label: source.label.clone(),
                    title: title.to_string(),
                    lang: lang_attr(title_lang, &tag, self.site),
                    author: source.author(lang, default).map(|(a, _)| a.to_string()),
                    author_lang: source.author(lang, default).map(|(_, l)| lang_attr(l, &tag, self.site)).unwrap_or_default(),
                    year: source.year.clone(),
                    url: source.url.clone(),
                }
            })
            .collect();
        sources.sort_by_key(|s| s.label.to_lowercase());
        let home = self.site.home(lang);
        context.insert("heading", &heading);
        // The running head and page numbers of printed pages can only be set in CSS, per page.
        let page_style = format!(
            "@page {{ @top-left {{ content: {}; }} @bottom-right {{ content: {} \" \" counter(page) \" / \" counter(pages); }} }}\n@page :first {{ @top-left {{ content: none; }} @bottom-right {{ content: none; }} }}",
            css_string(&heading),
            css_string(&self.t(lang, Msg::HandoutPage, &[]))
        );
        // A handout runs no script at all: what prints it (`toolkit handout`) must not run one either.
        context.insert("csp", &super::csp::policy(super::csp::Scripts::None, &[&page_style]));
        context.insert("page_style", &page_style);
        context.insert("chapter_title", &chapter_title);
        context.insert("number", &number);
        context.insert("edition", &home.map(|h| h.item.edition.clone()).unwrap_or_default());
        context.insert("note", &home.map(|h| h.item.note.clone()).unwrap_or_default());
        context.insert("language_name", &self.t(lang, Msg::LanguageName, &[]));
        context.insert("date", &self.build_date(lang));
        context.insert("sections", &views);
        context.insert("sources", &sources);
        context.insert("notes", &self.notes(&writer));
        context.insert("chapter_href", &links::href(&writer.root, &links::chapter(lang, number), None));
        context.insert("sources_href", &links::href(&writer.root, &links::sources(lang), None));
        self.page(lang, folder, "handout.html", &context)
    }

    /// The day of the build in the reader's language (`SOURCE_DATE_EPOCH` fixes it for
    /// reproducible builds).
    fn build_date(&self, lang: &str) -> String {
        let seconds = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64));
        let (year, month, day) = civil_date(seconds.div_euclid(86_400));
        let month_name = self.t(lang, Msg::month(month), &[]);
        self.t(
            lang,
            Msg::Date,
            &[("year", &year.to_string()), ("month", &month_name), ("month-number", &month.to_string()), ("day", &day.to_string())],
        )
    }

    /// What a reader without a connection sees instead of a page not kept on the device. Not a
    /// page of the toolkit: not in the sitemap or the page counts.
    fn offline(&self, lang: &str) -> Result<Page, Diagnostic> {
        let folder = links::offline(lang);
        let heading = self.t(lang, Msg::OfflinePageTitle, &[]);
        let mut context = self.base(lang, &folder, &heading, links::offline);
        context.insert("heading", &heading);
        Ok(Page { path: format!("{folder}index.html"), lang: None, body: self.theme.render(lang, "offline.html", &context)? })
    }

    /// The translators' page (not linked from the site): coverage and to-do lists per language.
    fn status(&self) -> Result<Page, Diagnostic> {
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
        let default = self.site.default_language();
        let folder = "status/";
        let heading = self.t(default, Msg::StatusTitle, &[]);
        let mut context = self.base(default, folder, &heading, |_| folder.to_string());
        // One page for every language: no language versions to switch between.
        context.insert("alternates", &Vec::<Alternate>::new());
        let root = links::root_from(folder);
        let computed = status::compute(self.root, self.site, self.ui, None);
        let languages: Vec<LanguageView> = computed
            .languages
            .into_iter()
            .map(|language| {
                let totals = language.totals();
                let all = (totals.0 + totals.1 + totals.2).max(1) as f64;
                let share = |n: usize| (n as f64 * 1000.0 / all).round() / 10.0;
                let mut groups = language.groups.clone();
                for group in &mut groups {
                    for item in &mut group.items {
                        item.page = item.page.take().map(|page| match page.split_once('#') {
                            Some((folder, fragment)) => links::href(&root, folder, Some(fragment)),
                            None => links::href(&root, &page, None),
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
        context.insert("heading", &heading);
        context.insert("languages", &languages);
        Ok(Page { path: format!("{folder}index.html"), lang: None, body: self.theme.render(default, "status.html", &context)? })
    }

    /// sitemap.xml: every page with its language versions (search engines need full addresses).
    fn sitemap(&self, pages: &[Page]) -> Page {
        let base = &self.site.config.base_url;
        let codes: Vec<&str> = self.site.config.codes().collect();
        let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for page in pages {
            if let Some(lang) = &page.lang {
                let rest = page.path.strip_prefix(lang.as_str()).unwrap_or(&page.path);
                groups.entry(rest.to_string()).or_default().push(lang);
            }
        }
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        for (rest, langs) in &groups {
            let address = |lang: &str| format!("{base}{lang}{}", rest.strip_suffix("index.html").unwrap_or(rest));
            for lang in codes.iter().filter(|c| langs.contains(c)) {
                xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", crate::render::html::escape(&address(lang))));
                for other in codes.iter().filter(|c| langs.contains(c)) {
                    let tag = self.tag(other);
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{tag}\" href=\"{}\"/>\n",
                        crate::render::html::escape(&address(other))
                    ));
                }
                xml.push_str("  </url>\n");
            }
        }
        xml.push_str("</urlset>\n");
        Page { path: "sitemap.xml".into(), lang: None, body: xml }
    }
}

/// A heading's HTML without the paragraph pulldown-cmark never adds to headings anyway.
fn inline(html: &str) -> String {
    html.trim().to_string()
}

/// A CSS string literal, safe inside a `<style>` element.
fn css_string(text: &str) -> String {
    // Letters, digits and spaces as they are; controls (which end a CSS string or a line) as a
    // space; everything else as a hex escape, which can end neither the string nor the element.
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(' '),
            c if c.is_alphanumeric() || c == ' ' => out.push(c),
            c => out.push_str(&format!("\\{:x} ", c as u32)),
        }
    }
    out.push('"');
    out
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::{civil_date, css_string};

    #[test]
    fn css_strings_cannot_escape_their_style_element() {
        assert_eq!(css_string("Chapter 2. A \"b\" </style>"), "\"Chapter 2\\2e  A \\22 b\\22  \\3c \\2f style\\3e \"");
        assert_eq!(css_string("a\r} body {\u{c}x"), "\"a \\7d  body \\7b  x\"");
        assert_eq!(css_string("挑战 2"), "\"挑战 2\"");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(20_414), (2025, 11, 22));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
    }
}
