"""The words a pattern cannot match without, for the few patterns the line scan cannot limit itself."""

from __future__ import annotations

import re

from index.entities.grammar.events import EVENT_BEFORE_KIND
from index.entities.grammar.orgs import ORG_NUMBERED, ORG_SITE
from index.entities.grammar.places import PLACE_NAMED, SITE
from index.entities.grammar.weapons import WEAPON_KIND

# Words a pattern cannot match without, for the patterns `index.line_scan` cannot limit to lines by
# itself (their literals are many and in lower case): a text without any is not scanned for them. A
# test holds that no other pattern is listed: the line scan reads the rest's words from the patterns.
ANCHORS = {
    PLACE_NAMED: (
        "port of", "city of", "town of", "village of", "region of", "province of", "island of", "district of",
        "oblast of", "capital of", "harbor of", "harbour of", "base of", "airbase of", "ports of", "cities of",
        "towns of", "villages of", "regions of", "provinces of", "islands of", "districts of", "harbors of",
        "harbours of", "bases of", "residents of", "inhabitants of", "villagers of", "mayor of", "outskirts of",
        "suburbs of",
    ),
    SITE: (
        "mine", "field", "deposit", "terminal", "refinery", "shipyard", "base", "plant", "dam", "spaceport",
        "cosmodrome", "zone", "park", "port", "region", "river", "valley", "district", "basin", "yard", "bridge",
        "province", "oblast", "krai",
        "county", "prefecture", "governorate",
        "tunnel", "site", "ground", "launch cent", "railway", "railroad", "pipeline", "crossing", "checkpoint",
    ),
    EVENT_BEFORE_KIND: (
        "incident", "parade", "massacre", "uprising", "rebellion", "revolution", "crisis", "clashes", "airshow",
        "air show", "expo", "exhibition", "fair", "games", "olympics", "referendum", "accord", "agreement", "treaty",
        "memorandum", "pact", "war",
    ),
    ORG_NUMBERED: ("1st ", "2nd ", "3rd ", "th "),
    ORG_SITE: (".com", ".ru", ".cn", ".org", ".net", ".info"),
    WEAPON_KIND: (
        "missile", "fighter", "bomber", "submarine", "destroyer", "frigate", "corvette", "tank", "drone",
        "launcher", "rocket", "howitzer", "helicopter", "warship", "defense system", "defence system", "batter",
        "radar", "guns", "bomb",
    ),
}  # fmt: skip


def worth_running(pattern: re.Pattern[str], lowered: str) -> bool:
    anchors = ANCHORS.get(pattern)
    return anchors is None or any(a in lowered for a in anchors)
