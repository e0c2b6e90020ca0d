"""The reader's main screen: search box, results, document pane, side panel.

Workers (indexing, searching, loading a document) compute in threads and post messages; the
handlers here are the only code that changes widgets.
"""

from __future__ import annotations

import gc
import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from index.corpus.textclean import safe_line
from index.entities.summaries import EntitySummary, group_mentions
from index.errors import RalignError
from index.model import DocSummary, Document, SearchResult, Span
from index.search.results import around, collapse_duplicates, search
from index.store.corpus_index import CorpusIndex
from tui.messages import (
    BookmarkSaved,
    DocumentLoaded,
    IndexFailed,
    IndexFinished,
    IndexProgressed,
    SearchFinished,
    XrefsFound,
)
from tui.safe import plain_content
from tui.state import ReaderState, save_state
from tui.widgets.document_view import DocumentView
from tui.widgets.results import ResultsList, Target
from tui.widgets.search_box import SearchBox
from tui.widgets.side_panel import TYPE_STYLE, SidePanel, XrefEntry

if TYPE_CHECKING:
    from index.notes.bookmarks import Bookmark, BookmarkFile

# The bookmarks module, the comparison and the screens it opens are imported where they are used:
# the first frame waits for none of them.

RESULT_LIMIT = 200
SEARCH_DEBOUNCE = 0.15
LIVE_INTERVAL = 4.0
PLACEHOLDER = "Choose a document (Enter) or search (/)."


def main_screen(app: App[Any]) -> MainScreen | None:
    """The reader's main screen wherever it is in the stack (dialogs may be above it)."""
    return next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)


class DocumentsListed(Message):
    def __init__(self, summaries: list[DocSummary], request: int, duplicates: dict[str, list[str]]) -> None:
        super().__init__()
        self.summaries = summaries
        self.request = request
        self.duplicates = duplicates  # doc -> its near-duplicates, for the marks in the list


@dataclass(frozen=True)
class Place:
    """A point in the navigation history."""

    doc: str
    passage: int


class MainScreen(Screen[None]):
    WIDE = 100  # columns from which the side panel shows beside the document
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    BINDINGS = [
        # Priority: checked before the key is forwarded, so keys typed in the same burst as `/`
        # (tmux send-keys, a paste, a fast typist) follow the focus into the box.
        Binding("slash", "slash", "Search", id="search.focus", priority=True),
        Binding("n", "next_hit", "Next hit", id="hit.next"),
        Binding("N", "previous_hit", "Prev hit", id="hit.previous"),
        Binding("right_square_bracket", "next_document", "Next document", id="doc.next", show=False),
        Binding("left_square_bracket", "previous_document", "Previous document", id="doc.previous", show=False),
        Binding("backspace,alt+left", "back", "Back", id="nav.back", show=False),
        Binding("escape", "escape", "Back to results", id="nav.escape", show=False),
        Binding("e", "toggle_panel", "Panel", id="panel.toggle"),
        Binding("c", "copy_passage", "Copy passage", id="passage.copy", show=False),
        Binding("o", "edit_passage", "Open in $EDITOR", id="passage.edit", show=False),
        Binding("ctrl+y", "take_suggestion", "Take suggestion", id="search.suggestion", show=False),
        Binding("b", "bookmark", "Bookmark", id="passage.bookmark"),
        Binding("B", "show_bookmarks", "Bookmarks", id="bookmarks.open", show=False),
        Binding("h", "toggle_entities", "Entity colours", id="entities.toggle", show=False),
        Binding("r", "related", "Related passages", id="passage.related", show=False),
        Binding("equals_sign", "compare_duplicate", "Compare with near-duplicate", id="duplicate.compare", show=False),
    ]

    def __init__(self, index: CorpusIndex, state: ReaderState, bookmarks: Path) -> None:
        # Born with the breakpoint class its first resize would give it: added then, it would restyle
        # every widget a second time before the first frame (~10 ms of a warm start).
        super().__init__(classes="-wide" if self.app.size.width >= self.WIDE else "-narrow")
        self.index = index
        self.bookmarks_path = bookmarks
        self._bookmarks: BookmarkFile | None = None
        self.state = state
        self.summaries: list[DocSummary] = []
        self.result: SearchResult | None = None
        self.history: list[Place] = []
        self._search_timer: Timer | None = None
        self._indexing = False
        self._panel_forced: bool | None = None  # None: follow the width; True/False: the user chose
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

    # layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBox(id="search")
        with Horizontal(id="body"):
            yield ResultsList(id="results")
            with Vertical(id="reader"):
                yield DocumentView(id="document")
            yield SidePanel(id="side")
        # The find box and the progress bar are mounted when first needed: a warm start shows neither,
        # and every widget in the first frame adds to the time before it is drawn.
        yield Footer()

    def on_mount(self) -> None:
        self.title = "ralign-tui"
        self.sub_title = safe_line(self.index.corpus.name or str(self.index.corpus), 60)
        self.query_one(ResultsList).border_title = "Documents"
        self.query_one(DocumentView).border_title = "Document"
        self.query_one(SidePanel).border_title = "About"
        self.query_one(ResultsList).focus()
        if self.state.query:
            self.query_one(SearchBox).input.value = self.state.query
        # Workers start once the first frame is on screen: their imports and reads would hold the
        # interpreter while the frame is drawn, and a reader that shows itself at once feels fast.
        self.call_after_refresh(self._begin)

    def _begin(self) -> None:
        if not gc.isenabled():
            # `ralign-tui` turned collection off for start-up (see tui.cli): what start-up built lives
            # as long as the reader, so it is frozen out of every later collection.
            gc.freeze()
            gc.enable()
        _ = self.bookmarks  # made here, on the UI thread, before any worker can ask for it
        self.list_documents()
        self.start_indexing()
        if getattr(self.app, "LIVE_CHECKS", True):
            self.set_interval(LIVE_INTERVAL, self._live_check)
        if self.state.doc:
            self.load_document(self.state.doc, None, "")

    # indexing ------------------------------------------------------------------
    def start_indexing(self, rebuild: bool = False, live: bool = False) -> None:
        self._indexing = True
        self.index_corpus(rebuild, live)

    @work(thread=True, group="index", exclusive=True, exit_on_error=False)
    def index_corpus(self, rebuild: bool, live: bool) -> None:
        worker = get_current_worker()
        try:
            report = self.index.update(
                progress=None if live else (lambda done, total: self.post_message(IndexProgressed(done, total))),
                cancel=worker.cancelled_event,
                rebuild=rebuild,
            )
        except RalignError as exc:
            self.post_message(IndexFailed(str(exc)))
            return
        self.post_message(IndexFinished(report, live))

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
        self.sub_title = f"{safe_line(self.index.corpus.name, 40)} · indexing {message.done}/{message.total}"
        if message.done in (1, 50) or message.done % 500 == 0:
            self.list_documents()  # what is committed so far is already readable

    def on_index_finished(self, message: IndexFinished) -> None:
        self._indexing = False
        report = message.report
        self._hide_progress()
        changed = report.indexed or report.removed
        self.sub_title = f"{safe_line(self.index.corpus.name, 40)} · {self.index.document_count()} documents"
        if report.message:
            self.notify(report.message, title="Index", severity="warning", markup=False, timeout=10)
        if report.skipped and not message.live:
            names = ", ".join(f"{safe_line(s.path, 40)} ({s.reason})" for s in report.skipped[:5])
            more = f" and {len(report.skipped) - 5} more" if len(report.skipped) > 5 else ""
            self.notify(f"Skipped {names}{more}", title="Not indexed", markup=False, timeout=8)
        if changed or not message.live:
            self.list_documents()
            self._rerun_search()
            view = self.query_one(DocumentView)
            if changed and view.document is not None:
                self.load_document(view.document.doc, view.passage_number, self._query())

    def on_index_failed(self, message: IndexFailed) -> None:
        self._indexing = False
        self._hide_progress()
        self.notify(message.error, title="Index", severity="error", markup=False, timeout=15)

    def _live_check(self) -> None:
        if not self._indexing:
            self.start_indexing(live=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if event.worker.group == "index":
                self._indexing = False
                self._hide_progress()
            self.notify(f"{type(error).__name__}: {error}", title="Something failed", severity="error", markup=False)

    # document list and search ------------------------------------------------------
    def _titles(self) -> dict[str, str]:
        """Document id -> title, from the list as last read."""
        return {s.doc: s.meta.title for s in self.summaries}

    def _request(self, kind: str) -> int:
        self._latest[kind] = self._latest.get(kind, 0) + 1
        return self._latest[kind]

    def _is_latest(self, kind: str, request: int) -> bool:
        return self._latest.get(kind) == request

    def list_documents(self) -> None:
        self._list_documents(self._request("documents"))

    @work(thread=True, group="documents", exclusive=True, exit_on_error=False)
    def _list_documents(self, request: int) -> None:
        summaries = self.index.documents()
        duplicates = self.index.duplicate_groups(self.threshold)  # one query for the whole corpus
        self.post_message(DocumentsListed(summaries, request, duplicates))

    def on_documents_listed(self, message: DocumentsListed) -> None:
        if not self._is_latest("documents", message.request):
            return
        self.summaries = message.summaries
        if not self._query():
            results = self.query_one(ResultsList)
            results.duplicates = message.duplicates
            results.show_documents(message.summaries)
        view = self.query_one(DocumentView)
        if view.document is None:
            view.clear(PLACEHOLDER if message.summaries or not self._indexing else "Indexing… one moment.")

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DEBOUNCE, self._rerun_search)

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._rerun_search()
        results = self.query_one(ResultsList)
        results.awaiting = bool(self._query())
        self.set_focus(results)
        if results.option_count:
            results.highlighted = 0

    def _query(self) -> str:
        return self.query_one(SearchBox).input.value.strip()

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
        self.run_search(query, self._request("search"))

    @work(thread=True, group="search", exclusive=True, exit_on_error=False)
    def run_search(self, query: str, request: int) -> None:
        result = search(self.index, query, limit=RESULT_LIMIT)
        if self.collapse:
            result = collapse_duplicates(self.index, result, self.threshold)
        if not get_current_worker().is_cancelled:
            self.post_message(SearchFinished(result, request))

    def on_search_finished(self, message: SearchFinished) -> None:
        if not self._is_latest("search", message.request) or message.result.query != self._query():
            return  # a stale answer to a query the user has already changed
        self.result = message.result
        self.query_one(SearchBox).show_result(message.result)
        self.query_one(ResultsList).show_hits(message.result)
        self.refresh_bindings()

    def action_take_suggestion(self) -> None:
        if self.result and self.result.suggestion:
            self.query_one(SearchBox).input.value = self.result.suggestion

    # opening documents -------------------------------------------------------------
    def on_results_list_opened(self, message: ResultsList.Opened) -> None:
        self.open_target(message.target, focus=True)

    def open_target(self, target: Target, focus: bool = False, at_last_hit: bool = False) -> None:
        self._remember_place()
        self.load_document(target.doc, target.passage, self._query(), at_last_hit=at_last_hit)
        if focus:
            self.set_focus(self.query_one(DocumentView))

    def _remember_place(self) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None:
            place = Place(view.document.doc, view.passage_number)
            if not self.history or self.history[-1] != place:
                self.history.append(place)
            self.history = self.history[-200:]

    def load_document(
        self, doc: str, passage: int | None, query: str, at_last_hit: bool = False, bookmark: Bookmark | None = None
    ) -> None:
        self._load_document(doc, passage, query, at_last_hit, self._request("open"), bookmark)

    @work(thread=True, group="open", exclusive=True, exit_on_error=False)
    def _load_document(
        self, doc: str, passage: int | None, query: str, at_last_hit: bool, request: int, bookmark: Bookmark | None
    ) -> None:
        document = self.index.document(doc)
        if document is None:
            if bookmark is not None:
                self.app.call_from_thread(
                    self.notify, f"{doc} is no longer in this corpus.", severity="warning", markup=False
                )
            return
        note = ""
        if bookmark is not None:
            from index.notes.bookmarks import anchor_in

            found = anchor_in(bookmark, document)
            passage = found.passage or bookmark.passage
            if found.status == "lost":
                note = f"The bookmarked passage is no longer in {doc}; showing ¶{passage}."
            elif found.status == "edited":
                note = f"The document changed; the bookmark now points at ¶{passage}, the closest passage."
        marked = self._marked_passages(document)
        entities = tuple(group_mentions(self.index.mentions(doc=document.doc)))
        duplicates = tuple(self.index.near_duplicates(document.doc, self.threshold))
        cited: dict[str, int] = {}
        for _, _, source, _ in self.index.citations(doc=document.doc):
            cited[source] = cited.get(source, 0) + 1
        sources = tuple(sorted(cited.items(), key=lambda sc: (-sc[1], sc[0].lower())))
        spans: list[Span] = []
        if query:
            plan = self.index.highlight_plan(query)
            terms = set(self.result.terms if self.result and self.result.query == query else ()) | plan.alone
            for p in document.passages:
                spans.extend(
                    Span(s.start + p.start, s.end + p.start)
                    for s in self.index.spans(document.passage_text(p), terms, plan)
                )
        if not get_current_worker().is_cancelled:
            self.post_message(
                DocumentLoaded(
                    document, passage, spans, at_last_hit, request, marked, note, entities, duplicates, sources
                )
            )

    def _marked_passages(self, document: Document) -> frozenset[int]:
        """Passages of this document that hold a bookmark, found again by their anchors."""
        try:
            bookmarks = self.bookmarks.bookmarks()
        except RalignError:
            return frozenset()
        from index.notes.bookmarks import anchor_in

        corpus = str(self.index.corpus)
        found = (anchor_in(b, document).passage for b in bookmarks if b.doc == document.doc and b.corpus == corpus)
        return frozenset(n for n in found if n is not None)

    def on_document_loaded(self, message: DocumentLoaded) -> None:
        if not self._is_latest("open", message.request):
            return
        document = message.document
        passage = message.passage or self.state.positions.get(document.doc, 1)
        view = self.query_one(DocumentView)
        view.marked = set(message.marked)
        view.entity_spans = sorted(
            (m.start, m.end, TYPE_STYLE[e.type][1]) for e in message.entities for m in e.mentions
        )
        view.show(document, passage, message.hit_spans)
        if self.selected_entity is not None:
            chosen = next((e for e in message.entities if e.name == self.selected_entity), None)
            if chosen is not None:
                view.find_spans = [Span(m.start, m.end) for m in chosen.mentions]
        if message.note:
            self.notify(message.note, severity="warning", markup=False)
        view.border_title = plain_content(document.meta.title or document.doc, 80)
        if message.at_last_hit:
            view.go_to_hit(len(view.targets) - 1)
        panel = self.query_one(SidePanel)
        panel.show(document, list(message.entities))
        titles = self._titles()
        panel.show_more([(d, titles.get(d, d), c) for d, c in message.duplicates], list(message.sources))
        self.query_one(SidePanel).follow_cursor(view.passage_number)
        self.state.doc = document.doc
        self.query_one(ResultsList).select_target(Target(document.doc, message.passage))
        self.refresh_bindings()

    def on_document_view_cursor_moved(self, message: DocumentView.CursorMoved) -> None:
        view = message.view
        if view.document is not None:
            self.state.positions[view.document.doc] = message.passage
            self.query_one(SidePanel).follow_cursor(message.passage)

    def on_side_panel_passage_chosen(self, message: SidePanel.PassageChosen) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None:
            self._remember_place()
            view.show(view.document, message.passage, view.hit_spans)

    # navigation ---------------------------------------------------------------------
    def action_slash(self) -> None:
        view = self.query_one(DocumentView)
        if self.focused is view and view.document is not None:
            self.on_document_view_find_requested()
        else:
            self.action_focus_search()

    def action_focus_search(self) -> None:
        # set_focus is immediate, unlike widget.focus(): keys typed in the same burst as `/`
        # (a paste, tmux send-keys, a fast typist) must land in the box, not in the old widget.
        self.set_focus(self.query_one(SearchBox).input)

    def action_escape(self) -> None:
        if any(find.display for find in self.query("#find")):
            self._close_find(clear=True)
        elif self.query_one(ResultsList).has_focus:
            if self._query():
                self.query_one(SearchBox).input.focus()
        else:
            self.query_one(ResultsList).focus()

    def action_next_hit(self) -> None:
        self._walk_hits(+1)

    def action_previous_hit(self) -> None:
        self._walk_hits(-1)

    def _neighbour_document(self, step: int) -> str | None:
        """The document before (-1) or after (+1) the open one in the results; the first or last if
        none is open; None past either end."""
        docs = self.query_one(ResultsList).documents_in_order()
        view = self.query_one(DocumentView)
        here = view.document.doc if view.document else None
        position = docs.index(here) + step if here in docs else (0 if step > 0 else len(docs) - 1)
        return docs[position] if 0 <= position < len(docs) else None

    def _walk_hits(self, step: int) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None and view.next_hit(step):
            return
        results = self.query_one(ResultsList)
        if results.mode != "hits" or not results.targets:
            self.app.bell()
            return
        doc = self._neighbour_document(step)
        if doc is None:
            self.notify("No more hits." if step > 0 else "No earlier hits.", timeout=2)
            return
        target = results.first_hit_of(doc)
        if target is not None:
            self.open_target(target, at_last_hit=step < 0)

    def action_next_document(self) -> None:
        self._step_document(+1)

    def action_previous_document(self) -> None:
        self._step_document(-1)

    def _step_document(self, step: int) -> None:
        doc = self._neighbour_document(step)
        if doc is None:
            self.app.bell()
            return
        self.open_target(self.query_one(ResultsList).first_hit_of(doc) or Target(doc))

    def action_back(self) -> None:
        if not self.history:
            self.app.bell()
            return
        place = self.history.pop()
        self.load_document(place.doc, place.passage, self._query())

    def action_toggle_panel(self) -> None:
        side = self.query_one(SidePanel)
        self._panel_forced = not side.display
        self._apply_panel()

    def on_resize(self) -> None:
        self._apply_panel()

    def _apply_panel(self) -> None:
        wide = self.size.width >= self.WIDE
        wanted = wide if self._panel_forced is None else self._panel_forced
        panel = self.query_one(SidePanel)
        if panel.display != wanted:  # a resize that changes nothing leaves its styles alone
            panel.display = wanted

    # the passage under the cursor --------------------------------------------------
    def action_copy_passage(self) -> None:
        view = self.query_one(DocumentView)
        if view.document is None or not view.document.passages:
            return
        passage = view.document.passages[view.cursor]
        self.app.copy_to_clipboard(view.document.passage_text(passage))
        self.notify(f"Copied passage ¶{passage.number}.", timeout=2)

    def action_edit_passage(self) -> None:
        view = self.query_one(DocumentView)
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if view.document is None:
            return
        if not editor:
            self.notify("Set $EDITOR (or $VISUAL) to open documents in an editor.", severity="warning")
            return
        passage = view.document.passages[view.cursor]
        line = view.document.text.count("\n", 0, passage.start) + 1
        path = Path(self.index.corpus) / view.document.doc
        try:
            with self.app.suspend():
                subprocess.call([*shlex.split(editor), f"+{line}", str(path)])
        except (OSError, ValueError) as exc:
            self.notify(f"Could not start the editor: {exc}", severity="error", markup=False)

    # entities and cross-references --------------------------------------------------------
    def search_entity(self, name: str) -> None:
        """Every passage of the corpus naming an entity, in the results list."""
        box = self.query_one(SearchBox).input
        box.value = 'entity:"' + name.replace('"', " ") + '"'
        self._rerun_search()
        self.set_focus(self.query_one(ResultsList))

    def action_toggle_entities(self) -> None:
        view = self.query_one(DocumentView)
        view.show_entities = not view.show_entities
        view.refresh()

    def on_side_panel_entity_chosen(self, message: SidePanel.EntityChosen) -> None:
        entity = message.entity
        self.selected_entity = entity.name
        view = self.query_one(DocumentView)
        view.select_spans([Span(m.start, m.end) for m in entity.mentions])
        self._find_xrefs(entity, view.document.doc if view.document else "", self._request("xref"))

    @work(thread=True, group="xref", exclusive=True, exit_on_error=False)
    def _find_xrefs(self, entity: EntitySummary, here: str, request: int) -> None:
        rows = [r for r in self.index.mentions(name=entity.name) if r.doc != here]
        titles = self._titles()
        per_doc: dict[str, int] = {}
        for row in rows:
            per_doc[row.doc] = per_doc.get(row.doc, 0) + 1
        texts = self.index.side.passage_texts({(r.doc, r.passage) for r in rows})
        entries: list[XrefEntry] = []
        seen: set[tuple[str, int]] = set()
        for row in rows:
            if (row.doc, row.passage) in seen:
                continue
            seen.add((row.doc, row.passage))
            text = texts.get((row.doc, row.passage), ("", ""))[0]
            entries.append(
                XrefEntry(row.doc, titles.get(row.doc, row.doc), row.passage, around(text, row.text), per_doc[row.doc])
            )
        self.post_message(XrefsFound(entity, list(entries), request))

    def on_xrefs_found(self, message: XrefsFound) -> None:
        if self._is_latest("xref", message.request):
            self.query_one(SidePanel).show_xrefs(
                message.entity, [e for e in message.entries if isinstance(e, XrefEntry)]
            )

    def on_side_panel_duplicate_chosen(self, message: SidePanel.DuplicateChosen) -> None:
        self._remember_place()
        self.load_document(message.doc, None, self._query())

    def on_side_panel_source_chosen(self, message: SidePanel.SourceChosen) -> None:
        self._find_citing(message.source, self._request("xref"))

    @work(thread=True, group="xref", exclusive=True, exit_on_error=False)
    def _find_citing(self, source: str, request: int) -> None:
        rows = self.index.citations(source=source)
        titles = self._titles()
        texts = self.index.side.passage_texts({(doc, passage) for doc, passage, _, _ in rows})
        seen: dict[tuple[str, int], XrefEntry] = {}
        for doc, passage, _cited, date in rows:
            text = texts.get((doc, passage), ("", ""))[0]
            seen.setdefault((doc, passage), XrefEntry(doc, titles.get(doc, doc), passage, around(text, date), 1))
        self.post_message(XrefsFound(f"Cites {source}", list(seen.values()), request))

    def action_related(self) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None:
            self._find_related(view.document.doc, view.passage_number, self._request("xref"))

    @work(thread=True, group="xref", exclusive=True, exit_on_error=False)
    def _find_related(self, doc: str, passage: int, request: int) -> None:
        found = self.index.related(doc, passage, limit=15)
        titles = self._titles()
        entries = [
            XrefEntry(other, titles.get(other, other), number, "shared: " + ", ".join(reasons[:8]), 1)
            for other, number, _, reasons in found
        ]
        self.post_message(XrefsFound(f"Related to ¶{passage}", list(entries), request))

    def action_compare_duplicate(self) -> None:
        panel = self.query_one(SidePanel)
        view = self.query_one(DocumentView)
        duplicates = [doc for kind, doc in panel.more if kind == "dup"]
        if view.document is None or not duplicates:
            self.notify("This document has no near-duplicate.", timeout=3)
            return
        self._compare(view.document.doc, duplicates[0])

    @work(thread=True, group="diff", exclusive=True, exit_on_error=False)
    def _compare(self, doc_a: str, doc_b: str) -> None:
        a, b = self.index.document(doc_a), self.index.document(doc_b)
        if a is None or b is None:
            return
        from index.xref.shingles import difference
        from tui.screens.diff import DiffScreen

        found = difference(a.text, b.text)
        screen = DiffScreen(a.meta.title or a.doc, b.meta.title or b.doc, found)
        self.app.call_from_thread(self.app.push_screen, screen)

    def action_toggle_collapse(self) -> None:
        self.collapse = not self.collapse
        self.notify(
            "Near-duplicates folded under their original." if self.collapse else "All documents shown.", timeout=3
        )
        self._rerun_search()

    def on_side_panel_xref_chosen(self, message: SidePanel.XrefChosen) -> None:
        self._remember_place()
        self.load_document(message.entry.doc, message.entry.passage, self._query())
        self.set_focus(self.query_one(DocumentView))

    # bookmarks ------------------------------------------------------------------------
    def action_bookmark(self) -> None:
        view = self.query_one(DocumentView)
        document = view.document
        if document is None or not document.passages:
            return
        number = view.passage_number
        query = self._query()

        def save(answer: tuple[str, list[str]] | None) -> None:
            if answer is not None:
                self._save_bookmark(document, number, answer[0], answer[1], query)

        from tui.screens.note_dialog import NoteDialog

        title = safe_line(document.meta.title or document.doc, 60)
        self.app.push_screen(NoteDialog(f"Bookmark ¶{number} of {title}"), save)

    @work(thread=True, group="bookmark-write", exit_on_error=False)
    def _save_bookmark(self, document: Document, number: int, note: str, tags: list[str], query: str) -> None:
        from index.notes.bookmarks import bookmark_for

        try:
            entities = self.index.passage_entities(document.doc, number)
            bookmark = bookmark_for(document, number, str(self.index.corpus), note, tags, query, entities)
            self.bookmarks.add(bookmark)
        except RalignError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Bookmark not saved", severity="error", markup=False)
            return
        self.post_message(BookmarkSaved(document.doc, number, str(self.bookmarks.path)))

    def on_bookmark_saved(self, message: BookmarkSaved) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None and view.document.doc == message.doc:
            view.marked.add(message.passage)
            view.refresh()
        self.notify(f"Bookmarked ¶{message.passage} in {safe_line(message.path, 60)}", timeout=3, markup=False)

    def action_show_bookmarks(self) -> None:
        def jump(bookmark: Bookmark | None) -> None:
            if bookmark is None:
                return
            if bookmark.corpus and bookmark.corpus != str(self.index.corpus):
                self.notify(f"That bookmark is from another corpus: {bookmark.corpus}", markup=False)
                return
            self._remember_place()
            self.load_document(bookmark.doc, bookmark.passage, self._query(), bookmark=bookmark)
            self.set_focus(self.query_one(DocumentView))

        from tui.screens.bookmarks import BookmarksScreen

        self.app.push_screen(BookmarksScreen(self.bookmarks), jump)

    # find in document ------------------------------------------------------------------
    def on_document_view_find_requested(self) -> None:
        found = self.query("#find")
        if found:
            find = found.first(Input)
        else:
            find = Input(placeholder="Find in this document (Enter to go, Escape to close)", id="find")
            self.query_one("#reader").mount(find)
        find.display = True
        self.set_focus(find)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        count = self.query_one(DocumentView).set_find(event.value)
        self.query_one("#find", Input).border_title = f"{count} matches" if event.value else ""

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        self._close_find(clear=False)
        view = self.query_one(DocumentView)
        if not view.next_hit(+1):
            view.next_hit(-1)

    def _close_find(self, clear: bool) -> None:
        view = self.query_one(DocumentView)
        for find in self.query("#find").results(Input):
            find.display = False
            if clear:
                find.value = ""
                view.set_find("")
        view.focus()

    # key availability ---------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view_has_document = self.query_one(DocumentView).document is not None
        if action == "slash":
            return not isinstance(self.focused, Input)  # in a text box, `/` is a character
        if action in ("copy_passage", "edit_passage", "bookmark", "related", "compare_duplicate"):
            return view_has_document
        if action in ("next_hit", "previous_hit"):
            return view_has_document or self.query_one(ResultsList).mode == "hits"
        if action == "take_suggestion":
            return bool(self.result and self.result.suggestion)
        if action == "back":
            return bool(self.history) or None
        return True

    def save(self) -> None:
        save_state(self.index.corpus, self.state)
