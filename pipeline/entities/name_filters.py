"""Capitalised word pairs that look like people's names but are not: streets and things named after someone.

"Orchard Close" and "Parkhurst Road" are addresses; "(Prince) Michael International Road Safety Award" names an
award.  The word lists are data (``patterns/street_types.jsonl``, ``patterns/eponym_heads.jsonl``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from .lexicon import pattern_lines
from .nlp import has


@lru_cache(maxsize=1)
def street_types() -> dict[str, bool]:
    """Street words of ``patterns/street_types.jsonl`` -> whether they are also surnames ("Lane", "Street")."""
    return {e["text"]: bool(e.get("surname")) for e in pattern_lines("street_types.jsonl")}


@lru_cache(maxsize=1)
def eponym_heads() -> frozenset[str]:
    """Words of ``patterns/eponym_heads.jsonl`` that end a thing named after someone ("Award", "Memorial")."""
    return frozenset(e["text"] for e in pattern_lines("eponym_heads.jsonl"))


def names_a_thing(span: Span) -> bool:
    """"(Prince) Michael International Road Safety Award": a name that, with the capitalised words after it,
    names an award or a memorial is not a person at the meeting."""
    doc, k = span.doc, span.end
    while k < len(doc) and k - span.end < 5 and doc[k].text[:1].isupper():
        if doc[k].text in eponym_heads():
            return True
        k += 1
    return False


def ends_in(span: Span, heads: tuple[str, ...]) -> bool:
    """Does ``span``'s text, lower case with its spaces collapsed, end in one of ``heads`` (" civic centre",
    " programme": each with its leading space, so that only whole words match)?"""
    return (" " + " ".join(span.text.lower().split())).endswith(heads)


def runs_into_thing(span: Span, heads: tuple[str, ...]) -> bool:
    """"LSCSB Board Training Programme", "Town Centre Public Spaces Protection Order": the capitalised words
    running on from a found name end in one of ``heads`` (" programme", " order": things, venues), so the words
    name that thing, not a body."""
    doc, end = span.doc, span.end
    while end < len(doc) and end - span.end < 4 and doc[end].is_title:
        end += 1
    return end > span.end and ends_in(doc[span.start:end], heads)


PLAN_OPENERS = {"local", "national", "joint", "strategic", "annual", "draft"}  # "Local Fire and Rescue Plan"


def names_a_plan(span: Span) -> bool:
    """"Local Fire and Rescue Plan", "Community Justice Outcome Improvement Plan": words that with "Plan" after them
    name a document, not a body; a place's body before it ("Wexbury Community Safety Partnership Plan") is still
    the body's."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in ("Plan", "Plans") and (
        not has(span[-1], "ORGEND") or span[0].lower_ in PLAN_OPENERS)


def is_address(span: Span) -> bool:
    """"Orchard Close", "Victoria Parade", "Parkhurst Road": a street, not a person. A street word that is also a
    surname ("Lane", "Street") reads as a name after a title or a known first name ("Mr Lane", "Andy Street")."""
    surname = street_types().get(span[-1].text)
    if surname is None or len(span) < 2 or has(span[0], "TITLE"):
        return False
    return not surname or not has(span[0], "FIRST")


MINUTE_NUMBER = re.compile(r"\d{1,3}(?:/\d{1,4})?[a-z]?")


def is_reference(span: Span) -> bool:
    """"minute FA 50", "see OS 14": an acronym followed by a minute or item number is that number's prefix, not a
    body (a year after it, "CSP 2024", is no minute number)."""
    doc = span.doc
    return len(span) == 1 and span[0].is_upper and span.end < len(doc) and \
        bool(MINUTE_NUMBER.fullmatch(doc[span.end].text))


def holds_address(span: Span) -> bool:
    """"Board Room, Probation Office, 14 Vicarage Gate, Tarnmouth": a house number, then a street, is a venue's
    address, not a body's name; so are two streets named together."""
    streets = street_types()
    if any(tok.like_num and any(t.text in streets for t in span[tok.i - span.start + 1:]) for tok in span[:-1]):
        return True
    # "Saltrigg Road and School Lane": two streets (the first a word no surname shares), not a body "... School"
    return span[-1].text in streets and any(streets.get(t.text) is False and span.doc[t.i + 1].lower_ in ("and", ",")
                                            for t in span[:-1])
