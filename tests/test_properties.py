"""Property-based tests: arbitrary input never crashes ingest/segment, and offsets always round-trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import IngestError, ingest_bytes
from pipeline.ingest.normalise import normalise
from pipeline.segment import NotMinutesError, segment

FRAGMENTS = [
    "Agenda and minutes", "Safer Communities Board - Friday, 24 September 2021 10.00 am", "Venue: Room 1.",
    "MINUTES of a meeting of the Cabinet held in the Chamber on Thursday, 9 January 2025.", "PRESENT: Mr A",
    "No. Item", "Minutes of previous meeting. pdf icon PDF 157 KB", "(Item 3)", "12. APOLOGIES", "Item 4: Update",
    "Arising from discussions the following points were noted:", "(i) A point.", "(ii) Another point;",
    "(a) That the report be noted;", "(b) That officers be requested to act.", "RESOLVED:", "RESOLVED that:",
    "RESOLVED \u2013", "1. Agree to submit;", "2) Note the report", "\u201cThis Council resolves to:",
    "\u2022 Request that X.\u201d", "Motion lost.", "Amendment carried.", "Agreed unanimously.",
    "Mr A proposed, and Mr B seconded the motion that", "It was proposed, seconded, and AGREED that X be elected.",
    "This item was deferred.", "The Chairman welcomed everyone to the meeting.",
    "...  view the full minutes text for item 5.",
    "Declarations of interest", "Rik Basra will present this report.", "Additional documents:", "", "", "\f",
]


def _check_spans(text: str, meeting) -> None:
    for item in meeting.items:
        assert 0 <= item.start <= item.end <= len(text)
        for s in item.paragraphs + item.decisions + item.presenters + ([item.heading] if item.heading else []):
            assert text[s.start:s.end] == s.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_normalise_map_is_monotonic_and_faithful(raw):
    text, _index, offsets = normalise(raw)
    assert len(offsets) == len(text) + 1
    assert all(a <= b for a, b in zip(offsets, offsets[1:], strict=False))
    folded = raw.replace("\r", "\n")
    for i, ch in enumerate(text):
        if ch not in " \n" and ch in folded:
            assert raw[offsets[i]] in (ch, "\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash(data):
    try:
        doc = ingest_bytes(data, "fuzz.txt")
        _check_spans(doc.text, segment(doc))
    except (IngestError, NotMinutesError):
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=40),
       st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n"]))
def test_minutes_like_text_segments_with_round_trip_offsets(parts, sep):
    data = sep.join(parts).encode("utf-8")
    try:
        doc = ingest_bytes(data, "fuzz.txt")
        meeting = segment(doc)
    except (IngestError, NotMinutesError):
        return
    _check_spans(doc.text, meeting)
    assert [i.ordinal for i in meeting.items] == list(range(1, len(meeting.items) + 1))


def _lexicon_words() -> list[str]:
    from pipeline.topics import lexicon_terms

    return sorted({t for terms in lexicon_terms().values() for t in terms})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_lexicon_words()), st.sampled_from(
    [" ", ", ", "-", "'", "s", "the", "\n", "Crime", "anti", "(", ")", "x"])), max_size=30))
def test_fast_topic_lookup_finds_exactly_the_topics_the_regexes_find(pieces):
    from pipeline.topics import keyword_hits, keyword_topics

    text = "".join(pieces)
    assert keyword_topics(text) == set(keyword_hits(text))
