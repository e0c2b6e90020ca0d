"""Saved searches: a query kept per corpus, and which of its matching passages are new since it was
last opened. Passages are known by their stable id (`Passage.pid`), so a passage that only moved
is not new, and one whose text changed is. Kept in RALIGN_HOME's state, one JSON file a corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from index import paths, safe_write
from index.notes.front_matter import now_iso

if TYPE_CHECKING:
    from index.store.corpus_index import CorpusIndex

MAX_MATCHES = 20_000  # passages read per saved search; past it "total" is a lower bound


class SavedSearch(NamedTuple):
    query: str
    created: str
    opened: str  # when it was last opened ("" never)
    seen: frozenset[str]  # passage ids matching when it was last opened


class SavedStatus(NamedTuple):
    search: SavedSearch
    total: int
    new: tuple[tuple[str, int], ...]  # (doc, passage) of matches not seen, in rank order
    error: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "query": self.search.query,
            "total": self.total,
            "new": len(self.new),
            "new_passages": [{"doc": doc, "passage": passage} for doc, passage in self.new],
            "created": self.search.created,
            "opened": self.search.opened,
            "error": self.error,
        }


def _file(corpus: Path) -> Path:
    return paths.corpus_state_dir(corpus) / "saved-searches.json"


def load(corpus: Path) -> list[SavedSearch]:
    try:
        data = json.loads(_file(corpus).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found = []
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("query"), str):
            seen = entry.get("seen", [])
            found.append(
                SavedSearch(
                    entry["query"],
                    str(entry.get("created", "")),
                    str(entry.get("opened", "")),
                    frozenset(str(s) for s in seen) if isinstance(seen, list) else frozenset(),
                )
            )
    return found


def _change(corpus: Path, change: Callable[[list[SavedSearch]], list[SavedSearch] | None]) -> None:
    """Read the saved searches, change them, write them back, all under the file's lock: a reader and a
    CLI call saving at once both keep theirs. `change` returns None when nothing is to be written."""
    target = _file(corpus)
    target.parent.mkdir(parents=True, exist_ok=True)
    with safe_write.locked(target):
        searches = change(load(corpus))
        if searches is None:
            return
        data = [{"query": s.query, "created": s.created, "opened": s.opened, "seen": sorted(s.seen)} for s in searches]
        safe_write.replace(target, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def matches(index: CorpusIndex, query: str) -> tuple[list[tuple[str, int, str]], str]:
    """(doc, passage, pid) of every passage matching, in rank order, and an error ("" when none)."""
    raw = index.search_raw(query, limit=MAX_MATCHES)
    keys = [(hit.doc, hit.num) for hit in raw.hits]
    pids = index.side.passage_pids(keys)
    return [(doc, num, pids[(doc, num)]) for doc, num in keys if (doc, num) in pids], raw.error


def add(index: CorpusIndex, query: str) -> SavedSearch:
    """Keep a query; what matches now counts as seen. Saving it again marks it seen."""
    query = query.strip()
    if not query:
        raise ValueError("an empty query cannot be saved")
    found, error = matches(index, query)
    if error:
        raise ValueError(error)
    now = now_iso()
    saved = SavedSearch(query, now, now, frozenset(pid for _, _, pid in found))
    _change(index.corpus, lambda searches: [*(s for s in searches if s.query != query), saved])
    return saved


def remove(corpus: Path, query: str) -> bool:
    removed = False

    def without(searches: list[SavedSearch]) -> list[SavedSearch] | None:
        nonlocal removed
        kept = [s for s in searches if s.query != query]
        removed = len(kept) != len(searches)
        return kept if removed else None

    _change(corpus, without)
    return removed


def status(index: CorpusIndex, search: SavedSearch) -> SavedStatus:
    found, error = matches(index, search.query)
    new = tuple((doc, num) for doc, num, pid in found if pid not in search.seen)
    return SavedStatus(search, len(found), new, error)


def statuses(index: CorpusIndex) -> list[SavedStatus]:
    return [status(index, search) for search in load(index.corpus)]


def mark_opened(index: CorpusIndex, query: str) -> None:
    """Opening a saved search: everything matching now has been seen."""
    found, _ = matches(index, query)
    now = now_iso()
    seen = frozenset(pid for _, _, pid in found)
    _change(
        index.corpus, lambda searches: [s._replace(opened=now, seen=seen) if s.query == query else s for s in searches]
    )
