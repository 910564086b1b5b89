"""A body's name read to the end of its area, and cut before the building it owns.

"Office of the Police and Crime Commissioner for Wrayford and Dunsmoor": an office named for an area of two
places takes both ("... for Kent and Medway"), where the patterns stop at the first.  "Cordale Fire and Rescue
Service Headquarters", "Oxenmere Police Headquarters": a venue named after the body that owns it names that
body, which is what the minutes list when they meet there.
"""

from __future__ import annotations

from spacy.tokens import Span

from .nlp import has

VENUE_HEADS = {"Headquarters", "HQ", "Offices"}  # "Kent Police Headquarters": the body's building


def with_area_pairs(spans: list[Span]) -> list[Span]:
    """An organisation ending "... for A" followed by "and B" (one capitalised word, then none) ends at B."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        doc, end = span.doc, span.end
        if span.label_ == "ORG" and len(span) >= 3 and span[-2].lower_ == "for" and span[-1].is_title \
                and end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].is_title \
                and not taken & {end, end + 1} and (end + 2 == len(doc) or not doc[end + 2].is_title):
            span = Span(doc, span.start, end + 2, label="ORG")
        out.append(span)
    return out


def without_venue(span: Span) -> Span:
    """"Cordale Fire and Rescue Service Headquarters" -> the body whose building it is; other spans unchanged."""
    if span.label_ == "ORG" and len(span) >= 3 and span[-1].text in VENUE_HEADS and has(span[-2], "ORGEND"):
        return Span(span.doc, span.start, span.end - 1, label="ORG")
    return span
