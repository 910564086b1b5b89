"""Rules as data: regular-expression patterns loaded from ``pipeline/patterns/*.jsonl``.

Each line of a pattern file is one phrasing of one rule::

    {"rule": "presenter", "pattern": "\\bwill present\\b", "flags": "i", "example": "X will present this report."}

Lines that share a ``rule`` are alternatives and are combined into one compiled
regex, so a new phrasing found in somebody's minutes is one new line of data,
not a code change.  ``example`` strings (or an ``examples`` list, for a phrasing
that covers several forms) are checked by the tests: every example must match
its own rule.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


class RuleFileError(ValueError):
    """A pattern file is malformed; the message names the file and line."""


def parse_rule_lines(text: str, where: str) -> list[dict]:
    """Entries of a JSONL rule file (each with its line number); errors name ``where`` and the line."""
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            entry = json.loads(line)
            if not isinstance(entry.get("rule"), str) or not isinstance(entry.get("pattern"), str):
                raise ValueError('needs string fields "rule" and "pattern"')
            flags = 0
            for f in entry.get("flags", ""):
                flags |= _FLAGS[f]
            re.compile(entry["pattern"], flags)
        except (json.JSONDecodeError, ValueError, KeyError, AttributeError, re.error) as exc:
            raise RuleFileError(f"{where} line {lineno}: {exc}") from exc
        entry["_line"] = lineno
        entry["_flags"] = flags
        entries.append(entry)
    return entries


def examples(entry: dict) -> list[str]:
    """The documented examples of a rule entry: its ``examples`` list, or its single ``example``."""
    return list(entry.get("examples") or ([entry["example"]] if entry.get("example") else []))


def read_rule_lines(name: str) -> list[dict]:
    """The entries of the packaged ``patterns/<name>.jsonl``."""
    path = resources.files("pipeline") / "patterns" / f"{name}.jsonl"
    return parse_rule_lines(path.read_text(encoding="utf-8"), f"patterns/{name}.jsonl")


@cache
def load_rules(name: str) -> dict[str, re.Pattern]:
    """Compile ``patterns/<name>.jsonl`` into ``{rule: regex}``."""
    grouped: dict[str, list[tuple[str, int]]] = {}
    for e in read_rule_lines(name):
        grouped.setdefault(e["rule"], []).append((e["pattern"], e["_flags"]))
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
