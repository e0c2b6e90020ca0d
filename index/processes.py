"""Worker interpreters that talk pickles over their stdin and stdout.

Fresh interpreters (`python -P -m MODULE`), never forked and never multiprocessing-spawned: a forked
copy of the threaded reader can deadlock on a lock another thread held, and "spawn" re-runs the
caller's main script, which breaks any script without a `__main__` guard. `-P` keeps the current
folder off the path, so a user's `index.py` there cannot shadow the package. A worker's stderr is
kept (its last lines) for the message when it stops; it never reaches the reader's terminal.
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
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

STDERR_LINES = 20  # of a worker's stderr, kept for the message when it stops
PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])


class WorkerProcess:
    """One worker interpreter running `module`; what it says lands in `inbox`, then ("gone", (number, code))."""

    def __init__(self, module: str, number: int, inbox: queue.Queue[tuple[str, Any]]) -> None:
        self.number = number
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
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


def run_worker(serve: Callable[[IO[bytes], IO[bytes]], None]) -> None:
    """A worker's `__main__`: the channel is a private copy of stdout; fd 1 itself goes nowhere, so a
    stray print (a library's banner, a warning) cannot corrupt the pickles or reach the terminal."""
    outbox = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    serve(sys.stdin.buffer, outbox)


def say_to(outbox: IO[bytes]) -> Callable[..., None]:
    """A worker's way of answering: one pickled tuple per message, flushed at once."""

    def say(*message: object) -> None:
        pickle.dump(message, outbox, pickle.HIGHEST_PROTOCOL)
        outbox.flush()

    return say
