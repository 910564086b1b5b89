"""Batch runs: identical output across backends, the content-hash cache, resuming, the no-change fast path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, SERIES
from typer.testing import CliRunner

from pipeline.batch import BatchOptions, run_records
from pipeline.cache import ResultCache, fingerprint
from pipeline.cli import app
from pipeline.extract import ExtractSummary, list_inputs
from pipeline.runner import run_pipeline

runner = CliRunner()


@pytest.fixture()
def small_corpus(tmp_path) -> Path:
    """Four real and synthetic meetings of different layouts, one of them a PDF, plus the Ashby series."""
    root = tmp_path / "in"
    shutil.copytree(SERIES, root)
    for name in ("raw/lscsb_2018-06-15.txt", "raw/lscsb_2021-09-24.txt", "pdf/kent_cpp_2024-10-29.pdf"):
        shutil.copy(CORPUS / name, root / Path(name).name)
    return root


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cache" not in p.parts}


def test_jobs_and_dask_give_byte_identical_outputs(small_corpus, tmp_path):
    pytest.importorskip("dask.distributed")
    runs = {}
    for name, options in (("one", BatchOptions(jobs=1)), ("two", BatchOptions(jobs=2)),
                          ("dask", BatchOptions(jobs=2, backend="dask"))):
        result = run_pipeline([small_corpus], tmp_path / name, options, use_cache=False)
        assert result.summary.ok == 7 and result.summary.failed == 0
        runs[name] = _outputs(tmp_path / name)
    assert "minutes.sqlite" in runs["one"] and "tables/followups.parquet" in runs["one"]
    assert "report/index.html" in runs["two"]  # written by a second process beside the table files
    assert runs["one"] == runs["two"] == runs["dask"]


def test_a_report_that_fails_beside_the_tables_is_written_again(small_corpus, tmp_path, monkeypatch):
    import os

    import pipeline.runner as runner_module
    run_pipeline([small_corpus], tmp_path / "one", BatchOptions(jobs=1), use_cache=False)
    # the forked process dies at once; the run must still write the whole report, the same as one process does
    monkeypatch.setattr(runner_module, "_report_from_file", lambda *args: os._exit(1))
    run_pipeline([small_corpus], tmp_path / "two", BatchOptions(jobs=2), use_cache=False)
    one, two = _outputs(tmp_path / "one"), _outputs(tmp_path / "two")
    assert "report/index.html" in two and one == two


def test_rerun_skips_everything_and_a_changed_file_is_redone_alone(small_corpus, tmp_path):
    out = tmp_path / "out"
    first = run_pipeline([small_corpus], out)
    assert first.summary.ok == 7 and first.summary.cached == 0 and not first.up_to_date
    before = _outputs(out)
    again = run_pipeline([small_corpus], out)
    assert again.up_to_date and _outputs(out) == before
    (small_corpus / "ashby_csp_synthetic_2023-01-10.txt").touch()  # same bytes, new time: cache, same output
    touched = run_pipeline([small_corpus], out)
    assert not touched.up_to_date and touched.summary.cached == 7 and _outputs(out) == before
    path = small_corpus / "ashby_csp_synthetic_2024-09-10.txt"
    path.write_text(path.read_text().replace("hate crime figures for the year", "hate crime figures for the "
                                                                                "quarter"))
    changed = run_pipeline([small_corpus], out)
    assert changed.summary.cached == 6 and changed.summary.ok == 7
    assert "figures for the quarter" in (out / "meetings.jsonl").read_text()
    assert "figures for the quarter" in (out / "tables" / "followups.csv").read_text()


def test_a_different_pipeline_invalidates_the_cache(tmp_path):
    models = tmp_path / "topics"
    shutil.copytree(sorted((CORPUS.parent / "models" / "topics").iterdir())[-1], models)
    assert fingerprint() == fingerprint({"topics": str(models)})  # the same model, wherever it lives
    meta = models / "meta.json"
    meta.write_text(meta.read_text().replace('"created"', '"retrained": true, "created"'))
    assert fingerprint() != fingerprint({"topics": str(models)})  # meta.json holds the weights' hashes
    assert fingerprint() != fingerprint(max_bytes=10)


def test_an_interrupted_run_resumes_from_the_cache(small_corpus, tmp_path):
    cache = ResultCache(tmp_path / "cache", fingerprint())
    summary = ExtractSummary()
    files = list_inputs([small_corpus], summary)
    seen = []

    def stop_after_three(path, status):
        seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(run_records(files, summary, BatchOptions(), cache, stop_after_three))
    resumed = ExtractSummary()
    records = list(run_records(files, resumed, BatchOptions(), cache))
    assert resumed.cached == 3 and resumed.ok == 7 and len(records) == 7


def test_run_command_says_when_nothing_changed(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(SERIES), "--out", str(out), "--quiet"]).exit_code == 0
    res = runner.invoke(app, ["run", str(SERIES), "--out", str(out)])
    assert res.exit_code == 0 and "nothing changed" in res.output
    bad = runner.invoke(app, ["run", str(SERIES), "--out", str(out), "--backend", "spark"])
    assert bad.exit_code == 2 and "unknown backend" in bad.output
    bad = runner.invoke(app, ["run", str(SERIES), "--out", str(out), "--scheduler", "tcp://x:8786"])
    assert bad.exit_code == 2 and "--backend dask" in bad.output
