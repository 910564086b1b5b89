"""The label over an attendance list or one of its lines, and what it says of the people under it: the body they
represent ("Harlmoor Constabulary", "Officers (Elvershire County Council):", "IN ATTENDANCE (all X Council)") or
the seat they fill ("Chair:", "Independent co-opted members:").
"""

from __future__ import annotations

import re

from ..segment.layout import rules as segment_rules
from .attendance_details import ALL_OF, Attendee, looks_like_org, trimmed
from .attendance_names import WORD
from .attendance_posts import names_post, plural_role
from .lexicon import Lexicon

SEAT_QUALIFIERS = {"independent", "co-opted", "coopted", "lay", "associate", "non-voting", "substitute"}


CHAIR_SEAT = re.compile(r"(?:(?:Vice|Deputy)[- ]?)?Chair(?:man|person|woman)?|(?:Deputy\s+)?Convener", re.IGNORECASE)
LABEL_DASH = re.compile(r"([^\n\u2013\u2014]{3,40}?)\s+[\u2013\u2014-]\s+")


def body_of_label(text: str, start: int, end: int, lex: Lexicon) -> tuple[str, tuple[int, int], int] | None:
    """The body a list's label names, whose people it lists: "Oxenmere Violence Reduction Unit (VRU):",
    "Harlmoor Constabulary", or the bracket of "Officers (Elvershire County Council):"; as a line label for
    :func:`label_people`."""
    a, b = trimmed(text, start, end)
    if (dash := LABEL_DASH.match(text, a, b)) and segment_rules()["header_label"].match(dash.group(1)) \
            and looks_like_org(text[dash.end():b], lex):
        return "org", (dash.end(), b), end  # "OFFICERS \u2013 Pendlecote County Council:": the label, then the body
    if acronym := re.search(r"\s*\([A-Z]{2,6}\)$", text[a:b]):
        b = a + acronym.start()  # "... Reduction Unit (VRU)": the name, not its acronym
    bracket = re.search(r"\(([^()]+)\)$", text[a:b])
    if bracket and looks_like_org(bracket.group(1), lex) and not looks_like_org(text[a:a + bracket.start()], lex):
        every = ALL_OF.match(bracket.group(1))  # "IN ATTENDANCE (all Strathvennie Council)": the council
        return "org", (a + bracket.start(1) + (every.end() if every else 0), a + bracket.end(1)), end
    if looks_like_org(text[a:b], lex) and not segment_rules()["header_label"].match(text[a:b]):
        return "org", (a, b), end
    if CHAIR_SEAT.fullmatch(text[a:b]):
        return "role", (a, b), end  # "Chair: Councillor Ann Hale (Fellby Council)": the seat of the one named
    if (post := _post_label(text, a, b, lex)) is not None:
        return "role", post, end  # "Town Mayor (in the Chair): Cllr Elwyn Wathan": the post of the one named
    # "Independent co-opted members: Mrs D Aldwinckle and Mr K Mensah-Bonsu": a seat, in the plural, with a qualifier
    seat = re.sub(r"\s+(?:present|in attendance)$", "", text[a:b], flags=re.IGNORECASE)
    words = seat.lower().split()
    if len(words) >= 2 and (role := plural_role(seat, seat, lex)) and (
            words[-1] != "members" or SEAT_QUALIFIERS & set(words[:-1])):  # not "Committee members present:"
        return "role", role, end
    return None


def _post_label(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """"Town Mayor (in the Chair)", "Clerk and RFO": a list label that is one person's post, a note in brackets
    after it left out; not a group ("Officers", "Members present").  The post's span."""
    if note := re.search(r"\s*\([^()]*\)$", text[a:b]):
        b = a + note.start()
    return (a, b) if names_post(WORD.findall(text[a:b]), lex) else None


def label_people(text: str, people: list[Attendee], label: tuple[str, tuple[int, int], int]) -> None:
    """A line's label is the body each person on the line represents ("org"), or the seat they fill ("role").  A
    body set out over its people ("unit_of") is their organisation even where an entry names one: the entry's is
    a unit of it ("Brenmoorshire Police" / "DCI Adeel Stenhouse, Offender Management Unit"), part of the post."""
    for att in people:
        if label[0] == "unit_of" and isinstance(att.org, tuple):
            unit, att.org = att.org, None
            if att.role is None:
                att.role = unit
            elif isinstance(att.role, tuple) and re.fullmatch(r",\s*|\s*\(", text[att.role[1]:unit[0]]):
                closing = text[unit[1]:unit[1] + 1] == ")"  # "Senior Probation Officer, IOM", "Officer (Reducing ...)"
                att.role = (att.role[0], unit[1] + closing)
        if label[0] in ("org", "unit_of"):
            att.org = att.org or label[1]
        else:
            att.role = att.role or label[1]
