"""PDF, web pages and Word files through the command line: hits and bookmarks say where they stand."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.cli import main

SAMPLES = Path(__file__).parents[1] / "unit" / "corpus" / "samples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def formats_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "pile"
    corpus.mkdir()
    for name in ("pdflatex-4-pages.pdf", "creativecommons.org.html", "libreoffice-writer-password.pdf"):
        shutil.copy(SAMPLES / name, corpus / name)
    (corpus / "memo.docx").write_bytes(b"PK\x03\x04 cut short")
    (corpus / "note.txt").write_text("A plain note about the pipeline.\n")
    return corpus


def test_a_pdf_phrase_is_found_on_its_page_and_bookmarked_with_it(
    capsys: pytest.CaptureFixture[str], formats_corpus: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "search", '"Huardest gefburn"', "--json", "--corpus", str(formats_corpus))
    hits = json.loads(out)
    assert code == 0 and "Traceback" not in err
    assert hits and {h["doc"] for h in hits} == {"pdflatex-4-pages.pdf"}
    assert {h["locator"] for h in hits} <= {"p. 1", "p. 2", "p. 3", "p. 4"} and hits[0]["locator"].startswith("p. ")
    code, out, _ = run(capsys, "search", '"Huardest gefburn"', "--corpus", str(formats_corpus))
    assert f"pdflatex-4-pages.pdf ¶{hits[0]['passage']}, {hits[0]['locator']}" in " ".join(out.split())
    marks = tmp_path / "marks.md"
    argv = ["bookmarks", "add", "pdflatex-4-pages.pdf", str(hits[0]["passage"]), "--corpus", str(formats_corpus)]
    code, out, _ = run(capsys, *argv, "--bookmarks", str(marks), "--json")
    assert code == 0 and json.loads(out)["locator"] == hits[0]["locator"]
    assert f"¶{hits[0]['passage']}, {hits[0]['locator']}" in marks.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "bookmarks", "list", "--json", "--bookmarks", str(marks))
    assert [b["locator"] for b in json.loads(out)] == [hits[0]["locator"]]


def test_docs_lists_each_unread_file_with_its_reason(capsys: pytest.CaptureFixture[str], formats_corpus: Path) -> None:
    code, out, err = run(capsys, "docs", "--json", "--corpus", str(formats_corpus))
    listed = json.loads(out)
    assert code == 0 and "Traceback" not in err
    read = {d["doc"]: d["title"] for d in listed if "skipped" not in d}
    assert read == {
        "creativecommons.org.html": "What we do - Creative Commons",
        "note.txt": "A plain note about the pipeline.",
        "pdflatex-4-pages.pdf": "pdflatex 4 pages",  # no title in the file: its name, cleaned
    }
    skipped = {d["doc"]: d["skipped"] for d in listed if "skipped" in d}
    assert skipped == {
        "libreoffice-writer-password.pdf": "encrypted PDF (needs a password)",
        "memo.docx": "broken zip (not a readable Word file)",
    }
    code, out, _ = run(capsys, "docs", "--corpus", str(formats_corpus))
    assert "skipped memo.docx: broken zip" in " ".join(out.split())


def test_documents_are_filtered_by_their_year(capsys: pytest.CaptureFixture[str], formats_corpus: Path) -> None:
    """The web page says 2016-05-22; the PDF's info dictionary 2022."""
    for query, wanted in [
        ("published:2016", {"creativecommons.org.html"}),
        ("published:2015..2017", {"creativecommons.org.html"}),
        ("published:2016..2022", {"creativecommons.org.html", "pdflatex-4-pages.pdf"}),
        ("published:2001..2003", set()),
    ]:
        code, out, _ = run(capsys, "search", query, "--json", "--limit", "100", "--corpus", str(formats_corpus))
        assert code == 0 and {h["doc"] for h in json.loads(out)} == wanted, query


def test_a_changed_pdf_is_read_again_alone(formats_corpus: Path) -> None:
    from index.store.corpus_index import CorpusIndex

    index = CorpusIndex(formats_corpus)
    try:
        first = index.update()
        assert first.indexed == 3
        pdf = formats_corpus / "pdflatex-4-pages.pdf"
        pdf.write_bytes(pdf.read_bytes() + b"\n% an incremental save appends\n")
        again = index.update()
        assert (again.indexed, again.unchanged) == (1, 4)  # five files: the other four untouched
        assert {s.path for s in again.skipped} >= {"libreoffice-writer-password.pdf", "memo.docx"}  # still listed
    finally:
        index.close()
