"""Moving around the corpus: opening what was chosen, the way back, n/N across documents, [ and ].

`MainScreen` binds the keys; this is what they do, on top of the jobs and answers of `ReaderScreen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.store.corpus_index import CorpusIndex
from tui.screens.reader_screen import ReaderScreen
from tui.state import ReaderState
from tui.widgets.document_view import DocumentView, locator_subtitle
from tui.widgets.results import ResultsList, Target
from tui.widgets.side_panel import SidePanel

HISTORY = 200  # places Back remembers


@dataclass(frozen=True)
class Place:
    """A point in the navigation history."""

    doc: str
    passage: int


class NavigatingScreen(ReaderScreen):
    """The reader's moves between documents and passages, each remembered for Back."""

    def __init__(self, index: CorpusIndex, state: ReaderState, bookmarks: Path, classes: str = "") -> None:
        super().__init__(index, state, bookmarks, classes)
        self.history: list[Place] = []

    def _remember_place(self) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None:
            place = Place(view.document.doc, view.passage_number)
            if not self.history or self.history[-1] != place:
                self.history.append(place)
            self.history = self.history[-HISTORY:]

    def on_results_list_opened(self, message: ResultsList.Opened) -> None:
        self.open_target(message.target, focus=True)

    def open_target(self, target: Target, focus: bool = False, at_last_hit: bool = False) -> None:
        self._remember_place()
        self.load_document(target.doc, target.passage, self._query(), at_last_hit=at_last_hit)
        if focus:
            self.set_focus(self.query_one(DocumentView))

    def on_document_view_cursor_moved(self, message: DocumentView.CursorMoved) -> None:
        view = message.view
        if view.document is not None:
            self.state.positions[view.document.doc] = message.passage
            self.query_one(SidePanel).follow_cursor(message.passage)
            view.border_subtitle = locator_subtitle(view.document, message.passage)

    def on_side_panel_passage_chosen(self, message: SidePanel.PassageChosen) -> None:
        view = self.query_one(DocumentView)
        if view.document is not None:
            self._remember_place()
            view.show(view.document, message.passage, view.hit_spans)

    def on_side_panel_xref_chosen(self, message: SidePanel.XrefChosen) -> None:
        self._remember_place()
        self.load_document(message.entry.doc, message.entry.passage, self._query())
        self.set_focus(self.query_one(DocumentView))

    def on_side_panel_duplicate_chosen(self, message: SidePanel.DuplicateChosen) -> None:
        self._remember_place()
        self.load_document(message.doc, None, self._query())

    def action_next_hit(self) -> None:
        self._walk_hits(+1)

    def action_previous_hit(self) -> None:
        self._walk_hits(-1)

    def _neighbour_document(self, step: int) -> str | None:
        view = self.query_one(DocumentView)
        return self.query_one(ResultsList).neighbour(view.document.doc if view.document else None, step)

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
