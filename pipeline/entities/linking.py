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

from .nlp import has
from .org_extent import POSSESSIVE_S
from .role_extent import common_post

CHAIRS = {"chair", "chairman", "chairwoman", "chairperson", "vice-chair", "vice-chairman", "co-chair"}
ELECTED = {"elected", "appointed", "re-elected", "confirmed"}
APPOINTING = {"appoint", "appoints", "elect", "elects", "re-elect", "co-opt"}  # the verb before the name
TENURE = {"former", "then", "outgoing", "retiring", "incoming", "new", "acting", "interim"}  # lower case, before a job


@dataclass
class Link:
    role: Span | str | None = None
    org: Span | None = None


def _starting_at(spans: list[Span], i: int) -> Span | None:
    return next((s for s in spans if s.start == i), None)


def _ending_at(spans: list[Span], i: int) -> Span | None:
    return next((s for s in spans if s.end == i), None)


def _capitalised_run(doc: Doc, k: int) -> Span | None:
    """A run of capitalised words at ``k`` ended by a comma, "will", a full stop or a bracket: an unnamed body
    in "Elaine Stevenson, CEO, Warning Zone, will present"."""
    m = k
    while m < len(doc) and m - k < 6 and (doc[m].text[:1].isupper() or doc[m].lower_ in ("and", "&", "of")):
        m += 1
    if m == k or m >= len(doc) or not (doc[m].text in (",", ".", "(", ";") or doc[m].lower_ in ("will", "who")):
        return None
    if doc[m - 1].lower_ in ("and", "&", "of"):
        return None
    if m - k == 1 and not doc[k].text.isupper():
        return None  # "Director of Strategy, Policy, Relationships ...": one plain word continues the job title
    if any(t.ent_type_ == "PERSON" for t in doc[k:m]):
        return None  # "Amanda Beer, Chief Executive Officer, David Whittle, Director of ...": the next person
    return Span(doc, k, m, label="ORG")


def _bare_head(doc: Doc, k: int, orgs: list[Span]) -> Span | None:
    """A job title that is one open-ended head word, in apposition: "Brian Horton, Chair Kent Housing Group",
    "Jane Smith, Director, Acme Trust", "Jane Smith (Chair)".  Alone, "Chair" or "Director" is no role span (it
    would tag every "the Chair said"); beside a name and closed by punctuation or a body, it is the person's."""
    if k >= len(doc) or not doc[k].text[:1].isupper() or not has(doc[k], "ROLEHEAD"):
        return None
    nxt = k + 1
    if nxt < len(doc) and doc[nxt].text not in (",", ")", ".", ";") and _starting_at(orgs, nxt) is None:
        return None
    return Span(doc, k, nxt, label="ROLE")


def _skip(doc: Doc, k: int, *words: str) -> int:
    return k + 1 if k < len(doc) and doc[k].lower_ in words else k


def _after_tenure(doc: Doc, k: int) -> int:
    """Past the words of tenure at ``k``: "former Member for …", "the interim Head of …"."""
    while k < len(doc) and doc[k].text in TENURE:
        k += 1
    return k


# "X, of Westbridge Police,", "X, representing the Probation Service,", "X, on behalf of the OPCC,"
REPRESENTING = (("of",), ("from",), ("representing",), ("on", "behalf", "of"))


def _past_phrase(doc: Doc, k: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
    """Where the first of ``phrases`` (lower-case word sequences) that starts at ``k`` ends; None if none does."""
    for words in phrases:
        if tuple(t.lower_ for t in doc[k:k + len(words)]) == words:
            return k + len(words)
    return None


def _represented(doc: Doc, k: int, orgs: list[Span]) -> Span | None:
    """The body a person speaks for, named after a comma by "of", "from", "representing" or "on behalf of"."""
    end = _past_phrase(doc, k, REPRESENTING)
    return _starting_at(orgs, _skip(doc, end, "the")) if end is not None else None


def _joined_jobs(doc: Doc, role: Span, roles: list[Span]) -> Span:
    """"Deputy Leader and Cabinet Member for Finance": two jobs of one person joined by "and" are one role."""
    while role.end + 1 < len(doc) and doc[role.end].lower_ in ("and", "&") \
            and (more := _starting_at(roles, role.end + 1)) is not None:
        role = Span(doc, role.start, more.end, label="ROLE")
    return role


# "X, speaking as the Cabinet Member for ...", "X, in her capacity as Chair of ...", "X, who is the ...",
# "X, our Community Safety Manager,": words between a name and the post it is given in apposition
LEAD_INS = (("who", "is"), ("who", "was"), ("speaking", "as"), ("in", "his", "capacity", "as"),
            ("in", "her", "capacity", "as"), ("in", "their", "capacity", "as"), ("as",),
            ("who", "had", "joined", "as"), ("who", "has", "joined", "as"), ("who", "joined", "as"))
DETERMINERS = ("the", "our", "its", "their")
DASHES = ("-", "\u2013", "\u2014")


def _past_lead_in(doc: Doc, k: int) -> int:
    return _skip(doc, _past_phrase(doc, k, LEAD_INS) or k, *DETERMINERS)


def _apposition(doc: Doc, k: int, roles: list[Span], orgs: list[Span], link: Link) -> None:
    """Read the post and body written after a name at ``k`` (past a comma, dash or bracket) into ``link``:
    "Head of Community Safety, Westbridge Council", "the Council's Head of ...", "Westbridge Council's Head
    of ...", "former Member for ...", a body alone, or the body spoken for ("representing the OPCC")."""
    n = len(doc)
    k = _past_lead_in(doc, k)
    if k < n and doc[k].text == "(":  # "Gurjit Samra-Rai, (Community Safety Team Manager, ...)"
        k += 1
    owner_org = None
    if (k + 1 < n and doc[k].text[:1].isupper() and doc[k + 1].text in POSSESSIVE_S
            and _starting_at(roles, k) is None):  # "Ravi Shah, the Council's Head of Community Safety"
        k += 2
    elif (org := _starting_at(orgs, k)) is not None and org.end < n and doc[org.end].text in POSSESSIVE_S:
        owner_org, k = org, org.end + 1  # "Ravi Shah, Westbridge Council's Head of Community Safety"
    # "Jo Bell, Kent Police Chief Inspector": the body, then the post; "Jason Read, Kent Youth Justice Service
    # Manager": a bare head after a place's body is the post of its unit, named without the place
    if owner_org is None and (org := _starting_at(orgs, k)) is not None and \
            (role := _starting_at(roles, k) or _starting_at(roles, k + 1)) is not None and \
            (role.end - org.end >= 2 or role.end > org.end and org[0].text in doc.user_data.get("places", ())):
        start = org.end if role.end - org.end >= 2 else org.start + 1
        link.role, link.org = Span(doc, start, role.end, label="ROLE"), org
        return
    held, k = k, _after_tenure(doc, k)  # "Richard Parry, former Member for Sevenoaks West"
    if (role := _starting_at(roles, k) or _bare_head(doc, k, orgs)) is not None:
        role = _field_of(doc, _joined_jobs(doc, role, roles), orgs)
        link.role = Span(doc, held, role.end, label="ROLE") if held < k else role
    elif (org := owner_org or _starting_at(orgs, k) or _represented(doc, k, orgs)) is not None:
        link.org = org
        return
    elif (role := common_post(doc, held)) is not None:
        link.role = role
    else:
        return
    _body_after_post(doc, role.end, orgs, link)
    link.org = link.org or owner_org


def _body_after_post(doc: Doc, k: int, orgs: list[Span], link: Link) -> None:
    """The body named after a person's post, which ends at ``k``: ", Westbridge Council", "at the Home Office"
    (then part of the post: "Minister of State at the Home Office"), "of Acme Trust", or right after it."""
    n = len(doc)
    if k < n and doc[k].text == "," and (org := _starting_at(orgs, k + 1)) is not None:
        link.org = org
    elif k < n and doc[k].text == ",":
        link.org = _capitalised_run(doc, k + 1)
    elif k < n and doc[k].lower_ in ("at", "of", "for", "in"):
        link.org = _starting_at(orgs, _skip(doc, k + 1, "the"))
        if link.org is not None and doc[k].lower_ == "at":  # "Minister of State at the Home Office"
            link.role = Span(doc, link.role.start, link.org.end, label="ROLE")
    else:
        link.org = _starting_at(orgs, k)  # "Brian Horton, Chair Kent Housing Group"


def _field_of(doc: Doc, role: Span, orgs: list[Span]) -> Span:
    """"Head of Service for Community Safety and Public Protection at ...": a field in capitals after "for" / "of"
    belongs to the job (a body there does not: "Director of Public Health for Westbridge Council")."""
    k = role.end
    if k + 1 >= len(doc) or doc[k].lower_ not in ("for", "of") or _starting_at(orgs, k + 1) is not None:
        return role
    m = k + 1
    while m < len(doc) and m - k <= 8 and (doc[m].text[:1].isupper() or doc[m].lower_ in ("and", "&")):
        m += 1
    if m == k + 1 or doc[m - 1].lower_ in ("and", "&") or m >= len(doc) or \
            doc[m].text not in (",", ".", ";", ")") and doc[m].lower_ != "at":
        return role
    if any(t.ent_type_ in ("PERSON", "ORG") for t in doc[k + 1:m]):
        return role
    return Span(doc, role.start, m, label="ROLE")


def link_person(doc: Doc, person: Span, roles: list[Span], orgs: list[Span]) -> Link:
    link = Link()
    j = person.end
    n = len(doc)
    # right context
    if j < n and (doc[j].text == "," or doc[j].text in DASHES and j > 0 and doc[j - 1].whitespace_):
        _apposition(doc, j + 1, roles, orgs, link)  # "X, Head of ...", "X - Head of ... -"
    elif j < n and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(n, j + 20)) if doc[k].text == ")"), None)
        if close:
            if (org := _starting_at(orgs, j + 1)) is not None and org.end == close:
                link.org = org
            elif (role := _starting_at(roles, j + 1) or _bare_head(doc, j + 1, orgs)) is not None:
                link.role = role  # "Dr Amir Khan (Director of Public Health, Westbridge Council)": and the body
                if role.end < close and doc[role.end].text == "," and (org := _starting_at(orgs, role.end + 1)) \
                        is not None and org.end == close:
                    link.org = org
            elif doc[j + 1].lower_ in DETERMINERS:  # "Jo Bell (the Council's Head of Community Safety)"
                _apposition(doc, j + 1, roles, orgs, link)
    elif j < n and doc[j].lower_ in ("from", "of", "at") and j + 1 < n:
        link.org = _starting_at(orgs, _skip(doc, j + 1, "the"))
    elif (role := _starting_at(roles, j)) is not None:  # "Natalia Merritt Co-Chair Kent Housing Options Subgroup"
        link.role = role
        link.org = _starting_at(orgs, role.end)
    if link.role is None:
        link.role = _elected_as(doc, person, roles, orgs)
    # left context: "The Leader of the Labour Group, Mr Brady"; "Applicant: Mr Anil Varsani" (a hearing's parties);
    # "Chief Executive at the OPCC Paul Hindson"
    if link.role is None and person.start >= 2 and doc[person.start - 1].text in (",", ":", "("):
        link.role = _ending_at(roles, person.start - 1)  # and "The Head of Community Safety (Jo Bell)"
    if link.role is None and person.start >= 1:
        link.role = _ending_at(roles, person.start)  # "Director of Public Health Jo Bell said"
    if link.role is None:
        link.role = _post_in_apposition(doc, person)
    if link.role is None and person.start >= 1:
        org = _ending_at(orgs, person.start)
        if org is not None and org.start >= 3:
            k = org.start - 1 - (1 if doc[org.start - 1].lower_ == "the" else 0)
            if doc[k].lower_ in ("at", "of"):
                role = _ending_at(roles, k)
                if role is not None:
                    link.role, link.org = role, link.org or org
    return link


def _post_in_apposition(doc: Doc, person: Span) -> str | None:
    """"The Chair, Councillor Ines Mallender, explained …", "the Director, Jane Smith, said": a bare post word
    after "the", then the person between commas, is the person's post."""
    k = person.start - 1
    if k >= 0 and has(doc[k], "TITLE"):
        k -= 1  # "The Chair, Councillor X,": the title may stand outside the person's span
    if k < 2 or doc[k].text != "," or person.end >= len(doc) or doc[person.end].text != ",":
        return None
    head = doc[k - 1]
    if has(head, "RANK") and head.text[:1].isupper():
        return _rank_before(doc, k)
    post = head.lower_ in CHAIRS or has(head, "ROLEHEAD")
    if doc[k - 2].lower_ != "the" or not head.text[:1].isupper() or not post:
        return None
    return head.text


def _rank_before(doc: Doc, k: int) -> str | None:
    """"The (newly appointed) Chief Superintendent, Amir Khan,": a rank written as a post before the comma at
    ``k``, after "the"."""
    start = k - 1
    while start > 0 and has(doc[start - 1], "RANK") and doc[start - 1].text[:1].isupper():
        start -= 1
    j = start - 1
    while j > 0 and doc[j].lower_ in ("new", "newly", "appointed"):
        j -= 1
    return doc[start:k].text if j >= 0 and doc[j].lower_ == "the" else None


def _elected_as(doc: Doc, person: Span, roles: list[Span], orgs: list[Span]) -> Span | str | None:
    """"X be elected Chairman", "X, Midshire Fire and Rescue Service, be elected Vice-Chairman", "X in the Chair",
    "welcomed X to her first meeting as Vice-Chair"."""
    j = person.end
    if j < len(doc) and doc[j].text == ",":
        org = _starting_at(orgs, j + 1)
        if org is not None and org.end < len(doc) and doc[org.end].text == ",":
            j = org.end + 1
    window = [t.lower_ for t in doc[j:j + 5]]
    k = None
    if any(w in ELECTED for w in window[:3]):
        k = j + next(i for i, w in enumerate(window) if w in ELECTED) + 1
    elif window[:1] == ["to"] and window[2:] == ["first", "meeting", "as"] and window[1] in ("his", "her", "their"):
        k = j + 4
    elif window[:1] == ["as"] and person.start > 0 and doc[person.start - 1].lower_ in APPOINTING:
        k = j  # "To appoint Councillor K Rait as Vice-Convener of the Committee"
    if k is not None:
        k = _skip(doc, _skip(doc, k, "as", "to"), "the")  # "be elected to Chair the meeting", "as the Chair"
        held, k = k, _after_tenure(doc, k)  # "appointed as the interim Head of Community Safety"
        role = _starting_at(roles, k)
        if role is not None and held < k:
            return Span(doc, held, role.end, label="ROLE")  # its word of tenure kept, as in apposition
        if role is None and k < len(doc) and doc[k].lower_ in CHAIRS:
            return doc[k].text[:1].upper() + doc[k].text[1:]
        return role
    if window[:3] == ["in", "the", "chair"]:
        return "Chairman"
    return None
