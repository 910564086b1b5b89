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


def _tokens_in(spans: list[Span]) -> set[int]:
    """The tokens some span already holds: a name is not extended over them."""
    return {i for s in spans for i in range(s.start, s.end)}


def with_area_pairs(spans: list[Span]) -> list[Span]:
    """An organisation ending "... for A" followed by "and B" (one capitalised word, then none) ends at B."""
    taken = _tokens_in(spans)
    out = []
    for span in spans:
        doc, end = span.doc, span.end
        if span.label_ == "ORG" and len(span) >= 3 and span[-2].lower_ == "for" and span[-1].is_title \
                and end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].is_title \
                and not taken & {end, end + 1} and (end + 2 == len(doc) or not doc[end + 2].is_title):
            span = Span(doc, span.start, end + 2, label="ORG")
        out.append(span)
    return out


REMIT_HEADS = {"board", "partnership", "partnerships", "forum", "council", "commission", "group", "network", "alliance",
               "panel", "trust"}
NOT_REMIT = {"information", "approval", "decision", "decisions", "noting", "discussion", "consideration", "comment",
             "comments", "action", "endorsement", "assurance", "january", "february", "march", "april", "may", "june",
             "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
             "thursday", "friday", "saturday", "sunday"}


def with_remit(spans: list[Span]) -> list[Span]:
    """"Morlan Area Planning Board for Substance Misuse", "Ardwick Council for Voluntary Service": a board,
    partnership or council named for its remit takes the remit (capitalised words after "for", up to three and
    "and"), but not "... Board for Information", "... Board for March", nor an area ("Medway Council for Kent and
    Medway", "Combating Drugs Partnership for Hollinshire": the places the text names bodies after)."""
    taken = _tokens_in(spans)
    out = []
    for span in spans:
        doc, k = span.doc, span.end
        if span.label_ == "ORG" and span[-1].lower_ in REMIT_HEADS and k + 1 < len(doc) and doc[k].text == "for":
            m = k + 1
            while m < len(doc) and m - k <= 4 and (doc[m].is_title or doc[m].lower_ == "and" and m + 1 < len(doc)
                                                   and doc[m + 1].is_title) and doc[m].lower_ not in NOT_REMIT:
                m += 1
            places = doc.user_data.get("places", ())
            if m > k + 1 and doc[m - 1].is_title and not taken & set(range(k, m)) and \
                    (m == len(doc) or not doc[m].is_title) and not any(t.text in places for t in doc[k + 1:m]):
                span = Span(doc, span.start, m, label="ORG")
        out.append(span)
    return out


AREA_BRANDS = {"NHS"}  # "NHS Highland", "NHS Kent and Medway": a national service's body for an area
NOT_AREAS = {"health", "long", "app", "constitution", "pension", "pensions", "number", "staff", "workforce", "funding",
             "services", "service", "trust", "trusts", "partners", "colleagues"}  # "the NHS Health Check": a thing


def with_brand_area(spans: list[Span]) -> list[Span]:
    """"NHS" alone, followed by the area it serves ("NHS Ardlossie and Islands", "NHS Highland"), is that area's
    body: the capitalised words after it, "and" between two of them, up to four."""
    taken = _tokens_in(spans)
    out = []
    for span in spans:
        doc, k = span.doc, span.end
        if len(span) == 1 and span.text in AREA_BRANDS and k < len(doc) and doc[k].lower_ not in NOT_AREAS:
            m = k
            while m < len(doc) and m - k < 4 and (doc[m].is_title or doc[m].lower_ == "and" and m > k
                                                  and m + 1 < len(doc) and doc[m + 1].is_title):
                m += 1
            if m > k and not taken & set(range(k, m)):
                span = Span(doc, span.start, m, label=span.label_)
        out.append(span)
    return out


def without_venue(span: Span) -> Span:
    """"Cordale Fire and Rescue Service Headquarters" -> the body whose building it is; other spans unchanged."""
    if span.label_ == "ORG" and len(span) >= 3 and span[-1].text in VENUE_HEADS and has(span[-2], "ORGEND"):
        return Span(span.doc, span.start, span.end - 1, label="ORG")
    return span
