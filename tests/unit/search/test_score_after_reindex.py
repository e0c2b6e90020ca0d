"""A passage's share of the query must not turn negative once documents were re-indexed: Whoosh
counts a replaced document's postings until its segment merges, and rarity measured against the
live documents alone went below zero, ranking the passage with fewer query words first."""

from __future__ import annotations

from pathlib import Path

from index.search.results import search
from index.search.why import explain
from index.store.corpus_index import CorpusIndex
from tests.conftest import write


def test_weights_stay_positive_after_documents_are_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    for n in range(3):
        write(folder, f"d{n}.txt", f"Note {n}\n\nPutin spoke.\n\nPutin met Putin's guest, Putin said.\n")
    index = CorpusIndex(folder, location=tmp_path / "ix").open()
    index.update()
    for n in range(3):
        write(folder, f"d{n}.txt", f"Note {n} again\n\nPutin spoke.\n\nPutin met Putin's guest, Putin said.\n")
    index.update()
    result = search(index, "putin", limit=10)
    whys = explain(index, "putin", result.hits)
    assert all(w is not None and w.matches[0].weight > 0 for w in whys)
    best = result.hits[0]
    assert best.passage == 3  # the passage naming Putin three times, before the one naming him once
