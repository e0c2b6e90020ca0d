"""Big builds on every core: worker processes prepare files and write engine segments of their own.

Whoosh is pure Python, so one process indexes on one core. Each worker here prepares files
(`index.store.prepare`: reading, cleaning, entities, shingles) and adds their records to the
engine's segment writer (`Engine.segment_writer`: in the same index folder, unlocked, as Whoosh's
own multi-process writer does); the parent holds the index's write lock, writes the side store
from what the workers send back, and at the end adds the workers' segments to the index in its
own commit. The parent sends the engine's class: a worker makes its own engine of that kind.

Workers are fresh interpreters (`python -P -m index.store.parallel`, `index.processes`) talking
pickles over their stdin and stdout, not multiprocessing (why: `index.processes`).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from index.corpus import scan as corpus_mod
from index.engine.base import Engine, Segment
from index.entities.gazetteer import Gazetteer
from index.errors import StoreError
from index.processes import WorkerProcess, run_worker, say_to
from index.store.prepare import Prepared, prepare
from index.store.sidestore import Fingerprint

Job = tuple[corpus_mod.SourceFile, str, Fingerprint | None, dict[str, object] | None]
CHUNK = 8  # files a worker takes at a time: small enough that a cancel is felt within a second


FLUSH = "flush"  # after a batch's last chunk: finish the segment and send it, then wait for the next batch


def worker_count() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class Pool:
    """Worker interpreters, started ahead of their work: each imports its modules and reads the
    gazetteer while the caller does something else (a big first build commits its first files first).

    A worker opens the index only when its first files arrive, so a commit made before then (which
    deletes files no segment lists) cannot take a segment it has begun.
    """

    def __init__(self, index_dir: Path, gazetteer: Gazetteer, count: int, engine: type[Engine]) -> None:
        self.inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.workers: list[WorkerProcess] = []
        self.used = False
        self._unsent: list[tuple[WorkerProcess, BaseException]] = []
        self._introductions: list[threading.Thread] = []
        try:
            self.workers = [WorkerProcess("index.store.parallel", number, self.inbox) for number in range(count)]
        except BaseException:
            self.close()
            raise
        # The first message (the gazetteer) fills the pipe: its send waits until the worker has imported
        # its modules and reads it. Sent from threads, so the caller goes on meanwhile.
        self._introductions = [
            threading.Thread(
                target=self._introduce, args=(worker, (index_dir, gazetteer, worker.number, engine)), daemon=True
            )
            for worker in self.workers
        ]
        for thread in self._introductions:
            thread.start()

    def _introduce(self, worker: WorkerProcess, message: object) -> None:
        try:
            worker.send(message)
        except BaseException as exc:  # a worker gone at once: `build` reports it, with its stderr
            self._unsent.append((worker, exc))

    def _introduced(self) -> None:
        for thread in self._introductions:
            thread.join()
        if self._unsent:
            worker, exc = self._unsent[0]
            worker.process.wait(timeout=5)
            why = worker.why_gone()
            raise StoreError(f"an indexing worker could not be started: {exc}" + (f":\n{why}" if why else ""))

    def build(
        self, jobs: list[Job], on_prepared: Callable[[Prepared], None], cancel: threading.Event | None = None
    ) -> list[Segment]:
        """Index jobs; on_prepared runs here for each file. Returns the new segments, one a worker that
        had files. Called again for the next batch once these segments are committed: each worker
        opens a new segment with that batch's first files, after the commit."""
        self._introduced()
        self.used = True
        pool, inbox = self.workers, self.inbox
        count = len(pool)
        chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        segments: list[Segment] = []
        fed = 0
        # Two chunks ahead per worker: none waits, and a cancel leaves little queued.
        for i in range(min(len(chunks), 2 * count)):
            pool[i % count].send(chunks[fed])
            fed += 1
        stopping = False
        finished: set[int] = set()

        def feed(worker: WorkerProcess) -> None:
            nonlocal fed, stopping
            if stopping:
                return
            if fed < len(chunks) and not (cancel is not None and cancel.is_set()):
                worker.send(chunks[fed])
                fed += 1
                return
            stopping = True
            for each in pool:
                each.send(FLUSH)

        if fed == len(chunks):
            feed(pool[0])
        while len(finished) < count:
            kind, payload = inbox.get()
            if kind == "file":
                on_prepared(payload)
            elif kind == "chunk":
                feed(pool[payload])
            elif kind == "segment":
                number, segment = payload
                finished.add(number)
                if segment is not None:
                    segments.append(segment)
            elif kind == "error":
                raise StoreError(f"an indexing worker failed:\n{payload}")
            elif kind == "gone" and payload[0] not in finished:
                why = self.workers[payload[0]].why_gone()
                raise StoreError(f"an indexing worker stopped (exit code {payload[1]})" + (f":\n{why}" if why else ""))
        return segments

    def close(self) -> None:
        if not self.used:
            with contextlib.suppress(StoreError):
                self._introduced()
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.send(None)  # its segments, if any, were sent at each batch's flush
            worker.close()


def pool_size(jobs: int) -> int:
    """How many workers a batch of this many files gets."""
    return max(1, min(worker_count(), jobs))


def serve(inbox: IO[bytes], outbox: IO[bytes]) -> None:
    """A worker: prepare the files of each chunk, add their records to a segment of its own."""

    say = say_to(outbox)

    try:
        index_dir, gazetteer, number, engine_type = pickle.load(inbox)
        engine: Engine = engine_type()
        analyse = engine.name_analyzer()
        writer = None  # opened with a batch's first files: the index may be committed to until then
        while (chunk := pickle.load(inbox)) is not None:
            if chunk == FLUSH:  # the batch is done: its segment goes to the parent, who commits it
                say("segment", (number, writer.finish() if writer is not None else None))
                writer = None
                continue
            if writer is None:
                writer = engine.segment_writer(index_dir)
            for source, given, old, given_meta in chunk:
                prepared = prepare(source, given, old, given_meta, gazetteer, analyse)
                for record in prepared.records:
                    writer.add(record)
                prepared.records = []  # the parent needs the rest, not the engine's records
                say("file", prepared)
            say("chunk", number)
        # Files sent with no flush after them: the parent gave up on the batch; the next commit
        # deletes the files of a segment no table of contents lists.
    except BaseException:
        say("error", traceback.format_exc())


if __name__ == "__main__":
    run_worker(serve)
