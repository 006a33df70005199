// The report page's only script. It reads the page data (a JSON data block) and builds every element with
// createElement and textContent: article text, titles, urls and authors are untrusted and never become markup.
// Links are made only for http(s) urls. The Content-Security-Policy meta allows this script (by its hash) and no other.
(function () {
  'use strict';
  var PAGE = 20, RACE_ROWS = 60;
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var kinds = data.kinds;
  var shown = data.articles.map(function (_, i) { return i; });
  var page = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeLink(url, text) {
    var a = document.createElement('a');
    a.href = url;
    if (a.protocol !== 'http:' && a.protocol !== 'https:') return el('span', 'url', text);
    a.textContent = text;
    a.rel = 'noopener noreferrer nofollow';
    a.target = '_blank';
    return a;
  }
  function articleLink(i) {
    var a = el('a', 'art-link', data.articles[i].id);
    a.href = '#a-' + i;
    return a;
  }
  function kindLabel(k) { return data.kindLabels[k] || k; }

  // ---- legend and filters
  function buildLegend() {
    var legend = document.getElementById('legend');
    kinds.forEach(function (k) {
      var label = el('label', 'legend-item');
      var box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.dataset.kind = k;
      box.addEventListener('change', function () { document.body.classList.toggle('off-' + k, !box.checked); });
      label.appendChild(box);
      label.appendChild(el('span', 'm k-' + k, kindLabel(k)));
      label.appendChild(el('span', 'count', data.counts[k] || 0));
      legend.appendChild(label);
    });
    if (data.evaluation) {
      var st = el('div', 'legend-status');
      [['ok', 'matches gold'], ['mismatch', 'value differs from gold'], ['spurious', 'not in gold'], ['missed', 'in gold, not found']].forEach(function (s) {
        st.appendChild(el('span', 'm st-' + s[0], s[1]));
      });
      legend.appendChild(st);
    }
    var search = document.getElementById('search');
    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      var onlyErrors = document.getElementById('only-errors');
      shown = [];
      data.articles.forEach(function (a, i) {
        if (onlyErrors && onlyErrors.checked && !a.errors) return;
        if (!q || a.id.toLowerCase().indexOf(q) >= 0 || (a.title || '').toLowerCase().indexOf(q) >= 0 || a.text.toLowerCase().indexOf(q) >= 0) shown.push(i);
      });
      page = 0;
      render();
    });
    var only = document.getElementById('only-errors');
    if (only) only.addEventListener('change', function () { search.dispatchEvent(new Event('input')); });
  }

  // ---- races table (from a races step when the page has one, else one row per race of each article)
  function raceCell(row) {
    var td = el('td', 'pairs');
    row.pairs.forEach(function (p) {
      var line = el('div', 'race-pair' + (p.status ? ' st-' + p.status : ''));
      var who = (p.number !== null ? '#' + p.number + ' ' : '') + p.head + (p.deputy ? ' / ' + p.deputy : '');
      line.appendChild(el('span', 'who', who));
      if (p.parties.length) line.appendChild(el('span', 'parties', ' (' + p.parties.join(', ') + ')'));
      if (p.votes !== null) line.appendChild(el('span', 'votes', ' ' + p.votes.toLocaleString('en') + ' votes'));
      if (p.percent !== null) line.appendChild(el('span', 'votes', ' ' + p.percent + '%'));
      if (p.incumbent) line.appendChild(el('span', 'tag', 'incumbent'));
      line.appendChild(document.createTextNode(' '));
      var src = articleLink(p.article);
      src.className = 'src';
      src.textContent = '\u2197';
      src.title = 'read in ' + data.articles[p.article].id;
      line.appendChild(src);
      td.appendChild(line);
    });
    return td;
  }
  function buildRaces(all) {
    var body = document.getElementById('races-body');
    body.textContent = '';
    var rows = all ? data.races : data.races.slice(0, RACE_ROWS);
    rows.forEach(function (r) {
      var tr = el('tr', r.status ? 'st-' + r.status : '');
      // A row of type '?' holds the pairs an article names without a race it could tie them to.
      tr.appendChild(el('td', '', r.type === '?' ? '(no race)' : r.type));
      tr.appendChild(el('td', '', (r.region || (r.type === '?' ? '' : '(national)')) + (r.code ? ' [' + r.code + ']' : '')));
      tr.appendChild(el('td', '', r.province || ''));
      tr.appendChild(el('td', '', r.year === null ? '' : r.year));
      tr.appendChild(raceCell(r));
      var links = el('td', 'links');
      r.articles.forEach(function (i) { links.appendChild(articleLink(i)); links.appendChild(document.createTextNode(' ')); });
      tr.appendChild(links);
      body.appendChild(tr);
    });
    var more = document.getElementById('races-more');
    more.hidden = all || data.races.length <= RACE_ROWS;
    more.textContent = 'show all ' + data.races.length + ' rows';
  }

  // ---- one article: highlighted text beside the record
  function highlight(a, container) {
    var marks = [];
    a.items.forEach(function (it, i) {
      it.s.forEach(function (s) { if (s[0] >= 0 && s[1] <= a.text.length && s[0] < s[1]) marks.push({ s: s[0], e: s[1], i: i }); });
    });
    var cuts = [0, a.text.length];
    marks.forEach(function (m) { cuts.push(m.s, m.e); });
    cuts = cuts.sort(function (x, y) { return x - y; }).filter(function (c, j, arr) { return j === 0 || c !== arr[j - 1]; });
    marks.sort(function (x, y) { return x.s - y.s || y.e - x.e || x.i - y.i; });
    // Marks nest as elements; a mark that crosses another is split, and every piece carries the item's index.
    var stack = [];
    for (var c = 0; c + 1 < cuts.length; c++) {
      var from = cuts[c], to = cuts[c + 1];
      var cover = marks.filter(function (m) { return m.s <= from && m.e >= to; });
      var keep = 0;
      while (keep < stack.length && keep < cover.length && stack[keep].mark === cover[keep]) keep++;
      stack.length = keep;
      for (var j = keep; j < cover.length; j++) {
        var it = a.items[cover[j].i];
        var span = el('span', 'm k-' + it.k + (it.st ? ' st-' + it.st : ''));
        span.dataset.i = cover[j].i;
        span.dataset.k = it.k;
        span.title = kindLabel(it.k) + ': ' + it.v + (it.st ? ' [' + it.st + ']' : '');
        (stack.length ? stack[stack.length - 1].node : container).appendChild(span);
        stack.push({ mark: cover[j], node: span });
      }
      (stack.length ? stack[stack.length - 1].node : container).appendChild(document.createTextNode(a.text.slice(from, to)));
    }
  }

  var SECTIONS = [['race', 'Races'], ['pair', 'Candidate pairs'], ['official', 'Officials'], ['date', 'Dates'], ['figure', 'Figures']];
  function recordPanel(a, ai) {
    var panel = el('div', 'record');
    SECTIONS.forEach(function (sec) {
      var list = el('ul');
      a.items.forEach(function (it, i) {
        var sub = it.k === 'number' || it.k === 'party';
        if (it.k !== sec[0] && !(sec[0] === 'pair' && sub)) return;
        var li = el('li', 'item k-' + it.k + (sub ? ' sub' : '') + (it.st ? ' st-' + it.st : ''));
        li.dataset.i = i;
        li.appendChild(el('span', 'value', (sub ? (it.k === 'number' ? 'number ' : 'party ') : '') + it.v));
        if (it.st) li.appendChild(el('span', 'badge st-' + it.st, it.st));
        if (!it.s.length) li.appendChild(el('span', 'note', ' (no span)'));
        if (it.n) li.appendChild(el('div', 'note', it.n));
        li.addEventListener('click', function () { showItem(ai, i, true); });
        list.appendChild(li);
      });
      if (!list.childNodes.length) return;
      panel.appendChild(el('h4', '', sec[1]));
      panel.appendChild(list);
    });
    var ents = { person: 0, org: 0, place: 0 };
    a.items.forEach(function (it) { if (it.k in ents) ents[it.k]++; });
    panel.appendChild(el('h4', '', 'Entities'));
    panel.appendChild(el('div', 'ents', ents.person + ' persons, ' + ents.org + ' organisations, ' + ents.place + ' places'));
    if (a.warnings.length) {
      panel.appendChild(el('h4', '', 'Warnings'));
      var wl = el('ul');
      a.warnings.forEach(function (w) { wl.appendChild(el('li', 'warning', w)); });
      panel.appendChild(wl);
    }
    if (a.scores) {
      panel.appendChild(el('h4', '', 'Scores (tp / fp / fn)'));
      var t = el('table', 'scores');
      a.scores.forEach(function (s) {
        if (s[1] + s[2] + s[3] === 0) return;
        var tr = el('tr', s[2] + s[3] > 0 ? 'bad' : '');
        tr.appendChild(el('td', '', s[0]));
        tr.appendChild(el('td', 'num', s[1] + ' / ' + s[2] + ' / ' + s[3]));
        t.appendChild(tr);
      });
      panel.appendChild(t);
    }
    return panel;
  }

  function renderArticle(a, ai) {
    var art = el('article', 'art' + (a.error ? ' failed' : ''));
    art.id = 'a-' + ai;
    art.dataset.id = a.id;
    var h = el('h2');
    h.appendChild(el('span', 'idx', '#' + (ai + 1) + ' '));
    h.appendChild(el('span', 'title', a.title || a.id));
    art.appendChild(h);
    var meta = el('div', 'meta');
    [['path', a.path], ['outlet', a.outlet], ['author', a.author], ['published', a.published], ['dateline', a.dateline]].forEach(function (f) {
      if (f[1]) meta.appendChild(el('span', 'f', f[0] + ': ' + f[1]));
    });
    if (a.url) { var u = el('span', 'f', 'url: '); u.appendChild(safeLink(a.url, a.url)); meta.appendChild(u); }
    art.appendChild(meta);
    if (a.error) { art.appendChild(el('div', 'error', a.error)); return art; }
    var cols = el('div', 'cols');
    var text = el('div', 'text');
    highlight(a, text);
    text.addEventListener('click', function (ev) {
      var m = ev.target.closest ? ev.target.closest('.m') : null;
      if (m) showAt(ai, m);
    });
    cols.appendChild(text);
    cols.appendChild(recordPanel(a, ai));
    art.appendChild(cols);
    return art;
  }

  // ---- details: what a highlight is, its normalised value and evidence
  function details(ai, indices) {
    var box = document.getElementById('details');
    box.textContent = '';
    var close = el('button', 'close', '\u00d7');
    close.addEventListener('click', function () { box.hidden = true; });
    box.appendChild(close);
    box.appendChild(el('div', 'd-art', data.articles[ai].id));
    indices.forEach(function (i) {
      var it = data.articles[ai].items[i];
      var d = el('div', 'd-item k-' + it.k);
      d.appendChild(el('div', 'd-kind', kindLabel(it.k) + (it.st ? ' \u2014 ' + it.st : '')));
      d.appendChild(el('div', 'd-field', it.f));
      d.appendChild(el('div', 'd-value', it.v));
      if (it.n) d.appendChild(el('div', 'd-note', it.n));
      var texts = it.e || it.s.map(function (s) { return data.articles[ai].text.slice(s[0], s[1]); });
      if (texts.length) {
        var ev = el('ul', 'd-evidence');
        texts.forEach(function (t) { ev.appendChild(el('li', '', '\u201c' + t + '\u201d')); });
        d.appendChild(ev);
      }
      box.appendChild(d);
    });
    box.hidden = false;
  }
  function showAt(ai, m) {
    var seen = [];
    for (var n = m; n && n.classList && n.classList.contains('m'); n = n.parentNode) seen.push(+n.dataset.i);
    details(ai, seen);
  }
  function showItem(ai, i, scroll) {
    var art = document.getElementById('a-' + ai);
    var nodes = art ? art.querySelectorAll('.text .m[data-i="' + i + '"]') : [];
    Array.prototype.forEach.call(nodes, function (n) {
      n.classList.remove('flash');
      void n.offsetWidth;
      n.classList.add('flash');
    });
    if (scroll && nodes.length) nodes[0].scrollIntoView({ block: 'center' });
    details(ai, [i]);
  }

  // ---- paging
  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (page >= pages) page = pages - 1;
    var main = document.getElementById('articles');
    main.textContent = '';
    shown.slice(page * PAGE, page * PAGE + PAGE).forEach(function (ai) { main.appendChild(renderArticle(data.articles[ai], ai)); });
    Array.prototype.forEach.call(document.querySelectorAll('.pager'), function (p) {
      p.querySelector('.pos').textContent = 'page ' + (page + 1) + ' of ' + pages + ' (' + shown.length + ' articles)';
      p.querySelector('.prev').disabled = page === 0;
      p.querySelector('.next').disabled = page >= pages - 1;
    });
  }
  function goto(ai) {
    var at = shown.indexOf(ai);
    if (at < 0) { shown = data.articles.map(function (_, i) { return i; }); document.getElementById('search').value = ''; at = ai; }
    var want = Math.floor(at / PAGE);
    if (want !== page || !document.getElementById('a-' + ai)) { page = want; render(); }
    var target = document.getElementById('a-' + ai);
    if (target) target.scrollIntoView();
  }
  function fromHash() {
    var m = /^#a-(\d+)$/.exec(location.hash);
    if (m && +m[1] < data.articles.length) goto(+m[1]);
  }

  Array.prototype.forEach.call(document.querySelectorAll('.pager'), function (p) {
    p.querySelector('.prev').addEventListener('click', function () { page--; render(); p.scrollIntoView(); });
    p.querySelector('.next').addEventListener('click', function () { page++; render(); document.getElementById('articles').scrollIntoView(); });
  });
  document.getElementById('races-more').addEventListener('click', function () { buildRaces(true); });
  window.addEventListener('hashchange', fromHash);

  buildLegend();
  buildRaces(false);
  render();
  fromHash();
  // When the page was ready, in ms since navigation start (the browser test reads it).
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
})();
