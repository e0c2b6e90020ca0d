"""The corpus folder unplugged while the reader is open: said once (not at every live check), the
documents stay listed and searchable, and the reader goes on when the folder is back."""

from __future__ import annotations

from pathlib import Path

from tests.readerkit import main, reader, ready, settle, wait_until


async def test_a_corpus_folder_gone_while_reading_is_said_once_and_keeps_the_index(tiny_corpus: Path) -> None:
    app = reader(tiny_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        screen = main(app)
        away = tiny_corpus.with_name("away")
        tiny_corpus.rename(away)

        def said() -> list[str]:
            return [n.message for n in app._notifications if "corpus folder" in n.message]

        for _ in range(2):  # two live checks while it is gone
            screen.start_indexing(live=True)
            await wait_until(pilot, lambda: not screen._indexing, "the live check")
            await settle(pilot)
        assert len(said()) == 1 and str(tiny_corpus) in said()[0]
        assert screen.index.document_count() == 3
        away.rename(tiny_corpus)
        screen.start_indexing(live=True)
        await wait_until(pilot, lambda: not screen._indexing, "the live check")
        assert screen.index.document_count() == 3 and len(said()) == 1
