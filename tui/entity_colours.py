"""How each entity type looks wherever the reader shows one: a symbol, a colour and a label.

A symbol a type tells types apart without colour too; mid-tone colours read on dark and light
themes alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from index.entities.summaries import EntitySummary

TYPE_STYLE = {
    "PERSON": ("◆", "#3b8fd9"),
    "ORG": ("■", "#d9822b"),
    "PLACE": ("▲", "#2e9e5b"),
    "WEAPON": ("✚", "#d0453a"),
    "EVENT": ("●", "#9b59d0"),
    "MONEY": ("$", "#b8860b"),
    "DATE": ("◷", "#6a8caf"),
}
TYPE_LABEL = {
    "PERSON": "People",
    "ORG": "Organisations",
    "PLACE": "Places",
    "WEAPON": "Weapons systems",
    "EVENT": "Events",
    "MONEY": "Money",
    "DATE": "Dates",
}


def mention_colours(entities: Iterable[EntitySummary]) -> list[tuple[int, int, str]]:
    """(start, end, colour) of every mention, in document order: how the document pane underlines them."""
    return sorted((m.start, m.end, TYPE_STYLE[e.type][1]) for e in entities for m in e.mentions)
