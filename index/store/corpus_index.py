"""The corpus index the front ends open: one corpus folder and its index, behind one object.

A facade: the folder (`index.store.folder`: open, lock, wipe, fall back), the indexer
(`index.store.indexer`: update, batches, build workers), the query path (`index.search`) and the
cross-reference queries (`index.xref.queries`) do the work; this keeps what is shared between
them: one write lock, and answers cached until the next update (vocabulary, entity names).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar, cast

from index import paths
from index.corpus import scan as corpus_mod
from index.engine.base import BatchWriter, Engine, Query
from index.engine.entity_query import EntityNames
from index.engine.whoosh_engine import WhooshEngine
from index.entities.gazetteer import Gazetteer, builtin_entries, check_user_file, extraction_key, load_gazetteer
from index.errors import ConfigError, CorpusError, StoreError
from index.model import DocSummary, Document, IndexReport, MentionRow, Span
from index.search import highlight, passages
from index.search import query as query_mod
from index.search.highlight import HighlightPlan
from index.search.passages import RawResults
from index.store import indexer
from index.store.folder import IndexFolder, update_lock
from index.store.sidestore import SideStore
from index.xref import queries

_T = TypeVar("_T")
SEARCH_TIME_LIMIT = 5.0  # seconds one query may run before it returns what it has


class CorpusIndex:
    """One corpus folder and its index. Safe to search from many threads; one writer at a time."""

    def __init__(self, corpus: Path, location: Path | None = None) -> None:
        self.corpus = corpus_mod.check_root(Path(corpus).expanduser()).resolve()
        self.time_limit = SEARCH_TIME_LIMIT
        self._write_lock = threading.Lock()
        self._cache: dict[str, tuple[int, object]] = {}  # per-generation answers (vocabulary, entity names)
        self._generation = 0  # bumped by every update, so caches made during one are not kept
        self._gazetteer: Gazetteer | None = None  # built when first needed: a search does not need it
        messages: list[str] = []
        entities_key = self._entities_key(messages)
        self._folder = IndexFolder(
            location or paths.index_dir_for(self.corpus), self.corpus, WhooshEngine(), entities_key
        )
        self._folder.messages += messages

    def _entities_key(self, messages: list[str]) -> str:
        self._builtin_only = False
        try:
            check_user_file()
            return extraction_key()
        except ConfigError as exc:  # a broken entities.toml: extract with the shipped list, and say so
            messages.append(f"{exc}; using the built-in entity list")
            self._builtin_only = True
            return "builtin"

    def names_changed(self) -> bool:
        """Read entities.toml again (curation changed it); True when the index must be rebuilt with it."""
        key = self._entities_key(self._folder.messages)
        if key == self._folder.entities_key:
            return False
        self._folder.entities_key = key
        self._gazetteer = None
        return True

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(*builtin_entries()) if self._builtin_only else load_gazetteer()
        return self._gazetteer

    # opening ----------------------------------------------------------------
    @property
    def key(self) -> str:
        """What an index must have been built with to be reused; anything else rebuilds it."""
        return self._folder.key

    @property
    def location(self) -> Path:
        return self._folder.location

    @property
    def messages(self) -> list[str]:
        """What a user should know about opening (rebuilt, fell back)."""
        return self._folder.messages

    @property
    def engine(self) -> Engine:
        return self._folder.engine

    @property
    def side(self) -> SideStore:
        return self._folder.side

    @property
    def read_only(self) -> bool:
        """Opened in a cache that cannot be written: answered from, never updated."""
        return self._folder.read_only

    def open(self) -> CorpusIndex:
        self._folder.open()
        return self

    def close(self) -> None:
        self._folder.close()

    def mark_damaged(self, reason: str) -> None:
        """Reading the index failed (`index.damage`): it is rebuilt at the next update."""
        self._folder.mark_damaged(reason)

    # reading ----------------------------------------------------------------
    def documents(self) -> list[DocSummary]:
        return self.side.summaries()

    def document(self, doc: str) -> Document | None:
        return self.side.document(doc)

    def listing_on_disk(
        self, threshold: float | None = None, most: int = 10_000
    ) -> tuple[list[DocSummary], dict[str, list[str]]] | None:
        """The document list and its near-duplicate marks as the index on disk holds them, read from the
        side store alone, before the engine is opened (the reader's first frame shows it). None when
        there is no index yet, it holds more than `most` documents, or the threshold is below the pairs
        kept at index time (the whole-corpus join: read then in a worker)."""
        if threshold is not None and threshold < queries.duplicate_pairs.STORED_FLOOR:
            return None

        def read(side: SideStore) -> tuple[list[DocSummary], dict[str, list[str]]] | None:
            if side.document_count() > most:
                return None
            return side.summaries(), queries.duplicate_groups(side, threshold)

        return self._folder.peek(read)

    def document_count(self) -> int:
        return self.side.document_count()

    def vocabulary(self) -> dict[str, int]:
        return self._per_generation("vocabulary", self.side.vocabulary)

    def entity_names(self) -> EntityNames:
        """The names every indexed entity goes by, for answering entity-field queries."""
        return self._per_generation(
            "entity_names", lambda: EntityNames(self.side.entity_forms(), self.engine.name_analyzer())
        )

    def _per_generation(self, slot: str, load: Callable[[], _T]) -> _T:
        """load(), kept until the next update; never kept from the middle of one."""
        generation = self._generation
        cached = self._cache.get(slot)
        if cached is not None and cached[0] == generation and not self._write_lock.locked():
            return cast(_T, cached[1])
        value = load()
        if not self._write_lock.locked():
            self._cache[slot] = (generation, value)
        return value

    # updating ---------------------------------------------------------------
    def update(
        self,
        progress: indexer.Progress | None = None,
        cancel: threading.Event | None = None,
        rebuild: bool = False,
        full: bool = True,
    ) -> IndexReport:
        """Bring the index in line with the folder: index what is new or changed, drop what is gone.

        full=False lets a recent full check stand in for a stat of every file when no folder changed
        (`index.store.freshness`: a file rewritten in place waits for the next full check)."""
        self.open()
        if self._folder.read_only:
            return IndexReport(0, 0, self.document_count(), (), message="; ".join(self.messages))
        with self._writer_held(rebuild):
            return indexer.update(self._folder, lambda: self.gazetteer, progress, cancel, rebuild, full)

    @contextlib.contextmanager
    def writing(self) -> Iterator[tuple[BatchWriter, sqlite3.Connection]]:
        """An engine writer and a SQLite transaction committed together, for a pass that rewrites
        documents it already holds (the entity pass): one writer at a time, as for `update`."""
        with self._writer_held(), indexer.batch(self._folder) as (writer, db, _segments):
            yield writer, db

    @contextlib.contextmanager
    def _writer_held(self, rebuild: bool = False) -> Iterator[None]:
        """This process's one writer: the index opened (wiped first for a rebuild), and the answers
        cached from before the write dropped after it."""
        with self._write_lock:
            self.open()
            with update_lock(self._folder.location):
                damage = self._folder.damage
                if damage:
                    self.messages.append(f"the index was rebuilt: it was found damaged ({damage})")
                if rebuild or damage:
                    self._folder.rebuild()
                    self.open()
                try:
                    yield
                finally:
                    self._generation += 1
                    self._cache.clear()

    # cross-references (`index.xref.queries`) ---------------------------------
    def near_duplicates(self, doc: str, threshold: float | None = None) -> list[tuple[str, float]]:
        return queries.near_duplicates(self.side, doc, threshold)

    def duplicate_groups(
        self, threshold: float | None = None, max_sharing: int = queries.duplicate_pairs.MAX_SHARING
    ) -> dict[str, list[str]]:
        return queries.duplicate_groups(self.side, threshold, max_sharing)

    def citations(self, doc: str | None = None, source: str | None = None) -> list[tuple[str, int, str, str]]:
        return queries.citations(self.side, doc, source)

    def related(self, doc: str, passage: int, limit: int = 10) -> list[tuple[str, int, float, list[str]]]:
        return queries.related(self, doc, passage, limit)

    def mentions(self, doc: str | None = None, name: str | None = None) -> list[MentionRow]:
        return queries.mentions(self.side, doc, name)

    def passage_entities(self, doc: str, passage: int) -> tuple[str, ...]:
        return queries.passage_entities(self.side, doc, passage)

    def resolve_entity(self, name: str) -> tuple[str, str] | None:
        return queries.resolve_entity(self.side, self.gazetteer, name)

    # searching (`index.search`) ----------------------------------------------
    def parse(self, text: str) -> Query:
        """The engine's query for the text; raises ValueError with a readable message."""
        return query_mod.parse(self, text)

    def search_raw(self, text: str, limit: int = 20) -> RawResults:
        return passages.search_raw(self, text, limit)

    def highlight_plan(self, text: str) -> HighlightPlan:
        return highlight.highlight_plan(self, text)

    def spans(self, text: str, terms: frozenset[str] | set[str], plan: HighlightPlan | None = None) -> list[Span]:
        return highlight.spans(self.engine, text, terms, plan)

    def entity_spans(self, doc: str, passage: int, keys: frozenset[str]) -> list[Span]:
        return highlight.entity_spans(self, doc, passage, keys)

    def query_terms(self, text: str) -> frozenset[str]:
        return highlight.query_terms(self, text)


def open_index(corpus: Path) -> CorpusIndex:
    """Open (creating if need be) the index of a corpus folder; CorpusError for an unusable path."""
    try:
        return CorpusIndex(corpus).open()
    except CorpusError:
        raise
    except OSError as exc:
        raise StoreError(f"the index could not be opened: {exc.strerror or exc}") from None
