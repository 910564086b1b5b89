"""Run the per-meeting stages over files and collect records, errors and duplicates.

Each file becomes either one meeting record or one error record (path, hash,
stage, reason, hint): a batch over years of minutes never stops because one
file is bad.  Duplicates — the same bytes twice, or the same meeting
published again with different bytes — are kept once and listed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, decision_sentences, decisions, followups, jsonio, topics
from .entities import annotate
from .ingest import DEFAULT_MAX_BYTES, IngestError, ingest_file, iter_input_files
from .schema import Meeting, to_json_dict
from .segment import NotMinutesError, segment


@dataclass
class ExtractSummary:
    ok: int = 0
    failed: int = 0
    duplicates: int = 0
    words: int = 0
    cached: int = 0
    errors: list[dict] = field(default_factory=list)


def extract_file(path: str | os.PathLike, source: str | None = None,
                 max_bytes: int | None = DEFAULT_MAX_BYTES, entities: bool = True, classify: bool = True,
                 models: dict | None = None) -> Meeting:
    """Ingest and segment one file; raises :class:`IngestError` with a user-facing reason."""
    doc = ingest_file(path, source, max_bytes=max_bytes)
    try:
        meeting = segment(doc)
    except NotMinutesError as exc:
        raise IngestError(path, str(exc), "check that the file is the minutes of a meeting, not an agenda "
                          "or an error page", stage="segment", sha256=doc.provenance.sha256) from exc
    if entities:
        annotate(meeting, doc)
    if classify:
        models = models or {}
        topics.classify(meeting, models.get("topics"))
        decision_sentences.detect(meeting, models.get("sentences"))
        decisions.classify(meeting, models.get("decisions"))
        followups.extract(meeting, models.get("followups"))
    return meeting


def meeting_to_json(meeting: Meeting) -> dict:
    """The JSON record written per meeting (a superset of the gold schema).

    A follow-up's ``evidence`` is the quoted sentence, as in the gold schema; its offsets go to
    ``evidence_span``.
    """
    out = to_json_dict(meeting)
    for item in out["items"]:
        for f in item["follow_ups"]:
            span = f.pop("evidence")
            f["evidence"] = span["text"]
            f["evidence_span"] = {k: v for k, v in span.items() if k != "text"}
    out["pipeline_version"] = __version__
    return out


def list_inputs(paths: Iterable[str | os.PathLike], summary: ExtractSummary) -> list[tuple[Path, str]]:
    """All input files under ``paths``; a missing path is recorded as a failure."""
    files: list[tuple[Path, str]] = []
    for p in paths:
        try:
            files.extend(iter_input_files([p]))
        except IngestError as exc:
            summary.failed += 1
            summary.errors.append(exc.to_dict())
    return files


def internal_error(path: str | os.PathLike, exc: Exception) -> dict:
    """The error record of a file that hit a bug rather than a known problem."""
    return {"path": str(path), "sha256": None, "stage": "segment",
            "reason": f"internal error: {exc.__class__.__name__}: {exc}",
            "hint": "rerun with --debug and report the traceback"}


def iter_meetings(files: list[tuple[Path, str]], summary: ExtractSummary,
                  max_bytes: int | None = DEFAULT_MAX_BYTES, debug: bool = False,
                  models: dict | None = None) -> Iterator[Meeting]:
    """Meeting objects for a few files (``outline``, ``label``), failures to ``summary``.

    Batch runs use :func:`pipeline.batch.run_records`, which also finds duplicates, runs in parallel and
    caches; this is the in-process path for commands that need the objects themselves.
    """
    for path, source in files:
        try:
            meeting = extract_file(path, source, max_bytes=max_bytes, models=models)
        except IngestError as exc:
            summary.failed += 1
            summary.errors.append(exc.to_dict())
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            if debug:
                raise
            summary.failed += 1
            summary.errors.append(internal_error(path, exc))
        else:
            summary.ok += 1
            summary.words += meeting.words
            yield meeting


@contextmanager
def jsonl_writer(path: str | os.PathLike) -> Iterator[Callable[[dict], None]]:
    """A function that appends one record to ``path`` as a JSON line; the file appears (atomically: a temporary
    file, then a rename) when the block ends without an error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        yield lambda rec: fh.write(jsonio.dumps(rec) + "\n")
    os.replace(tmp, path)


def write_jsonl(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write records atomically (temporary file, then rename); return how many."""
    n = 0
    with jsonl_writer(path) as write:
        for rec in records:
            write(rec)
            n += 1
    return n
