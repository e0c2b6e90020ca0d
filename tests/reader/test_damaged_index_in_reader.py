"""The reader's search on a damaged index: a message, not a failed worker; its next update rebuilds."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tui import workers
from tui.messages import SearchFinished


def test_a_search_on_a_damaged_index_says_so_and_the_next_update_mends_it(tiny_corpus: Path) -> None:
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    for postings in (index.location / "whoosh").glob("*.pst"):
        with open(postings, "r+b") as handle:
            handle.truncate(postings.stat().st_size // 3)
    posted: list[Message] = []
    workers.run_search(index, "gazprom", False, 0.5, 1, posted.append)
    [finished] = posted
    assert isinstance(finished, SearchFinished) and "damaged" in finished.result.error
    report = index.update()
    assert report.indexed == 3 and "found damaged" in report.message
    assert {h.doc for h in search(index, "gazprom").hits} == {"pipeline.txt"}
