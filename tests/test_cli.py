"""The `minutes` command: outputs, exit codes, error messages, help."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, DATA
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
GOLD_KEYS = {"source", "meeting", "items", "people", "organisations"}
ITEM_KEYS = {"number", "title", "topics", "decisions", "follow_ups"}


def test_extract_writes_one_superset_record_per_meeting(tmp_path):
    out = tmp_path / "m.jsonl"
    errors = tmp_path / "e.jsonl"
    res = runner.invoke(app, ["extract", str(CORPUS / "raw"), str(CORPUS / "pdf"), "--out", str(out),
                              "--errors", str(errors), "--quiet"])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(Path(r["source"]).stem for r in records) == sorted(
        p.stem for p in (CORPUS / "gold").glob("*.json"))
    for r in records:
        assert GOLD_KEYS <= r.keys()
        assert {"committee", "date", "time", "venue"} <= r["meeting"].keys()
        for item in r["items"]:
            assert ITEM_KEYS <= item.keys()
            for d in item["decisions"]:
                assert {"text", "types", "start", "end"} <= d.keys()
    problems = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(p["stage"], Path(p["path"]).name, Path(p["duplicate_of"]).name) for p in problems] == [
        ("dedupe", "kent_council_2025-01-09_copy.pdf", "kent_council_2025-01-09.pdf")]


def test_run_writes_meetings_and_errors(tmp_path):
    res = runner.invoke(app, ["run", str(CORPUS / "raw"), str(DATA / "not_minutes_synthetic.txt"),
                              "--out", str(tmp_path / "out")])
    assert res.exit_code == 1
    assert len((tmp_path / "out/meetings.jsonl").read_text().splitlines()) == 2
    (error,) = [json.loads(x) for x in (tmp_path / "out/errors.jsonl").read_text().splitlines()]
    assert error["path"].endswith("not_minutes_synthetic.txt") and error["stage"] == "segment"
    # after the files, each later stage says that it has started (they are a quarter of a long run)
    stages = [line.split("] ", 1)[1] for line in res.output.splitlines() if re.match(r"\[\d+\.\ds\] ", line)]
    assert [s.split(" ")[0] for s in stages] == ["linking", "writing", "writing"], res.output
    assert stages[0].startswith("linking people and follow-ups across 2 meetings")
    assert stages[1] == "writing the tables as csv, jsonl, parquet" and stages[2] == "writing the HTML report"


def test_a_file_that_is_not_minutes_fails_cleanly_without_traceback(tmp_path):
    bad = DATA / "not_minutes_synthetic.txt"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(bad), "--out", str(tmp_path / "x.jsonl")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert "not_minutes_synthetic.txt" in proc.stderr and "no meeting header" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_missing_path_and_bad_usage_exit_codes(tmp_path):
    assert runner.invoke(app, ["extract", str(tmp_path / "nope"), "--quiet"]).exit_code == 1
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["evaluate", str(CORPUS / "raw"), "--gold", str(tmp_path)]).exit_code == 2


def test_evaluate_prints_per_stage_rows_and_json():
    res = runner.invoke(app, ["evaluate", str(CORPUS / "raw"), "--gold", str(CORPUS / "gold"),
                              "--only", "lscsb_2018-06-15,lscsb_2021-09-24", "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)
    assert m["meetings"] == 2 and m["missing"] == 0
    assert m["items_exact_rate"] == 1.0 and m["title_recall"] == 1.0 and m["decision_r"] == 1.0
    table = runner.invoke(app, ["evaluate", str(CORPUS / "raw"), "--gold", str(CORPUS / "gold")])
    assert table.exit_code == 0
    for row in ("segmentation", "items_exact_rate", "title_recall", "decision_p", "decision_r"):
        assert row in table.output
    assert "(4 not extracted)" in table.output  # the PDFs were not given
    for row in ("person_f1", "topic_f1", "decision_type_acc", "followup_p", "followup_owner_acc"):
        assert row in table.output
    assert "not run" not in table.output  # every stage ran on the extracted files


def test_evaluate_says_not_run_for_stages_missing_from_predictions(tmp_path):
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps({"source": "raw/lscsb_2018-06-15.txt", "items": [
        {"number": "1", "title": "Apologies", "decisions": []}]}) + "\n")
    res = runner.invoke(app, ["evaluate", str(preds), "--gold", str(CORPUS / "gold"),
                              "--only", "lscsb_2018-06-15"])
    assert res.exit_code == 0, res.output
    assert "not run" in res.output  # no entity/follow-up output: say so rather than print 0.000


def test_evaluate_reads_predictions_jsonl_and_reports_bad_lines(tmp_path):
    preds = tmp_path / "p.jsonl"
    preds.write_text('{"source": "raw/lscsb_2018-06-15.txt", "items": []}\nnot json\n')
    res = runner.invoke(app, ["evaluate", str(preds), "--gold", str(CORPUS / "gold")])
    assert res.exit_code == 2 and "p.jsonl:2" in res.output


def test_outline_shows_items_and_decisions():
    res = runner.invoke(app, ["outline", str(CORPUS / "raw/lscsb_2021-09-24.txt")])
    assert res.exit_code == 0
    assert "14. Dates of future meetings" in res.output
    assert "decision (that_clause): That the status of the Action Log be noted." in res.output


def _commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)


def test_the_documented_commands_exist():
    assert {"extract", "run", "evaluate", "outline", "label", "people", "train", "table", "followups"} <= set(
        _commands())


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(command):
    res = runner.invoke(app, [command, "--help"])
    assert res.exit_code == 0 and "Example: minutes" in res.output


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented_in_the_readme(command):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert f"### `minutes {command}" in readme
