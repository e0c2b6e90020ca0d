"""What the command line says of the entity model: doctor, --help, and the entity pass it waits for."""

from __future__ import annotations

import json

import pytest

from index.entities import statistical
from tests.cli.test_commands import run


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RALIGN_ENTITY_MODEL")
    monkeypatch.setattr(statistical, "find_model", lambda: None)


def test_doctor_says_entities_come_from_rules_alone_and_how_to_add_the_model(
    capsys: pytest.CaptureFixture[str], no_model: None
) -> None:
    code, out, _ = run(capsys, "doctor", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["entity_model"] == ""
    assert "rules alone" in report["entities"]
    assert "pip install '.[ner]'" in report["install_model"]
    assert report["index"].startswith(report["ralign_home"])


def test_help_says_what_entities_are_made_with(capsys: pytest.CaptureFixture[str], no_model: None) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "opens the reader" in " ".join(out.split())
    assert "rules alone" in " ".join(out.split())


def test_entities_without_a_model_answers_with_the_rules_and_a_note(
    capsys: pytest.CaptureFixture[str], no_model: None
) -> None:
    code, out, err = run(capsys, "entities", "--json")
    assert code == 0
    assert "rules alone" in " ".join(err.split())
    names = {e["name"] for doc in json.loads(out) for e in doc["entities"]}
    assert "Vladimir Putin" in names


def test_the_model_switched_off_is_said_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "index", "--json")
    assert code == 0
    assert json.loads(out)["entities"]["model"] == ""
