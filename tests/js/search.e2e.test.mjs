// The search page in headless Chromium, on the real site over HTTP and from disk (file://),
// and on the fixture with hostile text in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, project, projectRoot, serve, servedSite } from './support.mjs';

let site, server, browser;
servedSite((s) => ({ site, server, browser } = s));

async function searchPage(base, lang, query = '') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.errors = errors;
  await page.goto(`${base}${lang}/search/index.html${query ? `?q=${encodeURIComponent(query)}` : ''}`);
  return page;
}

async function typeQuery(page, text) {
  await page.fill('#search-query', '');
  await page.type('#search-query', text);
  await page.waitForFunction(
    (q) => document.querySelector('#search-status').textContent.includes(q) && !document.querySelector('#search-results').hasAttribute('aria-busy'),
    text,
  );
}

const results = (page) => page.$$eval('#search-results li', (items) => items.map((li) => ({
  title: li.querySelector('a').textContent,
  titleMarks: Array.from(li.querySelectorAll('a.result-title mark')).map((m) => m.textContent),
  lacks: li.querySelector('.result-lacks')?.textContent ?? '',
  snippet: li.querySelector('p').textContent,
  href: li.querySelector('a').getAttribute('href'),
  trail: li.querySelector('.result-trail')?.textContent ?? '',
  marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent),
  lang: li.lang,
})));

test('typing a query shows ranked results with highlighted words, announced in the status', async () => {
  const page = await searchPage(server.url, 'en');
  await typeQuery(page, 'off-duty officers');
  const found = await results(page);
  assert.ok(found.length > 0);
  assert.match(found[0].href, /3\.7\.a\/index\.html/);
  assert.ok(found.some((r) => r.marks.map((m) => m.toLowerCase()).includes('off')), JSON.stringify(found[0]));
  assert.match(found[0].trail, /Chapter 3.*›.*3\.7/);
  const status = await page.textContent('#search-status');
  assert.match(status, /^\d+ results? for “off-duty officers”\.$/);
  assert.equal(await page.getAttribute('#search-status', 'role'), 'status');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a result is reached with the keyboard and leads to its good practice', async () => {
  const page = await searchPage(server.url, 'en');
  await typeQuery(page, 'grievance mechanism');
  const first = (await results(page))[0];
  assert.match(first.href, /#gp-\d+$/, 'a good practice is its own result');
  await page.focus('#search-query');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), first.title);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const anchor = new URL(page.url()).hash.slice(1);
  assert.match(anchor, /^gp-\d+$/);
  const target = await page.$eval(`[id="${anchor}"]`, (element) => element.textContent);
  assert.ok(target.toLowerCase().includes('grievance'), target);
  await page.close();
});

test('?q= in the address runs the query, and the chapter filter narrows it', async () => {
  // (Not "training" alone: with the Hub edition's 3.7, chapter 3 has more than a page of it.)
  const page = await searchPage(server.url, 'en', 'human rights training');
  await page.waitForSelector('#search-results li');
  assert.equal(await page.inputValue('#search-query'), 'human rights training');
  const all = await results(page);
  await page.selectOption('#search-chapter', '3');
  await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length !== n, all.length);
  const chapter3 = await results(page);
  assert.ok(chapter3.length > 0 && chapter3.length < all.length);
  assert.ok(chapter3.every((r) => r.trail.startsWith('Chapter 3')), JSON.stringify(chapter3.map((r) => r.trail)));
  assert.match(page.url(), /chapter=3/);
  await page.close();
});

test('the index manifest is fetched alongside search.js, once, not after it', async () => {
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}en/search/index.html?q=training`);
  await page.waitForSelector('#search-results li');
  const manifest = requests.filter((path) => path.endsWith('/search/en/index.js'));
  assert.equal(manifest.length, 1, requests.join('\n'));
  assert.ok(requests.indexOf(manifest[0]) < requests.findIndex((path) => path.endsWith('/search/search.js')), requests.join('\n'));
  await page.close();
});

test('the current edition ranks first, and the edition filter keeps one edition', async () => {
  const page = await searchPage(server.url, 'en', 'uniform');
  await page.waitForSelector('#search-results li');
  const all = await results(page);
  const hub = (r) => r.href.includes('/hub/');
  assert.ok(all.some(hub) && all.some((r) => !hub(r)), JSON.stringify(all.map((r) => r.href)));
  // The Knowledge Hub edition is current: its 3.7.a comes before the Third Edition's it replaces.
  assert.ok(all.findIndex(hub) < all.findIndex((r) => r.href.includes('3.7.a/') && !hub(r)), JSON.stringify(all.map((r) => r.href)));
  assert.match(all.find(hub).trail, /Knowledge Hub edition/);
  await page.selectOption('#search-edition', 'third');
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('#search-results a.result-title')).some((a) => a.href.includes('/hub/')));
  const third = await results(page);
  assert.ok(third.length > 0 && !third.some(hub), JSON.stringify(third.map((r) => r.href)));
  assert.match(page.url(), /edition=third/);
  await page.close();
  // From the address: the Hub edition holds its own 3.7 and the Third Edition's unrevised parts.
  const current = await searchPage(server.url, 'en', 'grievance');
  await current.goto(`${server.url}en/search/index.html?q=uniform&edition=hub`);
  await current.waitForSelector('#search-results li');
  assert.equal(await current.inputValue('#search-edition'), 'hub');
  const inHub = await results(current);
  assert.ok(inHub.length > 0 && !inHub.some((r) => /\/en\/3\.7\.[abc]\//.test(r.href) && !hub(r)), JSON.stringify(inHub.map((r) => r.href)));
  await current.close();
});

test('the search box in every page header leads to the results', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}fr/2.1.a/index.html`);
  await page.fill('#site-search', 'équipement');
  await Promise.all([page.waitForNavigation(), page.press('#site-search', 'Enter')]);
  assert.match(page.url(), /\/fr\/search\/index\.html\?q=%C3%A9quipement/);
  await page.waitForSelector('#search-results li');
  const found = await results(page);
  // Equipment first, not the security teams (équipe) the French stemmer would merge with it:
  // 2.1.d, and the current (Knowledge Hub) edition's 3.7.c, which names equipment needs twice.
  const top = found.slice(0, 3).map((r) => r.href);
  assert.ok(top.some((href) => href.includes('/2.1.d/')), JSON.stringify(top));
  assert.ok(top.every((href) => href.includes('/2.1.d/') || href.includes('/hub/3.7.c/')), JSON.stringify(top));
  assert.ok(!top.some((href) => /3\.7\.c\/index\.html#gp-6$|hub\/3\.7\.c\/index\.html#gp-15$/.test(href)), JSON.stringify(top));
  await page.close();
});

test('French without accents, Spanish and Chinese queries find their words', async () => {
  const fr = await searchPage(server.url, 'fr');
  await typeQuery(fr, 'securite publique');
  assert.ok((await results(fr)).some((r) => r.marks.some((m) => m.toLowerCase() === 'sécurité')));
  await fr.close();
  const es = await searchPage(server.url, 'es');
  await typeQuery(es, 'pagos corrupción');
  assert.match((await results(es))[0].href, /2\.1\.e/);
  await es.close();
  const zh = await searchPage(server.url, 'zh');
  await typeQuery(zh, '申诉机制');
  const found = await results(zh);
  assert.ok(found.length > 0);
  assert.ok(found[0].marks.join('').includes('申诉'), JSON.stringify(found[0]));
  assert.match(await zh.textContent('#search-status'), /申诉机制/);
  await zh.close();
});

test('search works from disk (file://)', async () => {
  const page = await browser.newPage();
  await page.goto(`${pathToFileURL(site).href}/en/search/index.html?q=${encodeURIComponent('off-duty police')}`);
  await page.waitForSelector('#search-results li');
  const first = (await results(page))[0];
  await Promise.all([page.waitForNavigation(), page.click('#search-results li a')]);
  assert.ok(page.url().startsWith('file://'));
  assert.match(page.url(), /3\.7\.a\/index\.html#gp-\d+$/, first.href);
  assert.ok(await page.$eval(`[id="${new URL(page.url()).hash.slice(1)}"]`, (e) => e !== null));
  await page.close();
});

test('text from content is shown as text, never run as HTML', async () => {
  const root = project(join(projectRoot, 'tests/fixture/content'));
  const challenge = join(root, 'content/en/1/1.1/a.md');
  writeFileSync(challenge, readFileSync(challenge, 'utf8').replace(
    '- Self-defence standards',
    '- Beware of <img src=x onerror="window.pwned=1"> and <script>window.pwned=2</script> tricks.\n- Self-defence standards',
  ));
  const fixture = await serve(build(root));
  const page = await searchPage(fixture.url, 'en');
  await typeQuery(page, 'onerror tricks');
  const found = await results(page);
  assert.ok(found.length > 0);
  const text = await page.textContent('#search-results');
  assert.ok(text.includes('<img src=x onerror="window.pwned=1">'), text);
  assert.equal(await page.$$eval('#search-results img, #search-results script', (e) => e.length), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.close();
  await fixture.close();
});

test('the status line repeats the query as typed, $ patterns and {count} included', async () => {
  // With the query as String.prototype.replace's replacement string, $&, $`, $' and $1 were
  // expanded (review I18): "x $& $` y" gave "No results for “x {query} No results for “ y”".
  const queries = ['x $& $` y', "zqx $' zqy", '$1 $2 $$ $<name>', 'police $&', "training $` $'", '{count} {query} police'];
  const settled = (page) => page.waitForFunction(() => document.querySelector('#search-status').textContent.includes('“')
    && !document.querySelector('#search-results').hasAttribute('aria-busy'));
  const status = (page) => page.evaluate(() => ({
    text: document.querySelector('#search-status').textContent,
    count: document.querySelectorAll('#search-results li').length,
  }));
  const check = ({ text, count }, query, where) => {
    // "N results for “…”.", or, when no result has every word, "No result contains all of “…”; …".
    const some = text.startsWith('No result contains all of “');
    const [, number] = text.match(/^(No|\d+) results? for “/) ?? [];
    assert.ok(some || number, `${where}: ${text}`);
    assert.equal(!some && number === 'No', count === 0, `${where}: ${text}`);
    const quoted = some ? `“${query}”; showing results with some of them.` : `“${query}”.`;
    assert.equal(text.slice(text.indexOf('“')), quoted, `${where}: ${text}`);
  };
  const found = [];
  for (const query of queries) {
    // Typed (Enter runs it at once, so no earlier, partial query can be the one shown), then
    // in the address (?q=), over HTTP and from disk.
    const typed = await searchPage(server.url, 'en');
    await typed.type('#search-query', query);
    await typed.press('#search-query', 'Enter');
    await settled(typed);
    const shown = await status(typed);
    check(shown, query, 'typed');
    found.push(shown.count);
    assert.deepEqual(typed.errors, []);
    await typed.close();
    for (const base of [server.url, `${pathToFileURL(site).href}/`]) {
      const linked = await searchPage(base, 'en', query);
      await settled(linked);
      check(await status(linked), query, base);
      assert.deepEqual(linked.errors, []);
      await linked.close();
    }
  }
  // Both forms of the line are covered: with no results and with a count.
  assert.ok(found.includes(0) && found.some((n) => n > 0), JSON.stringify(found));
});

/** Opens the search page with ?q= and waits for its answer. */
async function answered(base, lang, query) {
  const page = await searchPage(base, lang, query);
  await page.waitForFunction(() => /[“«]/.test(document.querySelector('#search-status').textContent)
    && !document.querySelector('#search-results').hasAttribute('aria-busy'));
  return page;
}

test('abbreviations find their expansion and the reverse, from the glossary, matches highlighted in titles', async () => {
  const cases = [
    ['en', 'IHL', /2\.8\.b\/index\.html#gp-3|2\.1\.a\/index\.html#gp-4/, 'international'],
    // The Hub edition's 3.7.b spells the term out twice in its eighth practice.
    ['en', 'memorandum of understanding', /2\.1\.a\/index\.html#gp-3|2\.8\.a\/index\.html#gp-3|hub\/3\.7\.b\/index\.html#gp-8/, 'MoU'],
    ['fr', 'DIH', /2\.8\.b\/index\.html#gp-3|2\.1\.a\/index\.html#gp-4/, 'droit'],
    ['es', 'MdE', /2\.1\.a\/index\.html#gp-3|2\.8\.a\/index\.html#gp-3|hub\/3\.7\.b\/index\.html#gp-8/, 'MdE'],
    ['zh', 'MoU', /2\.1\.a\/index\.html#gp-3|2\.8\.a\/index\.html#gp-3|hub\/3\.7\.b\/index\.html#gp-8/, '谅解备忘录'],
  ];
  for (const [lang, query, expected, mark] of cases) {
    const page = await answered(server.url, lang, query);
    const found = await results(page);
    assert.match(found[0].href, expected, `${lang} ${query}: ${JSON.stringify(found.slice(0, 3).map((r) => r.href))}`);
    assert.ok(found.slice(0, 3).some((r) => r.titleMarks.includes(mark)), `${lang} ${query}: ${JSON.stringify(found.slice(0, 3).map((r) => r.titleMarks))}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('a word found nowhere is not dropped: the status says so and each result names what it lacks', async () => {
  const page = await answered(server.url, 'es', 'mecanismo de quejas');
  assert.equal(await page.textContent('#search-status'),
    'Ningún resultado contiene todas las palabras de «mecanismo de quejas»; se muestran los resultados que contienen algunas de ellas.');
  const found = await results(page);
  assert.ok(found.length > 0);
  // (The Hub edition's "quejas de los ciudadanos" has one word, the complaint mechanisms the other.)
  assert.ok(found.every((r) => /^Palabras ausentes: (quejas|mecanismo)$/.test(r.lacks)), JSON.stringify(found.map((r) => r.lacks)));
  assert.ok(found.some((r) => r.lacks === 'Palabras ausentes: quejas'), JSON.stringify(found.map((r) => r.lacks)));
  await page.close();
  // With all the words, nothing is marked as lacking.
  const all = await answered(server.url, 'es', 'mecanismo de reclamación');
  assert.match(await all.textContent('#search-status'), /^\d+ resultados? para «mecanismo de reclamación»\.$/);
  assert.ok((await results(all)).every((r) => r.lacks === ''));
  await all.close();
  // Chinese typed without spaces is cut where two characters never stand together (察培).
  const zh = await answered(server.url, 'zh', '警察培训');
  assert.match(await zh.textContent('#search-status'), /^找到\d+条与“警察培训”相关的结果。$/);
  const first = (await results(zh))[0];
  assert.ok(first.marks.concat(first.titleMarks).join('').includes('培训'), JSON.stringify(first));
  await zh.close();
});

test('exact forms first, phrases in quotes, and a typo corrected from the index’s own words', async () => {
  const fr = await answered(server.url, 'fr', 'intégrées');
  const all = await results(fr);
  assert.ok(all.slice(0, 3).some((r) => r.href.endsWith('2.8.d/index.html#gp-5')), JSON.stringify(all.map((r) => r.href)));
  // Every result with the form typed comes before every result with only its stem.
  const exact = all.map((r) => r.marks.concat(r.titleMarks).some((m) => m.toLowerCase() === 'intégrées'));
  assert.ok(exact[0] && exact.indexOf(false) > 0 && exact.lastIndexOf(true) < exact.indexOf(false), JSON.stringify(all.map((r) => r.marks)));
  await fr.close();
  const phrase = await answered(server.url, 'en', '"use of force"');
  const withPhrase = await results(phrase);
  // "of" is a stop word, so the phrase also matches "to use force" (the Hub edition's 3.7.c).
  assert.ok(withPhrase.length > 0 && withPhrase.every((r) => /use (of )?force/i.test(r.snippet) || /use (of )?force/i.test(r.title)), JSON.stringify(withPhrase.map((r) => r.snippet)));
  await phrase.close();
  const typo = await answered(server.url, 'en', 'grievence');
  assert.match(await typo.textContent('#search-status'), /^No results for “grievence”\. \d+ results for “grievance”\.$/);
  assert.match((await results(typo))[0].href, /2\.8\.d\/index\.html#gp-5|2\.1\.c\/index\.html#gp-6|2\.8\.c\/index\.html#gp-5/);
  await typo.close();
});

test('no results: tips, a "did you mean" that runs the suggestion, and the same query in English', async () => {
  const page = await answered(server.url, 'fr', 'réclamasion xyzzy');
  assert.equal(await page.textContent('#search-status'), 'Aucun résultat pour «\u00a0réclamasion xyzzy\u00a0».');
  assert.equal(await page.isVisible('#search-help'), true);
  assert.ok((await page.textContent('#search-help')).includes('guillemets'));
  const english = await page.getAttribute('.search-in-english a', 'href');
  assert.equal(english, `../../en/search/index.html?q=${encodeURIComponent('réclamasion xyzzy')}`);
  assert.equal(await page.textContent('.search-suggestion'), 'Vouliez-vous dire «\u00a0reclamation xyzzy\u00a0»\u00a0?');
  await page.click('.search-suggestion a');
  await page.waitForFunction(() => document.querySelector('#search-status').textContent.includes('reclamation xyzzy'));
  assert.equal(await page.inputValue('#search-query'), 'reclamation xyzzy');
  await page.close();
  // English is the reference: its page offers no link to itself.
  const en = await answered(server.url, 'en', 'xyzzy qqqq');
  assert.equal(await en.$('.search-in-english'), null);
  assert.equal(await en.isVisible('#search-help'), true);
  await en.close();
});

test('every result can be shown, ten at a time, and results with the same title show where they are', async () => {
  const page = await answered(server.url, 'en', 'security');
  const total = Number((await page.textContent('#search-status')).match(/^(\d+)/)[1]);
  assert.ok(total > 20, String(total));
  assert.equal((await results(page)).length, 10);
  for (let shown = 10; shown < total; shown += 10) {
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length === n, Math.min(total, shown + 10));
  }
  assert.equal(await page.isVisible('#search-more'), false);
  const all = await results(page);
  assert.equal(new Set(all.map((r) => r.href)).size, total);
  await page.close();
  const same = await answered(server.url, 'en', 'Support security sector reform programmes');
  const twins = (await results(same)).filter((r) => r.title.startsWith('Support security sector reform programmes'));
  assert.equal(twins.length, 2);
  assert.notEqual(twins[0].title, twins[1].title);
  assert.ok(twins.every((r) => /– Challenge 2\.8\.[ac]$/.test(r.title)), JSON.stringify(twins.map((r) => r.title)));
  await same.close();
});

test('snippets start and end between words (between characters in Chinese), around the best passage', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}en/search/index.html`);
  const wrong = await page.evaluate(async () => {
    const { Analyzer, snippet } = window.toolkitSearch;
    const words = /[\p{Alphabetic}\p{N}]/u;
    const han = /[\u3400-\u9FFF]/u;
    const problems = [];
    for (const [lang, query] of [['en', 'security forces training'], ['fr', 'sécurité formation'], ['es', 'establecer seguridad'], ['zh', '安全 培训']]) {
      const manifest = await new Promise((resolve) => {
        const old = window.toolkitSearchData;
        window.toolkitSearchData = (l, n, d) => { window.toolkitSearchData = old; resolve(d); };
        const script = document.createElement('script');
        script.src = `../../search/${lang}/index.js`;
        document.head.appendChild(script);
      });
      const analyzer = new Analyzer(lang, manifest.stopWords, manifest.stemOverrides);
      if (lang !== 'en' && lang !== 'zh') analyzer.stemmer = null;
      const terms = analyzer.queryTokens(query).map((t) => t.term);
      for (let n = 0; n * manifest.perFile < manifest.documents; n++) {
        const documents = await new Promise((resolve) => {
          const old = window.toolkitSearchData;
          window.toolkitSearchData = (l, name, d) => { window.toolkitSearchData = old; resolve(d); };
          const script = document.createElement('script');
          script.src = `../../search/${lang}/d-${n}.js`;
          document.head.appendChild(script);
        });
        for (const doc of documents) {
          const text = doc.x.replace(/\s+/g, ' ');
          const shown = snippet(analyzer, text, terms, 180).map((p) => p.text).join('');
          const body = shown.replace(/^…/, '').replace(/…$/, '');
          const at = text.indexOf(body);
          if (at < 0) { problems.push(`${lang}: not found: ${shown}`); continue; }
          const before = text[at - 1] ?? ' ', first = text[at] ?? ' ';
          const last = text[at + body.length - 1] ?? ' ', after = text[at + body.length] ?? ' ';
          const cut = (a, b) => words.test(a) && words.test(b) && !han.test(a) && !han.test(b);
          if (cut(before, first)) problems.push(`${lang}: starts mid-word: ${shown.slice(0, 40)}`);
          if (cut(last, after)) problems.push(`${lang}: ends mid-word: ${shown.slice(-40)}`);
          const marks = snippet(analyzer, text, terms, 180).filter((p) => p.mark).length;
          const anywhere = analyzer.indexTokens(text).some((t) => terms.includes(t.term));
          if (anywhere && marks === 0) problems.push(`${lang}: no match shown: ${shown.slice(0, 60)}`);
        }
      }
    }
    return problems;
  });
  assert.deepEqual(wrong, []);
  await page.close();
});

test('the language switch keeps the query', async () => {
  const page = await answered(server.url, 'fr', 'formation police');
  const href = await page.getAttribute('nav.languages a[hreflang="en"]', 'href');
  assert.equal(href, '../../en/search/index.html?q=formation+police');
  await page.click('nav.languages summary'); // The language menu opens first.
  await Promise.all([page.waitForNavigation(), page.click('nav.languages a[hreflang="es"]')]);
  assert.equal(await page.inputValue('#search-query'), 'formation police');
  await page.close();
});
