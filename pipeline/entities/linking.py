"""Person -> role -> organisation links from the local patterns minutes use.

* "Rik Basra, Community Safety Co-ordinator, Leicestershire County Council"
* "Gurjit Samra-Rai, Leicestershire County Council will present ..."
* "Chief Inspector X (Leicestershire Police)", "Mr J Cook (Democratic Services Manager)"
* "Charles Paul from the Youth Offending Service", "Carolyn Maclean of the National Probation Service"
* "The Leader of the Labour Group, Mr Brady", "the Chief Executive at the OPCC Paul Hindson"
* "Mr I.D Ould CC be elected Chairman", "Mr. I. D. Ould CC in the Chair"
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

ELECTED = {"elected", "appointed", "re-elected", "confirmed"}


@dataclass
class Link:
    role: Span | str | None = None
    org: Span | None = None


def _starting_at(spans: list[Span], i: int) -> Span | None:
    return next((s for s in spans if s.start == i), None)


def _ending_at(spans: list[Span], i: int) -> Span | None:
    return next((s for s in spans if s.end == i), None)


def link_person(doc: Doc, person: Span, roles: list[Span], orgs: list[Span]) -> Link:
    link = Link()
    j = person.end
    n = len(doc)
    # right context
    if j < n and doc[j].text == ",":
        if (role := _starting_at(roles, j + 1)) is not None:
            link.role = role
            k = role.end
            if k < n and doc[k].text == "," and (org := _starting_at(orgs, k + 1)) is not None:
                link.org = org
            elif k < n and doc[k].lower_ in ("at", "of", "for") and k + 1 < n:
                k2 = k + 2 if doc[k + 1].lower_ == "the" else k + 1
                link.org = _starting_at(orgs, k2)
        elif (org := _starting_at(orgs, j + 1)) is not None:
            link.org = org
    elif j < n and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(n, j + 20)) if doc[k].text == ")"), None)
        if close:
            if (org := _starting_at(orgs, j + 1)) is not None and org.end == close:
                link.org = org
            elif (role := _starting_at(roles, j + 1)) is not None:
                link.role = role
    elif j < n and doc[j].lower_ in ("from", "of", "at") and j + 1 < n:
        k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
        link.org = _starting_at(orgs, k)
    if link.role is None:
        # "X be elected Chairman", "X was appointed as Vice-Chair", "X in the Chair"
        window = [t.lower_ for t in doc[j:j + 4]]
        if any(w in ELECTED for w in window[:3]):
            k = j + next(i for i, w in enumerate(window) if w in ELECTED) + 1
            k += 1 if k < n and doc[k].lower_ == "as" else 0
            link.role = _starting_at(roles, k)
        elif window[:3] == ["in", "the", "chair"]:
            link.role = "Chairman"
    # left context: "The Leader of the Labour Group, Mr Brady"; "Chief Executive at the OPCC Paul Hindson"
    if link.role is None and person.start >= 2 and doc[person.start - 1].text == ",":
        link.role = _ending_at(roles, person.start - 1)
    if link.role is None and person.start >= 1:
        org = _ending_at(orgs, person.start)
        if org is not None and org.start >= 3 and doc[org.start - 1].lower_ in ("the", "at"):
            k = org.start - 1 - (1 if doc[org.start - 1].lower_ == "the" else 0)
            if doc[k].lower_ in ("at", "of"):
                role = _ending_at(roles, k)
                if role is not None:
                    link.role, link.org = role, org
    return link
