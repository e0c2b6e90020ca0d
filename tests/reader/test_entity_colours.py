"""Each entity type has its own clearly distinct colour, readable on every bundled theme."""

from __future__ import annotations

import itertools
import math

import pytest
from textual.color import Color, rgb_to_lab
from textual.theme import BUILTIN_THEMES

from tui.entity_colours import ON_DARK, ON_LIGHT, SYMBOL

MIN_CONTRAST = 4.5  # WCAG's level for body text
MIN_DISTANCE = 25.0  # CIE76 delta E between two types: far apart, not shades of one hue


def _luminance(color: Color) -> float:
    def channel(c: int) -> float:
        x = c / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def _contrast(a: Color, b: Color) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _lab(color: Color) -> tuple[float, float, float]:
    lab = rgb_to_lab(color)
    return lab.L, lab.a, lab.b


@pytest.mark.parametrize("palette", [ON_DARK, ON_LIGHT], ids=["dark", "light"])
def test_every_type_has_its_own_colour_far_from_the_others(palette: dict[str, str]) -> None:
    assert set(palette) == set(SYMBOL)
    for (kind_a, a), (kind_b, b) in itertools.combinations(palette.items(), 2):
        distance = math.dist(_lab(Color.parse(a)), _lab(Color.parse(b)))
        assert distance >= MIN_DISTANCE, f"{kind_a} and {kind_b} look alike ({distance:.0f})"


@pytest.mark.parametrize("name", [n for n, t in BUILTIN_THEMES.items() if t.background and "ansi" not in n])
def test_entity_colours_read_on_every_bundled_theme(name: str) -> None:
    theme = BUILTIN_THEMES[name]
    palette = ON_DARK if theme.dark else ON_LIGHT
    backgrounds = [Color.parse(c) for c in (theme.background, theme.surface) if c]  # where entities are drawn
    for kind, colour in palette.items():
        worst = min(_contrast(Color.parse(colour), bg) for bg in backgrounds)
        assert worst >= MIN_CONTRAST, f"{kind} on {name}: {worst:.1f}:1"
