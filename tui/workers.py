"""The reader's background jobs: functions of their arguments that ask the core and post what they found.

Each runs in a thread worker the main screen starts (`run_job`). A job sees only what it is given,
never the screen, and changes no widget: it posts a message, and the screen's handler shows it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.worker import NoActiveWorker, get_current_worker

from index.errors import RalignError
from index.model import SearchResult
from index.search.results import collapse_duplicates, search
from tui.messages import (
    BookmarkFailed,
    BookmarkSaved,
    DocumentGone,
    DocumentLoaded,
    DocumentsListed,
    DuplicatesCompared,
    EntitiesFinished,
    EntitiesProgressed,
    IndexFailed,
    IndexFinished,
    IndexProgressed,
    SearchFinished,
    XrefsFound,
)

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from index.entities.summaries import EntitySummary
    from index.model import Document
    from index.notes.bookmarks import Bookmark, BookmarkFile
    from index.store.corpus_index import CorpusIndex

# The core modules only some jobs need (reading a page, bookmarks, comparisons) are imported by
# those jobs: the first frame waits for none of them.

Post = Callable[[Message], object]  # a screen's post_message: safe to call from any thread
RESULT_LIMIT = 200  # hits a search lists


def run_job(node: DOMNode, job: Callable[..., None], *args: Any, group: str, exclusive: bool = True) -> None:
    """Run job(*args, post) in a thread worker of `node`, posting to it; a failure becomes a notification."""
    node.run_worker(
        partial(job, *args, node.post_message),
        name=job.__name__,
        group=group,
        exclusive=exclusive,
        exit_on_error=False,
        thread=True,
    )


def _cancel_event() -> threading.Event | None:
    """Set when the worker running this job is cancelled; None for a job called outside a worker."""
    try:
        return get_current_worker().cancelled_event
    except NoActiveWorker:
        return None


def _cancelled() -> bool:
    cancel = _cancel_event()
    return cancel is not None and cancel.is_set()


def index_corpus(index: CorpusIndex, rebuild: bool, live: bool, post: Post) -> None:
    """Bring the index up to date; a live re-scan reports no progress, and may stat only the folders
    when a full check ran recently (the one at start is always full: it lists the skipped files)."""
    started = time.monotonic()
    try:
        report = index.update(
            progress=None if live else (lambda done, total: post(IndexProgressed(done, total))),
            cancel=_cancel_event(),
            rebuild=rebuild,
            full=not live,
        )
    except RalignError as exc:
        post(IndexFailed(str(exc)))
        return
    post(IndexFinished(report, live, time.monotonic() - started))


def fill_entities(index: CorpusIndex, post: Post) -> None:
    """The entity pass: the model's entities for every document that lacks them, in worker processes."""
    from index.store.entity_pass import EntityPassReport, run_entity_pass

    try:
        report = run_entity_pass(
            index, progress=lambda done, total: post(EntitiesProgressed(done, total)), cancel=_cancel_event()
        )
    except RalignError as exc:
        post(EntitiesFinished(EntityPassReport("", 0, 0), str(exc)))
        return
    post(EntitiesFinished(report))


def list_documents(index: CorpusIndex, threshold: float, request: int, post: Post) -> None:
    summaries = index.documents()
    duplicates = index.duplicate_groups(threshold)  # one query for the whole corpus
    post(DocumentsListed(summaries, request, duplicates))


def run_search(index: CorpusIndex, query: str, collapse: bool, threshold: float, request: int, post: Post) -> None:
    try:
        result = search(index, query, limit=RESULT_LIMIT)
    except RalignError as exc:  # a damaged index (marked: the next update rebuilds it)
        result = SearchResult(query, (), 0, error=str(exc))
    if collapse:
        result = collapse_duplicates(index, result, threshold)
    if not _cancelled():
        post(SearchFinished(result, request))


def load_page(
    index: CorpusIndex,
    doc: str,
    passage: int | None,
    query: str,
    terms: tuple[str, ...],
    bookmarks: BookmarkFile,
    bookmark: Bookmark | None,
    threshold: float,
    at_last_hit: bool,
    request: int,
    post: Post,
) -> None:
    """Open a document's page: `terms` are the analysed terms of the search the query came from."""
    from index.reading import open_document

    try:
        placed = bookmarks.bookmarks()
    except RalignError:
        placed = []  # an unreadable bookmarks file marks no passage; the bookmarks screen says why
    page = open_document(index, doc, passage, query, terms, placed, bookmark, threshold)
    if page is None:
        if bookmark is not None:
            post(DocumentGone(doc))
        return
    if not _cancelled():
        post(DocumentLoaded(page, request, at_last_hit))


def find_entity_refs(index: CorpusIndex, entity: EntitySummary, here: str, request: int, post: Post) -> None:
    from index.xref.entity_refs import entity_refs

    post(XrefsFound(entity, entity_refs(index, entity.name, skip_doc=here), request))


def find_citing(index: CorpusIndex, source: str, request: int, post: Post) -> None:
    from index.xref.passage_refs import citing_passages

    post(XrefsFound(f"Cites {source}", citing_passages(index, source), request))


def find_related(index: CorpusIndex, doc: str, passage: int, request: int, post: Post) -> None:
    from index.xref.passage_refs import related_passages

    post(XrefsFound(f"Related to ¶{passage}", related_passages(index, doc, passage, limit=15), request))


def compare(index: CorpusIndex, doc_a: str, doc_b: str, post: Post) -> None:
    """What each of two near-duplicates has that the other lacks."""
    a, b = index.document(doc_a), index.document(doc_b)
    if a is None or b is None:
        return
    from index.xref.shingles import difference

    post(DuplicatesCompared(a.meta.title or a.doc, b.meta.title or b.doc, difference(a.text, b.text)))


def save_bookmark(
    index: CorpusIndex,
    bookmarks: BookmarkFile,
    document: Document,
    number: int,
    note: str,
    tags: list[str],
    query: str,
    post: Post,
) -> None:
    from index.notes.bookmarks import bookmark_for

    try:
        entities = index.passage_entities(document.doc, number)
        bookmarks.add(bookmark_for(document, number, str(index.corpus), note, tags, query, entities))
    except RalignError as exc:
        post(BookmarkFailed(str(exc)))
        return
    post(BookmarkSaved(document.doc, number, str(bookmarks.path)))


def save_search(index: CorpusIndex, query: str, post: Post) -> None:
    """Keep a query as a saved search; what matches now counts as seen."""
    from index.notes import saved_searches
    from tui.messages import SearchSaved

    try:
        saved = saved_searches.add(index, query)
        post(SearchSaved(query, saved_searches.status(index, saved).total))
    except (ValueError, OSError, RalignError) as exc:
        post(SearchSaved(query, 0, str(exc)))


def curate_entity(index: CorpusIndex, verb: str, entity: tuple[str, str], value: str, post: Post) -> None:
    """One curation of entities.toml (`index.entities.curation`); "undo" puts the last one back."""
    from index.entities import curation
    from tui.messages import EntitiesCurated

    try:
        if verb == "undo":
            said = "entities.toml restored" if curation.undo() else ""
            post(EntitiesCurated(said, "" if said else "Nothing to undo."))
            return
        if verb == "merge":
            other = index.resolve_entity(value)
            if other is None:
                post(EntitiesCurated("", f"No entity {value!r} in this corpus."))
                return
            curation.merge(entity, other)
        elif verb == "rename":
            curation.rename(entity, value)
        elif verb == "split":
            curation.split(entity, value)
        elif verb == "retype":
            curation.retype(entity, value.upper())
        elif verb == "ignore":
            curation.ignore(entity[0])
    except (ValueError, OSError, RalignError) as exc:
        post(EntitiesCurated("", str(exc)))
        return
    done = {  # what happened, in the direction it happened ("merge A → B" read as the reverse)
        "merge": f"{value} is now a name of {entity[0]}",
        "rename": f"{entity[0]} is now called {value}",
        "split": f"{value} is no longer a name of {entity[0]}",
        "retype": f"{entity[0]} is now a {value.upper()}",
        "ignore": f"{entity[0]} is no longer an entity",
    }.get(verb, f"{verb} {entity[0]}")
    post(EntitiesCurated(done + ": written to entities.toml"))
