"""The reader killed (`os._exit`, as kill -9) while `b` saves a bookmark: the bookmarks file stays
readable with every bookmark the reader had acknowledged (its passage marked), and the person's own
lines; the next writer works and tidies the copy the killed reader left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from index import paths
from index.notes.bookmarks import BookmarkFile
from tui.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
KILLED = 137

# Run in a child interpreter: the reader, headless, bookmarks a passage (acknowledged: printed once its
# passage is marked), then bookmarks another, and dies with that one's new copy written, not in place.
SCRIPT = """
import asyncio, sys
from pathlib import Path
from tests.readerkit import open_selected, reader, ready, search_for, view, wait_until
from tui.screens.note_dialog import NoteDialog

async def session():
    app = reader(Path(sys.argv[1]))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        await open_selected(pilot)
        for note in ("acknowledged", "killed"):
            passage = view(app).passage_number
            await pilot.press("b")
            await wait_until(pilot, lambda: isinstance(app.screen, NoteDialog), "the note dialog")
            await pilot.press(*note, "tab", "enter")  # the note is a text area: Enter in the tags saves
            await wait_until(pilot, lambda: passage in view(app).marked, "the passage mark", seconds=30)
            print("saved", note, flush=True)
            await pilot.press("j")

asyncio.run(session())
"""


def test_reader_killed_during_a_save_keeps_every_acknowledged_bookmark(tiny_corpus: Path, isolated_home: Path) -> None:
    file = paths.corpus_bookmarks_file(tiny_corpus)
    assert cli(["bookmarks", "add", "pipeline.txt", "1", "--note", "from the CLI", "--corpus", str(tiny_corpus)]) == 0
    with file.open("a", encoding="utf-8") as handle:
        handle.write("\nMy own line, typed by hand.\n")
    env = {**os.environ, "RALIGN_FAULT": "bookmark-written:2"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tiny_corpus)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == KILLED, done.stderr[-2000:]
    assert done.stdout.split("\n")[0] == "saved acknowledged" and "saved killed" not in done.stdout
    parsed = BookmarkFile(file).read()
    assert not parsed.broken
    assert sorted(b.note for b in parsed.bookmarks) == ["acknowledged", "from the CLI"]
    assert "My own line, typed by hand." in file.read_text(encoding="utf-8")
    assert [p.name for p in file.parent.iterdir() if p.name.endswith(".tmp")] != []  # killed mid-save

    assert cli(["bookmarks", "add", "missiles.md", "1", "--note", "after", "--corpus", str(tiny_corpus)]) == 0
    assert sorted(b.note for b in BookmarkFile(file).bookmarks()) == ["acknowledged", "after", "from the CLI"]
    assert [p.name for p in file.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert "My own line, typed by hand." in file.read_text(encoding="utf-8")
