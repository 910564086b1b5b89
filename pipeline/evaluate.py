"""Score extracted meetings against gold annotations, stage by stage.

The figures are those of the project's reference scorer (``corpus/README.md``:
meetings matched by the stem of ``source``, items by title, decisions by text,
follow-ups by evidence overlap, people by first initial + surname); a test
checks that both give the same numbers.  This module adds the grouping into
stages for the ``minutes evaluate`` table and a header row.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PROCEDURAL_TOPIC = "partnership_governance"  # procedural items; scored apart
HONORIFICS = r"\b(mr|mrs|ms|miss|dr|prof|cllr|councillor|cc|mp|obe|mbe|qpm|jp|sir|dame|rev)\b\.?"


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


def name_key(s: str) -> str:
    toks = re.sub(HONORIFICS, " ", norm(s)).split()
    return f"{toks[0][0]} {toks[-1]}" if toks else ""


def overlap(a: str, b: str) -> float:
    ta, tb = set(norm(a).split()), set(norm(b).split())
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if ngold == 0 else 0.0)
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_greedy(gold: list, pred: list, sim, threshold: float) -> list[tuple[int, int]]:
    cands = sorted(((sim(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for s, gi, pi in cands:
        if s < threshold:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class Counts:
    meetings: int = 0
    missing: int = 0
    seg_meetings: int = 0
    items_exact: int = 0
    titles_g: int = 0
    titles_hit: int = 0
    dec_tp: int = 0
    dec_p: int = 0
    dec_g: int = 0
    dtype_ok: int = 0
    top_tp: int = 0
    top_p: int = 0
    top_g: int = 0
    sub_tp: int = 0
    sub_p: int = 0
    sub_g: int = 0
    per_tp: int = 0
    per_p: int = 0
    per_g: int = 0
    org_tp: int = 0
    org_p: int = 0
    org_g: int = 0
    role_tp: int = 0
    role_g: int = 0
    fu_tp: int = 0
    fu_p: int = 0
    fu_g: int = 0
    fu_owner_ok: int = 0
    fu_due_ok: int = 0
    header_ok: int = 0
    header_g: int = 0
    prole_tp: int = 0  # person -> role pairs (predicted person with a role that matches the gold person's)
    prole_p: int = 0
    prole_g: int = 0
    porg_tp: int = 0
    porg_p: int = 0
    porg_g: int = 0


def _title_sim(a: dict, b: dict) -> float:
    return overlap(a.get("title") or "", b.get("title") or "") if a.get("title") and b.get("title") else 0.0


def _score_items(c: Counts, gi: list[dict], pi: list[dict], titles_missing: bool) -> None:
    if not titles_missing:
        c.seg_meetings += 1
        c.items_exact += len(gi) == len(pi)
        ptitles = {norm(x.get("title") or "") for x in pi}
        titled = [x for x in gi if x.get("title")]
        c.titles_g += len(titled)
        c.titles_hit += sum(norm(x["title"]) in ptitles for x in titled)
        pairs = match_greedy(gi, pi, _title_sim, 0.6)
        used_g, used_p = {a for a, _ in pairs}, {b for _, b in pairs}
        pairs += [(k, k) for k in range(min(len(gi), len(pi)))
                  if not gi[k].get("title") and k not in used_g and k not in used_p]
    else:
        pairs = [(k, k) for k in range(min(len(gi), len(pi)))]
    for a, b in pairs:
        gt, pt = set(gi[a].get("topics") or []), set(pi[b].get("topics") or [])
        c.top_tp += len(gt & pt)
        c.top_g += len(gt)
        c.top_p += len(pt)
        gs, ps = gt - {PROCEDURAL_TOPIC}, pt - {PROCEDURAL_TOPIC}
        c.sub_tp += len(gs & ps)
        c.sub_g += len(gs)
        c.sub_p += len(ps)
    matched_g, matched_p = {a for a, _ in pairs}, {b for _, b in pairs}
    for a in set(range(len(gi))) - matched_g:
        c.top_g += len(gi[a].get("topics") or [])
        c.sub_g += len(set(gi[a].get("topics") or []) - {PROCEDURAL_TOPIC})
    for b in set(range(len(pi))) - matched_p:
        c.top_p += len(pi[b].get("topics") or [])
        c.sub_p += len(set(pi[b].get("topics") or []) - {PROCEDURAL_TOPIC})


def _decision_sim(a: dict, b: dict) -> float:
    if norm(a["text"]) == norm(b.get("text", "")):
        return 1.0
    return 0.9 if overlap(a["text"], b.get("text", "")) >= 0.9 else 0.0


def _followup_sim(a: dict, b: dict) -> float:
    return overlap(a.get("evidence", "") or a.get("action", ""), b.get("evidence", "") or b.get("action", ""))


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def due_agrees(gold: str | None, pred: dict) -> bool:
    """Does a matched follow-up's due agree with the gold's?  The gold gives an ISO date (the predicted
    ``due_date`` must equal it), a phrase as written (the predicted phrase must share 60% of its words), or null
    (no due predicted)."""
    if not gold:
        return not pred.get("due") and not pred.get("due_date")
    if ISO_DATE.match(gold.strip()):
        return pred.get("due_date") == gold.strip()
    return bool(pred.get("due")) and overlap(gold, pred["due"]) >= 0.6


def _matched(gi: list[dict], pi: list[dict], field: str, sim, threshold: float):
    """All ``field`` records of the gold and predicted items, and their greedy matching."""
    g = [x for it in gi for x in it.get(field) or []]
    p = [x for it in pi for x in it.get(field) or []]
    return g, p, match_greedy(g, p, sim, threshold)


def _score_meeting(c: Counts, g: dict, p: dict) -> None:
    gi, pi = g.get("items", []), p.get("items", []) or []
    _score_items(c, gi, pi, bool(g.get("titles_missing")))
    gd, pd_, dp = _matched(gi, pi, "decisions", _decision_sim, 0.9)
    c.dec_tp, c.dec_p, c.dec_g = c.dec_tp + len(dp), c.dec_p + len(pd_), c.dec_g + len(gd)
    c.dtype_ok += sum(set(gd[a].get("types", [])) == set(pd_[b].get("types") or []) for a, b in dp)
    gf, pf, fp = _matched(gi, pi, "follow_ups", _followup_sim, 0.6)
    c.fu_tp, c.fu_p, c.fu_g = c.fu_tp + len(fp), c.fu_p + len(pf), c.fu_g + len(gf)
    for a, b in fp:
        go, po = gf[a].get("owner"), pf[b].get("owner")
        if (not go and not po) or (go and po and (overlap(go, po) >= 0.5 or name_key(go) == name_key(po))):
            c.fu_owner_ok += 1
        c.fu_due_ok += due_agrees(gf[a].get("due"), pf[b])
    _score_people(c, g.get("people", []), p.get("people", []) or [])
    go = {norm(o) for o in g.get("organisations", [])}
    po = {norm(o if isinstance(o, str) else o.get("name", "")) for o in p.get("organisations", []) or []}
    c.org_tp += len(go & po)
    c.org_p += len(po)
    c.org_g += len(go)
    for key, value in (g.get("meeting") or {}).items():
        c.header_g += 1
        predicted = (p.get("meeting") or {}).get(key)
        c.header_ok += norm(str(predicted)) == norm(str(value)) if value is not None else predicted is None


def _score_people(c: Counts, gp: list[dict], pp: list[dict]) -> None:
    pkeys = [name_key(x.get("name", "")) for x in pp]
    used: set[int] = set()
    c.prole_p += sum(bool(x.get("role")) for x in pp)
    c.porg_p += sum(bool(x.get("organisation")) for x in pp)
    c.prole_g += sum(bool(x.get("role")) for x in gp)
    c.porg_g += sum(bool(x.get("organisation")) for x in gp)
    for person in gp:
        keys = {name_key(person["name"])} | {name_key(a) for a in person.get("aliases", []) or []}
        hit = next((i for i, k in enumerate(pkeys) if k in keys and i not in used), None)
        if hit is not None:
            used.add(hit)
            c.per_tp += 1
            for field, attr in (("role", "prole_tp"), ("organisation", "porg_tp")):
                g, p = person.get(field), pp[hit].get(field)
                if g and p and (norm(g) == norm(p) or overlap(g, p) >= 0.6):
                    setattr(c, attr, getattr(c, attr) + 1)
            if person.get("role"):
                c.role_g += 1
                pr = pp[hit].get("role") or ""
                c.role_tp += bool(pr) and overlap(person["role"], pr) >= 0.6
        elif person.get("role"):
            c.role_g += 1
    c.per_p += len(pkeys)
    c.per_g += len(gp)


def score(pred: dict[str, dict], golds: dict[str, dict]) -> dict[str, float]:
    """Metrics over ``golds`` (stem -> gold meeting) given ``pred`` (stem -> predicted meeting)."""
    c = Counts()
    for stem, g in golds.items():
        c.meetings += 1
        p = pred.get(stem)
        if p is None:
            c.missing += 1
            p = {"items": [], "people": [], "organisations": []}
        _score_meeting(c, g, p)
    m: dict[str, float] = {"meetings": c.meetings, "missing": c.missing}
    m["items_exact_rate"] = c.items_exact / (c.seg_meetings or 1)
    m["title_recall"] = c.titles_hit / c.titles_g if c.titles_g else 1.0
    m["decision_p"], m["decision_r"], m["decision_f1"] = prf(c.dec_tp, c.dec_p, c.dec_g)
    m["decision_type_acc"] = c.dtype_ok / c.dec_g if c.dec_g else 1.0
    m["topic_p"], m["topic_r"], m["topic_f1"] = prf(c.top_tp, c.top_p, c.top_g)
    m["topic_sub_p"], m["topic_sub_r"], m["topic_sub_f1"] = prf(c.sub_tp, c.sub_p, c.sub_g)
    m["person_p"], m["person_r"], m["person_f1"] = prf(c.per_tp, c.per_p, c.per_g)
    m["role_recall"] = c.role_tp / c.role_g if c.role_g else 1.0
    m["org_p"], m["org_r"], m["org_f1"] = prf(c.org_tp, c.org_p, c.org_g)
    m["followup_p"], m["followup_r"], m["followup_f1"] = prf(c.fu_tp, c.fu_p, c.fu_g)
    m["followup_owner_acc"] = c.fu_owner_ok / c.fu_tp if c.fu_tp else 0.0
    m["followup_due_acc"] = c.fu_due_ok / c.fu_tp if c.fu_tp else 0.0
    m["header_field_acc"] = c.header_ok / c.header_g if c.header_g else 1.0
    m["person_role_p"], m["person_role_r"], m["person_role_f1"] = prf(c.prole_tp, c.prole_p, c.prole_g)
    m["person_org_p"], m["person_org_r"], m["person_org_f1"] = prf(c.porg_tp, c.porg_p, c.porg_g)
    return m


STAGES: list[tuple[str, list[str]]] = [
    ("header", ["header_field_acc"]),
    ("segmentation", ["items_exact_rate", "title_recall", "decision_p", "decision_r", "decision_f1"]),
    ("decision types", ["decision_type_acc", "decision_type_macro_f1"]),
    ("topics", ["topic_p", "topic_r", "topic_f1", "topic_macro_f1", "topic_sub_p", "topic_sub_r", "topic_sub_f1"]),
    ("entities", ["person_p", "person_r", "person_f1", "role_recall", "person_role_p", "person_role_r",
                  "person_role_f1", "person_org_p", "person_org_r", "person_org_f1", "org_p", "org_r", "org_f1"]),
    ("follow-ups", ["followup_p", "followup_r", "followup_f1", "followup_owner_acc", "followup_due_acc"]),
]


# which prediction fields show that a stage ran at all
STAGE_OUTPUTS = {
    "decision types": lambda r: any(d.get("types") for i in r.get("items") or [] for d in i.get("decisions") or []),
    "topics": lambda r: any(i.get("topics") for i in r.get("items") or []),
    "entities": lambda r: bool(r.get("people") or r.get("organisations")),
    "follow-ups": lambda r: any(i.get("follow_ups") for i in r.get("items") or []),
}


def stages_run(records: list[dict]) -> set[str]:
    """Stage names whose outputs appear in any prediction (header and segmentation always run)."""
    ran = {"header", "segmentation"}
    ran.update(name for name, has in STAGE_OUTPUTS.items() if any(has(r) for r in records))
    return ran


def stem_of(source: str) -> str:
    return Path(str(source)).stem


def load_gold(gold_dir: str | Path, only: set[str] | None = None) -> dict[str, dict]:
    out = {}
    for f in sorted(Path(gold_dir).glob("*.json")):
        if only is None or f.stem in only:
            out[f.stem] = json.loads(f.read_text(encoding="utf-8"))
    return out


def predictions_by_stem(records: list[dict]) -> dict[str, dict]:
    return {stem_of(r.get("source", "")): r for r in records}
