"""Damage seen when the index is opened, not first by a search: the sizes of the files each commit
left (`index.engine.file_sizes`) are checked at open, and a file truncated or deleted since rebuilds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.engine.file_sizes import SIZES_FILE
from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tui.cli import main


def _hits(index: CorpusIndex) -> list[tuple[str, int]]:
    return sorted((h.doc, h.passage) for h in search(index, "china OR gazprom", limit=100).hits)


@pytest.mark.parametrize(("pattern", "how"), [("*.pst", "truncate"), ("*._stored.col", "delete")])
def test_a_file_damaged_since_its_commit_is_found_at_open_and_rebuilt(
    tiny_corpus: Path, capsys: pytest.CaptureFixture[str], pattern: str, how: str
) -> None:
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    clean = _hits(index)
    index.close()
    [damaged] = (index.location / "whoosh").glob(pattern)
    if how == "truncate":
        damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 3])
    else:
        damaged.unlink()
    # `docs` never reads the text index: before, it answered from it as if whole, and only a search failed.
    assert main(["docs", "--json", "--corpus", str(tiny_corpus)]) == 0
    out, err = capsys.readouterr()
    said = " ".join(err.split())
    assert "the index was rebuilt" in said and damaged.name in said and "Traceback" not in said
    assert len(json.loads(out)) == 3
    again = CorpusIndex(tiny_corpus).open()
    assert again.messages == [] and _hits(again) == clean


def test_a_size_table_of_another_commit_is_not_taken_for_damage(tiny_corpus: Path) -> None:
    """A process killed between a commit and its table: the table is an older generation's, and not checked."""
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    index.close()
    table = index.location / "whoosh" / SIZES_FILE
    kept = json.loads(table.read_text(encoding="utf-8"))
    assert kept["files"]  # a commit wrote it
    kept["generation"] -= 1
    kept["files"] = {name: size + 1 for name, size in kept["files"].items()}
    table.write_text(json.dumps(kept), encoding="utf-8")
    again = CorpusIndex(tiny_corpus).open()
    assert again.messages == [] and again.document_count() == 3
