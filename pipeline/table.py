"""The cross-meeting knowledge tables: pandas DataFrames built from ``meetings.jsonl``.

One row per thing a user asks about — a meeting, an agenda item, a resolution
clause, a person at a meeting, a follow-up — keyed by the stable identifiers of
DESIGN.md (``meeting_id``, ``item_id``, ``decision_id``, ``person_id``,
``followup_id``), so a row can always be traced back to its meeting record and,
through offsets, to the sentence it came from.  Lists are stored twice: joined
with "; " in the wide table (readable in a spreadsheet) and as a long table
(``item_topics``, ``decision_types``) for queries.  :class:`TableBuilder` takes
records one at a time (a corpus never has to fit in memory, only its rows);
:mod:`pipeline.tablefiles` writes the tables as CSV, JSONL, Parquet and SQLite.
Keys, columns and indexes are in :mod:`pipeline.tablespec`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

import pandas as pd

from .entities.registry import PersonRegistry, slug
from .tablespec import COLUMNS, FLOATS, INDEXES, JOIN, KEYS, RECURRING_MIN_MEETINGS
from .topics import topic_ids

__all__ = ["INDEXES", "KEYS", "STATUSES", "TableBuilder", "build_tables", "followups_frame", "select_followups"]
STATUSES = ("open", "overdue", "closed", "carried_forward", "unknown")
CHUNK_ROWS = 20_000  # rows kept as tuples before they become a (much smaller) DataFrame chunk


def _meeting_fields(rec: dict) -> dict:
    m = rec.get("meeting") or {}
    return {"meeting_id": rec["id"], "body_id": m.get("body_id"), "date": m.get("date")}


def _meeting_row(rec: dict, base: dict) -> dict:
    m, prov = rec.get("meeting") or {}, rec.get("provenance") or {}
    return {**base, "body": m.get("committee"), "time": m.get("time"), "venue": m.get("venue"),
            "source": rec.get("source"), "path": prov.get("path"), "url": prov.get("url"),
            "format": prov.get("format"), "sha256": prov.get("sha256"), "pages": len(prov.get("pages") or []) or None,
            "words": rec.get("words"), "items": len(rec.get("items") or []),
            "pipeline_version": rec.get("pipeline_version")}


def _item_row(it: dict, base: dict) -> dict:
    return {"item_id": it["id"], **base, "number": it.get("number"), "ordinal": it.get("ordinal"),
            "title": it.get("title"), "topics": JOIN.join(it.get("topics") or []),
            "decisions": len(it.get("decisions") or []), "follow_ups": len(it.get("follow_ups") or []),
            "truncated": bool(it.get("truncated")), "start": it.get("start"), "end": it.get("end")}


def _decision_row(d: dict, it: dict, base: dict) -> dict:
    return {"decision_id": d["id"], "item_id": it["id"], **base, "item_title": it.get("title"),
            "label": d.get("label"), "types": JOIN.join(d.get("types") or []), "text": " ".join(d["text"].split()),
            "origin": d.get("origin"), "start": d.get("start"), "end": d.get("end")}


def _followup_row(f: dict, it: dict, base: dict) -> dict:
    ev = f.get("status_evidence") or {}
    span = f.get("evidence_span") or {}
    return {"followup_id": f["id"], "item_id": it["id"], **base, "item_title": it.get("title"),
            "owner": f.get("owner"), "owner_id": f.get("owner_id"), "action": f.get("action"), "due": f.get("due"),
            "due_date": f.get("due_date"), "status": f.get("status") or "unknown", "status_evidence": ev.get("text"),
            "status_meeting_id": ev.get("meeting_id"), "status_item_id": ev.get("item_id"),
            "status_date": ev.get("date"), "status_score": ev.get("score"),
            "evidence": " ".join(str(f.get("evidence") or "").split()), "evidence_start": span.get("start"),
            "evidence_end": span.get("end"), "confidence": f.get("confidence")}


def meeting_rows(rec: dict) -> tuple[dict, list[tuple[dict, list[dict], list[dict]]]]:
    """One record's table rows, nested: the meeting row and, per item in agenda order, (item row, decision
    rows, follow-up rows) — what a page about one meeting shows, without building any table."""
    base = _meeting_fields(rec)
    items = sorted(rec.get("items") or [], key=lambda it: it.get("ordinal") or 0)
    return _meeting_row(rec, base), [(_item_row(it, base),
                                      [_decision_row(d, it, base) for d in it.get("decisions") or []],
                                      [_followup_row(f, it, base) for f in it.get("follow_ups") or []])
                                     for it in items]


class TableBuilder:
    """Accumulates table rows record by record; :meth:`frames` returns the DataFrames.

    ``registry``: a person registry already filled with these records (the link stage has one); without it
    the builder registers the people itself as records arrive.
    """

    def __init__(self, registry: PersonRegistry | None = None, only: tuple[str, ...] | None = None):
        self.registry = registry
        self.own_registry = registry is None
        if self.own_registry:
            self.registry = PersonRegistry()
        self.only = only
        self.rows: dict[str, list[dict]] = {name: [] for name in KEYS}
        self.chunks: dict[str, list[pd.DataFrame]] = {name: [] for name in KEYS}
        self.orgs: list[tuple[str, str, str, str | None, str | None, str | None]] = []
        self.topic_counts: list[tuple[dict, Counter]] = []

    def _keep(self, name: str, row: dict) -> None:
        """Rows are kept as tuples in the table's column order (a third of the memory of dicts), and every
        ``CHUNK_ROWS`` of them become a DataFrame chunk (Arrow-backed strings: a third of that again)."""
        rows = self.rows[name]
        rows.append(tuple(row.get(c) for c in COLUMNS[name]))
        if len(rows) >= CHUNK_ROWS:
            self.chunks[name].append(pd.DataFrame.from_records(rows, columns=COLUMNS[name]))
            self.rows[name] = []

    def add(self, rec: dict) -> None:
        base = _meeting_fields(rec)
        keep = self._keep
        if self.only is None:
            keep("meetings", _meeting_row(rec, base))
            if self.own_registry:
                self.registry.add_meeting(rec)
            for org in rec.get("organisations") or []:
                name = org if isinstance(org, str) else org.get("name", "")
                expansion = org.get("expansion") if isinstance(org, dict) else None
                if slug(name):
                    self.orgs.append((base["date"] or "", rec["id"], slug(name), name, expansion, base["body_id"]))
        counts: Counter = Counter()
        for it in rec.get("items") or []:
            if self.only is None:
                keep("items", _item_row(it, base))
                for t in it.get("topics") or []:
                    keep("item_topics", {"item_id": it["id"], "topic": t, **base})
                counts.update(it.get("topics") or [])
                for d in it.get("decisions") or []:
                    keep("decisions", _decision_row(d, it, base))
                    scores = d.get("type_scores") or {}
                    for t in d.get("types") or []:
                        keep("decision_types", {"decision_id": d["id"], "type": t, "score": scores.get(t), **base})
            for f in it.get("follow_ups") or []:
                keep("followups", _followup_row(f, it, base))
        if self.only is None:
            self.topic_counts.append((base, counts))

    def frames(self) -> dict[str, pd.DataFrame]:
        if self.only is not None:
            return {name: _frame(self.rows[name], name, self.chunks[name]) for name in self.only}
        people, roles = self.registry.tables()
        self.rows["people"] = [{k: JOIN.join(v) if isinstance(v, list) else v for k, v in p.items()} for p in people]
        self.rows["person_roles"] = roles
        self.rows["organisations"], self.rows["meeting_organisations"] = _organisation_rows(self.orgs)
        tables = {}
        for name in KEYS:
            if name not in ("topic_recurrence", "topic_by_meeting"):
                tables[name] = _frame(self.rows[name], name, self.chunks[name])
                self.rows[name], self.chunks[name] = [], []  # the frame holds them now
        tables["topic_recurrence"], tables["topic_by_meeting"] = _topic_frames(self.topic_counts)
        return {name: tables[name] for name in KEYS}


def _organisation_rows(orgs: list[tuple]) -> tuple[list[dict], list[dict]]:
    seen: dict[str, dict] = {}
    links, linked = [], set()
    for date, meeting_id, oid, name, expansion, body in sorted(orgs, key=lambda o: (o[0], o[1])):
        row = seen.setdefault(oid, {"organisation_id": oid, "name": name, "expansion": None, "meetings": 0,
                                    "bodies": set(), "first_seen": date or None, "last_seen": date or None})
        row["expansion"] = expansion or row["expansion"]
        if (meeting_id, oid) not in linked:
            linked.add((meeting_id, oid))
            row["meetings"] += 1
            links.append({"meeting_id": meeting_id, "organisation_id": oid, "name_as_written": name})
        row["bodies"].add(body or "")
        row["last_seen"] = date or row["last_seen"]
    orgs_out = [{**r, "bodies": JOIN.join(sorted(b for b in r["bodies"] if b))} for r in seen.values()]
    return orgs_out, links


def _topic_frames(per_meeting: list[tuple[dict, Counter]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``topic_recurrence`` (per body and topic) and ``topic_by_meeting`` (items per topic per meeting)."""
    labels = topic_ids()
    by_meeting = [{**base, **{t: counts.get(t, 0) for t in labels}, **{t: n for t, n in counts.items()
                                                                         if t not in labels}}
                  for base, counts in per_meeting]
    matrix = _frame(by_meeting, "topic_by_meeting").fillna(0)
    rows = []
    for body, group in matrix.groupby(matrix["body_id"].fillna(""), sort=True):
        group = group.sort_values(["date", "meeting_id"])
        years = group["date"].fillna("").str[:4]
        per_year = years.value_counts()
        for topic in [c for c in group.columns if c not in ("meeting_id", "body_id", "date")]:
            present = group[topic] > 0
            if not present.any():
                continue
            dates = group.loc[present, "date"].dropna()
            share = (years[present].value_counts() / per_year).dropna().sort_index()
            rows.append({"body_id": body or None, "topic": topic, "meetings": int(present.sum()),
                         "body_meetings": len(group), "items": int(group[topic].sum()),
                         "first_date": dates.min() if len(dates) else None,
                         "last_date": dates.max() if len(dates) else None,
                         "years_active": int(years[present].nunique()),
                         "share_by_year": json.dumps({y: round(float(s), 3) for y, s in share.items() if y}),
                         "longest_run": _longest_run(present.tolist()),
                         "recurring": bool(present.sum() >= RECURRING_MIN_MEETINGS)})
    return _frame(rows, "topic_recurrence"), matrix


def _longest_run(flags: Iterable[bool]) -> int:
    best = run = 0
    for f in flags:
        run = run + 1 if f else 0
        best = max(best, run)
    return best


def _frame(rows: list[dict] | list[tuple], name: str, chunks: list[pd.DataFrame] | None = None) -> pd.DataFrame:
    """Rows (after any earlier ``chunks`` of them) as a DataFrame with the table's columns, sorted by its key
    (deterministic output), keys unique."""
    if chunks:
        columns = COLUMNS[name]
        df = pd.DataFrame.from_records(rows, columns=columns) if rows else chunks[0].iloc[0:0]
        # a column all missing in one chunk is "object" there: re-infer so the dtypes are those of one frame
        df = pd.concat([*chunks, df], ignore_index=True).infer_objects()
    elif rows and isinstance(rows[0], tuple):
        columns = COLUMNS[name]
        df = pd.DataFrame.from_records(rows, columns=columns)
    else:
        columns = COLUMNS[name] + [c for c in (rows[0] if rows else {}) if c not in COLUMNS[name]]
        df = pd.DataFrame(rows, columns=columns)
    for col in FLOATS & set(columns):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    key = KEYS[name]
    df = df.drop_duplicates(subset=key, keep="first")
    return df.sort_values(key, kind="stable", na_position="first").reset_index(drop=True)


def build_tables(records: Iterable[dict]) -> dict[str, pd.DataFrame]:
    """Every knowledge table from meeting records (as written to ``meetings.jsonl``), one record at a time."""
    builder = TableBuilder()
    for rec in records:
        builder.add(rec)
    return builder.frames()


def followups_frame(records: Iterable[dict]) -> pd.DataFrame:
    builder = TableBuilder(only=("followups",))
    for rec in records:
        builder.add(rec)
    return builder.frames()["followups"]


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
