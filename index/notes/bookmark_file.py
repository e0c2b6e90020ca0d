"""Locked, atomic rewrites of the bookmarks file, and reading it back (parsed again only when it changed).

Writes take a sidecar lock (`FILE.lock`, so renaming the file never orphans it), build the new
file in a temporary file in the same folder, fsync and rename it onto the real path (a symlink is
followed, not replaced). A rewrite starts over if the file changed since it was read.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from index import faults
from index.errors import RalignError
from index.notes import front_matter
from index.notes.markdown import FILE_HEADER, Bookmark, Parsed, parse, render
from index.safe_write import fsync_folder

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

MAX_RETRIES = 20


class BookmarkError(RalignError):
    """The bookmarks file cannot be read or written; nothing was changed."""


class BookmarkFile:
    """One bookmarks file; every change is locked, atomic, and re-done if the file moved under it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).expanduser()
        # The last parse and the file's (mtime, size) then: opening a document asks for every
        # bookmark (its ★ marks), and a long notes file need not be parsed again unchanged.
        self._parsed: tuple[tuple[int, int], list[Bookmark]] | None = None

    @property
    def real_path(self) -> Path:
        """Where writes land: a symlinked file is followed, so the link itself stays."""
        return Path(os.path.realpath(self.path))

    def read(self) -> Parsed:
        return parse(self._read_text()[0])

    def bookmarks(self) -> list[Bookmark]:
        try:
            info = self.real_path.stat()
        except FileNotFoundError:
            return []
        except OSError:
            return self.read().bookmarks  # says why it cannot be read
        stamp = (info.st_mtime_ns, info.st_size)
        cached = self._parsed
        if cached is not None and cached[0] == stamp:
            return list(cached[1])
        found = self.read().bookmarks
        self._parsed = (stamp, found)
        return list(found)

    def _read_text(self) -> tuple[str, str]:
        try:
            data = self.real_path.read_bytes()
        except FileNotFoundError:
            return "", ""
        except OSError as exc:
            raise BookmarkError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        # surrogateescape: bytes that are not UTF-8 survive a rewrite unchanged, as do CRLF lines.
        return data.decode("utf-8", "surrogateescape"), hashlib.sha256(data).hexdigest()

    def add(self, bookmark: Bookmark) -> Bookmark:
        def change(parsed: Parsed) -> None:
            if not parsed.segments:
                parsed.segments.append(FILE_HEADER)
            last = parsed.segments[-1]
            if isinstance(last, str) and last and not last.endswith("\n"):
                parsed.segments[-1] = last + "\n"
            if (isinstance(last, str) and last.strip() and not last.endswith("\n\n")) or isinstance(last, Bookmark):
                parsed.segments.append("\n")
            parsed.segments.append(bookmark)

        self._rewrite(change)
        return bookmark

    def remove(self, bookmark_id: str) -> Bookmark:
        removed: list[Bookmark] = []

        def change(parsed: Parsed) -> None:
            removed.clear()
            for index, segment in enumerate(parsed.segments):
                if isinstance(segment, Bookmark) and segment.id == bookmark_id:
                    removed.append(segment)
                    del parsed.segments[index]
                    # Drop the blank line this program put before the block, nothing a person wrote.
                    if index > 0 and parsed.segments[index - 1] == "\n":
                        del parsed.segments[index - 1]
                    return
            raise BookmarkError(f"no bookmark with id {bookmark_id!r} in {self.path}")

        self._rewrite(change)
        return removed[0]

    def update(self, bookmark_id: str, **changes: object) -> Bookmark:
        updated: list[Bookmark] = []

        def change(parsed: Parsed) -> None:
            updated.clear()
            for index, segment in enumerate(parsed.segments):
                if isinstance(segment, Bookmark) and segment.id == bookmark_id:
                    new = replace(segment, **changes)  # type: ignore[arg-type]
                    parsed.segments[index] = new
                    updated.append(new)
                    return
            raise BookmarkError(f"no bookmark with id {bookmark_id!r} in {self.path}")

        self._rewrite(change)
        return updated[0]

    def _rewrite(self, change: Callable[[Parsed], None]) -> None:
        target = self.real_path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BookmarkError(f"cannot create {target.parent}: {exc.strerror or exc}; nothing was changed") from None
        with self._locked(target):
            _remove_left_copies(target)
            for _ in range(MAX_RETRIES):
                content, digest = self._read_text()
                parsed = parse(content)
                change(parsed)
                refresh_front_matter(parsed)
                new_content = render(parsed)
                if self._read_text()[1] != digest:
                    continue  # someone wrote between our read and now: start over
                self._replace(target, new_content)
                return
        raise BookmarkError(f"{self.path} kept changing while being written; nothing was changed")

    @contextlib.contextmanager
    def _locked(self, target: Path) -> Iterator[None]:
        lock_path = target.with_name(target.name + ".lock")
        try:
            handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the duration of the block
        except OSError as exc:
            raise BookmarkError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed") from None
        with handle:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _replace(self, target: Path, content: str) -> None:
        tmp_name = ""
        try:
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(content.encode("utf-8", "surrogateescape"))
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileNotFoundError):
                os.chmod(tmp_name, os.stat(target).st_mode & 0o777)
            faults.point("bookmark-written")  # the crash tests' moment: the new copy whole, not yet in place
            os.replace(tmp_name, target)
            tmp_name = ""
            fsync_folder(target.parent)
        except OSError as exc:
            raise BookmarkError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed") from None
        finally:
            if tmp_name:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)


def _remove_left_copies(target: Path) -> None:
    """New copies a writer killed before moving them in place left behind; safe under the lock, which
    every writer holds while its copy exists."""
    for left in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            left.unlink()


def refresh_front_matter(parsed: Parsed) -> None:
    """Give the file its YAML front matter, or bring it up to date: `updated` now, the bookmarks' tags
    added. A file written before front matter existed gets one on top; nothing else moves."""
    bookmarks = parsed.bookmarks
    corpus = next((b.corpus for b in bookmarks if b.corpus), "")
    tags = [tag for b in bookmarks for tag in b.tags]
    first = parsed.segments[0] if parsed.segments else ""
    if not isinstance(first, str):
        parsed.segments.insert(0, "")
        first = ""
    front, rest = front_matter.split(first)
    parsed.segments[0] = front_matter.refresh(front, corpus, front_matter.now_iso(), tags) + rest
