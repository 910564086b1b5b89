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

import itertools
import json
import re
from importlib import resources

import numpy
import spacy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from .lexicon import Lexicon, load_lexicon

STOPWORDS = {"the", "this", "that", "these", "those", "a", "an", "it", "there", "members", "member", "all", "each",
             "any", "in", "on", "at", "for", "of", "and", "with", "from", "to", "by", "as", "if", "whilst", "while",
             "although", "though", "because", "unless", "once", "despite", "over", "under", "into", "about",
             "among", "amongst", "across", "within", "between", "throughout", "towards", "upon", "via",
             "proposed", "draft", "revised",
             "following", "further", "however", "also", "during", "after", "before", "since", "when", "where",
             "arising", "resolved", "agreed", "noted", "minutes", "item", "report", "update", "appendix", "page",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "mr", "mrs", "ms", "dr", "chair", "chairman", "vice-chairman", "cabinet", "council", "board", "panel",
             "committee", "government", "leader", "county", "district", "borough", "city", "parish", "town",
             "strategy", "plan", "programme", "quarter", "annual", "action", "actions", "apologies",
             # documents, events and tools named like people: "the White Paper", "the General Election", "MS Teams"
             "paper", "papers", "election", "elections", "teams", "project",
             # an attendance table's last column: "... Monitoring Group  Yes"
             "yes", "absent",
             # an action log's imperative opens no name: "Confirm Northvale Police lead for ..."
             "confirm", "contact", "circulate", "invite", "arrange", "provide", "send", "liaise", "ask", "check",
             "explore", "consider", "seek", "obtain", "email", "ensure", "identify", "establish", "investigate",
             "prepare", "share", "forward", "thank"}
SPECIAL_CASES = ["Cllr.", "Cllrs.", "Supt.", "Insp.", "Sgt.", "Det.", "Ch.", "Revd.", "Prof.", "Rev."]
_LETTER = r"[A-Za-z\u00c0-\u024f'\u2019\-]"
CAP_WORD = re.compile(r"^[A-Z\u00c0-\u00de]" + _LETTER + r"*[a-z\u00df-\u024f]" + _LETTER + "*$")
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")
INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$|^(?:[A-Z]\.){1,4}[A-Z]?$")


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

    def _base_tags(self, t: str) -> frozenset[str]:
        lex = self.lex
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
        return frozenset(tags)

    def _lemma_id(self, doc: Doc, tags: frozenset[str]) -> int:
        """The string id of ``"|TAG|TAG|"`` for a tag set, derived tags included (memoised)."""
        found = self._lemma_ids.get(tags)
        if found is None:
            full = set(tags) | set(derived_tags(set(tags)))
            found = self._lemma_ids[tags] = doc.vocab.strings.add("|" + "|".join(sorted(full)) + "|")
        return found

    def __call__(self, doc: Doc) -> Doc:
        # Tags depend on the token's text alone, so they are memoised per string id and set through arrays:
        # no Token object is created per token (the per-token Python loop was a third of the stage's time).
        if not hasattr(self, "_orth_tags"):
            self._orth_tags: dict[int, frozenset[str]] = {}
            self._lemma_ids: dict[frozenset[str], int] = {}
        orths = doc.to_array([ORTH])
        strings = doc.vocab.strings
        token_tags = []
        for orth in orths.tolist():
            tags = self._orth_tags.get(orth)
            if tags is None:
                tags = self._orth_tags[orth] = self._base_tags(strings[orth])
            token_tags.append(tags)
        for match_id, start, end in self.matcher(doc):
            label = strings[match_id]
            for i in range(start, end):
                token_tags[i] = token_tags[i] | {label}
            if label == "ORGSUF":
                token_tags[end - 1] = token_tags[end - 1] | {"ORGEND"}
        lemmas = numpy.array([self._lemma_id(doc, tags) for tags in token_tags], dtype="uint64")
        if len(lemmas):
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def source_text(doc: Doc) -> str:
    """The text the pipeline was given (``doc.user_data["text"]``, line breaks intact), else the doc's own.  Not
    ``user_data.get("text", doc.text)``: that default is evaluated every time and rebuilds the string token by
    token."""
    text = doc.user_data.get("text")
    return doc.text if text is None else text


def token_strings(doc: Doc, attr: int) -> list[str]:
    """``attr`` (``LEMMA``: the tags, ``LOWER``, ``ORTH``) of every token, read from the doc's arrays: iterating
    the doc would create a Token object per token (a tenth of the entity stage's time)."""
    strings, seen = doc.vocab.strings, {}
    return [seen[i] if i in seen else seen.setdefault(i, strings[i]) for i in doc.to_array(attr).tolist()]


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
    # a rank word inside an organisation suffix continues the name: "Brenhall General Hospital"
    if (cap or "ORGSUF" in tags) and not tags & {"ROLE", "TITLE"} and ("RANK" not in tags or "ORGSUF" in tags):
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


CROWN = ("HM ", "His Majesty's ", "Her Majesty's ", "His Majesty\u2019s ", "Her Majesty\u2019s ")


def spellings(name: str) -> list[str]:
    """The ways minutes print one national name: "and" or "&" at each joint ("Constabulary and Fire & Rescue
    Services"), or "And" at all ("Mayor's Office for Policing And Crime", as MOPAC styles itself), and "HM"
    written out for either monarch ("His Majesty's Inspectorate of ...")."""
    words = name.split(" ")
    joints = [i for i, w in enumerate(words) if w in ("and", "&")]
    out = []
    choices = list(itertools.product(("and", "&"), repeat=len(joints)))
    for choice in choices + ([("And",) * len(joints)] if joints else []):
        for i, w in zip(joints, choice, strict=True):
            words[i] = w
        out.append(" ".join(words))
    crowned = [n for n in out if n.startswith(CROWN)]
    for n in crowned:
        bare = n[next(len(c) for c in CROWN if n.startswith(c)):]
        out += [c + bare for c in CROWN]
    return list(dict.fromkeys(out))


def gazetteer_patterns() -> list[dict]:
    """Phrase patterns for the national bodies in ``organisations.jsonl`` (and their acronyms)."""
    out = []
    for org in load_lexicon().organisations:
        if org.get("type") == "programme" or org.get("ambiguous") and " " not in org["name"]:
            continue  # "Prevent", "Mind", "Refuge": ordinary words far more often than bodies
        # an ambiguous name is also a common phrase ("Neighbourhood Watch"): the resolver lets a local name that
        # holds it and starts before it win
        out += [{"label": "ORG", "pattern": name, "id": "gazetteer_ambiguous" if org.get("ambiguous") else "gazetteer"}
                for name in spellings(org["name"])]
        if org.get("acronym"):
            out.append({"label": "ORG", "pattern": org["acronym"], "id": "gazetteer"})
    return list({(p["pattern"], p["id"]): p for p in out}.values())  # one pattern per spelling


def build_pipeline(ner_model: str | None = None, model_labels: tuple[str, ...] = ("PERSON", "ORG")) -> Language:
    """The full entity pipeline; ``ner_model`` is a trained model folder whose ``ner`` is added."""
    from . import attendance_pipe, resolver, run_ruler  # noqa: F401 - registers the minutes_* factories

    nlp = make_nlp()
    # patterns first, on a bare pipeline: phrase patterns are then tokenized, not run through the tagger
    ruler = nlp.add_pipe("minutes_span_ruler", name="span_ruler",
                         config={"spans_key": "ruler", "overwrite": True, "validate": True})
    ruler.add_patterns(ruler_patterns() + gazetteer_patterns())
    nlp.add_pipe("minutes_lexicon", before="span_ruler")
    nlp.add_pipe("minutes_attendance", before="span_ruler")
    if ner_model:
        trained = spacy.load(ner_model)
        nlp.add_pipe("ner", source=trained)
    nlp.add_pipe("minutes_entity_resolver", config={"model_labels": list(model_labels)})
    return nlp
