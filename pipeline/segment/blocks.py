"""An item's body as a tree of paragraphs and labelled list entries.

Indentation does not survive text dumps or PDF extraction, so nesting is
recovered from label *sequences*: "(ii)" continues the list that "(i)"
started; "1." after "(3)" starts a new list; "4)" after a nested "c." closes
the nested list and continues the outer one.  A paragraph ending in a colon
("the following points were noted:", "RESOLVED that the Council:") opens a
nested level for what follows, and a quotation that is still open (a motion's
text, “...”) keeps its unlabelled paragraphs inside it.

The resulting blocks carry offsets; :mod:`.resolutions` reads resolution
clauses off this tree and :mod:`pipeline.segment` turns blocks into
``Paragraph`` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .layout import FULL_STOP, Label, Line, ends_sentence, is_boilerplate, parse_label, rules, strip_labels

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"
INTRO_END = re.compile(r"(?::\s*[-\u2013\u2014]?|\bthat|\bas follows|\bthe following|\bRESOLVED\s*[-\u2013\u2014])"
                       r"\s*[\u201c\"]?$", re.IGNORECASE)
LIST_CONTINUES = re.compile(r"[;,]$|\b(?:and|or)$")
# a decision label starts a new paragraph even without a blank line before it ("AGREED: ..." lines), in bilingual
# minutes after its Welsh ("PENDERFYNWYD / RESOLVED:")
DECISION_LINE = re.compile(r"^(?:[A-Z]+\s*/\s*)?(?:RESOLVED|AGREED|DECIDED|DECISION|NOTED|RECOMMENDED)\b|"
                           r"^(?:Resolved|Agreed|Decision|Decided|Actions?|Outcome)\s*(?::|[-\u2013\u2014]|$)"
                           r"|^(?:Resolutions?|RESOLUTIONS?)\s*:"
                           r"|^Resolved that\b")
# "Decision" as a heading on a line of its own (Scottish minutes): what follows it is a paragraph of its own
DECISION_HEADING = re.compile(r"^\s*(?:Decisions?|DECISIONS?|Outcome|OUTCOME)\s*$")
# "RESOLVED" alone on its line: like a "Decision" heading, the lead-in of a numbered list under it
BARE_RESOLVED = re.compile(r"^\s*(?:RESOLVED|AGREED|DECIDED)\s*$")
SECTION_LABEL = rules()["section_label"]  # "Reasons for decision:" on a line of its own
# "NOTED the report; and" over "REQUESTED Police Scotland to ...": a clause that opens with the body's verb in
# capitals, after one that ended, is a paragraph of its own
SHOUTED_CLAUSE = rules()["shouted_clause"]
CLAUSE_ENDED = re.compile(r"[;:.]\s*(?:and|or)?\s*$")
RUNS_ON = re.compile(r"(?:\b(?:by|and|of|the|to|for|from|with|or)|,)\s*$")  # "... seconded by" / "Councillor Y:"


UNWRAPPED_WIDTH = 160  # wider than any printed page's line: a line this long was never wrapped
QUOTATION_END = re.compile(r"[.!?][\u201d\"]$")
LEAD_IN_DASH = re.compile(r":\s*[-\u2013\u2014]$")  # "The Committee resolved:-": what follows is its clause
SHORT_OF_MARGIN = 0.7  # a line this much shorter than the text's wrapped lines stopped before the margin


@lru_cache(maxsize=4)
def wrap_width(text: str) -> int:
    """The width the text's lines were wrapped at: the 90th percentile of its line lengths (a printed page's
    measure; for minutes that print a paragraph a line, the length of their long paragraphs)."""
    lengths = sorted(len(x.rstrip()) for x in text.splitlines() if x.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _closes_paragraph(text: str, after: str, width: int = 0) -> bool:
    """Does line ``text`` end its paragraph even with no blank line before the next line, ``after``?  A line
    that ends its sentence well short of the ``width`` the text's lines were wrapped at, or a whole paragraph
    on one long line (minutes that print a paragraph a line: "(b) that the Clerk write to the County Council."
    then "Cllr X agreed to ..." on the next line is a paragraph of its own); a line ending with a colon over a
    quotation ("... seconded by / Councillor Y:" over the motion's text); the end of a quotation (the motion's
    text, then the debate on it); a lead-in that ends ":-" ("The Committee resolved:-" over "to note the report.")."""
    text = text.rstrip()
    return (len(text) > UNWRAPPED_WIDTH and ends_sentence(text) or len(text) < SHORT_OF_MARGIN * width
            and FULL_STOP.search(text)
            or bool(QUOTATION_END.search(text)) or text.endswith(":") and after.lstrip()[:1] in (OPEN_QUOTE, '"')
            or LEAD_IN_DASH.search(text) is not None
            or is_boilerplate(text))  # a page dump's "Minutes:" label over the item's minutes


@dataclass
class Block:
    start: int
    end: int
    content_start: int  # after the label(s)
    label: str | None
    kind: str | None  # list kind ("arabic", "roman", "alpha", "bullet", ...) for labelled blocks
    form: str | None
    value: int | None
    depth: int
    parent: int | None
    in_quote: bool = False
    subtree_end: int = 0


@dataclass
class _List:
    kind: str
    form: str
    last: int
    depth: int
    parent: int | None


def _choose_start(label: Label) -> tuple[str, int]:
    cands = label.candidates()
    for kind, value in cands:
        if value == 1 or kind == "bullet":
            return kind, value
    if len(label.token) == 1 and label.token.isalpha():  # "c", "v": a letter, unless it continues roman
        alpha = [c for c in cands if c[0].lower() == "alpha"]
        if alpha:
            return alpha[0]
    return cands[0]


class _TreeBuilder:
    def __init__(self, text: str):
        self.text = text
        self.width = wrap_width(text)
        self.blocks: list[Block] = []
        self.lists: list[_List] = []
        self.quote_block: int | None = None  # index of the block whose quotation is still open
        self.child_parent: int | None = None  # parent for a run of unlabelled list-like children

    def content(self, i: int) -> str:
        b = self.blocks[i]
        return self.text[b.content_start:b.end]

    def _continue_list(self, label: Label) -> tuple[int, str, int] | None:
        for li in range(len(self.lists) - 1, -1, -1):
            lst = self.lists[li]
            for kind, value in label.candidates():
                if lst.kind == kind and lst.form == label.form and (
                        kind == "bullet" or value in (lst.last + 1, lst.last)):
                    del self.lists[li + 1:]
                    lst.last = value
                    return li, kind, value
        return None

    def _nest_under_previous(self) -> bool:
        if not self.blocks:
            return False
        last = self.content(len(self.blocks) - 1).rstrip()
        return bool(INTRO_END.search(last)) and not is_boilerplate(last)  # "Minutes:" labels open nothing

    def _labels_a_list(self) -> bool:
        """Does the last block introduce a list: "... as follows:", or a decision label alone ("Decision")?"""
        if self._nest_under_previous():
            return True
        last = self.content(len(self.blocks) - 1) if self.blocks else ""
        return bool(DECISION_HEADING.match(last) or BARE_RESOLVED.match(last))

    def place_label(self, label: Label, line: Line, prev: Line | None) -> tuple[int, int | None, str, int] | None:
        starts_list = any(v == 1 or k == "bullet" for k, v in label.candidates())
        # a list right under an introducing line ("RESOLVED that the Panel:") is new, even if an earlier
        # list of the same style ("– point", "(1)") is still open
        cont = None if starts_list and self._labels_a_list() else self._continue_list(label)
        if cont is not None:
            li, kind, value = cont
            lst = self.lists[li]
            if self.quote_block is not None and lst.depth <= self.blocks[self.quote_block].depth:
                self.quote_block = None  # the outer numbering resumed: the quotation has ended
            return lst.depth, lst.parent, kind, value
        introduced = self._labels_a_list()  # "Resolved –" / "... as follows:" / "Decision" on the line before
        prev_ok = prev is None or line.blank_before > 0 or ends_sentence(prev.text) or label.form == "paren" or \
            (introduced and starts_list)
        if not prev_ok:
            return None
        kind, value = _choose_start(label)
        if introduced:
            parent = len(self.blocks) - 1
            depth = self.blocks[parent].depth + 1
        elif self.quote_block is not None:
            parent = self.quote_block
            depth = self.blocks[parent].depth + 1
        else:
            parent, depth = None, 0
        self.lists = [lst for lst in self.lists if lst.depth < depth]
        self.lists.append(_List(kind, label.form, value, depth, parent))
        return depth, parent, kind, value

    def add_line(self, line: Line, prev: Line | None) -> None:
        label = parse_label(line.text)
        placed = self.place_label(label, line, prev) if label else None
        if placed:
            depth, parent, kind, value = placed
            labels, consumed = strip_labels(line.text)
            self.blocks.append(Block(line.start, line.end, line.start + consumed, labels, kind,
                                     label.form, value, depth, parent, self.quote_block is not None))
            self.child_parent = None
        elif (self.blocks and line.blank_before == 0 and prev is not None and not DECISION_LINE.match(line.text)
              and not (SHOUTED_CLAUSE.match(line.text) and CLAUSE_ENDED.search(prev.text))
              and not (SECTION_LABEL.match(line.text) and not RUNS_ON.search(prev.text))
              and not DECISION_HEADING.match(prev.text)
              and not _closes_paragraph(prev.text, line.text, self.width)):
            self.blocks[-1].end = line.end
        else:
            self._add_unlabelled(line)
        self._track_quotes(line.text)

    def _add_unlabelled(self, line: Line) -> None:
        last = len(self.blocks) - 1
        if last < 0:
            depth, parent = 0, None
        elif self.quote_block is not None:
            q = self.blocks[self.quote_block]
            depth, parent = q.depth, q.parent
        elif self._nest_under_previous():
            depth, parent = self.blocks[last].depth + 1, last
            self.child_parent = last
        elif self.child_parent is not None and (LIST_CONTINUES.search(self.content(last).rstrip())
                                                or not ends_sentence(self.content(last))):
            depth, parent = self.blocks[self.child_parent].depth + 1, self.child_parent
        else:
            depth, parent = 0, None
            self.child_parent = None
        self.blocks.append(Block(line.start, line.end, line.start, None, None, None, None, depth, parent,
                                 self.quote_block is not None))

    def _track_quotes(self, text: str) -> None:
        opens, closes = text.count(OPEN_QUOTE), text.count(CLOSE_QUOTE)
        if self.quote_block is None and opens > closes:
            self.quote_block = len(self.blocks) - 1
        elif self.quote_block is not None and closes > opens:
            self.quote_block = None


def build_blocks(text: str, lines: list[Line]) -> list[Block]:
    """The block tree of one item body (``lines`` are the body's non-blank lines)."""
    tb = _TreeBuilder(text)
    prev = None
    for line in lines:
        tb.add_line(line, prev)
        prev = line
    blocks = tb.blocks
    for b in blocks:
        b.subtree_end = b.end
    for i in range(len(blocks) - 1, -1, -1):
        p = blocks[i].parent
        if p is not None:
            blocks[p].subtree_end = max(blocks[p].subtree_end, blocks[i].subtree_end)
    return blocks


def children(blocks: list[Block], i: int) -> list[int]:
    return [j for j in range(i + 1, len(blocks)) if blocks[j].parent == i]


def in_subtree(blocks: list[Block], j: int, i: int) -> bool:
    """Is block ``j`` a descendant of block ``i``?"""
    p = blocks[j].parent
    while p is not None:
        if p == i:
            return True
        p = blocks[p].parent
    return False
