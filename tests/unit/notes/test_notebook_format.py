"""The bookmarks file as a notebook: YAML front matter, block ids, `[[links]]`, the link back,
old files migrated without losing a byte, one file a corpus, orphans listed and never moved."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from index import paths
from index.config import Config, bookmarks_file
from index.corpus.passages import split_passages
from index.model import Document, Metadata
from index.notes import front_matter
from index.notes.bookmark_file import BookmarkFile
from index.notes.links import note_name, open_command, parse_target, wikilink
from index.notes.markdown import Bookmark
from index.notes.orphans import orphans

V1 = Path(__file__).parent / "data" / "bookmarks-v1.md"


def make(note: str, tags: tuple[str, ...], entities: tuple[str, ...] = ("S-400", 'Xi: the "leader"')) -> Bookmark:
    return Bookmark(
        id=f"{abs(hash((note, tags))):016x}"[:16],
        doc="a/doc.txt",
        passage=3,
        text="The passage text.",
        note=note,
        tags=tags,
        created="2026-11-23T08:00:00Z",
        query="s-400",
        corpus="/corpus dir",
        pid="pid123",
        title="A Title",
        entities=entities,
    )


def front(path: Path) -> dict[str, object]:
    block, _ = front_matter.split(path.read_text(encoding="utf-8"))
    loaded = yaml.safe_load(block.strip().strip("-"))
    assert isinstance(loaded, dict)
    return loaded


def test_front_matter_parses_as_yaml_and_block_ids_are_unique(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    file = BookmarkFile(path)
    file.add(make("first line\n  second line\n\nafter a blank", ("arms", "s400")))
    file.add(make("another", ("energy", "arms")))
    meta = front(path)
    assert meta["corpus"] == "/corpus dir" and meta["created"] and meta["updated"]
    assert meta["tags"] == ["arms", "s400", "energy"]  # kept in order, new ones added
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r"^\^([0-9a-z-]+)$", text, flags=re.M)
    assert len(ids) == 2 and len(set(ids)) == 2
    assert [b.note for b in file.bookmarks()] == ["first line\n  second line\n\nafter a blank", "another"]
    assert "[[S-400]]" in text and '[[Xi- the -leader|Xi: the "leader"]]' in text
    assert "**Open:** `ralign-tui open --corpus '/corpus dir' 'a/doc.txt#p3'`" in text


def test_front_matter_keeps_a_persons_keys_and_tags(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text('---\ntitle: My notes  # mine\ntags:\n  - "mine"\ncreated: "2020-01-01T00:00:00Z"\n---\nHello\n')
    BookmarkFile(path).add(make("n", ("arms",)))
    meta = front(path)
    assert meta["title"] == "My notes" and meta["tags"] == ["mine", "arms"]
    assert meta["created"] == "2020-01-01T00:00:00Z" and meta["corpus"] == "/corpus dir"
    assert "title: My notes  # mine\n" in path.read_text() and "\n---\nHello\n" in path.read_text()


def test_an_old_file_is_read_and_migrated_without_losing_a_byte(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.md"
    old = V1.read_text(encoding="utf-8")
    path.write_text(old, encoding="utf-8")
    file = BookmarkFile(path)
    [kept] = file.bookmarks()
    assert (kept.note, kept.tags, kept.entities) == (
        "first line\n  second line, indented",
        ("arms", "s400"),
        ("S-400", "Russia"),
    )
    file.add(make("new", ("energy",)))
    new = path.read_text(encoding="utf-8")
    assert new.startswith("---\n")
    assert "My own notes, written by hand before any upgrade.\n\n# Bookmarks\n" in new
    assert "\nA paragraph I wrote between blocks.\n" in new
    assert file.bookmarks()[0] == kept  # every field the old block held, read back the same
    assert "^0123456789abcdef" in new and "[[Russia]]" in new  # the old block now in the new shape
    assert front(path)["tags"] == ["arms", "energy", "s400"]


def test_names_and_targets() -> None:
    assert note_name("Alexey Miller") == "Alexey Miller" and wikilink("Alexey Miller") == "[[Alexey Miller]]"
    assert note_name("a/b#c^d[e]|f") == "a-b-c-d-e-f"
    assert note_name("...") == "entity"
    assert parse_target("x/y.txt#p12") == ("x/y.txt", 12) and parse_target("x#y.txt") == ("x#y.txt", None)
    assert open_command("", "d.txt", 2) == "ralign-tui open 'd.txt#p2'"


def test_one_bookmarks_file_a_corpus_by_default(isolated_home: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert bookmarks_file(config=Config(), corpus=one) == paths.corpus_bookmarks_file(one)
    assert bookmarks_file(config=Config(), corpus=one) != bookmarks_file(config=Config(), corpus=two)
    chosen = Config(bookmarks=tmp_path / "vault" / "{corpus}.md")
    assert bookmarks_file(config=chosen, corpus=one) == tmp_path / "vault" / "one.md"
    assert bookmarks_file(tmp_path / "x.md", chosen, one) == tmp_path / "x.md"
    paths.default_bookmarks_file().parent.mkdir(parents=True, exist_ok=True)
    paths.default_bookmarks_file().write_text("old single file\n")
    assert bookmarks_file(config=Config(), corpus=one) == paths.default_bookmarks_file()  # kept while it exists


class _Index:
    def __init__(self, documents: dict[str, object]) -> None:
        self.documents = documents

    def document(self, doc: str) -> object:
        return self.documents.get(doc)


@pytest.mark.parametrize(
    ("new_text", "orphaned"), [("The passage text. Still here.", False), ("Quite other words now entirely.", True)]
)
def test_an_orphan_is_listed_with_its_old_text(new_text: str, orphaned: bool) -> None:
    text = "\n\n".join(["An opening passage that stays.", new_text, "A closing one."])
    document = Document("a/doc.txt", text, Metadata(), split_passages("a/doc.txt", text))
    bookmark = replace(make("n", ()), passage=2, pid="old-pid")
    found = orphans(_Index({"a/doc.txt": document}), [bookmark, replace(bookmark, doc="gone.txt")], "/corpus dir")
    statuses = [(o.bookmark.doc, o.status) for o in found]
    assert ("gone.txt", "no document") in statuses
    assert (("a/doc.txt", "lost") in statuses) is orphaned
    assert all(o.to_json()["text"] == "The passage text." for o in found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4), st.text(max_size=30))
def test_front_matter_is_yaml_whatever_the_tags_and_corpus(tags: list[str], corpus: str) -> None:
    front = front_matter.refresh("", corpus, "2026-01-01T00:00:00Z", tags)
    loaded = yaml.safe_load(front.strip().strip("-"))
    clean = [t.translate({c: "\ufffd" for c in range(0xD800, 0xE000)}) for t in sorted(set(tags))]
    assert loaded["tags"] == clean
    assert loaded["corpus"] == corpus.translate({c: "\ufffd" for c in range(0xD800, 0xE000)})
    again = front_matter.refresh(front, corpus, "2026-01-02T00:00:00Z", tags)
    assert yaml.safe_load(again.strip().strip("-"))["tags"] == clean
