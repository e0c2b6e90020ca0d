"""One file made ready for the index: read, decoded, split, its entities, shingles and citations found.

Pure work on one file with no index or database at hand, so it runs in the process that indexes
(small updates) or in build worker processes (big ones, `index.parallel`). The result carries the
Whoosh records of its passages and everything the side store keeps about it.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any

from index.corpus import scan as corpus_mod
from index.engine.entity_query import KEY_FIELD, entity_key
from index.engine.schema import terms_of_words
from index.entities.extract import extract
from index.entities.gazetteer import Gazetteer
from index.model import Document, MentionRow, Skipped
from index.store import passage_terms
from index.store.sidestore import Fingerprint, vocabulary_of
from index.tokens import STOP_WORDS, words
from index.xref.shingles import find_citations, sampled_shingles


@dataclass
class Prepared:
    source: corpus_mod.SourceFile
    fingerprint: Fingerprint
    changed: bool  # False: the file was touched, its content and metadata are what was indexed
    document: Document | None = None  # None when the file is not a document (fingerprint.reason says why)
    records: list[dict[str, Any]] = field(default_factory=list)  # Whoosh records: the document's one
    mentions: list[MentionRow] = field(default_factory=list)
    forms: set[tuple[str, str, str]] = field(default_factory=set)  # (type, canonical, a name it goes by)
    vocabulary: set[str] = field(default_factory=set)
    shingles: set[int] = field(default_factory=set)
    citations: list[tuple[int, str, str, int, int]] = field(default_factory=list)
    unread: bool = False  # the file could not be read (gone, permissions): what the index holds of it stays
    term_spans: bytes = b""  # each passage's run of the record's term numbers (`index.store.passage_terms`)


def prepare(
    source: corpus_mod.SourceFile,
    given: str,
    old: Fingerprint | None,
    given_meta: dict[str, object] | None,
    gazetteer: Gazetteer,
    analyse: Any,
) -> Prepared:
    """Everything the index keeps of one file; `given` is its metadata from metadata.toml, as JSON."""
    data = corpus_mod.read_bytes(source)
    if isinstance(data, Skipped):
        # No fingerprint is kept for it: the next run reads it again (a folder back from a moment away).
        return Prepared(source, Fingerprint(source.size, source.mtime_ns, "", given, data.reason), True, unread=True)
    sha = hashlib.blake2b(data, digest_size=16).hexdigest()
    if old and old.sha == sha and old.given == given:  # touched, not changed
        return Prepared(source, Fingerprint(source.size, source.mtime_ns, sha, given, old.reason), False)
    document = corpus_mod.document_from_bytes(source.doc, data, given_meta)
    if isinstance(document, Skipped):
        return Prepared(source, Fingerprint(source.size, source.mtime_ns, sha, given, document.reason), True)
    # The text is cut into words once: extraction, the index's terms, the vocabulary and shingles all read them.
    positioned = list(words(document.text))
    tokens = [word for word, _, _ in positioned]
    mentions, forms, keys = entities_of(document, gazetteer, analyse, positioned)
    record = record_of(document, tokens, keys)
    starts = [p.start for p in document.passages]
    citations = [
        (document.passages[max(0, bisect.bisect_right(starts, c.start) - 1)].number, c.source, c.date, c.start, c.end)
        for c in find_citations(document.text)
    ]
    return Prepared(
        source,
        Fingerprint(source.size, source.mtime_ns, sha, given),
        True,
        document,
        [record],
        mentions,
        forms,
        vocabulary_of(document.text, tokens),
        sampled_shingles(document.text, tokens),
        citations,
        term_spans=passage_terms.spans_of(
            [start for word, start, _ in positioned if word not in STOP_WORDS],
            [(p.start, p.end) for p in document.passages],
        ),
    )


def entities_of(
    document: Document,
    gazetteer: Gazetteer,
    analyse: Any,
    positioned: list[tuple[str, int, int]],
    model_spans: list[tuple[int, int, str]] | None = None,
) -> tuple[list[MentionRow], set[tuple[str, str, str]], set[str]]:
    """A document's mentions, the names its entities go by, and their index keys.

    model_spans: the statistical model's labelled spans, when the entity pass has them; the rules
    alone otherwise.
    """
    mentions = mentions_of(document, gazetteer, positioned, model_spans)
    forms: set[tuple[str, str, str]] = set()
    keys: set[str] = set()
    for kind, name in {(row.type, row.name) for row in mentions}:
        keys.add(_key_of(kind, name, analyse))
        forms.add((kind, name, name))
        forms.update((kind, name, alias) for alias in gazetteer.aliases_of(name))
    forms.update((row.type, row.name, row.text) for row in mentions)  # as written, too
    return mentions, forms, keys


def record_of(document: Document, tokens: list[str], keys: set[str]) -> dict[str, Any]:
    """The document's one Whoosh record: its passages are found in it at display time (`engine.locate`)."""
    meta = document.meta
    return {
        "doc": document.doc,
        # The text as its terms, not as a string: `terms_of_words` is the field's analyzer, an order of
        # magnitude faster (a hypothesis test holds them equal), and Whoosh indexes a list of terms
        # as they come. Positions count from 0 rather than from the first word that is not a stop
        # word, which no phrase can tell.
        "text": terms_of_words(tokens),
        "title": meta.title,
        "publication": meta.publication,
        "author": meta.author,
        "published": meta.published,
        KEY_FIELD: " ".join(sorted(keys)),
    }


# An entity's key, worked out once per process: the same few hundred entities recur in document after
# document, and analysing a name each time had cost ~0.8 ms a document.
_KEYS: dict[tuple[str, str], str] = {}
_KEYS_KEPT = 100_000


def _key_of(kind: str, name: str, analyse: Any) -> str:
    key = _KEYS.get((kind, name))
    if key is None:
        if len(_KEYS) >= _KEYS_KEPT:
            _KEYS.clear()
        key = _KEYS[(kind, name)] = entity_key(kind, name, analyse)
    return key


def mentions_of(
    document: Document,
    gazetteer: Gazetteer,
    tokens: list[tuple[str, int, int]] | None = None,
    model_spans: list[tuple[int, int, str]] | None = None,
) -> list[MentionRow]:
    """The document's entity mentions, each with the number of the passage it falls in."""
    starts = [p.start for p in document.passages]
    rows = []
    for mention in extract(document.text, gazetteer, tokens, model_spans=model_spans):
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0:
            number = document.passages[index].number
            rows.append(
                MentionRow(document.doc, number, mention.start, mention.end, mention.type, mention.name, mention.text)
            )
    return rows
