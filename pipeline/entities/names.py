"""Personal names as minutes write them, and when two of them can be the same person.

"Mr. I. D. Ould CC", "Cllr. T. J. Pendleton", "Detective Inspector Chris
Barratt", "Sir Paul Carter, CBE", "Mr Gough": a :class:`PersonName` splits a
mention into title (with gender), rank, given names or initials, surname and
post-nominals.  :func:`compatible` decides conservatively whether two names can
denote one person: surnames must agree, genders must not clash, and given
names must agree or one must be an initial of the other — two different first
names never merge.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .lexicon import Lexicon, load_lexicon

_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,4}$|^(?:[A-Z]\.){1,4}[A-Z]?$")


@dataclass
class PersonName:
    text: str
    title: str | None = None
    gender: str | None = None
    rank: str | None = None
    given: list[str] = field(default_factory=list)  # full names ("Chris") or initials ("I", "D")
    surname: str = ""
    suffixes: list[str] = field(default_factory=list)

    @property
    def has_full_given(self) -> bool:
        return bool(self.given) and len(self.given[0]) > 1

    @property
    def display(self) -> str:
        """The name without titles: "Rik Basra", "I D Ould"; a bare surname keeps its title ("Mr Gough")."""
        if not self.given:
            return f"{self.title} {self.surname}" if self.title else self.surname
        return " ".join([*self.given, self.surname])

    @cached_property
    def key(self) -> str:  # cached: the registry compares keys millions of times; names are built once
        return surname_key(self.surname)

    def completeness(self) -> tuple[int, int]:
        return (1 if self.has_full_given else 0, len(self.given))


def surname_key(surname: str) -> str:
    s = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", s)


def _split_initials(token: str) -> list[str]:
    return [ch for ch in token if ch.isalpha()]


def parse_name(text: str, lex: Lexicon | None = None) -> PersonName | None:
    """Parse a person mention; None when no surname is left."""
    lex = lex or load_lexicon()
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    name = PersonName(text=text)
    # ranks (possibly several words) and titles at the front, post-nominals at the back
    changed = True
    while words and changed:
        changed = False
        n = lex.rank_length(words)
        if n and len(words) > n:
            name.rank = " ".join(words[:n]) if not name.rank else f"{name.rank} {' '.join(words[:n])}"
            words = words[n:]
            changed = True
        if words and len(words) > 1 and words[0].lower().rstrip(".") in lex.plural_titles:
            words = words[1:]  # "Councillors Yvonne Adeyemi"
            changed = True
        if words and lex.is_title(words[0]) and len(words) > 1:
            name.title = name.title or words[0].rstrip(".")
            name.gender = name.gender or lex.gender(words[0])
            words = words[1:]
            changed = True
        if name.rank and len(words) > 1 and words[0].isdigit():
            words = words[1:]  # "PCSO 7734 Saskia Kerridge": the collar number after the rank
            changed = True
    while words and lex.is_suffix(words[-1]):
        name.suffixes.insert(0, words.pop().rstrip(".,"))
    if not words:
        return None
    surname = words.pop()
    if _INITIALS.match(surname) and not words:
        return None
    name.surname = surname.strip(".")
    if not words and (name.rank and not name.title) and surname.lower() in generic_words(lex):
        return None  # "Group Manager Prevention" is a job, not a person called Prevention
    for w in words:
        if _INITIALS.match(w):
            name.given.extend(_split_initials(w))
        else:
            name.given.append(w.strip("."))
    return name


_GENERIC: dict[int, frozenset[str]] = {}


def generic_words(lex: Lexicon) -> frozenset[str]:
    """Lower-cased words of job titles and organisation names that are not also given names."""
    if id(lex) not in _GENERIC:
        words = {w.lower() for t in lex.roles + lex.role_heads + lex.org_suffixes + lex.org_prefixes + lex.ranks
                 for w in t.split()}
        words |= {w.lower() for o in lex.organisations for w in o["name"].split()}
        _GENERIC[id(lex)] = frozenset(words - {w.lower() for w in lex.first_names})
    return _GENERIC[id(lex)]


def _given_compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    for x, y in zip(a, b, strict=False):
        if len(x) > 1 and len(y) > 1:
            if x.lower() != y.lower():
                return False  # two different first names: never the same person
        elif x[0].lower() != y[0].lower():
            return False
    return True


def compatible(a: PersonName, b: PersonName, *, fuzzy_surname: bool = False) -> bool:
    """Can ``a`` and ``b`` be the same person?  (Conservative: differing first names never are.)"""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if not _given_compatible(a.given, b.given):
        return False
    if a.key == b.key:
        return True
    # "Chris Barratt" / "Chris Barrett": one letter apart, only when both give the same full first name
    return (fuzzy_surname and a.has_full_given and b.has_full_given and len(a.key) >= 5
            and _edit_distance_le1(a.key, b.key))


def _edit_distance_le1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
