"""Per-label figures for the trained classifiers: topic and decision-type P/R/F1 and a confusion summary.

Items and clauses are aligned exactly as :func:`pipeline.evaluate.score` aligns them, so these figures break
down the same totals.
"""

from __future__ import annotations

from .evaluate import _decision_sim, _matched, _title_sim, match_greedy, prf


def label_report(pred: dict[str, dict], golds: dict[str, dict]) -> dict:
    """Per-label topic and decision-type figures and a decision-type confusion summary.

    Items are aligned by title and clauses by text, as in :func:`score`; each aligned pair contributes
    its label sets.
    """
    topic_pairs, type_pairs = [], []
    for stem, g in golds.items():
        p = pred.get(stem) or {"items": []}
        gi, pi = g.get("items", []), p.get("items", []) or []
        pairs = match_greedy(gi, pi, _title_sim, 0.6)
        used_g, used_p = {a for a, _ in pairs}, {b for _, b in pairs}
        pairs += [(k, k) for k in range(min(len(gi), len(pi))) if k not in used_g and k not in used_p]
        topic_pairs += [(set(gi[a].get("topics") or []), set(pi[b].get("topics") or [])) for a, b in pairs]
        gd, pd_, dp = _matched(gi, pi, "decisions", _decision_sim, 0.9)
        type_pairs += [(set(gd[a].get("types") or []), set(pd_[b].get("types") or [])) for a, b in dp]
    out = {"topics": _per_label(topic_pairs), "decision_types": _per_label(type_pairs)}
    confusion: dict[str, int] = {}
    for g, p in type_pairs:
        if g != p:
            key = f"{'+'.join(sorted(g)) or '-'} -> {'+'.join(sorted(p)) or '-'}"
            confusion[key] = confusion.get(key, 0) + 1
    out["decision_confusion"] = dict(sorted(confusion.items(), key=lambda kv: -kv[1]))
    return out


def _per_label(pairs: list[tuple[set[str], set[str]]]) -> dict:
    labels = sorted({x for g, p in pairs for x in g | p})
    per = {}
    for lab in labels:
        tp = sum(lab in g and lab in p for g, p in pairs)
        p_, r_, f_ = prf(tp, sum(lab in p for _, p in pairs), sum(lab in g for g, _ in pairs))
        support = sum(lab in g for g, _ in pairs)
        per[lab] = {"p": round(p_, 3), "r": round(r_, 3), "f1": round(f_, 3), "support": support}
    supported = [v["f1"] for v in per.values() if v["support"]]
    exact = sum(g == p for g, p in pairs) / len(pairs) if pairs else 1.0
    return {"pairs": len(pairs), "exact": round(exact, 4),
            "macro_f1": round(sum(supported) / len(supported), 4) if supported else 0.0, "per_label": per}
