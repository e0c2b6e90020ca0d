"""One person, many romanisations: "Alexei Miller" and "Alexey Miller", "Sergei"/"Sergey", "Yuri"/"Yury",
"Dmitriy"/"Dmitry"/"Dmitri" are the same name written by different transliteration habits.

`variant_key` folds those habits into one key; `merge_variants` gives every person mention of a
document whose key is shared one canonical name: the lists' name when the key is a known person's,
else the spelling the document uses most.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter

from index.entities.gazetteer import Gazetteer
from index.entities.passes import Mention

# Word endings and letter groups that differ between transliteration systems, each folded to one form.
_FOLDS = (
    (re.compile(r"^ye"), "e"),  # Yevgeny / Evgeny
    (re.compile(r"ks"), "x"),  # Aleksei / Alexei
    (re.compile(r"(?:iy|yy|ii|ij)$"), "y"),  # Dmitriy, Georgii, Yuriy / Dmitry, Georgy, Yury
    (re.compile(r"ey$"), "ei"),  # Alexey, Sergey, Andrey / Alexei, Sergei, Andrei
    (re.compile(r"y$"), "i"),  # Dmitry, Yury / Dmitri, Yuri
    (re.compile(r"ander$"), "andr"),  # Alexander / Aleksandr
)

_KNOWN: weakref.WeakKeyDictionary[Gazetteer, dict[str, str]] = weakref.WeakKeyDictionary()


def variant_key(name: str) -> str:
    """The name with each word's transliteration habits folded: equal keys, the same name."""
    folded = []
    for word in re.findall(r"[^\W\d_]+", name.lower()):
        for pattern, replacement in _FOLDS:
            word = pattern.sub(replacement, word)
        folded.append(word)
    return " ".join(folded)


def known_people(gazetteer: Gazetteer) -> dict[str, str]:
    """Variant key -> canonical name of every listed person's names of two words or more (built once
    per gazetteer; a surname alone would join different people)."""
    if gazetteer not in _KNOWN:
        keys: dict[str, str] = {}
        for entry in gazetteer.entries.values():
            if entry.type == "PERSON":
                for name in (entry.name, *entry.aliases):
                    if " " in name.strip():
                        keys.setdefault(variant_key(name), entry.name)
        _KNOWN[gazetteer] = keys
    return _KNOWN[gazetteer]


def merge_variants(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Person mentions whose names are variants of one another given one canonical name."""
    people = [m for m in mentions if m.type == "PERSON" and " " in m.name]
    if not people:
        return mentions
    listed = known_people(gazetteer)
    spellings: dict[str, Counter[str]] = {}
    for m in people:
        spellings.setdefault(variant_key(m.name), Counter())[m.name] += 1
    canonical: dict[str, str] = {}
    for key, counts in spellings.items():
        # the list's name, else a listed spelling, else the most used (the first of equals: Counter order)
        chosen = listed.get(key) or max(counts, key=lambda n: (n in gazetteer.entries, counts[n]))
        for name in counts:
            canonical[name] = chosen
    return [
        Mention(m.start, m.end, m.type, canonical[m.name], m.text) if canonical.get(m.name, m.name) != m.name else m
        for m in mentions
    ]
