// Editions (issue 18) in headless Chromium: the notices between the Third Edition and the
// Knowledge Hub edition both ways, the "what changed" page on a 390 px phone, the language
// switch on a Hub page, and search results that name the Hub edition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './support.mjs';

let site, server, browser;
servedSite((s) => ({ site, server, browser } = s));

test('a superseded Third Edition challenge links to its Hub version, which links back', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}en/3.7.a/index.html`);
  assert.match(await page.locator('.edition-notice').innerText(), /Third Edition/);
  await page.getByRole('link', { name: 'Read the later version' }).click();
  assert.equal(new URL(page.url()).pathname, '/en/hub/3.7.a/index.html');
  assert.match(await page.locator('.breadcrumbs').innerText(), /Knowledge Hub edition/);
  assert.match(await page.locator('h1').innerText(), /Off-duty public security personnel/);
  await page.getByRole('link', { name: /as it was in the earlier edition/ }).click();
  assert.equal(new URL(page.url()).pathname, '/en/3.7.a/index.html');
  await page.close();
});

test('what changed reads on a 390 px phone without sideways scrolling', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}en/hub/3.7.b/changes/index.html`);
  assert.match(await page.locator('.changes-summary').innerText(), /split into several/);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `page is ${widths[0]} px wide in a ${widths[1]} px window`);
  // Removed and added words are told apart without colour too (for print and colour blindness).
  const decorations = await page.evaluate(() =>
    ['del', 'ins'].map((tag) => getComputedStyle(document.querySelector(`.change-text ${tag}`)).textDecorationLine));
  assert.deepEqual(decorations, ['line-through', 'underline']);
  await page.close();
});

test('a Hub challenge reads in the same column as any challenge on a wide screen', async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const column = async (path) => {
    await page.goto(`${server.url}${path}`);
    return page.$eval('h1', (h) => { const r = h.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.width)]; });
  };
  const [left, width] = await column('fr/hub/3.7.a/index.html');
  assert.deepEqual([left, width], await column('fr/3.7.a/index.html'));
  assert.ok(width > 600, `${width} px`);
  await page.close();
});

test('the language switch on a Hub page stays in the Hub edition', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}en/hub/3.7.c/index.html`);
  // The language menu is a disclosure on every page.
  await page.locator('nav.languages summary').click();
  await page.locator('nav.languages a[hreflang="fr"]').click();
  assert.equal(new URL(page.url()).pathname, '/fr/hub/3.7.c/index.html');
  assert.match(await page.locator('.edition-line').innerText(), /Édition/);
  await page.close();
});

test('search finds a sentence only the Hub edition has and names the edition', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}en/search/index.html?q=${encodeURIComponent('private security capacity rules are different')}`);
  const first = page.locator('#search-results li').first();
  await first.waitFor();
  assert.match(await first.locator('.result-trail').first().innerText(), /Knowledge Hub edition/);
  assert.match(await first.locator('a.result-title').getAttribute('href'), /hub\/3\.7\.a\//);
  await page.close();
});
