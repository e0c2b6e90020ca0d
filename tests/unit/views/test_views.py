"""Timeline, co-occurrence and spread over a corpus written here (and the seeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.store.corpus_index import CorpusIndex
from index.views.cooccur import cooccurrence, log_likelihood, shared_passages
from index.views.spread import spread
from index.views.timeline import sentence_at, timeline
from tests.conftest import write


@pytest.fixture
def summit_index(tmp_path: Path) -> CorpusIndex:
    folder = tmp_path / "summit"
    write(
        folder,
        "visit.txt",
        "State visit\n\nOn March 21 Xi Jinping arrived in Moscow, where Vladimir Putin met him at the Kremlin.\n\n"
        "Xi Jinping and Vladimir Putin signed twelve agreements. Mr. Putin called it a new era.\n\n"
        "Russia and China agreed on gas. Russia exports oil. China imports oil from Russia.\n\n"
        "In May 2014 Gazprom signed the Power of Siberia contract with Russia and China watching.\n",
    )
    write(
        folder,
        "later.txt",
        "Later talks\n\nIn 2019 Xi Jinping met Vladimir Putin again in St. Petersburg. Russia hosted.\n\n"
        "Russia and China held naval drills. China sent ships; Russia sent planes.\n\n"
        "Joe Biden spoke of Russia once in 2021.\n",
    )
    write(folder, "metadata.toml", '["visit.txt"]\npublished = "2023-03"\n["later.txt"]\npublished = "2019"\n')
    index = CorpusIndex(folder, location=tmp_path / "ix").open()
    index.update()
    return index


def test_timeline_in_date_order_with_the_documents_year(summit_index: CorpusIndex) -> None:
    items = timeline(summit_index)
    dates = [i.date for i in items]
    assert dates == sorted(dates)
    march = next(i for i in items if i.written == "March 21")
    assert (march.date, march.precision, march.implicit, march.passage) == ("2023-03-21", "day", True, 2)
    assert march.sentence.startswith("On March 21 Xi Jinping arrived in Moscow")
    assert ("2014-05", "month") in {(i.date, i.precision) for i in items}
    assert any(i.kind == "published" and i.date == "2023-03" for i in items)


def test_timeline_filtered_by_query_and_entity(summit_index: CorpusIndex) -> None:
    by_query = timeline(summit_index, "gazprom", published=False)
    assert [i.date for i in by_query] == ["2014-05"]
    by_entity = timeline(summit_index, entity="Joe Biden", published=False)
    assert [(i.doc, i.date) for i in by_entity] == [("later.txt", "2021")]


def test_timeline_leaves_out_copyright_lines(tmp_path: Path) -> None:
    folder = tmp_path / "scrape"
    write(
        folder,
        "page.txt",
        "Talks in Beijing\n\nIn 2019 Xi Jinping met Vladimir Putin in Beijing.\n\n"
        "Copyright 2020 The Washington Times, LLC. Click here for reprint permission.\n\n"
        "© 2011-2021 Example News. All rights reserved.\n",
    )
    index = CorpusIndex(folder, location=tmp_path / "ix").open()
    index.update()
    assert [i.date for i in timeline(index, published=False)] == ["2019"]


def test_sentence_skips_abbreviations() -> None:
    text = "First one. Mr. Putin met Mr. Xi on May 3. Then they left."
    assert sentence_at(text, text.index("May")) == "Mr. Putin met Mr. Xi on May 3."


def test_cooccurrence_puts_the_counterpart_above_the_ubiquitous(summit_index: CorpusIndex) -> None:
    found = cooccurrence(summit_index.side, "Vladimir Putin")
    names = [n.name for n in found.neighbours]
    assert names[0] == "Xi Jinping"
    assert "Russia" not in names[:1]
    xi = found.neighbours[0]
    assert xi.shared == 3 and xi.score > 0
    assert shared_passages(summit_index.side, "Vladimir Putin", "Xi Jinping") == [
        ("later.txt", 2),
        ("visit.txt", 2),
        ("visit.txt", 3),
    ]


def test_log_likelihood_grows_with_evidence_and_is_zero_at_independence() -> None:
    assert log_likelihood(10, 20, 20, 100) > log_likelihood(2, 4, 4, 100) > 0
    assert log_likelihood(4, 20, 20, 100) == pytest.approx(0.0, abs=1e-9)


def test_spread_per_document_and_year(summit_index: CorpusIndex) -> None:
    found = spread(summit_index.side, "Joe Biden")
    assert dict(zip(found.docs, found.per_doc, strict=True)) == {"later.txt": 1, "visit.txt": 0}
    assert found.years[0] == 2019 and found.years[-1] == 2023
    assert found.per_year[0] == 1 and sum(found.per_year) == 1


def test_seeds_putin_meets_xi(seed_index: CorpusIndex) -> None:
    names = [n.name for n in cooccurrence(seed_index.side, "Vladimir Putin").neighbours[:3]]
    assert "Xi Jinping" in names
