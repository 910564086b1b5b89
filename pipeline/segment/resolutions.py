"""Resolution clauses: what a body decided, read off an item's block tree.

The genre states decisions in a handful of shapes, each handled by one pass:

1. an explicit marker — "RESOLVED that ...", "RESOLVED:" followed by
   "(a) That ..." clauses, "RESOLVED that the Council: (1) ... (2) ...";
2. a "That ... be noted" clause where a page dump lost the word RESOLVED;
3. whole-paragraph decisions — "It was proposed, seconded and AGREED that ...",
   "The minutes ... were confirmed as a correct record", "This item was deferred";
4. a proposal agreed on the spot — "X proposed, and Y seconded, that ...
   Agreed unanimously." — unless a later RESOLVED clause restates it;
5. motions and amendments put to the vote (:mod:`.motions`): a *lost* motion is one declined
   decision (its "resolves ..." text); a *lost* amendment declines the clauses
   it would have added to the motion.  Carried motions are recorded by their
   RESOLVED clause.

Each clause keeps its offsets; leading quote marks, labels and a trailing
"and"/"or" joining it to the next clause are not part of its text.
"""

from __future__ import annotations

import re

from ..schema import Resolution
from .blocks import CLOSE_QUOTE, OPEN_QUOTE, Block, children, in_subtree
from .clause_lists import INLINE_LABEL, ClauseListPass
from .layout import first_sentence_end, rules
from .motions import MotionPass
from .standalone import StandalonePass

TRAILING_JOIN = re.compile(r"([;,])\s*(?:and|or)\s*$", re.IGNORECASE)
MINUTES_WORD = re.compile(r"\b(?:minutes|notes)\b", re.IGNORECASE)
LEAD_IN = re.compile(r"[Tt]hat\s*[:;,\-\u2013\u2014]?")  # "Resolved: That;" over labelled clauses
DECISION_NUMBER = re.compile(r"D\d{1,3}(?:\.\d{1,3})+")  # "D47.2": a decision's number in a record of decisions
DECISION_CELL_LABEL = re.compile(r"(?:Agreed|Decision|Resolved|Outcome)\s*[:\-\u2013]\s+", re.IGNORECASE)


class _ItemResolutions(ClauseListPass, MotionPass, StandalonePass):
    def __init__(self, text: str, blocks: list[Block]):
        self.text = text
        self.blocks = blocks
        self.found: list[Resolution] = []
        self.used: set[int] = set()  # blocks already read as (part of) a resolution
        self.votes_read: list[int] = []  # offsets of votes whose motion is already a clause
        self.moved: set[int] = set()  # blocks whose motion is read but whose resolution clauses are not
        # blocks read as a resolution up to an offset, with narrative after it: "RESOLVED that X be approved.
        # Cllr Y was elected Vice-Chair. ... RESOLVED that ...": the sentence passes read the rest
        self.read_to: dict[int, int] = {}

    # -- helpers -------------------------------------------------------------------
    def content(self, i: int) -> str:
        b = self.blocks[i]
        return self.text[b.content_start:b.end]

    def clause(self, start: int, end: int, origin: str, label: str | None = None) -> Resolution | None:
        t = self.text
        while start < end and (t[start].isspace() or t[start] == OPEN_QUOTE):
            start += 1
        close = t.find(CLOSE_QUOTE, start, end)
        if close >= 0 and OPEN_QUOTE not in t[start:close]:
            end = close
        while True:
            while end > start and t[end - 1].isspace():
                end -= 1
            m = TRAILING_JOIN.search(t, start, end)
            if not m or m.end() != end:
                break
            end = m.start() + 1
        if end - start < 3:
            return None
        res = Resolution(t[start:end], start, end, origin=origin, label=label)
        self.found.append(res)
        return res

    def mark(self, *indices: int) -> None:
        self.used.update(indices)

    def subtree(self, i: int) -> list[int]:
        return [j for j in range(i + 1, len(self.blocks)) if in_subtree(self.blocks, j, i)]

    # -- pass 0: the cells of a "Decision" column -------------------------------------
    def decision_cells(self, decided: list[tuple[int, int]]) -> None:
        """A table's "Decision" cell is a clause whole ("Noted.", "Board endorsed the criteria."), after a label
        ("Agreed: PH and AA to refresh the protocol")."""
        ends = dict(decided)
        for i, b in enumerate(self.blocks):
            if (end := ends.get(b.start, ends.get(b.content_start))) is not None:
                # the block may run on into lines after the row ("ACTION 21/12: ..."): the cell ends the clause
                label = DECISION_CELL_LABEL.match(self.text, b.content_start, end)
                self.clause(label.end() if label else b.content_start, end, "resolved", b.label)
                self.mark(i)
            elif inside := [(a, e) for a, e in decided if b.content_start < a < b.end]:
                # the rows of a table inside the minutes ("Foxglove Centre | \u00a37,200 | Approved: \u00a36,000 ...")
                for a, e in inside:
                    self.clause(a, e, "resolved")
                self.mark(i)

    # -- pass 1: RESOLVED ------------------------------------------------------------
    def explicit_markers(self) -> None:
        r = rules()
        for i, b in enumerate(self.blocks):
            if i in self.used or b.in_quote:
                continue
            if b.label and DECISION_NUMBER.fullmatch(b.label):
                # "D47.2   The SCG noted the health situation report.": a record that numbers its decisions
                self.clause(b.content_start, b.end, "resolved", b.label)
                self.mark(*self.subtree(i))
                continue
            m = r["resolved_marker"].match(self.content(i))
            whole = m is None  # "The Panel RESOLVED that ..." is kept whole; a bare "RESOLVED:" label is not
            m = m or r["body_resolved"].match(self.content(i))
            if not m:
                # "... representations. It RESOLVED:", "The Committee:" over "NOTED the report; and"
                if r["trailing_resolved"].search(self.content(i).rstrip()) or self._over_shouted_verbs(i):
                    self.mark(i)
                    self._clauses_after(i, [k for k in children(self.blocks, i) if self.blocks[k].label])
                continue
            rest_start = b.content_start + m.end()
            rest = self.text[rest_start:b.end].strip()
            kids = children(self.blocks, i)
            labelled = [k for k in kids if self.blocks[k].label]
            self.mark(i)
            # "RECOMMENDED to Cabinet that: (1) ...": the clauses are recommendations another body decides
            onward = re.search(r"(?i:recommended)\W*$", self.text[b.content_start:rest_start]) \
                and re.match(r"to\s+(?:the\s+)?[A-Z]", rest)
            origin = "recommended" if onward else "resolved"
            # "RESOLVED: That the Board -" over "(1) endorses ...", "(2) asks ...": a lead-in, its clauses below
            lists = labelled or i + 1 < len(self.blocks) and self.blocks[i + 1].label
            if rest.endswith((":", "-", "\u2013", "\u2014")) and lists or LEAD_IN.fullmatch(rest) \
                    or not rest.strip(" :-\u2013\u2014") \
                    or onward and (rest.endswith(("that:", "that")) and labelled or rest.endswith(":")):
                self._clauses_after(i, labelled, origin)
            elif not whole and self._inline_clauses(rest_start, b.end, origin):
                self.mark(*self.subtree(i))  # "RESOLVED that (a) ...; and (b) ...": one clause per label
            elif not whole and (first := INLINE_LABEL.match(self.text, self._skip_space(rest_start, b.end))) and \
                    (later := self._lettered_after(i)):
                # "AGREED: (a) That officers bring ...; and" over "(b) That the Chair write ...": the list opens
                # on the marker's line, its later clauses are lines of their own
                self.clause(first.end(), b.end, origin, first.group(1))
                self.mark(*self.subtree(i))
                self._block_clauses(later, origin)
            else:
                end = first_sentence_end(self.text, rest_start, b.end)  # narrative may follow in the paragraph
                if end and self.text[end:b.end].strip():
                    self.read_to[i] = end
                end = end or (b.subtree_end if not labelled else b.end)
                self.clause(b.content_start if whole else rest_start, end, origin, b.label)
                self.mark(*self.subtree(i))
                self._block_clauses(labelled, origin)  # "RESOLVED – (1) that ...;", the next clauses below

    # -- pass 2: "That ..." clauses ----------------------------------------------------
    def that_clauses(self) -> None:
        r = rules()
        accepted = [i for i in range(len(self.blocks))
                    if self._is_that_clause(i) and r["resolution_predicate"].search(self.content(i))]
        # a "That ..." clause in the same list as an accepted one is one too ("That X report back ...")
        lists = {(self.blocks[i].parent, self.blocks[i].form) for i in accepted if self.blocks[i].label}
        accepted += [i for i, b in enumerate(self.blocks) if i not in accepted and b.label
                     and (b.parent, b.form) in lists and self._is_that_clause(i)]
        for i in sorted(accepted):
            b = self.blocks[i]
            end = first_sentence_end(self.text, b.content_start, b.end) or b.subtree_end
            self.clause(b.content_start, end, "that_clause", b.label)
            self.mark(i, *self.subtree(i))

    def _is_that_clause(self, i: int) -> bool:
        r = rules()
        b = self.blocks[i]
        if i in self.used or b.in_quote or not r["that_clause"].match(self.content(i)):
            return False
        return b.parent is None or not r["discussion_intro"].search(self.content(b.parent).rstrip())

    # -- pass 3: whole-paragraph decisions -------------------------------------------
    def paragraph_decisions(self) -> None:
        r = rules()
        for i, b in enumerate(self.blocks):
            if i in self.used or b.in_quote or b.depth > 0:
                continue
            c = self.content(i)
            for rule, origin in (("agreed_paragraph", "agreed"), ("minutes_confirmed", "minutes"),
                                 ("deferred_sentence", "deferred"), ("declined_paragraph", "declined"),
                                 ("noted_paragraph", "noted"), ("elected_paragraph", "elected")):
                if r[rule].search(c):
                    if origin == "minutes" and any(MINUTES_WORD.search(f.text) for f in self.found):
                        break  # "Members AGREED the notes ... as a correct record" was read already: no second one
                    end = first_sentence_end(self.text, b.content_start, b.end) \
                        if origin in ("deferred", "declined", "minutes", "elected") else None
                    self.clause(b.content_start, end or b.end, origin, b.label)
                    self.mark(i)
                    break

    # -- pass 4: proposals agreed on the spot -----------------------------------------
    def agreed_proposals(self) -> None:
        r = rules()
        for i, b in enumerate(self.blocks):
            if i in self.used or b.in_quote:
                continue
            c = self.content(i)
            if not r["proposal"].search(c) or r["motion_intro"].search(c):
                continue
            if any(x.origin == "motion_lost" and b.start <= x.start < b.end for x in self.found):
                continue  # its proposal was put to the vote and lost (pass 1 read it)
            end = b.end
            tail = c[r["proposal"].search(c).end():]
            if not r["proposal_agreed"].search(tail):
                nxt = i + 1
                if nxt < len(self.blocks) and len(self.content(nxt)) < 40 and \
                        r["proposal_agreed"].search(self.content(nxt)):
                    end = self.blocks[nxt].end
                    self.mark(nxt)
                else:
                    continue
            if self._restated(i):
                self.mark(i)
                continue
            self.clause(b.content_start, end, "proposal", b.label)
            self.mark(i)

    def _restated(self, i: int) -> bool:
        """Is the proposal in block ``i`` followed by a RESOLVED clause before any other proposal?"""
        r = rules()
        for j in range(i + 1, len(self.blocks)):
            b = self.blocks[j]
            if any(x.origin in ("resolved", "recommended") and b.start <= x.start < b.subtree_end for x in self.found):
                return True
            if r["proposal"].search(self.content(j)):
                return False
        return False


def find_resolutions(text: str, blocks: list[Block], title: str | None = None,
                     decided: list[tuple[int, int]] = ()) -> list[Resolution]:
    """All resolution clauses of one item (titled ``title``), in document order; ``decided``: the spans of
    table cells under a "Decision" heading (:mod:`.tables`)."""
    ir = _ItemResolutions(text, blocks)
    ir.decision_cells(decided)
    ir.motions()
    ir.explicit_markers()
    ir.that_clauses()
    ir.resolved_sentences()
    ir.decision_sentences()
    ir.paragraph_decisions()
    ir.agreed_proposals()
    ir.proposed_then_resolved()
    ir.decision_words()
    ir.next_meeting_statement(title)
    recap = rules()["decision_recap"].search(text, blocks[0].start, blocks[-1].end) if blocks else None
    found = {(x.start, x.end): x for x in reversed(ir.found)}  # a clause two passes read: the first pass's
    clauses = [x for x in found.values() if not recap or x.start < recap.start()]
    if len(clauses) > 1:  # "The Clerk's report was received." over "It was resolved that: (a) ...": the resolution
        clauses = [x for x in clauses if not rules()["report_received"].fullmatch(x.text)]
    return sorted(clauses, key=lambda x: x.start)
