"""Messy corpora: ~200 files with over 10% bad ones, and a run killed part-way that resumes to the same result."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT
from pypdf import PdfWriter

from pipeline.batch import BatchOptions
from pipeline.runner import run_pipeline

BODIES = ["Ashford Community Safety Partnership", "Barnfield Police and Crime Panel", "Calder Vale Safer Communities "
          "Board", "Dunmore Health and Wellbeing Board"]
THEMES = [("ANTI-SOCIAL BEHAVIOUR", "Reports of anti-social behaviour in the town centre had fallen by {n} per cent."),
          ("DOMESTIC ABUSE", "The domestic abuse service had supported {n} families in the quarter."),
          ("COUNTY LINES", "Police had closed {n} county lines since the last meeting."),
          ("HATE CRIME", "{n} hate incidents had been reported, most of them online.")]


def good_minutes(k: int) -> str:
    body = BODIES[k % len(BODIES)]
    when = date(2016, 1, 12) + timedelta(days=30 * (k // len(BODIES)))
    lines = [body.upper(), "", f"MINUTES of a meeting of the {body} held at the Town Hall on "
             f"{when.strftime('%A, %-d %B %Y')} at 2.00 pm.", "",
             f"PRESENT: Councillor Ann Lowe (Chair), Inspector Mark Ford, Sam Patel (Officer {k})", "",
             "1. APOLOGIES", "", f"Apologies were received from Councillor Ruth Dale ({k}).", ""]
    for number, (title, sentence) in enumerate(THEMES[k % 3:k % 3 + 2], 2):
        lines += [f"{number}. {title}", "", sentence.format(n=k + number), "",
                  f"Sam Patel agreed to circulate the figures for ward {k} after the meeting.", "",
                  "RESOLVED that the report be noted.", ""]
    return "\n".join(lines)


def bad_files(folder: Path) -> dict[str, str]:
    """Bad inputs of every kind the pipeline must report; file name -> the reason it must give."""
    expected = {}
    for k in range(4):
        (folder / f"empty_{k}.txt").write_text("")
        expected[f"empty_{k}.txt"] = "empty file"
        (folder / f"blank_{k}.txt").write_text("  \n\t\n  ")
        expected[f"blank_{k}.txt"] = "empty file"  # whitespace only
        (folder / f"binary_{k}.txt").write_bytes(bytes(range(256)) * 8)
        expected[f"binary_{k}.txt"] = "binary file"
        (folder / f"error_page_{k}.html").write_text("<html><head><title>404 Not Found</title></head><body>"
                                                     "<h1>Page not found</h1></body></html>")
        expected[f"error_page_{k}.html"] = "HTML error page"
        (folder / f"news_{k}.txt").write_text("Council news\n\nThe library reopens on Monday with longer hours.\n")
        expected[f"news_{k}.txt"] = "no meeting header"
    for k in range(2):
        writer = PdfWriter()
        writer.add_blank_page(595, 842)
        with open(folder / f"scan_{k}.pdf", "wb") as fh:
            writer.write(fh)
        expected[f"scan_{k}.pdf"] = "scanned PDF"
        (folder / f"damaged_{k}.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(300))
        expected[f"damaged_{k}.pdf"] = "PDF"
    (folder / "appendix.txt").write_text(good_minutes(999) + "x" * 3_000_000)
    expected["appendix.txt"] = "file too large"
    return expected


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("messy")
    good, mixed = root / "good", root / "mixed"
    good.mkdir()
    for k in range(180):
        (good / f"minutes_{k:03d}.txt").write_text(good_minutes(k), encoding="utf-8")
    (good / "cp1252.txt").write_bytes(good_minutes(500).replace("Patel", "Pat\u00e9l").encode("cp1252"))
    shutil.copytree(good, mixed)
    expected = bad_files(mixed)
    shutil.copy(good / "minutes_007.txt", mixed / "minutes_007_copy.txt")  # the same bytes twice
    (mixed / "minutes_008_resaved.txt").write_bytes((good / "minutes_008.txt").read_bytes().replace(b"\n", b"\r\n"))
    return good, mixed, expected


def _records(out: Path) -> dict[str, dict]:
    """Records by source name, without the folder part of their path (the two runs read different folders)."""
    rows = [json.loads(line) for line in (out / "meetings.jsonl").read_text().splitlines()]
    for r in rows:
        r["provenance"]["path"] = Path(r["provenance"]["path"]).name
    return {r["source"]: r for r in rows}


def test_messy_corpus_loses_nothing_and_reports_every_bad_file(messy, tmp_path):
    good, mixed, expected = messy
    options = BatchOptions(jobs=2, max_bytes=2_000_000)
    clean = run_pipeline([good], tmp_path / "clean", options)
    result = run_pipeline([mixed], tmp_path / "mixed", options)
    files = len(list(mixed.iterdir()))
    assert files >= 200 and len(expected) + 2 >= 0.1 * files
    assert clean.summary.failed == 0 and result.summary.failed == len(expected)
    assert result.summary.duplicates == 2 and result.summary.ok == clean.summary.ok == 181
    assert _records(tmp_path / "mixed") == _records(tmp_path / "clean")
    errors = [json.loads(line) for line in (tmp_path / "mixed" / "errors.jsonl").read_text().splitlines()]
    by_file = {}
    for e in errors:
        name = Path(e["path"]).name
        assert name not in by_file, f"{name} reported twice"
        by_file[name] = e
    for name, reason in expected.items():
        assert reason in by_file[name]["reason"], (name, by_file[name])
        assert by_file[name]["hint"] and by_file[name]["stage"] in ("ingest", "segment")
    assert {by_file[n]["duplicate_of"] for n in ("minutes_007_copy.txt", "minutes_008_resaved.txt")} == {
        str(mixed / "minutes_007.txt"), str(mixed / "minutes_008.txt")}
    cp1252 = _records(tmp_path / "mixed")["cp1252.txt"]
    assert cp1252["provenance"]["encoding"] != "utf-8" and "Pat\u00e9l" in json.dumps(cp1252, ensure_ascii=False)


def test_run_killed_part_way_resumes_to_the_same_result(messy, tmp_path):
    good, _mixed, _expected = messy
    reference = tmp_path / "reference"
    run_pipeline([good], reference, BatchOptions(jobs=1))
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(good), "--out", str(out), "-q"],
                            env=env, cwd=tmp_path, start_new_session=True)
    cache = out / ".cache" / "records"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(cache.rglob("*.json"))) < 40:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list(cache.rglob("*.json")))
    assert 40 <= done < 181, "the run was not interrupted part-way"
    assert not (out / "meetings.jsonl").exists()  # nothing half-written under the final name
    resumed = run_pipeline([good], out, BatchOptions(jobs=1))
    assert resumed.summary.cached >= done and resumed.summary.ok == 181
    for name in ("meetings.jsonl", "errors.jsonl", "people.jsonl", "minutes.sqlite", "tables/followups.csv"):
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def test_strict_exit_codes(messy, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    _good, mixed, _expected = messy
    some = tmp_path / "some"
    some.mkdir()
    for name in ("minutes_001.txt", "empty_0.txt", "news_1.txt"):
        shutil.copy(mixed / name, some / name)
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(some), "--out", str(tmp_path / "a"), "-q"]).exit_code == 1
    assert runner.invoke(app, ["run", str(some), "--out", str(tmp_path / "b"), "-q", "--no-strict"]).exit_code == 0
    assert runner.invoke(app, ["run", str(CORPUS / "raw"), "--out", str(tmp_path / "c"), "-q"]).exit_code == 0
