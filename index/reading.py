"""Opening one document for reading: everything its view shows, answered by the core in one record.

The reader shows a `DocumentPage` as it is: the text and passages, the entities grouped, the passages
that hold a bookmark, near-duplicates, the sources it cites and where the query matches it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from index.entities.summaries import EntitySummary, group_mentions
from index.model import Document, Span
from index.notes.bookmarks import anchor_in

if TYPE_CHECKING:
    from index.notes.bookmarks import Bookmark
    from index.store.corpus_index import CorpusIndex


class DocumentPage(NamedTuple):
    """One document as its view shows it."""

    document: Document
    passage: int | None  # the passage to show: the one asked for, or where the bookmark is now
    hit_spans: tuple[Span, ...]  # where the query matches, offsets into the document text
    entities: tuple[EntitySummary, ...]  # grouped by entity, ordered by type, then most mentioned
    marked: frozenset[int]  # passage numbers that hold a bookmark
    duplicates: tuple[tuple[str, float], ...]  # (doc, containment) of near-duplicate documents
    sources: tuple[tuple[str, int], ...]  # (outlet, citations) this document cites, most cited first
    note: str = ""  # something to tell the reader, e.g. a bookmark that could not be found again


def open_document(
    index: CorpusIndex,
    doc: str,
    passage: int | None = None,
    query: str = "",
    terms: Iterable[str] = (),
    bookmarks: Iterable[Bookmark] = (),
    bookmark: Bookmark | None = None,
    threshold: float | None = None,
) -> DocumentPage | None:
    """A document's page, None when the document is not in the index.

    `terms` are the analysed terms of the search that led here (highlighted with the query's own);
    `bookmarks` are placed on the passages they anchor to; opening `bookmark` puts the page at its
    passage as it is now; `threshold` is the containment from which a document is a near-duplicate.
    """
    document = index.document(doc)
    if document is None:
        return None
    note = ""
    if bookmark is not None:
        passage, note = reanchor(bookmark, document)
    cited = Counter(source for _, _, source, _ in index.citations(doc=doc))
    return DocumentPage(
        document=document,
        passage=passage,
        hit_spans=tuple(query_spans(index, document, query, terms)),
        entities=tuple(group_mentions(index.mentions(doc=doc))),
        marked=placed_bookmarks(document, bookmarks, str(index.corpus)),
        duplicates=tuple(index.near_duplicates(doc, threshold)),
        sources=tuple(sorted(cited.items(), key=lambda sc: (-sc[1], sc[0].lower()))),
        note=note,
    )


def reanchor(bookmark: Bookmark, document: Document) -> tuple[int, str]:
    """The passage a bookmark points at now, and what to tell the reader when it had to move."""
    found = anchor_in(bookmark, document)
    passage = found.passage or bookmark.passage
    if found.status == "lost":
        return passage, f"The bookmarked passage is no longer in {document.doc}; showing ¶{passage}."
    if found.status == "edited":
        return passage, f"The document changed; the bookmark now points at ¶{passage}, the closest passage."
    return passage, ""


def placed_bookmarks(document: Document, bookmarks: Iterable[Bookmark], corpus: str) -> frozenset[int]:
    """Passages of this document that hold one of the bookmarks, found again by their anchors."""
    found = (anchor_in(b, document).passage for b in bookmarks if b.doc == document.doc and b.corpus == corpus)
    return frozenset(n for n in found if n is not None)


def query_spans(index: CorpusIndex, document: Document, query: str, terms: Iterable[str] = ()) -> list[Span]:
    """Where a query matches the document, passage by passage, as offsets into the document text."""
    if not query:
        return []
    plan = index.highlight_plan(query)
    wanted = set(terms) | plan.alone
    spans: list[Span] = []
    for p in document.passages:
        spans.extend(
            Span(s.start + p.start, s.end + p.start) for s in index.spans(document.passage_text(p), wanted, plan)
        )
    return spans
