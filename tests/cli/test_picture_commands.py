"""`timeline`, `cooccur` and the `why` of `search --json`, as a script sees them."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_commands import run


def test_cooccur_json_puts_xi_among_putins_first_three(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cooccur", "putin", "--json", "--with-passages")
    found = json.loads(out)
    assert code == 0 and found["entity"] == "Vladimir Putin"
    assert "Xi Jinping" in [n["name"] for n in found["neighbours"][:3]]
    xi = next(n for n in found["neighbours"] if n["name"] == "Xi Jinping")
    assert {"type", "shared", "score"} <= set(xi) and len(xi["shared_passages"]) == xi["shared"]


def test_cooccur_table_and_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "cooccur", "Xi Jinping")
    assert code == 0 and "Vladimir Putin" in out and "G²" in out
    assert run(capsys, "cooccur", "Nobody Atall")[0] == 2


def test_timeline_json_in_order_with_the_right_years(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", "--json")
    items = json.loads(out)
    assert code == 0 and items
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    siberia = [i for i in items if i["doc"].startswith("003") and i["written"] == "March 28"]
    assert siberia and siberia[0]["date"] == "2018-03-28" and "Power of Siberia" in siberia[0]["sentence"]
    assert {"date", "precision", "doc", "title", "passage", "sentence"} <= set(items[0])


def test_timeline_query_filters_and_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", '"Power of Siberia"', "--no-published")
    assert code == 0 and "2018-03-28*" in out and "bromance" not in out


def test_search_json_explains_each_hit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "sibe* pipeline", "--json")
    hits = json.loads(out)
    assert code == 0 and hits
    for hit in hits:
        asked = {m["query"]: m["terms"] for m in hit["why"]["matches"]}
        assert asked == {"sibe*": ["siberia"], "pipelin": ["pipelin"]}
        assert hit["why"]["score"] == pytest.approx(hit["score"], abs=1e-3)
