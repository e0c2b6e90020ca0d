"""Raw search: the best passages of the best documents, documents ranked by the engine, passages found here.

The query is asked of the document (AND and NOT hold within it, as in the engine's ranking), then of
its passages: those that answer it alone are shown, or, when none does (`a AND b` in two
paragraphs), those that hold its words. A passage's score is its document's, scaled by how much of
the query it holds against the document's best passage; documents are read in rank order until no
unread one could place a passage in the first `limit` (a document's score bounds its passages').
Reading is bounded by `LOCATE_BUDGET`: past it, the counts are those of the documents read ("120+ passages").
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Sequence
from typing import NamedTuple

from index.engine.base import PassageLocator, PassageTerms, Query, Searcher, passages_of
from index.engine.entity_query import cached_entity_key
from index.model import Document
from index.search import term_views
from index.search.query import Asked, Searchable, ask
from index.search.term_views import Places

SPREAD_WEIGHT = 0.5  # a passage of a document whose words are spread over paragraphs, against one holding all
LOCATE_BUDGET = 1.0  # seconds one query may spend reading documents for passages; then "N+ passages"


class RawHit(NamedTuple):
    doc: str
    num: int
    score: float
    terms: frozenset[str]  # analysed terms of the text field that matched in this passage
    entities: frozenset[str] = frozenset()  # keys of the entities an entity-field query matched here
    text: str = ""  # the passage's text and its document's title, read once when the passage was found
    title: str = ""
    locator: str = ""  # where the passage stands in its file ("p. 12", a section)


class RawResults(NamedTuple):
    hits: list[RawHit]
    total: int  # matching passages; when not complete, those of the documents read (a lower bound)
    doc_counts: dict[str, int]  # matching passages per document, for the documents read
    error: str = ""
    note: str = ""  # e.g. the search ran out of time and these are partial
    documents: int = 0  # documents with a matching passage (when not complete: among those read)
    complete: bool = True  # every matching document was read, so the counts are exact


def search_raw(source: Searchable, text: str, limit: int = 20) -> RawResults:
    """Ranked passage hits for a query, at most `limit`, with per-document hit counts."""
    return find(source, ask(source, text), limit)


def find(source: Searchable, asked: Asked, limit: int) -> RawResults:
    """Ranked passage hits for a query already parsed."""
    if asked.error:
        return RawResults([], 0, {}, asked.error)
    parsed = asked.parsed
    if parsed is None or source.engine.is_empty(parsed):
        return RawResults([], 0, {})
    try:
        with source.open().engine.searcher() as searcher:
            return passage_hits(source, searcher, parsed, max(1, limit))
    except Exception as exc:
        from index.damage import IndexDamaged, damage_reason

        reason = damage_reason(exc)
        if reason:
            source.mark_damaged(reason)
            raise IndexDamaged(f"the index is damaged ({reason}); it is rebuilt at the next update") from exc
        return RawResults([], 0, {}, f"the search failed: {type(exc).__name__}: {exc}")


def passage_hits(source: Searchable, searcher: Searcher, parsed: Query, limit: int, skip_doc: str = "") -> RawResults:
    """The best passages of the best documents, read in rank order while one could still make the page."""
    started = time.monotonic()
    time_limit = source.time_limit
    asked = searcher.locator(parsed)
    places = Places(searcher, asked.text_terms)
    wanted_docs = limit + 8
    hits: list[RawHit] = []
    best: list[float] = []  # the `limit` best passage scores so far, a heap (sorting all per document: quadratic)
    doc_counts: dict[str, int] = {}
    located = 0
    note = ""
    locating = 0.0
    timed_out = False  # the engine's ranking stopped at its time limit: unranked documents may match
    while True:
        ranked = searcher.rank(parsed, wanted_docs, time_limit)
        if ranked.timed_out:
            timed_out = True
            note = f"the search stopped after {time_limit:g} s; these are the hits found by then"
        if ranked.note and ranked.note not in note:
            timed_out = True  # not every matching document could be ranked: the counts are a lower bound
            note = "; ".join(part for part in (note, ranked.note) if part)
        matching_docs = ranked.matching
        # The budget counts from the first ranking: a broad query that took a second to rank (`*` on
        # 3,000 documents) still reads its best documents, instead of answering nothing.
        locating = locating or time.monotonic()
        upcoming = [doc for doc, _ in ranked.hits]
        for doc, doc_score in ranked.hits[located:]:
            if len(best) >= limit and best[0] >= doc_score:
                break  # no passage of this document or any after it could make the page
            if time.monotonic() - locating > LOCATE_BUDGET:
                # words everywhere, the phrase or the passage with all of them rare: say so
                note = note or f"passages were looked for for {LOCATE_BUDGET:g} s; these are the ones found by then"
                break
            located += 1
            if doc == skip_doc:
                continue
            found = _locate(source, asked, doc, doc_score, places, upcoming[located:])
            if found:
                doc_counts[doc] = len(found)
                hits += found
                for hit in found:
                    (heapq.heappush if len(best) < limit else heapq.heappushpop)(best, hit.score)
        else:
            more = len(ranked.hits) == wanted_docs < matching_docs
            if more and not note and time.monotonic() - started < time_limit:
                wanted_docs *= 4  # every document read so far could still be beaten: read more
                continue
        break
    hits.sort(key=lambda h: (-h.score, h.doc, h.num))
    # Unread documents matched the query's words, not necessarily within one passage: the counts
    # are what the documents read hold, exact only when every matching document was read.
    complete = located >= matching_docs and not timed_out
    total, documents = sum(doc_counts.values()), len(doc_counts)
    return RawResults(hits[:limit], total, doc_counts, note=note, documents=documents, complete=complete)


def _locate(
    source: Searchable, asked: PassageLocator, doc: str, doc_score: float, places: Places, upcoming: list[str]
) -> list[RawHit]:
    """The passages of one document that answer the query, scored."""
    views, fields, document = document_views(source, asked, doc, places, upcoming)
    if not views or not asked.answers(_whole(views, asked.slop), fields):
        return []  # the query is asked of the document: `a NOT b` leaves out a document holding b anywhere
    answering = [(view, asked.score(view)) for view in views if asked.answers(view, fields)]
    weight = 1.0
    if not answering:
        # No single passage answers: `a AND b` with a in one paragraph and b in another. The passages
        # holding the query's words are what the document shows, below passages that hold it all.
        answering = [(view, score) for view in views if asked.matched_terms(view) and (score := asked.score(view))]
        weight = SPREAD_WEIGHT
    document = document or source.side.document(doc)  # read only now: a document that cannot answer is not
    if document is None:
        return []  # the index is mid-update; this document's text is not committed yet
    passages = document.passages
    if asked.exact:  # stop words inside a phrase, checked in the passage's own text
        answering = [
            (view, score)
            for view, score in answering
            if view.number <= len(passages)
            and all(p.search(document.passage_text(passages[view.number - 1])) for p in asked.exact)
        ]
    best = max((score for _, score in answering), default=0.0) or 1.0
    return [
        RawHit(
            doc,
            view.number,
            weight * doc_score * (0.5 + 0.5 * score / best),
            asked.matched_terms(view),
            frozenset(asked.keys & view.keys),
            document.passage_text(passages[view.number - 1]),
            document.meta.title,
            passages[view.number - 1].locator,
        )
        for view, score in answering
        if view.number <= len(passages)  # mid-update, the runs may be a newer text's
    ]


_EMPTY = PassageTerms(0, [])


def document_views(
    source: Searchable, asked: PassageLocator, doc: str, places: Places | None, upcoming: Sequence[str] = ()
) -> tuple[list[PassageTerms], dict[str, list[str]], Document | None]:
    """The passages of a document as the query sees them, the analysed terms of its fields, and the
    document when it had to be read.

    With places, the views are built from where the query's terms stand (`index.search.term_views`):
    no passage text is read or analysed. Without (or for a document indexed before its passages' term
    runs were kept) every passage is analysed.
    """
    spans = source.side.passage_spans(doc) if places is not None else None
    document = None
    if spans is None or asked.document_fields:
        document = source.side.document(doc)
        if document is None:
            return [], {}, None
        if spans is not None and len(spans) != 2 * len(document.passages):
            spans = None  # mid-update: the runs are another text's
    keys = _keys_of(source, asked, doc)
    fields = _fields_of(source, asked, document) if document is not None else {}
    if spans is None or places is None:
        assert document is not None
        places_of = ((p.number, p.start, p.end) for p in document.passages)
        return passages_of(document.text, places_of, source.engine.text_terms_only, keys), fields, document
    every = asked.answers(_EMPTY, fields)  # a passage holding none of its terms answers (`NOT a`, `title:x`)
    return term_views.views(spans, places.of(doc, upcoming), keys, asked, every), fields, document


def _keys_of(source: Searchable, asked: PassageLocator, doc: str) -> dict[int, set[str]]:
    """The keys of the entities each passage names, when the query asks for one."""
    keys: dict[int, set[str]] = {}
    if asked.keys:
        names = source.engine.name_analyzer()
        for number, kind, name in source.side.passage_entities_of(doc):
            keys.setdefault(number, set()).add(cached_entity_key(kind, name, names))
    return keys


def _fields_of(source: Searchable, asked: PassageLocator, document: Document) -> dict[str, list[str]]:
    """The analysed terms of the document's fields, when the query asks about one."""
    if not asked.document_fields:
        return {}
    engine = source.engine
    names = engine.name_analyzer()
    meta = document.meta
    return {
        "title": engine.text_terms_only(meta.title),
        "publication": [t.text for t in names(meta.publication)],
        "author": [t.text for t in names(meta.author)],
        "published": [meta.published],
        "doc": [document.doc],
    }


_PASSAGE_BREAK = "\x00"  # between passages in a document's whole view: no phrase runs across it


def _whole(views: list[PassageTerms], slop: int) -> PassageTerms:
    """The document as one passage, to ask whether it answers the query as a whole; a break as wide as
    the widest phrase allows between passages (one break let `"gas price"~3` run from one to the next)."""
    terms: list[str] = []
    keys: set[str] = set()
    for view in views:
        terms += view.terms
        terms += [_PASSAGE_BREAK] * slop
        keys |= view.keys
    return PassageTerms(0, terms, keys)
