"""Where an agenda item is: its heading, body start, printed number and title (offsets into the document)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ItemSpan:
    start: int  # where the item's heading starts (or its first paragraph, if untitled)
    body_start: int
    number: str | None
    title: str | None
    heading: tuple[int, int] | None = None
    minute_number: str | None = None
    title_inferred: bool = False
