"""Bilingual (Welsh and English) minutes: the entity pipeline reads the English side only.

Welsh councils print their minutes in both languages, side by side: "Cynghorydd / Cllr Gwyndaf Parry-Morgan
(Cadeirydd / Chair)", "Present / Yn bresennol:", "Prif Arolygydd / Chief Inspector Tirion Bowdler (Heddlu
Dyfnant / Dyfnant Police)", and whole lines in Welsh over their English ones.  Read as English, the Welsh side
runs into the names and roles ("Cadeirydd / Chair" is no role; "Sir" of "Cyngor Sir Tregarnedd" is no knight's
title).  :func:`without_welsh` blanks it, same length, so that every offset still points into the document.

The Welsh words that mark a side are data (``patterns/welsh_words.txt``): distinctive words of minutes, none
of them also an English word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list

PAIR = re.compile(r"\s*/\s*")  # "Cadeirydd / Chair", "Cyng./Cllr"
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
LEFT_STOPS = "\n;:|\u2022)]"
RIGHT_STOPS = "\n;:|()]"
REACH = 120  # the longest side looked at, in characters
MIN_WELSH_LINE_WORDS = 2
WELSH_LINE_SHARE = 0.3
TELLTALE_LENGTH = 9


@lru_cache(maxsize=1)
def welsh_words() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("welsh_words.txt"))


@lru_cache(maxsize=1)
def _telltales() -> tuple[str, ...]:
    """The long marker words ("cynghorydd", "penderfynwyd"): one of them in a text's lower case is the cheap test
    (a substring search each) that spares English minutes the full reading."""
    return tuple(sorted(w for w in welsh_words() if len(w) >= TELLTALE_LENGTH))


def _welsh_count(text: str) -> int:
    words = welsh_words()
    return sum(w.lower().strip("'\u2019.") in words for w in WORD.findall(text))


def without_welsh(text: str) -> str:
    """``text`` with the Welsh side of each "Welsh / English" pair, and each line written only in Welsh, turned
    into spaces (same length).  A text with none of the long marker words comes back unchanged."""
    lower = text.lower()
    if not any(w in lower for w in _telltales()):
        return text
    chars = list(text)
    for m in PAIR.finditer(text):
        left, right = _left_side(text, m.start()), _right_side(text, m.end())
        # the Welsh side goes with its slash: "Cadeirydd / " before the English, " / Yn bresennol" after it
        for side, other, (lo, hi) in ((left, right, (left[0], m.end())), (right, left, (m.start(), right[1]))):
            if text[slice(*side)].strip() and _welsh_count(text[slice(*side)]) and not _welsh_count(
                    text[slice(*other)]):
                _blank(chars, text, lo, hi)
    for line in re.finditer(r"[^\n]+", text):
        welsh = _welsh_count(line.group(0))
        if "/" not in line.group(0) and welsh >= MIN_WELSH_LINE_WORDS \
                and welsh >= WELSH_LINE_SHARE * len(WORD.findall(line.group(0))):
            _blank(chars, text, line.start(), line.end())
    return "".join(chars)


def _blank(chars: list[str], text: str, lo: int, hi: int) -> None:
    chars[lo:hi] = (c if c == "\n" else " " for c in text[lo:hi])


def _open_bracket(text: str, pos: int) -> int:
    """Where the bracket that holds ``pos`` opens (-1 if none within reach): a side may wrap a line there."""
    before = text[max(0, pos - REACH):pos]
    opened, closed = before.rfind("("), before.rfind(")")
    return pos - len(before) + opened if opened > closed else -1


def _left_side(text: str, slash: int) -> tuple[int, int]:
    """The words before a slash, back to the bracket, line or list punctuation that opens them."""
    bracket = _open_bracket(text, slash)
    if bracket >= 0:
        return bracket + 1, slash
    lo = max(0, slash - REACH)
    start = max((text.rfind(c, lo, slash) for c in LEFT_STOPS), default=-1)
    return (start + 1 if start >= 0 else lo), slash


def _right_side(text: str, after: int) -> tuple[int, int]:
    """The words after a slash, up to the bracket, line or list punctuation that closes them."""
    hi = min(len(text), after + REACH)
    stops = ")" if _open_bracket(text, after) >= 0 else RIGHT_STOPS
    ends = [i for i in (text.find(c, after, hi) for c in stops) if i >= 0]
    return after, min(ends) if ends else hi
