"""The statistical model's finds and the rules' mentions made one list."""

from __future__ import annotations

from index.entities.gazetteer import Gazetteer
from index.entities.passes import Mention, Taken


def combine(
    text: str, rules: list[Mention], model_spans: list[tuple[int, int, str]], gazetteer: Gazetteer
) -> list[Mention]:
    """The rules' mentions, plus each model find that overlaps none of them."""
    taken = Taken(rules)
    added = []
    for start, end, kind in model_spans:
        if taken.free(start, end):
            written = text[start:end]
            added.append(Mention(start, end, kind, written, written))
    return sorted([*rules, *added], key=lambda m: m.start)
