"""Ingest: decoding, normalisation with offset maps, HTML and PDF text, provenance, bad input."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from conftest import CORPUS, DATA

from pipeline.ingest import IngestError, ingest_bytes, ingest_file, iter_input_files, sniff_format
from pipeline.ingest.normalise import normalise
from pipeline.ingest.pdf import find_furniture


def test_normalise_collapses_whitespace_and_keeps_the_map():
    """Runs of whitespace become one space, except a column gap (a tab, or 3+ spaces), which stays 3 spaces so
    that text tables ("Name<TAB>Role<TAB>Organisation") keep their columns."""
    raw = "  Title\u00a0\u00a0of  item\r\n\r\n\r\n\r\n\r\n(i)\tPoint one\u00ad.\ufb01ne\nAnn Lee      Chair\n"
    text, _index, offsets = normalise(raw)
    assert text == "Title of item\n\n\n(i)   Point one.fine\nAnn Lee   Chair"
    for i, ch in enumerate(text):
        src = raw[offsets[i]]
        if ch not in " \n" and src not in "\ufb01":
            assert src == ch
    assert raw[offsets[text.index("fine")]] == "\ufb01"
    assert offsets[len(text)] == len(raw)


def test_plain_text_offsets_round_trip_on_the_corpus():
    for path, source in iter_input_files([CORPUS / "raw"]):
        raw = path.read_text(encoding="utf-8")
        doc = ingest_file(path, source)
        mismatches = [i for i, ch in enumerate(doc.text) if ch not in " \n" and raw[doc.offsets[i]] != ch]
        assert mismatches == []
        assert doc.provenance.source == source and source.endswith(".txt")
        assert doc.provenance.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_windows_1252_bytes_are_decoded_not_lost():
    data = "Minutes \u2013 the \u00a3186,400 grant for \u201cSafe Spaces\u201d".encode("cp1252") + b"\x81"
    doc = ingest_bytes(data, "x.txt")
    assert doc.provenance.encoding == "cp1252"
    assert "\u00a3186,400" in doc.text and "\u201cSafe Spaces\u201d" in doc.text
    assert doc.provenance.replaced_chars == 1 and doc.text.endswith("\ufffd")


def test_cp1252_html_page_from_the_corpus():
    doc = ingest_file(CORPUS / "synthetic/html/riverside_csp_synthetic_2020-09-16.html")
    assert doc.provenance.encoding == "windows-1252"
    assert "\u00a3" in doc.text and "\u2019" in doc.text


def test_pdf_page_numbers_are_dropped_and_kept_in_provenance():
    doc = ingest_file(CORPUS / "pdf/kent_cpp_2024-10-29.pdf")
    pages = doc.provenance.pages
    assert [p.page for p in pages] == list(range(1, 10))
    assert [p.printed for p in pages] == [str(n) for n in range(1, 10)]
    assert not [ln for ln in doc.text.split("\n") if re.fullmatch(r"\d{1,2}", ln.strip())]
    assert doc.page_at(doc.text.index("(Item 12)")) == 9
    # the normalised text maps back into pypdf's text, as gold quotes are taken from it
    from pypdf import PdfReader

    original = "\n".join(p.extract_text() for p in PdfReader(CORPUS / "pdf/kent_cpp_2024-10-29.pdf").pages)
    k = doc.text.index("RESOLVED that the work programme")
    assert original[doc.original_offset(k):].startswith("RESOLVED that the work programme")


def test_running_headers_are_found_by_repetition():
    body = ["Apologies were received.", "The Board noted the report.", "Members asked about funding.",
            "RESOLVED that the report be noted.", "(Item 5)", "Date of next meeting"]
    pages = [["Community Safety Committee - 18 November 2021", body[n], body[n + 1], "", f"Page {n + 1}"]
             for n in range(4)]
    drop, printed = find_furniture(pages)
    assert drop == [{0, 4}] * 4
    assert printed == ["1", "2", "3", "4"]


def test_scanned_pdf_without_text_is_reported():
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(IngestError, match="needs OCR"):
        ingest_bytes(buf.getvalue(), "scan.pdf")


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"), (b"  \n\t\n", "empty file"), (b"\x00\x01\x02binary\x00", "binary file"),
    (b"%PDF-1.4\n garbage", "damaged or unreadable PDF"),
])
def test_bad_bytes_give_a_reason(data, reason):
    with pytest.raises(IngestError, match=reason):
        ingest_bytes(data, "bad.txt")


def test_format_is_sniffed_from_content():
    assert sniff_format(DATA / "x.txt", b"<!DOCTYPE html><html>") == "html"
    assert sniff_format(DATA / "x.html", b"%PDF-1.7") == "pdf"
    assert sniff_format(DATA / "x.txt", b"Minutes of ...") == "text"


def test_directory_walk_is_sorted_and_skips_other_files():
    found = [s for _, s in iter_input_files([CORPUS])]
    assert found == sorted(found)
    assert "raw/lscsb_2018-06-15.txt" in found and "pdf/kent_council_2025-01-09_copy.pdf" in found
    assert not [s for s in found if s.endswith((".json", ".md"))]


def test_missing_path_is_an_ingest_error():
    with pytest.raises(IngestError, match="no such file"):
        list(iter_input_files([DATA / "does-not-exist"]))


def test_a_html_table_row_is_one_line_of_cells():
    """A table outside the committee system's item table (an attendance list) gives one line per row, its cells
    apart by " | ", so the list reads like a plain-text table; every character still maps to the page."""
    from pipeline.ingest.html import render_html
    page = ("<html><body><p>Present:</p><table><tr><th>Member</th><th>Portfolio</th></tr>"
            "<tr><td>Councillor Ann Hale</td><td>Leader of the Council</td></tr>"
            "<tr><td>Councillor Tom Reid</td><td>Portfolio Holder for Housing</td></tr></table></body></html>")
    rendered = render_html(page)
    assert "Member | Portfolio\nCouncillor Ann Hale | Leader of the Council\nCouncillor Tom Reid | Portfolio " \
           "Holder for Housing" in rendered.text
    assert len(rendered.offsets) == len(rendered.text) + 1  # and the end entry
    assert "x\ny" in render_html("<p>A</p><td>x</td><td>y</td>").text  # cells outside a row: a line each


def test_a_word_processors_table_whose_cells_hold_paragraphs_is_still_one_line_a_row():
    """Word wraps every cell's text in ``<p>``: a row of one-paragraph cells is still a line of cells, and a cell
    across the table a line of its own; a cell of several paragraphs (an item's minutes) keeps them blocks."""
    from pipeline.ingest.html import render_html

    def cell(text: str) -> str:
        return f"<td valign=top>\n  <p class=TableText>{text}</p>\n  </td>"

    page = ("<table class=MsoTableGrid><tr>" + cell("<b>Name</b>") + cell("Post") + "</tr>\n"
            "<tr><td colspan=2><p class=TableText><i>Health</i></p></td></tr>\n"
            "<tr>" + cell("Dr Ione Carrow") + cell("Consultant in Public Health") + "</tr></table>"
            "<table><tr>" + cell("7") + "<td><p>Budget</p><p>The Board noted the report.</p></td></tr></table>")
    lines = [" ".join(line.split()) for line in render_html(page).text.splitlines() if line.strip()]
    # (the spaces between <tr> and <td> of a pretty-printed page put a pipe before the first cell)
    assert [line.removeprefix("| ") for line in lines[:3]] == [
        "Name | Post", "Health", "Dr Ione Carrow | Consultant in Public Health"]
    assert lines[3:] == ["7 Budget", "The Board noted the report."]


def test_an_aspnet_page_whose_body_is_one_form_keeps_its_text_and_a_search_form_is_dropped():
    """CMIS and other ASP.NET sites wrap the whole page in <form id="Form">: its minutes are the page's text; a
    form that says it is a search box is the site's chrome."""
    from pipeline.ingest.html import render_html
    page = ('<html><body><form method="post" action="/Meetings/ViewMeetingPublic.aspx" id="Form">'
            '<form role="search" action="/search"><label>Search this site</label></form>'
            "<h1>Minutes</h1><p>1. Apologies</p><p>The Board noted the report.</p></form></body></html>")
    text = render_html(page).text
    assert "The Board noted the report." in text and "Search this site" not in text


def test_the_entries_of_a_html_list_are_the_lines_of_one_paragraph():
    """"Present:" over a <ul> of people: one entry a line, so the attendance list reads as one; entries that hold
    paragraphs, and clauses ("That ...", a sentence's end), stay blocks."""
    from pipeline.ingest.html import render_html
    text = render_html("<p>Present:</p><ul><li>Chair (Fellby Council) \u2013 Ann Hale</li><li>Tom Reid</li></ul>"
                       "<ol><li><p>First clause.</p><p>Its reasons.</p></li></ol>"
                       "<ol><li>That the report be noted</li><li>That officers report back in June</li></ol>").text
    assert "Chair (Fellby Council) \u2013 Ann Hale\nTom Reid" in text
    assert "First clause.\n\n" in text
    assert "That the report be noted\n\n" in text  # resolution clauses stay apart
    clauses = render_html("<ol><li>the plan be recommended to Cabinet for adoption; and</li>"
                          "<li>authority be delegated to the Head of Service to make minor amendments.</li></ol>").text
    assert "for adoption; and\n\nauthority" in clauses  # unlettered clauses in small letters stay apart too


def test_a_minute_number_in_the_cell_beside_its_heading_is_on_the_headings_line():
    """A council page that sets each minute as a table row, its number in one cell and its heading and minutes in
    the next, reads as a printed page does: "14   Apologies for absence", then the minutes as paragraphs."""
    from pipeline.ingest.html import render_html
    from pipeline.segment import segment
    page = ("<h1>Youth Justice Board</h1><p>Minutes of the meeting held on 19 July 2022</p>"
            "<table><tr><th>Present</th><td><ul><li>Councillor P Jordison (Chair)</li><li>M Whybrow</li></ul></td>"
            "</tr></table><table>"
            + "".join(f"<tr><td>{n}</td><td><h4>{title}</h4><p>{body}</p></td></tr>" for n, title, body in (
                ("14", "Apologies for absence", "Apologies were received from Councillor Brazier."),
                ("15", "Youth Justice Plan 2022/23", "RESOLVED that the plan be endorsed."),
                ("16", "Date of next meeting", "The next meeting will be held on 18 October 2022.")))
            + "</table>")
    assert "14     Apologies for absence\n" in render_html(page).text
    meeting = segment(ingest_bytes(page.encode(), "board.html"))
    assert [(i.number, i.title) for i in meeting.items] == [("14", "Apologies for absence"),
                                                            ("15", "Youth Justice Plan 2022/23"),
                                                            ("16", "Date of next meeting")]


def test_a_definition_lists_short_term_and_its_definition_are_one_labelled_line():
    """<dt>Chair</dt><dd>Councillor Ann Hale</dd> reads "Chair: Councillor Ann Hale", as a printed page sets it;
    further <dd>s under the same term are lines of their own; a long term stays a line of its own."""
    from pipeline.ingest.html import render_html
    rendered = render_html("<dl><dt>Chair</dt><dd>Councillor Ann Hale (Fellby Council)</dd><dt>Members</dt>"
                           "<dd>Councillor Tom Reid</dd><dd>Councillor Sue Marsh</dd></dl>")
    lines = [ln for ln in rendered.text.split("\n") if ln.strip()]
    assert lines == ["Chair: Councillor Ann Hale (Fellby Council)", "Members: Councillor Tom Reid",
                     "Councillor Sue Marsh"]
    assert len(rendered.offsets) == len(rendered.text) + 1


def test_a_printed_page_dump_saved_as_text_loses_its_page_furniture_and_keeps_offsets():
    from pipeline.ingest.pdf import text_without_furniture

    text = ("1. REPORT\nThe Board agreed to\nPanel - 8 March 2022\nPage 1 of 2\nPanel - 8 March 2022\n"
            "note the report.\n2. NEXT\nTudalen 2 o 2 / Page 2 of 2\n")
    cleaned, offsets, dropped = text_without_furniture(text)
    assert cleaned == "1. REPORT\nThe Board agreed to\nnote the report.\n2. NEXT\n"
    assert dropped == 4
    assert all(text[offsets[i]] == c for i, c in enumerate(cleaned) if c != "\n")
    plain = "Minutes\nPage 3 of the report was discussed.\n"
    assert text_without_furniture(plain) == (plain, None, 0)
