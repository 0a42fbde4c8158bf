import { serve, launch } from './support.mjs';
const server = await serve(process.argv[2]);
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
const page = await ctx.newPage();
for (const id of ['3.7.a', '2.1.a', '3.7.c', '2.8.d']) {
  const row = [];
  for (const lang of ['en', 'fr', 'es', 'zh']) {
    await page.goto(`${server.url}${lang}/${id}/`);
    row.push(lang + ':' + Math.round(await page.evaluate(() => document.querySelector('.practice').getBoundingClientRect().top + scrollY)));
  }
  console.log(id, row.join(' '));
}
const wide = await browser.newPage({ viewport: { width: 320, height: 700 } });
for (const lang of ['en', 'fr', 'es', 'zh']) for (const k of ['', '3.7.a/', 'glossary/', 'search/', '4/', 'case-studies/']) {
  await wide.goto(`${server.url}${lang}/${k}`);
  const [a, b] = await wide.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (a > b) console.log('wide', lang, k, a);
}
for (const [lang, path, w] of [['zh', '3.7.a/', 390], ['fr', '3.7.a/', 390], ['en', '', 390], ['zh', '3.7.a/', 1366], ['fr', '3.7.a/', 1366], ['en', '', 1366]]) {
  const p = w === 390 ? page : await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await p.goto(`${server.url}${lang}/${path}`);
  await p.screenshot({ path: `/tmp/ux/${lang}-${path.replace(/\W/g, '') || 'home'}-${w}.png` });
}
await browser.close();
await server.close();
