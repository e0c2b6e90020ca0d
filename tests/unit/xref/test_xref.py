"""Cross-references: citations, near-duplicates, entity xref, related passages, collapsing."""

from __future__ import annotations

import json
import random
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.search.results import collapse_duplicates, search
from index.store.corpus_index import CorpusIndex
from index.xref.shingles import find_citations
from tests.conftest import ENTITY_GOLD, SEEDS, article, write
from tests.readerkit import main, open_selected, reader, ready, search_for, wait_until
from tui.cli import main as cli
from tui.screens.diff import DiffScreen
from tui.widgets.side_panel import SidePanel

SEED_CITATIONS = {
    "002_f3a37438de5b7047.txt": [
        ("EDM", "March 16"),
        ("China Daily", "March 26"),
        ("Xinhua", "March 26"),
        ("Xinhua", "March 22"),
        ("EDM", "March 16"),
        ("RT", "March 14"),
        ("TASS", "March 21"),
        ("The Diplomat", "March 22"),
        ("Xinhua", "March 25"),
        ("Ministry of Defense of the Russian Federation", "March 25"),
        ("EDM", "March 16"),
        ("RIA Novosti", "December 8, 2015"),
        ("Ministry of Foreign Affairs of the Russian Federation", "January 7, 2015"),
        ("FBIS SOV", "January 7, 2015"),
    ],
    "003_fbb29aa8b82af950.txt": [
        ("Globalaffairs.ru", "March 7"),
        ("EDM", "March 29"),
        ("Nezavisimaya Gazeta", "March 28"),
        ("EDM", "April 7, 2017"),
        ("Xinhua", "April 5"),
        ("Fmprc.gov.cn", "April 5"),
        ("Fmprc.gov.cn", "April 5"),
        ("Mirperemen.net", "April 5"),
        ("Mod.gov.cn", "April 5"),
        ("TASS", "April 3"),
        ("South China Morning Post", "April 12"),
        ("EDM", "May 3, 2017"),
        ("CCTV", "June 24, 2016"),
        ("Mid.ru", "January 15, 2018"),
    ],
}


def test_citation_shapes() -> None:
    text = (
        "A (Xinhua, March 26). B (see EDM, March 16). C (TASS, March 21; The Diplomat, March 22). "
        "D (China Daily, Xinhua, March 26). E (presumably Korea, Japan and Ukraine). F (Fall 2016). "
        "G, according to an Associated Press report (AP). H (both held on April 5, in Moscow)."
    )
    assert [(c.source, c.date) for c in find_citations(text)] == [
        ("Xinhua", "March 26"),
        ("EDM", "March 16"),
        ("TASS", "March 21"),
        ("The Diplomat", "March 22"),
        ("China Daily", "March 26"),
        ("Xinhua", "March 26"),
    ]


@given(st.text(max_size=300))
def test_citation_parser_never_fails(text: str) -> None:
    for citation in find_citations(text):
        assert citation.source and citation.date


def test_citations_on_the_seeds_precision_and_recall(seed_index: CorpusIndex) -> None:
    found = Counter((doc, s, d) for doc, _, s, d in seed_index.citations())
    gold = Counter((doc, s, d) for doc, rows in SEED_CITATIONS.items() for s, d in rows)
    matched = sum((found & gold).values())
    precision, recall = matched / sum(found.values()), matched / sum(gold.values())
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_citations_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["citations", "002_f3a37438de5b7047.txt", "--json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["doc"] == "002_f3a37438de5b7047.txt"
    assert {"source": "The Diplomat", "date": "March 22", "passage": 7} in entry["citations"] or any(
        c["source"] == "The Diplomat" for c in entry["citations"]
    )
    assert all({"source", "date", "passage"} == set(c) for c in entry["citations"])


def test_near_duplicates_of_the_seeds(seed_index: CorpusIndex) -> None:
    pairs = {
        tuple(sorted((s.doc[:3], other[:3])))
        for s in seed_index.documents()
        for other, _ in seed_index.near_duplicates(s.doc)
    }
    assert pairs == {("000", "001")}


def test_republications_excerpts_and_scrapes_pair_but_same_topic_articles_do_not(tmp_path: Path) -> None:
    vocabulary = (SEEDS / "004_22117458742b9189.txt").read_text(encoding="utf-8").lower().split()
    rng = random.Random(7)
    original = article(rng, vocabulary, 60)
    sentences = re.split(r"(?<=\.) ", original)
    folder = tmp_path / "dups"
    write(folder, "original.txt", original)
    write(folder, "excerpt.txt", "Reprinted with permission. " + " ".join(sentences[10:30]) + " Subscribe for more.")
    scrape = re.sub(r"[^\w\s]", " ", original.lower())
    write(folder, "scrape.txt", "home news sign in " + scrape + " copyright all rights reserved")
    write(folder, "other.txt", article(random.Random(8), vocabulary, 60))  # same words, another article
    index = CorpusIndex(folder).open()
    index.update()
    pairs = {tuple(sorted((d.doc, o))) for d in index.documents() for o, _ in index.near_duplicates(d.doc)}
    assert pairs == {("excerpt.txt", "original.txt"), ("original.txt", "scrape.txt"), ("excerpt.txt", "scrape.txt")}


def test_docs_json_lists_near_duplicates(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["docs", "--json"]) == 0
    docs = {d["doc"][:3]: d for d in json.loads(capsys.readouterr().out)}
    assert docs["000"]["near_duplicates"] == ["001_c73f298fb8182d43.txt"]
    assert docs["002"]["near_duplicates"] == []


def test_collapse_folds_the_duplicate_under_its_original(seed_index: CorpusIndex, capsys) -> None:  # type: ignore[no-untyped-def]
    plain = search(seed_index, "putin", limit=100)
    assert any(h.doc.startswith("001") for h in plain.hits)
    folded = collapse_duplicates(seed_index, plain, 0.5)
    assert not any(h.doc.startswith("001") for h in folded.hits)
    assert any(h.doc.startswith("000") for h in folded.hits)
    assert cli(["search", "putin", "--collapse", "--json", "--limit", "100"]) == 0
    assert not any(h["doc"].startswith("001") for h in json.loads(capsys.readouterr().out))


def test_xref_lists_every_seed_naming_an_entity_named_in_two_or_more(capsys: pytest.CaptureFixture[str]) -> None:
    gold = tomllib.loads((ENTITY_GOLD / "seeds.toml").read_text(encoding="utf-8"))
    named_in: dict[str, set[str]] = {}
    for doc, kinds in gold.items():
        for kind in ("PERSON", "ORG", "PLACE", "WEAPON", "EVENT"):
            for item in kinds.get(kind, []):
                named_in.setdefault(item.split("|")[0], set()).add(doc)
    for name, docs in named_in.items():
        if len(docs) < 2:
            continue
        assert cli(["xref", name, "--json"]) == 0, name
        answer = json.loads(capsys.readouterr().out)
        assert {d["doc"] for d in answer["documents"]} >= docs, name
        assert all(p["snippet"] for d in answer["documents"] for p in d["passages"])


def test_xref_by_alias_any_case_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["xref", "SHOIGU", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["entity"] == "Sergei Shoigu" and answer["type"] == "PERSON"
    assert cli(["xref", "nobody at all"]) == 2


def test_related_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["related", "000_110210e14c1e0fc0.txt", "15", "--json", "--limit", "5"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["doc"] != "000_110210e14c1e0fc0.txt" for r in rows)
    assert rows[0]["doc"].startswith("001")  # the scrape says the same thing
    assert all(r["reasons"] for r in rows)


async def test_panel_sources_duplicates_and_related() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(150, 45)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        await open_selected(pilot, "002_f3a37438de5b7047.txt")
        panel = main(app).query_one(SidePanel)
        assert ("source", "Xinhua") in panel.more
        panel.post_message(SidePanel.SourceChosen("Xinhua"))
        await wait_until(
            pilot,
            lambda: {x.doc for x in panel.xrefs} == {"002_f3a37438de5b7047.txt", "003_fbb29aa8b82af950.txt"},
            "citing passages",
        )
        await pilot.press("r")
        await wait_until(
            pilot,
            lambda: panel.xrefs and all(x.doc != "002_f3a37438de5b7047.txt" for x in panel.xrefs),
            "related passages",
        )
        await search_for(pilot, "rogozin")
        await open_selected(pilot, "000_110210e14c1e0fc0.txt")
        assert any(kind == "dup" for kind, _ in panel.more)
        await pilot.press("equals_sign")
        await wait_until(pilot, lambda: isinstance(app.screen, DiffScreen), "the comparison")
        diff = app.screen
        assert isinstance(diff, DiffScreen)
        assert any("dsands@washingtontimes.com" in run for run in diff.difference.only_in_a)
        assert any("copyright 2020 the washington times" in run for run in diff.difference.only_in_b)
        await pilot.press("escape")


def test_difference_lists_what_each_text_lacks() -> None:
    from index.xref.shingles import difference

    a = "The summit opened in Moscow. Leaders discussed gas. The pipeline will open next year."
    b = "Sign in subscribe now for free today. the summit opened in moscow leaders discussed gas the pipeline will open"
    found = difference(a, b)
    assert found.only_in_b == ["Sign in subscribe now for free today"]
    assert found.only_in_a == []  # "next year" is two words: a small change, counted, not listed
    assert found.small_changes >= 1


def test_duplicate_groups_of_the_whole_corpus_agree_with_each_document(seed_index: CorpusIndex) -> None:
    """The document list marks near-duplicates from one query; it must say what each document's own does."""
    groups = seed_index.duplicate_groups()
    for summary in seed_index.documents():
        expected = {doc for doc, _ in seed_index.near_duplicates(summary.doc)}
        assert set(groups.get(summary.doc, [])) == expected, summary.doc
    assert groups  # the seeds have their scrape and its clean twin
