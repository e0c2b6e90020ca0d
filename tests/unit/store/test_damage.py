"""Full disks, damaged index files, read-only caches: a clear message, a rebuild where that is safe, no traceback."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.errors import StoreError
from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tests.conftest import write

ROOT = Path(__file__).resolve().parents[3]


def _cli(argv: list[str], home: Path, limit_bytes: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    env = {**os.environ, "RALIGN_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *argv], env=env, cwd=ROOT, capture_output=True, text=True, preexec_fn=limit
    )


def test_a_file_size_limit_met_by_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for i in range(60):
        write(corpus, f"d{i}.txt", f"Lavrov word{i} " * 2000)
    done = _cli(["index", "--corpus", str(corpus)], tmp_path / "home", limit_bytes=400 * 1024)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "could not be written" in done.stderr


def test_a_full_disk_seen_first_by_sqlite_is_a_clear_error(tiny_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = CorpusIndex(tiny_corpus).open()
    real = index.side.put_document

    def full(db: sqlite3.Connection, *args: object) -> None:
        db.execute("ROLLBACK")  # what SQLite does by itself on SQLITE_FULL: the later ROLLBACK finds none
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(index.side, "put_document", full)
    with pytest.raises(StoreError, match="disk is full"):
        index.update()
    monkeypatch.setattr(index.side, "put_document", real)
    assert index.update().indexed == 3
    assert sorted(index.engine.doc_ids()) == sorted(index.side.document_ids())


def _damage_whoosh(location: Path, pattern: str, how: str) -> None:
    for path in (location / "whoosh").glob(pattern):
        if how == "truncate":
            with open(path, "r+b") as handle:
                handle.truncate(max(1, path.stat().st_size // 3))
        else:
            size = path.stat().st_size
            path.write_bytes(bytes((i * 151 + 17) % 256 for i in range(size)))


def _damage_sqlite(location: Path) -> None:
    """Garbage over the header of every page naming a document (never the schema page): found when read."""
    side = location / "side.sqlite"
    with contextlib.closing(sqlite3.connect(side)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the log folded into the file, as when a process ends
    data = bytearray(side.read_bytes())
    start = 0
    while (at := data.find(b"pipeline.txt", max(start, 4096))) >= 0:
        page = at // 4096 * 4096
        data[page : page + 12] = b"\xff" * 12
        start = page + 4096
    side.write_bytes(bytes(data))


DAMAGE = {
    "truncated postings": lambda at: _damage_whoosh(at, "*.pst", "truncate"),
    "garbage stored fields": lambda at: _damage_whoosh(at, "*._stored.col", "garbage"),
    "truncated length column": lambda at: _damage_whoosh(at, "*._text_len.col", "truncate"),
    "damaged sqlite pages": _damage_sqlite,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("argv", [["search", "gazprom"], ["docs"], ["entities"]])
def test_a_damaged_index_is_rebuilt_with_a_message(
    damage: str, argv: list[str], tiny_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main as cli

    assert cli(["index", "--corpus", str(tiny_corpus)]) == 0
    capsys.readouterr()
    expected = cli([*argv, "--corpus", str(tiny_corpus), "--json"]), capsys.readouterr().out
    DAMAGE[damage](CorpusIndex(tiny_corpus).location)
    assert cli([*argv, "--corpus", str(tiny_corpus), "--json"]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if damage == "damaged sqlite pages" or argv[0] == "search":  # docs and entities never read the text index
        assert "damaged" in err
    assert (0, out) == expected
    assert cli([*argv, "--corpus", str(tiny_corpus)]) == 0  # and it stays mended
    assert "damaged" not in capsys.readouterr().err


def test_a_valid_index_in_a_cache_that_cannot_be_written_is_used_as_it_is(
    tiny_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.store import folder

    built = CorpusIndex(tiny_corpus).open()
    built.update()
    built.close()

    @contextlib.contextmanager
    def read_only_file_system(location: Path) -> Iterator[None]:
        raise OSError(errno.EROFS, "Read-only file system")
        yield

    monkeypatch.setattr(folder, "_process_lock", read_only_file_system)
    index = CorpusIndex(tiny_corpus).open()
    assert index.location == built.location  # no temporary index
    assert "answering from the index it holds" in index.messages[0]
    report = index.update()
    assert (report.indexed, report.unchanged) == (0, 3)
    assert {h.doc for h in search(index, "gazprom").hits} == {"pipeline.txt"}


def test_a_temporary_index_is_deleted_when_the_run_ends(tiny_corpus: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "RALIGN_HOME": str(blocked / "home"), "TMPDIR": str(temp)}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "search", "gazprom", "--corpus", str(tiny_corpus), "--json"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "temporary index" in done.stderr and "deleted when this run ends" in done.stderr
    assert json.loads(done.stdout)[0]["doc"] == "pipeline.txt"
    assert list(temp.iterdir()) == []
