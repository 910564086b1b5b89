"""The report's offline search page: the index ships inside the page, a small script searches it.

Rows come from the run's FTS ``search`` table (items, decisions, follow-ups;
discussion points are left to ``minutes search`` to keep the page small), text
cut to ``TEXT_CHARS``; at most ``MAX_ROWS`` rows, newest first, so the page
stays light on a decade of minutes.  The script matches every query word
(prefix match) in the title or text, with the facets of ``minutes search``
(body, topic, kind, status, since), and writes results with ``textContent``:
text from the minutes is never parsed as HTML.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

TEXT_CHARS = 320
MAX_ROWS = 20000


def search_data(con: sqlite3.Connection) -> Iterator[str]:
    """The page's JSON array of the newest ``MAX_ROWS`` rows of the full-text index (empty when the database
    has none), in pieces, one row at a time.  No "<", ">" or "&" in it at all: nothing in it can end the
    <script> element or open a comment."""
    try:
        cursor = con.execute(
            "SELECT kind, meeting_id, item_id, body_id, date, coalesce(item_title, ''), "
            f"substr(coalesce(title || ' ', '') || text, 1, {TEXT_CHARS}), trim(topics), trim(types), "
            "coalesce(status, '') FROM search WHERE kind != 'point' ORDER BY date DESC, rowid LIMIT ?",
            (MAX_ROWS,))
    except sqlite3.OperationalError:
        cursor = iter(())
    yield "["
    for k, row in enumerate(cursor):
        text = json.dumps(list(row), ensure_ascii=False)
        yield (", " if k else "") + text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    yield "]"


SEARCH_PAGE = r"""<h1>Search the minutes</h1>
<p class=muted>Items, resolutions and follow-ups; every word must appear (word starts match).
For discussion points and phrase queries use <code>minutes search</code>.</p>
<form id=f onsubmit="return false"><input id=q size=40 placeholder="e.g. county lines" autofocus>
<select id=kind><option value="">all kinds</option><option>item</option><option>decision</option>
<option>followup</option></select>
<select id=body><option value="">all bodies</option></select>
<select id=topic><option value="">all topics</option></select>
<select id=status><option value="">any status</option><option>open</option><option>overdue</option>
<option>closed</option><option>carried_forward</option><option>unknown</option></select>
since <input id=since type=date></form>
<p id=count class=muted></p><table id=results></table>
<script type="application/json" id=data>__DATA__</script>
<script>
"use strict";
const rows = JSON.parse(document.getElementById("data").textContent);
const hay = rows.map(r => (r[5] + " " + r[6]).toLowerCase());
const $ = id => document.getElementById(id);
function fill(select, values) {
  [...new Set(values)].filter(v => v).sort().forEach(v => {
    const o = document.createElement("option"); o.textContent = v; o.value = v; select.appendChild(o); });
}
fill($("body"), rows.map(r => r[3]));
fill($("topic"), rows.flatMap(r => r[7].split(" ")));
function cell(tr, text, cls) {
  const td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td);
  return td;
}
function run() {
  const words = $("q").value.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(w => w);
  const tests = words.map(w => new RegExp("(^|[^\\p{L}\\p{N}])" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u"));
  const f = {kind: $("kind").value, body: $("body").value, topic: $("topic").value, status: $("status").value,
             since: $("since").value};
  const hits = [];
  for (let i = 0; i < rows.length && hits.length < 200; i++) {
    const r = rows[i];
    if (f.kind && r[0] !== f.kind) continue;
    if (f.body && r[3] !== f.body) continue;
    if (f.topic && !r[7].split(" ").includes(f.topic)) continue;
    if (f.status && r[9] !== f.status) continue;
    if (f.since && (r[4] || "") < f.since) continue;
    if (!tests.every(t => t.test(hay[i]))) continue;
    hits.push(r);
  }
  const table = $("results"); table.replaceChildren();
  const head = document.createElement("tr");
  ["date", "body", "item", "kind", "text"].forEach(h => {
    const th = document.createElement("th"); th.textContent = h; head.appendChild(th);
  });
  table.appendChild(head);
  hits.forEach(r => {
    const tr = document.createElement("tr");
    cell(tr, r[4]); cell(tr, r[3]);
    const a = document.createElement("a");
    a.href = "meetings/" + r[1].replace(/[^A-Za-z0-9_-]/g, "_") + ".html#" + encodeURIComponent(r[2]);
    a.textContent = r[5]; cell(tr, "").appendChild(a);
    cell(tr, r[0] + (r[9] ? " (" + r[9] + ")" : ""), r[9]); cell(tr, r[6]);
    table.appendChild(tr);
  });
  $("count").textContent = hits.length + (hits.length === 200 ? "+" : "") + " results of " + rows.length + " rows";
}
["q", "kind", "body", "topic", "status", "since"].forEach(id => $(id).addEventListener("input", run));
run();
</script>"""
