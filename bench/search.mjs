#!/usr/bin/env node
// Compares the toolkit's build-time search index (src/search/, themes/default/static/search/)
// with Pagefind, on the real site and on a synthetic site about 50 times larger.
//
//   node bench/search.mjs            (from the project root; see bench/README.md)
//
// Environment: BENCH_RUNS (timed runs per query, default 10), BENCH_COPIES (extra copies of the
// content in the synthetic site, default 49), BENCH_RESULTS (results loaded per query, default
// 10), BENCH_POOR_RUNS (runs per query on a poor connection, default 5), BENCH_ONLY=real|large
// (one site only), BENCH_KEEP=1 (keep the /tmp folders), CHROME.
//
// Uses only what tests/js/node_modules already holds (playwright-core, pagefind) and the
// release binary target/release/toolkit (built with `cargo build --release` if missing).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const jsModules = join(projectRoot, 'tests/js/node_modules');
const require = createRequire(join(projectRoot, 'tests/js/package.json'));
const { chromium } = require('playwright-core');
const pagefindBin = join(jsModules, '.bin/pagefind');
const toolkitBin = join(projectRoot, 'target/release/toolkit');

const RUNS = Number(process.env.BENCH_RUNS || 10);
const COPIES = Number(process.env.BENCH_COPIES || 49);
// Our search page fetches the d-files of its first 10 results (search.js: PAGE; "show more"
// loads the next 10), so Pagefind loads the data of its top 10 too. (Pagefind's own UI loads 5
// at first.)
const RESULTS = Number(process.env.BENCH_RESULTS || 10);
const ONLY = process.env.BENCH_ONLY || '';
const KEEP = process.env.BENCH_KEEP === '1';
const PAGEFIND_DIR = 'pagefind_bench';
// A poor connection, as readers on phones often have (Lighthouse's "slow 4G"): every response
// waits a round trip, and the bodies (gzip-sized) share one link, one after another.
const POOR = { rtt: 150, kilobytesPerSecond: 200 };
const POOR_RUNS = Number(process.env.BENCH_POOR_RUNS || 5);

const LANGUAGES = [
  { code: 'en', tag: 'en', queries: ['grievance mechanism', 'police training'] },
  { code: 'fr', tag: 'fr', queries: ['sécurité publique', 'formation police'] },
  { code: 'es', tag: 'es', queries: ['fuerzas públicas', 'capacitación policía'] },
  { code: 'zh', tag: 'zh-Hans', queries: ['申诉机制', '警察培训'] },
];

const log = (...args) => console.error('·', ...args);
const temporary = [];

// ---------------------------------------------------------------- building ----

function ensureBinary() {
  if (!existsSync(toolkitBin)) {
    log('building target/release/toolkit (cargo build --release)');
    execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: projectRoot, stdio: 'inherit' });
  }
}

/** Builds a project folder's site into `out` (absolute); returns the summary line. */
function buildSite(root, out) {
  const run = spawnSync(toolkitBin, ['--root', root, 'build', '--out', out], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) {
    const errors = output.split('\n').filter((l) => l.startsWith('error')).slice(0, 20).join('\n');
    throw new Error(`toolkit build of ${root} failed:\n${errors || output.slice(-4000)}`);
  }
  return output.split('\n').find((l) => l.startsWith('built:')) || '';
}

function indexWithPagefind(site) {
  const started = Date.now();
  const out = execFileSync(pagefindBin, ['--site', site, '--output-subdir', PAGEFIND_DIR], { encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (Date.now() - started) / 1000;
  const number = (re) => Number((out.match(re) || [])[1] || 0);
  return { seconds, pages: number(/Indexed (\d+) pages/), words: number(/Indexed (\d+) words/) };
}

// ------------------------------------------------------ the synthetic site ----

/** A small deterministic random generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = {
  en: { c: 'b c d f g h k l m n p r s t v w'.split(' '), v: 'a e i o u ai ou'.split(' ') },
  fr: { c: 'b c d f g l m n p r s t v ch'.split(' '), v: 'a e i o u é è ou ai'.split(' ') },
  es: { c: 'b c d f g l m n p r s t v ñ ll'.split(' '), v: 'a e i o u á é í ó'.split(' ') },
};

/** Made-up words of a language: Latin syllables, or two Han characters for Chinese. */
function wordMaker(lang, seed) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  return () => {
    if (lang === 'zh') return String.fromCodePoint(0x4e00 + Math.floor(next() * 6000), 0x4e00 + Math.floor(next() * 6000));
    const s = SYLLABLES[lang];
    let word = '';
    const count = 2 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) word += pick(s.c) + pick(s.v);
    return word;
  };
}

/**
 * Per language: a copy word for each copy (added to every title, statement and good-practice
 * heading of that copy) and a pool of 20,000 made-up words, two of which are added to every line
 * of text, drawn with a skewed (Zipf-like) distribution so that, as in real text, a few are
 * common and most are rare: the vocabulary grows with the site instead of staying the same.
 */
function vocabulary(lang) {
  const make = wordMaker(lang, 0x5eed + lang.charCodeAt(0) * 31 + lang.charCodeAt(1));
  const seen = new Set();
  const fresh = () => { for (;;) { const w = make(); if (!seen.has(w)) { seen.add(w); return w; } } };
  const copyWords = Array.from({ length: COPIES + 1 }, fresh);
  const pool = Array.from({ length: 20000 }, fresh);
  const draw = random(0xc0ffee + lang.charCodeAt(0));
  return { copyWord: (k) => copyWords[k], textWord: () => pool[Math.floor(pool.length * draw() ** 3)] };
}

/** One copy of a Markdown file: a word more in the title settings, headings and every line. */
function varyMarkdown(text, copyWord, textWord, boxSuffix) {
  const match = text.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n?([\s\S]*)$/);
  if (!match) throw new Error('no settings block');
  const settings = match[1].replace(/^(title|statement) = "(.*)"$/gm, (_, key, value) => `${key} = "${value} ${copyWord}"`);
  const body = match[2].split('\n').map((line) => {
    if (!line.trim() || /^\s*\[\]\(box:/.test(line)) return boxSuffix ? line.replace(/\[\]\(box:([a-z0-9-]+)\)/, `[](box:$1${boxSuffix})`) : line;
    if (/^#{1,6} /.test(line)) return `${line} ${copyWord}`;
    return `${line} ${textWord()} ${textWord()}`;
  }).join('\n');
  return `+++\n${settings}\n+++\n${body}`;
}

/**
 * A project 1 + COPIES times the size of the real one, under /tmp: every section that has
 * challenges gets COPIES copies (section C.n becomes C.n01 … C.n49, same challenge letters), every
 * box and case study COPIES copies (name-c1 … name-c49, the boxes placed in the matching copies
 * of the challenges). Cross-references keep pointing at the originals. All four languages.
 */
function makeSynthetic() {
  const root = mkdtempSync(join(tmpdir(), 'toolkit-bench-large-'));
  temporary.push(root);
  for (const part of ['content', 'themes', 'i18n']) cpSync(join(projectRoot, part), join(root, part), { recursive: true });
  for (const { code } of LANGUAGES) {
    const langDir = join(root, 'content', code);
    if (!existsSync(langDir)) continue;
    const { copyWord, textWord } = vocabulary(code);
    for (const chapter of readdirSync(langDir).filter((d) => /^\d+$/.test(d))) {
      for (const section of readdirSync(join(langDir, chapter)).filter((d) => d.startsWith(`${chapter}.`))) {
        const dir = join(langDir, chapter, section);
        const challenges = readdirSync(dir).filter((f) => /^[a-z]+\.md$/.test(f));
        if (!challenges.length) continue;
        const number = section.split('.')[1];
        for (let k = 1; k <= COPIES; k++) {
          const copy = join(langDir, chapter, `${chapter}.${number}${String(k).padStart(2, '0')}`);
          cpSync(dir, copy, { recursive: true });
          for (const file of readdirSync(copy).filter((f) => f.endsWith('.md'))) {
            const path = join(copy, file);
            writeFileSync(path, varyMarkdown(readFileSync(path, 'utf8'), copyWord(k), textWord, `-c${k}`));
          }
        }
      }
    }
    for (const folder of ['boxes', 'case-studies']) {
      const dir = join(langDir, folder);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && !/-c\d+\.md$/.test(f))) {
        const text = readFileSync(join(dir, file), 'utf8');
        for (let k = 1; k <= COPIES; k++) {
          writeFileSync(join(dir, `${basename(file, '.md')}-c${k}.md`), varyMarkdown(text, copyWord(k), textWord, ''));
        }
      }
    }
  }
  return root;
}

// ----------------------------------------------------------- sizes on disk ----

function filesUnder(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  if (existsSync(folder)) walk(folder);
  return found;
}

const gzCache = new Map();
/** What a server that compresses when it helps would send: gzip (level 6) or the bytes as they are. */
function gzipSize(path, body) {
  if (!gzCache.has(path)) gzCache.set(path, Math.min(body.length, gzipSync(body, { level: 6 }).length));
  return gzCache.get(path);
}

function measureFiles(files) {
  let bytes = 0, gz = 0;
  for (const f of files) { const body = readFileSync(f); bytes += body.length; gz += gzipSize(f, body); }
  return { files: files.length, bytes, gz };
}

/** Pagefind's UI bundles: not needed to search with its JavaScript API. */
const PAGEFIND_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

function diskSizes(site) {
  const ours = [...filesUnder(join(site, 'search')), ...filesUnder(join(site, 'assets/search'))];
  const pagefind = filesUnder(join(site, PAGEFIND_DIR));
  const ofKind = (files, kind) => measureFiles(files.filter((f) => kindOf(`/${relative(site, f).split(sep).join('/')}`) === kind));
  return {
    ours: measureFiles(ours),
    pagefind: measureFiles(pagefind),
    pagefindApi: measureFiles(pagefind.filter((f) => !PAGEFIND_UI.test(basename(f)))),
    oursIndex: ofKind(ours, 'index'),
    oursResults: ofKind(ours, 'results'),
    pagefindIndex: ofKind(pagefind, 'index'),
    pagefindResults: ofKind(pagefind, 'results'),
  };
}

/** Documents and terms of our index, per language (from index.js and the t-files). */
function ourIndexStats(site, lang) {
  const read = (name) => {
    const text = readFileSync(join(site, 'search', lang, `${name}.js`), 'utf8');
    return JSON.parse(text.slice(text.indexOf(',', text.indexOf(',') + 1) + 1, text.lastIndexOf(')')));
  };
  const manifest = read('index');
  let terms = 0;
  manifest.termFiles.forEach((_, n) => { terms += Object.keys(read(`t-${n}`).t).length; });
  return { documents: manifest.documents, termFiles: manifest.termFiles.length, dFiles: Math.ceil(manifest.documents / manifest.perFile), terms };
}

// ------------------------------------------------------------------ serving ----

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml' };

/** Serves a site on 127.0.0.1 and notes every response body: path, bytes, gzip bytes. With a
 * `network` ({rtt, kilobytesPerSecond}), each response waits the round trip and its turn on the
 * link. */
async function serve(folder, network = null) {
  const requests = [];
  let linkFree = 0;
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const blank = path.match(/^\/__bench\/([A-Za-z-]+)\.html$/);
    if (blank) {
      // An empty page in a language, for Pagefind (which picks its index from <html lang>).
      response.writeHead(200, { 'content-type': TYPES['.html'] });
      response.end(`<!doctype html><html lang="${blank[1]}"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>`);
      return;
    }
    let file = join(folder, path);
    if (!file.startsWith(folder)) { response.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { response.writeHead(404).end('not found'); return; }
    const body = readFileSync(file);
    const gz = gzipSize(file, body);
    requests.push({ path, bytes: body.length, gz });
    const send = () => {
      response.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      response.end(body);
    };
    if (!network) { send(); return; }
    const now = Date.now();
    linkFree = Math.max(now, linkFree) + gz / (network.kilobytesPerSecond * 1.024);
    setTimeout(send, linkFree - now + network.rtt);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    mark: () => requests.length,
    since: (mark, prefix) => {
      const list = requests.slice(mark).filter((r) => prefix.test(r.path));
      return { requests: list.length, bytes: list.reduce((s, r) => s + r.bytes, 0), gz: list.reduce((s, r) => s + r.gz, 0), list };
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

const OURS_FILES = /^\/(assets\/search|search)\//;
const PAGEFIND_FILES = new RegExp(`^/${PAGEFIND_DIR}/`);
const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------- the browser ----

/** Our search page: opened with ?q= (it runs the query on load), then a second query. */
async function runOurs(browser, server, lang, [first, next]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Notes when the first query's results are on the page (the status names the query and the
  // list is no longer busy: search.js's show() does both at once).
  await page.addInitScript((q) => {
    const observer = new MutationObserver(() => {
      const status = document.getElementById('search-status');
      const list = document.getElementById('search-results');
      if (status && list && status.textContent.includes(q) && !list.hasAttribute('aria-busy')) {
        window.__benchDone = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, first);
  const mark = server.mark();
  await page.goto(`${server.url}${lang}/search/index.html?q=${encodeURIComponent(first)}`);
  await page.waitForFunction(() => window.__benchDone !== undefined, null, { timeout: 60000 });
  const cold = await page.evaluate(() => {
    const starts = performance.getEntriesByType('resource')
      .filter((e) => /^\/(assets\/search|search)\//.test(new URL(e.name).pathname))
      .map((e) => e.startTime);
    return {
      ms: window.__benchDone - Math.min(...starts),
      fromNavigation: window.__benchDone,
      shown: document.querySelectorAll('#search-results li').length,
      status: document.getElementById('search-status').textContent,
    };
  });
  await settle();
  const firstBytes = server.since(mark, OURS_FILES);
  const mark2 = server.mark();
  const warm = await page.evaluate((q) => new Promise((resolve) => {
    const form = document.getElementById('search-form');
    const status = document.getElementById('search-status');
    const list = document.getElementById('search-results');
    let t0;
    const observer = new MutationObserver(() => {
      if (status.textContent.includes(q) && !list.hasAttribute('aria-busy')) {
        const ms = performance.now() - t0;
        observer.disconnect();
        resolve({ ms, shown: list.querySelectorAll('li').length, status: status.textContent });
      }
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    document.getElementById('search-query').value = q;
    t0 = performance.now();
    form.requestSubmit();
  }), next);
  await settle();
  const nextBytes = server.since(mark2, OURS_FILES);
  await context.close();
  if (errors.length) throw new Error(`errors on our search page (${lang}): ${errors.join('; ')}`);
  const hits = (s) => Number((s.match(/\d[\d,  .]*/) || ['0'])[0].replace(/\D/g, ''));
  return { cold: cold.ms, warm: warm.ms, firstBytes, nextBytes, hits: [hits(cold.status), hits(warm.status)], shown: [cold.shown, warm.shown] };
}

/** Pagefind's JavaScript API on an empty page in the language: search, then data() of the top results. */
async function runPagefindQueries(browser, server, lang, tag, [first, next]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}__bench/${tag}.html`);
  const query = async (q, n, load) => page.evaluate(async ([q, n, load, dir]) => {
    const t0 = performance.now();
    if (load) window.__pagefind = await import(`/${dir}/pagefind.js`);
    const search = await window.__pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, n).map((r) => r.data()));
    return { ms: performance.now() - t0, hits: search.results.length, shown: data.length, first: data[0]?.url ?? null };
  }, [q, n, load, PAGEFIND_DIR]);
  const mark = server.mark();
  const cold = await query(first, RESULTS, true);
  await settle();
  const firstBytes = server.since(mark, PAGEFIND_FILES);
  const mark2 = server.mark();
  const warm = await query(next, RESULTS, false);
  await settle();
  const nextBytes = server.since(mark2, PAGEFIND_FILES);
  await context.close();
  if (errors.length) throw new Error(`errors on the Pagefind page (${lang}): ${errors.join('; ')}`);
  return { cold: cold.ms, warm: warm.ms, firstBytes, nextBytes, hits: [cold.hits, warm.hits], shown: [cold.shown, warm.shown] };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measureSite(browser, site, network = null, runs = RUNS) {
  const server = await serve(site, network);
  const results = {};
  try {
    // One untimed round first: the browser's first pages are much slower than the rest.
    await runOurs(browser, server, 'en', LANGUAGES[0].queries);
    await runPagefindQueries(browser, server, 'en', 'en', LANGUAGES[0].queries);
    for (const { code, tag, queries } of LANGUAGES) {
      const measured = { ours: [], pagefind: [] };
      for (let i = 0; i < runs; i++) {
        // Alternate which engine goes first, so neither always runs on a warmer machine.
        const order = i % 2 ? ['pagefind', 'ours'] : ['ours', 'pagefind'];
        for (const engine of order) {
          measured[engine].push(engine === 'ours' ? await runOurs(browser, server, code, queries) : await runPagefindQueries(browser, server, code, tag, queries));
        }
      }
      results[code] = {};
      for (const engine of ['ours', 'pagefind']) {
        const list = measured[engine];
        const sameBytes = list.every((r) => r.firstBytes.bytes === list[0].firstBytes.bytes && r.nextBytes.bytes === list[0].nextBytes.bytes);
        if (!sameBytes) log(`note: ${engine} ${code} fetched different bytes across runs; reporting the first run`);
        results[code][engine] = { ...list[0], cold: median(list.map((r) => r.cold)), warm: median(list.map((r) => r.warm)) };
      }
      log(`${code}${network ? ' (poor connection)' : ''}: ours ${fmtMs(results[code].ours.cold)}/${fmtMs(results[code].ours.warm)}, pagefind ${fmtMs(results[code].pagefind.cold)}/${fmtMs(results[code].pagefind.warm)}`);
    }
  } finally {
    await server.close();
  }
  return results;
}

// ------------------------------------------------------------------ output ----

const kb = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);
const fmtMs = (n) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const int = (n) => n.toLocaleString('en-US');
const fetched = (b) => `${kb(b.bytes)} / ${kb(b.gz)} gz · ${b.requests} req`;

/** What a fetched file is for: the engine's code, its manifest, the index proper, result text. */
function kindOf(path) {
  if (/^\/assets\/search\/|\/pagefind(-worker)?\.js$|\/wasm\.[^/]+\.pagefind$/.test(path)) return 'code';
  if (/\/search\/[^/]+\/index\.js$|pagefind-entry\.json$|\.pf_meta$/.test(path)) return 'manifest';
  if (/\/search\/[^/]+\/[tpv]-\d+\.js$|\.pf_index$/.test(path)) return 'index';
  if (/\/search\/[^/]+\/d-\d+\.js$|\.pf_fragment$/.test(path)) return 'results';
  return 'other';
}

const KINDS = [
  ['code', 'code (scripts, stemmer / wasm)'],
  ['manifest', 'manifest (index.js / entry + pf_meta)'],
  ['index', 'index (t, p, v files / pf_index chunks)'],
  ['results', 'result text (d-files / pf_fragments)'],
  ['other', 'other'],
];

function byKind(fetch) {
  const sums = {};
  for (const r of fetch.list) {
    const k = kindOf(r.path);
    sums[k] ??= { bytes: 0, gz: 0, requests: 0 };
    sums[k].bytes += r.bytes; sums[k].gz += r.gz; sums[k].requests += 1;
  }
  return sums;
}

function breakdown(results, code) {
  const r = results[code];
  const parts = [r.ours.firstBytes, r.pagefind.firstBytes, r.ours.nextBytes, r.pagefind.nextBytes].map(byKind);
  const rows = ['| ' + code + ' | toolkit, first | Pagefind, first | toolkit, next | Pagefind, next |', '| --- | --- | --- | --- | --- |'];
  for (const [kind, label] of KINDS) {
    if (parts.every((p) => !p[kind])) continue;
    rows.push(`| ${label} | ${parts.map((p) => (p[kind] ? `${kb(p[kind].gz)} gz · ${p[kind].requests}` : '–')).join(' | ')} |`);
  }
  return rows.join('\n');
}

function table(title, info, sizes, results, poor) {
  const rows = [];
  const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
  row('', 'toolkit', 'Pagefind');
  row('---', '---', '---');
  row('Index on disk (4 languages)',
    `${kb(sizes.ours.bytes)} (${kb(sizes.ours.gz)} gz) · ${int(sizes.ours.files)} files`,
    `${kb(sizes.pagefind.bytes)} (${kb(sizes.pagefind.gz)} gz) · ${int(sizes.pagefind.files)} files`);
  row('… without Pagefind’s UI bundles', '(same)',
    `${kb(sizes.pagefindApi.bytes)} (${kb(sizes.pagefindApi.gz)} gz) · ${int(sizes.pagefindApi.files)} files`);
  const part = (m) => `${kb(m.bytes)} (${kb(m.gz)} gz) · ${int(m.files)} files`;
  row('… of which index (t, p, v files / pf_index)', part(sizes.oursIndex), part(sizes.pagefindIndex));
  row('… of which result text (d-files / pf_fragment)', part(sizes.oursResults), part(sizes.pagefindResults));
  for (const { code, queries } of LANGUAGES) {
    const r = results[code];
    row(`First query, ${code} “${queries[0]}”`, fetched(r.ours.firstBytes), fetched(r.pagefind.firstBytes));
  }
  for (const { code, queries } of LANGUAGES) {
    const r = results[code];
    row(`Next query, ${code} “${queries[1]}”`, fetched(r.ours.nextBytes), fetched(r.pagefind.nextBytes));
  }
  for (const { code } of LANGUAGES) {
    const r = results[code];
    row(`Query time ${code}, first / next (median of ${RUNS})`, `${fmtMs(r.ours.cold)} / ${fmtMs(r.ours.warm)}`, `${fmtMs(r.pagefind.cold)} / ${fmtMs(r.pagefind.warm)}`);
  }
  for (const { code } of LANGUAGES) {
    const r = poor[code];
    row(`Query time ${code} on a poor connection, first / next (median of ${POOR_RUNS})`, `${fmtMs(r.ours.cold)} / ${fmtMs(r.ours.warm)}`, `${fmtMs(r.pagefind.cold)} / ${fmtMs(r.pagefind.warm)}`);
  }
  for (const { code } of LANGUAGES) {
    const r = results[code];
    row(`Results found ${code}, first / next`, `${int(r.ours.hits[0])} / ${int(r.ours.hits[1])}`, `${int(r.pagefind.hits[0])} / ${int(r.pagefind.hits[1])} pages`);
  }
  return `### ${title}\n\n${info}\n\n${rows.join('\n')}\n\nWhere the bytes go (gzip KB · requests):\n\n${LANGUAGES.map(({ code }) => breakdown(results, code)).join('\n\n')}\n`;
}

function describe(site, build, pagefind, sizes) {
  const stats = LANGUAGES.map(({ code }) => ({ code, ...ourIndexStats(site, code) }));
  const pages = filesUnder(site).filter((f) => f.endsWith('.html') && !f.includes(`${sep}${PAGEFIND_DIR}${sep}`)).length;
  const docs = stats.map((s) => `${s.code} ${int(s.documents)} documents / ${int(s.terms)} terms`).join(', ');
  return `${int(pages)} HTML pages. toolkit index: ${docs}. ` +
    `Pagefind: ${int(pagefind.pages)} pages, ${int(pagefind.words)} words indexed (${pagefind.seconds.toFixed(1)} s). ` +
    `Build: ${build.replace(/^built: /, '')}.`;
}

// -------------------------------------------------------------------- main ----

async function benchSite(browser, title, root) {
  const out = mkdtempSync(join(tmpdir(), 'toolkit-bench-site-'));
  temporary.push(out);
  log(`${title}: building ${root} into ${out}`);
  const build = buildSite(root, out);
  log(`${title}: ${build}`);
  const pagefind = indexWithPagefind(out);
  log(`${title}: pagefind indexed ${pagefind.pages} pages in ${pagefind.seconds.toFixed(1)} s`);
  const sizes = diskSizes(out);
  const info = describe(out, build, pagefind, sizes);
  log(`${title}: measuring in Chromium (${RUNS} runs × ${LANGUAGES.length} languages × 2 engines)`);
  const results = await measureSite(browser, out);
  log(`${title}: on a poor connection (${POOR.rtt} ms round trip, ${POOR.kilobytesPerSecond * 8 / 1000} Mbit/s; ${POOR_RUNS} runs)`);
  const poor = await measureSite(browser, out, POOR, POOR_RUNS);
  return table(title, info, sizes, results, poor);
}

async function main() {
  const started = Date.now();
  ensureBinary();
  const browser = await chromium.launch({ executablePath: process.env.CHROME || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const tables = [];
  let chromiumVersion = '';
  try {
    if (ONLY !== 'large') tables.push(await benchSite(browser, 'Real site', projectRoot));
    if (ONLY !== 'real') {
      log(`synthetic site: ${COPIES} more copies of every section with challenges, box and case study`);
      const root = makeSynthetic();
      tables.push(await benchSite(browser, `Synthetic site (${COPIES + 1}× the challenges, boxes and case studies)`, root));
    }
  } finally {
    chromiumVersion = browser.version();
    await browser.close();
    if (!KEEP) for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    else log(`kept: ${temporary.join(' ')}`);
  }
  console.log(`## Search benchmark: toolkit vs Pagefind\n`);
  console.log(`${new Date().toISOString().slice(0, 10)} · ${cpus().length} cores (${cpus()[0]?.model.trim()}) · Node ${process.version} · Chromium ${chromiumVersion} · Pagefind ${JSON.parse(readFileSync(join(jsModules, 'pagefind/package.json'), 'utf8')).version}\n`);
  console.log(`Bytes: response bodies of the search machinery only (not the page's HTML/CSS), uncompressed as served / with gzip -6 where it makes them smaller (Pagefind's index files are gzipped on disk already). ` +
    `Both engines load the data of their top ${RESULTS} results. Times: in the browser, from the first search request to results ready (first query, fresh browser context) and from issuing the next query to results ready (same page); medians of ${RUNS} runs. On a poor connection: the server holds each response for a ${POOR.rtt} ms round trip and sends the bodies, gzip-sized, one after another at ${POOR.kilobytesPerSecond * 8 / 1000} Mbit/s (Lighthouse's "slow 4G"). Results found: ours counts documents (a challenge, each of its good practices, boxes, case studies, sources), Pagefind counts pages. KB = 1024 bytes.\n`);
  console.log(tables.join('\n'));
  console.log(`Total benchmark time: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(error);
  if (!KEEP) for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
