"""Whether a corpus folder can have changed since its last full check, without a stat of every file.

A full check (`index.store.indexer.update`) stats every file; at 40,000 files that is ~0.5 s, paid by
every CLI call and every live check of the reader. After one, the folder's signature is kept in the
side store: when it ran, and the mtime of every folder it walked (and of `metadata.toml`). Adding,
removing or renaming a file changes its folder's mtime, so a later call stats the folders only
(tens, not thousands) and finds those at once.

A file rewritten in place changes no folder's mtime. That case is caught by the full check, which
runs always for `ralign-tui index` and `docs` and for the reader's first check after it opens, and
otherwise when the last one is older than its window: `COST_FACTOR` times what it took, at most
`MAX_WINDOW` seconds. The checks then cost at most a 25th of the time however often a script calls,
and an edited file is picked up within the window (about 12 s at 40,000 files), never missed for
good. A check too cheap to give a window of `MIN_WINDOW` (a few thousand files) always runs whole.

A folder whose mtime was within `RACY_SECONDS` of the check (a write in the same timestamp tick
could hide behind it), or that could not be read, is not trusted: the next call checks every file.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from index.corpus.scan import METADATA_FILE

COST_FACTOR = 25.0  # a full check stands for this many times its own duration ...
MAX_WINDOW = 30.0  # ... but never longer than this (seconds)
MIN_WINDOW = 0.5  # a shorter window is not worth a missed edit: the full check runs every time
RACY_SECONDS = 2.0  # a folder modified this close to the check is not trusted (FAT's mtime is 2 s coarse)
META_KEY = "folder_signature"
_UNTRUSTED = -1  # stored for a folder that must be walked again: never equal to a real mtime


def clock() -> float:
    """The wall clock the signature is kept in (a test moves it)."""
    return time.time()


def signature(
    started: float, seconds: float, folders: dict[str, int], metadata: list[int] | None, trusted: bool
) -> str:
    """The signature of a full check that started at `started`, took `seconds` to stat every file, walked
    `folders` (path -> mtime_ns) and read metadata.toml as `metadata_stamp` gave it before the walk;
    "" when it cannot be trusted or was too cheap to be worth a window."""
    if not trusted or window(seconds) == 0:
        return ""
    racy = int((started - RACY_SECONDS) * 1e9)
    kept = {path: (mtime if mtime < racy else _UNTRUSTED) for path, mtime in folders.items()}
    if metadata is not None and metadata[1] >= racy:
        metadata = [_UNTRUSTED, _UNTRUSTED]
    return json.dumps({"started": started, "seconds": seconds, "folders": kept, "metadata": metadata})


def window(seconds: float) -> float:
    """How long a full check that took `seconds` may stand in for the next ones; 0: never."""
    span = min(MAX_WINDOW, COST_FACTOR * seconds)
    return span if span >= MIN_WINDOW else 0.0


def unchanged(stored: str | None, corpus: Path) -> bool:
    """True when the folder cannot have gained, lost or renamed a file since the check `stored` records,
    and that check is recent enough to stand in for a full one. False means: check every file."""
    if not stored:
        return False
    try:
        record = json.loads(stored)
        started, seconds = float(record["started"]), float(record["seconds"])
        folders, metadata = dict(record["folders"]), record["metadata"]
    except (ValueError, KeyError, TypeError):
        return False
    age = clock() - started
    if not 0 <= age < window(seconds) or metadata_stamp(corpus) != metadata:
        return False
    for path, mtime in folders.items():
        try:
            if os.stat(path).st_mtime_ns != mtime:
                return False
        except OSError:
            return False
    return True


def metadata_stamp(corpus: Path) -> list[int] | None:
    """metadata.toml's (size, mtime_ns): edited in place, it changes no folder's mtime."""
    try:
        st = os.stat(corpus / METADATA_FILE)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]
