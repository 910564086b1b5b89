"""``minutes_attendance``: the spaCy component that turns a meeting's attendance lists into PERSON spans.

The parsing itself (people, roles, bodies, offsets) is :func:`pipeline.entities.attendance.parse_attendance`;
this component finds the lists (or takes them from the segmenter) and hands the resolver the spans and the
role/organisation links.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from .attendance import parse_attendance
from .lexicon import load_lexicon
from .nlp import source_text, token_strings


@Language.factory("minutes_attendance")
class AttendanceParser:
    """PERSON spans (with role/organisation links) from the header's attendance lists.

    The segmenter passes the lists' character spans in ``doc.user_data["attendance"]``
    as ``(start, end, kind)``; without them, label lines near the top are found here.
    """

    def __init__(self, nlp: Language, name: str):
        self.lex = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        text = source_text(doc)
        lists = doc.user_data.get("attendance")
        if lists is None:
            lists = _find_attendance_lists(text)
        spans, links = [], {}
        for start, end, kind in lists:
            for att in parse_attendance(text, start, end, kind, self.lex):
                span = doc.char_span(att.start, att.end, label="PERSON", alignment_mode="expand")
                if span is not None:
                    spans.append(span)
                    links[(span.start, span.end)] = (att.role, att.org, att.alias, kind, att.listed)
        doc.spans["attendance"] = spans
        doc.spans["attendance_echoes"] = echoes(doc, spans)
        doc.user_data["attendance_links"] = links
        return doc


def echoes(doc: Doc, listed: list[Span]) -> list[Span]:
    """The names of the attendance lists again in the minutes' text, word for word ("Y. Dadswell, Strategic
    Director of Children's Services, ..."): people already, though a first name the lexicon lacks, or an initial
    with no title, would not be read as one there; the resolver weighs them as context, below the rules' spans."""
    taken = {i for s in listed for i in range(s.start, s.end)}
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for s in listed:
        if len(s) >= 2 and any(t.is_alpha and len(t) > 1 for t in s[1:]):
            by_first.setdefault(s[0].text, set()).add(tuple(t.text for t in s))
    out: list[Span] = []
    if not by_first:
        return out
    texts = token_strings(doc, ORTH)  # not a Token object per token
    for i, text in enumerate(texts):
        if text not in by_first or i in taken:
            continue
        for words in sorted(by_first[text], key=len, reverse=True):
            end = i + len(words)
            if tuple(texts[i:end]) == words and not taken & set(range(i, end)):
                out.append(Span(doc, i, end, label="PERSON"))
                break
    return out


def _find_attendance_lists(text: str) -> list[tuple[int, int, str]]:
    from ..segment.layout import list_kind, split_lines
    from ..segment.layout import rules as segment_rules

    label = segment_rules()["header_label"]
    lines = split_lines(text, 0, min(len(text), 6000))
    out = []
    i = 0
    while i < len(lines):
        m = label.match(lines[i].text)
        if m:
            j = i
            while j + 1 < len(lines) and lines[j + 1].blank_before == 0 and not label.match(lines[j + 1].text):
                j += 1
            out.append((lines[i].start, lines[j].end, list_kind(m)))
            i = j
        i += 1
    return out
