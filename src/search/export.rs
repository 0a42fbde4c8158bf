//! The browser's copy of the index: small script files under `search/<lang>/`, loaded by
//! `search.js` only as a query needs them. Script files (not JSON fetched with XHR) so search
//! also works when the site is opened from disk. Everything `engine::answer` reads is here.
//!
//! - `index.js`: how many documents, their chapters (for the filter), the first key of each
//!   term and pair file, the stop words and stem overrides (so the browser drops and stems
//!   exactly as tantivy did), the glossary's synonyms as terms, and the lengths of words the
//!   vocabulary files hold.
//!   Document numbers in lists are written as the gap from the one before.
//! - `t-<n>.js`: a run of terms in alphabetical order, about `TERMS_FILE_BYTES` each: for each
//!   term, each document's score (tantivy's BM25 over the weighted parts, ×100) and, for a term
//!   written several ways, which documents have each spelling (or, for a spelling in most of
//!   them, -1 then those that do not). Also the lexicon (`w`): an unaccented spelling and its
//!   term, in the file where the term of that spelling as typed sorts (`lexicon_home`), which a
//!   query for it loads anyway (and the term itself nearly always sorts into the same file).
//! - `p-<n>.js`: pairs of terms that stand next to each other in some documents but not in all
//!   that have both (for phrases), in runs like the terms: loaded only for a phrase.
//! - `v-<n>.js`: the words of `n` letters, those in the most documents first: loaded only to
//!   correct a word found nowhere.
//! - `d-<n>.js`: the documents themselves (title, address, breadcrumb, text for snippets), a
//!   few per file, fetched only for the results shown.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::analyzer::{Analyzer, stem_overrides, stop_words};
use super::documents::SearchDocument;
use super::engine::Pair;
use super::index::LanguageIndex;
use crate::load::localize::Localizer;

/// Documents per `d-<n>.js` file. Results are scattered across the index, so each one shown
/// costs a file: two per file fetch a third to a half of the bytes eight did on a large
/// site (bench/README.md), for more, smaller files on disk.
pub const DOCUMENTS_PER_FILE: usize = 2;

/// About how large a `t-<n>.js` or `p-<n>.js` file grows before the next one starts: small
/// enough that a query fetches little, large enough that a big site does not become thousands
/// of files.
pub const TERMS_FILE_BYTES: usize = 8 * 1024;

/// Sorted documents as the gaps between them (the first as itself): shorter to write and to send.
fn gaps(docs: &[u32]) -> Vec<u32> {
    let mut previous = 0;
    docs.iter().map(|&doc| doc - std::mem::replace(&mut previous, doc)).collect()
}

/// A term's postings as [gap, score, gap, score, …].
fn gaps_and_scores(postings: &[(u32, u32)]) -> Vec<u32> {
    let mut previous = 0;
    postings.iter().flat_map(|&(doc, score)| [doc - std::mem::replace(&mut previous, doc), score]).collect()
}

/// The documents that write a term one way, as gaps; when that is most of the term's documents,
/// -1 then the others (the usual spelling of a common word is nearly all of its list).
fn spelling_docs(docs: &[u32], postings: &[(u32, u32)]) -> Vec<i64> {
    if docs.len() * 2 <= postings.len() {
        return gaps(docs).into_iter().map(i64::from).collect();
    }
    let others: Vec<u32> = postings.iter().map(|&(doc, _)| doc).filter(|doc| docs.binary_search(doc).is_err()).collect();
    except(&others)
}

/// Documents left out of a larger list (the documents of a term, or of both terms of a pair):
/// -1, then them as gaps.
fn except(docs: &[u32]) -> Vec<i64> {
    std::iter::once(-1).chain(gaps(docs).into_iter().map(i64::from)).collect()
}

/// Which editions each document is part of (bits in `toolkit.toml`'s order, see
/// `SearchDocument::editions`), as runs: [bits, how many documents in a row, …]. Nearly all
/// documents share a few values, so a large site's list stays a few numbers long.
fn edition_runs(documents: &[SearchDocument], editions: usize) -> Vec<u32> {
    let all = if editions >= 32 { u32::MAX } else { (1u32 << editions.max(1)) - 1 };
    let mut runs: Vec<u32> = Vec::new();
    for document in documents {
        let bits = document.editions & all;
        match runs.len() {
            n if n >= 2 && runs[n - 2] == bits => runs[n - 1] += 1,
            _ => runs.extend([bits, 1]),
        }
    }
    runs
}

/// Writes each file as it is made: the index's files never all sit in memory at once.
pub type Put<'a> = dyn FnMut(&str, &[u8]) -> std::io::Result<()> + 'a;

/// The problem of a file that could not be written: its path, and why.
pub type PutError = (String, std::io::Error);

fn script(lang: &str, name: &str, json: &str, put: &mut Put<'_>) -> Result<(), PutError> {
    let path = format!("{}{name}.js", crate::paths::search_data(lang));
    let bytes = format!("toolkitSearchData({},{},{json});\n", Value::from(lang), Value::from(name));
    put(&path, bytes.as_bytes()).map_err(|e| (path, e))
}

fn to_json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("search data serialises")
}

/// What one place in the order of a term or pair file holds: for each part of the file's object
/// ("t", "f", "w", "p"), a member's name and its value as JSON text.
type Entry = Vec<(&'static str, String, String)>;

/// Cuts entries, in alphabetical order of their keys, into files of about TERMS_FILE_BYTES, each
/// an object of parts, each part an object of members. Returns the first key of each file.
fn runs(lang: &str, prefix: &str, entries: impl Iterator<Item = (String, Entry)>, put: &mut Put<'_>) -> Result<Vec<String>, PutError> {
    let mut first_keys: Vec<String> = Vec::new();
    let mut parts: BTreeMap<&'static str, String> = BTreeMap::new();
    let mut size = 0;
    let mut flush = |parts: &mut BTreeMap<&'static str, String>, n: usize| {
        let mut json = String::from("{");
        for (i, (part, members)) in std::mem::take(parts).into_iter().enumerate() {
            json.push_str(if i == 0 { "\"" } else { ",\"" });
            json.push_str(part);
            json.push_str("\":{");
            json.push_str(&members);
            json.push('}');
        }
        json.push('}');
        script(lang, &format!("{prefix}-{n}"), &json, put)
    };
    for (key, values) in entries {
        if first_keys.is_empty() || size >= TERMS_FILE_BYTES {
            if !first_keys.is_empty() {
                flush(&mut parts, first_keys.len() - 1)?;
                size = 0;
            }
            first_keys.push(key.clone());
        }
        for (part, name, value) in values {
            size += name.len() + 8 + value.len();
            let members = parts.entry(part).or_default();
            if !members.is_empty() {
                members.push(',');
            }
            members.push_str(&to_json(&name));
            members.push(':');
            members.push_str(&value);
        }
    }
    if !first_keys.is_empty() {
        flush(&mut parts, first_keys.len() - 1)?;
    }
    Ok(first_keys)
}

/// Where the browser looks up an unaccented spelling: the term of the spelling itself (what a
/// word typed that way analyses to), or the spelling when analysis drops it.
fn lexicon_home(analyzer: &Analyzer, spelling: &str) -> String {
    analyzer.word_term(spelling).unwrap_or_else(|| spelling.to_string())
}

/// The lexicon as entries in the order of their homes.
fn lexicon_entries(lang: &str, lexicon: &BTreeMap<String, String>) -> Vec<(String, Entry)> {
    let analyzer = Analyzer::new(lang);
    let mut entries: Vec<(String, Entry)> =
        lexicon.iter().map(|(spelling, term)| (lexicon_home(&analyzer, spelling), vec![("w", spelling.clone(), to_json(term))])).collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
}

/// The terms' entries with the lexicon's merged in, both in alphabetical order of their keys
/// (entries at the same key become one).
fn with_lexicon(terms: impl Iterator<Item = (String, Entry)>, lexicon: Vec<(String, Entry)>) -> impl Iterator<Item = (String, Entry)> {
    let mut terms = terms.peekable();
    let mut lexicon = lexicon.into_iter().peekable();
    std::iter::from_fn(move || {
        let take_term = match (terms.peek(), lexicon.peek()) {
            (None, None) => return None,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (Some((term, _)), Some((home, _))) => term <= home,
        };
        let (key, mut entry) = if take_term { terms.next()? } else { lexicon.next()? };
        while lexicon.peek().is_some_and(|(home, _)| *home == key) {
            entry.extend(lexicon.next()?.1);
        }
        Some((key, entry))
    })
}

/// `editions`: the ids of the editions, in `toolkit.toml`'s order (for the edition filter).
pub fn export(index: &LanguageIndex, ui: &Localizer, editions: &[&str], put: &mut Put<'_>) -> Result<(), PutError> {
    let lang = index.lang.as_str();
    let engine = &index.engine;
    // Made as the files are cut, one term at a time, in the terms' own (alphabetical) order.
    let terms = engine.terms.iter().map(|(term, postings)| {
        let mut entry: Entry = vec![("t", term.clone(), to_json(&gaps_and_scores(postings)))];
        if let Some(forms) = engine.forms.get(term) {
            let forms: BTreeMap<&String, Vec<i64>> = forms.iter().map(|(key, docs)| (key, spelling_docs(docs, postings))).collect();
            entry.push(("f", term.clone(), to_json(&forms)));
        }
        (term.clone(), entry)
    });
    let term_files = runs(lang, "t", with_lexicon(terms, lexicon_entries(lang, &engine.lexicon)), put)?;
    let pairs = engine.pairs.iter().map(|(key, pair)| {
        // Documents, or -1 then the documents that have both terms apart.
        let value = match pair {
            Pair::Docs(docs) => to_json(&gaps(docs)),
            Pair::Except(docs) => to_json(&except(docs)),
        };
        (key.clone(), vec![("p", key.clone(), value)])
    });
    let pair_files = runs(lang, "p", pairs, put)?;
    // Words by length, the most frequent first (then in code-point order): the order a
    // correction prefers them in.
    let mut by_length: BTreeMap<usize, Vec<(&str, u32)>> = BTreeMap::new();
    for (word, &count) in &engine.vocabulary {
        by_length.entry(word.chars().count()).or_default().push((word, count));
    }
    for (length, words) in &mut by_length {
        words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let words: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
        script(lang, &format!("v-{length}"), &to_json(&json!({ "v": words })), put)?;
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
        script(lang, &format!("d-{n}"), &to_json(&documents), put)?;
    }
    let chapters: Vec<u32> = index.documents.iter().map(|d| d.chapter).collect();
    let superseded: Vec<u32> = index.documents.iter().enumerate().filter(|(_, d)| d.superseded).map(|(n, _)| n as u32).collect();
    script(
        lang,
        "index",
        &to_json(&json!({
            "documents": index.documents.len(),
            "perFile": DOCUMENTS_PER_FILE,
            "chapters": chapters,
            "editions": editions,
            "editionRuns": edition_runs(&index.documents, editions.len()),
            "superseded": gaps(&superseded),
            "termFiles": term_files,
            "pairFiles": pair_files,
            "vocabulary": by_length.keys().collect::<Vec<_>>(),
            "synonyms": engine.synonyms,
            "stopWords": stop_words(lang),
            "stemOverrides": stem_overrides(lang),
        })),
        put,
    )
}
