"""Full disks, damaged index files, read-only caches: a clear message, a rebuild where that is safe, no traceback."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from index.errors import StoreError
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
