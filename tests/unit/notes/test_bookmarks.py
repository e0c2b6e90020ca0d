"""The bookmarks file: round trips, hand edits kept, safe and concurrent writes, re-anchoring."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.notes.anchoring import anchor
from index.notes.bookmark_file import BookmarkError, BookmarkFile
from index.notes.bookmarks import new_id
from index.notes.markdown import END, Bookmark, escape_text, parse, render_block, unescape_text

TAG = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="#"),
    min_size=1,
    max_size=12,
)
NOTE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=300
) | st.sampled_from(
    [
        "<!-- /ralign:bookmark -->",
        "**Tags** <!-- ralign:tags -->",
        "> quoted\n# heading\n---\n* list",
        "<\\!-- x",
        "<!-- ralign:data {} -->",
        "\n\nleading and trailing\n\n",
        "`code` and [link](x) and <b>html</b>",
    ]
)


def make(note: str = "", tags: tuple[str, ...] = (), text: str = "The passage text.") -> Bookmark:
    return Bookmark(
        new_id(),
        "a/doc.txt",
        3,
        text,
        note,
        tags,
        "2026-11-23T08:00:00Z",
        "s-400",
        "/corpus",
        "pid123",
        "A Title [x]",
        "Pub",
        "2016",
        ("S-400", "Moscow"),
        "before",
        "after",
    )


@settings(max_examples=300, deadline=None)
@given(note=NOTE, tags=st.lists(TAG, max_size=4).map(tuple), text=NOTE.filter(lambda t: t.strip() == t))
def test_render_then_parse_returns_the_same_bookmark(note: str, tags: tuple[str, ...], text: str) -> None:
    bookmark = make(note, tags, text)
    parsed = parse("hand-written intro\n\n" + render_block(bookmark) + "\nafter text\n")
    assert not parsed.broken
    assert parsed.bookmarks == [bookmark]


@given(st.text())
def test_escaping_is_reversible(text: str) -> None:
    assert unescape_text(escape_text(text)) == text
    assert "<!" not in escape_text(text)


def test_block_reads_well_as_markdown() -> None:
    block = render_block(make("my *note*", ("arms", "s400")))
    assert "### A Title [x] ¶3" in block
    assert "> The passage text." in block
    assert "#arms #s400" in block
    assert "**Entities:** [[S-400]], [[Moscow]]" in block and "**Query:** `s-400`" in block
    assert block.rstrip().endswith(END)


def test_what_a_person_edits_in_the_block_wins(tmp_path: Path) -> None:
    file = BookmarkFile(tmp_path / "bookmarks.md")
    first = file.add(make("old note", ("old",)))
    content = file.path.read_text()
    content = content.replace("old note", "a new note\nwith two lines").replace("#old", "#new #tags")
    file.path.write_text(content)
    [again] = file.bookmarks()
    assert again.id == first.id and again.note == "a new note\nwith two lines" and again.tags == ("new", "tags")


def test_hand_written_text_survives_adds_and_removes(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.md"
    path.write_bytes(b"# My research notes\r\n\r\nSomething I wrote by hand, with bytes \xff kept.\r\n")
    file = BookmarkFile(path)
    kept = file.add(make("one"))
    gone = file.add(make("two"))
    with path.open("ab") as handle:
        handle.write(b"\nA line I added at the end.\n")
    file.remove(gone.id)
    file.add(make("three"))
    data = path.read_bytes()
    assert data.startswith(b"---\n")  # front matter on top of a file that had none
    data = data.split(b"\n---\n", 1)[1]
    assert data.startswith(b"# My research notes\r\n\r\nSomething I wrote by hand, with bytes \xff kept.\r\n")
    assert b"A line I added at the end.\n" in data
    assert [b.note for b in file.bookmarks()] == ["one", "three"]
    assert kept.id in data.decode("utf-8", "replace")


def test_broken_anchor_is_reported_and_its_text_kept(tmp_path: Path) -> None:
    file = BookmarkFile(tmp_path / "bookmarks.md")
    good = file.add(make("good"))
    bad = file.add(make("bad"))
    text = file.path.read_text()
    broken = text.replace(f"<!-- ralign:bookmark {bad.id} -->\n", f"<!-- ralign:bookmark {bad.id} -->\n", 1)
    broken = broken.replace("<!-- ralign:data", "<!-- ralign:dat", 2)  # both data lines, then fix the first
    broken = broken.replace("<!-- ralign:dat", "<!-- ralign:data", 1)
    file.path.write_text(broken)
    parsed = file.read()
    assert [b.id for b in parsed.bookmarks] == [good.id]
    assert len(parsed.broken) == 1 and "data" in parsed.broken[0].reason
    file.add(make("after"))
    assert "bad" in file.path.read_text()  # the broken block is still in the file, verbatim


def test_remove_and_update(tmp_path: Path) -> None:
    file = BookmarkFile(tmp_path / "b.md")
    one = file.add(make("one"))
    file.update(one.id, note="changed", tags=("x",))
    assert file.bookmarks()[0].note == "changed"
    file.remove(one.id)
    assert file.bookmarks() == []
    with pytest.raises(BookmarkError, match="no bookmark"):
        file.remove("deadbeef")


def test_symlinked_file_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "vault" / "ralign.md"
    real.parent.mkdir()
    real.write_text("# vault note\n")
    link = tmp_path / "bookmarks.md"
    link.symlink_to(real)
    BookmarkFile(link).add(make("via link"))
    assert link.is_symlink()
    assert "via link" in real.read_text() and "\n---\n# vault note\n" in real.read_text()


def test_permission_error_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = BookmarkFile(tmp_path / "b.md")
    file.add(make("kept"))
    before = file.path.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("index.notes.bookmark_file.os.replace", refuse)
    with pytest.raises(BookmarkError, match=r"Permission denied.*nothing was changed"):
        file.add(make("lost"))
    assert file.path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_full_disk_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = BookmarkFile(tmp_path / "b.md")
    file.add(make("kept"))
    before = file.path.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("index.notes.bookmark_file.os.fsync", full)
    with pytest.raises(BookmarkError, match="No space left"):
        file.remove(file.bookmarks()[0].id)
    monkeypatch.setattr("index.notes.bookmark_file.os.fsync", real_fsync)
    assert file.path.read_bytes() == before


def test_a_write_killed_half_way_leaves_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    BookmarkFile(path).add(make("before the crash"))
    before = path.read_bytes()
    script = f"""
import os, sys
sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})
import index.notes.bookmark_file as b
from tests.unit.notes.test_bookmarks import make
real_write = os.fdopen
def dying_fdopen(fd, *a, **k):
    handle = real_write(fd, *a, **k)
    handle.write(b"half a file")
    handle.flush()
    os._exit(9)  # killed mid-write
b.os.fdopen = dying_fdopen
b.BookmarkFile({str(path)!r}).add(make("never lands"))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 9
    assert path.read_bytes() == before
    assert [b.note for b in BookmarkFile(path).bookmarks()] == ["before the crash"]


def test_sixteen_processes_adding_at_once_all_land(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    root = str(Path(__file__).resolve().parents[3])
    script = (
        f"import sys; sys.path.insert(0, {root!r}); from index.notes.bookmark_file import BookmarkFile; "
        "from tests.unit.notes.test_bookmarks import make; "
        f"BookmarkFile({str(path)!r}).add(make('from ' + sys.argv[1]))"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(i)]) for i in range(16)]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    notes = sorted(b.note for b in BookmarkFile(path).bookmarks())
    assert notes == sorted(f"from {i}" for i in range(16))


def test_anchor_finds_a_passage_after_edits() -> None:
    bookmark = make(text="China bought the S-400 system.")
    passages = [(1, "p1", "Intro."), (2, "pid123", "China bought the S-400 system.")]
    assert anchor(bookmark, passages, "Intro.\n\nChina bought the S-400 system.").status == "moved"
    same = [(3, "pid123", "China bought the S-400 system.")]
    assert anchor(bookmark, same, "x").passage == 3
    edited = [(1, "zz", "New intro."), (2, "yy", "China bought the S-400 air defence system.")]
    found = anchor(bookmark, edited, "New intro.\n\nChina bought the S-400 air defence system.")
    assert found == type(found)(2, "edited")
    assert anchor(bookmark, [(1, "q", "Nothing alike here at all.")], "Nothing alike").status == "lost"
    assert anchor(bookmark, [], None).status == "no document"


def test_bookmarks_are_parsed_again_only_when_the_file_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import index.notes.bookmark_file as module

    file = BookmarkFile(tmp_path / "notes.md")
    assert file.bookmarks() == []
    kept = file.add(make("first"))
    parses = []
    monkeypatch.setattr(module, "parse", lambda text: parses.append(1) or parse(text))
    assert [b.id for b in file.bookmarks()] == [kept.id]
    assert [b.id for b in file.bookmarks()] == [kept.id]
    assert len(parses) == 1  # the second answer came from the first parse
    path = tmp_path / "notes.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA line of my own.\n", encoding="utf-8")
    assert [b.id for b in file.bookmarks()] == [kept.id] and len(parses) == 2  # a hand edit is seen
