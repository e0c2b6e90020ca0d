"""The main screen's state, the jobs it starts and the handlers that show their answers.

Jobs (`tui.workers`) compute in threads from their arguments and post messages; the handlers here
are what changes the widgets with what they found. `MainScreen` adds the layout, keys and routing.
"""

from __future__ import annotations

from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, ProgressBar
from textual.worker import Worker, WorkerState

from index.corpus.textclean import safe_line
from index.model import DocSummary, SearchResult, Span
from index.store.corpus_index import CorpusIndex
from tui import workers
from tui.entity_colours import mention_colours
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
from tui.safe import plain_content
from tui.state import ReaderState, save_state
from tui.widgets.document_view import DocumentView, locator_subtitle
from tui.widgets.results import ResultsList, Target
from tui.widgets.search_box import SearchBox
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from index.notes.bookmarks import Bookmark, BookmarkFile

PLACEHOLDER = "Choose a document (Enter) or search (/)."


# The live check re-reads the folder's file list (a stat per file): at 40,000 files that is half a
# second, every 4 s, 14 % of a core while the reader sits idle. Waiting LIVE_COST_FACTOR times what
# the last check took keeps an idle reader under ~4 % of a core at any size; small folders keep 4 s.
LIVE_COST_FACTOR = 25.0


def live_check_due(last: tuple[float, float], now: float) -> bool:
    """Whether the next live check may start: `last` is (when the previous one ended, its seconds)."""
    ended, seconds = last
    return now - ended >= LIVE_COST_FACTOR * seconds


class ReaderScreen(Screen[None]):
    """What the reader holds (index, state, the latest answers), the jobs it starts and their handlers."""

    def __init__(self, index: CorpusIndex, state: ReaderState, bookmarks: Path, classes: str = "") -> None:
        super().__init__(classes=classes)
        self.index = index
        self.bookmarks_path = bookmarks
        self._bookmarks: BookmarkFile | None = None
        self.state = state
        self.summaries: list[DocSummary] = []
        self.result: SearchResult | None = None
        self._search_timer: Timer | None = None
        self._indexing = False
        self._listed = False  # the document list has been drawn once (at start, from the index on disk)
        self._last_check = (0.0, 0.0)  # when the last folder check ended, and how long it took
        self._index_said = ""  # the last update's message: a folder unreadable for a while is said once
        self.index_status = ""  # what the header says of the index: indexing N/M, or how many documents
        self.entity_status = ""  # what the header says of entities: the pass's progress, or rules alone
        # A superseded worker may still finish and post after its successor: every request gets a
        # number, and handlers drop answers that are not to the latest request of their kind.
        self._latest: dict[str, int] = {}
        self.selected_entity: str | None = None  # the entity chosen in the panel, followed across documents
        self.collapse = False  # fold near-duplicates under their original in results
        self.threshold = getattr(getattr(self.app, "config", None), "near_duplicate_threshold", 0.5)

    @property
    def bookmarks(self) -> BookmarkFile:
        """The bookmarks file, read when first needed (its module is not needed for the first frame)."""
        if self._bookmarks is None:
            from index.notes.bookmarks import BookmarkFile

            self._bookmarks = BookmarkFile(self.bookmarks_path)
        return self._bookmarks

    def _titles(self) -> dict[str, str]:
        """Document id -> title, from the list as last read."""
        return {s.doc: s.meta.title for s in self.summaries}

    def _request(self, kind: str) -> int:
        self._latest[kind] = self._latest.get(kind, 0) + 1
        return self._latest[kind]

    def _is_latest(self, kind: str, request: int) -> bool:
        return self._latest.get(kind) == request

    def _query(self) -> str:
        return self.query_one(SearchBox).input.value.strip()

    # indexing ------------------------------------------------------------------
    def start_indexing(self, rebuild: bool = False, live: bool = False) -> None:
        self._indexing = True
        workers.run_job(self, workers.index_corpus, self.index, rebuild, live, group="index")

    def _live_check(self) -> None:
        if not self._indexing and live_check_due(self._last_check, monotonic()):
            self.start_indexing(live=True)

    def _progress_bar(self) -> ProgressBar:
        found = self.query("#index-progress")
        if found:
            return found.first(ProgressBar)
        bar = ProgressBar(id="index-progress", show_eta=False)
        self.mount(bar, before=self.query_one(Footer))
        return bar

    def _hide_progress(self) -> None:
        for bar in self.query("#index-progress"):
            bar.display = False

    def on_index_progressed(self, message: IndexProgressed) -> None:
        if not message.total:
            return  # nothing to do: a warm start shows no bar
        bar = self._progress_bar()
        bar.display = True
        bar.update(total=message.total, progress=message.done)
        self.index_status = f"indexing {message.done}/{message.total}"
        self._show_status()
        if message.done in (1, 50) or message.done % 500 == 0:
            self.list_documents()  # what is committed so far is already readable

    def on_index_finished(self, message: IndexFinished) -> None:
        self._indexing = False
        # Only a check that found nothing measures the folder: one that indexed files took longer for them.
        quiet = message.live and not (message.report.indexed or message.report.removed)
        self._last_check = (monotonic(), message.seconds if quiet else self._last_check[1])
        report = message.report
        self._hide_progress()
        changed = report.indexed or report.removed
        self.index_status = f"{self.index.document_count()} documents"
        self._show_status()
        if report.message and report.message != self._index_said:
            self.notify(report.message, title="Index", severity="warning", markup=False, timeout=10)
        self._index_said = report.message
        if report.skipped and not message.live:
            names = ", ".join(f"{safe_line(s.path, 40)} ({s.reason})" for s in report.skipped[:5])
            more = f" and {len(report.skipped) - 5} more" if len(report.skipped) > 5 else ""
            self.notify(f"Skipped {names}{more}", title="Not indexed", markup=False, timeout=8)
        if changed or not message.live:
            self.start_entity_pass()
            if changed or report.rebuilt or not self._listed:  # the list drawn at start still holds
                self.list_documents()
            self._rerun_search()
            view = self.query_one(DocumentView)
            if changed and view.document is not None:
                self.load_document(view.document.doc, view.passage_number, self._query())

    def _show_status(self) -> None:
        parts = [safe_line(self.index.corpus.name, 40), self.index_status, self.entity_status]
        self.sub_title = " · ".join(p for p in parts if p)

    # the entity pass: the statistical model's entities, after the text index is searchable ----------
    def start_entity_pass(self) -> None:
        from index.store.entity_pass import OFF_VARIABLE, entity_model

        model, said = entity_model()  # from package metadata: spaCy is never imported here
        if not model:
            # No model installed: said in the header. Turned off on purpose: nothing to tell.
            self.entity_status = "" if OFF_VARIABLE in said else "entities: rules only (ralign-tui doctor)"
            self._show_status()
            return
        workers.run_job(self, workers.fill_entities, self.index, group="entities")

    def on_entities_progressed(self, message: EntitiesProgressed) -> None:
        if message.done < message.total:
            self.entity_status = f"entities {message.done}/{message.total}"
            self._show_status()

    def on_entities_finished(self, message: EntitiesFinished) -> None:
        self.entity_status = "entities: rules only (model failed)" if message.error else ""
        self._show_status()
        if message.error:
            self.notify(message.error, title="Entity model", severity="warning", markup=False, timeout=10)
            return
        if message.report.resumed:  # a pass killed before its end was taken up again
            self.notify(message.report.resumed, title="Entity model", markup=False)
        view = self.query_one(DocumentView)
        if message.report.written and view.document is not None:  # its side panel may have new entities
            self.load_document(view.document.doc, view.passage_number, self._query())

    def _theme_changed(self, _theme: object) -> None:
        """Entity colours differ between dark and light themes: the open document is drawn again."""
        view = self.query_one(DocumentView)
        if view.document is not None:
            self.load_document(view.document.doc, view.passage_number, self._query())

    def on_index_failed(self, message: IndexFailed) -> None:
        self._indexing = False
        self._hide_progress()
        if message.error != self._index_said:  # a corpus folder unplugged: said once, not at every live check
            self.notify(message.error, title="Index", severity="error", markup=False, timeout=15)
        self._index_said = message.error

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if event.worker.group == "index":
                self._indexing = False
                self._hide_progress()
            self.notify(f"{type(error).__name__}: {error}", title="Something failed", severity="error", markup=False)

    # document list and search ------------------------------------------------------
    def list_documents(self) -> None:
        request = self._request("documents")
        workers.run_job(self, workers.list_documents, self.index, self.threshold, request, group="documents")

    def on_documents_listed(self, message: DocumentsListed) -> None:
        if self._is_latest("documents", message.request):
            self.show_listing(message.summaries, message.duplicates)

    def show_listing(self, summaries: list[DocSummary], duplicates: dict[str, list[str]]) -> None:
        self._listed = True
        self.summaries = summaries
        if not self._query():
            results = self.query_one(ResultsList)
            results.duplicates = duplicates
            results.show_documents(summaries)
        view = self.query_one(DocumentView)
        if view.document is None:
            view.clear(PLACEHOLDER if summaries or not self._indexing else "Indexing… one moment.")

    def _rerun_search(self) -> None:
        query = self._query()
        self.state.query = query
        if not query:
            self.result = None
            self.query_one(SearchBox).show_status("")
            self.query_one(ResultsList).show_documents(self.summaries)
            self._request("search")
            self.workers.cancel_group(self, "search")
            return
        request = self._request("search")
        workers.run_job(
            self, workers.run_search, self.index, query, self.collapse, self.threshold, request, group="search"
        )

    def on_search_finished(self, message: SearchFinished) -> None:
        if not self._is_latest("search", message.request) or message.result.query != self._query():
            return  # a stale answer to a query the user has already changed
        self.result = message.result
        self.query_one(SearchBox).show_result(message.result)
        self.query_one(ResultsList).show_hits(message.result)
        self.refresh_bindings()

    # opening documents -------------------------------------------------------------
    def load_document(
        self, doc: str, passage: int | None, query: str, at_last_hit: bool = False, bookmark: Bookmark | None = None
    ) -> None:
        # The terms the search analysed are highlighted too, when the page is opened from its results.
        terms = self.result.terms if self.result and self.result.query == query else ()
        request = self._request("open")
        args = (doc, passage, query, terms, self.bookmarks, bookmark, self.threshold, at_last_hit, request)
        workers.run_job(self, workers.load_page, self.index, *args, group="open")

    def on_document_loaded(self, message: DocumentLoaded) -> None:
        if not self._is_latest("open", message.request):
            return
        page = message.page
        document = page.document
        view = self.query_one(DocumentView)
        view.marked = set(page.marked)
        view.entity_spans = mention_colours(page.entities, self.app.current_theme.dark)
        view.show(document, page.passage or self.state.positions.get(document.doc, 1), list(page.hit_spans))
        if self.selected_entity is not None:
            chosen = next((e for e in page.entities if e.name == self.selected_entity), None)
            if chosen is not None:
                view.find_spans = [Span(m.start, m.end) for m in chosen.mentions]
        if page.note:
            self.notify(page.note, severity="warning", markup=False)
        view.border_title = plain_content(document.meta.title or document.doc, 80)
        view.border_subtitle = locator_subtitle(document, view.passage_number)
        if message.at_last_hit:
            view.go_to_hit(len(view.targets) - 1)
        panel = self.query_one(SidePanel)
        panel.show(document, list(page.entities))
        titles = self._titles()
        panel.show_more([(d, titles.get(d, d), c) for d, c in page.duplicates], list(page.sources))
        panel.follow_cursor(view.passage_number)
        self.state.doc = document.doc
        self.query_one(ResultsList).select_target(Target(document.doc, page.passage))
        self.refresh_bindings()

    def on_document_gone(self, message: DocumentGone) -> None:
        self.notify(f"{message.doc} is no longer in this corpus.", severity="warning", markup=False)

    # answers for the side panel and dialogs ---------------------------------------------
    def on_xrefs_found(self, message: XrefsFound) -> None:
        if self._is_latest("xref", message.request):
            self.query_one(SidePanel).show_xrefs(message.entity, message.entries)

    def on_duplicates_compared(self, message: DuplicatesCompared) -> None:
        from tui.screens.diff import DiffScreen

        self.app.push_screen(DiffScreen(message.title_a, message.title_b, message.difference))

    def on_bookmark_saved(self, message: BookmarkSaved) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None and view.document.doc == message.doc:
            view.marked.add(message.passage)
            view.refresh()
        self.notify(f"Bookmarked ¶{message.passage} in {safe_line(message.path, 60)}", timeout=3, markup=False)

    def on_bookmark_failed(self, message: BookmarkFailed) -> None:
        self.notify(message.error, title="Bookmark not saved", severity="error", markup=False)

    def save(self) -> None:
        save_state(self.index.corpus, self.state)
