"""Format readers run in a child interpreter with a time limit per file: a parser that hangs or
crashes on one file costs that file (skipped with the reason), never the build.

One child per indexing process (the parent, each build worker), started at the first rich file and
kept for the next; killed and started again after a file that overran or crashed it.
"""

from __future__ import annotations

import atexit
import queue
import threading
from typing import Any

from index.corpus.readers.base import Extracted, timeout


class Sandbox:
    def __init__(self, child: str = "index.corpus.readers.child") -> None:
        self._child = child  # the child's module: tests give one that hangs or crashes
        self._lock = threading.Lock()
        self._worker: Any = None
        self._inbox: queue.Queue[tuple[str, Any]] = queue.Queue()

    def read(self, kind: str, data: bytes, name: str, limit: float | None = None) -> Extracted | str:
        """The file's `Extracted`, or the reason it is not read."""
        limit = timeout() if limit is None else limit
        with self._lock:
            try:
                worker = self._start()
                worker.send(("read", kind, data, name))
                answer, value = self._inbox.get(timeout=limit)
            except queue.Empty:
                self._stop(kill=True)
                return f"took over {limit:g} s to read (skipped: the file may be damaged or too complex)"
            except OSError:
                self._stop(kill=True)
                return "the reader's process could not be started"
            if answer == "ok":
                return value  # type: ignore[no-any-return]
            if answer == "unreadable":
                return str(value)
            self._stop(kill=True)  # "gone": the parser crashed the child (a segfault in a C library)
            return "crashed the reader (skipped: the file may be damaged)"

    def _start(self) -> Any:
        if self._worker is None or self._worker.process.poll() is not None:
            from index.processes import WorkerProcess

            self._inbox = queue.Queue()
            self._worker = WorkerProcess(self._child, 0, self._inbox)
        return self._worker

    def _stop(self, kill: bool = False) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        if kill:
            worker.process.kill()
            worker.process.wait()
        worker.close()

    def close(self) -> None:
        with self._lock:
            self._stop()


_SHARED: Sandbox | None = None
_SHARED_LOCK = threading.Lock()


def shared() -> Sandbox:
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = Sandbox()
            atexit.register(_SHARED.close)
        return _SHARED
