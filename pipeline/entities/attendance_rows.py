"""Attendance rows read cell by cell (a table's columns say what each cell holds), and the body a group's label
gives its people ("for Police Scotland, Chief Inspector X (...) and Inspector Y")."""

from __future__ import annotations

import re
from collections.abc import Callable

from .attendance_details import SUBSTITUTING_FOR, TRAILING_NOTE, Attendee, looks_like_org, trimmed
from .attendance_labels import CHAIR_SEAT
from .lexicon import Lexicon

CellReader = Callable[[int, int], list[Attendee]]  # the people named in text[a:b]


def text_of(text: str, value: tuple[int, int] | str | None) -> str | None:
    """A detail of an attendee as text, whether it is held as a span of ``text`` or as a string."""
    return text[slice(*value)] if isinstance(value, tuple) else value


def read_row(text: str, row: dict[str, tuple[int, int]], lex: Lexicon, read_cell: CellReader) -> list[Attendee]:
    """The person of a table row read cell by cell: the name (with its initials), the post, the body; then the
    deputy who came in their place, of the same body.  ``read_cell`` reads the people of a cell's span."""
    found = read_cell(*row.get("name", row.get("line"))) if "name" in row or "line" in row else []
    if not found:
        return []
    att = found[0]
    seat = text_of(text, att.role)  # "Cllr R. Watkins (Chair)" in the name's cell: the seat, then the job
    if "role" in row:  # the whole cell is the post, up to a note: "Area Manager (first meeting)", "... - CHAIR"
        a, b = row["role"]
        note = re.search(r"\s+[-\u2013]\s|\s*\((?!\s*(?:" + CHAIR_SEAT.pattern + r")\s*\)\s*$)|,\s*(?="
                         + SUBSTITUTING_FOR.pattern + ")", text[a:b])  # "Head of Communities (Chair)" whole
        att.role = trimmed(text, a, a + note.start()) if note and note.start() else (a, b)
        cut = text.rfind(",", *att.role)
        if "org" not in row and cut > 0 and looks_like_org(text[cut + 1:att.role[1]].strip(), lex):
            # "Chief Social Work Officer, Kilbranie Council" in a Designation column: the job, then its body
            att.role, att.org = trimmed(text, att.role[0], cut), trimmed(text, cut + 1, att.role[1])
    if "seat" in row:  # "Chair | A. Rettie | Chief Social Work Officer": the seat on the body
        a, b = row["seat"]
        note = TRAILING_NOTE.search(text, a, b)  # "Magistrate member (Chair for items 1 to 3)"
        seat_span = trimmed(text, a, note.start()) if note and note.start() > a else (a, b)
        seat = text[slice(*seat_span)]
        if looks_like_org(seat, lex):  # "Crown Prosecution Service | Ms M. Dizon, Senior Crown Prosecutor"
            if att.org is None:
                att.org = seat_span
            elif seat.lower() not in text_of(text, att.org).lower():
                give_body(text, [att], seat_span, lex)  # "Quellshire Police | Sergeant N. Lau, Criminal Justice
                # Department": the body is the seat's, what the cell took for one a unit of the post
            seat = None
        elif att.role is None and not CHAIR_SEAT.fullmatch(seat):
            att.role = seat_span  # "Independent member | Mr H. Miah": the seat is all the post there is
    if "role" in row or "seat" in row:
        job = text_of(text, att.role)
        if seat and CHAIR_SEAT.fullmatch(seat) and job != seat:  # the seat, with the job it is held in
            att.role = f"{seat} ({job})" if job else seat
    if "org" in row:
        a, b = row["org"]
        # "Ardlossie Alcohol and Drug Partnership (ADP)", "Cwmafren County Borough Council (host authority)"
        note = re.search(r"\s*\((?:[A-Z]{2,6}|[a-z][^()]*)\)$", text[a:b])
        att.org = (a, a + note.start()) if note else (a, b)
        if (cut := text.find(",", *att.org)) > 0 and looks_like_org(text[att.org[0]:cut], lex):
            att.org = (att.org[0], cut)  # "Holmeshire Police, Stallford Neighbourhood Team": the body, then its unit
    if "deputy" in row:  # "D \u2013 K. Anderson, Housing Solutions Manager"
        deputies = read_cell(*row["deputy"])
        for deputy in deputies:
            deputy.org = deputy.org or att.org
        return [att, *deputies]
    return [att]


def give_body(text: str, people: list[Attendee], body: tuple[int, int] | None, lex: Lexicon) -> None:
    """The body a "for X," opened the group with, for each of its ``people``; what their own details took for a
    body is a unit of the post ("for the Scottish Prison Service, Ms L. Nandi (Head of Offender Outcomes, HMP
    Dunmorack)").  Returns None: the body of the next group is not yet known."""
    if body is not None:
        for att in people:
            if isinstance(att.org, tuple) and isinstance(att.role, tuple) and att.org != body \
                    and re.fullmatch(r",\s*", text[att.role[1]:att.org[0]]):
                att.role = (att.role[0], att.org[1])
            att.org = body
