/* Search for the web edition of a coursebook course. The pages work without this script: it only shows the
   search box (hidden in the HTML), loads search-index.js the first time the box is used (a script, not a JSON
   fetch, so that it works from file:// too), and lists the parts and sections that have every word typed, or a
   word beginning with it, best first. Words are compared as the build indexed them (render/web/SearchIndex.java):
   lower case, combining marks removed (за́мок is замок, ё is е), split at everything that is not a letter or a
   digit, words of one character left out. Cyrillic, Greek, Latin… are all letters: колхоз and kolkhoz both work. */
(function () {
  'use strict';
  var form = document.getElementById('search');
  if (!form || !String.prototype.normalize) return;
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var SHOWN = 20;
  var index = null, words = null, loading = false, waiting = false, timer = 0;

  function split(text) {
    var found = text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) || [];
    return found.filter(function (w) { return Array.from(w).length > 1; });
  }

  /* search-index.js calls this with the index: {docs: [[href, part, section]], words: {word: [doc, weight, …]}} */
  window.coursebookSearchIndex = function (data) {
    index = data;
    words = Object.keys(data.words).sort();
    loading = false;
    if (waiting) run();
  };

  function load() {
    if (index || loading) return;
    loading = true;
    var s = document.createElement('script');
    s.src = 'search-index.js';
    s.async = true;
    s.onerror = function () {
      loading = false;
      say('The search index (search-index.js) could not be loaded.');
    };
    document.head.appendChild(s);
  }

  /* the first word at or after `prefix` in the sorted words */
  function first(prefix) {
    var lo = 0, hi = words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (words[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* the places that have every query word (or a word it begins), by score: an exact word counts double */
  function search(terms) {
    var scores = null;
    terms.forEach(function (t) {
      var these = {};
      for (var i = first(t); i < words.length && words[i].lastIndexOf(t, 0) === 0; i++) {
        var postings = index.words[words[i]], factor = words[i] === t ? 2 : 1;
        for (var j = 0; j < postings.length; j += 2) {
          these[postings[j]] = (these[postings[j]] || 0) + postings[j + 1] * factor;
        }
      }
      if (scores === null) { scores = these; return; }
      var both = {};
      for (var d in these) if (Object.prototype.hasOwnProperty.call(scores, d)) both[d] = scores[d] + these[d];
      scores = both;
    });
    return Object.keys(scores).map(Number).sort(function (a, b) { return scores[b] - scores[a] || a - b; });
  }

  function say(text) {
    status.textContent = text;
  }

  function run() {
    waiting = false;
    var query = input.value.trim();
    list.textContent = '';
    form.classList.remove('has-results');
    if (!query) { say(''); return; }
    if (!index) { waiting = true; load(); say('Loading the search index…'); return; }
    var terms = split(query);
    if (!terms.length) { say('Type a word of two letters or more.'); return; }
    var hits = search(terms);
    if (!hits.length) { say('Nothing found for “' + query + '”.'); return; }
    say((hits.length === 1 ? '1 place found' : hits.length + ' places found')
        + (hits.length > SHOWN ? ', the first ' + SHOWN + ' shown' : '') + '.');
    hits.slice(0, SHOWN).forEach(function (d) {
      var doc = index.docs[d], li = document.createElement('li'), a = document.createElement('a');
      a.href = doc[0];
      var part = document.createElement('span');
      part.className = 'hit-part';
      part.textContent = doc[1];
      a.appendChild(part);
      if (doc[2]) {
        var section = document.createElement('span');
        section.className = 'hit-section';
        section.textContent = doc[2];
        a.appendChild(document.createTextNode(' '));
        a.appendChild(section);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    form.classList.add('has-results');
  }

  form.hidden = false;
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run();
    var a = list.querySelector('a');
    if (a) a.focus();
  });
  input.addEventListener('focus', load);
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && input.value) {
      input.value = '';
      run();
      input.focus();
    }
  });
})();
