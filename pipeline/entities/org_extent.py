"""Where an organisation's name starts and ends: the boundary rules the entity resolver applies.

A matched span is often too long or holds two bodies: "Alison Creed of Wessmoor Constabulary" (a person,
then the body), "Highways Committee of Calderwick County Council" (two bodies), "District and Borough
Councils and Medway Council" (a kind of body, then a named one), "Leicestershire and Rutland Safeguarding
Adults Board" (starts one place earlier than matched).  These functions cut and extend spans; they never
invent a body the patterns did not propose.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .lexicon import load_lexicon
from .nlp import has, token_strings

WEAK_ORG_HEADS = {"team", "teams", "homes", "housing", "department", "directorate", "unit", "services", "office", "hub",
                  "section", "division", "service", "group", "panel", "committee", "board", "partnership",
                  "partnerships"}
BODY_HEADS = {"group", "panel", "committee", "board", "partnership", "partnerships"}  # have members, chairs, leaders
POSSESSIVE_S = ("'s", "\u2019s", "s'", "s\u2019")
TRAILING_JUNK = {"the", "a", "an", "and", "&", "of", "for", "in"}
GENERIC_BODY_WORDS = {"the", "county", "district", "borough", "city", "parish", "town", "unitary", "local", "council",
                      "police", "force", "government", "authority", "cabinet", "committee", "executive", "full",
                      "fire", "combined", "strategic", "foundation", "task", "taskforce"}


def kinds_of_body(token: Token) -> bool:
    """A plural generic body word ("Councils", "Authorities"): a kind of body, never the start of a name."""
    low = token.lower_
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1]
    return low.endswith("s") and singular in GENERIC_BODY_WORDS


def after_kinds_of_body(doc: Doc, start: int, end: int) -> int:
    """Where the named body starts after a kind of body: "(District and Borough) Councils and Medway Council",
    "Local Authorities and Kent Police"."""
    j = start
    while j + 2 < end and doc[j].lower_ in GENERIC_BODY_WORDS and not kinds_of_body(doc[j]):
        j += 1
    if j + 2 < end and kinds_of_body(doc[j]) and doc[j + 1].lower_ in ("and", "&"):
        return j + 2
    return start


def generic_body(name: str) -> bool:
    """"the County Council", "District Councils", "the Police", "Police and Council (records)": a kind of body, not
    a named one."""
    words = [w for w in re.findall(r"[^\W\d_]+", name.lower()) if w not in ("and", "of")]
    return bool(words) and all(w in GENERIC_BODY_WORDS or w.rstrip("s") in GENERIC_BODY_WORDS for w in words)


def plural_kind(name: str, suffix_words: frozenset[str]) -> bool:
    """"Community Safety Partnerships", "Youth Offending Services": a kind of body in the plural, every word of it
    a word of the organisation endings (``suffix_words``, lower case) — no place or name makes it one body."""
    words = re.findall(r"[^\W\d_]+", name.lower())
    if len(words) < 2 or not words[-1].endswith("s") or words[-1][:-1] not in suffix_words:
        return False
    return all(w in suffix_words or w in TRAILING_JUNK for w in words[:-1])


def of_parts(span: Span) -> tuple[Span, Span] | None:
    """``span`` as "A of B", B a whole body of two words or more ("... of (the) Wessmoor Constabulary")."""
    k = next((t.i for t in span[1:-2] if t.lower_ == "of"), None)
    if k is None or not has(span[-1], "ORGEND"):
        return None
    b_start = k + 1 + (span.doc[k + 1].lower_ == "the")
    if span.end - b_start < 2:
        return None
    return Span(span.doc, span.start, k, label="ORG"), Span(span.doc, b_start, span.end, label="ORG")


def of_cuts(spans: list[Span]) -> dict[int, int]:
    """Where "A of B" bodies must start at B (end -> B's start): A is two words or more and holds no body word, a
    person or an occasion ("Alison Creed of Wessmoor Constabulary", "Ordinary Meeting of Hensford Parish
    Council").  The matcher also proposes the shorter "Creed of ...", which the cut covers too."""
    cuts = {}
    for span in spans:
        parts = of_parts(span)
        if parts and len(parts[0]) >= 2 and not any(has(t, "ORGSUF") or has(t, "ORGEND") for t in parts[0]) \
                and not has(parts[0][-1], "ORGPRE"):  # but "The Friends of Stowbeck Church": a body's "X of"
            cuts[span.end] = parts[1].start
    return cuts


def split_of(span: Span, cuts: dict[int, int]) -> list[Span]:
    """The body of "A of B" (see :func:`of_cuts`); a committee of a council is two bodies ("Highways Committee of
    Calderwick County Council").  "Isle of Wight Council", "Council of Europe" and "Ravensgate Council of Faiths"
    stay whole."""
    if span.start < cuts.get(span.end, span.start):
        return [Span(span.doc, cuts[span.end], span.end, label="ORG")]
    parts = of_parts(span)
    if parts and len(parts[0]) >= 2 and parts[0][-1].lower_ in BODY_HEADS and has(parts[0][-1], "ORGEND") \
            and has(parts[1][-1], "ORGEND"):
        return list(parts)  # but "Ravensgate Council of Faiths", "Kent Council of Churches": one body
    return [span]


def with_place_pairs(spans: list[Span]) -> list[Span]:
    """"Leicestershire and Rutland Safeguarding Adults Board": a body named after two places starts at the
    first.  Both are single capitalised words, the first not itself the end of a longer name ("National
    Agenda and Reforms Conference"), and no other entity holds them."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        doc, start = span.doc, span.start
        if span.label_ == "ORG" and start >= 2 and doc[start - 1].lower_ == "and" \
                and not taken & {start - 1, start - 2}:
            first, second = doc[start - 2], doc[start]
            if first.is_title and second.is_title and has(first, "PLACEQ") and has(second, "PLACEQ") \
                    and (start < 3 or not doc[start - 3].is_title):
                span = Span(doc, start - 2, span.end, label="ORG")
        out.append(span)
    return out


COMPASS = {"North", "South", "East", "West"}
REGION_WORDS = COMPASS | {"Midlands", "Central"}
NATIONS = {"Cymru", "Wales", "Scotland", "England"}  # "Youth Justice Board Cymru": a body's national branch
REGION_UNITS = {"Region", "Area", "Division"}  # "(North West Region)"


def with_local_branch(spans: list[Span], places: set[str]) -> list[Span]:
    """"Age UK Fellhaven", "Age Concern Lenshire", "BBC South East", "Youth Justice Board Cymru": a body followed by
    one of the text's place names, a compass region or a nation (and no further capitalised word) is that body's
    local branch, and so is one in brackets ("Probation Service (North West Region)", "Young Lives Advocacy
    (Stennisdale)").  A company suffix belongs to the name the same way ("Public Sector Audit Appointments
    Limited")."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    companies = load_lexicon().company_suffixes
    out = []
    for span in spans:
        doc, end = span.doc, span.end
        if span.label_ == "ORG" and end < len(doc) and end not in taken:
            branch = end + 1 if doc[end].text in places or doc[end].text in companies or doc[end].text in NATIONS \
                else _region_end(doc, end)
            if branch > end and (branch == len(doc) or not doc[branch].text[:1].isupper()):
                span = Span(doc, span.start, branch, label="ORG")
            elif (close := _bracketed_branch(doc, end, places)) and not taken & set(range(end, close)):
                span = Span(doc, span.start, close, label="ORG")
        out.append(span)
    return out


def with_named_units(spans: list[Span]) -> list[Span]:
    """"Home Office Quality Assurance Panel", "Wexshire County Council Trading Standards": a body's name straight
    before another's, one space apart on the same line, names a unit of that body; the two are one name.  A list
    that repeats its opening word ("Kent Police Kent Fire ...") stays apart.  Returns the spans in document
    order, none overlapping: a span that a tidying step stretched into the one before ("Standards Scams Team" after
    "National Trading Standards") is part of the same name if both are bodies, else it keeps only its own words."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        if prev is not None and span.start < prev.end:
            if span.label_ == prev.label_ == "ORG":
                out[-1] = Span(span.doc, prev.start, max(span.end, prev.end), label="ORG")
            elif span.end > prev.end:
                out.append(Span(span.doc, prev.end, span.end, label=span.label_))
        elif prev is not None and span.label_ == prev.label_ == "ORG" and span.start == prev.end \
                and prev.doc[prev.end - 1].whitespace_ == " " and span[0].text != prev[0].text:
            out[-1] = Span(span.doc, prev.start, span.end, label="ORG")
        else:
            out.append(span)
    return out


def _bracketed_branch(doc: Doc, k: int, places: set[str]) -> int:
    """The end (after its ")") of a bracket at token ``k`` that holds only a place of the text, a nation or a
    compass region ("(Stennisdale)", "(Wales)", "(North West Region)"), else 0."""
    if k + 2 >= len(doc) or doc[k].text != "(":
        return 0
    inner = doc[k + 1].text
    end = k + 2 if inner in places or inner in NATIONS else _region_end(doc, k + 1)
    if end > k + 1 and end < len(doc) and doc[end].text in REGION_UNITS:
        end += 1
    return end + 1 if k + 1 < end < len(doc) and doc[end].text == ")" else 0


def _region_end(doc: Doc, k: int) -> int:
    """The end of a compass region starting at token ``k`` ("South East", "West Midlands"), else ``k``."""
    if doc[k].text not in COMPASS:
        return k
    return k + 2 if k + 1 < len(doc) and doc[k + 1].text in REGION_WORDS else k + 1


CONTACT_WORDS = {"email", "e-mail", "tel", "telephone", "phone", "fax", "website", "web", "mobile"}


def without_trailing_junk(doc: Doc, keep: int, end: int) -> int:
    """``end`` moved back over trailing punctuation and function words ("..., The", "... and"), and the label of
    contact details after the name ("Eastwold County Council  Email: ..."), not before ``keep``."""
    while end > keep and (doc[end - 1].is_punct or doc[end - 1].lower_ in TRAILING_JUNK
                          or doc[end - 1].lower_ in CONTACT_WORDS):
        end -= 1
    return end


def orgs_inside_roles(roles: list[Span], places: set[str] = frozenset()) -> list[Span]:
    """The body a job title names: "Leader of the Labour Group", "Member of Swale Borough Council", "Head of
    the Wyrebourne Probation Delivery Unit" where "Wyrebourne" opens other bodies' names in the text (``places``);
    not the department of "Director of Children's Services", "Head of the Probation Delivery Unit"."""
    out = []
    for role in roles:
        k = next((t.i for t in role if t.lower_ in ("of", "for")), None)
        last = role.doc[role.end - 1]
        if k is None or not has(last, "ORGEND"):
            continue
        k += 1 + (role.doc[k + 1].lower_ == "the")
        if department(last) and not (k < role.end - 1 and role.doc[k].text in places and not any(
                t.text.endswith(POSSESSIVE_S) for t in role.doc[k:role.end])):
            continue  # a department ("Kent Children's Services"), not a named body
        if k < role.end - 1 or (k == role.end - 1 and has(role.doc[k], "ACRO")):
            out.append(Span(role.doc, k, role.end, label="ORG"))
    return out


def orgs_opening_roles(roles: list[Span], places: set[str]) -> list[Span]:
    """The body at the head of a job title after a place: "Kent Youth Justice Service Manager" names the
    "Kent Youth Justice Service" (when "Kent" opens other bodies' names in the text)."""
    out = []
    for role in roles:
        if role.start == 0 or role.doc[role.start - 1].text not in places:
            continue
        ends = [t.i for t in role[:-1] if has(t, "ORGEND")]
        if ends:
            out.append(Span(role.doc, role.start - 1, ends[-1] + 1, label="ORG"))
    return out


PLACE_HEADS = {"council", "constabulary", "police"}  # bodies named after their area
PLACE_PREPOSITIONS = {"in", "across", "throughout", "around", "within"}


def place_words(orgs: list[Span]) -> set[str]:
    """The proper names that open the names of councils and police forces ("Wyrebourne" of "Wyrebourne County
    Council") or of two different bodies: places; not a word the text also writes in lower case ("Community" of
    "Community Council")."""
    named = [s for s in orgs if len(s) >= 2 and has(s[0], "NAME")]
    found = {s[0].text for s in named if s[-1].lower_ in PLACE_HEADS}
    # a word that opens two different bodies' names ("Kent Fostering Service", "Kent Housing Group") is a place
    # when the text also writes it as one ("across Kent")
    openers = {w for w, n in Counter(w for w, _ in {(s[0].text, s.text) for s in named}).items() if n >= 2} - found
    if not found and not openers:
        return found
    # the text's words, read from the doc's arrays (a Token object per token would cost more)
    words = token_strings(orgs[0].doc, ORTH)
    lower = {w for w in words if w.islower() and w.isalpha()}
    found |= {w for i, w in enumerate(words[1:], 1) if w in openers and words[i - 1].lower() in PLACE_PREPOSITIONS}
    return {w for w in found if w.lower() not in lower}


KIND_FOLLOWERS = {"in", "to", "for", "and", "or", "with", "alongside", "which", "that", "would", "will", "was", "is",
                  "be", "by", "at", "on", "from", "as", "covering", "across"}


def is_kind(span: Span) -> bool:
    """"elections to a new Mayoral Strategic Authority (MSA) in May": a kind of body, not a named one (but "a
    Kent Police officer" names Kent Police: there the article belongs to the noun after the name)."""
    doc, k = span.doc, span.start - 1
    if k >= 0 and doc[k].lower_ == "new":
        k -= 1
    if k < 0 or doc[k].lower_ not in ("a", "an"):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is None or not after.is_alpha or after.lower_ in KIND_FOLLOWERS


POSSESSIVE = (*POSSESSIVE_S, "'", "\u2019")  # and the lone apostrophe the tokenizer splits from "Parents'"


def possessive_department(span: Span, places: set[str]) -> bool:
    """"Integrated Children's Services", "Adult Social Care and Children's Services": a council department
    named for the people it serves, not a body (unless a place names it: "Kent Children's Services")."""
    return department(span[-1]) and span[0].text not in places and any(t.text.endswith(POSSESSIVE) for t in span)


OWNER_WORDS = {"council", "constabulary", "force", "police", "service", "authority", "trust", "partnership", "board",
               "commissioner", "opcc", "government", "department", "ministry", "agency"}


def without_owner(span: Span) -> Span:
    """"The Constabulary's Economic Crime Unit" -> "Economic Crime Unit", "the Council's Trading Standards" ->
    "Trading Standards": a unit named after its owner's possessive is the unit (the owner is named apart)."""
    if len(span) > 2 and span[0].lower_ in OWNER_WORDS and span[1].text in POSSESSIVE_S \
            and span[2].text[:1].isupper():
        return Span(span.doc, span.start + 2, span.end, label=span.label_)
    return span


def department(head: Token) -> bool:
    """A unit inside an organisation ("Services", "Unit", "Team"), not a body with members ("Group", "Panel")."""
    return head.lower_ in WEAK_ORG_HEADS and head.lower_ not in BODY_HEADS


NAMED_UNIT_HEADS = {"team", "unit", "office", "directorate", "hub"}  # not "Services" or "Department": a council's
# "Democratic Services", "Community Safety Department" are no bodies in the real gold


def long_named_unit(span: Span) -> bool:
    """A team, unit or office named in three words or more besides "and", "of", "the", "for" ("Neighbourhood
    Policing Team", "Domestic Abuse Investigation Unit"): a body the gold lists, unlike "Policy Team"."""
    words = [t for t in span if t.is_alpha and t.lower_ not in ("and", "of", "the", "for")]
    return span[-1].lower_ in NAMED_UNIT_HEADS and len(words) >= 3


def is_weak(span: Span) -> bool:
    return span[-1].lower_ in WEAK_ORG_HEADS
