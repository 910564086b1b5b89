"""Commands that read minutes: ``extract``, ``run`` (the whole pipeline), ``outline``, ``label``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..extract import ExtractSummary, iter_meetings, list_inputs, meeting_to_json, write_jsonl
from ..ingest import DEFAULT_MAX_BYTES
from ..progress import FileProgress
from ..runner import run_pipeline
from ..tablefiles import SQLITE_NAME
from .common import (
    Backend,
    Debug,
    DecisionsModel,
    Jobs,
    MaxBytes,
    PathsArg,
    Quiet,
    Scheduler,
    Strict,
    TopicsModel,
    _models,
    _report,
    _run_extract,
    app,
    batch_options,
    err,
    out,
)


@app.command()
def extract(
    paths: PathsArg,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write JSONL here (default: stdout).")] = None,
    errors: Annotated[Path | None, typer.Option(help="Also write failures and duplicates as JSONL here.")] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    topics_model: TopicsModel = None,
    decisions_model: DecisionsModel = None,
    jobs: Jobs = 1,
    backend: Backend = "local",
    scheduler: Scheduler = None,
    strict: Strict = True,
    debug: Debug = False,
    quiet: Quiet = False,
) -> None:
    """Extract one JSON record per meeting (a superset of the gold schema), in input order.

    Example: minutes extract corpus/raw --out meetings.jsonl --jobs 2
    """
    options = batch_options(jobs, backend, scheduler, max_bytes, _models(topics_model, decisions_model), debug)
    summary, _files, progress, records = _run_extract(paths, options, quiet)
    if out_file:
        write_jsonl(records, out_file)
    else:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if errors:
        write_jsonl(summary.errors, errors)
    _report(summary, progress, quiet)
    raise typer.Exit(1 if summary.failed and strict else 0)


@app.command()
def run(
    paths: PathsArg,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    topics_model: TopicsModel = None,
    decisions_model: DecisionsModel = None,
    jobs: Jobs = 1,
    backend: Backend = "local",
    scheduler: Scheduler = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Re-extract every file; keep no cache.")] = False,
    strict: Strict = True,
    debug: Debug = False,
    quiet: Quiet = False,
) -> None:
    """Run the whole pipeline over a corpus: extract every meeting, link people and follow-ups across meetings,
    and build the knowledge tables.

    Writes OUT/meetings.jsonl, OUT/errors.jsonl, OUT/people.jsonl, OUT/person_roles.jsonl,
    OUT/tables/*.{csv,jsonl,parquet} and OUT/minutes.sqlite. Results are cached in OUT/.cache by file
    content: a rerun redoes only what changed, and an interrupted run resumes.
    Example: minutes run corpus --out out --jobs 2
    """
    options = batch_options(jobs, backend, scheduler, max_bytes, _models(topics_model, decisions_model), debug)
    bars: list[FileProgress] = []

    def progress(total: int):
        bars.append(FileProgress(total, enabled=not quiet))
        return bars[0].advance

    started = time.monotonic()

    def stage(description: str) -> None:
        if bars:
            bars[0].close()  # the files are done: the bar gives way to the stage lines
        if not quiet:
            err.print(f"[{time.monotonic() - started:.1f}s] {description}", highlight=False, markup=False)

    result = run_pipeline(paths, out_dir, options, use_cache=not no_cache, progress=progress, on_stage=stage)
    summary = result.summary
    if result.up_to_date:
        if not quiet:
            err.print(f"nothing changed since the last run into {out_dir} ({result.files} files, "
                      f"{result.meetings} meetings): outputs are up to date ({result.seconds:.1f}s)", highlight=False)
        raise typer.Exit(1 if summary.failed and strict else 0)
    _report(summary, bars[0] if bars else FileProgress(0, enabled=False), quiet)
    if not quiet:
        statuses = ", ".join(f"{v} {k}" for k, v in sorted(result.statuses.items())) or "none"
        err.print(f"wrote {result.meetings} meetings to {out_dir / 'meetings.jsonl'}, "
                  f"{len(summary.errors)} problems to {out_dir / 'errors.jsonl'}, "
                  f"{result.people} people ({result.appearances} appearances) to {out_dir / 'people.jsonl'}; "
                  f"follow-ups: {statuses}; {result.tables} tables in {out_dir / 'tables'} and "
                  f"{out_dir / SQLITE_NAME} ({result.seconds:.1f}s in all)", highlight=False)
    raise typer.Exit(1 if summary.failed and strict else 0)


@app.command()
def label(
    path: Annotated[Path, typer.Argument(help="One minutes file to annotate.")],
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write the pre-filled gold JSON here.")] = None,
    source: Annotated[str | None, typer.Option(help="The gold 'source' (default: parent folder/file name).")] = None,
) -> None:
    """Pre-fill a gold annotation (corpus/README.md schema) with the pipeline's predictions, to correct by hand.

    Example: minutes label corpus/raw/lscsb_2021-09-24.txt --out corpus/gold/lscsb_2021-09-24.json
    """
    from ..labelling import prefill

    summary = ExtractSummary()
    meetings = list(iter_meetings(list_inputs([path], summary), summary))
    if not meetings:
        for e in summary.errors:
            err.print(f"error: {e['path']}: {e['reason']}", highlight=False)
        raise typer.Exit(1)
    record = prefill(meeting_to_json(meetings[0]), source or f"{path.parent.name}/{path.name}")
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    if out_file:
        if out_file.exists():
            err.print(f"error: {out_file} exists; not overwriting an annotation", highlight=False)
            raise typer.Exit(2)
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote {out_file}: check every item, topic, decision type, follow-up and person", highlight=False)
    else:
        sys.stdout.write(text)


@app.command()
def outline(
    path: Annotated[Path, typer.Argument(help="One minutes file.")],
    debug: Debug = False,
) -> None:
    """Print a meeting's header, items, points and resolution clauses as an indented outline.

    Example: minutes outline corpus/raw/lscsb_2021-09-24.txt
    """
    summary = ExtractSummary()
    meetings = list(iter_meetings(list_inputs([path], summary), summary, debug=debug))
    if not meetings:
        for e in summary.errors:
            err.print(f"error: {e['path']}: {e['reason']}", highlight=False)
        raise typer.Exit(1)
    m = meetings[0]
    h = m.meeting
    out.print(f"[bold]{escape(str(h.committee))}[/bold]  {h.date} {h.time or ''}  {escape(h.venue or '')}",
              highlight=False)
    for item in m.items:
        flag = "  (truncated: see the full minutes)" if item.truncated else ""
        out.print(f"[bold]{item.number}.[/bold] {escape(str(item.title))}{flag}", highlight=False)
        for p in item.presenters:
            out.print(f"    presenter: {escape(p.text)}", highlight=False)
        for d in item.decisions:
            out.print(f"    [green]decision[/green] ({d.origin}): {escape(' '.join(d.text.split()))}",
                      highlight=False)


