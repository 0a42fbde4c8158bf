// The relevance test set (tests/search/relevance.toml) in the browser: every query run on the
// search page of the real site must give the same top 3 as `toolkit search`, the code the Rust
// relevance test measures (tests/integration/search.rs), so the figures hold for both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, servedSite, toolkit } from './support.mjs';

let root, site, server, browser;
servedSite((s) => ({ root, site, server, browser } = s));

/** The [[query]] tables of relevance.toml: only the keys it uses (lang, q, expect, kind). */
function queries() {
  const text = readFileSync(join(projectRoot, 'tests/search/relevance.toml'), 'utf8');
  const value = (raw) => {
    raw = raw.replace(/\s+#.*$/, '').trim();
    if (raw.startsWith('[')) return JSON.parse(raw);
    if (raw.startsWith("'")) return raw.slice(1, -1);
    return JSON.parse(raw);
  };
  const list = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '[[query]]') { list.push({}); continue; }
    const match = line.match(/^(lang|q|expect|kind)\s*=\s*(.+)$/);
    if (match && list.length) list[list.length - 1][match[1]] = value(match[2]);
  }
  return list;
}

/** An address from the site root without index.html: /en/2.1.a/#gp-3. */
const normal = (href) => {
  const url = new URL(href);
  return url.pathname.replace(/index\.html$/, '') + url.hash;
};

test('the browser gives the same top 3 as the command line for every query of the relevance set', async () => {
  const list = queries();
  assert.ok(list.length >= 40, `${list.length} queries`);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const differ = [];
  let met = 0;
  for (const { lang, q, expect } of list) {
    const cli = JSON.parse(toolkit('--root', root, 'search', '--lang', lang, '--json', '--limit', '3', q));
    await page.goto(`${server.url}${lang}/search/index.html?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status');
      return status.textContent.includes('“') || status.textContent.includes('«') ? !document.querySelector('#search-results').hasAttribute('aria-busy') : false;
    });
    const hrefs = await page.$$eval('#search-results li a.result-title', (links) => links.slice(0, 3).map((a) => a.href));
    const browserTop = hrefs.map(normal);
    const cliTop = cli.map((hit) => hit.url);
    if (JSON.stringify(browserTop) !== JSON.stringify(cliTop)) differ.push(`${lang} ${q}: browser ${JSON.stringify(browserTop)}, CLI ${JSON.stringify(cliTop)}`);
    if (cli.some((hit) => expect.includes(hit.id))) met += 1;
  }
  await page.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(differ, [], differ.join('\n'));
  console.log(`relevance in the browser: ${met}/${list.length} queries meet their expectation (top 3), the same as the command line`);
});
