"""Tables printed into a pipe or a file: one row a line, not Rich's 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tui.cli import main as cli

TITLE = "The Long Title of a Report on Energy Cooperation Between Moscow and Beijing in the Arctic"


def test_docs_into_a_pipe_keeps_each_document_on_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    folder = tmp_path / "reports"
    write(folder, "arctic.txt", f"{TITLE}\n\nGazprom and CNPC signed a deal on Arctic gas.\n")
    write(folder, "short.txt", "Short\n\nRosneft sold oil.\n")
    assert cli(["docs", "--corpus", str(folder)]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.strip()]
    assert any(TITLE in line for line in rows)  # it was cut over two lines at 80 columns
    assert len(rows) == 3  # the header and the two documents
