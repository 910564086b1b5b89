"""The clauses of a resolution's lists: what the first pass of :mod:`.resolutions` reads under a marker.

"RESOLVED:" over "(a) That ...", "(b) That ..."; "The Committee agreed:-" over an HTML list that lost its
letters; "The Committee:" over "NOTED the report; and" (Scottish minutes, the verb in capitals); "AGREED: (a) That
...; and" over "(b) That ..."; "RESOLVED that (a) ...; and (b) ..." in one paragraph; a "Decisions" heading over
plain sentences.  :class:`ClauseListPass` is a mixin of :class:`.resolutions._ItemResolutions`, whose block helpers
(``content``, ``clause``, ``mark``, ``subtree``) it uses.
"""

from __future__ import annotations

import re

from .blocks import children
from .layout import FULL_STOP, first_sentence_end, rules

# the line before an unlettered clause of a list: a lead-in ("agreed:-") or a clause that goes on ("...; and")
LIST_GOES_ON = re.compile(r"(?:[:;]|:\s*[-\u2013]|[;,]\s*and)\s*$")
DECISIONS_HEADING = re.compile(r"(?:Decisions?|DECISIONS?|Outcomes?|OUTCOMES?)\s*:?")
INTRO_LINE = re.compile(r"(?:[Tt]hat\s+)?(?:[Tt]he\s+)?[A-Z][\w'\u2019&-]*(?:\s+[\w'\u2019&-]+){0,6}\s*:")
INLINE_LABEL = re.compile(r"\(([a-h]|i{1,3}|iv|vi{0,3}|ix|x|\d{1,2})\)\s+")


class ClauseListPass:
    def _over_shouted_verbs(self, i: int) -> bool:
        """ "The Committee:" on a line of its own over clauses that open with its verb in capitals ("NOTED the
        report; and", "did NOT AGREE the proposal ..."): the body's decisions, not a list of its members."""
        return bool(rules()["body_colon"].fullmatch(self.content(i).strip())) and i + 1 < len(self.blocks) and \
            bool(rules()["shouted_clause"].match(self.content(i + 1)))

    def _shouted(self, j: int, marker: bool = False) -> bool:
        """Does block ``j`` open with a verb in capitals ("NOTED the report; and")?  One that is also a marker the
        first pass reads itself ("AGREED to remit ...") only when ``marker`` asks for those."""
        r = rules()
        return bool(r["shouted_clause"].match(self.content(j))) and bool(r["resolved_marker"].match(self.content(j))) \
            == marker

    def _skip_space(self, start: int, end: int) -> int:
        while start < end and self.text[start].isspace():
            start += 1
        return start

    def _block_clauses(self, ks: list[int], origin: str) -> None:
        """Each block of ``ks`` (with the blocks nested under it) as one clause, labelled as printed."""
        for k in ks:
            self.clause(self.blocks[k].content_start, self.blocks[k].subtree_end, origin, self.blocks[k].label)
            self.mark(k, *self.subtree(k))

    def _lettered_after(self, i: int) -> list[int]:
        """The labelled blocks right after block ``i``, at its depth: "(b) ...", "(c) ..." of a list whose "(a)"
        opened on block ``i``'s line."""
        out, j = [], i + 1
        while j < len(self.blocks) and self.blocks[j].label and self.blocks[j].depth == self.blocks[i].depth \
                and j not in self.used and not self.blocks[j].in_quote:
            out.append(j)
            j = max([j, *self.subtree(j)]) + 1
        return out

    def _inline_clauses(self, start: int, end: int, origin: str = "resolved") -> bool:
        """Clauses labelled inside one paragraph: "(a) the programme be endorsed; and (b) the Manager be asked
        to report ...".  The first label must open the text and each later one follow a ";" or ", and"."""
        start = self._skip_space(start, end)
        if m := re.match(r"(?:that|That)\s+(?=\()", self.text[start:end]):
            start += m.end()
        labels = [m for m in INLINE_LABEL.finditer(self.text, start, end)
                  if m.start() == start or re.search(r"(?:;|,\s*and|;\s*and)\s*$", self.text[start:m.start()])]
        if len(labels) < 2 or labels[0].start() != start:
            return False
        for m, nxt in zip(labels, labels[1:] + [None], strict=True):
            stop = nxt.start() if nxt else (first_sentence_end(self.text, m.end(), end) or end)
            self.clause(m.end(), stop, origin, m.group(1))
        return True

    def _clauses_after(self, i: int, labelled: list[int], origin: str = "resolved") -> None:
        if labelled:
            self._block_clauses(labelled, origin)
            return
        j = i + 1
        # "RESOLVED:" then "The Select Committee:" on a line of its own, then "i. notes …", "ii. agrees …"
        if j < len(self.blocks) and INTRO_LINE.fullmatch(self.content(j).strip()) and (
                kids := [k for k in children(self.blocks, j) if self.blocks[k].label]):
            self.mark(j)
            self._clauses_after(j, kids, origin)
            return
        # "RESOLVED:" on its own: the "That ..." paragraphs that follow are its clauses; after "The Board agreed
        # to:" or "The Committee agreed:-", an HTML list's items without their letters ("note the findings ...;",
        # "to note the report; and", "to request ...")
        that = rules()["that_clause"]
        while j < len(self.blocks):
            if self._shouted(j, marker=True):
                j += 1  # "AGREED to remit ..." among them: a marker the first pass reads itself
                continue
            if not (that.match(self.content(j)) or self.blocks[j].label or self._shouted(j)
                    or self.content(j)[:1].islower() and LIST_GOES_ON.search(self.content(j - 1))):
                break
            jb = self.blocks[j]
            self.clause(jb.content_start, jb.subtree_end, origin, jb.label)
            sub = self.subtree(j)
            self.mark(j, *sub)
            j = (max(sub) if sub else j) + 1
        if j == i + 1 and (heading := DECISIONS_HEADING.fullmatch(self.content(i).strip())):
            self._sentences_under_heading(j, origin, many=heading.group(0).rstrip(" :").endswith(("s", "S")))

    def _sentences_under_heading(self, j: int, origin: str, many: bool) -> None:
        """A "Decisions" heading over plain sentences ("The Board approved £24,000 from ...", "The Board referred
        the learning to ..."): each paragraph under it is a decision, up to the next label ("Actions:"); under
        "Decision", the one paragraph."""
        section = rules()["section_label"]
        stop = len(self.blocks) if many else min(j + 1, len(self.blocks))
        while j < stop and j not in self.used and not self.blocks[j].in_quote:
            c = self.content(j).strip()
            if section.match(c) or not FULL_STOP.search(c):
                break
            self.clause(self.blocks[j].content_start, self.blocks[j].end, origin)
            self.mark(j)
            j += 1
