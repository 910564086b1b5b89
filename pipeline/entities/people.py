"""One record per person (and per organisation) in a meeting, from its mentions.

Mentions of one person are grouped conservatively with
:func:`~pipeline.entities.names.compatible`: "Mr R W Gough", "Mr Gough" and
"Roger Gough" join; "Mr Cole" and "Mrs Cole" do not; a bare surname that
could belong to two people joins neither.  The fullest form becomes the name,
the others aliases.  The role and organisation come from the attendance list
first, then from the first mention that states them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import load_lexicon
from .names import PersonName, compatible
from .org_extent import generic_body


@dataclass
class PersonMention:
    name: PersonName
    start: int
    end: int
    role: str | None = None
    org: str | None = None
    from_attendance: bool = False
    kind: str | None = None  # attendance list kind ("present", "in_attendance", ...)
    alias: str | None = None  # the initials the attendance list gives the person: "(SW)", "GT   Gerwyn Toothill"
    listed: bool = False  # in an attendance list under a plural title: a person even by surname alone


@dataclass
class PersonCluster:
    mentions: list[PersonMention] = field(default_factory=list)

    @property
    def best(self) -> PersonMention:
        return max(self.mentions, key=lambda m: (m.name.completeness(), m.from_attendance, -m.start))

    def accepts(self, m: PersonMention, fuzzy: bool) -> bool:
        return all(compatible(m.name, other.name, fuzzy_surname=fuzzy) for other in self.mentions)

    def to_record(self, committee: str | None, host: str | None = None, employer: str | None = None) -> dict:
        """The person's record; ``host``: the council whose meeting this is (see ``host_council``);
        ``employer``: a council the text names only by its acronym, whose officers attend but whose name the
        members of a named panel do not take (they are the panel's)."""
        best = self.best
        by_position = sorted(self.mentions, key=lambda m: m.start)
        role = next((m.role for m in by_position if m.from_attendance and m.role and m.role != "Contact"), None) or \
            next((m.role for m in by_position if m.role and m.role != "Contact"), None) or \
            next((m.role for m in by_position if m.role), None)
        role = _office_and_post(role, [m.role for m in by_position if m.role and m.role != "Contact"])
        org = next((m.org for m in self.mentions if m.from_attendance and m.org), None) or \
            next((m.org for m in sorted(self.mentions, key=lambda m: m.start) if m.org), None)
        if org is None and committee and any(member_list(m.kind) for m in self.mentions):
            # members present are members of the meeting's body; "Cabinet", "County Council": the council's
            org = host or committee
        councillor = any(COUNCILLOR.match(m.name.text) for m in self.mentions)
        other_council = bool(role and TIER_ROLE.fullmatch(role))  # "District Councillor" at a parish meeting
        if org is None and (host or employer) and not other_council and (
                any(m.from_attendance for m in self.mentions) or councillor or (committee and generic_body(committee))):
            # the council's own officers and members at its meeting; at a meeting of the council itself ("County
            # Council", "Cabinet"), also those named only in the minutes' text
            org = host or employer
        name = best.name.display
        aliases = sorted(({_clean(m.name.text) for m in self.mentions} | {m.alias for m in self.mentions if m.alias})
                         - {name})
        return {"name": name, "role": role, "organisation": org, "aliases": aliases,
                "mentions": [[m.start, m.end] for m in sorted(self.mentions, key=lambda m: m.start)]}


TIERS = "County|District|Borough|City|Parish|Town|Ward"  # the councils a councillor's seat is on
TIER_ROLE = re.compile(rf"({TIERS}) Councillor")  # the role tier_councillor writes: a seat on another council
COUNCILLOR = re.compile(r"(?:Councillors?|Cllrs?)\b\.?")  # "Councillor Ann Lee": a member of a council


CHAIR_OFFICE = re.compile(r"((?:Vice|Deputy)[- ]?Chair(?:man|woman|person)?|Chair(?:man|woman|person)?)"
                          r"(?: of the [A-Z][\w'\u2019 -]*)?", re.IGNORECASE)


def _office_and_post(role: str | None, roles: list[str]) -> str | None:
    """"Chairman (Leader of the Council)": a person who holds the meeting's chair (or vice-chair) and a post named
    elsewhere in the minutes has the office, then the post in brackets, as the gold writes it; the last office
    named wins (one elected at the meeting comes after the list that gives the post).  A rank is no post: the
    Vice-Chair who is "Supt Hart" in the text is the Vice-Chair."""
    offices = [m.group(1) for r in roles if (m := CHAIR_OFFICE.fullmatch(r))]
    if not offices or role is None:
        return role
    ranks = load_lexicon().ranks_lower
    posts = [r for r in roles if not CHAIR_OFFICE.match(r) and _base(r) not in ranks]
    if posts:
        return f"{offices[-1]} ({posts[0]})"
    return offices[-1] if _base(role) in ranks else role


def _base(role: str) -> str:
    """A role without its bracket, lower case: "Superintendent (Supt)" -> "superintendent"."""
    return re.sub(r"\s*\(.*", "", role).lower()


# attendance lists of the body's own members: "PRESENT", "Members present:", "Panel Members:", "Board members:"
# (not "Cabinet Members:", whose members are the council's)
MEMBER_LISTS = {"present", "members", "members_present"}


def member_list(kind: str | None) -> bool:
    """Is an attendance list of this kind one of the body's members ("Present:", "Panel members present:",
    "Political Members:", "Independent Members:", a council's "Town Mayor (in the Chair):" over its members), not
    its officers or guests?"""
    return kind in MEMBER_LISTS or bool(kind) and kind.endswith(("_members", "_members_present", "mayor"))


def _clean(text: str) -> str:
    return " ".join(text.replace("\n", " ").split()).strip(" ,;")


def cluster_people(mentions: list[PersonMention]) -> list[PersonCluster]:
    """Group mentions into people (attendance and fuller names first, so they anchor the groups)."""
    ordered = sorted(mentions, key=lambda m: (not m.from_attendance, -m.name.completeness()[0],
                                              -m.name.completeness()[1], m.start))
    clusters: list[PersonCluster] = []
    by_surname: dict[str, list[PersonCluster]] = {}
    for m in ordered:
        fits = [c for c in by_surname.get(m.name.key, []) if c.accepts(m, fuzzy=False)]
        if not fits and m.name.has_full_given:  # "Chris Barrett" for "Chris Barratt"
            fits = [c for c in clusters if c.best.name.has_full_given and c.accepts(m, fuzzy=True)]
        if len(fits) == 1:
            fits[0].mentions.append(m)
        elif not fits and (m.name.given or m.name.title or m.name.rank or m.listed):
            clusters.append(PersonCluster([m]))
            by_surname.setdefault(m.name.key, []).append(clusters[-1])
        elif len(fits) > 1 and m.name.given and all(c.best.name.given for c in fits):
            # "P Cole" where "Mrs P T Cole" and "Mr P Cole" both exist: prefer an exact given-name match
            exact = [c for c in fits if [g.lower() for g in c.best.name.given] == [g.lower() for g in m.name.given]]
            if len(exact) == 1:
                exact[0].mentions.append(m)
    return sorted(clusters, key=lambda c: min(x.start for x in c.mentions))


DEF_WORD = r"(?:[A-Z][\w'\u2019-]*|of|and|&|the|for)"
# up to 13 words: "Her Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)" has ten
ACRONYM_DEF = re.compile(rf"({DEF_WORD}(?:\s+{DEF_WORD}){{1,12}})\s*\(([A-Z][A-Za-z&]{{1,7}})\)")


# a key of acronyms: "Key: ACC – Aberwennol County Council; CCBC – Caerhelyg County Borough Council"
KEY_ENTRY = re.compile(r"(?:^|(?<=[;\n,:]))[ \t]*([A-Z]{2,6})[ \t]*[\u2013\u2014=:-][ \t]*"
                       r"([A-Z][\w'\u2019&]*(?:[ \t]+(?:[A-Z][\w'\u2019&-]*|of|and|the|for|&)){1,8})")


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms defined in the text: "Community Safety Partnerships (CSPs)" -> {"CSPs": "Community ..."}; a key's
    "CCBC – Caerhelyg County Borough Council" -> {"CCBC": "Caerhelyg County Borough Council"}."""
    out: dict[str, str] = {}
    for m in KEY_ENTRY.finditer(text):
        words = m.group(2).split()
        if [w[0] for w in words if w[0].isupper()] == list(m.group(1)):
            out.setdefault(m.group(1), " ".join(words))
    for m in ACRONYM_DEF.finditer(text):
        words, acro = m.group(1).split(), m.group(2)
        letters = [ch for ch in acro if ch.isupper()]
        # take the shortest tail of the phrase whose capitalised initials spell the acronym
        for k in range(len(words) - 1, -1, -1):
            tail = words[k:]
            initials = [w[0] for w in tail if w[0].isupper()]
            if initials == letters:
                out.setdefault(acro, " ".join(tail))
                break
    return out
