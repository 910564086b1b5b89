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
from dataclasses import dataclass

from .lexicon import Lexicon, load_lexicon
from .names import generic_words

WORD = re.compile(r"[^\s,;()]+")
AND = re.compile(r"\s+and\s+")  # "Mr D Watkins\nand Mr R J Thomas": a line break is a space too
TABLE_HEADER = re.compile(r"^Name\b.{0,80}\b(?:Role|Organi[sz]ation|Title|Representing|Position|Agency)\b", re.I)
IGNORED_NOTES = {"minutes", "notes", "note taker", "note-taker", "minute taker", "observer", "substitute", "virtual",
                 "remote", "part", "via teams"}
IGNORED_NOTE_START = re.compile(r"^(?:tel|telephone|email|e-mail|for item|items?\b|from item|substitut|left|arrived"
                                r"|minutes?\b|for minute|part of|until|virtual)",
                                re.IGNORECASE)
TITLE_ROLES = {"chair", "chairman", "chairwoman", "chairperson", "vice-chair", "vice-chairman", "vice chair",
               "deputy chairman", "deputy chair", "co-chair", "in the chair", "independent chair", "clerk", "minutes"}


@dataclass
class Attendee:
    start: int
    end: int  # the name's span in the document
    role: tuple[int, int] | str | None = None
    org: tuple[int, int] | None = None
    alias: str | None = None  # initials given in brackets, "(SW)"
    kind: str = "present"


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
    # no clear name: "Crime Commissioner for X", "Monitoring Officer", "Partnerships" continue a job or body
    return not any(_is_role_word(w, lex) or _looks_like_org(w, lex) for w in re.findall(r"[\w'\u2019-]+", text[i:end]))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """Without surrounding spaces, dashes, colons and table borders ("| Cllr Ann Hale | Chair |")."""
    while a < b and text[a] in " .:|\n\t\u2013-":
        a += 1
    while b > a and text[b - 1] in " .:|\n\t\u2013-":
        b -= 1
    return a, b


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
    name_words = []
    while i < len(words):
        w = words[i][2]
        if not (w[0].isupper() or w[0] in "\u2018'") or _is_role_word(w, lex):
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
            or _is_role_word(w, lex) or lex.is_first_name(w):
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


def _is_role_word(word: str, lex: Lexicon) -> bool:
    """A word that ends job titles ("Manager", "Officer", "Chair")."""
    w = word.lower().strip(".,")
    return w in lex.role_head_words or w in TITLE_ROLES


def _looks_like_org(text: str, lex: Lexicon) -> bool:
    """An organisation name rather than a job title.

    "Office of the Police and Crime Commissioner" is a body (it opens like one); "Police and Crime
    Commissioner for Marchshire", "Head of Community Services" and "Legal Adviser to the Panel" are jobs
    (a job word, last or followed by of/for/to/at); "Marchshire Police" and "Calderbrook MBC" are bodies.
    """
    low = text.lower().strip()
    if low.startswith(lex.org_prefix_openings):
        return True
    words = re.findall(r"[\w'\u2019-]+", text)
    for i, w in enumerate(words):
        if _is_role_word(w, lex) and (i == len(words) - 1 or words[i + 1].lower() in ("of", "for", "to", "at")):
            return False
    return any(low == s or low.endswith(" " + s) for s in lex.org_suffixes_lower) or \
        bool(re.search(r"\b(?:Council|Police|Constabulary|NHS|Trust|MBC|BC|DC|ICB|OPCC)\b", text))


def _details(text: str, a: int, b: int, lex: Lexicon, att: Attendee) -> None:
    """Role, organisation and initials alias from what follows a name.

    A role on the body itself ("(Chair)") wins over a job title; brackets are read first.
    """
    for m in re.finditer(r"\(([^()]*)\)", text[a:b]):
        span = _strip(text, a + m.start(1), a + m.end(1))
        inner = text[span[0]:span[1]]
        if re.fullmatch(r"[A-Z]{2,4}", inner):
            att.alias = inner
        elif inner.lower() == "in the chair":
            att.role = "Chairman"  # the office, as "X in the Chair" in the text gives it (linking.py)
        elif inner.lower() in TITLE_ROLES and inner.lower() != "minutes":
            att.role = span
        elif inner.lower() in IGNORED_NOTES or IGNORED_NOTE_START.match(inner):
            continue
        elif "," in inner and not _looks_like_org(inner.split(",")[0], lex):
            # "(Monitoring Officer, Calderwick County Council)": a job, then its body
            cut = span[0] + inner.index(",")
            rest = _strip(text, cut + 1, span[1])
            if _looks_like_org(text[rest[0]:rest[1]], lex):
                att.role, att.org = att.role or _strip(text, span[0], cut), att.org or rest
            else:  # "(Director of Strategy, Policy and Corporate Assurance)": one job
                att.role = att.role or span
        elif _looks_like_org(inner, lex):
            att.org = att.org or span
        else:
            att.role = att.role or span
    outside = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text[a:b])
    # "Bethan Moss, Scrutiny Officer  Tel: 01632 960 418": contact details end the person's details
    outside = re.sub(r"\b(?:Tel|Telephone|Phone|Email|E-mail)\b\.?:?.*", lambda m: " " * len(m.group()), outside,
                     flags=re.IGNORECASE | re.DOTALL)
    # parts end at , ; | dashes, " - " and column gaps (3+ spaces)
    for part in re.finditer(r"(?:[^,;|\u2013\u2014\t ]| {1,2}(?! |- ))+", outside):
        pa, pb = _strip(outside, part.start(), part.end())
        pa, pb = a + pa, a + pb
        if pb - pa < 2 or IGNORED_NOTE_START.match(text[pa:pb]):
            continue  # "- item 6", "(notes)": when they attended, not who they are
        if _looks_like_org(text[pa:pb], lex):
            att.org = att.org or (pa, pb)
        else:
            att.role = att.role or (pa, pb)


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
        pieces = _top_level_pieces(text[la:lb], la, lex)
        while len(pieces) > 1 and COUNTED.match(text[slice(*_strip(text, *pieces[-1]))]):
            pieces.pop()  # "... and four members of the public": counted, not named
            lb = pieces[-1][1]
        # one person per line: a further person on the line must open with a title or a known given name
        # ("Dr Ruth Okeke, Clinical Lead, Greywell CAMHS, Greywell and Hartsfield NHS Trust" is one person)
        stripped = [_strip(text, *p) for p in pieces]
        named = [k for k, (a, b) in enumerate(stripped) if name_extent(text, a, b, lex) and (
            len(lines) == 1 or k == 0 or _starts_name(text[a:b].split()[0], lex))]
        in_list = len(named) > 1
        for a, b in (pieces if in_list else [(la, lb)]):  # a list of people, or one person with details
            _add_entry(text, a, b, kind, lex, out, in_list)
    return out


def _logical_lines(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The list's entries-bearing lines: one per person, or the whole running list as one line.

    A running list wraps anywhere ("..., Fiona Marsh\n(Community Safety Manager), ..."): its lines end
    in separators or start without a name.  A one-per-line list starts every line with a name.
    """
    lines = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", text[start:end])
             if text[m.start() + start:m.end() + start].strip()]
    if len(lines) <= 1:
        return lines
    wrapped = sum(bool(re.search(r"(?:[,;(]|\band)\s*$", text[a:b])) for a, b in lines[:-1]) / (len(lines) - 1)
    named = sum(bool(name_extent(text, *_strip(text, a, b), lex)) for a, b in lines) / len(lines)
    if wrapped >= 0.5 or named < 0.6:
        return [(lines[0][0], lines[-1][1])]
    return lines


def _add_entry(text: str, a: int, b: int, kind: str, lex: Lexicon, out: list[Attendee], in_list: bool) -> None:
    a, b = _strip(text, a, b)
    if TABLE_HEADER.match(text[a:b]) or not re.search(r"\w", text[a:b]):
        return  # "Name      Organisation      Role", "|------|------|": the headings and rules of a table
    extent = name_extent(text, a, b, lex)
    if extent is None:
        # "Sue Chandler, Cabinet Member for ..., Kent County Council", "Sir Paul Carter, CBE": details of the
        # previous name (a job, then its body)
        chunk = text[a:b]
        if out and in_list and b > a and not lex.is_suffix(chunk) and not re.match(r"^\d", chunk):
            if _looks_like_org(chunk, lex):
                out[-1].org = out[-1].org or (a, b)
            elif out[-1].role is None:
                out[-1].role = (a, b)
        return
    att = Attendee(extent[0], extent[1], kind=kind)
    _details(text, extent[1], b, lex, att)
    if kind == "contact":
        att.role, att.org = att.role or "Contact", None
    out.append(att)
