"""Rules as data: every packaged pattern compiles and matches its own documented example."""

from __future__ import annotations

import pytest

from pipeline.rules import RuleFileError, examples, load_rules, parse_rule_lines, read_rule_lines

ENTRIES = [(e, example) for e in read_rule_lines("segment") for example in examples(e)]


def test_every_rule_has_an_example():
    assert all(examples(e) for e in read_rule_lines("segment"))


@pytest.mark.parametrize(("entry", "example"), ENTRIES, ids=[f"{e['rule']}:{e['_line']}:{example[:20]}"
                                                             for e, example in ENTRIES])
def test_example_matches_its_rule(entry, example):
    assert load_rules("segment")[entry["rule"]].search(example)


@pytest.mark.parametrize(("line", "message"), [
    ('{"rule": "x"}', "line 2"), ('{"rule": "x", "pattern": "(unclosed"}', "line 2"), ("not json", "line 2"),
    ('{"rule": "x", "pattern": "a", "flags": "q"}', "line 2"),
])
def test_malformed_rule_files_name_the_line(line, message):
    with pytest.raises(RuleFileError, match=message):
        parse_rule_lines('{"rule": "ok", "pattern": "a"}\n' + line, "patterns/test.jsonl")
