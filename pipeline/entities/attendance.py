"""Attendance lists: "PRESENT: Mr R W Gough (Chairman), Mr N Baker, ..." into people with roles.

Two shapes occur.  Running lists separate people with commas, semicolons and
"and", with the role in brackets ("Mr J Cook (Democratic Services Manager)")
or after a comma ("Sue Chandler, Cabinet Member for ..."); honours after a
comma ("Sir Paul Carter, CBE") belong to the name before.  One-per-line lists
put each person on a line: "Sarah Whitlam (SW) Director of Children's
Services, Calderbrook MBC (Chair)" or "Cllr Imran Sadiq (IS) – Chair – Eastvale
Borough Council".  Both give :class:`Attendee` records with character offsets.
"""

from __future__ import annotations

import re

from ..segment.layout import initials_only
from ..segment.layout import rules as segment_rules
from .attendance_details import (
    ALL_OF,
    ALL_OF_NOTE,
    AS_SUBSTITUTE,
    CHAIR_FOR_PART,
    SUBSTITUTING_FOR,
    TITLE_ROLES,
    TRAILING_NOTE,
    Attendee,
    add_body,
    department_after_job,
    ignored_note,
    looks_like_org,
    post_to_body,
    read_details,
    trimmed,
)
from .attendance_labels import body_of_label, label_people
from .attendance_lines import LEADER_END, body_headings, logical_lines
from .attendance_names import initials_key, name_extent, starts_name, surnames_first, trailing_initials
from .attendance_pieces import AND, COUNTED, top_level_pieces
from .attendance_posts import (
    group_label,
    job_then_name,
    line_label,
    plural_role,
    post_before_name,
    post_body_then_name,
    post_then_name,
)
from .attendance_rows import give_body, read_row
from .attendance_table import body_first_row, rows_by_column, stacked_rows
from .lexicon import Lexicon, load_lexicon
from .people import COUNCILLOR

FOR_BODY_PIECE = re.compile(r"(?:for|representing)\s+(?:the\s+)?(\S[^,;()]{1,80})")  # "for Police Scotland"
COUNCILLORS = re.compile(r"(?:Councillors|Cllrs)\b\.?")  # a list of members: each entry's bracket is a ward

INITIALS_THEN_SURNAME = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z'\u2019-]+\b")  # "B. Frimpong", "J.P. Hale"
DASH_BEFORE = re.compile(r"\s[-\u2013\u2014]\s+$")  # "... (Lab) - Haxwick Council": the dash before a line's body
AFTER_BRACKET = re.compile(r"\s*\([^()]*\)\s*,\s*")  # "(Neighbourhood Policing Team), ": a body after the bracket
# the last word of a whole body, not a unit of one ("Service Manager (Justice and Youth Services)" is one post)
BODY_HEAD = re.compile(r"\b(?:Council|Constabulary|Police|Trust|Authority|Board|Partnership|Commissioner)$")


def parse_attendance(text: str, start: int, end: int, kind: str = "present",
                     lex: Lexicon | None = None) -> list[Attendee]:
    """People in the attendance list ``text[start:end]`` (which begins with its label)."""
    lex = lex or load_lexicon()
    first_line = text[start:end].split("\n", 1)[0]
    if initials_only(text[start:end]):
        return []  # "Present: FM (co-chair), RO, MK*, NMcT": the key to the initials names them
    org_label = None
    if kind == "contact":  # the header's "Contact:" value, label already removed
        body_start = start
    elif ":" in first_line:
        body_start = start + first_line.find(":") + 1
        org_label = body_of_label(text, start, body_start - 1, lex)
    else:  # a label alone on its line ("Present"), or the body the people below represent ("Harlmoor Constabulary")
        body_start = start + len(first_line)
        org_label = body_of_label(text, start, body_start, lex)
    out: list[Attendee] = []
    end = _before_narrative(text, body_start, end, lex)
    table = rows_by_column(text, body_start, end) or stacked_rows(text, body_start, end)
    if table is None and body_start > start and kind != "contact":
        table = rows_by_column(text, start, end)  # no label: the table's own heading row opens the list
    if table:  # "Organisation | Name (initials) | Designation"
        rows, body_start = table
        for row in rows:
            out.extend(read_row(text, row, lex, lambda a, b: _people_in(text, a, b, kind, lex)))
    lines = logical_lines(text, body_start, end, lex)
    heading, since = None, 0  # "OFFICERS \u2013 X Council:" on a line of its own: the body of the lines below
    own_label_until: int | None = None  # where the people of the first line with a label of its own start
    headings = body_headings(text, lines, lex, labelled=org_label is not None)
    for k, (la, lb) in enumerate(lines):
        if text[la:lb].rstrip().endswith(":") and name_extent(text, *trimmed(text, la, lb), lex) is None:
            if heading:
                label_people(text, out[since:], heading)
            heading, since = body_of_label(text, la, text.rindex(":", la, lb), lex), len(out)
            continue
        if (body := headings.get(k)) is not None:
            if heading:
                label_people(text, out[since:], heading)
            heading, since = body, len(out)  # "Brenmoorshire Police" / "DCI Adeel Stenhouse, ...": no colon
            continue
        if (len(lines) > 1 or org_label or LEADER_END.search(text, la, lb)) and \
                (by_post := post_then_name(text, la, lb, kind, lex)):
            # "Head of Safeguarding (Calder NHS Trust) – Jo Bell": commas inside the post; one such line under a
            # body's heading ("HMP Llanfedwen" / "Head of Reducing Reoffending – Jo Bell"), or alone with a dot
            # leader ("Independent Chair ........ Mr X"), too
            out.append(by_post)
            continue
        if row := body_first_row(text, la, lb, lex):  # "Police Scotland <tab> Insp R. Stark (...) <tab> RS"
            body, (pa, pb), alias = row
            read = _read_aliased(text, pa, pb, kind, lex, out, True, text[slice(*alias)] if alias else None)
            give_body(text, read[:1], body, lex)
            continue
        if key := initials_key(text, la, lb, lex, kind.startswith("key_to")):
            _read_aliased(text, key.end(), lb, kind, lex, out, len(lines) == 1, key.group(1))
            continue
        if row := trailing_initials(text, la, lb, lex):  # "Freja Hildred Head of Safeguarding FH"
            name_end, tail = row
            att = Attendee(trimmed(text, la, lb)[0], name_end, kind=kind, alias=tail.group(1))
            read_details(text, name_end, tail.start(), lex, att)
            out.append(att)
            continue
        label = line_label(text, la, lb, lex)  # "Dunsterley County Council: Mrs J Kellow CC, Mr D Trenowith CC"
        before = len(out)
        if label and own_label_until is None:
            own_label_until = before  # the list's own label heads the lines before this one
        _read_line(text, label[2] if label else la, lb, kind, lex, out, len(lines) == 1,
                   listed=bool(label) and label[0] == "group")
        if label and label[0] == "group":  # "Co-opted Members:": in the singular, their seat ("Councillors:": none)
            label = ("role", shared, label[2]) if (shared := plural_role(text, label[1], lex)) else None
        if label:
            label_people(text, out[before:], label)
    if heading:
        label_people(text, out[since:], heading)
    if org_label:
        label_people(text, out[:own_label_until], org_label)
    return out


# "... and Joanna Wreford. Councillor Lewis Illingworth joined the meeting remotely": a sentence after the list
NARRATIVE_AFTER = re.compile(r"\.\s+(?=[A-Z][^.\n]{0,80}?\b(?:joined|left|arrived|attended|did\s+not|was|were)\b)")


def _before_narrative(text: str, start: int, end: int, lex: Lexicon) -> int:
    """Where the list ends if a sentence of narrative follows it on the same paragraph (not after a title
    or an initial: "Mrs. Jones", "J. Smith")."""
    for m in NARRATIVE_AFTER.finditer(text, start, end):
        word = re.search(r"[\w'\u2019-]+$", text[start:m.start()])
        if word and len(word.group(0)) > 1 and not lex.is_title(word.group(0)):
            return m.start() + 1
    return end


def _read_aliased(text: str, a: int, b: int, kind: str, lex: Lexicon, out: list[Attendee], only_line: bool,
                  alias: str | None) -> list[Attendee]:
    """The people of one line read into ``out`` (and returned), the first known also by ``alias``: the initials
    a key or a column gives ("GT  Gerwyn Toothill, ...", "... <tab> RS"), unless the line gave their own."""
    before = len(out)
    _read_line(text, a, b, kind, lex, out, only_line)
    for att in out[before:before + 1]:
        att.alias = att.alias or alias
    return out[before:]


def _people_in(text: str, a: int, b: int, kind: str, lex: Lexicon) -> list[Attendee]:
    """The people of one table cell, read as a line of its own."""
    found: list[Attendee] = []
    _read_line(text, a, b, kind, lex, found, True)
    return found


def _read_line(text: str, la: int, lb: int, kind: str, lex: Lexicon, out: list[Attendee], only_line: bool,
               listed: bool = False) -> None:
    """The people of one logical line of the list into ``out``: a list of people, or one person with details
    (``listed``: a group's label, "Councillors:", said it is a list)."""
    if inverted := surnames_first(text, la, lb, kind):
        out.extend(inverted)
        return
    pieces = top_level_pieces(text[la:lb], la, lex)
    while len(pieces) > 1 and COUNTED.match(text[slice(*trimmed(text, *pieces[-1]))]):
        pieces.pop()  # "... and four members of the public": counted, not named
        lb = pieces[-1][1]
    # one person per line: a further person on the line must open with a title or a known given name
    # ("Dr Ruth Okeke, Clinical Lead, Greywell CAMHS, Greywell and Hartsfield NHS Trust" is one person)
    stripped = [trimmed(text, *p) for p in pieces]
    named = [k for k, (a, b) in enumerate(stripped) if _names_someone(text, a, b, lex)
             and (only_line or k == 0 or _opens_name(text[a:b], lex))]
    # "Councillors Brangwyn, Cattermole and Hetherside" on a line of its own: the plural title makes it a list
    opening = text[slice(*stripped[0])].split() if stripped else []
    plural = listed or bool(opening) and opening[0].lower().rstrip(".:") in lex.plural_titles
    # "Cllr X (Y Council); the Governor, HMP Z": an entry its brackets close, then more entries after a ";" (not
    # any ";": with "Ms X, HMP Y; <post>, <body>" read so too, one blind held-out set lost a person's body)
    first_end = _entry_end(text, pieces, 0)
    # "Town Clerk and RFO – Mrs B. Dade; Deputy Town Clerk – Mr E. Scarfe": seats and their holders
    in_list = len(named) > 1 or (plural and len(pieces) > 1) or ";" in text[first_end:lb] and (
        named[:1] == [0] and text[la:first_end].rstrip().endswith(")")
        or post_then_name(text, la, first_end, kind, lex) is not None)
    group, prev_end, first, post, members, pair = None, la, len(out), None, False, False
    line_start = for_start = first
    for_body: tuple[int, int] | None = None
    for k, (a, b) in enumerate(pieces if in_list else [(la, lb)]):  # a list of people, or one person with details
        if a < prev_end:
            continue  # a piece of an entry read whole ("Assistant Director, Early Help – Jo Bell")
        opens_entry = prev_end == la or ";" in text[prev_end:a]
        entry_end = _entry_end(text, pieces, k) if in_list and opens_entry else None
        if entry_end is not None and (by_post := post_then_name(text, a, entry_end, kind, lex)
                                      or post_body_then_name(text, a, entry_end, kind, lex)):
            out.append(by_post)  # "...; Director of Public Health – Dr Ann Hale; ...": the seat, then its holder
            group, first, post, prev_end = None, len(out), None, entry_end
            continue
        if ";" in text[prev_end:a]:
            group, first = None, len(out)  # "Councillors A and B; co-opted members C and D": a group ends
            for_body = give_body(text, out[for_start:], for_body, lex)
        if opens_entry:  # "...; Councillors M Agbaje (Harnley), R Bellchambers (Pelsham)": members with wards
            members = COUNCILLORS.match(text, trimmed(text, a, b)[0]) is not None
        piece = trimmed(text, a, b)
        if in_list and opens_entry and (on_behalf := FOR_BODY_PIECE.fullmatch(text, *piece)):
            # "...; for Police Scotland, Chief Inspector R. Bathgate ... and Inspector A. Smellie; for ...": the body
            # of the people after it ("for the third sector": a sector, no body)
            for_body = on_behalf.span(1) if on_behalf.group(1)[:1].isupper() else None
            for_start, prev_end = len(out), b
            continue
        if in_list and len(out) > first and (every := ALL_OF.match(text, *piece)) \
                and looks_like_org(text[every.end():piece[1]], lex):
            for att in out[first:]:  # "D. Leslie (...), K. Heriot (...) and A. Peattie (...), all X Council"
                att.org = att.org or (every.end(), piece[1])
            prev_end = b
            continue
        if entry_end is not None and prev_end > la and _unnamed_seat(text, pieces, k, entry_end, out[line_start:], lex):
            prev_end = entry_end  # "X (Y Council); the Governor, HMP Z; ...": an absent seat's post, no one's detail
            continue
        if in_list and opens_entry and (post := post_before_name(text, a, b, lex)):
            prev_end = b  # "; the Deputy Mayor, Cllr Rashid Malik;": the post of the name after it
            continue
        before = len(out)
        joined = AND.fullmatch(text[prev_end:a]) is not None and len(out) > first
        # "...; Kuljit Dinnie, Throughcare Manager, HMP Craigenlaw, Scottish Prison Service; ...": in a list whose
        # entries end at ";", a piece inside an entry is a detail of its person, unless a title or given name
        # opens it ("Strathmellon", "Throughcare" are no surnames of their own)
        detail = (entry_end is None and ";" in text[la:lb] and not plural and not members
                  and len(out) > line_start and not _opens_name(text[slice(*trimmed(text, a, b))], lex))
        group = _add_entry(text, a, b, kind, lex, out, in_list, group, members, detail)
        for att in out[before:]:
            att.listed = plural or members
        if post and out and out[-1].role is None:  # the name after the post, else (no name came: "Jo Bell;
            out[-1].role = post  # the Chair, Westbridge Council") the name before it
        if len(out) == before + 1:
            pair = joined  # the person just read is joined to the one before by "and"
        if pair and isinstance(out[-1].org, tuple) and out[-2].org is None and (
                out[-2].role is None or AFTER_BRACKET.fullmatch(text, out[-1].end, out[-1].org[0])):
            # "Sergeant Matt Kitchingman and PCSO Kerry Swindlehurst (Tessingshire Police)", "Superintendent G.
            # Meakin (District Commander) and Inspector E. Paddon (Neighbourhood Policing Team), Carrowby
            # Constabulary": the body both work for
            out[-2].org = out[-1].org
        post, prev_end = None, b
        # a body in brackets after the last name that others share: everyone on the line before "(all X Council)"
        # ("A, Job; B, Job; and C, Job (all X Council)"), a plural title's group ("Councillors A, B and C (X)")
        shared_from = line_start if ALL_OF_NOTE.search(text, a, b) else first if (
            plural and len(out) > before and text[out[-1].end:b].lstrip().startswith("(")) else None
        if shared_from is not None and len(out) > shared_from and out[-1].org:
            for att in out[shared_from:-1]:
                att.org = att.org or out[-1].org
        if len(out) > before and (shared := plural_role(text, out[-1].role, lex)):
            # "C and D (Independent Co-opted Members)": the job of each person named since the last with
            # details of their own (or the group's start)
            out[-1].role = shared
            for att in reversed(out[first:-1]):
                if att.role is not None or att.org is not None:
                    break
                att.role = shared
    give_body(text, out[for_start:], for_body, lex)
    last = out[-1] if len(out) - first > 1 else None
    if in_list and last and isinstance(last.org, tuple) and last.org[1] == trimmed(text, la, lb)[1] \
            and DASH_BEFORE.search(text, max(la, last.org[0] - 4), last.org[0]):
        # "M. Crisfield (Con) (Vice-Chair), D. Eddolls (Lab) - Orlbridge Metropolitan Borough Council": the body
        # after a dash at the line's end is the council of everyone on the line (since a ";")
        for att in out[first:-1]:
            att.org = att.org or last.org


def _post_note(inner: str) -> bool:
    """A bracket after a body that gives the person's seat: "(Chair)", "(Chair from item 1)", "(as substitute for
    Councillor X)"."""
    return inner.lower() in TITLE_ROLES or bool(CHAIR_FOR_PART.fullmatch(inner) or AS_SUBSTITUTE.match(inner))


def _entry_end(text: str, pieces: list[tuple[int, int]], k: int) -> int:
    """Where the entry of a running list that opens with piece ``k`` ends: at the first ";" between pieces (the
    pieces split only outside brackets), or at the end of the last piece."""
    return next((b for (_a, b), (nxt, _b) in zip(pieces[k:], pieces[k + 1:], strict=False) if ";" in text[b:nxt]),
                pieces[-1][1])


def _unnamed_seat(text: str, pieces: list[tuple[int, int]], k: int, end: int, people: list[Attendee],
                  lex: Lexicon) -> bool:
    """Is the entry that opens with piece ``k`` (up to ``end``) a post no one is named in, after a person whose
    details the line already gave?  Then it is a seat of its own (an apology from "the Governor, HMP Z"), not a
    further detail of that person ("Jo Bell; the Chair, Westbridge Council" keeps its reading)."""
    if not people or (people[-1].role is None and people[-1].org is None):
        return False
    return not any(_names_someone(text, *trimmed(text, a, b), lex) for a, b in pieces[k:] if b <= end)


def _names_someone(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """Does the entry ``text[a:b]`` name a person, by name or as "<job> (<name>)"?"""
    return bool(name_extent(text, a, b, lex) or job_then_name(text, a, b, "present", lex))


def _opens_name(entry: str, lex: Lexicon) -> bool:
    words = entry.split()
    # "B. Frimpong": initials with their stops, then a surname, open a person's name as a title does
    return bool(words) and (starts_name(words[0], lex, words[1] if len(words) > 1 else "")
                            or INITIALS_THEN_SURNAME.match(entry) is not None)


def _add_entry(text: str, a: int, b: int, kind: str, lex: Lexicon, out: list[Attendee], in_list: bool,
               group: str | None = None, members: bool = False, detail: bool = False) -> str | None:
    """Read one entry of the list into ``out``; returns the group label in force after it (see
    :func:`group_label`), which gives its role to the people after it that state none.  ``members``: the entry is
    in a list of councillors ("Councillors A (Ward), B (Ward)"); ``detail``: the piece is a further detail of the
    person before it unless it names a person in two words or more."""
    a, b = trimmed(text, a, b)
    if segment_rules()["attendance_table_heading"].match(text[a:b]) or not re.search(r"\w", text[a:b]):
        return group  # "Name      Organisation      Role", "|------|------|": the headings and rules of a table
    if by_post := job_then_name(text, a, b, kind, lex):
        out.append(by_post)
        return group
    extent = name_extent(text, a, b, lex)
    if detail and extent is not None and len(text[extent[0]:extent[1]].split()) < 2:
        extent = None
    if extent is None and (labelled := group_label(text, a, b, lex)):
        group, extent = labelled
    if extent is None:
        # "Sue Chandler, Cabinet Member for ..., Kent County Council", "Sir Paul Carter, CBE": details of the
        # previous name (a job, then its body)
        if (note := TRAILING_NOTE.search(text, a, b)) and ignored_note(note.group(1)):
            b = note.start()  # "Office of the Police and Crime Commissioner (notes)", "X Police (item 4 only)"
        chunk = text[a:b]
        if out and in_list and b > a and not lex.is_suffix(chunk) and not re.match(r"^\d", chunk):
            if (m := re.fullmatch(r"(.+?)\s*\(([^()]+)\)", chunk)) and (
                    _post_note(m.group(2)) and looks_like_org(m.group(1), lex)  # "Jo Bell, Westbridge
                    or ALL_OF.match(m.group(2))  # Council (Chair)": body, then role; "C, Clerk (all X Council)"
                    or BODY_HEAD.search(m.group(2)) and not looks_like_org(m.group(1), lex)):  # "Clerk (X Council)"
                details = Attendee(a, a)
                read_details(text, a, b, lex, details)
                out[-1].role, out[-1].org = out[-1].role or details.role, out[-1].org or details.org
            elif out[-1].role is None and (to_body := post_to_body(text, a, b, lex)):
                out[-1].role, out[-1].org = to_body[0], out[-1].org or to_body[1]  # "..., Clerk to the Council"
            elif looks_like_org(chunk, lex):
                add_body(text, out[-1], (a, b))
            elif SUBSTITUTING_FOR.match(chunk):  # "Cllr F. Newey, substituting for Cllr W. Lilley": the seat
                out[-1].role = out[-1].role or "substitute"
            elif out[-1].role is None:
                out[-1].role = (a, b)
            elif department_after_job(text, out[-1], (a, b), lex):
                out[-1].role = (out[-1].role[0], b)  # "...; Jo Bell, Strategic Director, Children and Families;"
        return group
    att = Attendee(extent[0], extent[1], kind=kind)
    read_details(text, extent[1], b, lex, att, member=members or COUNCILLOR.match(text, a) is not None)
    if kind == "contact":
        att.role, att.org = att.role or "Contact", None
    att.role = att.role or group
    out.append(att)
    return group
