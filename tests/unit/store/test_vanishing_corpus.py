"""A corpus folder that vanishes or loses its permissions mid-build (an unmounted disk, a renamed folder,
a chmod): a message naming the folder, no traceback, and the index keeps what it held there; once the
folder is back, the next run reads what it could not and answers like a clean build."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from index.errors import CorpusError
from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tests.conftest import write
from tui.cli import main


def _corpus(folder: Path) -> Path:
    for i in range(3):
        write(folder, f"a{i}.txt", f"Alpha {i}: Lavrov spoke in Geneva.\n")
        write(folder, f"sub/b{i}.txt", f"Beta {i}: Kalibr missiles were tested.\n")
    return folder


def _answers(index: CorpusIndex) -> tuple[list[tuple[str, str]], list[str]]:
    docs = sorted((d.doc, index.document(d.doc).text) for d in index.documents())  # type: ignore[union-attr]
    return docs, sorted(h.doc for h in search(index, "lavrov OR kalibr OR changed OR new", limit=100).hits)


def _clean(corpus: Path, tmp_path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    index = CorpusIndex(corpus, location=tmp_path / "clean").open()
    index.update()
    return _answers(index)


def test_a_corpus_folder_that_vanishes_mid_build_keeps_the_index_and_is_read_when_back(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    index = CorpusIndex(corpus).open()
    index.update()
    before = _answers(index)
    for i in range(3):
        write(corpus, f"sub/b{i}.txt", f"Beta {i} changed: Kalibr again.\n")
    write(corpus, "new.txt", "A new one about Lavrov.\n")
    away = tmp_path / "away"

    def unmount(done: int, total: int) -> None:
        if done == 0 and corpus.exists():
            corpus.rename(away)  # after the scan, before a file is read

    report = index.update(progress=unmount)
    assert f"the corpus folder {corpus} cannot be read (No such file or directory)" in report.message
    assert "4 file(s) could not be read and are kept as they were last indexed" in report.message
    assert _answers(index) == before  # the changed files' old versions stay; nothing was dropped
    away.rename(corpus)
    report = index.update()
    assert report.indexed == 4  # before the fix they stayed "vanished while indexing" until touched again
    assert _answers(index) == _clean(corpus, tmp_path)


def test_a_folder_that_loses_its_permissions_keeps_its_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    index = CorpusIndex(corpus).open()
    index.update()
    before = _answers(index)
    real = os.scandir

    def refused(path: str) -> object:  # chmod 000 would not stop the root user the suite may run as
        if str(path).endswith("sub"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", refused)
    report = index.update()
    assert report.removed == 0  # before the fix: its 3 documents dropped, as if deleted
    assert "3 indexed document(s) in sub are kept as they were" in report.message
    assert ("sub", "folder cannot be read (Permission denied)") in [(s.path, s.reason) for s in report.skipped]
    assert _answers(index) == before
    monkeypatch.setattr(os, "scandir", real)
    assert index.update().unchanged == 6


def test_a_corpus_folder_unreadable_when_scanned_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    index = CorpusIndex(corpus).open()
    index.update()
    real = os.scandir

    def refused(path: str) -> object:
        if str(path) == str(corpus):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", refused)
    with pytest.raises(CorpusError, match="the index is kept as it was"):
        index.update()
    assert main(["index", "--corpus", str(corpus)]) != 0
    err = capsys.readouterr().err
    assert f"the corpus folder {corpus} cannot be read (Permission denied)" in " ".join(err.split())
    assert "Traceback" not in err
    monkeypatch.setattr(os, "scandir", real)
    assert index.document_count() == 6
