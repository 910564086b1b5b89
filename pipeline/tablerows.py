"""One meeting record's rows of the knowledge tables, and the rows that need every record.

The row builders turn a linked meeting record into the rows of ``meetings``,
``items``, ``decisions`` and ``followups`` (the report's meeting pages use
them too); the aggregations build ``organisations`` / ``meeting_organisations``
from the organisation mentions in date order and ``topic_recurrence`` from the
meeting × topic matrix.  :class:`pipeline.table.TableStore` streams them into
the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

import pandas as pd

from .tablespec import JOIN, MEETING, RECURRING_MIN_MEETINGS


def meeting_fields(rec: dict) -> dict:
    m = rec.get("meeting") or {}
    return {"meeting_id": rec["id"], "body_id": m.get("body_id"), "date": m.get("date")}


def meeting_row(rec: dict, base: dict) -> dict:
    m, prov = rec.get("meeting") or {}, rec.get("provenance") or {}
    return {**base, "body": m.get("committee"), "time": m.get("time"), "venue": m.get("venue"),
            "source": rec.get("source"), "path": prov.get("path"), "url": prov.get("url"),
            "format": prov.get("format"), "sha256": prov.get("sha256"), "pages": len(prov.get("pages") or []) or None,
            "words": rec.get("words"), "items": len(rec.get("items") or []),
            "pipeline_version": rec.get("pipeline_version")}


def item_row(it: dict, base: dict) -> dict:
    return {"item_id": it["id"], **base, "number": it.get("number"), "ordinal": it.get("ordinal"),
            "title": it.get("title"), "topics": JOIN.join(it.get("topics") or []),
            "decisions": len(it.get("decisions") or []), "follow_ups": len(it.get("follow_ups") or []),
            "truncated": bool(it.get("truncated")), "start": it.get("start"), "end": it.get("end")}


def decision_row(d: dict, it: dict, base: dict) -> dict:
    return {"decision_id": d["id"], "item_id": it["id"], **base, "item_title": it.get("title"),
            "label": d.get("label"), "types": JOIN.join(d.get("types") or []), "text": " ".join(d["text"].split()),
            "origin": d.get("origin"), "start": d.get("start"), "end": d.get("end")}


def followup_row(f: dict, it: dict, base: dict) -> dict:
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
    base = meeting_fields(rec)
    items = sorted(rec.get("items") or [], key=lambda it: it.get("ordinal") or 0)
    return meeting_row(rec, base), [(item_row(it, base),
                                      [decision_row(d, it, base) for d in it.get("decisions") or []],
                                      [followup_row(f, it, base) for f in it.get("follow_ups") or []])
                                     for it in items]


def organisation_rows(mentions: Iterable[tuple]) -> Iterator[tuple[str, dict]]:
    """("meeting_organisations", row) as the (date, meeting, id, name, expansion, body) ``mentions`` come, in
    date order, then ("organisations", row) per organisation."""
    seen: dict[str, dict] = {}
    meeting, linked = None, set()  # a meeting's mentions come together: only its own links are remembered
    for date, meeting_id, oid, name, expansion, body in mentions:
        if meeting_id != meeting:
            meeting, linked = meeting_id, set()
        row = seen.setdefault(oid, {"organisation_id": oid, "name": name, "expansion": None, "meetings": 0,
                                    "bodies": set(), "first_seen": date or None, "last_seen": date or None})
        row["expansion"] = expansion or row["expansion"]
        if oid not in linked:
            linked.add(oid)
            row["meetings"] += 1
            yield "meeting_organisations", {"meeting_id": meeting_id, "organisation_id": oid, "name_as_written": name}
        row["bodies"].add(body or "")
        row["last_seen"] = date or row["last_seen"]
    for r in seen.values():
        yield "organisations", {**r, "bodies": JOIN.join(sorted(b for b in r["bodies"] if b))}


def topic_recurrence(matrix: pd.DataFrame) -> list[dict]:
    """``topic_recurrence`` rows (per body and topic) from ``topic_by_meeting`` (items per topic per meeting)."""
    rows = []
    for body, group in matrix.groupby(matrix["body_id"].fillna(""), sort=True):
        group = group.sort_values(["date", "meeting_id"])
        years = group["date"].fillna("").str[:4]
        per_year = years.value_counts()
        for topic in [c for c in group.columns if c not in MEETING]:
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
    return rows


def _longest_run(flags: Iterable[bool]) -> int:
    best = run = 0
    for f in flags:
        run = run + 1 if f else 0
        best = max(best, run)
    return best
