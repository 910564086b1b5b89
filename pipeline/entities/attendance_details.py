"""The details after a name in an attendance list: job, body and initials ("(SW) Director of Children's
Services, Calderbrook MBC (Chair)"), read into an :class:`Attendee`.

A bracket is read first and a role on the body itself ("(Chair)") wins over a job title; a body is
told from a job by its words (:func:`looks_like_org`), and a short capitalised name with no job word after
a job ("Service Manager, Harbourlight") is the body a pattern could not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..segment.layout import MC_INITIALS
from .lexicon import Lexicon
from .people import acronym_definitions

IGNORED_NOTES = {"minutes", "notes", "note taker", "note-taker", "minute taker", "observer", "substitute", "virtual",
                 "remote", "part", "via teams"}
IGNORED_NOTE_START = re.compile(r"^(?:tel|telephone|email|e-mail|for item|items?\b|from item|substitut|left|arrived"
                                r"|deputi[sz]ing|in place of"  # "(for Supt Ann Lee)": whom they stand in for
                                r"|for\s+(?:Cllr|Councillor|Supt|Superintendent|Ch\.?\s*Supt|Chief|Mr|Mrs|Ms|Miss|Dr|DCI"
                                r"|DI|Insp|Inspector|ACC|DCC|CC|Assistant|Deputy|Det|Detective|DS|DC|PC|PCSO|Sgt|Sergeant"
                                r"|CFO|ACFO|DCFO|ACO|Prof|Professor|Rev|Revd|Sir|Dame|Lord|Lady|Alderman|Bailie|Provost)\b"
                                r"|minutes?\b|for minute|part of|until|virtual|in the chair\s+(?:from|for|until)"
                                # "(from 7.40 pm)": when they came or went
                                r"|(?:from|after|before)\s+\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"
                                # "(by Teams)", "(via Zoom)", "(online)": how they attended
                                r"|(?:by|via|on)\s+(?:MS\s+|Microsoft\s+)?(?:Teams|Zoom|video|telephone|phone)\b"
                                r"|online\b|remotely\b"
                                # "(she/her)", "(fe/he)": the person's pronouns
                                r"|(?:she|he|they|fe|hi|ze|xe)\s*/\s*(?:her|him|them|he|she|they|hers|his|theirs)\b"
                                r"|[A-Z]{1,6}/\d{1,4}(?:/\d{1,4})?$"  # "(FRA/07)": the minute they attended for
                                r"|(?:to|from|up\s+to)\s+(?:minute|item)\b|first\s+meeting|observing"
                                # "(for CAB/23/090)", "(for 6 and 7)": the minutes they attended for
                                r"|for\s+(?:agenda\s+)?(?:[A-Z]{1,6}[\s/]?)?\d{1,4}(?:/\d{1,4})+"
                                r"|for\s+(?:agenda\s+)?(?:[A-Z]{1,6}\s?)?\d{1,4}[a-z]?\s*(?:\)|$|,|and\b|&|-))",
                                re.IGNORECASE)
# "A, Job; B, Job; and C, Job (all Dunmarrow Council)": the body of everyone in the group
ALL_OF = re.compile(r"(?:all|each|both)\s+(?:of\s+)?(?:the\s+)?(?=[A-Z])")
EXCEPT_STATED = re.compile(r"\s*,?\s+(?:except|unless)\s+(?:where\s+|otherwise\s+)*(?:stated|shown|indicated|noted)$")
ALL_OF_NOTE = re.compile(r"\(\s*" + ALL_OF.pattern)
# "(Cllr Ann Lee substituting)", "(substituted by Cllr Lee)", "(deputy for N. Kilic)": who sat in whose place, not
# who the member is
SUBSTITUTE_NOTE = re.compile(r"\bsubstitut(?:ing|ed)\b|^(?:as\s+)?deput(?:y|ising)\s+for\b", re.IGNORECASE)
AS_SUBSTITUTE = re.compile(r"as\s+(?:a\s+)?(substitute)\b", re.IGNORECASE)  # "(as substitute for Councillor X)"
# "..., substituting for Cllr W. Lilley", "..., deputising for the Chief Executive": who sat in another's place
SUBSTITUTING_FOR = re.compile(r"(?:substituting|deputising|sitting|standing\s+in)\s+for\b|(?:as\s+(?:a\s+)?)?"
                              r"substitute\s+for\b|in\s+place\s+of\b", re.IGNORECASE)
# "Clerk and RFO to the Parish Council" (not "Depute Clerk to the Licensing Board": a council's board, its post)
POST_TO_BODY = re.compile(r"(.+?)\s+to\s+the\s+([A-Z].*\b(?:Council|Authority|Trust|Police|Constabulary))")
# the "Attended" column of an attendance table: whether they came, not who they are
ATTENDANCE_STATUS = re.compile(r"(?i:yes|no|y|n|present|absent|apologies|apologies received|attended|in person|"
                               r"online|remote|remotely|virtual|in the (?:chamber|room)|by video(?: link)?|"
                               r"via (?:ms |microsoft )?teams|by (?:tele)?phone|\u2713|\u2714)")
TRAILING_STATUS = re.compile(r"\s{2,}" + ATTENDANCE_STATUS.pattern + r"$")
# the "Role" column of a ModernGov attendance table: the kind of seat ("Board Member", "Officer", "Guest",
# "Deputy"), not the person's post; a chair, a substitute, an independent or co-opted member are kept
SEAT_KIND = re.compile(r"(?:(?:Board|Committee|Partnership|Group|Forum)\s+)?[Mm]ember|Officers?|Guests?|Deputy|"
                       r"Visitors?|Attendees?")
PART_GAP = re.compile(r"\s*(?:[,;|\u2013\u2014]|\s-)\s*")  # what parts one entry's details: "Body \u2013 Job"
RANK_PREFIXES = {"vice", "deputy", "co", "sub", "assistant"}
CHAIR_FOR_PART = re.compile(r"((?:Vice[- ])?Chair(?:man|woman|person)?)\s+(?:for|from|until)\s+"
                            r"(?:minutes?\b|items?\b|part\b|[A-Z]?\d).*", re.IGNORECASE)
UNIT_HEADS = {"team", "unit", "hub", "squad", "desk", "cell", "division", "command"}  # a unit of a body, before it
TITLE_ROLES = {"chair", "chairman", "chairwoman", "chairperson", "vice-chair", "vice-chairman", "vice chair",
               "deputy chairman", "deputy chair", "co-chair", "in the chair", "independent chair", "clerk", "minutes"}


@dataclass
class Attendee:
    """A person of an attendance list: the name's character span and what follows it."""
    start: int
    end: int  # the name's span in the document
    role: tuple[int, int] | str | None = None
    org: tuple[int, int] | None = None
    alias: str | None = None  # initials given in brackets, "(SW)"
    kind: str = "present"
    listed: bool = False  # named under a plural title ("Councillors Adegoke, Addo and Kooner"), maybe by surname alone


def trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """Without surrounding spaces, dashes, colons and table borders ("| Cllr Ann Hale | Chair |")."""
    while a < b and text[a] in " .:|\n\t\u2013-":
        a += 1
    while b > a and text[b - 1] in " .:|\n\t\u2013-":
        b -= 1
    return a, b


def is_role_word(word: str, lex: Lexicon) -> bool:
    """A word that ends job titles ("Manager", "Officer", "Chair")."""
    w = word.lower().strip(".,")
    if w in lex.role_head_words or w in TITLE_ROLES:
        return True
    # "Vice-Principal", "Deputy-Headteacher": a one-word job behind a rank prefix
    prefix, _, rest = w.partition("-")
    return prefix in RANK_PREFIXES and (rest in lex.role_head_words or rest in lex.one_word_roles_lower)


def is_job_word(word: str, lex: Lexicon) -> bool:
    """A word that names a job by itself: a job's head word ("Manager", "Deputy Director") or a one-word job of
    the role vocabulary ("Treasurer", "Clerk")."""
    return is_role_word(word, lex) or word.lower() in lex.one_word_roles_lower


def known_body(text: str, lex: Lexicon) -> bool:
    """A body of the gazetteer by its name or acronym ("Northern Ireland Housing Executive", "PSNI")."""
    return " ".join(text.lower().split()) in lex.known_bodies_lower


def looks_like_org(text: str, lex: Lexicon) -> bool:
    """An organisation name rather than a job title.

    "Office of the Police and Crime Commissioner" is a body (it opens like one); "Police and Crime
    Commissioner for Marchshire", "Head of Community Services" and "Legal Adviser to the Panel" are jobs
    (a job word, last or followed by of/for/to/at); "Marchshire Police" and "Calderbrook MBC" are bodies.
    """
    low = text.lower().strip()
    if low.startswith(lex.org_prefix_openings) or known_body(text, lex):
        return True  # "Office of ...", or a body of the gazetteer: "Northern Ireland Housing Executive", "PSNI"
    words = re.findall(r"[\w'\u2019-]+", text)
    for i, w in enumerate(words):
        followed = i < len(words) - 1 and words[i + 1].lower() in ("of", "for", "to", "at")
        if is_role_word(w, lex) and (i == len(words) - 1 or followed):
            return False
        if followed and w.lower() in lex.one_word_roles_lower:
            return False  # "Treasurer to the Authority", "Clerk to the Panel" (but "... Ombudsman" is a body)
    return any(low == s or low.endswith(" " + s) for s in lex.org_suffixes_lower) or \
        bool(re.search(r"\b(?:Council|Police|Constabulary|NHS|Trust|MBC|BC|DC|ICB|OPCC)\b", text))


ACRONYM_ONLY = re.compile(r"[A-Z][A-Z&]{1,7}")
NESTED_ACRONYM = re.compile(r"(?<=\w)\s*\([A-Z]{2,6}\)(?=\))")
BRACKET_DASH = re.compile(r"\s[\u2013\u2014]\s|\s-\s")  # "(Body \u2013 post)"
TRAILING_NOTE = re.compile(r"\s*\(([^()]+)\)$")  # a bracket that closes an entry or a cell
SQUARE_INITIALS = re.compile(r"\[([A-Z]{2,4})\]")  # "[DO]": a person's initials, after their details


def _names_unit(text: str, lex: Lexicon) -> bool:
    """"Colderwick PDU": a place and an acronym whose expansion ends like a body (Probation Delivery Unit)."""
    words = text.split()
    expansion = lex.glossary.get(words[-1], "") if words else ""
    return bool(expansion) and expansion.split()[-1].lower() in lex.org_suffixes_lower


def ignored_note(note: str) -> bool:
    """A bracket that says when or how someone attended, not who they are: "(notes)", "(item 4 only)"."""
    return note.lower() in IGNORED_NOTES or IGNORED_NOTE_START.match(note) is not None


def _party(part: str, name: str, lex: Lexicon) -> bool:
    """Is ``part`` a political party ("Con", "Plaid Cymru"), and not the initials of ``name`` ("SF")?"""
    return part.lower() in lex.parties_lower and not initials_of(part, name)


def initials_of(part: str, name: str) -> bool:
    """Is ``part`` ("JT", "NMcT") the initials of ``name`` ("Jon Treadgold", "N. McTaggart"): two or three
    capitals (or a "Mc" name's), the first the first name's or the last the surname's?"""
    words = [w for w in name.split() if w[:1].isupper()]
    return bool(re.fullmatch(rf"[A-Z]{{2,3}}|{MC_INITIALS}", part)) and len(words) >= 2 and (
        part[0] == words[-2][0] or part[-1] == words[-1][0])


def unit_of_body(text: str, att: Attendee) -> bool:
    """Is the body read for ``att`` so far a unit, whose body a later part names: "Exploitation Team" (a unit's
    head word), "Partnerships" (one word), with no post before it?"""
    if att.role is not None or not isinstance(att.org, tuple):
        return False
    words = text[att.org[0]:att.org[1]].split()
    return words[-1].lower() in UNIT_HEADS or len(words) == 1


def _comma_between(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Does only a comma separate span ``first`` from the span ``second`` after it?"""
    return first[1] <= second[0] and re.fullmatch(r",\s*", text[first[1]:second[0]]) is not None


# ", Ardlochan and " before "Strathmuick Division": the first place of a unit named after two, read apart
COORDINATED_PLACE = re.compile(r",\s*[A-Z][\w'\u2019-]*\s+(?:and|&)\s+")


def add_body(text: str, att: Attendee, span: tuple[int, int]) -> None:
    """A body read after ``att``'s name: the first one, or the one a unit read before it belongs to ("DI Jo Bell -
    Exploitation Team, Haverwold Police", "Inspector Noriko Tutt, Partnerships, Police Scotland": the unit is the
    post's; "Local Police Commander, Ardlochan and Strathmuick Division, Police Scotland": so is the division)."""
    if unit_of_body(text, att):
        att.role, att.org = att.org, span
    elif isinstance(att.role, tuple) and isinstance(att.org, tuple) and _comma_between(text, att.org, span) and (
            _comma_between(text, att.role, att.org) or COORDINATED_PLACE.fullmatch(text, att.role[1], att.org[0])):
        # "Throughcare Manager, HMP Craigenlaw, Scottish Prison Service": post, establishment, then the body whose
        # it is; the establishment is part of the post
        att.role, att.org = (att.role[0], att.org[1]), span
    att.org = att.org or span


def read_details(text: str, a: int, b: int, lex: Lexicon, att: Attendee, member: bool = False) -> None:
    """Role, organisation and initials alias from what follows a name (of a councillor: ``member``).

    A role on the body itself ("(Chair)") wins over a job title; brackets are read first.  A unit named by an
    acronym in brackets gives way to a body outside them ("Probation Service (Colderwick PDU)").
    """
    bracketed_brand = bracketed_body = brand = None
    name = text[att.start:att.end]
    # "(Chief Executive, Office of the Police, Fire and Crime Commissioner (OPFCC))": an acronym in brackets at the
    # end of a bracket is part of it, not a bracket of its own
    masked = NESTED_ACRONYM.sub(lambda m: " " * len(m.group()), text[a:b])
    for m in re.finditer(r"\(([^()]*)\)", masked):
        span = trimmed(text, a + m.start(1), a + m.end(1))
        if (note := re.search(r",\s*([^,]+)$", text[span[0]:span[1]])) and (
                ignored_note(note.group(1))):
            # "(SNB Coordinator, minutes)", "(Chair, items 1.0 to 3.1)": the note goes
            span = trimmed(text, span[0], span[0] + note.start())
        inner = text[span[0]:span[1]]
        if _party(inner, name, lex):
            continue  # "Cllr Jo Bell (Lib Dem)": the member's party is no role and no body
        if (lead := re.match(r"([^,]+),\s*", inner)) and _party(lead.group(1).strip(), name, lex):
            span = (span[0] + lead.end(), span[1])  # "(Con, Quistmoor County Council)": the party, then the council
        elif (tail := re.search(r",\s*([^,]+)$", inner)) and _party(tail.group(1).strip(), name, lex):
            span = trimmed(text, span[0], span[0] + tail.start())  # "(Quistmoor County Council, Con)"
        inner = text[span[0]:span[1]]
        low = inner.lower()
        if (every := ALL_OF.match(inner)) and looks_like_org(body := EXCEPT_STATED.sub("", inner[every.end():]), lex):
            # "(all Dunmarrow Council)", "(all X Council except where stated)": theirs too
            att.org = att.org or (span[0] + every.end(), span[0] + every.end() + len(body))
        elif re.fullmatch(r"[A-Z]{2,4}", inner):
            if known_body(inner, lex) and not initials_of(inner, name):
                bracketed_body = bracketed_body or span  # "Chief Inspector D McKeever (PSNI)": the force
            else:
                att.alias = inner
        elif low == "in the chair":
            att.role = "Chairman"  # the office, as "X in the Chair" in the text gives it (linking.py)
        elif low in TITLE_ROLES and low != "minutes":
            att.role = span
        elif low in lex.roles_lower and low not in IGNORED_NOTES:
            att.role = att.role or span  # "(Town Mayor) in the Chair": an office the role list names, first
        elif sub := AS_SUBSTITUTE.match(inner):
            att.role = att.role or (span[0] + sub.start(1), span[0] + sub.end(1))  # the seat, not whose it was
        elif part := CHAIR_FOR_PART.fullmatch(inner):
            att.role = (span[0], span[0] + part.end(1))  # "(Chair for minute 1)": the chair, for part of the meeting
        elif ignored_note(inner) or SUBSTITUTE_NOTE.search(inner):
            continue
        elif known := next((r for r in lex.comma_roles_lower if low.startswith(r)), None):
            # "(Police, Fire and Crime Commissioner for Marlshire)": the job's own comma splits nothing
            cut = inner.find(",", len(known))
            body = trimmed(text, span[0] + cut + 1, span[1]) if cut >= 0 else None
            att.role = att.role or (span if cut < 0 else (span[0], span[0] + cut))
            if body and looks_like_org(text[body[0]:body[1]], lex):
                att.org = att.org or body
        elif (dash := BRACKET_DASH.search(inner)) and not looks_like_org(after := inner[dash.end():], lex) and (
                after[:1].islower() or any(is_role_word(w, lex) for w in after.split())) and (
                looks_like_org(inner[:dash.start()], lex) or brand_like(inner[:dash.start()], lex)):
            # "(Police Scotland \u2013 wildlife and rural crime)", "(NFU Scotland \u2013 regional manager)": the
            # body, a dash, then what the person does there (not a unit or a ward: "(Probation Service \u2013
            # Oxenmere PDU)")
            att.org = att.org or trimmed(text, span[0], span[0] + dash.start())
            att.role = att.role or trimmed(text, span[0] + dash.end(), span[1])
        elif "," in inner and not looks_like_org(inner.split(",")[0], lex):
            # "(Monitoring Officer, Calderwick County Council)": a job, then its body
            cut = span[0] + inner.index(",")
            last = span[0] + inner.rindex(",")
            middle = text[cut + 1:last].split()  # the words between the first comma and the last, if two
            if middle and looks_like_org(text[last + 1:span[1]], lex) and is_role_word(middle[-1], lex):
                cut = last  # "(Vice-Chair, Clinical Chair, NHS Calder ICB)": two jobs, then the body
            rest = trimmed(text, cut + 1, span[1])
            job, body = text[span[0]:cut].split(), text[rest[0]:rest[1]]
            if looks_like_org(body, lex):
                att.role, att.org = att.role or trimmed(text, span[0], cut), att.org or rest
            elif job and is_role_word(job[-1], lex) and brand_like(body, lex) and not department_like(body, lex):
                # "(Chief Executive, Brackenmoor Women's Aid)": a job, then a name; but "Brenmarsh Police
                # (District Commander, Farrowdean)": a body outside the brackets wins over a place inside
                att.role, bracketed_body = att.role or trimmed(text, span[0], cut), bracketed_body or rest
            else:  # "(Director of Strategy, Policy and Corporate Assurance)": one job
                att.role = att.role or span
        elif ACRONYM_ONLY.fullmatch(inner) and known_body(inner, lex):
            bracketed_body = bracketed_body or span  # "... Policing and Crime (MOPAC)": the body outside, if any
        elif looks_like_org(inner, lex):
            att.org = att.org or span
        elif (sep := re.search(r",|\s[-\u2013]\s", inner)) and (
                sep.group() == "," or looks_like_org(inner[:sep.start()], lex)):
            # "(Probation Service, Brenhall PDU)", "(Probation Service - Oxenmere PDU)": the body, then its unit;
            # "(PSNI, Local Policing Commander, Carnmoyle)": the body, then the post
            att.org = att.org or trimmed(text, span[0], span[0] + sep.start())
            after = inner[sep.end():].split(",")[0]
            if any(is_role_word(w, lex) for w in after.split()) and not looks_like_org(after, lex):
                att.role = att.role or trimmed(text, span[0] + sep.end(), span[1])
        elif _names_unit(inner, lex):
            bracketed_body = bracketed_body or span
        elif brand_like(inner, lex) and bracketed_brand is None:
            bracketed_brand = span  # "Chief Executive (Cam Nesaf)": the body, if a job stands outside
        else:
            att.role = att.role or span
    if att.alias is None and (square := SQUARE_INITIALS.search(text[a:b])):
        att.alias = square.group(1)  # "Daniel Okorie (Probation Service) [DO]"
    outside = re.sub(rf"\([^()]*\)|{SQUARE_INITIALS.pattern}", lambda m: " " * len(m.group()), text[a:b])
    # "Bethan Moss, Scrutiny Officer  Tel: 01632 960 418": contact details end the person's details
    outside = re.sub(r"\b(?:Tel|Telephone|Phone|Email|E-mail)\b\.?:?.*", lambda m: " " * len(m.group()), outside,
                     flags=re.IGNORECASE | re.DOTALL)
    acronyms = defined_acronyms(text)
    # parts end at , ; | dashes, " - " and column gaps (3+ spaces)
    for part in re.finditer(r"(?:[^,;|\u2013\u2014\t ]| {1,2}(?! |- ))+", outside):
        pa, pb = trimmed(outside, part.start(), part.end())
        pa, pb = a + pa, a + pb
        if (status := TRAILING_STATUS.search(text, pa, pb)) and status.start() > pa:
            pb = status.start()  # "Monitoring Group  Yes": the next column of a table that pads with two spaces
        if pb - pa < 2 or IGNORED_NOTE_START.match(text[pa:pb]) or ATTENDANCE_STATUS.fullmatch(text[pa:pb]) \
                or SEAT_KIND.fullmatch(text[pa:pb]) or _party(text[pa:pb], name, lex):
            continue  # "- item 6", "(notes)", "Yes", "Guest", "| Plaid Cymru |": when they attended or in what
            # seat, not who they are
        if att.alias is None and text[pa:pb] not in acronyms and initials_of(text[pa:pb], name):
            att.alias = text[pa:pb]  # "| Jon Treadgold | JT | Community Safety Manager |": an Initials column
            continue
        if att.role is None and (to_body := post_to_body(text, pa, pb, lex)):
            att.role, att.org = to_body[0], att.org or to_body[1]
        elif looks_like_org(text[pa:pb], lex) or text[pa:pb] in acronyms:  # "... PCBC": a council
            if isinstance(att.org, tuple) and known_body(text[att.org[0]:att.org[1]], lex) \
                    and not known_body(text[pa:pb], lex) and not unit_of_body(text, att):
                att.org = (pa, pb)  # "Prevent Lead, Counter Terrorism Policing, Merrowshire Police": the force
            else:
                add_body(text, att, (pa, pb))
        elif brand is None and department_after_job(text, att, (pa, pb), lex):
            att.role = (att.role[0], pb)  # "Strategic Director, Children and Families": the job's department
        elif att.role is not None and brand_like(text[pa:pb], lex):
            brand = brand or (pa, pb)  # "Service Manager, Harbourlight": a name after the job is the body
        elif isinstance(att.role, tuple) and att.org is None and brand is None and PART_GAP.fullmatch(
                text, att.role[1], pa) and brand_like(text[att.role[0]:att.role[1]], lex) \
                and is_role_word(text[pa:pb].split()[-1], lex):
            att.org, att.role = att.role, (pa, pb)  # "Gronw Trew – Cwmteifyn Youth Action – Chief Officer": a
            # name with no job word, the part before a post, is the body
        else:
            att.role = att.role or (pa, pb)
    att.org = att.org or bracketed_body
    if att.role is None:
        # "Mr B Watts (General Counsel)": a job with no job word; but "Cllr Ann Hale (Sevenoaks West)": a
        # councillor's ward, no job
        ward = member and bracketed_brand is not None and not _names_post(text[slice(*bracketed_brand)], lex)
        att.role = None if ward else bracketed_brand
    else:  # a body that looks like one wins: "Clinical Lead, Greywell CAMHS, Greywell NHS Trust"
        att.org = att.org or brand or bracketed_brand


def post_to_body(text: str, a: int, b: int, lex: Lexicon) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"Clerk and RFO to the Parish Council": the post, then the body it serves (not one body's name)."""
    m = POST_TO_BODY.fullmatch(text, a, b)
    if m and any(is_role_word(w, lex) for w in m.group(1).split()) and len(m.group(2).split()) > 1 \
            and looks_like_org(m.group(2), lex):  # (not "Clerk to the Board": a post whole)
        return m.span(1), m.span(2)
    return None


@lru_cache(maxsize=4)
def defined_acronyms(text: str) -> frozenset[str]:
    """The acronyms ``text`` defines ("Key: ACC \u2013 Aberwennol County Council; ..."): after a name, a body."""
    return frozenset(acronym_definitions(text))


def _names_post(text: str, lex: Lexicon) -> bool:
    """"Deputy Mayor", "Deputy Town Mayor": a post of the role vocabulary, or one that ends in one of its jobs."""
    words = text.split()
    return text.lower() in lex.roles_and_ranks_lower or bool(words) and words[-1].lower() in lex.one_word_roles_lower


def department_like(text: str, lex: Lexicon) -> bool:
    """"Children and Families", "Prevention and Protection", "Trading Standards": a department named by what it
    does, every word one of the department vocabulary's; after a job it is part of the job, not the body ("Service
    Manager, Harbourlight" names a body: "Harbourlight" is no such word)."""
    words = re.findall(r"[\w'\u2019&-]+", text)
    return 0 < len(words) <= 6 and words[0][:1].isupper() and not known_body(text, lex) \
        and all(w.lower() in ("of", "and", "the", "for", "&") or w[:1].isupper()
                and w.lower().replace("\u2019", "'") in lex.department_words for w in words) \
        and not looks_like_org(text, lex)


# what joins a job to its department, or the department's words: "Director, Children and Families"
DEPARTMENT_JOIN = re.compile(r",\s*|\s+(?:and|&)\s+")


def department_after_job(text: str, att: Attendee, span: tuple[int, int], lex: Lexicon) -> bool:
    """Is ``span`` a department that goes on ``att``'s job, read with no body yet ("Strategic Director, Children
    and Families": the pieces after the job, split at commas or at "and")?"""
    return isinstance(att.role, tuple) and att.org is None and department_like(text[span[0]:span[1]], lex) \
        and DEPARTMENT_JOIN.fullmatch(text, att.role[1], span[0]) is not None


def brand_like(text: str, lex: Lexicon) -> bool:
    """"Harbourlight", "Cam Nesaf": a short capitalised name with no job word in it (after a job, its body)."""
    words = re.findall(r"[\w'\u2019&-]+", text)
    return 0 < len(words) <= 6 and words[0][:1].isupper() and not lex.is_title(words[0]) \
        and not lex.is_suffix(text) and not IGNORED_NOTE_START.match(text) \
        and all(w[:1].isupper() or w.lower() in ("of", "and", "the", "for", "&") for w in words) \
        and not any(is_role_word(w, lex) for w in words)
