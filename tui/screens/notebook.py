"""The reader's notebook keys: save the current search, list the saved ones (with what is new),
curate an entity from the side panel and undo it; and the side panel's width."""

from __future__ import annotations

from textual.binding import Binding

from tui import workers
from tui.messages import EntitiesCurated, SearchSaved
from tui.screens.navigation import NavigatingScreen
from tui.widgets.search_box import SearchBox
from tui.widgets.side_panel import SidePanel

PANEL_SHARE = 4  # the side panel takes a quarter of a wide terminal ...
PANEL_MIN, PANEL_MAX = 36, 72  # ... within these columns

NOTEBOOK_BINDINGS = [
    # Ctrl+S works in the search box too: the query typed there is what gets saved.
    Binding("ctrl+s", "save_search", "Save search", id="search.save", show=False),
    Binding("S", "saved_searches", "Saved searches", id="saved.open", show=False),
    Binding("ctrl+z", "undo_curation", "Undo entity change", id="entity.undo", show=False),
]


class NotebookScreen(NavigatingScreen):
    """Saved searches from the reader; the main screen inherits these actions."""

    def action_save_search(self) -> None:
        query = self._query()
        if not query:
            self.notify("Type a query first, then Ctrl+S keeps it.", timeout=3)
            return
        workers.run_job(self, workers.save_search, self.index, query, group="saved-write", exclusive=False)

    def on_search_saved(self, message: SearchSaved) -> None:
        if message.error:
            self.notify(message.error, title="Search not saved", severity="error", markup=False)
        else:
            self.notify(f"Saved search {message.query!r}: {message.total} hits so far", timeout=3, markup=False)

    def action_saved_searches(self) -> None:
        from tui.screens.saved_searches import SavedSearchesScreen

        def run(query: str | None) -> None:
            if query:
                box = self.query_one(SearchBox).input
                box.value = query
                self._rerun_search()

        self.app.push_screen(SavedSearchesScreen(self.index), run)

    # curating entities ---------------------------------------------------------------
    def on_side_panel_curate_asked(self, message: SidePanel.CurateAsked) -> None:
        from tui.screens.curate_dialog import CurateDialog

        entity = (message.entity.name, message.entity.type)
        written = list(dict.fromkeys(m.text for m in message.entity.mentions if m.text != entity[0]))

        def apply(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                verb, value = answer
                workers.run_job(self, workers.curate_entity, self.index, verb, entity, value, group="curate")

        self.app.push_screen(CurateDialog(entity[0], entity[1], written), apply)

    def on_side_panel_view_asked(self, message: SidePanel.ViewAsked) -> None:
        from tui.screens.entity_view import EntityView

        def jump(target: tuple[str, int] | None) -> None:
            if target is not None:
                self._remember_place()
                self.load_document(target[0], target[1], self._query())

        self.app.push_screen(EntityView(self.index, message.entity.name), jump)

    def action_undo_curation(self) -> None:
        workers.run_job(self, workers.curate_entity, self.index, "undo", ("", ""), "", group="curate")

    def on_entities_curated(self, message: EntitiesCurated) -> None:
        if message.error:
            self.notify(message.error, title="Entities not changed", severity="error", markup=False)
            return
        # entities.toml is part of the index key: the corpus is read again with the new names.
        self.notify(message.said + "; re-indexing the corpus with the new names", timeout=4, markup=False)
        self.start_indexing(rebuild=self.index.names_changed())

    def fit_panel_width(self, panel: SidePanel, wide: bool) -> None:
        """On a wide terminal the panel grows with it; a narrow one keeps the stylesheet's width."""
        width = max(PANEL_MIN, min(PANEL_MAX, self.size.width // PANEL_SHARE)) if wide else None
        if panel.styles.width is None or width is None or panel.styles.width.value != width:
            panel.styles.width = width
