"""Topic and decision-type classifiers: storage safety, round-trips, unseen phrasings, evaluation rows."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import CORPUS, ROOT
from scipy import sparse
from typer.testing import CliRunner

from pipeline import decisions, topics
from pipeline.cli import app
from pipeline.models import ModelIntegrityError
from pipeline.textclf import TextClassifier, newest

MODELS = ROOT / "models"
runner = CliRunner()


def test_no_pickles_in_models_and_arrays_load_without_pickle():
    files = [p for p in MODELS.rglob("*") if p.is_file()]
    assert files
    assert not [p for p in files if p.suffix in {".pkl", ".pickle", ".joblib", ".sav"}]
    for npz in MODELS.rglob("*.npz"):
        with np.load(npz, allow_pickle=False) as arrays:
            assert arrays.files


def test_round_trip_gives_the_same_predictions(tmp_path):
    texts = ["That the report be noted.", "That the minutes be approved as a correct record.",
             "That Mr X be elected Chairman.", "That the item be deferred to the next meeting."] * 3
    labels = ["noted", "approved", "elected", "deferred"]
    y = np.array([[int(i % 4 == j) for j in range(4)] for i in range(len(texts))])
    flags = [decisions.flags(t, None) for t in texts]
    model = TextClassifier.fit(texts, flags, y, labels)
    model.save(tmp_path / "m", {"task": "test"})
    loaded = TextClassifier.load(tmp_path / "m")
    probe = ["That the update be noted and the plan approved.", "That Ms Y be appointed Vice-Chair."]
    pflags = [decisions.flags(t, None) for t in probe]
    assert np.allclose(model.predict_proba(probe, pflags), loaded.predict_proba(probe, pflags), atol=1e-5)
    assert loaded.labels == labels and list(loaded.thresholds) == list(model.thresholds)


@pytest.mark.parametrize("task", ["topics", "decisions"])
def test_fast_features_equal_sklearn_tfidf(task):
    """The prediction-time featuriser gives exactly the rows sklearn's TfidfVectorizer.transform gives."""
    model = TextClassifier.load(newest(MODELS / task))
    texts = [p.read_text()[:4000] for p in sorted((CORPUS / "raw").glob("*.txt"))[:3]]
    texts += ["", "a", "That the report be NOTED.", "Pupils' well-being; co-ordinator’s role — 2024/25", "x\n\ny"]
    ours = model.features(texts, [set()] * len(texts))
    blocks = [v.transform(texts) for v in model.vectorisers]
    assert ours.shape == (len(texts), sum(b.shape[1] for b in blocks) + len(model.indicators))
    width = sum(b.shape[1] for b in blocks)
    assert ours[:, :width].nnz > 1000
    assert abs(ours[:, :width] - sparse.hstack(blocks).tocsr()).max() < 1e-12


@pytest.mark.parametrize("task", ["topics", "decisions", "followups"])
def test_probabilities_are_the_logistic_of_the_feature_rows(task):
    """predict_proba scores block by block; it must equal the logistic of the assembled rows times the weights."""
    model = TextClassifier.load(newest(MODELS / task))
    texts = [p.read_text()[:3000] for p in sorted((CORPUS / "raw").glob("*.txt"))[:4]]
    texts += ["", "That the report be noted.", "x\n\ny", "The Board resolved to ask the Police to report back."]
    flags = [set(model.indicators[i % 3::5]) for i in range(len(texts))]
    expected = 1 / (1 + np.exp(-(model.features(texts, flags) @ model.coef.T + model.intercept)))
    proba = model.predict_proba(texts, flags)
    assert proba.shape == (len(texts), len(model.labels))
    assert np.abs(proba - expected).max() < 1e-9
    assert np.ptp(proba) > 0.3  # a real spread of scores, not a constant


@pytest.mark.parametrize("victim", ["model.json", "weights.npz"])
def test_a_tampered_model_fails_with_a_clear_error(tmp_path, victim):
    folder = tmp_path / "decisions"
    shutil.copytree(newest(MODELS / "decisions"), folder)
    with open(folder / victim, "ab") as fh:
        fh.write(b" ")
    with pytest.raises(ModelIntegrityError, match=f"files differ from meta.json \\({victim}"):
        TextClassifier.load(folder)
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(CORPUS / "raw/lscsb_2021-09-24.txt"),
                           "--decisions-model", str(folder), "-q"], capture_output=True, text=True)
    assert proc.returncode == 2 and "retrain it" in proc.stderr and "Traceback" not in proc.stderr


def test_shipped_models_record_their_training():
    for task in ("topics", "decisions"):
        meta = json.loads((newest(MODELS / task) / "meta.json").read_text())
        assert meta["split"] == "by meeting date" and meta["training_data_sha256"]
        assert meta["test_after"] < min(m[-10:] for m in meta["test_meetings"])  # test meetings are all newer
        assert set(meta["labels"]) == set(topics.topic_ids() if task == "topics" else decisions.decision_types())
        assert {"test_model", "test_keyword_baseline"} <= meta["scores"].keys()


@pytest.mark.parametrize(("text", "expected"), [
    ("The Board resolved to ask the Police to report back to its next meeting.", ["requested"]),
    ("That the Partnership's comments on the draft plan be passed to the Commissioner.", ["referred"]),
    ("Councillor Ann Lee was appointed as Chair of the Partnership for the coming year.", ["elected"]),
    ("Members agreed that consideration of the strategy be postponed until the autumn.", ["deferred"]),
    ("That the Board declines to fund the proposed mobile CCTV unit.", ["declined"]),
    # a decision marker's "to" is read with the verb after it; each "and that" clause is typed on its own
    ("The Panel AGREED to endorse the Community Safety Plan 2025/26.", ["endorsed"]),
    ("The Partnership AGREED to receive the annual Prevent assurance statement.", ["noted"]),
    ("The Board AGREED to invite the probation lead to return with an update in the spring.", ["requested"]),
    ("That the bid be declined, and that officers be asked to help the group prepare a new one.",
     ["requested", "declined"]),
    ("That the action plan be noted and that a further update be brought to the Board in six months.",
     ["noted", "requested"]),
    # "the notes of the meeting" are its minutes; a recommendation to the deciding council is referred, and the
    # approval in it is that council's; what a body NOTED is not what it did
    ("That the notes of the last meeting be agreed as a correct record.", ["approved"]),
    ("Notes agreed as accurate.", ["approved"]),  # action notes: the notes are the minutes, not a noting
    ("Notes of 27 October 2022 agreed as accurate.", ["approved"]),
    # action notes drop the "be": an approval, then where it goes
    ("Plan signed off, subject to the transitions change; to be submitted to the Youth Justice Board by 30 September.",
     ["approved", "referred"]),
    # a decision verb printed in capitals reads as the verb
    ("to RECOMMEND to Council that four solar-powered lights be installed along the path.", ["referred"]),
    # the model is sure of no type: the rules read the delegation
    ("DE, in consultation with RK, to allocate the remaining \u00a38,400 to the training plan.", ["delegated"]),
    # an officer named to act in consultation with another holds the body's authority
    ("OS, in consultation with the CSP Chair, to sign the data-sharing agreement once partners agree its wording.",
     ["delegated"]),
    ("To recommend to Full Council that the Community Safety Strategy 2025-28 be adopted.", ["referred"]),
    ("To support the draft Violence Reduction Plan and recommend it to the Borough Council for approval.",
     ["endorsed", "referred"]),
    ("That the Committee supports the proposal and recommends it to the Standards Committee.",
     ["endorsed", "referred"]),
    ("The Committee NOTED the urgent decision taken by the Chief Executive to accept the Safer Streets grant.",
     ["noted"]),
    ("The proposal to extend the opening hours was held over to the next meeting, pending the budget review.",
     ["deferred"]),  # held over: deferred, not a date fixed
    # a report received is noted; a programme the body supported is endorsed
    ("The Board received the Safeguarding Adults Board annual report 2023/24.", ["noted"]),
    ("The Partnership supported the county's bid for the Community Sentence Treatment Requirements programme.",
     ["endorsed"]),
    # a briefing note asked for is no noting; "be nominated as" is an election
    ("That officers be asked to provide a briefing note to the committee on fly-tipping enforcement.", ["requested"]),
    ("That Councillor Ames be nominated as the Panel's representative on the Road Safety Partnership.",
     ["elected"]),
    # money allocated is approved
    ("That \u00a33,000 from the reserve be allocated to the Street Angels scheme.", ["approved"]),
    # a named officer told to act in the subjunctive is asked to
    ("that the Community Safety Manager report the results of the consultation to the June meeting.", ["requested"]),
    # an approval the body made before delegating or recommending onward is its own
    ("The Forum approved the outreach plan and agreed that authority be delegated to the Manager to sign the "
     "contract.", ["approved", "delegated"]),
    ("That the revised protocol be approved and recommended to Council for adoption;", ["approved", "referred"]),
    ("recommends Council to add \u00a350,000 to the capital programme for the camera replacement;", ["referred"]),
    ("The Panel asked Ann Lowe and Tom Reid to present a joint plan to the April meeting.", ["requested"]),
    ("The Group agreed to hold a planning workshop on 4 March 2024.", ["scheduled"]),
    ("That the report be noted and the Panel supports the extension of the pilot to every district.",
     ["noted", "endorsed"]),
    # a passive endorsement with a long subject; what a recommendation sent on asks for is the other body's
    ("The revised multi-agency information sharing agreement was endorsed.", ["endorsed"]),
    ("That the plan be referred to the Executive with a recommendation that it be approved.", ["referred"]),
    # the "That Cabinet:" form in the present tense; a group set up; a fee fixed; acting on the body's behalf
    ("makes the Riverside Park Public Spaces Protection Order 2025 in the form attached;", ["approved"]),
    ("That a working group on night-time safety be set up;", ["approved"]),
    ("That the annual membership fee be set at \u00a3250.", ["approved"]),
    ("The Partnership agreed that the Chair should respond to the consultation on its behalf.", ["delegated"]),
    ("The Forum requested that the two leads agree a shared referral form.", ["requested"]),
    # people referred by schools are no referral by the body; an office taken after the nominations
    ("Consideration of the application from the Boxing Club for young people referred by the two schools was "
     "deferred to the June meeting", ["deferred"]),
    ("There being no other nominations, Cllr Ann Ward was duly elected Town Mayor for 2024/25.", ["elected"]),
    # an officer instructed to act (the Scottish "to instruct") is asked to
    ("to instruct the Executive Director to consult the community councils in the affected areas;", ["requested"]),
    # a co-option and an appointment as the body's representative are elections; the Scottish "continue" defers;
    # a recommendation to Council to approve is Council's approval
    ("It was resolved that Mr Leofric Cheesman be co-opted as a member of the Council for the Green ward.",
     ["elected"]),
    ("The Committee agreed to appoint Councillor Tembo as its representative on the Justice Partnership.",
     ["elected"]),
    ("The Committee agreed to continue consideration of this item to its meeting on 18 May 2023.", ["deferred"]),
    ("That Council be recommended to approve a capital budget of \u00a31.2 million for six dispersed units.",
     ["referred"]),
    # two decisions in one clause, of which a model sure of one would keep one; a decision by its verb alone;
    # officers named by initials given the decision to make; a terse endorsement
    ("The Committee agreed to note the report and to request that the Area Commander bring a report on the "
     "bonfire period to the next meeting.", ["noted", "requested"]),
    ("The Committee agreed to note the progress report and to refer it to the Integration Joint Board.",
     ["noted", "referred"]),
    ("Agreed.", ["approved"]),
    ("FS and SB to sign off the protocol once the housing association has confirmed its nominations.",
     ["delegated"]),
    ("Joint youth justice and police child exploitation protocol endorsed.", ["endorsed"]),
    # officers named by initials given work to do; a note and an approval in one sentence
    ("JB and NK to draft a release-to-tenancy protocol with the housing team, to come to the December meeting.",
     ["approved"]),
    ("Board noted the cases and agreed a short briefing for probation practitioners.", ["noted", "approved"]),
    # what others are asked to confirm is their task, not the body's approval
    ("That the learning be noted and that partners be asked to confirm to the Head of Community Safety by 30 "
     "April how their staff will be trained.", ["noted", "requested"]),
    # the date of the next or annual meeting "noted" is set, whatever the model makes of "noted"; an officer who,
    # in consultation with a member, is to agree something has it delegated; a paper "to go to" another body for
    # its approval is referred; a motion that "asks" another council to act requests it
    ("It was noted that the next meeting of the Partnership will be held on Thursday 9 May 2024 at 2pm.",
     ["scheduled"]),
    ("to note that the Annual Parish Meeting will be held on Tuesday 8 April 2025 at 7pm.", ["scheduled"]),
    ("That the Clerk, in consultation with the Chairman, agree the wording of the response to the consultation.",
     ["delegated"]),
    ("Revised information-sharing protocol to go to the Safeguarding Partnership in May for approval.",
     ["referred"]),
    ("That the Council asks Marlow County Council to carry out a speed survey on the High Street.", ["requested"]),
])
def test_unseen_phrasings_get_the_right_type(text, expected):
    model, strategy = decisions.load_model(None)
    types, proba = decisions.predict(model, [text], [None], strategy)
    assert types[0] == expected
    assert proba.shape == (1, len(model.labels))


def test_an_approval_verb_that_others_are_asked_to_do_is_no_approval():
    text = ("That the learning be noted and that partners be asked to confirm to the Head of Community Safety by "
            "30 April how their staff will be trained.")
    assert decisions.rule_types(text) == ["noted", "requested"]
    assert decisions.rule_types("The Board agreed to confirm the revised protocol.") == ["approved"]


def test_lost_motions_are_declined_whatever_they_say():
    model, strategy = decisions.load_model(None)
    types, _ = decisions.predict(model, ["This Council resolves to approve the plan."], ["motion_lost"], strategy)
    assert types == [["declined"]]


@pytest.mark.parametrize("clauses", [
    "RECOMMENDED to Cabinet that:\n\n(1) the Council continues to contribute \u00a320,000 a year to the "
    "Partnership;\n\n(2) funding of \u00a38,000 be identified to extend the welfare point to Saturday nights.\n",
    # a bare lead-in, then "That ..." paragraphs
    "RECOMMENDED to Cabinet:\n\nThat the Council continues to contribute \u00a320,000 a year to the Partnership."
    "\n\nThat funding of \u00a38,000 be identified to extend the welfare point to Saturday nights.\n",
])
def test_recommendations_to_another_body_are_referred(tmp_path, clauses):
    """Clauses under "RECOMMENDED to Cabinet that:" (or "RECOMMENDED to Cabinet:" and "That ..." paragraphs) are
    found as recommendations, and the approval in them is the deciding body's."""
    from pipeline.extract import extract_file, meeting_to_json
    text = "1. COMMUNITY SAFETY\n\nMembers discussed the grant.\n\n" + clauses
    path = tmp_path / "westbury_osc_synthetic_2024-03-05.txt"
    path.write_text("WESTBURY OVERVIEW AND SCRUTINY COMMITTEE\n\nMinutes of the meeting held on 5 March 2024.\n\n"
                    + text, encoding="utf-8")
    meeting = meeting_to_json(extract_file(path, path.name))
    decisions_found = [d for it in meeting["items"] for d in it["decisions"]]
    assert [d["origin"] for d in decisions_found] == ["recommended", "recommended"]
    assert all(d["types"] == ["referred"] for d in decisions_found), decisions_found


def test_topics_of_procedural_and_thematic_items():
    model = topics.load_model(None)
    got, _ = topics.predict(model, ["Declarations of interest", "Knife crime update"],
                            ["No declarations were made.",
                             "Knife crime and weapons sweeps; serious violence in the town centre."])
    assert got[0] == ["partnership_governance"] and "serious_violence" in got[1]


@pytest.mark.parametrize("text", ["COMMUNITY SPEEDWATCH", "Road traffic collisions on the A614 had risen.",
                                  "Drink-driving and drug driving arrests over Christmas", "Two new speed cameras"])
def test_road_safety_as_minutes_write_it(text):
    assert "road_safety" in topics.keyword_topics(text)


@pytest.mark.parametrize("text", ["Application for review of a premises licence",
                                  "Objection to a temporary event notice", "Licensed premises in the town centre"])
def test_alcohol_licensing_is_a_drugs_and_alcohol_theme(text):
    assert "drugs_and_alcohol" in topics.keyword_topics(text)


def test_the_name_of_the_body_that_met_is_a_topic_feature():
    """A youth justice board's items lean to youth justice: the body's themes are features the model weighs."""
    assert "body:youth_justice" in topics.flags("Performance", "Figures.", "Tidewell Youth Justice Management Board")
    assert not any(f.startswith("body:") for f in topics.flags("Performance", "Figures.", "Tidewell Council Cabinet"))
    model = topics.load_model(None)
    text = "The lead presented the work of the schools team. Referrals from schools had risen this quarter."
    _, plain = topics.predict(model, ["Children and young people"], [text], [None])
    _, board = topics.predict(model, ["Children and young people"], [text], ["Tidewell Youth Justice Board"])
    j = model.labels.index("youth_justice")
    assert board[0, j] > plain[0, j]


class _FixedScores(TextClassifier):
    def predict_proba(self, texts, flags):
        return np.array([[0.95, 0.6, 0.05], [0.5, 0.45, 0.1], [0.2, 0.1, 0.3]])


def test_a_further_topic_needs_a_share_of_the_top_topics_score():
    """Above its own threshold, a second topic still needs MIN_SHARE_OF_TOP of the item's top score; an item with
    nothing above threshold keeps its best topic."""
    model = _FixedScores(labels=["a", "b", "c"], indicators=[], thresholds=np.array([0.4, 0.4, 0.4]))
    got, _ = topics.predict(model, [None] * 3, ["x", "y", "z"])
    assert got == [["a"], ["a", "b"], ["c"]]  # 0.6 < 0.7 x 0.95; 0.45 >= 0.7 x 0.5


class _ThemeOnly(TextClassifier):
    def predict_proba(self, texts, flags):
        return np.array([[0.9, 0.2]] * len(texts))


@pytest.mark.parametrize("title, governance", [("PUBLIC PARTICIPATION", True), ("Correspondence", True),
                                               ("Reports from District and County Councillors", True),
                                               ("AOB", True), ("Finance", True),
                                               ("Speed indicator devices", False),
                                               ("Finance - Youth Justice grant 2024/25", False)])
def test_open_business_is_governance_besides_its_themes(title, governance):
    """Residents' questions on speeding are a road-safety item and the agenda's open business: the model's theme
    stays and governance is added, for open-business titles only."""
    model = _ThemeOnly(labels=["road_safety", "partnership_governance"], indicators=[],
                       thresholds=np.array([0.4, 0.4]))
    got, _ = topics.predict(model, [title], ["A resident asked about speeding on the High Street."])
    assert got[0][0] == "road_safety"
    assert ("partnership_governance" in got[0]) is governance


def test_evaluate_prints_label_rows_and_confusion():
    res = runner.invoke(app, ["evaluate", str(CORPUS / "raw"), "--gold", str(CORPUS / "gold")])
    assert res.exit_code == 0
    for text in ("decision types: exact-set", "topics: exact-set", "macro-F1", "decision_type_macro_f1",
                 "topic_macro_f1"):
        assert text in res.output


def test_label_prefills_a_gold_annotation(tmp_path):
    out = tmp_path / "x.json"
    res = runner.invoke(app, ["label", str(CORPUS / "raw/lscsb_2021-09-24.txt"), "--out", str(out)])
    assert res.exit_code == 0
    gold = json.loads(out.read_text())
    assert gold["source"] == "raw/lscsb_2021-09-24.txt" and len(gold["items"]) == 14
    assert all(set(i) == {"number", "title", "topics", "decisions", "follow_ups"} for i in gold["items"])
    assert all(d["types"] for i in gold["items"] for d in i["decisions"])
    again = runner.invoke(app, ["label", str(CORPUS / "raw/lscsb_2021-09-24.txt"), "--out", str(out)])
    assert again.exit_code == 2  # never overwrites an annotation
    assert Path(out).read_text() == json.dumps(gold, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("text, expected", [
    # a police and crime panel that does not veto the precept supports it; one that vetoes it declines it
    ("That the Panel did not veto the proposed precept of \u00a3241.86 and supports the Commissioner's proposal.",
     ["endorsed"]),
    ("that the Panel veto the proposed precept on the grounds that the increase was too high", ["declined"]),
    ("to note the annual report and to submit it to Community Justice Scotland by 30 November 2024;",
     ["noted", "referred"]),
    ("That it be noted that the next meeting of the Panel will be held on Thursday 16 June 2022 at 10.00 am.",
     ["scheduled"]),
    ("The Panel noted that its next meeting would be held on 5 May 2024.", ["scheduled"]),
    ("That it be noted that the next ordinary meeting of the Council will be held on 17 October 2024.",
     ["scheduled"]),
    ("It was noted that the next meeting of the Parish Council will be held on Wednesday 12th April 2023.",
     ["scheduled"]),
    ("to note that the next ordinary meeting of the Council will be held on Monday 16 September 2024.", ["scheduled"]),
    # a date still "to be agreed" is not an approval; a paper that is "to go to" another body is referred to it
    ("That the Panel meet on 3 October 2024, with dates for 2025 to be agreed at the December meeting.", ["scheduled"]),
    ("paper to go to the Partnership Executive on 12 March 2024.", ["referred"]),
    # Scottish clauses open with the verb in the past tense: "requested the Commander to ..."
    ("requested the Local Area Commander to include a breakdown of fraud in the next report.", ["requested"]),
    # "The report" is no person's initials or name that is asked to report ("JT report the figures ...")
    ("The report was noted.", ["noted"]),
    ("not to contribute to the Rural Crime Partnership fund in 2022/23.", ["declined"]),
    # a letter agreed to be forwarded goes to another body; a plan signed up to is endorsed; a body that did not
    # feel able to support a request declined it
    ("It was agreed to forward the petition to the County Council's Highways Manager.", ["referred"]),
    ("The Partnership signed up to the regional exploitation protocol.", ["endorsed"]),
    ("The Committee did not feel able to support the bid, as it duplicated funded work.", ["declined"]),
    # papers passed on, transmitted or laid before another body are referred to it; a clerk mandated to act has
    # the decision delegated
    ("that the residents' concerns be passed on to the Community Safety Partnership.", ["referred"]),
    ("that the annual return be transmitted to the Welsh Government by 29 April 2022.", ["referred"]),
    ("Q2 attrition figures to be laid before the Police and Crime Panel in December.", ["referred"]),
    ("that the Clerk be mandated to place the order once the locations are approved.", ["delegated"]),
    # idioms for refusing, handing on, backing, tasking and putting off
    ("The Panel saw no case for the proposal from a dispensing firm, as pharmacies had capacity.", ["declined"]),
    ("That the offer from a telematics company did not find favour with the Authority.", ["declined"]),
    ("The award of the contracts was left in the hands of the Lead Commissioner.", ["delegated"]),
    ("That approval of the accounts be devolved to the Audit and Standards Committee.", ["delegated"]),
    ("Board threw its weight behind the joint improvement plan.", ["endorsed"]),
    ("That the Authority associates itself with the young driver programme.", ["endorsed"]),
    ("That the Chief Fire Officer be charged with reporting attacks on crews each quarter.", ["requested"]),
    ("That the sale of the old station be held in suspense until the September meeting.", ["deferred"]),
    ("Agreement of the contribution was pushed back to the March Board.", ["deferred"]),
    ("The protocol was cascaded to the Regional Partnership Board.", ["referred"]),
    ("Councillor Ashby, the only nominee, was acclaimed as Vice-Chair.", ["elected"]),
    ("The draft action plan was rolled forward to the May meeting.", ["deferred"]),
    ("The item was carried forward to the next meeting.", ["deferred"]),
    ("The Group agreed that the briefing note be finalised by Chair's action.", ["delegated"]),
    ("The Group commended the refreshed framework to all partner agencies.", ["endorsed"]),
    ("Learning brief to be shared with the Community Safety Partnership for its July meeting.", ["referred"]),
    ("That the Board calls for a joint proposal from the Health Board and the Probation Service.", ["requested"]),
    # a seat filled by succession, nomination and confirmation, or designation; a parish's "meet again"; a terse
    # action note that agrees a thing
    ("Councillor Hebden was nominated and confirmed as the Authority's representative on the Roads Board.",
     ["elected"]),
    ("That the Board designates Dr Mai Lusk, Clinical Director, as its Vice-Chair for 2023/24.", ["elected"]),
    ("Members were content for Councillor Ivo Sand to succeed Councillor Petts as Chair.", ["elected"]),
    ("It was agreed to meet again on Tuesday 20 June 2023 at 7.30pm in the Reading Room.", ["scheduled"]),
    ("Revised information sharing agreement agreed by all partners.", ["approved"]),
])
def test_rule_types_of_precepts_submissions_and_next_meetings(text, expected):
    assert decisions.rule_types(text) == expected


def test_a_second_model_trained_on_one_day_does_not_overwrite_the_first(tmp_path):
    """The folder of a new model is the day's date, then "<day>b", "<day>c", ...: never an existing model's."""
    from pipeline.models import new_model_folder
    assert new_model_folder(tmp_path, "2026-11-29") == tmp_path / "2026-11-29"
    (tmp_path / "2026-11-29").mkdir()
    (tmp_path / "2026-11-29b").mkdir()
    assert new_model_folder(tmp_path, "2026-11-29") == tmp_path / "2026-11-29c"
