"""Hostile names and links: the batch goes on, what is passed over says why, nothing outside the corpus is read."""

from __future__ import annotations

import os
from pathlib import Path

from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tests.conftest import write


def test_a_file_name_that_is_not_utf8_is_skipped_and_the_rest_indexed(tiny_corpus: Path) -> None:
    bad = os.fsencode(tiny_corpus) + b"/bad-\xff\xfe-name.txt"
    with open(bad, "wb") as handle:
        handle.write(b"Text about Lavrov under a broken name.\n")
    index = CorpusIndex(tiny_corpus).open()
    report = index.update()
    assert report.indexed == 3
    reasons = {s.path: s.reason for s in report.skipped}
    assert reasons == {"bad-\ufffd\ufffd-name.txt": "file name is not valid UTF-8 (rename it to index it)"}
    assert index.update().indexed == 0  # and a second run is quiet


def test_links_out_of_the_corpus_are_not_followed(tiny_corpus: Path, tmp_path: Path) -> None:
    secret = write(tmp_path / "outside", "passwd.txt", "root:x:0:0:secretword\n")
    (tiny_corpus / "passwd.txt").symlink_to(secret)
    (tiny_corpus / "machine").symlink_to("/", target_is_directory=True)
    (tiny_corpus / "outside").symlink_to(secret.parent, target_is_directory=True)
    (tiny_corpus / "again.txt").symlink_to(tiny_corpus / "pipeline.txt")  # inside: followed
    index = CorpusIndex(tiny_corpus).open()
    report = index.update()
    reasons = {s.path: s.reason for s in report.skipped}
    assert reasons == {name: "link outside the corpus folder" for name in ("passwd.txt", "machine", "outside")}
    assert report.indexed == 4
    assert not search(index, "secretword").hits


def test_a_text_file_over_the_size_limit_is_skipped_unread(tiny_corpus: Path) -> None:
    with open(tiny_corpus / "huge.txt", "wb") as handle:
        handle.truncate(9 * 1024 * 1024)  # sparse: nothing written, the size is what counts
    report = CorpusIndex(tiny_corpus).open().update()
    assert {s.path: s.reason for s in report.skipped} == {"huge.txt": "too large (9 MB; the limit is 8 MB)"}
    assert report.indexed == 3
