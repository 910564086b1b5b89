"""The HTML report: a static, self-contained site over a run's knowledge tables.

``index.html`` answers the two questions people come with — which themes keep
coming back (a topic × year heatmap per body, topics ranked by recurrence with
a sparkline across meetings) and which commitments were never closed (open and
overdue follow-ups first, with owner, due date, age and the sentence that
proves it) — then decisions by type over time and people's roles.  Each
meeting has a page (items with topics, decisions and follow-ups, a link to the
source), and ``search.html`` searches offline over an index shipped in the page.
Charts are inline SVG; there is no script from the network and nothing to
install to view it.  Every string from the minutes is HTML-escaped, and JSON
embedded in a page cannot close its ``<script>`` element.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from html import escape
from itertools import chain
from pathlib import Path

import pandas as pd

from .report_search import SEARCH_PAGE, search_data
from .tablefiles import read_table
from .tablerows import meeting_rows

MAX_ROWS = 500  # per table on the index page; the full lists are in tables/*.csv
STATUS_ORDER = ("overdue", "carried_forward", "open", "unknown", "closed")  # as the index page lists them
TO_CHASE = STATUS_ORDER[:3]  # listed first; the rest fold away
FOLLOWUP_COLUMNS = ["followup_id", "item_id", "meeting_id", "body_id", "date", "owner", "action", "due", "due_date",
                    "status", "status_evidence", "status_date", "evidence"]
CSS = """body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1150px;padding:1em 1.5em;color:#1b1f24}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:2px solid #dde3ea;padding-bottom:.2em}
table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{text-align:left;padding:.35em .5em;
border-bottom:1px solid #e4e8ee;vertical-align:top}th{background:#f3f5f8;font-weight:600}
.overdue{color:#a4161a;font-weight:600}.open{color:#b26b00}.closed{color:#1b7f3b}.carried_forward{color:#5c4dbf}
.muted{color:#667085;font-size:.9em}nav a{margin-right:1em}.tag{display:inline-block;background:#eef2f7;
border-radius:3px;padding:0 .35em;margin:0 .2em .2em 0;font-size:.85em}svg text{font:11px system-ui,sans-serif}
details{margin:.5em 0}summary{cursor:pointer;padding:.3em 0}.followups td:nth-child(6){font-size:.85em;max-width:14em}
.later{color:#1b5e3b;font-size:.9em}"""


def _page(title: str, body: str, depth: int = 0) -> str:
    return "".join(_page_parts(title, [body], depth))


def _page_parts(title: str, parts: Iterable[str], depth: int = 0) -> Iterator[str]:
    """A page as pieces, made and written one after another: a big index page is never one string."""
    up = "../" * depth
    yield (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>"
           f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{CSS}</style></head><body>"
           f"<nav><a href='{up}index.html'>Overview</a><a href='{up}search.html'>Search</a></nav>")
    yield from parts
    yield "</body></html>"


def _t(value) -> str:
    """Escaped text of a cell ('' for missing values)."""
    missing = value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)
    return "" if missing else escape(str(value))


def meeting_page_name(meeting_id: str) -> str:
    return "meetings/" + "".join(c if c.isalnum() or c in "-_" else "_" for c in meeting_id) + ".html"


def heatmap(group: pd.DataFrame, body: str) -> str:
    """Topic × year: the share of the body's meetings (``group``: its rows of ``topic_by_meeting``) each year
    with an item on the topic."""
    topics = [c for c in group.columns if c not in ("meeting_id", "body_id", "date") and group[c].sum() > 0]
    if not topics:
        return ""
    years = sorted({d[:4] for d in group["date"].dropna()}) or ["?"]
    by_year = {y: group[group["date"].fillna("").str[:4] == y] for y in years}
    topics.sort(key=lambda t: -(group[t] > 0).sum())
    cell, left, top = 34, 230, 22
    parts = [f"<svg class=heatmap role=img aria-label='Themes by year: {escape(body)}' width={left + cell * len(years)}"
             f" height={top + 18 * len(topics)}>"]
    parts += [f"<text x={left + cell * i + 4} y=14>{escape(y)}</text>" for i, y in enumerate(years)]
    for r, topic in enumerate(topics):
        y = top + 18 * r
        parts.append(f"<text x=0 y={y + 12}>{escape(topic.replace('_', ' '))}</text>")
        for i, year in enumerate(years):
            rows = by_year[year]
            share = float((rows[topic] > 0).mean()) if len(rows) else 0.0
            parts.append(f"<rect x={left + cell * i} y={y} width={cell - 2} height=16 fill='#1f6feb' "
                         f"fill-opacity={0.08 + 0.92 * share:.2f}><title>{escape(topic)} {year}: "
                         f"{share:.0%} of {len(rows)} meetings</title></rect>")
    return "".join(parts) + "</svg>"


def sparkline(flags: list[bool]) -> str:
    w = max(1, min(4, 240 // max(1, len(flags))))
    bars = "".join(f"<rect x={i * w} y={0 if f else 10} width={max(1, w - 1)} height={14 if f else 4} "
                   f"fill='{'#1f6feb' if f else '#d0d7de'}'/>" for i, f in enumerate(flags))
    return f"<svg class=spark width={w * len(flags)} height=14>{bars}</svg>"


def decisions_chart(types: pd.DataFrame) -> str:
    """Stacked bars from (year, type, n) counts."""
    if types.empty:
        return "<p class=muted>No resolutions.</p>"
    counts = types.set_index(["year", "type"])["n"].unstack(fill_value=0)
    colours = ["#1f6feb", "#2da44e", "#bf8700", "#cf222e", "#8250df", "#0a7ea4", "#bc4c00", "#6e7781", "#e85aad",
               "#116329"]
    height, bar = 160, 38
    top = int(counts.sum(axis=1).max()) or 1
    parts = [f"<svg role=img aria-label='Decisions by type per year' width={80 + bar * len(counts) + 150} "
             f"height={height + 30}>"]
    for i, (year, row) in enumerate(counts.iterrows()):
        y0 = height
        for j, (kind, n) in enumerate(row.items()):
            h = height * n / top
            if n:
                parts.append(f"<rect x={60 + bar * i} y={y0 - h:.1f} width={bar - 6} height={h:.1f} "
                             f"fill='{colours[j % len(colours)]}'><title>{escape(str(year))} {escape(kind)}: {n}"
                             f"</title></rect>")
            y0 -= h
        parts.append(f"<text x={60 + bar * i} y={height + 14}>{escape(str(year))}</text>")
    for j, kind in enumerate(counts.columns):
        x = 70 + bar * len(counts)
        parts.append(f"<rect x={x} y={10 + 16 * j} width=10 height=10 fill='{colours[j % len(colours)]}'/>"
                     f"<text x={x + 14} y={19 + 16 * j}>{escape(kind)}</text>")
    return "".join(parts) + "</svg>"


def _followup_table(fu: pd.DataFrame, total: int, today: date) -> str:
    """The first rows of a follow-up list (``fu``, already in the page's order) of ``total`` rows."""
    rows = []
    for r in fu.itertuples(index=False):
        age = (today - date.fromisoformat(r.date)).days if isinstance(r.date, str) else ""
        link = f"{meeting_page_name(r.meeting_id)}#{escape(r.item_id or '')}"
        body = _t(r.body_id).replace("-", " ")
        said = f"<br><span class=muted>minuted: “{_t(r.evidence)}”</span>" if isinstance(r.evidence, str) else ""
        ev = (f"<br><span class=later>later, {_t(r.status_date)}: “{_t(r.status_evidence)}”</span>"
              if isinstance(r.status_evidence, str) else "")
        rows.append(f"<tr class=fu><td class={escape(r.status)}>{escape(r.status.replace('_', ' '))}</td>"
                    f"<td>{_t(r.owner)}</td><td>{_t(r.action)}{said}{ev}</td><td>{_t(r.due_date) or _t(r.due)}</td>"
                    f"<td>{age}</td><td><a href='{link}'>{_t(r.date)}</a><br><span class=muted>{body}</span></td></tr>")
    more = f"<p class=muted>{total - len(fu)} more in tables/followups.csv</p>" if total > len(fu) else ""
    return ("<table class=followups><tr><th>status</th><th>owner</th><th>commitment</th><th>due</th>"
            "<th>age (days)</th><th>meeting</th></tr>" + "".join(rows) + "</table>" + more)


def _commitments(data: dict, today: date) -> str:
    status = data["statuses"]
    summary = " · ".join(f"<span class={s}>{status.get(s, 0)} {s.replace('_', ' ')}</span>" for s in STATUS_ORDER)
    n_chase = sum(status.get(s, 0) for s in TO_CHASE)
    n_rest = sum(status.values()) - n_chase
    return (f"<h2 id=commitments>Commitments</h2><p>{summary}</p><p class=muted>Overdue first, then carried "
            f"forward, then open; oldest first. Age is days since the meeting that made the commitment.</p>"
            f"{_followup_table(data['chase'], n_chase, today)}<details><summary>{n_rest} closed or without news "
            f"(unknown)</summary>{_followup_table(data['rest'], n_rest, today)}</details>")


def _themes(t: dict[str, pd.DataFrame]) -> Iterator[str]:
    rec, matrix = t["topic_recurrence"], t["topic_by_meeting"].sort_values(["date", "meeting_id"])
    themes = rec[rec["topic"] != "partnership_governance"]
    overall = (themes.groupby("topic").agg(meetings=("meetings", "sum"), bodies=("body_id", "nunique"),
                                          first=("first_date", "min"), last=("last_date", "max"))
               .sort_values(["meetings", "bodies"], ascending=False).head(15))
    yield from ["<h2 id=themes>Recurring themes</h2><p class=muted>Themes of agenda items (procedural business left "
             "out), ranked by the number of meetings that discussed them.</p><table class=ranked><tr><th>theme</th>"
             "<th>meetings</th><th>bodies</th><th>first – last</th></tr>" + "".join(
                 f"<tr><td>{escape(topic.replace('_', ' '))}</td><td>{r.meetings}</td><td>{r.bodies}</td>"
                 f"<td>{_t(r.first)} – {_t(r.last)}</td></tr>" for topic, r in overall.iterrows()) + "</table>",
             "<p class=muted>Per body: the share of each year's meetings with an item on the theme (darker = more "
             "often), and the themes ranked with a mark for every meeting that discussed them.</p>"]
    sizes = matrix["body_id"].fillna("").value_counts()
    # one pass each to split the tables by body (filtering per body is quadratic in the number of bodies)
    rec_by_body = dict(tuple(rec.groupby(rec["body_id"].fillna(""), sort=False)))
    rows_by_body = dict(tuple(matrix.groupby(matrix["body_id"].fillna(""), sort=False)))
    for k, body in enumerate(sizes.index):
        group = rec_by_body.get(body, rec.iloc[0:0])
        ranked = group.sort_values(["meetings", "longest_run", "topic"], ascending=[False, False, True])
        body_rows = rows_by_body[body]
        lines = "".join(f"<tr><td>{escape(r.topic.replace('_', ' '))}</td><td>{r.meetings} of {r.body_meetings}</td>"
                        f"<td>{r.longest_run}</td><td>{_t(r.first_date)} – {_t(r.last_date)}</td>"
                        f"<td>{'yes' if r.recurring else ''}</td><td>"
                        f"{sparkline((body_rows[r.topic] > 0).tolist()) if r.topic in body_rows else ''}</td></tr>"
                        for r in ranked.itertuples(index=False))
        count = f"{sizes[body]} meeting{'s' if sizes[body] != 1 else ''}"
        yield (f"<details{' open' if k == 0 else ''}><summary><b>{escape(body or 'unknown body')}</b> "
               f"({count})</summary>{heatmap(body_rows, body)}<table class=recurrence><tr>"
               f"<th>theme</th><th>meetings</th><th>longest run</th><th>first – last</th><th>recurring</th>"
               f"<th>across meetings</th></tr>{lines}</table></details>")


def index_page(t: dict, today: date) -> Iterator[str]:
    """The overview page, from :func:`report_data`, in pieces."""
    return _page_parts("Minutes knowledge base", _index_parts(t, today))


def _index_parts(t: dict, today: date) -> Iterator[str]:
    meetings, counts = t["meetings"], t["counts"]
    yield (f"<h1>Minutes knowledge base</h1><p>{len(meetings)} meetings of {meetings['body_id'].nunique()} "
           f"bodies, {_t(meetings['date'].min())} to {_t(meetings['date'].max())}: {counts['items']} agenda items, "
           f"{counts['decisions']} resolutions, {counts['followups']} commitments, {counts['people']} people.</p>"
           "<p><a href='#themes'>Recurring themes</a> · <a href='#commitments'>Commitments</a> · "
           "<a href='#decisions'>Decisions</a> · <a href='#people'>People</a> · <a href='#meetings'>Meetings</a>"
           " · <a href='search.html'>Search</a></p>")
    yield from _themes(t)
    yield _commitments(t, today)
    yield "<h2 id=decisions>Decisions by type</h2>" + decisions_chart(t["decision_types"])
    yield ("<h2 id=people>People</h2><table><tr><th>name</th><th>latest role</th><th>organisation</th>"
           "<th>meetings</th><th>first – last seen</th></tr>" + "".join(
               f"<tr><td>{_t(p.name)}</td><td>{_t(p.latest_role)}</td><td>{_t(p.latest_organisation)}</td>"
               f"<td>{p.meetings}</td><td>{_t(p.first_seen)} – {_t(p.last_seen)}</td></tr>"
               for p in t["people"].itertuples(index=False)) + "</table>")
    yield "<h2 id=meetings>Meetings</h2><ul>"
    for m in meetings.sort_values(["date", "meeting_id"], ascending=False).itertuples(index=False):
        yield (f"<li><a href='{meeting_page_name(m.meeting_id)}'>{_t(m.date)} {_t(m.body)}</a> "
               f"<span class=muted>{_t(m.body_id)}</span></li>")
    yield "</ul>"


def meeting_page(rec: dict) -> str:
    """One meeting's page, from its (linked) record: items with topics, decisions and follow-ups."""
    m, items = meeting_rows(rec)
    url, path = m.get("url"), m.get("path")
    source = url if isinstance(url, str) else path
    href = url if isinstance(url, str) else Path(str(path)).resolve().as_uri() if path else ""
    parts = [f"<h1>{_t(m['body'])}</h1><p>{_t(m['date'])} {_t(m.get('time'))} · {_t(m.get('venue'))}</p>"
             f"<p class=muted>source: <a href='{escape(href, quote=True)}'>{_t(source)}</a></p>"]
    for it, decs, fus in items:
        tags = "".join(f"<span class=tag>{escape(x)}</span>" for x in str(it["topics"] or "").split("; ") if x)
        parts.append(f"<h2 id='{escape(it['item_id'], quote=True)}'>{_t(it['number'])}. {_t(it['title'])}</h2>"
                     f"<p>{tags}</p>")
        if decs:
            parts.append("<ul>" + "".join(f"<li><b>{_t(d['types'])}</b>: {_t(d['text'])}</li>" for d in decs)
                         + "</ul>")
        if fus:
            parts.append("<table><tr><th>status</th><th>owner</th><th>commitment</th><th>due</th>"
                         "<th>later report</th></tr>" + "".join(
                f"<tr><td class={escape(f['status'])}>{escape(f['status'])}</td><td>{_t(f['owner'])}</td>"
                f"<td>{_t(f['action'])}</td><td>{_t(f['due_date']) or _t(f['due'])}</td>"
                f"<td class=muted>{_t(f['status_evidence'])}</td></tr>" for f in fus) + "</table>")
    return _page(f"{m['body']} {m['date']}", "".join(parts), depth=1)


def report_data(con: sqlite3.Connection) -> dict:
    """What the index page shows, read from a finished tables database: counts, the first ``MAX_ROWS`` of each
    list in the page's order, and the (small) topic tables — never a whole big table."""
    def rows(sql: str, *args) -> pd.DataFrame:
        cursor = con.execute(sql, args)
        return pd.DataFrame.from_records(cursor.fetchall(), columns=[d[0] for d in cursor.description])

    status_rank = "CASE status " + " ".join(f"WHEN '{s}' THEN {k}" for k, s in enumerate(STATUS_ORDER)) + " ELSE 9 END"
    chase = f"status IN ({', '.join(repr(s) for s in TO_CHASE)})"
    followups = (f"SELECT {', '.join(FOLLOWUP_COLUMNS)} FROM followups WHERE {{}} "
                 f"ORDER BY {status_rank}, date IS NULL, date, followup_id LIMIT {MAX_ROWS}")
    return {
        "counts": {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                   for name in ("items", "decisions", "followups", "people")},
        "meetings": read_table(con, "meetings", ["meeting_id", "body_id", "date", "body"]),
        "statuses": dict(con.execute("SELECT status, count(*) FROM followups GROUP BY status").fetchall()),
        "chase": rows(followups.format(chase)), "rest": rows(followups.format(f"NOT ({chase})")),
        "decision_types": rows("SELECT substr(coalesce(date, '?'), 1, 4) AS year, type, count(*) AS n "
                               "FROM decision_types GROUP BY year, type ORDER BY year, type"),
        "people": rows("SELECT name, latest_role, latest_organisation, meetings, first_seen, last_seen FROM people "
                       f"ORDER BY meetings DESC, name IS NULL, name, person_id LIMIT {MAX_ROWS}"),
        "topic_recurrence": read_table(con, "topic_recurrence"),
        "topic_by_meeting": read_table(con, "topic_by_meeting")}


def write_report(con: sqlite3.Connection, records: Iterable[dict], out_dir: Path, today: date | None = None) -> Path:
    """``out_dir/report/`` with ``index.html`` (from the knowledge tables in ``con``), ``search.html`` (from its
    full-text index) and one page per meeting (streamed from the linked ``records``, one at a time); the index
    path."""
    folder = out_dir / "report"
    (folder / "meetings").mkdir(parents=True, exist_ok=True)
    today = today or date.today()
    _write(folder / "index.html", index_page(report_data(con), today))
    for rec in records:
        _write(folder / meeting_page_name(rec["id"]), meeting_page(rec))
    before, after = SEARCH_PAGE.split("__DATA__")
    _write(folder / "search.html", _page_parts("Search the minutes", chain([before], search_data(con), [after])))
    return folder / "index.html"


def _write(path: Path, text: str | Iterable[str]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.writelines([text] if isinstance(text, str) else text)
    os.replace(tmp, path)
