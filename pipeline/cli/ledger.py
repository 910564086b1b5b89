"""Commands over a run's output folder: ``people``, ``followups``, ``table``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import jsonlines
import typer
from rich.markup import escape
from rich.table import Table

from ..table import TableStore, followups_frame, select_followups
from ..tablefiles import FORMATS, SQLITE_NAME, q, write_tables
from ..tablespec import KEYS
from .common import app, err, fail, out


@app.command()
def people(
    out_dir: Annotated[Path, typer.Argument(help="A run's output folder (with people.jsonl).")] = Path("out"),
    name: Annotated[str | None, typer.Option(help="Only people whose name or alias contains this.")] = None,
    roles: Annotated[bool, typer.Option("--roles", help="Show each person's role at each meeting.")] = False,
) -> None:
    """List the people of a run (one identity across meetings) and, with --roles, their roles over time.

    Example: minutes people out --name Basra --roles
    """
    path = out_dir / "people.jsonl"
    if not path.is_file():
        err.print(f"error: {path} not found; run `minutes run CORPUS --out {out_dir}` first", highlight=False)
        raise typer.Exit(2)
    with jsonlines.open(path) as reader:
        rows = [r for r in reader if not name or name.lower() in " ".join([r["name"], *r["aliases"]]).lower()]
    table = Table(title=f"{len(rows)} people")
    for col in ("person_id", "name", "latest role", "meetings", "first seen", "last seen"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["person_id"], escape(r["name"]), escape(r["latest_role"] or ""), str(r["meetings"]),
                      r["first_seen"] or "", r["last_seen"] or "")
    out.print(table)
    if roles:
        wanted = {r["person_id"] for r in rows}
        with jsonlines.open(out_dir / "person_roles.jsonl") as reader:
            for r in reader:
                if r["person_id"] in wanted:
                    out.print(f"{r['date']}  {r['person_id']}: {escape(r['role'] or '-')}"
                              f" ({escape(r['organisation'] or '-')})  [{r['meeting_id']}]", highlight=False)




def _records_path(path: Path) -> Path:
    """``meetings.jsonl`` itself, or the run folder holding it; a clear error otherwise."""
    found = path / "meetings.jsonl" if path.is_dir() else path
    if not found.is_file():
        raise fail(f"{found} not found; run `minutes run CORPUS --out {path}` first")
    return found


def _stream(path: Path) -> Iterator[dict]:
    """The records of ``path`` one at a time; a line that is not a record stops with its file and line."""
    from ..link import RecordError, iter_records

    try:
        yield from iter_records(path)
    except (RecordError, UnicodeDecodeError) as exc:
        raise fail(str(exc) if isinstance(exc, RecordError) else f"{path}: not UTF-8 text") from exc


@app.command()
def table(
    path: Annotated[Path, typer.Argument(help="A run's output folder, or its meetings.jsonl.")] = Path("out"),
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (default: PATH's folder).")] = None,
    formats: Annotated[str, typer.Option(help="Comma-separated: csv, jsonl, parquet, sqlite.")] = ",".join(FORMATS),
) -> None:
    """Build the knowledge tables from meeting records: OUT/tables/*.{csv,jsonl,parquet} and OUT/minutes.sqlite.

    Tables: meetings, items, item_topics, decisions, decision_types, people, person_roles, organisations,
    meeting_organisations, followups, topic_recurrence, topic_by_meeting (see the README).
    Example: minutes table out --formats csv,sqlite
    """
    records_path = _records_path(path)
    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    if bad := sorted(set(chosen) - set(FORMATS)):
        raise fail(f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    target = out_dir or records_path.parent
    target.mkdir(parents=True, exist_ok=True)
    store = TableStore(target / f"{SQLITE_NAME}.tmp", search=True)
    try:
        store.fill(_stream(records_path))
        sizes = ", ".join(f"{name} {store.con.execute(f'SELECT count(*) FROM {q(name)}').fetchone()[0]}"
                          for name in KEYS)
    except BaseException:
        store.close()
        raise
    write_tables(store, target, chosen)
    err.print(f"wrote {len(KEYS)} tables to {target} ({', '.join(chosen)}): {sizes}", highlight=False)


class Status(StrEnum):
    open = "open"
    overdue = "overdue"
    closed = "closed"
    carried_forward = "carried_forward"
    unknown = "unknown"


@app.command()
def followups(
    path: Annotated[Path, typer.Argument(help="A run's output folder, or its meetings.jsonl.")] = Path("out"),
    status: Annotated[list[Status] | None, typer.Option(help="Only these statuses (repeatable).")] = None,
    owner: Annotated[str | None, typer.Option(help="Only follow-ups whose owner contains this.")] = None,
    csv: Annotated[Path | None, typer.Option(help="Write the rows here (default: followups.csv beside PATH).")] = None,
) -> None:
    """List follow-ups with their owner, due date, status and the sentence that proves the status; write CSV.

    Example: minutes followups out --status overdue --status open --owner Basra
    """
    records_path = _records_path(path)
    rows = select_followups(followups_frame(_stream(records_path)), [s.value for s in status or []], owner)
    target = csv or records_path.parent / "followups.csv"
    rows.to_csv(target, index=False)
    grid = Table(title=f"{len(rows)} follow-ups", show_lines=True)
    for col in ("meeting", "owner", "action", "due", "status", "evidence of status"):
        grid.add_column(col, overflow="fold")
    for r in rows.itertuples(index=False):
        evidence = f"{r.status_date}: {r.status_evidence}" if isinstance(r.status_evidence, str) else ""
        grid.add_row(_text(r.date) or r.meeting_id, escape(_text(r.owner)), escape(_text(r.action)[:160]),
                     _text(r.due_date) or escape(_text(r.due)), r.status, escape(evidence[:200]))
    out.print(grid)
    err.print(f"wrote {len(rows)} rows to {target}", highlight=False)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


@app.command()
def report(
    path: Annotated[Path, typer.Argument(help="A run's output folder (or its meetings.jsonl).")] = Path("out"),
) -> None:
    """Write the HTML report of a run into OUT/report/: recurring themes, commitments, decisions, people,
    one page per meeting and an offline search page. Open OUT/report/index.html in a browser.

    Example: minutes report out
    """
    from ..report import write_report

    records_path = _records_path(path)
    folder = records_path.parent
    database = folder / SQLITE_NAME
    if database.is_file():  # the run's tables and search index
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    else:
        con = TableStore(search=True).fill(_stream(records_path)).con
    try:
        index = write_report(con, _stream(records_path), folder)
    finally:
        con.close()
    err.print(f"wrote the report: {index}", highlight=False)
