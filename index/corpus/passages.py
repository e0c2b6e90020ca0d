"""Cut a cleaned document into passages: paragraphs, with long ones cut at sentence or word ends."""

from __future__ import annotations

import hashlib
import math
import re

from index.model import Passage

MAX_PASSAGE = 1200

_BLANK_LINE = re.compile(r"\n[ ]*\n")
# A sentence ends at . ! ? (maybe followed by a closing quote or bracket) before white space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_WORD_GAP = re.compile(r"\s+")


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line-separated blocks where the text has them, otherwise one paragraph per line."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans = []
    pos = 0
    for match in separator.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _cut_points(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[int]:
    return [m.end() for m in pattern.finditer(text, start, end) if m.end() < end]


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) into balanced pieces no longer than MAX_PASSAGE."""
    length = end - start
    if length <= MAX_PASSAGE:
        return [(start, end)]
    target = length / math.ceil(length / MAX_PASSAGE)
    sentence_cuts = _cut_points(text, start, end, _SENTENCE_END)
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for cut in [*sentence_cuts, end]:
        if cut - piece_start >= target or cut == end:
            if cut - piece_start > MAX_PASSAGE:
                pieces.extend(_split_words(text, piece_start, cut, target))
            else:
                pieces.append((piece_start, cut))
            piece_start = cut
    return [t for p in pieces if (t := _trim(text, *p))]


def _split_words(text: str, start: int, end: int, target: float) -> list[tuple[int, int]]:
    """Where no sentence end helps, cut at the word gap nearest each target length."""
    pieces = []
    piece_start = start
    while end - piece_start > MAX_PASSAGE:
        ideal = piece_start + int(min(target, MAX_PASSAGE))
        gaps = _cut_points(text, piece_start + 1, min(end, piece_start + MAX_PASSAGE), _WORD_GAP)
        cut = min(gaps, key=lambda g: abs(g - ideal)) if gaps else piece_start + MAX_PASSAGE
        pieces.append((piece_start, cut))
        piece_start = cut
    pieces.append((piece_start, end))
    return pieces


def passage_id(doc: str, text: str, occurrence: int) -> str:
    """Stable across re-indexing: the same text at any position keeps its id."""
    digest = hashlib.blake2b(f"{doc}\0{occurrence}\0{text}".encode(), digest_size=8)
    return digest.hexdigest()


def split_passages(doc: str, text: str) -> tuple[Passage, ...]:
    spans: list[tuple[int, int]] = []
    for start, end in _paragraph_spans(text):
        spans.extend(_split_long(text, start, end))
    seen: dict[str, int] = {}
    passages = []
    for number, (start, end) in enumerate(spans, 1):
        body = text[start:end]
        occurrence = seen.get(body, 0)
        seen[body] = occurrence + 1
        passages.append(Passage(doc, number, start, end, passage_id(doc, body, occurrence)))
    return tuple(passages)
