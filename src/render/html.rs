//! Turns parsed Markdown (with citations, cross-references, boxes and footnotes) into HTML for
//! one page, or into plain text for titles and the search index.
//!
//! A `PageWriter` lives for one page: it numbers footnotes in the order they are called and
//! explains each abbreviation on its first use.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use crate::load::localize::{Localizer, Msg};
use crate::load::markdown::{Citation, Footnote, Located, Node};
use crate::model::{Site, Target, TargetState};
use crate::paths;

/// Where a cross-reference's automatic label stands, so that a language can write it with a
/// capital at the start of a sentence and without one inside ("voir défi 2.1.a").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Start,
    Inside,
}

impl Position {
    /// After nothing, or after the end of a sentence, a label starts a sentence.
    pub fn after(text: &str) -> Position {
        let text = text.trim_end();
        if text.is_empty() || text.ends_with(['.', '!', '?', '。', '！', '？']) { Position::Start } else { Position::Inside }
    }

    /// Where the next label stands once `text` follows (blank text changes nothing).
    fn then(self, text: &str) -> Position {
        if text.trim_end().is_empty() { self } else { Position::after(text) }
    }

    fn name(self) -> &'static str {
        match self {
            Position::Start => "start",
            Position::Inside => "inside",
        }
    }
}

/// Stands in for the linked part of a localized pattern, so the pattern can be escaped first.
const SLOT: &str = "\u{E000}";

/// Text escaped for HTML, in element content and in double-quoted attributes alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A `lang` attribute when a text is not in the page's language (a fallback), else nothing.
pub fn lang_attr(text_lang: &str, page_lang_tag: &str, site: &Site) -> String {
    let tag = site.config.language(text_lang).map_or(text_lang, |l| l.tag.as_str());
    if tag == page_lang_tag { String::new() } else { format!(" lang=\"{}\"", escape(tag)) }
}

struct Note {
    number: usize,
    /// Which document's note: its file, and the label.
    key: (String, String),
    nodes: Vec<Located>,
    footnotes: Vec<Footnote>,
    calls: usize,
}

pub struct PageWriter<'a> {
    pub site: &'a Site,
    pub ui: &'a Localizer,
    pub lang: &'a str,
    pub root: String,
    notes: RefCell<Vec<Note>>,
    abbreviations: Vec<(String, String)>,
    /// The first bytes of the abbreviations: most places in a text start none, and are passed
    /// over without comparing each abbreviation.
    abbreviation_starts: [bool; 256],
    explained: RefCell<BTreeSet<String>>,
    /// The boxes being written, innermost last: a box never places itself, even through others
    /// (the cycle is reported by `validate`; this keeps rendering finite).
    open_boxes: RefCell<Vec<String>>,
    /// Cross-references to anchors already on this page link to the anchor alone.
    pub local_targets: HashMap<String, String>,
    /// How many levels the text's own headings (and box titles) sit below the page's: a
    /// challenge's good practices are `<h3>`, so a `###` inside one becomes `<h4>`.
    pub heading_shift: u8,
    /// The printed page of each anchor of a handout, once a first print has shown them.
    pub pages: Option<&'a PageMap>,
}

impl<'a> PageWriter<'a> {
    pub fn new(site: &'a Site, ui: &'a Localizer, lang: &'a str, folder: &str) -> Self {
        let mut abbreviations: Vec<(String, String)> =
            site.glossary(lang).into_iter().filter_map(|t| t.item.abbr.clone().map(|abbr| (abbr, t.item.term.clone()))).collect();
        // An empty abbreviation would match everywhere without moving on (the glossary check
        // reports it).
        abbreviations.retain(|(abbr, _)| !abbr.is_empty());
        // Longest first, so "UN-INSTRAW" wins over "UN".
        abbreviations.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut abbreviation_starts = [false; 256];
        for (abbr, _) in &abbreviations {
            abbreviation_starts[abbr.as_bytes()[0] as usize] = true;
        }
        PageWriter {
            site,
            ui,
            lang,
            root: paths::root_from(folder),
            notes: RefCell::new(Vec::new()),
            abbreviations,
            abbreviation_starts,
            explained: RefCell::new(BTreeSet::new()),
            open_boxes: RefCell::new(Vec::new()),
            local_targets: HashMap::new(),
            heading_shift: 0,
            pages: None,
        }
    }

    /// The printed page of `anchor`, when this is a handout printed once already.
    pub fn page_of(&self, anchor: &str) -> Option<u32> {
        self.pages.and_then(|pages| pages.get(anchor)).copied()
    }

    fn tag(&self) -> &str {
        self.site.config.language(self.lang).map_or(self.lang, |l| l.tag.as_str())
    }

    /// A block of Markdown as HTML; `footnotes` are the notes its calls refer to, `doc` names it.
    pub fn html(&self, nodes: &[Located], footnotes: &[Footnote], doc: &str) -> String {
        let events = self.events(nodes, footnotes, doc);
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, events.into_iter());
        out
    }

    fn events(&self, nodes: &[Located], footnotes: &[Footnote], doc: &str) -> Vec<Event<'static>> {
        let mut events = Vec::with_capacity(nodes.len());
        let mut i = 0;
        let mut in_link = false;
        // Where a label would stand in the current paragraph, item or heading.
        let mut position = Position::Start;
        while i < nodes.len() {
            match &nodes[i].node {
                Node::Md(Event::Text(text)) if !in_link => {
                    position = position.then(text);
                    self.abbreviate(text, &mut events)
                }
                Node::Md(event) => {
                    match event {
                        Event::Start(Tag::Link { .. }) => in_link = true,
                        Event::End(TagEnd::Link) => in_link = false,
                        Event::Start(_) if !matches!(event, Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)) => {
                            position = Position::Start
                        }
                        Event::Text(text) | Event::Code(text) => position = position.then(text),
                        _ => {}
                    }
                    events.push(self.shift_heading(self.external_link(event)));
                }
                Node::Citation(citation) => {
                    position = Position::Inside;
                    events.push(Event::InlineHtml(self.citation_html(citation).into()))
                }
                Node::FootnoteRef(label) => events.push(Event::InlineHtml(self.note_call(label, footnotes, doc).into())),
                Node::Box(name) => events.push(Event::Html(self.box_html(name).into())),
                Node::RefStart(target) => {
                    let end = nodes[i..].iter().position(|n| n.node == Node::RefEnd).map_or(nodes.len(), |p| i + p);
                    let inner = &nodes[i + 1..end];
                    let (open, label, close) = self.reference(target, position);
                    position = position.then(&label);
                    events.push(Event::InlineHtml(open.into()));
                    if inner.is_empty() {
                        events.push(Event::Text(label.into()));
                    } else {
                        events.extend(self.events(inner, footnotes, doc));
                    }
                    events.push(Event::InlineHtml(close.into()));
                    i = end;
                }
                Node::RefEnd => {}
            }
            i += 1;
        }
        events
    }

    /// External links open normally but say where they go in print (see the style sheet).
    fn external_link(&self, event: &Event<'static>) -> Event<'static> {
        match event {
            Event::Start(Tag::Link { dest_url, link_type, .. }) => {
                // A bare address already shows itself; print needs to add it only to other links.
                let class = if *link_type == LinkType::Autolink { "external bare" } else { "external" };
                Event::InlineHtml(format!("<a class=\"{class}\" href=\"{}\" rel=\"noopener\">", escape(dest_url)).into())
            }
            Event::End(TagEnd::Link) => Event::InlineHtml("</a>".into()),
            other => other.clone(),
        }
    }

    fn shift_heading(&self, event: Event<'static>) -> Event<'static> {
        let shift =
            |level: HeadingLevel| HeadingLevel::try_from((level as usize + self.heading_shift as usize).min(6)).unwrap_or(HeadingLevel::H6);
        match event {
            // Content's headings carry no attributes but a checked anchor (see `markdown`).
            Event::Start(Tag::Heading { level, id, .. }) => {
                Event::Start(Tag::Heading { level: shift(level), id, classes: Vec::new(), attrs: Vec::new() })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
            other => other,
        }
    }

    /// Wraps the first use on this page of each glossary abbreviation in `<abbr>`.
    fn abbreviate(&self, text: &CowStr<'static>, events: &mut Vec<Event<'static>>) {
        if self.abbreviations.is_empty() {
            events.push(Event::Text(text.clone()));
            return;
        }
        let bytes = text.as_bytes();
        let boundary = |i: usize| i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
        let mut start = 0;
        let mut i = 0;
        while i < text.len() {
            if !self.abbreviation_starts[bytes[i] as usize] || !text.is_char_boundary(i) || (i > 0 && bytes[i - 1].is_ascii_alphanumeric())
            {
                i += 1;
                continue;
            }
            let found = self.abbreviations.iter().find_map(|(abbr, term)| {
                let rest = text[i..].strip_prefix(abbr.as_str())?;
                let length = if boundary(i + abbr.len()) {
                    abbr.len()
                } else if rest.starts_with('s') && boundary(i + abbr.len() + 1) {
                    abbr.len() + 1
                } else {
                    return None;
                };
                Some((abbr, term, length))
            });
            let Some((abbr, term, length)) = found else {
                i += 1;
                continue;
            };
            if self.explained.borrow_mut().insert(abbr.clone()) {
                if start < i {
                    events.push(Event::Text(text[start..i].to_string().into()));
                }
                events.push(Event::InlineHtml(format!("<abbr title=\"{}\">{}</abbr>", escape(term), escape(&text[i..i + length])).into()));
                start = i + length;
            }
            i += length.max(1);
        }
        if start < text.len() {
            events.push(Event::Text(text[start..].to_string().into()));
        }
    }

    /// The citation's visible text, in this language's style, e.g. "(VPs: 4)".
    pub fn citation_text(&self, citation: &Citation) -> String {
        let items: Vec<String> = citation.items.iter().map(|item| self.citation_item_text(item)).collect();
        self.citation_group(citation, &items.join(&self.ui.text(self.lang, Msg::CiteSeparator, &[])))
    }

    fn citation_group(&self, citation: &Citation, inner: &str) -> String {
        if citation.bare { inner.to_string() } else { self.ui.text(self.lang, Msg::CiteGroup, &[("citations", inner)]) }
    }

    fn citation_item_text(&self, item: &crate::load::markdown::CitationItem) -> String {
        let label = self.site.sources.get(&item.key).map_or(item.key.as_str(), |s| s.label.as_str());
        let mut text = label.to_string();
        if let Some(part) = &item.part {
            text = self.ui.text(self.lang, Msg::CitePart, &[("source", &text), ("part", part)]);
        }
        if let Some(locator) = &item.locator {
            // Several places in one source ("14, 44") are separated in this language's way.
            let separator = self.ui.text(self.lang, Msg::CiteLocatorSeparator, &[]);
            let locator = locator.split(',').map(str::trim).collect::<Vec<_>>().join(&separator);
            text = self.ui.text(self.lang, Msg::CiteLocator, &[("source", &text), ("locator", &locator)]);
        }
        text
    }

    fn citation_html(&self, citation: &Citation) -> String {
        let items: Vec<String> = citation
            .items
            .iter()
            .map(|item| {
                let text = escape(&self.citation_item_text(item));
                match self.site.sources.get(&item.key) {
                    Some(source) => {
                        let (title, _) = source.title(self.lang, self.site.default_language());
                        let full = match &source.year {
                            Some(year) => format!("{title} ({year})"),
                            None => title.to_string(),
                        };
                        format!(
                            "<a class=\"cite\" href=\"{}\" title=\"{}\">{text}</a>",
                            escape(&paths::href(&self.root, &paths::sources(self.lang), Some(&source.key))),
                            escape(&full)
                        )
                    }
                    None => text,
                }
            })
            .collect();
        let separator = escape(&self.ui.text(self.lang, Msg::CiteSeparator, &[]));
        let group = escape(&self.citation_group(citation, SLOT));
        format!("<span class=\"citation\">{}</span>", group.replace(SLOT, &items.join(&separator)))
    }

    /// Opening tag, automatic label and closing tag for a cross-reference.
    fn reference(&self, text: &str, position: Position) -> (String, String, String) {
        let Some(target) = Target::parse(text) else {
            return (String::new(), text.to_string(), String::new());
        };
        let label = self.reference_label(&target, position);
        match self.site.target_state(&target) {
            TargetState::Published => {
                let local = self.local_targets.get(text);
                let href = local.cloned().unwrap_or_else(|| self.target_href(&target));
                let title = self.reference_title(&target).map(|t| format!(" title=\"{}\"", escape(&t))).unwrap_or_default();
                // Inside a handout: ", p. 6" once the printer knows the page.
                let page = local.and_then(|href| href.strip_prefix('#')).and_then(|anchor| self.page_of(anchor));
                let close = match page {
                    Some(page) => {
                        format!(
                            "</a>{}",
                            page_number("ref-page", &self.ui.text(self.lang, Msg::HandoutPageRef, &[("page", &page.to_string())]))
                        )
                    }
                    None => "</a>".into(),
                };
                (format!("<a class=\"xref\" href=\"{}\"{title}>", escape(&href)), label, close)
            }
            // Said in words after the label, not in a tooltip, which touch screens and paper lack.
            _ => (
                "<span class=\"xref forthcoming\">".into(),
                label,
                format!("</span><span class=\"forthcoming-note\">{}</span>", escape(&self.ui.text(self.lang, Msg::ForthcomingNote, &[]))),
            ),
        }
    }

    pub fn target_href(&self, target: &Target) -> String {
        let lang = self.lang;
        match target {
            Target::Chapter(number) => paths::href(&self.root, &paths::chapter(lang, *number), None),
            Target::Section(id) => paths::href(&self.root, &paths::section_or_challenge(lang, id), None),
            Target::Challenge { id, anchor } => paths::href(&self.root, &paths::section_or_challenge(lang, id), anchor.as_deref()),
            Target::CaseStudy(slug) => paths::href(&self.root, &paths::case_study(lang, slug), None),
            Target::InEdition { edition, target } => match self.revised_in(edition, target) {
                Some((revised, id, anchor)) => paths::href(&self.root, &paths::edition_page(lang, revised, id), anchor),
                None => self.target_href(target),
            },
            // Never published here: shown as plain text.
            Target::Topic { .. } => String::new(),
        }
    }

    /// The later edition whose own page shows `target` as `edition` has it, with the id and anchor.
    fn revised_in<'t>(&self, edition: &str, target: &'t Target) -> Option<(&'a str, &'t str, Option<&'t str>)> {
        match target {
            Target::Challenge { id, anchor } => {
                self.site.revising_edition(edition, |e| e.challenges.contains_key(id)).map(|e| (e, id.as_str(), anchor.as_deref()))
            }
            Target::Section(id) => self.site.revising_edition(edition, |e| e.sections.contains_key(id)).map(|e| (e, id.as_str(), None)),
            _ => None,
        }
    }

    /// "Challenge 2.1.a", "Section 2.3. MoUs", in this language, as it reads at `position`.
    pub fn reference_label(&self, target: &Target, position: Position) -> String {
        let lang = self.lang;
        let position = position.name();
        match target {
            Target::Chapter(number) => {
                let title = self.site.chapter(lang, *number).map(|c| c.item.title.clone()).unwrap_or_default();
                self.ui.text(lang, Msg::RefChapter, &[("number", &number.to_string()), ("title", &title), ("position", position)])
            }
            Target::Section(id) => {
                let title = self.site.section(lang, id).map(|s| s.item.title.clone()).unwrap_or_default();
                self.ui.text(lang, Msg::RefSection, &[("id", id), ("title", &title), ("position", position)])
            }
            Target::Challenge { id, anchor: None } => self.ui.text(lang, Msg::RefChallenge, &[("id", id), ("position", position)]),
            Target::Challenge { id, anchor: Some(anchor) } => {
                let number = self
                    .site
                    .reference()
                    .challenges
                    .get(id)
                    .and_then(|c| c.practices.iter().position(|p| &p.anchor == anchor))
                    .map_or_else(|| anchor.clone(), |i| (i + 1).to_string());
                self.ui.text(lang, Msg::RefGoodPractice, &[("id", id), ("number", &number), ("position", position)])
            }
            Target::CaseStudy(slug) => {
                let title = self.site.case_study(lang, slug).map(|c| c.item.title.clone()).unwrap_or_default();
                self.ui.text(lang, Msg::RefCaseStudy, &[("title", &title)])
            }
            // The edition's own label; the content gives its words when they differ.
            Target::InEdition { target, .. } => self.reference_label(target, Position::after("")),
            Target::Topic { slug, .. } => slug.clone(),
        }
    }

    /// The tooltip of a cross-reference: what the target is about.
    fn reference_title(&self, target: &Target) -> Option<String> {
        match target {
            Target::Challenge { id, .. } => self.site.challenge(self.lang, id).map(|c| c.item.statement.clone()),
            Target::Section(id) => self.site.section(self.lang, id).map(|s| s.item.title.clone()),
            Target::Chapter(n) => self.site.chapter(self.lang, *n).map(|c| c.item.title.clone()),
            Target::CaseStudy(slug) => self.site.case_study(self.lang, slug).map(|c| c.item.title.clone()),
            Target::InEdition { edition, target } => match self.revised_in(edition, target) {
                Some((revised, id, _)) if matches!(**target, Target::Challenge { .. }) => {
                    self.site.edition_challenge(self.lang, revised, id).map(|c| c.item.statement.clone())
                }
                Some((revised, id, _)) => self.site.edition_section(self.lang, revised, id).map(|s| s.item.title.clone()),
                None => self.reference_title(target),
            },
            Target::Topic { .. } => None,
        }
    }

    fn note_call(&self, label: &str, footnotes: &[Footnote], doc: &str) -> String {
        let key = (doc.to_string(), label.to_string());
        let mut notes = self.notes.borrow_mut();
        let number = match notes.iter_mut().find(|n| n.key == key) {
            Some(note) => {
                note.calls += 1;
                note.number
            }
            None => {
                let number = notes.len() + 1;
                let definition = footnotes.iter().find(|f| f.label == label);
                notes.push(Note {
                    number,
                    key,
                    nodes: definition.map(|d| d.nodes.clone()).unwrap_or_default(),
                    footnotes: footnotes.to_vec(),
                    calls: 1,
                });
                number
            }
        };
        let calls = notes.iter().find(|n| n.number == number).map_or(1, |n| n.calls);
        let id = paths::note_call_anchor(number, calls);
        let note = paths::note_anchor(number);
        let label = escape(&self.ui.text(self.lang, Msg::NoteCall, &[("number", &number.to_string())]));
        format!("<sup class=\"note-call\"><a id=\"{id}\" href=\"#{note}\" role=\"doc-noteref\" aria-label=\"{label}\">{number}</a></sup>")
    }

    /// The page's notes, in the order they were called, each linking back to its first call.
    /// Notes may call further notes (rare), so this loops until none are left.
    pub fn notes_html(&self) -> Vec<(usize, String)> {
        let mut rendered = Vec::new();
        let mut next = 0;
        loop {
            let pending: Option<(usize, Vec<Located>, Vec<Footnote>, String)> = {
                let notes = self.notes.borrow();
                notes.get(next).map(|n| (n.number, n.nodes.clone(), n.footnotes.clone(), n.key.0.clone()))
            };
            let Some((number, nodes, footnotes, doc)) = pending else { break };
            let body = self.html(&nodes, &footnotes, &doc);
            rendered.push((number, body));
            next += 1;
        }
        rendered
    }

    fn box_html(&self, name: &str) -> String {
        let Some(found) = self.site.text_box(self.lang, name) else { return String::new() };
        if self.open_boxes.borrow().iter().any(|open| open == name) || self.open_boxes.borrow().len() >= crate::model::MAX_BOX_DEPTH {
            return String::new();
        }
        let text_box = found.item;
        let id = paths::box_anchor(name);
        let lang = lang_attr(found.lang, self.tag(), self.site);
        self.open_boxes.borrow_mut().push(name.to_string());
        let body = self.html(&text_box.body.nodes, &text_box.body.footnotes, &text_box.info.file.to_string_lossy());
        self.open_boxes.borrow_mut().pop();
        let level = 3 + self.heading_shift;
        format!(
            "<aside class=\"box\" id=\"{id}\" aria-labelledby=\"{id}-title\"{lang}>\n<h{level} id=\"{id}-title\">{}</h{level}>\n{body}</aside>\n",
            escape(&text_box.title)
        )
    }

    /// Plain text of some Markdown: citations and labels as readers see them, no markup.
    pub fn plain(&self, nodes: &[Located]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < nodes.len() {
            match &nodes[i].node {
                Node::Md(Event::Text(text)) | Node::Md(Event::Code(text)) => out.push_str(text),
                Node::Md(Event::SoftBreak) | Node::Md(Event::HardBreak) => out.push(' '),
                Node::Md(Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::BlockQuote(_)))
                | Node::Md(Event::Start(Tag::Item)) => {
                    if !out.ends_with(char::is_whitespace) && !out.is_empty() {
                        out.push('\n');
                    }
                }
                Node::Citation(citation) => out.push_str(&self.citation_text(citation)),
                Node::RefStart(target) => {
                    let end = nodes[i..].iter().position(|n| n.node == Node::RefEnd).map_or(nodes.len(), |p| i + p);
                    if end == i + 1 {
                        let label =
                            Target::parse(target).map_or_else(|| target.clone(), |t| self.reference_label(&t, Position::after(&out)));
                        out.push_str(&label);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        out.trim().to_string()
    }
}

/// The printed page of each anchor of a handout, read back from a first print of it (browsers
/// cannot number the pages of link targets themselves).
pub type PageMap = BTreeMap<String, u32>;

/// The one markup of a page number in a handout: its contents' "6" and its cross-references'
/// ", p. 6", as `label` already says it.
pub fn page_number(class: &str, label: &str) -> String {
    format!("<span class=\"{class}\">{}</span>", escape(label))
}
