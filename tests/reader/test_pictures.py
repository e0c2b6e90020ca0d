"""The picture views driven by real keys: timeline (T), who appears with whom (W), why this hit (w),
the sparkline of the chosen entity; each asserted on what the screen shows, and Enter jumps."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.conftest import SEEDS
from tests.readerkit import main, open_selected, reader, ready, search_for, settle, view, wait_until
from tui.screens.cooccur import CooccurScreen
from tui.screens.timeline import TimelineScreen
from tui.screens.why import WhyScreen
from tui.widgets.mention_spark import MentionSpark
from tui.widgets.time_axis import TimeAxis


def _prompts(listing: OptionList) -> list[str]:
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_timeline_draws_an_axis_and_enter_opens_the_passage() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("T")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.items, "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        axis = str(screen.query_one(TimeAxis).render())
        assert "2015" in axis and "▲ 1969" in axis  # year ticks, and the marker at the first item
        dates = [item.date for item in screen.items]
        assert dates == sorted(dates)
        rows = _prompts(screen.query_one("#timeline-list", OptionList))
        siberia = next(i for i, row in enumerate(rows) if row.startswith("2018-03-28*"))
        for _ in range(siberia):
            await pilot.press("down")
        assert "▲ 2018-03-28" in str(screen.query_one(TimeAxis).render())
        await pilot.press("enter")
        await wait_until(pilot, lambda: view(app).document is not None, "the passage to open")
        await settle(pilot)
        assert view(app).document.doc == "003_fbb29aa8b82af950.txt"  # type: ignore[union-attr]
        assert view(app).passage_number == 6
        assert "Power of Siberia" in view(app).visible_text()


async def test_timeline_follows_the_query_and_a_shows_all() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await search_for(pilot, '"Power of Siberia"')
        await pilot.press("T")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen) and app.screen.items, "the timeline")
        filtered = len(app.screen.items)  # type: ignore[attr-defined]
        assert {item.doc for item in app.screen.items} == {"003_fbb29aa8b82af950.txt"}  # type: ignore[attr-defined]
        await pilot.press("a")
        await wait_until(pilot, lambda: len(app.screen.items) > filtered, "the whole timeline")  # type: ignore[attr-defined]
        await pilot.press("escape")
        assert not isinstance(app.screen, TimelineScreen)


async def test_entity_sparkline_then_who_appears_with_and_jump() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(pilot)
        await open_selected(pilot)
        main(app).set_focus(main(app).query_one("#entity-filter", Input))
        await pilot.press(*"putin", "enter", "down", "enter")
        await wait_until(pilot, lambda: main(app).query_one(MentionSpark).display, "the sparkline")
        await settle(pilot)
        spark = str(main(app).query_one(MentionSpark).render())
        assert spark.startswith("Vladimir Putin") and "in 5/5 docs" in spark and "2015" in spark
        await pilot.press("W")
        await wait_until(pilot, lambda: isinstance(app.screen, CooccurScreen) and app.screen.found, "co-occurrence")
        screen = app.screen
        listing = screen.query_one("#cooccur-list", OptionList)
        assert "Xi Jinping" in "".join(_prompts(listing)[:3])
        xi = next(i for i, row in enumerate(_prompts(listing)) if "Xi Jinping" in row)
        for _ in range(xi):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.passages, "the shared passages")  # type: ignore[attr-defined]
        assert "naming Vladimir Putin and Xi Jinping" in str(listing.border_title)
        await pilot.press("escape")  # back to the ranked list, then into the pair again
        await wait_until(pilot, lambda: screen.pair is None, "the ranked list")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.pair and screen.passages, "the shared passages")  # type: ignore[attr-defined]
        doc, number = screen.passages[0][0], screen.passages[0][2]  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, CooccurScreen), "the jump")
        await wait_until(pilot, lambda: view(app).passage_number == number, "the shared passage")
        assert view(app).document.doc == doc  # type: ignore[union-attr]


async def test_w_says_why_a_hit_matched() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await search_for(pilot, "sibe*")
        await pilot.press("y")
        line = lambda: str(main(app).query_one("#results").border_subtitle or "")  # noqa: E731
        await wait_until(pilot, lambda: "text:sibe*→siberia" in line(), "the line under the results")
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, WhyScreen), "the explanation")
        shown = app.screen.why  # type: ignore[attr-defined]
        assert shown is not None and shown.matches[0].matched == ("siberia",)
        assert app.screen.heading.startswith("Toward a More Perfect Alliance")  # type: ignore[attr-defined]  # not a file id
        await pilot.press("escape")
        assert not isinstance(app.screen, WhyScreen)
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, WhyScreen), "the explanation again")
        await pilot.press("enter")  # opens the passage it explains (it only closed)
        await wait_until(pilot, lambda: view(app).document is not None, "the passage to open")
        assert view(app).document.doc == "003_fbb29aa8b82af950.txt"  # type: ignore[union-attr]
        assert "Siberia" in view(app).visible_text()


async def test_the_palette_opens_the_views() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"view: timeline")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline from the palette")


def test_spark_fits_the_width_and_never_hides_a_mention() -> None:
    from tui.widgets.mention_spark import spark

    assert spark([0, 1, 8], 3) == " ▁█"
    assert spark([0, 1, 8], 9) == "   ▁▁▁███"  # few values: wider bars
    many = spark([1] + [0] * 99 + [50], 10)
    assert len(many) == 10 and many[0] != " " and many[-1] == "█"


async def test_who_appears_with_keeps_each_link_on_one_line_at_140_columns() -> None:
    app = reader(SEEDS)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await open_selected(pilot)
        main(app).set_focus(main(app).query_one("#entity-filter", Input))
        await pilot.press(*"putin", "enter", "down", "enter")
        await pilot.press("W")
        await wait_until(pilot, lambda: isinstance(app.screen, CooccurScreen) and app.screen.found, "co-occurrence")
        await settle(pilot)
        listing = app.screen.query_one("#cooccur-list", OptionList)
        room = listing.scrollable_content_region.width
        widths = [listing.get_option_at_index(i).prompt.cell_len for i in range(listing.option_count)]  # type: ignore[union-attr]
        assert widths and max(widths) <= room  # the strongest link's bar no longer pushed its label onto a second line
