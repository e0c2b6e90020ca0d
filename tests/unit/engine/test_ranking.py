"""`index.ranking`: Whoosh's BM25F with document lengths from a table gives Whoosh's own scores."""

from __future__ import annotations

import shutil
from pathlib import Path

from whoosh import scoring

from index.engine import ranking
from index.engine.locate import document_query
from index.store.corpus_index import CorpusIndex
from tests.conftest import SEEDS

QUERIES = ["russia", "china russia", "putin xi", '"power of siberia"', "energy NOT gas", "s-400", "blagoveshchensk"]


def ranked(index: CorpusIndex, weighting: scoring.WeightingModel, text: str) -> list[tuple[int, float]]:
    with index.open().engine.ix.searcher(weighting=weighting) as searcher:
        return [(hit.docnum, hit.score) for hit in searcher.search(document_query(index.parse(text)), limit=None)]


def test_the_same_documents_and_the_same_scores_as_whoosh_over_several_segments(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    index = CorpusIndex(corpus, location=tmp_path / "index").open()
    index.update()
    # a second segment, and a document without text: tables are per segment, and a missing length is no error
    for number in range(6):
        (corpus / f"more{number}.txt").write_text(f"Russia and China, note {number}: Putin met Xi.", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    index.update()
    assert len(index.open().engine.ix.reader().leaf_readers()) > 1
    ranking._TABLES.clear()
    for text in QUERIES:
        assert ranked(index, ranking.TableBM25F(), text) == ranked(index, scoring.BM25F(), text), text
    assert ranking._TABLES  # the common words were scored from tables, not by Whoosh's own scorer
