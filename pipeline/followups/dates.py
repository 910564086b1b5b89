"""Due dates as minutes write them, resolved against the meeting date.

"after the meeting", "in a year's time", "by the end of March", "in six
months", "the next meeting", "by 30/06/2024", "at its February 2024 meeting",
"in the autumn", "by 2025/26", "before it was finalised": the phrasings are
data (``pipeline/patterns/due_phrases.jsonl``); :func:`find_due` returns the
phrase as written (the first after the last commitment verb) and, where it
pins a day, an ISO date.  "the next meeting" resolves to the body's next meeting in the corpus
when the caller knows it (``next_meeting``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..rules import load_rules
from ..segment.when import MONTHS, parse_date

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
SEASONS = r"(?:spring|summer|autumn|winter)"
SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "winter": (2, 28)}
# the due phrases themselves are data: ``pipeline/patterns/due_phrases.jsonl`` (rule "due"), one phrasing a line
PHRASES = load_rules("due_phrases")["due"]


@dataclass
class Due:
    phrase: str
    date: str | None  # ISO, where the phrase pins one


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _next_month_year(meeting: date, month: int) -> int:
    return meeting.year if month >= meeting.month else meeting.year + 1


def _next_occurrence(meeting: date, month: int, day: int) -> date | None:
    """A day and month written without a year ("12 February", Christmas): its next occurrence on or after the
    meeting (None where the meeting's year has no such day)."""
    for year in (meeting.year, meeting.year + 1):
        try:
            when = date(year, month, day)
        except ValueError:
            return None
        if when >= meeting:
            return when
    return None


def _season_end(meeting: date, season: str, year: int | None) -> str:
    """The last day of the season's next occurrence ("in the autumn" at a March meeting: 30 November)."""
    month, day = SEASON_END[season]
    if year is None:
        year = _next_occurrence(meeting, month, day).year  # SEASON_END's days exist in every year
    return date(year, month, calendar.monthrange(year, month)[1] if month == 2 else day).isoformat()


def resolve(phrase: str, meeting: date, next_meeting: date | None = None) -> str | None:
    """ISO date for ``phrase`` relative to ``meeting`` (None where it pins no day)."""
    p = phrase.lower()
    if re.search(r"after the meeting|outside (?:of )?the meeting|following the meeting", p):
        return None
    if re.search(r"next\s+(?:appropriate\s+)?(?:meeting|board|panel|committee)\b", p):
        if "appropriate" in p:
            return None  # "the next appropriate meeting" need not be the next one (an extraordinary meeting is not)
        return next_meeting.isoformat() if next_meeting else None
    if m := re.search(r"in (a|one|two|three|four|five|six|nine|twelve|\d+) (year|month|week)", p):
        n = NUMBERS.get(m.group(1)) or int(m.group(1))
        if m.group(2) == "year":
            return _add_months(meeting, 12 * n).isoformat()
        if m.group(2) == "month":
            return _add_months(meeting, n).isoformat()
        return (meeting + timedelta(weeks=n)).isoformat()
    if m := re.search(r"within (\w+) (working )?(day|week|month)", p):
        n = NUMBERS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if n:
            days = {"day": n * (7 / 5 if m.group(2) else 1), "week": 7 * n, "month": 30 * n}[m.group(3)]
            return (meeting + timedelta(days=round(days))).isoformat()
    if found := parse_date(phrase):
        return found[0]
    if m := re.search(r"end of the (?:year|financial year)", p):
        if "financial" in p:
            return date(meeting.year + (1 if meeting.month > 3 else 0), 3, 31).isoformat()
        return date(meeting.year, 12, 31).isoformat()
    if m := re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + MONTH_NAMES.lower()[3:-1] + r")\b(?!\s*\d)", p):
        when = _next_occurrence(meeting, MONTHS[m.group(2)], int(m.group(1)))  # "on 12th February": no year
        return when.isoformat() if when else None
    if m := re.search(r"(" + MONTH_NAMES.lower()[3:-1] + r")\s*(\d{4})?", p):
        month = MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else _next_month_year(meeting, month)
        return _month_end(year, month).isoformat()
    if m := re.search(SEASONS + r"(?:\s+(?:term|holidays?|months))?(?:\s+(\d{4}))?", p):
        return _season_end(meeting, m.group(0).split()[0], int(m.group(1)) if m.group(1) else None)
    if m := re.search(r"\b(20\d\d)(?:/(\d\d))?\b", p):  # "in 2025"; "by 2024/25" (a financial year)
        return (date(int(m.group(1)) + 1, 3, 31) if m.group(2) else date(int(m.group(1)), 12, 31)).isoformat()
    if "christmas" in p:
        return _next_occurrence(meeting, 12, 25).isoformat()
    if re.search(r"this year|the year\b", p):
        return date(meeting.year, 12, 31).isoformat()
    if "next year" in p:
        return date(meeting.year + 1, 12, 31).isoformat()
    return None


# where a commitment's verb is: a due phrase after it is the commitment's; one before it may date something else
# ("vacancies had reached 17% in July ... and would publish the figures in February")
COMMITMENT_VERB = re.compile(r"\b(?:would|will|shall|agreed|agrees|undertook|offered|promised|volunteered|requested"
                             r"|asked|delegated|deferred|postponed)\b", re.IGNORECASE)


YEAR_ONLY = re.compile(r"(?:in|by|during|before)\s+20\d\d", re.IGNORECASE)
PERIOD = re.compile(r"(?:in|during|over)\s+(?:the\s+)?(?:" + MONTH_NAMES + "|" + SEASONS + r"|20\d\d)", re.IGNORECASE)
# a past participle (not after "be": "would be published in October" looks ahead) right before the phrase
DONE_BEFORE = re.compile(r"(?<!\bbe )\b(?:[a-z]+ed|held|made|sent|set|begun|run|taken|written|given|seen|met)\s+$")


def find_due(text: str, meeting_date: str | None, next_meeting: str | None = None) -> Due | None:
    """The due phrase of ``text`` (the first after the commitment's verb, else the first) and its date, if any."""
    every = list(PHRASES.finditer(text))
    verbs = [v.end() for v in COMMITMENT_VERB.finditer(text)]
    # the phrases after the last commitment verb first ("… would operate the prison … in December 2021 and an
    # update would be provided once this decision was made"), then after each earlier one, then the rest
    ordered = [m for end, nxt in zip(reversed(verbs), [len(text), *reversed(verbs)], strict=False)
               for m in every if end <= m.start() < nxt]
    tried = {m.span() for m in ordered}
    held, following = _meeting_dates(meeting_date, next_meeting)  # parsed once, not per phrase
    for m in ordered + [m for m in every if m.span() not in tried]:
        phrase = " ".join(m.group(0).split()).rstrip(" ,.;")
        iso = _iso(phrase, held, following)
        if iso and YEAR_ONLY.match(phrase) and iso < (held + timedelta(days=183)).isoformat():
            continue  # "the number referred in 2022/23": a year ending soon after the meeting dates data
        if PERIOD.match(phrase) and DONE_BEFORE.search(text, 0, m.start()):
            continue  # "the draft budget published in October", "was launched in May": when something was done
        return Due(phrase, iso)
    return None


# "ACTION 21/13: TG / BL - start release-day navigator pilot - 1 Nov 2021", "ACTION 23/17 FI: raise ... - September.":
# a numbered action line of an action log, its due date in the last dash-separated field
ACTION_TAIL = re.compile(r"^(?:Actions?|ACTIONS?)\s+(?:no\.?\s*)?\d[\w/.]*\b.*\s[-\u2013]\s+(?:by\s+)?"
                         r"(?P<due>[A-Za-z0-9][^-\u2013;:]{1,30}?)\.?\s*$")


ACTION_STATUS = re.compile(r"(?:outstanding|open|closed|complete|completed|done|in progress|on hold|ongoing|"
                           r"carried forward|on track|overdue|not started)", re.IGNORECASE)


def action_log_due(text: str, meeting_date: str | None, next_meeting: str | None = None) -> Due | None:
    """The due field at the end of a numbered action line ("- Jan mtg", "- 1 Nov 2021"), as written, with its
    date where it pins one."""
    m = ACTION_TAIL.match(" ".join(text.split()))
    if not m or len(m.group("due").split()) > 5 or ACTION_STATUS.fullmatch(m.group("due")):
        return None  # "Action 7: Chair to write to the Minister – outstanding": a status, not a date
    phrase = m.group("due")
    return Due(phrase, _iso(phrase, *_meeting_dates(meeting_date, next_meeting)))


def _meeting_dates(meeting_date: str | None, next_meeting: str | None) -> tuple[date | None, date | None]:
    """The meeting's date and the next meeting's, parsed (both None when the meeting's is not an ISO date)."""
    try:
        held = date.fromisoformat(meeting_date) if meeting_date else None
        return held, date.fromisoformat(next_meeting) if held and next_meeting else None
    except ValueError:
        return None, None


def _iso(phrase: str, held: date | None, following: date | None) -> str | None:
    """The ISO date a due phrase pins, counted from the meeting (None without a meeting date or a day)."""
    try:
        return resolve(phrase, held, following) if held else None
    except ValueError:
        return None
