"""The reader App: wiring only. Config, keymap and theme in; the main screen does the work."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.command import Provider

from index.config import Config, bookmarks_file, load_config
from index.errors import ConfigError
from index.store.corpus_index import CorpusIndex
from tui.screens.main import MainScreen, main_screen
from tui.state import load_state
from tui.widgets.document_view import DocumentView
from tui.widgets.results import ResultsList

# Screens, palette providers and bookmarks are imported when first used: what the first frame does
# not show, it does not wait for (the warm start is timed against a bare Textual app).


def _document_commands() -> type[Provider]:
    from tui.commands import DocumentCommands

    return DocumentCommands


def _entity_commands() -> type[Provider]:
    from tui.commands import EntityCommands

    return EntityCommands


def _view_commands() -> type[Provider]:
    from tui.commands import ViewCommands

    return ViewCommands


class ReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "ralign-tui"
    COMMANDS = App.COMMANDS | {_document_commands, _entity_commands, _view_commands}
    BINDINGS = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("q,ctrl+q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self, corpus: Path, config: Config | None = None, config_error: str = "", bookmarks: Path | None = None
    ) -> None:
        super().__init__()
        self.bookmarks_path = bookmarks
        self.index = CorpusIndex(corpus)
        self.config = config or Config()
        self.config_error = config_error
        self.reader_state = load_state(self.index.corpus)
        self.configured_keys: dict[str, str] = {}  # binding id -> keys, as set from config (the help table shows them)

    @staticmethod
    def binding_sources() -> list[tuple[str, list[Binding]]]:
        """Every binding with an id, where it acts: the help table and config validation read this."""
        from tui.screens.bookmarks import BookmarksScreen
        from tui.screens.cooccur import CooccurScreen
        from tui.screens.curate_dialog import CurateDialog
        from tui.screens.diff import DiffScreen
        from tui.screens.entity_view import EntityView
        from tui.screens.help import HelpScreen
        from tui.screens.note_dialog import NoteDialog
        from tui.screens.picture_keys import PictureKeys
        from tui.screens.saved_searches import SavedSearchesScreen
        from tui.screens.timeline import TimelineScreen
        from tui.widgets.side_panel import SidePanel

        sources: list[tuple[str, Iterable[Binding | tuple[str, ...]]]] = [
            ("anywhere", ReaderApp.BINDINGS),
            ("reader", MainScreen.BINDINGS),
            ("document", DocumentView.BINDINGS),
            ("results", ResultsList.BINDINGS),
            ("help", HelpScreen.BINDINGS),
            ("bookmarks", BookmarksScreen.BINDINGS),
            ("note dialog", NoteDialog.BINDINGS),
            ("comparison", DiffScreen.BINDINGS),
            ("pictures", PictureKeys.BINDINGS),
            ("timeline", TimelineScreen.BINDINGS),
            ("who with whom", CooccurScreen.BINDINGS),
            ("saved searches", SavedSearchesScreen.BINDINGS),
            ("entity list", SidePanel.BINDINGS),
            ("curate dialog", CurateDialog.BINDINGS),
            ("entity view", EntityView.BINDINGS),
        ]
        return [(where, [b for b in bindings if isinstance(b, Binding)]) for where, bindings in sources]

    def on_mount(self) -> None:
        if self.config.keys:
            self.configured_keys = dict(self.config.keys)
            self.set_keymap(self.configured_keys)
        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.notify(f"Unknown theme {self.config.theme!r} in config.toml", severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        if self.config_error:
            self.notify(self.config_error + " (using defaults)", title="Config", severity="error", markup=False)
        # --bookmarks, else config.toml's (read already), else the default: none left for it to look up
        bookmarks = bookmarks_file(self.bookmarks_path, self.config, self.index.corpus)
        self.push_screen(MainScreen(self.index, self.reader_state, bookmarks))

    def _keep_theme(self, theme: object) -> None:
        """A theme chosen in the palette is the next launch's theme too (config.toml's `theme`)."""
        name = getattr(theme, "name", "")
        if name and name != self.config.theme and not self.config_error:
            from dataclasses import replace

            from index.config import save_theme

            try:
                save_theme(name)
            except OSError as exc:
                self.notify(f"The theme could not be kept: {exc}", severity="warning", markup=False)
                return
            self.config = replace(self.config, theme=name)

    def key_display(self) -> dict[str, str]:
        display = {}
        for _, bindings in self.binding_sources():
            for binding in bindings:
                keys = self.configured_keys.get(binding.id or "", binding.key)
                display[binding.id or ""] = ", ".join(
                    self.get_key_display(Binding(key.strip(), "")) for key in keys.split(",")
                )
        return display

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, key_table

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(key_table(self.binding_sources(), self.key_display())))

    def _main(self) -> MainScreen | None:
        return main_screen(self)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self._main()
        yield SystemCommand("Help", "Keys and how searching works", self.action_help)
        if main is not None:
            yield SystemCommand("Toggle side panel", "Show or hide the side panel (e)", main.action_toggle_panel)
            yield SystemCommand(
                "Rebuild index",
                "Throw the index away and read every file again",
                lambda: main.start_indexing(rebuild=True),
            )
            yield SystemCommand("Search", "Focus the search box (/)", main.action_focus_search)
            yield SystemCommand("Bookmarks", "All bookmarks: jump, edit, delete (B)", main.action_show_bookmarks)
            yield SystemCommand(
                "Toggle collapse duplicates",
                "Fold near-duplicate documents under their original",
                main.action_toggle_collapse,
            )
            yield SystemCommand(
                "Related passages", "Where else the passage under the cursor is said (r)", main.action_related
            )
            yield SystemCommand("Bookmark this passage", "Keep the passage under the cursor (b)", main.action_bookmark)
            yield SystemCommand(
                "Save this search", "Keep the query; learn later what is new (ctrl+s)", main.action_save_search
            )
            yield SystemCommand(
                "Saved searches", "Saved searches and their new passages (S)", main.action_saved_searches
            )

    async def action_quit(self) -> None:
        main = self._main()
        if main is not None:
            main.save()
        self.exit()


def known_binding_ids() -> set[str]:
    return {b.id for _, bindings in ReaderApp.binding_sources() for b in bindings if b.id}


def open_at(app: ReaderApp, doc: str, passage: int | None) -> None:
    """Make the reader start at a passage: its remembered place becomes that one."""
    app.reader_state.doc = doc
    if passage is not None:
        app.reader_state.positions[doc] = passage


def make_app(corpus: Path, bookmarks: Path | None = None) -> ReaderApp:
    """The reader as the CLI builds it: config read (a broken one reported), defaults otherwise."""
    try:
        config = load_config(known_binding_ids=known_binding_ids)
        error = ""
    except ConfigError as exc:
        config, error = Config(), str(exc)
    return ReaderApp(corpus, config, error, bookmarks)


def run_reader(corpus: Path, bookmarks: Path | None = None, start: tuple[str, int | None] | None = None) -> int:
    """The reader, run to its end; `start` (doc, passage) opens it there (`ralign-tui open`)."""
    app = make_app(corpus, bookmarks)
    if start is not None:
        open_at(app, *start)
    app.run()
    main = app._main()
    if main is not None:
        main.save()
    return 0
