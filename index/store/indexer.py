"""Bringing an index in line with its folder: what changed, in batches, in this process or in build workers.

Each batch is one engine commit and one SQLite transaction, the engine first: a process killed
in between leaves the old fingerprints and engine records the side store does not know, so the next
run re-indexes those files, deleting each document by id before adding it (`_left_over`). A big
first build commits its first `FIRST_BATCH` files early, so the reader can search at once, then
batches growing fourfold, so what it finds grows with the build; batches of `PARALLEL_MIN` files or
more go to worker processes (`index.store.parallel`), started
before the first batch so they load their modules meanwhile. Progress is a `(done, total)`
callback; cancelling is a `threading.Event`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from index import faults
from index.corpus import scan as corpus_mod
from index.engine.base import BatchWriter, EngineBusy, Segment
from index.entities.gazetteer import Gazetteer
from index.errors import ConfigError, StoreError
from index.model import IndexReport, Skipped
from index.store import freshness, passage_terms
from index.store.folder import IndexFolder
from index.store.sidestore import Fingerprint

if TYPE_CHECKING:
    from index.store.parallel import Job, Pool
    from index.store.prepare import Prepared

Progress = Callable[[int, int], object]
FIRST_BATCH = 32  # documents committed early on a big first build, so search works at once (~1 s)
T = TypeVar("T")
NEXT_BATCH = 256  # the second batch; each after it four times the last
PARALLEL_MIN = 100  # fewer files than this are indexed in this process: starting workers costs ~0.5 s


def update(
    folder: IndexFolder,
    gazetteer: Callable[[], Gazetteer],
    progress: Progress | None,
    cancel: threading.Event | None,
    rebuilt: bool,
    full: bool = True,
) -> IndexReport:
    """Index what is new or changed in the folder's corpus, drop what is gone. The caller holds the write lock.

    full=False: when the folder's signature says nothing can have been added, removed or renamed since
    a recent full check (`index.store.freshness`), answer at once, without a stat of every file.
    """
    corpus = folder.corpus
    messages = list(folder.messages)
    quick = not full and not rebuilt
    if quick and freshness.unchanged(folder.side.get_meta(freshness.META_KEY), corpus) and not _left_over(folder):
        tally = _Tally(0, folder.side.document_count(), [], progress)
        tally.step(0)
        return IndexReport(0, 0, tally.unchanged, (), rebuilt, "; ".join(messages))
    started, metadata = freshness.clock(), freshness.metadata_stamp(corpus)
    folders: dict[str, int] = {}
    files, skipped, unread = corpus_mod.scan_all(corpus, folders)
    trusted = not unread  # what could not be read is read again by the next call
    try:
        given_all = corpus_mod.load_corpus_metadata(corpus)
    except ConfigError as exc:
        messages.append(f"{exc}; its metadata is ignored")
        given_all = {}
        trusted = False  # a broken metadata.toml is said at every call, until it is mended
    known = folder.side.fingerprints()
    current = {f.doc for f in files}
    left_over = _left_over(folder)
    if left_over:
        messages.append(f"repaired {len(left_over)} document(s) an interrupted update had left half-written")
    removed = [doc for doc in known if doc not in current] + [
        d for d in left_over if d not in current and d not in known
    ]
    if unread:  # a folder or file that cannot be read now is not taken for deleted: what it held stays
        kept = [doc for doc in removed if corpus_mod.under(doc, unread)]
        removed = [doc for doc in removed if doc not in kept]
        if kept:
            messages.append(
                f"{len(kept)} indexed document(s) in {', '.join(unread[:3])}{' …' if len(unread) > 3 else ''} "
                "are kept as they were: it cannot be read now (see the skipped list); run again when it can"
            )
    todo: list[tuple[corpus_mod.SourceFile, str]] = []
    unchanged = 0
    nothing_given = json.dumps(None)
    from index.corpus.readers import read_cost

    for source in sorted(files, key=read_cost):  # stable: text first, big PDFs last (first results sooner)
        given_meta = given_all.get(source.doc)
        given = nothing_given if given_meta is None else json.dumps(given_meta, sort_keys=True, default=str)
        old = known.get(source.doc)
        if (
            old
            and (old.size, old.mtime_ns, old.given) == (source.size, source.mtime_ns, given)
            and source.doc not in left_over
        ):
            unchanged += 1
            if old.reason:
                skipped.append(Skipped(source.doc, old.reason))
            continue
        todo.append((source, given))
    checked = freshness.clock() - started  # the stat pass alone: what a folder-only check saves
    tally = _Tally(total=len(todo) + len(removed), unchanged=unchanged, skipped=skipped, progress=progress)
    tally.step(0)
    batches = _batches(todo)
    if not tally.total:
        batches = []  # nothing changed: no writer, no lock, no commit
    cancelled = False
    pool = None
    if len(batches) > 1 and len(todo) - len(batches[0]) >= PARALLEL_MIN:
        from index.store import parallel

        if parallel.worker_count() > 1:
            # Started now, the workers load their modules while the first batch is indexed here.
            size = parallel.pool_size(len(batches[1]))
            pool = parallel.Pool(folder.location / "whoosh", gazetteer(), size, type(folder.engine))
    batcher = _Batches(folder, gazetteer, tally)
    try:
        for number, batch in enumerate(batches):
            if cancelled or (number and not batch):
                continue
            jobs = [(source, given, known.get(source.doc), given_all.get(source.doc)) for source, given in batch]
            cancelled = batcher.index(jobs, removed if number == 0 else [], cancel, pool if number else None)
    finally:
        if pool is not None:
            pool.close()
    if not cancelled and not folder.read_only:
        _keep_signature(folder, freshness.signature(started, checked, folders, metadata, trusted and not tally.unread))
    if tally.unread:
        messages.append(_unread_message(corpus, tally.unread))
    skipped.sort(key=lambda s: s.path)
    return IndexReport(
        tally.indexed, len(removed), tally.unchanged, tuple(skipped), rebuilt, "; ".join(messages), cancelled
    )


def _keep_signature(folder: IndexFolder, signature: str) -> None:
    """What the next call checks instead of every file (one small write per full check)."""
    side = folder.side
    if side.get_meta(freshness.META_KEY) != signature:
        with side.transaction() as db:
            side.set_meta(db, freshness.META_KEY, signature)


def _unread_message(corpus: Path, count: int) -> str:
    try:
        os.listdir(corpus)
    except OSError as exc:  # the whole folder went while it was read (unmounted, renamed, permissions)
        from index.corpus.textclean import safe_line

        return (
            f"the corpus folder {safe_line(str(corpus))} cannot be read ({exc.strerror or exc}) since this update "
            f"began: {count} file(s) could not be read and are kept as they were last indexed; run again when "
            "the folder is back"
        )
    return f"{count} file(s) could not be read (see the skipped list): kept as last indexed, read again next run"


def _batches(todo: list[T]) -> list[list[T]]:
    """The first FIRST_BATCH files, then batches four times larger each (256, 1,024, 4,096 …): a big
    first build is searchable within a second and its results grow with it, in few commits."""
    if len(todo) <= FIRST_BATCH:
        return [todo]
    batches, start, size = [todo[:FIRST_BATCH]], FIRST_BATCH, NEXT_BATCH
    while start < len(todo):
        batches.append(todo[start : start + size])
        start, size = start + size, size * 4
    if len(batches) > 2 and len(batches[-1]) < len(batches[-2]) // 2:
        batches[-2:] = [batches[-2] + batches[-1]]  # no small last commit after a big one
    return batches


def _left_over(folder: IndexFolder) -> set[str]:
    """Documents the engine holds that the side store does not (or holds twice): what a process killed
    between the engine's commit and the side store's left. Listed only when the two counts differ."""
    if folder.engine.document_count() == folder.side.document_count():
        return set()
    held = Counter(folder.engine.doc_ids())
    documents = set(folder.side.document_ids())
    return {doc for doc, times in held.items() if times > 1 or doc not in documents}


class _Batches:
    """Writes batches of prepared files: the engine's records and the side store's rows, committed together."""

    def __init__(self, folder: IndexFolder, gazetteer: Callable[[], Gazetteer], tally: _Tally) -> None:
        self.folder = folder
        self.gazetteer = gazetteer
        self.tally = tally

    def index(self, jobs: list[Job], removed: list[str], cancel: threading.Event | None, pool: Pool | None) -> bool:
        """Index one batch in one commit: in the pool's worker processes when given one. True when cancelled."""
        # Imported here: extraction compiles many patterns, and opening or searching needs none of them.
        from index.store.prepare import prepare

        side, tally = self.folder.side, self.tally
        with self._batch() as (writer, db, segments):
            for doc in removed:
                writer.delete(doc)
                side.forget_file(db, doc)
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
                gazetteer, analyse = self.gazetteer(), self.folder.engine.name_analyzer()
                for job in jobs:
                    if cancel is not None and cancel.is_set():
                        cancelled = True
                        break
                    apply(prepare(*job, gazetteer, analyse), False)
            side.count_words(db, words)
            side.put_entity_forms(db, forms)
        return cancelled

    def _batch(self) -> contextlib.AbstractContextManager[tuple[BatchWriter, sqlite3.Connection, list[Segment]]]:
        return batch(self.folder)

    def _apply(
        self,
        writer: BatchWriter,
        db: sqlite3.Connection,
        prepared: Prepared,
        old: Fingerprint | None,
        added: bool,
        words: Counter[str],
        forms: set[tuple[str, str, str]],
    ) -> bool | Skipped:
        """Write one prepared file: True when (re)indexed, False when its content had not changed.

        added: its records are already in a worker's segment; otherwise they go to this writer.
        words, forms: the batch's vocabulary counts and entity names, written once at its end.
        """
        side = self.folder.side
        doc, fingerprint = prepared.source.doc, prepared.fingerprint
        if prepared.unread:
            self.tally.unread += 1
            return Skipped(doc, fingerprint.reason)  # nothing written: its old document and fingerprint stay
        if not prepared.changed:
            side.put_fingerprint(db, doc, fingerprint)
            return Skipped(doc, fingerprint.reason) if fingerprint.reason else False
        # Deleted even when new to the side store: a run killed between the engine's commit and the side
        # store's left its records there. Reaches the index's old segments, never a worker's new one.
        writer.delete(doc)
        if old is not None:
            side.remove_document(db, doc)
        side.put_fingerprint(db, doc, fingerprint)
        document = prepared.document
        if document is None:
            return Skipped(doc, fingerprint.reason)
        if not added:
            for record in prepared.records:
                writer.add(record)
        side.put_document(db, document)
        if prepared.term_spans:
            passage_terms.put(db, doc, prepared.term_spans)
        words.update(prepared.vocabulary)
        side.put_mentions(db, doc, prepared.mentions)
        forms |= prepared.forms
        side.put_shingles(db, doc, prepared.shingles)
        side.put_citations(db, doc, prepared.citations)
        return True


@contextlib.contextmanager
def batch(folder: IndexFolder) -> Iterator[tuple[BatchWriter, sqlite3.Connection, list[Segment]]]:
    """An engine writer and a SQLite transaction committed together, the engine first.

    The list takes segments written by build workers: the commit adds them to the index. Also what a
    pass that rewrites documents the index holds writes through (the entity pass).
    """
    try:
        writer = folder.engine.writer()
    except EngineBusy as exc:
        raise StoreError(str(exc)) from None
    segments: list[Segment] = []
    try:
        with folder.side.transaction(bulk=True) as db:
            try:
                yield writer, db, segments
            except BaseException:
                writer.cancel()
                raise
            writer.commit(segments)
            faults.point("engine-committed")
        faults.point("side-committed")
    except OSError as exc:
        raise StoreError(f"the index could not be written at {folder.location}: {exc.strerror or exc}") from exc
    except sqlite3.OperationalError as exc:  # SQLite met the full disk (or `ulimit -f`) first
        raise StoreError(
            f"the index could not be written at {folder.location}: {exc} (is the disk full, or a file size "
            "limit reached? free some space and run again; what was committed is kept)"
        ) from exc


class _Tally:
    """What an update has done so far, reported as it goes."""

    def __init__(self, total: int, unchanged: int, skipped: list[Skipped], progress: Progress | None) -> None:
        self.total = total
        self.unchanged = unchanged
        self.skipped = skipped
        self.progress = progress
        self.done = 0
        self.indexed = 0
        self.unread = 0  # files that could not be read: kept as they were

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
