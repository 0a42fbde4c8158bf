// The language menu. The links to this page in the other languages keep the reader's place:
// the good practice or note in view (#gp-2), and, on the search page, the query (search.js
// writes it into the links). The menu closes with Escape or a click elsewhere; without this
// script it is an ordinary disclosure.
'use strict';
(() => {
  const menu = document.querySelector('.language-menu');
  if (!menu) return;
  const links = menu.querySelectorAll('a[href]');
  const keepPlace = () => {
    for (const link of links) {
      const href = link.getAttribute('href').split('#')[0];
      link.setAttribute('href', href + location.hash);
    }
  };
  keepPlace();
  addEventListener('hashchange', keepPlace);
  // The query may have changed the links since (search.js): once more just before leaving.
  menu.addEventListener('pointerdown', keepPlace);
  menu.addEventListener('focusin', keepPlace);

  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
})();
