"""Cross-reference lists as the core answers them, for the side panel and the CLI alike."""

from __future__ import annotations

from collections import Counter

from index.store.corpus_index import CorpusIndex
from index.xref.entity_refs import entity_refs
from index.xref.passage_refs import citing_passages, passage_snippet, related_passages

HERE = "003_fbb29aa8b82af950.txt"


def test_every_passage_naming_an_entity_once_in_document_order(seed_index: CorpusIndex) -> None:
    rows = seed_index.mentions(name="Sergei Shoigu")
    entries = entity_refs(seed_index, "Sergei Shoigu")
    assert [(e.doc, e.passage) for e in entries] == sorted({(r.doc, r.passage) for r in rows})
    per_doc = Counter(r.doc for r in rows)
    titles = {s.doc: s.meta.title for s in seed_index.documents()}
    for entry in entries:
        assert entry.count_in_doc == per_doc[entry.doc]
        assert entry.title == titles[entry.doc]
        written = next(r.text for r in rows if (r.doc, r.passage) == (entry.doc, entry.passage))
        assert written in entry.snippet  # cut around the name as the passage writes it
        assert len(entry.snippet.strip("…")) <= 140


def test_the_open_document_is_left_out_and_an_unknown_name_has_none(seed_index: CorpusIndex) -> None:
    elsewhere = entity_refs(seed_index, "Sergei Shoigu", skip_doc=HERE)
    assert elsewhere and all(e.doc != HERE for e in elsewhere)
    assert entity_refs(seed_index, "Nobody Of That Name") == []
    wide = entity_refs(seed_index, "Sergei Shoigu", width=160)
    assert max(len(e.snippet.strip("…")) for e in wide) > 140


def test_citing_passages_once_each_around_the_citation(seed_index: CorpusIndex) -> None:
    citing = citing_passages(seed_index, "xinhua")  # any case
    rows = seed_index.citations(source="Xinhua")
    assert [(e.doc, e.passage) for e in citing] == list(dict.fromkeys((d, p) for d, p, _, _ in rows))
    assert all(e.snippet for e in citing)


def test_related_passages_say_what_they_share(seed_index: CorpusIndex) -> None:
    related = related_passages(seed_index, HERE, 10, limit=5)
    assert related and len(related) <= 5
    assert all(e.doc != HERE and e.snippet.startswith("shared: ") for e in related)


def test_a_passage_snippet_is_one_line_around_the_needle(seed_index: CorpusIndex) -> None:
    line = passage_snippet(seed_index, HERE, 10, "Shoigu", width=60)
    assert "Shoigu" in line and "\n" not in line
    assert passage_snippet(seed_index, HERE, 999) == ""
