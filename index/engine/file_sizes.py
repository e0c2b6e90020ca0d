"""The sizes of the index's files as committed, checked when the index is opened.

Whoosh reads a segment's postings and stored fields only when a search reaches them, so a truncated
or deleted file was found by the first search to touch it. After each commit the engine writes
`sizes.json` (the table of contents' generation, and every file of its segments with its size); at
open, each file is `stat`ed against it (~0.1 ms for a few dozen files) and a difference marks the
index for a rebuild before any answer is read from it. A table written for another generation (a
process killed between the commit and this file) is not checked: the next commit writes it anew.
What a size cannot show (bytes overwritten in place) is still found when read (`index.damage`).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

SIZES_FILE = "sizes.json"


class FilesDamaged(Exception):
    """A committed file of the index is missing or has another size than it was written with."""


def record(folder: Path, generation: int, names: list[str]) -> None:
    """Keep each file's size for `generation`; best effort (a check without it is skipped)."""
    sizes = {}
    for name in names:
        with contextlib.suppress(OSError):
            sizes[name] = os.stat(folder / name).st_size
    copy = folder / f".{SIZES_FILE}.new"
    with contextlib.suppress(OSError):
        copy.write_text(json.dumps({"generation": generation, "files": sizes}), encoding="utf-8")
        os.replace(copy, folder / SIZES_FILE)


def check(folder: Path, generation: int) -> None:
    """Raise FilesDamaged naming the first file that is not as committed; nothing when no table is kept."""
    try:
        kept = json.loads((folder / SIZES_FILE).read_text(encoding="utf-8"))
        if kept.get("generation") != generation:
            return
        files = dict(kept["files"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return  # none kept (an index of an earlier version), or a table itself damaged: nothing to say
    for name, size in files.items():
        try:
            now = os.stat(folder / name).st_size
        except FileNotFoundError:
            raise FilesDamaged(f"{name} is missing") from None
        except OSError:
            continue
        if now != size:
            raise FilesDamaged(f"{name} holds {now} bytes, {size} were committed")
