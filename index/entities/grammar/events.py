"""Where an event's name is: before its suffix ("... Summit"), a named exercise, operation, day, mission
or agreement, and the numbered congress.
"""

from __future__ import annotations

import re

from index.entities.grammar.lexicon import CONNECT, EVENT_KIND, EVENT_SUFFIX
from index.entities.grammar.shapes import AT_CAPITAL, CAP

# "the 20th Party Congress", "the Third Plenum" are events, not the party.
EVENT_NUMBERED = re.compile(
    r"\b(?P<name>(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh)[ ]+"
    rf"(?:{CAP}[ ]+){{0,3}}(?:Congress|Plenum|Session|Summit|Forum|Conference))\b"
)
# "a joint drill, CASAREX 2024,": an exercise named after its kind, with its year.
EXERCISE_AFTER_KIND = re.compile(
    r"\b(?:drills?|exercises?|manoeuvres|maneuvers|war games),[ ]+"
    rf"(?P<name>{CAP}(?:[ ]+{CAP}){{0,2}}[ -](?:19|20)\d{{2}})\b"
)
EVENT = re.compile(rf"{AT_CAPITAL}(?P<name>(?:{CAP}[ ]+(?:{CONNECT}[ ]+)*){{1,5}}(?:{EVENT_SUFFIX}))\b")
# "the Malabar exercise", "the Northern Shield 2024 drills": a named exercise before its kind.
EXERCISE_BEFORE_KIND = re.compile(
    rf"{AT_CAPITAL}(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}(?:[ ](?:19|20)\d{{2}})?)[ ]+(?:naval |joint |military |air )?"
    r"(?:exercise|exercises|drills|war games|maneuvers|manoeuvres)\b"
)
# "the exercise, codenamed Ocean Shield", "an operation dubbed Rolling Thunder".
EVENT_CODENAMED = re.compile(
    r"\b(?:exercises?|drills?|operation|manoeuvres|maneuvers|war games|offensive|mission)[ ,]+[^.\n]{0,30}?"
    rf"\b(?:codenamed|code-named|dubbed)[ ]+(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}(?:[ -](?:19|20)\d{{2}})?)"
)
# "the Treaty of Nerchinsk", "the Battle of Stalingrad": an event named before "of".
EVENT_OF = re.compile(
    r"\b(?P<name>(?:Treaty|Battle|Siege|Declaration|Convention|Protocol|Congress|Conference|Agreement|Accord|"
    rf"Peace)[ ]+(?:of|on)[ ]+(?:the[ ]+)?{CAP}(?:[ ]+(?:{CONNECT}[ ]+)*{CAP}){{0,3}})"
)
# "the Damansky Island incident", "the Victory Day parade": a name before a lower-case event word,
# after "the" (a demonym alone is no name: "the Russian offensive" is not one).
EVENT_NAME_BEFORE = rf"{CAP}(?:[ ]+{CAP}){{0,3}}(?:[ ](?:19|20)\d{{2}})?"
EVENT_BEFORE_KIND = re.compile(
    rf"\b[Tt]he[ ]+(?P<name>{EVENT_NAME_BEFORE}[ ]+(?:{EVENT_KIND}))\b"
    # "the 2014 Power of Siberia agreement": an agreement named for what it is about
    rf"|\b[Tt]he[ ]+(?:(?:19|20)\d{{2}}[ ]+)?(?P<agreed>{CAP}(?:[ ]+(?:{CONNECT}[ ]+)?{CAP}){{0,4}}[ ]+"
    r"(?:agreement|agreements|treaty|memorandum|pact))\b"
    # an exhibition's own name stops before the word: "the Airshow China exhibition"
    rf"|\b[Tt]he[ ]+(?P<shown>{EVENT_NAME_BEFORE})[ ]+(?:exhibition|trade fair|arms fair)\b"
)
# "Operation Barkhane", "the BRICS summit in Kazan": named operations and summits are events.
OPERATION = re.compile(rf"{AT_CAPITAL}(?P<name>Operation[ ]+{CAP}(?:[ ]+{CAP}){{0,2}})")
# "Navy Day", "Victory Day", "Unity Day": a named day is an event (found from "Day" back).
DAY = re.compile(r"(?<=\w)[ ]Day\b")
DAY_NAME = re.compile(rf"(?<![\w’'-])(?P<name>{CAP}(?:[ ]+{CAP})?)$")
SUMMIT = re.compile(rf"{AT_CAPITAL}(?P<name>{CAP}(?:[ ]+{CAP}){{0,3}}[ ]+summit)\b")
EXERCISE = re.compile(
    AT_CAPITAL
    + r"(?P<name>(?:Joint Sea|Vostok|Zapad|Tsentr|Kavkaz|Peace Mission|Northern Interaction|Maritime Security Belt|"
    r"Mosi|Aerospace Security|Army Games)[- ](?:19|20)\d{2}|[A-Z][a-z]+(?:[ /][A-Z][a-z]+){0,4}-(?:19|20)\d{2}[A-Z]?)\b"
)
# "the Chang'e-8 mission": a numbered mission is an event.
MISSION = re.compile(r"\b(?P<name>[A-Z][\w'’]*(?:[ ][A-Z][\w'’]*)?[- ]\d{1,3}[A-Z]?)[ ]+mission\b")
