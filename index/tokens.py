"""How text is cut into words, shared by the index, highlighting and the "did you mean" vocabulary.

Letters and digits are separate tokens, so "S-400", "S400" and the scrape's "s 400" all become the
words "s", "400", and a query for any of them is a phrase that finds all three. Acronyms written
with dots ("U.S.") become one word ("us"); numbers keep their decimals and lose thousands commas.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TOKEN_PATTERN = r"(?:[^\W\d_]\.)+[^\W\d_](?![^\W\d_])|[^\W\d_]+|\d+(?:[.,]\d+)*"
TOKEN_RE = re.compile(TOKEN_PATTERN)

# Whoosh's English stop list without "us" (the country) and "may" (the month).
STOP_WORDS = frozenset(
    "a an and are as at be by can for from have if in is it not of on or tbd that the this to "
    "we when will with yet you your".split()
)


def normalise(token: str) -> str:
    """One token as the index holds it before stemming."""
    token = token.lower()
    if "." in token and not token[0].isdigit():
        return token.replace(".", "")
    if "," in token:
        return token.replace(",", "")
    return token


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """(normalised word, start, end) for every token of text; stop words included."""
    for match in TOKEN_RE.finditer(text):
        yield normalise(match.group()), match.start(), match.end()


def words_of(text: str) -> list[str]:
    """The normalised words of text, without their places."""
    return [normalise(match) for match in TOKEN_RE.findall(text)]
