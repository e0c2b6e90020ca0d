"""A document's passages as a query sees them, built from where the query's terms stand in it.

Analysing every passage of a book to answer one query cost ~0.25 s a document (Moby-Dick: 3,226
passages, 151,000 terms), on every query, whether or not the document could answer. Instead, the
engine gives the places of the query's own terms in each document read (its positions, one posting
list a term) and the side store each passage's run of term numbers (`index.store.passage_terms`):
a passage holding none of the query's terms is, to the query, an empty passage, and the passages
holding some are their terms at their places, with what stands between them shown as gaps. Phrases,
AND, NOT, prefixes and fuzzy words are then asked of these views exactly as of the analysed passages
(a test holds the two equal), and what it costs grows with the query terms' occurrences in the
document, not with its length; a document whose terms never stand as the phrase asks is left
without reading its text.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence

from index.engine.base import PassageLocator, PassageTerms, Searcher

GAP = " "  # stands for a term the query does not name: no term holds a space
FIRST_BATCH = 16  # documents whose places are fetched at once; doubling, as reading goes on
MAX_BATCH = 256


class Places:
    """The places of one query's terms in the documents ranked, fetched a batch of documents at a time
    (each batch walks each term's postings once)."""

    def __init__(self, searcher: Searcher, terms: frozenset[str]) -> None:
        self._searcher = searcher
        self._terms = sorted(terms)
        self._found: dict[str, dict[str, Sequence[int]]] = {}
        self._batch = FIRST_BATCH

    def of(self, doc: str, upcoming: Sequence[str] = ()) -> dict[str, Sequence[int]]:
        """Where the terms stand in doc; upcoming: the documents likely read next, fetched with it."""
        found = self._found.get(doc)
        if found is None:
            docs = [doc, *(d for d in upcoming[: self._batch] if d != doc and d not in self._found)]
            self._found.update(self._searcher.places(docs, self._terms))
            self._batch = min(MAX_BATCH, self._batch * 2)
            found = self._found.setdefault(doc, {})
        return found


def views(
    spans: array[int],
    places: dict[str, Sequence[int]],
    keys: dict[int, set[str]],
    asked: PassageLocator,
    every: bool,
) -> list[PassageTerms]:
    """The passages the query could tell from an empty one (every passage when `every`: an empty one
    answers it), in order; spans: the passages' flat [start, end ...] term runs."""
    starts = spans[0::2]
    held: dict[int, list[str]] = {}
    last: dict[int, int] = {}
    slop = asked.slop
    for place, term in sorted((place, term) for term, found in places.items() for place in found):
        index = bisect.bisect_right(starts, place) - 1
        if index < 0 or place >= spans[2 * index + 1]:
            continue  # between passages: no passage holds it
        number = index + 1
        terms = held.get(number)
        if terms is None:
            terms = held[number] = []
        elif (gap := place - last[number] - 1) > 0:
            # A gap wider than any phrase allows stands as exactly that wide: nothing reaches across it
            terms.extend([GAP] * min(gap, slop))
        terms.append(term)
        last[number] = place
    numbers = range(1, len(starts) + 1) if every else sorted(held.keys() | keys.keys())
    return [PassageTerms(n, held.get(n, []), keys.get(n, set())) for n in numbers if n <= len(starts)]
