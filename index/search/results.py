"""Queries to results a person reads: ranked passage hits with snippets, highlight spans, "did you mean".

`search` reads the query once (`index.search.query`), finds the passages (`index.search.passages`,
which asks the engine) and marks them (`index.search.highlight`); the index is only its source.
"""

from __future__ import annotations

import re

from index.model import Hit, SearchResult, Span
from index.search import highlight, passages
from index.search.query import Searchable, ask
from index.tokens import STOP_WORDS, TOKEN_RE
from index.xref.queries import near_duplicates

SNIPPET_CHARS = 240
_SYNTAX_WORDS = {"and", "or", "not", "to"}


def snippet(text: str, spans: list[Span], width: int = SNIPPET_CHARS) -> tuple[str, tuple[Span, ...], int]:
    """A window of the passage around its first highlight; spans moved into the window.

    Returns (snippet, spans in snippet, offset of the window in the passage).
    """
    flat = " ".join(text.split("\n"))
    if len(flat) <= width:
        return flat, tuple(spans), 0
    first = spans[0].start if spans else 0
    start = max(0, first - width // 4)
    if start:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    inside = tuple(Span(s.start + shift, s.end + shift) for s in spans if s.start >= start and s.end <= end)
    return prefix + flat[start:end] + suffix, inside, start


def around(text: str, needle: str, width: int = 140) -> str:
    """One line of text around the first occurrence of needle (any case), with … where cut."""
    flat = " ".join(text.split())
    at = flat.lower().find(needle.lower()) if needle else -1
    start = max(0, at - width // 3) if at > 0 else 0
    return ("…" if start else "") + flat[start : start + width] + ("…" if start + width < len(flat) else "")


def search(index: Searchable, query: str, limit: int = 20) -> SearchResult:
    asked = ask(index, query)
    raw = passages.find(index, asked, limit)
    if raw.error:
        return SearchResult(query, (), 0, error=raw.error)
    engine = index.engine
    plan = highlight.plan_of(engine, asked.parsed)
    hits = []
    all_terms: set[str] = set()
    for raw_hit in raw.hits:
        text, title = raw_hit.text, raw_hit.title  # read when the passage was found: not read again
        all_terms |= raw_hit.terms
        marked = highlight.spans(engine, text, raw_hit.terms, plan) + highlight.entity_spans(
            index, raw_hit.doc, raw_hit.num, raw_hit.entities
        )
        shown, spans, offset = snippet(text, sorted(set(marked), key=lambda s: (s.start, s.end)))
        hits.append(
            Hit(
                raw_hit.doc,
                raw_hit.num,
                raw_hit.score,
                shown,
                spans,
                title,
                raw.doc_counts.get(raw_hit.doc, 1),
                offset,
                raw_hit.locator,
            )
        )
    # A search that ran out of time or cut a wildcard found nothing for that reason, not for a
    # misspelling: checking the suggestion would run it all again (6.6 s of a 13 s fuzzed query).
    suggestion = suggest(index, query) if not raw.total and raw.complete and query.strip() else ""
    return SearchResult(
        query,
        tuple(hits),
        raw.total,
        raw.documents,
        suggestion,
        terms=tuple(sorted(all_terms)),
        note=raw.note,
        complete=raw.complete,
    )


_WORD_IN_QUERY = re.compile(r'(?<![\w:*~"])([^\W\d_]{2,})(?![\w:*~(])')


def suggest(index: Searchable, query: str) -> str:
    """The query with unknown words replaced by the closest words the corpus writes; "" if none."""
    vocabulary = index.vocabulary()
    if not vocabulary:
        return ""
    changed = False

    import difflib  # only for a query that found nothing

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(1)
        lower = word.lower()
        if lower in vocabulary or lower in STOP_WORDS or lower in _SYNTAX_WORDS or (word.isupper() and len(word) <= 3):
            return word
        close = difflib.get_close_matches(lower, _candidates(vocabulary, lower), n=3, cutoff=0.7)
        if not close:
            return word
        best = max(close, key=lambda w: (difflib.SequenceMatcher(None, lower, w).ratio(), vocabulary[w]))
        changed = True
        return best

    fixed = _WORD_IN_QUERY.sub(replace, query)
    if not changed or fixed == query:
        return ""
    return fixed if passages.search_raw(index, fixed, 1).total else ""


def _candidates(vocabulary: dict[str, int], word: str) -> list[str]:
    """Words of a similar length sharing a first letter: keeps difflib fast on big vocabularies."""
    size = len(word)
    return [w for w in vocabulary if abs(len(w) - size) <= 2 and (w[0] == word[0] or w[-1] == word[-1])]


def query_words(query: str) -> list[str]:
    return [m.group() for m in TOKEN_RE.finditer(query)]


def collapse_duplicates(index: Searchable, result: SearchResult, threshold: float) -> SearchResult:
    """Hits from a near-duplicate folded under its original (the cased, earlier or first-named text)."""
    docs = {hit.doc for hit in result.hits}
    original: dict[str, str] = {}
    for doc in docs:
        group = [doc] + [other for other, _ in near_duplicates(index.side, doc, threshold)]
        original[doc] = min(group, key=lambda d: _originality(index, d))
    kept = tuple(hit for hit in result.hits if original[hit.doc] == hit.doc or original[hit.doc] not in docs)
    return result._replace(hits=kept)


def _originality(index: Searchable, doc: str) -> tuple[int, str, str]:
    from index.entities.extract import is_lowercased

    document = index.side.document(doc)
    lowered = is_lowercased(document.text) if document else True
    published = document.meta.published if document and document.meta.published else "9999"
    return (1 if lowered else 0, published, doc)
