"""The main job, end to end: files → meetings.jsonl → cross-meeting links → knowledge tables → report.

``minutes run`` and the throughput benchmark call :func:`run_pipeline`.  The
output folder holds everything a rerun needs: ``.cache/records`` (one result
per input file, by content hash) and ``.cache/manifest.json`` (what the last
complete run saw).  A rerun over an unchanged corpus returns at once; a
changed file is re-extracted alone and the cross-meeting outputs are rebuilt;
an interrupted run picks up the results it had already cached.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .batch import BatchOptions, run_records
from .cache import ResultCache, fingerprint, input_stats, last_summary, unchanged, write_manifest
from .extract import ExtractSummary, list_inputs, write_jsonl
from .link import FirstPass, iter_records, link
from .report import write_report
from .tablefiles import FORMATS, SQLITE_NAME, export_tables, keep_database
from .tablespec import KEYS

CACHE_DIR = ".cache"


@dataclass
class RunResult:
    summary: ExtractSummary
    meetings: int = 0
    people: int = 0
    appearances: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    tables: int = 0
    up_to_date: bool = False
    files: int = 0
    extract_seconds: float = 0.0
    seconds: float = 0.0


def run_pipeline(paths: list[Path], out_dir: Path, options: BatchOptions | None = None, use_cache: bool = True,
                 progress: Callable[[int], Callable[[Path, str], None]] | None = None,
                 formats: tuple[str, ...] = FORMATS, on_stage: Callable[[str], None] | None = None) -> RunResult:
    """Run everything over ``paths`` into ``out_dir``; ``progress(total)`` returns a per-file callback, and
    ``on_stage(description)`` hears when each stage after extraction starts (they take a quarter of a long run,
    with no file to count)."""
    start = time.monotonic()
    stage = on_stage or (lambda description: None)
    options = options or BatchOptions()
    summary = ExtractSummary()
    files = list_inputs(paths, summary)
    version = fingerprint(options.models, options.max_bytes)
    inputs = input_stats(files)
    cache_dir = out_dir / CACHE_DIR
    if use_cache and not summary.failed and unchanged(cache_dir, version, inputs):
        last = last_summary(cache_dir)
        summary.ok, summary.cached = last.get("ok", 0), last.get("ok", 0)
        summary.failed, summary.duplicates = last.get("failed", 0), last.get("duplicates", 0)
        return RunResult(summary, meetings=last.get("ok", 0), up_to_date=True, files=len(files),
                         statuses=last.get("statuses", {}), seconds=time.monotonic() - start)
    cache = ResultCache(cache_dir / "records" if use_cache else None, version)
    on_file = progress(len(files)) if progress else None
    records = run_records(files, summary, options, cache, on_file)
    meetings_path = out_dir / "meetings.jsonl"
    first = FirstPass()  # linking's first pass, made on the records as they are written
    n = write_jsonl(first.watch(records), meetings_path)
    extracted = time.monotonic()
    write_jsonl(summary.errors, out_dir / "errors.jsonl")
    database = out_dir / SQLITE_NAME
    stage(f"linking people and follow-ups across {n} meetings, building the tables and search index")
    linked, store = link(meetings_path, out_dir, database.with_name(database.name + ".tmp"), first)
    # the report and the table files read the finished database: with more than one job, side by side
    parallel = options.jobs > 1 and options.backend == "local" and store.path is not None
    report = start_report(store.path, meetings_path, out_dir) if parallel else None
    if files_formats := [f for f in formats if f != "sqlite"]:
        stage(f"writing the tables as {', '.join(files_formats)}" + (" (and the HTML report beside them)"
                                                                       if report else ""))
    written = export_tables(store.con, out_dir, formats)
    stage("finishing the HTML report" if report else "writing the HTML report")
    finish_report(report, store.con, meetings_path, out_dir)  # from the database, before it is closed
    written += keep_database(store, out_dir, formats)
    result = RunResult(summary, n, linked.people, linked.appearances, linked.statuses, len(KEYS),
                       files=len(files), extract_seconds=extracted - start)
    if use_cache:
        outputs = [meetings_path, out_dir / "errors.jsonl", out_dir / "people.jsonl",
                   out_dir / "person_roles.jsonl", *written]
        write_manifest(cache_dir, version, inputs, outputs,
                       {**{k: v for k, v in asdict(summary).items() if k != "errors"}, "statuses": linked.statuses})
    result.seconds = time.monotonic() - start
    return result


def start_report(database: Path, meetings_path: Path, out_dir: Path) -> multiprocessing.Process | None:
    """Write the HTML report in a forked process, from its own read-only connection to ``database``, while this
    one writes the table files (after extraction the other cores are idle; at 4,000 meetings each takes about
    8 s).  None where processes cannot fork: the caller then writes the report itself."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    process = multiprocessing.get_context("fork").Process(target=_report_from_file, daemon=True,
                                                          args=(database, meetings_path, out_dir))
    gc.freeze()  # the child's collector then leaves the inherited objects alone, so their pages stay shared
    process.start()
    gc.unfreeze()
    return process


def _report_from_file(database: Path, meetings_path: Path, out_dir: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        write_report(con, iter_records(meetings_path), out_dir)
        con.close()
    except BaseException:  # noqa: BLE001 - the parent writes the report again and reports the error itself
        os._exit(1)


def finish_report(process: multiprocessing.Process | None, con: sqlite3.Connection, meetings_path: Path,
                  out_dir: Path) -> None:
    """Wait for the report ``start_report`` began; if there was none, or it failed, write it here, where an error
    reaches the caller with its message."""
    if process is not None:
        process.join()
        if process.exitcode == 0:
            return
    write_report(con, iter_records(meetings_path), out_dir)
