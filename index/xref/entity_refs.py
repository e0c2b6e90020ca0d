"""Where else an entity appears: one entry a passage naming it, for the reader's side panel and `xref`."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from index.model import XrefEntry
from index.search.results import around
from index.xref.passage_refs import SNIPPET_WIDTH, document_titles, passage_texts

if TYPE_CHECKING:
    from index.store.corpus_index import CorpusIndex


def entity_refs(index: CorpusIndex, name: str, skip_doc: str = "", width: int = SNIPPET_WIDTH) -> list[XrefEntry]:
    """Every passage naming the entity with this canonical name, in document order, outside `skip_doc`.

    Each entry's snippet is cut around the entity as that passage first writes it; `count_in_doc`
    counts the entity's mentions in the entry's document.
    """
    rows = [row for row in index.mentions(name=name) if row.doc != skip_doc]
    per_doc = Counter(row.doc for row in rows)
    written: dict[tuple[str, int], str] = {}
    for row in rows:
        written.setdefault((row.doc, row.passage), row.text)
    texts = passage_texts(index, written)
    titles = document_titles(index)
    return [
        XrefEntry(doc, titles.get(doc, ""), passage, around(texts.get((doc, passage), ""), text, width), per_doc[doc])
        for (doc, passage), text in written.items()
    ]
