"""Shared pieces of the ``minutes`` command: the typer app, consoles, option types, model checks.

Every command reads files, calls plain functions in the stage modules and
prints or writes their results.  Errors a user can act on are one line naming
the file and the problem; tracebacks appear only with ``--debug``.
Exit codes: 0 all good, 1 some input files failed, 2 usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .. import __version__
from ..batch import BACKENDS, BatchOptions, run_records
from ..cache import ResultCache
from ..extract import ExtractSummary, list_inputs
from ..progress import FileProgress

app = typer.Typer(
    name="minutes",
    help="Turn public-body meeting minutes (text, HTML, PDF) into structured meeting records.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

PathsArg = Annotated[list[Path], typer.Argument(help="Minutes files or directories (.txt, .html, .pdf).")]
MaxBytes = Annotated[int, typer.Option(help="Skip (and report) files larger than this many bytes.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")]
TopicsModel = Annotated[Path | None, typer.Option(help="Topic model folder (default: newest in models/topics).")]
DecisionsModel = Annotated[Path | None, typer.Option(
    help="Decision-type model folder (default: newest in models/decisions).")]
Strict = Annotated[bool, typer.Option("--strict/--no-strict",
                                      help="Exit 1 when some files could not be read (they are reported either way).")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for extraction (output is the same).")]
Backend = Annotated[str, typer.Option(help="local (this machine) or dask (a dask.distributed cluster).")]
Scheduler = Annotated[str | None, typer.Option(
    help="Dask scheduler address (tcp://host:8786); default: a local cluster of --jobs workers.")]


def _version(value: bool) -> None:
    if value:
        print(f"minutes {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """minutes: meeting minutes in, structured records out."""


def _models(topics_model: Path | None, decisions_model: Path | None) -> dict:
    """Chosen model folders, checked now so that a missing or tampered one is one clear error."""
    from ..models import ModelIntegrityError, verify

    chosen = {}
    for task, path in (("topics", topics_model), ("decisions", decisions_model)):
        if path is None:
            continue
        try:
            verify(path)
        except ModelIntegrityError as exc:
            err.print(f"error: {exc}", highlight=False)
            raise typer.Exit(2) from exc
        chosen[task] = str(path)
    return chosen


def _run_extract(paths: list[Path], options: BatchOptions, quiet: bool, cache: ResultCache | None = None,
                 files: list[tuple[Path, str]] | None = None, summary: ExtractSummary | None = None):
    """Records of every file under ``paths`` (streamed, in input order), with a progress display."""
    summary = summary or ExtractSummary()
    files = files if files is not None else list_inputs(paths, summary)
    progress = FileProgress(len(files), enabled=not quiet)
    records = run_records(files, summary, options, cache, on_file=progress.advance)
    return summary, files, progress, records


def batch_options(jobs: int, backend: str, scheduler: str | None, max_bytes: int, models: dict,
                  debug: bool) -> BatchOptions:
    if backend not in BACKENDS:
        raise fail(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}")
    if jobs < 1:
        raise fail("--jobs must be at least 1")
    if scheduler and backend != "dask":
        raise fail("--scheduler needs --backend dask")
    return BatchOptions(jobs, backend, scheduler, max_bytes, models, debug)


def _report(summary: ExtractSummary, progress: FileProgress, quiet: bool) -> None:
    progress.close()
    for e in summary.errors:
        if e["stage"] == "dedupe":
            continue
        hint = f" ({e['hint']})" if e.get("hint") else ""
        err.print(f"[red]error[/red]: {e['path']}: {e['reason']}{hint}", markup=True, highlight=False)
    if not quiet:
        rate = summary.words / progress.elapsed if progress.elapsed > 0 else 0.0
        err.print(f"{summary.ok} ok ({summary.cached} from the cache), {summary.duplicates} duplicate, "
                  f"{summary.failed} failed, {progress.elapsed:.1f}s, {rate:,.0f} words/s", highlight=False)
        for e in summary.errors:
            if e["stage"] == "dedupe":
                err.print(f"duplicate: {e['path']} is {e['reason']}", highlight=False)



def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``error: message`` on stderr; the caller raises the returned Exit."""
    err.print(f"error: {message}", highlight=False)
    return typer.Exit(code)
