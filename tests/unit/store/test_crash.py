"""Crash tests in the style of SQLite's: a real build process dies (`os._exit`, as kill -9) at a named
point (`index.faults`), then a normal run answers exactly like a clean build and says what it repaired."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tests.conftest import write

ROOT = Path(__file__).resolve().parents[3]
KILLED = 137


def _corpus(folder: Path, count: int, start: int = 0) -> Path:
    for i in range(start, start + count):
        write(folder, f"d{i:03}.txt", f"Document {i} about Lavrov and the Kalibr number w{i}.\n\nSecond part {i}.\n")
    return folder


def _run_index(corpus: Path, home: Path, fault: str | None) -> int:
    env = {**os.environ, "RALIGN_HOME": str(home)}
    env.pop("RALIGN_FAULT", None)
    if fault:
        env["RALIGN_FAULT"] = fault
    done = subprocess.run(
        [sys.executable, "-m", "tui", "index", "--corpus", str(corpus)], env=env, cwd=ROOT, capture_output=True
    )
    return done.returncode


def _answers(index: CorpusIndex) -> tuple[list[str], list[str], list[tuple[str, int]]]:
    """What the index holds and answers: the engine's records, the side store's documents, a search."""
    hits = sorted((h.doc, h.passage) for h in search(index, "lavrov", limit=1000).hits)
    return sorted(index.engine.doc_ids()), sorted(index.side.document_ids()), hits


def _clean(corpus: Path, tmp_path: Path) -> tuple[list[str], list[str], list[tuple[str, int]]]:
    index = CorpusIndex(corpus, location=tmp_path / "clean").open()
    index.update()
    return _answers(index)


@pytest.mark.parametrize(
    ("files", "fault"),
    [
        (40, "engine-committed:1"),  # the early first batch in the engine only
        (40, "engine-committed:2"),  # the rest of a first build in the engine only
        (40, "side-committed:1"),  # killed between two committed batches
        (140, "engine-committed:2"),  # build workers' segments committed, the side store not
    ],
)
def test_first_build_killed_then_a_normal_run_equals_a_clean_build(
    tmp_path: Path, isolated_home: Path, files: int, fault: str
) -> None:
    corpus = _corpus(tmp_path / "corpus", files)
    assert _run_index(corpus, isolated_home, fault) == KILLED
    index = CorpusIndex(corpus).open()
    report = index.update()
    assert _answers(index) == _clean(corpus, tmp_path)
    if fault.startswith("engine"):
        assert "repaired" in report.message


def test_incremental_update_killed_then_a_normal_run_equals_a_clean_build(tmp_path: Path, isolated_home: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 20)
    assert _run_index(corpus, isolated_home, None) == 0
    _corpus(corpus, 10, start=20)  # new files
    for i in range(3):
        write(corpus, f"d{i:03}.txt", f"Changed {i}: Lavrov again, rewritten.\n")
    (corpus / "d010.txt").unlink()
    assert _run_index(corpus, isolated_home, "engine-committed:1") == KILLED
    index = CorpusIndex(corpus).open()
    report = index.update()
    assert _answers(index) == _clean(corpus, tmp_path)
    assert "repaired" in report.message


def test_two_updates_at_once_index_new_files_once(tmp_path: Path) -> None:
    """The second updater reads what is indexed only once it holds the writer: never both take a new file for new."""
    corpus = _corpus(tmp_path / "corpus", 5)
    first, second = CorpusIndex(corpus).open(), CorpusIndex(corpus).open()
    first.update()
    _corpus(corpus, 5, start=5)
    second_read = threading.Event()
    real = second.side.fingerprints

    def reading() -> dict[str, object]:
        second_read.set()
        return real()  # type: ignore[return-value]

    second.side.fingerprints = reading  # type: ignore[method-assign]
    errors: list[BaseException] = []
    reports = []

    def second_update() -> None:
        try:
            reports.append(second.update())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=second_update)

    def progress(done: int, total: int) -> None:
        if done == 0 and not thread.is_alive() and not second_read.is_set():
            thread.start()
            second_read.wait(1.0)  # before the fix, the second read the fingerprints now, mid-update

    first.update(progress=progress)
    thread.join()
    assert not errors
    assert (reports[0].indexed, reports[0].unchanged) == (0, 10)  # it found the first's work done
    for index in (first, second):
        index.close()
        index.open()
        assert sorted(index.engine.doc_ids()) == sorted(index.side.document_ids())
        assert len(index.engine.doc_ids()) == 10


def test_bookmark_writers_killed_mid_write_lose_no_finished_add(tmp_path: Path) -> None:
    """16 writers at once, every third killed with its new copy written but not in place: every add that
    finished is there, the file reads whole, and no copy is left behind."""
    from index.notes.bookmark_file import BookmarkFile

    path = tmp_path / "b.md"
    script = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from index.notes.bookmark_file import BookmarkFile; "
        "from tests.unit.notes.test_bookmarks import make; "
        f"BookmarkFile({str(path)!r}).add(make('from ' + sys.argv[1]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "RALIGN_FAULT"}
    procs = {
        i: subprocess.Popen(
            [sys.executable, "-c", script, str(i)],
            env={**env, "RALIGN_FAULT": "bookmark-written"} if i % 3 == 0 else env,
        )
        for i in range(16)
    }
    codes = {i: p.wait(timeout=120) for i, p in procs.items()}
    assert {code for i, code in codes.items() if i % 3 == 0} == {KILLED}
    assert {code for i, code in codes.items() if i % 3} == {0}
    BookmarkFile(path).add(_after())  # the next writer: no stale lock, and it tidies what the killed left
    parsed = BookmarkFile(path).read()
    assert not parsed.broken
    assert sorted(b.note for b in parsed.bookmarks) == sorted([*(f"from {i}" for i in codes if i % 3), "after"])
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def _after():  # type: ignore[no-untyped-def]
    from tests.unit.notes.test_bookmarks import make

    return make("after")
