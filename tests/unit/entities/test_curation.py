"""Curating entities writes entities.toml as a person would: comments, order and layout kept,
every change checked and undoable; and a canonical whose alias is also built in merges."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.entities import curation
from index.entities.gazetteer import load_gazetteer, user_file
from index.entities.user_edits import CurationError, UserNames

HAND = """# my names
[PERSON]                              # people
"Ivan Sidorov" = ["Sidorov"]          # a name and its aliases
"Wide Entry" = [
    "first",   # a comment inside
    "second",
]

[ignore]
names = ["Nope"]  # junk
"""


@pytest.fixture
def hand_file(isolated_home: Path) -> Path:
    path = user_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HAND, encoding="utf-8")
    return path


def test_merge_keeps_comments_and_order(hand_file: Path) -> None:
    curation.merge(("Ivan Sidorov", "PERSON"), ("Wide Entry", "PERSON"))
    text = hand_file.read_text(encoding="utf-8")
    assert text.startswith("# my names\n[PERSON]                              # people\n")
    assert '"Ivan Sidorov" = ["Sidorov", "Wide Entry", "first", "second"]          # a name and its aliases\n' in text
    assert 'Wide Entry" = [' not in text and 'names = ["Nope"]  # junk\n' in text
    assert load_gazetteer().lookup("second").name == "Ivan Sidorov"  # type: ignore[union-attr]


def test_ignore_rename_retype_split_then_undo_each(hand_file: Path) -> None:
    curation.ignore("Moscow")
    assert 'names = ["Nope", "Moscow"]  # junk\n' in hand_file.read_text()
    curation.rename(("Ivan Sidorov", "PERSON"), "Ivan P. Sidorov")
    assert '"Ivan P. Sidorov" = ["Ivan Sidorov", "Sidorov"]' in hand_file.read_text()
    curation.retype(("Ivan P. Sidorov", "PERSON"), "ORG")
    assert load_gazetteer().lookup("Sidorov").type == "ORG"  # type: ignore[union-attr]
    curation.split(("Alexei Miller", "PERSON"), "Miller")
    assert load_gazetteer().lookup("Miller") is None
    assert load_gazetteer().lookup("Alexander Miller").name == "Alexei Miller"  # type: ignore[union-attr]
    for _ in range(4):
        assert curation.undo()
    assert hand_file.read_text(encoding="utf-8") == HAND
    assert not curation.undo()


def test_a_change_that_would_break_the_file_is_refused(hand_file: Path) -> None:
    with pytest.raises(ValueError):
        curation.retype(("Ivan Sidorov", "PERSON"), "NOPE")
    names = UserNames(HAND)
    names.set("PERSON", "x", ["y"])
    assert names.values("PERSON", "x") == ["y"]
    hand_file.write_text('[PERSON]\n"a" = 3\n')
    with pytest.raises(CurationError):
        curation.ignore("b")


def test_a_canonical_whose_alias_is_built_in_merges_whatever_its_section(isolated_home: Path) -> None:
    path = user_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[ORG]\n"Alexey Miller" = ["Alexei Miller"]\n', encoding="utf-8")
    for name in ("Alexei Miller", "Alexander Miller", "Alexey Miller"):
        found = load_gazetteer().lookup(name)
        assert found is not None and (found.name, found.type) == ("Alexey Miller", "ORG")
