"""Documents as wrapped lines: greedy word wrap of each passage to a width in terminal cells."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len

from index.model import Document

_WORD = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Line:
    passage: int  # index into document.passages; -1 for the blank line between passages
    start: int  # offsets into the document text
    end: int


def wrap_passages(document: Document, width: int) -> tuple[list[Line], list[int]]:
    """Lines for every passage at this width, and the first line of each passage."""
    width = max(8, width)
    lines: list[Line] = []
    first_lines: list[int] = []
    text = document.text
    for index, passage in enumerate(document.passages):
        if index:
            lines.append(Line(-1, passage.start, passage.start))
        first_lines.append(len(lines))
        pos = passage.start
        for raw_line in text[passage.start : passage.end].split("\n"):
            lines.extend(_wrap_line(text, index, pos, pos + len(raw_line), width))
            pos += len(raw_line) + 1
    return lines, first_lines


def _wrap_line(text: str, passage: int, start: int, end: int, width: int) -> list[Line]:
    """Greedy word wrap of text[start:end] to `width` cells; words longer than a line are cut."""
    segment = text[start:end]
    measure = len if segment.isascii() else cell_len
    if measure(segment) <= width:
        return [Line(passage, start, end)]
    out = []
    line_start = start
    used = 0
    for match in _WORD.finditer(segment):
        word_start, word_end = start + match.start(), start + match.end()
        visible_end = word_start + len(match.group().rstrip())
        size = measure(text[word_start:visible_end])
        if used and used + size > width:
            out.append(Line(passage, line_start, word_start))
            line_start = word_start
        if size > width:
            while measure(text[line_start:visible_end]) > width:
                cut = _cut_at_cells(text, line_start, width)
                out.append(Line(passage, line_start, cut))
                line_start = cut
        used = measure(text[line_start:word_end])
    if line_start < end:
        out.append(Line(passage, line_start, end))
    return out


def _cut_at_cells(text: str, start: int, width: int) -> int:
    if text[start : start + width].isascii():
        return start + width
    used = 0
    pos = start
    while pos < len(text) and used + cell_len(text[pos]) <= width:
        used += cell_len(text[pos])
        pos += 1
    return max(pos, start + 1)
