"""Candidates that read as commitments but commit no one at the meeting.

A modal sentence ("… would …") is a follow-up when someone at the table is
to act. Two kinds are not, whatever the classifier says, and both are read
off data in ``patterns/not_commitments.json``:

- a national body's own plans: "Mr Mirza reported that the Home Office would
  publish revised statutory guidance later in the year";
- an effect or a trend with no one acting: "PCSO numbers would fall from 162
  to 140 through vacancies".

Both apply only where the sentence's sole rules are the modal ones, so "That
the Home Office be asked to …" or "The Chair agreed to write to the Minister"
are untouched.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

MODAL_VERB = re.compile(r"\b(?:would|will|shall)\s+(?:not\s+)?(?:(?:also|now|then|still|only)\s+)?([a-z]+)")


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], re.Pattern, frozenset[str]]:
    path = resources.files("pipeline") / "patterns" / "not_commitments.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    national = re.compile("|".join(f"(?:{p})" for p in data["national_bodies"]))
    return frozenset(data["modal_rules"]), national, frozenset(data["effect_verbs"])


def is_national_body(name: str | None) -> bool:
    return bool(name) and _data()[1].fullmatch(name.strip()) is not None


def not_a_commitment(rules: list[str], text: str, owner: str | None) -> bool:
    """True for a modal-only candidate owned by a national body, or with no owner and only effect verbs."""
    modal_rules, _, effects = _data()
    if not rules or not set(rules) <= modal_rules:
        return False
    if is_national_body(owner):
        return True
    verbs = MODAL_VERB.findall(text)
    return owner is None and bool(verbs) and all(v in effects for v in verbs)
