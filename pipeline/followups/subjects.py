"""Who a clause is about: the noun phrase before its verb, and whether it can act.

Shared by :mod:`.owners` (who is to act) and :mod:`.clauses` (where a second
commitment starts in one sentence). A subject acts when it is a person of the
meeting, a body ("the Probation Service"), a group ("officers") or a post from
the entity stage's role lexicon, capitalised or not ("the community safety
manager").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..entities.lexicon import load_lexicon
from ..entities.names import parse_name
from ..schema import Meeting, Paragraph

PRONOUNS = {"he", "she", "they", "it"}
GENDER_OF = {"he": "m", "she": "f"}  # the pronouns an honorific can rule a person out for
SPEECH = r"(?:said|stated|explained|confirmed|advised|added|responded|replied|reported|noted|indicated|undertook)"
# bodies, teams and groups that act: the capitalised head of a named agent, or the lower-case head of an actor
BODY_HEADS = ("council", "police", "service", "board", "panel", "committee", "team", "partnership", "unit", "authority",
              "trust")
AGENT_HEADS = re.compile(r"(?:Officers?|Manager|Director|Chair(?:man)?|Clerk|Commissioner|Constabulary|Office|Leader|"
                         r"Member|Executive|Group|Lead|Coordinator|Co-ordinator|Inspector|Constable|Adviser|Advisor|"
                         + "|".join(w.capitalize() for w in BODY_HEADS) + r")$")


def agent_like(phrase: str, people, text: str) -> bool:
    """A person mentioned here, "officers"/"members", or a capitalised role or body ("the Probation Service")."""
    phrase = phrase.strip()
    if phrase.lower() in ("officers", "members", "partners", "the police", "the council"):
        return True
    if any(p.text in phrase or phrase in p.text for p in people):
        return True
    # "The Director of Children's Services": the job's head comes before its "of"
    head = re.split(r"\s+(?:of|for)\s+", phrase, maxsplit=1)[0]
    if AGENT_HEADS.search(phrase) or AGENT_HEADS.search(head) or re.fullmatch(r"[A-Z]{2,4}", phrase):
        return True
    # "The Partnership's communications officer", "the community safety manager": a post in lower case
    last = phrase.split()[-1].lower()
    return last in acting_office_words() and (phrase[:1].isupper() or phrase.startswith("the "))


# the reported clause's subject acts when it is a body, a group of people or a proper name, and its verb is
# an action ("the force would recruit"), not a state or an outcome ("the report would go", "it would help")
ACTOR_HEADS = re.compile(r"\b(?:services|teams|officers|officer|staff|colleagues|volunteers|partners|force|university|"
                         r"college|schools?|charity|providers?|agency|agencies|practitioners|workers|department|"
                         + "|".join(BODY_HEADS) + r")$", re.IGNORECASE)
NOT_ACTIONS = {"be", "have", "need", "depend", "mean", "help", "allow", "enable", "require", "cost", "take", "go",
               "come", "remain", "seem", "appear", "lead", "result", "affect", "impact", "benefit", "not"}


# "<post>, <name>, would …"
APPOSITIVE_NAME = re.compile(r"(?:^|[;:]\s+|\b(?:and|that)\s+)(?:[Tt]he\s+)?[A-Z][\w'\u2019-]*"
                             r"(?:\s+(?:of|for|and|[A-Z][\w'\u2019-]*)){0,6},\s+((?:[A-Z][\w'\u2019.-]*\s+){1,3}"
                             r"[A-Z][\w'\u2019.-]*),\s*$")
# lexicon posts that are no agent of the meeting's follow-ups ("the applicant would install CCTV" is a condition)
NOT_AGENT_OFFICES = frozenset({"resident", "applicant", "appellant", "objector", "observer", "state", "holder",
                               "member", "volunteer", "intern", "apprentice", "teacher"})
AUXILIARIES = {"was", "were", "is", "are", "be", "been", "being", "had", "has", "have"}
# clause boundaries; a speech verb opens a reported clause even without "that" ("X said the report would …")
BOUNDARY = re.compile(r"[,;:]\s+|\b(?:and|but|that|which|who|whilst|while|where|when|whether)\s+|\b" + SPEECH + r"\s+",
                      re.IGNORECASE)


def subject_before(before: str) -> str | None:
    """The noun phrase just before a verb: after the last clause boundary ("…, and Charles Paul agreed")."""
    if m := APPOSITIVE_NAME.search(before):
        return m.group(1)  # "The Scrutiny Officer, Ben Hollis, would send …": the named holder of the post
    ends = [m.end() for m in BOUNDARY.finditer(before) if not _inside_name(before, m)]
    subject = before[ends[-1]:] if ends else before
    subject = re.sub(r"^(?:In response(?: to [^,]*)?,?\s*|Following [^,]*,\s*|Additionally,?\s*)", "", subject.strip())
    subject = trim(re.sub(r"\s+(?:had|has|have)$", "", subject.strip()))  # "X had agreed to": X agreed
    if not subject or len(subject.split()) > 8 or subject.split()[-1].lower() in AUXILIARIES:
        return None  # "the reserve was committed to projects": a state, not someone undertaking to act
    lowered = subject.lower()
    if lowered in PRONOUNS or subject[0].isupper() or lowered.startswith(("officers", "members", "the ")):
        return subject
    if len(subject.split()) <= 3 and ACTOR_HEADS.search(subject):
        return subject  # "licensing officers", "partner agencies"
    return None


def _inside_name(text: str, boundary: re.Match) -> bool:
    """"and" between capitalised words is part of a name ("Fire and Rescue Service"), not a clause boundary."""
    if boundary.group().strip().lower() != "and":
        return False
    before = text[:boundary.start()].split()
    return bool(before) and before[-1][:1].isupper() and text[boundary.end():boundary.end() + 1].isupper()


def trim(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"^(?:[Tt]hat|[Tt]o)\s+", "", " ".join(text.split()).strip(" ,.;:"))
    return text or None


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """The role vocabulary of the entity stage (``patterns/roles.jsonl``), as lower-case words."""
    lex = load_lexicon()
    return frozenset(w.lower() for w in lex.one_word_roles) | lex.role_head_words


@lru_cache(maxsize=1)
def acting_office_words() -> frozenset[str]:
    """The posts that may own a follow-up: the role vocabulary less ``NOT_AGENT_OFFICES`` (computed once, not on
    every :func:`agent_like` call)."""
    return office_words() - NOT_AGENT_OFFICES


def person_genders(meeting: Meeting) -> dict[str, str]:
    """Each form of each person of the meeting ("Carol Hewitt", "Ms Hewitt") -> "m"/"f", where an honorific of any
    of the person's forms says so."""
    out: dict[str, str] = {}
    for person in meeting.people:
        forms = [f for f in [person.get("name"), *(person.get("aliases") or [])] if f]
        parsed = [parse_name(f) for f in forms]
        gender = next((n.gender for n in parsed if n is not None and n.gender), None)
        if gender:
            out.update({" ".join(f.split()): gender for f in forms})
    for mention in meeting.mentions:  # a form the people list lacks: its own honorific
        if mention.label == "PERSON" and (name := parse_name(mention.text)) is not None and name.gender:
            out.setdefault(" ".join(mention.text.split()), name.gender)
    return out


def agrees(name: str, pronoun: str, genders: dict[str, str]) -> bool:
    """Can ``pronoun`` refer to the person ``name``?  Not "she" to a "Mr", nor "he" to a "Ms" (``genders``, from
    :func:`person_genders`); a name without an honorific, or another pronoun, never clashes."""
    wanted = GENDER_OF.get(pronoun)
    return wanted is None or genders.get(name, wanted) == wanted


def coordinated_subject(meeting: Meeting, para: Paragraph, offset: int, pronoun: str,
                        genders: dict[str, str]) -> str | None:
    """The antecedent of "he"/"she" (at ``offset`` in ``para``) opening a clause joined by "and" to a sentence that
    opened with a person: in "PCSO Radford undertook to ask Inspector Makepeace to attend, and she would provide
    the figures", PCSO Radford (the subject keeps the focus), not the person named last.  None when the sentence
    opened otherwise or the person's honorific says another gender."""
    before = para.text[:offset - para.start]
    if not re.search(r"\band\s+(?:that\s+)?$", before):
        return None
    ends = list(re.finditer(r"[.!?;:]\s+", before))
    start = para.start + (ends[-1].end() if ends else 0)
    opener = next((m for m in meeting.mentions if m.label == "PERSON" and start <= m.start <= start + 3), None)
    if opener is None:
        return None
    name = " ".join(opener.text.split())
    return name if pronoun in GENDER_OF and agrees(name, pronoun, genders) else None
