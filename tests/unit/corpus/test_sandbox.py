"""A parser that hangs or crashes on a file costs that file, with a reason, and the next file is read."""

from pathlib import Path

from index.corpus.readers.base import Extracted
from index.corpus.readers.sandbox import Sandbox

SAMPLES = Path(__file__).parent / "samples"


def test_a_file_that_hangs_its_parser_is_skipped_after_the_time_limit() -> None:
    sandbox = Sandbox("tests.unit.corpus.misbehaving_child")
    try:
        reason = sandbox.read("hang", b"%PDF-1.4", "stuck.pdf", limit=1.0)
    finally:
        sandbox.close()
    assert isinstance(reason, str) and reason.startswith("took over 1 s to read")


def test_a_file_that_crashes_its_parser_is_skipped_and_the_next_is_read() -> None:
    sandbox = Sandbox("tests.unit.corpus.misbehaving_child")
    try:
        assert sandbox.read("crash", b"%PDF-1.4", "bad.pdf", limit=30.0) == (
            "crashed the reader (skipped: the file may be damaged)"
        )
    finally:
        sandbox.close()
    real = Sandbox()
    try:
        first = real.read("pdf", (SAMPLES / "libreoffice-writer-password.pdf").read_bytes(), "locked.pdf")
        second = real.read("pdf", (SAMPLES / "google-doc-document.pdf").read_bytes(), "doc.pdf")
    finally:
        real.close()
    assert first == "encrypted PDF (needs a password)"
    assert isinstance(second, Extracted) and second.meta["title"] == "PDF Example Document"
