"""Follow-ups: commitments to future action, with owner, action, due date and the sentence that proves it.

Candidate sentences come from the rules in ``pipeline/patterns/followups.jsonl``
("X agreed to …", "… would be provided after the meeting", "officers be
requested to …", "deferred to the next meeting", action-log lines "CO to share
…", "Action 07/24 – Owner: …").  A trained classifier (``minutes train
followups``) keeps the ones that are commitments — reported speech full of
"would" is not — and the owner is read off the sentence: the subject of
"agreed to", the person a pronoun refers to, the body "requested to" act.
Every follow-up quotes its evidence with offsets into the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..decisions import LOST
from ..rules import load_rules, read_rule_lines
from ..schema import FollowUp, Item, Meeting, Span
from ..segment.layout import first_sentence_end
from ..textclf import TextClassifier, load_with_strategy
from .clauses import commitment_clauses
from .dates import action_log_due, find_due
from .not_commitments import not_a_commitment
from .owners import LIST_LABEL, action_of, owner_of

MODELS_DIR = Path(__file__).resolve().parents[2] / "models" / "followups"


@dataclass
class Candidate:
    item: Item
    start: int
    end: int
    text: str
    rules: list[str]
    in_decision: bool


def sentences(text: str, base: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute) of a paragraph."""
    out, pos = [], 0
    while pos < len(text):
        end = first_sentence_end(text, pos, len(text)) or len(text)
        a, b = pos, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((base + a, base + b))
        pos = end
    return out


def candidates(meeting: Meeting) -> list[Candidate]:
    rules = load_rules("followups")
    out = []
    for item in meeting.items:
        decision_spans = [(d.start, d.end) for d in item.decisions]
        lost = [(d.start, d.end) for d in item.decisions if d.origin in LOST]  # a lost motion commits no one
        for p in item.paragraphs:
            if p.kind in ("boilerplate", "heading") or p.quoted:
                continue  # a motion's quoted text commits no one until it is resolved
            spans = sentences(p.text, p.start)
            if p.kind == "presenter":  # "X will present this report. …": the rest may still report commitments
                spans = spans[1:]
            for a, b in spans:
                text = p.text[a - p.start:b - p.start]
                # "\u2022 Tom Reid to contact the lead.": the rules also read the entry without its bullet
                bare = LIST_LABEL.sub("", text)
                hits = [name for name, rx in rules.items() if rx.search(text) or (bare != text and rx.search(bare))]
                if hits and not negative_rules() & set(hits) and not _overlaps(a, b, lost):
                    in_dec = _overlaps(a, b, decision_spans)
                    out.append(Candidate(item, a, b, text, hits, in_dec))
    return out


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= a < e or a <= s < b for s, e in spans)


def flags(c: Candidate) -> set[str]:
    out = {f"rule:{r}" for r in c.rules}
    if c.in_decision:
        out.add("in_decision")
    if c.item.decisions and any("requested" in d.types for d in c.item.decisions if d.start <= c.start < d.end):
        out.add("decision:requested")
    return out


# -- model ----------------------------------------------------------------------------------------
def load_model(path: str | None = None) -> tuple[TextClassifier, str] | None:
    """The classifier (newest under ``models/``, or ``path``) and the strategy chosen on validation meetings."""
    return load_with_strategy(MODELS_DIR, path)


RULE_ONLY_KEEP = {"agreed_to", "requested", "delegated", "action_line", "action_owner_field", "deferred"}


@lru_cache(maxsize=1)
def negative_rules() -> frozenset[str]:
    """Rules marked ``"negative": true``: sentences that look like commitments but are not ("the next meeting
    would take place on …" schedules a meeting; nobody undertakes anything)."""
    return frozenset(e["rule"] for e in read_rule_lines("followups") if e.get("negative"))


@lru_cache(maxsize=1)
def sure_rules() -> frozenset[str]:
    """Rules marked ``"sure": true`` in the pattern file: phrasings ("X agreed to", "be requested to") that are
    commitments nearly every time; the ``sure_rules`` strategy keeps them whatever the model says."""
    return frozenset(e["rule"] for e in read_rule_lines("followups") if e.get("sure"))


@lru_cache(maxsize=1)
def sure_in_resolution_rules() -> frozenset[str]:
    """Rules marked ``"sure_in_resolution": true``: a delegation or a deferral is a follow-up when a resolution
    makes it ("That authority be delegated to the Head of Service …", "be deferred to the June meeting"), as
    the real gold has every one; in narrative it may only describe one."""
    return frozenset(e["rule"] for e in read_rule_lines("followups") if e.get("sure_in_resolution"))


def keep_mask(proba, flag_sets: list[set[str]], threshold: float, strategy: str = "model") -> list[bool]:
    """Which candidates to keep: the model's verdict, or under ``sure_rules`` also every sure-rule match (and
    every resolution clause a sure-in-resolution rule matches)."""
    sure = {f"rule:{r}" for r in sure_rules()} if strategy == "sure_rules" else set()
    in_resolution = {f"rule:{r}" for r in sure_in_resolution_rules()} if strategy == "sure_rules" else set()
    return [p >= threshold or bool(sure & fl) or ("in_decision" in fl and bool(in_resolution & fl))
            for p, fl in zip(proba, flag_sets, strict=True)]


def keep(cands: list[Candidate], loaded: tuple[TextClassifier, str] | None) -> list[tuple[Candidate, float]]:
    """The candidates that are commitments, with a confidence (the model's, or 1.0/0.0 for rules alone)."""
    if not cands:
        return []
    if loaded is None:
        return [(c, 1.0) for c in cands if RULE_ONLY_KEEP & set(c.rules)]
    model, strategy = loaded
    flag_sets = [flags(c) for c in cands]
    proba = model.predict_proba([c.text for c in cands], flag_sets)[:, 0]
    mask = keep_mask(proba, flag_sets, model.thresholds[0], strategy)
    return [(c, float(p)) for c, p, k in zip(cands, proba, mask, strict=True) if k]


def extract(meeting: Meeting, model_path: str | None = None, next_meeting: str | None = None) -> Meeting:
    """Fill ``item.follow_ups`` of every item of ``meeting``."""
    model = load_model(model_path)
    for item in meeting.items:
        item.follow_ups = []
    counters: dict[str, int] = {}
    seen: dict[str, list[set[str]]] = {}
    for c, confidence in keep(candidates(meeting), model):
        words = set(re.findall(r"\w+", c.text.lower()))
        if any(len(words & w) >= 0.8 * min(len(words), len(w)) for w in seen.get(c.item.id, [])):
            continue  # the same commitment restated (a motion and then its resolution)
        before = len(c.item.follow_ups)
        for a, b, owner_hint in commitment_clauses(c.text):
            part = c if (a, b) == (0, len(c.text)) else replace(c, start=c.start + a, end=c.start + b,
                                                                 text=c.text[a:b])
            owner = owner_of(part, meeting) or owner_hint
            if not_a_commitment(c.rules, part.text, owner):
                continue  # "the Home Office would publish guidance", "numbers would fall": no one here acts
            due = find_due(part.text, meeting.meeting.date, next_meeting) or \
                action_log_due(part.text, meeting.meeting.date, next_meeting)
            k = counters[c.item.id] = counters.get(c.item.id, 0) + 1
            c.item.follow_ups.append(FollowUp(
                owner=owner, action=action_of(part), due=due.phrase if due else None,
                evidence=Span(c.text, c.start, c.end), id=f"{c.item.id}/f{k}", due_date=due.date if due else None,
                confidence=round(confidence, 4)))
        if len(c.item.follow_ups) > before:  # a look-alike dropped above hides no later sentence
            seen.setdefault(c.item.id, []).append(words)
    return meeting

