"""Batch extraction: duplicates kept once, a second meeting on the same day, failures never stop a run."""

from __future__ import annotations

from conftest import CORPUS, DATA

from pipeline.batch import run_records
from pipeline.extract import ExtractSummary, list_inputs

MINUTES = (CORPUS / "raw/lscsb_2021-09-24.txt").read_text(encoding="utf-8")


def _run(paths):
    summary = ExtractSummary()
    meetings = list(run_records(list_inputs(paths, summary), summary))
    return meetings, summary


def test_same_meeting_with_different_bytes_is_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(MINUTES.replace("\n", "\r\n").encode("utf-8"))  # re-saved on Windows
    (tmp_path / "c.txt").write_text(MINUTES, encoding="utf-8")  # byte-identical copy
    meetings, summary = _run([tmp_path])
    assert [m["source"] for m in meetings] == ["a.txt"]
    assert summary.duplicates == 2 and summary.failed == 0
    assert {e["duplicate_of"] for e in summary.errors} == {str(tmp_path / "a.txt")}


def test_second_different_meeting_of_a_body_on_a_day_gets_suffix(tmp_path):
    (tmp_path / "a.txt").write_text(MINUTES, encoding="utf-8")
    other = MINUTES.replace("Hate Crime Strategic Update", "Serious Violence Duty Update")
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    meetings, summary = _run([tmp_path])
    assert summary.duplicates == 0
    first, second = meetings
    assert second["id"] == first["id"] + "-2"
    assert all(i["id"].startswith(second["id"] + "#") for i in second["items"])
    assert all(x["id"].startswith(second["id"] + "#") for i in second["items"]
               for x in i["decisions"] + i["follow_ups"])


def test_bad_files_are_reported_and_good_ones_still_extracted(tmp_path):
    (tmp_path / "good.txt").write_text(MINUTES, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    meetings, summary = _run([tmp_path, DATA / "not_minutes_synthetic.txt"])
    assert [m["source"] for m in meetings] == ["good.txt"]
    reasons = sorted((e["path"].rsplit("/", 1)[-1], e["stage"]) for e in summary.errors)
    assert reasons == [("empty.txt", "ingest"), ("not_minutes_synthetic.txt", "segment"), ("scan.pdf", "ingest")]
    assert summary.ok == 1 and summary.failed == 3


def test_every_shipped_minutes_file_extracts_without_an_internal_error():
    """Each set of minutes the project ships, the blind held-out sets included, goes through every stage: a new
    set has twice stopped a meeting with an error (overlapping organisation spans, an empty table cell)."""
    folders = sorted(p for p in CORPUS.glob("**/*") if p.is_dir() and p.name in ("raw", "html", "pdf"))
    files = [f for folder in folders for f in folder.iterdir() if f.is_file()]
    meetings, summary = _run(folders)
    assert summary.failed == 0, [e for e in summary.errors if e.get("stage") != "dedupe"]
    assert len(meetings) + summary.duplicates == len(files) > 80
