"""The reader's notebook keys: save the current search, list the saved ones (with what is new)."""

from __future__ import annotations

from textual.binding import Binding

from tui import workers
from tui.messages import SearchSaved
from tui.screens.navigation import NavigatingScreen
from tui.widgets.search_box import SearchBox

NOTEBOOK_BINDINGS = [
    # Ctrl+S works in the search box too: the query typed there is what gets saved.
    Binding("ctrl+s", "save_search", "Save search", id="search.save", show=False),
    Binding("S", "saved_searches", "Saved searches", id="saved.open", show=False),
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
