"""Crash tests of the notebook's writers other than the bookmarks file: `notes export`, the saved
searches and entities.toml, each killed (`os._exit`, as kill -9) with a new copy written and not yet in
place (`RALIGN_FAULT=file-written`, `index.safe_write`). No file is ever half-written, what a person
wrote is kept, and the next run works and leaves no copy behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from index.notes.note_files import BEGIN, END
from index.safe_write import COPY_SUFFIX
from index.store.corpus_index import CorpusIndex
from tests.conftest import write
from tui.cli import main

ROOT = Path(__file__).resolve().parents[3]
KILLED = 137


def _killed(*args: str, fault: str = "file-written") -> int:
    env = {**os.environ, "RALIGN_FAULT": fault}
    return subprocess.run([sys.executable, "-m", "tui", *args], env=env, cwd=ROOT, capture_output=True).returncode


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(f"*{COPY_SUFFIX}"))


def _notes(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))}


def test_notes_export_killed_mid_write_keeps_every_note_whole_with_its_persons_text(
    capsys: pytest.CaptureFixture[str], tiny_corpus: Path, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    _run(capsys, "notes", "export", str(vault), "--corpus", str(tiny_corpus))
    for path in vault.glob("*.md"):  # a person's own lines below the generated part of every note
        path.write_text(path.read_text(encoding="utf-8") + f"\nMy thoughts on {path.stem}.\n", encoding="utf-8")
    write(tiny_corpus, "more.txt", "More\n\nGazprom and China again: the Power of Siberia, Russia and Putin.\n")
    before = _notes(vault)
    clean = tmp_path / "clean"
    shutil.copytree(vault, clean)

    export = ("notes", "export", str(vault), "--corpus", str(tiny_corpus), "--json")
    assert _killed(*export, fault="file-written:2") == KILLED
    assert len(_copies(vault)) == 1  # killed with a new copy written, not yet in place
    for name, text in _notes(vault).items():  # each note as it was, or as it is now: never a part
        assert text.count(BEGIN) == 1 and text.count(END) == 1 and text.endswith(f"My thoughts on {name[:-3]}.\n")
    assert sum(text != before.get(name) for name, text in _notes(vault).items()) == 1

    _run(capsys, *export)
    assert _copies(vault) == []  # before: the killed export's copy stayed in the vault for good
    _run(capsys, "notes", "export", str(clean), "--corpus", str(tiny_corpus), "--json")
    assert _notes(vault) == _notes(clean)


def test_saved_searches_killed_mid_write_keep_every_saved_one(
    capsys: pytest.CaptureFixture[str], tiny_corpus: Path, isolated_home: Path
) -> None:
    _run(capsys, "saved", "add", "gazprom", "--corpus", str(tiny_corpus))
    assert _killed("saved", "add", "china", "--corpus", str(tiny_corpus)) == KILLED
    assert len(_copies(isolated_home)) == 1
    _run(capsys, "saved", "add", "pipeline", "--corpus", str(tiny_corpus))
    assert _copies(isolated_home) == []  # the next writer removed the killed one's copy
    listed = json.loads(_run(capsys, "saved", "--json", "--corpus", str(tiny_corpus)))
    assert [s["query"] for s in listed] == ["gazprom", "pipeline"]


def test_curation_killed_mid_write_keeps_entities_toml_and_its_comments(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    mine = '# my own list, by hand\n[PERSON]\n"Xi Jinping" = ["President Xi"]  # he is called that\n'
    write(isolated_home, "entities.toml", mine)
    # The second copy written is entities.toml's own (the first, the undo stack's entry, is in place by then).
    assert _killed("entity", "ignore", "Moscow", fault="file-written:2") == KILLED
    assert (isolated_home / "entities.toml").read_text(encoding="utf-8") == mine
    assert len(_copies(isolated_home)) == 1
    _run(capsys, "entity", "ignore", "Moscow")
    assert _copies(isolated_home) == []
    text = (isolated_home / "entities.toml").read_text(encoding="utf-8")
    assert text.startswith("# my own list, by hand\n") and "# he is called that" in text and "Moscow" in text
    _run(capsys, "entity", "undo")
    assert (isolated_home / "entities.toml").read_text(encoding="utf-8") == mine


def test_two_saves_of_saved_searches_at_once_keep_both(tiny_corpus: Path) -> None:
    """A reader and a CLI call saving at once: the second waits for the first's write, then adds to it."""
    from index.notes import saved_searches

    index = CorpusIndex(tiny_corpus).open()
    index.update()
    real = saved_searches.load
    second = threading.Thread(target=saved_searches.add, args=(index, "pipeline"))

    def load_while_another_saves(corpus: Path) -> list[saved_searches.SavedSearch]:
        found = real(corpus)
        if not second.is_alive() and second.ident is None:
            second.start()
            second.join(0.5)  # before the lock, it wrote meanwhile, and the first's write then lost its search
        return found

    saved_searches.load = load_while_another_saves  # type: ignore[assignment]
    try:
        saved_searches.add(index, "gazprom")
    finally:
        saved_searches.load = real  # type: ignore[assignment]
    second.join()
    assert sorted(s.query for s in saved_searches.load(tiny_corpus)) == ["gazprom", "pipeline"]


def test_a_curation_over_a_file_changed_meanwhile_writes_nothing(isolated_home: Path) -> None:
    from index.entities.user_edits import CurationError, write_user_text

    write(isolated_home, "entities.toml", "# edited by hand meanwhile\n")
    with pytest.raises(CurationError, match="changed while this change was made"):
        write_user_text('[ignore]\nnames = ["Moscow"]\n', old="")
    assert (isolated_home / "entities.toml").read_text(encoding="utf-8") == "# edited by hand meanwhile\n"
