"""``minutes_span_ruler``: spaCy's span ruler, with its token patterns run only where they can match.

Every token of a pattern in ``patterns/entity_ruler.jsonl`` either tests a
lexicon tag (``minutes_lexicon`` keeps them in ``Token.lemma_``) or is one of a
few literal words ("of", "and", "&", ",", "'s", "Office" ...).  A token that
carries none of the tested tags and is none of those words — most of the words
of running text: "the report was", "members asked whether" — can therefore lie
inside no match, and it splits the text into runs that no match crosses.  The
matcher's cost grows with tokens times patterns, and each token pays a Python
predicate call per distinct tag test, so running the token patterns over the
runs alone gives the same matches for a fraction of the work (a test holds the
two rulers equal).  Phrase patterns (the gazetteer) still run over the whole
document: the phrase matcher is cheap.
"""

from __future__ import annotations

import re
import warnings

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

TAG_IN_REGEX = re.compile(r"[A-Z]+")


class RunSpanRuler(SpanRuler):
    """A :class:`spacy.pipeline.SpanRuler` whose token patterns see only the runs of tokens that could match."""

    def __init__(self, *args, **kwargs):
        self._live_tags: set[str] = set()
        self._literals: dict[str, set[str]] = {"LOWER": set(), "ORTH": set()}
        self._live_lemma: dict[int, bool] = {}
        self._needs_tag = True  # does every token pattern have a required (not "?" / "*") tag test?
        super().__init__(*args, **kwargs)

    def add_patterns(self, patterns: list[dict]) -> None:
        super().add_patterns(patterns)
        for entry in patterns:
            if isinstance(entry["pattern"], str):
                continue
            self._needs_tag &= any("LEMMA" in spec and spec.get("OP", "") not in ("?", "*")
                                   and not spec.get("OP", "").startswith("{0") for spec in entry["pattern"])
            for spec in entry["pattern"]:
                if spec.get("OP") == "!":  # a negated test matches the untagged tokens the runs leave out
                    raise ValueError("minutes_span_ruler cannot bound a pattern with a negated token (OP '!')")
                for attr, value in spec.items():
                    if attr == "LEMMA" and isinstance(value, dict) and "REGEX" in value:
                        self._live_tags.update(TAG_IN_REGEX.findall(value["REGEX"]))  # r"\|(?:A|B)\|": tags A, B
                    elif attr in ("LOWER", "ORTH", "TEXT") and (isinstance(value, str) or set(value) == {"IN"}):
                        words = value["IN"] if isinstance(value, dict) else [value]
                        self._literals["LOWER" if attr == "LOWER" else "ORTH"].update(words)
                    elif attr != "OP":  # e.g. {"LOWER": {"REGEX": ...}}: its words cannot be listed
                        raise ValueError(f"minutes_span_ruler cannot bound a pattern that tests {attr}")
        self._live_lemma.clear()

    def _runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Maximal (start, end) token ranges in which every token carries a tested tag or is a literal word, and
        at least one carries a tag (every pattern needs one: "of the" between two plain words matches nothing)."""
        strings, live_lemma = doc.vocab.strings, self._live_lemma
        lemmas = doc.to_array(LEMMA).tolist()
        lowers, orths = doc.to_array(LOWER).tolist(), doc.to_array(ORTH).tolist()
        lower_words, orth_words = self._literals["LOWER"], self._literals["ORTH"]
        runs, start, tagged = [], None, not self._needs_tag
        for i, lemma in enumerate(lemmas):
            live = live_lemma.get(lemma)
            if live is None:
                live = live_lemma[lemma] = bool(self._live_tags & set(strings[lemma].strip("|").split("|")))
            if live or strings[lowers[i]] in lower_words or strings[orths[i]] in orth_words:
                if start is None:
                    start = i
                tagged = tagged or live
            elif start is not None:
                if tagged:
                    runs.append((start, i))
                start, tagged = None, not self._needs_tag
        if start is not None and tagged:
            runs.append((start, len(lemmas)))
        return runs

    def match(self, doc: Doc):
        self._require_patterns()
        matches = []
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            for start, end in self._runs(doc):
                matches += [(m_id, start + a, start + b) for m_id, a, b in self.matcher(doc[start:end])]
            matches += list(self.phrase_matcher(doc))
        labels = self._match_label_id_map
        return sorted({Span(doc, a, b, label=labels[m_id]["label"], span_id=labels[m_id]["id"])
                       for m_id, a, b in matches if a != b})


@Language.factory("minutes_span_ruler", default_config={"spans_key": "ruler", "overwrite": True, "validate": True})
def make_run_span_ruler(nlp: Language, name: str, spans_key: str, overwrite: bool, validate: bool) -> RunSpanRuler:
    return RunSpanRuler(nlp, name, spans_key=spans_key, overwrite=overwrite, validate=validate)

