"""Bytes to text: UTF-8 first, then the charset a page declares, then Windows-1252.

Council web pages saved years ago are often Windows-1252 ("smart quotes" as
bytes 0x91-0x94, the pound sign as 0xA3).  Decoding never drops bytes: bytes
that no candidate can decode become U+FFFD and are counted, so a caller can
flag the document instead of silently losing text.
"""

from __future__ import annotations

import codecs
import re

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class NotTextError(ValueError):
    """The bytes are not text (e.g. NUL bytes in what should be a text or HTML file)."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean binary (UTF-16 is handled before this check)."""
    return b"\x00" in data[:8192]


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str, str, int]:
    """Decode ``data``; return ``(text, encoding, replaced_count)``."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            return text, enc, text.count("\ufffd")
    if looks_binary(data):
        raise NotTextError("binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    candidates = []
    if html:
        m = _DECLARED_CHARSET.search(data[:4096])
        if m:
            candidates.append(m.group(1).decode("ascii").lower())
    candidates.append("cp1252")
    for enc in candidates:
        try:
            codecs.lookup(enc)
        except LookupError:
            continue
        if enc.replace("-", "").replace("_", "") in {"utf8"}:
            continue
        text = data.decode(enc, errors="replace")
        return text, enc, text.count("\ufffd")
    raise AssertionError("unreachable: cp1252 is always available")
