"""The analysis notebooks run top to bottom on the shipped corpus (as CI runs them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from pipeline.batch import BatchOptions
from pipeline.runner import run_pipeline

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("nb")
    run_pipeline([CORPUS], folder, BatchOptions(jobs=2))
    return folder


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes_cleanly(path, out, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    monkeypatch.setenv("MINUTES_OUT", str(out))
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no figure drawn"
    assert any("text/html" in o.get("data", {}) for o in outputs), "no table shown"
