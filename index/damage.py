"""Telling a damaged index from other failures: an error raised while the engine or SQLite read its files.

A damaged index is marked (`IndexFolder.mark_damaged`) and rebuilt when next opened or updated: the
index is a cache of the corpus folder, so rebuilding loses nothing (bookmarks live elsewhere).
"""

from __future__ import annotations

import os
import sqlite3
import traceback

from index.errors import StoreError

_ENGINE_FILES = f"{os.sep}whoosh{os.sep}"  # the engine's own code, where reading a damaged file fails


class IndexDamaged(StoreError):
    """The index's files could not be read; it is marked and rebuilt at the next update."""


def damage_reason(exc: BaseException) -> str:
    """Why exc means the index's files are damaged, in a few words; "" when it does not."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        return f"its side store: {text}" if "no such table" in text or "no such column" in text else ""
    if isinstance(exc, sqlite3.DatabaseError):  # "database disk image is malformed", "file is not a database"
        return f"its side store: {exc}"
    if isinstance(exc, (MemoryError, KeyboardInterrupt, SystemExit, RecursionError)):
        return ""
    frames = traceback.extract_tb(exc.__traceback__)
    if frames and _ENGINE_FILES in frames[-1].filename and "query" not in os.path.basename(frames[-1].filename):
        return f"its text index: {type(exc).__name__}: {str(exc)[:200]}"
    return ""
