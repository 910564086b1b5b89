"""Decisions the rules did not read: narrative sentences a trained classifier finds record what the body decided.

The resolution reader (:mod:`pipeline.segment.resolutions`) knows the markers ("RESOLVED", "AGREED", "It was
agreed that") and many phrasings of narrative decisions, but minutes keep inventing new ones: "The Board lent
its backing to ...", "Notes of 12 Sept waved through", "Consideration of X was left over to the April meeting".
Each sentence of an item's own paragraphs that no rule read as a decision, and that is not a motion, a
person's undertaking, a list's lead-in or a table row (``pipeline/patterns/decision_sentences.jsonl``), is a
candidate; a one-label :class:`~pipeline.textclf.TextClassifier` (``minutes train sentences``) keeps the ones
likely to be decisions, with the threshold chosen on development sets the rules were never written on.  The
kept sentences join the item's decisions (origin ``sentence``) before the decision-type classifier runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .decisions import SENTENCE_ORIGIN, rule_types
from .evaluate import overlap
from .followups import sentences
from .rules import load_rules
from .schema import Item, Meeting, Resolution
from .segment import set_item_id
from .segment.layout import rules as segment_rules
from .textclf import TextClassifier, load_with_strategy

MODELS_DIR = Path(__file__).resolve().parent.parent / "models" / "sentences"
ORIGIN = SENTENCE_ORIGIN
SKIPPED_KINDS = ("boilerplate", "heading", "presenter")
# "A47.4  Communications cell to draft ...": a record's entry whose letter says what it is (D a decision, A an
# action, I information); the resolution reader reads the decisions
LETTERED_ENTRY = re.compile(r"[A-Z]{1,2}\d")
# "Scanwell's offer dismissed.<tab>–": a table's row whose last cell is empty (a dash, "n/a"); the sentence is the
# cell before the gap
EMPTY_LAST_CELL = re.compile(r"(?:\t|\s{3,})\s*(?:[-\u2013\u2014]|n/?a|N/?A|None)\s*$")


@dataclass
class Sentence:
    item: Item
    start: int
    end: int
    text: str
    in_decision: bool  # overlaps a clause the rules read (a training example only: never a candidate)
    before_resolution: bool  # a clause under an explicit marker ("RESOLVED", "Decisions:") follows in the item
    kind: str  # the paragraph's kind: "paragraph" or "point"
    first: bool  # first sentence of its paragraph
    alone: bool  # the paragraph's only sentence
    last_paragraph: bool  # in the item's last paragraph
    page: int | None = None


def item_sentences(meeting: Meeting) -> list[Sentence]:
    """Every sentence of the items' own paragraphs (not headings, boilerplate, presenter lines, quotations, a
    record's lettered entries, or a recap of decisions after the last item)."""
    out = []
    for item in meeting.items:
        read = [(d.start, d.end) for d in item.decisions]
        resolved_from = max((d.start for d in item.decisions if d.origin == "resolved"), default=-1)
        paragraphs = []
        for p in item.paragraphs:
            if segment_rules()["decision_recap"].search(p.text):
                break  # "SUMMARY OF DECISIONS": a recap repeats the items' decisions
            if p.kind not in SKIPPED_KINDS and not p.quoted and not (p.label and LETTERED_ENTRY.match(p.label)):
                paragraphs.append(p)
        for k, p in enumerate(paragraphs):
            spans = sentences(p.text, p.start)
            for j, (a, b) in enumerate(spans):
                if empty := EMPTY_LAST_CELL.search(p.text, a - p.start, b - p.start):
                    b = p.start + empty.start()
                out.append(Sentence(item, a, b, p.text[a - p.start:b - p.start],
                                    any(a < e and s < b for s, e in read), b <= resolved_from, p.kind,
                                    j == 0, len(spans) == 1, k == len(paragraphs) - 1, p.page))
    return out


def is_candidate(s: Sentence) -> bool:
    """A sentence no rule read, that is not a motion, an undertaking ("X agreed to", the follow-up rule's), a
    next meeting's date (the resolution reader's call), reported discussion, a lead-in or a table row, and that
    no resolution under an explicit marker follows (minutes that mark their resolutions state them there: the
    sentences before are the debate, "(b) X Ltd: request to advertise on the shelters. RESOLVED not to ...")."""
    return not (s.in_decision or s.before_resolution or load_rules("decision_sentences")["not_a_decision"].match(s.text)
                or load_rules("followups")["agreed_to"].search(s.text)
                or segment_rules()["next_meeting_statement"].search(s.text))


def candidates(meeting: Meeting) -> list[Sentence]:
    return [s for s in item_sentences(meeting) if is_candidate(s)]


def flags(s: Sentence) -> set[str]:
    """Indicator features: where the sentence sits, the decision-type rules it matches, whether the body is
    its subject (and the verb after it is past tense)."""
    out = {f"kind:{s.kind}"}
    out |= {name for name, on in (("first", s.first), ("alone", s.alone), ("last_paragraph", s.last_paragraph),
                                  ("short", len(s.text.split()) <= 12)) if on}
    types = rule_types(s.text)
    out |= {f"rule:{t}" for t in types} | ({"rule:any"} if types else set())
    if m := load_rules("decision_sentences")["body_subject"].match(s.text):
        out.add("body_subject")
        if m.group("verb").endswith("ed"):
            out.add("body_subject_past")
    return out


def restates(s: Sentence, decisions: list[Resolution]) -> bool:
    """Does the sentence restate a decision of its item ("The notes were agreed as an accurate record." over
    "Members AGREED the notes of the meeting held on ... as a correct record.")?  Half its words and a decision
    type in common."""
    types = set(rule_types(s.text))
    return any(overlap(s.text, d.text) >= 0.5 and types & set(rule_types(d.text)) for d in decisions)


def load_model(path: str | None = None) -> tuple[TextClassifier, str] | None:
    return load_with_strategy(MODELS_DIR, path)


def detect(meeting: Meeting, model_path: str | None = None) -> Meeting:
    """Add to each item, as decisions, the candidate sentences the classifier keeps (none without a model)."""
    loaded = load_model(model_path)
    cands = candidates(meeting) if loaded else []
    if not cands:
        return meeting
    model = loaded[0]
    proba = model.predict_proba([c.text for c in cands], [flags(c) for c in cands])[:, 0]
    changed = set()
    for c, p in zip(cands, proba, strict=True):
        if p >= model.thresholds[0] and not restates(c, c.item.decisions):
            c.item.decisions.append(Resolution(c.text, c.start, c.end, c.page, origin=ORIGIN))
            changed.add(id(c.item))
    for item in meeting.items:
        if id(item) in changed:
            item.decisions.sort(key=lambda d: d.start)
            set_item_id(item, item.id)
    return meeting
