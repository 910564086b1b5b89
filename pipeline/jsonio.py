"""JSON for the pipeline's big files (``meetings.jsonl``, the result cache, the JSON-lines tables), via orjson.

A 4,000-meeting run writes each record three times (cache, ``meetings.jsonl``, the linked rewrite) and reads
it four times; the standard library's encoder took a tenth of the cross-meeting stages' time, orjson's takes
an eighth of that.  Output is UTF-8 without ``\\u`` escapes, like ``json.dumps(..., ensure_ascii=False)``,
but compact (no spaces after separators), and NaN becomes ``null`` (valid JSON) instead of ``NaN``.
"""

from __future__ import annotations

import orjson

OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS
JSONDecodeError = orjson.JSONDecodeError  # a subclass of json.JSONDecodeError (and so of ValueError)


def dumps(obj) -> str:
    """``obj`` as one line of JSON text."""
    return orjson.dumps(obj, option=OPTIONS).decode("utf-8")


def loads(text: str | bytes):
    return orjson.loads(text)
