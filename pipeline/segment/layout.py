"""Lines, list labels and title clean-up: the shared vocabulary of the segmenter.

Minutes number their paragraphs in many ways — "(i)", "ii)", "a.", "(3)",
"14.2", "•" — and nest them.  :func:`parse_label` recognises a label at the
start of a line and returns its kind (arabic, roman, alpha, decimal, bullet),
its form (``(x)``, ``x)``, ``x.``) and its value, so that list continuity can be
decided by sequence ("(iv)" follows "(iii)") rather than by indentation, which
text dumps and PDF extraction lose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..rules import load_rules

ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_LABEL = re.compile(
    r"""^(?:
        \((?P<p>\d{1,3}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6}|[a-zA-Z])\)
      | (?P<c>\d{1,3}|[ivxlcdm]{1,6}|[a-z])\)
      | (?P<dec>(?:[A-Z]{1,2}(?=\d{1,3}(?:\.\d{1,3})+\s{2}))?\d{1,3}(?:\.\d{1,3})+)\.?  # "D47.2   The SCG ..."
      | (?P<d>\d{1,3}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6}|[a-zA-Z])\.
      | (?P<b>[\u2022\u25cf\u25aa\u25e6\u00b7\u2219\u2023\u2043*\-\u2013\u2014])
    )(?:\s+|$)""",
    re.VERBOSE,
)
_INITIAL_AFTER = re.compile(r"^[A-Z]\.(?:\s|$)")
SENTENCE_END = re.compile(r"[.:;!?\u201d\"')\u2019]$")
FULL_STOP = re.compile(r"\w[.!?][\u201d\"')\u2019]?$")  # a sentence's end, not a label's colon ("RESOLVED:")


# a person's initials as notes print them: "GT", "DSo" (a small letter where two people share "DS")
MC_INITIALS = r"[A-Z]Ma?c[A-Z]"  # "NMcT", "TMacK": a "Mc" or "Mac" surname keeps its "c"
INITIALS = rf"(?:[A-Z]{{2,3}}[a-z]?|{MC_INITIALS})"  # "GT", "DSo", "NMcT"
# "GT (Chair)", "DSo", "NMcT (item 5)", "MK*" (a footnote's mark: "* joined on Teams")
INITIALS_ENTRY = re.compile(INITIALS + r"\*?(?:\s*\([^()]*\))?\*?")


def initials_only(attendance: str) -> bool:
    """Does the list name everyone by initials ("Present: GT (Chair), UN, DSo, VC (notes)")?  Action notes that do
    so print a key to the initials after the last item."""
    listed = attendance.partition(":")[2].strip().partition("\n")[0]  # not a footnote under the list
    entries = [e.strip() for e in re.split(r"[,;]|\band\b", listed) if e.strip()]
    return len(entries) >= 2 and all(INITIALS_ENTRY.fullmatch(e) for e in entries)


def rules():
    return load_rules("segment")


@dataclass
class Line:
    start: int
    end: int
    text: str
    blank_before: int  # blank lines between this line and the previous non-blank one


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-blank lines of ``text[start:end]`` with offsets and preceding blank counts."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    blank = 0
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if stop > pos:
            lines.append(Line(pos, stop, text[pos:stop], blank))
            blank = 0
        elif lines:
            blank += 1
        pos = stop + 1
    return lines


def roman_value(s: str) -> int | None:
    s = s.lower()
    if not s or any(ch not in ROMAN for ch in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        va, vb = ROMAN[a], ROMAN.get(b, 0)
        total += -va if va < vb else va
    return total if total > 0 else None


@dataclass
class Label:
    text: str  # the label as printed, e.g. "(iv)"
    form: str  # "paren" | "close" | "dot" | "decimal" | "bullet"
    token: str  # inside of the label, e.g. "iv"
    length: int  # characters consumed including following spaces

    def candidates(self) -> list[tuple[str, int]]:
        """Possible (kind, value) readings; ambiguous letters (i, v, x, c...) have two."""
        t = self.token
        if self.form == "bullet":
            return [("bullet", 0)]
        if self.form == "decimal":
            return [("decimal:" + t.rsplit(".", 1)[0], int(t.rsplit(".", 1)[1]))]
        if t.isdigit():
            return [("arabic", int(t))]
        out = []
        rv = roman_value(t)
        if rv is not None:
            out.append(("roman" if t.islower() else "ROMAN", rv))
        if len(t) == 1:
            out.append(("alpha" if t.islower() else "ALPHA", ord(t.lower()) - 96))
        return out


def parse_label(line: str) -> Label | None:
    """The list label at the start of ``line``, if any."""
    m = _LABEL.match(line)
    if not m:
        return None
    form = next(k for k in ("p", "c", "dec", "d", "b") if m.group(k) is not None)
    token = m.group(form)
    if form == "b" and m.end() == len(line):
        return None  # a lone dash is not a list item
    if form == "d" and token.isalpha() and token.isupper() and _INITIAL_AFTER.match(line[m.end():]):
        return None  # "I. D. Ould": initials, not a list
    names = {"p": "paren", "c": "close", "dec": "decimal", "d": "dot", "b": "bullet"}
    return Label(line[: m.end()].rstrip(), names[form], token, m.end())


def strip_labels(line: str) -> tuple[str, int]:
    """Remove stacked labels such as "(5) (3)"; return (labels text, chars consumed)."""
    consumed = 0
    while True:
        lab = parse_label(line[consumed:])
        if lab is None or lab.form == "bullet" and consumed:
            break
        consumed += lab.length
    return line[:consumed].rstrip(), consumed


ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "cllr", "no", "nos", "st", "prof", "rev", "sgt", "insp", "supt", "det",
                 "ch", "co", "ltd", "para", "paras", "approx", "etc", "vs", "cf", "inc", "ref", "tel", "ext", "fig",
                 "prop", "sec"}  # "(prop. Cllr Hale, sec. Cllr Bell)": a parish vote's proposer and seconder
_SENTENCE_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]?(?=\s+[A-Z\u201c\"'(])")
_LAST_WORD = re.compile(r"(\w+)\W*$")


def first_sentence_end(text: str, start: int, end: int) -> int | None:
    """End of the first sentence in ``text[start:end]`` that is followed by another; None if there is one."""
    for m in _SENTENCE_STOP.finditer(text, start, end):
        w = _LAST_WORD.search(text, max(start, m.start() - 20), m.start() + 1)
        word = w.group(1) if w else ""
        if word.lower() in ABBREVIATIONS or len(word) == 1 and word.isalpha():
            continue  # "Mr. Smith", "I. D. Ould"
        return m.end()
    return None


PRESENTER_INITIALS = re.compile(r"\s*\(([A-Z]{2,3}(?:\s*[/&,]\s*[A-Z]{2,3})*)\)$")
MINOR_WORDS = {"and", "of", "the", "for", "in", "on", "to", "&"}


def _presenters_dropped(title: str) -> str:
    """A heading's closing bracket of initials names who presents it ("Performance - Q1 2023/24 (TO)",
    "Health & substance misuse (KA / NY)") unless the letters abbreviate the words before them
    ("Community Safety Partnership (CSP)")."""
    m = PRESENTER_INITIALS.search(title)
    if not m:
        return title
    initials = "".join(w[0].upper() for w in re.findall(r"[\w'\u2019-]+", title[:m.start()])
                       if w.lower() not in MINOR_WORDS)
    return title if m.group(1) in initials else title[:m.start()]


def clean_title(raw: str) -> str:
    """Title as the gold annotators write it: one line, no "pdf icon PDF 157 KB" tail, no presenter's initials,
    no final stop."""
    r = rules()
    title = " ".join(raw.split())
    title = _presenters_dropped(r["title_tail"].sub("", title))
    title = title.strip()
    if title.endswith(".") and not title.endswith(("etc.", "...")):
        title = title[:-1].rstrip()
    return title


def list_kind(label: re.Match) -> str:
    """The kind of an attendance list from its ``header_label`` match: "Also present:" -> "also_present"."""
    return "_".join(label.group(1).lower().split())


def is_boilerplate(text: str) -> bool:
    return bool(rules()["boilerplate"].match(text.strip()))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()))


def looks_like_title(text: str, max_words: int = 18) -> bool:
    """A heading-shaped line: short, capitalised, not a sentence with an auxiliary verb.

    Callers with strong outside evidence of a heading (a document-icon tail, a
    presenter line below) pass a larger ``max_words``, which also lifts the
    limit on long lines ending in a full stop.
    """
    r = rules()
    t = r["title_tail"].sub("", text).strip()
    words = t.split()
    if not words or len(words) > max_words:
        return False
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "\u2018'\"("):
        return False
    if t.endswith((":", ";", ",")) or t.startswith(("That ", "(")) or parse_label(t):
        return False
    if r["auxiliary_verb"].search(t) and not r["procedural_title"].match(t):
        return False
    # a long line ending in a full stop is a sentence, unless other evidence (max_words) says heading
    return not (t.endswith(".") and len(words) > (12 if max_words <= 18 else max_words))


SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "with", "by"}


def title_case(caps: str) -> str:
    """"CORPORATE PARENTING PANEL" -> "Corporate Parenting Panel" (mixed case is kept as is)."""
    if caps != caps.upper():
        return caps
    words = caps.lower().split()
    return " ".join(w if i and w in SMALL_WORDS else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                    for i, w in enumerate(words))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", " and ")).strip("-")
