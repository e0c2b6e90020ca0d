"""What an entity note quotes: its other names in a fixed order, and whole sentences."""

from __future__ import annotations

from index.notes.entity_notes import alias_order, sentence_around


def test_aliases_keep_one_order_whatever_order_they_come_in() -> None:
    names = ["president xi", "Xi", "President Xi", "Xi Jinping"]
    assert alias_order(names) == alias_order(reversed(names)) == ["President Xi", "president xi", "Xi", "Xi Jinping"]


def test_the_sentence_runs_past_mr() -> None:
    text = "They met in May. Mr. Putin and Mr. Xi signed twelve agreements in Moscow. Then they left."
    assert sentence_around(text, "Xi") == "Mr. Putin and Mr. Xi signed twelve agreements in Moscow."


def test_a_name_not_in_the_text_gives_its_start() -> None:
    assert sentence_around("A short passage.", "Lula") == "A short passage."
