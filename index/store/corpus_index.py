"""The corpus index: the only module that opens Whoosh writers. Build, update, search, close.

Whoosh is imported where it is first used, not with this module: the reader draws its first
frame while a worker opens the index, and importing Whoosh is a third of a reader's start.

Layout of an index folder: `whoosh/` (passage records), `side.sqlite` (texts, passages, file
fingerprints, vocabulary), `open.lock` (serialises opening and wiping between processes).
Whoosh commits first, then SQLite: a process killed in between leaves old fingerprints, so the
next run simply re-indexes those files.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from index import paths
from index.corpus import scan as corpus_mod
from index.engine.entity_query import QUERY_FIELDS, EntityNames, entity_key, rewrite
from index.engine.segments import read_lengths_once
from index.entities.gazetteer import Gazetteer, builtin_entries, check_user_file, extraction_key, load_gazetteer
from index.errors import ConfigError, CorpusError, StoreError
from index.model import DocSummary, Document, IndexReport, MentionRow, Skipped, Span
from index.store.sidestore import Fingerprint, SideStore

if TYPE_CHECKING:
    from index.store.parallel import Job, Pool
    from index.store.prepare import Prepared

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

_T = TypeVar("_T")
Progress = Callable[[int, int], object]
FIRST_BATCH = 32  # documents committed early on a big first build, so search works at once (~1 s)
PARALLEL_MIN = 100  # fewer files than this are indexed in this process: starting workers costs ~0.5 s
MAX_FUZZY = 2
SEARCH_TIME_LIMIT = 5.0  # seconds one query may run before it returns what it has
LOCATE_BUDGET = 1.0  # seconds one query may spend reading documents for passages; then "N+ passages"


class RawHit(NamedTuple):
    doc: str
    num: int
    score: float
    terms: frozenset[str]  # analysed terms of the text field that matched in this passage
    entities: frozenset[str] = frozenset()  # keys of the entities an entity-field query matched here
    text: str = ""  # the passage's text and its document's title, read once when the passage was found
    title: str = ""


class RawResults(NamedTuple):
    hits: list[RawHit]
    total: int  # matching passages; when not complete, those of the documents read (a lower bound)
    doc_counts: dict[str, int]  # matching passages per document, for the documents read
    error: str = ""
    note: str = ""  # e.g. the search ran out of time and these are partial
    documents: int = 0  # documents with a matching passage (when not complete: among those read)
    complete: bool = True  # every matching document was read, so the counts are exact


class CorpusIndex:
    """One corpus folder and its index. Safe to search from many threads; one writer at a time."""

    def __init__(self, corpus: Path, location: Path | None = None) -> None:
        self.corpus = corpus_mod.check_root(Path(corpus).expanduser()).resolve()
        self.location = location or paths.index_dir_for(self.corpus)
        self.messages: list[str] = []  # what a user should know about opening (rebuilt, fell back)
        self._write_lock = threading.Lock()
        self.time_limit = SEARCH_TIME_LIMIT
        self._open_lock = threading.RLock()  # workers may all reach for a fresh index at once
        self._ix: Any = None
        self._side: SideStore | None = None
        self._cache: dict[str, tuple[int, object]] = {}  # per-generation answers (vocabulary, entity names)
        self._generation = 0  # bumped by every update, so caches made during one are not kept
        self._gazetteer: Gazetteer | None = None  # built when first needed: a search does not need it
        self._builtin_only = False
        try:
            check_user_file()
            self._entities_key = extraction_key()
        except ConfigError as exc:  # a broken entities.toml: extract with the shipped list, and say so
            self.messages.append(f"{exc}; using the built-in entity list")
            self._builtin_only = True
            self._entities_key = "builtin"

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(*builtin_entries()) if self._builtin_only else load_gazetteer()
        return self._gazetteer

    # opening ----------------------------------------------------------------
    @property
    def key(self) -> str:
        """What an index must have been built with to be reused; anything else rebuilds it."""
        from index.engine.schema import SCHEMA_VERSION

        return json.dumps({"schema": SCHEMA_VERSION, "entities": self._entities_key, "xref": 3})

    def open(self) -> CorpusIndex:
        with self._open_lock:
            if self._ix is None:
                self._open_or_fall_back()
        return self

    def _open_or_fall_back(self) -> None:
        try:
            self._open_at(self.location)
        except OSError as exc:
            import tempfile  # only here: a search that never falls back does not load it

            fallback = Path(tempfile.mkdtemp(prefix="ralign-index-"))
            self.messages.append(
                f"the index cache {self.location} cannot be written ({exc.strerror or exc}); "
                f"using a temporary index at {fallback}"
            )
            self.location = fallback
            self._open_at(fallback)

    def _open_at(self, location: Path) -> None:
        location.mkdir(parents=True, exist_ok=True)
        with self._process_lock(location):
            try:
                self._open_existing(location)
            except _NeedsRebuild as reason:
                if str(reason):
                    self.messages.append(f"the index was rebuilt: {reason}")
                self._wipe(location)
                self._create(location)

    def _open_existing(self, location: Path) -> None:
        whoosh_dir = location / "whoosh"
        if not whoosh_dir.is_dir() or not any(whoosh_dir.glob("*.toc")):
            raise _NeedsRebuild("")  # nothing was ever committed here: a first build
        try:
            side = SideStore(location / "side.sqlite")
            stored_key = side.get_meta("key")
        except sqlite3.DatabaseError as exc:
            raise _NeedsRebuild(f"its side store could not be read ({exc})") from None
        if stored_key != self.key:
            side.close()
            raise _NeedsRebuild("it was made by another version" if stored_key else "")
        try:
            from whoosh import index as whoosh_index

            ix = whoosh_index.open_dir(str(whoosh_dir))
            with ix.searcher() as searcher:
                searcher.doc_count()
        except Exception as exc:
            side.close()
            raise _NeedsRebuild(f"it could not be opened ({type(exc).__name__}: {exc})") from None
        self._ix, self._side = ix, side

    def _create(self, location: Path) -> None:
        whoosh_dir = location / "whoosh"
        whoosh_dir.mkdir(parents=True, exist_ok=True)
        from whoosh import index as whoosh_index

        from index.engine.schema import build_schema

        self._ix = whoosh_index.create_in(str(whoosh_dir), build_schema())
        self._side = SideStore(location / "side.sqlite")
        with self._side.transaction() as db:
            self._side.set_meta(db, "key", self.key)
            self._side.set_meta(db, "corpus", str(self.corpus))

    def _wipe(self, location: Path) -> None:
        if self._side is not None:
            self._side.close()
        self._ix = self._side = None
        import shutil  # only here: a search that never wipes an index does not load it

        shutil.rmtree(location / "whoosh", ignore_errors=True)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (location / f"side.sqlite{suffix}").unlink()

    @contextlib.contextmanager
    def _process_lock(self, location: Path) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        with open(location / "open.lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @property
    def side(self) -> SideStore:
        with self._open_lock:
            if self._side is None:
                self._open_or_fall_back()
            side = self._side
        if side is None:
            raise StoreError(f"the index at {self.location} could not be opened")
        return side

    def close(self) -> None:
        with self._open_lock:
            if self._side is not None:
                self._side.close()
            if self._ix is not None:
                self._ix.close()
            self._ix = self._side = None

    # reading ----------------------------------------------------------------
    def documents(self) -> list[DocSummary]:
        return self.side.summaries()

    def document(self, doc: str) -> Document | None:
        return self.side.document(doc)

    def document_count(self) -> int:
        return self.side.document_count()

    def vocabulary(self) -> dict[str, int]:
        return self._per_generation("vocabulary", self.side.vocabulary)

    def entity_names(self) -> EntityNames:
        """The names every indexed entity goes by, for answering entity-field queries."""
        return self._per_generation("entity_names", lambda: EntityNames(self.side.entity_forms(), self._names_analyzer))

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
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        rebuild: bool = False,
    ) -> IndexReport:
        """Bring the index in line with the folder: index what is new or changed, drop what is gone."""
        with self._write_lock:
            if rebuild:
                with self._open_lock:
                    self.close()
                    with self._process_lock(self.location):
                        self._wipe(self.location)
                        self._create(self.location)
            self.open()
            try:
                return self._update(progress, cancel, rebuild)
            finally:
                self._generation += 1
                self._cache.clear()

    @contextlib.contextmanager
    def writing(self) -> Iterator[tuple[Any, sqlite3.Connection]]:
        """A Whoosh writer and a SQLite transaction committed together, for a pass that rewrites
        documents it already holds (the entity pass): one writer at a time, as for `update`."""
        with self._write_lock:
            self.open()
            try:
                with self._batch() as (writer, db, _segments):
                    yield writer, db
            finally:
                self._generation += 1
                self._cache.clear()

    def _update(self, progress: Progress | None, cancel: threading.Event | None, rebuilt: bool) -> IndexReport:
        files, skipped = corpus_mod.scan(self.corpus)
        messages = list(self.messages)
        try:
            given_all = corpus_mod.load_corpus_metadata(self.corpus)
        except ConfigError as exc:
            messages.append(f"{exc}; its metadata is ignored")
            given_all = {}
        known = self.side.fingerprints()
        current = {f.doc for f in files}
        removed = [doc for doc in known if doc not in current]
        todo: list[tuple[corpus_mod.SourceFile, str]] = []
        unchanged = 0
        nothing_given = json.dumps(None)
        for source in files:
            given_meta = given_all.get(source.doc)
            given = nothing_given if given_meta is None else json.dumps(given_meta, sort_keys=True, default=str)
            old = known.get(source.doc)
            if old and (old.size, old.mtime_ns, old.given) == (source.size, source.mtime_ns, given):
                unchanged += 1
                if old.reason:
                    skipped.append(Skipped(source.doc, old.reason))
                continue
            todo.append((source, given))
        tally = _Tally(total=len(todo) + len(removed), unchanged=unchanged, skipped=skipped, progress=progress)
        tally.step(0)
        batches = [todo[:FIRST_BATCH], todo[FIRST_BATCH:]] if len(todo) > FIRST_BATCH else [todo]
        if not tally.total:
            batches = []  # nothing changed: no writer, no lock, no commit
        cancelled = False
        pool = None
        if len(batches) == 2 and len(batches[1]) >= PARALLEL_MIN:
            from index.store import parallel

            if parallel.worker_count() > 1:
                # Started now, the workers load their modules while the first batch is indexed here.
                size = parallel.pool_size(len(batches[1]))
                pool = parallel.Pool(str(self.location / "whoosh"), self.gazetteer, size)
        try:
            for number, batch in enumerate(batches):
                if cancelled or (number and not batch):
                    continue
                jobs = [(source, given, known.get(source.doc), given_all.get(source.doc)) for source, given in batch]
                cancelled = self._index_batch(
                    jobs, removed if number == 0 else [], tally, cancel, pool if number else None
                )
        finally:
            if pool is not None:
                pool.close()
        skipped.sort(key=lambda s: s.path)
        return IndexReport(
            tally.indexed, len(removed), tally.unchanged, tuple(skipped), rebuilt, "; ".join(messages), cancelled
        )

    def _index_batch(
        self, jobs: list[Job], removed: list[str], tally: _Tally, cancel: threading.Event | None, pool: Pool | None
    ) -> bool:
        """Index one batch in one commit: in the pool's worker processes when given one. True when cancelled."""
        # Imported here: extraction compiles many patterns, and opening or searching needs none of them.
        from index.store.prepare import prepare

        with self._batch() as (writer, db, segments):
            for doc in removed:
                writer.delete_by_term("doc", doc)
                self.side.forget_file(db, doc)
                tally.step(1)
            # Written once at the end of the batch, not per file: one upsert per word or name.
            words: Counter[str] = Counter()
            forms: set[tuple[str, str, str]] = set()

            def apply(prepared: Prepared, added: bool) -> None:
                old = jobs_old.get(prepared.source.doc)
                tally.count(self._apply(writer, db, prepared, old, added, words, forms))

            jobs_old = {source.doc: old for source, _, old, _ in jobs}
            cancelled = False
            if pool is not None:
                segments += pool.build(jobs, lambda p: apply(p, True), cancel)
                cancelled = cancel is not None and cancel.is_set() and tally.done < tally.total
            else:
                for job in jobs:
                    if cancel is not None and cancel.is_set():
                        cancelled = True
                        break
                    apply(prepare(*job, self.gazetteer, self._names_analyzer), False)
            self.side.count_words(db, words)
            self.side.put_entity_forms(db, forms)
        return cancelled

    @contextlib.contextmanager
    def _batch(self) -> Iterator[tuple[Any, sqlite3.Connection, list[Any]]]:
        """A Whoosh writer and a SQLite transaction committed together, Whoosh first.

        The list takes segments written by build workers: the commit adds them to the index.
        """
        from whoosh.writing import LockError

        try:
            writer = self._ix.writer(timeout=5.0, limitmb=256, compound=False)
            read_lengths_once(writer)
        except LockError:
            raise StoreError(
                "another ralign-tui is updating this corpus's index; try again when it has finished"
            ) from None
        gc_was_enabled = gc.isenabled()
        gc.disable()  # the build allocates millions of small objects that never form cycles
        segments: list[Any] = []
        try:
            with self.side.transaction(bulk=True) as db:
                try:
                    yield writer, db, segments
                except BaseException:
                    writer.cancel()
                    raise
                if segments:
                    _commit_with_segments(writer, segments)
                else:
                    writer.commit()
        except OSError as exc:
            raise StoreError(f"the index could not be written at {self.location}: {exc.strerror or exc}") from exc
        finally:
            if gc_was_enabled:
                gc.enable()

    def _apply(
        self,
        writer: Any,
        db: sqlite3.Connection,
        prepared: Prepared,
        old: Fingerprint | None,
        added: bool,
        words: Counter[str],
        forms: set[tuple[str, str, str]],
    ) -> bool | Skipped:
        """Write one prepared file: True when (re)indexed, False when its content had not changed.

        added: its passages are already in a worker's segment; otherwise they go to this writer.
        words, forms: the batch's vocabulary counts and entity names, written once at its end.
        """
        doc, fingerprint = prepared.source.doc, prepared.fingerprint
        if not prepared.changed:
            self.side.put_fingerprint(db, doc, fingerprint)
            return Skipped(doc, fingerprint.reason) if fingerprint.reason else False
        if old is not None:
            writer.delete_by_term("doc", doc)  # reaches the index's old segments, never a worker's new one
            self.side.remove_document(db, doc)
        self.side.put_fingerprint(db, doc, fingerprint)
        document = prepared.document
        if document is None:
            return Skipped(doc, fingerprint.reason)
        if not added:
            for record in prepared.records:
                writer.add_document(**record)
        self.side.put_document(db, document)
        words.update(prepared.vocabulary)
        self.side.put_mentions(db, doc, prepared.mentions)
        forms |= prepared.forms
        self.side.put_shingles(db, doc, prepared.shingles)
        self.side.put_citations(db, doc, prepared.citations)
        return True

    def near_duplicates(self, doc: str, threshold: float | None = None) -> list[tuple[str, float]]:
        """Documents that are this one in another form: shingle containment at or above the threshold."""
        from index.xref.shingles import DEFAULT_THRESHOLD, containment  # its citation patterns: only when asked

        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        found = [
            (other, containment(shared, mine, theirs)) for other, shared, mine, theirs in self.side.shared_shingles(doc)
        ]
        return sorted(((o, round(c, 3)) for o, c in found if c >= threshold), key=lambda oc: -oc[1])

    def duplicate_groups(self, threshold: float | None = None, max_sharing: int = 50) -> dict[str, list[str]]:
        """Every document's near-duplicates, for the whole corpus in one query (the document list's marks)."""
        from index.xref.shingles import DEFAULT_THRESHOLD, containment

        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        groups: dict[str, list[str]] = {}
        for a, b, shared, size_a, size_b in self.side.shingle_pairs(max_sharing):
            if containment(shared, size_a, size_b) >= threshold:
                groups.setdefault(a, []).append(b)
                groups.setdefault(b, []).append(a)
        return groups

    def citations(self, doc: str | None = None, source: str | None = None) -> list[tuple[str, int, str, str]]:
        return self.side.citations(doc, source)

    def related(self, doc: str, passage: int, limit: int = 10) -> list[tuple[str, int, float, list[str]]]:
        """Passages in other documents most like this one: (doc, passage, score, shared key terms)."""
        document = self.document(doc)
        if document is None or not 1 <= passage <= len(document.passages):
            return []
        from whoosh import query

        from index.engine.schema import text_terms

        text = document.passage_text(document.passages[passage - 1])
        with self._searcher() as searcher:
            key_terms = [t for t, _ in searcher.key_terms_from_text("text", text, numterms=12) if len(t) > 2]
            if not key_terms:
                return []
            asked = query.Or([query.Term("text", t) for t in key_terms])
            found = self._passage_hits(searcher, asked, limit * 3, skip_doc=doc)
        written = {term: text[start:end].lower() for term, start, end in text_terms(text)}
        best: dict[str, RawHit] = {}  # one passage a document: the one most like this one
        for hit in found.hits:
            best.setdefault(hit.doc, hit)
        here = {m.name for m in self.side.mentions(doc) if m.passage == passage}
        out = []
        for hit in sorted(best.values(), key=lambda h: -h.score)[:limit]:
            theirs = {m.name for m in self.side.mentions(hit.doc) if m.passage == hit.num}
            shared = sorted({written.get(term, term) for term in hit.terms})
            out.append((hit.doc, hit.num, round(hit.score, 3), shared + sorted(here & theirs)))
        return out

    def mentions(self, doc: str | None = None, name: str | None = None) -> list[MentionRow]:
        return self.side.mentions(doc, name)

    def passage_entities(self, doc: str, passage: int) -> tuple[str, ...]:
        """Canonical names of the entities a passage names, in order of first mention."""
        names: dict[str, None] = {}
        for row in self.side.mentions(doc):
            if row.passage == passage and row.type not in ("DATE", "MONEY"):
                names.setdefault(row.name, None)
        return tuple(names)

    def resolve_entity(self, name: str) -> tuple[str, str] | None:
        """(canonical name, type) for a canonical name or any alias, in any case; None if unknown."""
        known = self.gazetteer.lookup(name)
        if known is not None:
            return known.name, known.type
        wanted = name.strip().lower()
        for canonical, kind in self.side.entity_names():
            if canonical.lower() == wanted:
                return canonical, kind
        for canonical, kind, written in self.side.entity_names_written():
            if written.lower() == wanted:
                return canonical, kind
        return None

    # searching --------------------------------------------------------------
    @functools.cached_property
    def _parser(self) -> Any:
        from whoosh import qparser

        from index.engine.schema import build_schema

        parser = qparser.QueryParser("text", build_schema())
        parser.add_plugin(qparser.FuzzyTermPlugin())
        return parser

    @functools.cached_property
    def _names_analyzer(self) -> Any:
        """The entity fields' analysis (unstemmed), for entity keys and names."""
        from index.engine.schema import name_analyzer

        return name_analyzer()

    def parse(self, text: str) -> Any:
        """A Whoosh query for the text; raises ValueError with a readable message."""
        try:
            parsed = self._parser.parse(text)
        except Exception as exc:
            raise ValueError(f"could not read the query: {exc}") from None
        parsed = _bounded(parsed)
        return rewrite(parsed, self.entity_names()) if _asks_entities(parsed) else parsed

    def search_raw(self, text: str, limit: int = 20) -> RawResults:
        """Ranked passage hits for a query, at most `limit`, with per-document hit counts."""
        if not text.strip():
            return RawResults([], 0, {})
        try:
            parsed = self.parse(text)
        except ValueError as exc:
            return RawResults([], 0, {}, str(exc))
        from whoosh import query

        if parsed is query.NullQuery or isinstance(parsed, query.NullQuery.__class__):
            return RawResults([], 0, {})
        try:
            with self._searcher() as searcher:
                return self._passage_hits(searcher, parsed, max(1, limit))
        except Exception as exc:
            return RawResults([], 0, {}, f"the search failed: {type(exc).__name__}: {exc}")

    def _searcher(self) -> Any:
        """A searcher ranking by Whoosh's BM25F, with document lengths read from a table (`index.ranking`)."""
        from index.engine.ranking import TableBM25F

        return self.open()._ix.searcher(weighting=TableBM25F())

    def _passage_hits(self, searcher: Any, parsed: Any, limit: int, skip_doc: str = "") -> RawResults:
        """The best passages of the best documents: documents ranked by Whoosh, passages found in them.

        A passage's score is its document's, scaled by how much of the query it holds against the
        document's best passage; documents are read in rank order until no unread one could place
        a passage in the first `limit` (its document score bounds its passages' scores).
        """
        from whoosh import collectors

        from index.engine.locate import PassageQuery, document_query

        started = time.monotonic()
        asked = PassageQuery(parsed, searcher.reader())
        documents_query = document_query(parsed)
        wanted_docs = limit + 8
        hits: list[RawHit] = []
        doc_counts: dict[str, int] = {}
        located = 0
        note = ""
        while True:
            # One pass that also counts: skipping blocks by quality saves little on news-like text, and
            # then counting the matches would run the whole query a second time.
            collector = searcher.collector(limit=wanted_docs, optimize=False)
            # Bounded: a query over everything on a big corpus stops with what it has. No alarm
            # signal: searches run in worker threads, where only a time check works.
            timed = collectors.TimeLimitCollector(collector, timelimit=self.time_limit, use_alarm=False)
            try:
                searcher.search_with_collector(documents_query, timed)
            except collectors.TimeLimit:
                note = f"the search stopped after {self.time_limit:g} s; these are the hits found by then"
            ranked = [(hit["doc"], float(hit.score or 0.0)) for hit in timed.results()]
            matching_docs = len(timed.results())
            for doc, doc_score in ranked[located:]:
                if len(hits) >= limit and sorted((h.score for h in hits), reverse=True)[limit - 1] >= doc_score:
                    break  # no passage of this document or any after it could make the page
                if time.monotonic() - started > LOCATE_BUDGET:
                    break  # words everywhere, the phrase or the passage with all of them rare: say so
                located += 1
                if doc == skip_doc:
                    continue
                found = self._locate(asked, doc, doc_score)
                if found:
                    doc_counts[doc] = len(found)
                    hits += found
            else:
                more = len(ranked) == wanted_docs < matching_docs
                if more and not note and time.monotonic() - started < self.time_limit:
                    wanted_docs *= 4  # every document read so far could still be beaten: read more
                    continue
            break
        hits.sort(key=lambda h: (-h.score, h.doc, h.num))
        # Unread documents matched the query's words, not necessarily within one passage: the counts
        # are what the documents read hold, exact only when every matching document was read.
        complete = located >= matching_docs
        total, documents = sum(doc_counts.values()), len(doc_counts)
        return RawResults(hits[:limit], total, doc_counts, note=note, documents=documents, complete=complete)

    def _locate(self, asked: Any, doc: str, doc_score: float) -> list[RawHit]:
        """The passages of one document that answer the query, scored."""
        from index.engine.locate import passages_of
        from index.engine.schema import text_terms_only

        document = self.document(doc)
        if document is None:
            return []  # the index is mid-update; this document's text is not committed yet
        keys: dict[int, set[str]] = {}
        if asked.keys:
            for number, kind, name in self.side.passage_entities_of(doc):
                keys.setdefault(number, set()).add(entity_key(kind, name, self._names_analyzer))
        meta = document.meta
        fields: dict[str, list[str]] = {}
        if asked.document_fields:
            fields = {
                "title": text_terms_only(meta.title),
                "publication": [t.text for t in self._names_analyzer(meta.publication)],
                "author": [t.text for t in self._names_analyzer(meta.author)],
                "published": [meta.published],
                "doc": [doc],
            }
        places = ((p.number, p.start, p.end) for p in document.passages)
        views = passages_of(document.text, places, text_terms_only, keys)
        answering = [(view, asked.score(view)) for view in views if asked.answers(view, fields)]
        best = max((score for _, score in answering), default=0.0) or 1.0
        return [
            RawHit(
                doc,
                view.number,
                doc_score * (0.5 + 0.5 * score / best),
                asked.matched_terms(view),
                frozenset(asked.keys & view.keys),
                document.passage_text(document.passages[view.number - 1]),
                meta.title,
            )
            for view, score in answering
        ]

    def highlight_plan(self, text: str) -> HighlightPlan:
        """Which words of a query highlight alone, and which only as a phrase."""
        try:
            parsed = self.parse(text)
        except ValueError:
            return HighlightPlan(frozenset(), ())
        phrases: list[tuple[str, ...]] = []
        alone: set[str] = set()
        _collect_terms(parsed, alone, phrases)
        return HighlightPlan(frozenset(alone), tuple(phrases))

    def spans(self, text: str, terms: frozenset[str] | set[str], plan: HighlightPlan | None = None) -> list[Span]:
        """Where in text the matched terms occur, in order: a phrase's words only where they form it."""
        if not terms:
            return []
        from index.engine.schema import text_terms

        tokens = list(text_terms(text))
        phrase_words = {w for phrase in plan.phrases for w in phrase} if plan else set()
        alone = set(terms) - (phrase_words - plan.alone) if plan else set(terms)
        found = [Span(start, end) for word, start, end in tokens if word in alone]
        for phrase in plan.phrases if plan else ():
            size = len(phrase)
            for i in range(len(tokens) - size + 1):
                if all(tokens[i + k][0] == phrase[k] for k in range(size)):
                    found.append(Span(tokens[i][1], tokens[i + size - 1][2]))
        return sorted(set(found), key=lambda s: (s.start, s.end))

    def entity_spans(self, doc: str, passage: int, keys: frozenset[str]) -> list[Span]:
        """Where in a passage's text the entities with these keys are mentioned."""
        if not keys:
            return []
        return [
            Span(start, end)
            for start, end, kind, name in self.side.passage_mentions(doc, passage)
            if entity_key(kind, name, self._names_analyzer) in keys
        ]

    def query_terms(self, text: str) -> frozenset[str]:
        """The text-field terms of a query, for highlighting without searching."""
        plan = self.highlight_plan(text)
        return plan.alone | {w for phrase in plan.phrases for w in phrase}


class _Tally:
    """What an update has done so far, reported as it goes."""

    def __init__(self, total: int, unchanged: int, skipped: list[Skipped], progress: Progress | None) -> None:
        self.total = total
        self.unchanged = unchanged
        self.skipped = skipped
        self.progress = progress
        self.done = 0
        self.indexed = 0

    def step(self, files: int) -> None:
        self.done += files
        if self.progress:
            self.progress(self.done, self.total)

    def count(self, result: bool | Skipped) -> None:
        if isinstance(result, Skipped):
            self.skipped.append(result)
        elif result:
            self.indexed += 1
        else:
            self.unchanged += 1
        self.step(1)


class HighlightPlan(NamedTuple):
    alone: frozenset[str]  # terms that highlight wherever they occur
    phrases: tuple[tuple[str, ...], ...]  # term sequences that highlight only together


def _collect_terms(parsed: Any, alone: set[str], phrases: list[tuple[str, ...]]) -> None:
    from whoosh import query

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


def _asks_entities(parsed: Any) -> bool:
    if getattr(parsed, "fieldname", None) in QUERY_FIELDS:
        return True
    return any(_asks_entities(child) for child in (parsed.children() if hasattr(parsed, "children") else ()))


def _as_str(term: object) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def _commit_with_segments(writer: Any, segments: list[Any]) -> None:
    """Commit a writer and add the segments build workers wrote, as Whoosh's multi-process writer does."""
    try:
        final = writer._merge_segments(None, None, False)  # keep the existing segments as they are
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc(final + segments)
    except Exception:
        writer._cleanup_on_error()
        raise
    writer._finish()


class _NeedsRebuild(Exception):
    pass


def _bounded(parsed: Any) -> Any:
    """Clamp what could make one query run for long: wide fuzzy distances."""
    from whoosh import query

    if isinstance(parsed, query.FuzzyTerm) and parsed.maxdist > MAX_FUZZY:
        parsed.maxdist = MAX_FUZZY
    for child in parsed.children() if hasattr(parsed, "children") else ():
        _bounded(child)
    return parsed


def open_index(corpus: Path) -> CorpusIndex:
    """Open (creating if need be) the index of a corpus folder; CorpusError for an unusable path."""
    try:
        return CorpusIndex(corpus).open()
    except CorpusError:
        raise
    except OSError as exc:
        raise StoreError(f"the index could not be opened: {exc.strerror or exc}") from None
