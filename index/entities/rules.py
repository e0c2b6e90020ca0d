"""The rule table: for each shape of name in cased text, its pattern, its type, and what is special.

`CASED_RULES` runs in order (the order breaks ties between mentions of one length and one priority).
Most rules take their pattern's name group as it is; the functions here say what else a rule knows:
a verb that ends no name in a headline, a name found back from a rare kind word ("the Bruegel think
tank"), two names in one match, a model number that is a reactor, not a weapon. The patterns are in
`index.entities.grammar`; what a rule names becomes a mention in `index.entities.rule_reading`.
"""

from __future__ import annotations

import re

from index.entities.given_names import CHINESE_FAMILY_NAMES, GIVEN_NAMES, NOT_SURNAMES
from index.entities.grammar import amounts, events, lexicon, orgs, people, places, shapes, weapons
from index.entities.passes import Mention, list_parts, within
from index.entities.rule_reading import Reader, Reading, Rule, TextRule, read_each, read_name

__all__ = ["CASED_RULES"]


# people ---------------------------------------------------------------------------
def _person_of_institution(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    read_name(reading, rule, match)
    if other := people.PERSON_AND.search(reading.text, max(0, match.start() - 60), match.start()):
        reading.add(rule.kind, other)  # "X Y and A B of the … Center": both of it


def _given_then_name(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    first, last = match.group("first"), match.group("last")
    a_name = (first in GIVEN_NAMES or first in CHINESE_FAMILY_NAMES) and last not in NOT_SURNAMES
    text = reading.text
    numbered = re.match(r"[ ]\d", text[match.end("last") : match.end("last") + 2])  # "Xue Long 2", a ship
    in_headline = within(reading.headlines, match.start())  # not "The Yuan Goes North"
    if a_name and not numbered and not in_headline:
        reading.add_span(rule.kind, match.start("first"), match.end("last"))


def _named_after_role(reading: Reading, rule: Rule, comma: re.Match[str]) -> None:
    role = people.ROLE_BEFORE.search(reading.text, max(0, comma.start() - 16), comma.start())
    if role and (named := people.NAME_AFTER_ROLE.match(reading.text, comma.end())):
        reading.add(rule.kind, named)


def _byline(reading: Reading, rule: Rule, byline: re.Match[str]) -> None:
    offset = byline.start("names")
    for person in people.BYLINE_NAME.finditer(byline.group("names")):  # not the places after "in"
        reading.add_span(rule.kind, offset + person.start("name"), offset + person.end("name"))


# organisations --------------------------------------------------------------------
def _listed(reading: Reading, rule: Rule, listed: re.Match[str]) -> None:
    offset = listed.start("items")
    for item in orgs.LIST_ITEM.finditer(listed.group("items")):
        if not re.match(lexicon.WHEN, item.group("name")):  # "said investors Monday"
            reading.add_span(rule.kind, offset + item.start("name"), offset + item.end("name"))


# Suffixes that are also words inside longer names: they end a name only where no capital follows.
_LOOSE_SUFFIXES = frozenset({"Research", "Energy", "Maritime"})
# Organisation suffixes that are also verbs or loose words: in a title-case headline they end no name.
_HEADLINE_VERBS = frozenset(
    "Court Post Guard Review Monitor Exchange Bank Fund Force Forces Police Command Board Front Club Network Party "
    "Lines Union Energy Maritime Capital Service Office Research".split()
)
_CAPITAL_NEXT = re.compile(r"[ ]+[A-Z]")
_SHIPS_BEFORE = re.compile(
    r"\b(?i:tankers?|vessels?|ships?|freighters?)(?:,|[ ]+such[ ]+as|[ ]+including|[ ]+named|[ ]+called)?"
    r"[ ]+(?:the[ ]+)?$"
)


def _org(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    name, text = match.group("name"), reading.text
    last = name.rsplit(None, 1)[-1]
    if last in _HEADLINE_VERBS and within(reading.headlines, match.start()):
        return  # "Moscow and Beijing Court the Sahel": in a title-case line, a verb
    if last in _LOOSE_SUFFIXES and _CAPITAL_NEXT.match(text, match.end()):
        return  # "International Lunar Research Station": the name goes on past the loose word
    if _SHIPS_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return  # "tankers such as the Asya Energy": a ship's name, not its owner
    read_name(reading, rule, match)


def _org_of(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    name, start = match.group("name"), match.start("name")
    if " and " in name and reading.lookup(name.split(" and ", 1)[1]):
        reading.add_span(rule.kind, start, start + name.index(" and "))  # "the Bank of China and Gazprom": two names
        return
    if " of the " in name and reading.lookup(name) is None:
        head, _, tail = name.partition(" of the ")
        if (known := reading.lookup(tail)) is not None and known.type == "ORG":
            # "the Joint Staff Department of the Central Military Commission": a body of a known one
            reading.add_span(rule.kind, start, start + len(head))
            reading.add_span(rule.kind, start + len(head) + len(" of the "), match.end("name"))
            return
    read_name(reading, rule, match)


def _org_described(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    name = match.group("name")
    if " of " in name:
        known = reading.lookup(name.split(" of ", 1)[1])
        if known is not None and known.type == "PLACE":  # "the company Gazprom of Russia"
            reading.add_span(rule.kind, match.start("name"), match.start("name") + name.index(" of "))
            return
    read_name(reading, rule, match)


# An appositive whose head is an organisation's noun ("X, the state holding company,"), not one that only
# mentions one ("X, a spokesman for the company,", "X, a former central bank official,").
_APPOSITIVE_HEAD = re.compile(
    rf",[ ]+(?:a|an|the|{shapes.U}[\w.-]*[’']s)[ ]+(?:(?!(?:for|of|at|in|from|with|on|to|by)[ ])[\w’'-]+[ ]+){{0,4}}?"
    rf"(?:{lexicon.ORG_NOUNS})(?=[,.;)]|[ ]+(?:in|of|based|that|which|whose|owned|controlled|run|says|said)\b)"
)


def _org_appositive(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    strong = _APPOSITIVE_HEAD.match(reading.text, match.end("name"))
    reading.add(rule.kind, match, priority=2 if strong else rule.priority)  # "X Y, the state holding company, says"


def _org_maker(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    if match.group("name").split()[0] in GIVEN_NAMES:
        return  # "designed by Mikhail Kalashnikov": a person
    if match.group("more"):
        for start, end in list_parts(reading.text, *match.span("more")):
            reading.add_span(rule.kind, start, end)
    read_name(reading, rule, match)


def _name_before(text: str, at: int, pattern: re.Pattern[str], window: int) -> re.Match[str] | None:
    """The name that ends right before a kind word at `at` ("Navy" of "Navy Day", "Intahaka" of "the
    Intahaka gold mine"): found from the rare kind word back, not from every capital forward."""
    named = pattern.search(text, max(0, at - window), at)
    if (
        named
        and named.group("name") not in lexicon.NOT_NAMES_BEFORE_KIND
        and named.group("name") not in lexicon.NOT_NAMES
    ):
        return named
    return None


def _named_before_which(reading: Reading, rule: Rule, which: re.Match[str]) -> None:
    if named := _name_before(reading.text, which.start(), orgs.WHICH_NAME, 60):
        reading.add(rule.kind, named, priority=rule.priority)  # over a person "said Baltic Cargo, which operates …"


# A line between places is named with its kind word: "the Rasht–Astara railway", "the Druzhba pipeline".
_LINES = frozenset({"railway", "railroad", "pipeline", "bridge", "tunnel"})
_FACILITY = re.compile(r"mine|field|oilfield|deposit|terminal|refinery|shipyard|dam|spaceport|cosmodrome")


def _named_before_kind(window: int) -> Reader:
    """The name right before a kind word, no adjective: "the Bruegel think tank", "the Intahaka gold mine"."""

    def read(reading: Reading, rule: Rule, kind_word: re.Match[str]) -> None:
        named = _name_before(reading.text, kind_word.start(), places.SITE_NAME, window)
        if named is None or shapes.is_adjective(named.group("name")):
            return
        ends = re.split(r"[-–]", named.group("name"))
        if len(ends) > 1 and all((known := reading.lookup(end)) and known.type == "PLACE" for end in ends):
            return  # "the China-Kyrgyzstan-Uzbekistan railway": the places the lists know, each
        last = kind_word.group().rsplit(None, 1)[-1]
        if last in _LINES:
            reading.add_span(rule.kind, named.start("name"), kind_word.end())  # "the Rasht–Astara railway" whole
        elif rule.kind == "PLACE" and _FACILITY.fullmatch(last):
            # "the Chayanda field" is the place, named to its head word; its name stays "Chayanda", the
            # same entity as the field named alone
            start, end = named.start("name"), kind_word.end()
            reading.found.append((1, Mention(start, end, "PLACE", named.group("name"), reading.text[start:end])))
        else:
            reading.add(rule.kind, named)

    return read


def _org_shapes(reading: Reading) -> None:
    """Words ending like the region's company names ("Kazatomprom"), found from the endings back."""
    text = reading.text
    for ending in lexicon.ORG_SHAPE_ENDINGS:
        at = text.find(ending)
        while at > 0:
            end = at + len(ending)
            shaped = orgs.ORG_SHAPE.match(text, _word_start(text, at), end + 40) if text[at - 1].islower() else None
            if shaped and shaped.end() == end:
                reading.add("ORG", shaped, priority=0)
            at = text.find(ending, end)


def _word_start(text: str, at: int) -> int:
    """Where the word holding `at` begins."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "’'-"):
        at -= 1
    return at


def _camel_case(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    if match.group("name") not in lexicon.NOT_CAMEL_CASE_ORGS:
        read_name(reading, rule, match)


# places ---------------------------------------------------------------------------
def _place_named(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    if match.group("a"):  # "the ports of Aktau and Kuryk"
        reading.add(rule.kind, match, "a")
        reading.add(rule.kind, match, "b")
    else:
        read_name(reading, rule, match)


def _site_pair(reading: Reading, rule: Rule, kind_word: re.Match[str]) -> None:
    pair = places.SITE_PAIR.search(reading.text, max(0, kind_word.start() - 80), kind_word.start())
    if pair is None:
        return
    for group in ("a", "b"):
        name = shapes.LEADING_NOISE.sub("", pair.group(group))
        if not shapes.is_adjective(name):
            reading.add(rule.kind, pair, group)  # "the Kandym and Gissar fields"


def _place_shape(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    before = reading.text[max(0, match.start() - 30) : match.start()]
    if match.group("name") not in lexicon.NOT_PLACE_SHAPES and not re.search(r"[A-Z][\w.-]*[ ]+$", before):
        read_name(reading, rule, match)


# events ---------------------------------------------------------------------------
_DRILLS_OF = re.compile(r"(?P<who>.+?)[ ]+(?:Drills?|Exercises?|Manoeuvres|Maneuvers)$")
_QUOTE_END = re.compile(r"[,.]?[\"”]")


def _event(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    if (drills := _DRILLS_OF.match(match.group("name"))) and reading.lookup(drills.group("who")):
        return  # "Baltic Fleet Drills": what a known fleet or country does, not a named event
    text = reading.text
    if text[match.start() - 1 : match.start()] in ('"', "“") and _QUOTE_END.match(text, match.end()):
        return  # "Chip War", in quotation marks: the title of a book or a film
    read_name(reading, rule, match)


def _event_before_kind(reading: Reading, rule: Rule, match: re.Match[str]) -> None:
    group = next(g for g in rule.groups if match.group(g))
    name = match.group(group)
    if name.endswith(" war") and shapes.is_adjective(name[:-4]):
        return  # "the Russian war" is no name; the named ones ("the Korean war") are listed
    reading.add(rule.kind, match, group)


def _named_day(reading: Reading, rule: Rule, day: re.Match[str]) -> None:
    if named := _name_before(reading.text, day.start(), events.DAY_NAME, 40):
        reading.add_span(rule.kind, named.start("name"), day.end())  # "Navy Day"


# weapons --------------------------------------------------------------------------
def _weapon_before_kind(reading: Reading, rule: Rule, kind_word: re.Match[str]) -> None:
    named = weapons.WEAPON_BEFORE_KIND.search(reading.text, max(0, kind_word.start() - 90), kind_word.start())
    if named is None:
        return
    # Radars are named after places ("the Voronezh radars", "the Daryal radar"): the name before
    # "radar" is the radar's whatever a list says of it.
    radar = kind_word.group("kind").startswith("radar")
    for group in ("name", "also") if named.group("also") else ("name",):  # "Minuteman III and Trident II missiles"
        name = named.group(group)
        start, end = named.span(group)
        first, _, rest = name.partition(" ")
        if rest and first in lexicon.NOT_NAMES_BEFORE_KIND:  # "Every J-20 fighter": the word before is no part of it
            name, start = rest, start + len(first) + 1
        known = reading.lookup(name)
        if (
            name not in lexicon.NOT_NAMES_BEFORE_KIND
            and not weapons.NOT_WEAPONS.match(name)
            and (known is None or known.type == "WEAPON" or (radar and known.type == "PLACE"))
        ):
            reading.add_span(rule.kind, start, end, priority=4 if radar else rule.priority, own=radar)


def _model_numbers(reading: Reading) -> None:
    """Model numbers ("Su-35", "40N6", "Kilo-class"): weapons, unless the text says one is a reactor or a plant."""
    text, scan = reading.text, reading.scan
    designators = [
        m for pattern in (weapons.DESIGNATOR, weapons.DESIGNATOR_CODE, weapons.CLASS) for m in scan.finditer(pattern)
    ]
    # A model number once followed by "reactor" or "plant" is civil wherever the text names it.
    civil = {m.group("name") for m in designators if weapons.CIVIL_AFTER.match(text[m.end() : m.end() + 24].lower())}
    for match in designators:
        if not weapons.NOT_WEAPONS.match(match.group("name")) and match.group("name") not in civil:
            reading.add("WEAPON", match)
        elif weapons.LINE_AFTER.match(text, match.end()):
            reading.add("PLACE", match)  # "the CASA-1000 line": a named power line or pipeline is a facility


# In this order: it decides between mentions of one length and priority found by two rules.
CASED_RULES: tuple[Rule | TextRule, ...] = (
    Rule(people.PERSON_AFTER_TITLE, "PERSON", priority=2),
    Rule(people.PERSON_PAIR_AFTER_TITLE, "PERSON", priority=2, groups=("a", "b"), read=read_each),
    Rule(people.PERSON_SAID, "PERSON"),
    Rule(people.SAID_PERSON, "PERSON"),
    Rule(people.PERSON_OF_INSTITUTION, "PERSON", read=_person_of_institution),
    Rule(people.GIVEN_THEN_NAME, "PERSON", read=_given_then_name),
    Rule(orgs.ORG_LIST, "ORG", read=_listed),
    Rule(people.PERSON_APPOSITIVE, "PERSON", groups=("name", "named")),
    Rule(people.COMMA_BEFORE_CAPITAL, "PERSON", read=_named_after_role),
    Rule(orgs.ORG_OF, "ORG", read=_org_of),
    Rule(orgs.ORG, "ORG", read=_org),
    Rule(orgs.ORG_DESCRIBED, "ORG", read=_org_described),
    Rule(orgs.ORG_APPOSITIVE, "ORG", read=_org_appositive),
    Rule(orgs.ORG_POSSESSING, "ORG"),
    Rule(orgs.ORG_ACRONYM_AFTER, "ORG"),
    Rule(places.PLACE, "PLACE"),
    Rule(places.PLACE_OF, "PLACE"),
    Rule(places.PLACE_AFTER_KIND, "PLACE"),
    Rule(places.PLACE_NAMED, "PLACE", groups=("name", "lived"), read=_place_named),
    Rule(events.EVENT, "EVENT", read=_event),
    Rule(events.EXERCISE_BEFORE_KIND, "EVENT"),
    Rule(events.OPERATION, "EVENT"),
    Rule(orgs.ARMED_SERVICE, "ORG"),
    Rule(events.EVENT_OF, "EVENT"),
    Rule(events.SUMMIT, "EVENT"),
    Rule(events.EVENT_BEFORE_KIND, "EVENT", groups=("name", "shown", "agreed"), read=_event_before_kind),
    Rule(events.EVENT_CODENAMED, "EVENT"),
    Rule(orgs.ORG_RUN, "ORG"),
    Rule(orgs.ORG_MAKER, "ORG", read=_org_maker),
    Rule(orgs.ORG_OWNER, "ORG"),
    Rule(orgs.ORG_LED, "ORG"),
    Rule(orgs.ORG_NUMBERED, "ORG"),
    Rule(orgs.ORG_SITE, "ORG"),
    Rule(orgs.ORG_AT_WORK, "ORG"),
    Rule(orgs.ORG_REGISTERED, "ORG"),
    Rule(orgs.ORG_AFTER_KIND, "ORG", priority=2),  # "a payment platform, BRICS Bridge, built on"
    Rule(events.EVENT_NUMBERED, "EVENT"),
    Rule(orgs.WHICH_OWNS, "ORG", priority=2, needs=("which ", " by "), read=_named_before_which),
    Rule(weapons.WEAPON_KIND, "WEAPON", read=_weapon_before_kind),
    Rule(weapons.CLASS_NUMBER, "WEAPON", needs=("type ", "project ")),
    # A ship named after its kind beats the place list: "the destroyer Jinan" is a ship.
    Rule(weapons.SHIP_NAMED, "WEAPON", priority=4, own=True),
    Rule(weapons.SHIP_APPOSITIVE, "WEAPON", priority=4, own=True),
    Rule(weapons.SHIPS_LISTED, "WEAPON", priority=4, own=True, groups=("a", "b"), read=read_each),
    Rule(people.BYLINE, "PERSON", needs=("by",), read=_byline),
    Rule(events.MISSION, "EVENT", priority=2, needs=("mission",)),
    Rule(events.EXERCISE, "EVENT", priority=2),
    TextRule(_model_numbers),
    Rule(events.DAY, "EVENT", read=_named_day),
    Rule(events.EXERCISE_AFTER_KIND, "EVENT", priority=2),
    Rule(orgs.ORG_KIND, "ORG", read=_named_before_kind(60)),
    Rule(places.SITE, "PLACE", read=_named_before_kind(80)),
    Rule(places.SITES, "PLACE", read=_site_pair),
    Rule(places.PLACE_SHAPE, "PLACE", priority=0, read=_place_shape),
    Rule(orgs.CAMEL_CASE, "ORG", priority=0, read=_camel_case),
    TextRule(_org_shapes),
    Rule(amounts.MONEY, "MONEY"),
    Rule(amounts.DATE, "DATE", priority=0),
    Rule(amounts.LONE_MONTH, "DATE", priority=0),
)
