"""The reader's jobs are functions of their arguments: called with no app and no screen, they post
their answers, so no job can read screen state or build a widget from its thread."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from index.notes.bookmarks import BookmarkFile, bookmark_for
from index.store.corpus_index import CorpusIndex
from tui import workers
from tui.messages import DocumentGone, DocumentLoaded, DuplicatesCompared, SearchFinished, XrefsFound

DOC = "003_fbb29aa8b82af950.txt"


def test_jobs_post_their_answers_without_a_screen(seed_index: CorpusIndex, tmp_path: Path) -> None:
    posted: list[Message] = []
    bookmarks = BookmarkFile(tmp_path / "bookmarks.md")
    workers.run_search(seed_index, "shoigu", False, 0.5, 1, posted.append)
    workers.load_page(seed_index, DOC, 3, "shoigu", (), bookmarks, None, 0.5, False, 2, posted.append)
    search, loaded = posted
    assert isinstance(search, SearchFinished) and search.result.total and search.request == 1
    assert isinstance(loaded, DocumentLoaded) and loaded.request == 2
    assert loaded.page.document.doc == DOC and loaded.page.passage == 3 and loaded.page.hit_spans
    entity = next(e for e in loaded.page.entities if e.name == "Sergei Shoigu")
    workers.find_entity_refs(seed_index, entity, DOC, 3, posted.append)
    xrefs = posted[-1]
    assert isinstance(xrefs, XrefsFound) and xrefs.entries and all(e.doc != DOC for e in xrefs.entries)


def test_a_comparison_is_posted_and_a_lost_bookmark_said(seed_index: CorpusIndex, tmp_path: Path) -> None:
    posted: list[Message] = []
    docs = [s.doc for s in seed_index.documents()]
    workers.compare(seed_index, docs[0], docs[1], posted.append)
    assert isinstance(posted[-1], DuplicatesCompared)
    document = seed_index.document(DOC)
    assert document is not None
    bookmark = bookmark_for(document, 1, str(seed_index.corpus))
    bookmarks = BookmarkFile(tmp_path / "bookmarks.md")
    workers.load_page(seed_index, "gone.txt", 1, "", (), bookmarks, bookmark, 0.5, False, 1, posted.append)
    assert isinstance(posted[-1], DocumentGone) and posted[-1].doc == "gone.txt"
