// The projector page: one static HTML file, its script and its style, served from memory (no front-end framework,
// no build step, nothing read from disk). The script listens to /api/stream (server-sent events) and redraws the
// table; names come from strangers and are only ever set as text. Large type; every mark is a word or a symbol as
// well as a colour, so the board reads the same in black and white.

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rightsize — live board</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header>
  <h1 id="title">rightsize — live board</h1>
  <p id="meta" aria-live="polite">connecting…</p>
</header>
<div id="banner" role="status" hidden></div>
<main>
  <table id="board" aria-describedby="legend">
    <thead><tr><th scope="col">Rank</th><th scope="col">Player</th><th scope="col" class="num">Points</th><th scope="col" class="num">Cost / month</th><th scope="col" class="num">Availability</th><th scope="col">Pareto</th></tr></thead>
    <tbody id="rows"><tr><td colspan="6" class="empty">Waiting for the first submission…</td></tr></tbody>
  </table>
  <p id="legend">◆ front: no one is both cheaper and more available. Points: mean over the private seeds, re-scored by the host.</p>
</main>
<footer id="footer"></footer>
</body>
</html>
`;

export const PAGE_CSS = `
:root { color-scheme: light dark; --fg: #111; --bg: #fff; --line: #999; --accent: #0a5; }
@media (prefers-color-scheme: dark) { :root { --fg: #f4f4f4; --bg: #111; --line: #666; --accent: #4d9; } }
html { font-size: 24px; }
body { margin: 0; padding: 1rem 2rem; background: var(--bg); color: var(--fg); font-family: system-ui, sans-serif; }
h1 { font-size: 2rem; margin: 0 0 .2rem; }
#meta { margin: 0 0 .6rem; font-size: .9rem; }
#banner { border: 4px solid var(--fg); font-weight: 800; font-size: 1.4rem; padding: .4rem .8rem; margin: .4rem 0 .8rem; letter-spacing: .05em; }
table { border-collapse: collapse; width: 100%; font-size: 1.25rem; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 2px solid var(--line); }
th { font-size: .9rem; text-transform: uppercase; letter-spacing: .06em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.rank { font-weight: 800; width: 4rem; }
tr.front td.pareto { font-weight: 800; color: var(--accent); }
tr.changed td { animation: flash 2s ease-out; }
@keyframes flash { from { background: rgba(128,128,128,.35); } to { background: transparent; } }
td.empty { font-style: italic; text-align: center; }
.team { font-size: .8rem; opacity: .8; }
#legend, footer { font-size: .75rem; margin-top: .8rem; }
`;

export const PAGE_JS = `'use strict';
(function () {
  var last = {};
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function money(v) { return '$' + v.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2}); }
  function pct(v) { return (v * 100).toFixed(3) + ' %'; }
  function time(iso) { return iso ? new Date(iso).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}) : ''; }
  function render(data) {
    var board = data.board, status = data.status;
    document.getElementById('title').textContent = board.challenge.title;
    document.title = board.challenge.title + ' — rightsize live board';
    var parts = [status.players + ' players', status.submissions + ' submissions', board.challenge.levels.length + ' levels', board.challenge.privateSeeds + ' private seeds'];
    document.getElementById('meta').textContent = parts.join(' · ') + ' · live';
    var banner = document.getElementById('banner');
    var notes = [];
    if (status.closedAt) notes.push('CLOSED at ' + time(status.closedAt) + ': no more submissions');
    if (status.frozenAt) notes.push('FROZEN at ' + time(status.frozenAt) + ': later submissions count, and show when the board is unfrozen');
    if (status.revealedAt) notes.push('Private seeds revealed: /api/seeds');
    banner.hidden = notes.length === 0;
    banner.textContent = notes.join(' — ');
    var tbody = document.getElementById('rows');
    tbody.replaceChildren();
    if (board.rows.length === 0) { var tr0 = el('tr'); var td0 = el('td', 'Waiting for the first submission…', 'empty'); td0.colSpan = 6; tr0.appendChild(td0); tbody.appendChild(tr0); }
    var seen = {};
    board.rows.forEach(function (row) {
      var tr = el('tr');
      tr.dataset.player = row.player;
      if (row.pareto) tr.className = 'front';
      var key = row.player + '|' + row.points + '|' + row.rank;
      if (last[row.player] !== undefined && last[row.player] !== key) tr.className += ' changed';
      seen[row.player] = key;
      tr.appendChild(el('td', String(row.rank), 'rank'));
      var who = el('td', row.player);
      if (row.team) { who.appendChild(document.createTextNode(' ')); who.appendChild(el('span', '(' + row.team + ')', 'team')); }
      tr.appendChild(who);
      tr.appendChild(el('td', row.points.toFixed(1), 'num'));
      tr.appendChild(el('td', money(row.costUsd), 'num'));
      tr.appendChild(el('td', pct(row.availability), 'num'));
      tr.appendChild(el('td', row.pareto ? '◆ front' : row.paretoLayer ? 'layer ' + row.paretoLayer : '—', 'pareto'));
      tbody.appendChild(tr);
    });
    last = seen;
    document.getElementById('footer').textContent = 'Updated ' + new Date().toLocaleTimeString() + (board.freeze ? ' · board as of ' + time(board.freeze) : '') + ' · engine ' + board.engineVersion;
  }
  var source = new EventSource('/api/stream');
  source.addEventListener('board', function (e) { render(JSON.parse(e.data)); });
  source.onerror = function () { document.getElementById('meta').textContent = 'reconnecting to the host…'; };
})();
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c] as string);
}

/** What a student who opens the join URL in a browser sees: the command to play. */
export function joinPage(origin: string, code: string, title: string): string {
  const url = escapeHtml(`${origin}/${code}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — join</title><link rel="stylesheet" href="/app.css"></head>
<body><h1>${escapeHtml(title)}</h1><p>Play in your terminal:</p><pre>rightsize play --join ${url}</pre>
<p>or submit solution files: <code>rightsize submit SOLUTION... --player NAME --to ${url}</code></p><p><a href="/">The live board</a></p></body></html>`;
}
