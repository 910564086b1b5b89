"""A body's name of three parts with a comma in it ("Stavebridge Recovery, Housing and Support Trust"): the
patterns find its last two parts, "A and B <body word>"; the first part, before the comma, is found here."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .nlp import has
from .org_extent import OWNER_WORDS, WEAK_ORG_HEADS


def with_comma_heads(spans: list[Span]) -> list[Span]:
    """"Stavebridge Recovery, Housing and Support Trust", "NHS Wendmoor, Stavenhurst and Crossbeck Integrated Care
    Board": a body whose name opens "A and B" after a comma continues a three-part name that starts before the
    comma, with one to three capitalised words (a body of its own there, "NHS Wendmoor", is that first part).  A
    first part that ends in a body word ("Kent Police, Fire and Rescue Service") is a list, and a person is not
    a first part."""
    out: list[Span] = []
    for span in spans:
        doc, start = span.doc, span.start
        if span.label_ == "ORG" and len(span) >= 3 and span[1].lower_ == "and" and span[0].is_title \
                and span[2].is_title and start >= 2 and doc[start - 1].text == ",":
            prev = out[-1] if out and out[-1].end == start - 1 else None
            head = prev.start if prev is not None and prev.label_ == "ORG" else _title_run_start(doc, start - 1)
            first = doc[head:start - 1]
            if len(first) and (prev is None or prev.label_ == "ORG") \
                    and first[-1].lower_ not in OWNER_WORDS | WEAK_ORG_HEADS and not _job_or_field(first):
                if prev is not None:
                    out.pop()
                span = Span(doc, head, span.end, label="ORG")
        out.append(span)
    return out


def _job_or_field(first: Span) -> bool:
    """Is the first part a job ("Chief Executive, Ashby and Fell Hospitals NHS Trust") or a portfolio's field
    ("Cabinet Member for Finance, Corporate and Traded Services")?"""
    return (first.start > 0 and first.doc[first.start - 1].lower_ in ("for", "of")) or any(
        has(t, "ROLE") or has(t, "ROLEHEAD") or has(t, "RANK") for t in first)


def _title_run_start(doc: Doc, end: int, most: int = 3) -> int:
    """Where the run of up to ``most`` capitalised words ending before token ``end`` starts (else ``end``)."""
    k = end
    while k > 0 and end - k < most and doc[k - 1].is_title and not doc[k - 1].is_sent_start:
        k -= 1
    if k < end and (k == 0 or not doc[k - 1].is_title):
        return k + 1 if doc[k].lower_ in ("the", "a", "an") else k  # a sentence's "The" is no part of the name
    return end
