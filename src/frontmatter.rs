//! The settings block at the top of every content file:
//!
//! ```text
//! +++
//! title = "Security arrangements"
//! +++
//! Markdown...
//! ```

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, LineIndex};

const FENCE: &str = "+++";

/// A content file split into its settings and its Markdown body.
#[derive(Debug)]
pub struct Parsed<T> {
    pub meta: T,
    pub body: String,
    /// Line of the file on which the body starts (1-based), so Markdown problems point at the file.
    pub body_line: u32,
}

pub fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<Parsed<T>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != FENCE {
        return Err(Diagnostic::error(
            file,
            Some(1),
            "The file must start with a line containing only +++, then its settings (such as title = \"...\"), then another line +++.",
        ));
    }
    let settings_start = first.len();
    let mut offset = settings_start;
    let mut settings_end = None;
    for line in lines {
        if line.trim_end() == FENCE {
            settings_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((settings_end, body_start)) = settings_end else {
        return Err(Diagnostic::error(
            file,
            Some(1),
            "The settings block opened by +++ on line 1 is never closed: add a line containing only +++ after the settings.",
        ));
    };
    let settings = &text[settings_start..settings_end];
    let index = LineIndex::new(text);
    let meta = toml::from_str::<T>(settings).map_err(|error| {
        let line = error.span().map(|span| index.line_of(settings_start + span.start));
        Diagnostic::error(file, line.or(Some(2)), explain_toml_error(&error, "The settings at the top of the file"))
    })?;
    Ok(Parsed { meta, body: text[body_start..].to_string(), body_line: index.line_of(body_start) })
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
    fn requires_both_fences() {
        assert!(parse::<Meta>(Path::new("x.md"), "title = \"T\"\n").is_err());
        let error = parse::<Meta>(Path::new("x.md"), "+++\ntitle = \"T\"\n").unwrap_err();
        assert!(error.message.contains("never closed"));
    }
}
