"""The reader says where a PDF passage stands: in the hit list, under the document pane, as it moves."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import OptionList

from tests.readerkit import main, open_selected, reader, ready, results, search_for, view, wait_until
from tui.screens.note_dialog import NoteDialog

SAMPLES = Path(__file__).parents[1] / "unit" / "corpus" / "samples"


async def test_a_pdf_hit_and_the_document_pane_show_the_page(tmp_path: Path) -> None:
    corpus = tmp_path / "pile"
    corpus.mkdir()
    shutil.copy(SAMPLES / "pdflatex-4-pages.pdf", corpus / "report.pdf")
    app = reader(corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, '"Huardest gefburn"')
        listing = results(app)
        assert listing.mode == "hits" and listing.option_count >= 1
        first = str(listing.get_option_at_index(0).prompt)
        assert "¶1, p. 1" in first
        await open_selected(pilot, "report.pdf")
        pane = view(app)
        assert str(pane.border_subtitle) == "¶1 · p. 1"
        await pilot.press("G")  # the last passage: on the last page
        await wait_until(pilot, lambda: str(pane.border_subtitle).endswith("p. 4"), "the last page's locator")
        outline = main(app).query_one("#outline", OptionList)
        assert "p. 4" in str(outline.get_option_at_index(outline.option_count - 1).prompt)
        main(app).set_focus(pane)
        await pilot.press("b")  # the bookmark dialog says the page too
        await wait_until(pilot, lambda: isinstance(app.screen, NoteDialog), "the note dialog")
        assert ", p. 4 of " in app.screen.heading  # type: ignore[attr-defined]
