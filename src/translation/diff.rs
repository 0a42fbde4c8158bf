//! `toolkit i18n diff FILE`: what changed in English since this translation was stamped.

use std::path::Path;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::diagnostics::{Diagnostic, display_path};
use crate::load::frontmatter::read_translates;
use crate::model::Site;
use crate::translation::status::english_counterpart;
use crate::translation::{history, words};

/// A piece of a word-by-word comparison of two English texts, for the status page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// "same" (context), "removed", "added", or "gap" (unchanged text left out).
    pub kind: &'static str,
    pub text: String,
}

/// Words of context kept on each side of a change.
const CONTEXT_WORDS: usize = 6;

/// Texts longer than this (bytes, either side) are not compared word by word: the comparison
/// grows with the product of the two lengths, and a file pasted in whole must not stall every
/// build (the status page then shows the file as outdated, without the words; `toolkit i18n diff`
/// still compares it line by line). The toolkit's longest file is under 20 KB.
const MAX_WORD_DIFF_BYTES: usize = 100_000;

/// What changed between two texts, word by word: the changes with a few words around each,
/// unchanged stretches in between left out. Nothing for texts too long to compare.
pub fn word_changes(old: &str, new: &str) -> Vec<Change> {
    if old.len().max(new.len()) > MAX_WORD_DIFF_BYTES {
        return Vec::new();
    }
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<Change> = Vec::new();
    // Spaces are tokens of their own: twice the words, in tokens.
    for (n, group) in diff.grouped_ops(CONTEXT_WORDS * 2).iter().enumerate() {
        if n > 0 {
            out.push(Change { kind: "gap", text: "…".into() });
        }
        for op in group {
            for change in diff.iter_changes(op) {
                let kind = match change.tag() {
                    ChangeTag::Equal => "same",
                    ChangeTag::Delete => "removed",
                    ChangeTag::Insert => "added",
                };
                match out.last_mut() {
                    Some(last) if last.kind == kind => last.text.push_str(change.value()),
                    _ => out.push(Change { kind, text: change.value().to_string() }),
                }
            }
        }
    }
    out
}

/// What changed in a content file's English text since the version stamped `stamp`, in the
/// words a translator translates; nothing when that version is not in the history.
pub fn file_changes(root: &Path, english_file: &Path, stamp: &str) -> Vec<Change> {
    let Some(old) = history::find_version(root, english_file, stamp) else { return Vec::new() };
    let now = std::fs::read_to_string(root.join(english_file)).unwrap_or_default();
    word_changes(&words::readable_text(&old.text), &words::readable_text(&now))
}

pub fn english_changes(root: &Path, site: &Site, file: &Path) -> Result<String, Diagnostic> {
    let english = english_counterpart(site, file).ok_or_else(|| {
        Diagnostic::error(file, None, "This is not a translated file: give a file under content/<language>/ or i18n/<language>/.")
    })?;
    let text = std::fs::read_to_string(root.join(file))
        .map_err(|error| Diagnostic::error(file, None, format!("The file could not be read: {error}.")))?;
    let current = std::fs::read_to_string(root.join(&english))
        .map_err(|_| Diagnostic::error(file, None, format!("Its English original {} does not exist.", display_path(&english))))?;
    let stamp = read_translates(file, &text);
    let english_name = display_path(&english);
    let Some(stamp) = stamp else {
        return Ok(format!(
            "{} has never been stamped, so it is not known which English text it translates.\nCompare it with {english_name} and, once it matches, run: toolkit i18n stamp {}\n",
            display_path(file),
            display_path(file)
        ));
    };
    let Some(old) = history::find_version(root, &english, &stamp) else {
        return Ok(format!(
            "The English text this translation was made from ({stamp}) is not in the project's history (git), so the changes cannot be shown.\nCompare the translation with the whole of {english_name}, then run: toolkit i18n stamp {}\n",
            display_path(file)
        ));
    };
    if old.commit.is_none() {
        return Ok(format!("Up to date: {english_name} has not changed since this translation was stamped.\n"));
    }
    let commit = old.commit.as_deref().unwrap_or_default();
    let short = &commit[..commit.len().min(10)];
    Ok(history::unified(&old.text, &current, &format!("{english_name} (as translated, {short})"), &format!("{english_name} (now)")))
}
