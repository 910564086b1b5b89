"""Entities: people, roles and organisations of a meeting, on spaCy.

:func:`annotate` runs the entity pipeline (:mod:`.nlp`) over a segmented
meeting's text and fills ``meeting.mentions`` (PERSON / ROLE / ORG spans with
offsets), ``meeting.people`` (gold-schema records plus ``person_id`` and
mention offsets), ``meeting.organisations`` (name, acronym expansion) and
``meeting.acronyms``.  Identity across meetings is :mod:`.registry`'s job.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..models import verify
from ..schema import Document, Meeting, Mention
from .attendance_details import is_job_word
from .bilingual import without_welsh
from .bodies import (
    cabinet_named,
    council_by_acronym,
    header_bodies,
    host_council,
    names_a_council,
    organisations,
    sole_council,
    spelled_out,
)
from .lexicon import load_lexicon
from .linking import link_person
from .names import parse_name
from .nlp import build_pipeline
from .people import TIER_ROLE, TIERS, PersonMention, acronym_definitions, cluster_people

ROLE_SUFFIXES = {"MP", "MEP", "MSP", "MS", "AM"}  # post-nominals that are seats, not honours
MODELS_DIR = Path(__file__).resolve().parents[2] / "models" / "entities"


def newest_model(models_dir: Path = MODELS_DIR) -> Path | None:
    """The newest trained entity model folder (``models/entities/<date>/``), if any."""
    if not models_dir.is_dir():
        return None
    found = sorted(p for p in models_dir.iterdir() if (p / "meta.json").is_file() and (p / "model").is_dir())
    return found[-1] if found else None


@lru_cache(maxsize=4)
def get_pipeline(model: str | None = "auto") -> Language:
    """The entity pipeline.

    ``model="auto"``: the ``MINUTES_ENTITY_MODEL`` environment variable if set (a model folder, or
    ``none`` for rules only), else the newest shipped model whose meta.json says it beat the rules.
    Model folders are checked against the file hashes in their meta.json before loading.
    """
    labels: tuple[str, ...] = ("PERSON", "ORG")
    if model == "auto":
        env = os.environ.get("MINUTES_ENTITY_MODEL")
        if env:  # "path/to/model[:ORG,PERSON]" or "none"
            path, _, wanted = env.partition(":")
            model = None if path.lower() == "none" else path
            labels = tuple(wanted.split(",")) if wanted else labels
        else:
            found = newest_model()
            meta = verify(found) if found is not None else {}
            model = str(found / "model") if meta.get("use_model") else None
            labels = tuple(meta.get("model_labels", labels))
    elif model is not None and (Path(model).parent / "meta.json").is_file():
        labels = tuple(verify(Path(model).parent).get("model_labels", labels))
    return build_pipeline(model, labels)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")
LABEL_LINE = re.compile(r"^\s*[A-Z][\w'\u2019 -]{0,40}:\s*$")


def unwrap(text: str) -> str:
    """``text`` with the line breaks that wrap a paragraph (a line about as long as the text's long lines)
    turned into spaces; a short line (a list entry, a heading, a menu) and a label line ("Officers:") keep
    their breaks, so that no name runs on into the next line; so do the rows of a table dumped as text."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    wrap_width = 0.6 * lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0

    def join(m: re.Match) -> str:
        prev = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        end = text.find("\n", m.end())
        nxt = text[m.end():end if end >= 0 else len(text)]
        table_row = " | " in prev or " | " in nxt  # a table dumped as text: each row its own line
        return "\n" if len(prev) < wrap_width or table_row or LABEL_LINE.match(prev) or LABEL_LINE.match(nxt) \
            else " "

    return SINGLE_NEWLINE.sub(join, text)


LEADER = re.compile(r"(?: ?\.{4,}| \.{2,3})(?= \S)")


def without_leaders(text: str) -> str:
    """``text`` with each dot leader of a two-column list ("Jo Reed, Area Manager ...... Victim Support") turned
    into a comma and spaces, same length: the columns then read as "Name, Role, Body"."""
    return LEADER.sub(lambda m: "," + " " * (len(m.group(0)) - 1), text) if "..." in text else text


def process(nlp: Language, text: str, attendance: list[tuple[int, int, str]] | None) -> Doc:
    """Run the pipeline over ``text``.

    Line breaks inside paragraphs (PDF wrapping) must not split a name, so the
    pipeline sees those newlines as spaces (:func:`unwrap`) — same length, same offsets; the
    text (dot leaders read as commas, :func:`without_leaders`; the Welsh side of bilingual minutes blank,
    :func:`.bilingual.without_welsh`) stays in ``doc.user_data["text"]`` for the
    line-based list parser.
    """
    text = without_welsh(without_leaders(text))
    doc = nlp.make_doc(unwrap(text))
    doc.user_data["text"] = text
    if attendance is not None:
        doc.user_data["attendance"] = attendance
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _span_text(doc: Doc, value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return " ".join(doc.user_data.get("text", "")[value[0]:value[1]].split())  # doc.text rebuilds the string
    return " ".join(value.text.split())


def implied_role(name) -> str | None:
    """The role a name carries itself: a rank ("Chief Inspector X", "DI X" -> "Detective Inspector (DI)") or a seat
    ("Dr Roz Savage MP")."""
    if name.rank:
        full = load_lexicon().rank_full.get(name.rank.lower())
        return f"{full} ({name.rank})" if full else name.rank  # the expansion, and the form as written
    return next((s for s in name.suffixes if s.upper() in ROLE_SUFFIXES), None)


SEAT_WORDS = {"member", "members", "representative"}  # a seat on the body, not the post a rank goes with


def _is_post(stated: str) -> bool:
    """"Head of Public Protection", "District Commander": a post of its own, which the rank before the name adds
    nothing to (not "representing Area Manager X", nor a seat: "Designated Member")."""
    lex = load_lexicon()
    return stated[:1].isupper() and any(is_job_word(w, lex) and w.lower() not in SEAT_WORDS for w in stated.split())


CHAIR_ROLE = re.compile(r"\bChair(?:man|woman|person)?\b|\bin the Chair\b", re.IGNORECASE)


def role_of(name, stated: str | None) -> str | None:
    """The role the text gives a person: the post stated beside the name ("Chief Inspector Mark Stanhope, District
    Commander" -> "District Commander"), the rank and a unit stated beside it ("DI Jo Bell, Exploitation Team" ->
    "Detective Inspector (DI), Exploitation Team"), or the rank the name carries."""
    implied = implied_role(name)
    stated = re.sub(r"^(?:new|newly appointed)\s+", "", stated) if stated else stated  # "the new District Commander"
    if not stated:
        return implied
    whole = f"{stated} {name.rank}"  # "Police and Crime" + "Commissioner Jo Bell": one job, split by the name's rank
    if name.rank and whole.lower() in load_lexicon().roles_and_ranks_lower:
        return whole
    if name.rank and implied and implied.split(" (")[0].lower() not in stated.lower() \
            and not CHAIR_ROLE.search(stated) and not _is_post(stated):
        # "DI X, Vulnerability Hub": the rank, then the unit (not "DCI M. Purves" as "Detective Chief Inspector,
        # Public Protection Unit": the post gives the rank)
        return f"{implied}, {stated}"
    return stated  # "Chair", "Vice-Chairman": the office held at the meeting; "Head of Public Protection": the post


TIER = re.compile(rf"\b({TIERS})\s+$")


def tier_councillor(text: str, start: int, mention: str) -> str | None:
    """"District Councillor Peter Armitage" at a parish meeting: a member of another council, which is the
    post he attends in (a bare "Councillor" is an honorific, as in the real gold)."""
    if re.match(r"(?:Councillor|Cllr)\b", mention) and (tier := TIER.search(text, max(0, start - 12), start)):
        return f"{tier.group(1)} Councillor"
    return None


# "Cllr Jo Bell (Dunsmoor City Council) (substitute for Cllr Ann Lee)", "Jo Bell (NHS Trust, substitute)", "Cllr Jo
# Bell attended as a substitute"; not "Cllr Ann Lee (Cllr Bell substituting)"
SUBSTITUTE_AFTER = re.compile(r"(?:\s*\([^()]*\))*\s*(?:\((?:[^()]*[,;])?\s*substitut"
                              r"|,?\s*(?:who\s+)?(?:attended|was present|sat)\s+as\s+(?:a\s+|the\s+)?substitute\b)",
                              re.IGNORECASE)


def substituting(text: str, end: int) -> str | None:
    """"substitute": the post of a member who sits in another's place, as the text says right after the name (the
    gold gives it as the role where the text gives no other)."""
    return "substitute" if SUBSTITUTE_AFTER.match(text, end, end + 200) else None


# "Councillor X be appointed as the Council's representative on the Y Partnership", "appoint Councillor X as its
# representative on the Y": the seat the body gives them
REPRESENTATIVE_AFTER = re.compile(
    r"\s+(?:(?:be|was|were|is)\s+)?(?:(?:re-?)?appointed\s+)?as\s+(?:the\s+|its\s+|their\s+)?"
    r"((?:[A-Z][\w\u2019'-]*['\u2019]s\s+)?representative\s+(?:on|to)\s+(?:the\s+)?[A-Z][\w\u2019'&-]*"
    r"(?:\s+(?:[A-Z][\w\u2019'&-]*|and|of|for|the))*)")


def representative(text: str, end: int) -> str | None:
    """"representative on the Y Partnership": the post of a member the body appoints to another body's seat."""
    m = REPRESENTATIVE_AFTER.match(text, end, end + 300)
    return re.sub(r"(?:\s+(?:the|and|of|for))+$", "", " ".join(m.group(1).split())) if m else None


def own_tier(role: str | None, header: list[str]) -> bool:
    """Is ``role`` ("County Councillor") a seat on the council whose own meeting this is ("WENDMOOR COUNTY
    COUNCIL" above the minutes)?  Then it is the members' plain membership, not a post."""
    tier = TIER_ROLE.fullmatch(role or "")
    return bool(tier) and any(b.endswith(f" {tier.group(1)} Council") for b in header)


def annotate(meeting: Meeting, document: Document, nlp: Language | None = None) -> Meeting:
    nlp = nlp or get_pipeline()
    attendance = [(a.start, a.end, a.kind) for a in meeting.meeting.attendance]
    if meeting.meeting.contact_span:
        attendance.append((meeting.meeting.contact_span.start, meeting.meeting.contact_span.end, "contact"))
    doc = process(nlp, document.text, attendance)
    roles = list(doc.spans["roles"])
    orgs = [e for e in doc.ents if e.label_ == "ORG"]
    links = doc.user_data.get("attendance_links", {})
    lex = load_lexicon()
    mentions: list[PersonMention] = []
    inferred: list[Span] = []
    meeting.mentions = []
    for ent in doc.ents:
        page = document.page_at(ent.start_char)
        meeting.mentions.append(Mention(document.text[ent.start_char:ent.end_char], ent.start_char, ent.end_char,
                                        page, label=ent.label_))
        if ent.label_ != "PERSON":
            continue
        name = parse_name(ent.text, lex)
        if name is None:
            continue
        pm = PersonMention(name, ent.start_char, ent.end_char)
        if (ent.start, ent.end) in links:
            role, org, alias, kind, pm.listed = links[(ent.start, ent.end)]
            pm.role, pm.org, pm.from_attendance, pm.kind = _span_text(doc, role), _span_text(doc, org), True, kind
            pm.alias = _span_text(doc, alias)
            pm.role = role_of(name, pm.role)
        else:
            link = link_person(doc, ent, roles, orgs)
            pm.role = role_of(name, _span_text(doc, link.role))
            pm.org = _span_text(doc, link.org)
            if isinstance(link.org, Span) and all(link.org.start != o.start for o in orgs):
                inferred.append(link.org)  # a body named only by its place in "Name, Role, Body,"
        pm.role = pm.role or tier_councillor(document.text, ent.start_char, ent.text) or \
            substituting(document.text, ent.end_char) or representative(document.text, ent.end_char)
        mentions.append(pm)
    for r in roles:
        meeting.mentions.append(Mention(document.text[r.start_char:r.end_char], r.start_char, r.end_char,
                                        document.page_at(r.start_char), label="ROLE"))
    meeting.mentions.sort(key=lambda m: (m.start, m.label))
    committee = meeting.meeting.committee
    body_start = meeting.items[0].start if meeting.items else min(len(document.text), 2000)
    header = header_bodies(document.text[:body_start])
    host = host_council(header, committee) or sole_council([o.text for o in orgs], header, committee)
    employer = None  # "KCC" throughout and no council above the minutes: its officers are Kent County Council's
    if not names_a_council(header) and \
            (employer := council_by_acronym(document.text, doc.user_data.get("places", set()), lex.glossary)):
        header.append(employer)
    meeting.acronyms = acronym_definitions(document.text)
    meeting.people = []
    for cluster in cluster_people(mentions):
        rec = cluster.to_record(committee, host, employer)
        rec["person_id"] = slug(rec["name"])
        rec["organisation"] = spelled_out(rec["organisation"], meeting.acronyms, lex.glossary)
        if own_tier(rec["role"], header):
            rec["role"] = None
        meeting.people.append(rec)
    if (cabinet := cabinet_named(doc)) is not None and all(o.start != cabinet.start for o in orgs):
        inferred.append(cabinet)
    for span in inferred:
        meeting.mentions.append(Mention(document.text[span.start_char:span.end_char], span.start_char, span.end_char,
                                        document.page_at(span.start_char), label="ORG"))
    meeting.mentions.sort(key=lambda m: (m.start, m.label))
    orgs = sorted(orgs + inferred, key=lambda s: s.start)
    meeting.organisations = organisations(orgs, committee, meeting.acronyms, lex.glossary, header)
    return meeting


__all__ = ["annotate", "get_pipeline", "newest_model", "process"]
