//! Markdown with the toolkit's extensions, parsed once into an owned list of nodes.
//!
//! The extensions ride on ordinary Markdown syntax so translators' editors show them sensibly:
//! - citations `[@VPs: 4]` (and `[-@VPs: 4]` without brackets, `[@A: 1; @B: 2]` for several);
//! - cross-references `[text](ref:2.1.a)`, with empty text for the automatic label;
//! - boxes `[](box:name)` alone on a line;
//! - footnotes `[^1]`.
//!
//! Parsing records each extension with its line so the model can check them once every file is
//! loaded; rendering (in `render::html`) needs the whole site and happens later.

use std::collections::BTreeMap;
use std::path::Path;

use pulldown_cmark::{BrokenLink, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::diagnostics::{Diagnostic, LineIndex};

/// One element of a parsed document: a Markdown event, or one of the toolkit's extensions.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Md(Event<'static>),
    Citation(Citation),
    /// Start of a cross-reference; the nodes up to `RefEnd` are its text (none: automatic label).
    RefStart(String),
    RefEnd,
    /// A box placed here; the name of the box file.
    Box(String),
    FootnoteRef(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// `[-@KEY: 1]` is printed without the surrounding brackets.
    pub bare: bool,
    pub items: Vec<CitationItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CitationItem {
    pub key: String,
    /// A named part of the source, as in `[@CSBP, Flashpoint Issue 9: 6]`.
    pub part: Option<String>,
    /// Where in the source: a page, paragraph or chapter, as written.
    pub locator: Option<String>,
}

/// A node with the line of the file it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub line: u32,
    pub node: Node,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub label: String,
    pub line: u32,
    pub nodes: Vec<Located>,
}

/// A parsed Markdown text and the extension uses found in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub nodes: Vec<Located>,
    pub footnotes: Vec<Footnote>,
}

impl Document {
    /// Every node, footnotes included, for checks that look at all uses.
    pub fn all_nodes(&self) -> impl Iterator<Item = &Located> {
        self.nodes.iter().chain(self.footnotes.iter().flat_map(|f| f.nodes.iter()))
    }
}

const OPTIONS: Options =
    Options::ENABLE_FOOTNOTES.union(Options::ENABLE_TABLES).union(Options::ENABLE_STRIKETHROUGH).union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Parses `body`, which starts on line `first_line` of `file`, reporting problems into `problems`.
pub fn parse(file: &Path, body: &str, first_line: u32, problems: &mut Vec<Diagnostic>) -> Document {
    let index = LineIndex::new(body);
    let line_of = |offset: usize| index.line_of(offset) + first_line - 1;
    let mut broken: Vec<(usize, String)> = Vec::new();
    let callback = |link: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        let reference = link.reference.to_string();
        if is_citation(&reference) {
            return Some((CowStr::from(format!("cite:{reference}")), CowStr::from("")));
        }
        if link.link_type == LinkType::Shortcut || link.link_type == LinkType::Reference {
            broken.push((link.span.start, reference));
        }
        None
    };
    let parser = Parser::new_with_broken_link_callback(body, OPTIONS, Some(callback));
    let events: Vec<(Event<'static>, u32)> =
        parser.into_offset_iter().map(|(event, range)| (event.into_static(), line_of(range.start))).collect();
    for (offset, reference) in broken {
        let line = line_of(offset);
        let message = if let Some(label) = reference.strip_prefix('^') {
            format!("The footnote [^{label}] has no text: add a line \"[^{label}]: the note\" at the end of the file.")
        } else {
            format!(
                "\"[{reference}]\" is in square brackets but is neither a citation nor a link. A citation is written [@KEY: page], e.g. [@VPs: 4]; to show square brackets, write \\[{reference}\\]."
            )
        };
        let severity_is_error = reference.starts_with('^');
        problems.push(if severity_is_error {
            Diagnostic::error(file, Some(line), message)
        } else {
            Diagnostic::warning(file, Some(line), message)
        });
    }
    let document = Builder { file, problems, footnotes: Vec::new() }.build(events);
    report_undefined_footnotes(file, body, &document, &line_of, problems);
    document
}

/// pulldown-cmark leaves a call to an undefined note as plain text, so look for it in the source.
fn report_undefined_footnotes(
    file: &Path,
    body: &str,
    document: &Document,
    line_of: &dyn Fn(usize) -> u32,
    problems: &mut Vec<Diagnostic>,
) {
    for (start, _) in body.match_indices("[^") {
        let rest = &body[start + 2..];
        let Some(end) = rest.find(']') else { continue };
        let label = &rest[..end];
        let is_definition = rest[end + 1..].starts_with(':');
        let plausible = !label.is_empty() && !label.contains(char::is_whitespace);
        if plausible && !is_definition && !document.footnotes.iter().any(|f| f.label == label) {
            problems.push(Diagnostic::error(
                file,
                Some(line_of(start)),
                format!("The footnote [^{label}] has no text: add a line \"[^{label}]: the note\" at the end of the file."),
            ));
        }
    }
}

fn is_citation(reference: &str) -> bool {
    let reference = reference.trim_start();
    reference.starts_with('@') || reference.starts_with("-@")
}

struct Builder<'a> {
    file: &'a Path,
    problems: &'a mut Vec<Diagnostic>,
    footnotes: Vec<Footnote>,
}

impl Builder<'_> {
    fn build(mut self, events: Vec<(Event<'static>, u32)>) -> Document {
        let mut nodes = Vec::new();
        let mut footnote: Option<Footnote> = None;
        let mut iter = events.into_iter().peekable();
        while let Some((event, line)) = iter.next() {
            match event {
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    footnote = Some(Footnote { label: label.to_string(), line, nodes: Vec::new() });
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    if let Some(done) = footnote.take() {
                        self.footnotes.push(done);
                    }
                }
                event => {
                    let target = match footnote.as_mut() {
                        Some(f) => &mut f.nodes,
                        None => &mut nodes,
                    };
                    self.node(event, line, &mut iter, target);
                }
            }
        }
        let mut document = Document { nodes, footnotes: self.footnotes };
        collapse_box_paragraphs(&mut document.nodes, self.file, self.problems);
        // Kept for the whole build: the room grown while pushing is given back.
        document.nodes.shrink_to_fit();
        for footnote in &mut document.footnotes {
            footnote.nodes.shrink_to_fit();
        }
        document
    }

    fn node(
        &mut self,
        event: Event<'static>,
        line: u32,
        iter: &mut std::iter::Peekable<std::vec::IntoIter<(Event<'static>, u32)>>,
        out: &mut Vec<Located>,
    ) {
        let file = self.file;
        let push = |out: &mut Vec<Located>, node| out.push(Located { line, node });
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with("cite:") => {
                // The link's own text is the raw citation: skip to its end.
                for (event, _) in iter.by_ref() {
                    if matches!(event, Event::End(TagEnd::Link)) {
                        break;
                    }
                }
                match parse_citation(&dest_url["cite:".len()..]) {
                    Ok(citation) => push(out, Node::Citation(citation)),
                    Err(message) => self.problems.push(Diagnostic::error(file, Some(line), message)),
                }
            }
            Event::Start(Tag::Link { dest_url, link_type, .. }) => {
                if let Some(target) = dest_url.strip_prefix("ref:") {
                    push(out, Node::RefStart(target.trim().to_string()));
                } else if let Some(name) = dest_url.strip_prefix("box:") {
                    push(out, Node::Box(name.trim().to_string()));
                    // The box link's text, if any, is ignored; skip to its end.
                    for (event, _) in iter.by_ref() {
                        if matches!(event, Event::End(TagEnd::Link)) {
                            break;
                        }
                    }
                } else {
                    if !is_external(&dest_url) {
                        self.problems.push(Diagnostic::error(
                            file,
                            Some(line),
                            format!(
                                "The link to \"{dest_url}\" cannot be followed. Link to a page of the toolkit with ref:, e.g. [](ref:2.1.a), and to another web site with its full address starting with https://."
                            ),
                        ));
                    }
                    push(out, Node::Md(Event::Start(Tag::Link { link_type, dest_url, title: CowStr::from(""), id: CowStr::from("") })));
                }
            }
            Event::End(TagEnd::Link) => {
                // Links do not nest, and citation and box links consumed their own ends above, so this
                // closes the latest link opened.
                let closes_ref = out
                    .iter()
                    .rev()
                    .find_map(|n| match n.node {
                        Node::RefStart(_) => Some(true),
                        Node::Md(Event::Start(Tag::Link { .. })) => Some(false),
                        _ => None,
                    })
                    .unwrap_or(false);
                push(out, if closes_ref { Node::RefEnd } else { Node::Md(Event::End(TagEnd::Link)) });
            }
            Event::Start(Tag::Image { .. }) => {
                self.problems.push(Diagnostic::error(
                    file,
                    Some(line),
                    "Images are not supported: the site must load nothing from elsewhere. Describe the picture in words instead.",
                ));
                for (event, _) in iter.by_ref() {
                    if matches!(event, Event::End(TagEnd::Image)) {
                        break;
                    }
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.problems.push(Diagnostic::warning(
                    file,
                    Some(line),
                    format!("HTML is shown as plain text, never as HTML: \"{}\". Use Markdown instead.", html.trim()),
                ));
                push(out, Node::Md(Event::Text(html)));
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                let id = id.filter(|id| self.check_anchor(id, level, line));
                if !classes.is_empty() || !attrs.is_empty() {
                    let written: Vec<String> = classes
                        .iter()
                        .map(|c| format!(".{c}"))
                        .chain(attrs.iter().map(|(k, v)| v.as_ref().map_or_else(|| k.to_string(), |v| format!("{k}={v}"))))
                        .collect();
                    self.problems.push(Diagnostic::error(
                        file,
                        Some(line),
                        format!(
                            "A heading cannot carry the settings {{{}}}: the look of the site comes from its theme. Only a good practice's ## heading may end with a name for its anchor, such as {{#follow-up}}.",
                            written.join(" ")
                        ),
                    ));
                }
                // Only the checked anchor is kept: nothing else of a heading reaches the page.
                push(out, Node::Md(Event::Start(Tag::Heading { level, id, classes: Vec::new(), attrs: Vec::new() })));
            }
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::FootnoteReference(label) => push(out, Node::FootnoteRef(label.to_string())),
            Event::Start(Tag::MetadataBlock(_)) | Event::End(TagEnd::MetadataBlock(_)) => {}
            event => push(out, Node::Md(event)),
        }
    }
}

impl Builder<'_> {
    /// A heading's own anchor `{#name}` is kept only on a `##` heading, and only when it is a
    /// plain name that no other part of a page uses.
    fn check_anchor(&mut self, id: &str, level: HeadingLevel, line: u32) -> bool {
        let problem = if level != HeadingLevel::H2 {
            Some("Only a good practice's ## heading may be given a name for its anchor.".to_string())
        } else {
            anchor_problem(id)
        };
        if let Some(problem) = &problem {
            self.problems.push(Diagnostic::error(self.file, Some(line), format!("The anchor {{#{id}}} cannot be used. {problem}")));
        }
        problem.is_none()
    }
}

/// Why a good practice's own anchor is not acceptable, if it is not. Clashes with the ids of a
/// theme's templates are checked once the theme is loaded (`reserved_anchor`).
pub fn anchor_problem(id: &str) -> Option<String> {
    let plain = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !plain {
        return Some(
            "An anchor is a name of lower-case letters a–z, digits and hyphens, starting with a letter, e.g. {#follow-up}.".into(),
        );
    }
    if crate::paths::GENERATED_ID_PREFIXES.iter().any(|p| id.starts_with(p)) || id.ends_with("-title") {
        return Some(format!(
            "Names starting with {} or ending with -title are used by the pages themselves; choose another name.",
            crate::paths::GENERATED_ID_PREFIXES.join(", ")
        ));
    }
    None
}

fn is_external(url: &str) -> bool {
    crate::load::safe_url::check(url).is_ok_and(|kind| kind == crate::load::safe_url::Kind::External)
}

/// A paragraph whose only content is a box link becomes the box itself; a box link inside
/// running text is a mistake.
fn collapse_box_paragraphs(nodes: &mut Vec<Located>, file: &Path, problems: &mut Vec<Diagnostic>) {
    let mut out = Vec::with_capacity(nodes.len());
    let mut i = 0;
    while i < nodes.len() {
        let is_para = |n: &Located| matches!(n.node, Node::Md(Event::Start(Tag::Paragraph)));
        let is_end = |n: &Located| matches!(n.node, Node::Md(Event::End(TagEnd::Paragraph)));
        if i + 2 < nodes.len() && is_para(&nodes[i]) && is_end(&nodes[i + 2]) {
            if let Node::Box(_) = nodes[i + 1].node {
                out.push(nodes[i + 1].clone());
                i += 3;
                continue;
            }
        }
        if let Node::Box(name) = &nodes[i].node {
            problems.push(Diagnostic::error(
                file,
                Some(nodes[i].line),
                format!("The box [](box:{name}) must stand alone on its own line, with an empty line before and after it."),
            ));
        } else {
            out.push(nodes[i].clone());
        }
        i += 1;
    }
    *nodes = out;
}

/// Parses the inside of `[@VPs: 4]`, `[-@IGTs: 77]`, `[@CSBP, Flashpoint Issue 9: 6]`, `[@A: 1; @B]`.
pub fn parse_citation(raw: &str) -> Result<Citation, String> {
    let raw = raw.trim();
    let (bare, rest) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let mut items = Vec::new();
    for piece in rest.split(';') {
        let piece = piece.trim();
        let Some(piece) = piece.strip_prefix('@') else {
            return Err(format!("In the citation [{raw}], \"{piece}\" should start with @ and a source key, e.g. @VPs: 4."));
        };
        let key_end = piece.find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))).unwrap_or(piece.len());
        let key = piece[..key_end].trim_end_matches('.').to_string();
        let after_key = &piece[key.len()..];
        if key.is_empty() {
            return Err(format!("The citation [{raw}] has no source key after @: write it like [@VPs: 4]."));
        }
        let (part, locator) = match after_key.split_once(':') {
            Some((before, locator)) => (before, Some(locator.trim())),
            None => (after_key, None),
        };
        let part = part.trim();
        let part = if part.is_empty() {
            None
        } else if let Some(name) = part.strip_prefix(',') {
            Some(name.trim().to_string())
        } else {
            return Err(format!(
                "The citation [{raw}] is not understood: after the key \"{key}\" write a colon and the page, e.g. [@{key}: 4]."
            ));
        };
        let locator = locator.filter(|l| !l.is_empty()).map(str::to_string);
        items.push(CitationItem { key, part, locator });
    }
    Ok(Citation { bare, items })
}

/// A challenge's body split into good practices at its `##` headings.
#[derive(Debug, Clone, PartialEq)]
pub struct GoodPractice {
    /// The anchor: `gp-N` by position, unless the heading names one with `{#...}`.
    pub anchor: String,
    pub line: u32,
    pub heading: Vec<Located>,
    pub body: Vec<Located>,
}

pub fn split_good_practices(file: &Path, nodes: Vec<Located>, problems: &mut Vec<Diagnostic>) -> Vec<GoodPractice> {
    let mut practices: Vec<GoodPractice> = Vec::new();
    let mut in_heading = false;
    let mut reported_intro = false;
    for located in nodes {
        match &located.node {
            Node::Md(Event::Start(Tag::Heading { level: HeadingLevel::H2, id, .. })) => {
                let anchor = match id {
                    Some(id) => id.to_string(),
                    None => crate::paths::practice_anchor(practices.len() + 1),
                };
                practices.push(GoodPractice { anchor, line: located.line, heading: Vec::new(), body: Vec::new() });
                in_heading = true;
            }
            Node::Md(Event::End(TagEnd::Heading(HeadingLevel::H2))) => in_heading = false,
            _ => match practices.last_mut() {
                Some(practice) if in_heading => practice.heading.push(located),
                Some(practice) => practice.body.push(located),
                None => {
                    if !reported_intro {
                        reported_intro = true;
                        problems.push(Diagnostic::error(
                            file,
                            Some(located.line),
                            "This text comes before the first good practice and cannot be placed. Every good practice starts with a heading line beginning with \"## \"; the challenge's statement goes in the settings (statement = \"...\").",
                        ));
                    }
                }
            },
        }
    }
    let mut seen = BTreeMap::new();
    for practice in &mut practices {
        practice.heading.shrink_to_fit();
        practice.body.shrink_to_fit();
        if let Some(first) = seen.insert(practice.anchor.clone(), practice.line) {
            problems.push(Diagnostic::error(
                file,
                Some(practice.line),
                format!(
                    "Two good practices have the same anchor \"{}\" (the first is on line {first}). Give each a different {{#name}}.",
                    practice.anchor
                ),
            ));
        }
    }
    practices
}

/// A challenge written in the bullet form (an edition with `practices = "bullets"`), in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A `#` heading: one of the edition's parts ("Good Practices", "Practical Tools").
    Part(Vec<Located>),
    /// A paragraph between lists: a reference line ("(see …)") for the practices after it.
    Lead(Vec<Located>),
    /// Good practices, by their index in the challenge's list.
    Practices(std::ops::Range<usize>),
}

/// Splits a bullet-form body: each top-level list item is one good practice (its own text is
/// the heading, its nested list the body), `#` headings are parts, paragraphs reference lines.
pub fn split_listed_practices(file: &Path, nodes: Vec<Located>, problems: &mut Vec<Diagnostic>) -> (Vec<GoodPractice>, Vec<Block>) {
    let mut practices: Vec<GoodPractice> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    // Inside a top-level item: has its nested list begun?
    let mut in_body = false;
    for located in nodes {
        let (opens, closes) = match &located.node {
            Node::Md(Event::Start(_)) => (true, false),
            Node::Md(Event::End(_)) => (false, true),
            _ => (false, false),
        };
        if closes {
            depth -= 1;
        }
        match (depth, &located.node) {
            (0, Node::Md(Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }))) => blocks.push(Block::Part(Vec::new())),
            (0, Node::Md(Event::Start(Tag::Paragraph))) => blocks.push(Block::Lead(Vec::new())),
            (0, Node::Md(Event::Start(Tag::List(_)))) => blocks.push(Block::Practices(practices.len()..practices.len())),
            (0, Node::Md(Event::Start(tag))) => problems.push(Diagnostic::error(
                file,
                Some(located.line),
                if matches!(tag, Tag::Heading { .. }) {
                    "In this edition each good practice is a list item (\"- \"), and parts are headings with a single #: this heading cannot be placed."
                } else {
                    "This cannot be placed: in this edition a challenge is made of parts (lines beginning with \"# \"), reference lines (paragraphs) and lists of good practices (\"- \")."
                },
            )),
            (0, _) => {}
            (_, node) => match blocks.last_mut() {
                Some(Block::Part(inner) | Block::Lead(inner)) => inner.push(located.clone()),
                Some(Block::Practices(range)) => {
                    if depth == 1 {
                        if matches!(node, Node::Md(Event::Start(Tag::Item))) {
                            let anchor = crate::paths::practice_anchor(practices.len() + 1);
                            practices.push(GoodPractice { anchor, line: located.line, heading: Vec::new(), body: Vec::new() });
                            range.end = practices.len();
                            in_body = false;
                        }
                    } else {
                        if depth == 2 && matches!(node, Node::Md(Event::Start(Tag::List(_)))) {
                            in_body = true;
                        }
                        if let Some(practice) = practices.last_mut() {
                            if in_body { practice.body.push(located.clone()) } else { practice.heading.push(located.clone()) }
                        }
                    }
                }
                None => {}
            },
        }
        if opens {
            depth += 1;
        }
    }
    (practices, blocks)
}

/// Reports headings the page cannot hold: `#` is the page's own title.
pub fn check_headings(file: &Path, document: &Document, problems: &mut Vec<Diagnostic>) {
    for located in &document.nodes {
        if let Node::Md(Event::Start(Tag::Heading { level: HeadingLevel::H1, .. })) = located.node {
            problems.push(Diagnostic::error(
                file,
                Some(located.line),
                "A heading with a single # cannot be placed: the page title comes from the settings. Use ## for headings in the text.",
            ));
        }
    }
}

/// Checks footnotes within one document: every call has a note, every note is called, labels are unique.
pub fn check_footnotes(file: &Path, document: &Document, problems: &mut Vec<Diagnostic>) {
    let mut defined: BTreeMap<&str, u32> = BTreeMap::new();
    for footnote in &document.footnotes {
        if let Some(first) = defined.insert(&footnote.label, footnote.line) {
            problems.push(Diagnostic::error(
                file,
                Some(footnote.line),
                format!("The footnote [^{}] is written twice (first on line {first}). Keep one.", footnote.label),
            ));
        }
    }
    let mut called = std::collections::BTreeSet::new();
    for located in document.all_nodes() {
        if let Node::FootnoteRef(label) = &located.node {
            called.insert(label.as_str());
            if !defined.contains_key(label.as_str()) {
                problems.push(Diagnostic::error(
                    file,
                    Some(located.line),
                    format!("The footnote [^{label}] has no text: add a line \"[^{label}]: the note\" at the end of the file."),
                ));
            }
        }
    }
    for footnote in &document.footnotes {
        if !called.contains(footnote.label.as_str()) {
            problems.push(Diagnostic::warning(
                file,
                Some(footnote.line),
                format!(
                    "The footnote [^{}] is never called from the text: add [^{}] where it belongs, or remove the note.",
                    footnote.label, footnote.label
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    /// A document and its problems at once.
    fn parse_standalone(body: &str) -> (Document, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let document = parse(&std::path::PathBuf::from("test.md"), body, 1, &mut problems);
        (document, problems)
    }

    use super::*;

    fn citations(doc: &Document) -> Vec<Citation> {
        doc.all_nodes()
            .filter_map(|n| match &n.node {
                Node::Citation(c) => Some(c.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn citation_forms() {
        let c = parse_citation("@VPs: 4").unwrap();
        assert!(!c.bare);
        assert_eq!(c.items, vec![CitationItem { key: "VPs".into(), part: None, locator: Some("4".into()) }]);
        let c = parse_citation("@CSBP, Flashpoint Issue 9: 6").unwrap();
        assert_eq!(c.items[0].part.as_deref(), Some("Flashpoint Issue 9"));
        assert_eq!(c.items[0].locator.as_deref(), Some("6"));
        let c = parse_citation("-@IGTs: 77").unwrap();
        assert!(c.bare);
        let c = parse_citation("@VPs: 4; @IGTs: 14, 44").unwrap();
        assert_eq!(c.items.len(), 2);
        assert_eq!(c.items[1].locator.as_deref(), Some("14, 44"));
        let c = parse_citation("@ICoC: par. 59").unwrap();
        assert_eq!(c.items[0].locator.as_deref(), Some("par. 59"));
        let c = parse_citation("@GPs").unwrap();
        assert_eq!(c.items[0].locator, None);
        assert!(parse_citation("@VPs 4").is_err());
        assert!(parse_citation("@: 4").is_err());
    }

    #[test]
    fn finds_citations_refs_boxes_and_footnotes_with_lines() {
        let body = "## One\n\n- Text [@VPs: 4]. More [@MIGA: III-8]\n- See [](ref:2.3) and [x](ref:2.1.a#gp-2).\n\n[](box:ssr)\n\n## Two[^1]\n\n[^1]: A note [@IGTs: 14].\n";
        let (doc, problems) = parse_standalone(body);
        assert!(problems.is_empty(), "{problems:?}");
        let cites = citations(&doc);
        assert_eq!(cites.len(), 3);
        let lines: Vec<u32> = doc.nodes.iter().filter(|n| matches!(n.node, Node::Citation(_))).map(|n| n.line).collect();
        assert_eq!(lines, vec![3, 3]);
        assert!(doc.nodes.iter().any(|n| n.node == Node::RefStart("2.3".into()) && n.line == 4));
        assert!(doc.nodes.iter().any(|n| n.node == Node::Box("ssr".into()) && n.line == 6));
        assert_eq!(doc.footnotes.len(), 1);
        assert_eq!(doc.footnotes[0].line, 10);
        let practices = split_good_practices(Path::new("t.md"), doc.nodes, &mut Vec::new());
        assert_eq!(practices.iter().map(|p| p.anchor.as_str()).collect::<Vec<_>>(), ["gp-1", "gp-2"]);
    }

    #[test]
    fn raw_html_becomes_text_with_a_warning() {
        let (doc, problems) = parse_standalone("Hello <script>alert(1)</script>\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(doc.nodes.iter().all(|n| !matches!(n.node, Node::Md(Event::Html(_)) | Node::Md(Event::InlineHtml(_)))));
    }

    #[test]
    fn unknown_brackets_and_missing_footnotes_are_reported() {
        let (_, problems) = parse_standalone("Text [H1] and a note[^9].\n");
        assert!(problems.iter().any(|p| p.message.contains("[H1]")), "{problems:?}");
        assert!(problems.iter().any(|p| p.message.contains("[^9]")), "{problems:?}");
    }

    #[test]
    fn text_before_first_good_practice_cannot_be_placed() {
        let (doc, _) = parse_standalone("Intro\n\n## One\n");
        let mut problems = Vec::new();
        let practices = split_good_practices(Path::new("t.md"), doc.nodes, &mut problems);
        assert_eq!(practices.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(1));
    }

    #[test]
    fn explicit_anchor_and_duplicates() {
        let (doc, _) = parse_standalone("## One {#keep}\n\n## Two {#keep}\n");
        let mut problems = Vec::new();
        let practices = split_good_practices(Path::new("t.md"), doc.nodes, &mut problems);
        assert_eq!(practices[0].anchor, "keep");
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn relative_and_script_links_are_rejected() {
        let (_, problems) = parse_standalone("[a](../x/) [b](javascript:alert(1)) [c](https://ok.org)\n");
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn box_inside_text_is_an_error() {
        let (doc, problems) = parse_standalone("Some text [](box:x) here.\n");
        assert_eq!(problems.len(), 1);
        assert!(!doc.nodes.iter().any(|n| matches!(n.node, Node::Box(_))));
    }
}
