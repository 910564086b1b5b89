"""The meeting header: committee, date, time, venue, contact and attendance lists.

Two header shapes cover the genre's published forms:

* web page dumps — "<Committee> - Friday, 24 September 2021 10.00 am", then
  "Venue: ..." and "Contact: ..." lines;
* printed minutes — "MINUTES of a meeting of the <Committee> held in/at <venue>
  on Thursday, 9 January 2025 at 7.00 pm", often under the body's name in
  capitals, followed by PRESENT / IN ATTENDANCE lists.

Only the top of the document is searched (until the first agenda item), so a
date quoted in an item can never become the meeting date.
"""

from __future__ import annotations

import re

from ..schema import Attendance, Document, MeetingHeader, Span
from .layout import Line, list_kind, looks_like_title, rules, slugify, title_case
from .when import DATE_NUMERIC, LEADING_TIME, WEEKDAY, parse_date, parse_time

_DATE_PHRASE = (r"(?:(?:" + WEEKDAY + r",?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?,?\s+\d{4}"
                r"|\d{1,2}[./]\d{1,2}[./]\d{4})")
NOTES_DATED = re.compile(r"^(?i:(?:meeting\s+)?(?:notes|minutes)(?:\s+of\s+(?:the\s+)?meeting)?)\s*[-\u2013\u2014:]\s*")
SUBTITLE = re.compile(r"^(?!" + NOTES_DATED.pattern[1:] + r")(?P<committee>.+?)\s+[-\u2013\u2014]\s+" + _DATE_PHRASE)
CAPS_DATED = re.compile(r"^(?P<committee>[A-Z][A-Z&',\u2019 \-]{3,}?)\s*[-\u2013\u2014:]\s*(?:" + WEEKDAY
                        + r",?\s+)?\d{1,2}")
_TIME_PHRASE = r"\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s*m\.?|\d{1,2}[.:]\d{2}(?:\s*(?:hrs|hours|h)\b)?"
_NAME_WORD = r"(?!(?:Meetings?|MEETINGS?)\b)[A-Z][\w'\u2019&-]*"  # a capitalised word of a name, not "MEETING"
MEETING_OF = re.compile(r"\bmeeting\s+of\s+(?:the\s+)?(?P<committee>.+?)(?:\s+(?:held|on|at)\b|\s*\.?\s*$)"
                        r"|^minutes?\s+of\s+the\s+(?P<named>(?:(?!\bmeetings?\b).)+?)\s+held\b"  # no "meeting of"
                        # "MINUTES OF THE SAFER COMMUNITIES SELECT COMMITTEE", a paragraph of its own: a name, no more
                        r"|^minutes?\s+of\s+the\s+(?-i:(?P<bare>" + _NAME_WORD + r"(?:\s+(?:" + _NAME_WORD
                        + r"|and|of|the|for|&))*))\s*$",
                        re.IGNORECASE | re.DOTALL)
VENUE_FIRST = re.compile(r"\bheld\s+(?:in|at|via)\s+(?:the\s+)?(?P<venue>.+?)(?:,?\s+on\s+" + _DATE_PHRASE
                         + r"|,?\s+at\s+" + _TIME_PHRASE + r"|\s*\.?\s*$)", re.IGNORECASE | re.DOTALL)
DATE_FIRST = re.compile(r"\bheld\s+on\s+" + _DATE_PHRASE + r"(?:,?\s+(?:at|from)\s+" + _TIME_PHRASE
                        + r")?,?\s+(?:in|at|via)\s+(?:the\s+)?(?!" + _TIME_PHRASE + r")(?P<venue>.+?)\s*\.?\s*$",
                        re.IGNORECASE | re.DOTALL)
VENUE_LINE = re.compile(r"^Held\s+(?:at|in|virtually|remotely|online|via)\b"
                        r"|\b(?:Room|Hall|Chamber|House|Centre|Offices|Building|Suite|Library|Zoom|Microsoft Teams)\b")
SUBLABEL = re.compile(r"^[A-Z][\w ,'\u2019&()\-]{2,60}:\s*$")  # "Panel Members:", "Officers supporting the Panel:"
TABLE_CELLS = re.compile(r"\t|\||\S {2,}\S")  # the gaps between the cells of a table row
TIME_IN_SENTENCE = re.compile(r"\b(?:at|from|commencing at)\s+(" + _TIME_PHRASE + ")", re.IGNORECASE)
HEADER_SCAN_LINES = 80


def _span(doc: Document, start: int, end: int) -> Span:
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1] in " .\n":
        end -= 1
    return doc.span(start, end)


def _paragraph(lines: list[Line], i: int) -> tuple[int, int, int]:
    """Start, end and last index of the paragraph (run of lines without blank lines) starting at ``i``.  A label
    ends it, but "Councillors:" carries on the list above ("Hollinwick County Council" / "Councillors: ...")."""
    j = i
    while j + 1 < len(lines) and lines[j + 1].blank_before == 0 and not (
            (label := rules()["header_label"].match(lines[j + 1].text)) and not list_kind(label).endswith("councillors")
    ) and not rules()["minutes_sentence"].match(lines[j + 1].text) and not _field_label(lines[j + 1].text):
        j += 1
    return lines[i].start, lines[j].end, j


def _list_follows(lines: list[Line], i: int) -> bool:
    """Is the paragraph after line ``i`` (a bare list label) the list itself, rather than another header part?"""
    if i + 1 >= len(lines) or lines[i + 1].blank_before == 0:
        return False
    text = lines[i + 1].text
    r = rules()
    return (text[:1].isupper() or text[:1] == "|") and not (r["header_label"].match(text) or _field_label(text)
                                       or r["minutes_sentence"].search(text) or parse_date(text))


def _sublist_label(text: str, lines: list[Line], i: int) -> bool:
    """Does line ``i`` head a sub-list inside the attendance lists: a "Panel Members:" label with the names on the
    next line, or a bare heading ("County Councillors", a body's name: "Harlmoor Constabulary", a sector: "Local
    authorities") over them or over the next paragraph?"""
    if i + 1 >= len(lines):
        return False
    r = rules()
    sublabel = r["attendance_sublabel"].match(text) or r["org_heading"].match(text) or r["sector_heading"].match(text)
    if lines[i + 1].blank_before == 0:
        return bool(SUBLABEL.match(text) or sublabel)
    return bool(sublabel) and _list_follows(lines, i)


def parse_header(doc: Document, lines: list[Line], body_start: int) -> MeetingHeader:
    """Read the header from the lines before ``body_start`` (the first item's offset)."""
    r = rules()
    h = MeetingHeader()
    head = [ln for ln in lines[:HEADER_SCAN_LINES] if ln.start < body_start] or lines[:HEADER_SCAN_LINES]
    name_lines: list[Line] = []
    fields_seen = False  # body names come before the date/time/venue fields
    in_lists = False  # the line before was an attendance list: a bare "Panel Members:" line opens a sub-list
    i = 0
    while i < len(head):
        ln = head[i]
        text = ln.text
        lists_before, carried = len(h.attendance), False
        if m := r["header_label"].match(text):
            start, end, i = _paragraph(head, i)
            if end == ln.end and not text[m.end():].strip() and _list_follows(head, i) \
                    and r["stacked_table_heading"].match(head[i + 1].text):
                # "Attendees" / (blank) / "Name" / "Representing" / "Role" / a row's cells a line each: the table
                # runs to the next blank line, "Chair" and "Vice-Chair" cells included
                i += 1
                while i + 1 < len(head) and head[i + 1].blank_before == 0:
                    i += 1
                end = head[i].end
            elif end == ln.end and not text[m.end():].strip() and _list_follows(head, i) \
                    and not _sublist_label(head[i + 1].text, head, i + 1):
                # "Board members present" / (blank) / the list (often a table): the label heads the paragraph below
                end, i = _paragraph(head, i + 1)[1:]
            if r["attendance_table_heading"].match(head[i].text) and i + 1 < len(head) and "|" in head[i + 1].text:
                end, i = _paragraph(head, i + 1)[1:]  # "Name | Organisation" / (blank) / the table's rows
            kind = list_kind(m)
            h.attendance.append(Attendance(doc.text[start:end], start, end, doc.page_at(start), kind=kind))
        elif r["attendance_table_heading"].match(text) and TABLE_CELLS.search(text) and i + 1 < len(head) \
                and head[i + 1].blank_before == 0:
            # "Panel Member<tab>Representing<tab>Attendance" over its rows, no "Present:" label: who attended
            start, end, i = _paragraph(head, i)
            h.attendance.append(Attendance(doc.text[start:end], start, end, doc.page_at(start), kind="present"))
        elif in_lists and (r["attendee_line"].match(text) or r["attendance_group_line"].match(text)):
            # "Cllr P. Dowding (PD) \u2013 Cabinet Member ..." in a paragraph of its own (a web page's <dd> items):
            # the list above carries on
            end, i = _paragraph(head, i)[1:]
            above, carried = h.attendance.pop(), True
            h.attendance.append(Attendance(doc.text[above.start:end], above.start, end, above.page, kind=above.kind))
        elif field := _field_label(text):
            name, off = field
            vstart, vend = ln.start + off, ln.end
            if vstart >= vend and i + 1 < len(head):  # a label alone (a table cell): the value is the next line
                i += 1
                vstart, vend = head[i].start, head[i].end
            _apply_field(doc, h, name, vstart, vend)
            fields_seen = True
        elif in_lists and i + 1 < len(head) and _sublist_label(text, head, i):
            # "PRESENT" / (blank) / "Panel Members:" / names...; "County Councillors" / (blank) / "J Whitestone":
            # a sub-list of the list above
            end, i = _paragraph(head, i if head[i + 1].blank_before == 0 else i + 1)[1:]
            h.attendance.append(Attendance(doc.text[ln.start:end], ln.start, end, doc.page_at(ln.start),
                                           kind=h.attendance[-1].kind))
        elif r["minutes_sentence"].search(text):
            start, end, i = _paragraph(head, i)
            para = doc.text[start:end]
            off = start + r["minutes_sentence"].search(para).start()
            sentence = " ".join(doc.text[off:end].split())
            if (mm := MEETING_OF.search(sentence)) and not h.committee:
                committee = mm.group("committee") or mm.group("named") or mm.group("bare")
                named = _named_in_lines(name_lines, committee)
                if named:  # "meeting of the Authority" under "NORTHMERE FIRE AND RESCUE AUTHORITY"
                    h.committee_span = _span(doc, named.start, named.end)
                    h.committee = _committee_name(named.text)
                else:
                    _set_committee(doc, h, off, end, committee)
            mm = DATE_FIRST.search(sentence) or VENUE_FIRST.search(sentence)
            if mm and not h.venue_span:
                _set_venue(doc, h, off, end, mm.group("venue"))
            if (mm := TIME_IN_SENTENCE.search(sentence)) and not h.time:
                h.time = parse_time(mm.group(1))
            _set_date(doc, h, off, end)
        elif not h.committee and (m := SUBTITLE.match(text)):
            h.committee_span = _span(doc, ln.start, ln.start + m.end("committee"))
            h.committee = h.committee_span.text
            _set_date(doc, h, ln.start, ln.end)
            h.time = h.time or parse_time(text[m.end():])
        elif not h.committee and (m := CAPS_DATED.match(text)):
            h.committee_span = _span(doc, ln.start, ln.start + m.end("committee"))
            h.committee = title_case(h.committee_span.text.rstrip(" -\u2013"))
            _set_date(doc, h, ln.start, ln.end)
        elif not h.date and (len(text.split()) <= 6 or NOTES_DATED.match(text)) and parse_date(text):
            _set_date(doc, h, ln.start, ln.end)  # a date line alone ("04.07.2024"): the fields begin
            h.time = h.time or parse_time(re.sub(DATE_NUMERIC, " ", text))
            fields_seen = True
        elif not h.attendance and not fields_seen and _name_line(text):
            name_lines.append(ln)  # the body's (and council's) name above the minutes
        in_lists = len(h.attendance) > lists_before or carried
        i += 1
    if not h.committee and name_lines:
        _committee_from_name_lines(doc, h, name_lines)
    if not h.date:
        for ln in head:
            if _set_date(doc, h, ln.start, ln.end):
                break
    if not h.venue_span and h.date_span:
        _venue_after_date(doc, h, head)
    h.venue = " ".join(h.venue_span.text.split()) if h.venue_span else None
    h.contact = " ".join(h.contact_span.text.split()) if h.contact_span else None
    h.body_id = body_id(h, name_lines)
    return h


def body_id(h: MeetingHeader, name_lines: list[Line]) -> str | None:
    """The committee's slug, qualified by the authority named above it when the committee name alone does
    not say whose it is: KENT COUNTY COUNCIL / CABINET -> ``kent-county-council-cabinet``, and KENT COUNTY
    COUNCIL / County Council -> ``kent-county-council``, so two councils' cabinets never share an id."""
    if not h.committee:
        return None
    committee = h.committee
    for ln in name_lines:
        if h.committee_span is not None and ln.start >= h.committee_span.start:
            break  # the authority's name comes above the committee's
        if m := rules()["authority"].match(" ".join(ln.text.split())):
            authority = title_case(m.group(0))
            if committee.lower() in authority.lower():
                return slugify(authority)
            if m.group("place").lower() not in committee.lower():
                return slugify(f"{authority} {committee}")
    return slugify(committee)


def _field_label(text: str) -> tuple[str, int] | None:
    """("date" | "time" | "venue" | "contact", where the value starts) for a header field line."""
    r = rules()
    for name in ("date", "time", "venue", "contact"):
        if m := r[f"{name}_label"].match(text):
            return name, m.end()
    return None


def _apply_field(doc: Document, h: MeetingHeader, name: str, start: int, end: int) -> None:
    value = doc.text[start:end]
    if name == "date":
        _set_date(doc, h, start, end)
    elif name == "time":
        h.time = h.time or parse_time(value)
    elif name == "venue":  # an explicit "Venue:" line wins over a venue read from the minutes sentence
        h.venue_span = _span(doc, start, start + len(re.split(r"\.?\s+View directions", value)[0]))
    elif name == "contact" and not h.contact_span:
        h.contact_span = _span(doc, start, start + len(re.split(r"\s+Email\.?$|\s+E-?mail:?", value)[0]))


def _named_in_lines(lines: list[Line], committee: str) -> Line | None:
    """A name line that a one-word reference ("the Authority", "the Panel") points to."""
    words = committee.split()
    if len(words) != 1:
        return None
    for ln in reversed(lines):
        name = _committee_name(ln.text)
        if name.split() and name.split()[-1].lower() == words[0].lower():
            return ln
    return None


def _committee_name(text: str) -> str:
    """A header line as a committee name: document-type words and a trailing qualifier dropped, caps titled."""
    name = " ".join(rules()["document_type"].sub(" ", text).split())
    name = re.sub(r"\s*\([^)]*\)$", "", name)  # "LICENSING SUB-COMMITTEE (LICENSING ACT 2003)"
    if " / " in name or " | " in name:
        # "SAFER X PARTNERSHIP / PARTNERIAETH X DDIOGELACH", "X Public Services Board | Bwrdd Gwasanaethau
        # Cyhoeddus X" (a site's title): the English side of a bilingual name
        from ..entities.bilingual import without_welsh  # (only here: the entities package loads spaCy)
        paired = name.replace(" | ", " / ")
        if (english := without_welsh(paired)) != paired:
            name = " ".join(english.split()) or name
    return title_case(name)


def _name_line(text: str) -> bool:
    """Could this header line be the body's name ("KENT COUNTY COUNCIL", "Corporate Parenting Panel")?"""
    r = rules()
    if r["boilerplate"].match(text) or parse_date(text) or len(text.split()) > 12 or ":" in text[:25] \
            or text.count("|") > 1:  # a table's row ("Councillor A Gape | Rhosferig Council | Apologies")
        return False
    name = r["document_type"].sub(" ", text).strip()
    return bool(name) and (text.isupper() or looks_like_title(name, 12))


def _committee_from_name_lines(doc: Document, h: MeetingHeader, lines: list[Line]) -> None:
    """Pick the committee among the name lines: the last one naming a body (council first, committee after), and
    not the venue under the date ("Board Room, Probation Office, 14 Vicarage Gate": "Board" names no body there)."""
    r = rules()
    names = [(ln, _committee_name(ln.text)) for ln in lines]
    with_noun = [(ln, n) for ln, n in names if r["body_noun"].search(n)]
    with_noun = [(ln, n) for ln, n in with_noun if not VENUE_LINE.search(ln.text)] or with_noun
    ln, name = with_noun[-1] if with_noun else names[0]
    k = lines.index(ln)
    prev = _committee_name(lines[k - 1].text) if k > 0 else ""
    if prev and len(name.split()) <= 3 and prev.split()[-1].lower() == name.split()[0].lower():
        # a name split over two lines that repeat a word: "Eastvale Community Safety Partnership" / "PARTNERSHIP BOARD"
        h.committee_span = _span(doc, lines[k - 1].start, ln.end)
        h.committee = f"{prev} {' '.join(name.split()[1:])}".strip()
        return
    if prev and r["sub_body"].match(name) and not r["authority"].match(" ".join(lines[k - 1].text.split())) \
            and r["body_noun"].search(prev):
        h.committee_span = _span(doc, lines[k - 1].start, ln.end)  # "Strategic Board" of the partnership above
        h.committee = f"{prev} {name}"
        return
    h.committee_span = _span(doc, ln.start, ln.end)
    h.committee = name


def _set_date(doc: Document, h: MeetingHeader, start: int, end: int) -> bool:
    if h.date:
        return True
    found = parse_date(doc.text[start:end])
    if found:
        h.date = found[0]
        h.date_span = doc.span(start + found[1], start + found[2])
        if not h.time:
            h.time = parse_time(doc.text[start + found[2]: min(end, start + found[2] + 40)])
    return bool(found)


def _find_words(doc: Document, start: int, end: int, words: str) -> tuple[int, int] | None:
    """Locate ``words`` (whitespace-collapsed) inside ``doc.text[start:end]``."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    m = re.search(pattern, doc.text[start:end])
    return (start + m.start(), start + m.end()) if m else None


def _set_committee(doc: Document, h: MeetingHeader, start: int, end: int, words: str) -> None:
    found = _find_words(doc, start, end, words)
    if found:
        h.committee_span = doc.span(*found)
        h.committee = title_case(" ".join(h.committee_span.text.split()))


def _venue_after_date(doc: Document, h: MeetingHeader, head: list[Line]) -> None:
    """An unlabelled venue on the line under the date: "Thursday 17 September 2020 at 2.00 pm" /
    "Held virtually via Zoom"; a note in brackets after it is not part of it."""
    k = next((i for i, ln in enumerate(head) if ln.start <= h.date_span.start < ln.end), None)
    if k is None or k + 1 >= len(head):
        return
    ln = head[k + 1]
    text = ln.text.strip()
    if rules()["header_label"].match(text) or _field_label(text) or parse_date(text) or not VENUE_LINE.search(text):
        return
    start, end = ln.start, ln.start + len(ln.text.rstrip())
    if (cut := re.search(r"\s*\([^()]*\)\s*$", ln.text.rstrip())) and cut.start() > 0:
        end = ln.start + cut.start()
    if lead := LEADING_TIME.match(text):  # "2.00pm, The Assembly Room, ...": the time, then the venue
        h.time = h.time or parse_time(lead.group(0))
        start = ln.start + lead.end()
    h.venue_span = _span(doc, start, end)


def _set_venue(doc: Document, h: MeetingHeader, start: int, end: int, words: str) -> None:
    found = _find_words(doc, start, end, words.rstrip(". "))
    if found:
        h.venue_span = doc.span(*found)
