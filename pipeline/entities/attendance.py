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

from .attendance_details import TITLE_ROLES, Attendee, is_role_word, looks_like_org, read_details, trimmed
from .lexicon import Lexicon, load_lexicon
from .names import generic_words

WORD = re.compile(r"[^\s,;()]+")
AND = re.compile(r"\s+and\s+")  # "Mr D Watkins\nand Mr R J Thomas": a line break is a space too
TABLE_HEADER = re.compile(r"^Name\b.{0,80}\b(?:Role|Organi[sz]ation|Title|Representing|Position|Agency)\b", re.I)


def _top_level_pieces(text: str, base: int, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """Split on , ; and " and " outside brackets; offsets are absolute.

    With ``lex``, " and " splits only before a person ("..., Denise Fairlie and Teresa Quinlan"), not inside a
    job or body ("Police and Crime Commissioner", "Chief Executive and Monitoring Officer").
    """
    pieces, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (ch in ",;" or (m := AND.match(text, i)) and _person_follows(text, m.end(), lex)):
            pieces.append((base + start, base + i))
            i = m.end() - 1 if ch not in ",;" else i
            start = i + 1
        i += 1
    pieces.append((base + start, base + len(text)))
    return [(a, b) for a, b in pieces if a < b]


def _person_follows(text: str, i: int, lex: Lexicon | None) -> bool:
    if lex is None or i < len(text) and (text[i].isdigit() or text[i].islower()):
        return True  # "... and 5 members of the public", "... and others"
    end = re.search(r"[,;(]|$", text[i:]).start() + i
    extent = name_extent(text, i, end, lex)
    if extent is not None:
        words = text[extent[0]:extent[1]].split()
        if len(words) >= 2 or lex.is_title(words[0]):
            return True
    if text[end:end + 1] == "(" and re.search(r"\)\s+and\s+$", text[:i]) and _job_then_name(
            text, i, text.find(")", end) + 1, "present", lex):
        return True  # "(M Tindle) and Treasurer to the Authority (Mrs P Gosforth)": the next officer, by post
    # no clear name: "Crime Commissioner for X", "Monitoring Officer", "Partnerships" continue a job or body
    return not any(is_role_word(w, lex) or looks_like_org(w, lex) for w in re.findall(r"[\w'\u2019-]+", text[i:end]))


def name_extent(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """The person name at the start of ``text[a:b]`` (titles included), or None."""
    words = [(m.start() + a, m.end() + a, m.group()) for m in WORD.finditer(text[a:b])]
    if not words or text[a:b].lstrip().startswith("("):
        return None  # "(General Counsel)" wrapped onto its own line: details, not a name
    i = 0
    # a place word before a title ("District Cllr Brian Moxon", "County Councillor X") is part of the title
    if len(words) > 2 and words[0][2][:1].isupper() and not _starts_name(words[0][2], lex) and (
            lex.is_title(words[1][2]) or words[1][2].lower().rstrip(".") in lex.rank_words):
        i = 1
    first = i
    while i < len(words) and (lex.is_title(words[i][2]) or words[i][2].lower().rstrip(".") in lex.plural_titles
                              or _rank_at(words, i, lex)):
        i += _rank_at(words, i, lex) or 1
    if first < i < len(words) and re.search(r"[,;(]", text[words[i - 1][1]:words[i][0]]):
        return None  # "Detective Superintendent, Public Protection": a rank that a comma ends is a post, unnamed
    name_words = []
    while i < len(words):
        w = words[i][2]
        if not (w[0].isupper() or w[0] in "\u2018'") or is_role_word(w, lex):
            break
        if name_words and re.search(r"[(),;\u2013\u2014]| - ", text[words[i - 1][1]:words[i][0]]):
            break  # "Marcus Adebayo (MA)": the bracket ends the name
        name_words.append(i)
        i += 1
        if len(name_words) >= 2 and lex.is_first_name(words[name_words[0]][2]) and \
                not re.match(r"^[A-Z]\.?$", words[name_words[-1]][2]) and \
                not _middle_name(text, words, name_words, i, lex):
            break  # "Carl Pickering Business Support Officer": one surname after a given name
        if len(name_words) >= 5:
            break
    while i < len(words) and lex.is_suffix(words[i][2]) and "(" not in text[words[i - 1][1]:words[i][0]]:
        i += 1  # "Mr I D Ould CC", but not "Joanna Pettifer (JP)": initials in brackets that spell a suffix
    if not name_words:
        return None
    if name_words[0] == first and not lex.is_first_name(words[first][2]):
        # no title, rank or known given name: accept only two or three plain name-like words
        if len(name_words) > 3 or any(_generic_word(words[k][2], lex) for k in name_words):
            return None
    last = words[name_words[-1]][2]
    if re.match(r"^(?:[A-Z]\.?)+$", last) and len(name_words) == 1:
        return None
    return words[first][0], words[i - 1][1]


def _middle_name(text: str, words, name_words: list[int], i: int, lex: Lexicon) -> bool:
    """Is the second of two name words a second given name ("Nia Wyn Davies", "Mary Ann Evans")?  Only when a
    plain capitalised word follows it, one space on, and ends the name."""
    if len(name_words) != 2 or i >= len(words) or not lex.is_first_name(words[name_words[1]][2]):
        return False
    w = words[i][2]
    if text[words[i - 1][1]:words[i][0]] != " " or not w[:1].isupper() or _generic_word(w, lex) \
            or is_role_word(w, lex) or lex.is_first_name(w):
        return False
    return i + 1 == len(words) or text[words[i][1]:words[i + 1][0]].strip(" ") != ""


def _generic_word(word: str, lex: Lexicon) -> bool:
    """Words of organisation names and job titles ("Council", "Services", "Safety") are not names."""
    return word.lower().strip(".,") in generic_words(lex)


def _starts_name(word: str, lex: Lexicon) -> bool:
    return (lex.is_title(word) or lex.is_first_name(word) or word.lower().rstrip(".") in lex.plural_titles
            or word.lower().rstrip(".") in lex.rank_words)


def _rank_at(words, i: int, lex: Lexicon) -> int:
    return lex.rank_length([w[2] for w in words[i:i + 4]])


# "... and 5 members of the public", "four residents", "several observers": people counted, not a detail of the
# name before them
COUNTED = re.compile(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|many|"
                     r"a\s+few|a\s+number|[Oo]thers?)\b")


def parse_attendance(text: str, start: int, end: int, kind: str = "present",
                     lex: Lexicon | None = None) -> list[Attendee]:
    """People in the attendance list ``text[start:end]`` (which begins with its label)."""
    lex = lex or load_lexicon()
    first_line = text[start:end].split("\n", 1)[0]
    if kind == "contact":  # the header's "Contact:" value, label already removed
        body_start = start
    elif ":" in first_line:
        body_start = start + first_line.find(":") + 1
    else:  # a label alone on its line ("Present")
        body_start = start + len(first_line)
    out: list[Attendee] = []
    lines = _logical_lines(text, body_start, end, lex)
    for la, lb in lines:
        if len(lines) > 1 and (by_post := _post_then_name(text, la, lb, kind, lex)):
            out.append(by_post)  # "Head of Safeguarding (Calder NHS Trust) – Jo Bell": commas inside the post
            continue
        label = _line_label(text, la, lb, lex)
        if label:
            la, before_line = label[2], len(out)  # "Dunsterley County Council: Mrs J Kellow CC, Mr D Trenowith CC"
        pieces = _top_level_pieces(text[la:lb], la, lex)
        while len(pieces) > 1 and COUNTED.match(text[slice(*trimmed(text, *pieces[-1]))]):
            pieces.pop()  # "... and four members of the public": counted, not named
            lb = pieces[-1][1]
        # one person per line: a further person on the line must open with a title or a known given name
        # ("Dr Ruth Okeke, Clinical Lead, Greywell CAMHS, Greywell and Hartsfield NHS Trust" is one person)
        stripped = [trimmed(text, *p) for p in pieces]
        named = [k for k, (a, b) in enumerate(stripped) if (name_extent(text, a, b, lex) or _job_then_name(
            text, a, b, kind, lex)) and (
            len(lines) == 1 or k == 0 or _starts_name(text[a:b].split()[0], lex))]
        in_list = len(named) > 1
        group, prev_end, first, post = None, la, len(out), None
        for a, b in (pieces if in_list else [(la, lb)]):  # a list of people, or one person with details
            opens_entry = prev_end == la or ";" in text[prev_end:a]
            if ";" in text[prev_end:a]:
                group, first = None, len(out)  # "Councillors A and B; co-opted members C and D": a group ends
            if in_list and opens_entry and (post := _post_before_name(text, a, b, lex)):
                prev_end = b  # "; the Deputy Mayor, Cllr Rashid Malik;": the post of the name after it
                continue
            before = len(out)
            group = _add_entry(text, a, b, kind, lex, out, in_list, group)
            if post and out and out[-1].role is None:  # the name after the post, else (no name came: "Jo Bell;
                out[-1].role = post  # the Chair, Westbridge Council") the name before it
            post, prev_end = None, b
            if len(out) > before and (shared := _plural_role(text, out[-1].role, lex)):
                # "C and D (Independent Co-opted Members)": the job of each person named since the last with
                # details of their own (or the group's start)
                out[-1].role = shared
                for att in reversed(out[first:-1]):
                    if att.role is not None or att.org is not None:
                        break
                    att.role = shared
        if label:
            for att in out[before_line:]:  # the line's label: the body each person on it represents, or their seat
                if label[0] == "org":
                    att.org = att.org or label[1]
                else:
                    att.role = att.role or label[1]
    return out


LINE_LABEL = re.compile(r"([A-Z][^:()\n]{2,60}?)\s*(\([^()\n]*\))?\s*:\s+(?=\S)")


def _line_label(text: str, a: int, b: int, lex: Lexicon) -> tuple[str, tuple[int, int], int] | None:
    """"Dunsterley County Council: Mrs J Kellow CC, ...", "Independent Person (non-voting): Mr G Scholey": a line of
    a list that opens with the body its people represent, or the seat they fill, then a colon.  Returns ("org" or
    "role", the label's span, where the names start)."""
    a, b = trimmed(text, a, b)
    m = LINE_LABEL.match(text, a, b)
    if not m or name_extent(text, m.start(1), m.end(1), lex) or name_extent(text, m.end(), b, lex) is None:
        return None
    label = text[m.start(1):m.end(1)]
    if looks_like_org(label, lex):
        return "org", (m.start(1), m.end(1)), m.end()
    words = WORD.findall(label)
    if len(words) <= 4 and (is_role_word(words[-1], lex) or words[-1].lower() in lex.one_word_roles_lower):
        return "role", (m.start(1), m.end(1)), m.end()
    return None


def _post_before_name(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """"the Deputy Mayor" opening an entry of a list ("...; the Deputy Mayor, Cllr Rashid Malik; ..."): a post
    with its article and no name, which the name after it holds; the post's span without the article."""
    a, b = trimmed(text, a, b)
    m = re.match(r"[Tt]he\s+", text[a:b])
    words = text[a:b].split()
    if not m or len(words) < 2 or name_extent(text, a, b, lex):
        return None
    known = text[a + m.end():b].lower() in lex.roles_and_ranks_lower or words[-1].lower() in lex.one_word_roles_lower
    return (a + m.end(), b) if known or is_role_word(words[-1], lex) else None


def _plural_role(text: str, role: tuple[int, int] | str | None, lex: Lexicon) -> str | None:
    """A job written in the plural ("Independent Co-opted Members"), in the singular; else None."""
    words = (text[role[0]:role[1]] if isinstance(role, tuple) else role or "").split()
    if not words or not words[-1].endswith("s") or not is_role_word(words[-1][:-1], lex) or \
            is_role_word(words[-1], lex):
        return None
    return " ".join([*words[:-1], words[-1][:-1]])


GROUP_LABEL = re.compile(r"((?:[\w'\u2019-]+\s+){1,3}?[\w'\u2019-]+s)\s*:?\s+")


def _group_label(text: str, a: int, b: int, lex: Lexicon) -> tuple[str, tuple[int, int]] | None:
    """"independent co-opted members Dr Rebecca Fanshawe", "Co-opted Members: Rebecca Fanshawe": words naming
    a group of the list (a plural job word after at least one qualifier), then a name.  Returns the group's
    role in the singular ("independent co-opted member") and the name's extent."""
    m = GROUP_LABEL.match(text, a, b)
    role = _plural_role(text, (m.start(1), m.end(1)), lex) if m else None
    extent = name_extent(text, m.end(), b, lex) if role else None
    return (role, extent) if extent else None


def _logical_lines(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The list's entries-bearing lines: one per person, or the whole running list as one line.

    A running list wraps anywhere ("..., Fiona Marsh\n(Community Safety Manager), ..."): its lines end
    in separators or start without a name.  A one-per-line list starts every line with a name.
    """
    lines = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", text[start:end])
             if text[m.start() + start:m.end() + start].strip()]
    if len(lines) <= 1:
        return lines
    wrapped = sum(_ends_mid_entry(text[a:b], lex) for a, b in lines[:-1]) / (len(lines) - 1)
    named = sum(bool(name_extent(text, *trimmed(text, a, b), lex) or _post_then_name(text, a, b, "present", lex)
                     or _line_label(text, a, b, lex)) for a, b in lines) / len(lines)
    if wrapped >= 0.5 or named < 0.6:
        return [(lines[0][0], lines[-1][1])]
    return lines


def _ends_mid_entry(line: str, lex: Lexicon) -> bool:
    """Does the list go on past this line's end: a separator ("...,"), "and", or a name cut after its title or
    an initial ("..., Mrs D" / "Venables, Mr S Mahmood")?"""
    if re.search(r"(?:[,;(]|\band)\s*$", line):
        return True
    words = re.split(r"[,;]", line)[-1].split()  # the last entry: a title and initials at most
    return bool(words) and lex.is_title(words[0]) and all(re.fullmatch(r"(?:[A-Z]\.?)+", w) for w in words[1:])


def _add_entry(text: str, a: int, b: int, kind: str, lex: Lexicon, out: list[Attendee], in_list: bool,
               group: str | None = None) -> str | None:
    """Read one entry of the list into ``out``; returns the group label in force after it (see
    :func:`_group_label`), which gives its role to the people after it that state none."""
    a, b = trimmed(text, a, b)
    if TABLE_HEADER.match(text[a:b]) or not re.search(r"\w", text[a:b]):
        return group  # "Name      Organisation      Role", "|------|------|": the headings and rules of a table
    if by_post := _job_then_name(text, a, b, kind, lex):
        out.append(by_post)
        return group
    extent = name_extent(text, a, b, lex)
    if extent is None and (labelled := _group_label(text, a, b, lex)):
        group, extent = labelled
    if extent is None:
        # "Sue Chandler, Cabinet Member for ..., Kent County Council", "Sir Paul Carter, CBE": details of the
        # previous name (a job, then its body)
        chunk = text[a:b]
        if out and in_list and b > a and not lex.is_suffix(chunk) and not re.match(r"^\d", chunk):
            if (m := re.fullmatch(r"(.+?)\s*\(([^()]+)\)", chunk)) and m.group(2).lower() in TITLE_ROLES \
                    and looks_like_org(m.group(1), lex):  # "Jo Bell, Westbridge Council (Chair)": body, then role
                details = Attendee(a, a)
                read_details(text, a, b, lex, details)
                out[-1].role, out[-1].org = out[-1].role or details.role, out[-1].org or details.org
            elif looks_like_org(chunk, lex):
                out[-1].org = out[-1].org or (a, b)
            elif out[-1].role is None:
                out[-1].role = (a, b)
        return group
    att = Attendee(extent[0], extent[1], kind=kind)
    read_details(text, extent[1], b, lex, att)
    if kind == "contact":
        att.role, att.org = att.role or "Contact", None
    att.role = att.role or group
    out.append(att)
    return group


JOB_THEN_NAME = re.compile(r"([^()]+?)\s*\(([^()]+)\)\s*")


def _job_then_name(text: str, a: int, b: int, kind: str, lex: Lexicon) -> Attendee | None:
    """"Chief Fire Officer (M Tindall)", "Treasurer to the Authority (Mrs P A Gosling)": the job outside the
    bracket, the person inside it (the printed-minutes habit of listing officers by post)."""
    m = JOB_THEN_NAME.fullmatch(text, a, b)
    words = WORD.findall(m.group(1)) if m else []
    if not words or not (any(is_role_word(w, lex) for w in words) or words[0] in lex.one_word_roles):
        return None  # "Treasurer to the Authority": a job that opens with a one-word title
    outside, inside = name_extent(text, m.start(1), m.end(1), lex), name_extent(text, m.start(2), m.end(2), lex)
    if outside is not None or inside is None or inside[1] < m.end(2) - 1:
        return None  # a name outside ("Jo Bloggs (Chair)"), or more than a name inside
    return Attendee(inside[0], inside[1], role=(m.start(1), m.end(1)), kind=kind)


POST_DASH = re.compile(r"([^\u2013\u2014]+?)\s+[\u2013\u2014-]\s+(?=\S)")


def _post_then_name(text: str, a: int, b: int, kind: str, lex: Lexicon) -> Attendee | None:
    """"Director of Adult Social Care (Kelmscar County Council) – Simon Ibbotson", "Independent Chair – Dr Ann Hale
    (Chair)": a line that gives the post, its body in brackets, a dash, then the person (boards that list their
    members by the seat they fill).  The post is the role whatever the notes after the name say."""
    a, b = trimmed(text, a, b)
    m = POST_DASH.match(text, a, b)
    if not m or name_extent(text, m.start(1), m.end(1), lex):
        return None  # "Cllr Jo Bell – Chair": the name comes first
    post_end = text.find("(", m.start(1), m.end(1))
    post = trimmed(text, m.start(1), m.end(1) if post_end < 0 else post_end)
    words = WORD.findall(text[post[0]:post[1]])
    extent = name_extent(text, m.end(), b, lex)
    if extent is None or not (any(is_role_word(w, lex) for w in words) or lex.rank_length(words)) \
            or looks_like_org(text[slice(*post)], lex):
        return None
    att = Attendee(extent[0], extent[1], role=post, kind=kind)
    bracket = Attendee(post[1], post[1])
    read_details(text, post[1], m.end(1), lex, bracket)  # "(Kelmscar County Council)": the post's body
    after = Attendee(extent[1], extent[1])
    read_details(text, extent[1], b, lex, after)  # "(AB)", "(Calder Police)"
    att.org, att.alias = bracket.org or after.org, after.alias
    return att
