"""Command palette providers: titled by namespace ("open: …"), so a typed word finds its kind."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from index.corpus.textclean import safe_line
from tui.widgets.results import Target

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class DocumentCommands(Provider):
    """open: TITLE — every document of the corpus."""

    def _main(self) -> MainScreen | None:
        from tui.screens.main import main_screen

        return main_screen(self.app)

    def _entries(self) -> list[tuple[str, str]]:
        main = self._main()
        if main is None:
            return []
        return [(f"open: {safe_line(s.meta.title or s.doc, 90)}", s.doc) for s in main.summaries]

    async def discover(self) -> Hits:
        main = self._main()
        for title, doc in self._entries()[:20]:
            if main is not None:
                # The palette parses str prompts and help as markup: titles go in as Text, ids escaped.
                yield DiscoveryHit(Text(title), partial(main.open_target, Target(doc), True), title, escape(doc))

    async def search(self, query: str) -> Hits:
        main = self._main()
        matcher = self.matcher(query)
        for title, doc in self._entries():
            score = matcher.match(title)
            if score > 0 and main is not None:
                yield Hit(score, Text(title), partial(main.open_target, Target(doc), True), title, escape(doc))


class EntityCommands(Provider):
    """entity: NAME — the open document's entities; choosing one searches the corpus for it."""

    def _entries(self) -> list[tuple[str, str]]:
        from tui.screens.main import main_screen
        from tui.widgets.side_panel import SidePanel

        main = main_screen(self.app)
        if main is None:
            return []
        entities = main.query_one(SidePanel).entities
        return [(f"entity: {safe_line(e.name, 80)} ({e.type.lower()})", e.name) for e in entities]

    def _jump(self, name: str) -> None:
        from tui.screens.main import main_screen

        main = main_screen(self.app)
        if main is not None:
            main.search_entity(name)

    async def discover(self) -> Hits:
        for title, name in self._entries()[:15]:
            yield DiscoveryHit(Text(title), partial(self._jump, name), title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, name in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Text(title), partial(self._jump, name), title)


class ViewCommands(Provider):
    """view: … — the pictures of the corpus (timeline, who appears with whom, why this hit)."""

    VIEWS = (
        ("view: timeline of dated statements", "timeline"),
        ("view: who appears with the chosen entity", "cooccur"),
        ("view: why this hit matched", "why"),
    )

    def _run(self, action: str) -> None:
        from tui.screens.main import main_screen

        main = main_screen(self.app)
        if main is not None:
            getattr(main, f"action_{action}")()

    async def discover(self) -> Hits:
        for title, action in self.VIEWS:
            yield DiscoveryHit(Text(title), partial(self._run, action), title)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action in self.VIEWS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Text(title), partial(self._run, action), title)
