// The search page in headless Chromium, on the real site over HTTP and from disk (file://),
// and on the fixture with hostile text in it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, launch, project, projectRoot, serve } from './support.mjs';

let site, server, browser;

before(async () => {
  site = build(project());
  server = await serve(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

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
  href: li.querySelector('a').getAttribute('href'),
  trail: li.querySelector('.result-trail')?.textContent ?? '',
  marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent),
  lang: li.lang,
})));

test('typing a query shows ranked results with highlighted words, announced in the status', async () => {
  const page = await searchPage(server.url, 'en');
  await typeQuery(page, 'off-duty police');
  const found = await results(page);
  assert.ok(found.length > 0);
  assert.match(found[0].href, /3\.7\.a\/index\.html/);
  assert.ok(found.some((r) => r.marks.map((m) => m.toLowerCase()).includes('off')), JSON.stringify(found[0]));
  assert.match(found[0].trail, /Chapter 3.*›.*3\.7/);
  const status = await page.textContent('#search-status');
  assert.match(status, /^\d+ results? for “off-duty police”\.$/);
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
  const page = await searchPage(server.url, 'en', 'training');
  await page.waitForSelector('#search-results li');
  assert.equal(await page.inputValue('#search-query'), 'training');
  const all = await results(page);
  await page.selectOption('#search-chapter', '3');
  await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length !== n, all.length);
  const chapter3 = await results(page);
  assert.ok(chapter3.length > 0 && chapter3.length < all.length);
  assert.ok(chapter3.every((r) => r.trail.startsWith('Chapter 3')), JSON.stringify(chapter3.map((r) => r.trail)));
  assert.match(page.url(), /chapter=3/);
  await page.close();
});

test('the search box in every page header leads to the results', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}fr/2.1.a/index.html`);
  await page.fill('#site-search', 'équipement');
  await Promise.all([page.waitForNavigation(), page.press('#site-search', 'Enter')]);
  assert.match(page.url(), /\/fr\/search\/index\.html\?q=%C3%A9quipement/);
  await page.waitForSelector('#search-results li');
  const found = await results(page);
  // Equipment first, not the security teams (équipe) the French stemmer would merge with it.
  assert.ok(found.slice(0, 3).every((r) => r.href.includes('2.1.d')), JSON.stringify(found.map((r) => r.href)));
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
    const [, number] = text.match(/^(No|\d+) results? for “/) ?? [];
    assert.equal(number === 'No', count === 0, `${where}: ${text}`);
    assert.equal(text.slice(text.indexOf('“')), `“${query}”.`, `${where}: ${text}`);
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
