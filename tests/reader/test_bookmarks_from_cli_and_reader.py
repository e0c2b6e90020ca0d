"""Bookmarks from the outside: the CLI, concurrent processes, and `b` in the reader."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea

from index import paths
from index.notes.bookmarks import BookmarkFile
from tests.conftest import SEEDS
from tests.readerkit import main, open_selected, reader, ready, search_for, settle, view, wait_until
from tui.cli import main as cli
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.note_dialog import NoteDialog

DOC = "002_f3a37438de5b7047.txt"


def corpus_file() -> Path:
    """Where bookmarks of the bundled corpus go by default: a file of its own."""
    return paths.corpus_bookmarks_file(SEEDS)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_remove_export(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    note = "Markdown *note* with <!-- a comment -->\nand a second line, ünïcödé"
    code, out, _ = run(capsys, "bookmarks", "add", DOC, "6", "--note", note, "--tag", "arms", "--tag", "s400", "--json")
    assert code == 0
    added = json.loads(out)
    code, out, _ = run(capsys, "bookmarks", "list", "--json")
    [listed] = json.loads(out)
    assert {"id", "doc", "passage", "text", "note", "tags", "created"} <= set(listed)
    assert listed["id"] == added["id"] and listed["note"] == note and listed["tags"] == ["arms", "s400"]
    assert "S-400" in listed["text"] and listed["passage"] == 6
    assert {"S-400", "China", "Russia"} <= set(listed["entities"])  # the entities in the passage
    assert (corpus_file()).is_file()
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "md")
    assert "> This cooperation is not only occurring" in out
    code, out, _ = run(capsys, "bookmarks", "remove", added["id"])
    assert code == 0
    code, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert json.loads(out) == []


def test_bookmarks_option_chooses_the_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "notes" / "mine.md"
    code, _, _ = run(capsys, "bookmarks", "add", DOC, "2", "--bookmarks", str(target))
    assert code == 0 and len(BookmarkFile(target).bookmarks()) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["bookmarks", "add", "nope.txt", "1"],
        ["bookmarks", "add", DOC, "999"],
        ["bookmarks", "remove", "abc123"],
        ["bookmarks"],
        ["bookmarks", "add", DOC, "0"],
    ],
)
def test_bad_bookmark_arguments_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_sixteen_concurrent_cli_adds_give_sixteen_bookmarks(isolated_home: Path) -> None:
    subprocess.run([sys.executable, "-m", "tui", "index"], check=True, capture_output=True, timeout=120)
    env = dict(os.environ)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tui", "bookmarks", "add", DOC, str(1 + i % 11), "--note", f"n{i}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i in range(16)
    ]
    errors = [p.communicate(timeout=180)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    notes = sorted(b.note for b in BookmarkFile(corpus_file()).bookmarks())
    assert notes == sorted(f"n{i}" for i in range(16))


async def test_b_bookmarks_the_passage_under_the_cursor(isolated_home: Path) -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        await open_selected(pilot, DOC)
        passage = view(app).passage_number
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteDialog), "the note dialog")
        await pilot.press(*"loans to Gazprom", "tab", *"#energy", "enter")
        await wait_until(pilot, lambda: passage in view(app).marked, "the passage mark")
        [saved] = BookmarkFile(corpus_file()).bookmarks()
        assert (saved.doc, saved.passage, saved.note, saved.tags, saved.query) == (
            DOC,
            passage,
            "loans to Gazprom",
            ("energy",),
            "gazprom",
        )
        assert "Gazprom" in saved.text
        assert "Gazprom" in saved.entities
        await pilot.press("b", "escape")  # Escape cancels: nothing more is written
        await settle(pilot)
        assert len(BookmarkFile(corpus_file()).bookmarks()) == 1


async def test_bookmarks_screen_filters_jumps_edits_deletes_and_undoes(isolated_home: Path) -> None:
    file = BookmarkFile(corpus_file())
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        for doc, passage, note in [(DOC, 5, "gazprom loan"), ("003_fbb29aa8b82af950.txt", 6, "pipeline")]:
            document = main(app).index.document(doc)
            assert document is not None
            from index.notes.bookmarks import bookmark_for

            file.add(bookmark_for(document, passage, str(main(app).index.corpus), note))
        await pilot.press("B")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen), "the bookmarks screen")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        await wait_until(pilot, lambda: len(screen.shown) == 2, "two bookmarks listed")
        assert screen.shown[0].note == "pipeline"  # newest first
        await pilot.press("slash", *"gazprom")
        assert [b.note for b in screen.shown] == ["gazprom loan"]
        assert screen.query_one("#bookmark-filter", Input).value == "gazprom"  # `d`, `e` typed nothing
        await pilot.press("enter")  # leaves the filter
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteDialog), "the edit dialog")
        note_box = app.screen.query_one("#note", TextArea)
        note_box.text = "edited note"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: next(b.note for b in file.bookmarks()) == "edited note", "the edit on disk")
        await wait_until(pilot, lambda: isinstance(app.screen, BookmarksScreen), "back to the list")
        await pilot.press("d")
        await wait_until(pilot, lambda: len(file.bookmarks()) == 1, "the delete on disk")
        await pilot.press("u")
        await wait_until(pilot, lambda: len(file.bookmarks()) == 2, "the undo on disk")
        await wait_until(pilot, lambda: len(screen.all) == 2, "the list after undo")
        screen.query_one("#bookmark-filter", Input).value = "pipeline"
        await pilot.pause()
        screen.query_one("#bookmark-list", OptionList).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: view(app).document is not None, "the jump")
        assert view(app).document.doc == "003_fbb29aa8b82af950.txt"  # type: ignore[union-attr]
        assert view(app).passage_number == 6
        assert 6 in view(app).marked
