"""Where a job title starts and ends: "Cabinet Member for Finance, Corporate and Traded Services" takes its
portfolio's list; "Director of Communities | Grace Mbeki" stops at the name; "Mr X, a farmer at Y," ends at its
head word; and an index of the titles for the resolver's containment tests."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from .attendance_details import is_job_word
from .lexicon import load_lexicon
from .nlp import has
from .org_extent import POSSESSIVE_S, is_weak, without_trailing_junk


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


ARTICLES = ("a", "an", "the")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|-")
FORMERLY = ("formerly", "previously", "latterly", "once")
POST_CLOSERS = (",", ")", "at", "of", "for", "in", "with", "who")  # after a post's head word


def common_post(doc: Doc, k: int) -> Span | None:
    """A post in common words, which no role span covers, in apposition at ``k``: "Mr Oakhill, a farmer at
    Kilwhannel,", "Ms Wyborn, the review's independent author,", "Mr Tidey, headteacher of Cobbleford High", "Dr
    Rizvi, the CCG's named GP for adult safeguarding": the words up to the first job word that a comma or a
    preposition closes.  It must open in lower case or after an article or an owner's "'s" (a capitalised run is
    a body or the role spans' business)."""
    n, lex = len(doc), load_lexicon()
    if any(t.lower_ == "as" for t in doc[max(0, k - 2):k]):
        return None  # "Jo Bell, as a resident, asked": the capacity she speaks in, not a post
    start = k + 1 if k < n and doc[k].lower_ in ARTICLES else k
    owner = next((j for j in range(start, min(n, start + 4)) if doc[j].text in POSSESSIVE_S), None)
    if owner is not None and all(t.is_alpha for t in doc[start:owner]):
        start = owner + 1  # "the review's", "the County Council's"
    if start >= n or start == k and not doc[start].is_lower or doc[start].lower_ in FORMERLY:
        return None  # (not "Ms Furse, formerly chief executive of X": a post she no longer holds)
    for m in range(start, min(n - 1, start + 6)):
        word = doc[m]
        if not WORD.fullmatch(word.text) or word.ent_type_ in ("PERSON", "ORG"):
            return None
        head = word.lower_.rsplit("-", 1)[-1]  # "sub-postmistress"
        if (is_job_word(head, lex) or head in lex.occupations) and doc[m + 1].lower_ in POST_CLOSERS \
                and not (head == "member" and doc[m + 1:m + 4].text.lower() == "of the public"):
            return Span(doc, start, m + 1, label="ROLE")
    return None
