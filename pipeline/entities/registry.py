"""One identity per person across meetings, and their roles over time.

People are merged across meetings only when the evidence is strong enough:

* the same full first name and surname ("Rik Basra" in 2018 and 2021), or a
  full name and a compatible initial form ("Ivan Ould" / "I D Ould") — always;
* initials-only or surname-only forms ("Mr Gough", "R Love") only within the
  same body, where they are unambiguous;
* a one-letter surname variant ("Chris Barratt" / "Chris Barrett") only with
  the same full first name and the same body.

Different first names never merge.  Each person keeps the role and
organisation recorded at each meeting, so changes of role show up in date
order.  The canonical name is the fullest form seen; ``person_id`` is its slug.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .names import PersonName, compatible, parse_name


@lru_cache(maxsize=65536)
def _parse(text: str) -> PersonName | None:
    """Parsed names, shared between the appearances of a name (a person appears in hundreds of meetings;
    the registry never modifies a name)."""
    return parse_name(text)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(slots=True)
class Appearance:
    meeting_id: str
    body_id: str | None
    date: str | None
    name: PersonName
    role: str | None
    organisation: str | None


@dataclass
class RegistryPerson:
    appearances: list[Appearance] = field(default_factory=list)
    # distinct (name form, body) pairs seen: what ``accepts`` compares against (a person appears in hundreds
    # of meetings under a handful of forms)
    forms: dict[tuple, tuple[PersonName, str | None]] = field(default_factory=dict)
    initial: str | None = None  # first letter of the given names of its forms (all forms agree on it)
    _canonical: PersonName | None = None

    def add(self, a: Appearance) -> None:
        self.appearances.append(a)
        if a.name.given:
            self.initial = a.name.given[0][0].lower()
        self.forms.setdefault((a.name.gender, tuple(a.name.given), a.name.key, a.body_id), (a.name, a.body_id))
        self._canonical = None

    @property
    def canonical(self) -> PersonName:
        if self._canonical is None:
            forms = Counter(a.name.display for a in self.appearances)
            self._canonical = max((a.name for a in self.appearances),
                                  key=lambda n: (n.completeness(), forms[n.display], n.display))
        return self._canonical

    @property
    def bodies(self) -> set[str]:
        return {body for _name, body in self.forms.values() if body}

    def accepts(self, a: Appearance) -> bool:
        strong = a.name.has_full_given
        for name, body in self.forms.values():
            both_full = strong and name.has_full_given
            if not compatible(a.name, name, fuzzy_surname=both_full and a.body_id == body):
                return False
        if strong and any(name.has_full_given for name, _body in self.forms.values()):
            return True
        return a.body_id is not None and a.body_id in self.bodies


class PersonRegistry:
    def __init__(self) -> None:
        self._ids: dict[int, str] | None = None
        self.people: list[RegistryPerson] = []
        self._by_key: dict[str, list[RegistryPerson]] = {}
        self._by_given: dict[str, dict[int, RegistryPerson]] = {}  # full first name -> people (fuzzy surnames)
        self.assignments: dict[tuple[str, str], RegistryPerson] = {}  # (meeting_id, local name) -> person

    def add_meeting(self, record: dict) -> None:
        """Register the ``people`` of one meeting record (as written by ``minutes extract``)."""
        self._ids = None
        header = record.get("meeting") or {}
        for p in record.get("people") or []:
            name = _parse(p.get("name") or "")
            if name is None:
                continue
            a = Appearance(record.get("id", ""), header.get("body_id"), header.get("date"), name,
                           p.get("role"), p.get("organisation"))
            person = self._find(a)
            person.add(a)
            if name.has_full_given:
                self._by_given.setdefault(name.given[0].lower(), {})[id(person)] = person
            self.assignments[(a.meeting_id, p["name"])] = person

    def _find(self, a: Appearance) -> RegistryPerson:
        initial = a.name.given[0][0].lower() if a.name.given else None
        candidates = [p for p in self._by_key.get(a.name.key, [])
                      if (initial is None or p.initial in (None, initial)) and p.accepts(a)]
        if not candidates and a.name.has_full_given:
            # a one-letter surname variant needs the same full first name: look only among those people
            candidates = [p for p in self._by_given.get(a.name.given[0].lower(), {}).values()
                          if p.canonical.has_full_given and p.accepts(a)]
        if len(candidates) == 1:
            return candidates[0]
        person = RegistryPerson()
        self.people.append(person)
        self._by_key.setdefault(a.name.key, []).append(person)
        return person

    def ids(self) -> dict[int, str]:
        """Stable ids: slug of the canonical name, with -2, -3 for different people of the same name."""
        if self._ids is not None:
            return self._ids
        out: dict[int, str] = {}
        used: Counter[str] = Counter()
        ordered = sorted(self.people, key=lambda p: (p.canonical.display, min(a.date or "" for a in p.appearances)))
        for person in ordered:
            base = slug(person.canonical.display) or "unnamed"
            used[base] += 1
            out[id(person)] = base if used[base] == 1 else f"{base}-{used[base]}"
        self._ids = out
        return out

    def person_id(self, meeting_id: str, local_name: str) -> str | None:
        person = self.assignments.get((meeting_id, local_name))
        return self.ids()[id(person)] if person is not None else None

    def tables(self) -> tuple[list[dict], list[dict]]:
        """(people, person_roles): one row per person; one row per person per meeting, in date order."""
        people, roles = [], []
        for person, appearances in self.iter_people():
            people.append(person)
            roles += appearances
        return people, roles

    def iter_people(self) -> Iterator[tuple[dict, list[dict]]]:
        """Per person, in id order: its ``people`` row and its ``person_roles`` rows (one per meeting, in date
        order) — one person at a time, so that a decade of appearances never becomes one list."""
        ids = self.ids()
        for person in sorted(self.people, key=lambda p: ids[id(p)]):
            pid = ids[id(person)]
            apps = sorted(person.appearances, key=lambda a: (a.date or "", a.meeting_id))
            latest = next((a for a in reversed(apps) if a.role), None)
            yield {
                "person_id": pid,
                "name": person.canonical.display,
                "aliases": sorted({a.name.text for a in apps} - {person.canonical.display}),
                "bodies": sorted(person.bodies),
                "meetings": len({a.meeting_id for a in apps}),
                "first_seen": apps[0].date,
                "last_seen": apps[-1].date,
                "latest_role": latest.role if latest else None,
                "latest_organisation": next((a.organisation for a in reversed(apps) if a.organisation), None),
            }, [{"person_id": pid, "meeting_id": a.meeting_id, "date": a.date, "body_id": a.body_id,
                 "name_as_written": a.name.text, "role": a.role, "organisation": a.organisation} for a in apps]
