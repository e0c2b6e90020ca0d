"""Where ralign-tui keeps its state: platformdirs locations, all moved under RALIGN_HOME when it is set.

Getters never create folders; writers make them when they write.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

APP_NAME = "ralign-tui"


def _home() -> Path | None:
    value = os.environ.get("RALIGN_HOME")
    return Path(value).expanduser() if value else None


def _platform_dir(kind: str) -> Path:
    import platformdirs  # ~15 ms to import: only when RALIGN_HOME does not say where

    return Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME))


def config_dir() -> Path:
    home = _home()
    return home if home else _platform_dir("config")


def data_dir() -> Path:
    home = _home()
    return home if home else _platform_dir("data")


def cache_dir() -> Path:
    home = _home()
    return home / "cache" if home else _platform_dir("cache")


def state_dir() -> Path:
    home = _home()
    return home / "state" if home else _platform_dir("state")


def config_file() -> Path:
    return config_dir() / "config.toml"


def default_bookmarks_file() -> Path:
    return data_dir() / "bookmarks.md"


def corpus_slug(corpus: Path) -> str:
    """A corpus folder as a file name: readable prefix, hash of its resolved path as suffix."""
    resolved = corpus.resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in resolved.name)[:40] or "root"
    return f"{name}-{digest}"


def index_dir_for(corpus: Path) -> Path:
    """One index per corpus folder, keyed by its resolved path (readable prefix, hashed suffix)."""
    return cache_dir() / "indexes" / corpus_slug(corpus)


def corpus_bookmarks_file(corpus: Path) -> Path:
    """The default bookmarks file of one corpus: one file a corpus, in the data folder."""
    return data_dir() / "bookmarks" / f"{corpus_slug(corpus)}.md"


def corpus_state_dir(corpus: Path) -> Path:
    """Per-corpus state that is not a cache (saved searches)."""
    return state_dir() / "corpora" / corpus_slug(corpus)


def seed_dir() -> Path:
    """The bundled corpus: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return here.parent / "seeds"
