"""Plain frozen data that crosses the boundary between the core and its callers.

Named tuples, not dataclasses: a search from the command line imports these, and the dataclasses
module with its class generation costs ~30 ms there, a tenth of the whole call.
"""

from __future__ import annotations

from typing import NamedTuple

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "WEAPON", "EVENT", "MONEY", "DATE")


class MentionRow(NamedTuple):
    """One entity mention as stored: where it stands (document, passage, offsets) and what it names."""

    doc: str
    passage: int
    start: int
    end: int
    type: str
    name: str
    text: str


class Passage(NamedTuple):
    """A slice of a document's cleaned text, the unit of search, bookmarks and cross-references."""

    doc: str
    number: int  # 1..n in reading order, for display
    start: int  # code-point offsets into the cleaned document text
    end: int
    pid: str  # stable id: document + hash of the passage text, survives re-indexing
    locator: str = ""  # where it stands in the file: "p. 12" (PDF page), a chapter or section; "" for text


class Metadata(NamedTuple):
    title: str = ""
    publication: str = ""
    author: str = ""
    published: str = ""  # ISO-like and as precise as the text allows: "2016", "2018-04", "2015-05-07"
    extra: tuple[tuple[str, str], ...] = ()  # e.g. (("volume", "13"), ("issue", "62"))


class Document(NamedTuple):
    doc: str  # POSIX path relative to the corpus folder
    text: str  # cleaned text: NFC, "\n" line ends, no control characters
    meta: Metadata
    passages: tuple[Passage, ...]
    encoding: str = "utf-8"

    def passage_text(self, passage: Passage) -> str:
        return self.text[passage.start : passage.end]


class DocSummary(NamedTuple):
    """What a document list needs without loading the text."""

    doc: str
    meta: Metadata
    passages: int
    chars: int


class Span(NamedTuple):
    start: int
    end: int


class Hit(NamedTuple):
    doc: str
    passage: int
    score: float
    snippet: str
    spans: tuple[Span, ...]  # offsets into snippet
    title: str = ""
    doc_hits: int = 1  # how many passages of this document matched
    snippet_start: int = 0  # where the snippet starts in the passage
    locator: str = ""  # where the passage stands in its file: "p. 12", a chapter, a section heading


class SearchResult(NamedTuple):
    query: str
    hits: tuple[Hit, ...]
    total: int  # matching passages, not only the page returned; when not complete, at least this many
    documents: int = 0  # documents with at least one matching passage (when not complete: at least)
    suggestion: str = ""  # "did you mean", only when nothing matched
    error: str = ""  # a message for a query that could not be understood
    terms: tuple[str, ...] = ()  # analysed query terms, for highlighting elsewhere
    note: str = ""  # something the reader should say, e.g. the search was cut short
    complete: bool = True  # the counts are exact: every matching document was read for its passages

    @property
    def total_label(self) -> str:
        """ "12 passages", or "120+ passages" when only the best documents were read for passages."""
        return f"{self.total}{'' if self.complete else '+'} passage{'' if self.total == 1 else 's'}"

    @property
    def documents_label(self) -> str:
        """ "3 documents", or "3+ documents" when only the best documents were read."""
        return f"{self.documents}{'' if self.complete else '+'} document{'' if self.documents == 1 else 's'}"


class XrefEntry(NamedTuple):
    """One passage elsewhere in a cross-reference list: where it is and a line of it to show."""

    doc: str
    title: str  # the document's title, "" when it has none
    passage: int
    snippet: str
    count_in_doc: int = 1  # how many times the list's subject appears in that document


class Skipped(NamedTuple):
    path: str
    reason: str


class IndexReport(NamedTuple):
    indexed: int  # files added or changed in this run
    removed: int
    unchanged: int
    skipped: tuple[Skipped, ...]
    rebuilt: bool = False
    message: str = ""
    cancelled: bool = False
