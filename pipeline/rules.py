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
from collections.abc import Iterator
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


def phrasings(name: str) -> dict[str, list[tuple[str, int]]]:
    """The (pattern, flags) of each rule of ``patterns/<name>.jsonl``, in file order."""
    grouped: dict[str, list[tuple[str, int]]] = {}
    for e in read_rule_lines(name):
        grouped.setdefault(e["rule"], []).append((e["pattern"], e["_flags"]))
    return grouped


@cache
def load_rules(name: str) -> dict[str, re.Pattern]:
    """Compile ``patterns/<name>.jsonl`` into ``{rule: regex}``."""
    compiled = {}
    for rule, alts in phrasings(name).items():
        flagset = {f for _, f in alts}
        if len(flagset) == 1:
            compiled[rule] = re.compile("|".join(f"(?:{p})" for p, _ in alts), flagset.pop())
        else:  # mixed flags: inline them per alternative
            compiled[rule] = re.compile("|".join(
                f"(?{''.join(k for k, v in _FLAGS.items() if f & v)}:{p})" if f else f"(?:{p})"
                for p, f in alts))
    return compiled


# -- rules tried only where a clause can begin ------------------------------------------------------
# Most sentence rules start "(?:^|(?<=[.;]\s))...": at the text's start or after a full stop, semicolon, colon,
# comma or " and " and a space.  Python's regex engine would still try each of a rule's dozens of phrasings at
# every character; trying them only at those places finds the same matches (a sixth of extraction's time).
CLAUSE_ANCHORS = ("^", r"(?<=[.;]\s)", r"(?<=[.;:]\s)", r"(?<=,\s)", r"(?<=\sand\s)")
_CLAUSE_START = re.compile(r"[.;:,](?=\s)|\s(?=[Aa][Nn][Dd]\s)")


def _structure(pattern: str):
    """(index, character, depth inside it) of each "(", ")" and "|" of ``pattern`` that is not escaped or in a
    character class."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # to its closing "]" ("[]...]" and "[^]...]": a first "]" is a member)
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += pattern[i:i + 1] == "]"
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch in "()|":
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at the ``|`` that are outside groups and character classes."""
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    return [pattern[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(pattern)], strict=True)]


def starts_at_clause(pattern: str) -> bool:
    """Whether every phrasing of ``pattern`` begins with one of :data:`CLAUSE_ANCHORS`, or with a group of
    alternatives that each does ("(?:^|(?<=[.;]\\s)|(?<=,\\s)(?=the\\s))Members ...")."""
    for alt in top_level_alternatives(pattern):
        if alt.startswith(CLAUSE_ANCHORS):
            continue
        if not alt.startswith("(?:"):
            return False
        close = next((i for i, ch, depth in _structure(alt) if ch == ")" and depth == 0), None)
        if close is None or alt[close + 1:close + 2] in ("?", "*", "{") \
                or not all(part.startswith(CLAUSE_ANCHORS) for part in top_level_alternatives(alt[3:close])):
            return False  # the group may be skipped, or one of its alternatives may start anywhere
    return True


def clause_starts(text: str) -> list[int]:
    """The places in ``text`` where a rule that :func:`starts_at_clause` can match."""
    return [0, *(m.end() + (1 if m.group(0) in ".;:," else 4) for m in _CLAUSE_START.finditer(text))]


@cache
def clause_rules(name: str) -> frozenset[str]:
    """The rules of ``patterns/<name>.jsonl`` whose every phrasing :func:`starts_at_clause` (and none matches
    "^" after a newline)."""
    return frozenset(rule for rule, alts in phrasings(name).items()
                     if all(starts_at_clause(p) and not f & re.MULTILINE for p, f in alts))


def finditer_rule(name: str, rule: str, text: str, starts: list[int] | None = None) -> Iterator[re.Match]:
    """``load_rules(name)[rule].finditer(text)``; for a rule of :func:`clause_rules`, tried only at
    ``starts`` (:func:`clause_starts` of ``text``, which a caller trying several rules on one text passes)."""
    rx = load_rules(name)[rule]
    if rule not in clause_rules(name):
        yield from rx.finditer(text)
        return
    pos = 0
    for at in clause_starts(text) if starts is None else starts:
        if at >= pos and (m := rx.match(text, at)):
            yield m
            pos = max(m.end(), at + 1)
