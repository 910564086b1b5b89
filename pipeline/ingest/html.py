"""Render an "Agenda and minutes" HTML page to text, keeping positions and item structure.

Uses the standard library's HTML parser (a real tokenizer, tolerant of the
tag soup council sites publish) rather than regular expressions.  Each
rendered character remembers the offset of the source character it came
from, so spans found later map back into the HTML.

ModernGov pages put agenda items in ``<table class="mgItemTable">`` rows: a
number cell (``mgItemNumberCell``) and a title paragraph (``mgAiTitleTxt``).
When present, those become :class:`RenderedItem` hints, which the segmenter
trusts over its text heuristics.  Scripts, styles, navigation and footers are
not rendered.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "tr", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "pre", "hr",
    "address", "figure", "figcaption", "main", "caption", "header", "aside",
}
LINE_TAGS = {"br", "td", "th"}
SKIP_TAGS = {"script", "style", "noscript", "template", "nav", "select", "button", "iframe",
             "svg", "object", "footer", "head"}
# a site's search or sign-up form is chrome; but an ASP.NET page (CMIS, DotNetNuke) wraps its whole body in one
# <form id="Form">, so a form is skipped only when it says what it is for
CHROME_FORM = re.compile(r"search|subscribe|newsletter|login|log-in|signin|sign-in|feedback|cookie", re.IGNORECASE)
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}
SKIP_ATTR = re.compile(r"(footer|breadcrumb|navigation|skiplink|cookie|sidebar|banner|mgMenu)",
                       re.IGNORECASE)
# a clause or sentence, not a list's entry: punctuation or "; and" at its end, "That" / "To" or a small letter at
# its start ("the plan be recommended to Cabinet for adoption; and")
LIST_SENTENCE = re.compile(r"[.;:,]$|[;,]\s*(?:and|or)$|^(?:[Tt]hat|[Tt]o)\b|^[a-z]")
MINUTE_NUMBER_CELL = re.compile(r"\s*(?:[A-Z]{1,6}\s?)?\d{1,4}(?:/\d{2,4})?[A-Za-z]?\.?\s*")  # "14", "FC 145/23"
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)


@dataclass
class RenderedItem:
    """An agenda item as the page's item table states it (rendered-text offsets)."""

    number: str | None
    start: int
    title_start: int
    title_end: int


class _Renderer(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.pos = array("l")
        self.skip_stack: list[str] = []
        self.url: str | None = None
        self.items: list[RenderedItem] = []
        self._table_depth = 0  # depth inside an mgItemTable
        self._row: dict | None = None
        self._cells: list[int] | None = None  # a plain table row: where it starts, then where each " | " is
        self._cell_start: int | None = None  # where the plain row's cell being read starts
        self._entry_start = 0  # where the list entry being read starts
        self._short_entry = False  # the last list entry was a short line, no sentence
        self._term_start: int | None = None  # where the <dt> being read starts
        self._after_term = False  # a short <dt> just ended: its <dd> follows on the same line
        self._capture: str | None = None  # "number" | "title"
        self._capture_tag_depth = 0
        self._open_tags: list[tuple[str, str]] = []
        self.title = ""
        self._in_title = False

    # -- positions ---------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, offset: int, *, consecutive: bool = True) -> None:
        if self.skip_stack:
            return
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.pos.append(offset + i if consecutive else offset)

    def _break(self, n: int) -> None:
        if not self.skip_stack:
            self._emit("\n" * n, self._offset(), consecutive=False)

    # -- tags --------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.url = self.url or a["href"]
        if tag == "meta" and a.get("property", "").lower() == "og:url" and a.get("content"):
            self.url = self.url or a["content"]
        if tag == "base" and a.get("href"):
            self.url = self.url or a["href"]
        if tag == "title":
            self._in_title = True
        if tag == "body" and "head" in self.skip_stack:
            self.skip_stack.clear()  # an unclosed <head> must not swallow the page
        if tag in VOID_TAGS:
            if tag in LINE_TAGS | {"hr"}:
                self._break(1)
            return
        skip = tag in SKIP_TAGS or SKIP_ATTR.search(a.get("id", "") + " " + a.get("class", "")) or tag == "form" and (
            CHROME_FORM.search(" ".join((a.get("id", ""), a.get("class", ""), a.get("role", ""), a.get("action", ""),
                                         a.get("name", "")))))
        if self.skip_stack or skip:
            self.skip_stack.append(tag)
            return
        cls = a.get("class", "")
        self._open_tags.append((tag, cls))
        if tag == "table" and "mgItemTable" in cls:
            self._table_depth = len(self._open_tags)
        in_items = self._table_depth and len(self._open_tags) > self._table_depth
        if in_items and tag == "tr":
            self._row = {"start": len(self.chars), "number": None, "title": None, "has_th": False}
        if in_items and self._row is not None:
            if tag == "th":
                self._row["has_th"] = True
            if tag == "td" and "mgItemNumberCell" in cls:
                self._start_capture("number")
            elif "mgAiTitleTxt" in cls and self._row["title"] is None and self._capture is None:
                self._start_capture("title")
        if tag in ("td", "th") and not in_items:
            if self._cells is None:
                self._break(1)  # a cell outside any row (broken markup): a line of its own, as before
                self._cell_start = None
                return
            self._close_cell()
            if self.chars and self.chars[-1] != "\n":
                self._cells.append(len(self.chars))  # a cell after a cell: " | ", unless the row holds blocks
                self._emit(" | ", self._offset(), consecutive=False)
            self._cell_start = len(self.chars)
        elif tag == "tr" and not in_items:
            self._break(1)  # the rows of a table (an attendance list) are the lines of one paragraph
            self._cells = [len(self.chars)]
        elif tag in ("ul", "ol"):
            self._short_entry = False  # a list's first entry starts a paragraph
            self._break(2)
        elif tag == "li":
            # after a short entry that is no sentence ("Chair (Fellby Council) - Ann Hale"), the next is a line of
            # the same paragraph: an attendance list reads as one; clauses and paragraphs stay blocks
            self._break(1 if self._short_entry else 2)
            self._entry_start = len(self.chars)
        elif tag == "dt":  # a definition list ("Chair" / "Councillor Ann Hale (X Council)"): a line a term
            self._break(1)
            self._term_start = len(self.chars)
        elif tag == "dd":
            if not self._after_term:
                self._break(1)
            self._after_term = False
        elif tag in BLOCK_TAGS:
            self._break(2)
        elif tag in LINE_TAGS:
            self._break(1)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self.skip_stack:
            if tag == self.skip_stack[-1] or tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in VOID_TAGS or not any(t == tag for t, _ in self._open_tags):
            return
        while self._open_tags:
            t, _ = self._open_tags.pop()
            if self._capture and len(self._open_tags) < self._capture_tag_depth:
                self._end_capture()
            if t == tag:
                break
        if self._table_depth and len(self._open_tags) < self._table_depth:
            self._table_depth = 0
        if tag == "tr" and self._row is not None:
            row = self._row
            if row["title"] and not row["has_th"]:
                t0, t1 = row["title"]
                self.items.append(RenderedItem(row["number"], row["start"], t0, t1))
            self._row = None
        if tag == "tr" and not self._table_depth and self._cells is not None:
            self._close_cell()
            self._end_plain_row()
        elif tag == "li":
            entry = "".join(self.chars[self._entry_start:]).strip()
            self._short_entry = 0 < len(entry) <= 160 and "\n" not in entry and not LIST_SENTENCE.search(entry)
        elif tag == "dt":
            # a short term and its first definition read as one labelled line ("Chair: Councillor Ann Hale",
            # "Date: Tuesday, 23 November 2021"), as a printed page sets them
            term = "".join(self.chars[self._term_start or 0:]).strip()
            self._after_term = 0 < len(term) <= 60 and "\n" not in term and not term.endswith(":")
            if self._after_term:
                self._emit(": ", self._offset(), consecutive=False)
            else:
                self._break(1)
        elif tag == "dd":
            self._break(1)
        elif tag in BLOCK_TAGS:
            self._break(2)
        elif tag in LINE_TAGS and (self._table_depth or tag not in ("td", "th")):
            self._break(1)

    def _close_cell(self) -> None:
        """A cell that holds one paragraph (a word processor wraps every cell's text in ``<p>``) is one line: the
        breaks around its paragraph become spaces, so that its row still reads "E. Roberts | Head of Housing"."""
        if self._cell_start is None:
            return
        start, self._cell_start = self._cell_start, None
        if "\n" not in "".join(self.chars[start:]).strip():
            for k in range(start, len(self.chars)):
                if self.chars[k] == "\n":
                    self.chars[k] = " "

    def _end_plain_row(self) -> None:
        """A row whose cells hold paragraphs (an item and its minutes) keeps them apart as blocks: its " | "
        joins become line breaks, and a blank line follows it."""
        start, *joins = self._cells
        self._cells = None
        if "\n" in self.chars[start:]:
            for k in joins:
                self.chars[k:k + 3] = ["\n"] * 3
            if joins and MINUTE_NUMBER_CELL.fullmatch("".join(self.chars[start:joins[0]])):
                # "14" in a cell beside the item's heading and minutes: the number and the heading are one
                # line, "14   Apologies for absence", as a printed page sets them
                k = joins[0]
                while k < len(self.chars) and self.chars[k].isspace():
                    self.chars[k] = " "
                    k += 1
            self._break(2)

    def _start_capture(self, what: str) -> None:
        self._capture = what
        self._capture_tag_depth = len(self._open_tags)
        self._capture_start = len(self.chars)

    def _end_capture(self) -> None:
        text = "".join(self.chars[self._capture_start:])
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        if self._row is not None and body:
            if self._capture == "number":
                self._row["number"] = body.rstrip(".").strip() or None
            else:
                start = self._capture_start + lead
                self._row["title"] = (start, start + len(body))
        self._capture = None

    # -- text --------------------------------------------------------------------
    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if not self.skip_stack:
            self._emit(re.sub(r"[\r\n\t\f]", " ", data), self._offset())

    def handle_entityref(self, name):
        self._emit(html.unescape(f"&{name};"), self._offset(), consecutive=False)

    def handle_charref(self, name):
        self._emit(html.unescape(f"&#{name};"), self._offset(), consecutive=False)

    def handle_comment(self, data):
        m = SAVED_FROM.search(data)
        if m and not self.url:
            self.url = m.group(1)


@dataclass
class RenderedPage:
    text: str
    offsets: array  # offsets[i]: position in the HTML source of rendered character i (plus an end entry)
    items: list[RenderedItem]
    url: str | None
    title: str


def render_html(source: str) -> RenderedPage:
    """Render ``source`` HTML to text with positions, item hints, URL and ``<title>``.
    """
    r = _Renderer(source)
    r.feed(source)
    r.close()
    if r._capture:
        r._end_capture()
    r.pos.append(len(source))
    return RenderedPage("".join(r.chars), r.pos, r.items, r.url, " ".join(r.title.split()))
