"""Words glued together by scraping, found and split before extraction, with offsets kept.

A page's elements lose the space between them when scraped: "Igor MorgulovAmbassador Zhang",
"BeijingChinese". A lowercase-uppercase join inside a word is split when the right part opens
something (a title, "The", a people's adjective, a name the lists know) or the left part is a known
name, and the whole word is not a name itself: "McDonald", "PetroChina", "WeChat", "YouTube" stay.
Extraction then runs on the text with a space at each join; `to_original` maps offsets back.
"""

from __future__ import annotations

import bisect
import re

from index.entities.gazetteer import Gazetteer
from index.entities.grammar import lexicon, shapes

_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_WORD = re.compile(r"[A-Za-z]+")
_NAME_PREFIXES = frozenset("mc mac de di da la le van von du al el o".split())
# Capitalised words that open a phrase rather than continue a name.
_OPENERS = frozenset(
    "Ambassador President Minister Premier Chairman Chairwoman Secretary General Admiral Colonel Director "
    "Deputy Foreign Prime Vice Senator Governor Mayor Spokesman Spokeswoman Professor Mr Mrs Ms Dr "
    "The This That These Those In On At For From With By And But As After Before During Under "
    "Read More Share Photo Image Source Related Advertisement Comments".split()
)


def glued_joins(text: str, gazetteer: Gazetteer) -> list[int]:
    """Offsets in `text` where scraping dropped a space between two words."""
    joins: list[int] = []
    for join in _JOIN.finditer(text):
        at = join.start()
        word = _WORD.search(text, _word_start(text, at))
        if word is None:
            continue
        left, right = text[word.start() : at], _WORD.match(text, at)
        right_part = re.match(r"[A-Z][a-z]+", text[at:]) if right else None
        if right_part is None:
            continue
        right_word = right_part.group()
        if len(left) < 3 or left.lower() in _NAME_PREFIXES or len(right_word) < 3:
            continue  # "iPhone", "WeChat", "McDonald", "LinkedIn"
        if gazetteer.lookup(word.group()) is not None or not left[:1].isupper():
            continue  # "PetroChina" is a name the lists know; "eBay" is no capitalised word
        opens = right_word in _OPENERS or right_word in lexicon.DEMONYMS or shapes.is_adjective(right_word)
        known_right = gazetteer.lookup(right_word) is not None
        known_left = gazetteer.lookup(left) is not None
        if opens or (known_left and (known_right or right_word in lexicon.NOT_NAMES)):
            joins.append(at)
    return joins


def _word_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isalpha():
        at -= 1
    return at


def with_spaces(text: str, joins: list[int]) -> str:
    """The text with a space at each join."""
    pieces, last = [], 0
    for at in joins:
        pieces += [text[last:at], " "]
        last = at
    return "".join([*pieces, text[last:]])


def to_repaired(offset: int, joins: list[int], end: bool = False) -> int:
    """An offset into the original text as one into the repaired text (an end at a join stays before
    its space, a start there goes after it)."""
    return offset + (bisect.bisect_left(joins, offset) if end else bisect.bisect_right(joins, offset))


def to_original(offset: int, joins: list[int]) -> int:
    """An offset into the repaired text as one into the original: less the spaces inserted before it."""
    inserted = [at + i for i, at in enumerate(joins)]  # where each space stands in the repaired text
    return offset - bisect.bisect_left(inserted, offset)
