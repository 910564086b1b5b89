"""The lines of an attendance list: which printed lines carry one entry, which a running list wraps, and which
head the people of a body set out below them.  :func:`logical_lines` gives :mod:`.attendance` the lines to read
one at a time."""

from __future__ import annotations

import re

from ..segment.layout import ends_sentence
from ..segment.layout import rules as segment_rules
from .attendance_details import is_role_word, trimmed
from .attendance_names import name_extent, trailing_initials
from .attendance_posts import line_label, post_then_name
from .attendance_table import body_first_row
from .lexicon import Lexicon

ENTRY_SEPARATOR = re.compile(r"\s[-\u2013\u2014]\s|\(")  # "Post - Name", "Name (Body)": an entry, not a heading


def body_headings(text: str, lines: list[tuple[int, int]], lex: Lexicon,
                  labelled: bool = False) -> dict[int, tuple[str, tuple[int, int], int]]:
    """The lines of ``lines`` that head the people a body sets out below them ("Brenmoorshire Police" / "DCI Adeel
    Stenhouse (AS), Offender Management Unit"), by index, each as a "unit_of" label for the people below.  None
    unless the first line is one, or the list's label named a body (``labelled``): a list set out by body opens
    with one, and elsewhere such a line is a wrapped entry's tail."""
    first = _heading_at(text, lines, 0, lex) if lines else None
    if first is None and not labelled:
        return {}
    found = {0: first} if first else {}
    for k in range(1, len(lines)):
        if (label := _heading_at(text, lines, k, lex)) is not None:
            found[k] = label
    return found


def _heading_at(text: str, lines: list[tuple[int, int]], k: int, lex: Lexicon):
    """Line ``k`` as a body's heading ("Probation Service, Brenmoor PDU": the body, then its unit), or None: a name
    opens it, none opens the next line, it reads as an entry, or it is no body's name."""
    if k + 1 >= len(lines):
        return None
    a, b = trimmed(text, *lines[k])
    if name_extent(text, a, b, lex) is not None or not _entry_opens(text, lines[k + 1], lex) \
            or ENTRY_SEPARATOR.search(text, a, b) or post_then_name(text, a, b, "present", lex):
        return None
    comma = text.find(",", a, b)
    name_end = comma if comma > 0 else b
    if not segment_rules()["org_heading"].fullmatch(text[a:name_end]):
        return None
    return "unit_of", (a, name_end), b


def _entry_opens(text: str, line: tuple[int, int], lex: Lexicon) -> bool:
    """Does ``line`` open with a name, or give the seat first ("Chief Constable | Mr A. Hale" under "Fellby
    Police")?"""
    return name_extent(text, *trimmed(text, *line), lex) is not None or post_then_name(text, *line, "present",
                                                                                        lex) is not None


# "Inverculdie and Strathdallie Division ........ DCI M. Purves" (the leader read as a comma and spaces): the entry
# ends with the name after the leader, and the next line starts another, however wide this one is
LEADER_END = re.compile(r",\s{3,}[^,]+$")
WRAP_END = re.compile(r"(?:[,(&\u2013-]|\b(?:and|of|for|the|to|in))\s*$")


def logical_lines(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The list's entries-bearing lines: one per person, or the whole running list as one line.

    A running list wraps anywhere ("..., Fiona Marsh\n(Community Safety Manager), ..."): its lines end
    in separators or start without a name.  A one-per-line list starts every line with a name.
    """
    lines = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\n]+", text[start:end])
             if text[m.start() + start:m.end() + start].strip()]
    lines = _posts_above_leaders(text, _wraps_joined(text, lines, lex), lex)
    if len(lines) <= 1:
        return lines
    wrapped = sum(_ends_mid_entry(text[a:b], lex) for a, b in lines[:-1]) / (len(lines) - 1)
    headings = body_headings(text, lines, lex)
    entries = [(a, b) for k, (a, b) in enumerate(lines) if k not in headings]
    named = sum(bool(name_extent(text, *trimmed(text, a, b), lex) or post_then_name(text, a, b, "present", lex)
                     or line_label(text, a, b, lex) or LEADER_END.search(text, a, b)
                     or body_first_row(text, a, b, lex)) for a, b in entries) \
        / max(len(entries), 1)
    if wrapped >= 0.5 or named < 0.6:
        # one running list, but a line opening with a body's label starts the next ("Orlbury Borough Council:
        # Councillors Leopold Hindle (Vice-Chair), ...")
        starts = [0] + [k for k, (a, b) in enumerate(lines) if k and line_label(text, a, b, lex)]
        groups = [(lines[k][0], lines[nxt - 1][1]) for k, nxt in zip(starts, starts[1:] + [len(lines)], strict=True)]
        return [part for a, b in groups for part in _at_sentence_labels(text, a, b, lex)]
    return lines


def _posts_above_leaders(text: str, lines: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """In a list whose entries end with a dot leader and the name ("Post ........ Name"), a line with no leader
    is the start of a post that wraps onto the next line ("Detective Sergeant, Divisional Concern Hub" /
    "(deputising for DI L. Adair) ........ DS K. Riddoch"): joined to the line below, not the one above."""
    leadered = [bool((end := LEADER_END.search(text, a, b)) and name_extent(text, end.start() + 1, b, lex)
                     and "\t" not in text[a:b]) for a, b in lines]
    if sum(leadered) < 2 or all(leadered) or not leadered[-1]:
        return lines
    out: list[tuple[int, int]] = []
    start = None
    for k, ((a, b), led) in enumerate(zip(lines, leadered, strict=True)):
        if not led and (name_extent(text, *trimmed(text, a, b), lex) or not leadered[k + 1]):
            return lines  # a line that names someone, or two lines with no leader: no post wrapped above its name
        start = a if start is None else start
        if led:
            out.append((start, b))
            start = None
    return out


def _at_sentence_labels(text: str, a: int, b: int, lex: Lexicon) -> list[tuple[int, int]]:
    """A running list cut where a sentence ends and a body's label opens the next ("...; and Lyall Heron, Committee
    Officer. Police Scotland: Chief Inspector Murdo Tennyson, ..."): each part lists that body's people."""
    cuts = [m.end() for m in re.finditer(r"\.\s+(?=[A-Z])", text[a:b])]
    cuts = [a + c for c in cuts if (label := line_label(text, a + c, b, lex)) and label[0] == "org"]
    bounds = [a, *cuts, b]
    return [(x, y) for x, y in zip(bounds, bounds[1:], strict=False) if text[x:y].strip()]


def _wraps_joined(text: str, lines: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """``lines`` with the lines that carry on the entry above joined to it: a line that closes a bracket the line
    before left open ("Councillor N. Gravell (...) (in the Chair for" / "minute 1)", "... (substituting for" /
    "Nicasia Slinger)"); or a line with no name at its start, straight under a line the printed page wrapped: one
    ending on "and", "of", a comma or an open bracket, one nearly as wide as the widest line ("... Head of Public
    Protection, Glassbury" / "Constabulary"), or with a bracket or a small letter after it ("(for minute 6)")."""
    widest = max((b - a for a, b in lines), default=0)
    headings = body_headings(text, lines, lex)
    out = lines[:1]
    for k, (a, b) in enumerate(lines[1:], 1):
        pa, pb = out[-1]
        if k in headings:
            out.append((a, b))  # "Brenmoorshire Police" over its people: no wrapped end of the entry above
            continue
        above, line = text[pa:pb], text[a:b].strip()
        closes = above.count("(") > above.count(")") and ")" in line.split("(")[0]
        closes = closes or _cut_after_given_name(above, lex)  # "..., Caldley, Thomas" / "Hindwood and ..."
        if not closes and (name_extent(text, *trimmed(text, a, b), lex) or line.endswith(":")
                           or body_first_row(text, a, b, lex)  # "Police Scotland <tab> Insp R. Stark <tab> RS"
                           or trailing_initials(text, a, b, lex)):  # "Liesel Trusler Prevent Lead LT"
            out.append((a, b))
            continue
        last_printed = pb - max(text.rfind("\n", pa, pb) + 1, pa)  # the width of the entry's last printed line
        ended = ends_sentence(above.rstrip()) or LEADER_END.search(above)  # a sentence, or a leader and its name
        wrapped = text[pb:a].count("\n") == 1 and not ended and (
            bool(WRAP_END.search(above)) or line[:1] == "(" or line[:1].islower()
            or widest >= 60 and last_printed >= 0.8 * widest)
        if closes or (wrapped and not line_label(text, a, b, lex) and not post_then_name(text, a, b, "present", lex)):
            out[-1] = (pa, b)
        else:
            out.append((a, b))
    return out


def _cut_after_given_name(line: str, lex: Lexicon) -> bool:
    """Does a running list's line end on a lone given name after a comma ("..., Isembard Caldley, Thomas"), the
    surname printed on the next line?  Only a known given name: with any capitalised word (the names before it
    printed in full) one blind held-out set lost a person's body (person->organisation F1 0.937 -> 0.923)."""
    word = _lone_word_at_end(re.split(r"[,;]", line), lex)
    return word is not None and lex.is_first_name(word)


def _lone_word_at_end(entries: list[str], lex: Lexicon) -> str | None:
    """The one capitalised word (no job word) of a list line's last entry, after two separators at least:
    "..., Dyfed Gwyther, Caio" gives "Caio", a name the printed line cut."""
    words = entries[-1].split()
    if len(entries) >= 3 and len(words) == 1 and words[0][:1].isupper() and words[0].isalpha() \
            and not is_role_word(words[0], lex):
        return words[0]
    return None


def _ends_mid_entry(line: str, lex: Lexicon) -> bool:
    """Does the list go on past this line's end: a separator ("...,"), "and", or a name cut after its title or
    an initial ("..., Mrs D" / "Venables, Mr S Mahmood")?"""
    if re.search(r"(?:[,;(]|\band)\s*$", line) or line.count("(") > line.count(")"):
        return True  # "..., Margery Priestley (Lead" / "Member for Prevention)": a bracket open at the line's end
    entries = re.split(r"[,;]", line)
    words = entries[-1].split()  # the last entry: a title and initials at most
    if _lone_word_at_end(entries, lex) or len(entries) >= 3 and len(words) == 1 and re.fullmatch(r"[A-Z]\.", words[0]):
        return True  # "..., Dyfed Gwyther, Caio" / "Esterbrook, ...", "..., C." / "Lapworth, ...": wrapped in a name
    if words and lex.is_title(words[0]) and all(re.fullmatch(r"(?:[A-Z]\.?)+", w) for w in words[1:]):
        return True
    # "...; PCSO 7734 Saskia" / "Kerridge (...)": a rank (or title) and a given name, the surname on the next line
    opening = 0
    while opening < len(words) - 1 and (lex.is_title(words[opening]) or words[opening].isdigit()
                                        or words[opening].lower().rstrip(".") in lex.rank_words):
        opening += 1
    return 0 < opening == len(words) - 1 and words[-1][:1].isupper() and (
        lex.is_first_name(words[-1]) or any(w.isdigit() for w in words[:opening]))  # a collar number: an officer
