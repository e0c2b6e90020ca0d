"""The notebook from outside: bookmarks and entity notes as Markdown a vault can hold, their links,
the link back, and a person's edits surviving a re-export and a re-index."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from index import paths
from index.notes import front_matter
from tests.conftest import SEEDS
from tui.cli import main as cli

DOC = "002_f3a37438de5b7047.txt"
LINK = re.compile(r"\[\[([^\]|#^]+)(?:[|#][^\]]*)?\]\]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def yaml_front(text: str) -> dict[str, object]:
    block, _ = front_matter.split(text)
    loaded = yaml.safe_load(block.strip().strip("-"))
    assert isinstance(loaded, dict)
    return loaded


def test_round_trip_links_resolve_and_edits_survive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for passage, note, tag in [
        (6, "S-400 first\nthen more, on a line of its own", "arms"),
        (5, "Gazprom loans", "energy"),
    ]:
        code, _, _ = run(capsys, "bookmarks", "add", DOC, str(passage), "--note", note, "--tag", tag, "--tag", "ru")
        assert code == 0
    marks = paths.corpus_bookmarks_file(SEEDS)
    text = marks.read_text(encoding="utf-8")
    assert yaml_front(text)["tags"] == ["arms", "ru", "energy"]
    ids = re.findall(r"^\^(\w+)$", text, flags=re.M)
    assert len(ids) == 2 == len(set(ids))

    vault = tmp_path / "vault"
    code, out, _ = run(capsys, "notes", "export", str(vault), "--json")
    assert code == 0
    written = set(json.loads(out)["files"])
    assert written == {p.name for p in vault.glob("*.md")} and len(written) > 20
    links = set(LINK.findall(text))
    for note in vault.glob("*.md"):
        note_text = note.read_text(encoding="utf-8")
        assert set(yaml_front(note_text)) >= {"type", "aliases", "documents"}
        links |= set(LINK.findall(note_text))
    assert links and {f"{link}.md" for link in links} <= written

    # the link back reopens the passage
    command = re.search(r"\*\*Open:\*\* `([^`]+)`", text)
    assert command is not None
    argv = shlex.split(command.group(1))[1:]
    code, out, _ = run(capsys, *argv, "--json")
    opened = json.loads(out)
    assert code == 0 and opened["doc"] == DOC and opened["passage"] == 6 and "S-400" in opened["text"]

    # a person's edits, in the bookmarks file and in an entity note
    marks.write_text(text.replace("then more, on a line of its own", "then more\nand my own thought"), encoding="utf-8")
    with marks.open("a", encoding="utf-8") as handle:
        handle.write("\nMy closing paragraph.\n")
    gazprom = vault / "Gazprom.md"
    note = gazprom.read_text(encoding="utf-8")
    note = note.replace("documents:", "mine: kept\ndocuments:", 1) + "\nWhat I think of Gazprom.\n"
    note = note.replace("<!-- ralign:begin -->", "Above the region, mine.\n\n<!-- ralign:begin -->")
    gazprom.write_text(note, encoding="utf-8")
    assert run(capsys, "index", "--rebuild")[0] == 0
    assert run(capsys, "bookmarks", "add", DOC, "7")[0] == 0
    assert run(capsys, "notes", "export", str(vault))[0] == 0
    again = gazprom.read_text(encoding="utf-8")
    assert "What I think of Gazprom.\n" in again and "Above the region, mine.\n" in again
    assert yaml_front(again)["mine"] == "kept" and again.count("<!-- ralign:begin -->") == 1
    assert "Gazprom loans" in again  # the bookmark that names it
    kept = marks.read_text(encoding="utf-8")
    assert "then more\nand my own thought\n" in kept and "My closing paragraph.\n" in kept
    code, out, _ = run(capsys, "bookmarks", "list", "--json")
    notes = {b["note"] for b in json.loads(out)}
    assert "S-400 first\nthen more\nand my own thought" in notes and "Gazprom loans" in notes


def test_orphans_are_listed_with_their_old_text(capsys: pytest.CaptureFixture[str], seeds_copy: Path) -> None:
    code, out, _ = run(capsys, "bookmarks", "add", DOC, "6", "--corpus", str(seeds_copy), "--json")
    assert code == 0
    old = json.loads(out)["text"]
    path = seeds_copy / DOC
    path.write_text(path.read_text(encoding="utf-8").replace(old, "Entirely new words replace it."), encoding="utf-8")
    code, out, _ = run(capsys, "bookmarks", "orphans", "--corpus", str(seeds_copy), "--json")
    [orphan] = json.loads(out)
    assert code == 0 and orphan["status"] == "lost" and orphan["text"] == old


def test_saved_reports_exactly_the_new_passages(capsys: pytest.CaptureFixture[str], seeds_copy: Path) -> None:
    corpus = ["--corpus", str(seeds_copy)]
    code, out, _ = run(capsys, "saved", "add", "gazprom", *corpus, "--json")
    assert code == 0 and json.loads(out)["new"] == 0
    total = json.loads(out)["total"]
    assert total > 0
    (seeds_copy / "zz_new.txt").write_text(
        "Gazprom signs a new deal.\n\nAn unrelated paragraph about weather.\n\nGazprom again, later on.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "saved", *corpus, "--json")
    [entry] = json.loads(out)
    assert entry["query"] == "gazprom" and entry["total"] == total + 2
    assert sorted(p["passage"] for p in entry["new_passages"]) == [1, 3]
    assert {p["doc"] for p in entry["new_passages"]} == {"zz_new.txt"} and entry["new"] == 2
    assert run(capsys, "saved", "open", "gazprom", *corpus, "--json")[0] == 0
    code, out, _ = run(capsys, "saved", *corpus, "--json")
    assert json.loads(out)[0]["new"] == 0  # opened: seen
    assert run(capsys, "saved", "add", "", *corpus)[0] == 2


def entity_names(capsys: pytest.CaptureFixture[str]) -> set[tuple[str, str]]:
    code, out, _ = run(capsys, "entities", "--json")
    assert code == 0
    return {(e["name"], e["type"]) for doc in json.loads(out) for e in doc["entities"]}


def test_curation_does_what_a_hand_edit_does(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    before = entity_names(capsys)
    assert {("Xi Jinping", "PERSON"), ("Alexei Miller", "PERSON"), ("Moscow", "PLACE")} <= before
    assert run(capsys, "entity", "merge", "Xi Jinping", "Alexei Miller")[0] == 0
    assert run(capsys, "entity", "ignore", "Moscow")[0] == 0
    by_command = (isolated_home / "entities.toml").read_text(encoding="utf-8")
    assert by_command == '[PERSON]\n"Xi Jinping" = ["Alexei Miller"]\n\n[ignore]\nnames = ["Moscow"]\n'
    after = entity_names(capsys)
    assert ("Alexei Miller", "PERSON") not in after and ("Moscow", "PLACE") not in after
    assert after == before - {("Alexei Miller", "PERSON"), ("Moscow", "PLACE")}
    (isolated_home / "entities.toml").write_text(by_command.replace("\n\n", "\n# by hand\n"), encoding="utf-8")
    assert entity_names(capsys) == after  # the same file written by hand: the same entities
    assert run(capsys, "entity", "undo")[0] == 0 and run(capsys, "entity", "undo")[0] == 0
    assert entity_names(capsys) == before and not (isolated_home / "entities.toml").exists()
    assert run(capsys, "entity", "merge", "Xi Jinping", "no such name")[0] == 2


def test_open_a_missing_target_says_so_before_any_reader(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app

    started: list[object] = []
    monkeypatch.setattr(tui.app, "run_reader", lambda *args, **kwargs: started.append(args) or 0)
    code, _, err = run(capsys, "open", "nope.txt#p3")
    assert code == 2 and "no document 'nope.txt'" in err  # it had opened an empty reader
    code, _, err = run(capsys, "open", f"{DOC}#p999")
    assert code == 2 and "not 999" in err
    assert run(capsys, "open", f"{DOC}#p2")[0] == 0 and len(started) == 1
