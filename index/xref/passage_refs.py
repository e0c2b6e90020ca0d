"""Passages as cross-reference lists show them: a line of one passage, the passages citing a source,
the passages most like one passage. Every list is of `XrefEntry` records, for the reader and the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from index.model import XrefEntry
from index.search.results import around

if TYPE_CHECKING:
    from index.store.corpus_index import CorpusIndex

SNIPPET_WIDTH = 140  # characters of a passage a cross-reference list shows


def document_titles(index: CorpusIndex) -> dict[str, str]:
    """Document id -> title ("" for a document without one)."""
    return {s.doc: s.meta.title for s in index.documents()}


def passage_texts(index: CorpusIndex, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """(doc, passage number) -> that passage's text, for the keys still indexed."""
    return {key: text for key, (text, _title) in index.side.passage_texts(keys).items()}


def passage_snippet(index: CorpusIndex, doc: str, passage: int, needle: str = "", width: int = SNIPPET_WIDTH) -> str:
    """One line of a passage around the first occurrence of needle ("" for a passage not indexed)."""
    return around(passage_texts(index, [(doc, passage)]).get((doc, passage), ""), needle, width=width)


def citing_passages(index: CorpusIndex, source: str, width: int = SNIPPET_WIDTH) -> list[XrefEntry]:
    """Every passage citing a source (any case), once each, in document order, around the citation's date."""
    first_date: dict[tuple[str, int], str] = {}
    for doc, passage, _cited, date in index.citations(source=source):
        first_date.setdefault((doc, passage), date)
    texts = passage_texts(index, first_date)
    titles = document_titles(index)
    return [
        XrefEntry(doc, titles.get(doc, ""), passage, around(texts.get((doc, passage), ""), date, width=width))
        for (doc, passage), date in first_date.items()
    ]


def related_passages(index: CorpusIndex, doc: str, passage: int, limit: int = 15) -> list[XrefEntry]:
    """Passages of other documents most like this one, best first, each with the terms they share."""
    titles = document_titles(index)
    return [
        XrefEntry(other, titles.get(other, ""), number, "shared: " + ", ".join(reasons[:8]))
        for other, number, _score, reasons in index.related(doc, passage, limit=limit)
    ]
