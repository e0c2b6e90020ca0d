"""A warm start draws the document list from the index on disk, in the first frame, and reads it once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.message import Message

from index.model import DocSummary, Metadata
from index.store.corpus_index import CorpusIndex
from tests.readerkit import main, reader, ready, results, settle
from tui.messages import DocumentsListed
from tui.widgets.results import ResultsList


async def test_a_warm_start_lists_the_documents_before_any_job_and_only_once(tiny_corpus: Path) -> None:
    first = reader(tiny_corpus)
    async with first.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
    seen: list[Message] = []
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40), message_hook=seen.append) as pilot:
        # At the first frame the list is there already, read from the side store, and no job lists it.
        assert results(app).option_count == 3
        assert not [w for w in app.workers if w.name == "list_documents"]
        await settle(pilot)
        assert results(app).option_count == 3
        # The full check found nothing changed: the list drawn at start stands, no job lists it again.
        assert not [m for m in seen if isinstance(m, DocumentsListed)]
        assert "3 documents" in main(app).sub_title


def test_the_list_on_disk_is_read_without_whoosh(tiny_corpus: Path, tmp_path: Path) -> None:
    """Importing Whoosh and opening its index is a third of a warm start: the first frame needs neither."""
    env = {**os.environ, "RALIGN_HOME": str(tmp_path / "home")}
    subprocess.run([sys.executable, "-m", "tui", "index", str(tiny_corpus)], env=env, capture_output=True, check=True)
    code = (
        "import sys\n"
        "from index.store.corpus_index import CorpusIndex\n"
        f"summaries, duplicates = CorpusIndex({str(tiny_corpus)!r}).listing_on_disk()\n"
        "print(len(summaries), sorted(m for m in sys.modules if m.split('.')[0] == 'whoosh'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "[]"]


class _ListApp(App[None]):
    CSS = "#results { height: 100%; width: 40; }"

    def compose(self) -> ComposeResult:
        yield ResultsList(id="results")


async def test_document_rows_are_cut_to_known_heights_not_wrapped() -> None:
    """Each row is a line of title, a line of details and one naming its near-duplicates: the list knows
    its height without wrapping every row, and a long title ends in an ellipsis instead of a second line."""
    long_title = "A very long title about the Power of Siberia pipeline and what it means for both countries"
    summaries = [
        DocSummary(f"d{n}.txt", Metadata(title=long_title if n == 0 else f"Report {n}"), 3, 100) for n in range(50)
    ]
    app = _ListApp()
    async with app.run_test(size=(60, 20)) as pilot:
        listing = app.query_one(ResultsList)
        listing.duplicates = {"d1.txt": ["d2.txt"], "d2.txt": ["d1.txt"]}
        listing.show_documents(summaries)
        await pilot.pause()
        assert listing.virtual_size.height == 50 * 2 + 2
        top = [listing.render_line(y).text for y in range(5)]
        assert top[0].rstrip().endswith("…") and "3 passages" in top[1]
        assert top[2].startswith("Report 1") and "same text as Report 2" in top[3]


def test_a_threshold_below_the_kept_pairs_leaves_the_list_to_a_worker(tiny_corpus: Path) -> None:
    """Below the pairs kept at index time, the marks need the whole-corpus join: never before the first frame."""
    index = CorpusIndex(tiny_corpus).open()
    index.update()
    index.close()
    assert CorpusIndex(tiny_corpus).listing_on_disk(0.1) is None
    listed = CorpusIndex(tiny_corpus).listing_on_disk(0.5)
    assert listed is not None and len(listed[0]) == 3
