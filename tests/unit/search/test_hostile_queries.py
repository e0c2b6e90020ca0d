"""Long and broad queries: bounded, and an answer cut short by a time budget says so."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.search.query import MAX_QUERY_CHARS
from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tui.cli import main as cli


def test_a_very_long_query_is_a_clear_error_not_a_long_parse(seed_index: CorpusIndex) -> None:
    result = search(seed_index, "putin " * 2000)
    assert result.error == f"the query is too long (12,000 characters; at most {MAX_QUERY_CHARS:,})"
    assert not search(seed_index, "putin " * 100).error  # a long query within the cap still answers


def _out_of_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from whoosh import collectors

    def out_of_time(self: object) -> None:
        raise collectors.TimeLimit  # what the time-limit collector raises when time is up

    monkeypatch.setattr(collectors.TimeLimitCollector, "collect_matches", out_of_time)


def test_a_json_search_that_ran_out_of_time_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _out_of_time(monkeypatch)
    code = cli(["search", "*", "--json"])
    out, err = capsys.readouterr()
    assert code == 3 and json.loads(out) == []  # not a silent empty answer: exit 3, and why on stderr
    assert "stopped after" in err


def test_hits_found_before_the_budget_ran_out_are_marked_partial(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from index.search import passages

    assert cli(["search", "putin", "--json"]) == 0
    assert not any(hit["partial"] for hit in json.loads(capsys.readouterr().out))
    monkeypatch.setattr(passages, "LOCATE_BUDGET", -1.0)  # out of time for passages at the first document
    code = cli(["search", "putin", "--json"])
    out, err = capsys.readouterr()
    assert code == 3 or all(hit["partial"] for hit in json.loads(out))
    assert "found by then" in err


QUERY_PIECES = st.sampled_from(
    [
        "putin",
        "*",
        "*a*",
        "a*",
        "pu?in",
        "putin~2",
        "china~",
        '"',
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "title:",
        "person:",
        "entity:",
        "[",
        "]",
        "{",
        "}",
        "^2",
        ":",
        "-",
        "+",
        "\\",
        "\x00",
        "\x1b[2J",
        "é",
        "🙂",
        " ",
        "~~~",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(QUERY_PIECES, max_size=12).map("".join))
def test_fuzzed_queries_answer_or_say_why(seed_index: CorpusIndex, text: str) -> None:
    result = search(seed_index, text, limit=5)
    assert result.error or result.total >= 0
    assert "Traceback" not in result.error and "Error:" not in result.error
