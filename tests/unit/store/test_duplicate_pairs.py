"""Near-duplicate pairs kept at index time: they follow additions, edits and removals, and say what the
whole-corpus shingle join says, without the join."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

from index.store.corpus_index import CorpusIndex
from index.xref import queries
from tests.conftest import SEEDS, write


def _article(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(sentences)
    )


def _joined(index: CorpusIndex, threshold: float = 0.5) -> dict[str, set[str]]:
    """What the whole-corpus join says (a max_sharing other than the kept one takes that path)."""
    groups = queries.duplicate_groups(index.side, threshold, max_sharing=queries.duplicate_pairs.MAX_SHARING + 1)
    return {doc: set(others) for doc, others in groups.items()}


def _kept(index: CorpusIndex, threshold: float = 0.5) -> dict[str, set[str]]:
    return {doc: set(others) for doc, others in index.duplicate_groups(threshold).items()}


def _touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_pairs_follow_additions_edits_and_removals(tmp_path: Path) -> None:
    vocabulary = (SEEDS / "004_22117458742b9189.txt").read_text(encoding="utf-8").lower().split()
    rng = random.Random(11)
    original = _article(rng, vocabulary, 50)
    folder = tmp_path / "c"
    write(folder, "original.txt", original)
    write(folder, "stranger.txt", _article(random.Random(12), vocabulary, 50))
    index = CorpusIndex(folder).open()
    index.update()
    assert _kept(index) == {} == _joined(index)

    copy = write(folder, "copy.txt", "Reprinted. " + " ".join(re.split(r"(?<=\.) ", original)[5:40]))
    index.update()
    assert _kept(index) == {"original.txt": {"copy.txt"}, "copy.txt": {"original.txt"}} == _joined(index)
    assert [doc for doc, _ in index.near_duplicates("copy.txt")] == ["original.txt"]

    copy.write_text(_article(random.Random(13), vocabulary, 40), encoding="utf-8")  # no longer a copy
    _touch_later(copy)
    index.update()
    assert _kept(index) == {} == _joined(index)

    write(folder, "again.txt", original + " A new last line.")
    index.update()
    assert _kept(index) == {"original.txt": {"again.txt"}, "again.txt": {"original.txt"}} == _joined(index)
    (folder / "original.txt").unlink()
    index.update()
    assert _kept(index) == {} == _joined(index)
    assert index.near_duplicates("again.txt") == []


def test_kept_pairs_agree_with_the_join_on_the_seeds(seed_index: CorpusIndex) -> None:
    assert _kept(seed_index)  # the seeds hold a scrape and its clean twin
    assert _kept(seed_index) == _joined(seed_index)
    assert _kept(seed_index, 0.9) == _joined(seed_index, 0.9)


def test_a_threshold_below_the_kept_floor_still_answers(seed_index: CorpusIndex) -> None:
    low = queries.duplicate_pairs.STORED_FLOOR / 2
    assert _kept(seed_index, low) == _joined(seed_index, low)
