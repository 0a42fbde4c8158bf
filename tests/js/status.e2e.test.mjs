// The translators' status page on a phone: table headers wrap between words, never inside one
// (the table scrolls sideways instead), in every language; its language switch lists the
// languages (it was an empty navigation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite } from './support.mjs';

let site, server, browser;
servedSite((s) => ({ site, server, browser } = s));

/** Header words drawn on more than one line: each whitespace-separated word measured alone. */
function brokenWords() {
  const broken = [];
  for (const th of document.querySelectorAll('.status th')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}

for (const path of ['status/', 'en/status/', 'fr/status/', 'es/status/', 'zh/status/']) {
  test(`${path}: table headers do not break inside a word at 390 px`, async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.url}${path}index.html`);
    assert.ok(await page.locator('.status th').count() > 10, 'headers to check');
    assert.deepEqual(await page.evaluate(brokenWords), []);
    // The page itself does not get wider than the phone: only the tables scroll.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'the page is wider than the phone');
    // The language switch has the languages.
    const languages = await page.locator('nav.languages a').count();
    assert.ok(languages >= 4, `${languages} languages in the switch`);
    await page.close();
  });
}
