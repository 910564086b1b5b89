"""Who is to act and what they are to do, read off a follow-up's sentence.

The owner is the subject who agreed or undertook, the person a pronoun
refers to, the body "requested to" or "delegated to" act, the subject of a
reported commitment ("X said that the fire service would run ..."), or the
named owner of an action-log line; the action is the words after the
commitment verb.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..entities.org_extent import POSSESSIVE_S as POSSESSIVE
from ..schema import Meeting, Paragraph
from .dates import MONTH_NAMES
from .subjects import (
    ACTOR_HEADS,
    BODY_HEADS,
    GENDER_OF,
    NOT_ACTIONS,
    PRONOUNS,
    SPEECH,
    agent_like,
    agrees,
    coordinated_subject,
    office_words,
    person_genders,
    subject_before,
    trim,
)

if TYPE_CHECKING:
    from . import Candidate

# the owner grammar of the action_line / action_label rules in patterns/followups.jsonl, with the owner as a group:
# "CO to share ...", "ACTION: FH and NB to report ...", "Action: All Board members to complete ..."
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,4}"
ACTION_LINE = re.compile(r"^(?:(?:Actions?|ACTIONS?)(?:\s+(?:no\.?\s*)?[\w/.]+)?\s*[:\u2013\u2014-]\s*)?"
                         r"(" + _NAME + r"(?:\s*(?:,|and|&)\s+" + _NAME + r")*|All(?:\s+[A-Z][\w'\u2019-]*)*\s+[a-z]+)"
                         r"\s+to\s+[a-z]+")
# "Action (LF): publish the strategy ...", "Action – Inspector Reid: provide the figures ..."
# (an action number may come first: "Action 6.1 - RP and KT: bring ...")
# ("ACTION 21/13: TG / BL - start the pilot", "ACTION 23/17 FI: raise ...": a numbered action, then its owners)
ACTION_OWNER_LABELLED = re.compile(r"^(?:Actions?|ACTIONS?)(?:\s+(?:no\.?\s*)?\d[\w/.]*)?\s*"
                                   r"(?:\(([^()]{1,40})\)\s*[:\u2013\u2014-]|"
                                   r"[\u2013\u2014-]\s*([A-Z][^:;.()]{0,60}?)\s*:|"
                                   r"(?<=\d):?\s*([A-Z][\w'\u2019.-]*(?:\s*(?:/|,|and|&)\s*[A-Z][\w'\u2019.-]*){0,3})"
                                   r"\s*[:\u2013\u2014-])\s*[a-z]+")
REQUEST_ACTION = re.compile(r"\b(?:asked|asks|ask|requested|requests|request|invited|encouraged|instructed"
                            r"|request\s+was\s+made\s+for)\s+(?:[A-Za-z][\w'\u2019&-]*\s+){1,8}?to\s+([a-z]+\b.*)$")
DELEGATED_ACTION = re.compile(r"\b(?i:delegated|authori[sz]ed)\b.*?\bto\s+(?!(?:the|a|an|all|any|his|her|their|its)\b)"
                              r"([a-z]+\b.*)$")
# "X agreed/offered/undertook to": not "the course could be offered to staff" (a passive offer commits no one)
UNDERTAKING = (r"\b(?:agreed|(?<!be )(?<!been )(?<!being )(?<!was )(?<!were )(?<!now )(?:offered|promised|pledged)"
               r"|undertook|undertakes|volunteered|committed)\s+to\b")
INTENTION = re.compile(r"\bintention\b(?:,[^.;]{0,160},)?\s+to\s+[a-z]+")
LIST_LABEL = re.compile(r"^\s*(?:[\u2022\u2013\u2014\-*\u00b7]|\(?[a-z0-9ivx]{1,4}[.)])\s+")
RESOLVED_WORD = re.compile(r"^(?:RESOLVED|AGREED|DECIDED|DECISION|Decision|OUTCOME|Outcome|Resolved)\b"
                           r"\s*[:,\u2013-]?\s*")


def _bare(text: str) -> str:
    """The sentence without its list label or "RESOLVED" lead, so that "RESOLVED that the Chair write to …"
    reads as "that the Chair write to …"."""
    return RESOLVED_WORD.sub("", LIST_LABEL.sub("", " ".join(text.split())))


# a modal and the parenthetical that may interrupt it: "officers would, subject to the outcome of the decision, create"
ASIDE = r"(?:,[^,.;]{1,120},)?"
MODAL_WORD = r"(?:would|will|shall)" + ASIDE + r"\s+"
MODAL = r"\b" + MODAL_WORD
# a capitalised name, with a lower-case unit word after it ("the Environment and Transport department"), or a group
NP = (r"((?:the\s+|The\s+)?[A-Z][\w'\u2019.&-]*(?:\s+(?:of|for|and|the(?=\s+[A-Z])|[A-Z][\w'\u2019.&-]*))*"
      r"(?:\s+(?:department|directorate|team|service|unit|officers|staff|members))?"
      r"|(?:all\s+|[A-Z]{2,6}\s+)?(?:officers|members|partners|partner\s+agencies))")


# a body or group named in lower case: "the trust", "the housing service", "all partner agencies"
LOWER_BODY = (r"(?:the|all)\s+(?:[a-z][\w'\u2019-]*\s+){0,3}?(?:" + "|".join(BODY_HEADS)
              + r"|officers|staff|partners|services|agencies)")
# the sentence's subject and its first verb: "The Commissioner acknowledged this and agreed to ..."
SENTENCE_SUBJECT = re.compile(NP + r"\s+(?:did|had|was|were|said|[a-z]{3,}ed)\b")
REQUEST_VERBS = r"(?:requested|asked|invited|encouraged|instructed)"
# the bare verbs of "That X <verb> ..." mandates (the that_agent_act rule in patterns/followups.jsonl lists them too)
ACT_VERBS = (r"(?:report|provide|write|attend|present|bring|circulate|submit|arrange|liaise|contact|review|consider"
             r"|meet|prepare|sign|draft|produce|publish|share|send|organi[sz]e|investigate|explore|update|seek|invite"
             r"|develop|undertake|ensure|convene|obtain|establish|commission|identify|confirm)")
# the named party of a request, delegation or resolution: "asks the Commissioner to", "That officers be requested to"
OWNER_PATTERNS = [re.compile(p) for p in (
    r"[\u2018'\"\u201c]" + NP + r"\s+to\s+[a-z]+\b",  # a quoted action-log entry: "Action no. 3 'members to forward …'"
    r"(?i:\b(?:asks?|requests?|asked|invited?|instruct(?:ed)?|encouraged))\s+(?:that\s+)?" + NP + r"\s+(?:to|be)\b",
    r"(?i:\brequest(?:s|ed|ing)?\s+that)\s+" + NP + r"\s+(?:(?!be\b)[a-z]+s|" + ACT_VERBS + r")\b",
    # "the report be forwarded to the Commissioner with a request that he consider ...": the body it goes to
    r"\b(?:forwarded|referred|sent|submitted)\s+to\s+" + NP + r",?\s+with\s+a\s+request\b",
    # "Members asked that the trust provide ...": a lower-case body told to act
    r"(?i:\b(?:asks?|asked|requests?|requested)\s+that)\s+(" + LOWER_BODY + r")\s+" + ACT_VERBS + r"\b",
    r"(?i:\brecommends?\s+to)\s+" + NP + r"\s+that\b",
    r"(?:^|\b(?i:that)\s+|\band\s+)" + NP + r"\s+(?:be|was|were)\s+" + REQUEST_VERBS + r"\s+to",
    r"(?i:\bdelegates?\s+(?:authority\s+)?to)\s+" + NP + r"(?=\s+(?:the|to|in)\b|,)",
    # "agree to delegate finalising any response to the settlement to the Corporate Director for Finance, ..."
    r"(?i:\bdelegate)\s+(?:[\w'\u2019-]+\s+){1,12}?to\s+" + NP + r"(?=\s*,|\s+in\s+consultation\b|\s*\.?$)",
    r"(?i:\b(?:be|been|is|are|was|were)\s+delegated\s+to)\s+" + NP,
    r"(?i:\bdelegated\s+authority\s+(?:was|is|be|has\s+been)\s+(?:given|granted)\s+to)\s+" + NP,
    r"(?:^|\b(?i:that)\s+|\band\s+)" + NP + r"\s+be\s+(?:given|granted)\s+delegated\s+authority\b",
    r"(?:^|\b(?i:that)\s+|\band\s+)" + NP + r"\s+be\s+authori[sz]ed\b",
    r"^(?:\u2013\s*)?(?:[Tt]hat\s+)?(?!(?:The|This|These|Those|A|An|Its?)\s+[a-z])" + NP + r"\s+" + ACT_VERBS + r"\b",
    r"\brequest\s+was\s+made\s+for\s+" + NP + r"\s+to\b",
    r"\bcarried\s+out\s+by\s+" + NP,
    # "... and agreed that the Chair write", "The Board agreed that the Domestic Abuse Partnership should lead"
    r"\bagreed\s+that\s+" + NP + r"\s+(?:would\b|should\b|" + ACT_VERBS + r"\b)",
    NP + r"\s+(?:had\s+|has\s+)?agreed\s+that\s+(?:a|an)\s+[a-z]",  # "X had agreed that a probation officer would"
)]


def owner_of(c: Candidate, meeting: Meeting) -> str | None:
    """Who is to act, as written: the subject who agreed, the body asked to act, the owner of an action."""
    text = _bare(c.text)
    people = [m for m in meeting.mentions if m.label == "PERSON" and c.start <= m.start < c.end]
    if m := re.search(r"\bOwner:\s*([^\u2013\u2014;,]+?)\s*[\u2013\u2014;,-]", text):
        return m.group(1).strip()
    if m := ACTION_OWNER_LABELLED.match(text):
        return next(g for g in m.groups() if g).strip()
    if (m := ACTION_LINE.match(text)) and (text[:6].lower() == "action" or all(
            agent_like(part, people, text) for part in re.split(r"\s*(?:,|\band\b|&)\s*", m.group(1)) if part)):
        return m.group(1)
    if re.match(r"(?:To\s+)?Agrees?\s+to\b", text) and meeting.meeting.committee:
        return meeting.meeting.committee  # "Agree to submit …" in a resolution: the resolving body acts
    for pattern in OWNER_PATTERNS:
        if (m := pattern.search(text)) and not m.group(1).endswith(POSSESSIVE):  # "That the Panel's report ..."
            if re.search(r"\b(?:agreed|undertook|offered|promised|volunteered)\s+to\s+$", text[:m.start()]):
                break  # "Ms Liddell agreed to ask the Board to ...": who agreed acts
            if (reported := _reported_commitment(text)) and reported[1] < m.start():
                return reported[0]  # "X reported that the Fire Service would run …, and asked partners to share …"
            return trim(m.group(1))
    m = re.search(UNDERTAKING + r"|\b(?:stated|confirmed|indicated|expressed|gave|signalled)\s+(?:his|her|their|its)"
                  r"\s+intention\b", text)
    if m:
        subject = subject_before(text[:m.start()])
        if subject is None and (opener := SENTENCE_SUBJECT.match(text)) and agent_like(opener.group(1), people, text):
            return trim(opener.group(1))  # "The Commissioner did not have the figure and undertook to send ..."
        return _resolve_subject(subject, people, meeting, c)
    if m := PASSIVE_AGENT.search(text):
        return trim(m.group(1))  # "... would be looked at by a social worker", "... be repaired by the contractor"
    modals = list(re.finditer(MODAL, text))
    for m in modals:  # "decisions that would impact …; about which he and the Cabinet Member would liaise"
        subject = subject_before(text[:m.start()])
        if subject and subject.lower() == "it":
            continue  # "It would be presented to the Board once ...": a thing, not the person named before it
        if subject and subject.lower() in PRONOUNS:
            # "The Cabinet Member said that he would meet ...": the pronoun is the speaker of its own sentence
            # "GM said that the Unit had a film for young people, and he would share it"
            speaker = re.search(NP + r"\s+" + SPEECH + r"\s+(?:that\s+)?(?:[^.;]*?\b(?:and|but)\s+(?:that\s+)?)?"
                                + subject + r"\s+(?:would|will|shall)\b", text)
            if speaker and agent_like(speaker.group(1), people, text):
                return trim(speaker.group(1))
        if subject and (subject.lower() in PRONOUNS or agent_like(subject, people, text)):
            return _resolve_subject(subject, people, meeting, c)
        if subject and _reported_actor(text, subject, m.end()):
            return subject  # "Stuart Ingleby said that the fire service would run ...": not the speaker
        if subject is None and (opener := ELLIPSIS_SUBJECT.match(text[:m.start()])):
            return trim(opener.group(1))  # "The participation team ran events ... and would continue to"
        if subject is None and (opener := REPORTED_ELLIPSIS.search(text[:m.start()])) and agent_like(
                opener.group(1), people, text):
            return trim(opener.group(1))  # "X explained that Wendleshire County Council intended to … and would"
    # "RD said that a learning briefing would be produced ...", "Ms Garside said that a testing site would open":
    # a plan the speaker reports names no one (the speaker's own "she would" was read above)
    return None


def _reported_actor(text: str, subject: str, after_modal: int) -> bool:
    """Is ``subject`` the actor of a reported commitment: "X said that <subject> would <act>"?"""
    verb = re.match(r"(?:(?:also|now|then|still)\s+)?([a-z]+)", text[after_modal:])
    if not verb or verb.group(1) in NOT_ACTIONS:
        return False
    # "X said that ..., and that <subject> would <act>": the second reported clause is still X's report
    if not re.search(SPEECH + r"\s+(?:that\s+)?(?:[^.;]*?\band\s+that\s+)?" + re.escape(subject)
                     + r"\s+" + MODAL_WORD, text):
        return False
    words = re.sub(r"^[Tt]he\s+", "", subject).split()
    return bool(ACTOR_HEADS.search(subject)) or all(w[:1].isupper() or w in ("of", "and", "for") for w in words)


def _reported_commitment(text: str) -> tuple[str, int] | None:
    """The first reported commitment of a body or named actor ("X said that the fire service would run …") and
    where it starts."""
    for m in re.finditer(MODAL, text):
        subject = subject_before(text[:m.start()])
        if subject and subject.lower() not in PRONOUNS and _reported_actor(text, subject, m.end()):
            return subject, m.start() - len(subject)
    return None


def _resolve_subject(subject: str | None, people, meeting: Meeting, c: Candidate) -> str | None:
    """A pronoun is, in turn: the person its sentence opened with (in a clause joined by "and"), the office that
    opened its paragraph, or the person named last before it whom it can refer to; a missing subject ("..., and
    offered to report") is the sentence's first person."""
    if subject and subject.lower() in PRONOUNS:
        # "In answer to Councillor X, he agreed …": not X but the person named before the sentence
        at = None if ANSWERING.match(c.text) else re.search(r"\b" + re.escape(subject) + r"\b", c.text, re.IGNORECASE)
        offset = c.start + (at.start() if at else 0) + 1
        pronoun = subject.lower()
        genders = person_genders(meeting) if pronoun in GENDER_OF else {}  # computed once for both readings
        para = next((p for p in c.item.paragraphs if p.start <= c.start < p.end), None)  # looked up once for both
        return ((para is not None and (coordinated_subject(meeting, para, offset - 1, pronoun, genders)
                                       or _office_subject_before(meeting, para, offset)))
                or _previous_person(meeting, offset, pronoun, genders) or subject)
    if subject is None and people:
        return " ".join(people[0].text.split())
    return subject


# the agent of a passive commitment, not a time: "would be repaired by the Council's contractor" (not "by the end
# of May", "by March")
PASSIVE_AGENT = re.compile(
    r"\b(?:would|will)\s+be\s+[a-z]+(?:ed|en|t)\s+(?:[a-z]+\s+){0,2}?by\s+(?!(?:the\s+)?(?:end|close|start|"
    r"beginning|middle|time|date|deadline|next|then|now|mid|spring|summer|autumn|winter|Easter|Christmas|"
    + MONTH_NAMES + r")\b|\d)"
    r"((?:the|a|an)\s+[\w'\u2019 -]{2,50}?|[A-Z][\w'\u2019 -]{1,50}?)"
    r"(?=[,.;]|\s+(?:to|in|on|at|for|from|with|before|after|during|by|once|when|and|as)\b|$)")
# one clause whose subject acts twice: "<the unit> <verb>ed ... and would ..." (no comma, no second subject)
ACTS_AND = r"\s+(?:had\s+)?[a-z]+\b[^,;:]*\band\s+$"  # "<subject> ran events ... and " (then "would ...")
ELLIPSIS_SUBJECT = re.compile(r"^((?:The|the)\s+(?:[\w'\u2019-]+\s+){0,4}?(?:team|service|unit|department|partnership"
                              r"|board|panel|group|force|charity|officers|partners))" + ACTS_AND)
# the same in reported speech, with a named agent: "X explained that <the Council> intended to … and would …"
REPORTED_ELLIPSIS = re.compile(r"\b" + SPEECH + r"\s+(?:that\s+)?" + NP + ACTS_AND)
ANSWERING = re.compile(r"(?:In\s+(?:answer|response|reply)\s+to|Responding\s+to|Asked\s+by)\s+[A-Z]")


def _previous_person(meeting: Meeting, offset: int, pronoun: str, genders: dict[str, str]) -> str | None:
    """The person named last before ``offset`` whom the pronoun can refer to: in "Ms Hewitt undertook to ask Mr Dace
    to review the figures, and she would provide …", not Mr Dace (see :func:`.subjects.agrees`).  With no such
    person, the one named last."""
    people = [" ".join(m.text.split()) for m in meeting.mentions if m.label == "PERSON" and m.end <= offset]
    agreeing = [p for p in people if agrees(p, pronoun, genders)]
    return agreeing[-1] if agreeing else (people[-1] if people else None)


# a sentence that opens with an office: "The Mayor also thanked …", "The Director of Public Health reported …"
OFFICE_OPENER = re.compile(r"(?:^|[.!?:]\s+)(The\s+[A-Z][\w'\u2019-]*"
                           r"(?:\s+(?:of|for|and|the|[A-Z][\w'\u2019-]*)){0,6}?)"
                           r"\s+(?:also\s+|then\s+|had\s+)?(?:[a-z]+(?:ed|s)|said|told|gave|made|took|felt|thought"
                           r"|spoke|wrote|sought|brought|undertook|met|led|knew|saw|set|put|began)\b")


def _office_subject_before(meeting: Meeting, para: Paragraph, offset: int) -> str | None:
    """The antecedent of "he"/"she" when the paragraph introduced its speaker by office, not by name: in "The Mayor
    thanked the volunteers … She would circulate the list", the Mayor, not the person named last in an earlier
    item. Only a sentence-opening "The <office>" of the same paragraph, with no person named after it."""
    openers = list(OFFICE_OPENER.finditer(para.text, 0, max(0, offset - para.start)))
    if not openers:
        return None
    m = openers[-1]
    words = m.group(1).split()
    if words[-1].lower() in BODY_HEADS or not office_words() & {w.lower() for w in words[1:]}:
        return None  # "The Board noted …": a body is not "she"
    if any(x.label == "PERSON" and para.start + m.start(1) <= x.start < offset for x in meeting.mentions):
        return None
    return " ".join(words)


def action_of(c: Candidate) -> str:
    """The committed action: the words after the commitment verb, else the sentence."""
    text = _bare(c.text)
    if (reported := _reported_commitment(text)) and re.search(MODAL, text[:reported[1]]):
        text = text[reported[1]:]  # "In response to how X would impact …, officers would create …": not the first
    # an undertaking is the commitment, not a modal before it ("asked how the grant would be monitored, and Ms Kaur
    # agreed to circulate ...")
    m = re.search(UNDERTAKING + r"\s+(.*)$", text)
    # "The Committee AGREED to invite the Head of Service to return …": the invited party acts (see owner_of)
    m = m or re.search(r"\b(?:AGREED|RESOLVED)\s+to\s+(?:invite|ask|instruct)\s+(?:[A-Za-z][\w'\u2019&-]*\s+){1,8}?"
                       r"to\s+([a-z]+\b.*)$", text)
    m = m or re.search(r"\b(?:agreed|offered|undertook|promised|requested|asked|invited|encouraged)\s+to\s+(.*)$|"
                  r"\b(?:would|will)" + ASIDE + r"\s+(.*)$|\bto\s+(?:request|ask)\s+that\s+(.*)$|"
                  r"\bOwner:.*?Status:[^\u2013\u2014]*"
                  r"[\u2013\u2014]\s*(.*)$", text, re.IGNORECASE)
    action = next((g for g in (m.groups() if m else ()) if g), None)
    if action is None and (m := REQUEST_ACTION.search(text)):
        action = m.group(1)  # "asked all partners to adopt …", "asked the Head of Service to take …"
    if action is None and (m := re.search(r"\bdelegate\s+([a-z]+ing\b.*?)\s+to\s+(?:the\s+)?[A-Z]", text)):
        action = m.group(1)  # "delegate finalising any response to the settlement to the Director ..."
    if action is None and (m := DELEGATED_ACTION.search(text)):
        action = m.group(1)  # "delegated to the Head of Service to allocate …", "be authorised, …, to make …"
    if action is None and (m := ACTION_OWNER_LABELLED.match(text) or ACTION_LINE.match(text)
                           or INTENTION.search(text)):
        action = text[m.end() - len(m.group(0).split()[-1]):]  # "JP to update …", "stated her intention, …, to bring"
    if action is None:  # "that the Chair write to …": from the subjunctive verb on
        m = re.match(r"^(?:[Tt]hat\s+)?" + NP + r"\s+(" + ACT_VERBS + r"\b.*)$", text) or \
            re.search(r"\b(?:agreed|asked|request(?:s|ed)?)\s+that\s+(?:" + NP + "|" + LOWER_BODY
                      + r"|he|she|they)\s+(" + ACT_VERBS + r"\b.*)$", text) or \
            re.search(r"\bagreed\s+that\s+" + NP + r"\s+should\s+([a-z]+\b.*)$", text)
        action = m.group(m.lastindex) if m else text
    return action.rstrip(" .;")
