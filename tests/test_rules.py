"""Rules as data: every packaged pattern compiles, matches its own documented examples and none of its
counter-examples (the sentences a rule was narrowed not to match)."""

from __future__ import annotations

import pytest
from conftest import ROOT

from pipeline.rules import (
    RuleFileError,
    clause_rules,
    examples,
    finditer_rule,
    load_rules,
    parse_rule_lines,
    read_rule_lines,
    starts_at_clause,
)

RULE_FILES = ("segment", "followups", "decision_types", "due_phrases", "decision_sentences")
ENTRIES = [(name, e, example) for name in RULE_FILES for e in read_rule_lines(name) for example in examples(e)]
COUNTER = [(name, e, text) for name in RULE_FILES for e in read_rule_lines(name)
           for text in e.get("counter_examples", [])]


def _ids(rows):
    return [f"{name}:{e['rule']}:{e['_line']}:{text[:20]}" for name, e, text in rows]


@pytest.mark.parametrize("name", RULE_FILES)
def test_every_rule_has_an_example(name):
    assert all(examples(e) for e in read_rule_lines(name))


@pytest.mark.parametrize(("name", "entry", "example"), ENTRIES, ids=_ids(ENTRIES))
def test_example_matches_its_rule(name, entry, example):
    assert load_rules(name)[entry["rule"]].search(example)


@pytest.mark.parametrize(("name", "entry", "text"), COUNTER, ids=_ids(COUNTER))
def test_counter_example_does_not_match_its_rule(name, entry, text):
    assert not load_rules(name)[entry["rule"]].search(text)


@pytest.mark.parametrize(("line", "message"), [
    ('{"rule": "x"}', "line 2"), ('{"rule": "x", "pattern": "(unclosed"}', "line 2"), ("not json", "line 2"),
    ('{"rule": "x", "pattern": "a", "flags": "q"}', "line 2"),
])
def test_malformed_rule_files_name_the_line(line, message):
    with pytest.raises(RuleFileError, match=message):
        parse_rule_lines('{"rule": "ok", "pattern": "a"}\n' + line, "patterns/test.jsonl")


@pytest.mark.parametrize(("pattern", "anchored"), [
    (r"(?:^|(?<=[.;]\s))Members\s+noted|^Noted\.", True),
    (r"(?:^|(?<=[.;]\s)|(?<=,\s)(?=the\s))the\s+Board\s+agreed|(?<=\sand\s)the\s+Panel\s+resolved", True),
    (r"(?:^|(?<=[.;]\s))Members\s+noted|Noted\.", False),  # one phrasing may match anywhere
    (r"(?:^|(?<=[.;]\s))?Members\s+noted", False),  # the anchor is optional
    (r"(?:^|\()Members\s+noted", False),
    (r"[(|]Members|^x", False),  # the "|" in the class does not split the pattern
])
def test_starts_at_clause_reads_each_phrasing(pattern, anchored):
    assert starts_at_clause(pattern) is anchored


def test_rules_tried_at_clause_starts_find_what_a_full_scan_finds():
    """Every sentence rule that is tried only where a clause can begin finds the same matches as a scan of
    every character, over the rules' own examples run together and over the real minutes' text."""
    rules = load_rules("segment")
    assert {"declined_sentence", "noted_sentence", "deferred_in_paragraph"} <= clause_rules("segment")
    texts = [" ".join(x for e in read_rule_lines("segment") for x in examples(e)),
             *(path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus" / "raw").glob("*.txt")))]
    found = 0
    for rule in sorted(clause_rules("segment")):
        for text in texts:
            spans = [m.span() for m in finditer_rule("segment", rule, text)]
            assert spans == [m.span() for m in rules[rule].finditer(text)], rule
            found += len(spans)
    assert found > 100
