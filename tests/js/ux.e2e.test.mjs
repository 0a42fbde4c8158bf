// The reader's experience, in headless Chromium, on a phone (390 × 844, touch) and on a desktop
// (1366 px), in every language: the first good practice in the first screen, the language menu
// (without script too) that keeps the reader's place, the way around (breadcrumbs, "On this page",
// pager, back to top), forthcoming parts said in words, type sizes, focus contrast, tap targets,
// no sideways scrolling at 320 px, one landmark per concept, the footer and the page's metadata,
// and the 404 page served from any base path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { projectRoot, servedSite } from './support.mjs';

const languages = ['en', 'fr', 'es', 'zh'];
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1366, height: 900 } };
/** An interface text of a language, as the site shows it. */
const fluent = (lang, id) => readFileSync(join(projectRoot, `i18n/${lang}/site.ftl`), 'utf8').match(new RegExp(`^${id} = (.*)$`, 'm'))[1].replace(/^\{" "\}/, ' ');
const config = readFileSync(join(projectRoot, 'content/toolkit.toml'), 'utf8');
const baseUrl = config.match(/^base_url = "(.*)"$/m)[1];

let site, server, browser;
servedSite((s) => ({ site, server, browser } = s));

/** A page in a fresh context with `options`, at `path` of the site. */
async function open(path, options = desktop) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(server.url + path);
  return page;
}

test('phone: the first good practice starts in the first 844 px, in every language, under a one-row header', async () => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const late = [];
  for (const id of ['2.1.a', '2.8.d', '3.7.a', '3.7.b', '3.7.c']) {
    for (const lang of languages) {
      await page.goto(`${server.url}${lang}/${id}/index.html`);
      const top = await page.$eval('.practice', (p) => p.getBoundingClientRect().top + scrollY);
      if (top >= 844) late.push(`${lang}/${id}: ${Math.round(top)} px`);
      // Site name, search and language menu share one row.
      const rows = await page.$$eval('.site-header .bar > :not(.site-search)', (items) => items
        .filter((item) => item.getBoundingClientRect().height > 0)
        .map((item) => { const r = item.getBoundingClientRect(); return [r.top, r.bottom]; }));
      assert.equal(rows.length, 3, `${lang}: name, search link, language menu`);
      const middle = (rows[0][0] + rows[0][1]) / 2;
      for (const [top, bottom] of rows) assert.ok(top <= middle && middle <= bottom, `${lang}/${id}: the header is one row`);
    }
  }
  assert.deepEqual(late, []);
  await context.close();
});

test('phone: the statement is readable (about 1.25rem, semibold) and breadcrumbs are one short line', async () => {
  for (const lang of languages) {
    const page = await open(`${lang}/3.7.a/index.html`, phone);
    const statement = await page.$eval('.statement', (s) => [parseFloat(getComputedStyle(s).fontSize), getComputedStyle(s).fontWeight]);
    assert.ok(statement[0] >= 19 && statement[0] <= 22, `${lang}: statement ${statement[0]} px`);
    assert.equal(statement[1], '600');
    const crumbs = await page.$$eval('.breadcrumbs a', (links) => links.map((a) => a.getBoundingClientRect().top));
    assert.equal(crumbs.length, 3);
    assert.equal(new Set(crumbs).size, 1, `${lang}: the breadcrumbs fit on one line`);
    // The short home crumb; the full titles stay the links' names.
    assert.equal(await page.textContent('.breadcrumbs li:first-child a'), fluent(lang, 'home'));
    const names = await page.locator('.breadcrumbs').ariaSnapshot();
    assert.ok(!names.includes('›'), `${lang}: the separators are not read out: ${names}`);
    assert.match(names, /3\.7 /, `${lang}: the section crumb keeps its full name`);
    await page.context().close();
  }
});

test('breadcrumb separators end a line and never start one', async () => {
  const page = await open('fr/3.7.a/index.html', { viewport: { width: 700, height: 800 } });
  await page.setViewportSize({ width: 700, height: 800 });
  for (const width of [700, 420]) {
    await page.setViewportSize({ width, height: 800 });
    const items = await page.$$eval('.breadcrumbs li', (lis) => lis.map((li) => ({
      before: getComputedStyle(li, '::before').content,
      after: getComputedStyle(li, '::after').content,
    })));
    items.forEach((item, i) => {
      assert.equal(item.before, 'none', 'nothing before a crumb');
      if (i < items.length - 1) assert.match(item.after, /›/);
      else assert.equal(item.after, 'none');
    });
  }
  await page.context().close();
});

test('the language menu works without script, by keyboard, and closes with Escape', async () => {
  // Without script: a disclosure, then an ordinary link.
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}en/3.7.a/index.html`);
  assert.equal(await page.isVisible('.language-menu a[hreflang="fr"]'), false);
  await page.click('.language-menu summary');
  await page.click('.language-menu a[hreflang="fr"]');
  assert.ok(page.url().endsWith('/fr/3.7.a/index.html'), page.url());
  await context.close();

  const keyboard = await open('en/3.7.a/index.html');
  await keyboard.focus('.language-menu summary');
  await keyboard.keyboard.press('Enter');
  assert.equal(await keyboard.isVisible('.language-menu a[hreflang="es"]'), true);
  await keyboard.keyboard.press('Escape');
  assert.equal(await keyboard.isVisible('.language-menu a[hreflang="es"]'), false);
  assert.equal(await keyboard.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  await keyboard.keyboard.press('Enter');
  for (let i = 0; i < 3; i += 1) await keyboard.keyboard.press('Tab');
  assert.equal(await keyboard.evaluate(() => document.activeElement.getAttribute('hreflang')), 'es');
  await keyboard.keyboard.press('Enter');
  await keyboard.waitForURL(/\/es\/3\.7\.a\//);
  await keyboard.context().close();
});

test('the language switch keeps the good practice in view, and the query on the search page', async () => {
  const page = await open('zh/3.7.b/index.html#gp-2', phone);
  await page.click('.language-menu summary');
  await page.click('.language-menu a[hreflang="es"]');
  await page.waitForURL(/\/es\/3\.7\.b\/index\.html#gp-2$/);
  assert.ok(await page.$eval('#gp-2', (gp) => Math.abs(gp.getBoundingClientRect().top) < 60), 'good practice 2 is at the top');
  // A practice reached from the list at a glance: that one is kept.
  await page.click('.practice-index summary');
  await page.click('.practice-index a[href="#gp-3"]');
  await page.click('.language-menu summary');
  await page.click('.language-menu a[hreflang="fr"]');
  await page.waitForURL(/\/fr\/3\.7\.b\/index\.html#gp-3$/);
  await page.context().close();

  const search = await open(`zh/search/index.html?q=${encodeURIComponent('申诉机制')}`);
  await search.waitForSelector('#search-results li');
  await search.click('.language-menu summary');
  await search.click('.language-menu a[hreflang="en"]');
  await search.waitForURL(/\/en\/search\/index\.html\?q=/);
  assert.equal(await search.inputValue('#search-query'), '申诉机制');
  await search.context().close();
});

test('desktop: a sticky "On this page" list of the good practices, a titled pager and back to top', async () => {
  for (const lang of languages) {
    const page = await open(`${lang}/3.7.a/index.html`);
    const list = page.locator('.on-this-page');
    assert.equal(await list.isVisible(), true, lang);
    assert.equal(await list.locator('h2').textContent(), fluent(lang, 'on-this-page'));
    assert.equal(await list.locator('a').count(), await page.locator('.practice').count());
    const [box, main] = await Promise.all([list.boundingBox(), page.locator('.reading').boundingBox()]);
    assert.ok(box.x >= main.x + main.width, `${lang}: beside the text`);
    await page.evaluate(() => window.scrollTo(0, 3000));
    assert.ok(await list.evaluate((l) => Math.abs(l.getBoundingClientRect().top - 16) < 2), `${lang}: stays in view`);
    await list.locator('a').nth(3).click();
    assert.ok(page.url().endsWith('#gp-4'));
    // The pager names the next challenge, and its chapter when it is another.
    const next = await page.textContent('.pager .next');
    assert.match(next, /3\.7\.b/);
    const statement = (await open(`${lang}/3.7.b/index.html`)).locator('.statement');
    assert.ok(next.includes((await statement.textContent()).slice(0, 20)), `${lang}: ${next}`);
    await statement.page().context().close();
    assert.equal(await page.locator('.pager .next .pager-chapter').count(), 0, 'same chapter');
    await page.click('.back-to-top a');
    assert.ok(await page.evaluate(() => scrollY < 5));
    await page.context().close();
  }
  // Crossing chapters: the chapter is named.
  const last = await open('en/2.8.d/index.html');
  assert.match(await last.textContent('.pager .next .pager-chapter'), /^Chapter 3\. /);
  assert.match(await last.textContent('.pager .next .pager-title'), /^Challenge 3\.7\.a /);
  await last.context().close();
  // Section and chapter pages too.
  const section = await open('en/2.8/index.html');
  assert.match(await section.textContent('.pager .previous'), /Previous section\s+2\.1 \S+/);
  assert.match(await section.textContent('.pager .next'), /Next section\s+Chapter 3\. .+\s+3\.7 \S+/);
  await section.context().close();
  const chapter = await open('fr/3/index.html');
  assert.match(await chapter.textContent('.pager .previous'), /Chapitre précédent\s+Chapitre 2 \S+/);
  assert.match(await chapter.textContent('.pager .next'), /Chapitre suivant\s+Chapitre 4 \S+/);
  await chapter.context().close();
  // On a phone the list at a glance serves instead.
  const small = await open('en/3.7.a/index.html', phone);
  assert.equal(await small.isVisible('.on-this-page'), false);
  await small.context().close();
});

test('forthcoming parts say so: an unpublished chapter, the contents, cross-references; case studies by title', async () => {
  for (const lang of languages) {
    const chapter = await open(`${lang}/4/index.html`, phone);
    assert.equal(await chapter.textContent('.forthcoming-notice'), fluent(lang, 'chapter-forthcoming'));
    assert.equal(await chapter.locator('main ul:empty, main ol:empty').count(), 0, `${lang}: no empty list`);
    await chapter.context().close();

    const home = await open(`${lang}/index.html`, phone);
    const four = home.locator('.contents .level-1 > li').nth(3);
    assert.equal(await four.locator('> .badge').textContent(), fluent(lang, 'forthcoming'));
    // Forthcoming rows are one short line each; nothing under a forthcoming section is listed.
    const rows = await home.$$eval('.contents li.forthcoming:not(:has(> a))', (items) => items.map((li) => [
      li.getBoundingClientRect().height, parseFloat(getComputedStyle(li).lineHeight) || parseFloat(getComputedStyle(li).fontSize) * 2,
      li.querySelectorAll('li').length,
    ]));
    assert.ok(rows.length > 3);
    for (const [height, line, inside] of rows) {
      assert.ok(height <= line * 1.6, `${lang}: a forthcoming row of ${height} px`);
      assert.equal(inside, 0);
    }
    await home.context().close();

    // 3.7.a refers to 3.6.a, not published: said in words that touch screens show.
    const challenge = await open(`${lang}/3.7.a/index.html`, phone);
    const note = challenge.locator('.xref.forthcoming + .forthcoming-note').first();
    assert.equal(await note.isVisible(), true);
    assert.equal(await note.textContent(), fluent(lang, 'forthcoming-note'));
    assert.equal(await challenge.locator('.xref.forthcoming[title]').count(), 0);
    await challenge.context().close();

    const studies = await open(`${lang}/case-studies/index.html`, phone);
    const main = await studies.textContent('main');
    for (const slug of ['cameroon-human-rights-training', 'iraq-engagement-with-public-security', 'lubumbashi']) {
      assert.ok(!main.includes(slug), `${lang}: no file name ${slug}`);
    }
    // Each by its title, with its authors where it names them.
    assert.equal(await studies.locator('.entries li .entry-title').count(), 3);
    assert.ok(await studies.locator('.entries .entry-note').count() >= 2, 'authors');
    await studies.context().close();
  }
});

test('type: practice titles at least the body size, ids as written, Chinese punctuation full-width', async () => {
  for (const options of [phone, desktop]) {
    for (const lang of languages) {
      const page = await open(`${lang}/3.7.a/index.html`, options);
      const [title, body] = await page.evaluate(() => [
        parseFloat(getComputedStyle(document.querySelector('.practice h3')).fontSize),
        parseFloat(getComputedStyle(document.querySelector('.practice li, .practice p')).fontSize),
      ]);
      assert.ok(title >= body, `${lang}: title ${title} px, body ${body} px`);
      assert.equal(await page.$eval('.challenge-id', (id) => getComputedStyle(id).textTransform), 'none');
      assert.match(await page.$eval('.challenge-id', (id) => id.innerText), /3\.7\.a/);
      await page.context().close();
    }
  }
  const zh = await open('zh/3.7.a/index.html');
  const family = await zh.$eval('.statement', (s) => getComputedStyle(s).fontFamily);
  assert.match(family.split(',')[0], /PingFang|Hiragino|YaHei|CJK|Han/, family);
  // Each “ is as wide as a Chinese character.
  const widths = await zh.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && out.length < 5; node = walker.nextNode()) {
      const at = node.data.indexOf('“');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      out.push(range.getBoundingClientRect().width / parseFloat(getComputedStyle(node.parentElement).fontSize));
    }
    return out;
  });
  assert.ok(widths.length > 0);
  for (const width of widths) assert.ok(width > 0.9, `“ is ${width.toFixed(2)} em wide`);
  await zh.context().close();
});

/** The contrast ratio of two CSS colours (rgb or rgba, on white where transparent). */
function contrast(a, b) {
  const luminance = (color) => {
    const [r, g, b2, alpha = 1] = color.match(/[\d.]+/g).map(Number);
    const mix = (c) => (c * alpha + 255 * (1 - alpha)) / 255;
    const lin = (c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(mix(r)) + 0.7152 * lin(mix(g)) + 0.0722 * lin(mix(b2));
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('focus: every control reached by Tab has a focus indicator of at least 3:1 against what surrounds it', async () => {
  const weak = [];
  for (const path of ['en/3.7.a/index.html', 'zh/index.html', 'fr/search/index.html', 'es/glossary/index.html']) {
    const page = await open(path);
    for (let i = 0; i < 45; i += 1) {
      await page.keyboard.press('Tab');
      const found = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        // The ground around the control: the first ancestor with a background of its own.
        let ground = 'rgb(255, 255, 255)';
        for (let node = element.parentElement; node; node = node.parentElement) {
          const color = getComputedStyle(node).backgroundColor;
          if (!/rgba\(0, 0, 0, 0\)|transparent/.test(color)) { ground = color; break; }
        }
        const style = getComputedStyle(element);
        const colors = [];
        if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) colors.push(style.outlineColor);
        for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
          const color = shadow.match(/rgba?\([^)]*\)/);
          if (color) colors.push(color[0]);
        }
        return { what: `${element.tagName.toLowerCase()}.${element.className} ${element.textContent.trim().slice(0, 20)}`, ground, colors };
      });
      if (!found) continue;
      const best = Math.max(0, ...found.colors.filter((c) => !/^rgba\(.*, 0\)$/.test(c)).map((c) => contrast(c, found.ground)));
      if (best < 3) weak.push(`${path} ${found.what}: ${best.toFixed(2)} on ${found.ground}`);
    }
    // The list of good practices at a glance, a disclosure, too.
    if (path.endsWith('3.7.a/index.html')) {
      await page.focus('.practice-index summary');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const [shadow, ground] = await page.$eval('.practice-index summary', (s) => [getComputedStyle(s).boxShadow, getComputedStyle(s.parentElement).backgroundColor]);
      const best = Math.max(...shadow.match(/rgba?\([^)]*\)/g).map((c) => contrast(c, /^rgba\(.*, 0\)$/.test(ground) ? 'rgb(255, 255, 255)' : ground)));
      assert.ok(best >= 3, `the toggle: ${best}`);
    }
    await page.context().close();
  }
  assert.deepEqual(weak, []);
});

test('tap targets: navigation and breadcrumbs at least 44 px tall on touch screens, 24 px elsewhere', async () => {
  for (const [options, least] of [[phone, 44], [desktop, 24]]) {
    for (const lang of languages) {
      const page = await open(`${lang}/3.7.a/index.html`, options);
      await page.click('.language-menu summary');
      const small = await page.$$eval('.site-nav a, .breadcrumbs a, .language-menu summary, .language-menu a, .site-name, .search-link',
        (links, min) => links.filter((a) => a.getClientRects().length)
          .map((a) => [a.textContent.trim(), a.getBoundingClientRect().height]).filter(([, h]) => h < min - 0.5), least);
      assert.deepEqual(small, [], `${lang} at ${options.viewport.width} px`);
      await page.context().close();
    }
  }
});

// Every kind of page, in every language.
const kinds = ['index.html', '2/index.html', '4/index.html', '2.1/index.html', '2.1.a/index.html', '3.7.a/index.html', '3.7.c/index.html',
  'sources/index.html', 'glossary/index.html', 'case-studies/index.html', 'case-studies/lubumbashi/index.html', 'search/index.html',
  'offline/index.html'];
const everyPage = ['index.html', '404.html', ...languages.flatMap((lang) => kinds.map((kind) => `${lang}/${kind}`))];

test('no page is wider than 320 px, in any language', async () => {
  const page = await open('index.html', { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
  const wide = [];
  for (const path of everyPage) {
    await page.goto(server.url + path);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    if (scroll > client) wide.push(`${path}: ${scroll} px`);
  }
  assert.deepEqual(wide, []);
  await page.context().close();
});

test('one landmark per concept, each named once; good practices are not landmarks', async () => {
  const page = await open('index.html');
  const problems = [];
  for (const path of everyPage) {
    await page.goto(server.url + path);
    const landmarks = await page.evaluate(() => {
      const name = (el) => el.getAttribute('aria-label')
        || (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent.trim()).join(' ');
      const visible = (el) => el.getClientRects().length > 0;
      const list = [];
      for (const el of document.querySelectorAll('nav, [role="search"], main, aside, section, header, footer')) {
        if (!visible(el)) continue;
        const role = el.getAttribute('role') || { NAV: 'navigation', MAIN: 'main', ASIDE: 'complementary', HEADER: 'banner', FOOTER: 'contentinfo', SECTION: 'region' }[el.tagName];
        if (role === 'region' && !name(el)) continue; // An unnamed section is no landmark.
        list.push(`${role} "${name(el)}"`);
      }
      return list;
    });
    const seen = new Set();
    for (const landmark of landmarks) {
      if (seen.has(landmark)) problems.push(`${path}: ${landmark} twice`);
      seen.add(landmark);
    }
    if (/\d\.\d\.[a-z]\//.test(path)) {
      const practices = await page.locator('.practice[aria-labelledby], .practice[aria-label], .practice[role]').count();
      if (practices) problems.push(`${path}: ${practices} good practices are landmarks`);
    }
    if (path.includes('search/')) {
      const searches = landmarks.filter((l) => l.startsWith('search'));
      if (searches.some((l) => l === 'search ""')) problems.push(`${path}: an unnamed search landmark`);
    }
  }
  // The translators' status page has no empty language menu (review bug 13): a filled one.
  await page.goto(`${server.url}status/index.html`);
  assert.equal(await page.locator('nav ul:empty').count(), 0);
  assert.ok(await page.locator('nav.languages a[hreflang]').count() >= 3);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the chooser has a heading, a short title and the footer; every page has the footer and an icon', async () => {
  const chooser = await open('index.html');
  assert.equal(await chooser.locator('h1').count(), 1);
  assert.ok((await chooser.title()).length <= 60, await chooser.title());
  assert.match(await chooser.textContent('footer'), /DCAF–ICRC/);
  await chooser.context().close();

  const home = await open('index.html');
  const problems = [];
  for (const path of everyPage.filter((p) => p !== '404.html')) {
    const response = await home.goto(server.url + path);
    assert.ok(response.ok());
    const lang = path.split('/')[0];
    const edition = lang === 'index.html' ? 'Third Edition'
      : readFileSync(join(projectRoot, `content/${lang}/_index.md`), 'utf8').match(/^edition = "(.*)"$/m)[1];
    const footer = await home.textContent('footer.site-footer').catch(() => '');
    if (!footer.includes(edition)) problems.push(`${path}: no edition in the footer`);
    if (!/DCAF/.test(footer)) problems.push(`${path}: no publishers in the footer`);
    if (/USB|index\.html/.test(footer)) problems.push(`${path}: advice for the offline copy`);
    const icon = await home.getAttribute('link[rel="icon"][type="image/svg+xml"]', 'href');
    const fetched = await home.evaluate((href) => fetch(href).then((r) => r.status), icon);
    if (fetched !== 200) problems.push(`${path}: icon ${icon} ${fetched}`);
  }
  assert.deepEqual(problems, []);
  assert.equal(await home.evaluate((url) => fetch(url).then((r) => r.status), `${server.url}favicon.ico`), 200);
  await home.context().close();
});

test('short titles, a description and Open Graph tags with the language versions', async () => {
  const page = await open('en/3.7.a/index.html');
  assert.equal(await page.title(), `Challenge 3.7.a · ${fluent('en', 'toolkit-short')}`);
  const meta = async (selector) => page.getAttribute(`meta[${selector}]`, 'content');
  const statement = (await page.textContent('.statement')).trim();
  const description = await meta('name="description"');
  assert.ok(statement.startsWith(description.replace(/…$/, '')), description);
  assert.equal(await meta('property="og:title"'), await page.title());
  assert.equal(await meta('property="og:description"'), description);
  assert.equal(await meta('property="og:type"'), 'website');
  assert.equal(await meta('property="og:url"'), `${baseUrl}en/3.7.a/`);
  assert.equal(await meta('property="og:locale"'), 'en');
  const alternates = await page.$$eval('meta[property="og:locale:alternate"]', (m) => m.map((x) => x.content));
  assert.deepEqual(alternates, ['fr', 'es', 'zh_CN']);
  await page.goto(`${server.url}zh/3/index.html`);
  assert.equal(await meta('property="og:locale"'), 'zh_CN');
  assert.ok((await page.title()).length < 60, await page.title());
  assert.ok((await meta('name="description"')).startsWith('第3章'));
  await page.context().close();
});

test('glossary: one grid, so the columns line up', async () => {
  for (const lang of languages) {
    const page = await open(`${lang}/glossary/index.html`);
    const lefts = await page.$$eval('dl.glossary-list', (lists) => lists.map((dl) => [...new Set([...dl.querySelectorAll('dd')].map((dd) => Math.round(dd.getBoundingClientRect().left)))]));
    assert.ok(lefts.length > 0);
    for (const list of lefts) assert.equal(list.length, 1, `${lang}: definitions start at ${list.join(', ')}`);
    await page.context().close();
  }
});

/** Serves `folder` under `prefix`, with 404.html for anything missing, as web servers do. */
async function serveUnder(folder, prefix) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const httpServer = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = path.startsWith(prefix) ? join(folder, normalize(path.slice(prefix.length - 1))) : null;
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404, { 'content-type': types['.html'] }).end(readFileSync(join(folder, '404.html')));
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${httpServer.address().port}`, close: () => new Promise((r) => { httpServer.close(r); httpServer.closeAllConnections(); }) };
}

test('the 404 page is styled and its links work at any depth, from the published base path or another', async () => {
  const published = new URL(baseUrl).pathname;
  for (const prefix of [published, '/', '/some/other/place/']) {
    const other = await serveUnder(site, prefix);
    const page = await browser.newPage();
    for (const missing of ['nope', 'fr/nope/', 'fr/3.7.a/deeper/still/']) {
      const response = await page.goto(`${other.url}${prefix}${missing}`);
      assert.equal(response.status(), 404);
      await page.waitForLoadState('load');
      await page.waitForFunction(() => getComputedStyle(document.body).fontFamily.includes('system-ui'));
      const links = await page.$$eval('.choices a', (as) => as.map((a) => a.href));
      assert.deepEqual(links, languages.map((lang) => `${other.url}${prefix}${lang}/index.html`), `${prefix}${missing}`);
      const home = await page.goto(links[1]);
      assert.equal(home.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    }
    await page.close();
    await other.close();
  }
});
