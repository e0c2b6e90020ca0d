"""Cross-references: near-duplicate documents, inline source citations, and the pure parts of
"where else" (shingling and citation parsing need no index; the queries live in `store.py`)."""

from __future__ import annotations

import difflib
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from index.dates import MONTH
from index.tokens import words, words_of

SHINGLE_SIZE = 5
SAMPLE_MOD = 8  # keep an eighth of the shingles (hash 0 mod 8), the same choice in every text: enough to
# tell a copy from a stranger (a 500-word text keeps ~60), and a side store an eighth the size
MIN_SAMPLED = 6  # below this a text is too short to call anything its duplicate
DEFAULT_THRESHOLD = 0.5


def sampled_shingles(text: str, tokens: list[str] | None = None) -> set[int]:
    """Hashes of the text's word 5-shingles (lower case, punctuation gone), a fixed eighth of them.

    CRC-32 (C, stable across processes): a chance collision adds one shared shingle among hundreds,
    far below any duplicate threshold. tokens: the text's normalised words, when the caller has them.
    """
    tokens = tokens if tokens is not None else words_of(text)
    out = set()
    for i in range(len(tokens) - SHINGLE_SIZE + 1):
        value = zlib.crc32(" ".join(tokens[i : i + SHINGLE_SIZE]).encode())
        if value % SAMPLE_MOD == 0:
            out.add(value)
    return out


def containment(shared: int, size_a: int, size_b: int) -> float:
    """Share of the smaller text's shingles found in the other: an excerpt of a longer text scores high."""
    smaller = min(size_a, size_b)
    return shared / smaller if smaller >= MIN_SAMPLED else 0.0


@dataclass(frozen=True)
class Citation:
    source: str
    date: str
    start: int  # offsets of the whole parenthesis in the text
    end: int


_DATE_AT_END = re.compile(
    rf"(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|{MONTH}\s+\d{{4}}|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|"
    r"(?:Spring|Summer|Fall|Autumn|Winter)\s+\d{4}|(?:19|20)\d{2})\s*$"
)
_PARENTHESES = re.compile(r"\((?P<body>[^()\n]{3,400})\)")
_SEE = re.compile(r"^(?:see(?:\s+also)?|cf\.|e\.g\.,?)\s+", re.IGNORECASE)


def find_citations(text: str) -> Iterator[Citation]:
    """Inline citations: parentheses whose ";"-separated segments each end in a date.

    Each comma-separated name before a segment's date is one source: "(China Daily, Xinhua, March 26)"
    gives two. Prose parentheses, which do not end in dates, are not citations.
    """
    for match in _PARENTHESES.finditer(text):
        segments = [s.strip() for s in match.group("body").split(";")]
        parsed = [_segment(s) for s in segments]
        if not parsed or any(p is None for p in parsed):
            continue
        for sources, date in parsed:  # type: ignore[misc]
            for source in sources:
                yield Citation(source, date, match.start(), match.end())


def _segment(segment: str) -> tuple[list[str], str] | None:
    found = _DATE_AT_END.search(segment)
    if not found:
        return None
    head = _SEE.sub("", segment[: found.start()].strip().rstrip(",").strip())
    sources = [s.strip() for s in head.split(",") if s.strip()]
    if not sources or any(not _looks_like_source(s) for s in sources):
        return None
    return sources, " ".join(found.group("date").split())


def _looks_like_source(name: str) -> bool:
    return (
        len(name) <= 90
        and (name[0].isupper() or name[0].isdigit())
        and not name.endswith(".")
        and len(name.split()) <= 10
    )


@dataclass(frozen=True)
class Difference:
    only_in_a: list[str]  # runs of text (as written in A) that B lacks
    only_in_b: list[str]
    small_changes: int  # differing runs too short to list (case, punctuation, "U.S." written "u s")


def difference(a_text: str, b_text: str, min_words: int = 4) -> Difference:
    """What each of two near-duplicates has that the other lacks, compared word by word."""
    a_words = list(words(a_text))
    b_words = list(words(b_text))
    matcher = difflib.SequenceMatcher(None, [w for w, _, _ in a_words], [w for w, _, _ in b_words], autojunk=False)
    only_a: list[str] = []
    only_b: list[str] = []
    small = 0
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for side, lo, hi, text, out in ((a_words, a1, a2, a_text, only_a), (b_words, b1, b2, b_text, only_b)):
            if hi - lo >= min_words:
                out.append(" ".join(text[side[lo][1] : side[hi - 1][2]].split()))
            elif hi > lo:
                small += 1
    return Difference(only_a, only_b, small)
