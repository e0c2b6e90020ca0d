"""What a CLI call checks before it answers: the folders after a recent full check, every file for `index`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index.store import freshness
from tests.conftest import write
from tui.cli import main

PAST = 1_600_000_000


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root, "a.txt", "Alpha report\n\nGazprom and CNPC signed the pipeline deal.\n")
    write(root, "sub/b.txt", "Beta report\n\nThe summit in Moscow opened.\n")
    for folder in (root, root / "sub"):
        os.utime(folder, (PAST, PAST))
    return root


def test_a_search_after_a_recent_check_lists_no_folder_and_index_checks_every_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(freshness, "COST_FACTOR", 1e9)  # these two files checked as 40,000 would be
    corpus = _corpus(tmp_path)
    assert main(["index", str(corpus), "--json"]) == 0
    capsys.readouterr()
    listed: list[str] = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: listed.append(str(path)) or real(path))
    assert main(["search", "pipeline", "--corpus", str(corpus), "--json"]) == 0
    assert [h["doc"] for h in json.loads(capsys.readouterr().out)] == ["a.txt"]
    assert [p for p in listed if p.startswith(str(corpus))] == []

    with (corpus / "sub" / "b.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nA second pipeline through Mongolia.\n")  # in place: no folder's mtime changes
    assert main(["index", str(corpus), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["indexed"] == 1
    assert len([p for p in listed if p.startswith(str(corpus))]) == 2
