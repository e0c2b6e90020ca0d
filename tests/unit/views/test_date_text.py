"""Dates as texts write them, read as ISO text with a precision."""

from __future__ import annotations

import pytest

from index.views.date_text import Resolved, document_year, resolve


@pytest.mark.parametrize(
    ("written", "year", "expected"),
    [
        ("March 26", 2018, Resolved("2018-03-26", "day", True)),
        ("26 March 2015", 2018, Resolved("2015-03-26", "day", False)),
        ("Sept. 3, 2015", None, Resolved("2015-09-03", "day", False)),
        ("May 2014", 2018, Resolved("2014-05", "month", False)),
        ("November", 2014, Resolved("2014-11", "month", True)),
        ("2015-05-08", None, Resolved("2015-05-08", "day", False)),
        ("Spring 2016", None, Resolved("2016-03", "season", False)),
        ("the 1990s", None, Resolved("1990", "decade", False)),
        ("last year", 2016, Resolved("2015", "year", True)),
        ("1969", 2015, Resolved("1969", "year", False)),
    ],
)
def test_dates_read_with_their_precision(written: str, year: int | None, expected: Resolved) -> None:
    assert resolve(written, year) == expected


@pytest.mark.parametrize("written", ["Tuesday", "March 26", "last year", "March 41", "Smarch 3"])
def test_no_date_without_a_year_or_a_real_day(written: str) -> None:
    assert resolve(written, None if written != "March 41" else 2015) is None


def test_document_year_from_partial_iso() -> None:
    assert [document_year(d) for d in ("2018-04", "2015", "", "n.d.")] == [2018, 2015, None, None]
