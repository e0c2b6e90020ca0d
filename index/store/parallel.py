"""Big builds on every core: worker processes prepare files and write engine segments of their own.

Whoosh is pure Python, so one process indexes on one core. Each worker here prepares files
(`index.store.prepare`: reading, cleaning, entities, shingles) and adds their records to the
engine's segment writer (`Engine.segment_writer`: in the same index folder, unlocked, as Whoosh's
own multi-process writer does); the parent holds the index's write lock, writes the side store
from what the workers send back, and at the end adds the workers' segments to the index in its
own commit. The parent sends the engine's class: a worker makes its own engine of that kind.

Workers are fresh interpreters (`python -m index.store.parallel`) talking pickles over their stdin and
stdout, not multiprocessing: a forked copy of the threaded reader can deadlock on a lock another
thread held, and "spawn" re-runs the caller's main script, which breaks any script without a
`__main__` guard.
"""

from __future__ import annotations

import collections
import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from index.corpus import scan as corpus_mod
from index.engine.base import Engine, Segment
from index.entities.gazetteer import Gazetteer
from index.errors import StoreError
from index.store.prepare import Prepared, prepare
from index.store.sidestore import Fingerprint

Job = tuple[corpus_mod.SourceFile, str, Fingerprint | None, dict[str, object] | None]
CHUNK = 8  # files a worker takes at a time: small enough that a cancel is felt within a second
STDERR_LINES = 20  # of a worker's stderr, kept for the message when it stops


def worker_count() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class _Worker:
    def __init__(self, number: int, inbox: queue.Queue[tuple[str, Any]]) -> None:
        self.number = number
        package_root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            # -P: the current folder is not put on the path, so a folder holding an `index.py` (or a
            # package named `tui`) cannot shadow ours.
            [sys.executable, "-P", "-m", "index.store.parallel"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,  # kept for the error message; never the reader's terminal
            env=env,
        )
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=STDERR_LINES)
        self._reader = threading.Thread(target=self._read, args=(inbox,), daemon=True)
        self._reader.start()
        self._errors = threading.Thread(target=self._read_stderr, daemon=True)
        self._errors.start()

    def send(self, message: object) -> None:
        assert self.process.stdin is not None
        pickle.dump(message, self.process.stdin, pickle.HIGHEST_PROTOCOL)
        self.process.stdin.flush()

    def _read(self, inbox: queue.Queue[tuple[str, Any]]) -> None:
        stream = self.process.stdout
        assert stream is not None
        try:
            while True:
                inbox.put(pickle.load(stream))
        except (EOFError, OSError, pickle.UnpicklingError):
            inbox.put(("gone", (self.number, self.process.wait())))

    def _read_stderr(self) -> None:
        stream = self.process.stderr
        assert stream is not None
        with contextlib.suppress(OSError, ValueError):
            for line in stream:
                self.stderr_tail.append(line.decode("utf-8", "replace").rstrip())

    def why_gone(self) -> str:
        """The last lines the worker wrote to stderr (a failed import, a crash), once it has ended."""
        self._errors.join(timeout=2)
        return "\n".join(self.stderr_tail)

    def close(self) -> None:
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()


class Pool:
    """Worker interpreters, started ahead of their work: each imports its modules and reads the
    gazetteer while the caller does something else (a big first build commits its first files first).

    A worker opens the index only when its first files arrive, so a commit made before then (which
    deletes files no segment lists) cannot take a segment it has begun.
    """

    def __init__(self, index_dir: Path, gazetteer: Gazetteer, count: int, engine: type[Engine]) -> None:
        self.inbox: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.workers: list[_Worker] = []
        self.used = False
        self._unsent: list[tuple[_Worker, BaseException]] = []
        self._introductions: list[threading.Thread] = []
        try:
            self.workers = [_Worker(number, self.inbox) for number in range(count)]
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

    def _introduce(self, worker: _Worker, message: object) -> None:
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
        """Index jobs; on_prepared runs here for each file. Returns the new segments. Once per pool."""
        assert not self.used, "a pool builds once"
        self.used = True
        self._introduced()
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

        def feed(worker: _Worker) -> None:
            nonlocal fed, stopping
            if stopping:
                return
            if fed < len(chunks) and not (cancel is not None and cancel.is_set()):
                worker.send(chunks[fed])
                fed += 1
                return
            stopping = True
            for each in pool:
                each.send(None)

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
            if not self.used:
                with contextlib.suppress(OSError):
                    worker.send(None)  # never given work: it ends without opening the index
            worker.close()


def pool_size(jobs: int) -> int:
    """How many workers a batch of this many files gets."""
    return max(1, min(worker_count(), jobs))


def serve(inbox: IO[bytes], outbox: IO[bytes]) -> None:
    """A worker: prepare the files of each chunk, add their records to a segment of its own."""

    def say(*message: object) -> None:
        pickle.dump(message, outbox, pickle.HIGHEST_PROTOCOL)
        outbox.flush()

    try:
        index_dir, gazetteer, number, engine_type = pickle.load(inbox)
        engine: Engine = engine_type()
        analyse = engine.name_analyzer()
        writer = None  # opened with the first files: the index may be committed to until then
        while (chunk := pickle.load(inbox)) is not None:
            if writer is None:
                writer = engine.segment_writer(index_dir)
            for source, given, old, given_meta in chunk:
                prepared = prepare(source, given, old, given_meta, gazetteer, analyse)
                for record in prepared.records:
                    writer.add(record)
                prepared.records = []  # the parent needs the rest, not the engine's records
                say("file", prepared)
            say("chunk", number)
        say("segment", (number, writer.finish() if writer is not None else None))
    except BaseException:
        say("error", traceback.format_exc())


if __name__ == "__main__":
    # The channel is a private copy of stdout; fd 1 itself goes nowhere, so a stray print cannot
    # corrupt the pickles (or reach the terminal).
    _outbox = os.fdopen(os.dup(1), "wb")
    _devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(_devnull, 1)
    serve(sys.stdin.buffer, _outbox)
