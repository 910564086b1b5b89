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
5. **shape alone** (:mod:`.dump`) — page dumps and minutes that print no
   item numbers: a "pdf icon PDF 157 KB" tail, a following presenter line, a
   procedural title, a capitalised heading, a short line between paragraphs.
"""

from __future__ import annotations

import re

from ..schema import Document
from .dump import from_dump
from .layout import SMALL_WORDS, Line, clean_title, ends_sentence, is_boilerplate, looks_like_title, rules
from .spans import ItemSpan

MAX_TITLE_LINES = 4


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
            return found + _closing_next_meeting(lines, found)
    return from_dump(doc, lines)


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


NEXT_MEETING_LINE = re.compile(r"((?:Date\s+of\s+)?[Nn]ext\s+meeting)\s*:\s*(?=\S)")  # group 1: the title


def _closing_next_meeting(lines: list[Line], found: list[ItemSpan]) -> list[ItemSpan]:
    """"-----" / "Next meeting: Thursday 16 January 2025, 10:00" after the last numbered item of action notes: a
    rule closes that item, so the line under it is an item of its own, numbered after the last."""
    last, underline = found[-1], rules()["underline"]
    for k, ln in enumerate(lines):
        if ln.start > last.body_start and k and underline.match(lines[k - 1].text) \
                and (m := NEXT_MEETING_LINE.match(ln.text)):
            number = str(int(last.number) + 1) if last.number and last.number.isdigit() else None
            return [ItemSpan(ln.start, ln.start, number, "Next meeting", (ln.start, ln.start + m.end(1)))]
    return []


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
UNDERLINE_REACH = 2  # a title's underline is about as long as the title; a page's rule under a sentence is longer


def _marked_up_headings(lines: list[Line]) -> list[ItemSpan]:
    r = rules()
    found: list[ItemSpan] = []
    for idx, ln in enumerate(lines):
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        after = lines[idx + 2] if idx + 2 < len(lines) else None
        if nxt and nxt.blank_before == 0 and r["underline"].match(nxt.text) and (
                (heading := _heading_number(ln))[0] is not None or looks_like_title(ln.text, 25)
                and len(nxt.text.strip()) <= UNDERLINE_REACH * len(ln.text.strip()) + 10) \
                and not (after and after.blank_before == 0 and _heading_number(after)[0] is not None):
            # (not a rule that separates items: "DECISION 24/40: MF re-appointed Chair." / "-----" / "3. Notes")
            number, t_start = heading
            found.append(ItemSpan(ln.start, nxt.end, number, clean_title(ln.text[t_start - ln.start:]),
                                  (t_start, ln.end)))
        elif m := r["markdown_heading"].match(ln.text) or r["bold_heading"].match(ln.text):
            found.append(ItemSpan(ln.start, ln.end, m.group(1), clean_title(m.group(2)),
                                  (ln.start + m.start(2), ln.end)))
    return _below_document_headings(lines, found)


def _below_document_headings(lines: list[Line], found: list[ItemSpan]) -> list[ItemSpan]:
    """A Markdown export heads the document ("# Board name", "## Attendance") at levels above its numbered items
    ("### 1. Welcome"): those headings are the header's, not items."""
    level = {ln.start: len(ln.text) - len(ln.text.lstrip("#")) for ln in lines if ln.text.startswith("#")}
    numbered = [level[sp.start] for sp in found if sp.number and sp.start in level]
    if not numbered:
        return found
    top = min(numbered)
    return [sp for sp in found if level.get(sp.start, top) >= top]


def _heading_number(ln: Line) -> tuple[str | None, int]:
    """Printed number and title start of a heading line ("Agenda item 5: Title", "12. Title", "Title")."""
    r = rules()
    for rule in ("item_colon_heading", "item_bare_heading", "numbered_heading"):  # "ITEM 4  Title": number 4
        if (m := r[rule].match(ln.text)) and looks_like_title(m.group(2), 25):
            return m.group(1), ln.start + m.start(2)
    return None, ln.start


# -- 4. numbered headings ------------------------------------------------------------
def _sequence_key(number: str) -> tuple[int, ...] | None:
    """Comparable form of a printed number: "12" -> (12,), "23/031" -> (23, 31), "CSP/24/07" -> (24, 7),
    "5a" -> (5, 1) and "5b" -> (5, 2) (lettered sub-items follow their number)."""
    parts = tuple(int(m) for m in re.findall(r"\d+", number))
    if parts and (letter := re.search(r"\d\s*\(?([a-zA-Z])\)?$", number)):
        parts += (ord(letter.group(1).lower()) - ord("a") + 1,)
    return parts or None


def _lone_label(line: Line) -> bool:
    """A line of one or two capitalised words standing alone ("Items", "Agenda items") over a heading."""
    words = line.text.split()
    return line.blank_before > 0 and 0 < len(words) <= 2 and words[0][:1].isupper() and line.text[-1:].isalpha()


# "23/01  Bring revised risk register      F Wakelin      15/06/2023": cells set apart by runs of spaces, the row of
# an action table under the minutes, not a heading
TABLE_ROW = re.compile(r"\S {3,}\S(?:.*\S)? {3,}\S")  # the middle cell may be one character: a page number


# "No.  Item" (a ModernGov page's item table, its tabs kept as spaces), "Minute No.  Subject": the column heads over the
# first item's heading
ITEM_COLUMNS = re.compile(r"(?:(?:Item|Minute)\s+)?No\.?\s+(?:Item|Title|Subject|Heading)s?"
                          r"|Minute\s+(?:Item|Title|Subject)", re.IGNORECASE)


def _capitals_only(text: str) -> bool:
    """No lower-case letter, and a capital or digit: "ANNUAL REPORT", "2020/21" (not a rule "-----")."""
    return (text.upper() == text and any(c.isupper() or c.isdigit() for c in text)
            and not rules()["underline"].match(text))


# words a title does not end with: "2) To request that the Inspector provide a briefing on ... for the" / "meeting
# in June." is a numbered clause wrapped onto the next line
OPEN_ENDED = SMALL_WORDS | {"or", "that"}


def _wrapped_clause(line: str, m: re.Match) -> bool:
    """A clause numbered "2)" whose line ends mid-phrase, not a heading."""
    return line[m.end(1):m.end(1) + 1] == ")" and m.group(2).split()[-1].lower() in OPEN_ENDED


def _numbered_headings(lines: list[Line]) -> list[ItemSpan]:
    r = rules()
    found: list[ItemSpan] = []
    last = None
    for idx, ln in enumerate(lines):
        m = r["item_colon_heading"].match(ln.text)
        strong = bool(m)
        m = m or r["item_bare_heading"].match(ln.text) or r["numbered_heading"].match(ln.text)
        if not m:
            continue
        number, title = m.group(1), m.group(2).rstrip(":").rstrip()  # "3. Anti-social behaviour:"
        # a heading starts after a blank line, a finished sentence or a lone label ("Items"), unless its number
        # or capitals say so
        prev_ok = (idx == 0 or ln.blank_before > 0 or ends_sentence(lines[idx - 1].text)
                   or _lone_label(lines[idx - 1]) or r["underline"].match(lines[idx - 1].text)  # a rule: "-----"
                   or ITEM_COLUMNS.fullmatch(lines[idx - 1].text.strip())
                   or "/" in number or title.isupper())
        heading_like = title.isupper() or (looks_like_title(title, 18) and not title.rstrip().endswith(".")
                                           and not _wrapped_clause(ln.text, m))
        if not prev_ok or not (strong or heading_like or r["procedural_title"].match(title)):
            continue
        if r["not_title"].search(title) or TABLE_ROW.search(title):
            continue
        value = _sequence_key(number)
        if value is None or (last is not None and value <= last):
            continue
        groups = len(re.findall(r"\d+", number))
        if len(found) >= 2 and all(len(re.findall(r"\d+", f.number or "")) != groups for f in found):
            continue  # "22/07  EM - write to ..." under "1." and "2.": an action log's row, not the next heading
        last = value
        end = ln.end
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        if title.isupper() and nxt and nxt.blank_before == 0 and _capitals_only(nxt.text) \
                and len(nxt.text.split()) <= 6 and not r["numbered_heading"].match(nxt.text) \
                and not r["not_title"].search(nxt.text):
            end = nxt.end  # a capitalised title wrapped onto a second line ("... ANNUAL REPORT" / "2020/21"; not a
            # "RESOLVED:" label under it)
        t_start = ln.start + m.start(2)
        found.append(ItemSpan(ln.start, end, number, clean_title(" ".join(title.split() + (
            nxt.text.split() if end != ln.end else []))), (t_start, end)))
    return found
