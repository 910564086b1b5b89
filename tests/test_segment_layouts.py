"""Layouts and wordings of the eleventh session's development sets (synthetic41, synthetic42), each written here
in new words: item numbers printed as references on a line of their own, presenters' cells after titles, parish
"Min 24.071" references, a title wrapped onto a year line, decision labels alone over numbered clauses, narrative
refusals and a motion whose amendment quotes the words it adds; and of synthetic43: a town council's "1/24-25"
minute numbers and "Resolution:" labels, Scottish decisions in capitals, a title that opens with a number."""

from __future__ import annotations

import pytest
from conftest import ws

from pipeline.decisions import rule_types
from pipeline.extract import extract_file, meeting_to_json

PARISH_HEAD = ("WEXLEY PARISH COUNCIL\n\nMinutes of the Meeting of the Parish Council held on Tuesday 12 March 2024 "
               "at 7.30pm in the Village Hall\n\nPresent: Cllrs Bell (Chairman) and Hale\n\n")
HEAD = ("WEXLEY COUNCIL\n\nMINUTES of a meeting of the Wexley Community Safety Committee held in the Council "
        "Chamber on Tuesday 12 March 2024 at 2.00 pm.\n\nPresent: Councillor A Smith (Chair)\n\n")


def _extract(tmp_path, text: str, name: str = "wexley_csc_2024-03-12.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def _items(meeting) -> list[tuple[str | None, str]]:
    return [(i.number, i.title) for i in meeting.items]


def test_a_page_dumps_minute_references_alone_on_their_lines(tmp_path):
    """ModernGov's "No. Item" table as text: the reference ("CSP/24/011") on one line, the title on the next,
    then "Minutes:" over the minutes, whose "Moved by ..., Seconded by ... and AGREED that ..." is the decision."""
    text = ("Wexley Borough Council\nAgenda and minutes\nWexley Community Safety Partnership - Tuesday, 12th March, "
            "2024 6.00 pm\nVenue: Oak Room, Civic Centre\nItems\nNo.\tItem\n"
            "CSP/24/011\nApologies\nMinutes:\nApologies were received from Mr Brook.\n"
            "CSP/24/012\nMinutes of the last meeting pdf icon PDF 210 KB\nMinutes:\n"
            "Moved by Mr Hale, Seconded by Ms Rudd and AGREED that the minutes of the meeting held on 5 December "
            "2023 be signed as a correct record.\n"
            "CSP/24/013\nDate of Next Meeting\nMinutes:\nThe next meeting will be held on Tuesday 4 June 2024 at "
            "6.00 pm in the Oak Room.\n")
    meeting = _extract(tmp_path, text)
    assert _items(meeting) == [("CSP/24/011", "Apologies"), ("CSP/24/012", "Minutes of the last meeting"),
                               ("CSP/24/013", "Date of Next Meeting")]
    assert [ws(d.text) for d in meeting.items[1].decisions] == [
        "Moved by Mr Hale, Seconded by Ms Rudd and AGREED that the minutes of the meeting held on 5 December 2023 "
        "be signed as a correct record."]
    assert [d.types for d in meeting.items[2].decisions] == [["scheduled"]]


def test_notes_headings_with_a_presenters_cell_between_rule_lines(tmp_path):
    """"ITEM 4<tab>Title<tab>Lead: KB / AM" between "-----" lines: number 4, the lead is no part of the title."""
    rule = "-" * 40
    text = ("WEXLEY REDUCING REOFFENDING BOARD\nMinutes\nThursday 14 March 2024, 10:00\n\n"
            + "".join(f"{rule}\nITEM {n}\t{title}\tLead: {lead}\n{rule}\n{body}\n\n" for n, title, lead, body in [
                (1, "Welcome and apologies", "CM", "CM welcomed members."),
                (2, "Releases and accommodation", "KB / AM", "Board noted the release figures."),
                (3, "AOB", "All", "None.")]))
    meeting = _extract(tmp_path, text, "wexley_rrb_2024-03-14.txt")
    assert _items(meeting) == [("1", "Welcome and apologies"), ("2", "Releases and accommodation"), ("3", "AOB")]


def test_a_parish_councils_min_references_and_a_title_wrapped_onto_a_year(tmp_path):
    text = (PARISH_HEAD +
            "Min 24.071  Apologies for absence\nApologies were received from Cllr Rudd.\n\n"
            "Min 24.072  COMMUNITY SAFETY PLAN: ANNUAL REPORT\n2023/24\nThe Clerk presented the report.\n"
            "RESOLVED that the report be noted.\n\n"
            "Min 24.073  Date of next meeting\nThe next meeting will be held on 9 April 2024.\n")
    meeting = _extract(tmp_path, text, "wexley_pc_2024-03-12.txt")
    assert _items(meeting) == [("24.071", "Apologies for absence"),
                               ("24.072", "COMMUNITY SAFETY PLAN: ANNUAL REPORT 2023/24"),
                               ("24.073", "Date of next meeting")]


def test_bilingual_html_headings_with_a_hyphenated_welsh_word_and_a_document_size(tmp_path):
    html = ("<html><body><h1>Wexley Fire and Rescue Authority</h1><p>Minutes of the meeting held on Monday 27 June "
            "2022 at 10.30am.</p>"
            "<h2>1. Ethol Cadeirydd / Election of Chair</h2><p>RESOLVED that Councillor Bell be elected Chair.</p>"
            "<h2>2. Ethol Is-Gadeirydd / Election of Deputy Chair</h2><p>RESOLVED that Councillor Hale be elected "
            "Deputy Chair.</p>"
            "<h2>3. Cofnodion / Minutes <span>(PDF, 212KB)</span></h2><p>RESOLVED that the minutes be approved.</p>"
            "</body></html>")
    meeting = _extract(tmp_path, html, "wexley_fra_2022-06-27.html")
    assert _items(meeting) == [("1", "Ethol Cadeirydd / Election of Chair"),
                               ("2", "Ethol Is-Gadeirydd / Election of Deputy Chair"), ("3", "Cofnodion / Minutes")]


@pytest.mark.parametrize("label", ["Decision", "RESOLVED", "Decision:"])
def test_a_decision_label_alone_over_numbered_clauses(tmp_path, label):
    text = HEAD + (f"1. POLICING REPORT\nThe Chief Inspector presented the report.\n{label}\n1) To note the report.\n"
                   "2) To request that the Chief Inspector provide a briefing on domestic abuse charges for the\n"
                   "meeting in June 2024.\n\n2. DATE OF NEXT MEETING\nThe next meeting will be held on 11 June 2024.\n")
    decisions = _extract(tmp_path, text).items[0].decisions
    assert [(ws(d.text), d.types) for d in decisions] == [
        ("To note the report.", ["noted"]),
        ("To request that the Chief Inspector provide a briefing on domestic abuse charges for the meeting in June "
         "2024.", ["requested"])]


def test_the_lost_motion_is_its_that_sentence_not_the_words_an_amendment_quotes(tmp_path):
    text = HEAD + ("1. MOTION: SPEED LIMIT\nCllr Bell moved, seconded by Cllr Hale, that this Council asks the County "
                   "Council to reduce the speed limit on Mill Lane to 30mph. Cllr Rudd moved an amendment, seconded "
                   "by Cllr Lowe, to replace the request with \"carry out a speed survey on Mill Lane\". The amendment "
                   "was carried and became the substantive motion, which was then carried unanimously.\n\n"
                   "2. DATE OF NEXT MEETING\nThe next meeting will be held on 11 June 2024.\n")
    decisions = _extract(tmp_path, text).items[0].decisions
    assert [(ws(d.text), d.types) for d in decisions] == [
        ("that this Council asks the County Council to reduce the speed limit on Mill Lane to 30mph.", ["declined"])]


def test_an_amendment_that_adds_words_leaves_the_motion_standing(tmp_path):
    text = HEAD + ("1. MOTION: SPEED LIMIT\nCllr Bell moved, seconded by Cllr Hale, that this Council asks the County "
                   "Council to reduce the speed limit on Mill Lane to 30mph. Cllr Rudd moved an amendment, seconded "
                   "by Cllr Lowe, to add the words \"and to carry out a speed survey\". The amendment was carried and "
                   "became the substantive motion, which was then carried unanimously.\nRESOLVED that this Council "
                   "asks the County Council to reduce the speed limit on Mill Lane to 30mph and to carry out a speed "
                   "survey.\n\n2. DATE OF NEXT MEETING\nThe next meeting will be held on 11 June 2024.\n")
    decisions = _extract(tmp_path, text).items[0].decisions
    assert [ws(d.text) for d in decisions] == [
        "that this Council asks the County Council to reduce the speed limit on Mill Lane to 30mph and to carry out "
        "a speed survey."]


@pytest.mark.parametrize(("body", "decision"), [
    ("Cllr Hale proposed that the park gates be locked at dusk. Following discussion, the proposal to lock the gates "
     "was not supported, as the path is a route to the school.",
     "Following discussion, the proposal to lock the gates was not supported, as the path is a route to the school."),
    ("(b) Signway Media Ltd: request to place advertising on the bus shelters. RESOLVED not to accept the request.",
     "not to accept the request."),
    ("- Request from Keyfold Homes Ltd to join the landlord list: Board declined, as its flats have not been "
     "inspected.\n- KB: the housing surgery is now monthly.",
     "Board declined, as its flats have not been inspected."),
])
def test_narrative_refusals_are_declined_decisions(tmp_path, body, decision):
    text = HEAD + (f"1. CORRESPONDENCE\n{body}\n\n"
                   "2. DATE OF NEXT MEETING\nThe next meeting will be held on 11 June 2024.\n")
    decisions = _extract(tmp_path, text).items[0].decisions
    assert [(ws(d.text), d.types) for d in decisions] == [(decision, ["declined"])]


@pytest.mark.parametrize(("clause", "types"), [
    ("The Board noted the update and agreed that hate crime awareness be included in the induction for new staff.",
     ["noted", "approved"]),
    ("The Board noted the report and agreed that the partners be asked to develop a joint pathway.",
     ["noted", "requested"]),
    ("That Cabinet be recommended, at its meeting on 9 November 2021, to extend the contract for one year.",
     ["referred"]),
])
def test_decision_types_of_two_more_wordings(clause, types):
    assert rule_types(clause) == types


def test_a_parish_vote_in_brackets_between_resolved_and_its_clause(tmp_path):
    """"Council RESOLVED (prop. Cllr X, sec. Cllr Y, unanimous) to ...": "prop." ends no sentence, and after another
    sentence the clause is what follows the bracket."""
    text = (PARISH_HEAD +
            "Min 24.071  Apologies for absence\nApologies were received from Cllr Rudd (work). Council RESOLVED (prop. "
            "Cllr Hale, sec. Cllr Bell, unanimous) to approve the reason given for absence.\n\n"
            "Min 24.072  Speed indicator device\nCouncil then RESOLVED (prop. Cllr Hale, sec. Mrs Swallow; 5 for, 2 "
            "against) to purchase a second device.\n\n"
            "Min 24.073  Date of next meeting\nThe next meeting will be held on 9 April 2024.\n")
    meeting = _extract(tmp_path, text, "wexley_pc_2024-03-12.txt")
    assert [ws(d.text) for d in meeting.items[0].decisions] == ["to approve the reason given for absence."]
    assert [ws(d.text) for d in meeting.items[1].decisions] == [
        "Council then RESOLVED (prop. Cllr Hale, sec. Mrs Swallow; 5 for, 2 against) to purchase a second device."]


def test_after_consideration_the_body_noted(tmp_path):
    text = HEAD + ("1. ANNUAL REPORT\nThere was submitted a report by the Co-ordinator.\nAfter consideration, the "
                   "Partnership noted the report.\n\n2. DATE OF NEXT MEETING\nThe next meeting will be held on 11 June "
                   "2024.\n")
    decisions = _extract(tmp_path, text).items[0].decisions
    assert [(ws(d.text), d.types) for d in decisions] == [
        ("After consideration, the Partnership noted the report.", ["noted"])]


def _decisions(meeting) -> list[tuple[str | None, list[str], str]]:
    return [(i.number, d.types, " ".join(d.text.split())) for i in meeting.items for d in i.decisions]


def _types_by_item(tmp_path, text: str, name: str) -> list[tuple[str | None, list[str]]]:
    """(item number, decision types) of each decision of the minutes ``text``, saved as ``name``."""
    return [(n, types) for n, types, _ in _decisions(_extract(tmp_path, text, name))]


def _assert_in_discussion(tmp_path, sentence: str, types: list[str], next_meeting: str) -> None:
    """``sentence`` inside a paragraph of discussion is item 1's decision of ``types``; ``next_meeting``, item 2's
    only paragraph, sets the date."""
    text = HEAD + (f"1. PARTNERSHIP BUSINESS\n\nMembers discussed the item at length. {sentence}\n\n2. DATE OF NEXT "
                   f"MEETING\n\n{next_meeting}\n")
    found = _decisions(_extract(tmp_path, text))
    assert ("1", types, sentence) in found
    assert ("2", ["scheduled"], next_meeting) in found


def test_a_town_councils_civic_year_minute_numbers_and_resolution_labels(tmp_path):
    """"1/24-25<TAB>TITLE" over tab-indented minutes whose decisions follow "Resolution:" (after a table of
    nominations too); "Members noted that the next Ordinary Meeting ... will be held on ..." sets the date."""
    text = ("WEXLEY TOWN COUNCIL\n\nMinutes of the Annual Meeting of the Town Council held on Monday 13 May 2024 at "
            "7.00 pm\n\nMembers present:\n\tCllr E. Bell (Town Mayor)\n\tCllr N. Hale\n\n\nMinute No.\tMinute\n\n"
            "1/24-25\tELECTION OF TOWN MAYOR FOR 2024/25\n\tCllr Bell invited nominations.\n"
            "\tResolution: that Cllr N. Hale be elected Town Mayor for 2024/25.\n\n"
            "2/24-25\tAPPOINTMENTS TO OUTSIDE BODIES 2024/25\n\tThe Town Clerk circulated a table of nominations:\n"
            "\tWexley Neighbourhood Watch Association (outside body)\tCllr Bell\n"
            "\tResolution: that members be appointed to outside bodies for 2024/25 as set out in the table above.\n\n"
            "3/24-25\tDATE OF NEXT MEETING\n\tMembers noted that the next Ordinary Meeting of the Council will be held "
            "on Monday 10 June 2024 at 7.00 pm.\n")
    meeting = _extract(tmp_path, text, "wexley_town_council_2024-05-13.txt")
    assert _items(meeting) == [("1/24-25", "ELECTION OF TOWN MAYOR FOR 2024/25"),
                               ("2/24-25", "APPOINTMENTS TO OUTSIDE BODIES 2024/25"),
                               ("3/24-25", "DATE OF NEXT MEETING")]
    assert _decisions(meeting) == [
        ("1/24-25", ["elected"], "that Cllr N. Hale be elected Town Mayor for 2024/25."),
        ("2/24-25", ["elected"], "that members be appointed to outside bodies for 2024/25 as set out in the table "
                                 "above."),
        ("3/24-25", ["scheduled"], "Members noted that the next Ordinary Meeting of the Council will be held on "
                                   "Monday 10 June 2024 at 7.00 pm.")]


def test_scottish_decisions_in_capitals_a_title_opening_with_a_number_and_a_continued_item(tmp_path):
    """"8. 16 DAYS OF ACTION ..." is a title (a number opens it); "The Partnership AGREED to appoint X as Vice
    Chair" is an election; "Consideration of X was CONTINUED to the May meeting" is a deferral."""
    text = ("WEXLEY VIOLENCE AGAINST WOMEN PARTNERSHIP\n\nMINUTE OF MEETING\n\nDate: Wednesday 22 February 2023\n\n"
            "7. APPOINTMENT OF VICE CHAIR\n\nR. Gammie was nominated. There were no other nominations.\n\n"
            "The Partnership AGREED to appoint R. Gammie as Vice Chair until the end of March 2024.\n\n"
            "8. 16 DAYS OF ACTION 2022 AND TRAINING CALENDAR 2023/24\n\nThe Co-ordinator presented the evaluation "
            "of the campaign.\n\nConsideration of a campaign on commercial sexual exploitation was CONTINUED to the "
            "May meeting, to allow the Co-ordinator to consult.\n\n9. ANY OTHER BUSINESS\n\nThere was none.\n")
    meeting = _extract(tmp_path, text, "wexley_vawp_2023-02-22.txt")
    assert [t for _, t in _items(meeting)] == ["APPOINTMENT OF VICE CHAIR",
                                               "16 DAYS OF ACTION 2022 AND TRAINING CALENDAR 2023/24",
                                               "ANY OTHER BUSINESS"]
    assert [(n, types) for n, types, _ in _decisions(meeting)] == [("7", ["elected"]), ("8", ["deferred"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("That the Panel supports the proposed appointment of Ms Jo Hale as Deputy Police and Crime Commissioner.",
     ["endorsed"]),
    ("The revised terms of reference, which add two members, were adopted.", ["approved"]),
    ("The Partnership AGREED to appoint R. Gammie as Vice Chair until the end of March 2024.", ["elected"]),
])
def test_supporting_anothers_appointment_is_no_election(text, expected):
    assert rule_types(text) == expected


@pytest.mark.parametrize(("paragraph", "decision", "types"), [
    ("6.5 The Committee accepted the six recommendations and approved the multi-agency action plan.",
     "The Committee accepted the six recommendations and approved the multi-agency action plan.", ["approved"]),
    ("The reviewer will meet the family. Authority was delegated to the Convener and the Lead Officer to agree the "
     "final wording of the summary.", "Authority was delegated to the Convener and the Lead Officer to agree the final "
     "wording of the summary.", ["delegated"]),
    ("Members discussed online threats. The Board declined a request from Wexley Safe Ltd to fund a monitoring "
     "service, as the police already monitor them.", "The Board declined a request from Wexley Safe Ltd to fund a "
     "monitoring service, as the police already monitor them.", ["declined"]),
])
def test_decisions_in_a_paragraph_of_discussion(tmp_path, paragraph, decision, types):
    """A body accepting or declining something, or a delegation in the passive, is a decision wherever the sentence
    falls."""
    text = HEAD + (f"1. ADULT B REVIEW\n\n{paragraph}\n\n2. WORK PROGRAMME\n\n"
                   "RESOLVED - That the work programme be noted.\n")
    assert ("1", types, decision) in _decisions(_extract(tmp_path, text))


def test_a_proposal_the_next_sentence_calls_an_amendment_is_lost(tmp_path):
    """"It was moved by X and seconded by Y that ... . On being put to the vote the / amendment was LOST" (a
    printed line break inside "not carried" too): the proposal is declined, and the resolutions after it stand."""
    text = HEAD + ("1. TAXI LICENSING POLICY\n\nIt was moved by Councillor Chhina and seconded by Councillor Grinter "
                   "that all licensed\nvehicles be required to have CCTV fitted from 1 April 2023. On being put to the "
                   "vote the\namendment was LOST (3 for, 5 against).\nThe Committee then RESOLVED:\n(1) That Council "
                   "be recommended to adopt the Policy.\n\n2. WORK PROGRAMME\n\nCouncillor Hale proposed that the "
                   "Panel establish a task and finish group. On being put to the vote the proposal was not\n"
                   "   carried (3 for, 7 against).\n")
    assert _decisions(_extract(tmp_path, text)) == [
        ("1", ["declined"], "that all licensed vehicles be required to have CCTV fitted from 1 April 2023."),
        ("1", ["referred"], "That Council be recommended to adopt the Policy."),
        ("2", ["declined"], "that the Panel establish a task and finish group.")]


def test_minute_numbers_of_a_committees_initials_and_a_stop(tmp_path):
    """"CW.64 APOLOGIES ..." (pypdf text, no blank lines): the committee's initials, a stop and the number."""
    text = ("WEXLEY DISTRICT COUNCIL\nCOMMUNITIES COMMITTEE\nMinutes of a meeting held on Tuesday, 8 March 2022.\n"
            "PRESENT: Cllr J. Bell (Chairman)\nCW.64 APOLOGIES FOR ABSENCE\nApologies were received from Cllr Hale.\n"
            "CW.65 DECLARATIONS OF INTEREST\nNone.\nCW.66 MINUTES\nThe minutes were confirmed as a correct record.\n")
    assert _items(_extract(tmp_path, text, "wexley_cw_2022-03-08.txt")) == [
        ("CW.64", "APOLOGIES FOR ABSENCE"), ("CW.65", "DECLARATIONS OF INTEREST"), ("CW.66", "MINUTES")]


def test_rules_that_separate_numbered_items_underline_nothing(tmp_path):
    """Action notes that close each item with a rule line: the line above a rule is the item's last line, not an
    underlined title, where a numbered heading follows the rule."""
    rule = "-" * 72
    text = ("WEXLEY CRIMINAL JUSTICE BOARD\nSummary of discussion, decisions and actions\n\nDate:   Thursday 17 "
            f"October 2024\n\n{rule}\n1. Welcome, apologies and deputies (MF)\n- AW deputising for OL.\n{rule}\n"
            "2. Chair of the Board (PE)\n- Proposed LJ, seconded PT.\nDECISION 24/40: MF re-appointed Chair of the "
            f"Board to 31 March 2026.\n{rule}\n3. Notes of 18 July 2024 (PE)\nDECISION 24/41: Notes of 18 July "
            f"agreed.\n{rule}\n4. AOB\n- None.\n")
    assert [t for _, t in _items(_extract(tmp_path, text, "wexley_cjb_2024-10-17.txt"))] == [
        "Welcome, apologies and deputies", "Chair of the Board", "Notes of 18 July 2024", "AOB"]


def test_numbered_decision_lines_of_action_notes(tmp_path):
    """"DECISION 24/40: ..." (a decision with the notes' own reference) is a decision like "DECISION: ...";
    action notes' own words for a delegation, a deferral and a request get their types."""
    text = ("WEXLEY CRIMINAL JUSTICE BOARD\nSummary of discussion, decisions and actions\n\nDate:   17 October 2024\n\n"
            "1. Chair of the Board (PE)\n- Proposed LJ, seconded PT.\nDECISION 24/40: MF re-appointed Chair of the "
            "Board to 31 March 2026.\n\n2. Sentencing review (MF)\nDECISION 24/43: MF authorised to submit the Board's "
            "response to the call for evidence.\nDECISION 24/44: Board commissioned a deep dive into case attrition "
            "for the January meeting.\n\n3. Modern slavery (PT)\nDECISION 24/49: Sign-off of the protocol parked to "
            "the April mtg, pending revised guidance.\n")
    assert _types_by_item(tmp_path, text, "wexley_cjb_2024-10-17.txt") == [
        ("1", ["elected"]), ("2", ["delegated"]), ("2", ["requested"]), ("3", ["deferred"])]


@pytest.mark.parametrize(("sentence", "types"), [
    ("Members confirmed Dr Jo Hale as Chair of the Partnership for a further year.", ["elected"]),
    ("Jo Hale was declared elected Chair of the Board for 2022-2024.", ["elected"]),
    ("The Board gave its backing to the Council signing the Night Safety Charter.", ["endorsed"]),
    ("There was no support for funding the recovery app offered by Wexley Digital Ltd.", ["declined"]),
    ("The Chair and Treasurer were given authority to sign the grant agreements.", ["delegated"]),
])
def test_more_ways_a_paragraph_records_a_decision(tmp_path, sentence, types):
    """Wordings of the body's decisions inside a paragraph of discussion (development set 45)."""
    _assert_in_discussion(tmp_path, sentence, types, "The Board will next meet on Thursday 12 January 2023 at 7.00pm.")


def test_a_next_meeting_line_under_the_last_rule_is_an_item_of_its_own(tmp_path):
    """Action notes that close each item with a rule: "Next meeting: <date>" under the last rule is item N + 1,
    titled "Next meeting", whose line sets the date."""
    rule = "-" * 72
    text = ("WEXLEY CRIMINAL JUSTICE BOARD\nSummary of discussion, decisions and actions\n\nDate:   17 October 2024\n\n"
            f"{rule}\n1. Welcome (MF)\n- AW deputising for OL.\n{rule}\n2. AOB\n- None.\n{rule}\n"
            "Next meeting: Thursday 16 January 2025, 10:00, OPCC Boardroom / Teams\n")
    meeting = _extract(tmp_path, text, "wexley_cjb_2024-10-17.txt")
    assert _items(meeting) == [("1", "Welcome"), ("2", "AOB"), ("3", "Next meeting")]
    assert [(n, types) for n, types, _ in _decisions(meeting)] == [("3", ["scheduled"])]


def test_numbered_paragraphs_that_open_with_the_bodys_verb_in_capitals(tmp_path):
    """Scottish minutes leave the body out of its decisions: "4.3 ENDORSED the draft plan." is a decision of its own,
    typed by its verb; a heading in capitals ("DEFERRED ITEMS") is not."""
    text = (HEAD + "4. NATIONAL GUIDANCE\n\n4.1 The Lead Officer reported on the new guidance.\n\n"
            "4.2 ENDORSED the draft implementation plan attached to the report.\n\n"
            "4.3 REQUESTED Wexley Constabulary to share return interview information within 72 hours.\n\n"
            "5. TRAINING\n\n5.1 DEFERRED ITEMS\n\n5.2 The Co-ordinator presented the calendar.\n\n"
            "5.3 DEFERRED consideration of the joint pathway to the meeting on 14 December 2021.\n")
    assert [(n, types) for n, types, _ in _decisions(_extract(tmp_path, text))] == [
        ("4", ["endorsed"]), ("4", ["requested"]), ("5", ["deferred"])]


@pytest.mark.parametrize(("sentence", "types"), [
    ("Members took note of the policing update.", ["noted"]),
    ("The Chair's annual report was accepted with the Board's thanks.", ["noted"]),
])
def test_a_report_taken_note_of_or_accepted_with_thanks_is_noted(tmp_path, sentence, types):
    text = HEAD + f"1. POLICING UPDATE\n\nThe Inspector reported on the quarter.\n\n{sentence}\n"
    assert _decisions(_extract(tmp_path, text)) == [("1", types, sentence)]


@pytest.mark.parametrize(("text", "expected"), [
    # an officer asked in the subjunctive to act ("That officers report ...") is requested to; the body's comments
    # sent to another body, and a recommendation to one of the council's deciding committees, are referred
    ("That officers report on the operation of the Order to the Scrutiny Committee after twelve months.",
     ["requested"]),
    ("that the Town Clerk apply to Wexley County Council for a licence to mount the signs.", ["requested"]),
    ("That the Head of Housing reply in writing to the lead petitioner within 21 days.", ["requested"]),
    ("That the Panel's observations, as recorded in this minute, be conveyed to the Safer Wexley Board;",
     ["referred"]),
    ("That the Finance and Resources Committee be recommended, at its meeting on 2 March, to include £40,000 in "
     "the capital programme.", ["referred"]),
    ("That the Clerk reports that the quotations are awaited.", []),
])
def test_officers_asked_in_the_subjunctive_and_views_passed_on(text, expected):
    assert rule_types(text) == expected


def test_an_html_tables_reference_cell_and_title_cell_make_a_heading(tmp_path):
    """A CMIS-style page prints each item as a table row, "HWB/23/31 | Apologies", and its details as
    "Place: | Committee Room 1" (the label cell keeps its colon); the navigation row "Agenda | Documents" is no
    item."""
    text = ("Wexley City Council\n\nHealth and Wellbeing Board\n\nDate: | Thursday, 23 November 2023\n"
            "Time: | 2.00 pm\nPlace: | Committee Room 1, Wexley Council House\n\n"
            "Agenda | Documents | Attendance | Minutes\n\nMinutes\n\n"
            "HWB/23/31 | Apologies for Absence\n\nApologies were received from Dr Hale.\n\n"
            "HWB/23/32 | Minutes of the Previous Meeting\n\nThe minutes of the meeting held on 21 September 2023 "
            "were agreed.\n\nHWB/23/33 | Suicide Prevention Strategy\n\nThe Board endorsed the draft strategy.\n")
    meeting = _extract(tmp_path, text, "wexley_hwb_2023-11-23.txt")
    assert _items(meeting) == [("HWB/23/31", "Apologies for Absence"),
                               ("HWB/23/32", "Minutes of the Previous Meeting"),
                               ("HWB/23/33", "Suicide Prevention Strategy")]
    assert meeting.meeting.venue == "Committee Room 1, Wexley Council House"


@pytest.mark.parametrize(("sentence", "types"), [
    ("The Committee lent its support to the proposed hate crime reporting campaign.", ["endorsed"]),
    ("The Board gave its blessing to the revised drug alert protocol.", ["endorsed"]),
    ("Members were unable to support the recommendation that the wardens be withdrawn.", ["declined"]),
    ("The Board withheld its support from the proposal by Wexley Homes Ltd.", ["declined"]),
    ("The Committee tasked the Community Safety Manager with bringing a ward breakdown to the June meeting.",
     ["requested"]),
    ("The Board called on the Probation Service to share release dates with the recovery service.", ["requested"]),
    ("Members left it to the Chair and Vice-Chair to settle the scope of the review.", ["delegated"]),
    ("Consideration of the draft Order was stood over to the June meeting, as the consultation is still open.",
     ["deferred"]),
    ("Sign-off of the joint release protocol was put back to the January meeting.", ["deferred"]),
    ("Councillor Jo Hale was returned unopposed as Vice-Chair for the remainder of the year.", ["elected"]),
])
def test_decisions_worded_as_idioms(tmp_path, sentence, types):
    """Support lent or withheld, a task set or a matter left to someone, an item stood over, an election unopposed
    (development set 47)."""
    _assert_in_discussion(tmp_path, sentence, types, "The Committee will reconvene on Tuesday 15 June 2021 at 6.30 pm.")


def test_an_action_carried_forward_is_no_deferral(tmp_path):
    text = HEAD + ("1. ACTION LOG\n\nTwo actions were carried forward to the June meeting. Members noted that the "
                   "marshals had been stood down in March.\n")
    assert _decisions(_extract(tmp_path, text)) == []


def test_an_outcome_lead_by_table_under_each_item(tmp_path):
    """"Outcome | Lead | By" under an item: each row's first cell, under the "Outcome" heading, is what the body
    decided; the Lead and By cells are not."""
    text = ("WEXLEY REGIONAL SAFEGUARDING BOARD\n\nMinutes of the meeting held on 12 June 2024\n\n"
            "1. Financial abuse of older people (Mr Lamb)\nMr Lamb reported 64 cases in the year.\n"
            "Outcome\tLead\tBy\nUpdate noted.\t-\t-\n"
            "Board approved the Adult Practice Review report for publication on 1 July 2024.\tYS\t1 July 2024\n\n"
            "2. Children in custody (W. Hale)\nMr Hale reported 17 children held overnight.\n"
            "A request from Wexley Transport Ltd to be added to the regional framework for moving children from "
            "custody was not taken forward, as the company could not show that its staff were trained.\n"
            "Outcome\tLead\tBy\nAgreement of the contribution formula carried over to the September meeting.\tYS\t"
            "September meeting\n")
    assert _types_by_item(tmp_path, text, "wexley_rsb_2024-06-12.txt") == [
        ("1", ["noted"]), ("1", ["approved"]), ("2", ["declined"]), ("2", ["deferred"])]


@pytest.mark.parametrize(("sentence", "types"), [
    ("Record of 6 July 2022 adopted as a true record.", ["approved"]),
    ("Q1 return taken as read; no exceptions escalated.", ["noted"]),
    ("OS empowered to commit the unspent £6,400 on awareness sessions before 31 March 2023.", ["delegated"]),
])
def test_terse_records_in_other_words(tmp_path, sentence, types):
    text = ("WEXLEY MAPPA STRATEGIC MANAGEMENT BOARD\nRecord of meeting\nWednesday 5 October 2022, 10:00\n\n"
            f"1. Business (RP)\n- RP welcomed members.\n{sentence}\n\n2. AOB\n- None.\n")
    assert ("1", types, sentence) in _decisions(_extract(tmp_path, text, "wexley_smb_2022-10-05.txt"))


@pytest.mark.parametrize(("text", "expected"), [
    ("scoping findings escalated to the Wexley Domestic Abuse Local Partnership Board for its October meeting.",
     ["referred"]),
    ("That the needs assessment be copied to the Wexley Domestic Abuse Local Partnership Board.", ["referred"]),
    ("That the Council signals its support for the draft Serious Violence Strategy;", ["endorsed"]),
])
def test_papers_sent_on_and_support_signalled(text, expected):
    assert rule_types(text) == expected


@pytest.mark.parametrize("text", [
    "That the Clerk write to Wexley County Council requesting a traffic speed survey on Mill Road.",
    "Board asked OS to write to the county highways team requesting a speed survey on the B4417.",
])
def test_the_model_adds_no_referral_to_the_rules_reading_of_a_request(text):
    """Writing to a body to request something is a request, not a referral the model may add to the rules' type."""
    from pipeline.decisions import load_model, predict

    model, strategy = load_model()
    assert predict(model, [text], [None], strategy)[0] == [["requested"]]


def test_minute_numbers_of_a_committees_initials_and_one_space(tmp_path):
    """"CDS 47 APOLOGIES FOR ABSENCE" (pypdf text): initials, one space, the number and a title in capitals."""
    text = ("WEXLEY DISTRICT COUNCIL\nCRIME AND DISORDER COMMITTEE\nMinutes of a meeting held on Tuesday, 8 March "
            "2022.\nMembers present\nCouncillor J. Bell (Chair)\nCDS 47 APOLOGIES FOR ABSENCE\nApologies were "
            "received from Cllr Hale.\nCDS 48 MINUTES\nThe minutes were confirmed as a correct record.\n")
    assert _items(_extract(tmp_path, text, "wexley_cds_2022-03-08.txt")) == [
        ("CDS 47", "APOLOGIES FOR ABSENCE"), ("CDS 48", "MINUTES")]


@pytest.mark.parametrize(("sentence", "types"), [
    ("The work programme was otherwise approved as presented.", ["approved"]),
    ("The notes of the meeting on 3 May 2022 were agreed, with one name added to the attendance list.",
     ["approved"]),
    ("Members noted the Partnership's annual report for 2022/23.", ["noted"]),
    ("The Council approved retrospectively the urgent decision of the Chief Executive to spend £4,000.",
     ["approved"]),
    ("The final terms of reference were delegated to the Head of Community Safety, in consultation with the Chair.",
     ["delegated"]),
    ("Consideration of the CCTV review was allowed to lie over until the March meeting.", ["deferred"]),
    ("Sign-off of the information sharing protocol was adjourned to the December meeting.", ["deferred"]),
    ("The schedule of payments for March 2022, totalling £4,212.60, was approved.", ["approved"]),
    ("Authority to agree the final wording of the response was vested in the Chair and Vice-Chair.", ["delegated"]),
    ("The Committee set aside the proposal to extend the Order to the whole district.", ["declined"]),
    ("The scoping report on doorstep fraud was sent back to officers for further work.", ["deferred"]),
    ("Councillor P. Tidmore was voted in as Vice-Chair for the remainder of the year.", ["elected"]),
    ("The Partnership took the view that the request from the tracking company could not be supported.",
     ["declined"]),
])
def test_verdicts_recorded_in_a_sentence_of_narrative(tmp_path, sentence, types):
    """A document approved, agreed or delegated in the passive, a report the body noted, an item left to lie over
    (development sets 49 and 50)."""
    _assert_in_discussion(tmp_path, sentence, types, "The next meeting will be held on Tuesday 9 April 2024.")


def test_the_next_meeting_set_in_an_item_with_other_decisions(tmp_path):
    """The body's record that its next meeting is set is a decision even where the item records another."""
    text = HEAD + ("1. WORK PROGRAMME AND DATE OF NEXT MEETING\nMembers reviewed the work programme. The work "
                   "programme was approved, with the addition of a review of the town centre CCTV system. The next "
                   "meeting was confirmed as Tuesday 8 February 2022 at 6.30 pm.\n")
    assert [types for _, types, _ in _decisions(_extract(tmp_path, text))] == [["approved"], ["scheduled"]]


def test_a_motion_that_stood_referred_without_a_vote(tmp_path):
    """A motion moved and seconded that stands referred to a committee under the procedure rules: no vote, and the
    referral is the decision."""
    text = HEAD + ("1. MOTIONS ON NOTICE\nCouncillor Hale moved, and Councillor Bell seconded, a motion noting that "
                   "older residents had lost £90,000 to courier fraud this year. In accordance with Council "
                   "Procedure Rule 14.5, the motion stood referred without discussion to the Scrutiny Committee.\n")
    assert [(n, types) for n, types, _ in _decisions(_extract(tmp_path, text))] == [("1", ["referred"])]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Council sanctioned a grant of £900 to the Wexley Youth Shed.", ["approved"]),
    ("That the Board gives its assent to the stepping down of the outbreak plan.", ["approved"]),
    ("The Council did not accede to the request from an alarm company, as the budget was spent.", ["declined"]),
    ("The Commissioner did not approve the request for £4,000 for a roadshow.", ["declined"]),
    ("That the Committee takes assurance from the Partnership's annual report;", ["noted"]),
    ("That the Committee raises no objection to the draft strategy and lends its weight to it.", ["endorsed"]),
    ("That the Committee requests sight of the delivery plan at its meeting on 19 March.", ["requested"]),
    ("The Partnership agreed to revisit the draft action plan at its September meeting.", ["deferred"]),
])
def test_assent_refusal_assurance_and_a_later_meeting_in_other_words(text, expected):
    """Development sets 49 and 50: the rules type these, not the model."""
    assert rule_types(text) == expected


def test_the_bodys_decision_on_a_line_of_its_own_is_no_title(tmp_path):
    """A page dump sets each paragraph between blank lines: "Members noted the report." there is the item's
    decision, not the title of a new item."""
    text = ("Wexley Health and Wellbeing Board\n\nMinutes of the meeting held on Tuesday 12 July 2022\n\n\n"
            "Health and Justice: people on probation. pdf icon PDF 198 KB\n\n\n"
            "The Board considered a joint report of the Head of the Probation Delivery Unit on treatment "
            "requirements.\n\n\nOnly 14 treatment requirements had been made by the courts in 2021.\n\n\n"
            "Members noted the report.\n\n\n\nDates of future meetings.\n\n\n"
            "That future meetings of the Board take place at 2.00 pm on Tuesday 8 November 2022.\n")
    found = _extract(tmp_path, text, "wexley_hwb_2022-07-12.txt")
    assert [t for _, t in _items(found)] == ["Health and Justice: people on probation", "Dates of future meetings"]
    assert ("1", ["noted"], "Members noted the report.") in _decisions(found)


@pytest.mark.parametrize(("sentence", "types"), [
    ("The Committee took cognisance of the quarterly performance report.", ["noted"]),
    ("Dr K. Ashworth was confirmed as Vice-Chair of the Board for 2022/23.", ["elected"]),
    ("The Panel gave approval for a joint awareness campaign in secondary schools.", ["approved"]),
    ("The Board reserved its decision on the grant until the June meeting.", ["deferred"]),
    ("The schedule of payments for March 2024, totalling \u00a32,406.15, was passed for payment.", ["approved"]),
    ("The note of 21 November 2023 was agreed, with one correction at item 4.", ["approved"]),
    ("The Board threw its support behind the proposal to place youth workers in the emergency department.",
     ["endorsed"]),
    ("The Board decided against the approach from a mentoring company.", ["declined"]),
    ("Sign-off of the self-assessment was placed in the hands of the Chair and the Head of Service.", ["delegated"]),
    ("Councillor Ashby, the only nominee, was acclaimed as Vice-Chair of the Authority.", ["elected"]),
    ("The offer from the alarm company did not find favour.", ["declined"]),
    ("The draft action plan was rolled forward to the May meeting.", ["deferred"]),
    ("Members were not minded to meet the cost of monitoring the town council's cameras.", ["declined"]),
    ("The contribution of \u00a34,200 was agreed by 8 votes to 4.", ["approved"]),
    ("Decision on a stalking pathway held in abeyance until the revised guidance is issued.", ["deferred"]),
    ("The Board directed the Business Manager to add the device finds to the quarterly return.", ["requested"]),
    ("The Partnership looked to Police Scotland to include the drugs seized in each quarterly report.",
     ["requested"]),
    ("The Partnership was content that the joint visitor plan continue until 30 September.", ["approved"]),
    ("The Board confirmed the Chair's sign-off of the quarter 2 return.", ["approved"]),
])
def test_decisions_in_the_words_of_scottish_and_parish_minutes(tmp_path, sentence, types):
    """Noting as "took cognisance of", an office "confirmed", approval "given", a decision "reserved", payments
    "passed for payment": decisions wherever the sentence falls in the discussion."""
    _assert_in_discussion(tmp_path, sentence, types, "The next meeting will be held on 12 March 2025.")


@pytest.mark.parametrize("next_meeting", ["Next Board set down for Wednesday 19 January 2022, 14:00, on Teams.",
                                          "The next meeting is booked for Wednesday 8 June 2022 at 10.00am.",
                                          "The next meeting was slotted in for Thursday 9 June 2022 at 2.00 pm."])
def test_the_next_meeting_set_down_or_booked(tmp_path, next_meeting):
    _assert_in_discussion(tmp_path, "The report was noted.", ["noted"], next_meeting)


def test_received_and_filed_and_a_decision_label_in_markdown_bold(tmp_path):
    """Correspondence "Received and filed." is noted; a Markdown export's "**Decided:** ..." is a decision label."""
    text = HEAD + ("1. CORRESPONDENCE\n\n(a) Letter from the County Council on verge cutting. Received and filed.\n\n"
                   "2. NOTES OF THE LAST MEETING\n\n**Decided:** Notes of 14 June 2023 accepted as a true record.\n")
    found = _decisions(_extract(tmp_path, text))
    assert ("1", ["noted"], "Received and filed.") in found
    assert ("2", ["approved"], "Notes of 14 June 2023 accepted as a true record.") in found


def test_the_body_considered_a_report_and_resolved(tmp_path):
    """"The Committee considered a report of X and RESOLVED that ...": the clause after RESOLVED is the decision,
    however long the sentence that leads to it."""
    text = HEAD + ("1. DRUG DEATHS REVIEW\n\nThe Board considered a report of the Regional Commissioning Manager, "
                   "presented with Dr Okafor, and RESOLVED \u2013 that the 2021 review of drug-related deaths be noted."
                   "\n\nThe review recorded 41 deaths.\n\n2. HOUSING\n\nThe Committee considered a report of the Head "
                   "of Housing and RESOLVED that the allocations policy be approved.\n")
    found = _decisions(_extract(tmp_path, text))
    assert ("1", ["noted"], "that the 2021 review of drug-related deaths be noted.") in found
    assert ("2", ["approved"], "that the allocations policy be approved.") in found


def test_a_markdown_export_heads_the_document_above_its_numbered_items(tmp_path):
    """"# Board" and "## Attendance" over "### 1. Welcome": the numbered level holds the items; the levels above
    it belong to the header, whose "## Attendance" heading labels the table below it."""
    text = ("# Kelderby Local Criminal Justice Board\n\nNotes of the meeting held on Wednesday 17 November 2021\n\n"
            "## Attendance\n\n| Role | Name | Organisation |\n|---|---|---|\n"
            "| Head of Criminal Justice | D. Ashburner | Kelderby Constabulary |\n"
            "| Cluster Manager | P. Wintringham | HM Courts & Tribunals Service |\n\n---\n\n"
            "### 1. Welcome\n\n- Apologies recorded.\n\n### 2. Court recovery\n\n- The dashboard was noted.\n")
    meeting = _extract(tmp_path, text, "kelderby_lcjb_synthetic_2021-11-17.txt")
    assert [i.number for i in meeting.items] == ["1", "2"]
    people = {p["name"]: (p["role"], p["organisation"]) for p in meeting_to_json(meeting)["people"]}
    assert people["D Ashburner"] == ("Head of Criminal Justice", "Kelderby Constabulary")
    assert people["P Wintringham"][0] == "Cluster Manager"
