//! How text becomes search terms, per language. The browser client
//! (`themes/default/static/search/search.js`) implements the same steps; the test vectors in
//! `tests/search/vectors.json`, generated from this file, prove the two agree.
//!
//! Words (runs of letters and digits) are lowercased, stop words and single letters dropped
//! (elisions such as French "l’", "d’"), stemmed with Snowball (English, French, Spanish; a few
//! words that it would merge with unrelated ones are overridden), then accents are folded. Chinese has no spaces: each run of Han characters gives its single
//! characters and its pairs of neighbours (bigrams), so a word is found inside running text.

use std::sync::{Arc, Mutex};

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// Bumped when the analysis changes, so older indexes are rebuilt.
pub const VERSION: u32 = 2;

/// One term and where it came from, as byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub term: String,
    pub from: usize,
    pub to: usize,
}

pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their",
            "this", "to", "was", "were", "which", "with",
        ],
        "fr" => &[
            "au", "aux", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "la", "le", "les", "leur", "leurs", "ou",
            "par", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
        ],
        "es" => &[
            "al", "como", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "para", "por", "que", "se", "son", "su", "sus",
            "un", "una", "unas", "unos",
        ],
        _ => &[],
    }
}

/// Words the stemmer would merge with unrelated ones, and the term each gets instead (as in
/// Lucene's stemmer override): French Snowball turns "équipe" (team) and "équipement"
/// (equipment) into the same "equip", so a search for equipment would lead to security teams.
pub fn stem_overrides(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "fr" => &[("équipe", "équipe"), ("équipes", "équipe")],
        _ => &[],
    }
}

fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang {
        "en" => Algorithm::English,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Han ideographs (CJK Unified Ideographs and their extensions, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Letters and digits (Unicode Alphabetic or Numeric, as JavaScript's `[\p{Alphabetic}\p{N}]`).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// Removes accents: canonical decomposition, then combining marks U+0300–U+036F dropped.
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_accent(*c)).collect()
}

fn is_accent(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A stretch of text of one kind.
pub(super) enum Run {
    Word,
    Han,
}

pub(super) fn runs(text: &str) -> Vec<(Run, usize, usize)> {
    let mut runs: Vec<(Run, usize, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        let kind = if is_han(c) {
            Run::Han
        } else if is_word_char(c) {
            Run::Word
        } else {
            continue;
        };
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some((last, _, to)) if *to == at && std::mem::discriminant(last) == std::mem::discriminant(&kind) => *to = end,
            _ => runs.push((kind, at, end)),
        }
    }
    runs
}

pub struct Analyzer {
    lang: String,
    stemmer: Option<Stemmer>,
    /// Each word's term, as found: a language has a few thousand words but its pages repeat
    /// them millions of times, and stemming was a fifth of a large build (bench/README.md).
    known: Mutex<FxHashMap<String, Option<String>>>,
}

impl Analyzer {
    pub fn new(lang: &str) -> Analyzer {
        Analyzer { lang: lang.to_string(), stemmer: stemmer(lang), known: Mutex::default() }
    }

    /// The term of one word, or `None` for a stop word or a single letter.
    pub fn word_term(&self, word: &str) -> Option<String> {
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(term) = known.get(word) {
            return term.clone();
        }
        let term = self.analyse(word);
        known.insert(word.to_string(), term.clone());
        term
    }

    fn analyse(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let single_letter = lower.chars().count() == 1 && !lower.chars().all(|c| c.is_numeric());
        if single_letter || stop_words(&self.lang).contains(&lower.as_str()) {
            return None;
        }
        let overridden = stem_overrides(&self.lang).iter().find(|(word, _)| *word == lower).map(|(_, term)| term.to_string());
        let stemmed = match (overridden, &self.stemmer) {
            (Some(term), _) => term,
            (None, Some(stemmer)) => stemmer.stem(&lower).into_owned(),
            (None, None) => lower,
        };
        Some(fold(&stemmed))
    }

    /// Every term of a text, for indexing: words, and for Chinese single characters and bigrams.
    pub fn index_tokens(&self, text: &str) -> Vec<Token> {
        self.tokens(text, true)
    }

    /// The terms a query asks for: like indexing, except that a Chinese run of two or more
    /// characters asks for its bigrams only (all of them), which finds the word it spells.
    pub fn query_tokens(&self, text: &str) -> Vec<Token> {
        self.tokens(text, false)
    }

    fn tokens(&self, text: &str, for_index: bool) -> Vec<Token> {
        let mut tokens = Vec::new();
        for (kind, from, to) in runs(text) {
            match kind {
                Run::Word => {
                    if let Some(term) = self.word_term(&text[from..to]) {
                        tokens.push(Token { term, from, to });
                    }
                }
                Run::Han => {
                    let mut chars = text[from..to].char_indices().map(|(i, c)| (from + i, c)).peekable();
                    while let Some((at, c)) = chars.next() {
                        let end = at + c.len_utf8();
                        if for_index || (at == from && end == to) {
                            tokens.push(Token { term: text[at..end].to_string(), from: at, to: end });
                        }
                        if let Some(&(_, next)) = chars.peek() {
                            let pair_end = end + next.len_utf8();
                            tokens.push(Token { term: text[at..pair_end].to_string(), from: at, to: pair_end });
                        }
                    }
                }
            }
        }
        tokens
    }

    /// A typed word's spelling, lowercase and unaccented (see `Engine::forms`).
    pub fn surface_key(word: &str) -> String {
        fold(&word.to_lowercase())
    }

    /// The key under which a typed word is looked up in the lexicon of unaccented spellings (see
    /// `Engine::lexicon`): only a word typed without accents has one. A word typed with them is
    /// taken as typed (*côte* is not *côté*), and needs no lexicon.
    pub fn lexicon_key(word: &str) -> Option<String> {
        (!word.nfd().any(is_accent)).then(|| Self::surface_key(word))
    }
}

// ---- tantivy ----

/// The analyzer as a tantivy tokenizer, registered as `toolkit-<lang>`.
#[derive(Clone)]
pub struct TantivyTokenizer {
    analyzer: Arc<Analyzer>,
}

impl TantivyTokenizer {
    pub fn new(lang: &str) -> Self {
        TantivyTokenizer { analyzer: Arc::new(Analyzer::new(lang)) }
    }
}

pub struct TokenList {
    tokens: Vec<tantivy::tokenizer::Token>,
    next: usize,
}

impl tantivy::tokenizer::Tokenizer for TantivyTokenizer {
    type TokenStream<'a> = TokenList;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TokenList {
        let tokens = self
            .analyzer
            .index_tokens(text)
            .into_iter()
            .enumerate()
            .map(|(position, t)| tantivy::tokenizer::Token {
                offset_from: t.from,
                offset_to: t.to,
                position,
                text: t.term,
                position_length: 1,
            })
            .collect();
        TokenList { tokens, next: 0 }
    }
}

impl tantivy::tokenizer::TokenStream for TokenList {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(lang: &str, text: &str) -> Vec<String> {
        Analyzer::new(lang).query_tokens(text).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn plurals_and_verb_forms_meet_their_stem() {
        assert_eq!(terms("en", "grievance mechanisms"), terms("en", "grievance mechanism"));
        assert_eq!(terms("en", "trained"), terms("en", "training"));
        assert_eq!(terms("fr", "équipements"), terms("fr", "équipement"));
        assert_eq!(terms("es", "empresas"), terms("es", "empresa"));
    }

    #[test]
    fn accents_are_folded_and_elisions_dropped() {
        assert_eq!(terms("fr", "l’équipement"), terms("fr", "equipement"));
        assert_eq!(terms("es", "información"), vec!["inform"]);
    }

    #[test]
    fn stop_words_and_single_letters_are_dropped() {
        assert_eq!(terms("en", "the use of force"), vec!["use", "forc"]);
    }

    #[test]
    fn chinese_runs_give_bigrams_and_offsets_point_into_the_text() {
        let tokens = Analyzer::new("zh").query_tokens("申诉机制");
        let found: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(found, ["申诉", "诉机", "机制"]);
        assert_eq!(&"申诉机制"[tokens[2].from..tokens[2].to], "机制");
        let indexed: Vec<String> = Analyzer::new("zh").index_tokens("机制").into_iter().map(|t| t.term).collect();
        assert_eq!(indexed, ["机", "机制", "制"]);
        assert_eq!(terms("zh", "法"), ["法"]);
        assert_eq!(terms("zh", "ICoC 守则"), ["icoc", "守则"]);
    }
}
