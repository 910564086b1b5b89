"""One sentence, several commitments: split a follow-up's sentence into its committing clauses.

Minutes pack two undertakings into one sentence: "the updated document would
be published this year, and a new, more concise document would be presented in
2025", "he would write to Mrs X with details of the scheme, which the
Constabulary would promote …", "Members asked that the trust provide answers
…, and the Scrutiny Officer would send the questions …", "X said that the
Council would bid for funding …, and undertook to report the outcome".  Each
clause has its own owner, action and due date, and the coordinator audits them
one by one; both quote the same sentence as evidence.

A sentence is split only where the text after ", and" / ", which" opens a new
committing clause with its own subject (or an "undertook to" whose subject is
the sentence's speaker) and the text before it commits too; "would provide the
data, and it would help" is one commitment, not two.
"""

from __future__ import annotations

import re

from .dates import PHRASES
from .owners import MODAL_WORD
from .subjects import ACTOR_HEADS, AGENT_HEADS, NOT_ACTIONS, SPEECH, subject_before

# what makes a clause a commitment: an undertaking, a request that someone act ("asked that the trust provide"),
# an agent and an action ("the Constabulary would promote"), or a passive plan with its time ("the updated document
# would be published this year")
_UNDERTAKING = r"\b(?:agreed|offered|undertook|promised|volunteered)\s+to\s+[a-z]+"
UNDERTAKING_OR_REQUEST = re.compile(_UNDERTAKING + r"|\b(?:asked|requested)\s+that\b")
MODAL_ACT = re.compile(r"\b" + MODAL_WORD + r"(?:(?:also|now|then|still)\s+)?"
                       r"(?:be\s+[a-z]+(?:ed|en|t)\b|(?!be\b)([a-z]+)\b)")
# actions that describe how things will be rather than what someone undertakes ("the Unit would act as the
# convening body", "door staff would receive training")
NOT_UNDERTAKINGS = NOT_ACTIONS | {"act", "receive", "get", "see", "become", "only"}
TIME = re.compile(PHRASES.pattern + r"|\b(?:in|by|during)\s+(?:20\d\d|the\s+(?:spring|summer|autumn|winter))\b",
                  re.IGNORECASE)
# where a second clause may start, and its subject: a noun phrase of at most eight words, not a pronoun that
# stands for the first clause's thing ("and it would help") nor a speech verb ("and said he would")
BOUNDARY = re.compile(r",\s+(?:and\s+(?:that\s+)?|which\s+)")
SUBJECT = re.compile(r"(?!(?:it|this|that|these|those|which|there)\b)(?!" + SPEECH + r"\b)"
                     r"((?:[\w'\u2019&-]+,?\s+){1,8}?)"
                     r"(?=(?:would|will|shall|agreed\s+to|undertook\s+to|offered\s+to|asked\s+that)\b)")
SUBJECTLESS = re.compile(r"(?:also\s+)?" + _UNDERTAKING)
SPEAKER = re.compile(r"^((?:[A-Z][\w'\u2019.-]*\s+){1,4})" + SPEECH + r"\b")
# "... asked that the Committee receive a report, and the Officer agreed to arrange this": one commitment
ANAPHORIC = re.compile(r"^[^,;]*?\b(?:to|would|will)\s+[a-z]+\s+(?:this|it|that|so)\b\s*(?:[.,;]|for\b|by\b|at\b|$)")


def _agent(subject: str) -> bool:
    """A person, a named body or role, or a group that acts ("licensing officers", "the team")."""
    bare = re.sub(r"^(?:the|The)\s+", "", subject)
    return (subject.lower() in ("he", "she", "they") or bare[:1].isupper() or bool(ACTOR_HEADS.search(subject))
            or bool(AGENT_HEADS.search(subject)))


def _commits(clause: str) -> bool:
    """Does this clause commit someone, not only describe or predict ("would help", "would start in April")?"""
    if UNDERTAKING_OR_REQUEST.search(clause):
        return True
    for m in MODAL_ACT.finditer(clause):
        verb = m.group(1)
        if verb is None:
            if TIME.search(clause, m.end()):
                return True
        elif verb not in NOT_UNDERTAKINGS and (subject := subject_before(clause[:m.start()])) and _agent(subject):
            return True
    return False


def commitment_clauses(text: str) -> list[tuple[int, int, str | None]]:
    """The committing clauses of a sentence as (start, end, owner_hint): one clause for a sentence with one
    commitment.  ``owner_hint``, for a later clause, is its own subject when that names an agent ("…, and that
    Marrowby Neighbourhood Watch would publicise the offer"), or the speaker when it has none ("…, and undertook
    to report the outcome")."""
    cuts: list[tuple[int, int, str | None]] = []  # (end of the clause before, start of the next, owner hint)
    for b in BOUNDARY.finditer(text):
        rest = text[b.end():]
        hint = None
        if SUBJECTLESS.match(rest):
            if not (speaker := SPEAKER.match(text)):
                continue
            hint = speaker.group(1).strip()
        elif (subject := SUBJECT.match(rest)) and not ANAPHORIC.match(rest) and _commits(rest):
            named = subject.group(1).strip(" ,")
            requester = rest[subject.end():].startswith("asked")  # "the Chair asked that a report be brought"
            hint = named if _agent(named) and not requester else None
        else:
            continue
        if _commits(text[cuts[-1][1] if cuts else 0:b.start()]):
            cuts.append((b.start(), b.end(), hint))
    starts = [0] + [s for _, s, _ in cuts]
    ends = [e for e, _, _ in cuts] + [len(text)]
    hints = [None] + [h for _, _, h in cuts]
    return list(zip(starts, ends, hints, strict=True))
