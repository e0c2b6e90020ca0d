"""The entity pass: the model's entities fill in after the text index, once per content."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.entities.statistical import find_model
from index.search.results import search
from index.store.corpus_index import CorpusIndex
from index.store.entity_pass import entity_progress, run_entity_pass
from index.store.model_cache import ModelCache
from tests.conftest import write

needs_model = pytest.mark.skipif(find_model() is None, reason="no spaCy English pipeline installed")

NEWS = (
    "Talks in Pretoria\n\n"
    "Nelson Mandela met Madeleine Albright in Pretoria on Tuesday. Mandela said the African National "
    "Congress would not change course, and Albright flew on to Nairobi.\n"
)


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    write(folder, "pretoria.txt", NEWS)
    write(folder, "other.txt", "Markets\n\nShares in Tokyo fell on Monday.\n")
    return folder


@pytest.fixture
def indexed(news: Path, tmp_path: Path) -> CorpusIndex:
    """The news folder's text index, built with the rules' entities (the pass not yet run)."""
    index = CorpusIndex(news, location=tmp_path / "ix").open()
    index.update()
    return index


@pytest.fixture
def model_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RALIGN_ENTITY_MODEL")


def names(index: CorpusIndex, doc: str) -> set[tuple[str, str]]:
    return {(m.type, m.name) for m in index.mentions(doc=doc)}


def test_without_a_model_the_pass_leaves_the_rules_entities_and_says_why(indexed: CorpusIndex) -> None:
    index = indexed
    before = index.mentions()
    report = run_entity_pass(index)
    assert report.model == "" and "rules alone" in report.note
    assert index.mentions() == before


@needs_model
def test_the_model_finds_people_no_list_holds_and_entity_queries_see_them(indexed: CorpusIndex, model_on: None) -> None:
    index = indexed
    assert entity_progress(index).done == 0
    seen: list[tuple[int, int]] = []
    report = run_entity_pass(index, progress=lambda done, total: seen.append((done, total)))
    assert (report.done, report.total) == (2, 2) and seen[-1] == (2, 2)
    found = names(index, "pretoria.txt")
    assert ("PERSON", "Madeleine Albright") in found
    assert search(index, 'person:"madeleine albright"').hits
    assert ModelCache(index.side).pending(report.model) == []


@needs_model
def test_an_unchanged_text_never_pays_the_model_twice(news: Path, indexed: CorpusIndex, model_on: None) -> None:
    index = indexed
    model = run_entity_pass(index).model
    cache = ModelCache(index.side)
    rows = index.side.connection().execute("SELECT COUNT(*) FROM model_spans").fetchone()[0]
    write(news, "pretoria.txt", NEWS + "\nAlbright later met the German chancellor Helmut Kohl in Bonn.\n")
    index.update()
    assert [doc for doc, _ in cache.pending(model)] == ["pretoria.txt"]  # the rules' entities until the pass
    run_entity_pass(index)
    assert ("PERSON", "Helmut Kohl") in names(index, "pretoria.txt")
    write(news, "pretoria.txt", NEWS)  # back to the text the model has read
    index.update()
    run_entity_pass(index)
    after = index.side.connection().execute("SELECT COUNT(*) FROM model_spans").fetchone()[0]
    assert after == rows + 1  # the edited text's spans were added once; the original's came from the cache
    assert ("PERSON", "Madeleine Albright") in names(index, "pretoria.txt")
