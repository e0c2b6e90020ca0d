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


def cooccurrence(side: SideStore, name: str, limit: int = 30, min_shared: int = 2) -> Cooccurrence:
    """The entities most associated with `name` (a canonical name), best first.

    Counted in SQLite, from the entity's own passages outwards: a corpus's every pair is never built.
    """
    db = side.connection()
    skip = f"type NOT IN {NOT_ENTITIES!r}"
    total = int(db.execute("SELECT count(*) FROM passages").fetchone()[0]) or 1
    kinds = db.execute(
        f"SELECT type, count(DISTINCT doc || '#' || passage) n FROM mentions WHERE name=? AND {skip} "
        "GROUP BY type ORDER BY n DESC",
        (name,),
    ).fetchall()
    mine = int(
        db.execute(
            f"SELECT count(*) FROM (SELECT DISTINCT doc, passage FROM mentions WHERE name=? AND {skip})", (name,)
        ).fetchone()[0]
    )
    shared = db.execute(
        f"WITH mine AS (SELECT DISTINCT doc, passage FROM mentions WHERE name=? AND {skip}) "
        "SELECT b.name, b.type, count(DISTINCT b.doc || '#' || b.passage) FROM mine "
        "JOIN mentions b ON b.doc = mine.doc AND b.passage = mine.passage "
        f"WHERE b.name != ? AND b.{skip} GROUP BY b.name, b.type HAVING count(DISTINCT b.doc || '#' || b.passage) >= ?",
        (name, name, min_shared),
    ).fetchall()
    found = []
    for other, other_kind, both in shared:
        theirs = int(
            db.execute(
                "SELECT count(*) FROM (SELECT DISTINCT doc, passage FROM mentions WHERE name=? AND type=?)",
                (other, other_kind),
            ).fetchone()[0]
        )
        expected = mine * theirs / total
        if both <= expected:
            continue  # seen together no more often than chance would have it: not an association
        score = log_likelihood(int(both), mine, theirs, total)
        found.append(Neighbour(str(other), str(other_kind), int(both), theirs, round(score, 2), round(expected, 2)))
    found.sort(key=lambda n: (-n.score, -n.shared, n.name))
    return Cooccurrence(name, str(kinds[0][0]) if kinds else "", mine, total, tuple(found[:limit]))


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
