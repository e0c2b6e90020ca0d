"""What a person typed into the bookmarks file is data: no escape reaches the terminal, no odd byte breaks JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.notes.bookmarks import FILE_HEADER, render_block
from index.notes.markdown import Bookmark
from tui.cli import main as cli
from tui.screens.bookmarks import _prompt

ROOT = Path(__file__).resolve().parents[2]
TITLE_ESCAPE = "\x1b]0;pwned\x07"


def _hostile_file(path: Path) -> Path:
    block = render_block(
        Bookmark(
            "b1b1b1", "d.txt", 1, "quoted text", note="a note", tags=("t1",), created="2026-01-01T00:00:00Z", title="T"
        )
    )
    block = block.replace("#t1", f"#t1{TITLE_ESCAPE} #two\x1b[2J")
    block = block.replace('"created": "2026-01-01T00:00:00Z"', '"created": "2026\\u001b]0;pwn2\\u0007"')
    block = block.replace("a note", "a note \x1b[31mred\x1b[0m")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((FILE_HEADER + block).encode() + b"\nHand-written line with a bad byte \xff here.\n")
    return path


@pytest.mark.parametrize("argv", [["list"], ["export", "--format", "md"]])
def test_escapes_in_bookmark_fields_never_reach_the_terminal(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = _hostile_file(tmp_path / "bookmarks.md")
    assert cli(["bookmarks", *argv, "--bookmarks", str(file)]) == 0
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "#two" in out or "two" in out


def test_the_bookmarks_screen_shows_fields_without_escapes(tmp_path: Path) -> None:
    from index.notes.bookmarks import BookmarkFile

    [bookmark] = BookmarkFile(_hostile_file(tmp_path / "bookmarks.md")).read().bookmarks
    assert "\x1b" in bookmark.created + "".join(bookmark.tags)  # the file's bytes, kept as written
    shown = _prompt(bookmark).plain
    assert "\x1b" not in shown and "\x07" not in shown


@pytest.mark.parametrize("argv", [["list", "--json"], ["export", "--format", "json"], ["export", "--format", "md"]])
def test_a_byte_that_is_not_utf8_in_the_file_gives_valid_output(argv: list[str], tmp_path: Path) -> None:
    file = _hostile_file(tmp_path / "bookmarks.md")
    file.write_bytes(file.read_bytes().replace(b"a note", b"a n\xe9te"))
    env = {**os.environ, "RALIGN_HOME": str(tmp_path / "home"), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "bookmarks", *argv, "--bookmarks", str(file)],
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    out = done.stdout.decode("utf-8")  # valid UTF-8, or this raises
    if "--json" in argv or "json" in argv:
        [bookmark] = json.loads(out)
        assert bookmark["note"].startswith("a n\ufffdte")
