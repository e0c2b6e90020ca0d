"""Helpers for Pilot tests: bounded waits, never an open-ended loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled, WorkerFailed

from tui.app import ReaderApp, make_app
from tui.screens.main import MainScreen
from tui.widgets.document_view import DocumentView
from tui.widgets.results import ResultsList


async def settle(pilot: Pilot[None], rounds: int = 100) -> None:
    """Wait until no worker is pending or running, twice in a row (handlers may start new ones).

    Bounded: a test that never settles fails instead of hanging. Superseded exclusive workers
    are not failures; a worker that raised is.
    """
    app = pilot.app
    quiet = 0
    for _ in range(rounds):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        except WorkerFailed as failed:
            raise AssertionError(f"a worker failed: {failed.error!r}") from failed.error
        await pilot.pause()
        if any(not worker.is_finished for worker in app.workers):
            quiet = 0
            continue
        quiet += 1
        if quiet >= 2:
            return
        await pilot.pause(0.05)
    raise AssertionError("workers did not finish")


async def wait_until(
    pilot: Pilot[None], condition: Callable[[], object], what: str | Callable[[], str], seconds: float = 20
) -> None:
    """Poll a condition while the app runs; fail with `what` after `seconds` (never hang)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}" if isinstance(what, str) else what())
        await pilot.pause(0.02)


def main(app: ReaderApp) -> MainScreen:
    screen = app._main()
    assert screen is not None
    return screen


def view(app: ReaderApp) -> DocumentView:
    return main(app).query_one(DocumentView)


def results(app: ReaderApp) -> ResultsList:
    return main(app).query_one(ResultsList)


def reader(corpus: Path) -> ReaderApp:
    app = make_app(corpus)
    app.LIVE_CHECKS = False  # type: ignore[attr-defined]
    return app


async def search_for(pilot: Pilot[None], query: str) -> None:
    """Type a query and Enter; return when the results list shows that query's answer."""
    screen = main(pilot.app)  # type: ignore[arg-type]
    box = screen.query_one("#query", Input)
    box.value = ""
    if not box.has_focus:  # `/` in the document pane finds within it: press it only elsewhere
        await pilot.press(*([] if screen.query_one(DocumentView).has_focus else ["slash"]))
        screen.set_focus(box)
    await pilot.press(*query, "enter")
    await wait_until(
        pilot, lambda: screen.result is not None and screen.result.query == query, f"results for {query!r}"
    )
    await settle(pilot)


async def ready(pilot: Pilot[None]) -> None:
    """The first launch has indexed and listed its documents."""
    screen = main(pilot.app)  # type: ignore[arg-type]
    await wait_until(
        pilot,
        lambda: not screen._indexing and screen.summaries,
        lambda: (
            f"the first index build (indexing={screen._indexing}, workers={list(pilot.app.workers)}, "
            f"latest={screen._latest}, docs now={screen.index.document_count()}, summaries={len(screen.summaries)}, "
            f"notes={[n.message for n in pilot.app._notifications]})"
        ),
        seconds=60,
    )
    await settle(pilot)


async def open_selected(pilot: Pilot[None], doc: str | None = None) -> None:
    """Enter on the results list; return when a document (this one, if named) is shown."""
    before = view(pilot.app).document  # type: ignore[arg-type]
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: (
            (d := view(pilot.app).document) is not None  # type: ignore[arg-type]
            and (d.doc == doc if doc else d is not before)
        ),
        f"document {doc or 'to open'}",
    )
    await settle(pilot)
