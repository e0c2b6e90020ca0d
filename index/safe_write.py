"""Whole-file replacement for files a person keeps besides the bookmarks (entity notes, saved searches,
entities.toml and its undo stack): a new copy beside the file, fsynced, renamed onto it, the folder
fsynced. A process killed at any moment leaves the old file or the new one whole, never a part of one.

Writers of one file (or one folder of notes) take turns under `locked`, a lock in the state folder
(not beside the file: an Obsidian vault gets no lock files); holding it, a writer removes the copies a
killed one left, which no live writer can still be filling. The bookmarks file has its own, older
twin of this in `index.notes.bookmark_file`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from index import faults, paths

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

COPY_SUFFIX = ".ralign-tmp"  # a new copy not yet in place: what a killed writer leaves


@contextlib.contextmanager
def locked(target: Path) -> Iterator[None]:
    """One writer at a time of `target` (a file, or a folder of notes) across processes; the copies a
    killed writer left beside it removed. Without a lock to take (a state folder that cannot be
    written), the write goes on unlocked: it fails, if at all, with its own clear error."""
    handle = None
    if fcntl is not None:
        name = hashlib.blake2b(str(target.resolve()).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
        folder = paths.state_dir() / "locks"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle = open(folder / f"{name}.lock", "a+b")  # noqa: SIM115 - held for the block
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            if handle is not None:
                handle.close()
            handle = None
    try:
        if handle is not None:
            for leftover in _leftovers(target):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        yield
    finally:
        if handle is not None:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()


def _leftovers(target: Path) -> list[Path]:
    """New copies killed writers left: `.NAME.*.ralign-tmp` beside a file, any `.*.ralign-tmp` in a folder
    of notes; and those of earlier versions, named `.NAME.*.tmp` (notes), `.saved-*.json`, `.entities-*.toml`."""
    if target.is_dir():
        patterns = [f".*{COPY_SUFFIX}", ".*.md.*.tmp"]
        folder = target
    else:
        folder = target.parent
        patterns = [f".{target.name}.*{COPY_SUFFIX}"]
        if target.name == "saved-searches.json":
            patterns.append(".saved-*.json")
        elif target.name == "entities.toml":
            patterns.append(".entities-*.toml")
    try:
        return [p for pattern in patterns for p in folder.glob(pattern) if p.is_file()]
    except OSError:
        return []


def replace(target: Path, data: bytes, check: Callable[[Path], None] | None = None) -> None:
    """`target` holds `data`, all of it or (killed, full disk) none of it; `check(copy)` may refuse the
    new copy by raising, before it is moved in place. A symlinked target is followed, the link kept."""
    target = Path(os.path.realpath(target))
    fd, copy = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=COPY_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must not reach the disk before the bytes (a power cut)
        if check is not None:
            check(Path(copy))
        faults.point("file-written")  # the crash tests' moment: the new copy whole, not yet in place
        os.replace(copy, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(copy)
        raise
    fsync_folder(target.parent)


def fsync_folder(folder: Path) -> None:
    """The rename itself made durable; not every file system lets a folder be opened."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
