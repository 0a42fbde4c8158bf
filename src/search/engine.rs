//! How a query is answered, from data computed at build time. `toolkit search` runs this code;
//! the browser (`themes/default/static/search/search.js`) runs the same steps on the same data,
//! exported as script files, so both give the same results in the same order (checked over the
//! relevance test set by `tests/js/search-relevance.e2e.test.mjs`).
//!
//! A query is a list of clauses: a word, a run of Chinese characters, or a "phrase in quotes".
//! A clause has alternatives, each a list of terms that must all be in a document (and next to
//! each other for a phrase): the words as typed, and their glossary abbreviation or expansion
//! ("IHL" ↔ "international humanitarian law"). Documents are ranked by, in order:
//! 1. the quoted phrases they contain,
//! 2. the clauses they match (all of them first: only those are listed when there are any),
//! 3. the clauses they contain in the very form typed (accents aside), not only the stem (a
//!    glossary abbreviation or expansion counts as exact),
//! 4. their score: tantivy's BM25 over title, statement and body (weighted), the lowest of an
//!    alternative's terms, the best alternative of each clause, summed over the clauses,
//! 5. their order in the site.
//!
//! When no document has all the clauses and a word of 5 or more letters occurs nowhere, the
//! word is corrected to the index's most frequent word one edit away; if the corrected query
//! has results with all its words, those are shown (and said to be for the corrected query).

use std::collections::{BTreeMap, HashMap};

use super::analyzer::{Analyzer, is_han};
use super::documents::SearchDocument;
use super::words::{self, Words};

/// Quotation marks that start or end a phrase.
pub const QUOTES: &[char] = &['"', '“', '”', '„', '«', '»', '「', '」', '＂'];

/// Words shorter than this (in letters) are not corrected.
pub const CORRECT_FROM: usize = 5;

/// Words of the vocabulary (for corrections) have at least this many letters.
pub const VOCABULARY_FROM: usize = CORRECT_FROM - 1;

/// A glossary entry as terms: an abbreviation and what it stands for (either way round).
pub type Synonym = [Vec<String>; 2];

/// Documents where two terms stand next to each other: `Docs` lists them; `Except` lists the
/// documents that have both terms but never next to each other (whichever list is shorter).
/// A pair that is not stored at all is next to each other wherever both terms are.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Pair {
    Docs(Vec<u32>),
    Except(Vec<u32>),
}

/// Everything a query needs, per language.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Engine {
    pub lang: String,
    pub documents: usize,
    /// Term → (document, score × 100) in document order.
    pub terms: BTreeMap<String, Vec<(u32, u32)>>,
    /// Term → spelling (lowercase, unaccented) → documents with that spelling; only for terms
    /// written in more than one way in the text.
    pub forms: BTreeMap<String, BTreeMap<String, Vec<u32>>>,
    /// "term term" → where the two stand next to each other (see `Pair`).
    pub pairs: BTreeMap<String, Pair>,
    /// Words typed without their accents (lowercase) that the stemmer alone would not bring to
    /// the term of the accented word.
    pub lexicon: BTreeMap<String, String>,
    /// From the glossary.
    pub synonyms: Vec<Synonym>,
    /// Spellings of VOCABULARY_FROM letters or more → how many documents have them.
    pub vocabulary: BTreeMap<String, u32>,
    /// Documents that the current edition replaces (a challenge a later edition revises), in
    /// order: they rank after the current edition's.
    #[serde(default)]
    pub superseded: Vec<u32>,
}

/// Builds the pair key: two terms separated by a space (terms never contain one).
pub fn pair_key(a: &str, b: &str) -> String {
    format!("{a} {b}")
}

fn is_latin_term(term: &str) -> bool {
    !term.chars().any(is_han)
}

pub(super) fn letters(word: &str) -> usize {
    word.chars().count()
}

impl Engine {
    /// `terms` as tantivy scored them (see `LanguageIndex::postings`), `reading` the words of
    /// the same `documents`.
    pub fn build(
        lang: &str,
        documents: &[SearchDocument],
        terms: BTreeMap<String, Vec<(u32, u32)>>,
        reading: words::Reading,
        synonyms: Vec<Synonym>,
    ) -> Engine {
        let Words { forms, pairs, vocabulary, lexicon } = reading.finish(&terms);
        Engine {
            lang: lang.to_string(),
            documents: documents.len(),
            terms,
            forms,
            pairs,
            lexicon,
            synonyms,
            vocabulary,
            superseded: (0..documents.len() as u32).filter(|&doc| documents[doc as usize].superseded).collect(),
        }
    }

    fn has_pair(&self, a: &str, b: &str, doc: u32, both: bool) -> bool {
        match self.pairs.get(&pair_key(a, b)) {
            None => both,
            Some(Pair::Docs(docs)) => docs.binary_search(&doc).is_ok(),
            Some(Pair::Except(docs)) => both && docs.binary_search(&doc).is_err(),
        }
    }
}

/// A term asked for, and the spelling typed (lowercase, unaccented) when a reader typed it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Word {
    pub term: String,
    pub key: Option<String>,
}

/// Terms that must all be in a document; next to each other when `phrase`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Alternative {
    pub words: Vec<Word>,
    pub phrase: bool,
}

/// One thing the query asks for: a word, a Chinese run, a phrase, or a glossary term.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Clause {
    /// As typed (for "lacks …").
    pub text: String,
    pub quoted: bool,
    /// Where it was typed in the query (byte offsets).
    pub from: usize,
    pub to: usize,
    pub alternatives: Vec<Alternative>,
}

/// The terms of a glossary text, as a query would ask for them.
pub fn side_terms(lang: &str, text: &str) -> Vec<String> {
    Analyzer::new(lang).query_tokens(text).into_iter().map(|t| t.term).collect()
}

/// The clauses of a query. `lexicon` resolves a typed spelling to its term; `known` says whether
/// the index has a term (a Chinese run is cut where two characters never stand together).
pub fn parse(
    lang: &str,
    query: &str,
    lexicon: impl Fn(&str) -> Option<String>,
    known: impl Fn(&str) -> bool,
    synonyms: &[Synonym],
) -> Vec<Clause> {
    let analyzer = Analyzer::new(lang);
    let mut clauses: Vec<Clause> = Vec::new();
    // Segments between quotation marks, alternately outside and inside.
    let mut segments: Vec<(usize, usize, bool)> = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (at, c) in query.char_indices() {
        if QUOTES.contains(&c) {
            segments.push((start, at, quoted));
            start = at + c.len_utf8();
            quoted = !quoted;
        }
    }
    segments.push((start, query.len(), quoted));
    for (from, to, quoted) in segments {
        let text = &query[from..to];
        let tokens = analyzer.query_tokens(text);
        let word = |t: &super::analyzer::Token| {
            let typed = &text[t.from..t.to];
            if is_latin_term(&t.term) {
                let term = Analyzer::lexicon_key(typed).and_then(|key| lexicon(&key)).unwrap_or_else(|| t.term.clone());
                Word { term, key: Some(Analyzer::surface_key(typed)) }
            } else {
                Word { term: t.term.clone(), key: None }
            }
        };
        if tokens.is_empty() {
            continue;
        }
        if quoted {
            let (first, last) = (tokens[0].from, tokens[tokens.len() - 1].to);
            clauses.push(Clause {
                text: format!("\"{}\"", &text[first..last]),
                quoted: true,
                from: from + first,
                to: from + last,
                alternatives: vec![Alternative { words: tokens.iter().map(word).collect(), phrase: true }],
            });
            continue;
        }
        // Outside quotes: each word a clause; the bigrams of one Chinese run together.
        for token in &tokens {
            let han = !is_latin_term(&token.term);
            if let Some(last) = clauses.last_mut().filter(|c| han && !c.quoted && c.to > from + token.from) {
                last.to = last.to.max(from + token.to);
                last.text = query[last.from..last.to].to_string();
                last.alternatives[0].words.push(word(token));
                continue;
            }
            clauses.push(Clause {
                text: text[token.from..token.to].to_string(),
                quoted: false,
                from: from + token.from,
                to: from + token.to,
                alternatives: vec![Alternative { words: vec![word(token)], phrase: false }],
            });
        }
    }
    let mut clauses: Vec<Clause> = clauses.into_iter().flat_map(|c| split_han(query, c, &known)).collect();
    // The same thing asked twice counts once.
    let mut seen: Vec<Vec<String>> = Vec::new();
    clauses.retain(|c| {
        let terms: Vec<String> = c.alternatives[0].words.iter().map(|w| w.term.clone()).collect();
        if seen.contains(&terms) {
            false
        } else {
            seen.push(terms);
            true
        }
    });
    with_synonyms(query, clauses, synonyms)
}

/// A Chinese run typed without spaces ("警察培训") is cut where two neighbours never stand
/// together in the index (察培): each piece is a clause, its bigrams (or its one character).
fn split_han(query: &str, clause: Clause, known: &impl Fn(&str) -> bool) -> Vec<Clause> {
    let han = !clause.quoted && clause.alternatives[0].words.iter().all(|w| w.key.is_none() && w.term.chars().count() == 2);
    let chars: Vec<(usize, char)> = query[clause.from..clause.to].char_indices().map(|(i, c)| (clause.from + i, c)).collect();
    if !han || chars.len() < 2 {
        return vec![clause];
    }
    let mut pieces: Vec<(usize, usize)> = Vec::new(); // char ranges
    let mut start = 0;
    for i in 0..chars.len() - 1 {
        if !known(&format!("{}{}", chars[i].1, chars[i + 1].1)) {
            pieces.push((start, i + 1));
            start = i + 1;
        }
    }
    pieces.push((start, chars.len()));
    if pieces.len() == 1 {
        return vec![clause];
    }
    pieces
        .into_iter()
        .map(|(a, b)| {
            let (from, to) = (chars[a].0, chars[b - 1].0 + chars[b - 1].1.len_utf8());
            let terms: Vec<String> = if b - a == 1 {
                vec![chars[a].1.to_string()]
            } else {
                (a..b - 1).map(|i| format!("{}{}", chars[i].1, chars[i + 1].1)).collect()
            };
            Clause {
                text: query[from..to].to_string(),
                quoted: false,
                from,
                to,
                alternatives: vec![Alternative { words: terms.into_iter().map(|term| Word { term, key: None }).collect(), phrase: false }],
            }
        })
        .collect()
}

fn terms_of(clause: &Clause) -> Vec<&str> {
    clause.alternatives[0].words.iter().map(|w| w.term.as_str()).collect()
}

/// Merges the clauses that spell a glossary abbreviation or expansion into one, with the
/// other side as an alternative. Longest sides first, left to right.
fn with_synonyms(query: &str, clauses: Vec<Clause>, synonyms: &[Synonym]) -> Vec<Clause> {
    let mut sides: Vec<(&Vec<String>, &Vec<String>)> = Vec::new();
    for [a, b] in synonyms {
        sides.push((a, b));
        sides.push((b, a));
    }
    sides.sort_by(|x, y| y.0.len().cmp(&x.0.len()));
    let mut out: Vec<Clause> = Vec::new();
    let mut i = 0;
    while i < clauses.len() {
        // A side is matched by one clause with exactly its terms, or by that many single words.
        let mut matched: Option<(usize, &Vec<String>)> = None;
        for (side, _) in &sides {
            if terms_of(&clauses[i]) == side.iter().map(String::as_str).collect::<Vec<_>>() {
                matched = Some((1, side));
                break;
            }
            let n = side.len();
            if n > 1
                && i + n <= clauses.len()
                && clauses[i..i + n].iter().zip(side.iter()).all(|(c, term)| {
                    !c.quoted && c.alternatives[0].words.len() == 1 && c.alternatives[0].words[0].term == *term && is_latin_term(term)
                })
            {
                matched = Some((n, side));
                break;
            }
        }
        let Some((n, side)) = matched else {
            out.push(clauses[i].clone());
            i += 1;
            continue;
        };
        let group = &clauses[i..i + n];
        let quoted = group.iter().any(|c| c.quoted);
        let (from, to) = (group[0].from, group[n - 1].to);
        let mut alternatives = vec![Alternative {
            words: group.iter().flat_map(|c| c.alternatives[0].words.clone()).collect(),
            phrase: n > 1 || group.iter().any(|c| c.alternatives[0].phrase),
        }];
        for (s, other) in &sides {
            if *s == side {
                let alternative =
                    Alternative { words: other.iter().map(|t| Word { term: t.clone(), key: None }).collect(), phrase: other.len() > 1 };
                if !alternatives.contains(&alternative) {
                    alternatives.push(alternative);
                }
            }
        }
        let text = if quoted { group[0].text.clone() } else { query[from..to].to_string() };
        out.push(Clause { text, quoted, from, to, alternatives });
        i += n;
    }
    out
}

/// How one document matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub doc: usize,
    pub phrases: usize,
    pub matched: usize,
    /// In the current edition (not superseded by it).
    pub current: bool,
    pub exact: usize,
    pub score: u64,
    /// The clauses it lacks (their text as typed).
    pub missing: Vec<String>,
}

impl Ranked {
    fn key(&self) -> (std::cmp::Reverse<(usize, usize, bool, usize, u64)>, usize) {
        (std::cmp::Reverse((self.phrases, self.matched, self.current, self.exact, self.score)), self.doc)
    }
}

/// Every document matching at least one clause, best first; `keep(doc)` filters (the chapter,
/// the edition).
pub fn rank(engine: &Engine, clauses: &[Clause], keep: impl Fn(usize) -> bool) -> Vec<Ranked> {
    // Per clause, per document: (exact, score) of its best alternative.
    let per_clause: Vec<HashMap<u32, (usize, u64)>> = clauses.iter().map(|clause| clause_matches(engine, clause)).collect();
    let mut found: BTreeMap<usize, Ranked> = BTreeMap::new();
    for (clause, matches) in clauses.iter().zip(&per_clause) {
        for (&doc, &(exact, score)) in matches {
            let doc = doc as usize;
            if !keep(doc) {
                continue;
            }
            let current = engine.superseded.binary_search(&(doc as u32)).is_err();
            let ranked =
                found.entry(doc).or_insert_with(|| Ranked { doc, phrases: 0, matched: 0, current, exact: 0, score: 0, missing: vec![] });
            ranked.matched += 1;
            ranked.exact += exact;
            ranked.score += score;
            if clause.quoted {
                ranked.phrases += 1;
            }
        }
    }
    let mut list: Vec<Ranked> = found.into_values().collect();
    for ranked in &mut list {
        ranked.missing = clauses
            .iter()
            .zip(&per_clause)
            .filter(|(_, matches)| !matches.contains_key(&(ranked.doc as u32)))
            .map(|(c, _)| c.text.clone())
            .collect();
    }
    list.sort_by_key(Ranked::key);
    list
}

/// Documents matching a clause: (exact forms, score) of the best alternative (most exact
/// forms, then highest score) for each.
fn clause_matches(engine: &Engine, clause: &Clause) -> HashMap<u32, (usize, u64)> {
    let mut best: HashMap<u32, (usize, u64)> = HashMap::new();
    for alternative in &clause.alternatives {
        for (doc, value) in alternative_matches(engine, alternative) {
            let entry = best.entry(doc).or_insert(value);
            if value > *entry {
                *entry = value;
            }
        }
    }
    best
}

/// Documents matching every term of an alternative, each with (1 when every word typed is
/// there in the form typed, else 0; the lowest score of its terms: a document is about the
/// alternative as much as about its rarest part, and a phrase is no more frequent than its
/// least frequent word).
fn alternative_matches(engine: &Engine, alternative: &Alternative) -> HashMap<u32, (usize, u64)> {
    let mut result: HashMap<u32, (usize, u64)> = HashMap::new();
    for (i, word) in alternative.words.iter().enumerate() {
        let postings = engine.terms.get(&word.term).map(Vec::as_slice).unwrap_or(&[]);
        let mut next: HashMap<u32, (usize, u64)> = HashMap::new();
        for &(doc, score) in postings {
            let exact = usize::from(is_exact(engine, word, doc));
            let value = if i == 0 {
                Some((exact, u64::from(score)))
            } else {
                result.get(&doc).map(|&(e, s)| (e.min(exact), s.min(u64::from(score))))
            };
            if let Some(value) = value {
                next.insert(doc, value);
            }
        }
        result = next;
    }
    if alternative.phrase {
        let words = &alternative.words;
        result.retain(|&doc, _| {
            words
                .windows(2)
                .all(|w| !is_latin_term(&w[0].term) || !is_latin_term(&w[1].term) || engine.has_pair(&w[0].term, &w[1].term, doc, true))
        });
    }
    result
}

/// Whether a document has the word in the form typed (any document does when its term is
/// written only one way, and when the word was not typed: a glossary form, a Chinese term).
fn is_exact(engine: &Engine, word: &Word, doc: u32) -> bool {
    let Some(key) = &word.key else { return true };
    match engine.forms.get(&word.term) {
        None => true,
        Some(forms) => forms.get(key).is_some_and(|docs| docs.binary_search(&doc).is_ok()),
    }
}

/// Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours.
pub fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            diff.len() == 1 || (diff.len() == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]])
        }
        1 => {
            let at = (0..short.len()).find(|&i| short[i] != long[i]).unwrap_or(short.len());
            short[at..] == long[at + 1..]
        }
        _ => false,
    }
}

/// The best correction of a spelling: the most frequent word of the vocabulary one edit away
/// (the first in code-point order on a tie). `vocabulary` gives the words of a length.
pub fn correct<'a>(key: &str, candidates: impl Iterator<Item = (&'a str, u32)>) -> Option<String> {
    let mut best: Option<(&str, u32)> = None;
    for (word, count) in candidates {
        if one_edit(key, word) && best.is_none_or(|(b, n)| count > n || (count == n && word < b)) {
            best = Some((word, count));
        }
    }
    best.map(|(w, _)| w.to_string())
}

/// The clauses a correction may change: one word typed outside quotes, of CORRECT_FROM letters
/// or more, that no document has (in any form or alternative).
pub fn correctable<'c>(engine: &Engine, clauses: &'c [Clause]) -> Vec<&'c Clause> {
    clauses
        .iter()
        .filter(|c| {
            !c.quoted
                && c.alternatives.len() == 1
                && c.alternatives[0].words.len() == 1
                && c.alternatives[0].words[0].key.as_deref().is_some_and(|k| letters(k) >= CORRECT_FROM)
                && alternative_matches(engine, &c.alternatives[0]).is_empty()
        })
        .collect()
}

/// What the search shows.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The query whose results these are (the corrected one when `corrected`).
    pub query: String,
    pub clauses: Vec<Clause>,
    /// The results with every clause when there are any (`all_words`), else those with some.
    pub results: Vec<Ranked>,
    pub all_words: bool,
    pub corrected: bool,
    /// A corrected query to propose ("did you mean") when the results are not for it.
    pub suggestion: Option<String>,
}

/// Answers a query; `keep(doc)` filters the documents (the chapter).
pub fn answer(engine: &Engine, query: &str, keep: impl Fn(usize) -> bool) -> Outcome {
    let known = |term: &str| engine.terms.contains_key(term);
    let clauses = parse(&engine.lang, query, |key| engine.lexicon.get(key).cloned(), known, &engine.synonyms);
    let ranked = rank(engine, &clauses, &keep);
    let all: Vec<Ranked> = ranked.iter().filter(|r| r.missing.is_empty()).cloned().collect();
    if !all.is_empty() || clauses.is_empty() {
        return Outcome { query: query.to_string(), clauses, results: all, all_words: true, corrected: false, suggestion: None };
    }
    let mut fixed = query.to_string();
    let mut changed = false;
    let mut fixes: Vec<(usize, usize, String)> = Vec::new();
    for clause in correctable(engine, &clauses) {
        let key = clause.alternatives[0].words[0].key.as_deref().unwrap_or_default();
        let length = letters(key);
        let candidates = engine
            .vocabulary
            .iter()
            .filter(|(word, _)| letters(word) + 1 >= length && letters(word) <= length + 1)
            .map(|(word, &count)| (word.as_str(), count));
        if let Some(word) = correct(key, candidates) {
            fixes.push((clause.from, clause.to, word));
        }
    }
    for (from, to, word) in fixes.into_iter().rev() {
        fixed.replace_range(from..to, &word);
        changed = true;
    }
    if changed {
        let again = parse(&engine.lang, &fixed, |key| engine.lexicon.get(key).cloned(), known, &engine.synonyms);
        let ranked_again = rank(engine, &again, &keep);
        let all_again: Vec<Ranked> = ranked_again.iter().filter(|r| r.missing.is_empty()).cloned().collect();
        if !all_again.is_empty() {
            return Outcome { query: fixed, clauses: again, results: all_again, all_words: true, corrected: true, suggestion: None };
        }
        if ranked_again.is_empty() {
            changed = false;
        }
    }
    Outcome { query: query.to_string(), clauses, results: ranked, all_words: false, corrected: false, suggestion: changed.then_some(fixed) }
}

/// Every term a reader should see highlighted for these clauses (synonyms included).
pub fn highlight_terms(clauses: &[Clause]) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in clauses.iter().flat_map(|c| &c.alternatives).flat_map(|a| &a.words) {
        if !terms.contains(&word.term) {
            terms.push(word.term.clone());
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_one_insertion_deletion_substitution_or_swap() {
        assert!(one_edit("grievence", "grievance"));
        assert!(one_edit("amunition", "ammunition"));
        assert!(one_edit("ammunition", "amunition"));
        assert!(one_edit("form", "from"));
        assert!(!one_edit("grievance", "grievance"));
        assert!(!one_edit("abcde", "badce"));
        assert!(!one_edit("munisiones", "munitions"));
    }

    #[test]
    fn quotes_make_a_phrase_and_chinese_runs_one_clause() {
        let clauses = parse("en", "\"use of force\" police", |_| None, |_| true, &[]);
        assert_eq!(clauses.len(), 2);
        assert!(clauses[0].quoted && clauses[0].alternatives[0].phrase);
        assert_eq!(clauses[0].text, "\"use of force\"");
        let clauses = parse("zh", "女性 警卫 被控制人员", |_| None, |_| true, &[]);
        assert_eq!(clauses.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["女性", "警卫", "被控制人员"]);
        // Cut where two characters never stand together in the index.
        let clauses = parse("zh", "警察培训", |_| None, |term| term != "察培", &[]);
        assert_eq!(clauses.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["警察", "培训"]);
        let clauses = parse("zh", "法警察", |_| None, |term| term != "法警", &[]);
        assert_eq!(clauses[0].alternatives[0].words[0].term, "法");
    }

    #[test]
    fn only_words_typed_without_accents_go_through_the_lexicon() {
        // As if the text had "côté" only: "cote" means it, "côte" is taken as typed.
        let lexicon = |key: &str| (key == "cote").then(|| "côté's term".to_string());
        let term = |query: &str| parse("fr", query, lexicon, |_| true, &[])[0].alternatives[0].words[0].clone();
        assert_eq!(term("Cote").term, "côté's term");
        assert_eq!(term("côte").term, side_terms("fr", "côte")[0]);
        assert_eq!(term("CÔTE").key.as_deref(), Some("cote"));
        assert_eq!(Analyzer::lexicon_key("Securite"), Some("securite".to_string()));
        assert_eq!(Analyzer::lexicon_key("sécurité"), None);
    }

    #[test]
    fn glossary_sides_become_alternatives() {
        let synonyms = vec![[vec!["ihl".to_string()], side_terms("en", "international humanitarian law")]];
        let clauses = parse("en", "IHL training", |_| None, |_| true, &synonyms);
        assert_eq!(clauses.len(), 2);
        assert_eq!(clauses[0].alternatives.len(), 2);
        let clauses = parse("en", "international humanitarian law", |_| None, |_| true, &synonyms);
        assert_eq!(clauses.len(), 1);
        assert_eq!(clauses[0].alternatives[1].words[0].term, "ihl");
    }
}
