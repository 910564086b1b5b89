"""Text of "Printed minutes" PDFs, without running page furniture.

pypdf gives one text string per page.  Printed minutes repeat page numbers and
running headers/footers on every page; left in, they would land in the middle
of a resolution that continues over a page break.  They are dropped here
(counted in provenance), and the printed page number is kept per page.

Pages are joined with a paragraph break when the previous page ends a
sentence, and with a plain line break when the text runs on, so a clause split
by a page break stays one paragraph.
"""

from __future__ import annotations

import io
import re
from array import array
from collections import Counter
from dataclasses import dataclass

PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?$|^[-\u2013]\s*(\d{1,4})\s*[-\u2013]$", re.IGNORECASE
)
EDGE_LINES = 2  # furniture is looked for among the first/last non-blank lines of each page
SENTENCE_END = re.compile(r"[.;:!?\u201d\"')]\s*$")


class PdfTextError(ValueError):
    """The PDF cannot be read, or has no extractable text (a scan that needs OCR)."""


@dataclass
class PdfPage:
    page: int  # 1-based
    start: int  # offset in the cleaned text
    printed: str | None


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _edge_indices(lines: list[str]) -> tuple[list[int], list[int]]:
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    return nonblank[:EDGE_LINES], nonblank[-EDGE_LINES:]


def find_furniture(pages: list[list[str]]) -> tuple[list[set[int]], list[str | None]]:
    """Per page, the line indices that are page furniture, and the printed page number."""
    n = len(pages)
    top_counts: Counter[str] = Counter()
    bottom_counts: Counter[str] = Counter()
    edges = [_edge_indices(lines) for lines in pages]
    for lines, (top, bottom) in zip(pages, edges, strict=True):
        top_counts.update({_shape(lines[i]) for i in top})
        bottom_counts.update({_shape(lines[i]) for i in bottom})
    need = 2 if n == 2 else max(3, int(0.6 * n + 0.999))  # two pages: a line on both is furniture
    repeated = {s for s, c in (top_counts + bottom_counts).items()
                if c >= need and len(s) < 120 and (top_counts[s] >= need or bottom_counts[s] >= need)}
    drop: list[set[int]] = []
    printed: list[str | None] = []
    for lines, (top, bottom) in zip(pages, edges, strict=True):
        gone: set[int] = set()
        number = None
        for i in top + bottom:
            text = lines[i].strip()
            m = PAGE_NUMBER.match(text)
            if m:
                gone.add(i)
                number = number or m.group(1) or m.group(2)
            elif _shape(text) in repeated:
                gone.add(i)
        drop.append(gone)
        printed.append(number)
    return drop, printed


def read_pdf(data: bytes) -> tuple[str, str, array, list[PdfPage], int]:
    """Return ``(original, cleaned, offsets, pages, dropped_lines)``.

    ``original`` is pypdf's page texts joined by newlines (what gold quotes are
    taken from); ``offsets[i]`` is the position in ``original`` of cleaned char ``i``.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types here
                raise PdfTextError("encrypted PDF; cannot read its text") from exc
        texts = [page.extract_text() or "" for page in reader.pages]
    except PdfTextError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise PdfTextError(f"damaged or unreadable PDF ({exc.__class__.__name__}: {exc})") from exc
    original = "\n".join(texts)
    if len("".join(original.split())) < 20:
        raise PdfTextError("scanned PDF; needs OCR (no extractable text)")
    pages = [t.split("\n") for t in texts]
    drop, printed = find_furniture(pages)

    chars: list[str] = []
    offsets = array("l")
    out_pages: list[PdfPage] = []
    dropped = 0
    base = 0
    for p, lines in enumerate(pages):
        keep: list[tuple[str, int]] = []
        pos = base
        for i, line in enumerate(lines):
            if i in drop[p]:
                dropped += 1
            else:
                keep.append((line, pos))
            pos += len(line) + 1
        while keep and not keep[0][0].strip():
            keep.pop(0)
        while keep and not keep[-1][0].strip():
            keep.pop()
        if keep and chars:
            _append_break(chars, offsets, base - 1)
        out_pages.append(PdfPage(p + 1, len(offsets), printed[p]))
        for k, (line, start) in enumerate(keep):
            if k:
                chars.append("\n")
                offsets.append(start - 1)
            chars.append(line)
            offsets.extend(range(start, start + len(line)))
        base += len(texts[p]) + 1
    offsets.append(len(original))
    return original, "".join(chars), offsets, out_pages, dropped


def _append_break(chars: list[str], offsets: array, at: int, paragraph: bool = True) -> None:
    """Join the next kept line to the text built so far in ``chars`` (one entry per line or break), the break mapped
    to ``at``: a paragraph break where ``paragraph`` allows and the line before ends a sentence, so that a clause
    running over a page break stays one paragraph."""
    sep = "\n\n" if paragraph and SENTENCE_END.search(chars[-1]) else "\n"
    chars.append(sep)
    offsets.extend([at] * len(sep))


# a page dump saved as text: "Page 2 of 5" on a line of its own (after a bilingual "Tudalen 2 o 5 / ")
TEXT_PAGE_LINE = re.compile(r"^(?:[^/\n]{0,40}/\s*)?page\s+\d{1,4}\s+of\s+\d{1,4}$", re.IGNORECASE)
TEXT_FURNITURE_REACH = 2  # running heads and footers sit within two lines of the page number


def text_without_furniture(text: str) -> tuple[str, array | None, int]:
    """A text file of printed minutes (pypdf's output saved as .txt) keeps its page furniture: "Page 2 of 5"
    lines and the running head or footer that repeats beside them.  Returns ``(cleaned, offsets, dropped)`` as
    :func:`read_pdf` does (``offsets[i]``: the position in ``text`` of cleaned char ``i``; None and ``text``
    itself when there is no furniture).  A break where a sentence ends becomes a paragraph break."""
    lines = text.split("\n")
    pages = [k for k, line in enumerate(lines) if TEXT_PAGE_LINE.match(line.strip())]
    if len(pages) < 2:
        return text, None, 0
    near = {j for k in pages for j in range(k - TEXT_FURNITURE_REACH, k + TEXT_FURNITURE_REACH + 1)
            if j not in pages and 0 <= j < len(lines) and lines[j].strip()}  # each line counted once
    counts = Counter(_shape(lines[j]) for j in near)
    # a running head or footer: two words at least ("Agreed." beside two page breaks is minutes), repeated
    drop = set(pages) | {j for j in near if counts[_shape(lines[j])] >= 2 and len(lines[j]) < 120
                         and len(lines[j].split()) >= 2}
    chars: list[str] = []
    offsets = array("l")
    pos, gap = 0, False
    for k, line in enumerate(lines):
        if k in drop:
            gap = True
        else:
            if chars:
                _append_break(chars, offsets, pos - 1, paragraph=gap)
            chars.append(line)
            offsets.extend(range(pos, pos + len(line)))
            gap = False
        pos += len(line) + 1
    offsets.append(len(text))
    return "".join(chars), offsets, len(drop)
