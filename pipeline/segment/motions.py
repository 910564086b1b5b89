"""Pass 5 of the resolution reader: motions and amendments put to the vote.

A *lost* motion is one declined decision (its "resolves ..." text); a *lost* amendment declines the clauses it
would have added to the motion as it stood.  Carried motions are recorded by their RESOLVED clause, which the
other passes read.  :class:`MotionPass` is a mixin of :class:`.resolutions._ItemResolutions`, whose block
helpers (``content``, ``clause``, ``mark``, ``subtree``) it uses.
"""

from __future__ import annotations

from ..evaluate import overlap  # share of the smaller token set found in the other (the scorer's measure)
from .blocks import CLOSE_QUOTE, OPEN_QUOTE
from .layout import rules

DUPLICATE_OVERLAP = 0.9


class MotionPass:
    def motions(self) -> None:
        r = rules()
        standing: list[str] = []  # clauses of the motion as it stands (original + carried amendments)
        intros = [i for i, b in enumerate(self.blocks) if not b.in_quote and r["motion_intro"].search(self.content(i))]
        for n, i in enumerate(intros):
            group = [i, *self.subtree(i)]
            stop = intros[n + 1] if n + 1 < len(intros) else len(self.blocks)
            outcome = self._outcome(group, stop)
            clauses = self._motion_clauses(group)
            is_amendment = "amendment" in r["motion_intro"].search(self.content(i)).group(0).lower()
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
            self.mark(*group)

    def _outcome(self, group: list[int], stop: int) -> str | None:
        """carried | lost | None, from the first outcome stated after the motion's text."""
        r = rules()
        first, last = self.blocks[group[0]], self.blocks[max(group)]
        span = self.text[first.start:last.end]
        close = max(span.rfind(CLOSE_QUOTE), span.rfind('"') if span.count('"') >= 2 else -1)
        tail = span[close + 1:] if close >= 0 else ""
        for c in [tail] + [self.content(j) for j in range(max(group) + 1, stop)]:
            m = r["motion_outcome"].search(c)
            if m:
                return "lost" if r["outcome_lost"].search(m.group(0)) else "carried"
        return None

    def _motion_clauses(self, group: list[int]) -> list[int]:
        """Labelled clauses of a motion's text: the labelled children of its 'is asked to:' paragraph."""
        labelled = [k for k in group[1:] if self.blocks[k].label]
        if not labelled:
            return []
        top = min(self.blocks[k].depth for k in labelled)
        return [k for k in labelled if self.blocks[k].depth == top]

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
        if m:
            begin = start + m.start()
        elif q >= 0:
            begin = start + q + 1
        else:
            begin = start + (r["proposal"].search(body).end() if r["proposal"].search(body) else 0)
        self.clause(begin, end, "motion_lost")
