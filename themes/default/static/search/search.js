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

  var ACCENTS = /[\u0300-\u036f]/g;

  var ASCII = /^[\u0000-\u007f]*$/;

  function fold(text) {
    return ASCII.test(text) ? text : text.normalize('NFD').replace(ACCENTS, '');
  }

  // A run of Han characters, or of other word characters.
  var RUN = new RegExp('(' + HAN.source + '+)|((?:(?!' + HAN.source + ')' + WORD.source + ')+)', 'gu');

  /** Runs of word characters or of Han characters: [kind, from, to] in UTF-16 offsets. */
  function runs(text) {
    var found = [];
    RUN.lastIndex = 0;
    for (var m = RUN.exec(text); m; m = RUN.exec(text)) found.push([m[1] ? 'han' : 'word', m.index, m.index + m[0].length]);
    return found;
  }

  function Analyzer(lang, stopWords, stemOverrides) {
    this.lang = lang;
    this.stop = new Set(stopWords);
    this.overrides = new Map(stemOverrides || []);
    this.stemmer = (global.toolkitStemmers || {})[lang] || null;
    // Snippets and highlights analyse every word of the results shown, and the same words come
    // back in every query: stemming each once keeps later queries fast.
    this.known = new Map();
  }

  /** The term of one word, or null for a stop word or a single letter. */
  Analyzer.prototype.wordTerm = function (word) {
    var lower = word.toLowerCase();
    if (this.known.has(lower)) return this.known.get(lower);
    var term = this.analyse(lower);
    if (this.known.size < 50000) this.known.set(lower, term);
    return term;
  };

  /** Whether analysis drops a word (lower case): a stop word, or a single letter. */
  Analyzer.prototype.drops = function (lower) {
    var single = lower.length === 1 || (lower.length === 2 && lower.codePointAt(0) > 0xffff);
    return (single && !NUMBER.test(lower)) || this.stop.has(lower);
  };

  Analyzer.prototype.analyse = function (lower) {
    if (this.drops(lower)) return null;
    if (this.overrides.has(lower)) return fold(this.overrides.get(lower));
    return fold(this.stemmer ? this.stemmer.stem(lower) : lower);
  };

  /** Terms with their place in the text: {term, from, to}. Indexing keeps Chinese single
      characters and bigrams; a query's Chinese run of two or more characters gives bigrams.
      With `wanted` (terms), a word that cannot give one of them gets the term OTHER instead:
      a stem keeps its word's beginning (see stemPrefixes), so most words need no stemming. */
  Analyzer.prototype.tokens = function (text, forIndex, wanted) {
    var tokens = [];
    var self = this;
    var prefixes = wanted ? stemPrefixes(wanted) : null;
    runs(text).forEach(function (run) {
      if (run[0] === 'word') {
        var word = text.slice(run[1], run[2]);
        var term = prefixes ? self.termIfWanted(word, prefixes) : self.wordTerm(word);
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

  /** A term no word has: what `tokens` gives a word that cannot match. */
  var OTHER = '\u0000';

  /** What the unaccented word of each wanted term must start with: the term but its last two
      letters. The Snowball stemmers change at most that much of a word's end when they replace
      a suffix (French "application" gives "appliqu", English "ugly" "ugli"); they only cut
      elsewhere. tests/js/analyzer.test.mjs checks it on every word of the content. */
  function stemPrefixes(wanted) {
    var prefixes = [];
    wanted.forEach(function (term) {
      var letters = Array.from(term);
      var prefix = letters.slice(0, Math.max(1, letters.length - 2)).join('');
      if (prefixes.indexOf(prefix) < 0) prefixes.push(prefix);
    });
    return prefixes;
  }

  /** The term of `word` when it is already known or may be one of the wanted terms (`prefixes`,
      see stemPrefixes); else what a word that cannot match counts as: nothing when analysis
      drops it, OTHER otherwise. */
  Analyzer.prototype.termIfWanted = function (word, prefixes) {
    var lower = word.toLowerCase();
    if (this.known.has(lower)) return this.known.get(lower);
    if (this.overrides.has(lower)) return this.wordTerm(lower);
    var key = fold(lower);
    for (var i = 0; i < prefixes.length; i++) if (key.startsWith(prefixes[i])) return this.wordTerm(lower);
    return this.drops(lower) ? null : OTHER;
  };

  Analyzer.prototype.indexTokens = function (text, wanted) { return this.tokens(text, true, wanted); };
  Analyzer.prototype.queryTokens = function (text) { return this.tokens(text, false); };

  function surfaceKey(word) { return fold(word.toLowerCase()); }

  /** A typed word's key in the lexicon of unaccented spellings, or null for a word typed with
      accents, which is taken as typed (analyzer.rs's lexicon_key). */
  function lexiconKey(word) {
    var decomposed = word.normalize('NFD');
    return decomposed.replace(ACCENTS, '') === decomposed ? surfaceKey(word) : null;
  }

  /** The lexicon's term for a typed word, if any. */
  function lexiconTerm(lexicon, word) {
    var key = lexiconKey(word);
    return key === null ? undefined : lexicon(key);
  }

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
      var term = lexiconTerm(lexicon, query.slice(token.from, token.to)) || token.term;
      if (terms.indexOf(term) < 0) terms.push(term);
    });
    return terms;
  }

  // ---- Answering a query: the same steps as src/search/engine.rs ----

  var QUOTES = '"\u201C\u201D\u201E\u00AB\u00BB\u300C\u300D\uFF02';
  var CORRECT_FROM = 5;

  function isLatinTerm(term) { return !HAN.test(term); }
  function letters(word) { return Array.from(word).length; }

  /** The clauses of a query (see engine.rs's parse): [{text, quoted, from, to, alternatives:
      [{words: [{term, key}], phrase}]}]. `lexicon(key)` returns a term or undefined. */
  function parse(analyzer, query, lexicon, known, synonyms) {
    var clauses = [];
    var segments = [];
    var start = 0, quoted = false, at = 0;
    for (var c of query) {
      if (QUOTES.indexOf(c) >= 0) { segments.push([start, at, quoted]); start = at + c.length; quoted = !quoted; }
      at += c.length;
    }
    segments.push([start, query.length, quoted]);
    segments.forEach(function (segment) {
      var from = segment[0], text = query.slice(segment[0], segment[1]);
      var tokens = analyzer.queryTokens(text);
      var word = function (t) {
        if (!isLatinTerm(t.term)) return { term: t.term, key: null };
        var typed = text.slice(t.from, t.to);
        return { term: lexiconTerm(lexicon, typed) || t.term, key: surfaceKey(typed) };
      };
      if (!tokens.length) return;
      if (segment[2]) {
        var first = tokens[0].from, last = tokens[tokens.length - 1].to;
        clauses.push({ text: '"' + text.slice(first, last) + '"', quoted: true, from: from + first, to: from + last,
          alternatives: [{ words: tokens.map(word), phrase: true }] });
        return;
      }
      tokens.forEach(function (token) {
        var han = !isLatinTerm(token.term);
        var last = clauses[clauses.length - 1];
        if (han && last && !last.quoted && last.to > from + token.from) {
          last.to = Math.max(last.to, from + token.to);
          last.text = query.slice(last.from, last.to);
          last.alternatives[0].words.push(word(token));
          return;
        }
        clauses.push({ text: text.slice(token.from, token.to), quoted: false, from: from + token.from, to: from + token.to,
          alternatives: [{ words: [word(token)], phrase: false }] });
      });
    });
    clauses = [].concat.apply([], clauses.map(function (c) { return splitHan(query, c, known); }));
    var seen = [];
    clauses = clauses.filter(function (c) {
      var terms = c.alternatives[0].words.map(function (w) { return w.term; }).join('\u0000');
      if (seen.indexOf(terms) >= 0) return false;
      seen.push(terms);
      return true;
    });
    return withSynonyms(query, clauses, synonyms || []);
  }

  /** A Chinese run typed without spaces is cut where two neighbours never stand together in
      the index (engine.rs's split_han). */
  function splitHan(query, clause, known) {
    var han = !clause.quoted && clause.alternatives[0].words.every(function (w) { return w.key === null && Array.from(w.term).length === 2; });
    var chars = [];
    var at = clause.from;
    for (var c of query.slice(clause.from, clause.to)) { chars.push([at, c]); at += c.length; }
    if (!han || chars.length < 2) return [clause];
    var pieces = [];
    var start = 0;
    for (var i = 0; i < chars.length - 1; i++) {
      if (!known(chars[i][1] + chars[i + 1][1])) { pieces.push([start, i + 1]); start = i + 1; }
    }
    pieces.push([start, chars.length]);
    if (pieces.length === 1) return [clause];
    return pieces.map(function (piece) {
      var a = piece[0], b = piece[1];
      var from = chars[a][0], to = chars[b - 1][0] + chars[b - 1][1].length;
      var terms = [];
      if (b - a === 1) terms.push(chars[a][1]);
      else for (var j = a; j < b - 1; j++) terms.push(chars[j][1] + chars[j + 1][1]);
      return { text: query.slice(from, to), quoted: false, from: from, to: to,
        alternatives: [{ words: terms.map(function (t) { return { term: t, key: null }; }), phrase: false }] };
    });
  }

  function termsOf(clause) { return clause.alternatives[0].words.map(function (w) { return w.term; }); }
  function sameList(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }
  function sameAlternative(a, b) {
    return a.phrase === b.phrase && a.words.length === b.words.length && a.words.every(function (w, i) {
      return w.term === b.words[i].term && w.key === b.words[i].key;
    });
  }

  /** Clauses that spell a glossary abbreviation or expansion become one, with the other side
      as an alternative (engine.rs's with_synonyms). */
  function withSynonyms(query, clauses, synonyms) {
    var sides = [];
    synonyms.forEach(function (pair) { sides.push([pair[0], pair[1]]); sides.push([pair[1], pair[0]]); });
    // A stable sort, longest first, as Rust's sort_by.
    sides = sides.map(function (s, i) { return [s, i]; })
      .sort(function (x, y) { return y[0][0].length - x[0][0].length || x[1] - y[1]; })
      .map(function (x) { return x[0]; });
    var out = [];
    var i = 0;
    while (i < clauses.length) {
      var matched = null;
      for (var k = 0; k < sides.length && !matched; k++) {
        var side = sides[k][0];
        if (sameList(termsOf(clauses[i]), side)) { matched = [1, side]; break; }
        var n = side.length;
        if (n > 1 && i + n <= clauses.length && clauses.slice(i, i + n).every(function (c, j) {
          return !c.quoted && c.alternatives[0].words.length === 1 && c.alternatives[0].words[0].term === side[j] && isLatinTerm(side[j]);
        })) matched = [n, side];
      }
      if (!matched) { out.push(clauses[i]); i += 1; continue; }
      var count = matched[0];
      var group = clauses.slice(i, i + count);
      var quoted = group.some(function (c) { return c.quoted; });
      var from = group[0].from, to = group[count - 1].to;
      var alternatives = [{
        words: [].concat.apply([], group.map(function (c) { return c.alternatives[0].words; })),
        phrase: count > 1 || group.some(function (c) { return c.alternatives[0].phrase; }),
      }];
      sides.forEach(function (s) {
        if (!sameList(s[0], matched[1])) return;
        var alternative = { words: s[1].map(function (t) { return { term: t, key: null }; }), phrase: s[1].length > 1 };
        if (!alternatives.some(function (a) { return sameAlternative(a, alternative); })) alternatives.push(alternative);
      });
      out.push({ text: quoted ? group[0].text : query.slice(from, to), quoted: quoted, from: from, to: to, alternatives: alternatives });
      i += count;
    }
    return out;
  }

  /** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
  function oneEdit(a, b) {
    var x = Array.from(a), y = Array.from(b);
    if (a === b) return false;
    var short = x.length <= y.length ? x : y, long = x.length <= y.length ? y : x;
    if (long.length - short.length === 0) {
      var diff = [];
      for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
      return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]]);
    }
    if (long.length - short.length !== 1) return false;
    var at = 0;
    while (at < short.length && short[at] === long[at]) at++;
    return short.slice(at).join('') === long.slice(at + 1).join('');
  }

  /** The most frequent word one edit away (the first in code-point order on a tie). */
  function correct(key, candidates) {
    var best = null;
    candidates.forEach(function (c) {
      if (oneEdit(key, c[0]) && (!best || c[1] > best[1] || (c[1] === best[1] && compareKeys(c[0], best[0]) < 0))) best = c;
    });
    return best ? best[0] : null;
  }

  /** An engine over the loaded data: `data.postings(term)` ([doc, score, ...]),
      `data.forms(term)` ({key: [docs]} or undefined), `data.pair(key)` (array or undefined). */
  function Engine(data) { this.data = data; }

  /** Whether a sorted list of documents holds `doc`, from `low` on. */
  function holds(list, doc, low) {
    var high = list.length - 1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (list[mid] === doc) return true;
      if (list[mid] < doc) low = mid + 1; else high = mid - 1;
    }
    return false;
  }

  /** The documents where `word` is written as typed, or null when every form counts. */
  Engine.prototype.spelledAsTyped = function (word) {
    if (word.key === null) return null;
    var forms = this.data.forms(word.term);
    if (!forms) return null;
    return Object.prototype.hasOwnProperty.call(forms, word.key) ? forms[word.key] : [];
  };

  Engine.prototype.hasPair = function (a, b, doc) {
    var pair = this.data.pair(a + ' ' + b);
    if (!pair) return true;
    if (pair[0] === -1) return !holds(pair, doc, 1);
    return holds(pair, doc, 0);
  };

  /** Documents with every term of an alternative: Map doc → [1 when every word typed is there
      in the form typed, else 0; the lowest score of its terms]. */
  Engine.prototype.alternativeMatches = function (alternative) {
    var self = this;
    var result = new Map();
    alternative.words.forEach(function (word, i) {
      var postings = self.data.postings(word.term);
      var spelled = self.spelledAsTyped(word);
      var next = new Map();
      for (var j = 0; j < postings.length; j += 2) {
        var doc = postings[j];
        var exact = spelled === null || holds(spelled, doc, 0) ? 1 : 0;
        var before = i === 0 ? [exact, postings[j + 1]] : result.get(doc);
        if (before) next.set(doc, i === 0 ? before : [Math.min(before[0], exact), Math.min(before[1], postings[j + 1])]);
      }
      result = next;
    });
    if (alternative.phrase) {
      var words = alternative.words;
      result.forEach(function (_, doc) {
        for (var k = 0; k + 1 < words.length; k++) {
          var a = words[k].term, b = words[k + 1].term;
          if (isLatinTerm(a) && isLatinTerm(b) && !self.hasPair(a, b, doc)) { result.delete(doc); return; }
        }
      });
    }
    return result;
  };

  Engine.prototype.clauseMatches = function (clause) {
    var self = this;
    var best = new Map();
    clause.alternatives.forEach(function (alternative) {
      self.alternativeMatches(alternative).forEach(function (value, doc) {
        var entry = best.get(doc);
        if (!entry || value[0] > entry[0] || (value[0] === entry[0] && value[1] > entry[1])) best.set(doc, value);
      });
    });
    return best;
  };

  /** Every document matching a clause, best first: [{doc, phrases, matched, current, exact,
      score, missing}]; `keep(doc)` filters. */
  Engine.prototype.rank = function (clauses, keep) {
    var self = this;
    var perClause = clauses.map(function (c) { return self.clauseMatches(c); });
    var found = new Map();
    clauses.forEach(function (clause, n) {
      perClause[n].forEach(function (value, doc) {
        if (!keep(doc)) return;
        var ranked = found.get(doc);
        if (!ranked) {
          ranked = { doc: doc, phrases: 0, matched: 0, current: !self.data.superseded(doc), exact: 0, score: 0, missing: [] };
          found.set(doc, ranked);
        }
        ranked.matched += 1;
        ranked.exact += value[0];
        ranked.score += value[1];
        if (clause.quoted) ranked.phrases += 1;
      });
    });
    var list = Array.from(found.values());
    list.forEach(function (ranked) {
      ranked.missing = clauses.filter(function (c, n) { return !perClause[n].has(ranked.doc); }).map(function (c) { return c.text; });
    });
    return list.sort(function (a, b) {
      return b.phrases - a.phrases || b.matched - a.matched || b.current - a.current || b.exact - a.exact || b.score - a.score ||
        a.doc - b.doc;
    });
  };

  /** Clauses a correction may change: one word outside quotes, 5+ letters, found nowhere. */
  Engine.prototype.correctable = function (clauses) {
    var self = this;
    return clauses.filter(function (c) {
      if (c.quoted || c.alternatives.length !== 1 || c.alternatives[0].words.length !== 1) return false;
      var key = c.alternatives[0].words[0].key;
      return key !== null && letters(key) >= CORRECT_FROM && self.alternativeMatches(c.alternatives[0]).size === 0;
    });
  };

  /** Every term to highlight for these clauses, synonyms included. */
  function highlightTerms(clauses) {
    var terms = [];
    clauses.forEach(function (c) {
      c.alternatives.forEach(function (a) {
        a.words.forEach(function (w) { if (terms.indexOf(w.term) < 0) terms.push(w.term); });
      });
    });
    return terms;
  }

  // ---- Snippets: the same choice as src/search/mod.rs's snippet ----

  function isWordChar(c) { return WORD.test(c) && !HAN.test(c); }

  /** `text` as pieces [{text, mark}], every match of `terms` marked. */
  function marked(analyzer, text, terms) {
    var wanted = new Set(terms);
    // Overlapping matches (a Chinese word's bigrams) are marked as one.
    var marks = [];
    analyzer.indexTokens(text, wanted).forEach(function (m) {
      if (!wanted.has(m.term)) return;
      var last = marks[marks.length - 1];
      if (last && m.from < last[1]) last[1] = Math.max(last[1], m.to);
      else marks.push([m.from, m.to]);
    });
    var pieces = [];
    var cursor = 0;
    marks.forEach(function (m) {
      if (m[0] > cursor) pieces.push({ text: text.slice(cursor, m[0]), mark: false });
      pieces.push({ text: text.slice(m[0], m[1]), mark: true });
      cursor = m[1];
    });
    if (cursor < text.length) pieces.push({ text: text.slice(cursor), mark: false });
    return pieces;
  }

  /** The passage of about `width` characters with the most different matching terms (then the
      most matches next to another, as in a phrase, then the most matches), cut between words (between characters in Chinese): pieces [{text, mark}]. */
  function snippet(analyzer, text, terms, width) {
    var chars = Array.from(text);
    // UTF-16 offset of each character, and the character at each UTF-16 offset.
    var offsets = [], at = 0;
    chars.forEach(function (c) { offsets.push(at); at += c.length; });
    offsets.push(at);
    var charAt = function (unit) { var low = 0, high = offsets.length - 1; while (low < high) { var mid = (low + high) >> 1; if (offsets[mid] < unit) low = mid + 1; else high = mid; } return low; };
    var wanted = new Set(terms);
    // Matches as [from, to, term, 1 when the word before is the query's term before (a phrase)].
    var all = analyzer.indexTokens(text, wanted);
    var spans = [];
    all.forEach(function (t, i) {
      var after = i > 0 && terms.indexOf(t.term) > 0 && terms.indexOf(all[i - 1].term) === terms.indexOf(t.term) - 1;
      if (wanted.has(t.term)) spans.push([charAt(t.from), charAt(t.to), t.term, after ? 1 : 0]);
    });
    var best = [0, 0, 0, 0]; // distinct terms, words next to a match, matches, start
    spans.forEach(function (span) {
      var start = Math.max(0, span[0] - Math.floor(width / 3));
      var inside = spans.filter(function (s) { return s[0] >= start && s[1] <= start + width; });
      var distinct = new Set(inside.map(function (s) { return s[2]; })).size;
      var together = inside.reduce(function (n, s) { return n + s[3]; }, 0);
      var value = [distinct, together, inside.length];
      if (value[0] > best[0] || (value[0] === best[0] && (value[1] > best[1] || (value[1] === best[1] && value[2] > best[2])))) best = value.concat([start]);
    });
    var word = function (i) { return i < chars.length && isWordChar(chars[i]); };
    var start = Math.min(best[3], chars.length);
    var i;
    if (start > 0 && word(start - 1) && word(start)) {
      var back = -1;
      for (i = start - 1; i >= Math.max(0, start - 20); i--) if (i === 0 || !word(i - 1)) { back = i; break; }
      if (back < 0) { for (back = start; back < chars.length && word(back); back++); }
      start = back;
    }
    var end = Math.min(start + width, chars.length);
    if (end > start && end < chars.length && word(end - 1) && word(end)) {
      var cut = -1;
      for (i = end - 1; i >= Math.max(end - 20, start + 1); i--) if (!word(i - 1) || !word(i)) { cut = i; break; }
      if (cut < 0) { for (cut = end; cut < chars.length && word(cut); cut++); }
      end = cut;
    }
    var from = offsets[start], to = offsets[end];
    var pieces = [];
    if (from > 0) pieces.push({ text: '…', mark: false });
    marked(analyzer, text.slice(from, to), terms).forEach(function (p) { pieces.push(p); });
    if (to < text.length) pieces.push({ text: '…', mark: false });
    return pieces.map(function (p) { return { text: p.text.replace(/\s+/g, ' '), mark: p.mark }; });
  }

  var analysis = {
    Analyzer: Analyzer, Engine: Engine, fold: fold, surfaceKey: surfaceKey, termFile: termFile, resolveQuery: resolveQuery,
    parse: parse, oneEdit: oneEdit, correct: correct, highlightTerms: highlightTerms, snippet: snippet, marked: marked,
  };

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
        // A query waits on these: without it Chromium fetches scripts added later at low priority.
        script.fetchPriority = 'high';
        script.onload = function () { resolve(loaded[key]); };
        script.onerror = function () { delete pending[key]; reject(new Error('could not load ' + script.src)); };
        document.head.appendChild(script);
      });
    }
    return pending[key];
  }

  /** A sorted list written as the gaps between its numbers (src/search/export.rs's gaps), from
      position `from` on (what comes before is kept as it is). */
  function sums(list, from) {
    var out = list.slice(0, from), at = 0;
    for (var i = from; i < list.length; i++) { at += list[i]; out.push(at); }
    return out;
  }

  /** A list written as runs: [value, how many in a row, …] (export.rs's edition_runs). */
  function fromRuns(list) {
    var out = [];
    for (var i = 0; i + 1 < list.length; i += 2) for (var k = 0; k < list[i + 1]; k++) out.push(list[i]);
    return out;
  }

  function own(object, key) { return !!object && Object.prototype.hasOwnProperty.call(object, key); }

  // ---- The search page ----

  /** Results shown at first, and added by each "show more". */
  var PAGE = 10;

  function Search(form) {
    this.form = form;
    this.base = form.dataset.index;
    this.root = form.dataset.root;
    this.lang = form.dataset.lang;
    this.forms = JSON.parse(form.dataset.resultForms);
    this.input = form.querySelector('input[type="search"]');
    this.chapter = document.getElementById('search-chapter');
    this.edition = document.getElementById('search-edition');
    this.status = document.getElementById('search-status');
    this.notes = document.getElementById('search-notes');
    this.list = document.getElementById('search-results');
    this.moreButton = document.getElementById('search-more');
    this.help = document.getElementById('search-help');
    this.idle = this.status.textContent;
    this.generation = 0;
    this.items = [];
    this.files = new Map();
    // The language switch keeps the query: each link's address without one.
    this.languageLinks = Array.prototype.slice.call(document.querySelectorAll('nav.languages a[href]')).map(function (a) {
      return { link: a, href: a.getAttribute('href').split('?')[0] };
    });
    var self = this;
    // Lists of documents are written as gaps (src/search/export.rs); decoded once each.
    var decoded = new Map();
    var once = function (name, make) { if (!decoded.has(name)) decoded.set(name, make()); return decoded.get(name); };
    this.data = {
      superseded: function (doc) { return !!self.superseded && self.superseded.has(doc); },
      postings: function (term) {
        var s = self.shard('t', term);
        if (!s || !own(s.t, term)) return [];
        return once('t ' + term, function () {
          var list = s.t[term], out = [], at = 0;
          for (var i = 0; i < list.length; i += 2) { at += list[i]; out.push(at, list[i + 1]); }
          return out;
        });
      },
      forms: function (term) {
        var s = self.shard('t', term);
        if (!s || !own(s.f, term)) return undefined;
        return once('f ' + term, function () {
          var forms = {};
          Object.keys(s.f[term]).forEach(function (key) {
            var list = s.f[term][key];
            if (list[0] !== -1) { forms[key] = sums(list, 0); return; }
            // -1 then the term's documents that do not have this spelling (export.rs's spelling_docs).
            var others = new Set(sums(list, 1).slice(1)), postings = self.data.postings(term), docs = [];
            for (var i = 0; i < postings.length; i += 2) if (!others.has(postings[i])) docs.push(postings[i]);
            forms[key] = docs;
          });
          return forms;
        });
      },
      lexicon: function (key) { var s = self.shard('t', self.lexiconHome(key)); return s && own(s.w, key) ? s.w[key] : undefined; },
      pair: function (key) {
        var s = self.shard('p', key);
        if (!s || !own(s.p, key)) return undefined;
        return once('p ' + key, function () { var list = s.p[key]; return sums(list, list[0] === -1 ? 1 : 0); });
      },
    };
  }

  /** The language's plural rules, made while a query's first files are on their way rather
      than before they are asked for. */
  Search.prototype.formats = function () {
    if (!this.plural) this.plural = new Intl.PluralRules(this.form.dataset.tag);
    return this;
  };

  /** Words as a list in the language ("a, b and c"): the list format, which costs a first query
      some 20 ms to make, is made only when a result lacks some words. */
  Search.prototype.listed = function (words) {
    if (typeof Intl.ListFormat !== 'function') return words.join(', ');
    if (!this.listFormat) this.listFormat = new Intl.ListFormat(this.form.dataset.tag, { style: 'long', type: 'conjunction' });
    return this.listFormat.format(words);
  };

  Search.prototype.start = function () {
    var self = this;
    var params = new URLSearchParams(global.location.search);
    this.input.value = params.get('q') || '';
    this.chapter.value = params.get('chapter') || '';
    if (this.edition) this.edition.value = params.get('edition') || '';
    var timer = null;
    this.input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { self.run(); }, 120); });
    this.chapter.addEventListener('change', function () { self.run(); });
    if (this.edition) this.edition.addEventListener('change', function () { self.run(); });
    this.form.addEventListener('submit', function (event) { event.preventDefault(); self.run(); });
    this.input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') { var first = self.list.querySelector('a'); if (first) { event.preventDefault(); first.focus(); } }
    });
    this.list.addEventListener('keydown', function (event) { self.arrows(event); });
    if (this.moreButton) this.moreButton.addEventListener('click', function () { self.more(self.generation, false); });
    return this.run();
  };

  /** Loads the index's manifest (again, after a failure: the connection may be back). */
  Search.prototype.open = function () {
    var self = this;
    return load(this.base, this.lang, 'index').then(function (manifest) {
      if (self.manifest) return;
      self.manifest = manifest;
      self.superseded = new Set(sums(manifest.superseded || [], 0));
      self.docEditions = fromRuns(manifest.editionRuns || []);
      self.analyzer = new Analyzer(self.lang, manifest.stopWords, manifest.stemOverrides);
      self.engine = new Engine(self.data);
    });
  };

  /** Says that the index could not be loaded (offline, with the language not saved). */
  Search.prototype.unavailable = function () {
    this.reset();
    this.status.textContent = this.form.dataset.unavailable;
  };

  /** No results and the status line as before any query. */
  Search.prototype.reset = function () {
    this.outcome = null;
    this.clear();
    this.describe(null, '');
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

  /** The query in the address, and in the links to the other languages' search pages. */
  Search.prototype.remember = function (query) {
    var params = new URLSearchParams();
    if (query) params.set('q', query);
    if (this.chapter.value) params.set('chapter', this.chapter.value);
    if (this.edition && this.edition.value) params.set('edition', this.edition.value);
    var search = params.toString();
    try { global.history.replaceState(null, '', search ? '?' + search : global.location.pathname); } catch (e) { /* file:// may refuse */ }
    this.languageLinks.forEach(function (l) { l.link.setAttribute('href', l.href + (search ? '?' + search : '')); });
  };

  /** The index file of a key (remembered: ranking asks for the same few keys many times). */
  Search.prototype.file = function (kind, key) {
    var id = kind + ' ' + key;
    if (!this.files.has(id)) {
      var first = { t: this.manifest.termFiles, p: this.manifest.pairFiles }[kind];
      var name = termFile(first || [], key);
      this.files.set(id, name ? kind + name.slice(1) : null);
    }
    return this.files.get(id);
  };

  Search.prototype.shard = function (kind, key) {
    var name = this.file(kind, key);
    return name ? loaded[this.lang + '/' + name] : null;
  };

  Search.prototype.loadAll = function (kind, keys) {
    var self = this;
    var names = new Set();
    keys.forEach(function (key) { var name = self.file(kind, key); if (name) names.add(name); });
    return Promise.all(Array.from(names).map(function (name) { return load(self.base, self.lang, name); }));
  };

  /** Where the term file holds an unaccented spelling's term (export.rs's lexicon_home). */
  Search.prototype.lexiconHome = function (key) {
    var term = this.analyzer.wordTerm(key);
    return term === null ? key : term;
  };

  /** Loads what a query needs and returns its clauses. */
  Search.prototype.prepare = function (query) {
    var self = this;
    var first = new Set();
    this.analyzer.queryTokens(query).forEach(function (token) {
      first.add(token.term);
      var key = isLatinTerm(token.term) ? lexiconKey(query.slice(token.from, token.to)) : null;
      if (key !== null) first.add(self.lexiconHome(key));
    });
    return this.loadAll('t', first).then(function () {
      var known = function (term) { return self.data.postings(term).length > 0; };
      var clauses = parse(self.analyzer, query, self.data.lexicon, known, self.manifest.synonyms);
      var terms = new Set(), pairs = new Set();
      clauses.forEach(function (c) {
        c.alternatives.forEach(function (a) {
          a.words.forEach(function (w, i) {
            terms.add(w.term);
            var next = a.words[i + 1];
            if (a.phrase && next && isLatinTerm(w.term) && isLatinTerm(next.term)) pairs.add(w.term + ' ' + next.term);
          });
        });
      });
      return Promise.all([self.loadAll('t', terms), self.loadAll('p', pairs)]).then(function () { return clauses; });
    });
  };

  /** The results to show (see engine.rs's answer): {query, clauses, results, allWords,
      corrected, suggestion}. */
  Search.prototype.answer = function (query) {
    var self = this;
    var engine = this.engine;
    var chapter = this.chapter.value ? Number(this.chapter.value) : 0;
    var edition = this.edition && this.edition.value ? (this.manifest.editions || []).indexOf(this.edition.value) : -1;
    var keep = function (doc) {
      return (!chapter || self.manifest.chapters[doc] === chapter) && (edition < 0 || (self.docEditions[doc] & (1 << edition)) !== 0);
    };
    return this.prepare(query).then(function (clauses) {
      var ranked = engine.rank(clauses, keep);
      var all = ranked.filter(function (r) { return r.missing.length === 0; });
      if (all.length || !clauses.length) return { query: query, clauses: clauses, results: all, allWords: true, corrected: false, suggestion: null };
      var some = { query: query, clauses: clauses, results: ranked, allWords: false, corrected: false, suggestion: null };
      var fixable = engine.correctable(clauses);
      var lengths = new Set();
      fixable.forEach(function (c) {
        var n = letters(c.alternatives[0].words[0].key);
        [n - 1, n, n + 1].forEach(function (l) { if ((self.manifest.vocabulary || []).indexOf(l) >= 0) lengths.add(l); });
      });
      return Promise.all(Array.from(lengths).map(function (l) { return load(self.base, self.lang, 'v-' + l); })).then(function () {
        var fixes = [];
        fixable.forEach(function (c) {
          var key = c.alternatives[0].words[0].key;
          var n = letters(key);
          var candidates = [];
          [n - 1, n, n + 1].forEach(function (l) {
            var file = loaded[self.lang + '/v-' + l];
            // Most frequent first: a word's rank stands for its frequency.
            if (file) file.v.forEach(function (w, rank) { candidates.push([w, -rank]); });
          });
          var word = correct(key, candidates);
          if (word) fixes.push([c.from, c.to, word]);
        });
        if (!fixes.length) return some;
        var fixed = query;
        fixes.slice().reverse().forEach(function (f) { fixed = fixed.slice(0, f[0]) + f[2] + fixed.slice(f[1]); });
        return self.prepare(fixed).then(function (again) {
          var rankedAgain = engine.rank(again, keep);
          var allAgain = rankedAgain.filter(function (r) { return r.missing.length === 0; });
          if (allAgain.length) return { query: fixed, clauses: again, results: allAgain, allWords: true, corrected: true, suggestion: null };
          some.suggestion = rankedAgain.length ? fixed : null;
          return some;
        });
      });
    });
  };

  Search.prototype.run = function () {
    var self = this;
    var query = this.input.value.trim();
    var generation = ++this.generation;
    if (!this.manifest || !query) this.remember(query);
    if (!this.manifest) {
      return this.open().then(function () {
        if (generation === self.generation) return self.run();
      }, function () {
        if (generation === self.generation) self.unavailable();
      });
    }
    if (!query) {
      this.reset();
      return Promise.resolve();
    }
    this.list.setAttribute('aria-busy', 'true');
    var answered = this.answer(query);
    this.formats();
    return answered.then(function (outcome) {
      if (generation !== self.generation) return undefined;
      return self.more(generation, true, outcome, query);
    }).catch(function () {
      if (generation === self.generation) self.unavailable();
    }).then(function () {
      // The address follows once the results are shown: changing it earlier makes Chromium fetch
      // the page's icon again in the middle of the query's own requests.
      if (generation === self.generation) self.remember(query);
    });
  };

  /** Shows the next PAGE results (the first ones when `fresh`), once their text is loaded. Each
      result is made as soon as its file arrives, while the others are on their way: the list
      only has to be put on the page once the last one is there. */
  Search.prototype.more = function (generation, fresh, outcome, typed) {
    var self = this;
    outcome = outcome || this.outcome;
    if (!outcome) return Promise.resolve();
    var from = fresh ? 0 : this.items.length;
    var next = outcome.results.slice(from, from + PAGE);
    var terms = highlightTerms(outcome.clauses);
    // load() asks for a file once, however many results it holds.
    return Promise.all(next.map(function (hit) {
      return load(self.base, self.lang, self.resultFile(hit.doc)).then(function () {
        return generation === self.generation ? self.item(hit, terms, outcome) : null;
      });
    })).then(function (results) {
      if (generation !== self.generation) return;
      if (fresh) { self.outcome = outcome; self.typed = typed; self.clear(); }
      results.forEach(function (result) {
        self.items.push(result);
        self.list.appendChild(result.item);
      });
      self.distinguish();
      if (fresh) self.describe(outcome, self.typed);
      else if (results.length) results[0].title.focus();
      if (self.moreButton) self.moreButton.hidden = self.items.length >= outcome.results.length;
      self.list.removeAttribute('aria-busy');
    });
  };

  Search.prototype.clear = function () {
    while (this.list.firstChild) this.list.removeChild(this.list.firstChild);
    this.items = [];
    if (this.moreButton) this.moreButton.hidden = true;
    this.list.removeAttribute('aria-busy');
  };

  /** The result file that holds a document (export.rs: DOCUMENTS_PER_FILE per file). */
  Search.prototype.resultFile = function (doc) {
    return 'd-' + Math.floor(doc / this.manifest.perFile);
  };

  Search.prototype.document = function (doc) {
    var file = loaded[this.lang + '/' + this.resultFile(doc)];
    return file[doc % this.manifest.perFile];
  };

  function fill(template, values) {
    // A function replacement, in one pass: the query is user text, and a replacement string
    // would expand its $&, $`, $' and $1 (and a query containing {count} stays as typed).
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole; });
  }

  Search.prototype.countText = function (count, query) {
    var form = count === 0 ? this.forms.zero : this.forms[this.formats().plural.select(count)] || this.forms.other;
    return fill(form, { count: String(count), query: query });
  };

  /** Text pieces [{text, mark}] into an element: DOM text nodes only, never parsed as HTML. */
  function put(element, pieces) {
    pieces.forEach(function (piece) {
      if (!piece.text) return;
      var node = piece.mark ? document.createElement('mark') : document.createTextNode(piece.text);
      if (piece.mark) node.textContent = piece.text;
      element.appendChild(node);
    });
  }

  /** A result's list item, not yet on the page: {item, title (its link), doc}. */
  Search.prototype.item = function (hit, terms, outcome) {
    var doc = this.document(hit.doc);
    var item = document.createElement('li');
    if (doc.l) item.lang = doc.l;
    var title = document.createElement('a');
    title.className = 'result-title';
    title.href = this.root + doc.u;
    put(title, marked(this.analyzer, doc.t, terms));
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
    if (!outcome.allWords && hit.missing.length) {
      var lacks = document.createElement('span');
      lacks.className = 'result-trail result-lacks';
      var words = hit.missing.map(function (w) { return w; });
      lacks.textContent = fill(this.form.dataset.lacks, { words: this.listed(words) });
      item.appendChild(lacks);
    }
    var text = document.createElement('p');
    put(text, snippet(this.analyzer, doc.x || doc.t, terms, 180));
    item.appendChild(text);
    return { item: item, title: title, doc: doc };
  };

  /** Results with the same title show where they are (the last step of their breadcrumb). */
  Search.prototype.distinguish = function () {
    var counts = new Map();
    this.items.forEach(function (i) { counts.set(i.doc.t, (counts.get(i.doc.t) || 0) + 1); });
    this.items.forEach(function (i) {
      if (counts.get(i.doc.t) < 2 || !i.doc.b.length || i.title.querySelector('.result-context')) return;
      var context = document.createElement('span');
      context.className = 'result-context';
      context.textContent = ' – ' + i.doc.b[i.doc.b.length - 1];
      i.title.appendChild(context);
    });
  };

  /** The status line, the notes under it (did you mean, in English) and the tips. */
  Search.prototype.describe = function (outcome, typed) {
    var data = this.form.dataset;
    while (this.notes && this.notes.firstChild) this.notes.removeChild(this.notes.firstChild);
    if (this.help) this.help.hidden = true;
    if (!outcome) { this.status.textContent = this.idle; return; }
    var count = outcome.results.length;
    if (outcome.corrected) {
      var none = this.countText(0, typed);
      this.status.textContent = none + (/[。！？]$/.test(none) ? '' : ' ') + this.countText(count, outcome.query);
    } else if (!outcome.allWords && count) {
      this.status.textContent = fill(data.some, { query: typed });
    } else {
      this.status.textContent = this.countText(count, typed);
    }
    if (!this.notes) return;
    var self = this;
    var link = function (template, name, value, href) {
      var line = document.createElement('p');
      var parts = template.split('{' + name + '}');
      parts.forEach(function (part, i) {
        if (i > 0) {
          var a = document.createElement('a');
          a.href = href;
          a.textContent = value;
          line.appendChild(a);
        }
        if (part) line.appendChild(document.createTextNode(part));
      });
      self.notes.appendChild(line);
      return line;
    };
    if (outcome.suggestion) {
      var again = link(data.didYouMean, 'suggestion', outcome.suggestion, '?q=' + encodeURIComponent(outcome.suggestion));
      again.className = 'search-suggestion';
      again.querySelector('a').addEventListener('click', function (event) {
        event.preventDefault();
        self.input.value = outcome.suggestion;
        self.run();
      });
    }
    if (count === 0) {
      if (data.english) link(data.englishText, 'query', typed, data.english + '?q=' + encodeURIComponent(typed)).className = 'search-in-english';
      if (this.help) this.help.hidden = false;
    }
  };

  global.toolkitSearch = analysis;
  if (typeof document !== 'undefined') {
    var form = document.getElementById('search-form');
    if (form) new Search(form).start();
  }
})(typeof globalThis !== 'undefined' ? globalThis : this);
