"""Snapshots of the main screens. Accept a new one only after looking at it (snapshot_report.html)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.readerkit import reader, settle

SNAPSHOT_CORPUS = Path(__file__).resolve().parents[1] / "snapshot_corpus"


@pytest.fixture
def snapshot_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    return reader(SNAPSHOT_CORPUS)


async def _ready(pilot: Pilot[None]) -> None:
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await settle(pilot)


def test_main_screen_document_list(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(snapshot_app, terminal_size=(120, 32), run_before=_ready)


def test_highlighted_results_and_open_document(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _ready(pilot)
        await pilot.press("slash", *"pipeline", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(snapshot_app, terminal_size=(120, 32), run_before=run_before)


def test_help_screen(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(snapshot_app, terminal_size=(120, 32), run_before=run_before)


def test_narrow_terminal(snap_compare, snapshot_app) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await _ready(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(snapshot_app, terminal_size=(80, 24), run_before=run_before)
