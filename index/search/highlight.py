"""Where a query's words and entities stand in a passage's text: the spans a reader sees highlighted."""

from __future__ import annotations

from typing import NamedTuple

from index.engine.base import Engine, Query
from index.engine.entity_query import cached_entity_key
from index.model import Span
from index.search.query import Searchable, parse


class HighlightPlan(NamedTuple):
    alone: frozenset[str]  # terms that highlight wherever they occur
    phrases: tuple[tuple[str, ...], ...]  # term sequences that highlight only together


NO_PLAN = HighlightPlan(frozenset(), ())


def plan_of(engine: Engine, parsed: Query | None) -> HighlightPlan:
    """Which words of a parsed query highlight alone, and which only as a phrase."""
    return NO_PLAN if parsed is None else HighlightPlan(*engine.highlight_terms(parsed))


def highlight_plan(source: Searchable, text: str) -> HighlightPlan:
    try:
        parsed = parse(source, text)
    except ValueError:
        return NO_PLAN
    return plan_of(source.engine, parsed)


def query_terms(source: Searchable, text: str) -> frozenset[str]:
    """The text-field terms of a query, for highlighting without searching."""
    plan = highlight_plan(source, text)
    return plan.alone | {w for phrase in plan.phrases for w in phrase}


def spans(engine: Engine, text: str, terms: frozenset[str] | set[str], plan: HighlightPlan | None = None) -> list[Span]:
    """Where in text the matched terms occur, in order: a phrase's words only where they form it."""
    if not terms:
        return []
    tokens = list(engine.text_terms(text))
    phrase_words = {w for phrase in plan.phrases for w in phrase} if plan else set()
    alone = set(terms) - (phrase_words - plan.alone) if plan else set(terms)
    found = [Span(start, end) for word, start, end in tokens if word in alone]
    for phrase in plan.phrases if plan else ():
        size = len(phrase)
        for i in range(len(tokens) - size + 1):
            if all(tokens[i + k][0] == phrase[k] for k in range(size)):
                found.append(Span(tokens[i][1], tokens[i + size - 1][2]))
    return sorted(set(found), key=lambda s: (s.start, s.end))


def entity_spans(source: Searchable, doc: str, passage: int, keys: frozenset[str]) -> list[Span]:
    """Where in a passage's text the entities with these keys are mentioned."""
    if not keys:
        return []
    analyse = source.engine.name_analyzer()
    return [
        Span(start, end)
        for start, end, kind, name in source.side.passage_mentions(doc, passage)
        if cached_entity_key(kind, name, analyse) in keys
    ]
