"""Cross-reference queries over an index: near-duplicates, citations, related passages, who a passage names.

Functions of the side store (and, for related passages, of the engine through the query path), so
the TUI and the CLI ask the same ones, through `CorpusIndex` or directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.entities.gazetteer import Gazetteer
from index.model import MentionRow
from index.search.passages import RawHit, passage_hits
from index.store import duplicate_pairs
from index.store.sidestore import SideStore

if TYPE_CHECKING:
    from index.search.query import Searchable


def near_duplicates(side: SideStore, doc: str, threshold: float | None = None) -> list[tuple[str, float]]:
    """Documents that are this one in another form: shingle containment at or above the threshold.

    Read from the pairs kept at index time; a threshold below what is kept asks the shingles."""
    from index.xref.shingles import DEFAULT_THRESHOLD, containment  # its citation patterns: only when asked

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    if threshold >= duplicate_pairs.STORED_FLOOR:
        return duplicate_pairs.of_document(side.connection(), doc, threshold)
    found = [(other, containment(shared, mine, theirs)) for other, shared, mine, theirs in side.shared_shingles(doc)]
    return sorted(((o, round(c, 3)) for o, c in found if c >= threshold), key=lambda oc: -oc[1])


def duplicate_groups(
    side: SideStore, threshold: float | None = None, max_sharing: int = duplicate_pairs.MAX_SHARING
) -> dict[str, list[str]]:
    """Every document's near-duplicates (the document list's marks): the pairs kept at index time, read
    in one query that grows with the pairs, not the corpus; below the kept floor, the whole-corpus join."""
    if threshold is None:
        from index.xref.shingles import DEFAULT_THRESHOLD

        threshold = DEFAULT_THRESHOLD
    groups: dict[str, list[str]] = {}
    if threshold >= duplicate_pairs.STORED_FLOOR and max_sharing == duplicate_pairs.MAX_SHARING:
        for a, b in duplicate_pairs.pairs_at(side.connection(), threshold):
            groups.setdefault(a, []).append(b)
        return {doc: sorted(others) for doc, others in groups.items()}
    from index.xref.shingles import containment  # its citation patterns: only for the whole-corpus join

    for a, b, shared, size_a, size_b in side.shingle_pairs(max_sharing):
        if containment(shared, size_a, size_b) >= threshold:
            groups.setdefault(a, []).append(b)
            groups.setdefault(b, []).append(a)
    return groups


def citations(side: SideStore, doc: str | None = None, source: str | None = None) -> list[tuple[str, int, str, str]]:
    return side.citations(doc, source)


def related(source: Searchable, doc: str, passage: int, limit: int = 10) -> list[tuple[str, int, float, list[str]]]:
    """Passages in other documents most like this one: (doc, passage, score, shared key terms)."""
    side = source.side
    document = side.document(doc)
    if document is None or not 1 <= passage <= len(document.passages):
        return []
    text = document.passage_text(document.passages[passage - 1])
    with source.open().engine.searcher() as searcher:
        asked = searcher.like(text)
        if asked is None:
            return []
        found = passage_hits(source, searcher, asked, limit * 3, skip_doc=doc)
    written = {term: text[start:end].lower() for term, start, end in source.engine.text_terms(text)}
    best: dict[str, RawHit] = {}  # one passage a document: the one most like this one
    for hit in found.hits:
        best.setdefault(hit.doc, hit)
    here = {m.name for m in side.mentions(doc) if m.passage == passage}
    out = []
    for hit in sorted(best.values(), key=lambda h: -h.score)[:limit]:
        theirs = {m.name for m in side.mentions(hit.doc) if m.passage == hit.num}
        shared = sorted({written.get(term, term) for term in hit.terms})
        out.append((hit.doc, hit.num, round(hit.score, 3), shared + sorted(here & theirs)))
    return out


def mentions(side: SideStore, doc: str | None = None, name: str | None = None) -> list[MentionRow]:
    return side.mentions(doc, name)


def passage_entities(side: SideStore, doc: str, passage: int) -> tuple[str, ...]:
    """Canonical names of the entities a passage names, in order of first mention."""
    names: dict[str, None] = {}
    for row in side.mentions(doc):
        if row.passage == passage and row.type not in ("DATE", "MONEY"):
            names.setdefault(row.name, None)
    return tuple(names)


def resolve_entity(side: SideStore, gazetteer: Gazetteer, name: str) -> tuple[str, str] | None:
    """(canonical name, type) for a canonical name or any alias, in any case; None if unknown."""
    known = gazetteer.lookup(name)
    if known is not None:
        return known.name, known.type
    wanted = name.strip().lower()
    for canonical, kind in side.entity_names():
        if canonical.lower() == wanted:
            return canonical, kind
    for canonical, kind, written in side.entity_names_written():
        if written.lower() == wanted:
            return canonical, kind
    return None
