"""The cross-meeting knowledge tables: pandas DataFrames built from ``meetings.jsonl``.

One row per thing a user asks about — a meeting, an agenda item, a resolution
clause, a person at a meeting, a follow-up — keyed by the stable identifiers of
DESIGN.md (``meeting_id``, ``item_id``, ``decision_id``, ``person_id``,
``followup_id``), so a row can always be traced back to its meeting record and,
through offsets, to the sentence it came from.  Lists are stored twice: joined
with "; " in the wide table (readable in a spreadsheet) and as a long table
(``item_topics``, ``decision_types``) for queries.  :class:`TableStore` takes
records one at a time and streams their rows into SQLite (neither the corpus
nor any table has to fit in memory); :mod:`pipeline.tablefiles` exports the
tables from there as CSV, JSONL and Parquet.  Keys, columns and types are in
:mod:`pipeline.tablespec`.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .entities.registry import PersonRegistry, slug
from .search import create_index, finish_index, index_record
from .tablefiles import create_indexes, create_table, q, read_table
from .tablerows import (
    decision_row,
    followup_row,
    item_row,
    meeting_fields,
    meeting_row,
    organisation_rows,
    topic_recurrence,
)
from .tablespec import COLUMNS, INDEXES, JOIN, KEYS, MEETING
from .topics import topic_ids

__all__ = ["INDEXES", "KEYS", "STATUSES", "TableStore", "build_tables", "followups_frame", "select_followups"]
STATUSES = ("open", "overdue", "closed", "carried_forward", "unknown")
FLUSH_ROWS = 5_000  # rows of a table kept before they go into the database together


class TableStore:
    """Table rows streamed into SQLite as records arrive: memory stays flat however many meetings come.

    ``path``: the database file to build (a temporary name; :meth:`save` renames it into place), or ``None``
    for one in memory.  ``registry``: a person registry already filled with these records (the link stage
    has one); without it the store registers the people itself.  ``search``: also build the full-text index.
    ``only``: fill just these tables (from the follow-ups, say).  Rows keep their first version when a key
    repeats.  Call :meth:`finish` once every record is in; then read tables with :meth:`frame`.
    """

    def __init__(self, path: Path | None = None, registry: PersonRegistry | None = None, search: bool = False,
                 only: tuple[str, ...] | None = None):
        self.path = path
        if path is not None:
            path.unlink(missing_ok=True)
        self.con = sqlite3.connect(path or ":memory:")
        self.con.execute("PRAGMA journal_mode=OFF")  # a temporary file until renamed: nothing to roll back to
        self.con.execute("PRAGMA synchronous=OFF")
        self.registry = registry if registry is not None else PersonRegistry()
        self.own_registry = registry is None
        self.only = only
        self.names = list(only or KEYS)
        # columns of topic_by_meeting (a dict: ordered, quick to test); a topic outside the taxonomy adds one
        self.topics = dict.fromkeys(topic_ids())
        self.topic_insert = _insert_sql("topic_by_meeting", [*MEETING, *self.topics])
        for name in self.names:
            create_table(self.con, name, COLUMNS[name] + (list(self.topics) if name == "topic_by_meeting" else []))
        self.con.execute("CREATE TEMP TABLE mentions (date, meeting_id, organisation_id, name, expansion, body_id)")
        self.rows: dict[str, list[tuple]] = {name: [] for name in [*self.names, "mentions"]}
        self.search = search
        if search:
            create_index(self.con)

    def _keep(self, name: str, row: dict) -> None:
        self._keep_values(name, tuple(row.get(c) for c in COLUMNS[name]))

    def _keep_values(self, name: str, values: tuple) -> None:
        rows = self.rows[name]
        rows.append(values)
        if len(rows) >= FLUSH_ROWS:
            self._flush(name)

    def _flush(self, name: str) -> None:
        rows = self.rows[name]
        if rows:
            table = "temp.mentions" if name == "mentions" else q(name)
            self.con.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
            self.rows[name] = []

    def add(self, rec: dict) -> None:
        base = meeting_fields(rec)
        keep = self._keep
        if self.only is None:
            keep("meetings", meeting_row(rec, base))
            if self.own_registry:
                self.registry.add_meeting(rec)
            for org in rec.get("organisations") or []:
                name = org if isinstance(org, str) else org.get("name", "")
                expansion = org.get("expansion") if isinstance(org, dict) else None
                if slug(name):
                    self._keep_values("mentions", (base["date"] or "", rec["id"], slug(name), name, expansion,
                                                   base["body_id"]))
        counts: Counter = Counter()
        for it in rec.get("items") or []:
            if self.only is None:
                keep("items", item_row(it, base))
                for t in it.get("topics") or []:
                    keep("item_topics", {"item_id": it["id"], "topic": t, **base})
                counts.update(it.get("topics") or [])
                for d in it.get("decisions") or []:
                    keep("decisions", decision_row(d, it, base))
                    scores = d.get("type_scores") or {}
                    for t in d.get("types") or []:
                        keep("decision_types", {"decision_id": d["id"], "type": t, "score": scores.get(t), **base})
            for f in it.get("follow_ups") or []:
                keep("followups", followup_row(f, it, base))
        if self.only is None:
            self._topic_counts(base, counts)
            if self.search:
                index_record(self.con, rec)

    def fill(self, records: Iterable[dict]) -> TableStore:
        """Every record of ``records``, then :meth:`finish`."""
        for rec in records:
            self.add(rec)
        return self.finish()

    def _topic_counts(self, base: dict, counts: Counter) -> None:
        if new := sorted(t for t in counts if t not in self.topics):
            for topic in new:
                self.con.execute(f"ALTER TABLE topic_by_meeting ADD COLUMN {q(topic)} INTEGER NOT NULL DEFAULT 0")
            self.topics.update(dict.fromkeys(new))
            self.topic_insert = _insert_sql("topic_by_meeting", [*MEETING, *self.topics])
        self.con.execute(self.topic_insert, [base[c] for c in MEETING] + [counts.get(t, 0) for t in self.topics])

    def add_person(self, person: dict, roles: list[dict]) -> None:
        """A person's ``people`` row and ``person_roles`` rows (see :meth:`PersonRegistry.iter_people`): given by
        a caller that has its own registry, added by :meth:`finish` otherwise."""
        self._keep("people", {k: JOIN.join(v) if isinstance(v, list) else v for k, v in person.items()})
        for row in roles:
            self._keep("person_roles", row)

    def finish(self) -> TableStore:
        """The tables that need every record (people, organisations, topic recurrence), then the indexes."""
        for name in self.rows:
            self._flush(name)
        if self.only is None:
            if self.own_registry:
                for person, roles in self.registry.iter_people():
                    self.add_person(person, roles)
            cursor = self.con.execute("SELECT * FROM temp.mentions ORDER BY date, meeting_id, rowid")
            for name, row in organisation_rows(cursor):
                self._keep(name, row)
            for row in topic_recurrence(read_table(self.con, "topic_by_meeting")):
                self._keep("topic_recurrence", row)
            for name in self.rows:
                self._flush(name)
            if self.search:
                finish_index(self.con)
        self.registry = None  # its people are in the tables now; a long corpus has a big registry
        self.con.execute("DROP TABLE temp.mentions")
        for name in self.names:
            create_indexes(self.con, name)
        self.con.commit()
        return self

    def frame(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """A finished table (or some of its ``columns``) as a DataFrame, in key order."""
        return read_table(self.con, name, columns)

    def frames(self) -> dict[str, pd.DataFrame]:
        return {name: self.frame(name) for name in self.names}

    def save(self, path: Path) -> Path:
        """The database at ``path`` (atomically); the store is closed."""
        tmp = path.with_name(path.name + ".tmp")
        if self.path is not None and self.path.resolve() == tmp.resolve():
            self.con.close()
        else:
            tmp.unlink(missing_ok=True)
            target = sqlite3.connect(tmp)
            self.con.backup(target)
            target.close()
            self.close()
        os.replace(tmp, path)
        return path

    def close(self) -> None:
        """Close the database and remove its (temporary) file: what was not saved is discarded."""
        self.con.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def _insert_sql(table: str, columns: list[str]) -> str:
    return (f"INSERT OR IGNORE INTO {q(table)} ({', '.join(q(c) for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})")


def build_tables(records: Iterable[dict]) -> dict[str, pd.DataFrame]:
    """Every knowledge table from meeting records (as written to ``meetings.jsonl``), in an in-memory store."""
    store = TableStore().fill(records)
    tables = store.frames()
    store.close()
    return tables


def followups_frame(records: Iterable[dict]) -> pd.DataFrame:
    store = TableStore(only=("followups",)).fill(records)
    frame = store.frame("followups")
    store.close()
    return frame


def select_followups(frame: pd.DataFrame, statuses: Iterable[str] = (), owner: str | None = None) -> pd.DataFrame:
    """Follow-ups with one of ``statuses`` (all when empty) whose owner or owner id contains ``owner``."""
    keep = pd.Series(True, index=frame.index)
    statuses = list(statuses)
    if statuses:
        keep &= frame["status"].isin(statuses)
    if owner:
        needle = owner.lower()
        keep &= (frame["owner"].fillna("").str.lower().str.contains(needle, regex=False)
                 | frame["owner_id"].fillna("").str.lower().str.contains(needle, regex=False))
    return frame[keep].sort_values(["date", "followup_id"], kind="stable")
