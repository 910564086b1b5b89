"""Entries of an attendance list that give a post with the person: "Chief Fire Officer (M Tindall)", "Director of
Adult Social Care (Kelmscar County Council) – Simon Ibbotson", "; the Deputy Mayor, Cllr X;", and the labels that
head a line or a group ("Dunsterley County Council: ...", "Co-opted Members: ...")."""

from __future__ import annotations

import re

from ..segment.layout import rules as segment_rules
from .attendance_details import (
    SEAT_KIND,
    Attendee,
    is_job_word,
    is_role_word,
    known_body,
    looks_like_org,
    read_details,
    trimmed,
)
from .attendance_names import SURNAME_FIRST, WORD, name_extent
from .lexicon import Lexicon

LINE_LABEL = re.compile(r"([A-Z][^:|()\n]{2,60}?)\s*(\([^()\n]*\))?\s*[:|]\s+(?=\S)")
# "Morlais Police / Heddlu Morlais - DCI Selyf Bufton (SB), Public Protection; ...": a body, a dash, its people
NOTE_TAKER_LABELS = {"notes", "note taker", "note-taker", "notetaker", "minute taker", "minute-taker",
                     "minutes taken by", "notes taken by"}
FOR_BODY = re.compile(r"For\s+(?:the\s+)?(?=[A-Z])")  # "For the Office of the Police and Crime Commissioner:"
BODY_DASH = re.compile(r"([A-Z][^:()\n\u2013\u2014;,]{2,80}?)\s+[-\u2013\u2014]\s+(?=\S)")


def line_label(text: str, a: int, b: int, lex: Lexicon) -> tuple[str, tuple[int, int], int] | None:
    """"Dunsterley County Council: Mrs J Kellow CC, ...", "Independent Person (non-voting): Mr G Scholey": a line of
    a list that opens with the body its people represent, or the seat they fill, then a colon; or with the group
    they belong to ("Councillors: ...").  Returns ("org", "role" or "group", the label's span, where the names
    start)."""
    a, b = trimmed(text, a, b)
    m = LINE_LABEL.match(text, a, b)
    bracket = bool(m and m.group(2))
    if not m and (dash := BODY_DASH.match(text, a, b)) and not name_extent(text, dash.start(1), dash.end(1), lex) \
            and name_extent(text, dash.end(), b, lex):
        m = dash  # "Morlais Police – DCI ...", "Independent co-opted members – Mrs M. Vigrass; Mr J. Clee"
    if m and m.re is LINE_LABEL and text[m.start(1):m.end(1)].lower() in NOTE_TAKER_LABELS \
            and name_extent(text, m.end(), b, lex):
        return "group", (m.start(1), m.end(1)), m.end()  # "Notes: E. Shipside, YJS Business Support": no post
    if not m or name_extent(text, m.start(1), m.end(1), lex) or name_extent(text, m.end(), b, lex) is None \
            and not SURNAME_FIRST.match(text, m.end(), b):  # "Independent Person: Winspear, G."
        return None
    label = text[m.start(1):m.end(1)]
    if (on_behalf := FOR_BODY.match(label)) and looks_like_org(label[on_behalf.end():], lex):
        return "org", (m.start(1) + on_behalf.end(), m.end(1)), m.end()  # "For Wendlestone Constabulary \u2013 ..."
    if looks_like_org(label, lex):
        return "org", (m.start(1), m.end(1)), m.end()
    words = WORD.findall(label)
    if SEAT_KIND.fullmatch(label):
        return "group", (m.start(1), m.end(1)), m.end()  # "Officer: Mrs F. Oxenbury, Clerk": a kind of seat, no post
    if names_post(words, lex):
        # "Independent Person (non-voting): Mr G Scholey"; but "Leader of the Council \u2013 Cllr J. Hogben; Director
        # of Adult Social Services \u2013 T. Pratley": seats and their holders, read entry by entry
        return None if m.re is BODY_DASH else ("role", (m.start(1), m.end(1)), m.end())
    if label.lower() in lex.plural_titles or segment_rules()["attendance_sublabel"].match(label):
        return "group", (m.start(1), m.end(1)), m.end()  # "Councillors: A, B and C", "Co-opted Members: ..."
    if len(words) <= 3 and words[-1].endswith("s") and all(w[:1].isupper() for w in words):
        # "Designated Organisations: Chief Inspector X (PSNI), ...": a group of some other kind, which still opens
        # a part of the list of its own (no post from it: plural_role finds none)
        return "group", (m.start(1), m.end(1)), m.end()
    if len(words) <= 3 and not bracket:
        return "group", (m.start(1), m.end(1)), m.end()  # "Health: Dr X (IW) - ...", "Criminal justice: ...": a sector
    return None


def names_post(words: list[str], lex: Lexicon) -> bool:
    """Do a label's words name one person's post: a short one that a job word ends ("Deputy Town Mayor"), a job
    of the role vocabulary ("Independent Person"), or one that a job word opens with its field ("Head of
    Community Safety and Licensing") or a second post ("Clerk and RFO") after it?"""
    return bool(words) and (len(words) <= 4 and is_job_word(words[-1], lex)
                            or " ".join(words).lower() in lex.roles_lower
                            or len(words) >= 3 and is_job_word(words[0], lex)
                            and words[1].lower() in ("of", "and", "to", "for"))


def post_before_name(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """"the Deputy Mayor" opening an entry of a list ("...; the Deputy Mayor, Cllr Rashid Malik; ..."): a post
    with its article and no name, which the name after it holds; the post's span without the article."""
    a, b = trimmed(text, a, b)
    m = re.match(r"[Tt]he\s+", text[a:b])
    words = text[a:b].split()
    if not m or len(words) < 2 or "(" in text[a:b] or name_extent(text, a, b, lex):
        return None  # (not "The Mayor (Councillor X) in the Chair": the holder is in the brackets)
    known = text[a + m.end():b].lower() in lex.roles_and_ranks_lower or is_job_word(words[-1], lex)
    return (a + m.end(), b) if known else None


COUNCILLOR_GROUPS = {"political", "elected", "councillor", "council"}  # "Political Members": councillors, no post


def plural_role(text: str, role: tuple[int, int] | str | None, lex: Lexicon) -> str | None:
    """A job written in the plural ("Independent Co-opted Members", "Honorary Aldermen"), in the singular; else
    None ("Political Members", "Elected Members" are councillors, who hold no post by it)."""
    words = (text[role[0]:role[1]] if isinstance(role, tuple) else role or "").split()
    if not words or is_role_word(words[-1], lex) or words[0].lower() in COUNCILLOR_GROUPS:
        return None
    if words[-1].endswith("men") and lex.is_title(singular := words[-1][:-3] + "man"):
        return " ".join([*words[:-1], singular])  # "Honorary Aldermen": an honorific office
    if not words[-1].endswith("s") or not is_role_word(words[-1][:-1], lex):
        return None
    return " ".join([*words[:-1], words[-1][:-1]])


GROUP_LABEL = re.compile(r"((?:[\w'\u2019-]+\s+){1,3}?[\w'\u2019-]+s)\s*:?\s+")


def group_label(text: str, a: int, b: int, lex: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """"independent co-opted members Dr Rebecca Fanshawe", "Co-opted Members: Rebecca Fanshawe": words naming
    a group of the list (a plural job word after at least one qualifier), then a name.  Returns the group's
    role in the singular ("independent co-opted member") and the name's extent."""
    m = GROUP_LABEL.match(text, a, b)
    role = plural_role(text, (m.start(1), m.end(1)), lex) if m else None
    extent = name_extent(text, m.end(), b, lex) if role else None
    return (role, extent) if extent else None


# "The Mayor (Councillor Mrs P. Thirkell) in the Chair": the office held at the meeting may follow
JOB_THEN_NAME = re.compile(r"([^()]+?)\s*\(([^()]+)\)\s*(?:in\s+the\s+[Cc]hair\s*)?")


def job_then_name(text: str, a: int, b: int, kind: str, lex: Lexicon) -> Attendee | None:
    """"Chief Fire Officer (M Tindall)", "Treasurer to the Authority (Mrs P A Gosling)": the job outside the
    bracket, the person inside it (the printed-minutes habit of listing officers by post)."""
    m = JOB_THEN_NAME.fullmatch(text, a, b)
    if not m:
        return None
    job = m.start(1) + (the.end() if (the := re.match(r"The\s+", m.group(1))) else 0)  # "The Mayor (...)"
    words = WORD.findall(text[job:m.end(1)])
    if not words or not (any(is_role_word(w, lex) for w in words) or words[0] in lex.one_word_roles):
        return None  # "Treasurer to the Authority": a job that opens with a one-word title
    outside, inside = name_extent(text, job, m.end(1), lex), name_extent(text, m.start(2), m.end(2), lex)
    if outside is not None or inside is None or inside[1] < m.end(2) - 1:
        return None  # a name outside ("Jo Bloggs (Chair)"), or more than a name inside
    return Attendee(inside[0], inside[1], role=(job, m.end(1)), kind=kind)


def post_body_then_name(text: str, a: int, b: int, kind: str, lex: Lexicon) -> Attendee | None:
    """"Chief Finance Officer, OPCC (Mrs F. Harrod)": a whole entry that gives the post, its body after a comma,
    then the person in brackets (read before the entry is split at its commas)."""
    att = job_then_name(text, a, b, kind, lex)
    if att is None or not isinstance(att.role, tuple) or (cut := text.rfind(",", *att.role)) < 0:
        return None
    body = trimmed(text, cut + 1, att.role[1])
    if not (looks_like_org(text[body[0]:body[1]], lex) or known_body(text[body[0]:body[1]], lex)):
        return None
    att.role, att.org = trimmed(text, att.role[0], cut), body
    return att


NAME_ENDS = re.compile(r"\s*(?:[,(;:]|$)")  # what follows a whole name: its details, or nothing
# "Lead Officer, Adult Protection      L. Mitchelhill" (a post wrapped over two lines, joined, too)
POST_GAP = re.compile(r"([^\t]+?)(?:\t+| {3,})(?=\S)")
# "Post – Name", and "Post | Name" (a table row's cells)
POST_DASH = re.compile(r"([^\u2013\u2014|]+?)\s+[\u2013\u2014|-]\s+(?=\S)")
# "Treasurer to the Authority H. Latham", "Democratic Services Officer (minutes) R. Pigrome": pdf text of two columns,
# the post and then initials and a surname at the line's end, one space between
POST_SPACE = re.compile(r"(.+?)\s(?=(?:[A-Z]\.\s?){1,3}[A-Z][\w'\u2019-]+(?:\s+[A-Z]{2,6})*(?:\s*\([^()]*\))?\s*$)")


def post_then_name(text: str, a: int, b: int, kind: str, lex: Lexicon) -> Attendee | None:
    """"Director of Adult Social Care (Kelmscar County Council) – Simon Ibbotson", "Independent Chair – Dr Ann Hale
    (Chair)": a line that gives the post, its body in brackets, a dash, then the person (boards that list their
    members by the seat they fill).  The post is the role whatever the notes after the name say."""
    a, b = trimmed(text, a, b)
    m = POST_DASH.match(text, a, b) or POST_GAP.match(text, a, b)
    if m is None and (m := POST_SPACE.match(text, a, b)) is not None:
        words = WORD.findall(m.group(1))
        if lex.rank_length(words) == len(words) or name_extent(text, m.start(1), m.end(1), lex) \
                or ":" in m.group(1) or lex.is_title(words[-1].rstrip(".")):
            return None  # "Chief Inspector J. Hale": a rank is the name's title; "Clerk: Mrs C. Penn": a label
    if not m or (first := name_extent(text, m.start(1), m.end(1), lex)) and NAME_ENDS.match(text, first[1], m.end(1)):
        return None  # "Cllr Jo Bell – Chair": the name comes first (not "Modern Slavery and Exploitation Co-ordinator")
    post_end = text.find("(", m.start(1), m.end(1))
    post = trimmed(text, m.start(1), m.end(1) if post_end < 0 else post_end)
    if text[post[1] - 1:post[1]] == ",":  # "Chief Social Work Officer ........ Ms R. Leishman": a leader read as ","
        post = trimmed(text, post[0], post[1] - 1)
    body = None
    if (cut := text.rfind(",", *post)) >= 0 and looks_like_org(text[cut + 1:post[1]].strip(), lex):
        # "Director of Adult Social Care, Hollinsmere County Council – S. Burtenshaw (SB)": the post's body after it
        body, post = trimmed(text, cut + 1, post[1]), trimmed(text, post[0], cut)
    words = WORD.findall(text[post[0]:post[1]])
    extent = name_extent(text, m.end(), b, lex)
    if extent is None or not (any(is_job_word(w, lex) for w in words) or lex.rank_length(words)
                              or " ".join(words).lower() in lex.roles_and_ranks_lower) \
            or looks_like_org(text[slice(*post)], lex) and not lex.rank_length(words) \
            or FOR_BODY.match(text, *post):  # "For the Office of the Police and Crime Commissioner \u2013 ..."
        # "Treasurer (to the Authority) – Islwyn Voyle" too; but a rank opens a post ("Detective Chief Inspector,
        # Public Protection Unit")
        return None
    att = Attendee(extent[0], extent[1], role=post, kind=kind)
    bracket = Attendee(post[1], post[1])
    read_details(text, post[1], m.end(1), lex, bracket)  # "(Kelmscar County Council)": the post's body
    after = Attendee(extent[1], extent[1])
    read_details(text, extent[1], b, lex, after)  # "(AB)", "(Calder Police)"
    att.org, att.alias = body or bracket.org or after.org, after.alias
    return att
