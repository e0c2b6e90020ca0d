"""Entity field queries (`person:putin`, `entity:"Sergei Shoigu"`) answered through one small field.

Each passage record holds one key per entity it names (`ents`: "person|vladimir_putin"), not the
names themselves: indexing every alias of every mention in eight name fields doubled the build.
A query on a type field is rewritten into the keys of the entities one of whose names (canonical,
alias, or as written in the corpus) contains the query's words; the side store keeps those names.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from index.model import ENTITY_TYPES as TYPES

KEY_FIELD = "ents"
ANY_TYPE = "entity"
QUERY_FIELDS = (*(t.lower() for t in TYPES), ANY_TYPE)
NO_KEY = "\x00"  # a key no passage holds: a query for no known entity still parses, and finds nothing


def entity_key(kind: str, name: str, analyse: Any) -> str:
    """The token a passage record holds for an entity: its type and its analysed canonical name."""
    return kind.lower() + "|" + "_".join(t.text for t in analyse(name))


# Keys worked out once per process for the searches' side: an entity query reads every mention of each
# document it locates, and analysing each name again was most of `person:putin` (17,800 names a query).
_KEYS: dict[tuple[str, str], tuple[Any, str]] = {}
_KEYS_KEPT = 100_000


def cached_entity_key(kind: str, name: str, analyse: Any) -> str:
    """`entity_key`, remembered (for the same analyser: the entry keeps the one it was made with)."""
    kept = _KEYS.get((kind, name))
    if kept is not None and kept[0] is analyse:
        return kept[1]
    if len(_KEYS) >= _KEYS_KEPT:
        _KEYS.clear()
    key = entity_key(kind, name, analyse)
    _KEYS[(kind, name)] = (analyse, key)
    return key


class EntityNames:
    """Every name each entity key is known by, as analysed word sequences, for matching query words."""

    def __init__(self, rows: Iterable[tuple[str, str, str]], analyse: Any) -> None:
        self._forms: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        self._by_word: dict[str, set[str]] = defaultdict(set)
        keys: dict[tuple[str, str], str] = {}  # an entity has many names: its key is worked out once
        for kind, name, form in rows:
            key = keys.get((kind, name)) or keys.setdefault((kind, name), entity_key(kind, name, analyse))
            words = tuple(t.text for t in analyse(form))
            if words and words not in self._forms[key]:
                self._forms[key].add(words)
                for word in words:
                    self._by_word[word].add(key)

    def keys_for(self, field: str, node: Any) -> set[str]:
        """Keys of the entities of the field's type that the query node names."""
        from whoosh import query

        if isinstance(node, query.Phrase):
            wanted = tuple(str(w) for w in node.words)
            found = {k for k in self._by_word.get(wanted[0], ()) if self._has_run(k, wanted)} if wanted else set()
        elif isinstance(node, query.Prefix):
            text = str(node.text)
            found = {k for word, keys in self._by_word.items() if word.startswith(text) for k in keys}
        elif isinstance(node, query.Wildcard):
            pattern = str(node.text)
            found = {k for word, keys in self._by_word.items() if fnmatch.fnmatchcase(word, pattern) for k in keys}
        elif isinstance(node, query.FuzzyTerm):
            text, distance = str(node.text), int(node.maxdist)
            found = {k for word, keys in self._by_word.items() if _within(word, text, distance) for k in keys}
        elif isinstance(node, query.Term):
            found = set(self._by_word.get(str(node.text), ()))
        else:
            found = set()
        if field != ANY_TYPE:
            found = {k for k in found if k.startswith(field + "|")}
        return found

    def _has_run(self, key: str, wanted: tuple[str, ...]) -> bool:
        size = len(wanted)
        return any(form[i : i + size] == wanted for form in self._forms[key] for i in range(len(form) - size + 1))


def rewrite(parsed: Any, names: EntityNames) -> Any:
    """The query with every entity-field node replaced by the keys of the entities it names."""
    from whoosh import query

    def visit(node: Any) -> Any:
        field = getattr(node, "fieldname", None)
        if field not in QUERY_FIELDS:
            return node
        keys = names.keys_for(field, node)
        if not keys:
            return query.Term(KEY_FIELD, NO_KEY)
        terms = [query.Term(KEY_FIELD, key, boost=node.boost) for key in sorted(keys)]
        return terms[0] if len(terms) == 1 else query.Or(terms)

    return parsed.accept(visit)


def _within(a: str, b: str, distance: int) -> bool:
    """Levenshtein distance of a and b is at most distance (both short words)."""
    if abs(len(a) - len(b)) > distance:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > distance:
            return False
        previous = current
    return previous[-1] <= distance
