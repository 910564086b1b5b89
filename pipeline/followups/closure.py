"""Closure across meetings: was a commitment done, is it still outstanding, or is it overdue?

For each follow-up of a meeting, the next ``LOOKBACK`` meetings of the same body
are searched for the sentences that report on it: the same action-log number
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
``scan``) and keeps only the follow-ups and the few matches that can still
decide a status — never the meetings themselves — so memory stays flat however
many meetings a body has; each meeting is compared with the follow-ups of the
``LOOKBACK`` meetings before it, so time grows linearly.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as _date_of
from functools import cached_property
from itertools import chain
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
# how many later meetings of the body are searched for reports on a follow-up: a sentence a dozen meetings on
# that shares an action's words is as likely a recurring theme as news of it, and the bound keeps the scan of a
# long series linear (each meeting is compared with the follow-ups of the few meetings before it, not of all)
LOOKBACK = 12


WORD = re.compile(r"[a-z][a-z'-]{2,}")
SKIPPED = ("boilerplate", "presenter")  # paragraph kinds that never report on anything


def terms(text: str) -> set[str]:
    return set(WORD.findall(text.lower())) - STOP


def sentences(record: dict) -> Iterator[tuple[str, str, str]]:
    """(sentence, item id, item title) for every paragraph sentence of a meeting record."""
    for item in record.get("items") or []:
        item_id, title = item.get("id") or "", item.get("title") or ""
        for p in item.get("paragraphs") or []:
            if p.get("kind") in SKIPPED:
                continue
            for sent in re.split(r"(?<=[.;])\s+(?=[A-Z(\u2018'\"])", " ".join(p["text"].split())):
                if len(sent) > 15:
                    yield sent, item_id, title


def _interned(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sys.intern(w) for w in sorted(set(words)))


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
    body: str
    date: str
    due: str | None
    due_date: str | None
    # words, as tuples of interned strings (a set per follow-up would take several times the memory):
    action_terms: tuple[str, ...]  # of the action and its sentence, less the owner's and the body's commonest
    title_terms: tuple[str, ...]  # of the item's title
    owner: tuple[str, ...]  # capitalised words of the owner
    refs: tuple[str, ...]  # action-log numbers in the sentence
    position: int = 0  # of its meeting among the body's meetings, by date
    # of the matches, only those that can still decide the status (a follow-up can match hundreds of later
    # sentences): the position of the latest "still outstanding" report, the best report at that position,
    # and the best report at each later position (any one of them closes it)
    last_outstanding: int = -1
    at_last: Match | None = None
    later: dict[int, Match] = field(default_factory=dict)

    def match(self, m: Match) -> None:
        if m.position < self.last_outstanding:
            return
        if m.outstanding and m.position > self.last_outstanding:
            self.at_last = _better(self.later.get(m.position), m)
            self.last_outstanding = m.position
            self.later = {pos: best for pos, best in self.later.items() if pos > m.position}
        elif m.position == self.last_outstanding:
            self.at_last = _better(self.at_last, m)
        else:
            self.later[m.position] = _better(self.later.get(m.position), m)


def _better(a: Match | None, b: Match) -> Match:
    """The better report of one meeting: the higher score, then the earlier sentence."""
    return b if a is None or (b.neg_score, b.s_index) < (a.neg_score, a.s_index) else a


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
        # the body's commonest words (dropped from follow-ups' words in ``prepare``), counted once per item
        for item in record.get("items") or []:
            text = " ".join(p["text"] for p in item.get("paragraphs") or [] if p.get("kind") not in SKIPPED)
            if text:
                self.item_words[body].update(terms(text))
                self.items[body] += 1
        for i, item in enumerate(record.get("items") or []):
            if not item.get("follow_ups"):
                continue
            title_terms = _interned(terms(item.get("title") or ""))
            for j, fu in enumerate(item["follow_ups"]):
                owner = _owner_words(fu.get("owner"))
                action = (terms(fu.get("action") or "") | terms(fu.get("evidence") or "")) - {w.lower() for w in owner}
                self.pending.append(Pending((k, i, j), body, _date(record), fu.get("due"), fu.get("due_date"),
                                            _interned(action), title_terms, _interned(owner),
                                            _interned(ACTION_REF.findall(fu.get("evidence") or ""))))

    def prepare(self) -> None:
        """Meeting order per body, each follow-up's words, and the inverted indexes used by ``scan``."""
        self.position: dict[int, tuple[str, int]] = {}
        for body, meetings in self.meetings.items():
            meetings.sort(key=lambda m: (m[0], m[1]))
            for pos, meeting in enumerate(meetings):
                self.position[meeting[1]] = (body, pos)
        common = {body: {w for w, n in counts.items() if n > max(3, 0.2 * self.items[body])}
                  for body, counts in self.item_words.items()}
        self.at_meeting: dict[tuple[str, int], list[int]] = defaultdict(list)  # (body, position) -> follow-ups
        for n, p in enumerate(self.pending):
            p.position = self.position[p.ref[0]][1]
            common_here = common.get(p.body, set())
            p.action_terms = tuple(w for w in p.action_terms if w not in common_here)
            self.at_meeting[(p.body, p.position)].append(n)

    def _window(self, body: str, pos: int) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Inverted indexes (word -> follow-ups, action-log number -> follow-ups) of the follow-ups made at the
        ``LOOKBACK`` meetings before position ``pos``: built per meeting, a few hundred entries."""
        by_word: dict[str, list[int]] = defaultdict(list)
        by_ref: dict[str, list[int]] = defaultdict(list)
        for at in range(max(0, pos - LOOKBACK), pos):
            for n in self.at_meeting.get((body, at), ()):
                p = self.pending[n]
                for w in p.action_terms:
                    by_word[w].append(n)
                for r in p.refs:
                    by_ref[r].append(n)
        return by_word, by_ref

    # -- pass 2 -----------------------------------------------------------------------------------
    def scan(self, k: int, record: dict) -> None:
        """Record every sentence of this meeting that reports on an earlier meeting's follow-up."""
        body, pos = self.position[k]
        by_word, by_ref = self._window(body, pos)
        if not by_word and not by_ref:
            return
        for s_index, (sent, item_id, title) in enumerate(sentences(record)):
            words = terms(sent)
            # a follow-up needs MIN_SHARED of its words in the sentence, or its action-log number
            found: set[int] = set()
            posts = [by_word[w] for w in words if w in by_word]
            if len(posts) >= MIN_SHARED:  # count, in C, how many of them each earlier follow-up has
                shared = Counter(chain.from_iterable(posts))
                found = {n for n, count in shared.items() if count >= MIN_SHARED}
            refs = set(ACTION_REF.findall(sent))
            for r in refs:
                found.update(by_ref.get(r, ()))
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
                    p.match(Match(pos, -score, s_index, sent, record.get("id"), item_id, _date(record), outstanding))

    # -- statuses ---------------------------------------------------------------------------------
    def settle(self) -> dict[tuple[int, int, int], dict]:
        """Status fields per follow-up position: ``status``, ``status_evidence``, ``due_date``."""
        out = {}
        for p in self.pending:
            meetings = self.meetings[p.body]
            later = meetings[p.position + 1:]
            out[p.ref] = _status(p, later[0][0] if later else None, meetings[-1][0] or None, len(later),
                                 later[:LOOKBACK][-1][0] if later else None)
        return out


@dataclass
class Sentence:
    """A sentence of a later meeting, with the word sets scoring needs (computed once, on demand)."""

    text: str
    words: set[str]
    refs: set[str]
    title: str

    @cached_property
    def caps(self) -> set[str]:
        return set(re.findall(r"[A-Z][a-z'-]{2,}", self.text))

    @cached_property
    def context(self) -> set[str]:
        return terms(self.title) | self.words


def _score(p: Pending, sent: Sentence) -> float | None:
    if p.refs and not sent.refs.isdisjoint(p.refs):
        return 1.0
    shared = len(sent.words.intersection(p.action_terms))
    if not p.action_terms or shared < MIN_SHARED:
        return None
    score = shared / min(len(p.action_terms), 12)
    if p.owner and not sent.caps.isdisjoint(p.owner):
        score += 0.2
    if p.title_terms and sent.context.issuperset(p.title_terms):
        score += 0.1
    return round(min(score, 1.0), 3)


def _status(p: Pending, next_date: str | None, newest: str | None, n_later: int, searched_to: str | None) -> dict:
    due = p.due_date
    if p.due and not due and p.date:
        try:
            due = resolve(p.due, _date_of.fromisoformat(p.date),
                          _date_of.fromisoformat(next_date) if next_date else None)
        except ValueError:
            due = None
    fields = {"due_date": due, "status_evidence": None}
    if p.later:  # reported on after the last "still outstanding": closed
        best = min(p.later.values(), key=lambda m: (m.neg_score, m.position, m.s_index))  # best, then earliest
        return {**fields, "status": "closed", "status_evidence": best.evidence()}
    if p.at_last:
        return {**fields, "status": "carried_forward", "status_evidence": p.at_last.evidence()}
    if due and newest and due <= newest and n_later:
        return {**fields, "status": "overdue", "status_evidence": {
            "text": f"due {due}; no report of it in the {min(n_later, LOOKBACK)} later meeting(s) up to "
                    f"{searched_to}", "meeting_id": None, "item_id": None, "date": newest, "score": None}}
    if n_later and not (due and newest and due > newest):
        return {**fields, "status": "unknown"}
    return {**fields, "status": "open"}
