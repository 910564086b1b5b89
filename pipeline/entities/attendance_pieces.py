"""A line of an attendance list cut into its pieces: at "," and ";" outside brackets, and at " and " before a
person (not inside "Police and Crime Commissioner")."""

from __future__ import annotations

import re

from .attendance_details import is_role_word, looks_like_org
from .attendance_names import name_extent, second_column, starts_name
from .attendance_posts import job_then_name
from .lexicon import Lexicon

AND = re.compile(r"\s+and\s+")  # "Mr D Watkins\nand Mr R J Thomas": a line break is a space too


INLINE_BULLETS = "\u00b7\u2022"  # "Insp K. Thorburn (Chair) \u00b7 PC M. Loudon (...) \u00b7 ...": entries on one line


def top_level_pieces(text: str, base: int, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """Split on , ; " and " and a spaced middle dot or bullet outside brackets; offsets are absolute.

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
        elif depth == 0 and (ch in ",;" or ch in INLINE_BULLETS and text[i - 1:i] == " " == text[i + 1:i + 2]
                             or (m := AND.match(text, i)) and person_follows(text, m.end(), lex)):
            pieces.append((base + start, base + i))
            i = m.end() - 1 if ch not in ",;" and ch not in INLINE_BULLETS else i
            start = i + 1
        elif depth == 0 and ch == " " and second_column(text, start, i, lex):
            pieces.append((base + start, base + i))  # "Cllr A. Bisgrove Cllr M. Verinder": two columns run on
            start = i + 1
        i += 1
    pieces.append((base + start, base + len(text)))
    return [(a, b) for a, b in pieces if a < b]


def person_follows(text: str, i: int, lex: Lexicon | None) -> bool:
    if lex is None or i < len(text) and (text[i].isdigit() or text[i].islower()):
        return True  # "... and 5 members of the public", "... and others"
    end = re.search(r"[,;(]|$", text[i:]).start() + i
    entry, after = re.split(r"[,;()]", text[:i])[-1], text[i:end].split()
    if re.search(r"\bfor\s+\S", entry) and not (after and starts_name(after[0], lex)):
        return False  # "Cabinet Member for Community Safety and Public Protection": a portfolio goes on
    extent = name_extent(text, i, end, lex)
    if extent is not None and not looks_like_org(text[i:end], lex):  # (not "... and Wistlecombe ICB")
        words = text[extent[0]:extent[1]].split()
        if len(words) >= 2 or lex.is_title(words[0]):
            return True
    if text[end:end + 1] == "(" and re.search(r"\)\s+and\s+$", text[:i]) and job_then_name(
            text, i, text.find(")", end) + 1, "present", lex):
        return True  # "(M Tindle) and Treasurer to the Authority (Mrs P Gosforth)": the next officer, by post
    # no clear name: "Crime Commissioner for X", "Monitoring Officer", "Partnerships" continue a job or body
    return not any(is_role_word(w, lex) or looks_like_org(w, lex) for w in re.findall(r"[\w'\u2019-]+", text[i:end]))


# "... and 5 members of the public", "four residents", "several observers": people counted, not a detail of the
# name before them
COUNTED = re.compile(r"\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|many|"
                     r"a\s+few|a\s+number|[Oo]thers?)\b")
