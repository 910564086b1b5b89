"""Cross-meeting stages over ``meetings.jsonl``: one identity per person, follow-up closure.

Per-meeting extraction is streaming and parallel; these stages need all
meetings of a body in date order, so they run after extraction over the JSONL
file: people are registered across meetings (:mod:`pipeline.entities.registry`),
each record's ``person_id`` and each follow-up's ``owner_id`` are set from the
registry, follow-up statuses are decided (:mod:`pipeline.followups.closure`),
the file is rewritten atomically and the people tables are written beside it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .entities.registry import PersonRegistry
from .evaluate import name_key
from .extract import write_jsonl
from .followups.closure import assign_statuses


@dataclass
class LinkSummary:
    people: int = 0
    appearances: int = 0
    statuses: dict[str, int] = field(default_factory=dict)


class RecordError(ValueError):
    """A line of a meetings.jsonl file is not a meeting record; the message names the file and line."""


def read_records(path: Path) -> list[dict]:
    """The meeting records of a ``meetings.jsonl`` file, each a JSON object with an ``id``."""
    records = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordError(f"{path}: line {lineno}: not JSON ({exc.msg})") from exc
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                raise RecordError(f"{path}: line {lineno}: not a meeting record (no \"id\")")
            records.append(rec)
    return records


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


def link(meetings_path: Path, out_dir: Path) -> LinkSummary:
    """Run the cross-meeting stages on ``meetings_path`` (rewritten in place) and write the people tables."""
    records = read_records(meetings_path)
    registry = PersonRegistry()
    for rec in records:
        registry.add_meeting(rec)
    for rec in records:
        for p in rec.get("people") or []:
            p["person_id"] = registry.person_id(rec.get("id", ""), p.get("name", "")) or p.get("person_id")
        _owner_ids(rec)
    summary = LinkSummary(statuses=assign_statuses(records))
    tmp = meetings_path.with_name(meetings_path.name + ".linked")
    write_jsonl(records, tmp)
    os.replace(tmp, meetings_path)
    people, roles = registry.tables()
    write_jsonl(people, out_dir / "people.jsonl")
    write_jsonl(roles, out_dir / "person_roles.jsonl")
    summary.people, summary.appearances = len(people), len(roles)
    return summary
