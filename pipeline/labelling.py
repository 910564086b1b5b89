"""Labelling help: turn a meeting record into a pre-filled gold annotation to correct by hand.

Correcting predictions is much faster than annotating from scratch; the
output follows the gold schema of ``corpus/README.md`` exactly (plus a
``_prefilled_by`` note to delete once checked), so ``check_gold.py`` and
``minutes evaluate`` read it as is.
"""

from __future__ import annotations

from . import __version__


def prefill(record: dict, source: str) -> dict:
    header = record.get("meeting") or {}
    return {
        "_prefilled_by": f"minutes label {__version__}: predictions, not yet checked by a person",
        "source": source,
        "meeting": {k: header.get(k) for k in ("committee", "date", "time", "venue")},
        "items": [{
            "number": item["number"],
            "title": item["title"],
            "topics": item.get("topics") or [],
            "decisions": [{"text": " ".join(d["text"].split()), "types": d.get("types") or []}
                          for d in item.get("decisions") or []],
            "follow_ups": [{k: f.get(k) for k in ("owner", "action", "due")} |
                           {"evidence": " ".join(f["evidence"]["text"].split()) if isinstance(f.get("evidence"), dict)
                            else f.get("evidence")} for f in item.get("follow_ups") or []],
        } for item in record.get("items") or []],
        "people": [{"name": p["name"], "role": p.get("role"), "organisation": p.get("organisation"),
                    "aliases": p.get("aliases") or []} for p in record.get("people") or []],
        "organisations": [o["name"] if isinstance(o, dict) else o for o in record.get("organisations") or []],
    }
