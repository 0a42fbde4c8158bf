// The 404 page is served at any missing address, and its links start from the published base
// path (base_url). Served from another base path, this script, the first of the page's
// candidates that loads, knows the site's root from its own address: the links and the style
// sheet are taken from there.
'use strict';
(() => {
  const page = document.documentElement;
  if (page.dataset.root) return; // An earlier candidate found it.
  const root = new URL('../', document.currentScript.src);
  page.dataset.root = root.href;
  for (const link of document.querySelectorAll('a[data-from-root]')) link.href = new URL(link.dataset.fromRoot, root).href;
  for (const sheet of document.querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"]')) {
    const href = new URL(`assets/${sheet.href.split('/assets/').pop()}`, root).href;
    if (sheet.href !== href) {
      const copy = sheet.cloneNode();
      copy.href = href;
      sheet.replaceWith(copy);
    }
  }
})();
