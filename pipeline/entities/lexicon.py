"""The entity stage's vocabularies, loaded once from ``pipeline/patterns``.

All of them are data a maintainer can extend without touching code:
given names, honorifics and post-nominals, ranks, role vocabulary,
organisation name heads and openers, a gazetteer of national bodies and an
acronym glossary.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources


def _read(name: str) -> str:
    return (resources.files("pipeline") / "patterns" / name).read_text(encoding="utf-8")


def word_list(name: str) -> list[str]:
    """The entries of a word list under ``patterns/``: one a line, blank lines and "#" comments skipped."""
    return [w.strip() for w in _read(name).splitlines() if w.strip() and not w.startswith("#")]


def pattern_lines(name: str) -> list[dict]:
    out = []
    for lineno, line in enumerate(_read(name).splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"patterns/{name} line {lineno}: {exc.msg}") from exc
    return out


def _key(text: str) -> str:
    return text.lower().rstrip(".").replace("\u2019", "'")


@dataclass
class Lexicon:
    first_names: frozenset[str]
    titles: dict[str, str | None]  # honorific (lower, no dot) -> gender ("m"/"f"/None)
    plural_titles: frozenset[str]
    suffixes: frozenset[str]  # post-nominals: cc, mp, obe ...
    ranks: list[str]  # "Detective Inspector", ...
    roles: list[str]  # full role phrases
    role_heads: list[str]  # "Director", "Manager", ... (open-ended roles)
    org_suffixes: list[str]
    company_suffixes: frozenset[str]  # "Limited", "LLP": they end a body's name after any other name
    org_prefixes: list[str]
    organisations: list[dict]  # {"name", "acronym"?}
    glossary: dict[str, str] = field(default_factory=dict)
    rank_full: dict[str, str] = field(default_factory=dict)  # "DI" -> "Detective Inspector"
    # " civic centre", " review": endings of places and documents that end like bodies (a leading space, so that
    # a match is word-bounded)
    not_org_heads: tuple[str, ...] = ()

    def is_title(self, token: str) -> bool:
        return _key(token) in self.titles

    def gender(self, token: str) -> str | None:
        return self.titles.get(_key(token))

    def is_suffix(self, token: str) -> bool:
        return token.rstrip(".,").upper() == token.rstrip(".,") and _key(token) in self.suffixes

    def is_first_name(self, token: str) -> bool:
        return token in self.first_names

    @cached_property
    def rank_words(self) -> frozenset[str]:
        """First words of ranks, lower case without dots ("detective", "ch")."""
        return frozenset(r.split()[0].lower().rstrip(".") for r in self.ranks)

    @cached_property
    def programmes(self) -> frozenset[str]:
        """Names of national schemes and funds, lower case ("community speed watch"): a thing, not a body, when
        printed bare (a local group's name holds one: "Fenby Community Speed Watch")."""
        return frozenset(o["name"].lower() for o in self.organisations if o.get("type") == "programme")

    @cached_property
    def known_bodies_lower(self) -> frozenset[str]:
        """The gazetteer's bodies (not its programmes) and their acronyms, lower case ("northern ireland housing
        executive", "psni" through the glossary): a body whatever its last word."""
        bodies = [o for o in self.organisations if o.get("type") != "programme"]
        names = {o["name"].lower() for o in bodies}
        acronyms = {o["acronym"].lower() for o in bodies if o.get("acronym")}
        spelled = {a.lower() for a, full in self.glossary.items() if full.lower() in names}
        return frozenset(names | acronyms | spelled)

    @cached_property
    def one_word_roles(self) -> frozenset[str]:
        """Jobs of one word in the role vocabulary ("Treasurer", "Clerk")."""
        return frozenset(r for r in self.roles if " " not in r)

    @cached_property
    def one_word_roles_lower(self) -> frozenset[str]:
        return frozenset(r.lower() for r in self.one_word_roles)

    @cached_property
    def ranks_lower(self) -> frozenset[str]:
        """Every rank of the vocabulary, lower case ("detective inspector")."""
        return frozenset(r.lower() for r in self.ranks)

    @cached_property
    def roles_lower(self) -> frozenset[str]:
        """Every job of the vocabulary, lower case ("town mayor")."""
        return frozenset(r.lower() for r in self.roles)

    @cached_property
    def roles_and_ranks_lower(self) -> frozenset[str]:
        """Every job and rank of the vocabulary, lower case ("police and crime commissioner")."""
        return frozenset(r.lower() for r in (*self.roles, *self.ranks))

    @cached_property
    def comma_roles_lower(self) -> tuple[str, ...]:
        """Jobs whose name holds a comma ("police, fire and crime commissioner"), longest first."""
        return tuple(sorted((r.lower() for r in self.roles if "," in r), key=len, reverse=True))

    @cached_property
    def role_head_words(self) -> frozenset[str]:
        """Last words of open-ended job titles, lower case ("manager", "officer")."""
        return frozenset(r.lower().split()[-1] for r in self.role_heads)

    @cached_property
    def parties_lower(self) -> frozenset[str]:
        """Political parties as minutes print them ("con", "lib dem", "plaid cymru"), lower case."""
        return frozenset(p.lower() for p in word_list("parties.txt"))

    @cached_property
    def occupations(self) -> frozenset[str]:
        """Occupations in common words ("farmer", "author"), which end a post in apposition: ``occupations.txt``."""
        return frozenset(word_list("occupations.txt"))

    @cached_property
    def department_words(self) -> frozenset[str]:
        """Words that name a department or function ("children", "prevention", "trading"): those of
        ``department_words.txt`` and of every job in the role vocabulary, lower case."""
        jobs = (w for r in (*self.roles, *self.role_heads) for w in re.findall(r"[\w'\u2019-]+", r.lower()))
        return frozenset(w.replace("\u2019", "'") for w in (*word_list("department_words.txt"), *jobs))

    @cached_property
    def org_prefix_openings(self) -> tuple[str, ...]:
        """Organisation prefixes as openings of a lower-cased name ("office of the ")."""
        return tuple(p.lower() + " " for p in self.org_prefixes)

    @cached_property
    def org_suffixes_lower(self) -> frozenset[str]:
        """Organisation name endings, lower case ("council", "fire and rescue service")."""
        return frozenset(s.lower() for s in self.org_suffixes)

    @cached_property
    def org_suffix_words(self) -> frozenset[str]:
        """Every word of the organisation endings, lower case ("community", "safety", "partnership")."""
        return frozenset(w for s in self.org_suffixes_lower for w in re.findall(r"[^\W\d_]+", s))

    @cached_property
    def rank_index(self) -> dict[str, list[tuple[str, ...]]]:
        """Ranks by their first word (lower case, no dots), longest first: fast prefix lookup."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for rank in self.ranks:
            words = tuple(w.lower().rstrip(".") for w in rank.split())
            index.setdefault(words[0], []).append(words)
        for v in index.values():
            v.sort(key=len, reverse=True)
        return index

    def rank_length(self, words: list[str]) -> int:
        """How many of ``words`` form a rank at their start (0 if none)."""
        if not words:
            return 0
        lowered = [w.lower().rstrip(".") for w in words[:4]]
        for rank in self.rank_index.get(lowered[0], ()):
            if tuple(lowered[:len(rank)]) == rank:
                return len(rank)
        return 0


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    titles: dict[str, str | None] = {}
    plural: set[str] = set()
    suffixes: set[str] = set()
    for e in pattern_lines("honorifics.jsonl"):
        key = _key(e["text"])
        if e.get("kind") == "suffix":
            suffixes.add(key)
        elif e.get("kind") == "title_plural":
            plural.add(key)
        else:
            titles[key] = e.get("gender")
    roles = [e for e in pattern_lines("roles.jsonl")]
    organisations = pattern_lines("organisations.jsonl")
    # the glossary, and the acronym of each body of the gazetteer where the glossary has none ("PSNI")
    glossary = {o["acronym"]: o["name"] for o in organisations if o.get("acronym") and o.get("type") != "programme"}
    glossary.update(json.loads(_read("glossary.json")))
    return Lexicon(
        first_names=frozenset(word_list("first_names.txt")),
        titles=titles,
        plural_titles=frozenset(plural),
        suffixes=frozenset(suffixes),
        ranks=[e["text"] for e in pattern_lines("ranks.jsonl")],
        rank_full={e["text"].lower(): e["full"] for e in pattern_lines("ranks.jsonl") if e.get("full")},
        roles=[e["text"] for e in roles if not e.get("head")],
        role_heads=[e["text"] for e in roles if e.get("head")],
        org_suffixes=[e["text"] for e in pattern_lines("org_suffixes.jsonl")],
        company_suffixes=frozenset(e["text"] for e in pattern_lines("org_suffixes.jsonl") if e.get("company")),
        org_prefixes=[e["text"] for e in pattern_lines("org_prefixes.jsonl")],
        organisations=organisations,
        glossary=glossary,
        not_org_heads=tuple(" " + e["text"].lower() for e in pattern_lines("not_organisations.jsonl")),
    )
