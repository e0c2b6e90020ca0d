"""A query's text read once: parsed by the engine, entity fields rewritten into the entities' keys.

`Searchable` is what the query path needs of an index (a `CorpusIndex` is one): the engine, the
side store, the names of the indexed entities and a time limit. Nothing here imports the store.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from index.engine.base import Engine, Query
from index.engine.entity_query import EntityNames
from index.store.sidestore import SideStore


class Searchable(Protocol):
    time_limit: float  # seconds one query may run before it returns what it has

    @property
    def engine(self) -> Engine:
        """The engine, opened or not: parsing and analysis need no open index."""

    @property
    def side(self) -> SideStore: ...

    def open(self) -> Searchable:
        """The index opened (created if need be), for searching."""

    def mark_damaged(self, reason: str) -> None:
        """Reading the index failed: it is rebuilt at the next update."""

    def entity_names(self) -> EntityNames: ...

    def vocabulary(self) -> dict[str, int]: ...


MAX_QUERY_CHARS = 1000


class Asked(NamedTuple):
    text: str
    parsed: Query | None  # None: nothing to search for, or the text could not be read (error says why)
    error: str = ""


# `published:2018` is any date in 2018 ("2018", "2018-04", "2018-04-02"); `published:2017..2019` any
# date in those years; `published:2018-04` any day of that month. Dates are stored as ISO prefixes.
_PUBLISHED = re.compile(r"(?<![\w:])published:(\d{4}(?:-\d{2}){0,2})(?:\.\.(\d{4})(?:-\d{2}){0,2})?(?![\w*.:-])")
MAX_YEARS = 400


def dates_in(text: str) -> str:
    """The query with its `published:` years and year ranges written as the prefixes they mean."""

    def expand(match: re.Match[str]) -> str:
        start, end = match.group(1), match.group(2)
        if end is None:
            return f"published:{start}*"
        first, last = sorted((int(start[:4]), int(end)))
        years = range(first, min(last, first + MAX_YEARS) + 1)
        return "(" + " OR ".join(f"published:{year}*" for year in years) + ")"

    return _PUBLISHED.sub(expand, text) if "published:" in text else text


def parse(source: Searchable, text: str) -> Query:
    """The engine's query for the text; raises ValueError with a readable message."""
    engine = source.engine
    parsed = engine.parse(dates_in(text))
    return engine.rewrite_entities(parsed, source.entity_names()) if engine.asks_entities(parsed) else parsed


def ask(source: Searchable, text: str) -> Asked:
    """The text parsed once, for both searching and highlighting."""
    if not text.strip():
        return Asked(text, None)
    if len(text) > MAX_QUERY_CHARS:  # the engine's parser is quadratic: 40,000 characters took 35 s
        return Asked(text, None, f"the query is too long ({len(text):,} characters; at most {MAX_QUERY_CHARS:,})")
    try:
        return Asked(text, parse(source, text))
    except ValueError as exc:
        return Asked(text, None, str(exc))
