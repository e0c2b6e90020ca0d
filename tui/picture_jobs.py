"""The picture views' background jobs: functions of their arguments that ask the core (`index.views`,
`index.search.why`) and post what they found (`tui.picture_messages`); run with `tui.workers.run_job`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.picture_messages import CooccurrenceFound, HitExplained, SharedPassagesFound, SpreadMeasured, TimelineBuilt
from tui.workers import Post

if TYPE_CHECKING:
    from index.model import Hit
    from index.store.corpus_index import CorpusIndex

SNIPPET = 160


def build_timeline(index: CorpusIndex, query: str, entity: str | None, post: Post) -> None:
    from index.views.timeline import timeline

    try:
        post(TimelineBuilt(timeline(index, query, entity)))
    except ValueError as exc:
        post(TimelineBuilt([], str(exc)))


def find_cooccurrence(index: CorpusIndex, name: str, post: Post) -> None:
    from index.views.cooccur import cooccurrence

    post(CooccurrenceFound(cooccurrence(index.side, name, limit=40)))


def find_shared(index: CorpusIndex, first: str, second: str, preview: bool, post: Post) -> None:
    from index.views.cooccur import shared_passages
    from index.xref.passage_refs import document_titles, passage_snippet

    titles = document_titles(index)
    found = [
        (doc, titles.get(doc, ""), number, passage_snippet(index, doc, number, second, width=SNIPPET))
        for doc, number in shared_passages(index.side, first, second)
    ]
    post(SharedPassagesFound(first, second, found, preview))


def measure_spread(index: CorpusIndex, name: str, request: int, post: Post) -> None:
    from index.views.spread import spread

    post(SpreadMeasured(spread(index.side, name), request))


def explain_hit(index: CorpusIndex, query: str, hit: Hit, line: bool, post: Post) -> None:
    from index.search.why import explain

    post(HitExplained(hit.doc, hit.passage, query, explain(index, query, [hit])[0], line))
