"""Helpers for Pilot tests: bounded waits, never an open-ended loop."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from tui.app import ReaderApp, make_app
from tui.screens.main import MainScreen
from tui.widgets.document_view import DocumentView
from tui.widgets.results import ResultsList


async def settle(pilot: Pilot[None], rounds: int = 60) -> None:
    """Wait until no worker runs (bounded); superseded exclusive workers are not failures."""
    app = pilot.app
    for _ in range(rounds):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        except WorkerFailed as failed:
            raise AssertionError(f"a worker failed: {failed.error!r}") from failed.error
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            await pilot.pause()
            return
    raise AssertionError("workers did not finish")


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
    await pilot.press("slash", *query, "enter")
    await settle(pilot)
