"""Where a weapon's name is: before its kind ("... cruise missiles"), a ship by its kind, model
numbers ("Su-35", "40N6", "Kilo-class"), and the model numbers that are no weapon.
"""

from __future__ import annotations

import re

from index.entities.grammar.lexicon import SHIP_KINDS
from index.entities.grammar.shapes import AT_CAPITAL, CAP, CAP_PART

# "Type 052D", "Project 22350": Chinese and Russian warship classes by number (not a year).
CLASS_NUMBER = re.compile(r"\b(?P<name>(?:Type|Project)[ ](?!(?:19|20)\d\d\b)\d{3,5}[A-Z]{0,2})\b")
# "the destroyer Jinan", "the aircraft carrier Shandong": a warship named after its kind, whatever
# else the name is (a city, a province); icebreakers and tankers are not weapons.
SHIP_NAMED = re.compile(
    rf"\b{SHIP_KINDS}(?:,[ ]+the)?[ ]+(?P<name>[A-Z][a-z]+(?:[’'][a-z]+)?(?:[ ][A-Z][a-z]+)?)(?![\w’'-])"
)  # "the destroyer Jinan", "a Type 055 destroyer, the Lhasa,"
# "the Admiral Levchenko, an upgraded Udaloy-class destroyer": a ship set off by what it is.
SHIP_APPOSITIVE = re.compile(
    rf"\b[Tt]he[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}),[ ]+an?[ ]+(?:[\w-]+[ ]+){{0,4}}?{SHIP_KINDS}\b"
)
# "Two Borei-A submarines, the Knyaz Pozharsky and the Imperator Aleksandr III", "the corvettes
# Sovershenny and Gromky": ships after their kind.
SHIPS_LISTED = re.compile(
    rf"\b{SHIP_KINDS}s(?:,[ ]+the)?[ ]+(?P<a>{CAP}(?:[ ]+{CAP}){{0,3}})[ ]+and[ ]+(?:the[ ]+)?"
    rf"(?P<b>{CAP}(?:[ ]+{CAP}){{0,3}})"
)
# "the BrahMos cruise missile", "Tsirkon missiles", "the Kazan submarine": a name before a weapon noun.
# "Kalibr cruise missiles", "Wing Loong drones" (two words, unless the first is a demonym: "Russian
# Lancet drones"), "Minuteman III and Trident II missiles". Found from the kind word back: the kind
# words are rare, capitals everywhere.
WEAPON_KIND = re.compile(
    r"[ ](?P<kind>missile system|missiles?|fighters?|bombers?|submarines?|destroyer|frigate|corvette|tanks?|"
    r"drones?|launchers?|rockets?|howitzers?|helicopters?|warship|air defen[cs]e system|battery|batteries|radars?|"
    r"self-propelled guns?|guns|glide bombs?)\b"
)
WEAPON_BEFORE_KIND = re.compile(
    rf"(?<![\w’'-])(?P<name>(?:(?![A-Z][a-z]+(?:ian|ese|ish|ean|an)[ ]){CAP_PART}[ ]+)?"
    rf"{CAP_PART}(?:-(?:{CAP_PART}|\d{{1,4}}[A-Z]?))?)(?:[ ]+and[ ]+(?P<also>{CAP_PART}(?:[ ]+{CAP_PART})?"
    rf"(?:-(?:{CAP_PART}|\d{{1,4}}[A-Z]?))?))?(?:[ ]+(?:cruise|ballistic|anti-ship|hypersonic|air-defen[cs]e|"
    r"surface-to-air|nuclear|attack|multirole|stealth|strategic|long-range|kamikaze|loitering|light|heavy|combat|"
    r"strike|main battle|"
    r"[a-z]+-[a-z]+(?:-[a-z]+)?)){0,2}$"  # and two hyphenated ones: "intermediate-range", "air-launched"
)
DESIGNATOR = re.compile(
    AT_CAPITAL
    + r"(?P<name>(?:[A-Z][A-Za-z]{0,3}|[A-Z]{2,4})-\d{1,3}[A-Z]{0,3}(?:\d[A-Z]{0,2})?(?:-\d{1,2})?(?:/[A-Z]{1,2})?"
    r"|[A-Z][a-z]{4,7}-\d{2,3}[A-Z]?|[A-Z][a-z]{2,7}-[A-Z]{1,2}\d{1,2}[A-Z]?)"
    r"(?![\w-])"
)  # "Su-35", "S-400", "Kh-47M2", "AL-41F1S", "HQ-9/P"; with a longer name: "Shahed-136", "Pantsir-S1", "Tor-M2"
# "40N6", "9M727", "2S19", "3M22"; not quarters and halves ("2Q23", "1H2024")
DESIGNATOR_CODE = re.compile(r"\b(?P<name>\d{1,2}(?![QH])[A-Z]\d{1,3}[A-Z]{0,2}\d?)\b")
CLASS = re.compile(
    r"\b(?P<name>[A-Z][a-z]+-class(?:\s+(?:submarine|destroyer|frigate|corvette|cruiser|carrier|icebreaker)s?)?)"
)
# Designator-shaped names that are not weapons: regulations, flights, ratings ("A-1", not the A-50 radar
# plane), and spacecraft and their missions.
NOT_WEAPONS = re.compile(
    r"^(?:COVID|G|A(?=-\d(?!\d))|H1N1|MH|Form|Article|Resolution|Route|Highway|Chapter|Section|Luna|Soyuz|"
    r"Shenzhou|Tianzhou|Tianwen|Tiangong|Apollo|Artemis|Progress|Proton|Angara|Kosmos|Venera|Falcon|Ariane|Vega|"
    r"Zenit|Long March|March)-",
    re.I,
)
# A model number before these words names a reactor, a plant or a car, not a weapon: "VVER-1200 reactors".
CIVIL_AFTER = re.compile(
    # "power units" are reactors, but bare "units" may be a regiment's ("Pantsir-S1 units")
    r"\s+(?:fast |nuclear |power |research |transmission )?(?:reactors?|(?:power|nuclear|reactor) units?|"
    r"power plants?|plants?|cars?|trucks?|"
    r"lines?|pipelines?|projects?|satellites?)\b"
)
LINE_AFTER = re.compile(r"\s+(?:transmission |power )?(?:lines?|pipelines?)\b")
