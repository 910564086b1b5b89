"""Line breaks an organisation's name does not run across.

The pipeline reads wrapped lines as one (:func:`pipeline.entities.unwrap`), so a body's name at the end of a
line can run on into the next: "... Trust" / "NHS Foundation Trust" is one name, but "HMP Skelmanby" over the
heading "DUTY TO CO-OPERATE AGENCIES", or "... Voluntary Organisations" over "OFFICERS PRESENT", is not.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .nlp import source_text

CAPITALS_LINE = re.compile(r"[^a-z\n]*[A-Z]{2}[^a-z\n]*")  # a line in capitals: a heading, no name's tail


def before_heading_line(span: Span) -> Span:
    """``span`` cut at the first line break inside it after which a whole line is in capitals."""
    text = source_text(span.doc)  # (not ``user_data.get("text", doc.text)``: that builds the doc's text each call)
    for tok in span[1:]:
        before = span.doc[tok.i - 1]
        if "\n" in text[before.idx + len(before):tok.idx]:  # the name goes on onto the next line
            end = text.find("\n", tok.idx)
            line = text[tok.idx:end if end >= 0 else len(text)].strip()
            if CAPITALS_LINE.fullmatch(line) and len(line.split()) >= 2:
                return Span(span.doc, span.start, tok.i, label=span.label_)
    return span
