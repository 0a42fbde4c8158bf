// Reading offline. On a web server (not from disk, where the whole site is already at hand),
// registers the service worker sw.js, which keeps the pages a reader opens; on the home page,
// offers to keep the whole language ("Save for offline reading"). The panel stays hidden
// wherever this cannot work: no service workers, or no list of files to save (live preview).
'use strict';
(() => {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  const root = new URL('../', document.currentScript.src);
  const panel = document.getElementById('offline');
  // Elsewhere than the home page, a footer link leads to the panel once the worker is there.
  const register = () => navigator.serviceWorker.register(new URL('sw.js', root))
    .then(() => { if (!panel) for (const link of document.querySelectorAll('.offline-link')) link.hidden = false; })
    .catch(() => {});
  // Once the page has loaded, when the browser is idle: installing the worker (its script, each
  // language's "not available offline" page) would otherwise slow the page and a first search.
  const whenIdle = () => (window.requestIdleCallback ? requestIdleCallback(register, { timeout: 2000 }) : setTimeout(register));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });

  if (!panel || !('caches' in window)) return;
  const lang = panel.dataset.lang;
  const status = panel.querySelector('.offline-status');
  const save = panel.querySelector('.offline-save');
  const remove = panel.querySelector('.offline-remove');
  // Localized texts, with {size}, {done} and {total} to fill in.
  const say = (name, values = {}) => {
    status.textContent = panel.dataset[name].replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
  };
  let size = '';
  const show = (saved) => {
    save.hidden = saved;
    remove.hidden = !saved;
    save.disabled = false;
  };

  fetch(new URL(`offline/${lang}.json`, root))
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.status))))
    .then(async (manifest) => {
      const megabytes = manifest.bytes / 1e6;
      size = new Intl.NumberFormat(panel.dataset.tag, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes);
      const saved = Boolean(await caches.match(new URL(`offline/saved/${lang}.json`, root).href));
      say(saved ? 'saved' : 'intro', { size });
      show(saved);
      panel.hidden = false;
      // Arriving from the footer link: the panel was hidden when the browser looked for it.
      if (location.hash === '#offline') panel.scrollIntoView();
    })
    .catch(() => {});

  const ask = async (message) => {
    const registration = await navigator.serviceWorker.ready;
    registration.active.postMessage(message);
  };
  save.addEventListener('click', () => {
    save.disabled = true;
    say('saving', { done: 0, total: '…' });
    ask({ save: lang });
  });
  remove.addEventListener('click', () => ask({ remove: lang }));

  navigator.serviceWorker.addEventListener('message', (event) => {
    const { lang: about, state, done, total } = event.data || {};
    if (about !== lang) return;
    if (state === 'progress') say('saving', { done, total });
    if (state === 'saved') { say('saved', { size }); show(true); }
    if (state === 'failed') { say('failed'); show(false); }
    if (state === 'removed') { say('removed'); show(false); }
  });
})();
