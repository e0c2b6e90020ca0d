"""The user's config.toml: key remapping, theme, bookmarks file. Unknown keys are reported, not guessed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from index import paths
from index.errors import ConfigError

_TOP_LEVEL = {"theme", "bookmarks", "keys", "near_duplicate_threshold"}


@dataclass(frozen=True)
class Config:
    theme: str = ""
    bookmarks: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> "key[,key...]"
    near_duplicate_threshold: float = 0.5  # word 5-shingle containment that makes two texts one


def load_config(path: Path | None = None, known_binding_ids: Callable[[], set[str]] | None = None) -> Config:
    """Read config.toml; a missing file is the defaults, a broken one a ConfigError naming file and line."""
    path = path or paths.config_file()
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    import tomllib  # only when there is a file to read

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    unknown = sorted(set(data) - _TOP_LEVEL)
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(_TOP_LEVEL))})")
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f'{path}: [keys] maps binding ids to key strings, e.g. "hit.next" = "ctrl+n"')
    if keys and known_binding_ids is not None:  # a callable: listing every binding imports every screen
        bad = sorted(set(keys) - known_binding_ids())
        if bad:
            raise ConfigError(f"{path}: [keys] names an unknown binding id {bad[0]!r}")
    bookmarks = data.get("bookmarks")
    theme = data.get("theme", "")
    if not isinstance(theme, str) or (bookmarks is not None and not isinstance(bookmarks, str)):
        raise ConfigError(f"{path}: theme and bookmarks are strings")
    threshold = data.get("near_duplicate_threshold", 0.5)
    if not isinstance(threshold, int | float) or not 0 < threshold <= 1:
        raise ConfigError(f"{path}: near_duplicate_threshold is a number above 0 and at most 1")
    return Config(theme, Path(bookmarks).expanduser() if bookmarks else None, dict(keys), float(threshold))


def bookmarks_file(explicit: Path | None = None, config: Config | None = None, corpus: Path | None = None) -> Path:
    """The one choice of bookmarks file: --bookmarks FILE, else config.toml's `bookmarks` (where
    `{corpus}` stands for the corpus folder's name), else one file per corpus in the data folder.

    A single `bookmarks.md` written before there was one file a corpus is still used while it
    exists, so no bookmark disappears (docs/bookmarks.md says how to split it). A broken
    config.toml falls back to the default file.
    """
    if explicit:
        return explicit.expanduser()
    if config is None:
        try:
            config = load_config()
        except ConfigError:
            config = Config()
    if config.bookmarks is not None:
        chosen = str(config.bookmarks)
        if "{corpus}" in chosen and corpus is not None:
            chosen = chosen.replace("{corpus}", corpus.resolve().name or "root")
        return Path(chosen)
    legacy = paths.default_bookmarks_file()
    if corpus is None or legacy.exists():
        return legacy
    return paths.corpus_bookmarks_file(corpus)


def save_theme(theme: str, path: Path | None = None) -> None:
    """Keep the theme chosen in the reader: config.toml's `theme` line set (or added above the first
    table), every other line as it was. A file that would not read back is left alone."""
    import json
    import re
    import tomllib

    path = path or paths.config_file()
    try:
        old = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        old = ""
    lines = old.splitlines(keepends=True)
    setting = f"theme = {json.dumps(theme)}\n"
    first_table = next((i for i, line in enumerate(lines) if re.match(r"\s*\[", line)), len(lines))
    at = next((i for i in range(first_table) if re.match(r"\s*theme\s*=", lines[i])), None)
    if at is not None:
        lines[at] = setting
    else:
        lines.insert(first_table, setting)
    new = "".join(lines)
    try:
        tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")
