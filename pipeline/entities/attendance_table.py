"""Attendance printed as a table whose heading names its columns, in any order: "Organisation | Name (initials) |
Designation" over "Ardlossie Council | Grizel Hossack (GH) | Chief Social Work Officer".

A table with the name first reads as a list of "name, post, body" entries and needs nothing of its own; one that
puts the body or the post first does not (the body would be read as the first person's name), so its rows are
read cell by cell, each cell for what its column says it holds.
"""

from __future__ import annotations

import re

from ..segment.layout import Line, split_lines
from ..segment.tables import row_cells
from .attendance_details import initials_of, looks_like_org
from .attendance_names import name_extent
from .lexicon import Lexicon

STATUS = re.compile(r"(?:Present|Apologies|Absent|Attended|Yes|No)(?:\s*\([^()]*\))?")  # an attendance column
STATUS_AT_END = re.compile(r"\s+" + STATUS.pattern + "$")
GROUP_HEADING_WORDS = 10
INITIALS_CELL = re.compile(r"(?:[A-Z]|Mc|Mac){2,4}[a-z]?")  # "DMcL", "RS": a person's initials in a column of their own
ACRONYM_WORD = re.compile(r"\b[A-Z]{2,6}\b")  # "SFRS", "Lochbrannan HA": a body known by its initials
RULE_LINE = re.compile(r"[-+=|:\s]+")  # "----+----", "|---|---|": a table's rules
# "D \u2013 K. Anderson, Housing Solutions Manager" in the attendance column: the deputy who came in the member's place
DEPUTY_CELL = re.compile(r"(?:D|Dep(?:uty)?|Sub(?:stitute)?)\.?\s*[-\u2013:]\s*(?P<who>\S.*)")

# what a column's heading says its cells hold; the first kind whose words the heading has
COLUMN_KINDS = (
    ("name", re.compile(r"\b(?:names?|attendees?|members?|councillors?|representatives?|persons?)\b",
                        re.IGNORECASE)),
    ("role", re.compile(r"\b(?:roles?|designations?|titles?|positions?|posts?|jobs?)\b", re.IGNORECASE)),
    ("org", re.compile(r"\b(?:organi[sz]ations?|agency|agencies|representing|body|bodies|employers?|services?)\b",
                       re.IGNORECASE)),
    # "Seat | Name | Attendance": what the person sits for, a body ("Quellshire Police") or a place on the body
    # ("Independent member")
    ("seat", re.compile(r"\b(?:seats?|capacity|category|sector)\b", re.IGNORECASE)),
    # "Councillor | Ward | Attendance": the place a councillor was elected for, no detail of the person
    ("ward", re.compile(r"\b(?:wards?|(?:electoral\s+)?divisions?|constituenc(?:y|ies))\b", re.IGNORECASE)),
)


def column_kinds(line: Line) -> list[str | None] | None:
    """The kind of each column a table's heading row names ("name", "role", "org", or None), or None when the
    line is no such heading: one column of names and at least one other named column."""
    cells = row_cells(line)
    if not cells or len(cells) < 2:
        return None
    kinds = [next((kind for kind, words in COLUMN_KINDS if words.search(c.text) and len(c.text.split()) <= 4),
                  None) for c in cells]
    if kinds.count("name") != 1 or sum(k is not None for k in kinds) < 2:
        return None
    if kinds.count("role") == 2:  # "Position | Name | Designation": the seat on the body, then the job
        kinds[kinds.index("role")] = "seat"
    return kinds


def _stacked_heading(text: str) -> str | None:
    """The kind of column a line names when it is one heading of a table printed a cell a line ("Name" /
    "Representing" / "Role on the Board"): a few words, no gaps."""
    if len(text.split()) > 4 or row_cells(Line(0, len(text), text, 0)) is not None:
        return None
    return next((kind for kind, words in COLUMN_KINDS if words.search(text)), None)


def stacked_rows(text: str, start: int, end: int) -> tuple[list[dict[str, tuple[int, int]]], int] | None:
    """The rows of an attendance table printed a cell a line (a Word table pasted as text): its headings on
    lines of their own ("Name" / "Representing" / "Role on the Board"), then each row's cells on as many lines;
    the table ends at a blank line or an incomplete row.  None when the list opens with no such headings."""
    lines = split_lines(text, start, end)
    first = 1 if lines and lines[0].text.rstrip().endswith(":") or len(lines) > 1 and lines[1].blank_before else 0
    kinds: list[str] = []
    for ln in lines[first:first + len(COLUMN_KINDS) + 1]:
        if (kind := _stacked_heading(ln.text)) is None or kind in kinds:
            break
        kinds.append(kind)
    if len(kinds) < 2 or "name" not in kinds:
        return None
    rows, at, table_end = [], first + len(kinds), lines[first + len(kinds) - 1].end
    while at + len(kinds) <= len(lines) and not any(ln.blank_before for ln in lines[at + 1:at + len(kinds)]) \
            and (at == first + len(kinds) or not lines[at].blank_before):
        cells = lines[at:at + len(kinds)]
        rows.append({kind: (c.start, c.end) for kind, c in zip(kinds, cells, strict=True)})
        table_end, at = cells[-1].end, at + len(kinds)
    return (rows, table_end) if rows else None


def rows_by_column(text: str, start: int, end: int) -> tuple[list[dict[str, tuple[int, int]]], int] | None:
    """The rows of an attendance table opening ``text[start:end]`` whose names are not in its first column, each
    as ``{kind: cell span}``, and where the table ends; None when the list is no such table.  Rules
    ("----+----") are skipped; the table ends at the first line whose cells do not line up with the heading's
    ("In attendance for item 3: ...")."""
    lines = split_lines(text, start, end)
    heading, kinds = next(((k, kinds) for k, ln in enumerate(lines[:2]) if (kinds := column_kinds(ln))), (None, None))
    by_cell = heading is not None and ("|" in lines[heading].text and {"role", "org"} <= set(kinds) or "ward" in kinds)
    if heading is None or kinds.index("name") == 0 and not by_cell:
        # a name-first table reads as "name, post, body" lines ("Member | Representing" over "Jo Bell | Calder
        # Police - Head of Partnerships"); but a web page's with a column for each, by cell (commas in its cells),
        # and one with a column of wards, whose cells are no post
        return None
    rows, table_end = [], lines[heading].end
    for k in range(heading + 1, len(lines)):
        ln = lines[k]
        if _group_heading(ln, lines[k + 1] if k + 1 < len(lines) else None, len(kinds), "|" in lines[heading].text):
            pass  # "Local authorities" across the table, over its group's rows
        elif not RULE_LINE.fullmatch(ln.text):
            cells = row_cells(ln)
            # a cell short, the attendance column last: two columns printed as one
            short = bool(cells) and len(cells) == len(kinds) - 1 and kinds[-1] is None
            if short and (status := STATUS_AT_END.search(cells[-1].text)):
                # "... Kilbranie Council Present": the last column printed one space from the one before
                last = cells[-1]
                cells[-1] = Line(last.start, last.start + status.start(), last.text[:status.start()], 1)
            elif short and STATUS.fullmatch(cells[-1].text) and (at := kinds.index("name")) < len(cells) - 1:
                # "Member | Councillor J. Westwater Convener, Communities Committee | Apologies": the name's cell
                # runs into the next; the person's details are read from the two as one line
                rows.append({kind: (c.start, c.end) for kind, c in zip(kinds[:at], cells[:at], strict=True) if kind}
                            | {"line": (cells[at].start, cells[-2].end)})
                table_end = ln.end
                continue
            elif cells is None or len(cells) != len(kinds):
                break
            row = {kind: (c.start, c.end) for kind, c in zip(kinds, cells, strict=False) if kind and c.text}
            for kind, c in zip(kinds, cells, strict=False):
                if not kind and (deputy := DEPUTY_CELL.fullmatch(c.text)):
                    row["deputy"] = (c.start + deputy.start("who"), c.start + deputy.end("who"))
            rows.append(row)
        table_end = ln.end
    return rows, table_end


def _group_heading(line: Line, below: Line | None, columns: int, piped: bool) -> bool:
    """A short line that is no row ("Health", "| Local authorities": a cell across the table) over a full row;
    in a table of pipes, a line of one pipe at most is no row, whatever its gaps."""
    no_row = line.text.count("|") <= 1 if piped else row_cells(line) is None
    return no_row and len(line.text.split()) <= GROUP_HEADING_WORDS and below is not None \
        and len(row_cells(below) or ()) == columns


def body_first_row(text: str, a: int, b: int, lex: Lexicon) -> tuple[tuple[int, int], tuple[int, int],
                                                                     tuple[int, int] | None] | None:
    """A row of a headless table that gives the body, then the person, then their initials ("Police Scotland
    <tab> Insp R. Stark (Partnerships and Prevention) <tab> RS"): (the body's cell, the person's, the initials'
    if any).  None when the line is no such row."""
    cells = row_cells(Line(a, b, text[a:b], 0))
    if not cells or len(cells) < 2 or len(cells) > 3 or not cells[0].text or not cells[1].text:
        return None
    first, person = cells[0], cells[1]
    named = name_extent(text, person.start, person.end, lex)
    if not named or name_extent(text, first.start, first.end, lex) or len(first.text.split()) > 8 \
            or first.text.endswith(":") or ";" in person.text \
            or initials_of(first.text, text[named[0]:named[1]]):
        return None  # "Body: A; B" is a labelled line; "AT <tab> Amy Tuckwell, ..." a key to initials
    alias = (cells[2].start, cells[2].end) if len(cells) == 3 and INITIALS_CELL.fullmatch(cells[2].text) else None
    if len(cells) == 3 and alias is None:
        return None
    if not (looks_like_org(first.text, lex) or ACRONYM_WORD.search(first.text)):
        return None  # "Independent Members | Mr A, Mrs B": a group's label, read with the line
    return (first.start, first.end), (person.start, person.end), alias
