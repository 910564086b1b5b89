"""Cross-meeting stages over ``meetings.jsonl``: one identity per person, follow-up closure, the tables.

Per-meeting extraction is streaming and parallel; these stages need every
meeting of a body, so they run after extraction, over the JSONL file, in three
streaming passes that never hold the meetings themselves in memory:

1. register every person (:mod:`pipeline.entities.registry`) and collect the
   follow-ups and word statistics closure needs;
2. scan every meeting for sentences reporting on an earlier follow-up
   (:mod:`pipeline.followups.closure`);
3. rewrite each record with its ``person_id``\\ s, each follow-up's
   ``owner_id``, ``status`` and ``status_evidence`` (atomically: a temporary
   file, then a rename), and stream it into the knowledge tables and search
   index (:class:`pipeline.table.TableStore`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import jsonio
from .entities.registry import PersonRegistry
from .evaluate import name_key
from .extract import jsonl_writer
from .followups.closure import Closure
from .table import TableStore


class RecordError(ValueError):
    """A line of a meetings.jsonl file is not a meeting record; the message names the file and line."""


@dataclass
class LinkSummary:
    people: int = 0
    appearances: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


def iter_records(path: Path) -> Iterator[dict]:
    """The meeting records of a ``meetings.jsonl`` file, one at a time, each a JSON object with an ``id``."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = jsonio.loads(line)
            except jsonio.JSONDecodeError as exc:
                raise RecordError(f"{path}: line {lineno}: not JSON ({exc.msg})") from exc
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                raise RecordError(f"{path}: line {lineno}: not a meeting record (no \"id\")")
            yield rec


def read_records(path: Path) -> list[dict]:
    return list(iter_records(path))


def _owner_ids(rec: dict) -> None:
    """A follow-up owned by a person of the meeting gets that person's id."""
    keys = {}
    for p in rec.get("people") or []:
        for name in [p["name"], *p.get("aliases", [])]:
            keys.setdefault(name_key(name), p.get("person_id"))
    for item in rec.get("items") or []:
        for fu in item.get("follow_ups") or []:
            owner = fu.get("owner")
            fu["owner_id"] = keys.get(name_key(owner)) if owner and owner[:1].isupper() else None


class FirstPass:
    """Pass 1 of :func:`link`: every person registered, and what closure needs, gathered record by record —
    from the file, or (``minutes run``) from the records as extraction writes them, which saves reading the
    file once more and does the work while the workers still run."""

    def __init__(self):
        self.registry = PersonRegistry()
        self.closure: Closure | None = Closure()
        self.count = 0

    def see(self, rec: dict) -> None:
        self.registry.add_meeting(rec)
        self.closure.observe(self.count, rec)
        self.count += 1

    def watch(self, records: Iterable[dict]) -> Iterator[dict]:
        """``records``, each seen on its way past (in the order they are written)."""
        for rec in records:
            self.see(rec)
            yield rec


def link(meetings_path: Path, out_dir: Path, tables_path: Path | None = None,
         first: FirstPass | None = None) -> tuple[LinkSummary, TableStore]:
    """Run the cross-meeting stages on ``meetings_path`` (rewritten in place); write the people files; return
    a summary and the finished knowledge tables (with their search index), in a database at ``tables_path``
    (or in memory).  ``first``: pass 1, already made over exactly the file's records (it is used up)."""
    if first is None:
        first = FirstPass()
        for rec in iter_records(meetings_path):
            first.see(rec)
    registry, closure = first.registry, first.closure
    first.closure = None  # freed with the local name below, before the tables grow
    closure.prepare()
    for k, rec in enumerate(iter_records(meetings_path)):
        closure.scan(k, rec)
    statuses = closure.settle()
    del closure  # its word indexes and matches: freed before the tables grow
    counts: Counter = Counter()
    store = TableStore(tables_path, registry, search=True)
    with jsonl_writer(meetings_path) as write:  # a temporary file, renamed over the one being read at the end
        for k, rec in enumerate(iter_records(meetings_path)):
            for p in rec.get("people") or []:
                p["person_id"] = registry.person_id(rec.get("id", ""), p.get("name", "")) or p.get("person_id")
            _owner_ids(rec)
            for i, item in enumerate(rec.get("items") or []):
                for j, fu in enumerate(item.get("follow_ups") or []):
                    fu.update(statuses.pop((k, i, j)))
                    counts[fu["status"]] += 1
            store.add(rec)
            write(rec)
    summary = LinkSummary(statuses=dict(counts))
    with (jsonl_writer(out_dir / "people.jsonl") as write_person,
          jsonl_writer(out_dir / "person_roles.jsonl") as write_role):
        for person, roles in registry.iter_people():
            write_person(person)
            for row in roles:
                write_role(row)
            store.add_person(person, roles)
            summary.people += 1
            summary.appearances += len(roles)
    return summary, store.finish()
