"""The reader and the entity model: the header says what entities are made with, and the model's
entities reach the side panel without the reader waiting for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.entities import statistical
from tests.conftest import write
from tests.readerkit import main, open_selected, reader, ready, settle, wait_until
from tui.widgets.side_panel import SidePanel


async def test_without_a_model_the_header_says_rules_only(tiny_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RALIGN_ENTITY_MODEL")
    monkeypatch.setattr(statistical, "find_model", lambda: None)
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert "entities: rules only (ralign-tui doctor)" in main(app).sub_title


@pytest.mark.skipif(statistical.find_model() is None, reason="no spaCy English pipeline installed")
async def test_the_models_people_reach_the_side_panel_after_the_text_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RALIGN_ENTITY_MODEL")
    folder = tmp_path / "news"
    write(folder, "pretoria.txt", "Talks\n\nNelson Mandela met Madeleine Albright in Pretoria on Tuesday.\n")
    app = reader(folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_selected(pilot)
        panel = main(app).query_one(SidePanel)
        await wait_until(
            pilot, lambda: any(e.name == "Madeleine Albright" for e in panel.entities), "the model's person", 90
        )
