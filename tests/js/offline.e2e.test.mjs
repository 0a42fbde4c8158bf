// Reading offline, in headless Chromium over HTTP: the service worker keeps the pages a reader
// opens; "Save for offline reading" keeps a whole language, search included; a new build
// refreshes a saved language by fetching only the files that changed; removing forgets it. The
// search index of a language not saved bypasses the worker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, launch, project, projectRoot, serve } from './support.mjs';

const fluent = (id, lang = 'en') => readFileSync(join(projectRoot, `i18n/${lang}/site.ftl`), 'utf8').match(new RegExp(`^${id} = (.*)$`, 'm'))[1];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Whether a page loads (from the network or the service worker's copy). */
async function opens(page, url) {
  try {
    const response = await page.goto(url);
    return Boolean(response && response.ok());
  } catch {
    return false;
  }
}

async function waitForStatus(page, text) {
  await page.waitForFunction((t) => document.querySelector('#offline .offline-status').textContent === t, text, { timeout: 30000 });
}

/** Polls the page until `check` (run in the page) is true. */
async function eventually(page, check, argument) {
  for (let i = 0; i < 100; i += 1) {
    if (await page.evaluate(check, argument)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`never true: ${check}`);
}

test('a saved language reads and searches offline, updates by what changed, and can be removed', async () => {
  const root = project();
  const site = build(root);
  const server = await serve(site);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}en/index.html`);
  await page.waitForSelector('#offline:not([hidden])');
  assert.match(await page.textContent('#offline .offline-status'), /^Save the toolkit in English on this device \(\d+(\.\d)? MB\)/);
  await page.click('#offline .offline-save');
  await waitForStatus(page, fluent('offline-saved'));
  const manifest = JSON.parse(readFileSync(join(site, 'offline/en.json'), 'utf8'));
  assert.ok(Object.keys(manifest.files).length > 50);

  // A new build: the worker changes, and the saved language is refreshed file by file.
  const challenge = join(root, 'content/en/2/2.1/a.md');
  writeFileSync(challenge, readFileSync(challenge, 'utf8').replace('Raise the VPs', 'Raise the VPs (revised)'));
  build(root);
  server.requests.length = 0;
  await page.reload();
  const changed = `${server.url}en/2.1.a/index.html`;
  const updated = JSON.parse(readFileSync(join(site, 'offline/en.json'), 'utf8'));
  assert.notEqual(updated.files['en/2.1.a/index.html'], manifest.files['en/2.1.a/index.html']);
  // The refresh is over when the record of what is saved is the new list.
  await eventually(page, async ([record, expected]) => {
    const kept = await caches.match(record);
    return Boolean(kept) && JSON.stringify((await kept.json()).files) === expected;
  }, [`${server.url}offline/saved/en.json`, JSON.stringify(updated.files)]);
  const fetched = server.requests.filter((p) => p.startsWith('/en/') || p.startsWith('/search/en/'));
  assert.ok(fetched.includes('/en/2.1.a/index.html'));
  assert.ok(fetched.length < Object.keys(manifest.files).length / 3, `refresh fetched ${fetched.length} files: ${fetched.join(' ')}`);

  // Offline: every page of the language, search included; not the other languages.
  await server.close();
  assert.ok(await opens(page, `${server.url}en/3.7.c/index.html`), 'an unvisited page of the saved language');
  assert.match(await page.textContent('h1'), /3\.7\.c/);
  assert.ok(await opens(page, changed));
  assert.match(await page.textContent('main'), /Raise the VPs \(revised\)/);
  assert.ok(await opens(page, `${server.url}en/search/index.html?q=grievance`));
  await page.waitForSelector('#search-results li');
  // French was neither saved nor opened: its own page says so, in French, not the browser's error.
  assert.ok(await opens(page, `${server.url}fr/2.1.a/index.html`), 'French says it is not kept');
  assert.equal(await page.textContent('h1'), 'Page non disponible hors ligne');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');

  // The home page says it is saved, offline too, and removing forgets the language.
  assert.ok(await opens(page, `${server.url}en/index.html`));
  await page.waitForSelector('#offline .offline-remove:not([hidden])');
  await waitForStatus(page, fluent('offline-saved'));
  await page.click('#offline .offline-remove');
  await waitForStatus(page, fluent('offline-removed'));
  assert.ok(await opens(page, `${server.url}en/3.7.c/index.html`));
  assert.equal(await page.textContent('h1'), fluent('offline-page-title'), 'removed: the page says it is not kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('pages a reader opened stay readable offline; others say they are not kept', async () => {
  const server = await serve(build(project()));
  const context = await browser.newContext();
  const page = await context.newPage();
  // The page a reader arrives on is loaded before the worker exists: it is kept all the same.
  const landing = `${server.url}fr/2.8.c/index.html`;
  await page.goto(landing);
  await eventually(page, async (url) => Boolean(await caches.match(url)), landing);
  // From the browser's HTTP cache, not downloaded again.
  assert.equal(server.requests.filter((p) => p === '/fr/2.8.c/index.html').length, 1, server.requests.join(' '));
  assert.ok(await opens(page, `${server.url}fr/2.8.a/index.html`));
  // Pages other than the home page lead to its panel from the footer.
  await page.click('.offline-link a');
  await page.waitForSelector('#offline:not([hidden])');
  assert.ok(page.url().endsWith('fr/index.html#offline'));
  assert.ok(await page.$eval('#offline', (panel) => panel.getBoundingClientRect().top < innerHeight), 'scrolled to the panel');
  await eventually(page, async (url) => Boolean(await caches.match(url)), `${server.url}fr/offline/index.html`);
  await server.close();
  assert.ok(await opens(page, `${server.url}fr/2.8.a/index.html`), 'a page read before');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.ok(await opens(page, landing), 'the page the reader arrived on');
  assert.match(await page.textContent('h1'), /2\.8\.c/);
  // A page never opened: a page in French says it is not kept on this device.
  assert.ok(await opens(page, `${server.url}fr/2.8.b/index.html`));
  assert.equal(await page.textContent('h1'), 'Page non disponible hors ligne');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await context.close();
});

test('a language not saved searches straight from the network; offline, its search page says why it cannot', async () => {
  const server = await serve(build(project()));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}es/index.html`);
  await eventually(page, () => Boolean(navigator.serviceWorker.controller));
  const answers = [];
  page.on('response', (response) => answers.push({ path: new URL(response.url()).pathname, worker: response.fromServiceWorker() }));
  const search = `${server.url}es/search/index.html?q=${encodeURIComponent('policía')}`;
  assert.ok(await opens(page, search));
  await page.waitForSelector('#search-results li');
  const index = answers.filter((a) => a.path.startsWith('/search/es/'));
  assert.ok(index.length >= 3, `index files: ${index.map((a) => a.path).join(' ')}`);
  assert.deepEqual(index.filter((a) => a.worker).map((a) => a.path), [], 'index files answered by the worker');
  assert.ok(answers.some((a) => a.path === '/es/search/index.html' && a.worker), 'the page itself is kept by the worker');

  await server.close();
  assert.ok(await opens(page, search), 'the search page read before');
  await page.waitForFunction((text) => document.getElementById('search-status').textContent === text, fluent('search-unavailable', 'es'));
  assert.equal(await page.locator('#search-results li').count(), 0);
  await context.close();
});

test('the worker is registered once the page has loaded, after a first search has its files', async () => {
  const server = await serve(build(project()));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.order = [];
    addEventListener('load', () => window.order.push('load'));
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => { window.order.push('register'); return register(...args); };
  });
  await page.goto(`${server.url}es/search/index.html?q=${encodeURIComponent('capacitación policía')}`);
  await page.waitForSelector('#search-results li');
  await eventually(page, () => Boolean(navigator.serviceWorker.controller));
  assert.deepEqual(await page.evaluate(() => window.order), ['load', 'register']);
  const worker = server.requests.indexOf('/sw.js');
  const index = server.requests.filter((p) => p.startsWith('/search/es/'));
  assert.ok(index.some((p) => /\/d-\d+\.js$/.test(p)), index.join(' '));
  assert.ok(index.every((p) => server.requests.indexOf(p) < worker), `the worker came before the search's files: ${server.requests.join(' ')}`);
  await context.close();
  await server.close();
});

test('from disk (file://) nothing is registered and the panel stays hidden', async () => {
  const site = build(project());
  const page = await browser.newPage();
  await page.goto(`file://${join(site, 'en/index.html')}`);
  await page.waitForLoadState('load');
  assert.equal(await page.isHidden('#offline'), true);
  await page.close();
});
