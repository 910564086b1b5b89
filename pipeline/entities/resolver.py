"""``minutes_entity_resolver``: rule, gazetteer, attendance and model candidates into final entities.

Candidates overlap; the resolver keeps one span per token range, preferring
attendance lists, then the gazetteer, then longer rule spans, then contextual
guesses and the optional model.  It also tidies organisation names (leading
function words, a place before a known body, coordinated bodies, generic
references such as "the County Council") and finds people that only context
reveals ("Lillie Green, Healthy Homes Officer", "Stef Douglas asked ..."). The boundary rules for
organisation names live in :mod:`.org_extent`.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import load_lexicon
from .name_filters import (
    ends_in,
    holds_address,
    is_address,
    is_reference,
    names_a_plan,
    names_a_thing,
    runs_into_thing,
)
from .nlp import STOPWORDS, has, token_strings
from .org_areas import with_area_pairs, with_brand_area, with_remit, without_venue
from .org_commas import with_comma_heads
from .org_extent import (
    BODY_HEADS,
    after_kinds_of_body,
    department,
    generic_body,
    is_kind,
    is_weak,
    long_named_unit,
    of_cuts,
    orgs_inside_roles,
    orgs_opening_roles,
    place_words,
    possessive_department,
    split_of,
    with_local_branch,
    with_named_units,
    with_place_pairs,
    without_owner,
    without_trailing_junk,
)
from .org_lines import before_heading_line, within_one_cell
from .org_lists import defined_bodies, listed_bodies
from .role_extent import RoleIndex, before_person, with_portfolio

SOURCE_PRIORITY = {"attendance": 0, "gazetteer": 1, "ruler": 2, "context": 3, "ner": 4}
SPEECH_VERBS = {"said", "asked", "explained", "agreed", "reported", "highlighted", "stated", "confirmed", "advised",
                "noted", "welcomed", "presented", "introduced", "offered", "outlined", "added", "responded",
                "replied", "commented", "suggested", "undertook", "thanked", "informed", "provided", "raised",
                "emphasised", "emphasized", "re-iterated", "reiterated", "stressed", "acknowledged", "queried",
                "questioned", "felt", "gave", "summarised", "summarized", "declared", "proposed", "seconded",
                "attended"}
INTRODUCING = {"by", "from"}
FUNCTION_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our"}
PEOPLE_OF_A_KIND = {"chairs", "chairmen", "members", "leads", "managers", "officers", "colleagues",
                    "representatives", "coordinators", "co-ordinators", "staff"}
INTRODUCED = {"report", "update", "presentation", "welcomed", "thanked", "letter", "email", "submission"}


@Language.factory("minutes_entity_resolver", default_config={"model_labels": ["PERSON", "ORG"]})
class EntityResolver:
    """Merges rule, gazetteer and model candidates into ``doc.ents`` and ``doc.spans["roles"]``.

    ``model_labels``: which labels of a trained ``ner`` are trusted (the shipped model's meta.json says).
    """

    def __init__(self, nlp: Language, name: str, model_labels: list[str]):
        self.name = name
        self.model_labels = set(model_labels)
        lex = load_lexicon()
        self.generic = {w.lower() for text in lex.roles + lex.role_heads + lex.ranks for w in text.split()}
        self.generic |= STOPWORDS
        self.glossary = lex.glossary
        self.not_org_heads = lex.not_org_heads
        self.programmes = lex.programmes
        self.org_words = lex.org_suffixes_lower
        self.org_openers = lex.org_prefix_openings
        self.role_head_words = lex.role_head_words

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[tuple[Span, str]] = []
        roles = [s for s in doc.spans.get("ruler", []) if s.label_ == "ROLE"]
        role_index = RoleIndex(roles, len(doc))
        ruler_spans = list(doc.spans.get("ruler", []))
        ruler_orgs = [s for s in ruler_spans if s.label_ == "ORG"]
        cuts = of_cuts([s for s in ruler_orgs if not s.id_.startswith("gazetteer")])
        tails = {s.end - 1 for s in ruler_orgs if len(s) > 1}  # last words of names
        for span in ruler_spans:
            if span.label_ == "PERSON":
                candidates.append((span, "ruler"))
            elif span.label_ == "ORG":
                if span.id_ == "gazetteer":
                    candidates.append((span, "gazetteer"))
                elif span.id_ != "gazetteer_ambiguous" and self._plausible_org(span, role_index, tails):
                    candidates += [(part, "ruler") for part in split_of(span, cuts)]
        candidates += [(s, "ruler") for s in _joined_at_body_word(ruler_orgs)]
        # a known name that is also a common phrase ("Probation Service") gives way to a local body's name that
        # holds it ("Kingsmere Neighbourhood Watch Association") and to a job title ("Youth Justice Service Manager")
        local = [c for c, _ in candidates if c.label_ == "ORG"]
        candidates += [(s, "gazetteer") for s in ruler_orgs if s.id_ == "gazetteer_ambiguous"
                       and not any(c.start < s.start and c.end >= s.end for c in local)
                       and role_index.furthest_end_from[s.start] <= s.end]
        candidates += [(s, "context") for s in self._contextual_people(doc, roles)]
        candidates += [(s, "ruler") for s in self._glossary_orgs(doc)]
        places = doc.user_data["places"] = place_words(ruler_orgs)  # linking reads them too
        candidates += [(s, "ruler") for s in orgs_inside_roles(roles, places) + orgs_opening_roles(roles, places)]
        for span in doc.spans.get("attendance", []):
            candidates.append((span, "attendance"))
        candidates += [(s, "context") for s in doc.spans.get("attendance_echoes", [])]
        for span in doc.ents:
            if span.label_ in self.model_labels:
                candidates.append((span, "ner"))
        tidied = [(self._tidy(span, named=source == "gazetteer", places=places), source)
                  for span, source in _resolve(candidates)]
        source_of = {part: source for part, source in tidied if part is not None}
        # a known name is one body however many "and"s it holds ("... of Constabulary and Fire & Rescue Services")
        chosen = [s for part, source in tidied if part is not None
                  for s in ([part] if source == "gazetteer" else self._split_coordinated(without_venue(part)))]
        chosen = [s for s in chosen if s.label_ != "ORG" or self._is_body(s, places, source_of.get(s) == "gazetteer")]
        chosen = [s for s in chosen if s.label_ != "PERSON" or source_of.get(s) == "attendance"
                  or not (is_address(s) or names_a_thing(s))]
        chosen = with_remit(with_brand_area(with_area_pairs(with_place_pairs(chosen))))
        chosen = with_comma_heads(with_local_branch(chosen, places))
        chosen = with_named_units(defined_bodies(doc, listed_bodies(doc, chosen)))
        chosen = [without_owner(within_one_cell(before_heading_line(s))) if s.label_ == "ORG" else s for s in chosen]
        doc.ents = chosen  # in document order: with_named_units sorts, and without_owner keeps the order
        person_starts = [e.start for e in doc.ents if e.label_ == "PERSON"]  # sorted, as doc.ents are
        roles = [before_person(r, person_starts) for r in roles]
        roles = [t for t in (self._tidy(r) for r in roles if r is not None) if t is not None]
        portfolios = [(r, with_portfolio(r)) for r in roles]
        doc.spans["roles"] = filter_spans([long for _, long in portfolios])
        listed = {i for short, long in portfolios for i in range(short.end, long.end)}
        if listed:  # "Corporate and Traded Services" of a portfolio is a subject, not a body
            doc.ents = [e for e in doc.ents if e.label_ != "ORG" or e.start not in listed]
        return doc

    def _tidy(self, span: Span, named: bool = False, places: set[str] | frozenset[str] = frozenset()) -> Span | None:
        """Drop leading function words ("That the Police" -> "Police", "the Leader of ..." -> "Leader of ...");
        extend a body by the place before it ("Leicester Rape Crisis"; at a sentence's start, one of the text's
        ``places``: "Tidmoor Trading Standards: a warning").  A ``named`` body (from the gazetteer) keeps its
        capitalised words ("Action Fraud")."""
        start, end = span.start, span.end
        doc = span.doc
        def leading_junk(tok: Token) -> bool:
            if not tok.text[:1].isupper():  # lower case: junk, unless a job the vocabulary has so ("solicitor")
                return not (span.label_ == "ROLE" and has(tok, "ROLE"))
            if named or span.label_ != "ORG":
                return tok.lower_ in FUNCTION_WORDS
            if tok.i + 2 < end and has(tok, "ORGSUF") and doc[tok.i + 1].lower_ == "of":
                return False  # "Council of the Nations and Regions", "Board of Deputies": a body word opens it
            return has(tok, "STOP")

        while span.label_ != "PERSON" and start < end and leading_junk(doc[start]):
            start += 1
        if span.label_ == "ORG" and not named and end - start >= 3 and doc[start + 1].lower_ == "the" \
                and not (has(doc[start], "ORGSUF") or has(doc[start], "ORGPRE")):
            start += 2  # "Submit the Partnership's comments": a verb opening an action, then the body
            if end - start == 1 and has(doc[start], "ORGSUF"):
                return None  # "Complete the Board survey": the meeting's own body, unnamed
        if span.label_ == "ORG":
            start = after_kinds_of_body(doc, start, end)
        if start == end:
            return None
        if span.label_ == "ORG":
            end = without_trailing_junk(doc, start + 1, end)  # "Friends of the Earth, The" (W.I.)
        if named and end < len(doc) and doc[end - 1].whitespace_ == " " and doc[end].is_title \
                and doc[end].lower_ in BODY_HEADS:
            end += 1  # "the Scottish Fire and Rescue Service Board": a known body's board is a body of its own
        if span.label_ == "ORG" and start == span.start and start > 1:
            prev, before = doc[start - 1], doc[start - 2]
            if has(prev, "PLACEQ") and (before.is_alpha or prev.text in places):  # not a capital that opens a
                start -= 1  # sentence, unless the text names its bodies after it
            elif prev.text == "The" and (before.text == "," or before.is_lower):
                start -= 1  # "like The Wildlife Trusts": a capital "The" inside a sentence is part of the name
            elif prev.lower_ == "of" and before.text == "City":
                start -= 2  # "City of London Police", "City of York Council"
        return Span(doc, start, end, label=span.label_)

    def _split_coordinated(self, span: Span) -> list[Span]:
        """"Severnside Police and Riverside Borough Council" and "University of Corlingford and Corlingford College"
        are two bodies each."""
        if span.label_ != "ORG":
            return [span]
        for tok in span[1:-1]:
            nxt = span.doc[tok.i + 1]
            if nxt.lower_ == "the" and nxt.i + 1 < span.end:
                nxt = span.doc[nxt.i + 1]  # "... Trust and The Climate Coalition"
            ends_body = has(span.doc[tok.i - 1], "ORGEND")
            named = has(nxt, "NAME") and nxt.lower_ not in self.generic
            # "... Service and Local Safeguarding Children Board": a generic first word, but a whole body follows
            whole_body = has(nxt, "ORGSTART") and span.end - nxt.i >= 3 and has(span[-1], "ORGEND")
            # "HMP Quernhill and HMP Stainfield", "HMP Leicester and HMYOI Glen Parva": the second name opens as the
            # first one did, or with another prefix of a body's name
            same_opener = (nxt.text == span[0].text or has(nxt, "ORGPRE") and has(span[0], "ORGPRE")) \
                and nxt.i + 1 < span.end
            # "University of Corlingford and Corlingford College": the second body opens with a place the first holds
            shares_place = nxt.is_title and has(span[-1], "ORGEND") and span.end - nxt.i >= 2 and nxt.text in {
                t.text for t in span.doc[span.start:tok.i] if t.is_title and not (has(t, "ORGEND") or has(t, "ORGPRE"))}
            # "adding the CSP Manager and Kilnyard Youth Trust": a job, then a body
            if tok.lower_ in ("and", "&") and has(span.doc[tok.i - 1], "ROLEHEAD") and has(span[-1], "ORGEND") \
                    and span.end - tok.i >= 3:
                return self._split_coordinated(Span(span.doc, tok.i + 1, span.end, label="ORG"))
            if tok.lower_ in ("and", "&") and tok.i - span.start >= 2 and (ends_body and (named or whole_body)
                                                                           or same_opener or shares_place):
                left = Span(span.doc, span.start, tok.i, label="ORG")
                right = Span(span.doc, tok.i + 1, span.end, label="ORG")
                return [left, *self._split_coordinated(right)]
        return [span]

    def _is_body(self, span: Span, places: set[str], known: bool) -> bool:
        """Is the candidate organisation ``span`` a named body?  Not a generic one ("the Council"), a venue, a
        kind of body, an acronym before a minute number, an address, or what is left of "Police and Crime
        Commissioner"; unless ``known`` (the gazetteer's), not a department of a possessive ("his Department")
        and not the start of a thing named like a body ("... Training Programme", "Michael ... Award")."""
        if generic_body(span.text) or (self._place(span) and not known) or is_kind(span) or self._programme(span) \
                or _cut_from_police_and_crime(span) or is_reference(span) or holds_address(span):
            return False
        return known or not (possessive_department(span, places) or names_a_thing(span) or names_a_plan(span)
                             or runs_into_thing(span, self.not_org_heads))

    def _programme(self, span: Span) -> bool:
        """"Community Speed Watch" printed bare is the national scheme, as "Supporting Families" is."""
        return span.text.lower().removeprefix("the ") in self.programmes

    def _place(self, span: Span) -> bool:
        """"Tarnmoor Civic Centre", "Sparkenhoe Committee Room": a venue or place, not a body; "Joint Housing
        Protocol": a document named after one."""
        return ends_in(span, self.not_org_heads)

    def _plausible_org(self, span: Span, roles: RoleIndex, tails: set[int]) -> bool:
        """Pattern-found organisations: not a team inside a job title, not a generic "Community Safety Team"."""
        named_by_role = _after_of(span) and not department(span[-1])  # "Chairman of the Scrutiny Committee"
        if not named_by_role and roles.first_start_ending_at.get(span.end, span.end) <= span.start:
            return False  # "Chief Executive" is a job title even though "Executive" can end a body's name
        if span[0].is_lower:
            return False  # "for Kent and Medway": the tail of an opening phrase ("Council for") without its head
        if any(t.text == "The" for t in span[1:]):
            return False  # "Consultation Response / The Committee considered ...": a title, then the next sentence
        if len(span) > 2 and span.start in tails and span[1].lower_ in ("and", "&", "for", "of"):
            return False  # "Services and Kent County Council", "Medway Council for Kent and Medway": the last
            # word of one name, then what follows it
        if span.id_ == "suffix_org_qualified" and span.end < len(span.doc) and span.doc[span.end].is_title:
            return False  # "Town Centre Public Spaces" of "... Public Spaces Protection Order": a qualifier ends a
            # name ("Adoption Partnership South East"); capitalised words running on name something else
        if is_weak(span) and roles.furthest_end_from[span.start] > span.end:
            return False  # "Democratic Services" in "Democratic Services Officer"
        # "Policy Team", "Democratic Services": a unit named by what it does; "Community Speedwatch": a scheme
        # run in many places, not one named after its own; but a team or unit named in three words or more
        # ("Community Safety Team", "Safeguarding Business Office") is one the gold lists
        return not ((department(span[-1]) and not long_named_unit(span) or span[-1].lower_.endswith("watch"))
                    and all(t.lower_ in self.generic for t in span[:-1] if t.is_alpha))

    def _contextual_people(self, doc: Doc, roles: list[Span]) -> list[Span]:
        """Two capitalised name-like words that act as a person: "Lillie Green, Healthy Homes Officer",
        "Stef Douglas asked ...", "a report of Bob Bearne", "apologies were received from Jo Bell (Chief
        Executive, ...)", "Tom Reyes attended as substitute"."""
        out = []
        role_starts = {r.start for r in roles}
        role_ends = {r.end for r in roles}
        tags, lower = token_strings(doc, LEMMA), token_strings(doc, LOWER)
        named = [i for i, t in enumerate(tags) if "|NAME|" in t]
        for i in named:
            if i + 1 >= len(doc) or "|NAME|" not in tags[i + 1] or "|ACRO|" in tags[i]:
                continue
            if i > 0 and "|NAME|" in tags[i - 1]:
                continue
            if i + 2 < len(doc) and "|NAME|" in tags[i + 2]:
                continue
            nxt = lower[i + 2] if i + 2 < len(doc) else None
            acts = nxt is not None and (nxt in SPEECH_VERBS or (nxt in (",", "(") and (
                i + 3 in role_starts or i + 4 in role_starts and lower[i + 3] == "the")))  # "X Y, the Chief ..."
            introduced = i > 1 and lower[i - 1] in INTRODUCING and lower[i - 2] in INTRODUCED
            # "The Council's Prevent lead, Gunhild Pomeroy, would ...": a name set off by commas after a job
            in_apposition = (i > 1 and lower[i - 1] == "," and nxt == ","
                             and (lower[i - 2] in self.role_head_words or i - 1 in role_ends)
                             and _job_introduced(lower, i - 2) and not {lower[i], lower[i + 1]} & self.generic)
            if (acts or introduced or in_apposition) and not _ends_a_job_title(doc, i, roles):
                out.append(Span(doc, i, i + 2, label="PERSON"))
        return out

    def _glossary_orgs(self, doc: Doc) -> list[Span]:
        """Acronyms whose glossary expansion names an organisation ("EMAS", "CRC"); not a job whose body follows
        "of" ("MP": Member of Parliament, "DCS": Director of Children's Services), nor a kind of body that
        describes people ("CSP Chairs", "CCG leads")."""
        out = []
        texts = token_strings(doc, ORTH)
        tags_of = token_strings(doc, LEMMA)
        for i, tags in enumerate(tags_of):
            if "|ACRO|" in tags and (i + 1 == len(doc) or texts[i + 1].lower() not in PEOPLE_OF_A_KIND):
                expansion = self.glossary.get(texts[i]) or self.glossary.get(texts[i].rstrip("s"))
                if expansion and (expansion.split(" of ")[0].split()[-1].lower() in self.org_words
                                  or expansion.lower().startswith(self.org_openers)):
                    out.append(Span(doc, _place_before(tags_of, texts, i), i + 1, label="ORG"))
        return out


def _job_introduced(lower: list[str], k: int) -> bool:
    """Is the job ending at token ``k`` one that "the", "its" or a possessive opens ("The Council's Prevent lead"),
    not a post listed after a name ("Jo Bell, Service Manager, Early Help, said")?"""
    for j in range(k, max(k - 7, -1), -1):
        if lower[j] in (",", "(", ";", ":", "."):
            return False
        if lower[j] in ("the", "its", "their", "our", "'s", "\u2019s"):
            return True
    return False


def _place_before(tags: list[str], texts: list[str], i: int) -> int:
    """Where the place that names an acronym's unit begins: "Wintercombe PDU", "Fernhithe and Marrowgate BCU"
    (capitalised words that are no title, job, first name or body word, "and" between two of them); ``i`` when
    none comes before it, or when the words run on from a person's name ("Alison Lovatt PDU")."""
    start = i
    while start > 0 and "|PLACEQ|" in tags[start - 1]:
        start -= 1
        if start > 1 and texts[start - 1] in ("and", "&") and "|PLACEQ|" in tags[start - 2]:
            start -= 1
    if start < i and start > 0 and ("|FIRST|" in tags[start - 1] or "|TITLE|" in tags[start - 1]
                                    or "|INITIAL|" in tags[start - 1]):
        return i
    return start


def _ends_a_job_title(doc: Doc, i: int, roles: list[Span]) -> bool:
    """"Service Manager in Safeguarding and Quality Assurance presented": the words after "and" close the job
    title begun a few words before, with its subject areas; they are no person."""
    if i < 2 or doc[i - 1].lower_ not in ("and", "&"):
        return False
    for r in roles:
        between = doc[r.end:i - 1]  # "in Safeguarding": the job's field, which "and" continues
        if r.end < i - 1 and len(between) <= 4 and between[0].lower_ in ("in", "of", "for") and all(
                t.text[:1].isupper() or t.lower_ in ("in", "of", "for") for t in between):
            return True
    return False


def _cut_from_police_and_crime(span: Span) -> bool:
    """"Draft Police" of "the Draft Police and Crime Plan": the start of a longer name (a plan, a panel, a
    commissioner) that the patterns did not take whole."""
    doc = span.doc
    return span[-1].lower_ == "police" and span.end + 1 < len(doc) and doc[span.end].lower_ == "and" \
        and doc[span.end + 1].lower_ == "crime"


def _after_of(span: Span) -> bool:
    """Does ``span`` follow "of" / "for" (the body of "Chairman of the Scrutiny Committee")?"""
    k = span.start - 1
    if k >= 0 and span.doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and span.doc[k].lower_ in ("of", "for")


def _joined_at_body_word(orgs: list[Span]) -> list[Span]:
    """"Ravensgate Council" + "Council of Faiths": a place's name for a body and a "Council of ..." name that
    share the body word are one name ("Ravensgate Council of Faiths", "Kent Council of Churches")."""
    opening = {s.start: s for s in orgs if s.id_ == "prefix_org" and len(s) >= 3 and s[1].lower_ == "of"}
    return [Span(s.doc, s.start, opening[s.end - 1].end, label="ORG") for s in orgs
            if s.id_ == "suffix_org" and s.end - 1 in opening]


def _resolve(candidates: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Non-overlapping spans: attendance first, then gazetteer, then longest rule/model spans."""
    ranked = sorted(candidates, key=lambda c: (SOURCE_PRIORITY[c[1]], -(c[0].end - c[0].start), c[0].start))
    taken: set[int] = set()
    out: list[tuple[Span, str]] = []
    for span, source in ranked:
        idx = set(range(span.start, span.end))
        if idx & taken:
            continue
        taken |= idx
        out.append((Span(span.doc, span.start, span.end, label=span.label_), source))
    return out
