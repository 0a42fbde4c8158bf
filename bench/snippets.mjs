#!/usr/bin/env node
// Times the search page's snippets (themes/default/static/search/search.js: the passage and the
// marks of every result shown) over every document of a built site, in Node, against the same
// file at another commit, in one run.
//
//   node bench/snippets.mjs [SITE] [COMMIT]     (SITE: a built site, default public/; COMMIT:
//                                                the search.js to compare with, default HEAD)
//
// For each language it snippets every document for the terms of a two-word query, first with a
// fresh analyzer (a reader's first results: no word stemmed yet), then with the same analyzer
// again (later results, words already met). Prints the median of 15 rounds, per document.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const project = new URL('..', import.meta.url).pathname;
const site = process.argv[2] || join(project, 'public');
const commit = process.argv[3] || 'HEAD';
const ROUNDS = 15;
// The benchmark's next queries (bench/search.mjs), as their terms.
const QUERIES = { en: 'police training', fr: 'formation police', es: 'capacitación policía', zh: '警察培训' };

if (!existsSync(join(site, 'search'))) {
  console.error(`no built site at ${site}: run \`cargo run --release -- build\` first, or name one`);
  process.exit(1);
}
const versions = {
  'working tree': readFileSync(join(project, 'themes/default/static/search/search.js'), 'utf8'),
  [commit]: execFileSync('git', ['show', `${commit}:themes/default/static/search/search.js`], { cwd: project, encoding: 'utf8' }),
};

/** search.js, the language's stemmer and its documents, in a context of their own. */
function load(source, lang) {
  const context = vm.createContext({});
  context.globalThis = context;
  const stemmer = join(project, `themes/default/static/search/stemmer-${lang}.js`);
  if (existsSync(stemmer)) vm.runInContext(readFileSync(stemmer, 'utf8'), context);
  vm.runInContext(source, context);
  const files = {};
  context.toolkitSearchData = (l, name, data) => { files[name] = data; };
  const dir = join(site, 'search', lang);
  for (const f of readdirSync(dir)) if (/^(index|d-\d+)\.js$/.test(f)) vm.runInContext(readFileSync(join(dir, f), 'utf8'), context);
  const documents = Object.keys(files).filter((n) => n.startsWith('d-')).sort((a, b) => a.slice(2) - b.slice(2)).flatMap((n) => files[n]);
  return { search: context.toolkitSearch, manifest: files.index, documents };
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

console.log(`Snippets of every document, µs per document (median of ${ROUNDS}), ${site}`);
console.log(`| language | documents | ${Object.keys(versions).map((v) => `${v}: fresh / known words`).join(' | ')} |`);
console.log(`| --- | --- | ${Object.keys(versions).map(() => '---').join(' | ')} |`);
for (const lang of Object.keys(QUERIES)) {
  const cells = [];
  let count = 0;
  for (const source of Object.values(versions)) {
    const { search, manifest, documents } = load(source, lang);
    count = documents.length;
    const analyzer = () => new search.Analyzer(lang, manifest.stopWords, manifest.stemOverrides);
    const terms = analyzer().queryTokens(QUERIES[lang]).map((t) => t.term);
    const round = (a) => {
      const start = performance.now();
      for (const d of documents) {
        search.snippet(a, d.x || d.t, terms, 180);
        search.marked(a, d.t, terms);
      }
      return ((performance.now() - start) * 1000) / documents.length;
    };
    const fresh = [], known = [];
    const kept = analyzer();
    round(kept);
    for (let i = 0; i < ROUNDS; i++) {
      fresh.push(round(analyzer()));
      known.push(round(kept));
    }
    cells.push(`${median(fresh).toFixed(0)} / ${median(known).toFixed(0)}`);
  }
  console.log(`| ${lang} | ${count} | ${cells.join(' | ')} |`);
}
