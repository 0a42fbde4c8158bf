// The trainers' print page and the chapter PDFs of `toolkit build --pdf`: every chapter handout
// in every language printed with Chromium, linked from the chapter and print pages with its
// size; without a browser, a clear note and no link to a PDF anywhere. The print page's Print
// button, on screen only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles, launch, project, projectRoot, serve } from './support.mjs';

const binary = join(projectRoot, 'target/release/toolkit');
const languages = ['en', 'fr', 'es', 'zh'];
const fluent = (lang, id) => readFileSync(join(projectRoot, `i18n/${lang}/site.ftl`), 'utf8').match(new RegExp(`^${id} = (.*)$`, 'm'))[1];
const pdfName = (lang, chapter) => `${lang}/${chapter}/dcaf-icrc-toolkit-chapter-${chapter}-${lang}.pdf`;
const hubPdfName = (lang) => `${lang}/hub/3/dcaf-icrc-toolkit-chapter-3-hub-${lang}.pdf`;

let root, site, printed, server, browser;

before(async () => {
  root = project();
  printed = spawnSync(binary, ['--root', root, 'build', '--pdf', '--out', 'public'], { encoding: 'utf8' });
  assert.equal(printed.status, 0, printed.stderr);
  site = join(root, 'public');
  server = await serve(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Chapters with a print page (a published section), as the site has them. */
const chapters = (lang) => readdirSync(join(site, lang)).filter((n) => /^\d+$/.test(n) && existsSync(join(site, lang, n, 'print/index.html')));

test('build --pdf prints every chapter handout in every language, with bookmarks and page numbers', () => {
  // Two chapters in four languages, and the Knowledge Hub edition's chapter 3 in four.
  assert.match(printed.stderr, /12 chapter handouts printed to PDF in [\d.]+ s/);
  for (const lang of languages) {
    assert.deepEqual(chapters(lang).sort(), ['2', '3'], `${lang}: chapters with a handout`);
    for (const chapter of chapters(lang)) {
      const pdf = join(site, pdfName(lang, chapter));
      const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
      assert.ok(pages > 5, `${pdf}: ${pages} pages`);
      assert.ok(readFileSync(pdf).includes('/Type /Outlines'), `${pdf}: no bookmarks`);
      // The contents give page numbers: a line of the contents page ends with one.
      const contents = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], { encoding: 'utf8' });
      assert.match(contents, /\S\s{2,}\d+\s*$/m, `${pdf}: no page numbers in the contents`);
    }
  }
  // A chapter with nothing published has no handout, so no PDF.
  const empty = readdirSync(join(site, 'en')).filter((n) => /^\d+$/.test(n) && !chapters('en').includes(n));
  assert.ok(empty.length > 0, 'no unpublished chapter to check');
  for (const chapter of empty) assert.ok(!existsSync(join(site, pdfName('en', chapter))), `PDF for unpublished chapter ${chapter}`);
});

test('the chapter and print pages link to the PDF with its size, in the reader\'s language', () => {
  for (const lang of languages) {
    for (const chapter of chapters(lang)) {
      const kb = String(Math.ceil(statSync(join(site, pdfName(lang, chapter))).size / 1000));
      const label = fluent(lang, 'handout-download').replace('{ $size }', kb);
      for (const page of [`${lang}/${chapter}/index.html`, `${lang}/${chapter}/print/index.html`]) {
        const html = readFileSync(join(site, page), 'utf8');
        const link = html.match(/<a [^>]*href="((?!https?:)[^"]+\.pdf)"[^>]*>([^<]*)<\/a>/);
        assert.ok(link, `${page}: no link to the PDF`);
        assert.equal(link[2], label, page);
        const target = new URL(link[1], `file://${join(site, page)}`).pathname;
        assert.equal(target, join(site, pdfName(lang, chapter)), `${page}: the link leads elsewhere`);
      }
    }
  }
  // The PDFs are downloads, not part of what a reader saves for reading offline.
  for (const file of readdirSync(join(site, 'offline'))) assert.ok(!readFileSync(join(site, 'offline', file), 'utf8').includes('.pdf'), file);
});

test('the Knowledge Hub edition\'s chapter 3 is printed too, linked with its size from its print, contents and section pages', () => {
  for (const lang of languages) {
    const pdf = join(site, hubPdfName(lang));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const name = readFileSync(join(projectRoot, `content/${lang}/editions/hub/_index.md`), 'utf8').match(/^name = "(.*)"$/m)[1];
    assert.ok(text.includes(name.replace(/\s+/g, '')), `${lang}: the edition is not named`);
    if (lang === 'en') assert.ok(text.includes('Asksupervisorstoregularlydelivershorttalks'), 'the Hub edition\'s text');
    const contents = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(contents, /3\.7\.c.*\s\d+\s*$/m, `${lang}: no page numbers in the contents`);
    const kb = String(Math.ceil(statSync(pdf).size / 1000));
    const label = fluent(lang, 'handout-download').replace('{ $size }', kb);
    for (const page of [`${lang}/hub/3/print/index.html`, `${lang}/hub/index.html`, `${lang}/hub/3.7/index.html`]) {
      const html = readFileSync(join(site, page), 'utf8');
      const link = html.match(/<a [^>]*href="((?!https?:)[^"]+\.pdf)"[^>]*>([^<]*)<\/a>/);
      assert.ok(link, `${page}: no link to the PDF`);
      assert.equal(link[2], label, page);
      assert.equal(new URL(link[1], `file://${join(site, page)}`).pathname, pdf, `${page}: the link leads elsewhere`);
    }
  }
});

test('without Chromium the build says PDFs were skipped, and no page links to one', () => {
  const copy = project();
  const result = spawnSync(binary, ['--root', copy, 'build', '--pdf', '--out', 'public'], {
    encoding: 'utf8', env: { ...process.env, CHROME: '/nonexistent/chrome', PATH: '/nonexistent' },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /PDFs were skipped.*No Chromium or Google Chrome was found/);
  // (Sources may link to PDFs elsewhere on the web; the site's own have relative addresses.)
  const linking = htmlFiles(join(copy, 'public')).filter((file) => /href="(?!https?:)[^"]*\.pdf"/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(linking, []);
  assert.ok(!existsSync(join(copy, 'public', pdfName('en', 2))));
  assert.ok(!existsSync(join(copy, 'public', hubPdfName('en'))));
});

test('the print page has a working Print button, hidden in print', async () => {
  for (const lang of ['en', 'zh']) {
    const page = await browser.newPage();
    const refused = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) refused.push(m.text()); });
    // Record the call instead of opening the browser's print dialog.
    await page.addInitScript(() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; });
    await page.goto(`${server.url}${lang}/3/print/index.html`);
    const button = page.getByRole('button', { name: fluent(lang, 'handout-print') });
    await button.waitFor({ state: 'visible' });
    await button.click();
    assert.equal(await page.evaluate(() => window.printed), 1, `${lang}: Print did not print`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await button.isVisible(), false, `${lang}: the button would be printed`);
    assert.deepEqual(refused, []);
    await page.close();
  }
});

test('the cover names the publishers, the edition and date, and the online address', () => {
  const base = readFileSync(join(projectRoot, 'content/toolkit.toml'), 'utf8').match(/^base_url = "(.*)"$/m)[1];
  for (const lang of languages) {
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(site, pdfName(lang, '3')), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const squeeze = (text) => text.replace(/\s+/g, '');
    assert.ok(squeeze(cover).includes(squeeze(fluent(lang, 'handout-publishers'))), `${lang}: publishers missing:\n${cover}`);
    assert.ok(squeeze(cover).includes(`${base}${lang}/3/`), `${lang}: online address missing:\n${cover}`);
    const edition = readFileSync(join(projectRoot, `content/${lang}/_index.md`), 'utf8').match(/^edition = "(.*)"$/m)[1];
    assert.ok(squeeze(cover).includes(squeeze(edition)), `${lang}: edition missing`);
    const printedOn = fluent(lang, 'handout-printed').split('{')[0];
    assert.ok(squeeze(cover).includes(squeeze(printedOn)), `${lang}: date missing`);
  }
});
