"""Opening a document's page: the core answers everything the document view shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from index.entities.summaries import group_mentions
from index.notes.bookmarks import bookmark_for
from index.reading import open_document
from index.store.corpus_index import CorpusIndex

DOC = "003_fbb29aa8b82af950.txt"


def test_a_page_holds_the_document_its_entities_citations_and_near_duplicates(seed_index: CorpusIndex) -> None:
    page = open_document(seed_index, DOC, passage=4)
    assert page is not None
    assert page.document == seed_index.document(DOC)
    assert page.passage == 4 and page.note == "" and page.marked == frozenset()
    assert list(page.entities) == group_mentions(seed_index.mentions(doc=DOC))
    assert any(e.name == "Sergei Shoigu" for e in page.entities)
    cited = Counter(source for _, _, source, _ in seed_index.citations(doc=DOC))
    assert dict(page.sources) == dict(cited)
    counts = [count for _, count in page.sources]
    assert counts == sorted(counts, reverse=True)  # most cited first
    assert page.duplicates == tuple(seed_index.near_duplicates(DOC))


def test_the_query_is_highlighted_across_the_whole_document(seed_index: CorpusIndex) -> None:
    page = open_document(seed_index, DOC, query="shoigu")
    assert page is not None and page.hit_spans
    text = page.document.text
    assert all(text[s.start : s.end].lower() == "shoigu" for s in page.hit_spans)
    assert len(page.hit_spans) == text.lower().count("shoigu")
    unasked = open_document(seed_index, DOC)
    assert unasked is not None and unasked.hit_spans == ()


def test_a_missing_document_has_no_page(seed_index: CorpusIndex) -> None:
    assert open_document(seed_index, "not-there.txt") is None


def test_bookmarks_of_this_document_and_corpus_are_placed(seed_index: CorpusIndex) -> None:
    document = seed_index.document(DOC)
    assert document is not None
    corpus = str(seed_index.corpus)
    mine = [bookmark_for(document, 2, corpus), bookmark_for(document, 7, corpus)]
    elsewhere = bookmark_for(document, 5, "/another/corpus")
    page = open_document(seed_index, DOC, bookmarks=[*mine, elsewhere])
    assert page is not None and page.marked == frozenset({2, 7})


def test_opening_a_bookmark_puts_the_page_where_its_passage_is_now(seed_index: CorpusIndex) -> None:
    document = seed_index.document(DOC)
    assert document is not None
    bookmark = bookmark_for(document, 6, str(seed_index.corpus))
    moved = replace(bookmark, passage=2)  # saved when the passage was the second: found by its id
    page = open_document(seed_index, DOC, passage=2, bookmark=moved)
    assert page is not None and page.passage == 6 and page.note == ""
    lost = replace(bookmark, pid="gone", text="A sentence this document never held, about nothing at all.")
    page = open_document(seed_index, DOC, passage=6, bookmark=lost)
    assert page is not None and page.passage == 6
    assert page.note == f"The bookmarked passage is no longer in {DOC}; showing ¶6."
    quote = bookmark.text
    edited = replace(
        bookmark, pid="gone", text=quote[: len(quote) // 2] + " (since revised) " + quote[len(quote) // 2 :]
    )
    page = open_document(seed_index, DOC, bookmark=edited)
    assert page is not None and page.passage == 6 and "the closest passage" in page.note
