//! Full-text search, built ahead of time: a tantivy index per language (kept in
//! `.toolkit/search/` for `toolkit search`) and its export for the browser (`search/` in the site).

pub mod analyzer;
pub mod documents;
pub mod export;
pub mod index;
pub mod query;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::load::localize::Localizer;
use crate::model::Site;
use crate::outputs::staging::OutputFile;
use documents::SearchDocument;
use index::LanguageIndex;

/// Where the last build keeps its indexes, relative to the project root.
pub const INDEX_FOLDER: &str = ".toolkit/search";

/// Names everything the indexes are made from: the analysis and every content and interface
/// file. An index whose fingerprint differs is out of date.
pub fn fingerprint(root: &Path) -> String {
    let mut text = format!("analyzer {}\n", analyzer::VERSION);
    for folder in ["content", "i18n"] {
        let walk = walkdir::WalkDir::new(root.join(folder)).sort_by_file_name();
        for entry in walk.into_iter().flatten().filter(|e| e.file_type().is_file()) {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            text.push_str(&format!("{} {}\n", entry.path().display(), crate::hash::text_hash(&String::from_utf8_lossy(&bytes))));
        }
    }
    crate::hash::text_hash(&text)
}

/// Indexes every language; with `keep_in`, on disk there (one folder per language).
pub fn index_site(site: &Site, ui: &Localizer, keep_in: Option<&Path>) -> Result<Vec<LanguageIndex>, String> {
    site.config
        .languages
        .par_iter()
        .map(|language| {
            let lang = language.code.as_str();
            let documents = documents::collect(site, ui, lang);
            let dir = keep_in.map(|d| d.join(lang));
            let index = LanguageIndex::build(lang, documents, dir.as_ref().map(|d| d.join("tantivy")).as_deref())
                .map_err(|e| format!("The search index for {lang} could not be built: {e}."))?;
            if let Some(dir) = dir {
                write_json(&dir.join("documents.json"), &index.documents)?;
                write_json(&dir.join("lexicon.json"), &index.lexicon)?;
            }
            Ok(index)
        })
        .collect()
}

fn write_json(path: &Path, value: &impl serde::Serialize) -> Result<(), String> {
    let json = serde_json::to_vec(value).map_err(|e| e.to_string())?;
    std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))
}

/// The browser's index files for the whole site.
pub fn export_site(indexes: &[LanguageIndex], ui: &Localizer) -> Result<Vec<OutputFile>, String> {
    let per_language: Result<Vec<Vec<OutputFile>>, String> = indexes
        .par_iter()
        .map(|index| export::export(index, ui).map_err(|e| format!("The search index for {} could not be exported: {e}.", index.lang)))
        .collect();
    Ok(per_language?.into_iter().flatten().collect())
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
    let lexicon = serde_json::from_slice(&std::fs::read(dir.join("lexicon.json")).ok()?).ok()?;
    LanguageIndex::open(lang, &dir.join("tantivy"), documents, lexicon).ok()
}

/// A snippet of `text` around the first word matching one of `terms`, matches marked with
/// `mark(word)`; at most about `width` characters.
pub fn snippet(lang: &str, text: &str, terms: &[String], width: usize, mark: impl Fn(&str) -> String) -> String {
    let tokens: Vec<analyzer::Token> =
        analyzer::Analyzer::new(lang).index_tokens(text).into_iter().filter(|t| terms.contains(&t.term)).collect();
    let first = tokens.first().map_or(0, |t| t.from);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = chars.iter().position(|&(i, _)| i >= first).unwrap_or(0);
    let start_char = at.saturating_sub(width / 3);
    let end_char = (start_char + width).min(chars.len());
    let start = chars.get(start_char).map_or(text.len(), |&(i, _)| i);
    let end = chars.get(end_char).map_or(text.len(), |&(i, _)| i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut cursor = start;
    for token in tokens.iter().filter(|t| t.from >= start && t.to <= end) {
        if token.from < cursor {
            continue;
        }
        out.push_str(&text[cursor..token.from]);
        out.push_str(&mark(&text[token.from..token.to]));
        cursor = token.to;
    }
    out.push_str(&text[cursor..end]);
    if end < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
