"""`minutes evaluate` must give the reference scorer's figures (corpus/README.md)."""

from __future__ import annotations

import copy
import importlib.util
import json

import pytest
from conftest import CORPUS, DATA

from pipeline.evaluate import due_agrees, load_gold, predictions_by_stem, score
from pipeline.extract import meeting_to_json


def _reference():
    spec = importlib.util.spec_from_file_location("reference_score", DATA / "reference/score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _perturbed(records: list[dict]) -> list[dict]:
    """Predictions with realistic mistakes in every stage, so agreement is not 1.0 == 1.0."""
    out = copy.deepcopy(records)
    first = next(r for r in out if r["source"].endswith("lscsb_2021-09-24.txt"))
    first["items"].pop(2)
    first["items"][0]["title"] = "Welcome"
    first["items"][1]["decisions"] = []
    first["items"][3]["topics"] = ["partnership_governance", "hate_crime"]
    first["items"][4]["decisions"].append({"text": "That something else be noted.", "types": ["noted"]})
    first["people"] = [{"name": "Mr R. Basra", "role": "Community Safety Coordinator"}, {"name": "Jo Bloggs"}]
    first["organisations"] = ["Leicestershire County Council", {"name": "Warning Zone"}, "Nobody Ltd"]
    first["items"][5]["follow_ups"] = [{"owner": "members", "evidence": "That members be requested to provide "
                                        "ongoing feedback regarding the training programme"}]
    out = [r for r in out if not r["source"].endswith("kent_cpp_2024-10-29.pdf")]  # one meeting missing
    for rec in out:
        if rec is first:
            continue
        for item in rec["items"]:
            for d in item["decisions"]:
                d["types"] = ["noted"]
    return out


@pytest.fixture(scope="module")
def predictions(extracted):
    return [meeting_to_json(m) for stem, (m, _g) in sorted(extracted.items()) if not stem.count("synthetic")]


@pytest.mark.parametrize("variant", ["as_extracted", "perturbed"])
def test_metrics_equal_the_reference_scorer(predictions, variant, tmp_path):
    preds = predictions if variant == "as_extracted" else _perturbed(predictions)
    golds = load_gold(CORPUS / "gold")
    ours = score(predictions_by_stem(preds), golds)
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in preds))
    ref = _reference().score(_reference().load_pred(path), golds)
    assert set(ref) <= set(ours)
    for key, value in ref.items():
        assert ours[key] == pytest.approx(value), key
    if variant == "perturbed":
        assert 0 < ours["title_recall"] < 1 and 0 < ours["decision_r"] < 1 and ours["missing"] == 1
        assert 0 < ours["person_p"] < 1 and 0 < ours["org_p"] < 1


def test_every_shipped_gold_set_quotes_its_source_verbatim():
    """corpus/check_gold.py: quotes verbatim, schema keys, taxonomy ids -- for every set the project wrote (the
    real set's gold is the shared corpus's, copied as it is)."""
    import runpy

    from conftest import CORPUS

    check = runpy.run_path(str(CORPUS / "check_gold.py"))["main"]
    sets = sorted(p.parent for p in CORPUS.glob("*/gold") if p.is_dir())
    assert len(sets) >= 8
    for folder in sets:
        assert check(["check_gold.py", str(folder / "gold")]) == 0, folder


@pytest.mark.parametrize("gold, pred, agrees", [
    ("2025-02-12", {"due": "on 12th February", "due_date": "2025-02-12"}, True),  # an ISO gold: the date decides
    ("2025-02-12", {"due": "in February", "due_date": "2025-02-28"}, False),
    ("in a year's time", {"due": "in a year's time", "due_date": "2024-10-12"}, True),  # a phrase: its words
    ("in the autumn", {"due": "in July", "due_date": "2024-07-31"}, False),
    ("in the autumn", {"due": None, "due_date": None}, False),
    (None, {"due": None, "due_date": None}, True),  # no due in the gold: none predicted
    (None, {"due": "in October", "due_date": "2025-10-31"}, False),
])
def test_due_agreement_of_a_matched_follow_up(gold, pred, agrees):
    assert due_agrees(gold, pred) is agrees


def test_due_accuracy_counts_matched_follow_ups_only():
    evidence = "Ms Kaur agreed to circulate the monitoring framework by the end of March."
    commitment = {"owner": "Ms Kaur", "due": "by the end of March", "evidence": evidence}
    gold = {"m": {"items": [{"follow_ups": [dict(commitment)]}]}}
    right = {"m": {"items": [{"follow_ups": [dict(commitment),
                                             {"owner": None, "due": None, "evidence": "An unrelated sentence."}]}]}}
    wrong = copy.deepcopy(right)
    wrong["m"]["items"][0]["follow_ups"][0]["due"] = None
    assert score(right, gold)["followup_due_acc"] == 1.0
    assert score(wrong, gold)["followup_due_acc"] == 0.0
