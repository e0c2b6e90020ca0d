"""The child interpreter that runs format readers for `readers.sandbox`: ("read", kind, data, name) in,
("ok", Extracted) or ("unreadable", reason) out, one file at a time."""

from __future__ import annotations

import pickle
from typing import IO


def serve(inbox: IO[bytes], outbox: IO[bytes]) -> None:
    from index.corpus import readers
    from index.corpus.readers.base import Unreadable
    from index.processes import say_to

    say = say_to(outbox)
    while True:
        try:
            _, kind, data, name = pickle.load(inbox)
        except (EOFError, OSError):
            return
        try:
            say("ok", readers.read(kind, data, name))
        except Unreadable as exc:
            say("unreadable", str(exc))
        except MemoryError:
            say("unreadable", "too big to read in memory")
        except RecursionError:
            say("unreadable", "nested too deeply to read")
        except Exception as exc:
            say("unreadable", f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:100]})")


if __name__ == "__main__":
    from index.processes import run_worker

    run_worker(serve)
