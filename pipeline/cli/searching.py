"""``minutes search``: full-text and faceted search over a run's SQLite database."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ..search import SearchError, search
from ..tablefiles import SQLITE_NAME
from .common import app, err, fail, out


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command(name="search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", prefix*, AND/OR/NOT; a topic id or an acronym.')],
    db: Annotated[Path, typer.Option(help="The run's database.")] = Path("out") / SQLITE_NAME,
    body: Annotated[str | None, typer.Option(help="Only this body_id.")] = None,
    since: Annotated[str | None, typer.Option(help="Only meetings on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Only meetings on or before this date (YYYY-MM-DD).")] = None,
    topic: Annotated[str | None, typer.Option(help="Only rows tagged with this topic id.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only decisions of this type (noted…).")] = None,
    status: Annotated[str | None, typer.Option(help="Only follow-ups with this status (open, overdue…).")] = None,
    person: Annotated[str | None, typer.Option(help="Only rows naming this person, under any of their names.")] = None,
    kind: Annotated[str | None, typer.Option(help="Only item, point, decision or followup rows.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    format_: Annotated[Format, typer.Option("--format", help="table, json or csv.")] = Format.table,
) -> None:
    """Search items, discussion points, decisions and follow-ups, best matches first (BM25), with snippets.

    Example: minutes search "county lines" --since 2019-01-01 --type requested
    """
    for label, value in (("--since", since), ("--until", until)):
        if value and not (len(value) == 10 and value[4] == "-" and value[7] == "-"):
            raise fail(f"{label} takes a date as YYYY-MM-DD, not {value!r}")
    try:
        hits = search(db, query, body=body, since=since, until=until, topic=topic, type=type_, status=status,
                      person=person, kind=kind, limit=limit)
    except SearchError as exc:
        raise fail(str(exc)) from exc
    if format_ is Format.json:
        for rec in hits.astype(object).where(hits.notna(), None).to_dict(orient="records"):
            print(json.dumps(rec, ensure_ascii=False))
        return
    if format_ is Format.csv:
        print(hits.to_csv(index=False), end="")
        return
    grid = Table(title=f"{len(hits)} hits for {query!r}", show_lines=True)
    for col in ("date", "body", "item", "kind", "snippet"):
        grid.add_column(col, overflow="fold")
    for r in hits.itertuples(index=False):
        source = f"\n[dim]{escape(r.source)}[/dim]" if isinstance(r.source, str) else ""
        item = escape(r.item_title or "") + source
        grid.add_row(r.date or "", r.body_id or "", item, r.kind, _highlight(r.snippet or ""))
    out.print(grid)
    if hits.empty:
        err.print("no hits; try fewer words, a prefix (exploit*) or fewer filters", highlight=False)


def _highlight(snippet: str) -> str:
    """The snippet's hits (between « and ») in bold; everything else escaped."""
    return escape(snippet).replace("\u00ab", "[bold yellow]").replace("\u00bb", "[/bold yellow]")
