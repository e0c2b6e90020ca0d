"""The search-engine seam: what the store and the query path ask of an engine, and nothing more.

An engine keeps one record per document in a folder of its own and answers ranked document
queries; passages are found in the best documents by the caller (`index.search.passages`), who
asks the engine's `PassageLocator` whether each passage answers the query. Whoosh implements it
(`index.engine.whoosh_engine`); `tests/unit/engine/test_engine_contract.py` is what another engine
must pass. Queries are the engine's own objects (`Query`): the caller only passes them back.

A record is a dict: `doc` (its id), `text` (the text's terms as `Engine.text_terms_only` gives
them), `title`, `publication`, `author`, `published`, and `ents` (space-separated entity keys).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from index.engine.entity_query import EntityNames
from index.errors import StoreError

Query = Any  # an engine's parsed query: made by `Engine.parse`, handed back to the same engine
Record = dict[str, Any]
Segment = Any  # what a build worker's `SegmentWriter.finish` gives back for `BatchWriter.commit`
Analyzer = Callable[[str], Iterable[Any]]  # text -> tokens with a `.text` (see `entity_key`)


class EngineBusy(StoreError):
    """Another writer holds the index (in this process or another)."""


class DocumentHit(NamedTuple):
    doc: str
    score: float


class Ranked(NamedTuple):
    hits: list[DocumentHit]  # best first, at most the limit asked for
    matching: int  # documents matching the query, counted in the same pass
    timed_out: bool  # the time limit stopped the search: hits are those found by then
    note: str = ""  # what the engine left out on purpose (a wildcard that stood for too many words)


class PassageTerms:
    """One passage as the query sees it: its analysed terms in order, their counts, the entities it names."""

    __slots__ = ("counts", "keys", "number", "terms")

    def __init__(self, number: int, terms: list[str], keys: set[str] | None = None) -> None:
        self.number = number
        self.terms = terms
        self.keys = keys if keys is not None else set()
        self.counts: dict[str, int] = Counter(terms)


def passages_of(
    text: str, starts: Iterable[tuple[int, int, int]], analyse: Callable[[str], list[str]], keys: dict[int, set[str]]
) -> list[PassageTerms]:
    """The analysed terms of each passage of a document: starts are (number, start, end) in text."""
    return [PassageTerms(number, analyse(text[start:end]), keys.get(number, set())) for number, start, end in starts]


class PassageLocator(Protocol):
    """A parsed query, ready to be asked of the passages of a matching document."""

    keys: set[str]  # entity keys the query asks for outside a NOT
    document_fields: set[str]  # document-wide fields (title, author ...) the query asks about
    text_terms: frozenset[str]  # every text term the query names, NOTs included: a passage holding none is as if empty
    slop: int  # the widest distance the query's phrases allow between their words (1: side by side)
    exact: tuple[re.Pattern[str], ...]  # what a passage's text must hold as written (phrases with stop words)

    def answers(self, passage: PassageTerms, document: dict[str, list[str]]) -> bool:
        """Whether the passage answers the query; document: the analysed terms of its document's fields."""

    def score(self, passage: PassageTerms) -> float:
        """How much of the query the passage holds."""

    def matched_terms(self, passage: PassageTerms) -> frozenset[str]:
        """The query's text terms the passage holds (outside a NOT)."""

    def weights(self, passage: PassageTerms) -> dict[str, float]:
        """The parts of `score`, by term (and entity key)."""

    def explain(self, passage: PassageTerms, document: dict[str, list[str]]) -> list[tuple[str, str, tuple[str, ...]]]:
        """(field, query word as written, terms it matched) for each word the passage or document holds."""


class Searcher(Protocol):
    """One consistent view of the index for one query; never shared between threads."""

    def rank(self, parsed: Query, limit: int, time_limit: float) -> Ranked:
        """Documents that may hold a passage answering the query (its NOTs are the passages' business)."""

    def locator(self, parsed: Query) -> PassageLocator: ...

    def places(self, docs: Sequence[str], terms: Iterable[str]) -> dict[str, dict[str, Sequence[int]]]:
        """For each document, where each of the terms stands in its `text` (the record's term numbers,
        from 0); a term it lacks is left out."""

    def like(self, text: str) -> Query | None:
        """A query for text like this (any of its key terms); None when it has none."""

    def document_count(self) -> int: ...


class BatchWriter(Protocol):
    """One batch of changes, made visible by `commit` and by nothing else."""

    def add(self, record: Record) -> None: ...

    def delete(self, doc: str) -> None:
        """Drop the document from the index's committed records (never from a worker's new segment)."""

    def commit(self, segments: Sequence[Segment] = ()) -> None:
        """Make the batch visible, with the segments build workers wrote."""

    def cancel(self) -> None: ...


class SegmentWriter(Protocol):
    """A build worker's writer: unlocked, writing a segment of its own in the index folder."""

    def add(self, record: Record) -> None: ...

    def finish(self) -> Segment | None:
        """The finished segment, for the parent's commit; None when nothing was added."""


class Engine(Protocol):
    """One engine's index in one folder: open or create it, write batches, search."""

    @property
    def version(self) -> int:
        """Changes whenever an existing index must be rebuilt."""

    def exists(self, folder: Path) -> bool:
        """Whether anything was ever committed in the folder."""

    def open(self, folder: Path) -> None:
        """Open the index in the folder; any exception means it cannot be used (and is rebuilt)."""

    def create(self, folder: Path) -> None: ...

    def wipe(self, folder: Path) -> None: ...

    def close(self) -> None: ...

    @property
    def is_open(self) -> bool: ...

    def writer(self) -> BatchWriter:
        """The one writer; EngineBusy when another holds it."""

    def segment_writer(self, folder: Path) -> SegmentWriter:
        """For a build worker in another process; the folder's index is opened here."""

    def searcher(self) -> AbstractContextManager[Searcher]: ...

    def document_count(self) -> int: ...

    def doc_ids(self) -> list[str]:
        """The document id of every record, repeated when held twice."""

    # The query language and the analysis that goes with it
    def parse(self, text: str) -> Query:
        """The query for the text; ValueError with a readable message when it cannot be read."""

    def asks_entities(self, parsed: Query) -> bool:
        """Whether the query names an entity field (`person:`, `entity:` ...)."""

    def rewrite_entities(self, parsed: Query, names: EntityNames) -> Query:
        """The query with each entity-field node replaced by the keys of the entities it names."""

    def is_empty(self, parsed: Query) -> bool: ...

    def highlight_terms(self, parsed: Query) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
        """The text terms that highlight alone, and the term runs that highlight only as phrases."""

    def text_terms(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(term, start, end) as the text field indexes text."""

    def text_terms_only(self, text: str) -> list[str]: ...

    def name_analyzer(self) -> Analyzer:
        """The analysis of names and metadata fields (unstemmed)."""
