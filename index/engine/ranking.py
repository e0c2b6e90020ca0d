"""BM25F as Whoosh computes it, with each document's length term looked up in a table.

Whoosh's BM25F scorer asks the segment for a document's field length at every posting it scores:
a column read and a byte decode, about a quarter of the time a common query spends ranking
documents. A word in half of the corpus is scored for thousands of documents, so here the length
part of the BM25 denominator, `K1 * ((1 - B) + B * length / avgfl)`, is worked out once per segment
and field, with the very operations Whoosh uses, and kept between searches: segments never change
once written, and a new average length (after an update) makes a new table. Scores are the same
floats as Whoosh's; rarer words keep Whoosh's own scorer, since a table would cost more than it saves.

What it pays, measured 2026-12-02 on 2 cores (shared with other work), 2,000 documents of `bench/run.py`'s
corpus, its common-term queries (string to first screenful): p50 and p95 16-17 % lower than with Whoosh's
BM25F (the median ratio of 35 interleaved pairs of processes); alternated query by query in one process,
12.1 ms CPU at p50 and 18.1 at p95 against 14.7 and 23.1; ranking alone 2.5 ms against 5.9.

Imported where a searcher is opened, never at start-up: it needs Whoosh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from whoosh import scoring

_TABLES: OrderedDict[tuple[str, str, float, float, float], list[float]] = OrderedDict()
_KEPT_TABLES = 32  # a segment of 10,000 documents costs ~300 KB a table
_TABLES_LOCK = threading.Lock()  # searches run in worker threads


class _TableScorer(scoring.BaseScorer):
    def __init__(self, idf: float, k1: float, denominators: list[float], max_quality: float) -> None:
        self.idf = idf
        self.k1_plus_1 = k1 + 1
        self.denominators = denominators
        self._max_quality = max_quality

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return self._max_quality

    def score(self, matcher: Any) -> float:
        tf = matcher.weight()
        # scoring.bm25 with its length term precomputed: the same operations in the same order
        return self.idf * ((tf * self.k1_plus_1) / (tf + self.denominators[matcher.id()]))


class TableBM25F(scoring.BM25F):
    """Whoosh's BM25F (same parameters, same scores), faster on words found in many documents."""

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> Any:
        reader = searcher.reader()
        segment = reader.segment() if reader.is_atomic() else None
        if segment is None or not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf)
        parent = searcher.get_parent()  # statistics are the whole index's, as in BM25FScorer
        avgfl = parent.avg_field_length(fieldname) or 1
        b, k1 = self._field_B.get(fieldname, self.B), self.K1
        key = (segment.segment_id(), fieldname, float(avgfl), b, k1)
        with _TABLES_LOCK:
            denominators = _TABLES.get(key)
            if denominators is not None:
                _TABLES.move_to_end(key)
        if denominators is None:
            size = reader.doc_count_all()
            if searcher.doc_frequency(fieldname, text) * 2 < size:
                return super().scorer(searcher, fieldname, text, qf)  # a rare word: no table yet
            # A document without the field is never scored; Whoosh reads its length as None.
            denominators = [
                k1 * ((1 - b) + b * (searcher.doc_field_length(docnum, fieldname, 1) or 1) / avgfl)
                for docnum in range(size)
            ]
            with _TABLES_LOCK:
                _TABLES[key] = denominators
                while len(_TABLES) > _KEPT_TABLES:
                    _TABLES.popitem(last=False)
        idf = parent.idf(fieldname, text)
        info = searcher.term_info(fieldname, text)
        best = scoring.bm25(idf, info.max_weight(), info.min_length(), avgfl, b, k1)
        return _TableScorer(idf, k1, denominators, best)
