"""The Whoosh schema and analyzers; SCHEMA_VERSION changes whenever an existing index must be rebuilt.

One record per document, not per passage: a common word's postings are a tenth as many, and
searching is per posting. Passages are found in the best documents at display time
(`index.locate`), with `text_terms`, which gives the text analyzer's terms ten times faster than
running the analyzer (no token objects), and with their places.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from whoosh import analysis, fields
from whoosh.lang.porter import stem

from index.engine.entity_query import KEY_FIELD, QUERY_FIELDS
from index.tokens import STOP_WORDS, TOKEN_PATTERN, TOKEN_RE, normalise

# 8: each passage's run of term numbers kept at index time (`index.store.passage_terms`).
# 7: passages carry locators (a side store column) and PDF, HTML, EPUB and Word files are read.
# 6: Whoosh's own positions format again; a version-5 index names a class that is gone.
SCHEMA_VERSION = 8


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


_stem = lru_cache(maxsize=100_000)(stem)


def text_terms(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) exactly as `text_analyzer` indexes text: tokens, normalised, stop words out, stemmed."""
    for match in TOKEN_RE.finditer(text):
        term = _term(match.group())
        if term:
            start, end = match.span()
            yield term, start, end


@lru_cache(maxsize=100_000)
def _term(token: str) -> str:
    """A token's term, "" for a stop word: one cached call a token, for highlighting's hundreds of passages."""
    word = normalise(token)
    return "" if word in STOP_WORDS else _stem(word)


def text_terms_only(text: str) -> list[str]:
    """The terms of `text_terms` without their places: what finding passages needs, at a third of the cost."""
    return terms_of_words(map(_normalised, TOKEN_RE.findall(text)))


def terms_of_words(words: Iterable[str]) -> list[str]:
    """The terms of a text from its normalised words (`index.tokens.words`), when they are at hand."""
    return [_stem(word) for word in words if word not in STOP_WORDS]


_normalised = lru_cache(maxsize=100_000)(normalise)


def name_analyzer() -> Any:
    """For metadata and names: the same words, unstemmed."""
    return (
        analysis.RegexTokenizer(TOKEN_PATTERN) | NormaliseFilter() | analysis.StopFilter(stoplist=STOP_WORDS, minsize=1)
    )


def build_schema() -> fields.Schema:
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        doc=fields.ID(stored=True, unique=True),
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
