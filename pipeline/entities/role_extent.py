"""Where a job title starts and ends: "Cabinet Member for Finance, Corporate and Traded Services" takes its
portfolio's list; "Director of Communities | Grace Mbeki" stops at the name; and an index of the titles for
the resolver's containment tests."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span

from .nlp import has
from .org_extent import is_weak, without_trailing_junk


class RoleIndex:
    """Job-title spans indexed for the containment tests of :meth:`EntityResolver._plausible_org` (a loop over
    every role for every candidate was quadratic on long minutes)."""

    def __init__(self, roles: list[Span], n_tokens: int):
        self.first_start_ending_at: dict[int, int] = {}
        ends_from = [0] * (n_tokens + 1)  # furthest end of a role starting at or before each token
        for r in roles:
            self.first_start_ending_at[r.end] = min(r.start, self.first_start_ending_at.get(r.end, r.start))
            ends_from[r.start] = max(ends_from[r.start], r.end)
        for i in range(1, len(ends_from)):
            ends_from[i] = max(ends_from[i], ends_from[i - 1])
        self.furthest_end_from = ends_from


def with_portfolio(role: Span) -> Span:
    """"Cabinet Member for Finance, Corporate and Traded Services": a portfolio lists its subjects with commas
    and a last "and"; the job title takes the whole list (not "..., Kent County Council", a body after it,
    nor a list of people)."""
    doc, k = role.doc, role.end
    places = doc.user_data.get("places", frozenset())
    if not any(t.lower_ in ("for", "of") for t in role) or k >= len(doc) or doc[k].text != ",":
        return role
    items = 0
    while k < len(doc) and doc[k].lower_ in (",", "and", "&"):
        last = doc[k].lower_ != ","
        j = k + 1
        while j < len(doc) and doc[j].text[:1].isupper() and not (has(doc[j], "TITLE") or has(doc[j], "RANK")
                                                                  or doc[j].ent_type_ == "PERSON"):
            j += 1
        if j == k + 1 or has(doc[j - 1], "ORGEND") and (
                not is_weak(doc[k + 1:j]) or any(t.text == "NHS" or t.text in places for t in doc[role.end + 1:j])):
            # no subject, or a body ("..., Kent County Council"; "..., NHS Wintercombe and Ketterbridge Integrated
            # Care Board", whose own "and" splits it: a place names no subject of a portfolio)
            return role
        items, k = items + 1, j
        if last:
            after = doc[k] if k < len(doc) else None
            return Span(doc, role.start, k, label=role.label_) if items >= 2 and (
                after is None or not after.text[:1].isupper()) else role
    return role


def before_person(role: Span, person_starts: list[int]) -> Span | None:
    """A job title stops where a person's name begins: "Director of Communities | Grace Mbeki".
    ``person_starts``: the token offsets where people's names start, sorted."""
    j = bisect_right(person_starts, role.start)
    cut = person_starts[j] if j < len(person_starts) and person_starts[j] < role.end else role.end
    cut = without_trailing_junk(role.doc, role.start, cut)
    return Span(role.doc, role.start, cut, label=role.label_) if cut > role.start else None
