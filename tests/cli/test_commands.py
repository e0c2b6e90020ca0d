"""The command line as a script sees it: exit codes, clean JSON on stdout, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_finds_power_of_siberia(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", '"Power of Siberia"', "--json")
    hits = json.loads(out)
    assert code == 0
    assert [(h["doc"], h["passage"]) for h in hits] == [("003_fbb29aa8b82af950.txt", 6)]
    hit = hits[0]
    assert {"doc", "passage", "score", "snippet", "spans"} <= set(hit)
    start, end = hit["spans"][0]
    assert hit["snippet"][start:end] == "Power of Siberia"


def test_search_s400_finds_every_seed_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "S-400", "--json", "--limit", "100")
    assert code == 0
    assert {h["doc"][:3] for h in json.loads(out)} == {"000", "001", "002", "004"}


def test_zero_hits_is_success_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "siberai", "--json")
    assert code == 0 and json.loads(out) == []
    assert "did you mean" in err and "siberia" in err


def test_docs_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "docs", "--json")
    docs = json.loads(out)
    assert code == 0 and len(docs) == 5
    assert all({"doc", "title", "passages"} <= set(d) for d in docs)


def test_index_reports_skipped_files_with_reasons(capsys: pytest.CaptureFixture[str], awkward_corpus: Path) -> None:
    code, out, err = run(capsys, "index", "--corpus", str(awkward_corpus), "--json")
    report = json.loads(out)
    assert code == 0 and "Traceback" not in err
    reasons = {s["path"]: s["reason"] for s in report["skipped"]}
    assert reasons["gzipped.txt"] == "not text (gzip data)"
    code, out, _ = run(capsys, "index", "--corpus", str(awkward_corpus))
    assert "skipped gzipped.txt: not text (gzip data)" in out
    code, out, _ = run(capsys, "index", str(awkward_corpus), "--json")  # the folder as a plain argument
    assert code == 0 and json.loads(out)["skipped"]


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "x", "--corpus", "/no/such/folder"],
        ["docs", "--corpus", str(SEEDS / "000_110210e14c1e0fc0.txt")],
        ["search", "x", "--limit", "zero"],
        ["search"],
        ["index", "--bogus"],
        ["index", str(SEEDS), "--corpus", "/somewhere/else"],
        ["/no/such/folder/either"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_hostile_text_reaches_stdout_without_escapes(capsys: pytest.CaptureFixture[str], awkward_corpus: Path) -> None:
    code, out, _ = run(capsys, "search", "trenin", "--corpus", str(awkward_corpus))
    assert code == 0
    assert "\x1b" not in out and "[bold red]x[/]" in out


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tui", "search", "gazprom", "--json"], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["doc"].startswith("002")


def test_docs_lists_each_documents_near_duplicates_as_json_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table had a near-duplicates column and no values in it."""
    monkeypatch.setenv("COLUMNS", "200")  # one line a row
    code, out, _ = run(capsys, "docs", "--json")
    named = {d["doc"]: d["near_duplicates"] for d in json.loads(out)}
    assert code == 0 and any(named.values())  # the seeds hold a scrape of one article
    code, out, _ = run(capsys, "docs")
    rows = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    assert set(rows) == set(named)
    for doc, others in named.items():
        assert [other for other in named if other != doc and other in rows[doc]] == others
