"""Rules as data: regular-expression patterns loaded from ``pipeline/patterns/*.jsonl``.

Each line of a pattern file is one phrasing of one rule::

    {"rule": "presenter", "pattern": "\\bwill present\\b", "flags": "i", "example": "X will present this report."}

Lines that share a ``rule`` are alternatives and are combined into one compiled
regex, so a new phrasing found in somebody's minutes is one new line of data,
not a code change.  ``example`` strings are checked by the tests: every example
must match its own rule.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


class RuleFileError(ValueError):
    """A pattern file is malformed; the message names the file and line."""


def read_rule_lines(name: str) -> list[dict]:
    """The raw entries of ``patterns/<name>.jsonl`` (each with its line number)."""
    path = resources.files("pipeline") / "patterns" / f"{name}.jsonl"
    entries = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            entry = json.loads(line)
            entry["rule"], entry["pattern"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise RuleFileError(f"patterns/{name}.jsonl line {lineno}: {exc}") from exc
        entry["_line"] = lineno
        entries.append(entry)
    return entries


@cache
def load_rules(name: str) -> dict[str, re.Pattern]:
    """Compile ``patterns/<name>.jsonl`` into ``{rule: regex}``."""
    grouped: dict[str, list[tuple[str, int]]] = {}
    for e in read_rule_lines(name):
        flags = 0
        for f in e.get("flags", ""):
            flags |= _FLAGS[f]
        try:
            re.compile(e["pattern"], flags)
        except re.error as exc:
            raise RuleFileError(f"patterns/{name}.jsonl line {e['_line']}: bad regex: {exc}") from exc
        grouped.setdefault(e["rule"], []).append((e["pattern"], flags))
    compiled = {}
    for rule, alts in grouped.items():
        flagset = {f for _, f in alts}
        if len(flagset) == 1:
            compiled[rule] = re.compile("|".join(f"(?:{p})" for p, _ in alts), flagset.pop())
        else:  # mixed flags: inline them per alternative
            compiled[rule] = re.compile("|".join(
                f"(?{''.join(k for k, v in _FLAGS.items() if f & v)}:{p})" if f else f"(?:{p})"
                for p, f in alts))
    return compiled
