"""Line breaks an organisation's name does not run across.

The pipeline reads wrapped lines as one (:func:`pipeline.entities.unwrap`), so a body's name at the end of a
line can run on into the next: "... Trust" / "NHS Foundation Trust" is one name, but "HMP Skelmanby" over the
heading "DUTY TO CO-OPERATE AGENCIES", or "... Voluntary Organisations" over "OFFICERS PRESENT", is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from .nlp import source_text

CELL_GAP = re.compile(r"\t| {3,}")  # between two cells of a table row (ingest prints a tab as three spaces)
CAPITALS_LINE = re.compile(r"[^a-z\n]*[A-Z]{2}[^a-z\n]*")  # a line in capitals: a heading, no name's tail


def _gaps(span: Span, text: str) -> Iterator[tuple[Token, str]]:
    """Each token of ``span`` after its first, with the source ``text`` between it and the token before."""
    for tok in span[1:]:
        before = span.doc[tok.i - 1]
        yield tok, text[before.idx + len(before):tok.idx]


def before_heading_line(span: Span) -> Span:
    """``span`` cut at the first line break inside it after which a whole line is in capitals."""
    text = source_text(span.doc)  # (not ``user_data.get("text", doc.text)``: that builds the doc's text each call)
    for tok, gap in _gaps(span, text):
        if "\n" in gap:  # the name goes on onto the next line
            end = text.find("\n", tok.idx)
            line = text[tok.idx:end if end >= 0 else len(text)].strip()
            if CAPITALS_LINE.fullmatch(line) and len(line.split()) >= 2:
                return Span(span.doc, span.start, tok.i, label=span.label_)
    return span


def within_one_cell(span: Span) -> Span:
    """``span`` inside one cell of a table whose cells a tab or a wide gap separates (ingest prints a tab as three
    spaces): a name does not run across a cell's edge ("Norbrook Council for Voluntary Service   Dipali Heer, Chief
    Officer"), nor from a row's last cell onto the next row ("... Head of Safeguarding   Deputy" / "NHS Norbrook
    Clinical Commissioning Group   ...")."""
    doc, text = span.doc, source_text(span.doc)
    line_start = text.rfind("\n", 0, span[0].idx) + 1
    opens_cell = text[line_start:span[0].idx].endswith(("\t", "   "))  # the span starts a cell
    start, end = span.start, span.end
    for tok, gap in _gaps(span, text):
        if CELL_GAP.search(gap):
            end = tok.i
            break
        if "\n" in gap and opens_cell and start == span.start:
            start = tok.i  # the row's last cell ended at the line break
    return span if (start, end) == (span.start, span.end) or start >= end else Span(doc, start, end, label=span.label_)
