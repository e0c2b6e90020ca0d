"""Fault injection for the crash tests: `RALIGN_FAULT=point[:n]` makes the process die (`os._exit`,
as kill -9 would: no clean-up, no flush) the n-th time (default 1) it passes the named point.

Points: `engine-committed` (a batch's engine records committed, its side-store rows not yet; the entity
pass's batches pass it too),
`side-committed` (both committed), `bookmark-written` (a bookmarks file's new copy written, not yet
moved in place), `file-written` (the same for a note, the saved searches, entities.toml or its undo
stack: `index.safe_write`). Unset, a point costs one dictionary look-up.
"""

from __future__ import annotations

import os

_passed: dict[str, int] = {}


def point(name: str) -> None:
    spec = os.environ.get("RALIGN_FAULT")
    if not spec:
        return
    wanted, _, times = spec.partition(":")
    if wanted != name:
        return
    _passed[name] = _passed.get(name, 0) + 1
    if _passed[name] >= int(times or 1):
        os._exit(137)
