"""Who appears with whom: the entities sharing passages with one entity, ranked by Dunning's
log-likelihood ratio (G²), and the passages a pair shares.

A passage is the unit: two entities co-occur when one passage names both. Raw shared counts favour
whoever is everywhere (the country every article names); PMI favours the rare, so one shared
passage between two names seen once scores highest. G² asks how surprising the shared count is
given both entities' own counts, and grows with the evidence: a counterpart met in ten passages
outranks a name seen once. Only entities seen together more often than chance (observed above
expected) and in at least `min_shared` passages are listed. Dates and amounts are not entities here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from index.store.sidestore import SideStore

NOT_ENTITIES = ("DATE", "MONEY")


class Neighbour(NamedTuple):
    name: str
    type: str
    shared: int  # passages naming both
    passages: int  # passages naming this neighbour at all
    score: float  # G², rounded
    expected: float  # shared passages chance alone would give

    def to_json(self) -> dict[str, object]:
        return self._asdict()


class Cooccurrence(NamedTuple):
    name: str
    type: str
    passages: int  # passages naming the entity
    total: int  # passages in the corpus
    neighbours: tuple[Neighbour, ...]


def entity_passages(side: SideStore) -> dict[tuple[str, str], set[tuple[str, int]]]:
    """(name, type) -> the passages naming it, for every entity."""
    out: dict[tuple[str, str], set[tuple[str, int]]] = defaultdict(set)
    rows = side.connection().execute(
        f"SELECT DISTINCT name, type, doc, passage FROM mentions WHERE type NOT IN {NOT_ENTITIES!r}"
    )
    for name, kind, doc, passage in rows:
        out[(str(name), str(kind))].add((str(doc), int(passage)))
    return out


def cooccurrence(side: SideStore, name: str, limit: int = 30, min_shared: int = 2) -> Cooccurrence:
    """The entities most associated with `name` (a canonical name), best first."""
    by_entity = entity_passages(side)
    total = int(side.connection().execute("SELECT count(*) FROM passages").fetchone()[0]) or 1
    mine_keys = [key for key in by_entity if key[0] == name]
    mine: set[tuple[str, int]] = set().union(*(by_entity[k] for k in mine_keys)) if mine_keys else set()
    kind = max(mine_keys, key=lambda k: len(by_entity[k]))[1] if mine_keys else ""
    found = []
    for (other, other_kind), theirs in by_entity.items():
        if other == name:
            continue
        shared = len(mine & theirs)
        if shared < min_shared:
            continue
        expected = len(mine) * len(theirs) / total
        if shared <= expected:
            continue  # seen together less than chance would: not an association
        score = log_likelihood(shared, len(mine), len(theirs), total)
        found.append(Neighbour(other, other_kind, shared, len(theirs), round(score, 2), round(expected, 2)))
    found.sort(key=lambda n: (-n.score, -n.shared, n.name))
    return Cooccurrence(name, kind, len(mine), total, tuple(found[:limit]))


def log_likelihood(both: int, a: int, b: int, total: int) -> float:
    """Dunning's G² for a 2×2 table: passages with both, with a, with b, out of total."""
    cells = (both, a - both, b - both, total - a - b + both)
    rows = (a, total - a)
    cols = (b, total - b)
    g2 = 0.0
    for i, observed in enumerate(cells):
        expected = rows[i // 2] * cols[i % 2] / total
        if observed > 0 and expected > 0:
            g2 += observed * math.log(observed / expected)
    return 2.0 * g2


def shared_passages(side: SideStore, first: str, second: str) -> list[tuple[str, int]]:
    """(doc, passage) of every passage naming both entities, in corpus order."""
    rows = side.connection().execute(
        "SELECT DISTINCT a.doc, a.passage FROM mentions a JOIN mentions b ON b.doc = a.doc AND b.passage = a.passage "
        "WHERE a.name=? AND b.name=? ORDER BY a.doc, a.passage",
        (first, second),
    )
    return [(str(d), int(n)) for d, n in rows]
