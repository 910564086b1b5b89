"""Find agenda items: where each starts, its number and its title.

Published minutes mark items in one of a few ways, tried from the most to the
least explicit:

1. **structure hints** from the format (ModernGov HTML item tables);
2. **item markers** — a title followed by "(Item 4)" on its own line (printed
   minutes), optionally prefixed by a minute number ("283.");
3. **marked-up headings** — a title underlined with "-----" or "=====" (text
   exports of Word documents), or a markdown "## 4. Title";
4. **numbered headings** — "12. APOLOGIES FOR ABSENCE", "Item 3: Minutes",
   "CSP/24/07 Performance Report", "23/031 Apologies": kept only when the
   numbers increase;
5. **page-dump headings** — web page text dumps lose item numbers, so titles
   are recognised by shape: a "pdf icon PDF 157 KB" tail, a following
   "Additional documents:" or presenter line, a procedural title ("Declarations
   of interest"), or a short heading-like line between paragraphs.

An untitled opening paragraph in which the chair welcomes everyone is an item
of its own (titled "Introductions"), as the annotation guidelines ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..schema import Document
from .layout import Line, clean_title, ends_sentence, is_boilerplate, looks_like_title, rules

INTRODUCTIONS_TITLE = "Introductions"
MAX_TITLE_LINES = 4


@dataclass
class ItemSpan:
    start: int  # where the item's heading starts (or its first paragraph, if untitled)
    body_start: int
    number: str | None
    title: str | None
    heading: tuple[int, int] | None = None
    minute_number: str | None = None
    title_inferred: bool = False


def find_items(doc: Document, lines: list[Line]) -> list[ItemSpan]:
    """Items in document order (numbers still ``None`` where the page prints none)."""
    if doc.hints:
        return _from_hints(doc)
    r = rules()
    markers = [i for i, ln in enumerate(lines) if r["item_marker"].match(ln.text)]
    if markers:
        return _from_markers(doc, lines, markers)
    for strategy in (_marked_up_headings, _numbered_headings):
        found = strategy(lines)
        if len(found) >= 2:
            return found
    return _from_dump(doc, lines)


# -- 1. hints ------------------------------------------------------------------------
def _from_hints(doc: Document) -> list[ItemSpan]:
    items = []
    for h in doc.hints:
        raw = doc.text[h.title_start:h.title_end]
        items.append(ItemSpan(h.start, h.title_end, h.number, clean_title(raw) or None,
                              (h.title_start, h.title_end)))
    return items


# -- 2. "(Item N)" markers -----------------------------------------------------------
def _title_lines_before(lines: list[Line], k: int, floor: int) -> list[Line]:
    """The heading lines just above marker line ``k`` (not crossing ``floor``)."""
    out: list[Line] = []
    j = k - 1
    while j >= floor and len(out) < MAX_TITLE_LINES:
        out.insert(0, lines[j])
        if lines[j].blank_before > 0 or (j - 1 >= floor and ends_sentence(lines[j - 1].text)):
            break
        j -= 1
    return out


def _from_markers(doc: Document, lines: list[Line], markers: list[int]) -> list[ItemSpan]:
    r = rules()
    items: list[ItemSpan] = []
    floor = 0
    first_heading_line = None
    for k in markers:
        title_lines = _title_lines_before(lines, k, floor)
        number = r["item_marker"].match(lines[k].text).group(1)
        minute = None
        if title_lines:
            head_start = title_lines[0].start
            m = r["minute_number_prefix"].match(title_lines[0].text)
            t_start = head_start + (m.end() if m else 0)
            minute = m.group(1) if m else None
            heading = (t_start, title_lines[-1].end)
            title = clean_title(doc.text[heading[0]:heading[1]]) or None
        else:
            head_start, heading, title = lines[k].start, None, None
        if first_heading_line is None:
            first_heading_line = next(i for i, ln in enumerate(lines) if ln.start == head_start)
        items.append(ItemSpan(head_start, lines[k].end, number, title, heading, minute))
        floor = k + 1
    return _items_before(doc, lines, first_heading_line) + items


def _items_before(doc: Document, lines: list[Line], stop: int) -> list[ItemSpan]:
    """Unmarked items between the header and the first marked item ("Election of Chair")."""
    r = rules()
    blocks = _blocks(lines[:stop])
    items: list[ItemSpan] = []
    header_done = False
    for bi, (i, j) in enumerate(blocks):
        first = lines[i].text
        header_like = (r["header_label"].match(first) or r["minutes_sentence"].search(first)
                       or first.isupper() or is_boilerplate(first) or r["venue_label"].match(first)
                       or r["contact_label"].match(first))
        if header_like:
            header_done = True
            continue
        nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
        if (header_done and i == j and looks_like_title(first, 12) and not r["not_title"].search(first)
                and nxt is not None and not looks_like_title(lines[nxt[0]].text, 12)):
            items.append(ItemSpan(lines[i].start, lines[i].end, None, clean_title(first),
                                  (lines[i].start, lines[i].end)))
    return items


def _blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges of runs of lines not separated by blank lines."""
    out: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        if out and ln.blank_before == 0:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


# -- 3. headings marked up as such: underlined ("Title" / "-----") or markdown ("## 4. Title") --------
def _marked_up_headings(lines: list[Line]) -> list[ItemSpan]:
    r = rules()
    found: list[ItemSpan] = []
    for idx, ln in enumerate(lines):
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        if nxt and nxt.blank_before == 0 and r["underline"].match(nxt.text) and looks_like_title(ln.text, 25):
            number, t_start = _heading_number(ln)
            found.append(ItemSpan(ln.start, nxt.end, number, clean_title(ln.text[t_start - ln.start:]),
                                  (t_start, ln.end)))
        elif m := r["markdown_heading"].match(ln.text):
            found.append(ItemSpan(ln.start, ln.end, m.group(1), clean_title(m.group(2)),
                                  (ln.start + m.start(2), ln.end)))
    return found


def _heading_number(ln: Line) -> tuple[str | None, int]:
    """Printed number and title start of a heading line ("Agenda item 5: Title", "12. Title", "Title")."""
    r = rules()
    for rule in ("item_colon_heading", "numbered_heading"):
        if (m := r[rule].match(ln.text)) and looks_like_title(m.group(2), 25):
            return m.group(1), ln.start + m.start(2)
    return None, ln.start


# -- 4. numbered headings ------------------------------------------------------------
def _sequence_key(number: str) -> tuple[int, ...] | None:
    """Comparable form of a printed number: "12" -> (12,), "23/031" -> (23, 31), "CSP/24/07" -> (24, 7)."""
    parts = tuple(int(m) for m in re.findall(r"\d+", number))
    return parts or None


def _numbered_headings(lines: list[Line]) -> list[ItemSpan]:
    r = rules()
    found: list[ItemSpan] = []
    last = None
    for idx, ln in enumerate(lines):
        m = r["item_colon_heading"].match(ln.text)
        strong = bool(m)
        if not m:
            m = r["numbered_heading"].match(ln.text)
        if not m:
            continue
        number, title = m.group(1), m.group(2)
        # a heading starts after a blank line or a finished sentence, unless its number or capitals say so
        prev_ok = (idx == 0 or ln.blank_before > 0 or ends_sentence(lines[idx - 1].text)
                   or "/" in number or title.isupper())
        heading_like = title.isupper() or (looks_like_title(title, 14) and not title.rstrip().endswith("."))
        if not prev_ok or not (strong or heading_like or r["procedural_title"].match(title)):
            continue
        if r["not_title"].search(title):
            continue
        value = _sequence_key(number)
        if value is None or (last is not None and value <= last):
            continue
        last = value
        end = ln.end
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        if title.isupper() and nxt and nxt.blank_before == 0 and nxt.text.isupper() and len(nxt.text.split()) <= 6 \
                and not r["numbered_heading"].match(nxt.text):
            end = nxt.end  # a capitalised title wrapped onto a second line
        t_start = ln.start + m.start(2)
        found.append(ItemSpan(ln.start, end, number, clean_title(" ".join(title.split() + (
            nxt.text.split() if end != ln.end else []))), (t_start, end)))
    return found


# -- 5. page dumps -------------------------------------------------------------------
NUMBER_ONLY = re.compile(r"^(\d{1,3}[A-Za-z]?)\.?$")


def _dump_units(lines: list[Line]) -> list[tuple[int, int]]:
    """Paragraph units of a page dump: runs of lines, split wherever a line is a heading-ish unit of its own
    (a bare item number, a boilerplate label, a title with a document tail) or follows a finished sentence."""
    r = rules()

    def standalone(text: str) -> bool:
        return bool(NUMBER_ONLY.match(text) or is_boilerplate(text) or r["title_tail"].search(text))

    units: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        prev = lines[i - 1] if i else None
        joins = (units and ln.blank_before == 0 and prev is not None and not ends_sentence(prev.text)
                 and not standalone(ln.text) and not standalone(prev.text))
        if joins:
            units[-1] = (units[-1][0], i)
        else:
            units.append((i, i))
    return units


def _from_dump(doc: Document, lines: list[Line]) -> list[ItemSpan]:
    r = rules()
    start = 0
    for i, ln in enumerate(lines[:40]):
        if r["boilerplate"].match(ln.text) and "item" in ln.text.lower():
            start = i + 1  # the "No. Item" table header
            break
    else:
        for i, ln in enumerate(lines[:15]):
            if r["venue_label"].match(ln.text) or r["contact_label"].match(ln.text):
                start = i + 1
    units = [(i + start, j + start) for i, j in _dump_units(lines[start:])]
    items: list[ItemSpan] = []
    content = 0  # paragraphs seen in the current item
    prev_text = ""
    number: tuple[str, int] | None = None  # a bare printed number waiting for its title: (number, line start)
    in_documents = False  # between "Additional documents:" and the minutes: attachment links, not titles
    in_header = True  # the body's name, "Minutes of the meeting held on ...", "Present: ..." come before any item
    for ui, (i, j) in enumerate(units):
        text = " ".join(ln.text for ln in lines[i:j + 1])
        if in_header and not items and number is None:
            if _header_unit(text):
                continue
            in_header = False
        if m := NUMBER_ONLY.match(text):
            number = (m.group(1), lines[i].start)
            continue
        if is_boilerplate(text):
            in_documents = "document" in text.lower()
            continue
        if in_documents and r["title_tail"].search(text):
            continue
        in_documents = False
        if items and content == 0 and number is None and r["presenter"].search(text):
            continue  # part of the item's heading area, not its minutes
        nxt = units[ui + 1] if ui + 1 < len(units) else None
        strength = 2 if number and looks_like_title(text, 40) else _title_strength(lines, i, j, nxt, prev_text)
        if items and content == 0 and number is None and not r["title_tail"].search(text):
            strength = 0  # still in the previous title's heading area: an agenda description, not a new item
        if strength:
            heading = (lines[i].start, lines[j].end)
            m = r["minute_number_prefix"].match(text)
            printed = number[0] if number else (m.group(1) if m and not text[:m.end()].strip().isdigit() else None)
            if printed is None and (tail := r["title_number_tail"].search(text)):
                printed = tail.group(1)  # "Domestic Abuse Strategy (Agenda item 4)"
            items.append(ItemSpan(number[1] if number else lines[i].start, lines[j].end, printed,
                                  clean_title(text), heading))
            content = 0
        elif r["introductions"].search(text) and (not items or content > 0):
            items.append(ItemSpan(lines[i].start, lines[i].start, None, INTRODUCTIONS_TITLE,
                                  None, title_inferred=True))
            content = 1
        elif not items:
            items.append(ItemSpan(lines[i].start, lines[i].start, None, None))
            content = 1
        else:
            content += 1
        number = None
        prev_text = text
    return items


def _header_unit(text: str) -> bool:
    """A unit of the meeting header in a document without item numbers: the body's name in capitals, the
    "Minutes of the meeting held ..." sentence, an attendance list with its names, a date, time or venue line."""
    r = rules()
    if text.isupper():
        return bool(r["body_noun"].search(text) or r["document_type"].fullmatch(text)) \
            and not r["procedural_title"].match(text.title())
    if r["minutes_sentence"].search(text) or r["not_title"].match(text):
        return True
    m = r["header_label"].match(text)
    return bool(m and text[m.end():].strip()) or any(
        r[k].match(text) for k in ("venue_label", "date_label", "time_label", "contact_label"))


def _title_strength(lines: list[Line], i: int, j: int, nxt: tuple[int, int] | None, prev_text: str) -> int:
    """0: not a title; 1: heading-shaped; 2: certainly a title (tail, presenter, documents)."""
    r = rules()
    text = " ".join(ln.text for ln in lines[i:j + 1])
    if r["not_title"].search(text) or prev_text.rstrip().endswith((";", ",", ":")):
        return 0
    if r["title_tail"].search(text) and looks_like_title(text, 40):
        return 2
    nxt_text = lines[nxt[0]].text if nxt else ""
    if nxt and lines[nxt[0]].blank_before <= 1 and (is_boilerplate(nxt_text) or r["presenter"].search(nxt_text)) \
            and looks_like_title(text, 40):
        return 2
    if not looks_like_title(text):
        return 0
    if r["procedural_title"].match(text):
        return 1
    if nxt and looks_like_title(nxt_text) and not r["procedural_title"].match(nxt_text):
        return 0
    if text.isupper() and len(text.split()) >= 2:
        return 1  # "ANTI-SOCIAL BEHAVIOUR UPDATE" between paragraphs
    return 1 if lines[i].blank_before >= 2 or not prev_text else 0
