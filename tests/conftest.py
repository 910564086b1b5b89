"""Shared fixtures: the shipped corpus, its gold, and meetings extracted from it once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import extract_file

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"
SERIES = CORPUS / "series"  # the Ashby series: four meetings of one partnership, shipped
GOLD_SETS = {"real": CORPUS, "synthetic": CORPUS / "synthetic", "heldout": CORPUS / "heldout",
             "heldout2": CORPUS / "heldout2", "synthetic2": CORPUS / "synthetic2", "synthetic3": CORPUS / "synthetic3",
             "synthetic4": CORPUS / "synthetic4"}
# gold sets whose decision texts follow the real gold's conventions to the letter; the others are compared
# the way the reference scorer compares them (punctuation-insensitive, >= 0.9 token overlap)
EXACT_DECISION_SETS = {"real", "synthetic", "heldout"}


def gold_cases() -> list[tuple[str, Path, dict]]:
    """(set name, corpus root, gold record) for every gold file the project ships."""
    cases = []
    for name, root in GOLD_SETS.items():
        for f in sorted((root / "gold").glob("*.json")):
            cases.append((name, root, json.loads(f.read_text(encoding="utf-8"))))
    return cases


GOLD_CASES = gold_cases()
GOLD_IDS = [Path(g["source"]).stem for _, _, g in GOLD_CASES]
GOLD_SET_OF = {Path(g["source"]).stem: name for name, _, g in GOLD_CASES}


@pytest.fixture(scope="session")
def extracted():
    """stem -> (Meeting, gold) for every gold file, extracted once."""
    out = {}
    for _name, root, gold in GOLD_CASES:
        meeting = extract_file(root / gold["source"], gold["source"])
        out[Path(gold["source"]).stem] = (meeting, gold)
    return out


@pytest.fixture(scope="session")
def series_run(tmp_path_factory) -> Path:
    """``minutes run`` over the Ashby series, once per session; tests only read its outputs."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = tmp_path_factory.mktemp("series")
    res = CliRunner().invoke(app, ["run", str(SERIES), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    return out


def ws(s: str | None) -> str:
    """Whitespace-collapsed text: how gold quotes are compared."""
    return " ".join((s or "").split())


def extract_text(tmp_path: Path, filename: str, text: str) -> dict:
    """The JSON record of minutes ``text`` saved as ``filename`` (its name gives the date and the body)."""
    from pipeline.extract import meeting_to_json

    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    return meeting_to_json(extract_file(path, path.name))
