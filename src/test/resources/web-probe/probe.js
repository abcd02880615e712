/* The web edition's browser probe (WebEditionBrowserTest; never shipped). probe() frames one page of the edition at
   a given width, checks it as a reader's browser sees it, and writes its findings into #result, one a line:
     fact <name> <value>     a measurement (scrollWidth, noterefs, fonts, …)
     problem <text>          something wrong that the page itself shows (an image, stylesheet or font that did not
                             load, a note that does not link back)
     link <url>              every link of the page, resolved by the browser
     hit <query> <url>       a search result for a query typed into the search box
     status <query> <text>   what the search said
     axe <text>              an axe-core violation of WCAG 2.0/2.1 A or AA
     advice <text>           an axe-core best-practice finding (reported, not a WCAG failure)
     error <text>            the probe itself failed */
function probe(pageUrl, axeUrl, queries, width) {
  var lines = [];
  var frame = document.getElementById('page');
  function line(kind, text) { lines.push(kind + ' ' + String(text).replace(/\s+/g, ' ')); }
  function done() { line('fact', 'done 1'); document.getElementById('result').textContent = lines.join('\n'); }
  function fail(e) { line('error', e && e.stack || e); done(); }
  function wait(test, ms) {
    return new Promise(function (resolve) {
      var t0 = Date.now();
      (function poll() {
        if (test() || Date.now() - t0 > ms) return resolve();
        setTimeout(poll, 25);
      })();
    });
  }
  function each(list, f) { Array.prototype.forEach.call(list, f); }
  frame.addEventListener('load', function () {
    var w = frame.contentWindow, d = w.document;
    d.fonts.ready.then(function () {
      line('fact', 'scrollWidth ' + d.documentElement.scrollWidth);
      line('fact', 'clientWidth ' + d.documentElement.clientWidth);
      var loaded = 0;
      d.fonts.forEach(function (f) {
        if (f.status === 'error') line('problem', 'font did not load: ' + f.family + ' ' + f.weight + ' ' + f.style);
        if (f.status === 'loaded') loaded++;
      });
      line('fact', 'fontsLoaded ' + loaded);
      each(d.images, function (img) { if (!img.complete || !img.naturalWidth) line('problem', 'image did not load: ' + img.src); });
      each(d.querySelectorAll('link[rel=stylesheet]'), function (l) { if (!l.sheet) line('problem', 'stylesheet did not load: ' + l.href); });
      each(d.querySelectorAll('a[href]'), function (a) { line('link', a.href); });
      // footnotes, both ways: reference -> note -> back to the reference
      var refs = 0;
      each(d.querySelectorAll('a.noteref'), function (r) {
        refs++;
        var note = d.getElementById(decodeURIComponent(r.hash.slice(1)));
        if (!note) { line('problem', 'note reference ' + r.textContent + ' leads nowhere: ' + r.hash); return; }
        var back = note.querySelector('a[href^="#ref-"]');
        var ref = back && d.getElementById(decodeURIComponent(back.hash.slice(1)));
        if (!ref || !ref.classList.contains('noteref') || ref.hash !== r.hash) line('problem', 'note ' + note.id + ' does not link back to its reference');
      });
      line('fact', 'noterefs ' + refs);
      var first = d.querySelector('a.noteref');
      if (first) {
        var preview = first.nextElementSibling;
        line('fact', 'previewBefore ' + (preview ? w.getComputedStyle(preview).display : 'none'));
        first.focus();
        line('fact', 'previewOnFocus ' + (preview ? w.getComputedStyle(preview).display : 'none'));
        first.blur();
      }
      var form = d.getElementById('search');
      line('fact', 'searchShown ' + (!!form && !form.hidden && form.getBoundingClientRect().height > 0));
      var list = d.querySelector('.contents-list');
      if (list) line('fact', 'contentsShown ' + list.checkVisibility());
      var skip = d.querySelector('.skip-link');
      if (skip) { skip.focus(); line('fact', 'skipLinkOnFocus ' + (skip.getBoundingClientRect().top >= 0)); skip.blur(); }
      var chain = Promise.resolve();
      queries.forEach(function (q) {
        chain = chain.then(function () {
          var input = d.getElementById('search-input');
          input.focus();
          input.value = q;
          input.dispatchEvent(new w.Event('input', {bubbles: true}));
          return wait(function () { return d.querySelector('.has-results .search-results li') || /Nothing/.test(d.getElementById('search-status').textContent); }, 10000);
        }).then(function () {
          line('status', q + ' ' + d.getElementById('search-status').textContent);
          each(d.querySelectorAll('.search-results a'), function (a) { line('hit', q + ' ' + a.href); });
        });
      });
      return chain;
    }).then(function () {
      if (!axeUrl) return;
      var input = d.getElementById('search-input');
      if (input) { input.value = ''; input.dispatchEvent(new w.Event('input', {bubbles: true})); }
      return new Promise(function (resolve, reject) {
        var s = d.createElement('script');
        s.src = axeUrl;
        s.onload = resolve;
        s.onerror = function () { reject('axe-core did not load from ' + axeUrl); };
        d.head.appendChild(s);
      }).then(function () {
        return w.axe.run(d, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
      }).then(function (r) {
        line('fact', 'axeVersion ' + w.axe.version);
        line('fact', 'axePasses ' + r.passes.length);
        r.violations.forEach(function (v) {
          var wcag = v.tags.some(function (t) { return /^wcag2/.test(t); });
          line(wcag ? 'axe' : 'advice', v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | '));
        });
      });
    }).then(done, fail);
  });
  frame.style.width = width + 'px';
  frame.src = pageUrl;
}
