"""Why a hit came up: the query's words and fields it matched (a prefix or fuzzy word as the terms
it stood for, an entity field as the entity named) and the parts of its score.

Asked only of the hits shown (a page), after the search: a search pays nothing for it. A hit's score
is its document's BM25F score scaled by its passage's share (`index.search.passages`):
score = document × (0.5 + 0.5 × passage / best passage of the document).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from index.model import Hit
from index.search.passages import document_views
from index.search.query import Searchable, ask
from index.search.term_views import Places

FIELD_LABELS = {"text": "text", "ents": "entity", "doc": "doc"}


class Match(NamedTuple):
    field: str  # text, title, author, publication, published, doc, or an entity type (person, org ...)
    asked: str  # the query's word as written (analysed): "putin", "sibe*", "person|vladimir_putin"
    matched: tuple[str, ...]  # the terms of the passage or document it matched
    weight: float  # its part of the passage's score (0 for a document field)


class Why(NamedTuple):
    matches: tuple[Match, ...]
    document_score: float  # the engine's BM25F score of the whole document
    passage_score: float  # how much of the query this passage holds
    best_passage_score: float  # the same for the document's best passage
    score: float  # the hit's score: document × (0.5 + 0.5 × passage / best)

    def to_json(self) -> dict[str, object]:
        return {
            "matches": [
                {"field": m.field, "query": m.asked, "terms": list(m.matched), "weight": round(m.weight, 3)}
                for m in self.matches
            ],
            "document_score": round(self.document_score, 4),
            "passage_score": round(self.passage_score, 3),
            "best_passage_score": round(self.best_passage_score, 3),
            "score": round(self.score, 4),
        }

    def summary(self) -> str:
        """One line: matched text:putin, entity:vladimir putin · doc 7.12 × passage 0.86"""
        said = ", ".join(
            f"{m.field}:{m.asked}" + (f"→{'/'.join(m.matched)}" if m.matched != (m.asked,) else "")
            for m in self.matches
        )
        share = 0.5 + 0.5 * self.passage_score / (self.best_passage_score or 1.0)
        return f"matched {said or 'the document'} · document {self.document_score:.2f} × passage {share:.2f}"


def explain(source: Searchable, query: str, hits: Iterable[Hit]) -> list[Why | None]:
    """Why each hit matched the query (None for a hit whose document is gone)."""
    asked = ask(source, query)
    hits = list(hits)
    if asked.parsed is None or not hits:
        return [None] * len(hits)
    out: list[Why | None] = []
    views_of: dict[str, tuple[dict[int, object], dict[str, list[str]], float]] = {}
    with source.open().engine.searcher() as searcher:
        locator = searcher.locator(asked.parsed)
        places = Places(searcher, locator.text_terms)
        shown = list(dict.fromkeys(hit.doc for hit in hits))
        for hit in hits:
            if hit.doc not in views_of:
                views, fields, _ = document_views(source, locator, hit.doc, places, shown)
                by_number: dict[int, object] = {v.number: v for v in views}
                best = max((locator.score(v) for v in views if locator.answers(v, fields)), default=0.0)
                views_of[hit.doc] = (by_number, fields, best)
            by_number, fields, best = views_of[hit.doc]
            view = by_number.get(hit.passage)
            if view is None:
                out.append(None)
                continue
            weights = locator.weights(view)  # type: ignore[arg-type]
            matches = tuple(
                Match(
                    _label(field, asked_word),
                    _readable(field, asked_word),
                    tuple(_readable(field, t) for t in matched),
                    sum(
                        weights.get(w, 0.0) for t in matched for w in ([t] if field == "ents" else t.strip('"').split())
                    ),
                )
                for field, asked_word, matched in locator.explain(view, fields)  # type: ignore[arg-type]
            )
            passage = locator.score(view)  # type: ignore[arg-type]
            share = 0.5 + 0.5 * passage / (best or 1.0)
            out.append(Why(matches, hit.score / share, passage, best, hit.score))
    return out


def _label(field: str, term: str) -> str:
    """The field as the query language names it: an entity key's type (person, org ...)."""
    if field == "ents" and "|" in term:
        return term.split("|", 1)[0]
    return FIELD_LABELS.get(field, field)


def _readable(field: str, term: str) -> str:
    """An entity key (person|vladimir_putin) as a person reads it (vladimir putin)."""
    if field == "ents" and "|" in term:
        return term.split("|", 1)[1].replace("_", " ")
    return term
