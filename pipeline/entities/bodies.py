"""The meeting's organisation records: the bodies named above the minutes, the host council, and the
distinct organisations of a meeting in order of first mention (an acronym joined to its spelled-out form,
a shorter or re-capitalised mention joined to the full name)."""

from __future__ import annotations

import re
from collections import Counter

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from ..segment.layout import title_case
from .lexicon import load_lexicon
from .nlp import source_text, token_strings
from .org_extent import REGION_WORDS, generic_body, plural_kind

CAPS_LINE = re.compile(r"[A-Z][A-Z&'\u2019\- ]{3,80}")
# the council named in a page's "Contact:" line (its last, should the officer's team name one too)
CONTACT_COUNCIL = re.compile(r"^Contact:.*?\b((?:[A-Z][\w'\u2019-]+ ){1,5}Council)\b(?!.*\bCouncil\b)")
# "Harrowmere County Council", "Ardlochan Council" (not "Full Council", "The Council": a meeting, or the body unnamed)
TITLE_LINE = re.compile(r"(?!(?:The|Full|Ordinary|Annual|Special|Extraordinary|County|Borough|City|District|Town|"
                        r"Parish) (?:Council|Authority)$)[A-Z][\w'\u2019-]*(?: (?:[A-Z][\w'\u2019-]*|of|and|&|the))* "
                        r"(?:Council|Authority)")
HEADER_BODY_HEADS = {"council", "authority", "partnership", "board", "panel", "committee", "trust", "constabulary",
                     "police", "service", "commissioner", "group", "forum"}
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}s?")
# a council named by its area, as London and royal boroughs style themselves: "London Borough of Ravensgate"
COUNCIL_OF = re.compile(r"(?:(?:London|Royal) Borough|City and County|County Borough) of [A-Z][\w'\u2019-]*"
                        r"(?: (?:[A-Z][\w'\u2019-]*|and|upon|on))*")


def is_council(name: str) -> bool:
    """Does ``name`` name a council (or a fire, police or combined authority): "Kent County Council", "London
    Borough of Ravensgate"?"""
    words = name.split()
    return bool(words) and (words[-1].lower() in ("council", "authority") or bool(COUNCIL_OF.fullmatch(name)))


def spelled_out(org: str | None, defined: dict[str, str], glossary: dict[str, str]) -> str | None:
    """A person's body by its name: "Rhys Atwal (Policy Officer, OPFCC)" belongs to the Office of the Police,
    Fire and Crime Commissioner, as the minutes define the acronym (else as the shipped glossary does)."""
    if not org:
        return org
    return defined.get(org) or (glossary.get(org) if ACRONYM.fullmatch(org) else None) or org


# a board that is in law a committee of its council (Health and Social Care Act 2012, s.194): its councillors and
# officers are the council's, as a cabinet's or a scrutiny committee's are
COUNCIL_BOARD = re.compile(r"\bHealth\s+and\s+Well-?being\s+Board\b", re.IGNORECASE)


def host_council(header: list[str], committee: str | None) -> str | None:
    """The council whose own meeting this is ("Kent County Council" above "CABINET"): the council itself, its
    cabinet or one of its committees, not a partnership, board or police and crime panel it hosts.  Its people
    belong to it.  A fire, police or combined authority is such a body too ("MARROWDALE FIRE AND RESCUE
    AUTHORITY")."""
    council = next((b for b in header if is_council(b) and not generic_body(b)), None)
    if council is None or committee and re.search(r"\b(?:Partnership|Board|Group|Forum|Crime Panel)\b", committee) \
            and not COUNCIL_BOARD.search(committee):
        return None
    return council


def names_a_council(header: list[str]) -> bool:
    """Does a heading above the minutes name a council ("WENDMOOR COUNTY COUNCIL")?"""
    return any(b.split()[-1].lower() == "council" or COUNCIL_OF.fullmatch(b) for b in header)


def sole_council(named: list[str], header: list[str], committee: str | None) -> str | None:
    """The council whose committee met, when no heading names it (a ModernGov page of "Safer and Stronger
    Communities Scrutiny Committee"): the one council the minutes name, if they name just one and the committee
    is not a partnership's or a panel's (see ``host_council``)."""
    if names_a_council(header):
        return None
    councils = {" ".join(n.split()) for n in named
                if (n.split()[-1:] == ["Council"] or COUNCIL_OF.fullmatch(" ".join(n.split()))) and not generic_body(n)}
    return host_council(sorted(councils), committee) if len(councils) == 1 else None


COUNCIL_ACRONYM = re.compile(r"\b([A-Z])(MBC|CC|BC|DC)\b")
COUNCIL_KINDS = {"CC": "County Council", "BC": "Borough Council", "DC": "District Council",
                 "MBC": "Metropolitan Borough Council"}


def council_by_acronym(text: str, places: set[str], known: dict[str, str]) -> str | None:
    """The council a text names only by its acronym ("KCC" for the Kent County Council whose panel met, the
    text writing "across Kent"): the one place of the text with the acronym's initial, and the council kind its
    letters spell (a "CC" is a city council where the text says "<place> City").  The commonest such acronym
    wins, if the text uses it more than once and ``known`` (the glossary) does not spell it otherwise ("BBC");
    None when no place or more than one fits."""
    counts = Counter(m.group(0) for m in COUNCIL_ACRONYM.finditer(text))
    for acro in sorted((a for a, n in counts.items() if n > 1 and a not in known), key=lambda a: -counts[a]):
        fits = [p for p in places if p.startswith(acro[0])]
        if len(fits) == 1:
            kind = COUNCIL_KINDS[acro[1:]]
            if kind == "County Council" and re.search(rf"\b{re.escape(fits[0])} City\b", text):
                kind = "City Council"
            return f"{fits[0]} {kind}"
    return None


def header_bodies(head: str) -> list[str]:
    """Bodies named by the capitalised lines above the minutes: "WESTBURY BOROUGH COUNCIL" (often the only place
    the council that a committee belongs to is named), or a council's name alone on a line (a web page's site
    name: "Harrowmere County Council")."""
    out = []
    for line in head.splitlines()[:12]:
        text = " ".join(line.split())
        words = text.split()
        if (CAPS_LINE.fullmatch(text) or TITLE_LINE.fullmatch(text)) and 2 <= len(words) <= 8 \
                and words[-1].lower() in HEADER_BODY_HEADS \
                and words[0].lower() not in ("minutes", "agenda", "meeting", "members", "member"):
            out.append(title_case(text))
        elif COUNCIL_OF.fullmatch(text) and len(words) <= 8:
            out.append(text)
        elif (contact := CONTACT_COUNCIL.search(text)) and not any(is_council(b) for b in out):
            out.append(contact.group(1))  # "Contact: Jo Bell, Democratic Services Officer, Pontcaerog County Borough
            # Council": a web page's officer of the council whose meeting it is
    return out


# words after "Cabinet" that make it part of a job or a thing, not the body: "Cabinet Member", "Cabinet Office"
CABINET_COMPOUND = {"member", "members", "lead", "leads", "portfolio", "secretary", "office", "minister", "ministers",
                    "meeting", "meetings", "room", "briefing", "report", "paper", "decision", "decisions", "committee",
                    "committees", "advisory", "adviser", "support", "assistant", "post", "role", "reshuffle"}


def cabinet_named(doc: Doc) -> Span | None:
    """The first "Cabinet" that names a council's executive as a body ("refer it to the Council's Cabinet",
    "Cabinet rejected it"), not as part of a post ("Cabinet Member for Housing") or of another name ("Shadow
    Cabinet"): as the gold lists it."""
    if "Cabinet" not in source_text(doc):
        return None  # most minutes: no Token object made for any word
    for i in (k for k, word in enumerate(token_strings(doc, ORTH)) if word == "Cabinet"):
        after = doc[i + 1] if i + 1 < len(doc) else None
        before = doc[i - 1] if i > 0 else None
        if after is not None and (after.lower_ in CABINET_COMPOUND or after.is_title or after.text == "-"):
            continue
        if before is not None and before.is_title and before.lower_ not in ("the", "to", "by", "at", "with"):
            continue  # "Shadow Cabinet", "Welsh Cabinet", a heading "Report to Cabinet" keeps "to"
        if before is not None and before.text in ("[", "("):
            continue  # "the decision by the Leader of the Council [Cabinet]": the kind of decision, no body
        return doc[i:i + 1]
    return None


def organisations(orgs: list[Span], committee: str | None, defined: dict[str, str],
                  glossary: dict[str, str], header: list[str] = ()) -> list[dict]:
    """Distinct organisations in order of first mention; an acronym joins its spelled-out form."""
    out: list[dict] = []
    seen: dict[str, dict] = {}

    def add(name: str, expansion: str | None = None) -> None:
        key = _org_key(name)
        if key and key not in seen:
            rec = {"name": name, "expansion": expansion}
            seen[key] = rec
            out.append(rec)

    if committee and any(committee.startswith(f"{body} ") for body in header):
        committee = None  # "... Partnership Strategic Board": the board of a partnership named above it
    for name in [*header, committee or ""]:
        if not generic_body(name):  # "County Council", "Cabinet": the meeting's own body, unnamed
            add(name)
    pending_acronyms = []
    for span in orgs:
        text = _span_name(span)
        if plural_kind(text, load_lexicon().org_suffix_words):
            continue  # "Community Safety Partnerships": a kind of body, not one
        if ACRONYM.fullmatch(text) or text in defined:  # "DfE", "MoJ": defined in the text, mixed case
            pending_acronyms.append(text)
        else:
            add(text)
    for acro in pending_acronyms:
        if acro.endswith("s") and acro[:-1].isupper():
            continue  # "CSPs": a kind of body, not one
        expansion = defined.get(acro) or glossary.get(acro) or glossary.get(acro.rstrip("s"))
        if expansion and any(_org_key(o["name"]).endswith(_org_key(expansion)) for o in out):
            continue  # spelled out elsewhere in the meeting
        if any(o["name"].endswith(" " + acro) for o in out):
            continue  # "the PDU" of "Wintercombe PDU"
        if any(acro in _name_initials(o["name"]) for o in out):
            continue  # "GLAA" after "the Gangmasters and Labour Abuse Authority", never defined in brackets
        add(acro, expansion)
    keys = [_org_key(o["name"]) for o in out]
    openers = {k.split()[0] for k in keys if " " in k} | {w.lower() for w in REGION_WORDS}
    alone = _named_alone(orgs)
    return [o for o, k in zip(out, keys, strict=True)
            if not _shorter_form(k, keys, openers, alone) and not _abbreviated(o["name"], out)]


INITIAL_SKIP = {"and", "of", "the", "&", "for", "in", "on"}
PLACE_TAIL = re.compile(r"\s+(?:for|in|of)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*$")


def _name_initials(name: str) -> set[str]:
    """The acronyms a name can be written as: the initials of its words ("and", "of", "the" left out), of the
    name with its place left out ("Office of the Police and Crime Commissioner for Tarn Valley": OPCC)."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() in INITIAL_SKIP for w in words):
        return set()
    out = {"".join(w[0] for w in words if w.lower() not in INITIAL_SKIP)}
    if (tail := PLACE_TAIL.search(name)) and tail.start() > 0:
        out |= _name_initials(name[:tail.start()])
    return {a for a in out if len(a) >= 2}


def _abbreviated(name: str, others: list[dict]) -> bool:
    """Is ``name`` another body's name with its first words abbreviated ("QA Sub-group" beside "Quality Assurance
    Sub-group")?"""
    head, _, rest = name.partition(" ")
    if not rest or not ACRONYM.fullmatch(head):
        return False
    for other in others:
        words = other["name"].split()
        tail = rest.split()
        if len(words) > len(tail) and words[-len(tail):] == tail \
                and head in _name_initials(" ".join(words[:-len(tail)])):
            return True
    return False


def _span_name(span: Span) -> str:
    """The body's name as a span gives it: one space between words, a leading "the" left out (a kept capital "The"
    is the name's)."""
    return re.sub(r"^the\s+", "", " ".join(span.text.split()))


def _named_alone(orgs: list[Span]) -> set[str]:
    """The keys of the bodies named somewhere not as the last of a pair ("Police, Probation Service and ...", not
    "Community Safety and Justice Committee" or "Leicestershire and Rutland Safeguarding Adults Board")."""
    out = set()
    for span in orgs:
        before = source_text(span.doc)[max(0, span.start_char - 6):span.start_char]
        if not re.search(r"(?:\band|&)\s+$", before):
            out.add(_org_key(_span_name(span)))
    return out


def _shorter_form(key: str, keys: list[str], openers: set[str], alone: set[str] = frozenset()) -> bool:
    """Is ``key`` another body's name said shorter?  "the Safeguarding Children Board" after "Leicestershire &
    Rutland Safeguarding Children Board"; "The Virtual School Kent" (a sentence's capital) beside "Virtual School
    Kent"; "the Virtual School" beside "Virtual School Kent", whose last words are ``openers``: a place that opens
    other names of the meeting ("Kent Fostering Service") or a region ("South East")."""
    if key.startswith("the ") and key[4:] in keys:
        return True
    if any(other.endswith(" " + key) and other != "the " + key and not (other.endswith(" and " + key) and key in alone)
           for other in keys):
        return True  # (not "Probation Service", named on its own too, beside "HM Prison and Probation Service")
    return any(other.startswith(key + " ") and len(other.split()) - len(key.split()) <= 2
               and all(w in openers for w in other[len(key) + 1:].split()) for other in keys)


def _org_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s&]", " ", name.lower().replace("\u2019", "'")).split())
