"""Run the per-meeting stages over files and collect records, errors and duplicates.

Each file becomes either one meeting record or one error record (path, hash,
stage, reason, hint): a batch over years of minutes never stops because one
file is bad.  Duplicates — the same bytes twice, or the same meeting
published again with different bytes — are kept once and listed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, decisions, followups, topics
from .entities import annotate
from .ingest import DEFAULT_MAX_BYTES, IngestError, ingest_file, iter_input_files
from .schema import Meeting, to_json_dict
from .segment import NotMinutesError, segment, set_item_id


@dataclass
class ExtractSummary:
    ok: int = 0
    failed: int = 0
    duplicates: int = 0
    words: int = 0
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


class _DuplicateIndex:
    """Spots a meeting seen before: same bytes, same text, or same body, date and agenda."""

    def __init__(self):
        self.by_hash: dict[str, str] = {}
        self.by_meeting: dict[str, list[tuple[Meeting, str]]] = {}

    def check(self, meeting: Meeting, path: str) -> str | None:
        """Return the path of the earlier copy, or None (and remember this one)."""
        for key in (meeting.provenance.sha256, meeting.text_sha256):
            if key and key in self.by_hash:
                return self.by_hash[key]
        titles = [" ".join((i.title or "").lower().split()) for i in meeting.items]
        same_day = self.by_meeting.setdefault(meeting.id, [])
        for other, other_path in same_day:
            if [" ".join((i.title or "").lower().split()) for i in other.items] == titles:
                return other_path
        if same_day:  # a second, different meeting of the body that day
            old = meeting.id
            meeting.id = f"{old}-{len(same_day) + 1}"
            _renumber(meeting, old)
        same_day.append((meeting, path))
        for key in (meeting.provenance.sha256, meeting.text_sha256):
            if key:
                self.by_hash[key] = path
        return None


def _renumber(meeting: Meeting, old_id: str) -> None:
    for item in meeting.items:
        set_item_id(item, meeting.id + item.id[len(old_id):])


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


def iter_meetings(files: list[tuple[Path, str]], summary: ExtractSummary,
                  max_bytes: int | None = DEFAULT_MAX_BYTES, debug: bool = False,
                  on_file: Callable[[Path, str], None] | None = None,
                  models: dict | None = None) -> Iterator[Meeting]:
    """Yield meetings one at a time (streaming); failures and duplicates go to ``summary``.

    ``files`` comes from :func:`list_inputs`.
    """
    dupes = _DuplicateIndex()
    for path, source in files:
        status = "ok"
        try:
            meeting = extract_file(path, source, max_bytes=max_bytes, models=models)
        except IngestError as exc:
            summary.failed += 1
            summary.errors.append(exc.to_dict())
            status = "failed"
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
            if debug:
                raise
            summary.failed += 1
            summary.errors.append({"path": str(path), "sha256": None, "stage": "segment",
                                   "reason": f"internal error: {exc.__class__.__name__}: {exc}",
                                   "hint": "rerun with --debug and report the traceback"})
            status = "failed"
        else:
            original = dupes.check(meeting, str(path))
            if original:
                summary.duplicates += 1
                summary.errors.append({"path": str(path), "sha256": meeting.provenance.sha256,
                                       "stage": "dedupe", "reason": f"duplicate of {original}",
                                       "hint": "same meeting published twice; the first copy is kept",
                                       "duplicate_of": original})
                status = "duplicate"
            else:
                summary.ok += 1
                summary.words += meeting.words
                yield meeting
        if on_file:
            on_file(path, status)


def write_jsonl(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write records atomically (temporary file, then rename); return how many."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    n = 0
    with open(tmp, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    os.replace(tmp, path)
    return n
