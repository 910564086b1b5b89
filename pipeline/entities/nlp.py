"""The spaCy pipeline of the entity stage: tokenizer, lexicon tagger, span ruler, resolver.

* the tokenizer keeps hyphenated words whole ("Samra-Rai", "Vice-Chairman",
  "Co-ordinator") and knows "Cllr." and friends;
* ``minutes_lexicon`` (a registered factory) tags tokens from the
  vocabularies in :mod:`.lexicon` (TITLE, SUFFIX, FIRST, RANK, ROLE, ROLEHEAD,
  ORGSUF, ORGEND, ORGPRE, CAP, ACRO, NAME, INITIAL, STOP and derived tags);
* spaCy's ``span_ruler`` applies the token patterns in
  ``pipeline/patterns/entity_ruler.jsonl``, which are written in those tags
  (``{"_": {"lex": {"INTERSECTS": [...]}}}``).  The tags are stored as a string
  ``"|CAP|NAME|"`` in the otherwise unused ``Token.lemma_`` and the patterns are
  compiled to ``LEMMA`` regexes, which spaCy's matcher evaluates an order of
  magnitude faster than list-valued extension attributes;
* an optional trained ``ner`` adds PERSON/ORG spans the rules miss;
* ``minutes_entity_resolver`` merges the candidates into ``doc.ents``
  (PERSON, ORG) and ``doc.spans["roles"]`` (ROLE), preferring gazetteer and
  longer matches.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, filter_spans

from .attendance import parse_attendance
from .lexicon import Lexicon, load_lexicon

STOPWORDS = {"the", "this", "that", "these", "those", "a", "an", "it", "there", "members", "member", "all", "each",
             "any", "in", "on", "at", "for", "of", "and", "with", "from", "to", "by", "as", "if", "whilst", "while",
             "following", "further", "however", "also", "during", "after", "before", "since", "when", "where",
             "arising", "resolved", "agreed", "noted", "minutes", "item", "report", "update", "appendix", "page",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mr", "mrs", "ms", "dr", "chair", "chairman", "vice-chairman", "cabinet", "council", "board", "panel",
             "committee", "government", "leader", "county", "district", "borough", "city", "parish", "town",
             "policy", "strategy", "plan", "programme", "quarter", "annual", "action", "actions", "apologies"}
SPECIAL_CASES = ["Cllr.", "Cllrs.", "Supt.", "Insp.", "Sgt.", "Det.", "Ch.", "Revd.", "Prof.", "Rev."]
_LETTER = r"[A-Za-z\u00c0-\u024f'\u2019\-]"
CAP_WORD = re.compile(r"^[A-Z\u00c0-\u00de]" + _LETTER + r"*[a-z\u00df-\u024f]" + _LETTER + "*$")
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")
INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.){1,4}[A-Z]?$")
SOURCE_PRIORITY = {"attendance": 0, "gazetteer": 1, "ruler": 2, "context": 3, "ner": 4}
WEAK_ORG_HEADS = {"team", "teams", "homes", "housing", "department", "directorate", "unit", "services", "office", "hub",
                  "section", "division", "service", "group", "panel", "committee", "board", "partnership",
                  "partnerships"}
SPEECH_VERBS = {"said", "asked", "explained", "agreed", "reported", "highlighted", "stated", "confirmed", "advised",
                "noted", "welcomed", "presented", "introduced", "offered", "outlined", "added", "responded",
                "replied", "commented", "suggested", "undertook", "thanked", "informed", "provided", "raised",
                "emphasised", "emphasized", "re-iterated", "reiterated", "stressed", "acknowledged", "queried",
                "questioned", "felt", "gave", "summarised", "summarized", "declared", "proposed", "seconded"}
INTRODUCING = {"by", "from"}
FUNCTION_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our"}
GENERIC_BODY_WORDS = {"the", "county", "district", "borough", "city", "parish", "town", "unitary", "local", "council",
                      "police", "force", "government", "authority", "cabinet", "committee", "executive", "full"}
INTRODUCED = {"report", "update", "presentation", "welcomed", "thanked", "letter", "email", "submission"}


def make_nlp() -> Language:
    """A blank English pipeline with the minutes tokenizer (no components yet)."""
    nlp = spacy.blank("en")
    infixes = [p for p in nlp.Defaults.infixes if "-" not in p or "\\d" in p]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for case in SPECIAL_CASES:
        nlp.tokenizer.add_special_case(case, [{"ORTH": case}])
    return nlp


def _phrases(nlp: Language, texts: list[str]) -> list[Doc]:
    return [nlp.make_doc(t) for t in texts if t.strip()]


@Language.factory("minutes_lexicon")
class LexiconTagger:
    """Tags tokens with the vocabularies they belong to (see :func:`has`)."""

    def __init__(self, nlp: Language, name: str):
        lex: Lexicon = load_lexicon()
        self.lex = lex
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("RANK", _phrases(nlp, lex.ranks))
        self.matcher.add("ROLE", _phrases(nlp, lex.roles))
        self.matcher.add("ROLEHEAD", _phrases(nlp, lex.role_heads))
        self.matcher.add("ORGSUF", _phrases(nlp, [s for s in lex.org_suffixes if s.lower() not in {
            "programme", "project", "plan", "strategy"}]))
        self.matcher.add("ORGPRE", _phrases(nlp, lex.org_prefixes))
        self.titles_lower = set(lex.titles) | set(lex.plural_titles)

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        token_tags: list[set[str]] = []
        for tok in doc:
            t = tok.text
            tags = set()
            if t.lower().rstrip(".") in self.titles_lower and t[0].isupper():
                tags.add("TITLE")
            if lex.is_suffix(t):
                tags.add("SUFFIX")
            if t in lex.first_names:
                tags.add("FIRST")
            if INITIAL.match(t):
                tags.add("INITIAL")
            if CAP_WORD.match(t):
                tags.add("CAP")
            if ACRONYM.match(t):
                tags.add("ACRO")
            if t.lower() in STOPWORDS:
                tags.add("STOP")
            token_tags.append(tags)
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            for i in range(start, end):
                token_tags[i].add(label)
            if label == "ORGSUF":
                token_tags[end - 1].add("ORGEND")
        for tok, tags in zip(doc, token_tags, strict=True):
            tags.update(derived_tags(tags))
            tok.lemma_ = "|" + "|".join(sorted(tags)) + "|"
        return doc


def has(token: Token, tag: str) -> bool:
    """Does ``token`` carry lexicon tag ``tag``?  (Tags are kept in the otherwise unused ``lemma_``.)"""
    return f"|{tag}|" in token.lemma_


def derived_tags(tags: set[str]) -> list[str]:
    """Combined tags, because token patterns can test membership but not its absence.

    NAME: a capitalised word that is no title, job or organisation word; SURNAME: any capitalised
    non-function word; ORGSTART / ORGIN: may open / continue an organisation name; PLACEQ: may follow
    one as a place ("... South East"); ROLESTART: may open a job title.
    """
    cap = bool(tags & {"CAP", "ACRO"})
    out = []
    if "CAP" in tags and not tags & {"STOP", "TITLE", "ORGSUF", "ROLE", "ROLEHEAD", "RANK"}:
        out.append("NAME")
        if "FIRST" not in tags:
            out.append("PLACEQ")
    if "CAP" in tags and "STOP" not in tags:
        out.append("SURNAME")
    if cap and not tags & {"STOP", "TITLE", "ROLE", "RANK"}:
        out.append("ORGSTART")
    if (cap or "ORGSUF" in tags) and not tags & {"ROLE", "TITLE", "RANK"}:
        out.append("ORGIN")
    if cap and not tags & {"STOP", "TITLE"}:
        out.append("ROLESTART")
    return out


def ruler_patterns() -> list[dict]:
    """The span-ruler patterns shipped in ``pipeline/patterns/entity_ruler.jsonl``."""
    path = resources.files("pipeline") / "patterns" / "entity_ruler.jsonl"
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"patterns/entity_ruler.jsonl line {lineno}: {exc.msg}") from exc
            entry = {k: v for k, v in entry.items() if k in ("label", "pattern", "id")}
            entry["pattern"] = [_compile_token(t) for t in entry["pattern"]]
            out.append(entry)
    return out


def _compile_token(spec: dict) -> dict:
    """``{"_": {"lex": {"INTERSECTS": ["A", "B"]}}}`` becomes a LEMMA regex matching ``|A|`` or ``|B|``."""
    spec = dict(spec)
    lex = spec.pop("_", {}).get("lex")
    if lex:
        tags = lex["INTERSECTS"]
        spec["LEMMA"] = {"REGEX": r"\|(?:" + "|".join(map(re.escape, tags)) + r")\|"}
    return spec


@Language.factory("minutes_attendance")
class AttendanceParser:
    """PERSON spans (with role/organisation links) from the header's attendance lists.

    The segmenter passes the lists' character spans in ``doc.user_data["attendance"]``
    as ``(start, end, kind)``; without them, label lines near the top are found here.
    """

    def __init__(self, nlp: Language, name: str):
        self.lex = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get("text", doc.text)
        lists = doc.user_data.get("attendance")
        if lists is None:
            lists = _find_attendance_lists(text)
        spans, links = [], {}
        for start, end, kind in lists:
            for att in parse_attendance(text, start, end, kind, self.lex):
                span = doc.char_span(att.start, att.end, label="PERSON", alignment_mode="expand")
                if span is not None:
                    spans.append(span)
                    links[(span.start, span.end)] = (att.role, att.org, att.alias, kind)
        doc.spans["attendance"] = spans
        doc.user_data["attendance_links"] = links
        return doc


def _find_attendance_lists(text: str) -> list[tuple[int, int, str]]:
    from ..segment.layout import rules as segment_rules
    from ..segment.layout import split_lines

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
            out.append((lines[i].start, lines[j].end, "_".join(m.group(1).lower().split())))
            i = j
        i += 1
    return out


def gazetteer_patterns() -> list[dict]:
    """Phrase patterns for the national bodies in ``organisations.jsonl`` (and their acronyms)."""
    out = []
    for org in load_lexicon().organisations:
        if org.get("type") == "programme" or org.get("ambiguous") and " " not in org["name"]:
            continue  # "Prevent", "Mind", "Refuge": ordinary words far more often than bodies
        out.append({"label": "ORG", "pattern": org["name"], "id": "gazetteer"})
        if org.get("acronym"):
            out.append({"label": "ORG", "pattern": org["acronym"], "id": "gazetteer"})
    return out


@Language.factory("minutes_entity_resolver", default_config={"model_labels": ["PERSON", "ORG"]})
class EntityResolver:
    """Merges rule, gazetteer and model candidates into ``doc.ents`` and ``doc.spans["roles"]``.

    ``model_labels``: which labels of a trained ``ner`` are trusted (the shipped model's meta.json says).
    """

    def __init__(self, nlp: Language, name: str, model_labels: list[str]):
        self.name = name
        self.model_labels = set(model_labels)
        lex = load_lexicon()
        self.generic = {w.lower() for text in lex.roles + lex.role_heads + lex.ranks for w in text.split()}
        self.generic |= STOPWORDS
        self.glossary = lex.glossary
        self.org_words = {s.lower() for s in lex.org_suffixes}
        self.org_openers = tuple(p.lower() + " " for p in lex.org_prefixes)

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[tuple[Span, str]] = []
        roles = [s for s in doc.spans.get("ruler", []) if s.label_ == "ROLE"]
        for span in doc.spans.get("ruler", []):
            if span.label_ == "PERSON":
                candidates.append((span, "ruler"))
            elif span.label_ == "ORG":
                if span.id_ == "gazetteer":
                    candidates.append((span, "gazetteer"))
                elif self._plausible_org(span, roles):
                    candidates.append((span, "ruler"))
        candidates += [(s, "context") for s in self._contextual_people(doc, roles)]
        candidates += [(s, "ruler") for s in self._glossary_orgs(doc)]
        for span in doc.spans.get("attendance", []):
            candidates.append((span, "attendance"))
        for span in doc.ents:
            if span.label_ in self.model_labels:
                candidates.append((span, "ner"))
        chosen = [self._tidy(span) for span in _resolve(candidates)]
        chosen = [s for part in chosen if part is not None for s in self._split_coordinated(part)]
        chosen = [s for s in chosen if s.label_ != "ORG" or not self._generic_only(s)]
        doc.ents = sorted(chosen, key=lambda s: s.start)
        doc.spans["roles"] = filter_spans([t for t in (self._tidy(r) for r in roles) if t is not None])
        return doc

    def _tidy(self, span: Span) -> Span | None:
        """Drop leading function words ("That the Police" -> "Police", "the Leader of ..." -> "Leader of ...");
        extend a body by the place before it ("Leicester Rape Crisis")."""
        start, end = span.start, span.end
        doc = span.doc
        def leading_junk(tok: Token) -> bool:
            if not tok.text[:1].isupper():
                return True
            return has(tok, "STOP") if span.label_ == "ORG" else tok.lower_ in FUNCTION_WORDS

        while span.label_ != "PERSON" and start < end and leading_junk(doc[start]):
            start += 1
        if start == end:
            return None
        if span.label_ == "ORG" and start == span.start and start > 1:
            prev, before = doc[start - 1], doc[start - 2]
            if has(prev, "PLACEQ") and before.is_alpha:  # not a capital that opens a sentence
                start -= 1
        return Span(doc, start, end, label=span.label_)

    def _split_coordinated(self, span: Span) -> list[Span]:
        """"Severnside Police and Riverside Borough Council" is two bodies."""
        if span.label_ != "ORG":
            return [span]
        for tok in span[1:-1]:
            nxt = span.doc[tok.i + 1]
            ends_body = has(span.doc[tok.i - 1], "ORGEND")
            if tok.lower_ in ("and", "&") and tok.i - span.start >= 2 and ends_body \
                    and has(nxt, "NAME") and nxt.lower_ not in self.generic:
                left = Span(span.doc, span.start, tok.i, label="ORG")
                right = Span(span.doc, tok.i + 1, span.end, label="ORG")
                return [left, *self._split_coordinated(right)]
        return [span]

    def _generic_only(self, span: Span) -> bool:
        """"the County Council", "District Councils", "the Police": a kind of body, not a named one."""
        words = [t.lower_ for t in span if t.is_alpha]
        return bool(words) and all(w in GENERIC_BODY_WORDS or w.rstrip("s") in GENERIC_BODY_WORDS for w in words)

    def _plausible_org(self, span: Span, roles: list[Span]) -> bool:
        """Pattern-found organisations: not a team inside a job title, not a generic "Community Safety Team"."""
        if any(r.start <= span.start and span.end == r.end for r in roles):
            return False  # "Chief Executive" is a job title even though "Executive" can end a body's name
        if _is_weak(span):
            if any(r.start <= span.start and span.end <= r.end and r.end > span.end for r in roles):
                return False  # "Democratic Services" in "Democratic Services Officer"
            if span[0].lower_ in self.generic:
                return False
        return True

    def _contextual_people(self, doc: Doc, roles: list[Span]) -> list[Span]:
        """Two capitalised name-like words that act as a person: "Lillie Green, Healthy Homes Officer",
        "Stef Douglas asked ...", "a report of Bob Bearne"."""
        out = []
        role_starts = {r.start for r in roles}
        for i in range(len(doc) - 1):
            a, b = doc[i], doc[i + 1]
            if not (has(a, "NAME") and has(b, "NAME")) or has(a, "ACRO"):
                continue
            if i > 0 and has(doc[i - 1], "NAME"):
                continue
            nxt = doc[i + 2] if i + 2 < len(doc) else None
            prev = doc[i - 1] if i > 0 else None
            before = doc[i - 2] if i > 1 else None
            if nxt is not None and has(nxt, "NAME"):
                continue
            acts = nxt is not None and (nxt.lower_ in SPEECH_VERBS or (nxt.text == "," and i + 3 in role_starts))
            introduced = prev is not None and prev.lower_ in INTRODUCING and before is not None and \
                before.lower_ in INTRODUCED
            if acts or introduced:
                out.append(Span(doc, i, i + 2, label="PERSON"))
        return out

    def _glossary_orgs(self, doc: Doc) -> list[Span]:
        """Acronyms whose glossary expansion names an organisation ("EMAS", "CRC")."""
        out = []
        for tok in doc:
            if has(tok, "ACRO"):
                expansion = self.glossary.get(tok.text) or self.glossary.get(tok.text.rstrip("s"))
                if expansion and (expansion.split()[-1].lower() in self.org_words
                                  or expansion.lower().startswith(self.org_openers)):
                    out.append(Span(doc, tok.i, tok.i + 1, label="ORG"))
        return out


def _is_weak(span: Span) -> bool:
    return span[-1].lower_ in WEAK_ORG_HEADS


def _resolve(candidates: list[tuple[Span, str]]) -> list[Span]:
    """Non-overlapping spans: attendance first, then gazetteer, then longest rule/model spans."""
    ranked = sorted(candidates, key=lambda c: (SOURCE_PRIORITY[c[1]], -(c[0].end - c[0].start), c[0].start))
    taken: set[int] = set()
    out: list[Span] = []
    for span, _source in ranked:
        idx = set(range(span.start, span.end))
        if idx & taken:
            continue
        taken |= idx
        out.append(Span(span.doc, span.start, span.end, label=span.label_))
    return out


def build_pipeline(ner_model: str | None = None, model_labels: tuple[str, ...] = ("PERSON", "ORG")) -> Language:
    """The full entity pipeline; ``ner_model`` is a trained model folder whose ``ner`` is added."""
    nlp = make_nlp()
    # patterns first, on a bare pipeline: phrase patterns are then tokenized, not run through the tagger
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "ruler", "overwrite": True, "validate": True})
    ruler.add_patterns(ruler_patterns() + gazetteer_patterns())
    nlp.add_pipe("minutes_lexicon", before="span_ruler")
    nlp.add_pipe("minutes_attendance", before="span_ruler")
    if ner_model:
        trained = spacy.load(ner_model)
        nlp.add_pipe("ner", source=trained)
    nlp.add_pipe("minutes_entity_resolver", config={"model_labels": list(model_labels)})
    return nlp
