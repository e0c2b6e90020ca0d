"""Pure text work on a PDF's lines: rejoin hyphenated words, drop running headers, footers and page
numbers, and rebuild paragraphs from lines. No PDF library here: the reader gives lines per page."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# A word cut at a line end: "infor-" + "mation". Only a lower-case letter before and after the cut,
# so "Franco-" + "German" and "2017-" + "2019" keep their hyphen.
_HYPHEN_END = re.compile(r"[a-zà-ÿ]-$")
_STARTS_LOWER = re.compile(r"^[a-zà-ÿ]")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,6})\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_SENTENCE_END = re.compile(r"[.!?:;”\"')\]]$")
_DIGITS = re.compile(r"\d+")
_RUNS_ON = re.compile(r"[,\-–—(\[]$|\b(?:and|or|of|the|a|an|to|in|for|with|by|on)$", re.I)


def furniture_key(line: str) -> str:
    """A line with its numbers blanked: "Report 2019 — page 3" and "… page 4" are the same furniture."""
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def running_lines(pages: list[list[str]], edge: int = 3) -> set[str]:
    """Keys of lines that repeat near the top or bottom of many pages: headers and footers.

    A line counts when its key (numbers blanked) stands among the first or last `edge` lines of at
    least half the pages (and of at least 3 of them): a title that is also page 1's heading appears once
    and stays.
    """
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = {furniture_key(line) for line in lines[:edge] + lines[-edge:] if line.strip()}
        counts.update(edges)
    needed = max(3, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= needed}


_LEADING_NUMBER = re.compile(r"^(\d{1,4})\s+\S")
_TRAILING_NUMBER = re.compile(r"\S\s+(\d{1,4})$")


def numbered_lines(pages: list[list[str]], edge: int = 2) -> set[tuple[int, int]]:
    """(page, line) of headers and footers that carry the page's own number ("10 1.3. STETIGKEIT",
    "Annual Report 2019   7"): a number at a line's start or end, near the page's top or bottom,
    that grows by one a page on at least half the pages. Chapter headers change; the number does not lie.
    """
    if len(pages) < 3:
        return set()
    found: list[tuple[int, int, int]] = []
    offsets: Counter[int] = Counter()
    for number, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for i in {*filled[:edge], *filled[-edge:]}:
            line = lines[i].strip()
            match = len(line) <= 100 and (_LEADING_NUMBER.match(line) or _TRAILING_NUMBER.search(line))
            if match:
                offset = int(match.group(1)) - number
                found.append((number, i, offset))
                offsets[offset] += 1
    if not offsets:
        return set()
    offset, count = offsets.most_common(1)[0]
    if count < max(3, len(pages) // 2):
        return set()
    return {(number, i) for number, i, off in found if off == offset}


def strip_furniture(lines: list[str], running: set[str], edge: int = 3) -> list[str]:
    """The page's lines without running headers/footers and a lone page number at its top or bottom."""
    kept = list(lines)
    for _ in range(edge):  # from the top
        if kept and (furniture_key(kept[0]) in running or _PAGE_NUMBER.match(kept[0].strip())):
            kept.pop(0)
    for _ in range(edge):  # from the bottom
        if kept and (furniture_key(kept[-1]) in running or _PAGE_NUMBER.match(kept[-1].strip())):
            kept.pop()
    return kept


def join_lines(first: str, second: str) -> str:
    """Two consecutive lines of a paragraph as one: a hyphen cut at the end rejoined, else a space."""
    first, second = first.rstrip(), second.lstrip()
    if _HYPHEN_END.search(first) and _STARTS_LOWER.match(second):
        return first[:-1] + second
    if first.endswith(("\N{SOFT HYPHEN}", "\x02")):  # PDFium writes a line-end hyphen it knows as soft as \x02
        return first[:-1] + second
    return f"{first} {second}" if first and second else first + second


# A PDF made with TeX often draws an accent as its own glyph before the letter ("na¨ıve", "caf´e");
# PDFium gives both. Composed back when they make a Latin-1 letter (so "it´s" stays as it is).
_SPACING_ACCENTS = {"¨": "\u0308", "´": "\u0301", "ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327", "˚": "\u030a"}
_LOOSE_ACCENT = re.compile("([" + "".join(_SPACING_ACCENTS) + "])([A-Za-zı])")


def composed_accents(line: str) -> str:
    """Spacing accents before their letter made one letter: "na¨ıve" -> "naïve", "caf´e" -> "café"."""

    def compose(match: re.Match[str]) -> str:
        letter = "i" if match.group(2) == "ı" else match.group(2)
        joined = unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[match.group(1)])
        return joined if len(joined) == 1 and ord(joined) < 0x100 else match.group()

    return _LOOSE_ACCENT.sub(compose, line) if any(accent in line for accent in _SPACING_ACCENTS) else line


def paragraphs(lines: list[str]) -> list[str]:
    """Lines rebuilt into paragraphs: a blank line, or a short line ending a sentence, ends one."""
    out: list[str] = []
    current = ""
    width = _typical_width(lines)
    cleaned = [composed_accents(" ".join(raw.split())) for raw in lines]
    for i, line in enumerate(cleaned):
        if not line:
            if current:
                out.append(current)
            current = ""
            continue
        current = join_lines(current, line) if current else line
        following = cleaned[i + 1] if i + 1 < len(cleaned) else ""
        # A line well short of the page's width that ends a sentence ends its paragraph; so does a
        # short line without a sentence end before a capital (a heading above its text).
        short = len(line) < 0.8 * width
        if (short and _SENTENCE_END.search(line)) or (
            len(line) < 0.6 * width and not _RUNS_ON.search(line) and following[:1].isupper()
        ):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _typical_width(lines: list[str]) -> float:
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return 0.0
    return float(lengths[int(len(lengths) * 0.8)]) if len(lengths) >= 5 else float(lengths[-1])


def continues(previous: str, following: str) -> bool:
    """The last paragraph of a page runs on into the first of the next: no sentence end, lower case next."""
    return bool(previous) and not _SENTENCE_END.search(previous) and bool(_STARTS_LOWER.match(following))
