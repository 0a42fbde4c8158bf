//! Full-text search, built ahead of time: a tantivy index per language (kept in
//! `.toolkit/search/` for `toolkit search`) and its export for the browser (`search/` in the site).

pub mod analyzer;
pub mod documents;
pub mod engine;
pub mod export;
pub mod index;
pub mod query;
mod words;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::load::localize::Localizer;
use crate::model::Site;
use documents::SearchDocument;
use index::LanguageIndex;

/// Where the last build keeps its indexes, relative to the project root.
pub const INDEX_FOLDER: &str = ".toolkit/search";

/// Bumped when what is kept on disk changes, so older kept indexes are rebuilt.
pub const FORMAT: u32 = 4;

/// Names everything the indexes are made from: the analysis and every content and interface
/// file. An index whose fingerprint differs is out of date.
pub fn fingerprint(root: &Path) -> String {
    let mut text = format!("analyzer {} format {}\n", analyzer::VERSION, FORMAT);
    for folder in ["content", "i18n"] {
        let walk = walkdir::WalkDir::new(root.join(folder)).sort_by_file_name();
        for entry in walk.into_iter().flatten().filter(|e| e.file_type().is_file()) {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            text.push_str(&format!("{} {}\n", entry.path().display(), crate::hash::text_hash(&String::from_utf8_lossy(&bytes))));
        }
    }
    crate::hash::text_hash(&text)
}

/// Indexes every language; with `keep_in`, kept there (one folder per language).
pub fn index_site(site: &Site, ui: &Localizer, keep_in: Option<&Path>) -> Result<Vec<LanguageIndex>, String> {
    site.config.languages.par_iter().map(|language| index_language(site, ui, &language.code, keep_in)).collect()
}

/// Indexes one language; with `keep_in`, its documents and engine are kept there (in a folder of
/// the language's code) for `toolkit search`.
pub fn index_language(site: &Site, ui: &Localizer, lang: &str, keep_in: Option<&Path>) -> Result<LanguageIndex, String> {
    let documents = documents::collect(site, ui, lang);
    let index = LanguageIndex::build(lang, documents, synonyms(site, lang))
        .map_err(|e| format!("The search index for {lang} could not be built: {e}."))?;
    if let Some(dir) = keep_in.map(|d| d.join(lang)) {
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        write_json(&dir.join("documents.json"), &index.documents)?;
        write_json(&dir.join("engine.json"), &index.engine)?;
    }
    Ok(index)
}

/// The glossary of `lang` as synonyms: each abbreviation (and its plural in -s) and the term
/// it stands for, as query terms. A term without an abbreviation in `lang` takes the reference language's
/// (Chinese has no "MoU", but readers type it).
pub fn synonyms(site: &Site, lang: &str) -> Vec<engine::Synonym> {
    let reference = site.glossary(site.default_language());
    let mut synonyms: Vec<engine::Synonym> = Vec::new();
    for found in site.glossary(lang) {
        let term = found.item;
        let abbr = term.abbr.as_deref().or_else(|| reference.iter().find(|r| r.item.id == term.id).and_then(|r| r.item.abbr.as_deref()));
        let Some(abbr) = abbr.filter(|a| !a.trim().is_empty()) else { continue };
        let (short, long) = (engine::side_terms(lang, abbr), engine::side_terms(lang, &term.term));
        let mut pairs = vec![[short.clone(), long.clone()]];
        // The plural the text may write ("NGOs", "MoUs"), which the stemmer keeps apart.
        let plural = engine::side_terms(lang, &format!("{abbr}s"));
        if short.len() == 1 && plural.len() == 1 && plural != short && !plural[0].chars().any(analyzer::is_han) {
            pairs.push([plural.clone(), long]);
            pairs.push([short, plural]);
        }
        for sides in pairs {
            if sides.iter().all(|s| !s.is_empty()) && sides[0] != sides[1] && !synonyms.contains(&sides) {
                synonyms.push(sides);
            }
        }
    }
    synonyms
}

/// Written as it is serialised: a large site's documents are tens of megabytes of JSON.
fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), String> {
    use std::io::Write;
    let failed = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| failed(&e))?);
    serde_json::to_writer(&mut file, value).map_err(|e| failed(&e))?;
    file.flush().map_err(|e| failed(&e))
}

/// Replaces the kept indexes with those just built in `fresh`, stamped with `fingerprint`.
pub fn keep(root: &Path, fresh: &Path, fingerprint: &str) -> std::io::Result<()> {
    std::fs::write(fresh.join("fingerprint"), fingerprint)?;
    let kept = root.join(INDEX_FOLDER);
    let retired = root.join(format!("{INDEX_FOLDER}.old-{}", std::process::id()));
    crate::outputs::staging::replace(fresh, &kept, &retired)?;
    let _ = std::fs::remove_dir_all(retired);
    Ok(())
}

/// A folder next to the kept indexes to build new ones in.
pub fn fresh_folder(root: &Path) -> PathBuf {
    let kept = root.join(INDEX_FOLDER);
    if let (Some(parent), Some(name)) = (kept.parent(), kept.file_name()) {
        crate::outputs::staging::clear_leftovers(parent, &format!("{}.", name.to_string_lossy()));
    }
    root.join(format!("{INDEX_FOLDER}.new-{}", std::process::id()))
}

/// The kept index of `lang` when it is current; `None` when it must be rebuilt.
pub fn open_kept(root: &Path, lang: &str) -> Option<LanguageIndex> {
    let kept = root.join(INDEX_FOLDER);
    let stamp = std::fs::read_to_string(kept.join("fingerprint")).ok()?;
    if stamp != fingerprint(root) {
        return None;
    }
    let dir = kept.join(lang);
    let documents: Vec<SearchDocument> = serde_json::from_slice(&std::fs::read(dir.join("documents.json")).ok()?).ok()?;
    let engine = serde_json::from_slice(&std::fs::read(dir.join("engine.json")).ok()?).ok()?;
    Some(LanguageIndex::open(lang, documents, engine))
}

/// Letters and digits other than Chinese: a snippet never cuts between two of them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !analyzer::is_han(c)
}

/// The passage of about `width` characters with the most different matching terms (then the
/// most matches next to another, as in a phrase, then the most matches), cut between words (between characters in Chinese); matches marked with
/// `mark(word)`. The same choice as `snippet` in search.js.
pub fn snippet(lang: &str, text: &str, terms: &[String], width: usize, mark: impl Fn(&str) -> String) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |byte: usize| chars.partition_point(|&(i, _)| i < byte);
    let all = analyzer::Analyzer::new(lang).index_tokens(text);
    let wanted = |t: &analyzer::Token| terms.contains(&t.term);
    // Matches as (from, to, term, 1 when the word before is the query's term before: a phrase).
    let spans: Vec<(usize, usize, &str, usize)> = all
        .iter()
        .enumerate()
        .filter(|(_, t)| wanted(t))
        .map(|(i, t)| {
            let at = terms.iter().position(|x| *x == t.term);
            let after = i > 0 && at.is_some_and(|at| at > 0 && terms.iter().position(|x| *x == all[i - 1].term) == Some(at - 1));
            (char_at(t.from), char_at(t.to), t.term.as_str(), usize::from(after))
        })
        .collect();
    let tokens: Vec<&analyzer::Token> = all.iter().filter(|t| wanted(t)).collect();
    let mut best = ((0usize, 0usize, 0usize), 0usize); // ((distinct, next to a match, matches), start)
    for &(from, ..) in &spans {
        let start = from.saturating_sub(width / 3);
        let inside: Vec<&(usize, usize, &str, usize)> = spans.iter().filter(|s| s.0 >= start && s.1 <= start + width).collect();
        let distinct = inside.iter().map(|s| s.2).collect::<BTreeSet<_>>().len();
        let value = (distinct, inside.iter().map(|s| s.3).sum(), inside.len());
        if value > best.0 {
            best = (value, start);
        }
    }
    let word = |i: usize| chars.get(i).is_some_and(|&(_, c)| is_word_char(c));
    let mut start = best.1.min(chars.len());
    // Back to the start of the word cut (at most 20 characters), else on to its end.
    if start > 0 && word(start - 1) && word(start) {
        let back = (start.saturating_sub(20)..start).rev().find(|&i| i == 0 || !word(i - 1));
        start = back.unwrap_or_else(|| (start..chars.len()).find(|&i| !word(i)).unwrap_or(chars.len()));
    }
    // Back to the end of the last whole word (at most 20 characters), else on to its end.
    let mut end = (start + width).min(chars.len());
    if end > start && end < chars.len() && word(end - 1) && word(end) {
        let back = (end.saturating_sub(20).max(start + 1)..end).rev().find(|&i| !word(i - 1) || !word(i));
        end = back.unwrap_or_else(|| (end..chars.len()).find(|&i| !word(i)).unwrap_or(chars.len()));
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let (start, end) = (byte(start), byte(end));
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    // Overlapping matches (a Chinese word's bigrams) are marked as one.
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for token in tokens.iter().filter(|t| t.from >= start && t.to <= end) {
        match marks.last_mut() {
            Some(last) if token.from < last.1 => last.1 = last.1.max(token.to),
            _ => marks.push((token.from, token.to)),
        }
    }
    let mut cursor = start;
    for (from, to) in marks {
        out.push_str(&text[cursor..from]);
        out.push_str(&mark(&text[from..to]));
        cursor = to;
    }
    out.push_str(&text[cursor..end]);
    if end < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
