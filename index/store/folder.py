"""An index folder: opening it, rebuilding what cannot be used, wiping it, falling back to a temporary one.

Layout: `whoosh/` (the engine's records), `side.sqlite` (texts, passages, file fingerprints,
vocabulary ...), `open.lock` (serialises opening and wiping between processes). An index made
with another key (schema version, entity lists) or that cannot be read is rebuilt, with a
message; a cache that cannot be written falls back to a temporary index, with a message.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from index.engine.base import Engine
from index.engine.file_sizes import FilesDamaged
from index.errors import StoreError
from index.store.sidestore import SideStore

_T = TypeVar("_T")

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


class IndexFolder:
    """The engine's index and the side store of one folder, opened together; thread-safe to open."""

    def __init__(self, location: Path, corpus: Path, engine: Engine, entities_key: str) -> None:
        self.location = location
        self.corpus = corpus
        self.engine = engine
        self.messages: list[str] = []  # what a user should know about opening (rebuilt, fell back)
        self.lock = threading.RLock()  # workers may all reach for a fresh index at once
        self.entities_key = entities_key
        self._side: SideStore | None = None
        self.read_only = False  # opened in a folder that cannot be written: searched, never updated

    @property
    def key(self) -> str:
        """What an index must have been built with to be reused; anything else rebuilds it."""
        from index.corpus.readers import READERS_VERSION

        key = {"schema": self.engine.version, "entities": self.entities_key, "xref": 4, "readers": READERS_VERSION}
        return json.dumps(key)

    @property
    def is_open(self) -> bool:
        return self.engine.is_open

    def open(self) -> None:
        with self.lock:
            if not self.engine.is_open:
                self._open_or_fall_back()

    @property
    def side(self) -> SideStore:
        with self.lock:
            if self._side is None:
                self._open_or_fall_back()
            side = self._side
        if side is None:
            raise StoreError(f"the index at {self.location} could not be opened")
        return side

    def peek(self, read: Callable[[SideStore], _T]) -> _T | None:
        """read(side store) on the index as it is on disk, without opening the engine (importing Whoosh
        is a third of the reader's start): what the reader's first frame shows. None when there is no
        index yet, it is marked damaged, or it cannot be read as it is; opening it then says why."""
        with self.lock:
            if self._side is not None:
                return read(self._side)
        path = self.location / "side.sqlite"
        if not path.is_file() or self.damage or not (self.location / "whoosh").is_dir():
            return None
        side: SideStore | None = None
        try:
            side = SideStore(path)
            return read(side)
        except (sqlite3.Error, OSError):
            return None
        finally:
            if side is not None:
                side.close()

    def close(self) -> None:
        with self.lock:
            if self._side is not None:
                self._side.close()
            self.engine.close()
            self._side = None

    def rebuild(self) -> None:
        """Throw the index away and make an empty one in its place."""
        with self.lock:
            self.close()
            with _process_lock(self.location):
                self._wipe(self.location)
                self._create(self.location)

    @property
    def damage(self) -> str:
        """Why the index was found damaged (it is rebuilt when next opened or updated); "" when it was not."""
        try:
            return (self.location / DAMAGED_MARK).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def mark_damaged(self, reason: str) -> None:
        with contextlib.suppress(OSError):
            (self.location / DAMAGED_MARK).write_text(reason, encoding="utf-8")

    def _open_or_fall_back(self) -> None:
        try:
            self._open_at(self.location)
        except OSError as exc:
            why = f"the index cache {self.location} cannot be written ({exc.strerror or exc})"
            if self._open_read_only(self.location):
                self.messages.append(f"{why}; answering from the index it holds, which is not updated")
                return
            import atexit
            import shutil
            import tempfile  # only here: a search that never falls back does not load them

            fallback = Path(tempfile.mkdtemp(prefix="ralign-index-"))
            # Deleted when this process ends: one call must not leave a whole index behind (73 MB each).
            atexit.register(shutil.rmtree, fallback, ignore_errors=True)
            self.messages.append(f"{why}; using a temporary index at {fallback}, deleted when this run ends")
            self.location = fallback
            self._open_at(fallback)

    def _open_read_only(self, location: Path) -> bool:
        """A valid index in a folder that cannot be written (a read-only file system), opened to be read."""
        try:
            if not self.engine.exists(location / "whoosh") or self.damage:
                return False
            side = SideStore(location / "side.sqlite", read_only=True)
            if side.get_meta("key") != self.key:
                side.close()
                return False
            self.engine.open(location / "whoosh")
        except Exception:  # anything amiss: a temporary index instead
            return False
        self._side = side
        self.read_only = True
        return True

    def _open_at(self, location: Path) -> None:
        location.mkdir(parents=True, exist_ok=True)
        with _process_lock(location):
            try:
                self._open_existing(location)
            except _NeedsRebuild as reason:
                if str(reason):
                    self.messages.append(f"the index was rebuilt: {reason}")
                self._wipe(location)
                self._create(location)

    def _open_existing(self, location: Path) -> None:
        if not self.engine.exists(location / "whoosh"):
            raise _NeedsRebuild("")  # nothing was ever committed here: a first build
        damage = self.damage
        if damage:
            raise _NeedsRebuild(f"it was found damaged ({damage})")
        try:
            side = SideStore(location / "side.sqlite")
            stored_key = side.get_meta("key")
        except sqlite3.DatabaseError as exc:
            raise _NeedsRebuild(f"its side store could not be read ({exc})") from None
        if stored_key != self.key:
            side.close()
            raise _NeedsRebuild("it was made by another version" if stored_key else "")
        try:
            self.engine.open(location / "whoosh")
        except FilesDamaged as exc:  # a file truncated or deleted since its commit: seen at open, not by a search
            side.close()
            raise _NeedsRebuild(f"its file {location / 'whoosh'}/{exc} (found when opened)") from None
        except Exception as exc:
            side.close()
            raise _NeedsRebuild(f"it could not be opened ({type(exc).__name__}: {exc})") from None
        self._side = side

    def _create(self, location: Path) -> None:
        self.engine.create(location / "whoosh")
        self._side = SideStore(location / "side.sqlite")
        with self._side.transaction() as db:
            self._side.set_meta(db, "key", self.key)
            self._side.set_meta(db, "corpus", str(self.corpus))

    def _wipe(self, location: Path) -> None:
        if self._side is not None:
            self._side.close()
        self._side = None
        self.engine.wipe(location / "whoosh")
        with contextlib.suppress(FileNotFoundError):
            (location / DAMAGED_MARK).unlink()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (location / f"side.sqlite{suffix}").unlink()


DAMAGED_MARK = "damaged"  # written when reading the index failed: the next open or update rebuilds it
UPDATE_WAIT = 5.0  # seconds an update waits for another process's update before saying it is busy


@contextlib.contextmanager
def update_lock(location: Path, wait: float = UPDATE_WAIT) -> Iterator[None]:
    """The one updater across processes, held for a whole update: what is indexed is read under it,
    so two updates never both take the same new file for new (and index it twice)."""
    if fcntl is None:
        yield
        return
    try:
        location.mkdir(parents=True, exist_ok=True)
        handle = open(location / "update.lock", "a+b")  # noqa: SIM115 - held for the whole update
    except OSError as exc:
        raise StoreError(f"the index cache {location} cannot be written ({exc.strerror or exc})") from None
    with handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(
                        "another ralign-tui is updating this corpus's index; try again when it has finished"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def _process_lock(location: Path) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    with open(location / "open.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _NeedsRebuild(Exception):
    pass
