"""Item tables: minutes printed as a table with an agenda item a row.

Action notes are often a table — "Item | Discussion | Action | Owner | Deadline" —
published as HTML (which :mod:`pipeline.ingest.html` renders a row a line, cells
joined by " | "), as text with markdown pipes ("| 1. Welcome | ... | KB | Next
meeting |") or as a page dump whose cells are joined by tabs (column gaps).  Read as lines, each
row is one long line and no item heading stands alone.  :func:`with_item_rows`
splits the rows of such a table into one line per cell, so the first cell ("1.
Welcome and apologies", or a number cell and a title cell) is a heading line and
each other cell a paragraph of its own; the rows after an item's row, up to the
next one (their first cell empty: an HTML page may drop it), go on with that item.
Offsets stay those of the document: no text is invented or moved.
"""

from __future__ import annotations

import re

from .layout import Line, rules

EMPTY_CELL = re.compile(r"[\s\-\u2013\u2014]*")  # "", "–": nothing in the cell
RULE_ROW = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")  # a markdown table's "|---|---|" rule
NUMBER_CELL = re.compile(r"(?:Item\s+)?\d{1,3}[.:]?", re.IGNORECASE)  # "1.", "Item 3": the number column
GAP = re.compile(r"(?<=\S) {3,}(?=\S)")  # a column gap: a tab of the page dump (ingest keeps it as spaces)
MIN_ITEM_ROWS = 2  # rows that hold an item's heading and its minutes make the table an item table
MIN_MINUTES_WORDS = 6


def row_cells(line: Line) -> list[Line] | None:
    """The cells of a table row (empty ones included), each as a line with the row's offsets; None when the
    line is no table row: a row has pipes (an HTML row rendered " | ", or markdown) or column gaps (a page dump's
    tabs)."""
    text = line.text
    stripped = text.strip()
    if "|" in stripped and stripped.count("|") >= (3 if stripped.startswith("|") else 1):
        seps = [m.span() for m in re.finditer(r"\|", text)]
    elif GAP.search(text):
        seps = [m.span() for m in GAP.finditer(text)]
        if text[:1] == " " and (lead := re.match(r" {3,}", text)):
            seps.insert(0, lead.span())  # a row whose first cell is empty
    else:
        return None
    out, pos = [], 0
    for a, b in [*seps, (len(text), len(text))]:
        ca, cb = pos, a
        while ca < cb and text[ca].isspace():
            ca += 1
        while cb > ca and text[cb - 1].isspace():
            cb -= 1
        out.append(Line(line.start + ca, line.start + cb, text[ca:cb], 1))
        pos = b
    if stripped.startswith("|"):  # the empty cells outside a markdown row's borders
        out = out[1:-1] if stripped.endswith("|") else out[1:]
    return out


def _is_heading(text: str) -> bool:
    r = rules()
    return bool(r["item_colon_heading"].match(text) or r["numbered_heading"].match(text))


def _heading_cells(cells: list[Line]) -> int:
    """How many leading cells make the row's item heading: 1 ("1. Welcome"), 2 ("1." | "Welcome"), 0 (none)."""
    if cells and _is_heading(cells[0].text):
        return 1
    if len(cells) > 2 and NUMBER_CELL.fullmatch(cells[0].text) and _is_heading(f"{cells[0].text} {cells[1].text}"):
        return 2
    return 0


def _minutes_row(cells: list[Line] | None) -> bool:
    """An item's heading and, in another cell, the minutes of it (a sentence or more), unlike a contents
    table's "12/23 Apologies for Absence | 1 | 18/23 Annual Governance Statement | 5"."""
    k = _heading_cells(cells) if cells else 0
    return bool(k) and any(len(c.text.split()) >= MIN_MINUTES_WORDS for c in cells[k:])


def _filled(cells: list[Line]) -> list[Line]:
    return [c for c in cells if not EMPTY_CELL.fullmatch(c.text)]


# a column of the table's heading row that holds what was decided: "Decision", "Decision / Action", "Outcome",
# "Board decision"
DECISION_COLUMN = re.compile(r"(?:(?:board|panel|committee|partnership|group|council)(?:'s)?\s+)?"
                             r"(?:decisions?|resolutions?|outcomes?|agreed|decisions?\s*(?:/|and|&)\s*actions?)",
                             re.IGNORECASE)


def with_item_rows(lines: list[Line]) -> tuple[list[Line], list[tuple[int, int]]]:
    """``lines`` with the rows of an item table split into cell lines (unchanged when there is none), and the
    spans of the cells under a "Decision" heading: each records what the body decided."""
    rows = [row_cells(ln) for ln in lines]
    if sum(_minutes_row(cells) for cells in rows) < MIN_ITEM_ROWS:
        return lines, _decided_rows(rows)
    out: list[Line] = []
    decided: list[tuple[int, int]] = []
    in_item = False
    heading_row: list[Line] | None = None
    for ln, cells in zip(lines, rows, strict=True):
        if cells is None:  # a line between rows ("ACTION 21/12: ..."), or after the table: a block of its own
            out.append(Line(ln.start, ln.end, ln.text, max(1, ln.blank_before)) if in_item else ln)
            in_item = False
            continue
        if RULE_ROW.fullmatch(ln.text.strip()):
            continue  # "|---|---|": no text
        if k := _heading_cells(cells):
            in_item = True
            a, b = cells[0].start, cells[k - 1].end
            heading = Line(a, b, ln.text[a - ln.start:b - ln.start], max(1, ln.blank_before))
            out += [heading, *_filled(cells[k:])]
        elif in_item and ("|" in ln.text or EMPTY_CELL.fullmatch(cells[0].text)) and not _is_heading(ln.text):
            out += _filled(cells)  # a row going on with the item above
        else:  # the table's heading row ("Item | Discussion | Action"), or a row of another table
            in_item, heading_row = False, cells
            out.append(ln)
            continue
        if (cell := _decision_cell(heading_row, cells)) is not None:
            decided.append((cell.start, cell.end))
    return out, decided


def _decided_rows(rows: list[list[Line] | None]) -> list[tuple[int, int]]:
    """The "Decision" cells of a table inside an item's minutes ("Applicant | Amount sought | Board decision |
    Lead", a grant bid a row): each row under the heading row, up to the first line that is no row, records what
    the body decided about it."""
    decided: list[tuple[int, int]] = []
    heading_row: list[Line] | None = None
    for cells in rows:
        if cells is None or len(cells) < 2:
            heading_row = None
        elif heading_row is None:
            if any(DECISION_COLUMN.fullmatch(c.text) for c in cells):
                heading_row = cells
        elif (cell := _decision_cell(heading_row, cells)) is not None:
            decided.append((cell.start, cell.end))
    return decided


def _decision_cell(heading_row: list[Line] | None, cells: list[Line]) -> Line | None:
    """The row's cell under the heading row's "Decision" column; a row with fewer cells (an empty one dropped by
    the page, or two tabs read as one gap) is aligned on its last cell."""
    if not heading_row:
        return None
    column = next((k for k, c in enumerate(heading_row) if DECISION_COLUMN.fullmatch(c.text)), None)
    if column is None or len(cells) > len(heading_row):
        return None
    k = column if len(cells) == len(heading_row) else len(cells) - (len(heading_row) - column)
    if not (0 < k < len(cells) or k == column == 0) or EMPTY_CELL.fullmatch(cells[k].text):
        return None
    return cells[k]
