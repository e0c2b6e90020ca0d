"""Where an entity's mentions fall: counts per document, in the corpus's order, and per time bucket
where documents are dated, for a sparkline that shows a cluster at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from index.views.date_text import document_year

if TYPE_CHECKING:
    from index.store.sidestore import SideStore


class Spread(NamedTuple):
    name: str
    docs: tuple[str, ...]  # every document, in the corpus's order (the axis)
    per_doc: tuple[int, ...]  # mentions of the entity in each
    years: tuple[int, ...]  # every year a document is dated, oldest first ((): no dated documents)
    per_year: tuple[int, ...]  # mentions in the documents of each year

    @property
    def total(self) -> int:
        return sum(self.per_doc)

    @property
    def documents(self) -> int:
        return sum(1 for n in self.per_doc if n)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "total": self.total,
            "per_doc": dict(zip(self.docs, self.per_doc, strict=True)),
            "per_year": {str(y): n for y, n in zip(self.years, self.per_year, strict=True)},
        }


def spread(side: SideStore, name: str) -> Spread:
    """Mentions of the entity per document and per year of the documents' dates."""
    db = side.connection()
    dated = [
        (str(doc), document_year(str(date or "")))
        for doc, date in db.execute("SELECT doc, published FROM documents ORDER BY doc")
    ]
    counts = {
        str(doc): int(n)
        for doc, n in db.execute("SELECT doc, count(*) FROM mentions WHERE name=? GROUP BY doc", (name,))
    }
    per_doc = tuple(counts.get(doc, 0) for doc, _ in dated)
    known = [year for _, year in dated if year is not None]
    years = tuple(range(min(known), max(known) + 1)) if known else ()
    per_year = [0] * len(years)
    for doc, year in dated:
        if year is not None:
            per_year[year - years[0]] += counts.get(doc, 0)
    return Spread(name, tuple(doc for doc, _ in dated), per_doc, years, tuple(per_year))
