"""How each entity type looks wherever the reader shows one: a symbol, a colour and a label.

A symbol per type tells types apart without colour too. Colours come in two sets, one for dark
themes and one for light ones, each with seven hues far apart (blue, orange, green, red, purple,
yellow, grey) and at least 4.5:1 contrast on every bundled theme's background and surface of its kind
(tests/reader/test_entity_colours.py measures both).
"""

from __future__ import annotations

from collections.abc import Iterable

from index.entities.summaries import EntitySummary

SYMBOL = {"PERSON": "◆", "ORG": "■", "PLACE": "▲", "WEAPON": "✚", "EVENT": "●", "MONEY": "$", "DATE": "◷"}
ON_DARK = {
    "PERSON": "#7bbbfe",
    "ORG": "#ffad5c",
    "PLACE": "#5fd38d",
    "WEAPON": "#fe9c95",
    "EVENT": "#cea5ff",
    "MONEY": "#e3c84a",
    "DATE": "#b0b8c0",
}
ON_LIGHT = {
    "PERSON": "#1d5aab",
    "ORG": "#8f480a",
    "PLACE": "#19693b",
    "WEAPON": "#ae251d",
    "EVENT": "#773db4",
    "MONEY": "#6e5b00",
    "DATE": "#535d67",
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


def type_colour(kind: str, dark: bool) -> str:
    return (ON_DARK if dark else ON_LIGHT).get(kind, "#999999")


def type_symbol(kind: str) -> str:
    return SYMBOL.get(kind, "•")


def mention_colours(entities: Iterable[EntitySummary], dark: bool) -> list[tuple[int, int, str]]:
    """(start, end, colour) of every mention, in document order: how the document pane underlines them."""
    return sorted((m.start, m.end, type_colour(e.type, dark)) for e in entities for m in e.mentions)
