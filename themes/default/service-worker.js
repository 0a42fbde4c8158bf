// The service worker, written to the site's root as sw.js (after the lines `const VERSION = ...`,
// which changes with every build that changes a file, so browsers fetch the new one, and
// `const LANGUAGES = [...]`, the site's language codes).
//
// Reading offline: every page and file is fetched from the network first, as if there were no
// service worker, and kept (the pages open when the worker arrives too); when the network fails
// or is slow (4 s) the kept copy is shown, and for a page never kept, a page of the reader's
// language that says so (<lang>/offline/).
// A search index is the exception until its language is saved: a query loads a dozen small
// files, and passing each through the worker would double the time a phone takes to show results.
// Answers never wait for the copy to be kept.
// "Save for offline reading" (home page, assets/offline.js) keeps a whole language, from the
// list offline/<lang>.json; a new version of the site refreshes saved languages, fetching only
// the files whose fingerprint changed.
'use strict';

const CACHE = 'toolkit';
const SLOW = 4000;
const scope = self.registration.scope;
const savedKey = (lang) => `${scope}offline/saved/${lang}.json`;

/** The languages saved for offline reading, once read from the cache (null until then). */
let savedLanguages = null;
caches.open(CACHE)
  .then((cache) => Promise.all(LANGUAGES.map((lang) => cache.match(savedKey(lang)).then((kept) => kept && lang))))
  .then((langs) => { savedLanguages = new Set(langs.filter(Boolean)); }, () => {});

/** The language of a search index file, or null for any other file. */
function searchLanguage(url) {
  const match = url.slice(scope.length).match(/^search\/([\w-]+)\//);
  return match ? match[1] : null;
}

/** The cache key of a URL: no query or fragment, and a folder's index.html. */
function key(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  if (u.pathname.endsWith('/')) u.pathname += 'index.html';
  return u.href;
}

/** The page shown for a page not kept, when there is no connection: `<lang>/offline/`. */
function offlinePage(url) {
  const lang = url.slice(scope.length).split('/')[0];
  return lang ? `${scope}${lang}/offline/index.html` : null;
}

/** Keeps the offline page of a language once a page of it has been read. */
async function keepOfflinePage(cache, url) {
  const page = offlinePage(url);
  if (!page || (await cache.match(page))) return;
  const response = await fetch(page);
  if (response.ok) await cache.put(page, response);
}

/** Keeps the pages open when the worker arrived: they were loaded before it, and the page a
 * reader landed on is the one most likely to be opened again without a connection. The browser's
 * HTTP cache holds them already, at the address they were opened with: taken from there, they are
 * not downloaded a second time (on a poor connection, beside the reader's next clicks). */
async function keepOpenPages(cache) {
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    const url = key(client.url);
    if (!url.startsWith(scope) || (await cache.match(url))) continue;
    const response = await fetch(client.url, { cache: 'force-cache' }).catch(() => null);
    if (response && keepable(response)) await cache.put(url, storable(response));
  }
}

/** Whether a response is worth keeping: a success, from this site. */
function keepable(response) {
  return response.ok && response.type === 'basic';
}

/** A response fit to keep: browsers refuse to show a kept redirected response as a page. */
function storable(response) {
  if (!response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  // Every language's page saying "not available offline" (LANGUAGES is written before this
  // file), so that a language never opened says so in its own words, not with the browser's error.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(LANGUAGES.map((lang) => keepOfflinePage(cache, `${scope}${lang}/`))))
    .catch(() => {}));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await self.clients.claim();
    const cache = await caches.open(CACHE);
    await keepOpenPages(cache);
    // A new version of the site: bring the saved languages up to date.
    for (const request of await cache.keys()) {
      const saved = request.url.match(/offline\/saved\/([\w-]+)\.json$/);
      if (saved) await saveLanguage(saved[1], () => {}).catch(() => {});
    }
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const searchLang = searchLanguage(request.url);
  // Straight to the network, unless the worker has only just started and cannot tell yet.
  if (searchLang && savedLanguages && !savedLanguages.has(searchLang)) return;
  event.respondWith(networkFirst(event));
});

/** Keeps a copy of what the network answered (and, for a page, its language's offline page). */
async function keepCopy(request, copy) {
  const cache = await caches.open(CACHE);
  await cache.put(key(request.url), copy);
  if (request.mode === 'navigate') await keepOfflinePage(cache, request.url);
}

async function networkFirst(event) {
  const { request } = event;
  let keeping = Promise.resolve();
  const network = fetch(request).then((response) => {
    if (keepable(response)) keeping = keepCopy(request, storable(response.clone())).catch(() => {});
    return response;
  });
  // The worker stays up until the copy is kept, after the answer has gone.
  event.waitUntil(network.then(() => keeping, () => {}));
  const kept = (url) => caches.open(CACHE).then((cache) => cache.match(url));
  let timer;
  const slow = new Promise((resolve) => { timer = setTimeout(resolve, SLOW); });
  try {
    const first = await Promise.race([network, slow.then(() => kept(key(request.url)))]);
    if (first) return first;
    return await network;
  } catch {
    const page = request.mode === 'navigate' && offlinePage(request.url);
    return (await kept(key(request.url))) || (page && (await kept(page))) || Response.error();
  } finally {
    clearTimeout(timer);
  }
}

self.addEventListener('message', (event) => {
  const { save, remove } = event.data || {};
  const reply = (message) => event.source && event.source.postMessage(message);
  if (save) {
    event.waitUntil(saveLanguage(save, (done, total) => reply({ lang: save, state: 'progress', done, total }))
      .then(() => reply({ lang: save, state: 'saved' }), () => reply({ lang: save, state: 'failed' })));
  } else if (remove) {
    event.waitUntil(removeLanguage(remove).then(() => reply({ lang: remove, state: 'removed' })));
  }
});

/** Keeps every file of a language, fetching only what changed since it was last saved. */
async function saveLanguage(lang, progress) {
  const response = await fetch(`${scope}offline/${lang}.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`offline/${lang}.json: ${response.status}`);
  const cache = await caches.open(CACHE);
  // Kept at its address too: the home page reads it to show what is saved.
  await cache.put(`${scope}offline/${lang}.json`, response.clone());
  const manifest = await response.json();
  const previous = await cache.match(savedKey(lang)).then((r) => (r ? r.json() : { files: {} }), () => ({ files: {} }));
  const files = Object.entries(manifest.files);
  let done = 0;
  progress(done, files.length);
  const queue = files.slice();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [path, fingerprint] = next;
      const url = scope + path;
      if (previous.files[path] !== fingerprint || !(await cache.match(url))) {
        const file = await fetch(url, { cache: 'no-cache' });
        if (!file.ok) throw new Error(`${path}: ${file.status}`);
        await cache.put(url, storable(file));
      }
      progress(++done, files.length);
    }
  };
  // A few at a time: quick on a good connection, gentle on a poor one.
  await Promise.all([worker(), worker(), worker(), worker()]);
  for (const path of Object.keys(previous.files)) {
    if (!(path in manifest.files)) await cache.delete(scope + path);
  }
  await cache.put(savedKey(lang), new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }));
  if (savedLanguages) savedLanguages.add(lang);
}

/** Forgets a saved language: its pages and search index (shared style sheets and scripts stay, and
 * so does its page saying "not available offline"). */
async function removeLanguage(lang) {
  if (savedLanguages) savedLanguages.delete(lang);
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    const path = request.url.slice(scope.length);
    if ((path.startsWith(`${lang}/`) && path !== `${lang}/offline/index.html`) || path.startsWith(`search/${lang}/`) || path === `offline/${lang}.json` || request.url === savedKey(lang)) {
      await cache.delete(request);
    }
  }
}
