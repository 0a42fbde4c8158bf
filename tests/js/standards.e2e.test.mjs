// Standards: every page of the real site is valid HTML (html-validate), and the main kinds of
// page pass axe-core's WCAG 2 A and AA rules (contrast included) in headless Chromium, in
// English and Chinese.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { build, launch, project, serve } from './support.mjs';

const require = createRequire(import.meta.url);
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

function htmlFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

test('every page is valid HTML', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // HTML allows any id without spaces; ours carry the toolkit's ids, e.g. "c-2.8.a-gp-4".
      'valid-id': ['error', { relaxed: true }],
      // A challenge page's title is its statement, which is long by nature.
      'long-title': 'off',
    },
  });
  const pages = htmlFiles(site);
  assert.ok(pages.length > 100, `${pages.length} pages`);
  const problems = [];
  for (const page of pages) {
    const report = await validator.validateFile(page);
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${relative(site, page)}:${message.line}: ${message.message} (${message.ruleId})`);
    }
  }
  assert.deepEqual(problems, []);
});

const pages = [
  'index.html', '404.html', 'status/index.html',
  'en/index.html', 'en/2/index.html', 'en/2.1/index.html', 'en/2.1.a/index.html', 'en/sources/index.html',
  'en/glossary/index.html', 'en/case-studies/lubumbashi/index.html', 'en/search/index.html?q=police', 'en/3/print/index.html',
  'zh/index.html', 'zh/2.8.d/index.html', 'zh/search/index.html?q=%E7%94%B3%E8%AF%89', 'zh/glossary/index.html',
  'fr/3.7.b/index.html', 'es/2.1.e/index.html',
];

for (const path of pages) {
  test(`${path} passes axe-core's WCAG 2 A and AA rules`, async () => {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    if (path.includes('search/')) await page.waitForSelector('#search-results li');
    // Home pages: the offline reading panel, which a script shows over HTTP, is checked too.
    if (/^(en|fr|es|zh)\/index\.html$/.test(path)) await page.waitForSelector('#offline:not([hidden])');
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    await page.close();
  });
}

test('no page is wider than a small phone (360 px): long addresses, menus and tables wrap', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const wide = [];
  const kinds = ['index.html', '2/index.html', '2.1/index.html', '2.1.a/index.html', '3.7.c/index.html', 'sources/index.html',
    'glossary/index.html', 'case-studies/index.html', 'search/index.html', '2/print/index.html', '3/print/index.html'];
  for (const path of ['index.html', '404.html', 'status/index.html', ...['en', 'fr', 'es', 'zh'].flatMap((lang) => kinds.map((k) => `${lang}/${k}`))]) {
    await page.goto(server.url + path);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    if (scroll > client) wide.push(`${path}: ${scroll} px`);
  }
  assert.deepEqual(wide, []);
  await page.close();
});
