"""Change detection without a stat of every file: folders' mtimes, a bounded window, full checks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.store import freshness
from index.store.corpus_index import CorpusIndex
from tests.conftest import write

PAST = 1_600_000_000  # an mtime far from the check: a folder modified just before it is not trusted


def _age(corpus: Path) -> None:
    """Every folder's mtime put well in the past, as a folder nobody touched lately has."""
    for folder, _dirs, _files in os.walk(corpus):
        os.utime(folder, (PAST, PAST))


@pytest.fixture
def windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A full check of these few files stands in for the next ones as one of 40,000 files would."""
    monkeypatch.setattr(freshness, "COST_FACTOR", 1e9)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root, "a.txt", "Alpha report\n\nGazprom and CNPC signed the pipeline deal.\n")
    write(root, "sub/b.txt", "Beta report\n\nThe summit in Moscow opened.\n")
    write(root, "sub/deeper/c.txt", "Gamma report\n\nRosatom builds reactors.\n")
    _age(root)
    return root


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every folder listed (os.scandir), in order: a full check lists them all, a folder-only check none."""
    listed: list[str] = []
    real = os.scandir

    def counting(path):  # type: ignore[no-untyped-def]
        listed.append(str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", counting)
    yield listed


def _indexed(tmp_path: Path, corpus: Path) -> CorpusIndex:
    index = CorpusIndex(corpus, location=tmp_path / "index").open()
    assert index.update().indexed == 3
    return index


@pytest.mark.usefixtures("windowed")
def test_a_second_check_within_the_window_lists_no_folder_and_stats_no_file(
    tmp_path: Path, corpus: Path, scans: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _indexed(tmp_path, corpus)
    assert len(scans) == 3  # the full check walked the three folders
    scans.clear()
    stats: list[str] = []
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: stats.append(str(path)) or real_stat(path, *a, **k))
    report = index.update(full=False)
    assert (report.indexed, report.removed, report.unchanged) == (0, 0, 3)
    assert scans == []
    assert not [p for p in stats if p.endswith(".txt")]  # folders and metadata.toml only
    index.close()


@pytest.mark.usefixtures("windowed")
def test_a_new_file_in_a_subfolder_is_found_at_once(tmp_path: Path, corpus: Path, scans: list[str]) -> None:
    index = _indexed(tmp_path, corpus)
    write(corpus, "sub/deeper/d.txt", "Delta report\n\nA new pipeline to Mongolia.\n")
    report = index.update(full=False)
    assert report.indexed == 1
    assert "sub/deeper/d.txt" in {s.doc for s in index.documents()}
    index.close()


@pytest.mark.usefixtures("windowed")
def test_a_removed_or_renamed_file_is_seen_at_once(tmp_path: Path, corpus: Path) -> None:
    index = _indexed(tmp_path, corpus)
    (corpus / "sub" / "b.txt").rename(corpus / "sub" / "b2.txt")
    (corpus / "a.txt").unlink()
    report = index.update(full=False)
    assert (report.indexed, report.removed) == (1, 2)
    assert {s.doc for s in index.documents()} == {"sub/b2.txt", "sub/deeper/c.txt"}
    index.close()


@pytest.mark.usefixtures("windowed")
def test_an_edit_in_place_is_found_by_a_full_check_and_after_the_window(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _indexed(tmp_path, corpus)
    with (corpus / "sub" / "b.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nA paragraph about Rosneft.\n")  # in place: no folder's mtime changes
    assert index.update(full=False).indexed == 0  # within the window: the folders say nothing changed
    assert index.update(full=True).indexed == 1  # what `ralign-tui index` and the reader's start run

    with (corpus / "a.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nA paragraph about Novatek.\n")
    now = freshness.clock()
    monkeypatch.setattr(freshness, "clock", lambda: now + freshness.MAX_WINDOW + 1)
    assert index.update(full=False).indexed == 1  # the window has passed: every file is checked
    index.close()


@pytest.mark.usefixtures("windowed")
def test_a_folder_touched_just_before_the_check_is_checked_again(
    tmp_path: Path, corpus: Path, scans: list[str]
) -> None:
    """A file written in the same timestamp tick as the check could hide behind its folder's mtime."""
    index = _indexed(tmp_path, corpus)
    os.utime(corpus / "sub", None)  # now: too close to the next check to be trusted
    index.update(full=True)
    scans.clear()
    index.update(full=False)
    assert len(scans) == 3
    index.close()


@pytest.mark.usefixtures("windowed")
def test_metadata_edited_in_place_is_seen_at_once(tmp_path: Path, corpus: Path) -> None:
    index = _indexed(tmp_path, corpus)
    meta = write(corpus, "metadata.toml", '["a.txt"]\ntitle = "Given title"\n')
    os.utime(meta, (PAST, PAST))
    _age(corpus)
    index.update(full=True)
    meta.write_text('["a.txt"]\ntitle = "Another title"\n', encoding="utf-8")
    _age(corpus)  # the folder's mtime as before: only the file's own stamp tells
    assert index.update(full=False).indexed == 1
    assert index.document("a.txt").meta.title == "Another title"  # type: ignore[union-attr]
    index.close()


def test_a_check_too_cheap_to_be_worth_a_window_always_runs_whole(tmp_path: Path, corpus: Path) -> None:
    """Three files take milliseconds to check: an edit in place is found by the very next call."""
    index = _indexed(tmp_path, corpus)
    with (corpus / "sub" / "b.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nA paragraph about Rosneft.\n")
    assert index.update(full=False).indexed == 1
    index.close()


def test_the_window_grows_with_what_the_full_check_cost_and_is_bounded() -> None:
    assert freshness.window(0.001) == 0  # a small folder: every call checks every file
    assert freshness.window(0.47) == pytest.approx(0.47 * freshness.COST_FACTOR)  # 40,000 files: ~12 s
    assert freshness.window(60) == freshness.MAX_WINDOW
