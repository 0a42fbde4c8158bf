// Chapter handouts printed to PDF by `toolkit handout` (headless Chromium), read back with
// poppler's pdfinfo and pdftotext: every handout of the real content, in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, toolkit } from './support.mjs';

const out = mkdtempSync(join(tmpdir(), 'toolkit-handouts-'));
const languages = ['en', 'fr', 'es', 'zh'];
const fluent = (lang, id) => readFileSync(join(projectRoot, `i18n/${lang}/site.ftl`), 'utf8').match(new RegExp(`^${id} = (.*)$`, 'm'))[1];

/** The statements of a chapter's published challenges, from the content files. */
function statements(lang, chapter) {
  const found = [];
  const folder = join(projectRoot, 'content', lang, String(chapter));
  for (const section of readdirSync(folder).filter((f) => f.startsWith(`${chapter}.`)).sort()) {
    for (const file of readdirSync(join(folder, section)).filter((f) => /^[a-z]\.md$/.test(f)).sort()) {
      const text = readFileSync(join(folder, section, file), 'utf8');
      const statement = text.match(/^statement = "((?:[^"\\]|\\.)*)"$/m);
      if (statement) found.push(JSON.parse(`"${statement[1]}"`));
    }
  }
  return found;
}

/** Text as compared: compatibility forms (ligatures) unified; Chinese without the line breaks
    pdftotext puts between characters; other languages with single spaces, no hyphenation. */
function comparable(text, lang) {
  const normal = text.normalize('NFKC').replace(/[\u00A0\u202F]/g, ' ');
  if (lang === 'zh') return normal.replace(/\s+/g, '');
  return normal.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ');
}

/** Every source's web address, from content/sources.toml. */
const sourceUrls = [...readFileSync(join(projectRoot, 'content/sources.toml'), 'utf8').matchAll(/^url = "(.*)"$/gm)].map((m) => m[1]);

const chapters = [2, 3].filter((n) => existsSync(join(projectRoot, 'content/en', String(n), `${n}.1`)) || statements('en', n).length);

for (const lang of languages) {
  for (const chapter of chapters) {
    test(`handout of chapter ${chapter} in ${lang} prints as a clean PDF`, () => {
      const pdf = join(out, `${lang}-${chapter}.pdf`);
      toolkit('handout', '--chapter', String(chapter), '--lang', lang, '--pdf', pdf);
      const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
      const expected = statements(lang, chapter);
      // Cover, contents, a page or more per challenge, sources and notes.
      assert.ok(pages >= expected.length + 3 && pages < expected.length * 6 + 10, `${pages} pages for ${expected.length} challenges`);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      // -raw keeps the order of the page's text, so a page number in the contents does not split an entry.
      const flat = comparable(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }), lang);
      for (const statement of expected) assert.ok(flat.includes(comparable(statement, lang)), `missing: ${statement}`);
      // Page numbers in the margin: "Page 2 / 14" in the reader's language, on every page but the cover.
      const label = fluent(lang, 'handout-page');
      const numbered = new Set([...comparable(text, lang).matchAll(new RegExp(`${label} ?(\\d+) ?/ ?${pages}`, 'g'))].map((m) => m[1]));
      assert.ok(numbered.size >= pages - 1, `page numbers found on ${numbered.size} of ${pages} pages`);
      // The contents give each challenge's page: the page that starts with its heading.
      const contents = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], { encoding: 'utf8' });
      const entries = [...contents.matchAll(/^\s*(\d+\.\d+\.[a-z])\s.*?\s(\d+)\s*$/gm)].map((m) => [m[1], Number(m[2])]);
      assert.equal(entries.length, expected.length, `numbered contents entries:\n${contents}`);
      for (const [id, page] of entries) {
        const heading = comparable(fluent(lang, 'challenge-heading').replace('{ $id }', id), lang);
        const onPage = comparable(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }), lang);
        assert.ok(onPage.includes(heading), `${id} is not on page ${page} as the contents say`);
      }
      // Cross-references to challenges of the same handout give their page: "see Challenge 3.7.b, p. 6".
      const pageRef = comparable(fluent(lang, 'handout-page-ref'), lang).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{ ?\\\$page ?\}/, '(\\d+)');
      const xrefs = [...flat.matchAll(new RegExp(`(\\d+\\.\\d+\\.[a-z])${pageRef}`, 'g'))];
      if (chapter === 3) assert.ok(xrefs.length >= 2, `cross-references with pages: ${xrefs.length}`);
      for (const [, id, page] of xrefs) {
        const heading = comparable(fluent(lang, 'challenge-heading').replace('{ $id }', id), lang);
        assert.ok(comparable(execFileSync('pdftotext', ['-f', page, '-l', page, pdf, '-'], { encoding: 'utf8' }), lang).includes(heading), `${id} is not on page ${page}`);
      }
      // Each cited source's address is printed once, not again after itself as " <address>".
      const squeezed = text.replace(/\s+/g, '');
      const count = (url) => squeezed.split(url).length - 1;
      // A shorter address that starts a longer one is not counted within the longer one.
      const alone = (url) => count(url) - sourceUrls.filter((o) => o !== url && o.startsWith(url)).reduce((n, o) => n + count(o), 0);
      const printedUrls = sourceUrls.filter((url) => alone(url) > 0);
      assert.ok(printedUrls.length > 0, 'no source address in the handout');
      for (const url of printedUrls) assert.equal(alone(url), 1, `${url} printed ${alone(url)} times`);
      // Bookmarks for the PDF reader's sidebar.
      assert.ok(readFileSync(pdf).includes('/Type /Outlines'), 'no document outline');
      // No navigation: no skip link, search box, language switcher or site menu.
      for (const id of ['skip-to-content', 'search-label', 'handout-back', 'handout-tip']) {
        assert.ok(!flat.includes(comparable(fluent(lang, id), lang)), `navigation text in print: ${fluent(lang, id)}`);
      }
      assert.ok(!/Français\s+Español/.test(text), 'language switcher in print');
      if (lang === 'zh') {
        const han = (text.match(/[\u4E00-\u9FFF]/g) || []).length;
        assert.ok(han > 2000, `${han} Chinese characters`);
        // A Chinese title has its 《》 once (from the text, not again from the style sheet).
        assert.ok(!flat.includes('《《'), 'doubled title marks');
      }
    });
  }
}

test('a missing browser gives a clear error', () => {
  assert.throws(
    () => execFileSync(join(projectRoot, 'target/release/toolkit'), ['handout', '--chapter', '2', '--pdf', join(out, 'x.pdf')], {
      cwd: projectRoot, env: { ...process.env, CHROME: '/nonexistent/chrome', PATH: '/nonexistent' }, stdio: 'pipe',
    }),
    (error) => /Chromium|Chrome/.test(error.stderr.toString()),
  );
});
