"""Whoosh's side of a query: the query language (parse, bound, read back the terms) and the searcher.

The searcher ranks documents by the query less its NOTs (`index.engine.locate.document_query`),
with BM25F from length tables (`index.engine.ranking`), in one pass that also counts them and
stops at a time limit; the caller finds the passages with the searcher's `locator`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import Any

from whoosh import collectors, qparser, query, reading

from index.engine.base import DocumentHit, Query, Ranked
from index.engine.entity_query import QUERY_FIELDS
from index.engine.locate import PassageQuery, document_query, expanded_words
from index.engine.ranking import TableBM25F
from index.engine.schema import build_schema

MAX_FUZZY = 2
# A wildcard, prefix or fuzzy word stands for at most this many words, its commonest: `*a*` on 18 real
# files stood for 6,845, and building their matchers alone took 1.5 s of a 5 s search.
MAX_EXPANSION = 512


def query_parser() -> Any:
    parser = qparser.QueryParser("text", build_schema())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    return parser


def parse(parser: Any, text: str) -> Query:
    """A Whoosh query for the text, its fuzzy distances bounded; ValueError with a readable message."""
    try:
        parsed = parser.parse(text)
    except Exception as exc:
        raise ValueError(f"could not read the query: {exc}") from None
    _keep_written(parsed, text)
    return _bounded(parsed)


def _keep_written(node: Any, text: str) -> None:
    """Each phrase keeps the words as typed, stop words included (`locate.exact_phrases` reads them)."""
    if isinstance(node, query.Phrase) and node.char_ranges:
        node.written = text[node.char_ranges[0][0] : node.char_ranges[-1][1]]  # type: ignore[attr-defined]
    for child in node.children() if hasattr(node, "children") else ():
        _keep_written(child, text)


def _bounded(parsed: Any) -> Any:
    """Clamp what could make one query run for long: wide fuzzy distances."""
    if isinstance(parsed, query.FuzzyTerm) and parsed.maxdist > MAX_FUZZY:
        parsed.maxdist = MAX_FUZZY
    for child in parsed.children() if hasattr(parsed, "children") else ():
        _bounded(child)
    return parsed


# What a word stood for, by index generation: the search, then "why this hit", then the next
# keystroke's search each open a searcher, and expanding `*a*` with its frequencies costs ~0.5 s.
_EXPANSIONS: dict[tuple[object, ...], tuple[int, list[str]] | None] = {}


def _capped(node: Any, reader: Any, notes: list[str], scope: object = None) -> Any:
    stars = isinstance(node, query.Wildcard) and set(str(node.text)) == {"*"}  # `*****`: the same as `*`
    if (isinstance(node, query.Every) or stars) and getattr(node, "fieldname", None) == "text":
        # `*`: every document has text, and Whoosh would read the postings of every word to find
        # them (7.3 s on 18 books, past the time limit with nothing ranked).
        return query.Every(boost=getattr(node, "boost", 1.0))
    if isinstance(node, query.MultiTerm) and not isinstance(node, query.Every):
        field = getattr(node, "fieldname", "text")
        key = (scope, reader.generation(), type(node).__name__, str(node), getattr(node, "maxdist", 0), MAX_EXPANSION)
        if key not in _EXPANSIONS:
            words = sorted(expanded_words(node, reader))
            _EXPANSIONS[key] = (
                (len(words), heapq.nlargest(MAX_EXPANSION, words, key=lambda text: reader.doc_frequency(field, text)))
                if len(words) > MAX_EXPANSION
                else None
            )
            if len(_EXPANSIONS) > 64:
                _EXPANSIONS.pop(next(iter(_EXPANSIONS)))
        cut = _EXPANSIONS[key]
        if cut is None:
            return node
        count, commonest = cut
        notes.append(f"{_shown(node)} stood for {count:,} words; its {MAX_EXPANSION} commonest were searched")
        terms = [query.Term(field, text) for text in commonest]
        return query.Or(terms, boost=getattr(node, "boost", 1.0))
    if isinstance(node, (query.compound.CompoundQuery, query.Not, query.BinaryQuery)):
        return node.apply(lambda child: _capped(child, reader, notes, scope))
    return node


def _shown(node: Any) -> str:
    """The word as the query wrote it: `*a*`, `sibe*`, `person:shoig*`, `[a TO z]`."""
    written = str(node)
    return written.removeprefix("text:")


def asks_entities(parsed: Any) -> bool:
    if getattr(parsed, "fieldname", None) in QUERY_FIELDS:
        return True
    return any(asks_entities(child) for child in (parsed.children() if hasattr(parsed, "children") else ()))


def is_empty(parsed: Any) -> bool:
    return parsed is query.NullQuery or isinstance(parsed, query.NullQuery.__class__)


def highlight_terms(parsed: Any) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    phrases: list[tuple[str, ...]] = []
    alone: set[str] = set()
    _collect_terms(parsed, alone, phrases)
    return frozenset(alone), tuple(phrases)


def _collect_terms(parsed: Any, alone: set[str], phrases: list[tuple[str, ...]]) -> None:
    if isinstance(parsed, query.Phrase):
        if parsed.fieldname == "text":
            phrases.append(tuple(str(w) for w in parsed.words))
        return
    if isinstance(parsed, query.Not):
        return
    if isinstance(parsed, query.Term) and parsed.fieldname == "text":
        alone.add(str(parsed.text))
        return
    for child in parsed.children() if hasattr(parsed, "children") else ():
        _collect_terms(child, alone, phrases)


class WhooshSearcher:
    """One Whoosh searcher ranking by BM25F with document lengths read from a table (`index.engine.ranking`)."""

    def __init__(self, ix: Any) -> None:
        self._searcher = ix.searcher(weighting=TableBM25F())
        self._docnums: dict[str, int] = {}  # of the documents ranked, for `places`
        self._capped: dict[int, tuple[Any, Any, str]] = {}  # id(parsed) -> (parsed, capped, note)
        self._scope = str(getattr(getattr(ix, "storage", None), "folder", id(ix)))  # which index: the cache's key

    def __enter__(self) -> WhooshSearcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self._searcher.close()

    def rank(self, parsed: Query, limit: int, time_limit: float) -> Ranked:
        # One pass that also counts: skipping blocks by quality saves little on news-like text, and
        # then counting the matches would run the whole query a second time.
        collector = self._searcher.collector(limit=limit, optimize=False)
        # Bounded: a query over everything on a big corpus stops with what it has. No alarm
        # signal: searches run in worker threads, where only a time check works.
        timed = collectors.TimeLimitCollector(collector, timelimit=time_limit, use_alarm=False)
        timed_out = False
        try:
            self._searcher.search_with_collector(document_query(self._bounded(parsed)), timed)
        except collectors.TimeLimit:
            timed_out = True
        hits = []
        for hit in timed.results():
            doc = hit["doc"]
            self._docnums[doc] = hit.docnum
            hits.append(DocumentHit(doc, float(hit.score or 0.0)))
        return Ranked(hits, len(timed.results()), timed_out, self._capped[id(parsed)][2])

    def locator(self, parsed: Query) -> PassageQuery:
        return PassageQuery(self._bounded(parsed), self._searcher.reader())

    def _bounded(self, parsed: Any) -> Any:
        """The query with each word that stands for too many words cut to its commonest, once per
        query (ranking and passages must ask the same thing)."""
        known = self._capped.get(id(parsed))
        if known is None or known[0] is not parsed:
            notes: list[str] = []
            known = (parsed, _capped(parsed, self._searcher.reader(), notes, self._scope), "; ".join(notes))
            self._capped[id(parsed)] = known
        return known[1]

    def places(self, docs: Sequence[str], terms: Iterable[str]) -> dict[str, dict[str, Sequence[int]]]:
        # One posting list a term, walked forward over the documents in index order: what it costs is
        # the terms and the postings skipped to, not the documents' length (positions are Whoosh's own).
        found: dict[str, dict[str, Sequence[int]]] = {doc: {} for doc in docs}
        wanted = []
        for doc in docs:
            docnum = self._docnums.get(doc)
            if docnum is None:
                docnum = self._searcher.document_number(doc=doc)
            if docnum is not None:
                wanted.append((docnum, doc))
        wanted.sort()
        reader = self._searcher.reader()
        for term in terms:
            try:
                matcher = reader.postings("text", term)
            except reading.TermNotFound:
                continue
            for docnum, doc in wanted:
                if not matcher.is_active():
                    break
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                if matcher.is_active() and matcher.id() == docnum:
                    found[doc][term] = matcher.value_as("positions")
        return found

    def like(self, text: str) -> Query | None:
        key_terms = [t for t, _ in self._searcher.key_terms_from_text("text", text, numterms=12) if len(t) > 2]
        return query.Or([query.Term("text", t) for t in key_terms]) if key_terms else None

    def document_count(self) -> int:
        return int(self._searcher.doc_count())
