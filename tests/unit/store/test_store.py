import os
import threading
from pathlib import Path

from index.engine import schema
from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tests.conftest import write


def docs_of(index: CorpusIndex, query: str) -> set[str]:
    return {h.doc for h in search(index, query, limit=100).hits}


def test_first_build_reports_progress_and_indexes_everything(tiny_corpus: Path) -> None:
    seen: list[tuple[int, int]] = []
    index = CorpusIndex(tiny_corpus).open()
    report = index.update(progress=lambda done, total: seen.append((done, total)))
    assert report.indexed == 3 and not report.skipped
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert index.document_count() == 3


def test_later_runs_reindex_only_what_changed(tiny_corpus: Path) -> None:
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    assert index.update().unchanged == 3

    write(tiny_corpus, "new.txt", "A new text about Rosneft.")
    write(tiny_corpus, "missiles.md", "Air defence\n\nNow about the Kalibr missile instead.\n")
    (tiny_corpus / "pipeline.txt").unlink()
    report = index.update()
    assert (report.indexed, report.removed, report.unchanged) == (2, 1, 1)
    assert docs_of(index, "rosneft") == {"new.txt"}
    assert docs_of(index, "kalibr") == {"missiles.md"}
    assert docs_of(index, "su-35") == set()
    assert docs_of(index, "siberia") == set()


def test_touched_but_unchanged_file_is_not_reindexed(tiny_corpus: Path) -> None:
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    path = tiny_corpus / "pipeline.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    report = index.update()
    assert report.indexed == 0 and report.unchanged == 3


def test_index_survives_reopening_in_a_new_process_object(tiny_corpus: Path) -> None:
    CorpusIndex(tiny_corpus).open().update()
    again = CorpusIndex(tiny_corpus).open()
    assert again.update().unchanged == 3
    assert docs_of(again, "gazprom") == {"pipeline.txt"}


def test_schema_version_change_rebuilds(tiny_corpus: Path, monkeypatch) -> None:
    CorpusIndex(tiny_corpus).open().update()
    monkeypatch.setattr("index.engine.schema.SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    index = CorpusIndex(tiny_corpus).open()
    assert "another version" in " ".join(index.messages)
    assert index.update().indexed == 3


def test_damaged_index_is_rebuilt_with_a_message(tiny_corpus: Path) -> None:
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    location = index.location
    index.close()
    for segment in (location / "whoosh").glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:20])  # a truncated segment
    for toc in (location / "whoosh").glob("*.toc"):
        toc.write_bytes(b"garbage")
    reopened = CorpusIndex(tiny_corpus).open()
    assert any("rebuilt" in m for m in reopened.messages)
    reopened.update()
    assert docs_of(reopened, "gazprom") == {"pipeline.txt"}


def test_cancelled_build_keeps_what_it_did_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for i in range(30):
        write(folder, f"d{i:02}.txt", f"Document number {i} about Lavrov.")
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 10:
            cancel.set()

    index = CorpusIndex(folder).open()
    report = index.update(progress=progress, cancel=cancel)
    assert report.cancelled and 0 < report.indexed < 30
    assert 0 < len(docs_of(index, "lavrov")) < 30
    rest = index.update()
    assert rest.indexed == 30 - report.indexed
    assert len(search(index, "lavrov", limit=100).hits) == 30


def test_file_that_becomes_binary_leaves_the_index(tiny_corpus: Path) -> None:
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    import gzip

    write(tiny_corpus, "pipeline.txt", gzip.compress(b"now compressed"))
    report = index.update()
    assert [s.path for s in report.skipped] == ["pipeline.txt"]
    assert docs_of(index, "gazprom") == set()
    assert [s.path for s in index.update().skipped] == ["pipeline.txt"]  # still reported next time


def test_unwritable_cache_falls_back_to_a_temporary_index(tiny_corpus: Path, monkeypatch) -> None:
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "indexes" in self.parts:
            raise PermissionError(13, "Permission denied")
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    index = CorpusIndex(tiny_corpus).open()
    assert "cannot be written" in index.messages[0]
    index.update()
    assert docs_of(index, "gazprom") == {"pipeline.txt"}


def test_awkward_folder_indexes_every_readable_file(awkward_corpus: Path) -> None:
    index = CorpusIndex(awkward_corpus).open()
    report = index.update()
    skipped = {s.path: s.reason for s in report.skipped}
    assert set(skipped) >= {"empty.txt", "blank.txt", "gzipped.txt", ".hidden.txt", "picture.png"}
    for word, doc in [
        ("crème", "cp1252.txt"),
        ("muñoz", "latin1.txt"),
        ("naïve", "mixed.txt"),
        ("shoigu", "bom.txt"),
        ("rosneft", "utf16.txt"),
        ("iskander", "cr-only.txt"),
        ("tass", "crlf.txt"),
        ("needle", "long-line.txt"),
        ("rogozin", "nuls.txt"),
        ("wang", "html.txt"),
        ("karaganov", "bidi.txt"),
        ("trenin", "hostile.txt"),
        ("entente", "big.txt"),
        ("antonov", "sub/dir/nested.txt"),
    ]:
        assert docs_of(index, word) == {doc}, word


def test_many_threads_opening_a_fresh_index_at_once(tiny_corpus: Path, monkeypatch) -> None:
    """The reader's workers all reach for the index on launch; none may see it half-open."""
    import time

    from index.store import sidestore

    class SlowSideStore(sidestore.SideStore):
        def __init__(self, path: Path) -> None:
            time.sleep(0.05)  # widen the window in which another thread could see a half-open index
            super().__init__(path)

    monkeypatch.setattr("index.store.folder.SideStore", SlowSideStore)
    index = CorpusIndex(tiny_corpus)
    errors: list[BaseException] = []

    def use(delay: float) -> None:
        time.sleep(delay)  # staggered, so some threads arrive while another is half-way through opening
        try:
            index.documents()
            index.update()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=use, args=(i * 0.01,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert index.document_count() == 3


def test_an_update_with_nothing_to_do_takes_no_writer(tiny_corpus: Path, monkeypatch) -> None:
    index = CorpusIndex(tiny_corpus).open()
    index.update()

    def no_writer(*args: object, **kwargs: object) -> None:
        raise AssertionError("a writer was opened for nothing")

    monkeypatch.setattr(index.engine, "writer", no_writer)
    assert index.update().unchanged == 3


def test_a_build_gives_back_its_page_cache(tiny_corpus: Path) -> None:
    """A build batch uses a large SQLite page cache; the connection, which the reader keeps, returns to
    SQLite's default after it (the reader stays small at 10,000 documents)."""
    index = CorpusIndex(tiny_corpus)
    index.update()
    assert index.side._db().execute("PRAGMA cache_size").fetchone()[0] == -2000
