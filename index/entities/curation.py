"""The curation verbs, as the entity view, the side panel and `ralign-tui entity` use them: each
reads the user's entities.toml, changes what a person would change by hand, and writes it back
(`user_edits`: comments and order kept, checked, undoable). Names are as the index knows them:
(canonical name, type)."""

from __future__ import annotations

from index.entities.gazetteer import name_key
from index.entities.user_edits import UserNames, read_user_text, undo, write_user_text
from index.model import ENTITY_TYPES

__all__ = ["ignore", "merge", "rename", "retype", "split", "undo"]

Named = tuple[str, str]  # (canonical name, type)


def _unique(names: list[str], without: str) -> list[str]:
    seen = {name_key(without)}
    out = []
    for name in names:
        if name_key(name) not in seen:
            seen.add(name_key(name))
            out.append(name)
    return out


def _commit(names: UserNames, old: str) -> str:
    write_user_text(names.text, old)
    return names.text


def merge(keep: Named, other: Named) -> str:
    """`other` becomes one more name of `keep` (the user's entry of `keep` gets it as an alias)."""
    old = read_user_text()
    names = UserNames(old)
    section, key = names.owner(keep[0]) or (keep[1], keep[0])
    aliases = names.values(section, key) or []
    taken = names.owner(other[0])
    extra: list[str] = []
    if taken is not None and taken != (section, key):
        extra = [taken[1], *names.delete(*taken)]
    names.set(section, key, _unique([*aliases, other[0], *extra], key))
    return _commit(names, old)


def rename(entity: Named, new_name: str) -> str:
    """The entity's canonical name becomes `new_name`; the old one stays as an alias."""
    old = read_user_text()
    names = UserNames(old)
    owner = names.owner(entity[0])
    aliases: list[str] = []
    section = entity[1]
    if owner is not None:
        section = owner[0]
        aliases = [owner[1], *names.delete(*owner)]
    names.set(section, new_name, _unique([entity[0], *aliases], new_name))
    return _commit(names, old)


def retype(entity: Named, new_type: str) -> str:
    if new_type not in ENTITY_TYPES:
        raise ValueError(f"unknown type {new_type!r} (known: {', '.join(ENTITY_TYPES)})")
    old = read_user_text()
    names = UserNames(old)
    owner = names.owner(entity[0])
    aliases = names.delete(*owner) if owner is not None else []
    names.set(new_type, owner[1] if owner else entity[0], aliases)
    return _commit(names, old)


def split(entity: Named, alias: str) -> str:
    """`alias` is no longer a name of the entity (`[unalias]`; the user's own alias list loses it too)."""
    old = read_user_text()
    names = UserNames(old)
    owner = names.owner(entity[0])
    if owner is not None:
        kept = [a for a in names.values(*owner) or [] if name_key(a) != name_key(alias)]
        names.set(owner[0], owner[1], kept)
    canonical = owner[1] if owner else entity[0]
    names.set("unalias", canonical, _unique([*(names.values("unalias", canonical) or []), alias], canonical))
    return _commit(names, old)


def ignore(name: str) -> str:
    """Never an entity: the name joins `[ignore] names`."""
    old = read_user_text()
    names = UserNames(old)
    listed = names.values("ignore", "names") or []
    names.set("ignore", "names", _unique([*listed, name], ""))
    return _commit(names, old)
