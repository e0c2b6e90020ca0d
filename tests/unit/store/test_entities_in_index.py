"""Entities through the index, the CLI and the reader's side panel."""

from __future__ import annotations

import json

import pytest
from textual.widgets import Input, OptionList

from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tests.conftest import SEEDS
from tests.readerkit import main, open_selected, reader, ready, search_for, view, wait_until
from tui.cli import main as cli
from tui.widgets.side_panel import SidePanel


def docs(index: CorpusIndex, query: str) -> set[str]:
    return {h.doc[:3] for h in search(index, query, limit=200).hits}


def test_entity_fields_answer_queries(seed_index: CorpusIndex) -> None:
    assert docs(seed_index, 'entity:"Sergei Shoigu"') == {"003", "004"}
    assert docs(seed_index, "person:shoigu") == {"003", "004"}
    assert docs(seed_index, "org:gazprom") == {"002"}
    assert docs(seed_index, "org:sco") == {"004"}  # an alias finds the canonical name's passages
    assert "001" in docs(seed_index, "person:putin AND weapon:s-400")  # the scrape, too
    assert docs(seed_index, 'place:"south china sea"') == {"002", "003", "004"}


def test_resolve_entity_by_alias_any_case(seed_index: CorpusIndex) -> None:
    assert seed_index.resolve_entity("mr. putin") == ("Vladimir Putin", "PERSON")
    assert seed_index.resolve_entity("sco") == ("Shanghai Cooperation Organization", "ORG")
    assert seed_index.resolve_entity("no such thing at all") is None


def test_entities_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["entities", "003_fbb29aa8b82af950.txt", "--json"]) == 0
    [report] = json.loads(capsys.readouterr().out)
    assert report["doc"] == "003_fbb29aa8b82af950.txt"
    by_name = {e["name"]: e for e in report["entities"]}
    putin = by_name["Vladimir Putin"]
    assert putin["type"] == "PERSON" and putin["count"] == len(putin["mentions"]) >= 5
    text = (SEEDS / "003_fbb29aa8b82af950.txt").read_text(encoding="utf-8")
    for mention in putin["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert mention["passage"] >= 1


async def test_side_panel_lists_entities_and_shows_where_else_they_appear() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(150, 45)) as pilot:
        await ready(pilot)
        await search_for(pilot, "karaganov")
        await open_selected(pilot, "003_fbb29aa8b82af950.txt")
        panel = main(app).query_one(SidePanel)
        assert any(e.name == "Sergei Shoigu" for e in panel.entities)
        assert view(app).entity_spans  # mentions are coloured in the text
        panel.query_one("#entity-filter", Input).value = "shoigu"
        await pilot.pause()
        listing = panel.query_one("#entities", OptionList)
        listing.focus()
        listing.highlighted = 1  # row 0 is the "People" heading
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(panel.xrefs), "cross-references")
        assert {x.doc for x in panel.xrefs} == {"004_22117458742b9189.txt"}
        assert view(app).find_spans  # the entity's mentions are selected in the text
        xref = panel.query_one("#xref", OptionList)
        xref.focus()
        xref.highlighted = 0
        await pilot.press("enter")
        await wait_until(pilot, lambda: view(app).document.doc == "004_22117458742b9189.txt", "the jump")  # type: ignore[union-attr]
        assert view(app).passage_number == panel.xrefs[0].passage or view(app).find_spans
        await pilot.press("backspace")
        await wait_until(pilot, lambda: view(app).document.doc == "003_fbb29aa8b82af950.txt", "back")  # type: ignore[union-attr]
        await pilot.press("h")
        assert not view(app).show_entities


async def test_palette_jumps_to_an_entity() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(150, 45)) as pilot:
        await ready(pilot)
        await search_for(pilot, "karaganov")
        await open_selected(pilot, "003_fbb29aa8b82af950.txt")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"entity: wang yi")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: main(app).result is not None and main(app).result.query == 'entity:"Wang Yi"',
            "the entity search",
        )
        assert {t.doc for t in main(app).query_one("#results").targets} == {"003_fbb29aa8b82af950.txt"}
