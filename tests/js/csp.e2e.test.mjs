// Content-Security-Policy, defence in depth: every page carries a <meta> policy that refuses
// inline scripts, event handlers and javascript: links, and anything from another origin. So
// that markup slipping through an escaping bug still cannot run, a challenge page and a handout
// are copied with such markup injected and opened in headless Chromium, over HTTP and from
// disk; the site's own scripts and styles must keep working, and no page may ask another
// origin for anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { htmlFiles, servedSite } from './support.mjs';

let site, server, browser;
servedSite((s) => ({ site, server, browser } = s));

const decode = (text) => text.replace(/&#39;|&#x27;|&quot;|&amp;/g, (e) => ({ '&#39;': "'", '&#x27;': "'", '&quot;': '"', '&amp;': '&' })[e]);

/** The policy of a page's <meta http-equiv="Content-Security-Policy">, as directive → sources. */
function policy(html) {
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/gi)];
  if (metas.length !== 1) return null;
  return new Map(decode(metas[0][1]).split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

test('every page carries the policy: scripts from the site only, nothing inline', () => {
  const files = htmlFiles(site);
  assert.ok(files.length > 100, `${files.length} pages`);
  const problems = [];
  for (const file of files) {
    const name = relative(site, file);
    const html = readFileSync(file, 'utf8');
    const csp = policy(html);
    if (!csp) { problems.push(`${name}: no (or more than one) Content-Security-Policy <meta>`); continue; }
    // Scripts from the site itself and nowhere else; a handout, which needs none, may refuse all.
    const scripts = csp.get('script-src') ?? [];
    const allowed = name.includes('/print/') ? ["'self'", "'none'"] : ["'self'"];
    if (scripts.length !== 1 || !allowed.includes(scripts[0])) problems.push(`${name}: script-src is ${scripts.join(' ') || 'missing'}`);
    // Nor may script-src-elem, script-src-attr or default-src open what script-src closes.
    for (const [directive, sources] of csp) {
      if (!/^(script-src(-elem|-attr)?|default-src)$/.test(directive)) continue;
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'data:', 'blob:', 'http:', 'https:']) {
        if (sources.includes(bad)) problems.push(`${name}: ${directive} allows ${bad}`);
      }
    }
    if ((csp.get('style-src') ?? []).includes("'unsafe-inline'")) problems.push(`${name}: style-src allows 'unsafe-inline'`);
    if (csp.get('object-src')?.join(' ') !== "'none'") problems.push(`${name}: object-src is not 'none'`);
    if (csp.get('base-uri')?.join(' ') !== "'none'") problems.push(`${name}: base-uri is not 'none'`);
    // A <meta> policy only covers what comes after it: it must come before any style or script.
    const head = html.slice(0, html.indexOf('</head>'));
    const at = head.search(/<meta http-equiv="Content-Security-Policy"/i);
    const first = head.search(/<(script|style|link)\b/i);
    if (first >= 0 && first < at) problems.push(`${name}: the policy comes after a <script>, <style> or <link>`);
    // What the policy would silently block must not be in the site itself.
    if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) problems.push(`${name}: inline <script>`);
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) problems.push(`${name}: event handler attribute`);
    if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push(`${name}: style attribute`);
    if (/href\s*=\s*["']?\s*javascript:/i.test(html)) problems.push(`${name}: javascript: link`);
  }
  assert.deepEqual(problems, []);
});

/** Opens pages in a fresh context that records every request and every CSP violation. */
async function recorder() {
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, requests };
}

/** Requests that leave the site: anything but its HTTP origin, or files under it on disk. */
function foreign(requests) {
  const home = pathToFileURL(site).href;
  return requests.filter((url) => !url.startsWith(server.url) && !url.startsWith(`${home}/`));
}

test('no page breaks its own policy or asks another origin for anything, over HTTP and from disk', async () => {
  const { context, requests } = await recorder();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  const violations = [];
  const files = htmlFiles(site).map((file) => relative(site, file).split('\\').join('/'));
  for (const base of [server.url, `${pathToFileURL(site).href}/`]) {
    for (const path of files) {
      // 404.html is for the web server, which shows it at any depth: its links start with the
      // site's path (/toolkit/...), which on disk means the root of the file system.
      if (path === '404.html' && base.startsWith('file:')) continue;
      await page.goto(base + path, { waitUntil: 'load' });
      for (const v of await page.evaluate(() => window.__violations)) violations.push(`${path}: ${v}`);
    }
  }
  // The search page, which loads its index while it runs, with a query in every language.
  for (const [lang, query] of [['en', 'grievance'], ['fr', 'sécurité'], ['es', 'pagos'], ['zh', '申诉']]) {
    for (const base of [server.url, `${pathToFileURL(site).href}/`]) {
      await page.goto(`${base}${lang}/search/index.html?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-results li');
      for (const v of await page.evaluate(() => window.__violations)) violations.push(`${lang}/search: ${v}`);
    }
  }
  await context.close();
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign(requests), []);
  assert.ok(requests.length >= 2 * files.length, `${requests.length} requests`);
});

const payload = [
  '<img src=x onerror="window.__pwned=1">',
  '<h4 tabindex=0 autofocus onfocus="window.__pwned=2">x</h4>',
  '<script>window.__pwned=3</script>',
  '<a href="javascript:window.__pwned=4" id=pwn>x</a>',
].join('\n');

/** A copy of a built page with the payload after its <h1>, next to it (so its links still work). */
function inject(path, { keepPolicy = true } = {}) {
  let html = readFileSync(join(site, path), 'utf8');
  assert.ok(html.includes('</h1>'), path);
  html = html.replace('</h1>', () => `</h1>\n${payload}\n`);
  if (!keepPolicy) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const copy = join(dirname(path), keepPolicy ? 'pwned.html' : 'pwned-no-policy.html');
  writeFileSync(join(site, copy), html);
  return copy.split('\\').join('/');
}

/** Loads a page with the payload, gives every handler its chance, and reports what ran. */
async function attack(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: 'load' });
  // The payload is in the page, as markup: the test is not vacuous.
  assert.deepEqual(await page.evaluate(() => [
    Boolean(document.querySelector('img[onerror]')), Boolean(document.querySelector('h4[onfocus][autofocus]')),
    [...document.scripts].some((s) => s.textContent.includes('__pwned')), Boolean(document.querySelector('a#pwn[href^="javascript:"]')),
  ]), [true, true, true, true], url);
  await page.focus('h4[autofocus]'); // in case autofocus did not (the page may not have had focus)
  await page.click('#pwn');
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => ({ pwned: window.__pwned, violations: window.__violations }));
  result.url = page.url();
  result.errors = errors;
  result.page = page;
  return result;
}

for (const path of ['en/2.1.a/index.html', 'en/2/print/index.html']) {
  test(`markup slipped into ${path} does not run, over HTTP and from disk`, async () => {
    const copy = inject(path);
    const { context, requests } = await recorder();
    for (const base of [server.url, `${pathToFileURL(site).href}/`]) {
      const result = await attack(context, base + copy);
      assert.equal(result.pwned, undefined, `${base + copy}: window.__pwned = ${result.pwned}`);
      assert.equal(result.url, base + copy, 'the javascript: link did not navigate');
      // The browser refused the handlers, the inline script and the javascript: link, and said so.
      const refused = result.violations.filter((v) => v.startsWith('script-src'));
      assert.ok(refused.length >= 4, `${base}: ${JSON.stringify(result.violations)}`);
      assert.deepEqual(result.violations.filter((v) => !v.startsWith('script-src') && !v.startsWith('img-src')), [], base);
      // The site's own style sheet still applies (and, on the handout, its hashed inline style).
      assert.ok(await result.page.evaluate(() => [...document.styleSheets].some((s) => s.href && /assets\/(style|handout)\.css$/.test(s.href))), base);
      if (path.includes('/print/')) {
        assert.equal(await result.page.evaluate(() => [...document.styleSheets].filter((s) => !s.href && s.ownerNode.textContent.includes('@page')).length), 1);
      } else if (base.startsWith('http')) {
        // The site's own script still runs: offline.js registers the service worker and then
        // shows the footer's "Save for offline reading" link.
        await result.page.waitForSelector('.offline-link:not([hidden])');
      }
      await result.page.close();
    }
    await context.close();
    assert.deepEqual(foreign(requests), []);
  });
}

test('without the policy the same markup does run (the attack above is real)', async () => {
  const copy = inject('en/2.1.a/index.html', { keepPolicy: false });
  const { context } = await recorder();
  const result = await attack(context, server.url + copy);
  assert.notEqual(result.pwned, undefined);
  await result.page.close();
  await context.close();
});
