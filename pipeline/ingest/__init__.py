"""Ingest: files of minutes (plain text, HTML, PDF) to normalised :class:`Document` objects.

Format is decided by content first (``%PDF`` magic, HTML markup) and by
extension second, so an HTML error page saved as ``.txt`` is still read as
HTML.  Every document records its provenance: path, the path relative to the
corpus root (the ``source`` that gold files use), SHA-256 of the bytes, the
encoding used, the URL the page names, and PDF page positions.
"""

from __future__ import annotations

import hashlib
import os
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..schema import Document, ItemHint, PageSpan, Provenance
from .decode import NotTextError, decode_bytes
from .html import render_html
from .normalise import normalise
from .pdf import PdfTextError, read_pdf, text_without_furniture

EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ERROR_PAGE_TITLE = re.compile(r"\b(?:40[0-9]|50[0-9]|not found|server error|access denied|forbidden|"
                              r"unavailable|page cannot be|error occurred)\b", re.IGNORECASE)
ERROR_PAGE_MAX_CHARS = 5000


class IngestError(Exception):
    """A file that cannot be turned into a document; carries what a user needs to act on it."""

    def __init__(self, path: str | os.PathLike, reason: str, hint: str = "", stage: str = "ingest",
                 sha256: str | None = None):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        self.stage = stage
        self.sha256 = sha256

    def to_dict(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "stage": self.stage,
                "reason": self.reason, "hint": self.hint}


def iter_input_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, source)`` for every minutes file under ``paths``, in a stable order.

    ``source`` is the path relative to the directory argument it was found
    under (``raw/lscsb_2021-09-24.txt`` for ``corpus/``), or the path as given
    for file arguments.  Hidden files and files of other types are skipped
    when walking directories; a missing path raises :class:`IngestError`.
    """
    for arg in paths:
        root = Path(arg)
        if root.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    p = Path(dirpath) / name
                    if not name.startswith(".") and p.suffix.lower() in EXTENSIONS:
                        found.append(p)
            for p in sorted(found, key=lambda q: q.relative_to(root).as_posix()):
                yield p, p.relative_to(root).as_posix()
        elif root.is_file():
            yield root, root.as_posix()
        else:
            raise IngestError(root, "no such file or directory", "check the path")


def sniff_format(path: Path, data: bytes) -> str:
    """``pdf``, ``html`` or ``text`` from the bytes, falling back to the extension."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF") or head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:400]:
        return "html"
    return EXTENSIONS.get(path.suffix.lower(), "text")


def _map_positions(raw_index: array, positions: Iterable[int]) -> list[int]:
    """Map positions in an earlier text (via a monotonic index array) to normalised offsets."""
    n = len(raw_index) - 1
    return [min(bisect_left(raw_index, p, 0, n), n) for p in positions]


def ingest_bytes(data: bytes, path: str | os.PathLike, source: str | None = None) -> Document:
    """Build a :class:`Document` from the bytes of one file."""
    path = Path(path)
    sha = hashlib.sha256(data).hexdigest()
    fmt = sniff_format(path, data)
    prov = Provenance(path=path.as_posix(), source=source or path.as_posix(), sha256=sha,
                      format=fmt, size=len(data))
    if not data.strip():
        raise IngestError(path, "empty file", "the download may have failed; fetch the file again", sha256=sha)
    hints: list[ItemHint] = []
    try:
        if fmt == "pdf":
            _original, cleaned, pdf_offsets, pdf_pages, dropped = read_pdf(data)
            text, raw_index, offsets = normalise(cleaned, pdf_offsets)
            starts = _map_positions(raw_index, [p.start for p in pdf_pages])
            ends = starts[1:] + [len(text)]
            prov.pages = [PageSpan(p.page, s, e, p.printed) for p, s, e in zip(pdf_pages, starts, ends, strict=True)]
            prov.dropped_lines = dropped
            prov.encoding = "pdf"
        elif fmt == "html":
            source_text, prov.encoding, prov.replaced_chars = decode_bytes(data, html=True)
            page = render_html(source_text)
            prov.url = page.url
            text, raw_index, offsets = normalise(page.text, page.offsets)
            if ERROR_PAGE_TITLE.search(page.title) and len(text) < ERROR_PAGE_MAX_CHARS:
                raise IngestError(path, f"HTML error page, not minutes (title: {page.title!r})",
                                  "the download failed; fetch the page again", sha256=sha)
            for it in page.items:
                start, t0, t1 = _map_positions(raw_index, [it.start, it.title_start, it.title_end])
                hints.append(ItemHint(it.number, start, t0, t1))
        else:
            source_text, prov.encoding, prov.replaced_chars = decode_bytes(data)
            # a form feed is a page break: same length as a newline, so offsets stay exact
            cleaned, kept, prov.dropped_lines = text_without_furniture(source_text.replace("\f", "\n"))
            text, _raw_index, offsets = normalise(cleaned, kept)
            prov.url = _url_line(text)
            breaks = [m.end() for m in re.finditer("\f", source_text)]
            if breaks:
                starts = [0] + _map_positions(offsets, breaks)
                ends = starts[1:] + [len(text)]
                prov.pages = [PageSpan(k + 1, s, e) for k, (s, e) in enumerate(zip(starts, ends, strict=True))]
    except NotTextError as exc:
        raise IngestError(path, "binary file, not text or HTML minutes",
                          "check the file type; only .txt, .html and .pdf minutes are read", sha256=sha) from exc
    except PdfTextError as exc:
        hint = "run OCR (e.g. ocrmypdf) and ingest the result" if "OCR" in str(exc) else "re-download the PDF"
        raise IngestError(path, str(exc), hint, sha256=sha) from exc
    if not text.strip():
        raise IngestError(path, "no text after normalisation", "the file holds only whitespace or markup",
                          sha256=sha)
    return Document(text=text, provenance=prov, offsets=offsets, hints=hints)


def _url_line(text: str) -> str | None:
    """A page dump may name its address in a leading 'Source:'/'URL:' line."""
    for line in text[:2000].split("\n")[:10]:
        low = line.lower()
        if low.startswith(("source: http", "url: http", "source url: http")):
            return line.split(":", 1)[1].strip()
    return None


def ingest_file(path: str | os.PathLike, source: str | None = None,
                max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read and ingest one file (see :func:`ingest_bytes`)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise IngestError(path, f"file too large ({size:,} bytes > limit {max_bytes:,})",
                              "raise --max-bytes if this really is one meeting's minutes")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})", "check permissions") from exc
    return ingest_bytes(data, path, source)


__all__ = ["Document", "IngestError", "ingest_bytes", "ingest_file", "iter_input_files", "sniff_format"]
