"""Batch extraction over thousands of files: parallel, cached, resumable, streaming, deterministic.

Each file is one independent task (:func:`process_file`: ingest, segment,
entities, topics, decisions, follow-ups → one JSON record or one error), run in
this process (``jobs=1``), in a pool of worker processes (``jobs=N``), or on a
Dask cluster (``backend="dask"``).  Results come back **in input order**
whatever the backend, so duplicate detection, record ids and every output are
the same for ``--jobs 1``, ``--jobs 2`` and Dask.  Results stream: at most a
window of them is held in memory, and each is cached (:mod:`pipeline.cache`)
the moment it arrives, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .cache import ResultCache, file_sha256
from .extract import ExtractSummary, extract_file, internal_error, meeting_to_json
from .ingest import DEFAULT_MAX_BYTES, IngestError

BACKENDS = ("local", "dask")


@dataclass(frozen=True)
class Task:
    path: str
    source: str
    max_bytes: int | None
    models: tuple[tuple[str, str], ...] = ()
    debug: bool = False


def process_file(task: Task) -> dict:
    """``{"record": …}`` or ``{"error": …}`` for one file; never raises (unless ``task.debug``)."""
    try:
        meeting = extract_file(task.path, task.source, max_bytes=task.max_bytes, models=dict(task.models))
        return {"record": meeting_to_json(meeting)}
    except IngestError as exc:
        return {"error": exc.to_dict()}
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        if task.debug:
            raise
        return {"error": internal_error(task.path, exc), "transient": True}


# -- duplicates ------------------------------------------------------------------------------------
def _titles(record: dict) -> list[str]:
    return [" ".join((i.get("title") or "").lower().split()) for i in record.get("items") or []]


class DuplicateIndex:
    """Spots a meeting seen before: same bytes, same text, or same body, date and agenda; gives a second,
    different meeting of a body on the same day the id suffix ``-2`` (``-3`` …)."""

    def __init__(self):
        self.by_hash: dict[str, str] = {}
        self.by_meeting: dict[str, list[tuple[list[str], str]]] = {}

    def check(self, record: dict, path: str) -> str | None:
        """The path of the earlier copy, or None (and remember this one, renumbered if need be)."""
        hashes = [(record.get("provenance") or {}).get("sha256"), record.get("text_sha256")]
        for key in hashes:
            if key and key in self.by_hash:
                return self.by_hash[key]
        titles = _titles(record)
        same_day = self.by_meeting.setdefault(record["id"], [])
        for other_titles, other_path in same_day:
            if other_titles == titles:
                return other_path
        if same_day:
            renumber(record, f"{record['id']}-{len(same_day) + 1}")
        same_day.append((titles, path))
        for key in hashes:
            if key:
                self.by_hash[key] = path
        return None


def renumber(record: dict, new_id: str) -> None:
    """Give a record a new meeting id, and its items, decisions and follow-ups the matching ids."""
    old = record["id"]
    record["id"] = new_id
    for item in record.get("items") or []:
        for obj in [item, *(item.get("decisions") or []), *(item.get("follow_ups") or [])]:
            if isinstance(obj.get("id"), str) and obj["id"].startswith(old):
                obj["id"] = new_id + obj["id"][len(old):]


# -- backends ------------------------------------------------------------------------------------
def _warm(models: tuple[tuple[str, str], ...]) -> None:
    """Load the spaCy pipeline and the models once per worker, before the first file."""
    from . import decision_sentences, decisions, followups, topics
    from .entities import get_pipeline

    chosen = dict(models)
    get_pipeline()
    topics.load_model(chosen.get("topics"))
    decisions.load_model(chosen.get("decisions"))
    followups.load_model(chosen.get("followups"))
    decision_sentences.load_model(chosen.get("sentences"))


def ordered_map(tasks: Iterable[Task], jobs: int = 1, backend: str = "local", scheduler: str | None = None,
                models: tuple[tuple[str, str], ...] = ()) -> Iterator[dict]:
    """``process_file`` over ``tasks``, results in task order."""
    if backend == "dask":
        from .dask_backend import dask_map

        yield from dask_map(process_file, tasks, jobs, scheduler, _warm, models)
    elif jobs <= 1:
        yield from map(process_file, tasks)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_warm, initargs=(models,)) as pool:
            yield from pool.map(process_file, tasks, chunksize=2)
    return


# -- the run -------------------------------------------------------------------------------------
@dataclass
class BatchOptions:
    jobs: int = 1
    backend: str = "local"
    scheduler: str | None = None
    max_bytes: int | None = DEFAULT_MAX_BYTES
    models: dict | None = None
    debug: bool = False


def run_records(files: list[tuple[Path, str]], summary: ExtractSummary, options: BatchOptions | None = None,
                cache: ResultCache | None = None,
                on_file: Callable[[Path, str], None] | None = None) -> Iterator[dict]:
    """Meeting records for ``files`` (from :func:`pipeline.extract.list_inputs`), in order; failures and
    duplicates go to ``summary`` (``summary.cached`` counts results taken from the cache)."""
    options = options or BatchOptions()
    models = tuple(sorted((options.models or {}).items()))
    cache = cache or ResultCache(None, "")
    keys: list[str | None] = []
    for path, source in files:
        try:
            too_big = options.max_bytes is not None and path.stat().st_size > options.max_bytes
            keys.append(None if too_big else cache.key(path, source, file_sha256(path)))
        except OSError:
            keys.append(None)
    todo = [Task(str(p), s, options.max_bytes, models, options.debug)
            for (p, s), k in zip(files, keys, strict=True) if not (k and cache.has(k))]
    fresh = ordered_map(todo, options.jobs, options.backend, options.scheduler, models) if todo else iter(())
    dupes = DuplicateIndex()
    for (path, _source), key in zip(files, keys, strict=True):
        result = cache.get(key) if key and cache.has(key) else None
        if result is None:
            result = next(fresh)
            if key and not result.get("transient"):
                cache.put(key, result)
        else:
            summary.cached += 1
        yield from _settle(result, str(path), summary, dupes)
        if on_file:
            on_file(path, "failed" if "error" in result else "ok")


def _settle(result: dict, path: str, summary: ExtractSummary, dupes: DuplicateIndex) -> Iterator[dict]:
    if "error" in result:
        summary.failed += 1
        summary.errors.append(result["error"])
        return
    record = result["record"]
    original = dupes.check(record, path)
    if original:
        summary.duplicates += 1
        summary.errors.append({"path": path, "sha256": (record.get("provenance") or {}).get("sha256"),
                               "stage": "dedupe", "reason": f"duplicate of {original}",
                               "hint": "same meeting published twice; the first copy is kept",
                               "duplicate_of": original})
        return
    summary.ok += 1
    summary.words += record.get("words") or 0
    yield record
