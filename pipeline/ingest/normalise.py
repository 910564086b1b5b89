"""Whitespace and character normalisation that keeps a map back to the original.

Minutes arrive with non-breaking spaces, tabs, CRLF line ends, ligatures from
PDF fonts, soft hyphens and runs of blank lines.  Every later stage wants the
same tidy text, and every extracted span must still point back to the exact
original characters, so normalisation produces both the new text and, for
each new character, the index of the input character it came from.

Rules (per line): characters in :data:`CHAR_MAP` are replaced (or dropped),
runs of spaces collapse to one, leading/trailing spaces go; whitespace-only
lines become empty and more than two consecutive blank lines collapse to two,
so the one-blank-line vs. several-blank-lines distinction that page dumps use
between an agenda heading and its minutes survives.
"""

from __future__ import annotations

import re
from array import array

# Characters replaced during normalisation ("" drops the character).
CHAR_MAP: dict[str, str] = {
    "\u00a0": " ",  # no-break space
    "\t": "   ",  # a column gap, kept as such (see _line_pieces)
    "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
    "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\u205f": " ", "\u3000": " ", "\u000b": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
}
_SPECIAL = re.compile("[" + "".join(re.escape(c) for c in CHAR_MAP) + "]")
_TOKEN = re.compile(r"[^ ]+")
MAX_BLANK_LINES = 2


def _line_pieces(line: str, base: int) -> tuple[str, list[int] | range]:
    """Normalise one line; return its text and the input index of each char."""
    special = _SPECIAL.search(line)
    if not special and not line.startswith(" ") and not line.endswith(" ") and "  " not in line:
        return line, range(base, base + len(line))  # most lines: already tidy, so mapped one to one
    if special:
        chars: list[str] = []
        idx: list[int] = []
        for i, ch in enumerate(line):
            rep = CHAR_MAP.get(ch, ch)
            for r in rep:
                chars.append(r)
                idx.append(base + i)
        line = "".join(chars)
    else:
        idx = None  # identity mapping, computed lazily below
    out: list[str] = []
    out_idx: list[int] = []
    prev_end = 0
    for m in _TOKEN.finditer(line):
        if out:
            # a gap of a tab or 3+ spaces is a column gap (a text table): kept as 3 spaces, any other gap as one;
            # the separating spaces map to the first whitespace chars after the previous token
            gap = 3 if m.start() - prev_end >= 3 else 1
            out.append(" " * gap)
            out_idx.extend(out_idx[-1] + 1 + k if idx is None else idx[prev_end + k] for k in range(gap))
        out.append(m.group())
        if idx is None:
            out_idx.extend(range(base + m.start(), base + m.end()))
        else:
            out_idx.extend(idx[m.start():m.end()])
        prev_end = m.end()
    return "".join(out), out_idx


def _fold_carriage_returns(raw: str) -> tuple[str, array]:
    """CRLF and lone CR become LF; return the new string and the old index of each char."""
    out: list[str] = []
    index = array("l")
    i, n = 0, len(raw)
    while i < n:
        j = raw.find("\r", i)
        if j < 0:
            out.append(raw[i:])
            index.extend(range(i, n))
            break
        out.append(raw[i:j])
        index.extend(range(i, j))
        out.append("\n")
        index.append(j)
        i = j + 2 if raw.startswith("\r\n", j) else j + 1
    index.append(n)
    return "".join(out), index


def normalise(raw: str, raw_offsets: array | None = None) -> tuple[str, array, array]:
    """Normalise ``raw``.

    Returns ``(text, raw_index, offsets)``: ``raw_index[i]`` is the index in
    ``raw`` of ``text[i]`` and ``offsets[i]`` is ``raw_offsets[raw_index[i]]``
    (the position in the original source; identity when ``raw_offsets`` is
    None).  Both arrays have one extra final entry for the end of the text.
    """
    if "\r" in raw:
        raw, cr_index = _fold_carriage_returns(raw)
        raw_offsets = cr_index if raw_offsets is None else array("l", (raw_offsets[i] for i in cr_index))
    text_parts: list[str] = []
    index = array("l")
    blank_run = 0
    pos = 0
    started = False
    for line in raw.split("\n"):
        line_text, line_idx = _line_pieces(line, pos)
        if not line_text:
            blank_run += 1
        else:
            if started:
                newlines = 1 + min(blank_run, MAX_BLANK_LINES)
                # inserted newlines map to the line break just before this line
                text_parts.append("\n" * newlines)
                index.extend([pos - 1] * newlines)
            text_parts.append(line_text)
            index.extend(line_idx)
            started = True
            blank_run = 0
        pos += len(line) + 1
    index.append(len(raw))
    text = "".join(text_parts)
    if raw_offsets is None:
        offsets = index
    else:
        offsets = array("l", (raw_offsets[i] for i in index))
    return text, index, offsets
