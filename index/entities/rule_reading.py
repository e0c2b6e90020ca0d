"""What a rule is, and the one text the rules read: what they see of it and where their finds go.

A `Rule` is a pattern of the grammar, the type of name it finds, how much it is trusted, and a
small function for what is special about reading its matches; most need none (the name group is
the name). `Reading` holds a text while the rule table runs over it (`index.entities.rules`) and
turns each span a rule names into a mention: leading noise and a possessive cut off, words that are
never names dropped, the gazetteer's canonical name and type taken where it knows the name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.entities.gazetteer import EntityInfo, Gazetteer
from index.entities.grammar import anchors, lexicon, shapes
from index.entities.line_scan import LineScan
from index.entities.passes import Mention

Found = list[tuple[int, Mention]]  # (priority, mention): of two of one length, the higher priority wins


class Reading:
    """One cased text as the rules read it; `found` collects what they name, in the order named."""

    def __init__(self, text: str, gazetteer: Gazetteer, headlines: list[tuple[int, int]], scan: LineScan) -> None:
        self.text = text
        self.lowered = text.lower()
        self.headlines = headlines  # title-case lines (`index.entities.passes.headline_lines`)
        self.scan = scan
        self.found: Found = []
        self._gazetteer = gazetteer
        self._known: dict[str, EntityInfo | None] = {}

    def lookup(self, name: str) -> EntityInfo | None:
        """What the gazetteer says of a name (asked again and again for the same few names: kept)."""
        if name not in self._known:
            self._known[name] = self._gazetteer.lookup(name)
        return self._known[name]

    def add(self, kind: str, match: re.Match[str], group: str = "name", priority: int = 1, own: bool = False) -> None:
        self.add_span(kind, *match.span(group), priority=priority, own=own)

    def add_span(self, kind: str, start: int, end: int, priority: int = 1, own: bool = False) -> None:
        """own: the words are this kind here whatever a list says of them ("the destroyer Jinan")."""
        text = self.text
        surface = text[start:end]
        trimmed = shapes.LEADING_NOISE.sub("", surface)
        start += len(surface) - len(trimmed)
        trimmed = shapes.POSSESSIVE.sub("", trimmed).rstrip(".,;: ")
        if not trimmed or trimmed in lexicon.NOT_NAMES or (kind == "PERSON" and not shapes.looks_like_person(trimmed)):
            return
        known = None if own else self.lookup(trimmed)
        name = known.name if known else trimmed
        if kind == "WEAPON" and known is None and re.search(r"-class \w+s$", trimmed):
            name = trimmed[:-1]  # "Kilo-class submarines" are the Kilo-class submarine
            known = self.lookup(name)
            name = known.name if known else name
        mention = Mention(start, start + len(trimmed), known.type if known else kind, name, trimmed)
        self.found.append((priority, mention))


Reader = Callable[[Reading, "Rule", re.Match[str]], None]


def read_name(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    """The usual reading: the first of the rule's groups that matched is a name of the rule's kind."""
    group = next((g for g in rule.groups if match.group(g)), rule.groups[0])
    reading.add(rule.kind, match, group, rule.priority, rule.own)


def read_each(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    """Every one of the rule's groups is a name: "Presidents Xi Jinping and Vladimir Putin"."""
    for group in rule.groups:
        reading.add(rule.kind, match, group, rule.priority, rule.own)


@dataclass(frozen=True)
class Rule:
    """A pattern, the kind it names, and what is special about reading its matches (`read`)."""

    pattern: re.Pattern[str]
    kind: str
    # Of two overlapping mentions of one length, the higher wins: 0 for a shape alone, 2 for a name set off
    # by a title or a kind, 4 for a ship named by its kind (the gazetteer's are 3).
    priority: int = 1
    groups: tuple[str, ...] = ("name",)
    own: bool = False  # the kind here wins over the gazetteer's
    needs: tuple[str, ...] = ()  # the lowered text holds one of these, or the rule is not run
    read: Reader = read_name

    def run(self, reading: Reading) -> None:
        if self.needs and not any(word in reading.lowered for word in self.needs):
            return
        if not anchors.worth_running(self.pattern, reading.lowered):
            return
        for match in reading.scan.finditer(self.pattern):
            self.read(reading, self, match)


@dataclass(frozen=True)
class TextRule:
    """A rule that reads the text as a whole, not one match at a time (model numbers, name endings)."""

    run: Callable[[Reading], None]
