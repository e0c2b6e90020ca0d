from pathlib import Path

import pytest

from index.corpus.scan import load_all, scan
from index.errors import CorpusError
from tests.conftest import write


def test_scan_reports_what_it_passes_over(awkward_corpus: Path) -> None:
    files, skipped = scan(awkward_corpus)
    docs = {f.doc for f in files}
    assert "sub/dir/nested.txt" in docs
    assert ".hidden.txt" not in docs and "picture.png" not in docs
    reasons = {s.path: s.reason for s in skipped}
    assert reasons[".hidden.txt"] == "hidden"
    assert "not a text file type" in reasons["picture.png"]
    assert not any(d.startswith("loop/") for d in docs)  # the symlink loop is walked once


def test_awkward_files_are_read_or_skipped_with_a_reason(awkward_corpus: Path) -> None:
    docs, skipped = load_all(awkward_corpus)
    by_id = {d.doc: d for d in docs}
    reasons = {s.path: s.reason for s in skipped}
    assert by_id["cp1252.txt"].text.startswith("Café crème: Putin’s “deal”")
    assert "Señor Muñoz" in by_id["latin1.txt"].text
    assert "naïve “quoted”" in by_id["mixed.txt"].text
    assert by_id["bom.txt"].text.startswith("Bommed")
    assert "Gazprom" in by_id["utf16.txt"].text
    assert by_id["cr-only.txt"].text == "First line about Kalibr.\nSecond line about Iskander.\n"
    assert "\r" not in by_id["crlf.txt"].text and len(by_id["crlf.txt"].passages) == 2
    assert "\x00" not in by_id["nuls.txt"].text
    assert "\u202e" not in by_id["bidi.txt"].text and "\u200b" not in by_id["bidi.txt"].text
    assert "\x1b" not in by_id["hostile.txt"].text and "[bold red]x[/]" in by_id["hostile.txt"].text
    assert len(by_id["long-line.txt"].passages) > 50
    assert reasons["empty.txt"] == "empty"
    assert reasons["blank.txt"] == "only white space"
    assert reasons["gzipped.txt"] == "not text (gzip data)"


def test_metadata_toml_is_not_a_document(tmp_path: Path) -> None:
    write(tmp_path, "metadata.toml", '["a.txt"]\ntitle = "Given"\n')
    write(tmp_path, "a.txt", "Body.")
    docs, skipped = load_all(tmp_path)
    assert [d.doc for d in docs] == ["a.txt"] and docs[0].meta.title == "Given" and not skipped


def test_unusable_corpus_paths(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        scan(tmp_path / "missing")
    file = write(tmp_path, "file.txt", "x")
    with pytest.raises(CorpusError, match="not a folder"):
        scan(file)
