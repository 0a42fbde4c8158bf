//! The browser's copy of the index: small script files under `search/<lang>/`, loaded by
//! `search.js` only as a query needs them. Script files (not JSON fetched with XHR) so search
//! also works when the site is opened from disk.
//!
//! - `index.js`: how many documents, their chapters (for the filter), the first key of each
//!   term file, the stop words and stem overrides (so the browser drops and stems exactly as
//!   tantivy did).
//! - `t-<n>.js`: a run of terms in alphabetical order, about `TERMS_FILE_BYTES` each: for each
//!   term, each document's score (tantivy's BM25 over the weighted parts, ×100); and the
//!   lexicon's unaccented spellings that sort in the same run.
//! - `d-<n>.js`: the documents themselves (title, address, breadcrumb, text for snippets), a
//!   few per file, fetched only for the results shown.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::analyzer::{stem_overrides, stop_words};
use super::index::LanguageIndex;
use crate::load::localize::Localizer;
use crate::outputs::staging::OutputFile;

/// Documents per `d-<n>.js` file. Results are scattered across the index, so each one shown
/// costs a file: two per file fetch a third to a half of the bytes eight did on a large
/// site (bench/README.md), for more, smaller files on disk.
pub const DOCUMENTS_PER_FILE: usize = 2;

/// About how large a `t-<n>.js` file grows before the next one starts: small enough that a
/// query fetches little, large enough that a big site does not become thousands of files.
pub const TERMS_FILE_BYTES: usize = 8 * 1024;

/// One key of the term files: a term with its postings, or a spelling with its term.
enum Entry {
    Term(Value),
    Spelling(String),
}

fn script(lang: &str, name: &str, data: &Value) -> OutputFile {
    let json = serde_json::to_string(data).expect("search data serialises");
    OutputFile {
        path: format!("{}{name}.js", crate::paths::search_data(lang)),
        bytes: format!("toolkitSearchData({},{},{json});\n", Value::from(lang), Value::from(name)).into_bytes(),
    }
}

pub fn export(index: &LanguageIndex, ui: &Localizer) -> tantivy::Result<Vec<OutputFile>> {
    let lang = index.lang.as_str();
    // Terms and lexicon spellings share one alphabetical key space, cut into runs.
    let mut entries: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for (term, postings) in index.postings()? {
        let flat: Vec<Value> = postings.iter().flat_map(|&(doc, score)| [json!(doc), json!((score * 100.0).round() as u64)]).collect();
        entries.entry(term).or_default().push(Entry::Term(Value::Array(flat)));
    }
    for (spelling, term) in &index.lexicon {
        entries.entry(spelling.clone()).or_default().push(Entry::Spelling(term.clone()));
    }
    let mut files = Vec::new();
    let mut first_keys: Vec<String> = Vec::new();
    let (mut terms, mut lexicon, mut size) = (serde_json::Map::new(), serde_json::Map::new(), 0);
    for (key, values) in entries {
        if first_keys.is_empty() || size >= TERMS_FILE_BYTES {
            if !first_keys.is_empty() {
                let data = json!({ "t": std::mem::take(&mut terms), "w": std::mem::take(&mut lexicon) });
                files.push(script(lang, &format!("t-{}", first_keys.len() - 1), &data));
                size = 0;
            }
            first_keys.push(key.clone());
        }
        for value in values {
            size += key.len() + 8;
            match value {
                Entry::Term(postings) => {
                    size += postings.to_string().len();
                    terms.insert(key.clone(), postings);
                }
                Entry::Spelling(term) => {
                    size += term.len();
                    lexicon.insert(key.clone(), Value::from(term));
                }
            }
        }
    }
    if !first_keys.is_empty() {
        files.push(script(lang, &format!("t-{}", first_keys.len() - 1), &json!({ "t": terms, "w": lexicon })));
    }
    for (n, chunk) in index.documents.chunks(DOCUMENTS_PER_FILE).enumerate() {
        let documents: Vec<Value> = chunk
            .iter()
            .map(|d| {
                let mut text = d.lead.clone();
                if !d.body.is_empty() {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&d.body);
                }
                let mut entry = json!({
                    "u": d.url,
                    "k": ui.text(lang, d.kind.message(), &[]),
                    "t": d.title,
                    "b": d.breadcrumb,
                    "x": text,
                });
                if d.text_lang != lang {
                    entry["l"] = Value::from(d.text_lang.as_str());
                }
                entry
            })
            .collect();
        files.push(script(lang, &format!("d-{n}"), &Value::Array(documents)));
    }
    let chapters: Vec<u32> = index.documents.iter().map(|d| d.chapter).collect();
    files.push(script(
        lang,
        "index",
        &json!({
            "documents": index.documents.len(),
            "perFile": DOCUMENTS_PER_FILE,
            "chapters": chapters,
            "termFiles": first_keys,
            "stopWords": stop_words(lang),
            "stemOverrides": stem_overrides(lang),
        }),
    ));
    Ok(files)
}
