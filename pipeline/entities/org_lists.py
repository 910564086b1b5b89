"""Bodies that only their context names: examples of a kind of body ("NGOs, like The Wildlife Trusts, Friends
of the Earth and CPRE", "businesses, including Arup, JLL and Ecotricity") and brand names defined by an
apposition ("Waymarkers, a peer mentoring charity", "the charity Mooring Point").

A brand name ("Arup", "Zero Hour", "Make Votes Matter") has no organisation word for the patterns to find;
the list it stands in, or the kind of body set beside it, says what it is.  Which kinds and cue words do so
is data (``patterns/body_lists.jsonl``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from .lexicon import pattern_lines
from .nlp import has, source_text
from .org_extent import generic_body

ITEM_JOINERS = {"of", "the", "for", "on", "&", "'", "\u2019", "-", "'s", "\u2019s"}
PLACE_PREPOSITIONS = {"in", "at", "across", "within", "throughout", "around", "near", "outside", "inside"}

MAX_ITEM = 8  # tokens


@lru_cache(maxsize=1)
def list_opener() -> re.Pattern:
    """"<kind>, including ", "<kind> such as ": the end of the match is where the list starts."""
    cues = [w for e in pattern_lines("body_lists.jsonl") for w in e.get("cues", [])]
    return re.compile(r"\b(?i:" + _alt(kind_words()) + r"),?\s+(?:" + _alt(cues) + r"),?:?\s+")


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, any run of spaces between the words of a phrase."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# up to six words before the kind ("the commissioned drug and alcohol treatment"), none that opens a clause
_MODIFIERS = (r"(?:(?!(?:of|for|to|in|on|at|by|with|from|who|which|that|was|were|is|are|had|has|have)\b)"
              r"[\w'\u2019-]+\s+){0,6}?")
# the kind is the head of its phrase: punctuation or a word that opens what qualifies it comes next, not a
# noun it modifies ("a charity trustee") or a possessive ("the service's manager")
_HEAD_END = (r"(?=\s*[,.;:)]|\s+(?:which|that|who|run|based|in|for|of|to|and|with|from|between|working|providing|"
             r"funded|commissioned|supporting|led|set|operating|offering|delivering|running|helping)\b)")


@lru_cache(maxsize=1)
def apposition_cues() -> tuple[re.Pattern, re.Pattern]:
    """"<Name>, a <kind>" (the match starts at the comma) and "the <kind>, <Name>" (it ends where the name
    starts)."""
    kinds = _alt([w for e in pattern_lines("body_lists.jsonl") for w in e.get("singular_kinds", [])])
    after = re.compile(r",\s+(?:a|an|the)\s+" + _MODIFIERS + r"(?:" + kinds + r")" + _HEAD_END)
    before = re.compile(r"\b(?:a|an|the)\s+" + _MODIFIERS + r"(?:" + kinds + r"),?\s+(?=[A-Z])")
    return after, before


@lru_cache(maxsize=1)
def office_cue() -> re.Pattern:
    """"a trustee of ", "treasurer of the ", "a grant of £500 to ": the end of the match is where the name of the
    body that holds the office or gets the money starts."""
    offices = [w for e in pattern_lines("body_lists.jsonl") for w in e.get("offices", [])]
    gifts = [w for e in pattern_lines("body_lists.jsonl") for w in e.get("gifts", [])]
    return re.compile(r"\b(?:(?:" + _alt(offices) + r")\s+of|(?:" + _alt(gifts) + r")\s+(?:of\s+(?:up\s+to\s+)?"
                      r"\u00a3[\d,.]+[km]?\s+)?to)\s+(?:the\s+)?(?=[A-Z])")


@lru_cache(maxsize=1)
def kind_words() -> frozenset[str]:
    """The kinds of body, lower case: "NGOs" in "partners such as NGOs like ..." is a kind, not a name."""
    return frozenset(w.lower() for e in pattern_lines("body_lists.jsonl") for w in e.get("kinds", []))


def listed_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with the items of every example list added as organisations (an item that holds a matched
    body replaces it: "Doctors' Association" -> "Doctors' Association UK"); people, jobs and generic bodies
    are left alone."""
    found = list(list_opener().finditer(source_text(doc)))
    if not found:
        return spans
    starts, by_start, taken = _index(doc, spans)
    return _with_items(spans, [item for m in found
                               for item in _items(doc, bisect_left(starts, m.end()), by_start, taken)])


def defined_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` with the brand names an apposition defines as bodies ("Harbourlight, the commissioned drug and
    alcohol treatment service", "the charity Amber Minds"), or an office held in them ("a trustee of Tullymoyle
    Men's Shed"), added as organisations."""
    text = source_text(doc)
    after, before = apposition_cues()
    found_after, found_before = list(after.finditer(text)), list(before.finditer(text))
    found_office = list(office_cue().finditer(text))
    if not found_after and not found_before and not found_office:
        return spans
    starts, by_start, taken = _index(doc, spans)
    items = []
    for m in found_after:
        comma = bisect_left(starts, m.start())
        start = _name_start(doc, comma)
        if start < comma and _is_body(doc, start, comma, taken):
            items.append(Span(doc, start, comma, label="ORG"))
    for m, office in [(m, False) for m in found_before] + [(m, True) for m in found_office]:
        start = bisect_left(starts, m.end())
        end = _item_end(doc, start, by_start)
        if office:
            end = _office_item_end(doc, start, end)
        if end > start and _is_body(doc, start, end, taken):
            items.append(Span(doc, start, end, label="ORG"))
    return _with_items(spans, items)


def _office_item_end(doc: Doc, start: int, end: int) -> int:
    """Where the body after an office or a gift ends: at its body word ("a grant of £300 to Farthingdale Allotment
    Society for CCTV"), unless another comes after ("a governor of St Aldhelm's Church of England Academy");
    ``start`` (no name) when a comma runs on into more of it ("a trustee of Brookmere Youth, Arts and Sport
    Trust": a name with a comma in it, left unread)."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].is_title:
        return start
    return next((k + 1 for k in range(start, end - 1) if has(doc[k], "ORGEND") and doc[k + 1].lower_ in ITEM_JOINERS
                 and not any(has(t, "ORGEND") for t in doc[k + 2:end])), end)


def _index(doc: Doc, spans: list[Span]) -> tuple[list[int], dict[int, Span], dict[int, Span]]:
    """Token character offsets (to map regex matches onto tokens), the spans by first token, and the span holding
    each token."""
    return (doc.to_array([IDX]).tolist(), {s.start: s for s in spans},
            {i: s for s in spans for i in range(s.start, s.end)})


def _with_items(spans: list[Span], found: list[Span]) -> list[Span]:
    """``spans`` plus the ``found`` names (each once: two cues can open the same list); a found name replaces
    the spans inside it."""
    items, used = [], set()
    for item in found:
        if used.isdisjoint(range(item.start, item.end)):
            items.append(item)
            used.update(range(item.start, item.end))
    if not items:
        return spans
    inside = {id(s) for item in items for s in spans if item.start <= s.start and s.end <= item.end}
    return sorted([s for s in spans if id(s) not in inside] + items, key=lambda s: s.start)


def _items(doc: Doc, k: int, by_start: dict[int, Span], taken: dict[int, Span]) -> list[Span]:
    """The names listed from token ``k``: "A, B, C and D" (a name without a separator after it ends the list)."""
    out, n, last = [], len(doc), False
    while True:
        start = k + (k < n and doc[k].text == "the")
        end = _item_end(doc, start, by_start)
        if end == start:
            break
        if _is_body(doc, start, end, taken):
            out.append(Span(doc, start, end, label="ORG"))
        if last:
            break
        k = end + (end < n and doc[end].text == ",")
        if k < n and doc[k].lower_ in ("and", "or"):
            k, last = k + 1, True
        elif k == end:
            break
    return out


def _name_start(doc: Doc, end: int) -> int:
    """Where the capitalised name ending before token ``end`` starts ("The Everything Project"); ``end`` when
    there is none, or when it is a place that opens the sentence ("In Marlstone, a local charity ...")."""
    k = end
    while k > 0 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in ITEM_JOINERS and k - 2 >= 0
                     and doc[k - 2].text[:1].isupper() and k < end):
        k -= 1
    while k < end and doc[k].lower_ in ITEM_JOINERS - {"the"}:
        k += 1
    words = [t for t in doc[k:end] if t.lower_ != "the"]
    if not words or all(has(t, "STOP") for t in words):
        return end
    if doc[k].lower_ in PLACE_PREPOSITIONS:
        return end
    return k


def _item_end(doc: Doc, k: int, by_start: dict[int, Span]) -> int:
    """The end of the name starting at ``k``: a matched entity, then any capitalised words that follow it; or
    a run of capitalised words and the joiners inside names ("Friends of the Earth")."""
    n = len(doc)
    if k >= n or not doc[k].text[:1].isupper():
        return k
    m = by_start[k].end if k in by_start else k + 1
    while m < n and (doc[m].text[:1].isupper() or doc[m].lower_ in ITEM_JOINERS and m + 1 < n
                     and doc[m + 1].text[:1].isupper()):
        m += 1
    return m


def _is_body(doc: Doc, start: int, end: int, taken: dict[int, Span]) -> bool:
    """Not a person, a job or a generic body, not cut across a matched entity, and name-sized."""
    inner = {id(taken[i]): taken[i] for i in range(start, end) if i in taken}.values()
    if any(s.label_ != "ORG" or s.start < start or s.end > end for s in inner):
        return False
    if end - start > MAX_ITEM and not inner:
        return False
    if any(has(t, "TITLE") or has(t, "RANK") for t in doc[start:end]) or has(doc[end - 1], "ROLEHEAD"):
        return False
    return not generic_body(doc[start:end].text) and doc[start:end].text.lower() not in kind_words()
