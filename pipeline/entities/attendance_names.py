"""The person name at the start of an attendance entry: titles, ranks and honours included ("Mr I D Ould CC",
"District Cllr Brian Moxon", "Detective Superintendent Jo Bell"), told apart from jobs and bodies by the lexicon;
and names a printed list runs together: "Surname, I." entries, two columns of titled names that lost their gap."""

from __future__ import annotations

import re

from ..segment.layout import INITIALS
from .attendance_details import Attendee, initials_of, is_role_word, trimmed
from .lexicon import Lexicon
from .names import generic_words
from .org_lines import CELL_GAP

WORD = re.compile(r"[^\s,;()]+")
COLLAR_NUMBER = re.compile(r"\d{2,6}")
# "Aykroyd, R. Eyeington, M. Faichney, D.": surname, comma, initials; "(for Sephton, L.)": a substitute's note
SURNAME_FIRST = re.compile(r"([A-Z][\w'\u2019-]+),\s+(?:[A-Z]\.\s?){0,2}[A-Z](?:\.\s?|(?=\s|$))(?:\s*\(([^()]*)\))?\s*")
INITIAL_WORD = re.compile(r"(?:[A-Z]\.){1,3}")  # "L.", "J.P."


def name_extent(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, int] | None:
    """The person name at the start of ``text[a:b]`` (titles included), or None."""
    words = [(m.start() + a, m.end() + a, m.group()) for m in WORD.finditer(text[a:b])]
    if not words or text[a:b].lstrip().startswith("("):
        return None  # "(General Counsel)" wrapped onto its own line: details, not a name
    i = 0
    # a place word before a title ("District Cllr Brian Moxon", "County Councillor X") is part of the title
    if len(words) > 2 and words[0][2][:1].isupper() and not lex.is_title(words[0][2]) and \
            not lex.is_first_name(words[0][2]) and not _rank_at(words, 0, lex) and (
            lex.is_title(words[1][2]) or words[1][2].lower().rstrip(".") in lex.rank_words):
        i = 1
    first = i
    while i < len(words) and (lex.is_title(words[i][2]) or words[i][2].lower().rstrip(".") in lex.plural_titles
                              or _rank_at(words, i, lex)):
        i += _rank_at(words, i, lex) or 1
    if first < i < len(words) and re.search(r"[,;(]", text[words[i - 1][1]:words[i][0]]):
        return None  # "Detective Superintendent, Public Protection": a rank that a comma ends is a post, unnamed
    if first < i < len(words) - 1 and COLLAR_NUMBER.fullmatch(words[i][2]):
        i += 1  # "PCSO 7734 Saskia Kerridge": an officer's collar number between rank and name
    name_words = []
    while i < len(words):
        w = words[i][2]
        if not (w[0].isupper() or w[0] in "\u2018'") or is_role_word(w, lex):
            break
        gap = text[words[i - 1][1]:words[i][0]] if name_words else ""
        if name_words and (re.search(r"[(),;\u2013\u2014]| - ", gap) or CELL_GAP.search(gap) and not all(
                re.fullmatch(r"[A-Z]{1,3}", words[k][2]) for k in name_words)):
            # "Marcus Adebayo (MA)": the bracket ends the name; so does a table's column gap, after the name (not
            # after an initials column: "AT   Amy Tuckwell")
            break
        if len(name_words) >= 2 and re.fullmatch(r"[A-Z]{2,6}", w) and not words[name_words[-1]][2].isupper():
            if w in lex.company_suffixes:
                return None  # "Carsewell Heggie LLP": a firm, not a person
            break  # "Councillor Cadog Cynwal PCBC": the council's acronym after a mixed-case name is its body
        name_words.append(i)
        i += 1
        if len(name_words) >= 2 and lex.is_first_name(words[name_words[0]][2]) and \
                not re.match(r"^[A-Z]\.?$", words[name_words[-1]][2]) and \
                not _middle_name(text, words, name_words, i, lex):
            break  # "Carl Pickering Business Support Officer": one surname after a given name
        if len(name_words) >= 2 and i < len(words) and INITIAL_WORD.fullmatch(words[name_words[-2]][2]) and \
                not INITIAL_WORD.fullmatch(words[name_words[-1]][2]) and _generic_word(words[i][2], lex):
            break  # "L. Hubbuck Community Safety Manager": initials, one surname, then the post (columns run on)
        if len(name_words) >= 5:
            break
    while i < len(words) and lex.is_suffix(words[i][2]) and "(" not in text[words[i - 1][1]:words[i][0]]:
        i += 1  # "Mr I D Ould CC", but not "Joanna Pettifer (JP)": initials in brackets that spell a suffix
    if not name_words:
        return None
    if name_words[0] == first and not lex.is_first_name(words[first][2]):
        # no title, rank or known given name: accept only two or three plain name-like words
        if len(name_words) > 3 or (any(_generic_word(words[k][2], lex) for k in name_words)
                                   and not _initials_follow(text, words, name_words, b)):
            return None
    last = words[name_words[-1]][2]
    if re.match(r"^(?:[A-Z]\.?)+$", last) and len(name_words) == 1:
        return None
    return words[first][0], words[i - 1][1]


def _initials_follow(text: str, words, name_words: list[int], b: int) -> bool:
    """Do the name's own initials follow it in brackets ("Sesily Lamplugh (SL)")?  Then the words are a name even
    where one is also a word of a known body's name ("Suzy Lamplugh Trust")."""
    initials = "".join(words[k][2][0] for k in name_words)
    return text[words[name_words[-1]][1]:b].lstrip().startswith(f"({initials})")


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
    """Words of organisation names and job titles ("Council", "Services", "Safety"), and their plurals ("Political
    Members"), are not names."""
    w = word.lower().strip(".,")
    return w in generic_words(lex) or w.endswith("s") and w[:-1] in generic_words(lex)


def starts_name(word: str, lex: Lexicon, after: str = "") -> bool:
    """Can a person's name open with ``word`` (a title, rank or known given name)?  With ``after``, the word after
    it: a place before a title opens one too ("District Cllr Lavinia Dearlove")."""
    if lex.is_title(word) or lex.is_first_name(word) or word.lower().rstrip(".") in lex.plural_titles \
            or word.lower().rstrip(".") in lex.rank_words:
        return True
    return word[:1].isupper() and bool(after) and lex.is_title(after)


def _rank_at(words, i: int, lex: Lexicon) -> int:
    return lex.rank_length([w[2] for w in words[i:i + 4]])


LEADING_KEY = re.compile(rf"({INITIALS})(?:[ \t]{{2,}}|\t)(?=\S)")
LEADING_KEY_IN_KEY = re.compile(rf"({INITIALS})[ \t]+(?=\S)")  # under "Key to initials": "NMcT N. McTaggart"


def initials_key(text: str, a: int, b: int, lex: Lexicon, in_key: bool = False) -> re.Match | None:
    """"GT   Gerwyn Toothill, Head of PDU": the key at the end of action notes, each entry opened by the initials
    the notes call the person by ("DSo" where two share "DS"), a column gap, then the person.  The key's match
    when the name after the gap has those initials, else None.  Under a "Key to initials" label (``in_key``) the
    gap may be one space: the column's width taken by "NMcT"."""
    leading = LEADING_KEY_IN_KEY if in_key else LEADING_KEY
    if not (key := leading.match(text, a, b)) or (extent := name_extent(text, key.end(), b, lex)) is None:
        return None
    return key if initials_of(key.group(1).rstrip("abcdefghijklmnopqrstuvwxyz"), text[slice(*extent)]) else None


TRAILING_INITIALS = re.compile(r"[ \t]+([A-Z]{2,3})[ \t]*$")


def trailing_initials(text: str, a: int, b: int, lex: Lexicon) -> tuple[int, re.Match] | None:
    """"Freja Hildred Head of Safeguarding FH": a "Name | Post | Initials" table printed with single spaces.  Where
    the name ends, and the initials' match, when the line opens with a name (after any title or rank) whose words
    start with those letters, one a word; else None."""
    if not (tail := TRAILING_INITIALS.search(text, a, b)):
        return None
    words = list(re.finditer(r"\S+", text[a:tail.start()]))
    at = 0
    while (skip := lex.rank_length([w.group() for w in words[at:at + 4]])
           or (1 if at < len(words) and lex.is_title(words[at].group()) else 0)) and len(words) - at > skip:
        at += skip
    letters = tail.group(1)
    named = words[at:at + len(letters)]
    if len(words) - at <= len(letters) or not all(
            w.group()[:1] == c and (w.group()[1:2].islower() or w.group()[1:2] == ".")
            for w, c in zip(named, letters, strict=True)):
        return None
    return a + named[-1].end(), tail


TITLED = re.compile(r"(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?=[A-Z])")


def second_column(text: str, start: int, i: int, lex: Lexicon | None) -> bool:
    """Does a second titled name begin at the space ``i`` in an entry that a title opened ("Cllr A. Bisgrove Cllr
    M. Verinder", "Cllr T. Allchin (Vice-Chairman) Cllr S. Viggers"): a two-column list that lost its gap?  Not a
    second title of the same name ("Cllr Mrs J. Pinkstone")."""
    if lex is None or not TITLED.match(text, i + 1) or not TITLED.match(text[start:i].lstrip()):
        return False
    before = text[start:i].split()
    return len(before) >= 2 and not lex.is_title(before[-1].rstrip("."))


def surnames_first(text: str, la: int, lb: int, kind: str) -> list[Attendee]:
    """A line made only of "Surname, I." entries (a printed list, often several columns run together): each a
    person named by the surname, which the list's title ("Councillors") or heading goes with."""
    a, b = trimmed(text, la, lb)[0], len(text[:lb].rstrip())  # (the last initial keeps its full stop)
    people, pos = [], a
    while pos < b and (m := SURNAME_FIRST.match(text, pos, b)):
        note = m.group(2) or ""
        people.append(Attendee(m.start(1), m.end(1), role="substitute" if re.match(r"for\s+[A-Z]", note) else None,
                               kind=kind, listed=True))
        pos = m.end()
    return people if pos >= b and people else []
