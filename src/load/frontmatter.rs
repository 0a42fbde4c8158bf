//! The settings block at the top of every content file, the TOML files beside it, and the stamp
//! that records which English text a translation translates (`toolkit i18n stamp`):
//!
//! ```text
//! +++
//! title = "Security arrangements"
//! translates = "0123456789abcdef"
//! +++
//! Markdown...
//! ```
//!
//! A TOML file (the glossary) records the stamp as a top-level `translates = "..."`, a Fluent
//! file as a comment line `# translates: ...`. Everything that reads or writes a stamp goes
//! through `read_translates`, `set_translates` and `outdated` here.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, LineIndex};

/// The line that opens and closes the settings block.
pub const FENCE: &str = "+++";

/// A content file split into its settings and its Markdown body.
#[derive(Debug)]
pub struct Parsed<T> {
    pub meta: T,
    pub body: String,
    /// Line of the file on which the body starts (1-based), so Markdown problems point at the file.
    pub body_line: u32,
}

/// Where the settings block of a file (without its byte-order mark) sits.
enum Block {
    /// The first line is not `+++`.
    Missing,
    /// No second `+++` line.
    Unclosed,
    /// The settings between the fences, and where the body starts.
    Found { settings: Range<usize>, body: usize },
}

fn block(text: &str) -> Block {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != FENCE {
        return Block::Missing;
    }
    let mut offset = first.len();
    for line in lines {
        if line.trim_end() == FENCE {
            return Block::Found { settings: first.len()..offset, body: offset + line.len() };
        }
        offset += line.len();
    }
    Block::Unclosed
}

pub fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<Parsed<T>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (settings, body_start) = match block(text) {
        Block::Found { settings, body } => (settings, body),
        Block::Missing => {
            return Err(Diagnostic::error(
                file,
                Some(1),
                "The file must start with a line containing only +++, then its settings (such as title = \"...\"), then another line +++.",
            ));
        }
        Block::Unclosed => {
            return Err(Diagnostic::error(
                file,
                Some(1),
                "The settings block opened by +++ on line 1 is never closed: add a line containing only +++ after the settings.",
            ));
        }
    };
    let index = LineIndex::new(text);
    let meta = from_toml(file, &text[settings.clone()], "The settings at the top of the file", |span| {
        Some(span.map_or(2, |span| index.line_of(settings.start + span.start)))
    })?;
    Ok(Parsed { meta, body: text[body_start..].to_string(), body_line: index.line_of(body_start) })
}

/// A whole TOML file (site settings, sources, glossary) read as `T`, or a problem on the line
/// where it cannot be read. `what` names the file in the message, e.g. "The glossary".
pub fn toml_file<T: DeserializeOwned>(file: &Path, text: &str, what: &str) -> Result<T, Diagnostic> {
    from_toml(file, text, what, |span| span.map(|span| LineIndex::new(text).line_of(span.start)))
}

/// `text` read as `T`; `line` places an error, given the span of the error in `text`.
fn from_toml<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    what: &str,
    line: impl FnOnce(Option<Range<usize>>) -> Option<u32>,
) -> Result<T, Diagnostic> {
    toml::from_str::<T>(text).map_err(|error| Diagnostic::error(file, line(error.span()), explain_toml_error(&error, what)))
}

/// The line (1-based) of the first setting `name = ...` in a settings block or TOML file.
pub fn setting_line(text: &str, name: &str) -> Option<u32> {
    line_of_setting_in(text, name).map(|(line, _)| line)
}

/// Whether `line` sets `name` (`name = ...`).
pub fn is_setting(line: &str, name: &str) -> bool {
    line.trim_start().strip_prefix(name).is_some_and(|rest| rest.trim_start().starts_with('='))
}

/// The line number and byte range (with its line ending) of the first line `name = ...`.
fn line_of_setting_in(text: &str, name: &str) -> Option<(u32, Range<usize>)> {
    let mut offset = 0;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        if is_setting(line, name) {
            return Some((number as u32 + 1, offset..offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// How a translation records its stamp, by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StampFormat {
    /// `translates = "HASH"` in the settings block of a Markdown file.
    Settings,
    /// A top-level `translates = "HASH"` in a TOML file.
    Toml,
    /// A comment line `# translates: HASH` in a Fluent file.
    Fluent,
}

impl StampFormat {
    fn of(file: &Path) -> Option<StampFormat> {
        match file.extension().and_then(|e| e.to_str()) {
            Some("md") => Some(StampFormat::Settings),
            Some("toml") => Some(StampFormat::Toml),
            Some("ftl") => Some(StampFormat::Fluent),
            _ => None,
        }
    }
}

const FLUENT_STAMP: &str = "# translates:";

/// The settings block or TOML file, as far as the stamp is concerned.
#[derive(Deserialize)]
struct Stamp {
    translates: Option<String>,
}

/// The stamp `file` (of content `text`) records: the hash of the English text it translates.
/// `None` when it has none, or when it is not a kind of file that can be stamped.
pub fn read_translates(file: &Path, text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match StampFormat::of(file)? {
        StampFormat::Settings => match block(text) {
            Block::Found { settings, .. } => toml::from_str::<Stamp>(&text[settings]).ok()?.translates,
            _ => None,
        },
        StampFormat::Toml => toml::from_str::<Stamp>(text).ok()?.translates,
        StampFormat::Fluent => text.lines().find_map(|l| l.strip_prefix(FLUENT_STAMP).map(|h| h.trim().to_string())),
    }
}

/// `text` of `file` with its stamp set to `hash`, replacing an earlier one. The file keeps its
/// line endings (Windows or Unix) and byte-order mark.
pub fn set_translates(file: &Path, text: &str, hash: &str) -> Result<String, Diagnostic> {
    let format =
        StampFormat::of(file).ok_or_else(|| Diagnostic::error(file, None, "Only .md, .toml and .ftl translations can be stamped."))?;
    in_file_format(text, |text| match format {
        StampFormat::Settings => set_in_settings(text, hash)
            .ok_or_else(|| Diagnostic::error(file, Some(1), "The file has no settings block (+++ ... +++) to record the stamp in.")),
        StampFormat::Toml => {
            let mut document: toml_edit::DocumentMut =
                text.parse().map_err(|e| Diagnostic::error(file, None, format!("The file is not valid TOML: {e}")))?;
            document["translates"] = toml_edit::value(hash);
            Ok(document.to_string())
        }
        StampFormat::Fluent => {
            let rest: String = text.split_inclusive('\n').filter(|l| !l.starts_with(FLUENT_STAMP)).collect();
            Ok(format!("{FLUENT_STAMP} {hash}\n{rest}"))
        }
    })
}

/// Sets `translates = "HASH"` inside the `+++` block, replacing an earlier stamp.
fn set_in_settings(text: &str, hash: &str) -> Option<String> {
    let Block::Found { settings, .. } = block(text) else { return None };
    let stamp = format!("translates = \"{hash}\"\n");
    let at = match line_of_setting_in(&text[settings.clone()], "translates") {
        Some((_, line)) => settings.start + line.start..settings.start + line.end,
        None => settings.end..settings.end,
    };
    Some(format!("{}{stamp}{}", &text[..at.start], &text[at.end..]))
}

/// Applies `change` to `text` as if it had Unix line endings and no byte-order mark, and gives
/// the result back in the file's own format (Windows line endings stay Windows line endings).
pub fn in_file_format<E>(text: &str, change: impl FnOnce(&str) -> Result<String, E>) -> Result<String, E> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(body) => ("\u{feff}", body),
        None => ("", text),
    };
    let windows = body.contains("\r\n");
    let changed = change(&body.replace("\r\n", "\n"))?;
    Ok(format!("{bom}{}", if windows { changed.replace('\n', "\r\n") } else { changed }))
}

/// Whether a translation matches the English text it was stamped against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Freshness {
    /// Stamped with the current English text's hash.
    Current,
    /// Never stamped.
    NotStamped,
    /// Stamped against an earlier English text.
    Changed,
    /// The stamp is not a hash the stamp command writes (it was edited by hand).
    NotAStamp(String),
}

/// The one rule for "is this translation behind its English original?": its stamp
/// (`translates`) against the hash of the English text now.
pub fn outdated(translates: Option<&str>, english_hash: &str) -> Freshness {
    match translates {
        Some(hash) if hash == english_hash => Freshness::Current,
        Some(hash) if !crate::hash::is_hash(hash) => Freshness::NotAStamp(hash.to_string()),
        Some(_) => Freshness::Changed,
        None => Freshness::NotStamped,
    }
}

impl Freshness {
    pub fn is_current(&self) -> bool {
        *self == Freshness::Current
    }

    /// Why the translation is outdated, in words for translators; `None` when it is current.
    pub fn reason(&self) -> Option<String> {
        match self {
            Freshness::Current => None,
            Freshness::NotAStamp(hash) => Some(format!(
                "its stamp translates = \"{hash}\" was not written by the stamp command (it may have been edited by hand), so which English text it translates is not known: check it against English, then run toolkit i18n stamp on it"
            )),
            Freshness::Changed => Some("the English text changed after this translation was stamped".into()),
            Freshness::NotStamped => Some("not stamped yet: after checking it against English, run toolkit i18n stamp on it".into()),
        }
    }
}

/// Turns the TOML parser's message into a sentence for someone who is not a programmer.
/// `what` names what could not be read, e.g. "The list of sources".
pub fn explain_toml_error(error: &toml::de::Error, what: &str) -> String {
    let detail = plain_words(error.message().trim().replace('\n', " "));
    let hint = if detail.contains("missing field") {
        " Add the missing setting."
    } else if detail.contains("unknown field") {
        " Check the spelling of the setting's name."
    } else if detail.contains("invalid") || detail.contains("expected") {
        " Text values need straight double quotes around them, e.g. title = \"Training\"; a quote inside the text is written \\\"."
    } else {
        ""
    };
    format!("{what} could not be read: {detail}.{hint}")
}

/// The parser's names for kinds of values, in the words of the settings files.
fn plain_words(detail: String) -> String {
    [
        ("sequence", "a list in square brackets [...]"),
        ("a map", "a table"),
        ("map", "table"),
        ("in document root", "in the settings"),
        ("basic string", "text in double quotes"),
        ("literal string", "text in single quotes"),
    ]
    .iter()
    .fold(detail, |text, (word, plain)| text.replace(word, plain))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Meta {
        title: String,
    }

    #[test]
    fn splits_settings_and_body() {
        let parsed: Parsed<Meta> = parse(Path::new("x.md"), "+++\ntitle = \"T\"\n+++\n\n## Hi\n").unwrap();
        assert_eq!(parsed.meta.title, "T");
        assert_eq!(parsed.body, "\n## Hi\n");
        assert_eq!(parsed.body_line, 4);
    }

    #[test]
    fn reports_the_line_of_a_bad_setting() {
        let error = parse::<Meta>(Path::new("x.md"), "+++\n\ntitle = Training\n+++\n").unwrap_err();
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("double quotes"), "{}", error.message);
    }

    #[test]
    fn reports_unknown_and_missing_settings() {
        let error = parse::<Meta>(Path::new("x.md"), "+++\ntitel = \"T\"\n+++\n").unwrap_err();
        assert!(error.message.contains("titel"), "{}", error.message);
        let error = parse::<Meta>(Path::new("x.md"), "+++\n+++\n").unwrap_err();
        assert!(error.message.contains("title"), "{}", error.message);
    }

    #[test]
    fn stamps_settings_once() {
        let md = Path::new("a.md");
        let text = "+++\nstatement = \"x\"\n+++\n## A\n";
        let once = set_translates(md, text, "abc").unwrap();
        assert_eq!(once, "+++\nstatement = \"x\"\ntranslates = \"abc\"\n+++\n## A\n");
        let twice = set_translates(md, &once, "def").unwrap();
        assert_eq!(twice, "+++\nstatement = \"x\"\ntranslates = \"def\"\n+++\n## A\n");
        assert_eq!(read_translates(md, &twice).as_deref(), Some("def"));
        assert_eq!(setting_line(&twice, "translates"), Some(3));
        assert!(set_translates(md, "## no settings\n", "x").is_err());
        assert_eq!(read_translates(md, text), None);
    }

    #[test]
    fn stamps_fluent_and_toml_files() {
        let ftl = Path::new("site.ftl");
        assert_eq!(set_translates(ftl, "# translates: old\na = b\n", "new").unwrap(), "# translates: new\na = b\n");
        assert_eq!(read_translates(ftl, "# translates: new\na = b\n").as_deref(), Some("new"));
        let glossary = Path::new("glossary.toml");
        let toml = set_translates(glossary, "[[term]]\nid = \"x\"\nterm = \"y\"\n", "h").unwrap();
        assert!(toml.starts_with("translates = \"h\"\n"), "{toml}");
        assert_eq!(read_translates(glossary, &toml).as_deref(), Some("h"));
        assert!(set_translates(Path::new("a.txt"), "", "h").is_err());
    }

    #[test]
    fn keeps_the_line_endings_and_mark_of_the_file() {
        let windows = "\u{feff}+++\r\nstatement = \"x\"\r\n+++\r\n## A\r\n";
        let stamped = set_translates(Path::new("a.md"), windows, "abc").unwrap();
        assert_eq!(stamped, "\u{feff}+++\r\nstatement = \"x\"\r\ntranslates = \"abc\"\r\n+++\r\n## A\r\n");
    }

    #[test]
    fn one_rule_for_outdated() {
        let hash = crate::hash::text_hash("English");
        assert!(outdated(Some(&hash), &hash).is_current());
        assert_eq!(outdated(None, &hash), Freshness::NotStamped);
        assert_eq!(outdated(Some("0123456789abcdef"), &hash), Freshness::Changed);
        assert!(outdated(Some("nonsense"), &hash).reason().unwrap().contains("was not written by the stamp command"));
    }

    #[test]
    fn requires_both_fences() {
        assert!(parse::<Meta>(Path::new("x.md"), "title = \"T\"\n").is_err());
        let error = parse::<Meta>(Path::new("x.md"), "+++\ntitle = \"T\"\n").unwrap_err();
        assert!(error.message.contains("never closed"));
    }
}
