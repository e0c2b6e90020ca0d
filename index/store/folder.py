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
from collections.abc import Iterator
from pathlib import Path

from index.engine.base import Engine
from index.errors import StoreError
from index.store.sidestore import SideStore

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

    @property
    def key(self) -> str:
        """What an index must have been built with to be reused; anything else rebuilds it."""
        return json.dumps({"schema": self.engine.version, "entities": self.entities_key, "xref": 3})

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
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (location / f"side.sqlite{suffix}").unlink()


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
