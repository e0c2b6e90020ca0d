"""The reader's keys for pictures of the corpus: the timeline (`T`), who appears with whom (`W`),
why this hit (`w`, and `y` for a line under the results), and the sparkline of the chosen entity's
mentions in the side panel.

A layer of the main screen (`MainScreen` builds on it): the views are screens of their own, their
answers come from jobs (`tui.picture_jobs`), and what they choose opens in the reader.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList

from index.corpus.textclean import safe_line
from tui import picture_jobs
from tui.picture_messages import HitExplained, SpreadMeasured
from tui.screens.navigation import NavigatingScreen
from tui.widgets.document_view import DocumentView
from tui.widgets.mention_spark import MentionSpark
from tui.widgets.results import ResultsList, Target
from tui.widgets.side_panel import SidePanel
from tui.workers import run_job


class PictureKeys(NavigatingScreen):
    # Out of the footer (full at 80 columns already): the help screen and the palette list them.
    BINDINGS = [
        Binding("T", "timeline", "Timeline", id="pictures.timeline", show=False),
        Binding("W", "cooccur", "Who appears with", id="pictures.cooccur", show=False),
        Binding("w", "why", "Why this hit", id="pictures.why", show=False),
        Binding("y", "why_line", "Why line under the results, on or off", id="pictures.why_line", show=False),
    ]
    why_line = False  # the line under the results saying why the highlighted hit matched

    def action_why_line(self) -> None:
        self.why_line = not self.why_line
        results = self.query_one(ResultsList)
        results.border_subtitle = None
        if self.why_line and results.highlighted is not None:
            self._explain_line(results.highlighted)

    def action_timeline(self) -> None:
        """The timeline of the current query (and the entity chosen in the panel); `a` there shows all."""
        from tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(self.index, self._query(), self.selected_entity), self._jump)

    def action_cooccur(self) -> None:
        name = self._entity_here()
        if name is None:
            self.notify(
                "Choose an entity in the side panel (e, then Enter on one) or put the cursor on a passage naming one.",
                timeout=4,
            )
            return
        from tui.screens.cooccur import CooccurScreen

        self.app.push_screen(CooccurScreen(self.index, name), self._jump)

    def _entity_here(self) -> str | None:
        """The entity highlighted in the side panel's list when it has focus, else the one chosen
        there, else the first the passage under the cursor names (dates and amounts aside)."""
        panel = self.query_one(SidePanel)
        listing = panel.query_one("#entities")
        shown = panel._shown_entities
        highlighted = getattr(listing, "highlighted", None)
        if listing.has_focus and highlighted is not None and highlighted < len(shown) and shown[highlighted]:
            return shown[highlighted].name  # type: ignore[union-attr]
        if self.selected_entity:
            return self.selected_entity
        view = self.query_one(DocumentView)
        if view.document is None:
            return None
        here = view.passage_number
        named = [
            (min(m.start for m in e.mentions if m.passage == here), e.name)
            for e in panel.entities
            if e.type not in ("DATE", "MONEY") and any(m.passage == here for m in e.mentions)
        ]
        return min(named)[1] if named else None

    def _jump(self, place: tuple[str, int] | None) -> None:
        if place is not None:
            self.open_target(Target(*place), focus=True)

    def action_why(self) -> None:
        results = self.query_one(ResultsList)
        index = results.highlighted
        if results.mode != "hits" or self.result is None or index is None or index >= len(self.result.hits):
            self.notify("Search first (/), then w on a hit says why it matched.", timeout=3)
            return
        hit = self.result.hits[index]
        run_job(self, picture_jobs.explain_hit, self.index, self.result.query, hit, False, group="why")

    @on(OptionList.OptionHighlighted, "#results")
    def _hit_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.why_line:
            self._explain_line(event.option_index)

    def _explain_line(self, index: int) -> None:
        """A line under the results says why the highlighted hit matched."""
        results = self.query_one(ResultsList)
        results.border_subtitle = None
        if results.mode == "hits" and self.result is not None and index < len(self.result.hits):
            hit = self.result.hits[index]
            run_job(self, picture_jobs.explain_hit, self.index, self.result.query, hit, True, group="why-line")

    def on_hit_explained(self, message: HitExplained) -> None:
        from tui.screens.why import WhyScreen

        if self.result is None or message.query != self.result.query:
            return
        if not message.line:
            title = next((h.title for h in self.result.hits if h.doc == message.doc and h.title), message.doc)
            place = (message.doc, message.passage)
            self.app.push_screen(
                WhyScreen(f"{safe_line(title, 60)} ¶{message.passage}", message.why, place), self._jump
            )
            return
        results = self.query_one(ResultsList)
        current = results.current
        if self.why_line and message.why is not None and current == Target(message.doc, message.passage):
            results.border_subtitle = Text(safe_line(message.why.summary(), 200))

    def on_side_panel_entity_chosen(self, message: SidePanel.EntityChosen) -> None:
        # Beside the main screen's own handler (Textual calls each class's): the sparkline.
        request = self._request("spread")
        run_job(self, picture_jobs.measure_spread, self.index, message.entity.name, request, group="spread")

    def on_spread_measured(self, message: SpreadMeasured) -> None:
        if self._is_latest("spread", message.request):
            self.query_one(SidePanel).query_one(MentionSpark).show(message.spread)
