"""Bad files, hostile text, faults: the reader and the CLI keep working and say what happened."""

from __future__ import annotations

import errno
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.errors import StoreError
from index.search.results import search
from index.store.corpus_index import CorpusIndex
from tests.conftest import SEEDS, write
from tests.readerkit import main, open_selected, reader, ready, results, view, wait_until
from tui.cli import main as cli

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = (
    "Hostile title \x1b]0;pwned-title\x07 here\n\n"
    "Markup [bold red]x[/] and [/] and [link=https://evil.example]click[/link].\n\n"
    "Escapes \x1b[2J\x1b[H clear, \x1b]8;;https://evil.example\x1b\\hyperlink\x1b]8;;\x1b\\ and bell \x07 here.\n"
)


def test_hostile_document_in_a_real_terminal(tmp_path: Path) -> None:
    """The reader in a pty: the document's escape sequences never reach the terminal."""
    folder = tmp_path / "hostile"
    write(folder, "bad.txt", HOSTILE)
    env = {**os.environ, "TERM": "xterm-256color", "RALIGN_HOME": str(tmp_path / "home")}
    subprocess.run(
        [sys.executable, "-m", "tui", "index", "--corpus", str(folder)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.execvpe(sys.executable, [sys.executable, "-m", "tui", str(folder)], env)
    seen = b""
    try:
        deadline = time.monotonic() + 30
        sent = False
        first_frame_at = 0.0
        opened_at = 0.0
        while time.monotonic() < deadline:
            ready_fds, _, _ = select.select([fd], [], [], 0.1)
            if ready_fds:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
            if not sent and b"palette" in seen:
                first_frame_at = first_frame_at or time.monotonic()
                if time.monotonic() - first_frame_at > 2:  # the list fills in a worker after the first frame
                    os.write(fd, b"\r")  # open the document
                    sent = True
                    opened_at = time.monotonic()
            if sent and time.monotonic() - opened_at > 3:
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    assert b"click" in seen and b"[bold red]x[/]" in seen  # shown, as text
    assert b"\x1b]0;pwned" not in seen  # the title was not set
    assert b"\x1b]8;;https://evil.example" not in seen  # no hyperlink planted
    assert b"pwned-title" in seen or b"Hostile title" in seen


def test_hostile_text_in_cli_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    write(folder, "bad\x1b[31m.txt", HOSTILE)
    for argv in (["docs"], ["search", "markup"], ["entities"], ["index"]):
        assert cli([*argv, "--corpus", str(folder)]) == 0
        out, err = capsys.readouterr()
        assert "\x1b" not in out and "\x1b" not in err, argv


def test_writer_killed_mid_build_leaves_an_index_that_opens(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for i in range(400):
        write(folder, f"d{i:03}.txt", f"Document {i} about Lavrov and the Kalibr. " * 40)
    env = {**os.environ, "RALIGN_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "index", "--corpus", str(folder)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(2.5)
    proc.kill()
    proc.wait()
    os.environ["RALIGN_HOME"] = env["RALIGN_HOME"]
    index = CorpusIndex(folder).open()
    report = index.update()
    assert index.document_count() == 400, report
    assert len(search(index, "lavrov", limit=500).hits) >= 400


def test_full_disk_while_indexing_is_a_clear_error(tiny_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = CorpusIndex(tiny_corpus).open()
    real = index.side.put_document

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(index.side, "put_document", full)
    with pytest.raises(StoreError, match="No space left"):
        index.update()
    monkeypatch.setattr(index.side, "put_document", real)
    assert index.update().indexed == 3  # nothing half-done stayed behind


def test_unreadable_file_is_skipped_with_its_reason(tiny_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "missiles.md":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    report = CorpusIndex(tiny_corpus).open().update()
    assert ("missiles.md", "cannot be read (Permission denied)") in [(s.path, s.reason) for s in report.skipped]
    assert report.indexed == 2


def test_two_instances_on_one_corpus(tiny_corpus: Path) -> None:
    first = CorpusIndex(tiny_corpus).open()
    second = CorpusIndex(tiny_corpus).open()
    first.update()
    assert second.update().unchanged == 3
    assert {h.doc for h in search(second, "gazprom").hits} == {"pipeline.txt"}


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_small_terminals_render_and_resize(size: tuple[int, int]) -> None:
    app = reader(SEEDS)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await open_selected(pilot)
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert app.is_running and results(app).option_count == 5
        assert main(app).query_one("#document").size.height > 0


def test_a_query_that_runs_long_returns_what_it_found(seed_index: CorpusIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    from whoosh import collectors

    def out_of_time(self: object) -> None:
        raise collectors.TimeLimit  # what the time-limit collector raises when time is up

    monkeypatch.setattr(collectors.TimeLimitCollector, "collect_matches", out_of_time)
    result = search(seed_index, "*", limit=10)
    assert "stopped after" in result.note
    assert result.total >= 0


def test_a_file_that_vanishes_while_indexing_is_skipped(tiny_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def vanish(self: Path) -> bytes:
        if self.name == "missiles.md":
            raise FileNotFoundError(errno.ENOENT, "No such file or directory")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", vanish)
    report = CorpusIndex(tiny_corpus).open().update()
    assert ("missiles.md", "vanished while indexing") in [(s.path, s.reason) for s in report.skipped]


async def test_a_one_megabyte_document_opens_and_scrolls(awkward_corpus: Path) -> None:
    app = reader(awkward_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        screen = main(app)
        target = next(t for t in results(app).targets if t.doc == "big.txt")
        screen.open_target(target, focus=True)
        await wait_until(
            pilot,
            lambda: view(app).document is not None and view(app).document.doc == "big.txt",
            "the big document",
            seconds=60,
        )
        await pilot.press("G")
        await pilot.pause()
        assert view(app).passage_number == len(view(app).document.passages)  # type: ignore[union-attr]
        assert "Sino-Russian entente" in view(app).visible_text()
        await pilot.press("g", "pagedown", "pagedown")
        assert view(app).visible_text().strip()
