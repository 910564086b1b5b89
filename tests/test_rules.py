"""Rules as data: every packaged pattern compiles, matches its own documented examples and none of its
counter-examples (the sentences a rule was narrowed not to match)."""

from __future__ import annotations

import pytest

from pipeline.rules import RuleFileError, examples, load_rules, parse_rule_lines, read_rule_lines

RULE_FILES = ("segment", "followups", "decision_types", "due_phrases")
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
