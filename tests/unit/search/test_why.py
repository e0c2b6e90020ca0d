"""Why a hit matched: the words and fields, expansions as their terms, the parts of the score."""

from __future__ import annotations

import pytest

from index.search.results import search
from index.search.why import explain
from index.store.corpus_index import CorpusIndex


def _whys(index: CorpusIndex, query: str) -> list:
    result = search(index, query, limit=5)
    assert result.hits
    whys = explain(index, query, result.hits)
    assert all(w is not None for w in whys)
    for hit, why in zip(result.hits, whys, strict=True):
        assert why.score == pytest.approx(hit.score)
    return whys


def test_prefix_names_the_terms_it_stood_for(seed_index: CorpusIndex) -> None:
    why = _whys(seed_index, "sibe*")[0]
    assert [(m.field, m.asked, m.matched) for m in why.matches] == [("text", "sibe*", ("siberia",))]
    assert why.matches[0].weight > 0


def test_fuzzy_and_entity_fields(seed_index: CorpusIndex) -> None:
    fuzzy = _whys(seed_index, "putn~1")[0]
    assert "putin" in fuzzy.matches[0].matched
    entity = _whys(seed_index, "person:putin pipeline")[0]
    fields = {(m.field, m.asked) for m in entity.matches}
    assert ("person", "vladimir putin") in fields and ("text", "pipelin") in fields


def test_title_field_and_score_parts(seed_index: CorpusIndex) -> None:
    why = _whys(seed_index, "title:bromance")[0]
    assert why.matches[0].field == "title"
    assert why.document_score >= why.score
    assert "title:bromanc" in why.summary()


def test_a_not_is_not_a_reason(seed_index: CorpusIndex) -> None:
    why = _whys(seed_index, "putin NOT shoigu")[0]  # NOT holds within the document: no seed lacks Xi
    assert {m.asked for m in why.matches} == {"putin"}
