"""The reader driven by real keys, asserting on what the screen shows."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from time import monotonic

import pytest
from textual.widgets import Input

from index import paths
from index.model import IndexReport
from tests.conftest import SEEDS, write
from tests.readerkit import main, open_selected, reader, ready, results, search_for, settle, view, wait_until
from tui.messages import IndexFinished
from tui.screens.help import HelpScreen
from tui.screens.reader_screen import live_check_due
from tui.widgets.side_panel import SidePanel


async def test_first_frame_lists_documents_and_focus_is_on_results() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert results(app).has_focus
        assert results(app).option_count == 5
        assert "5 documents" in main(app).sub_title


async def test_a_warm_start_builds_no_progress_bar_and_no_find_box(tiny_corpus: Path) -> None:
    """Widgets a warm start does not show are not built: each one costs time before the first frame."""
    first = reader(tiny_corpus)
    async with first.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert not main(app).query("#index-progress") and not main(app).query("#find")
        await open_selected(pilot)
        await pilot.press("slash")  # in the document pane: find, built now
        assert main(app).query_one("#find", Input).has_focus


async def test_slash_query_enter_lists_hits_and_enter_opens_highlighted(tiny_corpus: Path) -> None:
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        assert results(app).mode == "hits" and results(app).option_count == 1
        assert results(app).has_focus
        await open_selected(pilot, "pipeline.txt")
        doc_view = view(app)
        assert doc_view.has_focus
        assert doc_view.document is not None and doc_view.document.doc == "pipeline.txt"
        assert doc_view.passage_number == 3
        assert "Gazprom signed the contract" in doc_view.visible_text()
        assert [doc_view.document.text[s.start : s.end] for s in doc_view.hit_spans] == ["Gazprom"]


async def test_burst_of_keys_follows_focus_into_the_search_box(tiny_corpus: Path) -> None:
    """tmux send-keys / putin Enter delivers all keys at once; none may go to the old widget."""
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"siberia", "enter", "enter")
        await wait_until(pilot, lambda: view(app).document is not None, "the first hit to open")
        assert main(app).query_one("#query", Input).value == "siberia"
        assert view(app).document.doc == "pipeline.txt"  # type: ignore[union-attr]


async def test_n_walks_hits_and_crosses_into_the_next_document() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "shoigu")
        docs_in_order = results(app).documents_in_order()
        assert len(docs_in_order) == 2
        await open_selected(pilot)
        first_doc = view(app).document.doc  # type: ignore[union-attr]
        seen = {first_doc}
        for _ in range(6):
            await pilot.press("n")
            await settle(pilot)
            await wait_until(pilot, lambda: view(app).document is not None, "a document")
            seen.add(view(app).document.doc)  # type: ignore[union-attr]
        assert seen == set(docs_in_order)
        last_doc = view(app).document.doc  # type: ignore[union-attr]
        assert last_doc == docs_in_order[-1]
        for _ in range(6):
            await pilot.press("N")
            await settle(pilot)
        await wait_until(pilot, lambda: view(app).document.doc == docs_in_order[0], "crossing back")  # type: ignore[union-attr]


async def test_escape_returns_to_results_and_backspace_goes_back(tiny_corpus: Path) -> None:
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_selected(pilot)  # first document of the list
        first = view(app).document.doc  # type: ignore[union-attr]
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: view(app).document.doc != first, "the next document")  # type: ignore[union-attr]
        await pilot.press("backspace")
        await wait_until(pilot, lambda: view(app).document.doc == first, "going back")  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause()
        assert results(app).has_focus


async def test_passage_cursor_moves_with_j_k_g_G() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_selected(pilot)
        await pilot.press("g", "j", "j")
        assert view(app).passage_number == 3
        await pilot.press("k")
        assert view(app).passage_number == 2
        await pilot.press("G")
        assert view(app).passage_number == len(view(app).document.passages)  # type: ignore[union-attr]
        assert main(app).query_one(SidePanel).query_one("#outline").highlighted == view(app).cursor


async def test_slash_in_document_finds_within_it() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_selected(pilot)
        await pilot.press("slash")
        find = main(app).query_one("#find", Input)
        assert find.display and find.has_focus
        await pilot.press(*"moscow", "enter")
        await pilot.pause()
        doc_view = view(app)
        assert doc_view.find_spans and doc_view.has_focus
        text = doc_view.document.text  # type: ignore[union-attr]
        start = doc_view.document.passages[doc_view.cursor].start  # type: ignore[union-attr]
        end = doc_view.document.passages[doc_view.cursor].end  # type: ignore[union-attr]
        assert "moscow" in text[start:end].lower()


async def test_help_names_every_key() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        for _, bindings in app.binding_sources():
            for binding in bindings:
                assert f"`{binding.id}`" in app.screen.table
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits_but_types_in_the_search_box() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", "q")
        assert main(app).query_one("#query", Input).value == "q"
        await pilot.press("escape", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_did_you_mean_and_taking_it() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "siberai")
        status = str(main(app).query_one("#search-status").render())
        assert "Did you mean" in status and "siberia" in status
        await pilot.press("ctrl+y")
        assert main(app).query_one("#query", Input).value == "siberia"
        await wait_until(pilot, lambda: results(app).mode == "hits" and results(app).option_count >= 1, "hits")


async def test_bad_query_shows_a_message_inline_not_a_crash() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        for query in ['"unbalanced', "(((", "title:", "*", "x~99", "AND", "a" * 5000]:
            main(app).query_one("#query", Input).value = query
            await wait_until(
                pilot, lambda q=query: main(app).result is not None and main(app).result.query == q, repr(query)
            )
        assert app.is_running


async def test_narrow_terminal_folds_the_side_panel_and_e_brings_it_back() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        side = main(app).query_one(SidePanel)
        assert not side.display
        await pilot.press("e")
        await pilot.pause()
        assert side.display
        await pilot.press("e")
        await pilot.pause()
        assert not side.display


async def test_the_layout_class_is_right_from_the_start_and_follows_resizes() -> None:
    """The screen is born with its breakpoint class (so start-up restyles once) and still follows resizes."""
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        screen = main(app)
        assert screen.has_class("-wide") and not screen.has_class("-narrow")
        assert screen.query_one(SidePanel).display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow") and not screen.has_class("-wide")
        assert not screen.query_one(SidePanel).display
    narrow = reader(SEEDS)
    async with narrow.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert main(narrow).has_class("-narrow") and not main(narrow).has_class("-wide")


async def test_collection_turned_off_for_start_up_is_turned_back_on() -> None:
    """`ralign-tui` starts the reader with the garbage collector off; the drawn reader turns it on."""
    gc.disable()
    try:
        app = reader(SEEDS)
        async with app.run_test(size=(140, 40)) as pilot:
            await ready(pilot)
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_reading_position_and_query_come_back(tiny_corpus: Path) -> None:
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await search_for(pilot, "gazprom")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("k")
        await pilot.press("q")
    again = reader(tiny_corpus)
    async with again.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert main(again).query_one("#query", Input).value == "gazprom"
        assert view(again).document is not None and view(again).document.doc == "pipeline.txt"
        assert view(again).passage_number == 2


async def test_files_changed_while_running_are_reindexed(tiny_corpus: Path) -> None:
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        write(tiny_corpus, "late.txt", "A late arrival about Rosatom.")
        main(app)._live_check()
        await wait_until(pilot, lambda: results(app).option_count == 4, "the new file in the list")
        await search_for(pilot, "rosatom")
        assert results(app).targets[0].doc == "late.txt"


async def test_a_slow_quiet_folder_check_spaces_the_next_one(tiny_corpus: Path) -> None:
    """An idle reader on a large folder must not stat every file every 4 s (14 % of a core at 40,000)."""
    app = reader(tiny_corpus)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        screen = main(app)
        started: list[bool] = []
        screen.start_indexing = lambda rebuild=False, live=False: started.append(live)  # type: ignore[method-assign]
        screen.post_message(IndexFinished(IndexReport(0, 0, 3, ()), live=True, seconds=2.0))  # a 2 s check
        await pilot.pause()
        screen._live_check()
        assert started == []  # the next waits 25 x 2 s
        screen._last_check = (monotonic() - 51, 2.0)
        screen._live_check()
        assert started == [True]
    assert live_check_due((100.0, 0.01), 104.0)  # a small folder keeps the 4 s tick
    assert not live_check_due((100.0, 1.0), 110.0)


async def test_ui_stays_responsive_while_a_large_corpus_indexes(tmp_path: Path) -> None:
    folder = tmp_path / "large"
    sentence = "Analysts in Moscow and Beijing discussed the pipeline, the S-400 and the summit. "
    for i in range(600):
        write(folder, f"doc{i:04}.txt", f"Title {i}\n\n" + sentence * 12 + f"\n\nUnique marker w{i}x.\n")
    app = reader(folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        typed_during_indexing = False
        progress_seen = False
        for _ in range(200):
            progress_seen |= any(bar.display for bar in screen.query("#index-progress"))
            if screen._indexing:
                await pilot.press("slash", "p")
                typed_during_indexing = screen.query_one("#query", Input).value.endswith("p")
                break
            await pilot.pause(0.01)
        assert typed_during_indexing and progress_seen
        await wait_until(pilot, lambda: not screen._indexing, "indexing to finish", seconds=120)
        await settle(pilot)
        assert not any(bar.display for bar in screen.query("#index-progress"))
        await search_for(pilot, "w599x")
        assert results(app).targets[0].doc == "doc0599.txt"


async def test_broken_config_is_reported_and_defaults_used() -> None:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('[keys]\n"hit.next" = \n', encoding="utf-8")
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert "config.toml" in app.config_error
        assert any("config.toml" in str(n.message) for n in app._notifications)


async def test_keys_can_be_remapped_in_config() -> None:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('[keys]\n"search.focus" = "ctrl+k"\n', encoding="utf-8")
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert main(app).query_one("#query", Input).has_focus
        assert "ctrl+k" in app.key_display()["search.focus"].lower() or "^k" in app.key_display()["search.focus"]


async def test_hostile_document_shows_its_characters_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    write(folder, "[bold]x[/].txt", "[red]Title[/] \x1b]0;pwned\x07 [/]\n\nMarkup [bold red]x[/] and \x1b[2J here.\n")
    app = reader(folder)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_selected(pilot)
        shown = view(app).visible_text()
        assert "[bold red]x[/]" in shown and "\x1b" not in shown
        svg = app.export_screenshot()
        assert "[bold&#160;red]x[/]" in svg or "[bold red]x[/]" in svg
        assert "pwned" in svg and "\x1b" not in svg


def test_env_isolated() -> None:
    assert os.environ["RALIGN_HOME"]


async def test_o_opens_the_file_in_the_editor_at_the_passage(monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib

    import tui.editor as editor_module

    calls: list[list[str]] = []
    monkeypatch.setenv("EDITOR", "myeditor --wait")
    monkeypatch.setattr(editor_module.subprocess, "call", lambda argv: calls.append(argv) or 0)
    app = reader(SEEDS)
    monkeypatch.setattr(type(app), "suspend", lambda self: contextlib.nullcontext())
    async with app.run_test(size=(150, 45)) as pilot:
        await ready(pilot)
        await search_for(pilot, "karaganov")
        await open_selected(pilot, "003_fbb29aa8b82af950.txt")
        document_view = view(app)
        document_view.focus()
        await pilot.press("o")
        await settle(pilot)
        passage = document_view.document.passages[document_view.cursor]  # type: ignore[union-attr]
        opening = document_view.document.passage_text(passage).split()[:3]  # type: ignore[union-attr]
    [argv] = calls
    assert argv[:2] == ["myeditor", "--wait"] and argv[2].startswith("+")
    line = (SEEDS / "003_fbb29aa8b82af950.txt").read_text(encoding="utf-8").splitlines()[int(argv[2][1:]) - 1]
    assert line.split()[:3] == opening  # the editor opens on the passage's first line
    assert argv[3] == str(SEEDS / "003_fbb29aa8b82af950.txt")
