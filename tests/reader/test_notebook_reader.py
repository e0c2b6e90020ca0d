"""The notebook in the reader: a note of several lines typed in the dialog, and `ralign-tui open`
starting the reader at the passage a bookmark's link back names."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from textual.widgets import Input, OptionList

from index import paths
from index.notes.bookmarks import BookmarkFile
from index.notes.links import parse_target
from tests.conftest import SEEDS
from tests.readerkit import main, open_selected, reader, ready, search_for, settle, view, wait_until
from tui.app import open_at
from tui.screens.note_dialog import NoteDialog
from tui.screens.saved_searches import SavedSearchesScreen
from tui.widgets.document_view import DocumentView

DOC = "002_f3a37438de5b7047.txt"


async def test_the_dialog_takes_a_note_of_several_lines() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        await open_selected(pilot, DOC)
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteDialog), "the note dialog")
        await pilot.press(*"first line", "enter", *"second line", "tab", *"#energy #loans")
        await pilot.press("ctrl+s")
        file = BookmarkFile(paths.corpus_bookmarks_file(SEEDS))
        await wait_until(pilot, lambda: file.bookmarks(), "the bookmark on disk")
        [saved] = file.bookmarks()
        assert saved.note == "first line\nsecond line" and saved.tags == ("energy", "loans")
        text = file.path.read_text(encoding="utf-8")
        assert "first line\nsecond line\n" in text and f"^{saved.id}\n" in text


async def test_the_link_back_opens_the_reader_at_its_passage() -> None:
    file = BookmarkFile(paths.corpus_bookmarks_file(SEEDS))
    from index.notes.bookmarks import bookmark_for
    from index.store.corpus_index import open_index

    index = open_index(SEEDS)
    index.update()
    document = index.document(DOC)
    assert document is not None
    file.add(bookmark_for(document, 9, str(index.corpus), "why"))
    command = re.search(r"\*\*Open:\*\* `([^`]+)`", file.path.read_text(encoding="utf-8"))
    assert command is not None
    argv = shlex.split(command.group(1))
    assert argv[:2] == ["ralign-tui", "open"] and Path(argv[3]) == SEEDS
    doc, passage = parse_target(argv[-1])
    app = reader(Path(argv[3]))
    open_at(app, doc, passage)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await wait_until(pilot, lambda: view(app).document is not None, "the document")
        assert view(app).document.doc == DOC  # type: ignore[union-attr]
        assert view(app).passage_number == 9


async def test_save_a_search_then_see_what_is_new_and_open_it(seeds_copy: Path) -> None:
    from index.notes import saved_searches

    app = reader(seeds_copy)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"gazprom", "ctrl+s")
        index = main(app).index
        await wait_until(pilot, lambda: saved_searches.load(index.corpus), "the saved search on disk")
        (seeds_copy / "zz_new.txt").write_text("Gazprom signs.\n\nWeather.\n\nGazprom again.\n", encoding="utf-8")
        main(app).start_indexing()
        await settle(pilot)
        main(app).set_focus(main(app).query_one(DocumentView))
        await pilot.press("S")
        await wait_until(pilot, lambda: isinstance(app.screen, SavedSearchesScreen), "the saved searches")
        screen = app.screen
        assert isinstance(screen, SavedSearchesScreen)
        await wait_until(pilot, lambda: screen.shown, "the list")
        assert len(screen.shown[0].new) == 2
        assert "2 new" in str(screen.query_one("#saved-list", OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, SavedSearchesScreen), "the list closed")
        await settle(pilot)
        assert main(app).query_one("#query", Input).value == "gazprom"
        assert not saved_searches.status(index, saved_searches.load(index.corpus)[0]).new


async def test_curating_from_the_side_panel_then_undoing(isolated_home: Path) -> None:
    from index.entities.gazetteer import user_file
    from tui.screens.curate_dialog import CurateDialog
    from tui.widgets.side_panel import SidePanel

    app = reader(SEEDS)
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        await open_selected(pilot, DOC)
        panel = main(app).query_one(SidePanel)
        assert panel.outer_size.width == 50  # a quarter of a 200-column terminal
        await wait_until(pilot, lambda: any(e and e.name == "Alexei Miller" for e in panel._shown_entities), "entities")
        listing = panel.query_one("#entities", OptionList)
        listing.focus()
        listing.highlighted = next(i for i, e in enumerate(panel._shown_entities) if e and e.name == "Alexei Miller")
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CurateDialog), "the curate dialog")
        await pilot.press("m", *"Xi Jinping", "enter")
        await wait_until(pilot, lambda: user_file().is_file(), "entities.toml")
        assert user_file().read_text(encoding="utf-8") == '[PERSON]\n"Alexei Miller" = ["Xi Jinping"]\n'
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Xi Jinping is now a name of Alexei Miller") for m in said)  # it read the other way
        index = main(app).index
        await wait_until(pilot, lambda: not index.mentions(name="Xi Jinping"), "the merge in the index")
        assert index.mentions(name="Alexei Miller")
        main(app).set_focus(view(app))
        await pilot.press("ctrl+z")
        await wait_until(pilot, lambda: not user_file().exists(), "the undo")
        await settle(pilot)
        await wait_until(pilot, lambda: index.mentions(name="Xi Jinping"), "the entities back")


async def test_the_entity_view_lists_filters_and_jumps() -> None:
    from tui.screens.entity_view import EntityView
    from tui.widgets.side_panel import SidePanel

    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        await open_selected(pilot, DOC)
        panel = main(app).query_one(SidePanel)
        await wait_until(pilot, lambda: any(e and e.name == "Russia" for e in panel._shown_entities), "entities")
        listing = panel.query_one("#entities", OptionList)
        listing.focus()
        listing.highlighted = next(i for i, e in enumerate(panel._shown_entities) if e and e.name == "Russia")
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, EntityView), "the entity view")
        screen = app.screen
        assert isinstance(screen, EntityView)
        await wait_until(pilot, lambda: screen.note is not None, "the passages")
        every = [row for row in screen.rows if row is not None]
        assert len({row.doc for row in every}) > 1  # grouped by document, more than one
        assert all("russia" in row.sentence.lower() for row in every[:5])
        await pilot.press("slash", *"pipeline", "enter")
        shown = [row for row in screen.rows if row is not None]
        assert shown and len(shown) < len(every) and all("pipeline" in f"{r.sentence} {r.title}".lower() for r in shown)
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, EntityView), "the jump")
        await wait_until(pilot, lambda: view(app).document and view(app).document.doc == shown[0].doc, "the document")
        await wait_until(pilot, lambda: view(app).passage_number == shown[0].passage, "the passage")


def test_o_opens_at_the_passage_in_a_file_with_front_matter(tmp_path: Path, monkeypatch: object) -> None:
    import contextlib
    import subprocess

    from index.store.corpus_index import open_index
    from tui.editor import open_in_editor

    corpus = tmp_path / "c"
    corpus.mkdir()
    path = corpus / "note.md"
    path.write_text("---\ntitle: A note\nauthor: Me\n---\nFirst paragraph here.\n\nSecond paragraph there.\n")
    index = open_index(corpus)
    index.update()
    document = index.document("note.md")
    assert document is not None
    calls: list[list[str]] = []

    class _App:
        def suspend(self) -> contextlib.AbstractContextManager[None]:
            return contextlib.nullcontext()

    original = subprocess.call
    subprocess.call = lambda argv: calls.append(argv) or 0  # type: ignore[assignment]
    try:
        assert open_in_editor(_App(), "ed", document, 1, corpus) == ""  # type: ignore[arg-type]
    finally:
        subprocess.call = original
    [argv] = calls
    assert path.read_text().splitlines()[int(argv[1][1:]) - 1] == "Second paragraph there."


async def test_a_theme_chosen_is_kept_for_the_next_launch(isolated_home: Path) -> None:
    (isolated_home).mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("# mine\n[keys]\n", encoding="utf-8")
    app = reader(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert (isolated_home / "config.toml").read_text(encoding="utf-8") == '# mine\ntheme = "nord"\n[keys]\n'
    again = reader(SEEDS)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


def test_help_starts_with_launching_the_reader(capsys: object) -> None:
    from tui.cli import main as cli

    assert cli(["--help"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.startswith("usage: ralign-tui [PATH]")
