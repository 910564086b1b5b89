"""The bounded span ruler finds exactly what spaCy's own span ruler finds, on real minutes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from conftest import CORPUS
from spacy.pipeline import SpanRuler

from pipeline.entities import get_pipeline, unwrap
from pipeline.entities.nlp import gazetteer_patterns, make_nlp, ruler_patterns
from pipeline.entities.run_ruler import RunSpanRuler
from pipeline.ingest import ingest_file

# the project's copy of the real page dumps (not ../shared, which a fresh checkout may lack), and synthetic set 10
SOURCES = sorted((CORPUS / "raw").glob("*.txt")) + sorted((CORPUS / "synthetic10" / "raw").glob("*.txt"))
assert len(SOURCES) >= 7, "the corpus files this test reads are missing"


def _tagged(nlp, text: str):
    doc = nlp.make_doc(unwrap(text))
    doc.user_data["text"] = text
    for name, proc in nlp.pipeline:
        if name == "span_ruler":
            return doc
        doc = proc(doc)
    raise AssertionError("the entity pipeline has no span_ruler")


def _key(spans):
    return [(s.start, s.end, s.label_, s.id_) for s in spans]


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_same_spans_as_spacys_span_ruler(path: Path):
    nlp = get_pipeline(None)
    ours = nlp.get_pipe("span_ruler")
    assert isinstance(ours, RunSpanRuler)
    stock = SpanRuler(nlp, "stock", spans_key="stock", validate=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W012: gazetteer phrases made with the tagged pipeline
        stock.add_patterns(ruler_patterns() + gazetteer_patterns())
    doc = _tagged(nlp, ingest_file(path, path.name).text)
    found = ours.match(doc)
    assert found, "real minutes name people and bodies"
    assert _key(found) == _key(stock.match(doc))
    runs = ours._runs(doc)
    assert len(runs) > 1 and sum(b - a for a, b in runs) < len(doc) / 2


def test_a_pattern_it_cannot_bound_is_refused():
    ruler = make_nlp().add_pipe("minutes_span_ruler")
    with pytest.raises(ValueError, match="cannot bound a pattern that tests SHAPE"):
        ruler.add_patterns([{"label": "X", "pattern": [{"SHAPE": "dd"}]}])


def test_a_lemma_test_that_is_no_tag_test_is_refused():
    ruler = make_nlp().add_pipe("minutes_span_ruler")
    with pytest.raises(ValueError, match="cannot bound a pattern that tests LEMMA"):
        ruler.add_patterns([{"label": "X", "pattern": [{"LEMMA": "report"}]}])


@pytest.mark.parametrize("pattern, what", [
    ([{"LOWER": "the"}, {"LOWER": "report", "OP": "!"}], "negated token"),  # would match the words runs leave out
    ([{"LOWER": {"REGEX": "^rep"}}], "tests LOWER"),  # a word test whose words cannot be listed
])
def test_a_pattern_that_could_match_outside_the_runs_is_refused(pattern, what):
    ruler = make_nlp().add_pipe("minutes_span_ruler")
    with pytest.raises(ValueError, match=what):
        ruler.add_patterns([{"label": "X", "pattern": pattern}])
