/* The toolkit's search page. The index was built ahead of time (src/search/): this script turns
   the query into the same terms tantivy indexed (the analysis below mirrors
   src/search/analyzer.rs; tests/js/analyzer.test.mjs checks both give the same terms), loads only
   the index files those terms live in, as <script> files so it works from disk (file://), adds
   up the scores tantivy computed, and shows the best results. No framework, no server. */
(function (global) {
  'use strict';

  // ---- Analysis: the same steps as src/search/analyzer.rs ----

  var HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FFFF}]/u;
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var NUMBER = /^\p{N}$/u;

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  /** Runs of word characters or of Han characters: [kind, from, to] in UTF-16 offsets. */
  function runs(text) {
    var found = [];
    var at = 0;
    for (var c of text) {
      var kind = HAN.test(c) ? 'han' : WORD.test(c) ? 'word' : null;
      var end = at + c.length;
      if (kind) {
        var last = found[found.length - 1];
        if (last && last[2] === at && last[0] === kind) last[2] = end;
        else found.push([kind, at, end]);
      }
      at = end;
    }
    return found;
  }

  function Analyzer(lang, stopWords, stemOverrides) {
    this.lang = lang;
    this.stop = new Set(stopWords);
    this.overrides = new Map(stemOverrides || []);
    this.stemmer = (global.toolkitStemmers || {})[lang] || null;
  }

  /** The term of one word, or null for a stop word or a single letter. */
  Analyzer.prototype.wordTerm = function (word) {
    var lower = word.toLowerCase();
    var chars = Array.from(lower);
    if ((chars.length === 1 && !NUMBER.test(lower)) || this.stop.has(lower)) return null;
    if (this.overrides.has(lower)) return fold(this.overrides.get(lower));
    return fold(this.stemmer ? this.stemmer.stem(lower) : lower);
  };

  /** Terms with their place in the text: {term, from, to}. Indexing keeps Chinese single
      characters and bigrams; a query's Chinese run of two or more characters gives bigrams. */
  Analyzer.prototype.tokens = function (text, forIndex) {
    var tokens = [];
    var self = this;
    runs(text).forEach(function (run) {
      if (run[0] === 'word') {
        var term = self.wordTerm(text.slice(run[1], run[2]));
        if (term !== null) tokens.push({ term: term, from: run[1], to: run[2] });
        return;
      }
      var chars = [];
      var at = run[1];
      for (var c of text.slice(run[1], run[2])) { chars.push([at, c]); at += c.length; }
      chars.forEach(function (pair, i) {
        if (forIndex || chars.length === 1) tokens.push({ term: pair[1], from: pair[0], to: pair[0] + pair[1].length });
        var next = chars[i + 1];
        if (next) tokens.push({ term: pair[1] + next[1], from: pair[0], to: next[0] + next[1].length });
      });
    });
    return tokens;
  };

  Analyzer.prototype.indexTokens = function (text) { return this.tokens(text, true); };
  Analyzer.prototype.queryTokens = function (text) { return this.tokens(text, false); };

  function surfaceKey(word) { return fold(word.toLowerCase()); }

  /** Compares by code point, as Rust orders strings (JavaScript's < compares UTF-16 units). */
  function compareKeys(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  /** The term file holding `key`: the last whose first key is not after it. */
  function termFile(firstKeys, key) {
    var low = 0, high = firstKeys.length - 1, found = -1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (compareKeys(firstKeys[mid], key) <= 0) { found = mid; low = mid + 1; } else { high = mid - 1; }
    }
    return found < 0 ? null : 't-' + found;
  }

  /** A query's terms, resolved through the lexicon of unaccented spellings like
      src/search/index.rs's resolve_query. `lexicon(key)` returns a term or undefined. */
  function resolveQuery(analyzer, query, lexicon) {
    var terms = [];
    analyzer.queryTokens(query).forEach(function (token) {
      var term = lexicon(surfaceKey(query.slice(token.from, token.to))) || token.term;
      if (terms.indexOf(term) < 0) terms.push(term);
    });
    return terms;
  }

  /** Pieces of a snippet around the first match: [{text, mark}], at most about `width` chars. */
  function snippet(analyzer, text, terms, width) {
    var wanted = new Set(terms);
    var matches = analyzer.indexTokens(text).filter(function (t) { return wanted.has(t.term); });
    var first = matches.length ? matches[0].from : 0;
    var start = Math.max(0, first - Math.floor(width / 3));
    // Start at a word boundary when the text has spaces.
    if (start > 0) { var space = text.lastIndexOf(' ', start); if (space > start - 20 && space >= 0) start = space + 1; }
    var end = Math.min(text.length, start + width);
    var pieces = [];
    if (start > 0) pieces.push({ text: '…', mark: false });
    var cursor = start;
    matches.forEach(function (m) {
      if (m.from < cursor || m.to > end) return;
      pieces.push({ text: text.slice(cursor, m.from), mark: false });
      pieces.push({ text: text.slice(m.from, m.to), mark: true });
      cursor = m.to;
    });
    pieces.push({ text: text.slice(cursor, end), mark: false });
    if (end < text.length) pieces.push({ text: '…', mark: false });
    return pieces.map(function (p) { return { text: p.text.replace(/\s+/g, ' '), mark: p.mark }; });
  }

  var analysis = { Analyzer: Analyzer, fold: fold, surfaceKey: surfaceKey, termFile: termFile, resolveQuery: resolveQuery, snippet: snippet };

  // ---- Loading index files ----

  /** Index files call toolkitSearchData(lang, name, data) when they load. */
  var loaded = {};
  var pending = {};
  global.toolkitSearchData = function (lang, name, data) { loaded[lang + '/' + name] = data; };

  function load(base, lang, name) {
    var key = lang + '/' + name;
    if (loaded[key]) return Promise.resolve(loaded[key]);
    if (!pending[key]) {
      pending[key] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = base + name + '.js';
        script.onload = function () { resolve(loaded[key]); };
        script.onerror = function () { delete pending[key]; reject(new Error('could not load ' + script.src)); };
        document.head.appendChild(script);
      });
    }
    return pending[key];
  }

  // ---- The search page ----

  function Search(form) {
    this.form = form;
    this.base = form.dataset.index;
    this.root = form.dataset.root;
    this.lang = form.dataset.lang;
    this.forms = JSON.parse(form.dataset.resultForms);
    this.plural = new Intl.PluralRules(form.dataset.tag);
    this.input = form.querySelector('input[type="search"]');
    this.chapter = form.querySelector('select');
    this.status = document.getElementById('search-status');
    this.list = document.getElementById('search-results');
    this.idle = this.status.textContent;
    this.generation = 0;
  }

  Search.prototype.start = function () {
    var self = this;
    var params = new URLSearchParams(global.location.search);
    this.input.value = params.get('q') || '';
    this.chapter.value = params.get('chapter') || '';
    var timer = null;
    this.input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { self.run(); }, 120); });
    this.chapter.addEventListener('change', function () { self.run(); });
    this.form.addEventListener('submit', function (event) { event.preventDefault(); self.run(); });
    this.input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') { var first = self.list.querySelector('a'); if (first) { event.preventDefault(); first.focus(); } }
    });
    this.list.addEventListener('keydown', function (event) { self.arrows(event); });
    return load(this.base, this.lang, 'index').then(function (manifest) {
      self.manifest = manifest;
      self.analyzer = new Analyzer(self.lang, manifest.stopWords, manifest.stemOverrides);
      return self.run();
    });
  };

  /** Up and down arrows move between results; up from the first goes back to the box. */
  Search.prototype.arrows = function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var links = Array.prototype.slice.call(this.list.querySelectorAll('a.result-title'));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    var next = at + (event.key === 'ArrowDown' ? 1 : -1);
    (next < 0 ? this.input : links[Math.min(next, links.length - 1)]).focus();
  };

  Search.prototype.remember = function (query) {
    var params = new URLSearchParams();
    if (query) params.set('q', query);
    if (this.chapter.value) params.set('chapter', this.chapter.value);
    var search = params.toString();
    try { global.history.replaceState(null, '', search ? '?' + search : global.location.pathname); } catch (e) { /* file:// may refuse */ }
  };

  Search.prototype.shardFile = function (text) {
    return termFile(this.manifest.termFiles, text);
  };

  /** Loads the term files a query's words and terms live in. */
  Search.prototype.loadShards = function (query) {
    var self = this;
    var names = new Set();
    this.analyzer.queryTokens(query).forEach(function (token) {
      [surfaceKey(query.slice(token.from, token.to)), token.term].forEach(function (text) {
        var name = self.shardFile(text);
        if (name) names.add(name);
      });
    });
    return Promise.all(Array.from(names).map(function (name) { return load(self.base, self.lang, name); }));
  };

  Search.prototype.shard = function (text) {
    var name = this.shardFile(text);
    return name ? loaded[this.lang + '/' + name] : null;
  };

  Search.prototype.run = function () {
    var self = this;
    var query = this.input.value.trim();
    var generation = ++this.generation;
    this.remember(query);
    if (!this.manifest) return Promise.resolve();
    if (!query) { this.show([], query, []); this.status.textContent = this.idle; return Promise.resolve(); }
    this.list.setAttribute('aria-busy', 'true');
    return this.loadShards(query).then(function () {
      var terms = resolveQuery(self.analyzer, query, function (key) {
        var shard = self.shard(key);
        return shard && Object.prototype.hasOwnProperty.call(shard.w, key) ? shard.w[key] : undefined;
      });
      var hits = self.rank(terms);
      var shown = hits.slice(0, 20);
      var files = new Set(shown.map(function (h) { return 'd-' + Math.floor(h.doc / self.manifest.perFile); }));
      return Promise.all(Array.from(files).map(function (name) { return load(self.base, self.lang, name); })).then(function () {
        if (generation !== self.generation) return;
        self.show(shown, query, terms, hits.length);
      });
    }).catch(function () {
      if (generation === self.generation) self.show([], query, [], 0);
    });
  };

  /** Documents with every term (or, when none has them all, any term), best first. */
  Search.prototype.rank = function (terms) {
    var self = this;
    var chapter = this.chapter.value ? Number(this.chapter.value) : 0;
    var scores = new Map();
    var counts = new Map();
    terms.forEach(function (term) {
      var shard = self.shard(term);
      var postings = shard && Object.prototype.hasOwnProperty.call(shard.t, term) ? shard.t[term] : [];
      for (var i = 0; i < postings.length; i += 2) {
        var doc = postings[i];
        if (chapter && self.manifest.chapters[doc] !== chapter) continue;
        scores.set(doc, (scores.get(doc) || 0) + postings[i + 1]);
        counts.set(doc, (counts.get(doc) || 0) + 1);
      }
    });
    var all = Array.from(scores.keys()).filter(function (doc) { return counts.get(doc) === terms.length; });
    var docs = all.length ? all : Array.from(scores.keys());
    return docs.map(function (doc) { return { doc: doc, score: scores.get(doc) }; })
      .sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  };

  Search.prototype.document = function (doc) {
    var file = loaded[this.lang + '/d-' + Math.floor(doc / this.manifest.perFile)];
    return file[doc % this.manifest.perFile];
  };

  Search.prototype.countText = function (count, query) {
    var form = count === 0 ? this.forms.zero : this.forms[this.plural.select(count)] || this.forms.other;
    // A function replacement, in one pass: the query is user text, and a replacement string
    // would expand its $&, $`, $' and $1 (and a query containing {count} stays as typed).
    var values = { count: String(count), query: query };
    return form.replace(/\{(count|query)\}/g, function (_, name) { return values[name]; });
  };

  /** Builds the result list with DOM text nodes only: content is never parsed as HTML. */
  Search.prototype.show = function (hits, query, terms, total) {
    var self = this;
    var list = this.list;
    while (list.firstChild) list.removeChild(list.firstChild);
    hits.forEach(function (hit) {
      var doc = self.document(hit.doc);
      var item = document.createElement('li');
      if (doc.l) item.lang = doc.l;
      var title = document.createElement('a');
      title.className = 'result-title';
      title.href = self.root + doc.u;
      title.textContent = doc.t;
      item.appendChild(title);
      var kind = document.createElement('span');
      kind.className = 'result-kind';
      kind.textContent = doc.k;
      item.appendChild(kind);
      if (doc.b.length) {
        var trail = document.createElement('span');
        trail.className = 'result-trail';
        trail.textContent = doc.b.join(' › ');
        item.appendChild(trail);
      }
      var text = document.createElement('p');
      snippet(self.analyzer, doc.x || doc.t, terms, 180).forEach(function (piece) {
        var node = piece.mark ? document.createElement('mark') : document.createTextNode(piece.text);
        if (piece.mark) node.textContent = piece.text;
        text.appendChild(node);
      });
      item.appendChild(text);
      list.appendChild(item);
    });
    list.removeAttribute('aria-busy');
    if (query) this.status.textContent = this.countText(total || 0, query);
  };

  global.toolkitSearch = analysis;
  if (typeof document !== 'undefined') {
    var form = document.getElementById('search-form');
    if (form) new Search(form).start();
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
