"""Pass 5 of the resolution reader: motions and amendments put to the vote.

A *lost* motion is one declined decision (its "resolves ..." text, or the "that ..." of "X moved, seconded by Y,
that ..."); a *lost* amendment declines the clauses it would have added to the motion as it stood.  Carried
motions are recorded by their RESOLVED clause, which the other passes read.  A proposal in prose that names no
motion ("Councillor X proposed, and Councillor Y seconded, that ...") is read here only when the vote lost it:
carried, it is the "Agreed" proposal the later passes find.  :class:`MotionPass` is a mixin of
:class:`.resolutions._ItemResolutions`, whose block helpers (``content``, ``clause``, ``mark``, ``subtree``) it
uses.
"""

from __future__ import annotations

import re

from ..evaluate import overlap  # share of the smaller token set found in the other (the scorer's measure)
from .blocks import CLOSE_QUOTE, OPEN_QUOTE
from .layout import first_sentence_end, rules

DUPLICATE_OVERLAP = 0.9
MAX_QUOTED_BLOCKS = 12  # paragraphs a quoted motion may run over after its intro
SECONDED = re.compile(r"\bseconded\b", re.IGNORECASE)
UNSECONDED = re.compile(r"\b(?:no\s+seconder|not\s+seconded|without\s+a\s+seconder|no\s+(?:one|member)\s+seconded)\b",
                        re.IGNORECASE)
# "Councillor X proposed that ...", "... moved an amendment that ...": a proposal in prose with no seconder named
MOVED_THAT = re.compile(r"\b(?:proposed|moved)(?:\s+an\s+amendment)?\s+that\b", re.IGNORECASE)
AMENDED_BEFORE = re.compile(r"\bamended\s+(?:substantive\s+)?$", re.IGNORECASE)  # "The amended motion was carried"
AMENDED_AFTER = re.compile(r",?\s*\(?(?:as\s+amended|with\s+the\s+amendment)\b", re.IGNORECASE)
# the Scottish division: "On a division, there voted:- for the motion (8) ... for the amendment (3) ..."
VOTES_FOR_AMENDMENT = re.compile(r"\bfor\s+the\s+amendment\s*[(:\-\u2013]?\s*\d", re.IGNORECASE)
WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)
# an amendment that adds to the motion's words rather than replacing them
ADDS_WORDS = re.compile(r"\b(?:to\s+add|adding|add)\s+(?:the\s+(?:following\s+)?)?words\b"
                        r"|\bat\s+the\s+end\s+of\s+the\s+motion\b", re.IGNORECASE)
SECONDER_AFTER = re.compile(r"[;,]\s*(?:this|which|it)\s+was\s+(?:then\s+)?seconded\b", re.IGNORECASE)


class MotionPass:
    def motions(self) -> None:
        r = rules()
        standing: list[str] = []  # clauses of the motion as it stands (original + carried amendments)
        # a paragraph that moves two proposals in prose (a motion, then an amendment) is read by _prose_motions
        intros = [i for i, b in enumerate(self.blocks) if not b.in_quote and r["motion_intro"].search(self.content(i))
                  and not (SECONDED.search(self.content(i)) and len(self._proposals(i)) > 1)]
        amends = [self._moves_amendment(i) for i in intros]
        for n, i in enumerate(intros):
            group = [i, *self.subtree(i)]
            group += self._quoted_after(group)
            # "... The motion was accordingly carried and the Committee agreed:-" over (i), (ii): the clauses below
            # are the body's resolutions, which pass 1 reads; the motion moved in the paragraph has no clauses
            lead_in = r["trailing_resolved"].search(self.content(i).rstrip()) is not None
            is_amendment, clauses = amends[n], [] if lead_in else self._motion_clauses(group)
            # a motion of one sentence is replaced by an amendment carried to it (its fate may follow the
            # amendments moved to it); one of clauses is amended
            replaceable = not is_amendment and not clauses
            stop = next((k for k, a in zip(intros[n + 1:], amends[n + 1:], strict=True) if not (replaceable and a)),
                        len(self.blocks))
            outcome, vote = self._outcome(group, stop, replaceable, is_amendment)
            if outcome == "lost" and vote is not None:
                self.votes_read.append(vote)  # "The motion was put to the vote and was lost": no decision of its own
            if outcome == "lost" and is_amendment and not clauses:
                self._lost_motion(group)  # an amendment quoted in the paragraph: 'amendment: "That £180,000 …"'
            elif outcome == "lost" and is_amendment:
                for k in clauses:
                    kb = self.blocks[k]
                    text = self.text[kb.content_start:kb.subtree_end]
                    if not any(overlap(text, s) >= DUPLICATE_OVERLAP for s in standing):
                        self.clause(kb.content_start, kb.subtree_end, "amendment_lost", kb.label)
            elif outcome == "lost":
                self._lost_motion(group)
            else:
                standing.extend(self.text[self.blocks[k].content_start:self.blocks[k].subtree_end]
                                for k in clauses)
                if outcome == "carried" and not is_amendment and not self._resolved_after(group, stop):
                    self._carried_clauses(clauses)
            if lead_in:
                self.moved.add(i)  # its motion is read; its lead-in and clauses are left to pass 1
            else:
                self.mark(*group)
                if outcome is None:  # "... a motion noting that .... Under Procedure Rule 14.5, the motion stood
                    # referred to the Scrutiny Committee.": no vote; what the minutes say after its sentence is open
                    b = self.blocks[i]
                    self.read_to[i] = first_sentence_end(self.text, b.content_start, b.end) or b.end
        self._prose_motions()

    def _prose_motions(self) -> None:
        """"Councillor X proposed, and Councillor Y seconded, that ..." (or "X moved an amendment that ...", no
        seconder named), then a vote that lost it: the "that ..." sentence is declined.  The paragraph stays open
        to the later passes (it may also hold "It was RESOLVED to ..."), which skip the vote's own sentence
        (:attr:`votes_read`)."""
        # each proposal of a paragraph: printed minutes may run "X proposed, and Y seconded, that ... Z moved an
        # amendment, seconded by W, that ..." into one block
        intros, begins, kinds, seconded = [], [], [], []
        for i, b in enumerate(self.blocks):
            if i in self.used or i in self.moved or b.in_quote:
                continue
            has_seconder = SECONDED.search(self.content(i)) is not None
            if not has_seconder and not MOVED_THAT.search(self.content(i)):
                continue
            since = b.content_start
            for begin in self._proposals(i):
                intros.append(i)
                begins.append(begin)
                kinds.append("amendment" in self.text[since:begin].lower())
                seconded.append(has_seconder)
                since = begin
        for n, (i, begin, amendment) in enumerate(zip(intros, begins, kinds, strict=True)):
            b = self.blocks[i]
            # the vote comes before the next proposal of the same kind ("the amendment was carried and the
            # motion fell" answers a motion moved before the amendment)
            later = zip(intros[n + 1:], kinds[n + 1:], strict=True)
            stop = max(next((k for k, a in later if a == amendment), len(self.blocks)), i + 1)
            end = self._end_of_motion(begin, b.end)
            if seconded[n]:
                vote = self._vote(begin, range(i, stop), amendment) or (
                    None if amendment else self._amendment_lost_next(end, b.end))
            else:  # no seconder named: only a vote in the very next sentence answers the proposal
                vote = self._vote(end, range(i, i + 1), amendment)
                if vote is not None and vote >= (first_sentence_end(self.text, end, b.end) or b.end):
                    vote = None
            if vote is not None and UNSECONDED.search(self.text, end, first_sentence_end(self.text, vote, b.end)
                                                      or b.end):
                vote = None  # "There was no seconder and the proposal fell": never put, so nothing decided
            if vote is not None:
                self.clause(begin, end, "motion_lost")
                self.votes_read.append(vote)

    def _amendment_lost_next(self, end: int, block_end: int) -> int | None:
        """"It was moved by X and seconded by Y that all vehicles be required to ... . On being put to the vote the
        amendment was LOST": the vote in the sentence right after a proposal answers it, though the minutes call
        it an amendment only there (it was moved to the recommendations under debate)."""
        r = rules()
        m = r["motion_outcome"].search(self.text, end, first_sentence_end(self.text, end, block_end) or block_end)
        return m.start() if m and "amendment" in m.group(0).lower() and r["outcome_lost"].search(m.group(0)) else None

    def _quoted_after(self, group: list[int]) -> list[int]:
        """The paragraphs of a motion whose quotation the ``group`` opens and does not close ('... seconded the
        following motion:' / '"This Council notes ...' / "This Council:" / '(1) agrees ...; (2) ..."'): the blocks
        up to the one that closes it, whose labelled ones are its clauses."""
        def unclosed(text: str) -> bool:
            return text.count(OPEN_QUOTE) > text.count(CLOSE_QUOTE) or text.count('"') % 2 == 1
        first, last = self.blocks[group[0]], self.blocks[max(group)]
        if not unclosed(self.text[first.start:last.end]):
            return []
        out, j = [], max(group) + 1
        while j < len(self.blocks) and len(out) < MAX_QUOTED_BLOCKS:
            out.append(j)
            if unclosed(self.text[first.start:self.blocks[j].end]):
                j += 1
                continue
            return out
        return []  # no closing quote near: not a quotation this reader can bound

    def _moves_amendment(self, i: int) -> bool:
        """Does block ``i`` move an amendment (in the sentence that moves it: an amendment moved on the next line
        of the same paragraph is its own)?"""
        content = self.content(i)
        m = rules()["motion_intro"].search(content)
        end = first_sentence_end(content, m.start(), m.end()) or m.end()
        return "amendment" in content[m.start():end].lower()

    def _proposals(self, i: int) -> list[int]:
        """Where the text of each proposal moved in block ``i`` begins (its "that"); a later one must open after the
        sentence of the one before ("... veto the proposed precept on the grounds that ..." is inside it)."""
        b, out, after = self.blocks[i], [], self.blocks[i].content_start
        # searched afresh after each motion: "... the device, to be moved between X and Y." must not swallow the
        # next proposal's "moved an amendment ... that"
        while m := rules()["proposal"].search(self.text, after, b.end):
            out.append(m.end() - len("that"))
            after = max(self._end_of_motion(out[-1], b.end), m.end())
        return out

    def _that_of_proposal(self, start: int, end: int) -> int:
        """Where the motion's text begins in "X moved, seconded by Y, that ...": at its "that" (``start`` if
        no proposal is found)."""
        proposal = rules()["proposal"].search(self.text, start, end)
        return proposal.end() - len("that") if proposal else start

    def _end_of_motion(self, begin: int, limit: int) -> int:
        """The end of a motion moved in prose at ``begin``: its sentence, without "; this was seconded by Y"."""
        end = first_sentence_end(self.text, begin, limit) or limit
        seconder = SECONDER_AFTER.search(self.text, begin, end)
        return seconder.start() if seconder else end

    def _vote(self, begin: int, blocks: range, amendment: bool) -> int | None:
        """Where the vote that lost the motion (or ``amendment``) moved at ``begin`` is recorded; None if the vote
        carried it or none is recorded.  "The amendment was carried and the motion fell": each its own, and a
        motion an amendment carried before it replaced is lost (the body did not adopt its words).  An
        amendment whose fate is not stated fell when a division between the two carried the motion unamended (the
        Scottish "On a division, there voted:- ... The motion was accordingly carried")."""
        r = rules()
        motion_carried = None
        for j in blocks:
            b = self.blocks[j]
            for m in r["motion_outcome"].finditer(self.text, begin if j == blocks[0] else b.content_start, b.end):
                lost = r["outcome_lost"].search(m.group(0))
                if ("amendment" in m.group(0).lower()) == amendment:
                    return m.start() if lost else None
                if not amendment and _carries(m, bool(lost)) and not ADDS_WORDS.search(self.text, begin, m.start()):
                    return m.start()  # "the amendment was carried": the motion as moved is lost
                if amendment and motion_carried is None and self._carried_unamended(m, begin):
                    motion_carried = m.start()
        return motion_carried

    def _carried_unamended(self, outcome: re.Match, begin: int) -> bool:
        """Whether the motion ``outcome`` carried the motion as it stood before the amendment moved at ``begin``, in
        a division that counted votes for the amendment (elsewhere "The substantive motion was carried" may follow
        an amendment carried in words the outcome rules do not know)."""
        if rules()["outcome_lost"].search(outcome.group(0)) or not VOTES_FOR_AMENDMENT.search(
                self.text, begin, outcome.start()):
            return False
        before = self.text[max(0, outcome.start() - 30):outcome.start()]
        return not AMENDED_BEFORE.search(before) and not AMENDED_AFTER.match(self.text, outcome.end())

    def _outcome(self, group: list[int], stop: int, replaceable: bool,
                 is_amendment: bool) -> tuple[str | None, int | None]:
        """(carried | lost | None, where that outcome is stated), from the first outcome stated after the motion's
        text.  A ``replaceable`` motion
        that an amendment replaced ("The amendment was carried and became the substantive motion") is lost in its
        own words; the fate of another's amendments does not settle it.  An amendment's fate is its own outcome,
        or the motion carried unamended in a division that counted votes for it."""
        r = rules()
        first, last = self.blocks[group[0]], self.blocks[max(group)]
        span = self.text[first.start:last.end]
        close = max(span.rfind(CLOSE_QUOTE), span.rfind('"') if span.count('"') >= 2 else -1)
        tail = close + 1 if close >= 0 else 0  # unquoted: the outcome may follow in the paragraph
        texts = [(first.start + tail, span[tail:])] + [(self.blocks[j].content_start, self.content(j))
                                                        for j in range(max(group) + 1, stop)]
        for at, c in texts:
            for m in r["motion_outcome"].finditer(c):
                lost = bool(r["outcome_lost"].search(m.group(0)))
                if is_amendment and "amendment" not in m.group(0).lower():
                    if VOTES_FOR_AMENDMENT.search(self.text, first.start, at + m.start()) and not lost:
                        return "lost", None  # "On a division, there voted for the amendment 2 and for the motion 4."
                    continue
                if lost and not is_amendment and "amendment" in m.group(0).lower():
                    continue  # "the amendment was LOST": the motion stands, its own vote comes later
                if not replaceable or "amendment" not in m.group(0).lower():
                    return ("lost", at + m.start()) if lost else ("carried", at + m.start())
                if _carries(m, lost) and not ADDS_WORDS.search(self.text, first.start, at + m.start()):
                    return "lost", None  # the amendment carried replaced the motion's words (one that only added
                    # words to them, "to add the words ...", left them standing)
        return None, None

    def _motion_clauses(self, group: list[int]) -> list[int]:
        """Labelled clauses of a motion's text: the labelled children of its 'is asked to:' paragraph."""
        labelled = [k for k in group[1:] if self.blocks[k].label]
        if not labelled:
            return []
        top = min(self.blocks[k].depth for k in labelled)
        return [k for k in labelled if self.blocks[k].depth == top]

    def _resolved_after(self, group: list[int], stop: int) -> bool:
        """Does a block after the motion ``group`` (before block ``stop``) record a resolution ("RESOLVED that
        the motion be agreed", "The Council resolved:"), which the later passes read?"""
        r = rules()
        return any(r["resolved_marker"].match(self.content(j)) or r["body_resolved"].match(self.content(j))
                   or r["trailing_resolved"].search(self.content(j).rstrip())
                   for j in range(max(group) + 1, stop))

    def _carried_clauses(self, clauses: list[int]) -> None:
        """A motion carried with no RESOLVED record of its own ('"This Council: (1) notes that ...; (2) agrees to
        fund ..." ... The motion was put to the vote and declared CARRIED'): its clauses are the resolutions."""
        for k in clauses:
            kb = self.blocks[k]
            end = kb.subtree_end
            while end > kb.content_start and self.text[end - 1] in ' \n"':
                end -= 1  # the closing straight quote of the motion's text
            self.clause(kb.content_start, end, "resolved", kb.label)

    def _lost_motion(self, group: list[int]) -> None:
        r = rules()
        start = self.blocks[group[0]].content_start
        end = max(self.blocks[k].end for k in group)
        body = self.text[start:end]
        q = body.find(OPEN_QUOTE)
        if q < 0 and body.count('"') >= 2:  # straight quotes: the motion is what lies between the first pair
            q = body.find('"')
            end = start + body.find('"', q + 1)
            body = self.text[start:end]
        m = r["resolves_phrase"].search(body, q if q >= 0 else 0)
        that = self._that_of_proposal(start, end)
        if q >= 0 and start + q >= self._end_of_motion(that, end) > that > start:
            q, m = -1, None  # "X moved, seconded by Y, that ... . Z moved an amendment ... to replace ... with "...""
            # the quotation is the amendment's; the motion is the "that" sentence
        if m:
            begin = start + m.start()
        elif q >= 0:
            begin = start + q + 1
        else:  # "... moved, seconded by Y, that the Panel veto the precept. The Monitoring Officer advised ...":
            # the motion is the "that" sentence; what follows it is debate and the vote
            begin = that
            end = self._end_of_motion(begin, end)
        self.clause(begin, end, "motion_lost")


def _carries(outcome: re.Match, lost: bool) -> bool:
    """Does the outcome ``outcome`` (not ``lost``) carry what it names, rather than record its withdrawal?"""
    return not lost and WITHDRAWN.search(outcome.group(0)) is None
