"""The Whoosh engine (`index.engine.base.Engine`): one Whoosh index in one folder.

Whoosh is imported where it is first used, not with this module: the reader draws its first
frame while a worker opens the index, and importing Whoosh is a third of a reader's start.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.engine.base import Analyzer, Query

if TYPE_CHECKING:
    from index.engine.entity_query import EntityNames
    from index.engine.whoosh_query import WhooshSearcher
    from index.engine.whoosh_writers import WhooshBatchWriter, WhooshSegmentWriter


class WhooshEngine:
    """A Whoosh index: safe to search from many threads; one writer at a time (Whoosh's file lock)."""

    def __init__(self) -> None:
        self.ix: Any = None  # the open `whoosh.index.Index`, None until opened or created

    @property
    def version(self) -> int:
        from index.engine.schema import SCHEMA_VERSION

        return SCHEMA_VERSION

    # the folder -----------------------------------------------------------------
    def exists(self, folder: Path) -> bool:
        return folder.is_dir() and any(folder.glob("*.toc"))

    def open(self, folder: Path) -> None:
        from whoosh import index as whoosh_index

        from index.engine import file_sizes

        ix = whoosh_index.open_dir(str(folder))
        try:
            # Files truncated or deleted since their commit: found now, not by the first search reaching them.
            file_sizes.check(folder, ix.latest_generation())
            with ix.searcher() as searcher:
                searcher.doc_count()  # reads the segments: an index that opens but cannot be read fails here
        except BaseException:
            ix.close()
            raise
        self.ix = ix

    def create(self, folder: Path) -> None:
        from whoosh import index as whoosh_index

        from index.engine.schema import build_schema

        folder.mkdir(parents=True, exist_ok=True)
        self.ix = whoosh_index.create_in(str(folder), build_schema())

    def wipe(self, folder: Path) -> None:
        self.close()
        import shutil  # only here: a search that never wipes an index does not load it

        shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        if self.ix is not None:
            self.ix.close()
        self.ix = None

    @property
    def is_open(self) -> bool:
        return self.ix is not None

    # writing ----------------------------------------------------------------------
    def writer(self) -> WhooshBatchWriter:
        from index.engine.whoosh_writers import WhooshBatchWriter

        return WhooshBatchWriter(self.ix)

    def segment_writer(self, folder: Path) -> WhooshSegmentWriter:
        from index.engine.whoosh_writers import WhooshSegmentWriter

        return WhooshSegmentWriter(folder)

    # searching --------------------------------------------------------------------
    def searcher(self) -> WhooshSearcher:
        from index.engine.whoosh_query import WhooshSearcher

        return WhooshSearcher(self.ix)

    def document_count(self) -> int:
        with self.ix.searcher() as searcher:
            return int(searcher.doc_count())

    def doc_ids(self) -> list[str]:
        with self.ix.searcher() as searcher:
            return [fields["doc"] for fields in searcher.all_stored_fields()]

    # the query language -----------------------------------------------------------
    @functools.cached_property
    def _parser(self) -> Any:
        from index.engine.whoosh_query import query_parser

        return query_parser()

    def parse(self, text: str) -> Query:
        from index.engine.whoosh_query import parse

        return parse(self._parser, text)

    def asks_entities(self, parsed: Query) -> bool:
        from index.engine.whoosh_query import asks_entities

        return asks_entities(parsed)

    def rewrite_entities(self, parsed: Query, names: EntityNames) -> Query:
        from index.engine.entity_query import rewrite

        return rewrite(parsed, names)

    def is_empty(self, parsed: Query) -> bool:
        from index.engine.whoosh_query import is_empty

        return is_empty(parsed)

    def highlight_terms(self, parsed: Query) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
        from index.engine.whoosh_query import highlight_terms

        return highlight_terms(parsed)

    # analysis ---------------------------------------------------------------------
    # The schema's functions, looked up once: finding passages calls them for every passage read.
    @functools.cached_property
    def _schema(self) -> Any:
        from index.engine import schema

        return schema

    def text_terms(self, text: str) -> Iterator[tuple[str, int, int]]:
        return self._schema.text_terms(text)

    def text_terms_only(self, text: str) -> list[str]:
        return self._schema.text_terms_only(text)

    @functools.cached_property
    def _names(self) -> Analyzer:
        return self._schema.name_analyzer()

    def name_analyzer(self) -> Analyzer:
        return self._names
