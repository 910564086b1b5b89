"""Data records that flow between pipeline stages.

Every record that carries text also carries ``start``/``end`` character offsets
into its document's *normalised* text (``Document.text``), so that
``document.text[start:end] == record.text`` always holds.  That invariant is what
lets a report quote and link the exact sentence, and what the tests check.

Records are plain dataclasses: cheap to build, easy to serialise with
:func:`to_json_dict`, and free of behaviour beyond small conveniences.  The JSON
form of a :class:`Meeting` is a superset of the gold schema in
``corpus/README.md``.
"""

from __future__ import annotations

import dataclasses
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"


@dataclass
class Span:
    """A piece of document text with its offsets (and PDF page, when known)."""

    text: str
    start: int
    end: int
    page: int | None = None


@dataclass
class PageSpan:
    """Where one source page lies in the normalised text."""

    page: int
    start: int
    end: int
    printed: str | None = None  # the running page number printed on the page, if found


@dataclass
class Provenance:
    """Where a document came from, byte for byte."""

    path: str
    source: str  # path relative to the corpus root given by the user (matches gold ``source``)
    sha256: str
    format: str  # "text" | "html" | "pdf"
    size: int
    encoding: str | None = None
    url: str | None = None
    pages: list[PageSpan] = field(default_factory=list)
    replaced_chars: int = 0  # undecodable bytes replaced by U+FFFD (flagged, never dropped)
    dropped_lines: int = 0  # PDF running headers/footers/page numbers removed


@dataclass
class ItemHint:
    """Item structure that a format states explicitly (e.g. ModernGov HTML item tables)."""

    number: str | None
    start: int  # start of the item (heading) in normalised text
    title_start: int
    title_end: int


@dataclass
class Document:
    """The output of ingest: normalised text plus the map back to the original.

    ``offsets[i]`` is the character offset in the *original* decoded source (the
    file's text for plain text and HTML, pypdf's page texts joined by newlines
    for PDFs) of normalised character ``i``; ``offsets[len(text)]`` is the end.
    """

    text: str
    provenance: Provenance
    offsets: array = field(repr=False, default_factory=lambda: array("l"))
    hints: list[ItemHint] = field(default_factory=list)

    def original_offset(self, i: int) -> int:
        """Offset in the original source of normalised offset ``i``."""
        return self.offsets[i]

    def page_at(self, offset: int) -> int | None:
        """The 1-based page number containing ``offset`` (None for non-paged sources)."""
        pages = self.provenance.pages
        if not pages:
            return None
        starts = [p.start for p in pages]
        k = bisect_right(starts, offset) - 1
        return pages[max(k, 0)].page

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` for ``text[start:end]`` with its page filled in."""
        return Span(self.text[start:end], start, end, self.page_at(start))

    def normalised_offset(self, original: int) -> int:
        """Inverse of :meth:`original_offset` (first normalised char at or after ``original``)."""
        return bisect_left(self.offsets, original, 0, len(self.text))


@dataclass
class Attendance(Span):
    """A PRESENT / IN ATTENDANCE / APOLOGIES list from the meeting header."""

    kind: str = "present"


@dataclass
class MeetingHeader:
    committee: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    time: str | None = None  # HH:MM, 24h
    venue: str | None = None
    contact: str | None = None
    body_id: str | None = None
    committee_span: Span | None = None
    date_span: Span | None = None
    venue_span: Span | None = None
    contact_span: Span | None = None
    attendance: list[Attendance] = field(default_factory=list)


@dataclass
class Paragraph(Span):
    """A paragraph or labelled point of an item's body.

    ``kind`` is one of ``paragraph``, ``point`` (a labelled discussion point such
    as "(ii)" or "3)"), ``presenter``, ``heading`` (a sub-heading inside an
    item) or ``boilerplate`` ("Additional documents:", "Minutes:").  ``depth``
    and ``parent`` give the list nesting (``parent`` indexes ``Item.paragraphs``).
    """

    kind: str = "paragraph"
    label: str | None = None
    depth: int = 0
    parent: int | None = None
    topics: list[str] = field(default_factory=list)  # only where a point's theme differs from its item's
    quoted: bool = False  # inside a quotation (a motion's text), not the minutes' own words


@dataclass
class Presenter(Span):
    """An agenda line naming who presents the item ("X, Role, Org will present this report")."""

    name: str | None = None


@dataclass
class Resolution(Span):
    """One resolution clause: what the body decided (or declined)."""

    id: str | None = None
    label: str | None = None
    origin: str = "resolved"  # how it was found: resolved | recommended | that_clause | agreed | proposal | ...
    types: list[str] = field(default_factory=list)
    type_scores: dict[str, float] = field(default_factory=dict)


@dataclass
class Mention(Span):
    """A PERSON / ROLE / ORG mention (filled by the entity stage)."""

    label: str = "PERSON"
    kb_id: str | None = None


@dataclass
class FollowUp:
    """A commitment to future action (filled by the follow-up stage)."""

    owner: str | None
    action: str
    due: str | None  # the phrase as written ("in a year's time")
    evidence: Span
    id: str | None = None
    due_date: str | None = None  # ISO, where the phrase pins a day (relative phrases resolved)
    confidence: float | None = None
    owner_id: str | None = None  # person_id when the owner is a known person
    status: str | None = None  # open | overdue | closed | carried_forward | unknown (cross-meeting stage)
    status_evidence: dict | None = None  # {"text", "meeting_id", "date", "score"} for closed/carried_forward


@dataclass
class Item:
    number: str  # printed item number where shown, else ordinal position
    ordinal: int
    title: str | None
    start: int
    end: int
    id: str | None = None
    number_printed: bool = False
    title_inferred: bool = False  # title supplied by us (untitled introductions item)
    heading: Span | None = None
    minute_number: str | None = None
    truncated: bool = False  # page shows only part of the minutes ("view the full minutes text")
    presenters: list[Presenter] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    decisions: list[Resolution] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)


@dataclass
class Meeting:
    id: str
    source: str
    provenance: Provenance
    meeting: MeetingHeader
    items: list[Item] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[Any] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    text_sha256: str | None = None  # of the normalised text: equal for the same minutes re-published
    words: int = 0
    schema_version: str = SCHEMA_VERSION


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # per dataclass, the fields a record writes


def to_json_dict(record: Any) -> Any:
    """JSON-ready form of any record, dropping ``None`` page fields to keep output small.

    Called on every value of every record (about 1,500 per meeting), so the common cases come first and each
    dataclass's field names are looked up once."""
    kind = type(record)
    if kind in _SCALARS:
        return record
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(record):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(record) if f.name != "offsets")
    if names is not None:
        out = {}
        for name in names:
            value = getattr(record, name)
            if name == "page" and value is None:
                continue
            out[name] = to_json_dict(value)
        return out
    if isinstance(record, list | tuple):
        return [to_json_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_json_dict(v) for k, v in record.items()}
    return record
