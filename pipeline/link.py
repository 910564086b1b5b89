"""Cross-meeting stages over ``meetings.jsonl``: one identity per person (more stages join later).

Per-meeting extraction is streaming and parallel; linking needs all meetings
of a body, so it runs after extraction over the JSONL file, two passes, in
constant memory per meeting: the first pass registers people, the second
rewrites each record's ``person_id`` to the cross-meeting id and the people
tables are written beside it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .entities.registry import PersonRegistry
from .extract import write_jsonl


def _records(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def link_people(meetings_path: Path, out_dir: Path) -> tuple[int, int]:
    """Assign cross-meeting person ids in ``meetings_path``; write ``people.jsonl`` and
    ``person_roles.jsonl`` to ``out_dir``.  Returns (people, appearances)."""
    registry = PersonRegistry()
    for rec in _records(meetings_path):
        registry.add_meeting(rec)

    def relinked():
        for rec in _records(meetings_path):
            for p in rec.get("people") or []:
                p["person_id"] = registry.person_id(rec.get("id", ""), p.get("name", "")) or p.get("person_id")
            yield rec

    tmp = meetings_path.with_name(meetings_path.name + ".linked")
    write_jsonl(relinked(), tmp)
    os.replace(tmp, meetings_path)
    people, roles = registry.tables()
    write_jsonl(people, out_dir / "people.jsonl")
    write_jsonl(roles, out_dir / "person_roles.jsonl")
    return len(people), len(roles)
