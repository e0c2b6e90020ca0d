"""The sentence around a place in a text, on one line: what the timeline and the entity notes quote.

Sentence ends are found by punctuation followed by a capital, not after "Mr." or an initial; a
lowercased scrape with no sentence ends gets a window around the place instead.
"""

from __future__ import annotations

import re

SENTENCE_CHARS = 300  # at most this much of the sentence

_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Col|Lt|No|vs)|\b[A-Z])\.$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])|\n")


def sentence_at(text: str, at: int, lo: int = 0, hi: int | None = None, width: int = SENTENCE_CHARS) -> str:
    """The sentence of text holding offset at, within [lo, hi) (a passage), on one line."""
    hi = len(text) if hi is None else hi
    start = lo
    for match in _SENTENCE_END.finditer(text, lo, hi):
        if _ABBREVIATION.search(text, max(lo, match.start() - 5), match.start() + 1):
            continue  # "Mr. Putin": not the end of a sentence
        if match.end() > at:
            end = match.start() + 1
            break
        start = match.end()
    else:
        end = hi
    if end - start > width:  # no sentence ends near (a lowercased scrape): a window around the place
        start = max(start, at - width // 3)
        end = min(end, start + width)
        return ("…" if start > lo else "") + " ".join(text[start:end].split()) + ("…" if end < hi else "")
    return " ".join(text[start:end].split())
