// Chapter handouts printed to PDF by `toolkit handout` (headless Chromium), read back with
// poppler's pdfinfo and pdftotext: every handout of the real content, in every language, in the
// Third Edition (--edition third) and, for chapter 3, in the current edition (the Knowledge Hub
// edition, printed by default).
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

/** The statements of a chapter's published challenges, from the content files (a later
    edition's: the titles of the challenges it revises, from its own files). */
function statements(lang, chapter, edition) {
  const found = [];
  const folder = join(projectRoot, 'content', lang, ...(edition ? ['editions', edition] : []), String(chapter));
  for (const section of readdirSync(folder).filter((f) => f.startsWith(`${chapter}.`)).sort()) {
    for (const file of readdirSync(join(folder, section)).filter((f) => /^[a-z]\.md$/.test(f)).sort()) {
      const text = readFileSync(join(folder, section, file), 'utf8');
      const statement = text.match(new RegExp(`^${edition ? 'title' : 'statement'} = "((?:[^"\\\\]|\\\\.)*)"$`, 'm'));
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

/** An edition's name in a language: a later edition's from its _index.md, the base's from the home page. */
const editionName = (lang, edition) => edition
  ? readFileSync(join(projectRoot, `content/${lang}/editions/${edition}/_index.md`), 'utf8').match(/^name = "(.*)"$/m)[1]
  : readFileSync(join(projectRoot, `content/${lang}/_index.md`), 'utf8').match(/^edition = "(.*)"$/m)[1];

// Each chapter in the Third Edition, and chapter 3 as the command prints it by default: in the
// current edition, the Knowledge Hub edition, which revises its section 3.7.
const runs = [...chapters.map((chapter) => ({ chapter, edition: null, args: ['--edition', 'third'] })), { chapter: 3, edition: 'hub', args: [] }];

for (const lang of languages) {
  for (const { chapter, edition, args } of runs) {
    test(`handout of chapter ${chapter} in ${lang} (${edition ?? 'third'} edition) prints as a clean PDF`, () => {
      const pdf = join(out, `${lang}-${chapter}-${edition ?? 'third'}.pdf`);
      toolkit('handout', '--chapter', String(chapter), '--lang', lang, ...args, '--pdf', pdf);
      const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
      const expected = statements(lang, chapter, edition);
      // Cover, contents, a page or more per challenge, sources and notes.
      assert.ok(pages >= expected.length + 3 && pages < expected.length * 6 + 10, `${pages} pages for ${expected.length} challenges`);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      // -raw keeps the order of the page's text, so a page number in the contents does not split an entry.
      const flat = comparable(execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }), lang);
      for (const statement of expected) assert.ok(flat.includes(comparable(statement, lang)), `missing: ${statement}`);
      // The edition is named on the cover and in the running head of the pages after it.
      const name = comparable(editionName(lang, edition), lang);
      const page = (n) => comparable(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }), lang);
      assert.ok(page(1).includes(name), `the cover does not name the ${name}`);
      assert.ok(page(3).includes(name), `the running head does not name the ${name}`);
      if (edition === 'hub') {
        // The Hub edition's text, not the Third Edition's.
        if (lang === 'en') assert.ok(flat.includes('Ask supervisors to regularly deliver short talks'), 'a sentence only the Hub edition has');
        assert.ok(!flat.includes(comparable(statements(lang, chapter, null)[0], lang)), 'the Third Edition\'s 3.7.a');
      }
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
      if (chapter === 3 && !edition) assert.ok(xrefs.length >= 2, `cross-references with pages: ${xrefs.length}`);
      // The Hub's 3.7.c names its 3.7.a in its own words, followed by the page.
      if (edition && lang === 'en') assert.match(flat, new RegExp(`Working with Private Security Providers${pageRef}`), 'no page after the reference to 3.7.a');
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
      // (The Hub edition's 3.7 cites no source.)
      if (!edition) assert.ok(printedUrls.length > 0, 'no source address in the handout');
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

test('an unknown edition gives a clear error naming the editions', () => {
  assert.throws(
    () => execFileSync(join(projectRoot, 'target/release/toolkit'), ['handout', '--chapter', '3', '--edition', 'second', '--pdf', join(out, 'x.pdf')], {
      cwd: projectRoot, stdio: 'pipe',
    }),
    (error) => /There is no edition "second"\. The editions declared in content\/toolkit\.toml are: third, hub\./.test(error.stderr.toString()),
  );
});

test('a missing browser gives a clear error', () => {
  assert.throws(
    () => execFileSync(join(projectRoot, 'target/release/toolkit'), ['handout', '--chapter', '2', '--pdf', join(out, 'x.pdf')], {
      cwd: projectRoot, env: { ...process.env, CHROME: '/nonexistent/chrome', PATH: '/nonexistent' }, stdio: 'pipe',
    }),
    (error) => /Chromium|Chrome/.test(error.stderr.toString()),
  );
});
