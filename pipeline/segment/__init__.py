"""Segment: a :class:`Document` into a :class:`Meeting` — header, items, paragraphs, resolutions.

The stage is a pure function of one document, so it parallelises and caches by
content hash.  It never invents text: every title, paragraph and clause is a
span of the normalised document (``Item.title`` is the cleaned span text; only
an untitled introductions item gets a supplied title, flagged
``title_inferred``).
"""

from __future__ import annotations

import hashlib
import re

from ..schema import Attendance, Document, Item, Meeting, Paragraph, Presenter
from .blocks import Block, build_blocks
from .header import parse_header
from .items import ItemSpan, find_items
from .layout import Line, initials_only, is_boilerplate, list_kind, looks_like_title, rules, slugify, split_lines
from .resolutions import find_resolutions
from .tables import with_item_rows

__all__ = ["NotMinutesError", "segment", "set_item_id"]


MIN_ITEMS_WITHOUT_DATE = 3  # undated text must at least look like an agenda


class NotMinutesError(ValueError):
    """The document has neither a meeting header nor agenda items."""


def segment(doc: Document) -> Meeting:
    text = doc.text
    # an item table's rows as cells (a heading, then paragraphs), and the cells of its "Decision" column
    lines, decided = with_item_rows(split_lines(text))
    if (start := appended_minute_start(lines)) is not None:
        lines = [ln for ln in lines if ln.start >= start]  # the covering report is no part of the meeting
    spans = find_items(doc, lines)
    body_start = spans[0].start if spans else len(text)
    header = parse_header(doc, lines, body_start)
    if not spans or not header.date and len(spans) < MIN_ITEMS_WITHOUT_DATE:
        raise NotMinutesError("no meeting header (committee and date) or agenda items found")
    body_id = header.body_id or slugify(doc.provenance.source.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    meeting_id = f"{body_id}/{header.date or 'undated'}"
    items = []
    used: set[str] = set()
    for k, sp in enumerate(spans):
        end = spans[k + 1].start if k + 1 < len(spans) else len(text)
        item = _build_item(doc, lines, sp, end, k + 1, meeting_id, decided)
        if item.id in used:  # an unnumbered item before "Item 1" shares its ordinal with a printed number
            set_item_id(item, f"{item.id}-{item.ordinal}")
        used.add(item.id)
        items.append(item)
    if not header.attendance and items:
        header.attendance = _attendance_in_item(doc, items[0]) or _attendance_in_item(doc, items[-1])
    elif items and any(initials_only(a.text) for a in header.attendance):
        header.attendance += _attendance_in_item(doc, items[-1])  # "Present: GT (Chair), UN": the key at the end
    return Meeting(id=meeting_id, source=doc.provenance.source, provenance=doc.provenance,
                   meeting=header, items=items, words=len(text.split()),
                   text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


COVERING_REPORT_LINES = 12  # where a covering report states its author or subject
COVER_SHEET_LINES = 30  # a cover sheet's fields and the page head under them, over the minute's heading
APPENDIX_TO_MINUTE_LINES = 4  # an appendix heading, then (after its title or a page head) the minute's first line


def appended_minute_start(lines: list[Line]) -> int | None:
    """Where the minute starts in an agenda pack's covering report ("REPORT BY: ..." / "SUBJECT: MINUTE OF THE
    PARTNERSHIP OF ..." over the report's paragraphs, then "APPENDIX 1" over "MINUTE of MEETING of ..."); None
    in a document that opens with its minutes."""
    r = rules()
    if not any(r["covering_report"].match(ln.text) for ln in lines[:COVERING_REPORT_LINES]):
        return None
    for k, ln in enumerate(lines):
        if r["appendix_heading"].match(ln.text) and any(
                r["minute_opening"].match(below.text) for below in lines[k + 1:k + 1 + APPENDIX_TO_MINUTE_LINES]):
            return lines[k + 1].start
    # a cover sheet over the minutes with no appendix heading ("Report to: ..." fields, then "SAFEGUARDING
    # COMMITTEE" / "Minutes of the meeting held on ..."): the minute opens at its heading
    for k, ln in enumerate(lines[1:COVER_SHEET_LINES], 1):
        if r["minute_opening"].match(ln.text):
            return lines[k - 1].start if lines[k - 1].text.isupper() else ln.start
    return None


RULES_ABOVE = re.compile(r"(?:[-=_*\u2013\u2014\u2500]{5,}[ \t]*\n)+")  # "------" lines over a list


def _attendance_in_item(doc: Document, item: Item) -> list[Attendance]:
    """"Present: ..." / "Also present: ..." / "Officers: ..." printed under the first item (a ModernGov page that
    gives the attendance under "Apologies for absence and substitutions"), or after the last one (a page's
    "Attendance" panel), where the header has none: the meeting's attendance lists.  A label alone in its
    paragraph heads the next one ("Present:" / (blank) / "Councillors A, B and C")."""
    label, group_line = rules()["header_label"], rules()["attendance_group_line"]
    out = []
    paragraphs = item.paragraphs
    for k, p in enumerate(paragraphs):  # (a page dump's "Minutes:" over the list is a paragraph of its own)
        skip = rule.end() if (rule := RULES_ABOVE.match(p.text)) else 0  # the rule that closed the last item
        if not (m := label.match(p.text[skip:].partition("\n")[0])):
            continue  # the label on its first line: "KEY TO ATTENDEES" / "GT  Gerwyn Toothill, ..."
        last = k if p.text[skip + m.end():].strip() else k + 1
        if last > k and (last == len(paragraphs) or label.match(paragraphs[last].text)):
            continue  # a label alone, over another label or nothing
        while last + 1 < len(paragraphs) and group_line.match(paragraphs[last + 1].text) \
                and not label.match(paragraphs[last + 1].text):
            last += 1  # "Labour Group \u2013 Councillor A. Kyte, ..." / (blank) / "Green Group \u2013 ...": one list
        out.extend(_split_at_apologies(doc, p.start + skip, paragraphs[last].end, p.page, list_kind(m)))
    return out


def _split_at_apologies(doc: Document, start: int, end: int, page: int | None, kind: str) -> list[Attendance]:
    """The list from ``start`` to ``end``, and apart from it the apologies printed on its last lines (a key to
    initials closed by "Apologies: L. MacSween (British Horse Society); ...")."""
    label = rules()["header_label"]
    for line in re.finditer(r"\n([^\n]+)", doc.text[start:end]):
        if (m := label.match(line.group(1))) and "apolog" in (k := list_kind(m)) and "apolog" not in kind:
            cut = start + line.start(1)
            return [Attendance(doc.text[start:cut].rstrip(), start, cut, page, kind=kind),
                    Attendance(doc.text[cut:end], cut, end, page, kind=k)]
    return [Attendance(doc.text[start:end], start, end, page, kind=kind)]


def _build_item(doc: Document, lines, sp: ItemSpan, end: int, ordinal: int, meeting_id: str,
                decided: list[tuple[int, int]] = ()) -> Item:
    text = doc.text
    while end > sp.start and text[end - 1].isspace():
        end -= 1
    number = sp.number or str(ordinal)
    item = Item(number=number, ordinal=ordinal, title=sp.title, start=sp.start, end=end,
                id=f"{meeting_id}#{number}", number_printed=sp.number is not None,
                title_inferred=sp.title_inferred, minute_number=sp.minute_number)
    if sp.heading:
        item.heading = doc.span(*sp.heading)
    body = [ln for ln in lines if sp.body_start <= ln.start < end]
    blocks = build_blocks(text, body)
    item.truncated = bool(rules()["view_full_minutes"].search(text, sp.body_start, end))
    for b in blocks:
        item.paragraphs.append(_paragraph(doc, b, item, len(item.paragraphs) == 0))
    item.presenters = [Presenter(p.text, p.start, p.end, p.page, name=_presenter_name(p.text))
                       for p in item.paragraphs if p.kind == "presenter"]
    item.decisions = find_resolutions(text, blocks, sp.title, [c for c in decided if sp.body_start <= c[0] < end])
    for d in item.decisions:
        d.page = doc.page_at(d.start)
    set_item_id(item, item.id)
    return item


def set_item_id(item: Item, item_id: str) -> None:
    """Give the item its id and its decisions ``<item_id>/<clause label or index>`` ids (unique)."""
    item.id = item_id
    seen: set[str] = set()
    for k, d in enumerate(item.decisions):
        key = _clause_key(d.label, k)
        if key in seen:  # labels repeat across lists (an amendment's "(2)" and the resolution's "(2)")
            key = f"{key}-{k + 1}"
        seen.add(key)
        d.id = f"{item_id}/{key}"


def _paragraph(doc: Document, b: Block, item: Item, first: bool) -> Paragraph:
    content = doc.text[b.content_start:b.end]
    if b.label:
        kind = "point"
    elif is_boilerplate(content):
        kind = "boilerplate"
    elif rules()["presenter"].search(content) and (not item.paragraphs or all(
            p.kind in ("presenter", "boilerplate") for p in item.paragraphs)):
        kind = "presenter"
    elif looks_like_title(content, 12) and not content.rstrip().endswith("."):
        kind = "heading"
    else:
        kind = "paragraph"
    p = Paragraph(content, b.content_start, b.end, doc.page_at(b.start), kind=kind, label=b.label,
                  depth=b.depth, parent=b.parent, quoted=b.in_quote)
    return p


def _presenter_name(line: str) -> str | None:
    """The leading name of "Rik Basra, Community Safety Co-ordinator, ... will present this report"."""
    head = line.split(",")[0].split("(")[0]
    head = head.split(" will ")[0].split(" were in attendance")[0].strip()
    words = head.split()
    if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not head.startswith(("A ", "An ", "The ")):
        return head
    return None


def _clause_key(label: str | None, index: int) -> str:
    if label:
        key = "".join(ch for ch in label.split()[-1] if ch.isalnum())
        if key:
            return key
    return str(index + 1)
