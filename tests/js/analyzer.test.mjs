// The browser's analysis (themes/default/static/search/search.js) against the test vectors the
// Rust analysis generated (tests/search/vectors.json, checked by tests/search.rs): the browser
// must turn every word of the content, and some tricky texts, into the terms tantivy indexed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const project = new URL('../../', import.meta.url);
for (const lang of ['en', 'fr', 'es']) require(new URL(`themes/default/static/search/stemmer-${lang}.js`, project).pathname);
require(new URL('themes/default/static/search/search.js', project).pathname);
const { Analyzer, termFile, resolveQuery, snippet } = globalThis.toolkitSearch;
const vectors = JSON.parse(readFileSync(new URL('tests/search/vectors.json', project), 'utf8'));

for (const [lang, data] of Object.entries(vectors)) {
  const analyzer = new Analyzer(lang, data.stopWords, data.stemOverrides);
  /** The [word, term] pairs whose word does not give its term when only that term is wanted. */
  const missedForSnippets = (pairs) => pairs.filter(([, term]) => term !== null)
    .filter(([word, term]) => JSON.stringify(analyzer.indexTokens(word, new Set([term])).map((t) => t.term)) !== JSON.stringify([term]))
    .map(([word, term]) => `${word} → ${term}`);

  test(`${lang}: every word of the content gives the term tantivy indexed`, () => {
    const words = Object.entries(data.words);
    assert.ok(words.length > 200, `${words.length} words`);
    const wrong = words.filter(([word, term]) => analyzer.wordTerm(word) !== term)
      .map(([word, term]) => `${word}: browser ${analyzer.wordTerm(word)}, tantivy ${term}`);
    assert.deepEqual(wrong, []);
  });

  test(`${lang}: analysing only for some terms (snippets) still finds every word that gives one`, () => {
    // Snippets skip stemming the words that cannot match: each word must still give its term
    // when that term is wanted, and the words around keep their places.
    assert.deepEqual(missedForSnippets(Object.entries(data.words)), []);
    for (const { text, index } of data.texts) {
      for (const [term] of index) {
        const wanted = new Set([term]);
        const at = (tokens) => tokens.map((t) => [wanted.has(t.term) ? t.term : '', t.from, t.to]);
        assert.deepEqual(at(analyzer.indexTokens(text, wanted)), at(analyzer.indexTokens(text)), text);
      }
    }
  });

  test(`${lang}: words whose stem replaces their ending are still stemmed for snippets`, () => {
    // Beyond the content's own words: the Snowball rules that change a word's end rather than cut
    // it (search.js's stemPrefixes relies on them changing at most its last two letters).
    const words = {
      en: ['skies', 'dying', 'ugly', 'probability', 'sensibility', 'organization', 'generational', 'happily', 'agreed', 'hoping', 'fulness'],
      fr: ['application', 'publications', 'précédemment', 'couramment', 'évidemment', 'chevaux', 'heureuse', 'référence', 'indicateurs', 'nouveaux', 'bonnes'],
      es: ['presencia', 'logías', 'solución', 'diferencias', 'rápidamente', 'averiguó', 'capacitación'],
      zh: ['Application', 'Montreux'],
    }[lang];
    assert.deepEqual(missedForSnippets(words.map((word) => [word, analyzer.wordTerm(word)])), []);
  });

  test(`${lang}: texts give the same index and query tokens, at the same places`, () => {
    for (const { text, index, query } of data.texts) {
      const pairs = (tokens) => tokens.map((t) => [t.term, text.slice(t.from, t.to)]);
      assert.deepEqual(pairs(analyzer.indexTokens(text)), index, text);
      assert.deepEqual(pairs(analyzer.queryTokens(text)), query, text);
    }
  });
}

test('term files are found by code point order, as Rust sorts them', () => {
  const first = ['a', 'mo', 'é', '中', '\u{20000}'];
  assert.equal(termFile(first, 'police'), 't-1');
  assert.equal(termFile(first, 'a'), 't-0');
  assert.equal(termFile(first, 'équipement'), 't-2');
  assert.equal(termFile(first, '机制'), 't-3');
  // U+FA00 sorts before U+20000 by code point, after it in UTF-16 units.
  assert.equal(termFile(first, '\uFA00'), 't-3');
  assert.equal(termFile(first, '0'), null);
});

test('words typed without accents resolve through the lexicon; words typed with them are taken as typed', () => {
  const fr = new Analyzer('fr', vectors.fr.stopWords);
  // As if the text had "côté" only: "cote" means it, "côte" is taken as typed.
  const lexicon = { securite: 'secur', cote: 'côté’s term' };
  assert.deepEqual(resolveQuery(fr, 'Securite publique', (key) => lexicon[key]), ['secur', 'publiqu']);
  assert.deepEqual(resolveQuery(fr, 'Cote', (key) => lexicon[key]), ['côté’s term']);
  assert.deepEqual(resolveQuery(fr, 'côte', (key) => lexicon[key]), [fr.wordTerm('côte')]);
  assert.deepEqual(resolveQuery(fr, 'CÔTE', (key) => lexicon[key]), [fr.wordTerm('côte')]);
});

test('snippets mark the matched words and never exceed their width by much', () => {
  const en = new Analyzer('en', vectors.en.stopWords);
  const text = 'Long introduction. '.repeat(20) + 'Establish grievance mechanisms for communities. ' + 'Tail. '.repeat(40);
  const pieces = snippet(en, text, ['grievanc', 'mechan'], 120);
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ['grievance', 'mechanisms']);
  const length = pieces.map((p) => p.text).join('').length;
  assert.ok(length <= 124, `${length}`);
  assert.equal(pieces[0].text, '…');
});
