"""The cross-meeting knowledge tables: pandas DataFrames built from ``meetings.jsonl``.

One row per thing a user asks about — a meeting, an agenda item, a resolution
clause, a person at a meeting, a follow-up — keyed by the stable identifiers of
DESIGN.md (``meeting_id``, ``item_id``, ``decision_id``, ``person_id``,
``followup_id``), so a row can always be traced back to its meeting record and,
through offsets, to the sentence it came from.  Lists are stored twice: joined
with "; " in the wide table (readable in a spreadsheet) and as a long table
(``item_topics``, ``decision_types``) for queries.  :mod:`pipeline.tablefiles`
writes them as CSV, JSONL, Parquet and one SQLite database.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from .entities.registry import PersonRegistry, slug
from .topics import topic_ids

RECURRING_MIN_MEETINGS = 3  # a theme "keeps coming back" when items on it appear in this many meetings of a body
JOIN = "; "

# table -> primary key columns; every table written has one
KEYS: dict[str, list[str]] = {
    "meetings": ["meeting_id"],
    "items": ["item_id"],
    "item_topics": ["item_id", "topic"],
    "decisions": ["decision_id"],
    "decision_types": ["decision_id", "type"],
    "people": ["person_id"],
    "person_roles": ["person_id", "meeting_id"],
    "organisations": ["organisation_id"],
    "meeting_organisations": ["meeting_id", "organisation_id"],
    "followups": ["followup_id"],
    "topic_recurrence": ["body_id", "topic"],
    "topic_by_meeting": ["meeting_id"],
}
# the columns of every table with fixed columns, so that an empty table still has them (and a query on an
# empty corpus returns no rows instead of failing); ``topic_by_meeting`` adds one column per topic
MEETING = ["meeting_id", "body_id", "date"]
COLUMNS: dict[str, list[str]] = {
    "meetings": [*MEETING, "body", "time", "venue", "source", "path", "url", "format", "sha256", "pages", "words",
                 "items", "pipeline_version"],
    "items": ["item_id", *MEETING, "number", "ordinal", "title", "topics", "decisions", "follow_ups", "truncated",
              "start", "end"],
    "item_topics": ["item_id", "topic", *MEETING],
    "decisions": ["decision_id", "item_id", *MEETING, "item_title", "label", "types", "text", "origin", "start",
                  "end"],
    "decision_types": ["decision_id", "type", "score", *MEETING],
    "people": ["person_id", "name", "aliases", "bodies", "meetings", "first_seen", "last_seen", "latest_role",
               "latest_organisation"],
    "person_roles": ["person_id", "meeting_id", "date", "body_id", "name_as_written", "role", "organisation"],
    "organisations": ["organisation_id", "name", "expansion", "meetings", "bodies", "first_seen", "last_seen"],
    "meeting_organisations": ["meeting_id", "organisation_id", "name_as_written"],
    "followups": ["followup_id", "item_id", *MEETING, "item_title", "owner", "owner_id", "action", "due", "due_date",
                  "status", "status_evidence", "status_meeting_id", "status_item_id", "status_date", "status_score",
                  "evidence", "evidence_start", "evidence_end", "confidence"],
    "topic_recurrence": ["body_id", "topic", "meetings", "body_meetings", "items", "first_date", "last_date",
                         "years_active", "share_by_year", "longest_run", "recurring"],
    "topic_by_meeting": MEETING,
}
FLOATS = {"score", "status_score", "confidence"}
# columns worth an index beyond the key (what the questions in the README filter and join on)
INDEXES: dict[str, list[str]] = {
    "meetings": ["body_id", "date"],
    "items": ["meeting_id", "body_id", "date"],
    "item_topics": ["topic", "meeting_id", "body_id"],
    "decisions": ["item_id", "meeting_id", "date"],
    "decision_types": ["type"],
    "person_roles": ["meeting_id", "body_id", "date"],
    "meeting_organisations": ["organisation_id"],
    "followups": ["meeting_id", "item_id", "status", "owner_id", "date", "due_date"],
    "topic_recurrence": ["topic", "recurring"],
    "topic_by_meeting": ["body_id", "date"],
}


def _meeting_fields(rec: dict) -> dict:
    m = rec.get("meeting") or {}
    return {"meeting_id": rec["id"], "body_id": m.get("body_id"), "date": m.get("date")}


def meetings_frame(records: list[dict]) -> pd.DataFrame:
    rows = []
    for rec in records:
        m, prov = rec.get("meeting") or {}, rec.get("provenance") or {}
        rows.append({**_meeting_fields(rec), "body": m.get("committee"), "time": m.get("time"),
                     "venue": m.get("venue"), "source": rec.get("source"), "path": prov.get("path"),
                     "url": prov.get("url"), "format": prov.get("format"), "sha256": prov.get("sha256"),
                     "pages": len(prov.get("pages") or []) or None, "words": rec.get("words"),
                     "items": len(rec.get("items") or []), "pipeline_version": rec.get("pipeline_version")})
    return _frame(rows, "meetings")


def items_frames(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    items, topics = [], []
    for rec in records:
        base = _meeting_fields(rec)
        for it in rec.get("items") or []:
            items.append({"item_id": it["id"], **base, "number": it.get("number"), "ordinal": it.get("ordinal"),
                          "title": it.get("title"), "topics": JOIN.join(it.get("topics") or []),
                          "decisions": len(it.get("decisions") or []), "follow_ups": len(it.get("follow_ups") or []),
                          "truncated": bool(it.get("truncated")), "start": it.get("start"), "end": it.get("end")})
            topics += [{"item_id": it["id"], "topic": t, **base} for t in it.get("topics") or []]
    return _frame(items, "items"), _frame(topics, "item_topics")


def decisions_frames(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, types = [], []
    for rec in records:
        base = _meeting_fields(rec)
        for it in rec.get("items") or []:
            for d in it.get("decisions") or []:
                rows.append({"decision_id": d["id"], "item_id": it["id"], **base, "item_title": it.get("title"),
                             "label": d.get("label"), "types": JOIN.join(d.get("types") or []),
                             "text": " ".join(d["text"].split()), "origin": d.get("origin"),
                             "start": d.get("start"), "end": d.get("end")})
                scores = d.get("type_scores") or {}
                types += [{"decision_id": d["id"], "type": t, "score": scores.get(t), **base}
                          for t in d.get("types") or []]
    return _frame(rows, "decisions"), _frame(types, "decision_types")


def people_frames(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    registry = PersonRegistry()
    for rec in records:
        registry.add_meeting(rec)
    people, roles = registry.tables()
    people = [{k: JOIN.join(v) if isinstance(v, list) else v for k, v in p.items()} for p in people]
    return _frame(people, "people"), _frame(roles, "person_roles")


def organisation_frames(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    seen: dict[str, dict] = {}
    links, linked = [], set()
    for rec in sorted(records, key=lambda r: ((r.get("meeting") or {}).get("date") or "", r["id"])):
        base = _meeting_fields(rec)
        for org in rec.get("organisations") or []:
            name = org if isinstance(org, str) else org.get("name", "")
            oid = slug(name)
            if not oid:
                continue
            row = seen.setdefault(oid, {"organisation_id": oid, "name": name, "expansion": None, "meetings": 0,
                                        "bodies": set(), "first_seen": base["date"], "last_seen": base["date"]})
            if isinstance(org, dict) and org.get("expansion"):
                row["expansion"] = org["expansion"]
            if (base["meeting_id"], oid) not in linked:
                linked.add((base["meeting_id"], oid))
                row["meetings"] += 1
                links.append({"meeting_id": base["meeting_id"], "organisation_id": oid, "name_as_written": name})
            row["bodies"].add(base["body_id"] or "")
            row["last_seen"] = base["date"] or row["last_seen"]
    orgs = [{**r, "bodies": JOIN.join(sorted(b for b in r["bodies"] if b))} for r in seen.values()]
    return _frame(orgs, "organisations"), _frame(links, "meeting_organisations")


def followups_frame(records: list[dict]) -> pd.DataFrame:
    rows = []
    for rec in records:
        base = _meeting_fields(rec)
        for it in rec.get("items") or []:
            for f in it.get("follow_ups") or []:
                ev = f.get("status_evidence") or {}
                span = f.get("evidence_span") or {}
                rows.append({"followup_id": f["id"], "item_id": it["id"], **base, "item_title": it.get("title"),
                             "owner": f.get("owner"), "owner_id": f.get("owner_id"), "action": f.get("action"),
                             "due": f.get("due"), "due_date": f.get("due_date"),
                             "status": f.get("status") or "unknown", "status_evidence": ev.get("text"),
                             "status_meeting_id": ev.get("meeting_id"), "status_item_id": ev.get("item_id"),
                             "status_date": ev.get("date"), "status_score": ev.get("score"),
                             "evidence": " ".join(str(f.get("evidence") or "").split()),
                             "evidence_start": span.get("start"), "evidence_end": span.get("end"),
                             "confidence": f.get("confidence")})
    return _frame(rows, "followups")


STATUSES = ("open", "overdue", "closed", "carried_forward", "unknown")


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


def topic_frames(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``topic_recurrence`` (per body and topic) and ``topic_by_meeting`` (items per topic per meeting)."""
    labels = topic_ids()
    by_meeting: list[dict] = []
    for rec in records:
        counts: dict[str, int] = defaultdict(int)
        for it in rec.get("items") or []:
            for t in it.get("topics") or []:
                counts[t] += 1
        by_meeting.append({**_meeting_fields(rec), **{t: counts.get(t, 0) for t in labels},
                           **{t: n for t, n in counts.items() if t not in labels}})
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


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    """Rows as a DataFrame with the table's columns, sorted by its key (deterministic output), keys unique."""
    columns = COLUMNS[name] + [c for c in (rows[0] if rows else {}) if c not in COLUMNS[name]]
    df = pd.DataFrame(rows, columns=columns)
    for col in FLOATS & set(columns):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    key = KEYS[name]
    df = df.drop_duplicates(subset=key, keep="first")
    return df.sort_values(key, kind="stable", na_position="first").reset_index(drop=True)


def build_tables(records: list[dict]) -> dict[str, pd.DataFrame]:
    """Every knowledge table from meeting records (as written to ``meetings.jsonl``)."""
    records = sorted(records, key=lambda r: r["id"])
    tables = {"meetings": meetings_frame(records)}
    tables["items"], tables["item_topics"] = items_frames(records)
    tables["decisions"], tables["decision_types"] = decisions_frames(records)
    tables["people"], tables["person_roles"] = people_frames(records)
    tables["organisations"], tables["meeting_organisations"] = organisation_frames(records)
    tables["followups"] = followups_frame(records)
    tables["topic_recurrence"], tables["topic_by_meeting"] = topic_frames(records)
    return tables
