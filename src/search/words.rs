//! One reading of every document's words, for what the engine needs besides tantivy's scores:
//! the spellings of each term, the terms that stand next to each other, the vocabulary for
//! corrections and the lexicon of unaccented spellings (see `Engine::build`).
//!
//! A language has a few thousand words but a large site repeats them millions of times, so
//! each word is analysed once and the maps are keyed by numbers, not strings (this reading
//! was a third of a 10,000-page build: bench/README.md).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::analyzer::{self, Analyzer, Run};
use super::documents::SearchDocument;
use super::engine::{Pair, VOCABULARY_FROM, letters, pair_key};

/// What the reading gives, as `Engine` keeps it.
pub struct Words {
    /// Term → spelling → documents, for terms written in more than one way.
    pub forms: BTreeMap<String, BTreeMap<String, Vec<u32>>>,
    /// "term term" → where the two stand next to each other, when not wherever both are.
    pub pairs: BTreeMap<String, Pair>,
    /// Spellings of VOCABULARY_FROM letters or more → how many documents have them.
    pub vocabulary: BTreeMap<String, u32>,
    /// Spellings that the stemmer alone would not bring to their term; the first found wins.
    pub lexicon: BTreeMap<String, String>,
}

/// Strings numbered in the order first seen.
#[derive(Default)]
struct Names {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }
}

/// A word's term and its spelling (lowercase, unaccented), as numbers.
#[derive(Clone, Copy)]
struct Spelling {
    term: u32,
    key: u32,
}

/// How many documents have a spelling (`None` for spellings too short for the vocabulary).
#[derive(Clone, Copy)]
struct Count {
    docs: u32,
    last: u32,
}

/// The words of every document, read once, as numbers: `finish` makes them `Words`.
pub struct Reading {
    term_names: Names,
    key_names: Names,
    lexicon: BTreeMap<String, String>,
    counts: Vec<Option<Count>>,
    spellings: FxHashMap<(u32, u32), Vec<u32>>,
    adjacent: FxHashMap<(u32, u32), Vec<u32>>,
}

/// Reads `documents` once (it needs nothing from tantivy, so it runs beside the indexing).
pub fn read(analyzer: &Analyzer, documents: &[SearchDocument]) -> Reading {
    let (mut term_names, mut key_names) = (Names::default(), Names::default());
    let mut known: FxHashMap<&str, Option<Spelling>> = FxHashMap::default();
    let mut lexicon = BTreeMap::new();
    let mut counts: Vec<Option<Count>> = Vec::new();
    let mut spellings: FxHashMap<(u32, u32), Vec<u32>> = FxHashMap::default();
    let mut adjacent: FxHashMap<(u32, u32), Vec<u32>> = FxHashMap::default();
    for (doc, document) in documents.iter().enumerate() {
        let doc = doc as u32;
        for text in [&document.title, &document.lead, &document.body] {
            // Stop words are skipped, so the words either side of one stand next to each other;
            // Chinese breaks the chain.
            let mut previous: Option<u32> = None;
            for (run, from, to) in analyzer::runs(text) {
                if matches!(run, Run::Han) {
                    previous = None;
                    continue;
                }
                let word = &text[from..to];
                let spelling = *known.entry(word).or_insert_with(|| {
                    let term = analyzer.word_term(word)?;
                    let key = Analyzer::surface_key(word);
                    if analyzer.word_term(&key).as_deref() != Some(term.as_str()) {
                        lexicon.entry(key.clone()).or_insert_with(|| term.clone());
                    }
                    let key_id = key_names.id(&key);
                    if key_id as usize == counts.len() {
                        counts.push((letters(&key) >= VOCABULARY_FROM).then_some(Count { docs: 0, last: u32::MAX }));
                    }
                    Some(Spelling { term: term_names.id(&term), key: key_id })
                });
                let Some(Spelling { term, key }) = spelling else { continue };
                if let Some(count) = &mut counts[key as usize]
                    && count.last != doc
                {
                    count.docs += 1;
                    count.last = doc;
                }
                note(spellings.entry((term, key)).or_default(), doc);
                if let Some(previous) = previous {
                    note(adjacent.entry((previous, term)).or_default(), doc);
                }
                previous = Some(term);
            }
        }
    }
    Reading { term_names, key_names, lexicon, counts, spellings, adjacent }
}

impl Reading {
    /// `terms` are the engine's postings (document order).
    pub fn finish(self, terms: &BTreeMap<String, Vec<(u32, u32)>>) -> Words {
        let Reading { term_names, key_names, lexicon, counts, spellings, adjacent } = self;
        // Only terms written in more than one way become strings.
        let mut by_term: FxHashMap<u32, Vec<(u32, Vec<u32>)>> = FxHashMap::default();
        for ((term, key), docs) in spellings {
            by_term.entry(term).or_default().push((key, docs));
        }
        let forms = by_term
            .into_iter()
            .filter(|(_, spellings)| spellings.len() > 1)
            .map(|(term, spellings)| {
                let spellings = spellings.into_iter().map(|(key, docs)| (key_names.names[key as usize].clone(), docs)).collect();
                (term_names.names[term as usize].clone(), spellings)
            })
            .collect();
        let postings: Vec<Option<&Vec<(u32, u32)>>> = term_names.names.iter().map(|term| terms.get(term)).collect();
        let mut pairs = BTreeMap::new();
        for ((a, b), next) in adjacent {
            let (Some(in_a), Some(in_b)) = (postings[a as usize], postings[b as usize]) else { continue };
            if let Some(pair) = pair(in_a, in_b, next) {
                pairs.insert(pair_key(&term_names.names[a as usize], &term_names.names[b as usize]), pair);
            }
        }
        let vocabulary = counts
            .iter()
            .enumerate()
            .filter_map(|(key, count)| count.filter(|c| c.docs > 0).map(|c| (key_names.names[key].clone(), c.docs)))
            .collect();
        Words { forms, pairs, vocabulary, lexicon }
    }
}

/// Adds `doc` to a list of documents built in document order (each document once).
fn note(docs: &mut Vec<u32>, doc: u32) {
    if docs.last() != Some(&doc) {
        docs.push(doc);
    }
}

/// The documents with both terms (postings `a` and `b`) against `next`, those where the two
/// stand next to each other (all of them have both): nothing to store when they are the same,
/// else whichever list is shorter.
fn pair(a: &[(u32, u32)], b: &[(u32, u32)], next: Vec<u32>) -> Option<Pair> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut except = Vec::new();
    let (mut in_long, mut in_next) = (0, 0);
    for &(doc, _) in short {
        in_long = first_from(long, in_long, doc);
        if in_long == long.len() {
            break;
        }
        if long[in_long].0 != doc {
            continue;
        }
        while next.get(in_next).is_some_and(|&d| d < doc) {
            in_next += 1;
        }
        if next.get(in_next) == Some(&doc) {
            continue;
        }
        except.push(doc);
        if except.len() >= next.len() {
            return Some(Pair::Docs(next));
        }
    }
    (!except.is_empty()).then_some(Pair::Except(except))
}

/// The first place at or after `from` in `list` (sorted by document) whose document is `doc`
/// or later: by steps that double, then halving, so a short list walks a long one quickly.
fn first_from(list: &[(u32, u32)], from: usize, doc: u32) -> usize {
    let (mut low, mut step) = (from, 1);
    while low + step < list.len() && list[low + step].0 < doc {
        low += step;
        step *= 2;
    }
    let high = (low + step + 1).min(list.len());
    low + list[low..high].partition_point(|&(d, _)| d < doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(docs: &[u32]) -> Vec<(u32, u32)> {
        docs.iter().map(|&d| (d, 100)).collect()
    }

    /// The documents with both terms, worked out the plain way.
    fn both(a: &[u32], b: &[u32]) -> Vec<u32> {
        a.iter().copied().filter(|d| b.contains(d)).collect()
    }

    #[test]
    fn a_pair_is_stored_only_where_the_terms_are_not_always_together() {
        let (a, b) = (postings(&[1, 3, 5, 7, 9]), postings(&[3, 4, 5, 9, 12]));
        assert_eq!(pair(&a, &b, vec![3, 5, 9]), None);
        assert_eq!(pair(&a, &b, vec![3, 5]), Some(Pair::Except(vec![9])));
        assert_eq!(pair(&a, &b, vec![5]), Some(Pair::Docs(vec![5])));
        assert_eq!(pair(&b, &a, vec![3]), Some(Pair::Docs(vec![3])));
    }

    #[test]
    fn the_walk_finds_every_shared_document() {
        // Lists of very different lengths, so that the doubling steps overshoot and come back.
        let long: Vec<u32> = (0..1000).filter(|d| d % 3 != 0).collect();
        for short in [vec![2, 4, 500, 998, 999], vec![0, 1, 3, 999], vec![5], (0..1000).step_by(7).collect()] {
            let shared = both(&short, &long);
            // Next to each other in the first shared document only.
            let first = shared[0];
            let expected = (shared.len() > 1).then(|| Pair::Docs(vec![first]));
            assert_eq!(pair(&postings(&short), &postings(&long), vec![first]), expected, "{short:?}");
            // Everywhere but the last.
            if shared.len() > 1 {
                let all_but_last = shared[..shared.len() - 1].to_vec();
                let expected =
                    if shared.len() == 2 { Pair::Docs(all_but_last.clone()) } else { Pair::Except(vec![shared[shared.len() - 1]]) };
                assert_eq!(pair(&postings(&short), &postings(&long), all_but_last), Some(expected), "{short:?}");
            }
            let mut at = 0;
            for &doc in &short {
                at = first_from(&postings(&long), at, doc);
                assert_eq!(at, long.partition_point(|&d| d < doc), "{doc}");
            }
        }
    }
}
