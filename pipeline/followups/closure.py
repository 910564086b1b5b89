"""Closure across meetings: was a commitment done, is it still outstanding, or is it overdue?

For each follow-up of a meeting, the later meetings of the same body are
searched for the sentences that report on it: the same action-log number
("Action no. 3"), or enough of the action's own words together with its owner
or with the words of the item it came from.  If the latest meeting that
reports on it says the work is still outstanding, the follow-up is
``carried_forward``; if a report after the last "still outstanding" one says
anything else, it is ``closed`` (the best-scoring such sentence, its meeting
and score are the evidence).  Without a report, a follow-up whose due date has
passed by the body's newest meeting is ``overdue`` (citing the due date and
the meetings searched); one still in date is ``open``; one with no date, after
later meetings said nothing, is ``unknown``.  "the next meeting" resolves to
the body's next meeting here.

It streams: :class:`Closure` sees every record twice (``observe``, then
``scan``) and keeps only the follow-ups, an inverted index of their words and
the matches found — never the meetings themselves — so memory stays flat
however many meetings a body has.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as _date_of
from typing import NamedTuple

from .dates import resolve

STOP = set("""a an the of to and or for in on at by with from be been being is was were are that this these those it its
their they he she his her we our as into than then there which who whom would will shall should could can may might
must have has had do does did not no any all each further also more most some such only other same so very
update report reports item meeting meetings board panel committee partnership council members member officers
officer provide provided information after next noted agreed requested asked""".split())
OUTSTANDING = re.compile(r"\b(?:outstanding|ongoing|on-going|still\s+(?:awaited|to\s+be|being|open|pending)|carried\s+"
                         r"forward|in\s+progress|not\s+yet|remain(?:s|ed)?\s+open|delayed|awaiting|no\s+(?:suggestions|"
                         r"response|update)s?\s+had\s+been\s+received|yet\s+to\s+be)\b", re.IGNORECASE)
ACTION_REF = re.compile(r"\bAction\s+(?:no\.?\s*)?(\d+(?:/\d+)?)", re.IGNORECASE)
MIN_SCORE = 0.5
MIN_SHARED = 3  # distinctive words a reporting sentence must share with the commitment


def terms(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in STOP}


def sentences(record: dict) -> Iterator[tuple[str, str, str]]:
    """(sentence, item id, item title) for every paragraph sentence of a meeting record."""
    for item in record.get("items") or []:
        item_id, title = item.get("id") or "", item.get("title") or ""
        for p in item.get("paragraphs") or []:
            if p.get("kind") in ("boilerplate", "presenter"):
                continue
            for sent in re.split(r"(?<=[.;])\s+(?=[A-Z(\u2018'\"])", " ".join(p["text"].split())):
                if len(sent) > 15:
                    yield sent, item_id, title


def _owner_words(owner: str | None) -> set[str]:
    return {w for w in re.findall(r"[A-Z][a-z'-]{2,}", owner or "") if w.lower() not in STOP}


def _date(record: dict) -> str:
    return (record.get("meeting") or {}).get("date") or ""


def _body(record: dict) -> str:
    return (record.get("meeting") or {}).get("body_id") or record.get("id", "")


class Match(NamedTuple):
    """A later sentence that reports on a follow-up: a plain tuple (a corpus has hundreds of thousands), whose
    strings are shared with every other follow-up the same sentence matches."""

    position: int  # of its meeting among the body's meetings
    neg_score: float
    s_index: int  # of the sentence in its meeting
    text: str
    meeting_id: str | None
    item_id: str
    date: str
    outstanding: bool

    def evidence(self) -> dict:
        return {"text": self.text, "meeting_id": self.meeting_id, "item_id": self.item_id, "date": self.date,
                "score": -self.neg_score}


@dataclass(slots=True)
class Pending:
    """A follow-up waiting for its status, with what matching needs (not the follow-up itself: a corpus
    has tens of thousands of them)."""

    ref: tuple[int, int, int]  # (record, item, follow-up) positions in the file
    fu: dict  # owner, action, evidence, due, due_date only; the rest is dropped by ``prepare``
    body: str
    date: str
    title: str
    position: int = 0  # of its meeting among the body's meetings, by date
    action_terms: set[str] = field(default_factory=set)
    title_terms: set[str] = field(default_factory=set)
    owner: set[str] = field(default_factory=set)
    refs: set[str] = field(default_factory=set)
    matches: list[Match] = field(default_factory=list)


@dataclass
class Closure:
    pending: list[Pending] = field(default_factory=list)
    meetings: dict[str, list[tuple[str, int, str]]] = field(default_factory=lambda: defaultdict(list))
    item_words: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    items: Counter = field(default_factory=Counter)

    # -- pass 1 -----------------------------------------------------------------------------------
    def observe(self, k: int, record: dict) -> None:
        body = _body(record)
        self.meetings[body].append((_date(record), k, record.get("id", "")))
        per_item: dict[str, set[str]] = defaultdict(set)
        for sent, item_id, title in sentences(record):
            per_item[item_id or title] |= terms(sent)
        for words in per_item.values():
            self.item_words[body].update(words)
        self.items[body] += len(per_item)
        for i, item in enumerate(record.get("items") or []):
            for j, fu in enumerate(item.get("follow_ups") or []):
                slim = {key: fu.get(key) for key in ("owner", "action", "evidence", "due", "due_date")}
                self.pending.append(Pending((k, i, j), slim, body, _date(record), item.get("title") or ""))

    def prepare(self) -> None:
        """Meeting order per body, each follow-up's words, and the inverted indexes used by ``scan``."""
        self.position: dict[int, tuple[str, int]] = {}
        for body, meetings in self.meetings.items():
            meetings.sort(key=lambda m: (m[0], m[1]))
            for pos, meeting in enumerate(meetings):
                self.position[meeting[1]] = (body, pos)
        common = {body: {w for w, n in counts.items() if n > max(3, 0.2 * self.items[body])}
                  for body, counts in self.item_words.items()}
        # posting lists of follow-up indices, sorted by meeting position so that a scan takes only the
        # follow-ups of earlier meetings (a bisection), and counts shared words in C (Counter.update)
        by_word: dict[tuple[str, str], list[int]] = defaultdict(list)
        by_ref: dict[tuple[str, str], list[int]] = defaultdict(list)
        for n, p in enumerate(self.pending):
            p.position = self.position[p.ref[0]][1]
            p.owner = _owner_words(p.fu.get("owner"))
            p.action_terms = ((terms(p.fu.get("action") or "") | terms(p.fu.get("evidence") or ""))
                              - {w.lower() for w in p.owner} - common.get(p.body, set()))
            p.title_terms = terms(p.title)
            p.refs = set(ACTION_REF.findall(p.fu.get("evidence") or ""))
            for w in p.action_terms:
                by_word[(p.body, w)].append(n)
            for r in p.refs:
                by_ref[(p.body, r)].append(n)
            p.fu = {key: p.fu[key] for key in ("due", "due_date")}  # matching no longer needs the words
        self.by_word = {key: self._by_position(post) for key, post in by_word.items()}
        self.by_ref = {key: self._by_position(post) for key, post in by_ref.items()}

    def _by_position(self, post: list[int]) -> tuple[list[int], list[int]]:
        post.sort(key=lambda n: self.pending[n].position)
        return post, [self.pending[n].position for n in post]

    def _earlier(self, index: dict, key: tuple[str, str], pos: int) -> list[int]:
        """The follow-ups in posting list ``key`` made at meetings before position ``pos``."""
        found = index.get(key)
        return found[0][:bisect_left(found[1], pos)] if found else []

    # -- pass 2 -----------------------------------------------------------------------------------
    def scan(self, k: int, record: dict) -> None:
        """Record every sentence of this meeting that reports on an earlier meeting's follow-up."""
        body, pos = self.position[k]
        for s_index, (sent, item_id, title) in enumerate(sentences(record)):
            words = terms(sent)
            shared: Counter = Counter()
            for w in words:
                shared.update(self._earlier(self.by_word, (body, w), pos))
            # a follow-up needs MIN_SHARED of its words in the sentence, or its action-log number
            found = {n for n, count in shared.items() if count >= MIN_SHARED}
            refs = set(ACTION_REF.findall(sent))
            for r in refs:
                found.update(self._earlier(self.by_ref, (body, r), pos))
            if not found:
                continue
            context = Sentence(sent, words, refs, title)
            outstanding = None
            for n in sorted(found):
                p = self.pending[n]
                score = _score(p, context)
                if score is not None and score >= MIN_SCORE:
                    if outstanding is None:
                        outstanding = bool(OUTSTANDING.search(sent))
                    p.matches.append(Match(pos, -score, s_index, sent, record.get("id"), item_id, _date(record),
                                           outstanding))

    # -- statuses ---------------------------------------------------------------------------------
    def settle(self) -> dict[tuple[int, int, int], dict]:
        """Status fields per follow-up position: ``status``, ``status_evidence``, ``due_date``."""
        out = {}
        for p in self.pending:
            meetings = self.meetings[p.body]
            later = meetings[p.position + 1:]
            out[p.ref] = _status(p, later[0][0] if later else None, meetings[-1][0] or None, len(later))
        return out


@dataclass
class Sentence:
    """A sentence of a later meeting, with the word sets scoring needs (computed once, on demand)."""

    text: str
    words: set[str]
    refs: set[str]
    title: str
    _caps: set[str] | None = None
    _context: set[str] | None = None

    @property
    def caps(self) -> set[str]:
        if self._caps is None:
            self._caps = set(re.findall(r"[A-Z][a-z'-]{2,}", self.text))
        return self._caps

    @property
    def context(self) -> set[str]:
        if self._context is None:
            self._context = terms(self.title) | self.words
        return self._context


def _score(p: Pending, sent: Sentence) -> float | None:
    if p.refs & sent.refs:
        return 1.0
    shared = p.action_terms & sent.words
    if not p.action_terms or len(shared) < MIN_SHARED:
        return None
    score = len(shared) / min(len(p.action_terms), 12)
    if p.owner and p.owner & sent.caps:
        score += 0.2
    if p.title_terms and p.title_terms <= sent.context:
        score += 0.1
    return round(min(score, 1.0), 3)


def _status(p: Pending, next_date: str | None, newest: str | None, n_later: int) -> dict:
    fu = p.fu
    due = fu.get("due_date")
    if fu.get("due") and not due and p.date:
        try:
            due = resolve(fu["due"], _date_of.fromisoformat(p.date),
                          _date_of.fromisoformat(next_date) if next_date else None)
        except ValueError:
            due = None
    fields = {"due_date": due, "status_evidence": None}
    last_outstanding = max((m.position for m in p.matches if m.outstanding), default=-1)
    closing = [m for m in p.matches if not m.outstanding and m.position > last_outstanding]
    if closing:
        best = min(closing, key=lambda m: (m.neg_score, m.position, m.s_index))  # best score, then the earliest
        return {**fields, "status": "closed", "status_evidence": best.evidence()}
    if p.matches:
        latest = min((m for m in p.matches if m.position == last_outstanding), key=lambda m: (m.neg_score, m.s_index))
        return {**fields, "status": "carried_forward", "status_evidence": latest.evidence()}
    if due and newest and due <= newest and n_later:
        return {**fields, "status": "overdue", "status_evidence": {
            "text": f"due {due}; no report of it in the {n_later} later meeting(s) up to {newest}",
            "meeting_id": None, "item_id": None, "date": newest, "score": None}}
    if n_later and not (due and newest and due > newest):
        return {**fields, "status": "unknown"}
    return {**fields, "status": "open"}
