"""The rule table: each rule reads groups its pattern has, each pattern has one rule, a rule names its
kind at its priority and its own reading decides what else (the whole table: the extraction tests)."""

from __future__ import annotations

import re

from index.entities.gazetteer import load_gazetteer
from index.entities.grammar import orgs, weapons
from index.entities.line_scan import LineScan
from index.entities.passes import headline_lines
from index.entities.rule_reading import Reading, Rule, read_each, read_name
from index.entities.rules import CASED_RULES

RULES = [rule for rule in CASED_RULES if isinstance(rule, Rule)]


def test_every_group_a_rule_reads_is_in_its_pattern() -> None:
    for rule in RULES:
        if rule.read in (read_name, read_each):
            assert set(rule.groups) <= set(rule.pattern.groupindex), rule.pattern.pattern[:60]


def test_each_pattern_has_one_rule() -> None:
    patterns = [rule.pattern for rule in RULES]
    assert len(patterns) == len(set(patterns))


def read(text: str, rule: Rule) -> list[tuple[int, str, str]]:
    reading = Reading(text, load_gazetteer(), headline_lines(text), LineScan(text))
    rule.run(reading)
    return [(priority, m.type, m.text) for priority, m in reading.found]


def rule_of(pattern: re.Pattern[str]) -> Rule:
    return next(rule for rule in RULES if rule.pattern is pattern)


def test_a_rule_names_its_kind_at_its_priority() -> None:
    ships = rule_of(weapons.SHIP_NAMED)
    assert read("They saw the destroyer Jinan at sea.", ships) == [(4, "WEAPON", "Jinan")]  # not the city


def test_what_is_special_about_a_rule() -> None:
    makers = rule_of(orgs.ORG_MAKER)
    assert read("chips made by Texas Instruments, Analog Devices and Infineon", makers) == [
        (1, "ORG", "Analog Devices"),
        (1, "ORG", "Infineon"),
        (1, "ORG", "Texas Instruments"),
    ]
    assert read("a rifle produced by Mikhail Kalashnikov", makers) == []  # a person
