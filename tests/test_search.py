"""Search over the shipped corpus: themes (also by acronym and topic id), facets, people under aliases, errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from pipeline.batch import BatchOptions
from pipeline.cli import app
from pipeline.runner import run_pipeline
from pipeline.search import SearchError, search

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("search")
    run_pipeline([CORPUS], out, BatchOptions(jobs=2), use_cache=False)
    return out / "minutes.sqlite"


def _sql(db: Path, query: str, *args) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def test_a_topic_id_finds_every_item_tagged_with_it(db):
    tagged = {r[0] for r in _sql(db, "SELECT item_id FROM item_topics WHERE topic = 'domestic_abuse'")}
    assert len(tagged) >= 3
    hits = search(db, "domestic_abuse", kind="item", limit=500)
    assert tagged <= set(hits["ref_id"])
    filtered = search(db, "domestic_abuse", kind="item", topic="domestic_abuse", limit=500)
    assert set(filtered["ref_id"]) == tagged


def test_an_acronym_finds_its_expansion_and_back(db):
    spelled = {r[0] for r in _sql(db, "SELECT ref_id FROM search WHERE text LIKE '%child sexual exploitation%'")}
    short = {r[0] for r in _sql(db, "SELECT ref_id FROM search WHERE text GLOB '*[^A-Za-z]CSE[^A-Za-z]*'")}
    assert spelled and short
    assert spelled | short <= set(search(db, "CSE", limit=500)["ref_id"])
    assert short <= set(search(db, '"child sexual exploitation"', limit=500)["ref_id"])


def test_filters_combine(db):
    everything = search(db, "report*", limit=5000)
    recent = search(db, "report*", since="2023-01-01", limit=5000)
    noted = search(db, "report*", type="noted", limit=5000)
    both = search(db, "report*", since="2023-01-01", type="noted", limit=5000)
    assert len(both) and len(both) < len(recent) < len(everything)
    assert set(both["ref_id"]) == set(recent["ref_id"]) & set(noted["ref_id"])
    assert (both["date"] >= "2023-01-01").all() and both["types"].str.split().apply(lambda t: "noted" in t).all()
    cabinet = search(db, "report*", body="castlebrook-county-council-cabinet", until="2023-12-31", limit=5000)
    assert len(cabinet) and (cabinet["body_id"] == "castlebrook-county-council-cabinet").all()
    assert (cabinet["date"] <= "2023-12-31").all()
    open_ones = search(db, "report*", status="open", limit=5000)
    assert len(open_ones) and set(open_ones["kind"]) == {"followup"}
    # filters are facet tokens inside the full-text query: the same rows as filtering the columns themselves
    by_column = {r[0] for r in _sql(db, "SELECT ref_id FROM search WHERE search MATCH 'report*' AND status = 'open'")}
    assert set(open_ones["ref_id"]) == by_column
    assert not everything["snippet"].str.contains(r"\bf\d{15}\b").any()  # facet tokens are never shown


def test_a_person_is_found_under_any_of_their_names(db):
    rows = {r[0] for r in _sql(db, "SELECT ref_id FROM search WHERE text LIKE '%Mr Baldock%'")}
    assert rows
    for name in ("Baldock", "M Baldock", "Michael Baldock", "Mr Baldock"):
        found = set(search(db, "amendment OR motion", person=name, limit=500)["ref_id"])
        assert found and found <= rows, name
    assert search(db, "amendment", person="Zoe Baldock", limit=500).empty  # a different first initial


@pytest.mark.parametrize("query", ['"county lines', "AND OR", "   ", "county AND"])
def test_malformed_queries_give_a_clear_error(db, query):
    with pytest.raises(SearchError):
        search(db, query)
    res = runner.invoke(app, ["search", query, "--db", str(db)])
    assert res.exit_code == 2 and "error:" in res.output and "Traceback" not in res.output


def test_hyphens_and_apostrophes_need_no_quoting(db):
    assert len(search(db, "anti-social behaviour", limit=5))
    assert len(search(db, "O'Neill OR anti-social", limit=5))


def test_search_command_formats_and_missing_db(db, tmp_path):
    res = runner.invoke(app, ["search", "county lines", "--db", str(db), "--format", "json", "--limit", "3"])
    assert res.exit_code == 0, res.output
    hits = [json.loads(line) for line in res.output.splitlines()]
    assert 1 <= len(hits) <= 3 and all("\u00ab" in h["snippet"] for h in hits)
    res = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "minutes run" in res.output
    res = runner.invoke(app, ["search", "x", "--db", str(db), "--since", "2020"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output
