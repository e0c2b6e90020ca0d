"""Curating entities: merge, rename, split an alias off, retype, ignore, written into the user's
`entities.toml` by editing its text line by line, so comments, order and layout stay; and undo.

Each change is checked by reading the new text back with the same loader the index uses before it
replaces the file; the file as it was goes on an undo stack in the state folder first. The change
is applied the way a hand edit is: the index key holds the file's hash, so the next open re-reads
the corpus with the new names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from index import paths, safe_write
from index.entities import gazetteer
from index.errors import ConfigError
from index.model import ENTITY_TYPES

_SECTION = re.compile(r"^\s*\[(?P<name>[^\[\]]+)\]\s*(?:#.*)?$")
MAX_UNDO = 50


class CurationError(ConfigError):
    """The change cannot be made; entities.toml was not touched."""


def _key_of(line: str) -> str | None:
    """The key a `key = value` line sets ("" for other lines), quotes undone."""
    line = line.strip()
    if line.startswith('"'):
        match = re.match(r'"((?:[^"\\]|\\.)*)"\s*=', line)
        return json.loads(f'"{match.group(1)}"') if match else None
    match = re.match(r"([A-Za-z0-9_-]+)\s*=", line)
    return match.group(1) if match else None


def _value_end(lines: list[str], start: int) -> int:
    """Index of the last line of the value that starts on line `start` (arrays may span lines)."""
    depth, in_string, escaped = 0, False, False
    for i in range(start, len(lines)):
        text = lines[i] if i > start else lines[i].split("=", 1)[1]
        for ch in text:
            if in_string:
                if escaped:
                    escaped = False
                elif ch == "\\":
                    escaped = True
                elif ch == '"':
                    in_string = False
            elif ch == '"':
                in_string = True
            elif ch == "#":
                break
            elif ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
        if depth <= 0:
            return i
    return len(lines) - 1


def _trailing_comment(line: str) -> str:
    at = line.rfind("]")
    rest = line[at + 1 :] if at >= 0 else ""
    return rest.rstrip("\n") if rest.strip().startswith("#") else ""


def _entry(name: str, values: list[str]) -> str:
    key = (
        name if re.fullmatch(r"[a-z_]+", name) else json.dumps(name, ensure_ascii=False)
    )  # `names`, as a person writes it
    return f"{key} = [{', '.join(json.dumps(v, ensure_ascii=False) for v in values)}]"


class UserNames:
    """The user's entities.toml as lines, with the edits curation makes."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines(keepends=True)
        if self.lines and not self.lines[-1].endswith("\n"):
            self.lines[-1] += "\n"

    @property
    def text(self) -> str:
        return "".join(self.lines)

    def _sections(self) -> list[tuple[str, int, int]]:
        """(name, header line, end line exclusive) of each section."""
        found: list[tuple[str, int, int]] = []
        for i, line in enumerate(self.lines):
            match = _SECTION.match(line)
            if match:
                if found:
                    found[-1] = (found[-1][0], found[-1][1], i)
                found.append((match.group("name").strip().strip('"'), i, len(self.lines)))
        return found

    def find(self, section: str, key: str) -> tuple[int, int] | None:
        for name, head, end in self._sections():
            if name == section:
                for i in range(head + 1, end):
                    if _key_of(self.lines[i]) == key:
                        return i, _value_end(self.lines, i)
        return None

    def values(self, section: str, key: str) -> list[str] | None:
        where = self.find(section, key)
        if where is None:
            return None
        import tomllib

        chunk = "".join(self.lines[where[0] : where[1] + 1])
        loaded = tomllib.loads(chunk).get(key)
        return [str(v) for v in loaded] if isinstance(loaded, list) else None

    def set(self, section: str, key: str, values: list[str]) -> None:
        """Write `key = [values]` in `section`: in place of the old value, else at the section's end."""
        where = self.find(section, key)
        if where is not None:
            comment = _trailing_comment(self.lines[where[1]])
            self.lines[where[0] : where[1] + 1] = [_entry(key, values) + comment + "\n"]
            return
        for name, head, end in self._sections():
            if name == section:
                last = end
                while last - 1 > head and not self.lines[last - 1].strip():
                    last -= 1
                self.lines.insert(last, _entry(key, values) + "\n")
                return
        if self.lines and self.lines[-1].strip():
            self.lines.append("\n")
        self.lines += [f"[{section}]\n", _entry(key, values) + "\n"]

    def delete(self, section: str, key: str) -> list[str]:
        old = self.values(section, key) or []
        where = self.find(section, key)
        if where is not None:
            del self.lines[where[0] : where[1] + 1]
        return old

    def owner(self, name: str) -> tuple[str, str] | None:
        """(section, canonical) of the user's entry that names `name`, canonical or alias."""
        wanted = gazetteer.name_key(name)
        for section, _, _ in self._sections():
            if section not in ENTITY_TYPES:
                continue
            for key in self._keys(section):
                names = {gazetteer.name_key(v) for v in self.values(section, key) or []}
                if gazetteer.name_key(key) == wanted or wanted in names:
                    return section, key
        return None

    def _keys(self, section: str) -> list[str]:
        for name, head, end in self._sections():
            if name == section:
                return [k for k in (_key_of(self.lines[i]) for i in range(head + 1, end)) if k]
        return []


# the file and its undo stack ------------------------------------------------------------
def _undo_dir() -> Path:
    return paths.state_dir() / "entities-undo"


def read_user_text() -> str:
    try:
        return gazetteer.user_file().read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ""


def write_user_text(new: str, old: str | None) -> None:
    """Check `new` reads as the index reads it, push the old text on the undo stack, replace the file.

    `old` is what the change was made from: if the file no longer holds it (another curation, or a
    person's edit, landed meanwhile) nothing is written, rather than losing theirs."""
    target = gazetteer.user_file()
    target.parent.mkdir(parents=True, exist_ok=True)

    def check_then_keep_old(copy: Path) -> None:
        try:
            gazetteer.load_file(copy)
        except ConfigError as exc:
            raise CurationError(f"the change would break entities.toml ({exc}); nothing was changed") from None
        if old is not None:
            _push_undo(old if target.exists() else None)

    with safe_write.locked(target):
        if old is not None and read_user_text() != old:
            raise CurationError(f"{target} changed while this change was made; nothing was changed: try it again")
        safe_write.replace(target, new.encode("utf-8"), check_then_keep_old)


def _push_undo(old: str | None) -> None:
    folder = _undo_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(f".*{safe_write.COPY_SUFFIX}"):  # a killed curation's (its lock is held)
        leftover.unlink(missing_ok=True)
    existing = sorted(folder.glob("*.json"))
    number = int(existing[-1].stem) + 1 if existing else 1
    safe_write.replace(folder / f"{number:06d}.json", json.dumps({"text": old}).encode("utf-8"))
    for stale in existing[: max(0, len(existing) + 1 - MAX_UNDO)]:
        stale.unlink()


def undo() -> bool:
    """Put entities.toml back as it was before the last curation; False when there is nothing to undo."""
    existing = sorted(_undo_dir().glob("*.json")) if _undo_dir().is_dir() else []
    if not existing:
        return False
    old = json.loads(existing[-1].read_text(encoding="utf-8"))["text"]
    target = gazetteer.user_file()
    if old is None:
        target.unlink(missing_ok=True)
    else:
        write_user_text(old, None)
    existing[-1].unlink()
    return True
