"""Passages found from where the query's terms stand (`index.search.term_views`): the same answers as
analysing every passage, without reading the passages of a document that cannot answer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from index.search.passages import RawResults, passage_hits
from index.search.query import ask
from index.store.corpus_index import CorpusIndex
from tests.conftest import article, write

WORDS = "gas pipeline china russia deal price winter power siberia contract signed talks summit moscow".split()

QUERIES = [
    "gas",
    "siberia",
    "gas AND winter",
    "gas OR summit",
    "gas NOT winter",
    '"power siberia"',
    '"power of siberia"',
    '"gas price"~3',
    '"deal signed" OR talks',
    'pipeline NOT "gas price"',
    "pip*",
    "contrakt~1",
    "NOT gas",
    "title:winter",
    "title:winter gas",
    "*",
    "person:putin",
    "person:putin AND gas",
    "S-400",
    '"s 400"',
    "published:2014",
]


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    folder = tmp_path_factory.mktemp("mixed")
    rng = random.Random(7)
    for n in range(14):
        paragraphs = [article(rng, WORDS, rng.randint(1, 4)) for _ in range(rng.randint(1, 9))]
        if n % 3 == 0:
            paragraphs.insert(rng.randint(0, len(paragraphs)), "Vladimir Putin said the S-400 deal stands.")
        title = rng.choice(["Winter talks", "Gas deal", "Siberia"])
        write(folder, f"doc{n:02}.txt", title + "\n\n" + "\n\n".join(paragraphs) + "\n")
    index = CorpusIndex(folder, location=tmp_path_factory.mktemp("mixed-index")).open()
    index.update()
    return index


def _hits(index: CorpusIndex, query: str, limit: int) -> RawResults:
    parsed = ask(index, query).parsed
    with index.engine.searcher() as searcher:
        return passage_hits(index, searcher, parsed, limit)


@pytest.mark.parametrize("limit", [3, 200])
def test_the_same_answers_as_analysing_every_passage(
    mixed_index: CorpusIndex, seed_index: CorpusIndex, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    for index in (mixed_index, seed_index):
        placed = {query: _hits(index, query, limit) for query in QUERIES}
        with monkeypatch.context() as patch:
            patch.setattr(index.side, "passage_spans", lambda doc: None)  # as an index built before the runs
            analysed = {query: _hits(index, query, limit) for query in QUERIES}
        assert placed == analysed
    assert any(placed[q].hits for q in QUERIES)  # the queries find things: the comparison has teeth


def _big_document(folder: Path, paragraphs: int, phrase_at: int | None) -> None:
    rng = random.Random(3)
    words = [w for w in WORDS if w not in ("power", "siberia")]
    body = [article(rng, words, 3) for _ in range(paragraphs)]
    body[paragraphs // 3] += " Power lines."  # both words, never side by side
    body[paragraphs // 2] += " Siberia."
    if phrase_at is not None:
        body[phrase_at] += " The Power of Siberia."
    write(folder, "book.txt", "A long book\n\n" + "\n\n".join(body) + "\n")
    write(folder, "short.txt", "Power lines cross Siberia.\n")


@pytest.mark.parametrize("phrase_at", [None, 250])
def test_a_big_document_is_answered_without_reading_its_passages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phrase_at: int | None
) -> None:
    _big_document(tmp_path / "corpus", 400, phrase_at)
    index = CorpusIndex(tmp_path / "corpus").open()
    index.update()
    analysed: list[str] = []
    read: list[str] = []
    engine, side = index.engine, index.side
    text_terms_only, document = engine.text_terms_only, side.document
    monkeypatch.setattr(engine, "text_terms_only", lambda text: analysed.append(text) or text_terms_only(text))
    monkeypatch.setattr(side, "document", lambda doc: read.append(doc) or document(doc))
    result = _hits(index, '"power of siberia"', 20)
    assert result.complete and not result.note
    if phrase_at is None:
        assert result.hits == [] and read == []  # both documents hold the words, neither the phrase
    else:
        assert [(h.doc, h.num) for h in result.hits] == [("book.txt", phrase_at + 2)]  # the title is passage 1
        assert read == ["book.txt"]  # read once, for the passage shown
    assert analysed == []


def test_a_loose_phrase_does_not_run_from_one_passage_into_the_next(tmp_path: Path) -> None:
    write(tmp_path / "corpus", "two.txt", "Winter talks\n\nThe talks ended on gas.\n\nPrice rises followed.\n")
    index = CorpusIndex(tmp_path / "corpus").open()
    index.update()
    assert _hits(index, '"gas price"~3', 20).hits == []
    assert [h.num for h in _hits(index, '"gas price"~3 OR rises', 20).hits] == [3]


def test_the_runs_follow_the_document_through_changes(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    path = write(folder, "one.txt", "Gas talks\n\nThe gas deal.\n")
    index = CorpusIndex(folder).open()
    index.update()
    assert list(index.side.passage_spans("one.txt") or []) == [0, 2, 2, 4]  # "ga talk", "ga deal"
    path.write_text("Gas talks\n\nThe gas deal.\n\nPower of Siberia signed.\n", encoding="utf-8")
    index.update()
    assert list(index.side.passage_spans("one.txt") or []) == [0, 2, 2, 4, 4, 7]
    assert [h.num for h in _hits(index, '"power siberia"', 20).hits] == [3]
    path.unlink()
    index.update()
    assert index.side.passage_spans("one.txt") is None
