"""Dates and times as minutes write them: "Thursday 16th January 2025", "04.07.2024", "10.00 am", "14:30".

Shared by the header parser and by follow-up due dates (:mod:`pipeline.followups.dates`).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
DATE_TEXT = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(\d{4})\b",
    re.IGNORECASE)
DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m\b\.?|\b(\d{1,2})[:.](\d{2})\b(?!\s*[/.]\d)",
                  re.IGNORECASE)
LEADING_TIME = re.compile(r"^(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|noon)?"
                          r"(?:\s*[-\u2013]\s*\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)?\s*[,;]\s*", re.IGNORECASE)


def parse_date(text: str) -> tuple[str, int, int] | None:
    """First date in ``text`` as ``(iso, start, end)``."""
    for m in DATE_TEXT.finditer(text):
        try:
            d = date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        except (ValueError, KeyError):
            continue
        return d.isoformat(), m.start(), m.end()
    for m in DATE_NUMERIC.finditer(text):
        try:
            d = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))  # UK order: day/month/year
        except ValueError:
            continue
        return d.isoformat(), m.start(), m.end()
    return None


def parse_time(text: str) -> str | None:
    """"10.00 am" -> "10:00", "7pm" -> "19:00", "14:30" -> "14:30"."""
    for m in TIME.finditer(text):
        if m.group(3):
            h, mi = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= h <= 12:
                continue
            h = h % 12 + (12 if m.group(3).lower() == "p" else 0)
        else:
            h, mi = int(m.group(4)), int(m.group(5))
        if 0 <= h < 24 and 0 <= mi < 60:
            return f"{h:02d}:{mi:02d}"
    return None
