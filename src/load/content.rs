//! Reads `content/` from disk into the typed model: one pass over the files (in parallel),
//! then the table of contents from the reference language.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Deserialize;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, LineIndex};
use crate::hash::text_hash;
use crate::load::config::{Config, PracticeForm};
use crate::load::frontmatter;
use crate::load::markdown::{self, Document};
use crate::load::sources::Sources;
use crate::model::ids::{self, SectionId};
use crate::model::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HomeMeta {
    title: String,
    edition: String,
    tagline: String,
    note: String,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChapterMeta {
    title: String,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionMeta {
    title: String,
    #[serde(default)]
    challenges: Vec<String>,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChallengeMeta {
    id: Option<String>,
    statement: String,
    translates: Option<String>,
}

/// A challenge of a later edition: its statement is a title ("Off-duty public security …").
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionChallengeMeta {
    title: String,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionMeta {
    name: String,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoxMeta {
    title: String,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseStudyMeta {
    title: String,
    authors: Option<String>,
    url: Option<String>,
    chapter: Option<u32>,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<RawTerm>,
    translates: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: toml::Spanned<String>,
    term: String,
    abbr: Option<String>,
}

/// Where a file sits in the toolkit, read from its path inside the language folder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Home,
    Glossary,
    Chapter(u32),
    Section(u32, String),
    Challenge(String, String),
    Box(String),
    CaseStudy(String),
    /// `editions/<id>/_index.md`.
    Edition,
}

/// Where a file of a later edition sits: `editions/<id>/` then its edition's own file, a section
/// or a challenge, laid out as in the base edition. `None`: not in `editions/`.
fn edition_place(path: &str) -> Option<(String, Option<Place>)> {
    let (edition, rest) = path.strip_prefix("editions/")?.split_once('/')?;
    let place = match place_of(rest) {
        _ if rest == "_index.md" => Some(Place::Edition),
        Some(place @ (Place::Section(..) | Place::Challenge(..))) => Some(place),
        _ => None,
    };
    Some((edition.to_string(), place))
}

fn place_of(path: &str) -> Option<Place> {
    let parts: Vec<&str> = path.split('/').collect();
    let number = ids::number;
    let md_name = |s: &str| s.strip_suffix(".md").filter(|n| is_slug(n)).map(str::to_string);
    match parts.as_slice() {
        ["_index.md"] => Some(Place::Home),
        ["glossary.toml"] => Some(Place::Glossary),
        [chapter, "_index.md"] => number(chapter).map(Place::Chapter),
        [chapter, section, rest] => {
            let chapter_number = number(chapter)?;
            if SectionId::parse(section)?.chapter != chapter_number {
                return None;
            }
            if *rest == "_index.md" {
                return Some(Place::Section(chapter_number, section.to_string()));
            }
            let letter = rest.strip_suffix(".md")?;
            ids::is_letter(letter).then(|| Place::Challenge(section.to_string(), format!("{section}.{letter}")))
        }
        ["boxes", name] => md_name(name).map(Place::Box),
        ["case-studies", name] => md_name(name).map(Place::CaseStudy),
        _ => None,
    }
}

/// One file's result, merged into the language's content after the parallel pass.
enum Loaded {
    Home(Home),
    Glossary(Glossary),
    Chapter(Chapter),
    Section(Section),
    Challenge(Challenge),
    Box(TextBox),
    CaseStudy(CaseStudy),
    Edition(EditionAbout),
}

/// Loads the whole site; problems go to `diagnostics`. Files with errors are left out.
pub fn load(root: &Path, config: &Config, diagnostics: &Diagnostics) -> Site {
    let codes: Vec<&str> = config.codes().collect();
    let sources = Sources::load(root, &codes, diagnostics);
    check_top_level(root, config, diagnostics);

    let mut jobs = Vec::new();
    for code in &codes {
        let folder = root.join("content").join(code);
        if !folder.is_dir() {
            diagnostics.warning(
                Path::new("content").join(code),
                None,
                format!("There is no folder for the language \"{code}\": every page of it will show the {} text.", config.default_language),
            );
            continue;
        }
        for entry in WalkDir::new(&folder).sort_by_file_name() {
            match entry {
                Ok(entry) if entry.path_is_symlink() => {
                    let file = entry.path().strip_prefix(root).unwrap_or(entry.path());
                    diagnostics.push(crate::load::text_file::symlink_refused(file));
                }
                Ok(entry) if entry.file_type().is_file() => {
                    let relative = entry.path().strip_prefix(&folder).unwrap_or(entry.path());
                    let path = relative.to_string_lossy().replace('\\', "/");
                    jobs.push((code.to_string(), path));
                }
                Ok(_) => {}
                Err(error) => {
                    let file = error.path().and_then(|p| p.strip_prefix(root).ok()).map(Path::to_path_buf).unwrap_or_default();
                    diagnostics.error(file, None, format!("This folder could not be read: {error}."));
                }
            }
        }
    }

    let loaded: Vec<(String, String, Option<String>, Option<Loaded>)> = jobs
        .par_iter()
        .filter_map(|(code, path)| {
            let file = Path::new("content").join(code).join(path);
            let name = path.rsplit('/').next().unwrap_or(path);
            if name.starts_with('.') {
                return None;
            }
            let (edition, place) = match edition_place(path) {
                Some((edition, place)) => {
                    if let Err(problem) = check_edition_folder(config, &file, &edition) {
                        diagnostics.push(problem);
                        return None;
                    }
                    (Some(edition), place)
                }
                None => (None, place_of(path)),
            };
            let Some(place) = place else {
                diagnostics.push(unplaced(&file, path));
                return None;
            };
            let form = edition.as_deref().and_then(|e| config.edition(e)).map(|e| e.practices).unwrap_or_default();
            let mut problems = Vec::new();
            let result = load_file(root, &file, path, place, Written { edition: edition.clone(), form }, &mut problems);
            diagnostics.extend(problems);
            Some((code.clone(), path.clone(), edition, result))
        })
        .collect();

    let mut languages: Vec<LanguageContent> =
        codes.iter().map(|code| LanguageContent { code: code.to_string(), ..Default::default() }).collect();
    for (code, path, edition, item) in loaded {
        let Some(content) = languages.iter_mut().find(|l| l.code == code) else { continue };
        let Some(item) = item else {
            content.unreadable.insert(path);
            continue;
        };
        if let Some(edition) = edition {
            let revised = content.editions.entry(edition).or_default();
            match item {
                Loaded::Edition(about) => revised.about = Some(about),
                Loaded::Section(section) => {
                    revised.sections.insert(section.id.clone(), section);
                }
                Loaded::Challenge(challenge) => {
                    revised.challenges.insert(challenge.id.clone(), challenge);
                }
                _ => {}
            }
            continue;
        }
        match item {
            Loaded::Edition(_) => {}
            Loaded::Home(home) => content.home = Some(home),
            Loaded::Glossary(glossary) => content.glossary = Some(glossary),
            Loaded::Chapter(chapter) => {
                content.chapters.insert(chapter.number, chapter);
            }
            Loaded::Section(section) => {
                content.sections.insert(section.id.clone(), section);
            }
            Loaded::Challenge(challenge) => {
                content.challenges.insert(challenge.id.clone(), challenge);
            }
            Loaded::Box(text_box) => {
                content.boxes.insert(text_box.name.clone(), text_box);
            }
            Loaded::CaseStudy(study) => {
                content.case_studies.insert(study.slug.clone(), study);
            }
        }
    }
    let reference = languages.iter().find(|l| l.code == config.default_language).cloned().unwrap_or_default();
    let toc = table_of_contents(&reference, config, diagnostics);
    check_edition_counterparts(&reference, &toc, config, diagnostics);
    Site { config: config.clone(), sources, toc, languages }
}

/// A challenge of the base edition read again after an edit, for the live preview's quick
/// path: its language and the challenge, or `None` when `file` (under `root`) is not such a
/// challenge or has an error (the full load that follows reports it).
pub fn reload_challenge(root: &Path, config: &Config, file: &Path) -> Option<(String, Challenge)> {
    let relative = file.strip_prefix(root.join("content")).ok()?;
    let lang = relative.iter().next()?.to_str()?;
    config.language(lang)?;
    let path = relative.strip_prefix(lang).ok()?.to_str()?.replace('\\', "/");
    let place @ Place::Challenge(..) = place_of(&path)? else { return None };
    let mut problems = Vec::new();
    let written = Written { edition: None, form: PracticeForm::default() };
    let loaded = load_file(root, &Path::new("content").join(lang).join(&path), &path, place, written, &mut problems)?;
    match loaded {
        Loaded::Challenge(challenge) if problems.iter().all(|p| p.severity != crate::diagnostics::Severity::Error) => {
            Some((lang.to_string(), challenge))
        }
        _ => None,
    }
}

/// The problem with a file whose path does not say where it belongs.
fn unplaced(file: &Path, path: &str) -> Diagnostic {
    let padded = path
        .split('/')
        .flat_map(|part| part.split('.'))
        .find(|n| n.len() > 1 && n.starts_with('0') && n.chars().all(|c| c.is_ascii_digit()));
    if let Some(number) = padded {
        return Diagnostic::error(
            file,
            None,
            format!(
                "This file is not used: \"{number}\" in its folder or name is a number written with a leading zero. Chapters and sections are numbered without leading zeros (2/2.1/a.md, not 02/02.1/a.md), so that no two folders name the same chapter."
            ),
        );
    }
    Diagnostic::warning(
        file,
        None,
        "This file is not used: its name or folder does not say where it belongs. Challenges are named like 2/2.1/a.md, sections 2/2.1/_index.md, chapters 2/_index.md, boxes boxes/name.md and case studies case-studies/name.md (lower-case letters, digits and -).",
    )
}

/// How a file is written: the edition it belongs to and how that edition writes good practices.
struct Written {
    edition: Option<String>,
    form: PracticeForm,
}

/// A file under `editions/<id>/` belongs to a later edition that toolkit.toml declares.
fn check_edition_folder(config: &Config, file: &Path, edition: &str) -> Result<(), Diagnostic> {
    let declared: Vec<&str> = config.editions.iter().map(|e| e.id.as_str()).collect();
    if config.edition(edition).is_none() {
        return Err(Diagnostic::error(
            file,
            None,
            format!(
                "This file belongs to the edition \"{edition}\" (its folder editions/{edition}/), which content/toolkit.toml does not declare. Declared editions: {}.",
                if declared.is_empty() { "none".to_string() } else { declared.join(", ") }
            ),
        ));
    }
    if declared.first() == Some(&edition) {
        return Err(Diagnostic::error(
            file,
            None,
            format!("\"{edition}\" is the first (base) edition: its files are not under editions/ but directly in the language folder."),
        ));
    }
    Ok(())
}

/// A later edition revises parts of the toolkit: each of its sections and challenges needs the
/// chapter (and, for a challenge, its edition's section file) it belongs to.
fn check_edition_counterparts(reference: &LanguageContent, toc: &Toc, config: &Config, diagnostics: &Diagnostics) {
    for (edition, revised) in &reference.editions {
        for section in revised.sections.values() {
            let chapter = SectionId::parse(&section.id).map_or(0, |s| s.chapter);
            if toc.chapter(chapter).is_none() {
                diagnostics.error(
                    &section.info.file,
                    None,
                    format!(
                        "Section {} of the edition \"{edition}\" has no counterpart: chapter {chapter} has no _index.md in content/{}/{chapter}/.",
                        section.id, config.default_language
                    ),
                );
            }
        }
        for challenge in revised.challenges.values() {
            let section_id = challenge.id.rsplit_once('.').map_or("", |(s, _)| s);
            if !revised.sections.contains_key(section_id) {
                diagnostics.error(
                    &challenge.info.file,
                    None,
                    format!(
                        "Challenge {} of the edition \"{edition}\" has no section file next to it: add _index.md (title = \"...\") in its folder.",
                        challenge.id
                    ),
                );
            }
        }
        if revised.about.is_none() {
            if let Some(first) =
                revised.sections.values().map(|s| &s.info.file).chain(revised.challenges.values().map(|c| &c.info.file)).next()
            {
                diagnostics.error(
                    first,
                    None,
                    format!(
                        "The edition \"{edition}\" has no content/{}/editions/{edition}/_index.md giving its name (name = \"...\").",
                        config.default_language
                    ),
                );
            }
        }
    }
}

fn check_top_level(root: &Path, config: &Config, diagnostics: &Diagnostics) {
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        diagnostics.error("content", None, "The content folder is missing.");
        return;
    };
    let mut names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for name in names {
        let known = name == "toolkit.toml"
            || name == "sources.toml"
            || name.starts_with('.')
            || name.ends_with(".md")
            || config.codes().any(|c| c == name);
        if !known {
            diagnostics.warning(
                Path::new("content").join(&name),
                None,
                "This is not used: the content folder holds toolkit.toml, sources.toml and one folder per language listed in toolkit.toml.",
            );
        }
    }
}

fn info(place: &Place, file: &Path, path: &str, text: &str, translates: Option<String>, edition: &Option<String>) -> FileInfo {
    let translates_line = translates.as_ref().and_then(|_| frontmatter::setting_line(text, "translates"));
    let (kind, id) = match place {
        Place::Home => (FileKind::Home, String::new()),
        Place::Glossary => (FileKind::Glossary, String::new()),
        Place::Chapter(number) => (FileKind::Chapter, number.to_string()),
        Place::Section(_, id) => (FileKind::Section, id.clone()),
        Place::Challenge(_, id) => (FileKind::Challenge, id.clone()),
        Place::Box(name) => (FileKind::Box, name.clone()),
        Place::CaseStudy(slug) => (FileKind::CaseStudy, slug.clone()),
        Place::Edition => (FileKind::Edition, edition.clone().unwrap_or_default()),
    };
    FileInfo {
        kind,
        id,
        file: file.to_path_buf(),
        path: path.to_string(),
        hash: text_hash(text),
        translates,
        translates_line,
        edition: edition.clone(),
    }
}

/// A text that is not a challenge: its headings are plain headings, with no anchors of their own.
fn page_document(file: &Path, body: &str, line: u32, problems: &mut Vec<Diagnostic>) -> Document {
    let document = text_document(file, body, line, problems);
    for located in &document.nodes {
        if let markdown::Node::Md(pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading { id: Some(id), .. })) = &located.node {
            problems.push(Diagnostic::error(
                file,
                Some(located.line),
                format!("The anchor {{#{id}}} cannot be used here: only the good practices of a challenge have anchors of their own."),
            ));
        }
    }
    document
}

fn text_document(file: &Path, body: &str, line: u32, problems: &mut Vec<Diagnostic>) -> Document {
    let document = markdown::parse(file, body, line, problems);
    markdown::check_headings(file, &document, problems);
    markdown::check_footnotes(file, &document, problems);
    document
}

fn load_file(root: &Path, file: &Path, path: &str, place: Place, written: Written, problems: &mut Vec<Diagnostic>) -> Option<Loaded> {
    let text = match crate::load::text_file::read(root, file) {
        Ok(text) => text,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    macro_rules! front {
        ($meta:ty) => {
            match frontmatter::parse::<$meta>(file, &text) {
                Ok(parsed) => parsed,
                Err(problem) => {
                    problems.push(problem);
                    return None;
                }
            }
        };
    }
    Some(match place.clone() {
        Place::Home => {
            let parsed = front!(HomeMeta);
            let m = parsed.meta;
            Loaded::Home(Home {
                info: info(&place, file, path, &text, m.translates, &written.edition),
                title: m.title,
                edition: m.edition,
                tagline: m.tagline,
                note: m.note,
                body: page_document(file, &parsed.body, parsed.body_line, problems),
            })
        }
        Place::Chapter(number) => {
            let parsed = front!(ChapterMeta);
            Loaded::Chapter(Chapter {
                info: info(&place, file, path, &text, parsed.meta.translates, &written.edition),
                number,
                title: parsed.meta.title,
                intro: page_document(file, &parsed.body, parsed.body_line, problems),
            })
        }
        Place::Section(_, id) => {
            let parsed = front!(SectionMeta);
            for letter in &parsed.meta.challenges {
                if !ids::is_letter(letter) {
                    problems.push(Diagnostic::error(
                        file,
                        Some(2),
                        format!("In challenges = [...], \"{letter}\" is not a challenge letter: use lower-case letters such as \"a\"."),
                    ));
                }
            }
            Loaded::Section(Section {
                info: info(&place, file, path, &text, parsed.meta.translates, &written.edition),
                id,
                title: parsed.meta.title,
                declared: parsed.meta.challenges,
                intro: page_document(file, &parsed.body, parsed.body_line, problems),
            })
        }
        Place::Challenge(_, id) if written.edition.is_some() => {
            let parsed = front!(EditionChallengeMeta);
            let (practices, footnotes, blocks) = challenge_body(file, &parsed.body, parsed.body_line, written.form, problems);
            Loaded::Challenge(Challenge {
                info: info(&place, file, path, &text, parsed.meta.translates, &written.edition),
                id,
                statement: parsed.meta.title,
                practices,
                footnotes,
                blocks,
            })
        }
        Place::Challenge(_, id) => {
            let parsed = front!(ChallengeMeta);
            if let Some(declared) = parsed.meta.id.as_deref().filter(|d| *d != id) {
                problems.push(Diagnostic::error(
                    file,
                    Some(line_of_setting(&text, "id")),
                    format!("This file says id = \"{declared}\" but its place (folder and name) makes it challenge {id}. Correct the id or move the file."),
                ));
            }
            let (practices, footnotes, blocks) = challenge_body(file, &parsed.body, parsed.body_line, written.form, problems);
            Loaded::Challenge(Challenge {
                info: info(&place, file, path, &text, parsed.meta.translates, &written.edition),
                id,
                statement: parsed.meta.statement,
                practices,
                footnotes,
                blocks,
            })
        }
        Place::Edition => {
            let parsed = front!(EditionMeta);
            if !parsed.body.trim().is_empty() {
                problems.push(Diagnostic::warning(
                    file,
                    Some(parsed.body_line),
                    "This text is not shown: an edition's _index.md holds only its name.",
                ));
            }
            Loaded::Edition(EditionAbout {
                info: info(&place, file, path, &text, parsed.meta.translates, &written.edition),
                name: parsed.meta.name,
            })
        }
        Place::Box(name) => {
            let parsed = front!(BoxMeta);
            Loaded::Box(TextBox {
                info: info(&place, file, path, &text, parsed.meta.translates, &written.edition),
                name,
                title: parsed.meta.title,
                body: page_document(file, &parsed.body, parsed.body_line, problems),
            })
        }
        Place::CaseStudy(slug) => {
            let parsed = front!(CaseStudyMeta);
            let m = parsed.meta;
            if let Some((url, Err(why))) = m.url.as_deref().map(|u| (u, crate::load::safe_url::check(u))) {
                problems.push(Diagnostic::error(
                    file,
                    Some(line_of_setting(&text, "url")),
                    format!("The url \"{url}\" cannot be used: {why}."),
                ));
            }
            Loaded::CaseStudy(CaseStudy {
                info: info(&place, file, path, &text, m.translates, &written.edition),
                slug,
                title: m.title,
                authors: m.authors,
                url: m.url,
                chapter: m.chapter,
                body: page_document(file, &parsed.body, parsed.body_line, problems),
            })
        }
        Place::Glossary => {
            let raw: GlossaryFile = match frontmatter::toml_file(file, &text, "The glossary") {
                Ok(raw) => raw,
                Err(problem) => {
                    problems.push(problem);
                    return None;
                }
            };
            let index = LineIndex::new(&text);
            let mut terms: Vec<Term> = Vec::new();
            for raw_term in raw.term {
                let line = index.line_of(raw_term.id.span().start);
                let id = raw_term.id.into_inner();
                if let Some(first) = terms.iter().find(|t| t.id == id) {
                    problems.push(Diagnostic::error(
                        file,
                        Some(line),
                        format!("The glossary id \"{id}\" is used twice (first on line {}).", first.line),
                    ));
                    continue;
                }
                let blank = |text: &str| text.trim().is_empty();
                if blank(&raw_term.term) || raw_term.abbr.as_deref().is_some_and(blank) {
                    let what = if blank(&raw_term.term) { "term" } else { "abbr" };
                    problems.push(Diagnostic::error(
                        file,
                        Some(line),
                        format!("The glossary entry \"{id}\" has an empty {what} = \"\". Write the text, or remove the {what} line."),
                    ));
                    continue;
                }
                terms.push(Term { id, term: raw_term.term, abbr: raw_term.abbr, line });
            }
            Loaded::Glossary(Glossary { info: info(&place, file, path, &text, raw.translates, &written.edition), terms })
        }
    })
}

/// A challenge's good practices, notes and (in the bullet form) its blocks.
fn challenge_body(
    file: &Path,
    body: &str,
    line: u32,
    form: PracticeForm,
    problems: &mut Vec<Diagnostic>,
) -> (Vec<markdown::GoodPractice>, Vec<markdown::Footnote>, Vec<markdown::Block>) {
    let document = markdown::parse(file, body, line, problems);
    markdown::check_footnotes(file, &document, problems);
    let (practices, blocks) = match form {
        PracticeForm::Headings => {
            markdown::check_headings(file, &document, problems);
            (markdown::split_good_practices(file, document.nodes, problems), Vec::new())
        }
        PracticeForm::Bullets => markdown::split_listed_practices(file, document.nodes, problems),
    };
    if practices.is_empty() {
        let how = match form {
            PracticeForm::Headings => "each good practice starts with a line beginning with \"## \"",
            PracticeForm::Bullets => "in this edition each good practice is a list item, a line beginning with \"- \"",
        };
        problems.push(Diagnostic::warning(file, Some(line), format!("This challenge has no good practices yet: {how}.")));
    }
    (practices, document.footnotes, blocks)
}

fn line_of_setting(text: &str, name: &str) -> u32 {
    frontmatter::setting_line(text, name).unwrap_or(1)
}

/// The table of contents is what the reference language declares: chapters, their sections,
/// and each section's challenges (written or only declared).
fn table_of_contents(reference: &LanguageContent, config: &Config, diagnostics: &Diagnostics) -> Toc {
    let mut sections_by_chapter: BTreeMap<u32, Vec<&Section>> = BTreeMap::new();
    for section in reference.sections.values() {
        let chapter = SectionId::parse(&section.id).map_or(0, |s| s.chapter);
        if !reference.chapters.contains_key(&chapter) {
            diagnostics.error(
                &section.info.file,
                None,
                format!(
                    "Section {} belongs to chapter {chapter}, which has no _index.md in content/{}/{chapter}/.",
                    section.id, config.default_language
                ),
            );
        }
        sections_by_chapter.entry(chapter).or_default().push(section);
    }
    for challenge in reference.challenges.values() {
        let section_id = challenge.id.rsplit_once('.').map_or("", |(s, _)| s);
        if !reference.sections.contains_key(section_id) {
            diagnostics.error(
                &challenge.info.file,
                None,
                format!("Challenge {} belongs to section {section_id}, which has no _index.md next to it.", challenge.id),
            );
        }
    }
    let chapters = reference
        .chapters
        .values()
        .map(|chapter| {
            let mut sections: Vec<&Section> = sections_by_chapter.remove(&chapter.number).unwrap_or_default();
            sections.sort_by_key(|s| crate::model::ids::order(&s.id));
            let sections = sections
                .into_iter()
                .map(|section| {
                    let prefix = format!("{}.", section.id);
                    let mut ids: Vec<String> = reference
                        .challenges
                        .keys()
                        .filter(|id| id.strip_prefix(&prefix).is_some_and(|letter| !letter.contains('.')))
                        .cloned()
                        .collect();
                    for letter in &section.declared {
                        let id = format!("{}.{letter}", section.id);
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    ids.sort_by_key(|id| crate::model::ids::order(id));
                    let challenges: Vec<TocChallenge> = ids
                        .into_iter()
                        .map(|id| TocChallenge {
                            published: reference.challenges.contains_key(&id),
                            id,
                            chapter: chapter.number,
                            section: section.id.clone(),
                        })
                        .collect();
                    TocSection {
                        id: section.id.clone(),
                        chapter: chapter.number,
                        published: challenges.iter().any(|c| c.published),
                        challenges,
                    }
                })
                .collect();
            TocChapter { number: chapter.number, id: chapter.number.to_string(), sections }
        })
        .collect();
    Toc { chapters }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_files_by_path() {
        assert_eq!(place_of("_index.md"), Some(Place::Home));
        assert_eq!(place_of("2/_index.md"), Some(Place::Chapter(2)));
        assert_eq!(place_of("2/2.1/_index.md"), Some(Place::Section(2, "2.1".into())));
        assert_eq!(place_of("2/2.1/a.md"), Some(Place::Challenge("2.1".into(), "2.1.a".into())));
        assert_eq!(place_of("boxes/ssr-programmes.md"), Some(Place::Box("ssr-programmes".into())));
        assert_eq!(place_of("case-studies/lubumbashi.md"), Some(Place::CaseStudy("lubumbashi".into())));
        for unknown in [
            "2/3.1/a.md",
            "2/2.1/A.md",
            "02/_index.md",
            "02/02.1/a.md",
            "2/2.01/a.md",
            "notes.txt",
            "2/2.1/a.txt",
            "boxes/Big Box.md",
            "x/_index.md",
        ] {
            assert_eq!(place_of(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn finds_the_line_of_a_setting() {
        assert_eq!(line_of_setting("+++\nstatement = \"x\"\nid = \"2.1.a\"\n+++\n", "id"), 3);
    }
}
