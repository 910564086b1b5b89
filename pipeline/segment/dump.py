"""Agenda items of page dumps and other minutes that print no item numbers, recognised by shape.

Web page text dumps lose item numbers, so titles are recognised by shape: a
"pdf icon PDF 157 KB" tail, a following "Additional documents:" or presenter
line, a procedural title ("Declarations of interest"), a capitalised heading,
or a short heading-like line between paragraphs.  The meeting header (the
body's name, "Minutes of the meeting held ...", the attendance lists) is
skipped first, so that it is never taken for an item.  An untitled opening
paragraph in which the chair welcomes everyone is an item of its own (titled
"Introductions"), as the annotation guidelines ask.
"""

from __future__ import annotations

import re

from ..schema import Document
from .layout import Line, clean_title, ends_sentence, is_boilerplate, looks_like_title, rules
from .spans import ItemSpan

INTRODUCTIONS_TITLE = "Introductions"
ATTENDANCE_PANEL = re.compile(r"\s*Attendance(?:\s+details)?\s*:?\s*", re.IGNORECASE)
ENTRY_SEPARATOR = re.compile(r"[,\u2013\u2014]| - ")  # between the name, role and body of an attendance entry

# an item's number alone on its line: "5.", "ITEM 5", "Agenda item 5", and a minute reference ("PCSP/23/014",
# "CSP 23/12", "21/84"; not a year "2023/24")
NUMBER_ONLY = re.compile(r"^(?:(?:Agenda\s+)?Item\s+(?:No\.?\s*)?)?(\d{1,3}[A-Za-z]?|[A-Z]{1,6}[/ ]\d{1,4}(?:/\d{2,4})?"
                         r"|\d{1,3}/\d{2,3})\.?$", re.IGNORECASE)


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


def from_dump(doc: Document, lines: list[Line]) -> list[ItemSpan]:
    r = rules()
    start = 0
    for i, ln in enumerate(lines[:40]):
        if r["boilerplate"].match(ln.text) and "item" in ln.text.lower():
            start = i + 1  # the "No. Item" table header (after "Items", where the page prints both)
            while start < len(lines) and r["boilerplate"].match(lines[start].text):
                start += 1
            break
    else:
        for i, ln in enumerate(lines[:15]):
            if r["venue_label"].match(ln.text) or r["contact_label"].match(ln.text):
                start = i + 1
    units = [(i + start, j + start) for i, j in _dump_units(lines[start:])]
    units = units[_header_units(lines, units):]
    items: list[ItemSpan] = []
    content = 0  # paragraphs seen in the current item
    prev_text = ""
    number: tuple[str, int] | None = None  # a bare printed number waiting for its title: (number, line start)
    in_documents = False  # between "Additional documents:" and the minutes: attachment links, not titles
    for ui, (i, j) in enumerate(units):
        text = " ".join(ln.text for ln in lines[i:j + 1])
        if m := NUMBER_ONLY.match(text):
            number = (m.group(1), lines[i].start)
            continue
        if is_boilerplate(text):
            in_documents = "document" in text.lower()
            continue
        if in_documents and r["title_tail"].search(text):
            continue
        in_documents = False
        if number is None and items and ATTENDANCE_PANEL.fullmatch(text) and ui + 1 < len(units) \
                and r["header_label"].match(lines[units[ui + 1][0]].text):
            break  # "Attendance" / "Present:" after the last item of an unnumbered page: its attendance panel
        if number is None and items and r["header_label"].match(text) and all(it.number for it in items):
            if not any(NUMBER_ONLY.match(lines[k].text) for k, _ in units[ui + 1:]):
                break  # "Attendance" / "Present: ..." after numbered items: the page's attendance panel, not an item
            content += 1  # "Present: ..." under the first item ("Apologies and substitutions"), more items below
            prev_text = text
            continue
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


def _header_units(lines: list[Line], units: list[tuple[int, int]]) -> int:
    """How many leading units are the meeting header (in a document without item numbers)."""
    r = rules()
    after_list = False  # an attendance label was seen: its sub-lists ("Panel Members: ...") follow
    after_label = False  # the unit before ended with a label ("Officers supporting the Panel:"): this is its list
    for ui, (i, j) in enumerate(units):
        text = " ".join(ln.text for ln in lines[i:j + 1])
        kind = _header_unit(text)
        if kind is None:
            if _item_start(text):
                return ui
            if ui == 0 and r["body_noun"].search(text) and looks_like_title(text, 10):
                kind = "header"  # the body's name on the first line ("Oakhurst Community Safety Partnership")
            elif not after_list:
                return ui
            else:
                # an entry of the list: short, no clause ("The Chair welcomed members and introductions were made")
                entry = len(text.split()) <= 30 and not r["auxiliary_verb"].search(text)
                if not (after_label or text.endswith(":") or entry
                        or (not ends_sentence(text) and not looks_like_title(text, 12))):
                    return ui
        after_list = after_list or kind == "list"
        after_label = text.endswith(":") or (kind == "list" and len(text.split()) <= 3)
    return len(units)


def _item_start(text: str) -> bool:
    """A unit that opens an item: a number, a numbered heading, a title with a document tail, or a procedural
    title ("APOLOGIES FOR ABSENCE")."""
    r = rules()
    return bool(NUMBER_ONLY.match(text) or r["numbered_heading"].match(text) or r["item_colon_heading"].match(text)
                or (r["title_tail"].search(text) and not ENTRY_SEPARATOR.search(text))  # not "Name - Role (item 5)"
                or (looks_like_title(text, 12) and r["procedural_title"].match(
                    text.title() if text.isupper() else text)))


def _header_unit(text: str) -> str | None:
    """Is this unit part of the meeting header, in a document without item numbers?  "list" for an attendance
    list or its label ("Present: ...", "PRESENT"), "header" for the body's name in capitals, the "Minutes of the
    meeting held ..." sentence, a date, time or venue line; None otherwise ("Apologies for Absence" alone is an
    item's title)."""
    r = rules()
    if m := r["header_label"].match(text):
        return "list" if text[m.end():].strip() or "apolog" not in m.group(1).lower() else None
    if text.isupper():
        named = r["body_noun"].search(text) or r["document_type"].fullmatch(text.lower())
        return "header" if named and not r["procedural_title"].match(text.title()) else None
    if r["minutes_sentence"].search(text) or r["not_title"].match(text) or any(
            r[k].match(text) for k in ("venue_label", "date_label", "time_label", "contact_label")):
        return "header"
    return None


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
