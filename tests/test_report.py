"""The HTML report: escaping of hostile text, and what a browser shows for the shipped corpus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html import escape
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS

from pipeline.batch import BatchOptions
from pipeline.report import MAX_ROWS
from pipeline.runner import run_pipeline

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    run_pipeline([CORPUS], out, BatchOptions(jobs=2))
    return out


def test_text_from_minutes_is_always_escaped(tmp_path):
    evil = '<script>alert("x")</script> & "quotes" \'too\' </table>'
    src = tmp_path / "in"
    src.mkdir()
    text = (CORPUS / "series" / "ashby_csp_synthetic_2023-01-10.txt").read_text()
    text = text.replace("BURGLARY AND VEHICLE CRIME", f"BURGLARY {evil}").replace(
        "Inspector Jane Holt agreed", f"Inspector Jane Holt {evil} agreed")
    (src / "evil_synthetic_2023-01-10.txt").write_text(text)
    run_pipeline([src], tmp_path / "out")
    pages = list((tmp_path / "out" / "report").rglob("*.html"))
    assert len(pages) >= 3
    for page in pages:
        html = page.read_text()
        assert "<script>alert" not in html and "</table> &" not in html, page
    meeting = next(p for p in pages if "meetings" in p.parts).read_text()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in meeting
    search = (tmp_path / "out" / "report" / "search.html").read_text()
    data = search.split('id=data>', 1)[1].split("</script>", 1)[0]
    assert any(evil in json.dumps(row) or "alert" in json.dumps(row) for row in json.loads(data))


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("MINUTES_REQUIRE_BROWSER"):
        pytest.fail("chromium is required here (MINUTES_REQUIRE_BROWSER is set) but not installed")
    return found


def _browse(chromium: str, page: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium, *CHROMIUM_FLAGS, "--enable-logging=stderr", "--v=0", *extra,
                           page.as_uri()], capture_output=True, text=True, timeout=120)


def test_report_in_a_headless_browser(shipped, tmp_path):
    chromium = _chromium()
    if chromium is None:
        pytest.skip("no chromium on this machine (.ci/run installs it)")
    index = shipped / "report" / "index.html"
    shot = tmp_path / "index.png"
    res = _browse(chromium, index, f"--screenshot={shot}", "--window-size=1280,2400")
    assert shot.is_file() and shot.stat().st_size > 20_000, res.stderr[-2000:]
    dom = _browse(chromium, index, "--dump-dom")
    assert not _console(dom.stderr)
    html = dom.stdout
    assert 'class="heatmap"' in html
    followups = pd.read_parquet(shipped / "tables" / "followups.parquet")
    expected = followups[followups["status"] == "open"]
    assert len(expected) >= 5
    # the page lists overdue, then carried-forward, then open follow-ups (oldest first), MAX_ROWS at most
    before = int(followups["status"].isin(["overdue", "carried_forward"]).sum())
    expected = expected.sort_values(["date", "followup_id"], na_position="last").head(max(0, MAX_ROWS - before))
    rows = [r for r in html.split("<tr class=\"fu\">")[1:]]
    open_rows = [r for r in rows if 'class="open"' in r.split("</td>", 1)[0]]
    assert len(open_rows) == len(expected)
    for action in expected["action"].dropna():
        assert escape(action, quote=False) in html
    chase = int(followups["status"].isin(["overdue", "carried_forward", "open"]).sum())
    assert chase <= MAX_ROWS or f"{chase - MAX_ROWS} more in tables/followups.csv" in html
    search = _browse(chromium, shipped / "report" / "search.html", "--dump-dom")
    assert not _console(search.stderr)
    assert " results of " in search.stdout and search.stdout.count("<tr>") > 10  # the script ran and filled the table


def _console(stderr: str) -> list[str]:
    """Messages the pages wrote to the browser console (errors included): there should be none."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
