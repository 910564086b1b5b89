"""Decisions in narrative that no rule reads: the trained sentence classifier of pipeline.decision_sentences."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, extract_text, ws

from pipeline import decision_sentences
from pipeline.classifier_training import _quotes
from pipeline.decisions import decision_types
from pipeline.extract import extract_file
from pipeline.textclf import newest

HEAD = ("ASHWORTH COMMUNITY SAFETY PARTNERSHIP\n\nMinutes of the meeting held on 12 March 2024.\n\n"
        "PRESENT: Councillor Ann Lowe (Chair), Superintendent Mark Ford (Ashworth Police)\n\n")


def _decisions(tmp_path, body: str) -> list[dict]:
    record = extract_text(tmp_path, "ashworth_csp_synthetic_2024-03-12.txt", HEAD + body)
    return [d for it in record["items"] for d in it["decisions"]]


@pytest.mark.parametrize("sentence", [
    # phrasings no rule of the resolution reader knows; the body is the subject and the sentence says what it did
    "The Partnership set aside \u00a312,000 from the Safer Streets underspend for two extra street marshals.",
    "The Partnership pushed its decision on the camera contract back to its July meeting.",
])
def test_a_narrative_decision_in_words_no_rule_knows_is_found(tmp_path, sentence):
    body = ("1. REFUGE AND NIGHT-TIME ECONOMY\n\nThe Domestic Abuse Co-ordinator reported that demand for refuge "
            f"places had risen by a fifth since April. Members discussed the pressure on the helpline.\n\n{sentence}\n")
    found = [d for d in _decisions(tmp_path, body) if ws(d["text"]) == ws(sentence)]
    assert len(found) == 1, _decisions(tmp_path, body)
    assert found[0]["origin"] == decision_sentences.ORIGIN
    assert found[0]["types"] and set(found[0]["types"]) <= set(decision_types())  # typed by the type classifier


def test_a_sentence_restating_a_decision_the_rules_read_is_not_added(tmp_path):
    body = ("1. MINUTES\n\nThe notes were agreed as an accurate record. On the action log, the Co-ordinator reported "
            "that the maps had been circulated.\n\nMembers AGREED the notes of the meeting held on 12 February 2024 "
            "as a correct record.\n")
    texts = [ws(d["text"]) for d in _decisions(tmp_path, body)]
    assert texts == ["Members AGREED the notes of the meeting held on 12 February 2024 as a correct record."]


def test_discussion_motions_and_undertakings_are_not_decisions(tmp_path):
    body = ("1. POLICING UPDATE\n\nThe Superintendent reported that burglary had fallen by 8% in the quarter. "
            "Members asked whether the fall would last into the summer.\n\n"
            "Councillor Lowe, seconded by Councillor Dent, moved that the Partnership fund a second camera.\n\n"
            "Superintendent Ford agreed to circulate the patrol plan after the meeting.\n\n"
            "RESOLVED that the update be noted.\n")
    texts = [ws(d["text"]) for d in _decisions(tmp_path, body)]
    assert texts == ["that the update be noted."]


def test_candidates_leave_out_what_the_rules_read_and_what_cannot_be_a_decision(tmp_path):
    path = tmp_path / "ashworth_csp_synthetic_2024-03-12.txt"
    path.write_text(HEAD + "1. FUNDING\n\nThe Partnership AGREED to fund the scheme.\n\n"
                    "Ref   Action   Owner   Status\n\nThe Partnership: Minutes of 12 March;\n\n"
                    "JT to circulate the figures.\n\nThe Board stood four-square behind the bid.\n", encoding="utf-8")
    meeting = extract_file(path, path.name, classify=False)
    every = decision_sentences.item_sentences(meeting)
    assert [s.text for s in every if s.in_decision] == ["The Partnership AGREED to fund the scheme."]
    assert [s.text for s in decision_sentences.candidates(meeting)] == ["The Board stood four-square behind the bid."]
    assert {"body_subject", "alone"} <= decision_sentences.flags(every[-1])


def test_a_decision_recorded_with_its_mover_is_a_candidate_but_a_motion_is_not(tmp_path):
    """"The accounts were approved on the motion of Mr X, seconded by Mrs Y" (a Scottish community council's
    record) says what was decided, with who moved it; "X, seconded by Y, moved that ..." says only what was put."""
    path = tmp_path / "ashworth_csp_synthetic_2024-03-12.txt"
    path.write_text(HEAD + "1. ACCOUNTS\n\nThe accounts for the year to 31 March 2024 were approved on the motion of "
                    "Mr Kay, seconded by Mrs Lowe.\n\nCouncillor Ash, seconded by Councillor Birch, moved that the "
                    "grant be approved.\n", encoding="utf-8")
    meeting = extract_file(path, path.name, classify=False)
    assert [s.text for s in decision_sentences.candidates(meeting)] == [
        "The accounts for the year to 31 March 2024 were approved on the motion of Mr Kay, seconded by Mrs Lowe."]


def test_a_sentence_quotes_a_gold_decision_as_the_evaluation_matches_them():
    assert _quotes(["The Board noted the report."], "The Board noted the report")
    assert _quotes(["noted the performance report"], "The Board, having debated it at length, noted the performance "
                                                     "report.")
    assert not _quotes(["Agreed."], "Members agreed that the plan was ambitious.")  # a one-word decision: equal only
    assert not _quotes(["The Board approved the grant."], "The Board discussed the grant at length.")


def test_the_shipped_model_records_its_training_and_validation_sets():
    meta = json.loads((newest(ROOT / "models" / "sentences") / "meta.json").read_text())
    assert meta["labels"] == ["decision"] and meta["split"] == "by meeting date"
    assert meta["validation_meetings"] and all("synthetic" in m for m in meta["validation_meetings"])
    assert meta["test_after"] < min(m[-10:] for m in meta["test_meetings"])


@pytest.mark.parametrize(("sentence", "types"), [
    # no rule types these; the type model alone would call the first "declined" (it leans so for verbs it never saw)
    ("The Partnership had sight of the quarterly hate crime report.", ["noted"]),
    ("The Partnership passed up the offer from Ashworth Cameras Ltd of a free six-month trial.", ["declined"]),
])
def test_a_found_sentence_is_declined_only_when_it_says_no(tmp_path, sentence, types):
    body = f"1. HATE CRIME AND CCTV\n\nThe Hate Crime Officer reported a rise in incidents.\n\n{sentence}\n"
    found = [d for d in _decisions(tmp_path, body) if ws(d["text"]) == ws(sentence)]
    assert [(d["origin"], d["types"]) for d in found] == [(decision_sentences.ORIGIN, types)]
