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

STATUS = re.compile(r"(?:Present|Apologies|Absent|Attended|Yes|No)(?:\s*\([^()]*\))?")  # an attendance column
STATUS_AT_END = re.compile(r"\s+" + STATUS.pattern + "$")
RULE_LINE = re.compile(r"[-+=|:\s]+")  # "----+----", "|---|---|": a table's rules

# what a column's heading says its cells hold; the first kind whose words the heading has
COLUMN_KINDS = (
    ("name", re.compile(r"\b(?:names?|attendees?|members?|representatives?|persons?)\b", re.IGNORECASE)),
    ("role", re.compile(r"\b(?:roles?|designations?|titles?|positions?|posts?|jobs?)\b", re.IGNORECASE)),
    ("org", re.compile(r"\b(?:organi[sz]ations?|agency|agencies|representing|body|bodies|employers?|services?)\b",
                       re.IGNORECASE)),
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


def rows_by_column(text: str, start: int, end: int) -> tuple[list[dict[str, tuple[int, int]]], int] | None:
    """The rows of an attendance table opening ``text[start:end]`` whose names are not in its first column, each
    as ``{kind: cell span}``, and where the table ends; None when the list is no such table.  Rules
    ("----+----") are skipped; the table ends at the first line whose cells do not line up with the heading's
    ("In attendance for item 3: ...")."""
    lines = split_lines(text, start, end)
    heading, kinds = next(((k, kinds) for k, ln in enumerate(lines[:2]) if (kinds := column_kinds(ln))), (None, None))
    if heading is None or kinds.index("name") == 0:
        return None
    rows, table_end = [], lines[heading].end
    for ln in lines[heading + 1:]:
        if not RULE_LINE.fullmatch(ln.text):
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
            rows.append({kind: (c.start, c.end) for kind, c in zip(kinds, cells, strict=False) if kind and c.text})
        table_end = ln.end
    return rows, table_end
