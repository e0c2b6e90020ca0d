"""Entities as readers ask for them: per document, grouped by entity, with counts and mentions."""

from __future__ import annotations

from dataclasses import dataclass

from index.model import ENTITY_TYPES as TYPES
from index.model import MentionRow


@dataclass(frozen=True)
class EntitySummary:
    name: str
    type: str
    mentions: tuple[MentionRow, ...]

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "count": self.count,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end, "passage": m.passage} for m in self.mentions],
        }


def group_mentions(rows: list[MentionRow]) -> list[EntitySummary]:
    """One summary per (type, name), ordered by type, then most mentioned, then name."""
    grouped: dict[tuple[str, str], list[MentionRow]] = {}
    for row in rows:
        grouped.setdefault((row.type, row.name), []).append(row)
    order = {kind: i for i, kind in enumerate(TYPES)}
    summaries = [EntitySummary(name, kind, tuple(found)) for (kind, name), found in grouped.items()]
    return sorted(summaries, key=lambda s: (order.get(s.type, 99), -s.count, s.name.lower()))
