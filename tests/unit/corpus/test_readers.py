"""The format readers on real files (tests/unit/corpus/samples/, sources in SOURCES.md)."""

from pathlib import Path

import pytest

from index.corpus import readers
from index.corpus.readers.base import Unreadable
from index.corpus.scan import document_from_bytes, load_all
from index.model import Document, Skipped

SAMPLES = Path(__file__).parent / "samples"


def _document(name: str) -> Document:
    result = document_from_bytes(name, (SAMPLES / name).read_bytes())
    assert isinstance(result, Document), result
    return result


def _where(document: Document, phrase: str) -> list[str]:
    """The locators of the passages that hold the phrase."""
    return [p.locator for p in document.passages if phrase in document.passage_text(p)]


def test_a_pdf_is_read_page_by_page_without_its_page_numbers() -> None:
    document = _document("pdflatex-4-pages.pdf")
    assert {p.locator for p in document.passages} == {"p. 1", "p. 2", "p. 3", "p. 4"}
    assert _where(document, "Huardest gefburn")[0] == "p. 1"
    # The footers "1".."4" are gone: no passage ends with a lone page number.
    assert not any(document.passage_text(p).rsplit(" ", 1)[-1].isdigit() for p in document.passages)
    # Lines are joined into paragraphs: no passage is a single short line.
    assert all(len(document.passage_text(p)) > 60 for p in document.passages)
    assert "\n" not in document.passage_text(document.passages[0])


def test_a_pdf_takes_its_title_from_the_info_dictionary() -> None:
    document = _document("google-doc-document.pdf")
    assert document.meta.title == "PDF Example Document"
    assert _where(document, "Beautiful is better than ugly.") == ["p. 1"]
    assert document.passage_text(document.passages[0]) == "Example document"  # the heading stays its own


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("libreoffice-writer-password.pdf", "encrypted PDF (needs a password)"),
        ("imagemagick-images.pdf", "no text layer (scanned?)"),
    ],
)
def test_an_unreadable_pdf_is_skipped_with_its_reason(name: str, reason: str) -> None:
    assert document_from_bytes(name, (SAMPLES / name).read_bytes()) == Skipped(name, reason)


def test_a_broken_pdf_says_so() -> None:
    data = (SAMPLES / "pdflatex-4-pages.pdf").read_bytes()[:3000]
    result = document_from_bytes("cut.pdf", data)
    assert isinstance(result, Skipped) and result.reason.startswith("broken PDF")


def test_a_wikipedia_page_keeps_its_article_and_drops_the_site_around_it() -> None:
    name = "en.wikipedia.org.tsne.html"
    document = _document(name)
    raw = (SAMPLES / name).read_text(encoding="utf-8")
    assert document.meta.title == "T-distributed stochastic neighbor embedding"
    assert ("url", "https://en.wikipedia.org/wiki/T-distributed_stochastic_neighbor_embedding") in document.meta.extra
    assert "developed by Laurens van der Maaten and Geoffrey Hinton" in " ".join(document.text.split())
    for chrome in ("Privacy policy", "Jump to navigation", "Retrieved from", "Main page"):
        assert chrome in raw and chrome not in document.text
    # Headings are the locators of the paragraphs under them, without the wiki's "[edit]" link.
    assert "Software" in _where(document, "ELKI contains tSNE")
    assert not any("[edit]" in p.locator for p in document.passages)


def test_a_web_page_takes_title_date_and_url_from_its_metadata() -> None:
    name = "creativecommons.org.html"
    document = _document(name)
    raw = (SAMPLES / name).read_text(encoding="utf-8")
    assert document.meta.title == "What we do - Creative Commons"
    assert document.meta.published == "2016-05-22"
    assert "Creative Commons helps you legally share your knowledge" in document.text
    for chrome in ("Donate", "Newsletter", "Subscribe"):
        assert chrome in raw and chrome not in document.text


def test_a_page_the_extractor_rejects_is_read_plainly_without_its_menus() -> None:
    page = (
        b"<html><head><title>Short note</title><script>var x = 'hidden';</script></head><body>"
        b"<nav><a href='/'>Home</a> <a href='/about'>About us</a></nav>"
        b"<h1>Short note</h1><p>Only a line about Wang Yi.</p><footer>All rights reserved</footer></body></html>"
    )
    result = document_from_bytes("note.html", page)
    assert isinstance(result, Document)
    assert result.meta.title == "Short note"
    assert "Wang Yi" in result.text
    assert "About us" not in result.text and "rights reserved" not in result.text and "hidden" not in result.text


def test_an_epub_is_read_in_spine_order_with_its_chapters_as_locators() -> None:
    document = _document("alice-in-wonderland.epub")
    assert document.meta.title == "Alice's Adventures in Wonderland"
    assert document.meta.author == "Lewis Carroll"
    assert set(_where(document, "Down, down, down.")) == {"CHAPTER I. Down the Rabbit-Hole"}
    assert "CHAPTER VII. A Mad Tea-Party" in _where(document, "Have some wine")
    rabbit = document.text.find("Down, down, down.")
    assert 0 < rabbit < document.text.find("Have some wine")  # reading order


def test_a_broken_zip_is_skipped_with_its_reason() -> None:
    for name in ("broken.epub", "broken.docx"):
        result = document_from_bytes(name, b"PK\x03\x04 not really a zip")
        assert isinstance(result, Skipped) and "broken zip" in result.reason


def test_a_word_file_keeps_its_headings_as_locators_and_its_core_properties() -> None:
    document = _document("par-known-paragraphs.docx")
    assert document.meta.title == "Heading Paragraph"  # no title property: the first heading
    assert document.meta.author == "Steve Canny"
    assert _where(document, "Normal paragraph") == ["Heading Paragraph"]
    tables = _document("blk-paras-and-tables.docx")
    assert "Text before" in tables.text and "Donec semper facilisis" in tables.text


def test_the_registry_sniffs_what_a_file_is_before_its_extension() -> None:
    pdf = (SAMPLES / "pdflatex-4-pages.pdf").read_bytes()
    epub = (SAMPLES / "alice-in-wonderland.epub").read_bytes()
    assert readers.kind_of("report.txt", pdf[:4096]) == "pdf"
    assert readers.kind_of("book.zip.epub", epub[:4096]) == "epub"
    assert readers.kind_of("page.pdf", b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert readers.kind_of("notes.md", b"# Notes\n") == "text"
    assert readers.kind_of("saved.HTM", b"plain words") == "html"
    with pytest.raises(Unreadable):
        readers.read("pdf", b"%PDF-1.4 nothing else", "x.pdf")


def test_a_folder_of_formats_is_scanned_and_read(tmp_path: Path) -> None:
    for name in ("pdflatex-4-pages.pdf", "par-known-paragraphs.docx", "libreoffice-writer-password.pdf"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    docs, skipped = load_all(tmp_path)
    assert sorted(d.doc for d in docs) == ["par-known-paragraphs.docx", "pdflatex-4-pages.pdf"]
    assert skipped == [Skipped("libreoffice-writer-password.pdf", "encrypted PDF (needs a password)")]


@pytest.mark.parametrize(
    "text",
    ["of Cooperation between the two states\n\nThe treaty was signed.\n", "44°6′N 39°44′E\n\nSochi is a city.\n"],
)
def test_a_text_whose_first_line_is_no_title_takes_its_file_name(text: str) -> None:
    result = document_from_bytes("notes/treaty_of-1950.txt", text.encode())
    assert isinstance(result, Document) and result.meta.title == "treaty of 1950"


def test_a_page_title_loses_the_site_name_after_a_bar() -> None:
    from index.corpus.readers.html import without_site

    assert without_site("Berlin confronts its colonial past | DW | 19.01.2020") == "Berlin confronts its colonial past"
    assert without_site("DW | News") == "DW | News"  # one word before the bar: kept whole
    assert without_site("What we do - Creative Commons") == "What we do - Creative Commons"


def test_an_epub_with_encrypted_chapters_says_it_is_drm_protected(tmp_path: Path) -> None:
    import io
    import zipfile

    real = zipfile.ZipFile(SAMPLES / "alice-in-wonderland.epub")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        for item in real.infolist():
            book.writestr(item, real.read(item))
        book.writestr("META-INF/encryption.xml", '<encryption><CipherReference URI="OEBPS/ch1.xhtml"/></encryption>')
    result = document_from_bytes("locked.epub", buffer.getvalue())
    assert result == Skipped("locked.epub", "DRM-protected EPUB (its chapters are encrypted)")


def test_a_word_file_reads_tracked_insertions_and_leaves_out_deletions(tmp_path: Path) -> None:
    # A real manual had half its text inside tracked insertions (w:ins), which python-docx's
    # paragraph text leaves out. Here one of the samples' paragraphs becomes an insertion, with a
    # deletion beside it, as Word writes them.
    import zipfile

    source = zipfile.ZipFile(SAMPLES / "par-known-paragraphs.docx")
    xml = source.read("word/document.xml").decode("utf-8")
    at = xml.index("Normal paragraph")
    start = max(xml.rfind("<w:r>", 0, at), xml.rfind("<w:r ", 0, at))  # the run holding the words
    end = xml.index("</w:r>", at) + len("</w:r>")
    tracked = (
        f'<w:ins w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z">{xml[start:end]}</w:ins>'
        '<w:del w:id="2" w:author="a" w:date="2020-01-01T00:00:00Z">'
        "<w:r><w:delText>struck words</w:delText></w:r></w:del>"
    )
    copy = tmp_path / "tracked.docx"
    with zipfile.ZipFile(copy, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(
                item, (xml[:start] + tracked + xml[end:]).encode() if item.filename == "word/document.xml" else data
            )
    document = document_from_bytes("tracked.docx", copy.read_bytes())
    assert isinstance(document, Document)
    assert "Normal paragraph" in document.text and "struck words" not in document.text
