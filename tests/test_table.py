"""Knowledge tables: keys, formats, the SQLite database, and the questions users ask of it."""

from __future__ import annotations

import json
import sqlite3

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.link import read_records
from pipeline.table import KEYS, build_tables
from pipeline.tablefiles import SQLITE_NAME

runner = CliRunner()


def test_every_table_in_every_format_with_unique_keys(series_run):
    for name, key in KEYS.items():
        csv = pd.read_csv(series_run / "tables" / f"{name}.csv")
        parquet = pd.read_parquet(series_run / "tables" / f"{name}.parquet")
        jsonl = pd.read_json(series_run / "tables" / f"{name}.jsonl", lines=True)
        assert len(csv) == len(parquet) == len(jsonl) > 0, name
        assert list(csv.columns) == list(parquet.columns), name
        assert not parquet.duplicated(subset=key).any(), name
    meetings = pd.read_parquet(series_run / "tables" / "meetings.parquet")
    assert meetings["meeting_id"].tolist() == [f"ashby-community-safety-partnership/{d}" for d in
                                               ("2023-01-10", "2023-04-11", "2023-07-11", "2024-09-10")]
    assert meetings["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()


def test_sqlite_declares_keys_and_indexes(series_run):
    con = sqlite3.connect(series_run / SQLITE_NAME)
    for name, key in KEYS.items():
        pk = [row[1] for row in sorted(con.execute(f'PRAGMA table_info("{name}")'), key=lambda r: r[5]) if row[5]]
        assert pk == key, name
    indexes = {row[1] for row in con.execute("PRAGMA index_list(followups)")}
    assert {"ix_followups_status", "ix_followups_due_date"} <= indexes
    con.close()


def test_open_followups_older_than_a_year(series_run):
    """Raised more than a year before the newest meeting of their body and still open."""
    con = sqlite3.connect(series_run / SQLITE_NAME)
    rows = con.execute("""
        SELECT f.date, f.action FROM followups f
        JOIN (SELECT body_id, max(date) AS newest FROM meetings GROUP BY body_id) m USING (body_id)
        WHERE f.status = 'open' AND f.date < date(m.newest, '-1 year')""").fetchall()
    con.close()
    assert len(rows) == 1
    assert rows[0][0] == "2023-07-11" and "review of the strategy" in rows[0][1]


def test_topics_present_in_at_least_three_meetings(series_run):
    con = sqlite3.connect(series_run / SQLITE_NAME)
    rows = con.execute("""SELECT topic, count(DISTINCT meeting_id) FROM item_topics GROUP BY topic
                          HAVING count(DISTINCT meeting_id) >= 3 ORDER BY topic""").fetchall()
    recurring = con.execute("SELECT topic, meetings FROM topic_recurrence WHERE recurring ORDER BY topic").fetchall()
    con.close()
    assert rows == recurring
    assert ("serious_violence", 3) in rows  # Jan 2023, Apr 2023, Sep 2024; never hate_crime (one meeting)
    assert all(topic != "hate_crime" for topic, _ in rows)


def test_topic_recurrence_agrees_with_the_matrix(series_run):
    tables = build_tables(read_records(series_run / "meetings.jsonl"))
    matrix, rec = tables["topic_by_meeting"], tables["topic_recurrence"]
    row = rec[rec["topic"] == "serious_violence"].iloc[0]
    present = (matrix.sort_values("date")["serious_violence"] > 0).tolist()
    assert present == [True, True, False, True]
    assert row["longest_run"] == 2 and row["years_active"] == 2 and row["recurring"]
    assert (row["first_date"], row["last_date"]) == ("2023-01-10", "2024-09-10")
    assert json.loads(row["share_by_year"]) == {"2023": round(2 / 3, 3), "2024": 1.0}


def test_people_and_roles_tables_share_ids(series_run):
    con = sqlite3.connect(series_run / SQLITE_NAME)
    orphans = con.execute("SELECT count(*) FROM person_roles WHERE person_id NOT IN (SELECT person_id FROM people)")
    assert orphans.fetchone()[0] == 0
    holt = con.execute("SELECT meetings, latest_role FROM people WHERE person_id = 'jane-holt'").fetchone()
    con.close()
    assert holt == (4, "Inspector")


def test_empty_corpus_still_gives_tables_with_columns():
    tables = build_tables([])
    assert set(tables) == set(KEYS)
    assert {"status", "due_date", "owner"} <= set(tables["followups"].columns)


def test_table_command_rebuilds_and_checks_formats(series_run, tmp_path):
    res = runner.invoke(app, ["table", str(series_run), "--out", str(tmp_path), "--formats", "csv,sqlite"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / SQLITE_NAME).is_file() and (tmp_path / "tables" / "followups.csv").is_file()
    assert not list((tmp_path / "tables").glob("*.parquet"))
    bad = runner.invoke(app, ["table", str(series_run), "--out", str(tmp_path), "--formats", "xlsx"])
    assert bad.exit_code == 2 and "xlsx" in bad.output
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a"}\nnot json\n')
    res = runner.invoke(app, ["table", str(broken)])
    assert res.exit_code == 2 and "broken.jsonl" in res.output and "line 2" in res.output


def test_tables_do_not_depend_on_where_chunks_break(series_run, tmp_path, monkeypatch):
    """Rows go into the database in batches and come back out in chunks (flat memory); neither may change a
    table, its types or its order."""
    import pipeline.table as table
    import pipeline.tablefiles as tablefiles

    whole, chunked = tmp_path / "whole", tmp_path / "chunked"
    assert runner.invoke(app, ["table", str(series_run), "--out", str(whole)]).exit_code == 0
    monkeypatch.setattr(table, "FLUSH_ROWS", 2)
    monkeypatch.setattr(tablefiles, "CHUNK_ROWS", 2)
    assert runner.invoke(app, ["table", str(series_run), "--out", str(chunked)]).exit_code == 0
    for name in KEYS:
        for fmt in ("csv", "jsonl"):
            file = f"tables/{name}.{fmt}"
            assert (whole / file).read_bytes() == (chunked / file).read_bytes(), file
        first, second = (pd.read_parquet(d / "tables" / f"{name}.parquet") for d in (whole, chunked))
        assert len(first) > 2, name  # more than one chunk
        pd.testing.assert_frame_equal(first, second, obj=name)
    run = pd.read_parquet(series_run / "tables" / "followups.parquet")
    pd.testing.assert_frame_equal(run, pd.read_parquet(whole / "tables" / "followups.parquet"))


def test_a_repeated_key_keeps_its_first_row_and_an_unknown_topic_gets_a_column(series_run):
    """Rows stream into the database, so duplicates are settled by the key there: the first version stays.
    A topic outside the taxonomy (a record from another model) becomes one more column of the matrix."""
    records = read_records(series_run / "meetings.jsonl")
    again = json.loads(json.dumps(records[0]))
    again["meeting"]["venue"] = "somewhere else"
    again["items"][0]["topics"] = ["street_lighting"]
    tables = build_tables([records[0], *records[1:], again])
    meetings = tables["meetings"]
    assert len(meetings) == len(records)
    assert meetings.loc[meetings["meeting_id"] == records[0]["id"], "venue"].item() == records[0]["meeting"]["venue"]
    matrix = tables["topic_by_meeting"]
    assert "street_lighting" in matrix.columns and matrix["street_lighting"].sum() == 0  # the repeat was dropped
    fresh = json.loads(json.dumps(records[1]))
    fresh["id"], fresh["items"][0]["topics"] = "ashby-community-safety-partnership/2099-01-01", ["street_lighting"]
    matrix = build_tables([*records, fresh])["topic_by_meeting"]
    assert matrix.set_index("meeting_id")["street_lighting"].to_dict() == {
        **{r["id"]: 0 for r in records}, fresh["id"]: 1}
