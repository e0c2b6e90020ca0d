"""What the reader remembers between launches, per corpus: the last query, document and positions."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from index import paths

MAX_POSITIONS = 2000


@dataclass
class ReaderState:
    query: str = ""
    doc: str = ""
    positions: dict[str, int] = field(default_factory=dict)  # doc -> passage number


def _file() -> Path:
    return paths.state_dir() / "reader.json"


def _load_all() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_state(corpus: Path) -> ReaderState:
    entry = _load_all().get(str(corpus), {})
    if not isinstance(entry, dict):
        return ReaderState()
    positions = entry.get("positions", {})
    return ReaderState(
        query=str(entry.get("query", "")),
        doc=str(entry.get("doc", "")),
        positions={str(k): int(v) for k, v in positions.items() if isinstance(v, int)}
        if isinstance(positions, dict)
        else {},
    )


def save_state(corpus: Path, state: ReaderState) -> None:
    """Best effort and atomic: a reader that cannot save its place still works."""
    everything = _load_all()
    positions = dict(list(state.positions.items())[-MAX_POSITIONS:])
    everything[str(corpus)] = {"query": state.query, "doc": state.doc, "positions": positions}
    target = _file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".reader-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(everything, handle)
        os.replace(tmp, target)
    except OSError:
        pass
