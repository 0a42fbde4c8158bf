//! The search index of one language: tantivy indexes the search documents in memory and scores
//! every term in every document (BM25 over the weighted parts); the engine keeps those scores,
//! and `toolkit search` and the browser answer queries from them. The tantivy index itself is
//! not kept: nothing reads it after the scores.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::Weight;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{DocId, Index, Score, SegmentOrdinal, SegmentReader, TantivyDocument, Term};

use super::analyzer::{Analyzer, TantivyTokenizer};
use super::documents::SearchDocument;
use super::engine::{Engine, Synonym};
use super::words;

const TOKENIZER: &str = "toolkit";

/// How much a match counts in each part: titles most, challenge statements next, then the rest.
pub const FIELD_WEIGHTS: [(&str, f32); 3] = [("title", 3.0), ("lead", 2.0), ("body", 1.0)];

pub struct LanguageIndex {
    pub lang: String,
    pub documents: Vec<SearchDocument>,
    /// What queries are answered from, here and in the browser.
    pub engine: Engine,
}

fn schema() -> (Schema, Vec<(Field, f32)>) {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default().set_tokenizer(TOKENIZER).set_index_option(IndexRecordOption::WithFreqs);
    let options = TextOptions::default().set_indexing_options(indexing);
    let fields = FIELD_WEIGHTS.iter().map(|(name, weight)| (builder.add_text_field(name, options.clone()), *weight)).collect();
    (builder.build(), fields)
}

/// The documents in one tantivy segment, in memory and in order: a tantivy document id is the
/// position in `documents`.
fn tantivy_index(lang: &str, documents: &[SearchDocument]) -> tantivy::Result<(Index, Vec<(Field, f32)>)> {
    let (schema, fields) = schema();
    let index = Index::create_in_ram(schema);
    register(&index, lang);
    let mut writer = tantivy::indexer::SingleSegmentIndexWriter::new(index, 3_000_000)?;
    for document in documents {
        let mut doc = TantivyDocument::default();
        for ((field, _), text) in fields.iter().zip([&document.title, &document.lead, &document.body]) {
            doc.add_text(*field, text);
        }
        writer.add_document(doc)?;
    }
    Ok((writer.finalize()?, fields))
}

fn register(index: &Index, lang: &str) {
    index.tokenizers().register(TOKENIZER, tantivy::tokenizer::TextAnalyzer::from(TantivyTokenizer::new(lang)));
}

impl LanguageIndex {
    /// Indexes and scores `documents`.
    pub fn build(lang: &str, documents: Vec<SearchDocument>, synonyms: Vec<Synonym>) -> tantivy::Result<LanguageIndex> {
        // The engine's reading of the words needs nothing from tantivy: it runs beside it, which
        // also keeps both cores busy while the last language is indexed.
        let (index, reading) = rayon::join(|| tantivy_index(lang, &documents), || words::read(&Analyzer::new(lang), &documents));
        let (index, fields) = index?;
        let engine = Engine::build(lang, &documents, postings(&index, &fields)?, reading, synonyms);
        Ok(LanguageIndex::open(lang, documents, engine))
    }

    /// An index built before (its documents and engine, as a build keeps them).
    pub fn open(lang: &str, documents: Vec<SearchDocument>, engine: Engine) -> LanguageIndex {
        LanguageIndex { lang: lang.to_string(), documents, engine }
    }

    /// The terms a query asks for, resolved through the lexicon like the browser does.
    pub fn query_terms(&self, query: &str) -> Vec<String> {
        resolve_query(&self.lang, query, |key| self.engine.lexicon.get(key).cloned())
    }
}

fn term_query(fields: &[(Field, f32)], term: &str) -> Box<dyn Query> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = fields
        .iter()
        .map(|(field, weight)| {
            let query = TermQuery::new(Term::from_field_text(*field, term), IndexRecordOption::WithFreqs);
            (Occur::Should, Box::new(BoostQuery::new(Box::new(query), *weight)) as Box<dyn Query>)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Every indexed term with the score each document gets for it, as tantivy computes it
/// (BM25 over the weighted parts), × 100 and rounded: what the browser adds up at query time.
fn postings(index: &Index, fields: &[(Field, f32)]) -> tantivy::Result<BTreeMap<String, Vec<(u32, u32)>>> {
    let searcher = index.reader()?.searcher();
    let mut terms = std::collections::BTreeSet::new();
    for segment in searcher.segment_readers() {
        for (field, _) in fields {
            let inverted = segment.inverted_index(*field)?;
            let mut stream = inverted.terms().stream()?;
            while stream.advance() {
                terms.insert(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
    }
    let mut postings = BTreeMap::new();
    for term in terms {
        let hits = searcher.search(term_query(fields, &term).as_ref(), &EveryScore)?;
        postings.insert(term, hits.into_iter().map(|(doc, score)| (doc, (score * 100.0).round() as u32)).collect());
    }
    Ok(postings)
}

/// Every document a query matches, with its score, in document order: what `TopDocs` gives
/// with a limit of every document (scored the same way, by `for_each_pruning` with nothing to
/// prune), without sorting every term's documents through a heap.
struct EveryScore;

impl Collector for EveryScore {
    type Fruit = Vec<(DocId, Score)>;
    type Child = SegmentScores;

    fn for_segment(&self, _segment: SegmentOrdinal, _reader: &SegmentReader) -> tantivy::Result<SegmentScores> {
        Ok(SegmentScores(Vec::new()))
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, segments: Vec<Vec<(DocId, Score)>>) -> tantivy::Result<Vec<(DocId, Score)>> {
        // One segment (see `build`).
        Ok(segments.concat())
    }

    fn collect_segment(
        &self,
        weight: &dyn Weight,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Vec<(DocId, Score)>> {
        let mut scores = Vec::new();
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            scores.push((doc, score));
            Score::MIN
        })?;
        scores.sort_by_key(|&(doc, _)| doc);
        Ok(scores)
    }
}

struct SegmentScores(Vec<(DocId, Score)>);

impl SegmentCollector for SegmentScores {
    type Fruit = Vec<(DocId, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.0.push((doc, score));
    }

    fn harvest(self) -> Vec<(DocId, Score)> {
        self.0
    }
}

/// A query's terms: each word typed without accents looked up in the lexicon, else analysed;
/// Chinese as bigrams. The same steps as `search.js`.
pub fn resolve_query(lang: &str, query: &str, lexicon: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let analyzer = Analyzer::new(lang);
    let mut terms: Vec<String> = Vec::new();
    for token in analyzer.query_tokens(query) {
        let word = &query[token.from..token.to];
        let term = Analyzer::lexicon_key(word).and_then(|key| lexicon(&key)).unwrap_or(token.term);
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}
