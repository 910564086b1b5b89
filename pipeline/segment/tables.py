"""Item tables: minutes printed as a table with an agenda item a row.

Action notes are often a table — "Item | Discussion | Action | Owner | Deadline" —
published as HTML (which :mod:`pipeline.ingest.html` renders a row a line, cells
joined by " | ") or as text with markdown pipes ("| 1. Welcome | ... | KB | Next
meeting |").  Read as lines, each row is one long line and no item heading stands
alone.  :func:`with_item_rows` splits the rows of such a table into one line per
cell, so the first cell ("1. Welcome and apologies") is a heading line and each
other cell a paragraph of its own; the rows after an item's row, up to the next
one (their first cell empty: an HTML page may drop it), go on with that item.
Offsets stay those of the document: no text is invented or moved.
"""

from __future__ import annotations

import re

from .layout import Line, rules

CELL = re.compile(r"[^|]+")
EMPTY_CELL = re.compile(r"[\s\-\u2013\u2014]*")  # "", "–": nothing in the cell
RULE_ROW = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")  # a markdown table's "|---|---|" rule
MIN_ITEM_ROWS = 2


def _cells(line: Line) -> list[Line]:
    """The non-empty cells of a table row, each as a line with the row's offsets."""
    out = []
    for m in CELL.finditer(line.text):
        a, b = m.start(), m.end()
        while a < b and line.text[a].isspace():
            a += 1
        while b > a and line.text[b - 1].isspace():
            b -= 1
        if not EMPTY_CELL.fullmatch(line.text[a:b]):
            out.append(Line(line.start + a, line.start + b, line.text[a:b], 1))
    return out


def _first_cell(line: Line) -> str | None:
    """The row's first cell ("" when empty), or None when the line is no table row."""
    text = line.text.strip()
    if "|" not in text or text.count("|") < (3 if text.startswith("|") else 1):
        return None
    return text.lstrip("|").split("|", 1)[0].strip()


def _item_heading(cell: str) -> bool:
    r = rules()
    return bool(r["item_colon_heading"].match(cell) or r["numbered_heading"].match(cell))


def with_item_rows(lines: list[Line]) -> list[Line]:
    """``lines`` with the rows of an item table split into cell lines (unchanged when there is none)."""
    firsts = [_first_cell(ln) for ln in lines]
    if sum(bool(f) and _item_heading(f) for f in firsts) < MIN_ITEM_ROWS:
        return lines
    out: list[Line] = []
    in_item = False
    for ln, first in zip(lines, firsts, strict=True):
        if first is None:
            in_item = False
            out.append(ln)
        elif RULE_ROW.fullmatch(ln.text.strip()):
            continue  # "|---|---|": no text
        elif _item_heading(first) or in_item:  # an item's row, or a row going on with it (its first cell empty)
            in_item = True
            cells = _cells(ln)
            if cells and _item_heading(first):
                cells[0].blank_before = max(1, ln.blank_before)  # the item's heading opens a block
            out.extend(cells)
        else:  # the table's heading row ("Item | Discussion | Action"), or a row of another table
            in_item = False
            out.append(ln)
    return out
