"""Who and what a text names: people, organisations, places, weapons systems, events, money, dates.

Two sources, merged longest-first: the gazetteer (`gazetteer.toml` plus the user's `entities.toml`),
matched on normalised words so "U.S." = "US" = a scrape's "u s"; and rules for what no list
holds: titles before names ("Foreign Minister Wang Yi"), organisation and place suffixes ("the
Carnegie Moscow Center", "South China Sea"), weapon designators ("Su-35", "40N6", "Amur-class"),
named exercises ("Joint Sea 2015"), money and date shapes. A surname alone links to the full name
met in the same document. In lowercased text, names that are also ordinary words ("blank",
"sands", "may") count only after a title or where the full name appears in the same text.

This module runs the sources and decides between what they find; the shapes of names are in
`index.entity_grammar`, the passes that judge the chosen mentions together in `index.entity_passes`.
"""

from __future__ import annotations

import re

from index.entities import grammar
from index.entities.gazetteer import EntityInfo, Gazetteer, load_gazetteer, name_key
from index.entities.given_names import CHINESE_FAMILY_NAMES, GIVEN_NAMES, NOT_SURNAMES
from index.entities.line_scan import LineScan
from index.entities.passes import (
    Mention,
    Taken,
    capitalised_words,
    headline_lines,
    link_surnames,
    list_parts,
    listed_with_known,
    makers_of_models,
    not_only_in_headlines,
    numbered,
    places_by_company,
    repeated,
    within,
)
from index.tokens import words

__all__ = ["Mention", "extract", "is_lowercased"]


def is_lowercased(text: str) -> bool:
    sample = text[:20000]
    letters = sum(map(str.isalpha, sample))
    return letters > 200 and sum(map(str.isupper, sample)) / letters < 0.005


# extraction ----------------------------------------------------------------------
def extract(
    text: str,
    gazetteer: Gazetteer | None = None,
    tokens: list[tuple[str, int, int]] | None = None,
    model_spans: list[tuple[int, int, str]] | None = None,
) -> list[Mention]:
    """Every entity mention in a cleaned document text, in order, without overlaps.

    tokens: the text's `index.tokens.words`, when the caller has them already.
    model_spans: the statistical model's (start, end, type) finds, when the entity pass has them
    (`index.entities.combine` decides between them and the rules); without them, rules alone.
    """
    gazetteer = gazetteer or load_gazetteer()
    lowercase = is_lowercased(text)
    tokens = list(words(text)) if tokens is None else tokens
    found = _gazetteer_mentions(text, gazetteer, lowercase, tokens)
    scan = LineScan(text, tokens)  # each rule's pattern scans only the lines that hold a word it needs
    if not lowercase:
        headlines = headline_lines(text)  # asked by the rules and two passes: found once
        found += _rule_mentions(text, gazetteer, headlines, scan)
    else:
        found += _lowercase_rule_mentions(text, gazetteer, scan)
    chosen = _resolve_overlaps(found)
    capitals = None if lowercase else capitalised_words(text)  # looked up by two passes: found once
    chosen = link_surnames(text, chosen, capitals)
    if capitals is not None:
        chosen = listed_with_known(text, places_by_company(text, chosen), headlines)
        chosen = repeated(text, numbered(text, makers_of_models(text, chosen)), capitals)
        chosen = not_only_in_headlines(text, chosen, gazetteer, headlines)
    if model_spans:
        from index.entities.combine import combine

        chosen = combine(text, chosen, model_spans, gazetteer)
    if not gazetteer.ignored:
        return chosen
    return [
        m for m in chosen if name_key(m.name) not in gazetteer.ignored and name_key(m.text) not in gazetteer.ignored
    ]


def _gazetteer_mentions(
    text: str, gazetteer: Gazetteer, lowercase: bool, tokens: list[tuple[str, int, int]]
) -> list[tuple[int, Mention]]:
    # Only lowercased text asks whether a full name is present (to accept an ordinary-word alias).
    full_names_present = gazetteer.full_keys & _ngram_keys(tokens) if lowercase else set()
    out: list[tuple[int, Mention]] = []
    plain = tuple(t[0] for t in tokens)  # slices of a tuple of words compare in C
    # Only words some name starts with are tried (found in one pass in C), in order; a name matched
    # at i takes its words, so the next try is at the first word after it.
    resume = 0
    for i in [i for i, word in enumerate(plain) if word in gazetteer.first_words]:
        if i < resume:
            continue
        for form, entry, alias in gazetteer.candidates(plain[i]):
            size = len(form)
            if plain[i : i + size] != form:
                continue
            start, end = tokens[i][1], tokens[i + size - 1][2]
            surface = text[start:end]
            if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
                continue  # "CFR-600" is a model number, not the Council on Foreign Relations
            if _WORD_GOES_ON.match(text, end):
                continue  # "Xi'an" is a city, not Xi Jinping: an apostrophe inside a word joins it
            if not _acceptable(surface, form, entry, alias, lowercase, text, start, full_names_present):
                continue
            if (
                size == 1
                and surface.isupper()
                and _SHOUTED_BEFORE.search(text, max(0, start - 40), start)
                and _SHOUTED_AFTER.match(text, end)
            ):
                continue  # "OTHER PARTIES WHO PROVIDE": a word of a sentence in capitals, not the WHO
            out.append((3, Mention(start, end, entry.type, entry.name, surface)))
            resume = i + size
            break
    return out


_SHOUTED_BEFORE = re.compile(r"\b[A-Z]{2,}[ ]$")
_WORD_GOES_ON = re.compile(r"[’'](?![sS]\b)[A-Za-z]")  # "Xi'an", "O'Neill", not the possessive "Xi's"
_INNER_APOSTROPHE = re.compile(r"\w[’']\w")
_WEAPON_KIND_AFTER = re.compile(
    r"[ ](?:missiles?|batter(?:y|ies)|launchers?|systems?|drones?|rockets?|interceptors?|air defen[cs]e)\b"
)
_SHOUTED_AFTER = re.compile(r"[ ][A-Z]{2,}\b")


def _ngram_keys(tokens: list[tuple[str, int, int]]) -> set[str]:
    keys = set()
    for size in (2, 3, 4):
        for i in range(len(tokens) - size + 1):
            keys.add(" ".join(t[0] for t in tokens[i : i + size]))
    return keys


def _acceptable(
    surface: str,
    form: tuple[str, ...],
    entry: EntityInfo,
    alias: str,
    lowercase: bool,
    text: str,
    start: int,
    full_names_present: set[str],
) -> bool:
    if (
        ("'" in alias or "’" in alias)
        and _INNER_APOSTROPHE.search(alias)
        and not _INNER_APOSTROPHE.search(surface)
        and not alias.endswith(("'s", "’s"))
    ):
        return False  # "Xi'an" needs its apostrophe: "president xi an ally" in a scrape is no city
    if lowercase:
        if len(form) > 1 or form[0] not in grammar.COMMON_WORDS:
            return True
        if entry.type == "WEAPON" and _WEAPON_KIND_AFTER.match(text, start + len(surface)):
            return True  # "two patriot batteries", "stinger missiles": a system before its kind
        # An ordinary word counts only after a title, or where the full name is in the text too.
        before = text[max(0, start - 25) : start].lower()
        if re.search(r"\b(?:mr|mrs|ms|dr|president|minister|premier|general)\s*$", before):
            return True
        if re.search(r"\b(?:a|an|the|this|that|of|its|his|her|their|our|my|your|in|on|at)\s*$", before):
            return False  # "a blank page", "in may": an ordinary word after a determiner or preposition
        return name_key(entry.name) in full_names_present and name_key(entry.name) != form[0]
    # In cased text a name is capitalised as written: "blank" is not Stephen Blank, "us" not the US.
    first = surface[:1]
    if first.islower() and not alias[:1].islower() and not grammar.DOMAIN.search(alias):
        return False  # web domains are written in lower case: "kremlin.ru" is Kremlin.ru
    # "Us" at a sentence start is not the US: short all-capital names must be written in capitals.
    if len(form) == 1 and alias.isupper() and not surface.isupper() and len(alias) <= 3:
        return False
    # An organisation's or a weapon's two-word name is capitalised at both ends: "The guardian" opening a
    # sentence is not the newspaper, "Russian railways" not Russian Railways (places are written "the
    # Diaoyu islands" too).
    if entry.type not in ("ORG", "WEAPON") or len(form) != 2 or " " not in alias:
        return True
    return not (alias.rsplit(None, 1)[-1][:1].isupper() and surface.rsplit(None, 1)[-1][:1].islower())


def _rule_mentions(
    text: str, gazetteer: Gazetteer, headlines: list[tuple[int, int]], scan: LineScan
) -> list[tuple[int, Mention]]:
    out: list[tuple[int, Mention]] = []

    known_names: dict[str, EntityInfo | None] = {}

    def lookup(name: str) -> EntityInfo | None:
        if name not in known_names:
            known_names[name] = gazetteer.lookup(name)
        return known_names[name]

    def add(kind: str, match: re.Match[str], group: str = "name", priority: int = 1, own: bool = False) -> None:
        add_span(kind, *match.span(group), priority=priority, own=own)

    def add_span(kind: str, start: int, end: int, priority: int = 1, own: bool = False) -> None:
        """own: the words are this kind here whatever a list says of them ("the destroyer Jinan")."""
        surface = text[start:end]
        trimmed = grammar.LEADING_NOISE.sub("", surface)
        start += len(surface) - len(trimmed)
        trimmed = grammar.POSSESSIVE.sub("", trimmed).rstrip(".,;: ")
        if not trimmed or trimmed in grammar.NOT_NAMES or (kind == "PERSON" and not grammar.looks_like_person(trimmed)):
            return
        known = None if own else lookup(trimmed)
        name = known.name if known else trimmed
        if kind == "WEAPON" and known is None and re.search(r"-class \w+s$", trimmed):
            name = trimmed[:-1]  # "Kilo-class submarines" are the Kilo-class submarine
            known = lookup(name)
            name = known.name if known else name
        out.append((priority, Mention(start, start + len(trimmed), known.type if known else kind, name, trimmed)))

    for match in scan.finditer(grammar.PERSON_AFTER_TITLE):
        add("PERSON", match, priority=2)
    for match in scan.finditer(grammar.PERSON_PAIR_AFTER_TITLE):
        add("PERSON", match, "a", 2)
        add("PERSON", match, "b", 2)
    for pattern in (grammar.PERSON_SAID, grammar.SAID_PERSON, grammar.PERSON_OF_INSTITUTION):
        for match in scan.finditer(pattern):
            add("PERSON", match)
            if pattern is grammar.PERSON_OF_INSTITUTION and (
                other := grammar.PERSON_AND.search(text, max(0, match.start() - 60), match.start())
            ):
                add("PERSON", other)  # "X Y and A B of the … Center": both of it
    for match in scan.finditer(grammar.GIVEN_THEN_NAME):
        first, last = match.group("first"), match.group("last")
        a_name = (first in GIVEN_NAMES or first in CHINESE_FAMILY_NAMES) and last not in NOT_SURNAMES
        numbered = re.match(r"[ ]\d", text[match.end("last") : match.end("last") + 2])  # "Xue Long 2", a ship
        in_headline = within(headlines, match.start())  # not "The Yuan Goes North"
        if a_name and not numbered and not in_headline:
            add_span("PERSON", match.start("first"), match.end("last"))
    for listed in scan.finditer(grammar.ORG_LIST):
        offset = listed.start("items")
        for item in grammar.LIST_ITEM.finditer(listed.group("items")):
            if not re.match(grammar.WHEN, item.group("name")):  # "said investors Monday"
                add_span("ORG", offset + item.start("name"), offset + item.end("name"))
    for match in scan.finditer(grammar.PERSON_APPOSITIVE):
        add("PERSON", match, "name" if match.group("name") else "named")
    for comma in scan.finditer(grammar.COMMA_BEFORE_CAPITAL):
        role = grammar.ROLE_BEFORE.search(text, max(0, comma.start() - 16), comma.start())
        if role and (named := grammar.NAME_AFTER_ROLE.match(text, comma.end())):
            add("PERSON", named)
    lowered = text.lower()
    for pattern, kind in (
        (grammar.ORG_OF, "ORG"),
        (grammar.ORG, "ORG"),
        (grammar.ORG_DESCRIBED, "ORG"),
        (grammar.ORG_APPOSITIVE, "ORG"),
        (grammar.ORG_POSSESSING, "ORG"),
        (grammar.ORG_ACRONYM_AFTER, "ORG"),
        (grammar.PLACE, "PLACE"),
        (grammar.PLACE_OF, "PLACE"),
        (grammar.PLACE_AFTER_KIND, "PLACE"),
        (grammar.PLACE_NAMED, "PLACE"),
        (grammar.EVENT, "EVENT"),
        (grammar.EXERCISE_BEFORE_KIND, "EVENT"),
        (grammar.OPERATION, "EVENT"),
        (grammar.ARMED_SERVICE, "ORG"),
        (grammar.EVENT_OF, "EVENT"),
        (grammar.SUMMIT, "EVENT"),
        (grammar.EVENT_BEFORE_KIND, "EVENT"),
        (grammar.EVENT_CODENAMED, "EVENT"),
        (grammar.ORG_RUN, "ORG"),
        (grammar.ORG_MAKER, "ORG"),
        (grammar.ORG_OWNER, "ORG"),
        (grammar.ORG_LED, "ORG"),
        (grammar.ORG_NUMBERED, "ORG"),
        (grammar.ORG_SITE, "ORG"),
        (grammar.ORG_AT_WORK, "ORG"),
        (grammar.ORG_REGISTERED, "ORG"),
        (grammar.ORG_AFTER_KIND, "ORG"),
        (grammar.EVENT_NUMBERED, "EVENT"),
    ):
        if not grammar.worth_running(pattern, lowered):
            continue
        for match in scan.finditer(pattern):
            if pattern is grammar.PLACE_NAMED and match.group("a"):
                add(kind, match, "a")
                add(kind, match, "b")
                continue
            group = next(g for g in ("name", "shown", "agreed", "lived") if match.groupdict().get(g))
            name = match.group(group)
            if pattern is grammar.ORG_MAKER and name.split()[0] in GIVEN_NAMES:
                continue  # "designed by Mikhail Kalashnikov": a person
            if pattern is grammar.ORG_MAKER and match.group("more"):
                for start, end in list_parts(text, *match.span("more")):
                    add_span(kind, start, end)
            if (
                pattern is grammar.ORG
                and name.rsplit(None, 1)[-1] in _HEADLINE_VERBS
                and within(headlines, match.start())
            ):
                continue  # "Moscow and Beijing Court the Sahel": in a title-case line, a verb
            if (
                pattern is grammar.ORG
                and name.rsplit(None, 1)[-1] in _LOOSE_SUFFIXES
                and _CAPITAL_NEXT.match(text, match.end())
            ):
                continue  # "International Lunar Research Station": the name goes on past the loose word
            if pattern is grammar.EVENT_BEFORE_KIND and name.endswith(" war") and grammar.is_adjective(name[:-4]):
                continue  # "the Russian war" is no name; the named ones ("the Korean war") are listed
            if pattern is grammar.EVENT and (drills := _DRILLS_OF.match(name)) and lookup(drills.group("who")):
                continue  # "Baltic Fleet Drills": what a known fleet or country does, not a named event
            if (
                pattern is grammar.EVENT
                and text[match.start() - 1 : match.start()] in ('"', "“")
                and _QUOTE_END.match(text, match.end())
            ):
                continue  # "Chip War", in quotation marks: the title of a book or a film
            if pattern is grammar.ORG and _SHIPS_BEFORE.search(text, max(0, match.start() - 40), match.start()):
                continue  # "tankers such as the Asya Energy": a ship's name, not its owner
            if pattern is grammar.ORG_OF and " and " in name and lookup(name.split(" and ", 1)[1]):
                # "the Bank of China and Gazprom": two names, not one
                add_span(kind, match.start(group), match.start(group) + name.index(" and "))
                continue
            if pattern is grammar.ORG_DESCRIBED and " of " in name:
                known = lookup(name.split(" of ", 1)[1])
                if known is not None and known.type == "PLACE":  # "the company Gazprom of Russia"
                    add_span(kind, match.start(group), match.start(group) + name.index(" of "))
                    continue
            if pattern is grammar.ORG_OF and " of the " in name and lookup(name) is None:
                head, _, tail = name.partition(" of the ")
                if (known := lookup(tail)) is not None and known.type == "ORG":
                    # "the Joint Staff Department of the Central Military Commission": a body of a known one
                    start = match.start(group)
                    add_span(kind, start, start + len(head))
                    add_span(kind, start + len(head) + len(" of the "), match.end(group))
                    continue
            strong = (
                pattern is grammar.ORG_APPOSITIVE and _APPOSITIVE_HEAD.match(text, match.end(group))
            ) or pattern is grammar.ORG_AFTER_KIND
            add(kind, match, group, priority=2 if strong else 1)  # "X Y, the state holding company, says"
    for which in scan.finditer(grammar.WHICH_OWNS) if "which " in lowered or " by " in lowered else ():
        if named := _name_before(text, which.start(), grammar.WHICH_NAME, 60):
            add("ORG", named, priority=2)  # over a person "said Baltic Cargo, which operates …"
    for kind_word in scan.finditer(grammar.WEAPON_KIND) if grammar.worth_running(grammar.WEAPON_KIND, lowered) else ():
        named = grammar.WEAPON_BEFORE_KIND.search(text, max(0, kind_word.start() - 90), kind_word.start())
        if named is None:
            continue
        for group in ("name", "also") if named.group("also") else ("name",):  # "Minuteman III and Trident II missiles"
            name = named.group(group)
            start, end = named.span(group)
            first, _, rest = name.partition(" ")
            if (
                rest and first in grammar.NOT_NAMES_BEFORE_KIND
            ):  # "Every J-20 fighter": the word before is no part of it
                name, start = rest, start + len(first) + 1
            known = lookup(name)
            # Radars are named after places ("the Voronezh radars", "the Daryal radar"): the name before
            # "radar" is the radar's whatever a list says of it.
            radar = kind_word.group("kind").startswith("radar")
            if (
                name not in grammar.NOT_NAMES_BEFORE_KIND
                and not grammar.NOT_WEAPONS.match(name)
                and (known is None or known.type == "WEAPON" or (radar and known.type == "PLACE"))
            ):
                add_span("WEAPON", start, end, priority=4 if radar else 1, own=radar)
    for match in scan.finditer(grammar.CLASS_NUMBER) if "type " in lowered or "project " in lowered else ():
        add("WEAPON", match)
    for match in scan.finditer(grammar.SHIP_NAMED):
        add("WEAPON", match, priority=4, own=True)  # beats the place list: "the destroyer Jinan" is a ship
    for match in scan.finditer(grammar.SHIP_APPOSITIVE):
        add("WEAPON", match, priority=4, own=True)
    for match in scan.finditer(grammar.SHIPS_LISTED):
        add("WEAPON", match, "a", priority=4, own=True)
        add("WEAPON", match, "b", priority=4, own=True)
    for byline in scan.finditer(grammar.BYLINE) if "by" in lowered else ():
        offset = byline.start("names")
        for person in grammar.BYLINE_NAME.finditer(byline.group("names")):  # not the places after "in"
            add_span("PERSON", offset + person.start("name"), offset + person.end("name"))
    for match in scan.finditer(grammar.MISSION) if "mission" in lowered else ():
        add("EVENT", match, priority=2)
    for match in scan.finditer(grammar.EXERCISE):
        add("EVENT", match, priority=2)
    designators = [
        m for pattern in (grammar.DESIGNATOR, grammar.DESIGNATOR_CODE, grammar.CLASS) for m in scan.finditer(pattern)
    ]
    # A model number once followed by "reactor" or "plant" is civil wherever the text names it.
    civil = {m.group("name") for m in designators if grammar.CIVIL_AFTER.match(text[m.end() : m.end() + 24].lower())}
    for match in designators:
        if not grammar.NOT_WEAPONS.match(match.group("name")) and match.group("name") not in civil:
            add("WEAPON", match)
        elif grammar.LINE_AFTER.match(text, match.end()):
            add("PLACE", match)  # "the CASA-1000 line": a named power line or pipeline is a facility
    for day in scan.finditer(grammar.DAY):
        if named := _name_before(text, day.start(), grammar.DAY_NAME, 40):
            add_span("EVENT", named.start("name"), day.end())
    for match in scan.finditer(grammar.EXERCISE_AFTER_KIND):
        add("EVENT", match, priority=2)
    # "the Bruegel think tank", "the Intahaka gold mine": the name right before a kind word, no adjective
    for kind_words, kind, window in ((grammar.ORG_KIND, "ORG", 60), (grammar.SITE, "PLACE", 80)):
        for kind_word in scan.finditer(kind_words) if grammar.worth_running(kind_words, lowered) else ():
            named = _name_before(text, kind_word.start(), grammar.SITE_NAME, window)
            if named is None or grammar.is_adjective(named.group("name")):
                continue
            ends = re.split(r"[-–]", named.group("name"))
            if len(ends) > 1 and all((known := lookup(end)) and known.type == "PLACE" for end in ends):
                continue  # "the China-Kyrgyzstan-Uzbekistan railway": the places the lists know, each
            if kind_word.group().rsplit(None, 1)[-1] in _LINES:
                add_span(kind, named.start("name"), kind_word.end())  # "the Rasht–Astara railway" whole
            else:
                add(kind, named)
    for kind_word in scan.finditer(grammar.SITES):
        pair = grammar.SITE_PAIR.search(text, max(0, kind_word.start() - 80), kind_word.start())
        if pair is None:
            continue
        for group in ("a", "b"):
            name = grammar.LEADING_NOISE.sub("", pair.group(group))
            if not grammar.is_adjective(name):
                add("PLACE", pair, group)  # "the Kandym and Gissar fields"
    for match in scan.finditer(grammar.PLACE_SHAPE):
        before = text[max(0, match.start() - 30) : match.start()]
        if match.group("name") not in grammar.NOT_PLACE_SHAPES and not re.search(r"[A-Z][\w.-]*[ ]+$", before):
            add("PLACE", match, priority=0)
    for match in scan.finditer(grammar.CAMEL_CASE):
        if match.group("name") not in grammar.NOT_CAMEL_CASE_ORGS:
            add("ORG", match, priority=0)
    for ending in grammar.ORG_SHAPE_ENDINGS:
        at = text.find(ending)
        while at > 0:
            end = at + len(ending)
            shaped = grammar.ORG_SHAPE.match(text, _word_start(text, at), end + 40) if text[at - 1].islower() else None
            if shaped and shaped.end() == end:
                add("ORG", shaped, priority=0)
            at = text.find(ending, end)
    for match in scan.finditer(grammar.MONEY):
        add("MONEY", match)
    for match in scan.finditer(grammar.DATE):
        add("DATE", match, priority=0)
    for match in scan.finditer(grammar.LONE_MONTH):
        add("DATE", match, priority=0)
    return out


def _word_start(text: str, at: int) -> int:
    """Where the word holding `at` begins."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "’'-"):
        at -= 1
    return at


# Suffixes that are also words inside longer names: they end a name only where no capital follows.
_LOOSE_SUFFIXES = frozenset({"Research", "Energy", "Maritime"})
# An appositive whose head is an organisation's noun ("X, the state holding company,"), not one that only
# mentions one ("X, a spokesman for the company,", "X, a former central bank official,").
_APPOSITIVE_HEAD = re.compile(
    rf",[ ]+(?:a|an|the|{grammar.U}[\w.-]*[’']s)[ ]+(?:(?!(?:for|of|at|in|from|with|on|to|by)[ ])[\w’'-]+[ ]+){{0,4}}?"
    rf"(?:{grammar.ORG_NOUNS})(?=[,.;)]|[ ]+(?:in|of|based|that|which|whose|owned|controlled|run|says|said)\b)"
)
# A line between places is named with its kind word: "the Rasht–Astara railway", "the Druzhba pipeline".
_LINES = frozenset({"railway", "railroad", "pipeline", "bridge", "tunnel"})
_QUOTE_END = re.compile(r"[,.]?[\"”]")
_SHIPS_BEFORE = re.compile(
    r"\b(?i:tankers?|vessels?|ships?|freighters?)(?:,|[ ]+such[ ]+as|[ ]+including|[ ]+named|[ ]+called)?"
    r"[ ]+(?:the[ ]+)?$"
)
_CAPITAL_NEXT = re.compile(r"[ ]+[A-Z]")
_DRILLS_OF = re.compile(r"(?P<who>.+?)[ ]+(?:Drills?|Exercises?|Manoeuvres|Maneuvers)$")
# Organisation suffixes that are also verbs or loose words: in a title-case headline they end no name.
_HEADLINE_VERBS = frozenset(
    "Court Post Guard Review Monitor Exchange Bank Fund Force Forces Police Command Board Front Club Network Party "
    "Lines Union Energy Maritime Capital Service Office Research".split()
)


def _name_before(text: str, at: int, pattern: re.Pattern[str], window: int) -> re.Match[str] | None:
    """The name that ends right before a kind word at `at` ("Navy" of "Navy Day", "Intahaka" of "the
    Intahaka gold mine"): found from the rare kind word back, not from every capital forward."""
    named = pattern.search(text, max(0, at - window), at)
    if (
        named
        and named.group("name") not in grammar.NOT_NAMES_BEFORE_KIND
        and named.group("name") not in grammar.NOT_NAMES
    ):
        return named
    return None


def _lowercase_rule_mentions(text: str, gazetteer: Gazetteer, scan: LineScan) -> list[tuple[int, Mention]]:
    out: list[tuple[int, Mention]] = []
    for match in scan.finditer(grammar.LOWER_PERSON):
        first, last = match.group("first").capitalize(), match.group("last")
        if first not in GIVEN_NAMES or last in grammar.COMMON_WORDS:
            continue
        if grammar.SURNAME_SHAPE.search(last) or grammar.LOWER_ROLE.search(
            text, max(0, match.start() - 14), match.start()
        ):
            start, end = match.start("first"), match.end("last")
            name = f"{first} {last.capitalize()}"
            known = gazetteer.lookup(name)
            out.append((1, Mention(start, end, "PERSON", known.name if known else name, text[start:end])))
    for match in scan.finditer(grammar.LOWER_CHINESE_PERSON):
        family, given = match.group("first"), match.group("last")
        if (
            family.capitalize() in CHINESE_FAMILY_NAMES
            and grammar.PINYIN_GIVEN.fullmatch(given)
            and given not in grammar.ENGLISH_PINYIN
            and given not in grammar.COMMON_WORDS
            and grammar.LOWER_ROLE.search(text, max(0, match.start() - 14), match.start())
        ):
            start, end = match.start("first"), match.end("last")
            name = f"{family.capitalize()} {given.capitalize()}"
            known = gazetteer.lookup(name)
            out.append((1, Mention(start, end, "PERSON", known.name if known else name, text[start:end])))
    for match in scan.finditer(grammar.LOWER_MINISTRY):
        name = match.group("name").title()
        out.append((1, Mention(match.start("name"), match.end("name"), "ORG", name, match.group("name"))))
    for match in scan.finditer(grammar.LOWER_DESIGNATOR):
        surface = match.group(0)
        known = gazetteer.lookup(surface)
        if known is not None and known.type == "WEAPON":
            out.append((1, Mention(match.start(), match.end(), "WEAPON", known.name, surface)))
        elif int(match.group("num")) >= 10 and match.group("prefix") not in ("t", "j"):
            name = f"{match.group('prefix').capitalize()}-{match.group('num')}{match.group('suffix').upper()}"
            out.append((1, Mention(match.start(), match.end(), "WEAPON", name, surface)))
    for pattern, kind in ((grammar.MONEY, "MONEY"), (grammar.LOWER_DATE, "DATE")):
        for match in scan.finditer(pattern):
            out.append(
                (0, Mention(match.start("name"), match.end("name"), kind, match.group("name"), match.group("name")))
            )
    for match in re.finditer(r"(?<![\w$-])(?:1[89]\d{2}|20\d{2})(?![\w-])", text):
        out.append((0, Mention(match.start(), match.end(), "DATE", match.group(), match.group())))
    return out


def _resolve_overlaps(found: list[tuple[int, Mention]]) -> list[Mention]:
    """Longest first, then the more trusted source; no two mentions share a character."""
    ranked = sorted(found, key=lambda pm: (-(pm[1].end - pm[1].start), -pm[0], pm[1].start))
    taken = Taken()
    chosen: list[Mention] = []
    for _, mention in ranked:
        if taken.free(mention.start, mention.end):
            taken.take(mention.start, mention.end)
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
