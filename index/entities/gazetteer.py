"""Known names: the shipped lists (`gazetteer.toml`, `world.toml`) and the user's `entities.toml`.

Loading them needs no extraction rules, so opening an index or answering a query never pays for
compiling those (`index.entities`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from index import paths
from index.errors import ConfigError
from index.model import ENTITY_TYPES as TYPES
from index.tokens import words

EXTRACTOR_VERSION = 5  # bump with any change to what extraction finds (index/entities/: rules, grammar, passes,
# text_repair, name_variants, combine)
GAZETTEER = Path(__file__).with_name("gazetteer.toml")
WORLD = Path(__file__).with_name("world.toml")  # countries and capitals, kept apart from the domain list
PLACES = Path(__file__).with_name("places.toml")  # GeoNames countries and big cities (`index/places_build.py`)
USER_FILE = "entities.toml"


class EntityInfo(NamedTuple):
    name: str
    type: str
    aliases: tuple[str, ...] = ()


class Gazetteer:
    """Known names: canonical entities with their aliases, indexed by normalised word sequences."""

    def __init__(self, entries: Iterable[EntityInfo], ignored: Iterable[str] = ()) -> None:
        self.entries: dict[str, EntityInfo] = {}
        self.ignored = {name_key(n) for n in ignored}
        self._by_first: dict[str, list[tuple[tuple[str, ...], EntityInfo, str]]] = defaultdict(list)
        for entry in entries:
            self.entries[entry.name] = entry
        for entry in self.entries.values():
            for alias in (entry.name, *entry.aliases):
                for form in _forms(alias):
                    if form and name_key(alias) not in self.ignored:
                        self._by_first[form[0]].append((form, entry, alias))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))
        self.first_words = frozenset(self._by_first)  # a word no name starts with needs no look-up
        self.full_keys = {name_key(entry.name) for entry in self.entries.values()}  # computed once, used per text

    def candidates(self, first_word: str) -> list[tuple[tuple[str, ...], EntityInfo, str]]:
        return self._by_first.get(first_word, [])

    def lookup(self, name: str) -> EntityInfo | None:
        form = tuple(w for w, _, _ in words(name))
        for words_, entry, _ in self.candidates(form[0] if form else ""):
            if words_ == form:
                return entry
        return None

    def aliases_of(self, name: str) -> tuple[str, ...]:
        entry = self.entries.get(name)
        return entry.aliases if entry else ()


def name_key(name: str) -> str:
    """A name as its normalised words: how names are compared, whatever their case and dots."""
    return " ".join(w for w, _, _ in words(name))


def _forms(alias: str) -> list[tuple[str, ...]]:
    """The word sequences an alias matches: dotted acronyms also as separate letters ("u s")."""
    form = tuple(w for w, _, _ in words(alias))
    forms = [form]
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", alias.replace(" ", "")):
        forms.append(tuple(ch.lower() for ch in alias if ch.isalpha()))
    return forms


def _load_file(path: Path) -> tuple[list[EntityInfo], list[str]]:
    import tomllib  # only when names are needed: opening an index to search reads no list

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    entries = []
    for kind, table in data.items():
        if kind in ("ignore", "unalias"):
            continue
        if kind not in TYPES or not isinstance(table, dict):
            raise ConfigError(f"{path}: unknown section [{kind}] (known: {', '.join(TYPES)}, ignore, unalias)")
        for name, aliases in table.items():
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ConfigError(f'{path}: [{kind}] {name!r} takes a list of names, e.g. ["Alias"]')
            entries.append(EntityInfo(name, kind, tuple(aliases)))
    ignore = data.get("ignore", {})
    names = ignore.get("names", []) if isinstance(ignore, dict) else []
    return entries, [str(n) for n in names]


load_file = _load_file  # curation checks a new entities.toml with the loader the index uses


def _unaliased(path: Path) -> dict[str, set[str]]:
    """`[unalias] "Canonical" = ["name"]`: names split off an entity (curation's "split")."""
    import tomllib

    table = tomllib.loads(path.read_text(encoding="utf-8-sig")).get("unalias", {})
    if not isinstance(table, dict):
        return {}
    return {name_key(str(k)): {name_key(str(n)) for n in v} for k, v in table.items() if isinstance(v, list)}


def user_file() -> Path:
    return paths.config_dir() / USER_FILE


def check_user_file() -> None:
    """ConfigError (naming the line) if the user's entities.toml cannot be read."""
    path = user_file()
    if path.is_file():
        _load_file(path)


def builtin_entries() -> tuple[list[EntityInfo], list[str]]:
    """The shipped lists, least trusted first (a later entry of the same name wins): GeoNames places,
    the hand-kept countries and capitals, the domain gazetteer."""
    places, _ = _load_file(PLACES)
    world, world_ignored = _load_file(WORLD)
    domain, domain_ignored = _load_file(GAZETTEER)
    return places + world + domain, world_ignored + domain_ignored


@lru_cache(maxsize=4)
def _load_gazetteer(user_path: str, user_stamp: str) -> Gazetteer:
    entries, ignored = builtin_entries()
    if user_path:
        user_entries, user_ignored = _load_file(Path(user_path))
        entries = merged_with_user(entries, user_entries)
        ignored += user_ignored
        split_off = _unaliased(Path(user_path))
        if split_off:
            entries = [
                e._replace(
                    aliases=tuple(a for a in e.aliases if name_key(a) not in split_off.get(name_key(e.name), ()))
                )
                for e in entries
            ]
    return Gazetteer(entries, ignored)


def merged_with_user(builtin: list[EntityInfo], user: list[EntityInfo]) -> list[EntityInfo]:
    """The built-in entries with the user's laid over them: a user entry takes over the built-in entry of
    its name (retyping it), and a built-in entry that shares one of its names joins it, whatever its
    type, so "Alexey Miller" = ["Alexei Miller"] in entities.toml is one entity with the built-in
    "Alexei Miller"'s aliases too, not two, under whichever section the user wrote it (the user's
    type wins)."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, entry in enumerate(builtin):
        for name in (entry.name, *entry.aliases):
            by_key[name_key(name)].append(i)
    merged_into: dict[int, list[str]] = {}
    out_user: list[EntityInfo] = []
    for entry in user:
        joined: list[str] = []
        for name in (entry.name, *entry.aliases):
            for i in by_key.get(name_key(name), []):
                if i not in merged_into:
                    merged_into[i] = []
                    joined += [builtin[i].name, *builtin[i].aliases]
        own = {name_key(n) for n in (entry.name, *entry.aliases)}
        extra = tuple(dict.fromkeys(n for n in joined if name_key(n) not in own))
        out_user.append(EntityInfo(entry.name, entry.type, entry.aliases + extra))
    # later entries with the same name override: the user's word wins
    return [e for i, e in enumerate(builtin) if i not in merged_into] + out_user


def load_gazetteer() -> Gazetteer:
    path = user_file()
    stamp = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return _load_gazetteer(str(path) if stamp else "", stamp)


def extraction_key() -> str:
    """Changes whenever extraction would give other answers: the index re-extracts then."""
    digest = hashlib.sha256(GAZETTEER.read_bytes() + WORLD.read_bytes() + PLACES.read_bytes())
    digest.update(str(EXTRACTOR_VERSION).encode())
    path = user_file()
    if path.is_file():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
