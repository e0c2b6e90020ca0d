"""A date as a text writes it ("March 26", "May 2014", "2015-05-08", "last year") read as ISO text
with a precision, the year taken from the document's own date when the text leaves it out."""

from __future__ import annotations

import re
from typing import NamedTuple

from index.dates import MONTHS

PRECISIONS = ("decade", "year", "season", "month", "day")
_MONTH_NUMBER = {name: i for i, name in enumerate(MONTHS, 1)} | {name[:3]: i for i, name in enumerate(MONTHS, 1)}
_MONTH_NUMBER["sept"] = 9
_SEASON_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})"
_SHAPES = (
    re.compile(rf"^{_YEAR}-(?P<mnum>\d{{2}})-{_DAY}$"),
    re.compile(rf"^{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s*{_YEAR})?$", re.IGNORECASE),
    re.compile(rf"^{_DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?$", re.IGNORECASE),
    re.compile(rf"^(?:(?:early|late|mid-?)\s*)?{_MONTH}(?:\s+of)?(?:,?\s+{_YEAR})?$", re.IGNORECASE),
    re.compile(
        rf"^(?:(?:early|late|mid-?)\s*)?(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+of)?\s+{_YEAR}$",
        re.IGNORECASE,
    ),
    re.compile(rf"^(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:in\s+)?{_YEAR}$", re.IGNORECASE),
    re.compile(r"^(?:the\s+)?(?:early\s+|late\s+)?(?P<decade>(?:1[89]|20)\d0)'?s$", re.IGNORECASE),
)
_RELATIVE_YEAR = {"this year": 0, "last year": -1, "next year": 1, "the previous year": -1, "the following year": 1}
_ANY_YEAR = re.compile(r"(?<![\d$])(?:1[89]|20)\d{2}(?![\d])")


class Resolved(NamedTuple):
    iso: str  # "2015", "2015-05", "2015-05-08"; a decade is its first year, a season its first month
    precision: str  # one of PRECISIONS
    implicit: bool  # the year came from the document's date, not from the words


def document_year(published: str) -> int | None:
    match = re.match(r"^((?:1[89]|20)\d{2})", published or "")
    return int(match.group(1)) if match else None


def resolve(written: str, year: int | None) -> Resolved | None:
    """The date the words name; year: the document's, for words without one. None: not a date."""
    words = " ".join(written.split()).strip(" .,;")
    lower = words.lower()
    if lower in _RELATIVE_YEAR:
        return Resolved(str(year + _RELATIVE_YEAR[lower]), "year", True) if year else None
    for shape in _SHAPES:
        match = shape.match(words)
        resolved = _from_parts(match.groupdict(), year) if match else None
        if resolved is not None:  # "Spring 2016" has the month shape, but no month: try the next
            return resolved
    found = _ANY_YEAR.findall(words)  # a longer phrase ("the summit of May 2014"): at least its year
    return Resolved(found[0], "year", False) if len(found) == 1 else None


def _from_parts(parts: dict[str, str | None], year: int | None) -> Resolved | None:
    if parts.get("decade"):
        return Resolved(str(parts["decade"]), "decade", False)
    written_year = int(str(parts["year"])) if parts.get("year") else None
    use_year = written_year or year
    if use_year is None:
        return None
    implicit = written_year is None
    if parts.get("season"):
        return Resolved(f"{use_year}-{_SEASON_MONTH[str(parts['season']).lower()]:02d}", "season", implicit)
    month = int(str(parts["mnum"])) if parts.get("mnum") else _month(parts.get("month"))
    if month is None:
        return Resolved(str(use_year), "year", implicit) if "month" not in parts else None
    if not 1 <= month <= 12:
        return None
    if parts.get("day"):
        day = int(str(parts["day"]))
        return Resolved(f"{use_year}-{month:02d}-{day:02d}", "day", implicit) if 1 <= day <= 31 else None
    return Resolved(f"{use_year}-{month:02d}", "month", implicit)


def _month(word: str | None) -> int | None:
    if not word:
        return None
    return _MONTH_NUMBER.get(word.lower().rstrip("."))
