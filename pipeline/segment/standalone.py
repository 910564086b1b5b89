"""The last passes of the resolution reader: decisions that stand alone in a sentence or a paragraph.

"Noted." and "Agreed." under a paragraph of discussion (Northern Ireland and parish minutes record a decision
so), and the next meeting's date in an item with no other decision; and the sentences of narrative that record
a resolution, a refusal, a deferral or an election wherever they fall in a paragraph.  :class:`StandalonePass`
is a mixin of :class:`.resolutions._ItemResolutions`, whose block helpers (``content``, ``clause``, ``mark``)
it uses.
"""

from __future__ import annotations

import re

from ..rules import clause_starts, finditer_rule
from .blocks import Block
from .layout import first_sentence_end, rules

DECISION_WORD = re.compile(r"(Noted|Agreed|Approved|Endorsed|Accepted)\.?", re.IGNORECASE)
SENTENCE_BREAK = re.compile(r"[.!?;][\"\u201d)]?\s+(?=[A-Z(\u201c\"])|\n")
CLAUSE_AFTER = re.compile(r"\s*(?:to|that)\b", re.IGNORECASE)
# "The Panel noted that ...", "It was agreed that ...": the body records it, unlike an agenda's "The next meeting
# will be held on ..."
BODY_NOTED = re.compile(r"(?:It\s+was|The\s+(?:[\w'\u2019-]+\s+){1,3}?|Members\s+)(?:noted|agreed|confirmed)\s+that\b")


class StandalonePass:
    # -- pass 3a/3b: sentences in narrative (or after a resolution read from its paragraph's start) -------
    def unread(self) -> list[tuple[int, Block, int]]:
        """(index, block, where its unread text starts) for each block not read as a resolution, or read only up
        to a sentence (:attr:`read_to`), outside quotations."""
        out = []
        for i, b in enumerate(self.blocks):
            since = b.content_start if i not in self.used else self.read_to.get(i)
            while since is not None and since < b.end and self.text[since].isspace():
                since += 1  # the next sentence's own start ("^" of the sentence rules)
            if since is not None and not b.in_quote:
                out.append((i, b, since))
        return out

    def resolved_sentences(self) -> None:
        """ "... It was resolved that X be purchased." inside a paragraph of narrative, and "... RESOLVED to
        accept the apologies.", whose clause is what follows the label."""
        r = rules()
        for _i, b, since in self.unread():
            for rule, at_end in (("resolved_sentence", False), ("resolved_label_sentence", True)):
                for m in r[rule].finditer(self.text, since, b.end):
                    start = m.end() if at_end else m.start()
                    self.clause(start, first_sentence_end(self.text, start, b.end) or b.end, "resolved")

    # -- pass 3b: refusals and deferrals, wherever the sentence falls -----------------------
    def decision_sentences(self) -> None:
        """"Councillor X proposed .... The proposal was put to the vote and was not carried.", "... The Board
        agreed to defer it to the February meeting.", "... Update noted.", "- Lanternlight: £6,500 awarded.": the
        sentence that records the refusal, deferral, note or award is the decision, not the paragraph of narrative
        (or the terse note) around it."""
        for i, b, since in self.unread():
            unread = self.text[since:b.end]  # "^": the paragraph's own start
            starts = clause_starts(unread)
            for rule, origin in (("declined_sentence", "declined"), ("deferred_in_paragraph", "deferred"),
                                 ("elected_sentence", "elected"), ("noted_sentence", "noted"),
                                 ("report_received", "noted"), ("awarded_sentence", "agreed"),
                                 ("verdict_sentence", "agreed"), ("next_meeting_set", "next_meeting")):
                for m in finditer_rule("segment", rule, unread, starts):
                    start = since + m.start()
                    end = first_sentence_end(self.text, start, b.end) or b.end
                    if any(start <= v < end for v in self.votes_read):
                        continue  # the vote on a motion already read as lost
                    if any(f.start < end and start < f.end for f in self.found):
                        continue  # the sentence is (part of) a clause read by an earlier rule
                    if self.text[start:end].rstrip().endswith(":"):
                        continue  # "... agreed to refer the following recommendations to Cabinet:": a lead-in
                    self.clause(start, end, origin)
                    self.mark(i)

    # -- pass 5a: the clause, then who proposed and seconded it ------------------------------
    def proposed_then_resolved(self) -> None:
        """"To accept the apologies. Proposed Cllr Veale, seconded Cllr Ridd, all in favour - RESOLVED.": the
        sentence before the proposer is the clause; "... - RESOLVED to RECOMMEND to Council that ..." is followed
        by its clause."""
        for i, b in enumerate(self.blocks):
            if i in self.used or b.in_quote:
                continue
            for m in rules()["proposed_resolved"].finditer(self.text, b.content_start, b.end):
                if lead := CLAUSE_AFTER.match(self.text, m.end()):
                    start = lead.end() - len(lead.group(0).lstrip())  # at its "to" / "that"
                    self.clause(start, first_sentence_end(self.text, start, b.end) or b.end, "resolved")
                else:
                    breaks = [x.end() for x in SENTENCE_BREAK.finditer(self.text, b.content_start, m.start() - 1)]
                    start = breaks[-1] if breaks else b.content_start
                    if start < m.start():
                        self.clause(start, m.start(), "resolved")
                self.mark(i)

    # -- pass 5b: a decision in one word ---------------------------------------------------
    def decision_words(self) -> None:
        """"Noted." or "Agreed." as a paragraph of its own (not the "Agreed." of a proposal, which pass 4 read)."""
        for i, b in enumerate(self.blocks):
            if i in self.used or b.in_quote or b.depth > 0:
                continue
            if m := DECISION_WORD.fullmatch(self.content(i).strip()):
                self.clause(b.content_start, b.end, "noted" if m.group(1).lower() == "noted" else "agreed", b.label)
                self.mark(i)

    # -- pass 6 (last): the next meeting's date, in an item with no other decision --------
    def next_meeting_statement(self, title: str | None = None) -> None:
        """ "The next meeting will be held on ...": in an item that records no other decision, the statement of
        the next meeting's date is its decision (a page dump's agenda text says the same before the minutes'
        "It was agreed that the next meeting ...", which then is the decision).  Under a "Date of next meeting"
        title the minutes may print only the date ("Tuesday 21 June 2022, 2.00pm, Committee Room 3"), and
        "Date of next meeting: <date>" on a line of its own is the decision in any item."""
        r = rules()
        for i, b in enumerate(self.blocks):
            if i in self.used or b.in_quote:
                continue
            if r["next_meeting_labelled"].match(self.content(i)):
                self.clause(b.content_start, b.end, "next_meeting", b.label)
                self.mark(i)
            elif BODY_NOTED.match(self.content(i)) and r["next_meeting_statement"].search(self.content(i)):
                # "The Panel noted that its next meeting would be held on ...": the body's own record, in any item
                end = first_sentence_end(self.text, b.content_start, b.end)
                self.clause(b.content_start, end or b.end, "next_meeting", b.label)
                self.mark(i)
        if self.found:
            return
        dated = bool(title) and bool(r["next_meeting_title"].search(title))
        for i, b in enumerate(self.blocks):
            if i in self.used or b.in_quote or b.depth > 0:
                continue
            if r["next_meeting_statement"].search(self.content(i)) or dated and \
                    r["meeting_date_line"].match(self.content(i)):
                end = first_sentence_end(self.text, b.content_start, b.end)
                self.clause(b.content_start, end or b.end, "next_meeting", b.label)
                self.mark(i)
                return
