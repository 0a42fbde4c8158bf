//! What search finds: every challenge, good practice (its own result, linked to its anchor),
//! box, case study and source of one language, as plain text with weighted parts.

use crate::load::localize::{Localizer, Msg};
use crate::model::{Challenge, Site, Target};
use crate::paths;
use crate::render::html::PageWriter;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Challenge,
    GoodPractice,
    Box,
    CaseStudy,
    Source,
}

impl Kind {
    /// The Fluent message naming this kind of result.
    pub fn message(&self) -> Msg {
        match self {
            Kind::Challenge => Msg::SearchKindChallenge,
            Kind::GoodPractice => Msg::SearchKindGoodPractice,
            Kind::Box => Msg::SearchKindBox,
            Kind::CaseStudy => Msg::SearchKindCaseStudy,
            Kind::Source => Msg::SearchKindSource,
        }
    }
}

/// One search result to be, in one language.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SearchDocument {
    /// `2.1.a`, `2.1.a#gp-2`, `box:ssr-programmes`, `case-studies/lubumbashi`, `source:VPs`.
    pub id: String,
    pub kind: Kind,
    /// From the site root: `en/2.1.a/index.html#gp-2`.
    pub url: String,
    /// Weighs most.
    pub title: String,
    /// Weighs more than the body: a challenge's statement.
    pub lead: String,
    pub body: String,
    /// Chapter › section › challenge, as readers see them.
    pub breadcrumb: Vec<String>,
    /// 0 when the result belongs to no chapter (sources, some case studies).
    pub chapter: u32,
    /// The language the text is really in (a fallback's is English).
    pub text_lang: String,
    /// The editions it is part of, as bits in `toolkit.toml`'s order (see `editions_of`).
    #[serde(default = "every_edition")]
    pub editions: u32,
    /// Not part of the current edition: a later one revises it.
    #[serde(default)]
    pub superseded: bool,
}

fn every_edition() -> u32 {
    u32::MAX
}

/// The editions a challenge of edition number `own` (0: the base) is part of: its own, and each
/// later one until one revises it again. What no edition revises (boxes, sources) is in all.
fn editions_of(site: &Site, id: &str, own: usize) -> u32 {
    let editions = &site.config.editions;
    let revises = |k: usize| site.reference().editions.get(&editions[k].id).is_some_and(|r| r.challenges.contains_key(id));
    let mut mask = 1 << own;
    for k in own + 1..editions.len() {
        if revises(k) {
            break;
        }
        mask |= 1 << k;
    }
    mask
}

/// The number of `edition` in `toolkit.toml`'s order.
pub fn edition_number(site: &Site, edition: &str) -> Option<usize> {
    site.config.editions.iter().position(|e| e.id == edition)
}

pub fn collect(site: &Site, ui: &Localizer, lang: &str) -> Vec<SearchDocument> {
    let writer = PageWriter::new(site, ui, lang, "");
    let text_lang = |fallback: bool| if fallback { site.default_language() } else { lang }.to_string();
    let mut documents = Vec::new();
    for toc_chapter in &site.toc.chapters {
        let chapter_title = site.chapter(lang, toc_chapter.number).map(|c| c.item.title.clone()).unwrap_or_default();
        let chapter_crumb = ui.text(lang, Msg::ChapterHeading, &[("number", &toc_chapter.number.to_string()), ("title", &chapter_title)]);
        for toc_section in &toc_chapter.sections {
            let section_title = site.section(lang, &toc_section.id).map(|s| s.item.title.clone()).unwrap_or_default();
            let section_crumb = ui.text(lang, Msg::SectionHeading, &[("id", &toc_section.id), ("title", &section_title)]);
            for entry in toc_section.challenges.iter().filter(|c| c.published) {
                let Some(found) = site.challenge(lang, &entry.id) else { continue };
                let place = Place {
                    id: entry.id.clone(),
                    folder: paths::section_or_challenge(lang, &entry.id),
                    breadcrumb: vec![chapter_crumb.clone(), section_crumb.clone()],
                    chapter: toc_chapter.number,
                    text_lang: text_lang(found.is_fallback(lang)),
                    editions: editions_of(site, &entry.id, 0),
                };
                documents.extend(challenge_documents(ui, &writer, lang, found.item, place));
            }
        }
    }
    documents.extend(edition_documents(site, ui, &writer, lang));
    documents.extend(boxes(site, &writer, lang));
    documents.extend(case_studies(site, ui, &writer, lang));
    documents.extend(sources(site, ui, lang));
    if let Some(current) = site.config.current_edition().and_then(|e| edition_number(site, &e.id)) {
        for document in &mut documents {
            document.superseded = document.editions & (1 << current) == 0;
        }
    }
    documents
}

/// Where a challenge's results go and what they say they belong to.
struct Place {
    id: String,
    folder: String,
    breadcrumb: Vec<String>,
    chapter: u32,
    text_lang: String,
    editions: u32,
}

/// A challenge's result and one result per good practice.
fn challenge_documents(ui: &Localizer, writer: &PageWriter<'_>, lang: &str, challenge: &Challenge, place: Place) -> Vec<SearchDocument> {
    let heading = ui.text(lang, Msg::ChallengeHeading, &[("id", challenge.id.as_str())]);
    let practice_titles: Vec<String> = challenge.practices.iter().map(|p| writer.plain(&p.heading)).collect();
    let mut documents = vec![SearchDocument {
        id: place.id.clone(),
        kind: Kind::Challenge,
        url: format!("{}index.html", place.folder),
        title: heading.clone(),
        lead: challenge.statement.clone(),
        body: practice_titles.join("\n"),
        breadcrumb: place.breadcrumb.clone(),
        chapter: place.chapter,
        text_lang: place.text_lang.clone(),
        editions: place.editions,
        superseded: false,
    }];
    let mut breadcrumb = place.breadcrumb;
    breadcrumb.push(heading);
    for (practice, title) in challenge.practices.iter().zip(practice_titles) {
        documents.push(SearchDocument {
            id: format!("{}#{}", place.id, practice.anchor),
            kind: Kind::GoodPractice,
            url: format!("{}index.html#{}", place.folder, practice.anchor),
            title,
            lead: String::new(),
            body: writer.plain(&practice.body),
            breadcrumb: breadcrumb.clone(),
            chapter: place.chapter,
            text_lang: place.text_lang.clone(),
            editions: place.editions,
            superseded: false,
        });
    }
    documents
}

/// The challenges a later edition revises, their trail naming the edition: "Chapter 3 › 3.7 … ›
/// Knowledge Hub edition".
fn edition_documents(site: &Site, ui: &Localizer, writer: &PageWriter<'_>, lang: &str) -> Vec<SearchDocument> {
    let mut documents = Vec::new();
    for edition in site.config.editions.iter().skip(1).map(|e| e.id.as_str()) {
        let Some(revised) = site.reference().editions.get(edition) else { continue };
        let name = site.edition_name(lang, edition).map(|n| n.item.clone()).unwrap_or_else(|| edition.to_string());
        for id in revised.challenges.keys() {
            let Some(found) = site.edition_challenge(lang, edition, id) else { continue };
            let Some(section) = id.rsplit_once('.').and_then(|(s, _)| crate::model::ids::SectionId::parse(s)) else { continue };
            let section_id = section.to_string();
            let chapter_title = site.chapter(lang, section.chapter).map(|c| c.item.title.clone()).unwrap_or_default();
            let section_title = site.edition_section(lang, edition, &section_id).map(|s| s.item.title.clone()).unwrap_or_default();
            let place = Place {
                id: format!("{edition}/{id}"),
                folder: paths::edition_page(lang, edition, id),
                breadcrumb: vec![
                    ui.text(lang, Msg::ChapterHeading, &[("number", &section.chapter.to_string()), ("title", &chapter_title)]),
                    ui.text(lang, Msg::SectionHeading, &[("id", &section_id), ("title", &section_title)]),
                    name.clone(),
                ],
                chapter: section.chapter,
                text_lang: if found.is_fallback(lang) { site.default_language() } else { lang }.to_string(),
                editions: edition_number(site, edition).map_or(every_edition(), |own| editions_of(site, id, own)),
            };
            documents.extend(challenge_documents(ui, writer, lang, found.item, place));
        }
    }
    documents
}

/// Boxes are found where they are placed: the first challenge that shows them.
fn boxes(site: &Site, writer: &PageWriter<'_>, lang: &str) -> Vec<SearchDocument> {
    let mut documents = Vec::new();
    for name in site.reference().boxes.keys() {
        let Some(found) = site.text_box(lang, name) else { continue };
        let placed_in = site.toc.published_challenges().find(|entry| {
            site.challenge(lang, &entry.id)
                .is_some_and(|c| c.item.nodes().any(|n| matches!(&n.node, crate::load::markdown::Node::Box(b) if b == name)))
        });
        let (url, chapter, breadcrumb) = match placed_in {
            Some(entry) => (
                paths::href("", &paths::section_or_challenge(lang, &entry.id), Some(&paths::box_anchor(name))),
                entry.chapter,
                vec![
                    writer.reference_label(&Target::Challenge { id: entry.id.clone(), anchor: None }, crate::render::html::Position::Start),
                ],
            ),
            None => continue,
        };
        documents.push(SearchDocument {
            id: format!("box:{name}"),
            kind: Kind::Box,
            url,
            title: found.item.title.clone(),
            lead: String::new(),
            body: writer.plain(&found.item.body.nodes),
            breadcrumb,
            chapter,
            text_lang: if found.is_fallback(lang) { site.default_language() } else { lang }.to_string(),
            editions: every_edition(),
            superseded: false,
        });
    }
    documents
}

fn case_studies(site: &Site, ui: &Localizer, writer: &PageWriter<'_>, lang: &str) -> Vec<SearchDocument> {
    site.case_study_slugs()
        .filter_map(|slug| {
            let found = site.case_study(lang, slug)?;
            let study = found.item;
            let mut body = vec![writer.plain(&study.body.nodes)];
            body.extend(study.authors.clone());
            Some(SearchDocument {
                id: format!("case-studies/{slug}"),
                kind: Kind::CaseStudy,
                url: format!("{}index.html", paths::case_study(lang, slug)),
                title: study.title.clone(),
                lead: String::new(),
                body: body.join("\n"),
                breadcrumb: vec![ui.text(lang, Msg::CaseStudies, &[])],
                chapter: study.chapter.unwrap_or(0),
                text_lang: if found.is_fallback(lang) { site.default_language() } else { lang }.to_string(),
                editions: every_edition(),
                superseded: false,
            })
        })
        .collect()
}

fn sources(site: &Site, ui: &Localizer, lang: &str) -> Vec<SearchDocument> {
    let default = site.default_language();
    site.sources
        .list
        .iter()
        .map(|source| {
            let (title, title_lang) = source.title(lang, default);
            let mut body: Vec<String> = vec![source.label.clone()];
            body.extend(source.author.clone());
            body.extend(source.note(lang, default).map(|(note, _)| note.to_string()));
            SearchDocument {
                id: format!("source:{}", source.key),
                kind: Kind::Source,
                url: format!("{}index.html#{}", paths::sources(lang), source.key),
                title: title.to_string(),
                lead: String::new(),
                body: body.join("\n"),
                breadcrumb: vec![ui.text(lang, Msg::Sources, &[])],
                chapter: 0,
                text_lang: title_lang.to_string(),
                editions: every_edition(),
                superseded: false,
            }
        })
        .collect()
}
