"""The Whoosh schema and analyzer; SCHEMA_VERSION changes whenever an existing index must be rebuilt."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import analysis, fields

from index.entity_query import KEY_FIELD, QUERY_FIELDS
from index.tokens import STOP_WORDS, TOKEN_PATTERN, normalise

SCHEMA_VERSION = 3


class NormaliseFilter(analysis.Filter):
    """Lower-case, and the acronym and number forms of `index.tokens.normalise`."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:  # type: ignore[override]
        for token in tokens:
            token.text = normalise(token.text)
            yield token


def text_analyzer() -> Any:
    return (
        analysis.RegexTokenizer(TOKEN_PATTERN)
        | NormaliseFilter()
        | analysis.StopFilter(stoplist=STOP_WORDS, minsize=1)
        | analysis.StemFilter()
    )


def name_analyzer() -> Any:
    """For metadata and names: the same words, unstemmed."""
    return (
        analysis.RegexTokenizer(TOKEN_PATTERN) | NormaliseFilter() | analysis.StopFilter(stoplist=STOP_WORDS, minsize=1)
    )


def build_schema() -> fields.Schema:
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        pid=fields.ID(stored=True, unique=True),
        doc=fields.ID(stored=True, sortable=True),
        num=fields.NUMERIC(int, stored=True, shift_step=0),
        text=fields.TEXT(analyzer=text, phrase=True, multitoken_query="phrase"),
        title=fields.TEXT(analyzer=text, phrase=True, multitoken_query="phrase"),
        publication=fields.TEXT(analyzer=names, phrase=True, multitoken_query="phrase"),
        author=fields.TEXT(analyzer=names, phrase=True, multitoken_query="phrase"),
        published=fields.ID(),
        # One key per entity the passage names; the type fields below only parse queries, which
        # `index.entity_query` rewrites into these keys (they are never given values).
        **{KEY_FIELD: fields.KEYWORD(lowercase=False, commas=False, scorable=True)},
        **{name: fields.TEXT(analyzer=names, phrase=True, multitoken_query="phrase") for name in QUERY_FIELDS},
    )
