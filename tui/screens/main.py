"""The reader's main screen: the layout, the keys, and routing what widgets say to jobs and views.

What the screen remembers, the jobs it starts and the handlers showing their answers are in
`tui.screens.reader_screen`; the jobs themselves in `tui.workers`.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Input

from index.corpus.textclean import safe_line
from index.model import Span
from index.store.corpus_index import CorpusIndex
from tui import workers
from tui.editor import configured_editor, open_in_editor
from tui.screens.notebook import NOTEBOOK_BINDINGS, NotebookScreen
from tui.screens.picture_keys import PictureKeys
from tui.state import ReaderState
from tui.widgets.document_view import DocumentPane, DocumentView
from tui.widgets.results import ResultsList
from tui.widgets.search_box import SearchBox
from tui.widgets.side_panel import SidePanel

if TYPE_CHECKING:
    from index.notes.bookmarks import Bookmark

# The bookmarks module, the comparison and the screens it opens are imported where they are used:
# the first frame waits for none of them.

SEARCH_DEBOUNCE = 0.15
LIVE_INTERVAL = 4.0


def main_screen(app: App[Any]) -> MainScreen | None:
    """The reader's main screen wherever it is in the stack (dialogs may be above it)."""
    return next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)


class MainScreen(
    PictureKeys, NotebookScreen
):  # pictures: timeline, who with whom, why; notebook: saved searches, curation
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
        *NOTEBOOK_BINDINGS,
    ]

    def __init__(self, index: CorpusIndex, state: ReaderState, bookmarks: Path) -> None:
        # Born with the breakpoint class its first resize would give it: added then, it would restyle
        # every widget a second time before the first frame (~10 ms of a warm start).
        super().__init__(index, state, bookmarks, classes="-wide" if self.app.size.width >= self.WIDE else "-narrow")
        self._panel_forced: bool | None = None  # None: follow the width; True/False: the user chose

    # layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBox(id="search")
        with Horizontal(id="body"):
            yield ResultsList(id="results")
            yield DocumentPane(id="reader")
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
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.state.query:
            self.query_one(SearchBox).input.value = self.state.query
        # The list in the first frame, from the side store as it is on disk (a few ms for 2,000 documents;
        # Whoosh is not imported for it); the check for changes follows in a worker and redraws it if need be.
        listed = self.index.listing_on_disk(self.threshold)
        if listed is not None:
            self.show_listing(*listed)
            self.index_status = f"{len(listed[0])} documents"
            self._show_status()
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
        if not self._listed:
            self.list_documents()
        self.start_indexing()
        if getattr(self.app, "LIVE_CHECKS", True):
            self.set_interval(LIVE_INTERVAL, self._live_check)
        if self.state.doc:
            self.load_document(self.state.doc, None, "")

    # search box ---------------------------------------------------------------------
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

    def action_take_suggestion(self) -> None:
        if self.result and self.result.suggestion:
            self.query_one(SearchBox).input.value = self.result.suggestion

    def action_toggle_collapse(self) -> None:
        self.collapse = not self.collapse
        self.notify(
            "Near-duplicates folded under their original." if self.collapse else "All documents shown.", timeout=3
        )
        self._rerun_search()

    # navigation ---------------------------------------------------------------------
    def action_slash(self) -> None:
        view = self.query_one(DocumentView)
        if self.focused is view and view.document is not None:
            self.query_one(DocumentPane).open_find()
        else:
            self.action_focus_search()

    def action_focus_search(self) -> None:
        # set_focus is immediate, unlike widget.focus(): keys typed in the same burst as `/`
        # (a paste, tmux send-keys, a fast typist) must land in the box, not in the old widget.
        self.set_focus(self.query_one(SearchBox).input)

    def action_escape(self) -> None:
        pane = self.query_one(DocumentPane)
        if pane.finding:
            pane.close_find(clear=True)
        elif self.query_one(ResultsList).has_focus:
            if self._query():
                self.query_one(SearchBox).input.focus()
        else:
            self.query_one(ResultsList).focus()

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
        self.fit_panel_width(panel, wide)

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
        editor = configured_editor()
        if view.document is None:
            return
        if not editor:
            self.notify("Set $EDITOR (or $VISUAL) to open documents in an editor.", severity="warning")
            return
        problem = open_in_editor(self.app, editor, view.document, view.cursor, Path(self.index.corpus))
        if problem:
            self.notify(problem, severity="error", markup=False)

    def action_related(self) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None:
            args = (self.index, view.document.doc, view.passage_number, self._request("xref"))
            workers.run_job(self, workers.find_related, *args, group="xref")

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
        here = view.document.doc if view.document else ""
        workers.run_job(self, workers.find_entity_refs, self.index, entity, here, self._request("xref"), group="xref")

    def on_side_panel_source_chosen(self, message: SidePanel.SourceChosen) -> None:
        workers.run_job(self, workers.find_citing, self.index, message.source, self._request("xref"), group="xref")

    def action_compare_duplicate(self) -> None:
        panel = self.query_one(SidePanel)
        view = self.query_one(DocumentView)
        duplicates = [doc for kind, doc in panel.more if kind == "dup"]
        if view.document is None or not duplicates:
            self.notify("This document has no near-duplicate.", timeout=3)
            return
        workers.run_job(self, workers.compare, self.index, view.document.doc, duplicates[0], group="diff")

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
                note, tags = answer
                args = (self.index, self.bookmarks, document, number, note, tags, query)
                workers.run_job(self, workers.save_bookmark, *args, group="bookmark-write", exclusive=False)

        from tui.screens.note_dialog import NoteDialog

        title = safe_line(document.meta.title or document.doc, 60)
        locator = document.passages[number - 1].locator if 0 < number <= len(document.passages) else ""
        where = f"¶{number}, {safe_line(locator, 40)}" if locator else f"¶{number}"  # "¶139, p. 7"
        self.app.push_screen(NoteDialog(f"Bookmark {where} of {title}"), save)

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
