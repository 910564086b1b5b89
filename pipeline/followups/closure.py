"""Closure across meetings: was a commitment done, is it still outstanding, or is it overdue?

For each follow-up of a meeting, the later meetings of the same body are
searched for the sentence that reports on it: the same action-log number
("Action no. 3"), or enough of the action's own words together with its owner
or with the words of the item it came from.  A matching sentence that says the
work is still outstanding makes the follow-up ``carried_forward``; any other
match ``closed`` (with the sentence, meeting and score as evidence).  Without a
match, a follow-up whose due date has passed by the body's newest meeting is
``overdue`` (citing the due date and the meetings searched); one still in
date is ``open``; one with no date, after later meetings said nothing, is
``unknown``.  "the next meeting" resolves to the body's next meeting here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date as _date

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


def _sentences(record: dict) -> list[tuple[str, dict, set[str]]]:
    """(sentence, {item id, title}, its terms) for every paragraph sentence of a meeting record; the terms are
    computed once here because every follow-up of every earlier meeting is compared with them."""
    out = []
    for item in record.get("items") or []:
        ctx = {"item_id": item.get("id"), "title": item.get("title") or ""}
        for p in item.get("paragraphs") or []:
            if p.get("kind") in ("boilerplate", "presenter"):
                continue
            for sent in re.split(r"(?<=[.;])\s+(?=[A-Z(\u2018'\"])", " ".join(p["text"].split())):
                if len(sent) > 15:
                    out.append((sent, ctx, terms(sent)))
    return out


def _owner_words(owner: str | None) -> set[str]:
    return {w for w in re.findall(r"[A-Z][a-z'-]{2,}", owner or "") if w.lower() not in STOP}


def _common_terms(sentences: list[list[tuple[str, dict, set[str]]]]) -> set[str]:
    """Words found in more than a fifth of a body's agenda items (and in over three): its everyday vocabulary
    ("Kent", "decision", "government") says nothing about which commitment a sentence reports on.  Items,
    not sentences, are counted, so a commitment discussed in several sentences keeps its own words."""
    items: dict[tuple[int, str], set[str]] = defaultdict(set)
    for k, meeting in enumerate(sentences):
        for _sent, ctx, words in meeting:
            items[(k, ctx["item_id"] or ctx["title"])] |= words
    counts: dict[str, int] = defaultdict(int)
    for words in items.values():
        for w in words:
            counts[w] += 1
    return {w for w, n in counts.items() if n > max(3, 0.2 * len(items))}


def _match(fu: dict, item_title: str, later, common: set[str]):
    """Best (score, sentence, record, context) reporting on ``fu`` in the later meetings."""
    owner = _owner_words(fu.get("owner"))
    # the action's own words, not its owner's name nor the body's everyday vocabulary
    action_terms = (terms(fu.get("action") or "") | terms(fu.get("evidence") or "")) - {w.lower() for w in owner}
    action_terms -= common
    title_terms = terms(item_title)
    refs = set(ACTION_REF.findall(fu.get("evidence") or ""))
    best = None
    for record, sentences in later:
        for sent, ctx, words in sentences:
            if refs and refs & set(ACTION_REF.findall(sent)):
                score = 1.0
            elif not action_terms:
                continue
            else:
                shared = action_terms & words
                if len(shared) < MIN_SHARED:
                    continue
                score = len(shared) / min(len(action_terms), 12)
                if owner and owner & set(re.findall(r"[A-Z][a-z'-]{2,}", sent)):
                    score += 0.2
                if title_terms and title_terms <= terms(ctx["title"]) | words:
                    score += 0.1
            if best is None or score > best[0]:
                best = (round(min(score, 1.0), 3), sent, record, ctx)
    return best


def assign_statuses(records: list[dict]) -> dict[str, int]:
    """Set ``status``, ``status_evidence`` and resolved ``due_date`` on every follow-up; count statuses."""
    by_body: dict[str, list[dict]] = defaultdict(list)
    for rec in records:
        by_body[(rec.get("meeting") or {}).get("body_id") or rec.get("id", "")].append(rec)
    counts: dict[str, int] = defaultdict(int)
    for meetings in by_body.values():
        meetings.sort(key=lambda r: (r.get("meeting") or {}).get("date") or "")
        sentences = [_sentences(r) for r in meetings]
        newest = (meetings[-1].get("meeting") or {}).get("date")
        common = _common_terms(sentences)
        for k, rec in enumerate(meetings):
            date = (rec.get("meeting") or {}).get("date")
            later = list(zip(meetings[k + 1:], sentences[k + 1:], strict=True))
            next_date = (later[0][0].get("meeting") or {}).get("date") if later else None
            for item in rec.get("items") or []:
                for fu in item.get("follow_ups") or []:
                    _settle(fu, item.get("title") or "", date, next_date, newest, later, common)
                    counts[fu["status"]] += 1
    return dict(counts)


def _settle(fu: dict, title: str, date: str | None, next_date: str | None, newest: str | None, later,
            common: set[str]) -> None:
    if fu.get("due") and not fu.get("due_date") and date:
        try:
            fu["due_date"] = resolve(fu["due"], _date.fromisoformat(date),
                                     _date.fromisoformat(next_date) if next_date else None)
        except ValueError:
            pass
    best = _match(fu, title, later, common) if later else None
    if best and best[0] >= MIN_SCORE:
        score, sent, record, ctx = best
        fu["status"] = "carried_forward" if OUTSTANDING.search(sent) else "closed"
        fu["status_evidence"] = {"text": sent, "meeting_id": record.get("id"), "item_id": ctx["item_id"],
                                 "date": (record.get("meeting") or {}).get("date"), "score": score}
        return
    due = fu.get("due_date")
    if due and newest and due <= newest and later:
        fu["status"] = "overdue"
        fu["status_evidence"] = {"text": f"due {due}; no report of it in the {len(later)} later meeting(s) "
                                         f"up to {newest}", "meeting_id": None, "item_id": None, "date": newest,
                                 "score": None}
    elif later and not (due and newest and due > newest):
        fu["status"] = "unknown"
        fu["status_evidence"] = None
    else:
        fu["status"] = "open"
        fu["status_evidence"] = None
