"""The entity pass: the statistical model's entities filled in after the text index is searchable.

The text index is built with the rules' entities (fast: ~10 ms a document). Then this pass runs the
model in worker interpreters (`index.store.entity_worker`, one per core up to two), combines its
spans with the rules there, and rewrites each document's mentions and entity keys in batches, so
entity queries and the side panel improve while the reader is in use. The model's spans are kept
per content hash (`model_cache`): an unchanged text never pays the model again, not even after a
rebuild of the same folder's files elsewhere in the index.

Without an installed model (or with RALIGN_ENTITY_MODEL=off), the pass does nothing and the rules'
entities stand; `entity_model()` says which it is.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from index.errors import StoreError
from index.store.model_cache import ModelCache

if TYPE_CHECKING:
    from index.processes import WorkerProcess
    from index.store.corpus_index import CorpusIndex

Progress = Callable[[int, int], object]
OFF_VARIABLE = "RALIGN_ENTITY_MODEL"  # "off": rules alone, even with a model installed
CHUNK = 4  # documents a worker takes at a time: a cancel is felt within a few seconds
FIRST_WRITE = 8  # documents in the first commit: the model's entities show (and a killed pass keeps them) soon
WRITE_EVERY = 64  # documents per commit after it: few segments, and entities appear as the pass goes
WRITE_SECONDS = 3.0  # ... or this often, whichever comes first
MAX_WORKERS = 2  # each holds the model (~300 MB)
RUNNING = "entity_pass"  # side-store meta key set while a pass runs: still there at the next start, it was killed


class EntityPassReport(NamedTuple):
    model: str  # "en_core_web_sm 3.8.0", or "" when there is none to run
    done: int  # documents whose entities now include the model's
    total: int  # documents indexed
    cancelled: bool = False
    note: str = ""  # why there is no model, with the line that installs one
    written: int = 0  # documents this run gave new entities (0: nothing to do)
    resumed: str = ""  # what this run found of a pass killed before its end, and took up again


def entity_model() -> tuple[str, str]:
    """(the model the pass runs, or "", and a sentence on it): never imports the model."""
    if os.environ.get(OFF_VARIABLE, "").strip().lower() in ("off", "0", "no", "false"):
        return "", f"the entity model is turned off ({OFF_VARIABLE}=off): entities come from rules alone"
    from index.entities.statistical import model_status

    available, said = model_status()
    return (said, f"entities: rules and {said}") if available else ("", said)


def entity_progress(index: CorpusIndex) -> EntityPassReport:
    """Where the pass stands, from the side store alone (cheap: the reader's header asks it)."""
    model, said = entity_model()
    cache = ModelCache(index.side)
    if not model:
        return EntityPassReport("", 0, index.document_count(), note=said)
    done, total = cache.counts(model)
    return EntityPassReport(model, done, total, note=said)


def run_entity_pass(
    index: CorpusIndex, progress: Progress | None = None, cancel: threading.Event | None = None
) -> EntityPassReport:
    """Give every document whose stored entities lack the model's the combined ones; progress(done, total)."""
    standing = entity_progress(index)
    if not standing.model or index.read_only:
        return standing  # no model; or an index that cannot be written (a read-only cache), read as it is
    model, said, done, total = standing.model, standing.note, standing.done, standing.total
    cache = ModelCache(index.side)
    todo = cache.pending(model)
    if progress:
        progress(done, total)
    if not todo:
        return EntityPassReport(model, done, total, note=said)
    resumed = _start(index, model, done, total, len(todo))
    known = cache.spans((sha for _, sha in todo), model)
    writer = _Writes(index, cache, model)
    cancelled = False
    written = 0
    try:
        pool = _Pool(min(MAX_WORKERS, os.cpu_count() or 1, max(1, len(todo) // CHUNK)), index.gazetteer)
    except BaseException:
        _finish(index)
        raise
    try:
        for result in pool.run(index, todo, known, cancel):
            writer.add(result)
            if writer.due():
                written += writer.flush()
                if progress:
                    progress(done + written, total)
        cancelled = cancel is not None and cancel.is_set()
    finally:
        pool.close()
        try:
            written += writer.flush()
        finally:
            _finish(index)
    if progress:
        progress(done + written, total)
    return EntityPassReport(model, done + written, total, cancelled, said, written, resumed)


def _start(index: CorpusIndex, model: str, done: int, total: int, todo: int) -> str:
    """Note that this process runs a pass (a killed one leaves the note); what the last killed one left, or ""."""
    side = index.side
    running = side.get_meta(RUNNING)
    # Best effort: if the note cannot be written, the pass's own writes say clearly what is wrong.
    with contextlib.suppress(sqlite3.Error), side.transaction() as db:
        side.set_meta(db, RUNNING, str(os.getpid()))
    if running is None or _alive(running):
        return ""  # none, or another process's pass still going (a reader and a CLI call): not interrupted
    # Batches it committed are kept (not redone); a batch it had not committed is redone whole.
    return (
        f"the last entity pass was interrupted; resuming it: {done} of {total} document(s) kept the model's "
        f"entities, {todo} left to do"
    )


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # another user's process holds that number now
        return True
    return int(pid) != os.getpid()


def _finish(index: CorpusIndex) -> None:
    """The pass ended (done, cancelled or failed with a message): nothing to report at the next start."""
    side = index.side
    with contextlib.suppress(sqlite3.Error), side.transaction() as db:  # never hides why a pass ended
        db.execute("DELETE FROM meta WHERE key = ? AND value = ?", (RUNNING, str(os.getpid())))


class _Writes:
    """Finished documents, written in batches: one Whoosh commit and one SQLite transaction each."""

    def __init__(self, index: CorpusIndex, cache: ModelCache, model: str) -> None:
        self.index, self.cache, self.model = index, cache, model
        self.waiting: list[tuple[Any, ...]] = []
        self.since = time.monotonic()
        self.flushed = 0

    def add(self, result: tuple[Any, ...]) -> None:
        if not self.waiting and not self.flushed:
            self.since = time.monotonic()  # loading the model is not time the first batch waited
        self.waiting.append(result)

    def due(self) -> bool:
        wanted = WRITE_EVERY if self.flushed else FIRST_WRITE
        return len(self.waiting) >= wanted or time.monotonic() - self.since >= WRITE_SECONDS

    def flush(self) -> int:
        """Write what waits; returns how many documents got their entities (a changed file's wait for its next pass)."""
        batch, self.waiting, self.since = self.waiting, [], time.monotonic()
        if not batch:
            return 0
        self.flushed += 1
        written = 0
        forms: set[tuple[str, str, str]] = set()
        with self.index.writing() as (writer, db):
            for doc, sha, spans, mentions, doc_forms, record in batch:
                self.cache.put_spans(db, sha, self.model, spans)
                if self.cache.current_sha(db, doc) != sha:
                    continue  # changed while the model read it: the text index has it anew, the next pass redoes it
                writer.delete(doc)
                writer.add(record)
                self.cache.put_entities(db, doc, sha, self.model, mentions)
                forms |= doc_forms
                written += 1
            self.index.side.put_entity_forms(db, forms)
        return written


class _Pool:
    """Entity workers fed chunks of documents, two ahead each, read from the side store as they go."""

    def __init__(self, count: int, gazetteer: Any) -> None:
        from index.processes import WorkerProcess

        self.inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.workers: list[WorkerProcess] = []
        try:
            for number in range(count):
                worker = WorkerProcess("index.store.entity_worker", number, self.inbox)
                self.workers.append(worker)
                worker.send(gazetteer)
        except BaseException:
            self.close()
            raise

    def run(
        self,
        index: CorpusIndex,
        todo: list[tuple[str, str]],
        known: dict[str, list[tuple[int, int, str]]],
        cancel: threading.Event | None,
    ) -> Any:
        """Yield (doc, sha, spans, mentions, forms, record) for each document, in the order they finish."""
        chunks = [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]
        fed = 0
        out = 0
        expected = 0

        def feed(worker: WorkerProcess) -> None:
            nonlocal fed, expected
            if fed >= len(chunks) or (cancel is not None and cancel.is_set()):
                return
            items = []
            for doc, sha in chunks[fed]:
                document = index.side.document(doc)
                if document is not None:
                    items.append((doc, sha, document, known.get(sha)))
            try:
                worker.send((worker.number, items))
            except OSError:  # gone already (its model failed to load): say why, not a broken pipe
                worker.process.wait(timeout=5)
                why = worker.why_gone()
                raise StoreError("an entity worker stopped" + (f":\n{why}" if why else "")) from None
            fed += 1
            expected += len(items)

        for _ in range(2):
            for worker in self.workers:
                feed(worker)
        chunks_back = 0
        while out < expected or chunks_back < fed:
            try:
                kind, payload = self.inbox.get(timeout=0.2)
            except queue.Empty:
                if cancel is not None and cancel.is_set():
                    self.abandon()  # a worker mid-document would keep the reader from closing
                    return
                continue
            if kind == "done":
                out += 1
                yield payload
            elif kind == "chunk":
                chunks_back += 1
                feed(self.workers[payload])
            elif kind == "error":
                raise StoreError(f"the entity model failed:\n{payload}")
            elif kind == "gone":
                number, code = payload
                why = self.workers[number].why_gone()
                raise StoreError(f"an entity worker stopped (exit code {code})" + (f":\n{why}" if why else ""))

    def abandon(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.process.kill()

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.send(None)
            worker.close()
