from pathlib import Path

import pytest

from index.corpus.metadata import extract, normalise_date
from index.corpus.scan import document_from_bytes, load_all, load_corpus_metadata
from index.errors import ConfigError
from tests.conftest import SEEDS, write


def test_title_before_publication_line_skips_chrome() -> None:
    meta = extract(
        "Placeholder canvas\n\nA Real Title Here\n\nPublication: Eurasia Daily Monitor Volume: 15 Issue: 59\n\nBody."
    )
    assert meta.title == "A Real Title Here"
    assert meta.publication == "Eurasia Daily Monitor"
    assert dict(meta.extra) == {"volume": "15", "issue": "59"}


def test_breadcrumb_then_title_and_byline_with_season() -> None:
    text = (
        "Home Section: Things (Fall 2016) The Title: Of It\n\nThe Title: Of It\n\n"
        "Jane Q. Public Fall 2016\nSOURCE\nBody text."
    )
    meta = extract(text)
    assert meta.title == "The Title: Of It"
    assert meta.author == "Jane Q. Public"
    assert meta.published == "2016"


def test_byline_at_the_end_and_first_sentence_title() -> None:
    meta = extract(
        "Long opening sentence of an article with no title line at all, running on. More.\n"
        "• David R. Sands can be reached at x@y."
    )
    assert meta.author == "David R. Sands"
    assert meta.title.startswith("Long opening sentence")


def test_front_matter_wins_and_is_removed_from_text() -> None:
    doc = document_from_bytes("a.md", b"---\ntitle: Given Title\ndate: March 26, 2016\nsource: wire\n---\nBody here.\n")
    assert not isinstance(doc, type(None))
    assert doc.meta.title == "Given Title"  # type: ignore[union-attr]
    assert doc.meta.published == "2016-03-26"  # type: ignore[union-attr]
    assert dict(doc.meta.extra)["source"] == "wire"  # type: ignore[union-attr]
    assert doc.text.startswith("Body here.")  # type: ignore[union-attr]


def test_dates() -> None:
    assert normalise_date("March 26, 2016") == "2016-03-26"
    assert normalise_date("April 2014") == "2014-04"
    assert normalise_date("Fall 2016") == "2016"


def test_seeds_metadata() -> None:
    docs, skipped = load_all(SEEDS)
    assert not skipped
    by_id = {d.doc: d.meta for d in docs}
    assert by_id["003_fbb29aa8b82af950.txt"].title.startswith("Toward a More Perfect Alliance")
    assert by_id["002_f3a37438de5b7047.txt"].title == "New Momentum in the Russia-China Partnership"
    assert by_id["004_22117458742b9189.txt"].author == "Stephen Blank"
    assert by_id["000_110210e14c1e0fc0.txt"].publication == "The Washington Times"


def test_broken_metadata_toml_names_the_file(tmp_path: Path) -> None:
    write(tmp_path, "metadata.toml", "[x\ntitle=")
    with pytest.raises(ConfigError, match=r"metadata\.toml"):
        load_corpus_metadata(tmp_path)
