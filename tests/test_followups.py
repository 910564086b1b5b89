"""Follow-ups: due dates, owners, extraction scores on real minutes, and closure across a series of meetings."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import score
from pipeline.extract import extract_file, meeting_to_json
from pipeline.followups.closure import LOOKBACK, Closure
from pipeline.followups.dates import find_due, resolve
from pipeline.link import read_records

runner = CliRunner()


@pytest.mark.parametrize("phrase, meeting, next_meeting, expected", [
    ("by the end of March", "2023-10-12", None, "2024-03-31"),
    ("by the end of March", "2023-02-01", None, "2023-03-31"),
    ("in a year's time", "2023-10-12", None, "2024-10-12"),
    ("in six months", "2023-08-31", None, "2024-02-29"),
    ("within six weeks", "2023-10-12", None, "2023-11-23"),
    ("to the next meeting", "2023-10-12", "2024-01-18", "2024-01-18"),
    ("to the next appropriate meeting of Full Council", "2023-10-12", "2024-01-18", None),
    ("by 30/06/2024", "2023-10-12", None, "2024-06-30"),
    ("at its February 2024 meeting", "2023-10-12", None, "2024-02-29"),
    # a day and month with no year: the day itself, in its next occurrence, not the end of the month
    ("on 12th February", "2025-01-09", None, "2025-02-12"),
    ("by 5 January", "2025-01-09", None, "2026-01-05"),
    ("by the 3rd of March", "2023-10-12", None, "2024-03-03"),
    # seasons, years, festivals: the end of their next occurrence
    ("in the autumn", "2024-03-12", None, "2024-11-30"),
    ("over the summer holidays", "2024-09-10", None, "2025-08-31"),
    ("in 2025", "2024-10-29", None, "2025-12-31"),
    ("by 2025/26", "2024-10-29", None, "2026-03-31"),
    ("before Christmas", "2024-03-12", None, "2024-12-25"),
    ("before the end of February", "2024-03-12", None, "2025-02-28"),
    # another body's or a document's "next": not the body's next meeting
    ("to the next parish liaison meeting", "2023-10-12", "2024-01-18", None),
    ("with the next quarterly report", "2023-10-12", "2024-01-18", None),
])
def test_relative_due_dates_resolve_against_the_meeting(phrase, meeting, next_meeting, expected):
    nxt = date.fromisoformat(next_meeting) if next_meeting else None
    assert resolve(phrase, date.fromisoformat(meeting), nxt) == expected


@pytest.mark.parametrize("sentence, phrase", [
    # a date before the commitment dates something else; the one after it is the commitment's
    ("Vacancies had reached 17% in July, and the Deputy Chief Constable would report on them in February.",
     "in February"),
    ("A decision was expected in December 2021 and an update would be provided once this decision was made.",
     "once this decision was made"),
    ("By 30 June, the Council would have appointed a new contractor.", "By 30 June"),  # none after: the first
    # the last commitment's phrase: the earlier "would" belongs to a clause about something else
    ("A decision on which organisation would operate the site was due in December 2021 and an update would "
     "be provided to the Board once this decision was made.", "once this decision was made"),
    ("Ms Hart said that she would attend the residents' meeting on 2 October and would report back.", "on 2 October"),
    # a commitment timed by an event
    ("The Cabinet Member would reflect on the Committee's views before Cabinet considered the matter.",
     "before Cabinet considered"),
    ("Ms Kavanagh agreed to consult housing providers on the protocol before it was finalised.",
     "before it was finalised"),
    ("Mr Hollis would send the invitation as soon as the date was confirmed.", "as soon as the date was confirmed"),
])
def test_the_due_phrase_is_the_commitments(sentence, phrase):
    assert find_due(sentence, "2021-09-24").phrase == phrase


def test_a_year_that_ends_soon_after_the_meeting_dates_data_not_the_commitment():
    sentence = "The Commissioner agreed to provide the number of victims referred in 2022/23."
    assert find_due(sentence, "2023-01-19") is None
    assert find_due("A new, more concise document would be presented in 2025.", "2024-10-29").date == "2025-12-31"


@pytest.mark.parametrize("sentence, phrase", [
    # when something was done is no due date; "would be published in October" still looks ahead
    ("That Cabinet note the assumptions in the draft budget published in October before the Autumn Budget.", None),
    ("The scheme, launched in May, would be extended to the rural wards.", None),
    ("The revised strategy would be published in October.", "in October"),
    ("Officers would report back in the Autumn Term.", "in the Autumn Term"),
])
def test_a_date_that_looks_back_is_no_due(sentence, phrase):
    due = find_due(sentence, "2025-01-09")
    assert (due.phrase if due else None) == phrase


def test_due_phrase_is_kept_as_written_and_next_meeting_unknown_stays_open():
    due = find_due("An update would be brought to the next meeting.", "2023-10-12")
    assert due is not None and due.phrase == "to the next meeting" and due.date is None
    assert find_due("The Board noted the report.", "2023-10-12") is None


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x_synthetic_2024-03-05.txt"
    path.write_text("WESTBRIDGE COMMUNITY SAFETY PARTNERSHIP\n\nMinutes of the meeting held on 5 March 2024.\n\n"
                    "PRESENT: Councillor Ann Lowe (Chair), Superintendent Mark Ford (Westbridge Police)\n\n" + text)
    return path


@pytest.mark.parametrize("sentence, owner, action_start", [
    ("Superintendent Mark Ford agreed to circulate the patrol plan after the meeting.", "Superintendent Mark Ford",
     "circulate the patrol plan"),
    ("RESOLVED that officers be requested to arrange a site visit.", "officers", "arrange a site visit"),
    ("RESOLVED that the Chair write to the Home Secretary about the funding gap.", "the Chair", "write to the Home"),
    ("Action: Youth Justice Service Manager to circulate the learning briefing by 31 May 2024.",
     "Youth Justice Service Manager", "circulate the learning briefing"),
    ("Councillor Ann Lowe stated her intention, once the review had concluded, to bring a report to the Board.",
     "Councillor Ann Lowe", "bring a report"),
    ("Superintendent Mark Ford spoke first. The Cabinet Member said that he would meet the residents in May.",
     "The Cabinet Member", "meet the residents"),  # "he" is the speaker of its sentence, not the last name
    ("The Commissioner did not have the figure to hand and undertook to send Mr Ford a written answer.",
     "The Commissioner", "send Mr Ford"),  # the sentence's subject, not the first name in it
    ("ACTION: Mark Ford to report back on the Safer Streets bid at the next meeting.", "Mark Ford",
     "report back on the Safer Streets bid"),  # an action label in capitals
    ("ACTION: All partners to submit their quarterly returns by 30 April 2024.", "All partners",
     "submit their quarterly returns"),
    # a reported commitment of someone other than the speaker
    ("Superintendent Mark Ford said that the fire service would run safe and well visits during the week.",
     "the fire service", "run safe and well visits"),
    ("Superintendent Mark Ford said that licensing officers would include checks for exploitation in their "
     "visits.", "licensing officers", "include checks"),
    ("Superintendent Mark Ford said that the patrol plan would be circulated after the meeting.",
     None, "be circulated"),  # a plan in the passive: no one named (as the real and held-out golds have it)
    # a pronoun is the person named last before it, in its own sentence too
    ("Councillor Ann Lowe asked about the hub. Ms Jo Whiteley said that the lease ran to May; she agreed to "
     "write to the landlord.", "Ms Jo Whiteley", "write to the landlord"),
    ("Superintendent Mark Ford presented the report. In answer to Councillor Ann Lowe, he agreed to provide a "
     "breakdown by ward.", "Superintendent Mark Ford", "provide a breakdown"),  # not the one answered
    ("Councillor Ann Lowe said that Westbridge Pubwatch had agreed to introduce the scheme in every member pub.",
     "Westbridge Pubwatch", "introduce the scheme"),  # "had agreed": the reported body agreed
    ("The Board asked all partners to adopt the high-risk drinkers protocol by 31 December 2024.", "all partners",
     "adopt the high-risk drinkers protocol"),  # a request to a group, in lower case
    ("Superintendent Mark Ford said the fire service would run safe and well visits during the week.",
     "the fire service", "run safe and well visits"),  # without "that": the speech verb ends the subject
    # a body whose name holds "and"; the reported commitment comes before a request in the same sentence
    ("Mark Ford reported that Wexmoor Fire and Rescue Service would run a water safety campaign, and asked "
     "partners to share the messages.", "Wexmoor Fire and Rescue Service", "run a water safety campaign"),
    ("The Head of Community Safety and Enforcement undertook to send Mrs Hale a written response.",
     "The Head of Community Safety and Enforcement", "send Mrs Hale"),
    # action lines with several owners, a group of members, or the owner's initials in brackets
    ("ACTION: FH and NB to report on the first three months of the trial to the April meeting.", "FH and NB",
     "report on the first three months"),
    ("ACTION: All Board members to complete the induction pack by 17 November.", "All Board members",
     "complete the induction pack"),
    ("Action (LF): publish the strategy on the Council's website.", "LF", "publish the strategy"),
    ("Action \u2013 Inspector Mark Ford: provide ward-level figures to the next meeting.", "Inspector Mark Ford",
     "provide ward-level figures"),
    ("Action \u2013 MF and AL: agree the content of the school sessions by the end of April.", "MF and AL",
     "agree the content"),
    # delegations: the officer given the authority acts
    ("Delegated authority was given to the Director of Public Health to make final amendments to the plan.",
     "the Director of Public Health", "make final amendments"),
    ("The remaining \u00a34,000 is delegated to the Head of Community Safety to allocate during the year.",
     "the Head of Community Safety", "allocate during the year"),
    # a reported commitment, kept whatever the model says
    ("Councillor Ann Lowe asked about rural households; Ms Whiteley said that she would provide that breakdown in "
     "writing.", "Ms Whiteley", "provide that breakdown"),
    ("JF confirmed that the OPCC would pay for the Change Course places during the trial.", "the OPCC",
     "pay for the Change Course places"),
    # "That the report be submitted ...": "That the" is no owner ("report" is a verb only after a subject)
    ("That the report be submitted to the Review Panel by 31 May 2020.", None, "That the report be submitted"),
    # a resolution that names who is to act, in the subjunctive, is a mandate
    ("That Priya Lal bring a report on school exclusions to the next meeting.", "Priya Lal", "bring a report"),
    ("RESOLVED: That the Licensing Manager prepare a delivery plan for approval in March.", "the Licensing Manager",
     "prepare a delivery plan"),
    # a named person who would do a concrete thing has undertaken it
    ("Ravi Shah would feed the Board's comments into the county consultation.", "Ravi Shah", "feed the Board"),
    # what is delegated may come between "delegate" and the officer it goes to
    ("RESOLVED that Cabinet agree to delegate finalising any response to the settlement to the Director of Finance, "
     "in consultation with the Leader.", "the Director of Finance", "finalising any response"),
    # a numbered action line; a pronoun in a later clause of the speaker's own report is the speaker
    ("Action 6.1 \u2013 RP and KT: bring a joint paper on the probation model to the February meeting.", "RP and KT",
     "bring a joint paper"),
    ("GM said that the Unit had a short film for young people and he would share it with members.", "GM",
     "share it with members"),
    # a request made for a unit named with a lower-case head word
    ("A request was made for the Highways and Transport department to review the crossing.",
     "the Highways and Transport department", "review the crossing"),
    # a body's commitment reported in a second "and that" clause is the body's
    ("KL said that Tarrow Works had placed six young people in jobs, and that Tarrow Works would run the course "
     "again in the spring.", "Tarrow Works", "run the course"),
    # "said she would" without "that"; who agreed to ask acts, not the body asked
    ("The action remained open, and Fiona Hale said she would confirm a name by the end of October.", "Fiona Hale",
     "confirm a name"),
    ("In response, Ms Liddell agreed to ask the Domestic Abuse Local Partnership Board to look at the gaps.",
     "Ms Liddell", "ask the Domestic Abuse"),
    # a subjunctive after "agreed that"; a body that agreed that someone unnamed would act
    ("The Board noted the report and agreed that the Chair write to the Youth Justice Board.", "the Chair",
     "write to the Youth Justice Board"),
    ("The Probation Delivery Unit had agreed that a probation officer would attend the panel meetings.",
     "The Probation Delivery Unit", "attend the panel meetings"),
    # one subject acting twice in one clause: "<the unit> ran ... and would continue"
    ("The participation team ran various events over the summer and would continue to do so for the rest of the "
     "year.", "The participation team", "continue to do so"),
    # the agent of a passive commitment (not a time after "by")
    ("Ms Ward added that every case that was not rated Good would be looked at by a social worker to find out why.",
     "a social worker", "be looked at by a social worker"),
    # an imperative clause of a resolution that asks a named officer to act
    ("(c) ask the Corporate Director of Adult Services to report to Cabinet on the procurement in March.",
     "the Corporate Director of Adult Services", "report to Cabinet"),
    # a parenthetical between the modal and its verb; the sentence's first "would" is not the commitment
    ("In response to how the reforms would affect the risk register, it was confirmed that officers would, subject "
     "to the outcome of the Cabinet decision, create a programme of work with services.", "officers",
     "create a programme of work"),
    # the subject of the sentence's first verb undertakes what follows "and agreed to"
    ("The Commissioner acknowledged the delay and agreed to provide the Panel with the referral figures.",
     "The Commissioner", "provide the Panel"),
    # a job's head word before its "of"; a request that a named officer act; a body sent a request
    ("The Director of Public Health would present the annual report to the June meeting.",
     "The Director of Public Health", "present the annual report"),
    ("The Panel requests that the Head of Housing report on eviction figures in March.", "the Head of Housing",
     "report on eviction figures"),
    ("RESOLVED that the report be forwarded to the Police and Crime Commissioner with a request that he consider "
     "more rural patrols.", "the Police and Crime Commissioner", "consider more rural patrols"),
    # what the speaker reports will happen names no one
    ("Ms Garside said that a walk-in testing site would open at the college car park on 5 October.", None,
     "open at the college car park"),
    # "it" is a thing, not the person named before it; "agreed that X should" names X
    ("Mark Ellery said the profile was nearly finished. It would be presented to the Board once the Home Office "
     "had approved it.", None, "be presented to the Board"),
    ("The Board agreed that the Domestic Abuse Partnership should lead the needs assessment, and that its draft "
     "should be submitted to the Board in March.", "the Domestic Abuse Partnership", "lead the needs assessment"),
    # the speaker's own "she would" names her
    ("Ms Adeyemi said that she would circulate the learning briefing to schools.", "Ms Adeyemi",
     "circulate the learning briefing"),
    # the body invites a named officer to act: the officer owns it
    ("The Committee AGREED to invite the Head of the Probation Delivery Unit to return in twelve months' time with "
     "an update on accommodation outcomes.", "the Head of the Probation Delivery Unit", "return in twelve months"),
    # a "Decision:" label before the sentence; a body's members asked to act
    ("DECISION: Board members were asked to complete the self-assessment survey by 17 February 2024.",
     "Board members", "complete the self-assessment survey"),
    # "she" after a paragraph that opened with an office, not a name: the office holder, not the person named last
    ("The Mayor thanked the volunteers who had run the warm space. She would circulate the list of Safe Places to "
     "all councillors.", "The Mayor", "circulate the list of Safe Places"),
    # a body is not "she"; a person named after the office is the nearer antecedent
    ("The Chair thanked Ms Priya Adeyemi for the report. She would circulate the briefing to schools.",
     "Ms Priya Adeyemi", "circulate the briefing"),
    # an office opening the sentence before, with an irregular speech verb
    ("Councillor Teague asked how many posts would be lost. The Commissioner said that numbers would fall. He agreed "
     "to provide a breakdown by policing area.", "The Commissioner", "provide a breakdown"),
    # a reported agent that acts twice in one clause; a reported thing does not ("a testing site … would close")
    ("Ms Garside said that the Probation Service had started a pilot and would report on it in June.",
     "the Probation Service", "report on it in June"),
    # a post named then its holder; a post in lower case; a passive offer before the undertaking
    ("The Scrutiny Officer, Ben Hollis, would send an invitation to the Fire and Rescue Service.", "Ben Hollis",
     "send an invitation"),
    ("The Partnership's communications officer would include a scams warning in the April newsletter.",
     "The Partnership's communications officer", "include a scams warning"),
    ("Members asked whether the course could be offered to housing staff; SM agreed to check capacity with the "
     "trainers.", "SM", "check capacity"),
    # "he" is not the woman named last: an honorific's gender picks the antecedent
    ("Mr Paul Dace thanked Ms Carol Hewitt for the report; he would circulate the slides.", "Mr Paul Dace",
     "circulate the slides"),
    # the commitment in a relative clause after the thing it answers
    ("The Home Office had opened a consultation on the statutory guidance, to which the Partnership would be "
     "responding.", "the Partnership", "be responding"),
])
def test_owner_and_action_of_common_forms(tmp_path, sentence, owner, action_start):
    meeting = meeting_to_json(extract_file(_write(tmp_path, f"1. POLICING\n\nThe Board discussed patrols.\n\n"
                                                             f"{sentence}\n"), "x.txt"))
    found = [f for it in meeting["items"] for f in it["follow_ups"]]
    assert len(found) == 1, found
    assert found[0]["owner"] == owner and found[0]["action"].startswith(action_start)
    assert sentence.startswith(found[0]["evidence"].rstrip(".")) or found[0]["evidence"] in sentence


@pytest.mark.parametrize(("line", "owner", "due"), [
    ("ACTION 21/13: TG / BL - start release-day navigator pilot - 1 Nov 2021", "TG / BL", "1 Nov 2021"),
    ("ACTION 21/12: KF / OT - draft an IOM performance framework - Jan mtg", "KF / OT", "Jan mtg"),
    ("ACTION 23/17 FI: raise CAMHS waiting times at the ICB's mental health board - September.", "FI", "September"),
    # a status in the last field is no due date
    ("Action 7: Chair to write to the Policing Minister about the funding formula \u2013 outstanding.", "Chair", None),
])
def test_a_numbered_action_line_of_an_action_log(tmp_path, line, owner, due):
    """"ACTION <ref>: <owners> - <action> - <due>" or "ACTION <ref> <owner>: <action> - <due>": the owners as
    written, the last field as the due date."""
    meeting = meeting_to_json(extract_file(_write(tmp_path, f"1. REOFFENDING\n\nThe Board discussed releases.\n\n"
                                                             f"{line}\n"), "x.txt"))
    found = [f for it in meeting["items"] for f in it["follow_ups"]]
    assert [(f["owner"], f["due"]) for f in found] == [(owner, due)]


def test_a_presenters_paragraph_may_report_a_commitment_after_its_introduction(tmp_path):
    text = ("1. POLICING\n\nSuperintendent Mark Ford will present the report on patrols. He agreed to circulate the "
            "patrol plan after the meeting.\n\n2. ANY OTHER BUSINESS\n\nThere was none.\n")
    meeting = meeting_to_json(extract_file(_write(tmp_path, text), "x.txt"))
    assert meeting["items"][0]["presenters"], "the paragraph should read as the item's presenter"
    found = [f for it in meeting["items"] for f in it["follow_ups"]]
    assert [(f["owner"], f["action"]) for f in found] == [("Superintendent Mark Ford", "circulate the patrol plan "
                                                                                        "after the meeting")]


@pytest.mark.parametrize("sentence, expected", [
    # two commitments in one sentence: each its own owner and action, both quoting the sentence
    ("Inspector Dale said that the Constabulary would extend the patrols to Eastgate, and the Clerk would write to "
     "the residents' association by 30 June 2024.",
     [("the Constabulary", "extend the patrols"), ("the Clerk", "write to the residents")]),
    ("Members asked that the housing service share its eviction figures, and the Community Safety Officer would "
     "add them to the dashboard.", [("the housing service", "share its eviction figures"),
                                    ("the Community Safety Officer", "add them to the dashboard")]),
    ("Ms Akers said that the Youth Service would run two holiday clubs, and undertook to report attendance to the "
     "Board.", [("the Youth Service", "run two holiday clubs"), ("Ms Akers", "report attendance")]),
    ("The revised protocol would be published this autumn, and a shorter guide for parents would be issued in "
     "2025.", [(None, "be published this autumn"), (None, "be issued in 2025")]),
    # "she" in the second clause is the woman who undertook, not the man named last
    ("Ms Carol Hewitt undertook to ask Mr Paul Dace to review the figures, and she would provide an update to the "
     "Board.", [("Ms Carol Hewitt", "ask Mr Paul Dace"), ("Ms Carol Hewitt", "provide an update")]),
    # and, with no honorific to tell, the person the sentence opened with, not the one it asked
    ("PCSO Radford undertook to ask the Sector Inspector, Inspector Colin Makepeace, to attend the September "
     "meeting, and she would provide the crime figures.",
     [("PCSO Radford", "ask the Sector Inspector"), ("PCSO Radford", "provide the crime figures")]),
    # one commitment: the second clause predicts, refers back, or describes
    ("Officers agreed to provide the data, and it would help the Board to compare districts.",
     [("Officers", "provide the data")]),
    ("Councillor Amis asked that the Panel receive a report on fly-tipping, and the Director agreed to arrange this.",
     [("the Director", "arrange this")]),
    ("Members asked how the grant would be monitored, and Ms Kaur agreed to circulate the monitoring framework.",
     [("Ms Kaur", "circulate the monitoring framework")]),
])
def test_each_commitment_of_a_sentence_is_its_own_follow_up(tmp_path, sentence, expected):
    meeting = meeting_to_json(extract_file(_write(tmp_path, f"1. POLICING\n\nThe Board discussed patrols.\n\n"
                                                             f"{sentence}\n"), "x.txt"))
    found = [f for it in meeting["items"] for f in it["follow_ups"]]
    assert len(found) == len(expected)
    assert [(f["owner"], f["action"][:len(a)]) for f, (_, a) in zip(found, expected, strict=True)] == expected
    assert {f["evidence"] for f in found} == {sentence}


def test_a_dropped_look_alike_hides_no_later_commitment(tmp_path):
    """The first sentence commits no one; the second restates it and adds a commitment, which is kept."""
    text = ("1. SCHOOLS\n\nThe Home Office would publish the guidance in the spring. The Home Office would publish "
            "the guidance in the spring, and officers would circulate it to all schools.\n")
    meeting = meeting_to_json(extract_file(_write(tmp_path, text), "x.txt"))
    found = [(f["owner"], f["action"]) for it in meeting["items"] for f in it["follow_ups"]]
    assert found == [("officers", "circulate it to all schools")]


@pytest.mark.parametrize("resolution, owner, due", [
    ("RESOLVED that authority be delegated to the Head of Community Safety, in consultation with the Chair, to agree "
     "the terms of the grant agreement.", "the Head of Community Safety", None),
    ("RESOLVED: That the Cabinet\n(a) delegates authority to the Director of Place, in consultation with the "
     "Portfolio Holder, to award the installation contract.", "the Director of Place", None),
    ("RESOLVED that consideration of the draft strategy be deferred to the meeting on 9 June 2024.", None,
     "2024-06-09"),
])
def test_a_resolution_that_delegates_or_defers_is_a_follow_up(tmp_path, resolution, owner, due):
    """As in the real gold: the delegate acts; a deferral returns to a named meeting."""
    text = f"1. FUNDING\n\nThe Board discussed the grant.\n\n{resolution}\n\n2. ANY OTHER BUSINESS\n\nNone.\n"
    meeting = meeting_to_json(extract_file(_write(tmp_path, text), "x.txt"))
    found = [f for it in meeting["items"] for f in it["follow_ups"]]
    assert [(f["owner"], f["due_date"]) for f in found] == [(owner, due)]


@pytest.mark.parametrize("sentence", [
    "The reserve was committed to projects that had already started.",  # a state
    "Action 4: Police to circulate the burglary hotspot map \u2013 complete.",  # an action log entry already done
    "Action 14 (data sharing agreement): PO had circulated the signed agreement on 5 August.",  # reported done
    "Action 22/16 (survey of care home residents) was closed; the report had gone to members.",
    "That the Leader\u2019s report be noted.",  # a noun after a possessive, not a subjunctive verb
    "That the Panel's report, including the comments made at the meeting, be noted.",
    "That the Performance update be noted.",
    "This would help the Board to compare districts.",  # an outcome, not a person undertaking
    "The Committee AGREED to note the report.",  # a decision taken at the meeting, not an action-log entry
    "Referrals to alcohol services had fallen during the first lockdown.",  # a subject with a "to" phrase
    "Hate crime awareness sessions had been offered to all eight secondary schools.",  # a past offer to others
    "Members discussed whether to ask the County Council for a fixed safety camera.",  # a question
    # a national body's own plans; a trend; a condition, not a date
    "Mr Mirza reported that the Home Office would publish revised statutory guidance later in the year.",
    "The Home Office would confirm the police pensions grant only after the budget had been set.",
    "The Commissioner said that PCSO numbers would fall from 162 to 140 through vacancies.",
    "That the decision on publication be deferred until the criminal proceedings have concluded.",
    "It was agreed that children should be placed as close to home as possible.",  # a principle
    # a motion the vote lost (or an amendment replaced) asks no one to do anything
    'Cllr Ode moved the following motion, seconded by Cllr Wray: "That the Council asks the County Council to '
    'introduce a 20mph limit throughout the town." On being put to the vote the motion was lost.',
])
def test_not_a_commitment(tmp_path, sentence):
    meeting = meeting_to_json(extract_file(_write(tmp_path, f"1. BUDGET\n\n{sentence}\n"), "x.txt"))
    assert not [f for it in meeting["items"] for f in it["follow_ups"]]


def test_followups_on_the_real_corpus():
    """The shared real minutes (text and printed PDFs); 4 of the 6 were training meetings, so this is a floor
    against regressions, not the held-out figure (see README)."""
    gold = {p.stem: json.loads(p.read_text()) for p in sorted((CORPUS / "gold").glob("*.json"))}
    preds = {}
    for stem, g in gold.items():
        preds[stem] = meeting_to_json(extract_file(CORPUS / g["source"], g["source"]))
    m = score(preds, gold)
    assert m["followup_p"] >= 0.85 and m["followup_r"] >= 0.75 and m["followup_owner_acc"] >= 0.8


def _by_action(out: Path) -> dict[str, dict]:
    found = {}
    for rec in read_records(out / "meetings.jsonl"):
        for it in rec["items"]:
            for f in it["follow_ups"]:
                found[f["action"]] = {**f, "meeting_date": rec["meeting"]["date"]}
    return found


@pytest.mark.parametrize("words, status, evidence_date, evidence_words", [
    ("burglary hotspot map", "closed", "2023-04-11", "had been circulated"),
    ("briefing on the Serious Violence Duty", "closed", "2023-04-11", "received a briefing"),
    ("lighting in Mill Lane", "carried_forward", "2023-04-11", "still awaited"),
    ("Police and Crime Commissioner", "overdue", "2024-09-10", "due 2023-02-28"),
    ("summer campaign", "closed", "2024-09-10", "reached 1,200 residents"),
    ("review of the strategy", "open", None, None),
    ("hate crime figures", "open", None, None),
])
def test_series_gets_exactly_the_expected_statuses_with_evidence(series_run, words, status, evidence_date,
                                                                  evidence_words):
    found = _by_action(series_run)
    assert len(found) == 7, list(found)
    fu = next(f for action, f in found.items() if words in action)
    assert fu["status"] == status
    if evidence_date is None:
        assert fu["status_evidence"] is None
    else:
        assert fu["status_evidence"]["date"] == evidence_date and evidence_words in fu["status_evidence"]["text"]


def test_followups_command_filters_and_writes_csv(series_run, tmp_path):
    target = tmp_path / "open.csv"
    res = runner.invoke(app, ["followups", str(series_run), "--status", "open", "--csv", str(target)])
    assert res.exit_code == 0, res.output
    rows = target.read_text().splitlines()
    assert len(rows) == 3 and all(",open," in r for r in rows[1:])
    res = runner.invoke(app, ["followups", str(series_run), "--owner", "patel", "--csv", str(target)])
    rows = target.read_text().splitlines()
    assert res.exit_code == 0 and "1 follow-ups" in res.output
    assert len(rows) == 2 and "Mill Lane" in rows[1] and ",carried_forward," in rows[1]
    res = runner.invoke(app, ["followups", str(tmp_path / "nowhere")])
    assert res.exit_code == 2 and "minutes run" in res.output


def _meeting(k: int, sentence: str, follow_up: dict | None = None) -> dict:
    item = {"id": f"m{k}-1", "title": "Partner updates", "paragraphs": [{"kind": "discussion", "text": sentence}],
            "follow_ups": [follow_up] if follow_up else []}
    return {"id": f"m{k}", "meeting": {"body_id": "ashby-csp", "date": f"{2000 + k}-01-10"}, "items": [item]}


@pytest.mark.parametrize("gap, status", [(LOOKBACK, "closed"), (LOOKBACK + 1, "unknown")])
def test_reports_are_searched_for_in_the_next_lookback_meetings_only(gap, status):
    """A report on an action closes it when it comes within ``LOOKBACK`` meetings; a similar sentence later
    than that is not taken as news of it (it is as likely a recurring theme), which keeps long series linear."""
    action = "circulate the burglary hotspot map to ward councillors"
    sentence = f"Inspector Reid agreed to {action}."
    records = [_meeting(0, sentence, {"owner": "Inspector Reid", "action": action, "evidence": sentence})]
    records += [_meeting(k, "The board received the quarterly performance report.") for k in range(1, gap)]
    records.append(_meeting(gap, "The burglary hotspot map had been circulated to ward councillors by Inspector Reid."))
    closure = Closure()
    for k, rec in enumerate(records):
        closure.observe(k, rec)
    closure.prepare()
    for k, rec in enumerate(records):
        closure.scan(k, rec)
    assert closure.settle()[(0, 0, 0)]["status"] == status
