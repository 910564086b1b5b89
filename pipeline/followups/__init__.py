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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..rules import load_rules, read_rule_lines
from ..schema import FollowUp, Item, Meeting, Span
from ..segment.layout import first_sentence_end
from ..textclf import TextClassifier, load_with_strategy
from .dates import find_due

MODELS_DIR = Path(__file__).resolve().parents[2] / "models" / "followups"
PRONOUNS = {"he", "she", "they", "it"}
ACTION_LINE = re.compile(r"^(?:(?:Actions?|ACTIONS?)(?:\s+(?:no\.?\s*)?[\w/.]+)?\s*[:\u2013\u2014-]\s*)?"
                         r"([A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,4}|All\s+[a-z]+)\s+to\s+[a-z]+")
INTENTION = re.compile(r"\bintention\b(?:,[^.;]{0,160},)?\s+to\s+[a-z]+")
LIST_LABEL = re.compile(r"^\s*(?:[\u2022\u2013\u2014\-*\u00b7]|\(?[a-z0-9ivx]{1,4}[.)])\s+")


RESOLVED_WORD = re.compile(r"^(?:RESOLVED|AGREED|DECIDED|Resolved)\b\s*[:,\u2013-]?\s*")


def _bare(text: str) -> str:
    """The sentence without its list label or "RESOLVED" lead, so that "RESOLVED that the Chair write to …"
    reads as "that the Chair write to …"."""
    return RESOLVED_WORD.sub("", LIST_LABEL.sub("", " ".join(text.split())))


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
        for p in item.paragraphs:
            if p.kind in ("boilerplate", "heading", "presenter") or p.quoted:
                continue  # a motion's quoted text commits no one until it is resolved
            for a, b in sentences(p.text, p.start):
                text = p.text[a - p.start:b - p.start]
                # "\u2022 Tom Reid to contact the lead.": the rules also read the entry without its bullet
                forms = (text, bare) if (bare := LIST_LABEL.sub("", text)) != text else (text,)
                hits = [name for name, rx in rules.items() if any(rx.search(f) for f in forms)]
                if hits and not negative_rules() & set(hits):
                    in_dec = any(s <= a < e or a <= s < b for s, e in decision_spans)
                    out.append(Candidate(item, a, b, text, hits, in_dec))
    return out


def flags(c: Candidate) -> set[str]:
    out = {f"rule:{r}" for r in c.rules}
    if c.in_decision:
        out.add("in_decision")
    if c.item.decisions and any("requested" in d.types for d in c.item.decisions if d.start <= c.start < d.end):
        out.add("decision:requested")
    return out


# -- owners -------------------------------------------------------------------------------------
SPEECH = r"(?:said|stated|explained|confirmed|advised|added|responded|replied|reported|noted|indicated|undertook)"
AGENT_HEADS = re.compile(r"(?:Officers?|Manager|Director|Chair(?:man)?|Clerk|Commissioner|Council|Police|Service|Board|"
                         r"Panel|Committee|Team|Partnership|Constabulary|Office|Leader|Member|Executive|Group|Unit|"
                         r"Authority|Trust|Lead|Coordinator|Co-ordinator|Inspector|Constable|Adviser|Advisor)$")
NP = (r"((?:the\s+|The\s+)?[A-Z][\w'\u2019.&-]*(?:\s+(?:of|for|and|the|[A-Z][\w'\u2019.&-]*))*"
      r"|(?:all\s+|[A-Z]{2,6}\s+)?(?:officers|members|partners|partner\s+agencies))")


SENTENCE_SUBJECT = re.compile(NP + r"\s+(?:did|had|was|were|said|noted|confirmed|thanked|welcomed|explained)\b")
REQUEST_VERBS = r"(?:requested|asked|invited|encouraged|instructed)"
ACT_VERBS = (r"(?:report|provide|write|attend|present|bring|circulate|submit|arrange|liaise|contact|review|consider"
             r"|meet)")
# the named party of a request, delegation or resolution: "asks the Commissioner to", "That officers be requested to"
OWNER_PATTERNS = [re.compile(p) for p in (
    r"[\u2018'\"\u201c]" + NP + r"\s+to\s+[a-z]+\b",  # a quoted action-log entry: "Action no. 3 'members to forward …'"
    r"(?i:\b(?:asks?|requests?|asked|invited|instructed|encouraged))\s+(?:that\s+)?" + NP + r"\s+(?:to|be)\b",
    r"(?i:\brequest(?:s|ed|ing)?\s+that)\s+" + NP + r"\s+(?!be\b)[a-z]+s\b",
    r"(?i:\brecommends?\s+to)\s+" + NP + r"\s+that\b",
    r"(?:^|\b(?i:that)\s+|\band\s+)" + NP + r"\s+(?:be|was|were)\s+" + REQUEST_VERBS + r"\s+to",
    r"(?i:\bdelegates?\s+(?:authority\s+)?to)\s+" + NP + r"(?=\s+(?:the|to|in)\b|,)",
    r"(?i:\bbe\s+delegated\s+to)\s+" + NP,
    r"^(?:\u2013\s*)?(?:[Tt]hat\s+)?" + NP + r"\s+" + ACT_VERBS + r"\b",
    r"\brequest\s+was\s+made\s+for\s+" + NP + r"\s+to\b",
    r"\bcarried\s+out\s+by\s+" + NP,
    r"\bagreed\s+that\s+" + NP + r"\s+would\b",
)]


def owner_of(c: Candidate, meeting: Meeting) -> str | None:
    """Who is to act, as written: the subject who agreed, the body asked to act, the owner of an action."""
    text = _bare(c.text)
    people = [m for m in meeting.mentions if m.label == "PERSON" and c.start <= m.start < c.end]
    if m := re.search(r"\bOwner:\s*([^\u2013\u2014;,]+?)\s*[\u2013\u2014;,-]", text):
        return m.group(1).strip()
    if (m := ACTION_LINE.match(text)) and (text[:6].lower() == "action" or _agent_like(m.group(1), people, text)):
        return m.group(1)
    if re.match(r"(?:To\s+)?Agrees?\s+to\b", text) and meeting.meeting.committee:
        return meeting.meeting.committee  # "Agree to submit …" in a resolution: the resolving body acts
    for pattern in OWNER_PATTERNS:
        if m := pattern.search(text):
            return _trim(m.group(1))
    m = re.search(r"\b(?:agreed|offered|undertook|undertakes|promised|volunteered|committed|pledged)\s+to\b"
                  r"|\b(?:stated|confirmed|indicated|expressed|gave|signalled)\s+(?:his|her|their|its)\s+intention\b",
                  text)
    if m:
        subject = _subject(text[:m.start()])
        if subject is None and (opener := SENTENCE_SUBJECT.match(text)) and _agent_like(opener.group(1), people, text):
            return _trim(opener.group(1))  # "The Commissioner did not have the figure and undertook to send ..."
        return _resolve_subject(subject, people, meeting, c)
    modals = list(re.finditer(r"\b(?:would|will|shall)\s+", text))
    for m in modals:  # "decisions that would impact …; about which he and the Cabinet Member would liaise"
        subject = _subject(text[:m.start()])
        if subject and subject.lower() in PRONOUNS:
            # "The Cabinet Member said that he would meet ...": the pronoun is the speaker of its own sentence
            speaker = re.search(NP + r"\s+" + SPEECH + r"\s+(?:that\s+)?" + subject + r"\s+(?:would|will|shall)\b",
                                text)
            if speaker and _agent_like(speaker.group(1), people, text):
                return _trim(speaker.group(1))
        if subject and (subject.lower() in PRONOUNS or _agent_like(subject, people, text)):
            return _resolve_subject(subject, people, meeting, c)
    if modals:
        speaker = re.search(NP + r"\s+" + SPEECH + r"\b", text)
        if speaker and _agent_like(speaker.group(1), people, text):
            return _trim(speaker.group(1))
    return None


def _agent_like(phrase: str, people, text: str) -> bool:
    """A person mentioned here, "officers"/"members", or a capitalised role or body ("the Probation Service")."""
    phrase = phrase.strip()
    if phrase.lower() in ("officers", "members", "partners", "the police", "the council"):
        return True
    if any(p.text in phrase or phrase in p.text for p in people):
        return True
    return bool(AGENT_HEADS.search(phrase)) or bool(re.fullmatch(r"[A-Z]{2,4}", phrase))


def _resolve_subject(subject: str | None, people, meeting: Meeting, c: Candidate) -> str | None:
    """A pronoun is the person named last before it; a missing subject ("..., and offered to report") is the
    sentence's first person."""
    if subject and subject.lower() in PRONOUNS:
        return _previous_person(meeting, c.start + 1 if not people else people[0].start) or subject
    if subject is None and people:
        return " ".join(people[0].text.split())
    return subject


AUXILIARIES = {"was", "were", "is", "are", "been", "being", "had", "has", "have"}
BOUNDARY = re.compile(r"[,;:]\s+|\b(?:and|but|that|which|who|whilst|while|where|when)\s+", re.IGNORECASE)


def _subject(before: str) -> str | None:
    """The noun phrase just before a verb: after the last clause boundary ("…, and Charles Paul agreed")."""
    ends = [m.end() for m in BOUNDARY.finditer(before)]
    subject = before[ends[-1]:] if ends else before
    subject = re.sub(r"^(?:In response(?: to [^,]*)?,?\s*|Following [^,]*,\s*|Additionally,?\s*)", "", subject.strip())
    subject = _trim(subject)
    if not subject or len(subject.split()) > 8 or subject.split()[-1].lower() in AUXILIARIES:
        return None  # "the reserve was committed to projects": a state, not someone undertaking to act
    lowered = subject.lower()
    if lowered in PRONOUNS or subject[0].isupper() or lowered.startswith(("officers", "members", "the ")):
        return subject
    return None


def _trim(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"^(?:[Tt]hat|[Tt]o)\s+", "", " ".join(text.split()).strip(" ,.;:"))
    return text or None


def _previous_person(meeting: Meeting, offset: int) -> str | None:
    people = [m for m in meeting.mentions if m.label == "PERSON" and m.end <= offset]
    return " ".join(people[-1].text.split()) if people else None


def action_of(c: Candidate) -> str:
    """The committed action: the words after the commitment verb, else the sentence."""
    text = _bare(c.text)
    m = re.search(r"\b(?:agreed|offered|undertook|promised|requested|asked|invited|encouraged)\s+to\s+(.*)$|"
                  r"\b(?:would|will)\s+(.*)$|\bto\s+(?:request|ask)\s+that\s+(.*)$|\bOwner:.*?Status:[^\u2013\u2014]*"
                  r"[\u2013\u2014]\s*(.*)$", text, re.IGNORECASE)
    action = next((g for g in (m.groups() if m else ()) if g), None)
    if action is None and (m := ACTION_LINE.match(text) or INTENTION.search(text)):
        action = text[m.end() - len(m.group(0).split()[-1]):]  # "JP to update …", "stated her intention, …, to bring"
    if action is None:  # "that the Chair write to …": from the subjunctive verb on
        m = re.match(r"^(?:[Tt]hat\s+)?" + NP + r"\s+(" + ACT_VERBS + r"\b.*)$", text)
        action = m.group(m.lastindex) if m else text
    return action.rstrip(" .;")


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


def keep_mask(proba, flag_sets: list[set[str]], threshold: float, strategy: str = "model") -> list[bool]:
    """Which candidates to keep: the model's verdict, or under ``sure_rules`` also every sure-rule match."""
    sure = {f"rule:{r}" for r in sure_rules()} if strategy == "sure_rules" else set()
    return [p >= threshold or bool(sure & fl) for p, fl in zip(proba, flag_sets, strict=True)]


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
        seen.setdefault(c.item.id, []).append(words)
        due = find_due(c.text, meeting.meeting.date, next_meeting)
        k = counters[c.item.id] = counters.get(c.item.id, 0) + 1
        c.item.follow_ups.append(FollowUp(
            owner=owner_of(c, meeting), action=action_of(c), due=due.phrase if due else None,
            evidence=Span(c.text, c.start, c.end), id=f"{c.item.id}/f{k}", due_date=due.date if due else None,
            confidence=round(confidence, 4)))
    return meeting

