"""Who appears with whom: the entities sharing passages with one, drawn as a star of weighted links
(longer: more strongly associated, by log-likelihood) with their counts; Enter on one lists the
passages the pair shares, Enter on a passage jumps to it in the reader, Escape goes back a step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from tui import picture_jobs
from tui.entity_colours import type_colour, type_symbol
from tui.picture_messages import CooccurrenceFound, SharedPassagesFound
from tui.workers import run_job

if TYPE_CHECKING:
    from index.store.corpus_index import CorpusIndex
    from index.views.cooccur import Cooccurrence, Neighbour


def link_prompt(n: Neighbour, top: float, last: bool, room: int, dark: bool, width: int = 0) -> Text:
    """One link of the star: ├━━━━ ◆ Xi Jinping  11 shared of its 14 · G² 21.2; the bar at most room
    cells, and short enough that the line fits in width (when given)."""
    label = Text(f"{type_symbol(n.type)} ", style=type_colour(n.type, dark), end="")
    label.append(safe_line(n.name, 36), style="bold")
    label.append(f"  {n.shared} shared of its {n.passages} · G² {n.score:.1f}", style="dim")
    length = max(1, round(n.score / (top or 1) * room))
    if width:
        length = max(1, min(length, width - len(label) - 2))
    prompt = Text(("└" if last else "├") + "━" * length + " ", style="dim", end="")
    return prompt + label


class CooccurScreen(Screen[tuple[str, int] | None]):
    """Dismissed with (doc, passage) to jump to, or None."""

    BINDINGS = [Binding("escape,q", "back", "Back", id="cooccur.back")]
    DEFAULT_CSS = """
    CooccurScreen #cooccur-head { height: auto; padding: 0 1; }
    CooccurScreen #cooccur-body { height: 1fr; }
    CooccurScreen #cooccur-list { height: 1fr; width: 1fr; border: round $primary 50%; }
    CooccurScreen #cooccur-preview { height: 1fr; width: 1fr; border: round $accent 40%; }
    CooccurScreen #cooccur-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, index: CorpusIndex, name: str) -> None:
        super().__init__()
        self.index = index
        self.entity_name = name
        self.found: Cooccurrence | None = None
        self.pair: str | None = None  # the neighbour whose shared passages are listed
        self.passages: list[tuple[str, str, int, str]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="cooccur-head")
        with Horizontal(id="cooccur-body"):
            yield OptionList(id="cooccur-list")
            preview = OptionList(id="cooccur-preview")
            preview.can_focus = False
            yield preview
        yield Static("", id="cooccur-status")
        yield Footer()

    WIDE = 140  # columns from which the highlighted pair's shared passages show beside the list

    def on_resize(self) -> None:
        self.query_one("#cooccur-preview").display = self.size.width >= self.WIDE

    def on_mount(self) -> None:
        self.on_resize()
        self.sub_title = "Who appears with " + safe_line(self.entity_name, 60)
        self.query_one("#cooccur-list", OptionList).focus()
        self.query_one("#cooccur-status", Static).update(Text("Counting shared passages…", style="dim"))
        run_job(self, picture_jobs.find_cooccurrence, self.index, self.entity_name, group="cooccur")

    def on_cooccurrence_found(self, message: CooccurrenceFound) -> None:
        self.found = message.found
        self._show_links()

    def _show_links(self) -> None:
        found = self.found
        if found is None:
            return
        self.pair = None
        dark = self.app.current_theme.dark
        head = Text(f"{type_symbol(found.type)} ", style=f"bold {type_colour(found.type, dark)}", end="")
        head.append(safe_line(found.name, 60), style="bold")
        head.append(f"  named in {found.passages} of {found.total} passages", style="dim")
        self.query_one("#cooccur-head", Static).update(head)
        listing = self.query_one("#cooccur-list", OptionList)
        # Bars up to 30 cells, each cut to what its own label leaves of the list's width (half the
        # screen beside the preview), so that no link wraps onto a second line.
        inner = (self.size.width // 2 if self.size.width >= self.WIDE else self.size.width) - 6
        room = max(4, min(30, inner - 24))
        top = found.neighbours[0].score if found.neighbours else 1.0
        last = len(found.neighbours) - 1
        listing.set_options(
            Option(link_prompt(n, top, i == last, room, dark, inner)) for i, n in enumerate(found.neighbours)
        )
        if not found.neighbours:
            listing.set_options([Option(Text("Shares no two passages with anyone.", style="dim"), disabled=True)])
        listing.border_title = f"{len(found.neighbours)} entities, strongest first (log-likelihood G²)"
        listing.highlighted = 0 if found.neighbours else None
        said = "Enter lists the passages they share · Escape closes"
        self.query_one("#cooccur-status", Static).update(Text(said, style="dim"))

    def on_shared_passages_found(self, message: SharedPassagesFound) -> None:
        options = []
        for doc, title, number, snippet in message.passages:
            prompt = Text(safe_line(title or doc, 50), style="bold", end="")
            prompt.append(f" ¶{number}", style="dim")
            prompt.append("\n" + safe_line(snippet, 160))
            options.append(Option(prompt))
        if message.preview:
            preview = self.query_one("#cooccur-preview", OptionList)
            preview.set_options(options)
            preview.border_title = f"{len(options)} shared with {safe_line(message.second, 40)}"
            return
        if message.second != self.pair:
            return
        self.passages = message.passages
        listing = self.query_one("#cooccur-list", OptionList)
        listing.set_options(options)
        listing.border_title = (
            f"{len(options)} passages naming {safe_line(self.entity_name, 30)} and {safe_line(message.second, 30)}"
        )
        listing.highlighted = 0 if options else None
        self.query_one("#cooccur-status", Static).update(
            Text("Enter opens the passage · Escape: back to the list", style="dim")
        )

    @on(OptionList.OptionSelected, "#cooccur-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        if self.pair is not None:
            if index < len(self.passages):
                doc, _, number, _ = self.passages[index]
                self.dismiss((doc, number))
            return
        if self.found is not None and index < len(self.found.neighbours):
            self.pair = self.found.neighbours[index].name
            self.query_one("#cooccur-status", Static).update(Text("Finding shared passages…", style="dim"))
            run_job(
                self, picture_jobs.find_shared, self.index, self.entity_name, self.pair, False, group="cooccur-pair"
            )

    @on(OptionList.OptionHighlighted, "#cooccur-list")
    def _previewed(self, event: OptionList.OptionHighlighted) -> None:
        wide = self.size.width >= self.WIDE
        if wide and self.pair is None and self.found is not None and event.option_index < len(self.found.neighbours):
            other = self.found.neighbours[event.option_index].name
            run_job(self, picture_jobs.find_shared, self.index, self.entity_name, other, True, group="cooccur-preview")

    def action_back(self) -> None:
        if self.pair is not None:
            self._show_links()
        else:
            self.dismiss(None)
