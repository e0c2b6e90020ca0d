"""Entity extraction: rules, lowercase text, the user's file, and measured precision and recall."""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from index.corpus.scan import load_all
from index.entities.extract import extract, is_lowercased
from index.entities.gazetteer import Gazetteer, load_gazetteer
from index.errors import ConfigError
from index.tokens import words
from tests.conftest import SEEDS

GOLD = Path(__file__).resolve().parents[2] / "entity_gold"
MEASURED = ("PERSON", "ORG", "PLACE", "WEAPON", "EVENT")


def names(text: str, kind: str) -> set[str]:
    return {m.name for m in extract(text) if m.type == kind}


def test_names_no_list_holds_are_found_by_rules() -> None:
    text = (
        "Foreign Minister Wang Qiang met Russian analyst Alexei Petrov at the Valdaiski Research Center "
        "in the Barents Sea region. Deputy Prime Minister Olga Ivanova said the Tsirkon missile and the "
        "Su-57M fighter would appear at the Northern Shield 2024 drills. The Kazan-class submarine sailed "
        "on March 3, 2024, under a $4.5 billion deal."
    )
    found = extract(text)
    by_type = defaultdict(set)
    for mention in found:
        by_type[mention.type].add(mention.name)
    assert {"Wang Qiang", "Alexei Petrov", "Olga Ivanova"} <= by_type["PERSON"]
    assert "Valdaiski Research Center" in by_type["ORG"]
    assert "Barents Sea" in by_type["PLACE"]
    assert {"Su-57M", "Kazan-class submarine"} <= by_type["WEAPON"]
    assert "Northern Shield 2024" in by_type["EVENT"] or "Northern Shield 2024 drills" in by_type["EVENT"]
    assert "$4.5 billion" in by_type["MONEY"]
    assert "March 3, 2024" in by_type["DATE"]


def test_one_entity_many_names() -> None:
    text = "Russian President Vladimir Putin spoke. Mr. Putin then left. Putin’s aides stayed in the U.S. and the US."
    mentions = [m for m in extract(text) if m.type in ("PERSON", "PLACE")]
    assert {m.name for m in mentions if m.type == "PERSON"} == {"Vladimir Putin"}
    assert sum(1 for m in mentions if m.name == "Vladimir Putin") == 3
    assert {m.name for m in mentions if m.type == "PLACE"} == {"United States"}


def test_surname_links_to_the_full_name_in_the_same_document() -> None:
    text = "Chinese Defense Minister Wei Fenghe arrived. Later, Wei said the talks went well."
    assert [m.name for m in extract(text) if m.type == "PERSON"] == ["Wei Fenghe", "Wei Fenghe"]


def test_adjectives_and_demonyms_are_not_entities() -> None:
    text = "Russian and Chinese officials praised Sino-Russian ties and the Russo-Chinese entente."
    assert [m for m in extract(text) if m.type in MEASURED] == []


def test_lowercase_text_finds_the_same_names_with_context_for_ordinary_words() -> None:
    filler = "the talks went on for hours and nothing was agreed by anyone present there " * 4
    text = (
        filler + "russian president vladimir putin met xi jinping and the s 400 sale went ahead "
        "while stephen blank wrote about it later blank argued that the deal may matter in may 2015 "
        "a blank page and sands of time mean nothing here"
    )
    assert is_lowercased(text)
    found = extract(text)
    people = [m for m in found if m.type == "PERSON"]
    assert {m.name for m in people} == {"Vladimir Putin", "Xi Jinping", "Stephen Blank"}
    blanks = [m for m in people if m.name == "Stephen Blank"]
    assert len(blanks) == 2  # "stephen blank" and "blank argued" (full name present), not "a blank page"
    assert "S-400" in {m.name for m in found if m.type == "WEAPON"}
    assert not any(m.text == "sands" for m in found)


def test_user_file_adds_retypes_and_ignores(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "entities.toml").write_text(
        '[PERSON]\n"Ivan Sidorov" = ["Sidorov"]\n[ORG]\n"Kalibr" = []\n[ignore]\nnames = ["Moscow"]\n',
        encoding="utf-8",
    )
    found = extract("Sidorov said Kalibr tests near Moscow went well.", load_gazetteer())
    kinds = {m.name: m.type for m in found}
    assert kinds.get("Ivan Sidorov") == "PERSON"
    assert kinds.get("Kalibr") == "ORG"
    assert "Moscow" not in kinds


def test_broken_user_file_names_the_file(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "entities.toml").write_text("[PERSON\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"entities\.toml"):
        load_gazetteer()


def _key(name: str) -> str:
    return " ".join(w for w, _, _ in words(name))


def score(
    documents: dict[str, str], gold: dict[str, dict[str, list[str]]], gazetteer: Gazetteer
) -> dict[str, tuple[float, float]]:
    """Micro precision and recall per type over distinct names per document.

    A found entity matches an annotated one when one of its names (canonical, aliases, as written)
    is one of the annotated names.
    """
    counts = {kind: [0, 0, 0, 0] for kind in MEASURED}  # found, found-matched, gold, gold-matched
    for doc, text in documents.items():
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        for mention in extract(text, gazetteer):
            if mention.type in MEASURED:
                entry = gazetteer.entries.get(mention.name)
                found[(mention.type, mention.name)] |= {_key(mention.name), _key(mention.text)} | {
                    _key(a) for a in (entry.aliases if entry else ())
                }
        for kind in MEASURED:
            wanted = [{_key(n) for n in item.split("|")} for item in gold[doc].get(kind, [])]
            got = [keys for (k, _), keys in found.items() if k == kind]
            counts[kind][0] += len(got)
            counts[kind][1] += sum(1 for keys in got if any(keys & w for w in wanted))
            counts[kind][2] += len(wanted)
            counts[kind][3] += sum(1 for w in wanted if any(keys & w for keys in got))
    return {k: (c[1] / c[0] if c[0] else 1.0, c[3] / c[2] if c[2] else 1.0) for k, c in counts.items()}


def test_precision_and_recall_on_the_seeds() -> None:
    gold = tomllib.loads((GOLD / "seeds.toml").read_text(encoding="utf-8"))
    docs, _ = load_all(SEEDS)
    scores = score({d.doc: d.text for d in docs}, gold, load_gazetteer())
    print("seeds:", {k: (round(p, 3), round(r, 3)) for k, (p, r) in scores.items()})
    for kind, (precision, recall) in scores.items():
        assert precision >= 0.9 and recall >= 0.9, (kind, precision, recall)  # the bar
    # The seeds are tuned on and score 1.00 everywhere (README): any name lost or gained there is a
    # regression ("Senior Fellow" became a person once, at 0.98, above the bar).
    assert all(p == 1.0 and r == 1.0 for p, r in scores.values()), scores


def gold_scores(name: str) -> dict[str, tuple[float, float]]:
    """Scores on a gold file whose texts are written into it (not the seeds), printed for the README."""
    data = tomllib.loads((GOLD / f"{name}.toml").read_text(encoding="utf-8"))
    scores = score({doc: entry["text"] for doc, entry in data.items()}, data, load_gazetteer())
    print(f"{name}:", {k: (round(p, 3), round(r, 3)) for k, (p, r) in scores.items()})
    return scores


def test_precision_and_recall_on_unseen_texts() -> None:
    scores = gold_scores("unseen")
    assert sum(p for p, _ in scores.values()) / len(scores) >= 0.8
    assert sum(r for _, r in scores.values()) / len(scores) >= 0.7


def test_the_scrape_has_the_same_people_as_its_clean_twin() -> None:
    docs = {d.doc[:3]: d for d in load_all(SEEDS)[0]}
    clean = names(docs["000"].text, "PERSON") - {"David R. Sands"}  # the byline is not in the scrape
    scrape = names(docs["001"].text, "PERSON") - {"Joe Biden", "Donald Trump"}  # the scrape's site chrome
    assert clean == scrape


def test_holdout_scores_as_reported() -> None:
    """Not tuned on by rules; the world list of countries and capitals came after it was first measured.
    The README reports both runs; the floors only catch regressions."""
    scores = gold_scores("holdout")
    assert all(p >= 0.8 for p, _ in scores.values())  # "Warsaw" in "Warsaw Pact" is the known place error
    assert all(scores[k][1] >= 0.8 for k in ("PERSON", "ORG", "WEAPON", "EVENT"))
    assert scores["PLACE"][1] >= 0.6  # unlisted places without a suffix ("Suwalki Gap") are the known gap


def test_second_holdout_scores_as_reported() -> None:
    """Written and annotated before the extractor saw it; first run in the README, then the rules
    it showed missing (organisation and place suffixes, "Operation X", "X summit", GeoNames places).
    The floors only catch regressions."""
    scores = gold_scores("holdout2")
    assert all(p >= 0.85 for p, _ in scores.values())
    assert all(r >= 0.65 for _, r in scores.values())


def test_third_holdout_scores_as_reported() -> None:
    """Written after every other change of its session and measured first as it came (README): then
    four general rules it showed missing (a name set off by a role, "Administration of", slashed
    exercise names, "the port of X"). The floors only catch regressions."""
    scores = gold_scores("holdout3")
    assert all(p >= 0.9 for p, _ in scores.values())
    assert all(r >= 0.8 for _, r in scores.values())


def test_events_people_and_places_named_by_their_shape() -> None:
    text = (
        "The Treaty of Nerchinsk and the Battle of Stalingrad still shape memory. Veronika Ostrova, a "
        "senior researcher at a Moscow institute, said the Yalta Accords mattered more. Grain left the "
        "port of Tolvanka for the Northern/Vigil-2025 drills, and Operation Polar Gate began."
    )
    found = {(m.type, m.name) for m in extract(text)}
    assert {("EVENT", "Treaty of Nerchinsk"), ("EVENT", "Battle of Stalingrad"), ("EVENT", "Yalta Accords")} <= found
    assert ("PERSON", "Veronika Ostrova") in found and ("PLACE", "Tolvanka") in found
    assert {("EVENT", "Northern/Vigil-2025"), ("EVENT", "Operation Polar Gate")} <= found


def test_a_full_stop_ends_a_name_unless_it_ends_an_abbreviation() -> None:
    """Found by the fourth holdout: "Studies. Analysts" was read as one organisation."""
    text = "Estimates by the International Institute for Strategic Studies. Analysts at Kraft Corp. and the U.S. Navy"
    assert names(text, "ORG") == {"International Institute for Strategic Studies", "Kraft Corp", "U.S. Navy"}


def test_events_named_before_a_lower_case_kind() -> None:
    text = (
        "The Tonkin Gulf incident and the Red Square parade of 1941 are remembered; the Zhukovsky Aviasalon "
        "exhibition opened, and the Russian offensive went on."
    )
    assert names(text, "EVENT") == {"Tonkin Gulf incident", "Red Square parade", "Zhukovsky Aviasalon"}


def test_a_person_set_off_by_a_role_of_something() -> None:
    assert "Zhao Mingwen" in names("Zhao Mingwen, vice chairman of the Harbin trade council, agreed.", "PERSON")


def test_places_by_their_shape_and_by_the_company_they_keep() -> None:
    text = (
        "Trucks from Dalnegorsk reach the coast, Elon Musk said. The bridge between Vladivostok and Dongning "
        "opened, a train runs from Moscow to Kotlas, and talks between Putin and Xi went on."
    )
    assert {"Dalnegorsk", "Dongning", "Kotlas"} <= names(text, "PLACE")
    assert not names(text, "PLACE") & {"Musk", "Elon Musk", "Putin", "Xi", "Vladimir Putin", "Xi Jinping"}


def test_a_given_name_or_a_chinese_family_name_makes_a_person_without_a_title() -> None:
    text = (
        "Kirill Dmitriev met Temur Umarov and Li Hongzhong. The Tang Dynasty, Han Chinese traders and "
        "Vladimir Oblast are not people. Wang Says China Will Act."
    )
    assert names(text, "PERSON") == {"Kirill Dmitriev", "Temur Umarov", "Li Hongzhong"}


def test_named_sites_missions_and_what_is_not_a_weapon() -> None:
    """Found by the fifth holdout: "Its fighters" was a weapon, "Luna-25" too, mines were missed."""
    text = (
        "Its fighters guard the Intahaka gold mine near the Zvezda shipyard. The Chang'e-8 mission follows "
        "Luna-25, and Orlan-10 drones fly."
    )
    assert names(text, "WEAPON") == {"Orlan-10"}
    assert {"Intahaka", "Zvezda"} <= names(text, "PLACE")
    assert names(text, "EVENT") == {"Chang'e-8"}


def test_people_named_around_the_verb_of_saying() -> None:
    text = (
        "Exports rose, said Maria Novikova of the Center for Strategic Studies. Ulf Laessing of the Konrad "
        "Adenauer Foundation said the juntas agree, according to Pavel Luzin."
    )
    assert {"Maria Novikova", "Ulf Laessing", "Pavel Luzin"} <= names(text, "PERSON")


def test_model_numbers_of_reactors_are_not_weapons_anywhere_in_the_text() -> None:
    """Found by the sixth holdout: "CFR-600" was a weapon, and its "CFR" the Council on Foreign Relations."""
    text = "Two VVER-1200 reactors and the CFR-600 fast reactor were built. The CFR-600 could feed DF-41 missiles."
    assert names(text, "WEAPON") == {"DF-41"}
    assert names(text, "ORG") == set()


def test_plural_class_names_agreements_numbered_pipelines_and_places_in_places() -> None:
    text = (
        "The navy keeps two Kilo-class submarines. After the 2014 Power of Siberia agreement, the Power of "
        "Siberia 2 and Nord Stream 2 were planned; reactors rose at Tianwan in Jiangsu. Mark Hibbs of the "
        "Carnegie Endowment for International Peace notes the risk."
    )
    assert "Kilo-class submarine" in names(text, "WEAPON")
    assert "Power of Siberia agreement" in names(text, "EVENT")
    assert "Tianwan" in names(text, "PLACE")
    assert "Mark Hibbs" in names(text, "PERSON")
    numbered = {m.name for m in extract(text) if m.type in ("PLACE", "ORG")}
    assert {"Power of Siberia 2", "Nord Stream 2"} <= numbered, numbered


@pytest.mark.parametrize("holdout", [f"holdout{n}" for n in range(4, 35)])
def test_later_holdouts_score_as_reported(holdout: str) -> None:
    """Each written after the changes the one before it prompted, and measured first as it came (README);
    the rules and list entries each showed missing came after, so these floors only catch regressions."""
    scores = gold_scores(holdout)
    assert all(p >= 0.9 for p, _ in scores.values())
    assert all(r >= RECALL_FLOORS.get(holdout, 0.85) for _, r in scores.values())


# Holdouts left with a miss no general rule covers: the fourteenth's "the Kupol plant" (a maker named
# by its plant, one of six organisations), the fifteenth's "the Artemis program" (one of three events),
# the thirty-first's drones "the Orion and the Sirius" (named after "builds", with no kind word; a
# constellation and a star's names, which no list can take as weapons).
RECALL_FLOORS = {"holdout14": 0.8, "holdout15": 0.65, "holdout31": 0.8}


def test_wire_copy_bylines_named_days_warship_classes_and_armed_services() -> None:
    """Found by the seventh holdout, written as wire copy."""
    text = (
        "By Olga Popova and Ethan Wang\n\nMOSCOW, July 28 (AP) - The Russian navy celebrated Navy Day as "
        "the destroyer Jinan, a Type 052D, and two Project 22350 frigates sailed in. Project 2025 is not a "
        "ship. (Reporting by Olga Popova in Novosibirsk; Editing by Alexander Smith)"
    )
    assert {"Olga Popova", "Ethan Wang", "Alexander Smith"} <= names(text, "PERSON")
    assert "Novosibirsk" not in names(text, "PERSON")
    assert names(text, "WEAPON") == {"Jinan", "Type 052D", "Project 22350"}
    assert "Navy Day" in names(text, "EVENT")
    assert "Russian navy" in names(text, "ORG")


def test_software_prose_names_no_people_or_events() -> None:
    """Checked on licence texts and READMEs: titles before things, acronyms and pronouns are not names."""
    text = (
        "The GNU General Public License is a free licence. Our General Public\nLicenses are designed so. "
        "This file is part of the GNU MPFR Library. Your exercise of rights is free. GCC 5 compiles it."
    )
    found = extract(text)
    assert not [m for m in found if m.type in ("PERSON", "EVENT")], found
    assert not [m for m in found if m.name.endswith(" 5")], found


def test_companies_named_in_a_list_and_a_given_name_after_another_capital() -> None:
    """Found by the eighth holdout: "As Alexandra Prokopenko" hid the name behind "As Alexandra"."""
    text = (
        "The Yuan Goes North\n\nChinese brands such as Chery, Haval and Geely held half the market. "
        "As Alexandra Prokopenko argued, banks including Sberbank and VTB left."
    )
    assert names(text, "PERSON") == {"Alexandra Prokopenko"}
    assert {"Chery", "Haval", "Geely", "Sberbank", "VTB"} <= names(text, "ORG")


def test_companies_set_off_by_what_they_are_or_by_what_only_companies_have() -> None:
    text = (
        "Karlygash Group, a Kazakh-Russian investment firm, paid; Tordan Industry, a Shenzhen-based trader, "
        "sold chips. Novatek's chief executive spoke, Russia's shares fell, and Sovcomflot PJSC signed. "
        "Moscow, the capital, froze."
    )
    assert {"Karlygash Group", "Tordan Industry", "Novatek", "Sovcomflot PJSC"} <= names(text, "ORG")
    assert not names(text, "ORG") & {"Russia", "Moscow"}


def test_organisation_names_joined_by_and_acronyms_after_their_kind_and_numbered_drones() -> None:
    """Found by the ninth holdout."""
    text = (
        "The Institute for Science and International Security estimates it; the Bank of China and Gazprom "
        "signed. Ukraine's military intelligence agency, the HUR, hit the Alabuga special economic zone, "
        "where workers assemble Geran-2 drones, and Maxar Technologies sold images. The Long March-9 "
        "rocket is not a weapon."
    )
    orgs = names(text, "ORG")
    assert {"Institute for Science and International Security", "Bank of China", "Gazprom", "HUR"} <= orgs
    assert "Maxar Technologies" in orgs
    assert "International Security" not in names(text, "PERSON")
    assert names(text, "WEAPON") == {"Geran-2"}


def test_a_name_found_once_is_found_wherever_the_text_repeats_it() -> None:
    """The panel counts and highlights every mention, not only the one a rule could see."""
    text = (
        "Chinese carriers, including COSCO and Sinotrans, add sailings. Later Sinotrans also ran trucks, "
        "and Karlygash Group, a Kazakh investment firm, paid. By May, Karlygash Group owned it."
    )
    counts = Counter(m.name for m in extract(text) if m.type == "ORG")
    assert counts["Sinotrans"] == 2 and counts["Karlygash Group"] == 2, counts


def test_names_with_letters_beyond_ascii() -> None:
    """Found by the tenth holdout: "Katarzyna Chawryło" was cut at the "ł", and GeoNames places with
    such letters were left out of the list (Kraków, Łódź, Gdańsk)."""
    text = "By Katarzyna Chawryło\n\nTrains cross into Poland at Małaszewicze and run on to Łódź, Krakow and Gdańsk."
    assert "Katarzyna Chawryło" in names(text, "PERSON")
    assert {"Małaszewicze", "Łódź", "Kraków", "Gdańsk"} <= names(text, "PLACE")


def test_ascii_forms_of_place_names() -> None:
    from index.entities.places_build import ascii_form

    assert [ascii_form(n) for n in ("Kraków", "Łódź", "Ürümqi", "Diyarbakır", "Malmö", "Minsk")] == [
        "Krakow", "Lodz", "Urumqi", "Diyarbakir", "Malmo", "Minsk",
    ]  # fmt: skip


def test_a_name_set_off_after_its_role() -> None:
    text = (
        "Lithuania's foreign minister, Gabrielius Landsbergis, called it a back door. Mongolia's prime "
        "minister, Luvsannamsrain Oyun-Erdene, has said the route pays. The ministry's chief, Logistics said."
    )
    assert names(text, "PERSON") == {"Gabrielius Landsbergis", "Luvsannamsrain Oyun-Erdene"}


def test_organisations_by_staff_finance_company_shapes_and_what_they_are() -> None:
    """Found by the tenth holdout: "Joint Staff said" was a person, "at Halyk Finance in Almaty" a place,
    "Kazatomprom, the world's largest uranium miner" nothing."""
    text = (
        "Japan's Joint Staff said so. Aidar Alibayev, an analyst at Halyk Finance in Almaty, agreed. "
        "Kazatomprom, the world's largest uranium miner, sells to Sovcomflot's tankers and Uzbekneftegaz."
    )
    assert {"Joint Staff", "Halyk Finance", "Kazatomprom", "Sovcomflot", "Uzbekneftegaz"} <= names(text, "ORG")
    assert names(text, "PERSON") == {"Aidar Alibayev"}
    assert "Halyk Finance" not in names(text, "PLACE")


def test_a_list_of_known_names_types_the_unknown_one_and_near_places() -> None:
    text = (
        "The park hosts Huawei, Zoomlion and Geely. Bombers flew near Dokdo. Putin, Xi and Modi met. "
        "Moscow, Beijing and Kelantan-Pahang talked."
    )
    assert "Zoomlion" in names(text, "ORG")
    assert {"Dokdo", "Kelantan-Pahang"} <= names(text, "PLACE")
    mixed = "Gazprom, Russia and Zarubezhneft Holdings signed. Gazprom, Rosneft and Minsk rose."
    assert "Minsk" in names(mixed, "PLACE")  # a list of kinds mixed gives nothing its kind


def test_sites_before_zone_park_and_port_are_looked_for() -> None:
    """Found by the tenth holdout: "the Great Stone industrial park" was never looked for (the kind
    words were missing from the words that say a site rule is worth running)."""
    assert "Great Stone" in names("The Great Stone industrial park opened.", "PLACE")


def test_a_sentence_in_capitals_names_no_acronyms() -> None:
    """Found on the GPL: "OTHER PARTIES WHO PROVIDE" named the World Health Organization."""
    assert names("THE COPYRIGHT HOLDERS AND OTHER PARTIES WHO PROVIDE THE PROGRAM", "ORG") == set()
    assert names("NATO, SCO and BRICS met; the WHO spoke.", "ORG") >= {"NATO", "BRICS", "World Health Organization"}


def test_what_the_eleventh_holdout_showed() -> None:
    """A day after "on" ends a name; ranks are titles; a given-name pair with a number is a ship;
    "Wing Loong drones" is two words; company suffixes "Energy", "Maritime", "Shipmanagement"."""
    text = (
        "The U.S. Treasury Department on Thursday named Bellatrix Energy and Sea Hawk Shipmanagement. "
        "Captain Ibrahim Traoré bought Wing Loong drones; Russian Lancet drones flew. The Xue Long 2 sailed."
    )
    orgs = names(text, "ORG")
    assert {"Bellatrix Energy", "Sea Hawk Shipmanagement"} <= orgs
    assert not any("Thursday" in name for name in orgs)
    assert names(text, "PERSON") == {"Ibrahim Traoré"}
    assert {"Wing Loong", "Lancet"} <= names(text, "WEAPON") and "Russian Lancet" not in names(text, "WEAPON")


def test_a_title_case_headline_verb_is_no_organisation() -> None:
    """Found by the eleventh holdout: "Moscow and Beijing Court the Sahel's Juntas" named "Beijing Court"."""
    text = "Moscow and Beijing Court the Sahel's Juntas\n\nThe Moscow City Court ruled."
    assert names(text, "ORG") == {"Moscow City Court"}
    assert "Beijing" in names(text, "PLACE")


def test_what_the_twelfth_holdout_showed() -> None:
    """Regions and rivers before their kind word, codenamed exercises, what a person runs, batteries,
    and a known fleet's "Drills" in a headline is no named event."""
    text = (
        "Baltic Fleet Drills Rattle Neighbours\n\nLogs come from the Angara region and the Far Eastern region. "
        "The exercise, codenamed Ocean Shield, ended. Nikolai Shmatkov runs the Boreal Forest Platform. "
        "Vilnius wants more Patriot batteries. Packaging a Major Component is allowed."
    )
    assert "Angara" in names(text, "PLACE") and "Far Eastern" not in names(text, "PLACE")
    assert names(text, "EVENT") == {"Ocean Shield"}
    assert "Boreal Forest Platform" in names(text, "ORG")
    assert "Patriot" in names(text, "WEAPON")
    assert "Component" not in names(text, "PERSON")


def test_lowercased_text_finds_people_by_given_name_and_surname_shape() -> None:
    """Found by the twelfth holdout: a scrape names "analyst temur umarov", whom no list holds."""
    filler = " and the talks went on for many hours and nobody said anything useful to the press" * 3
    text = (
        "analyst temur umarov said elina ribakova met the kazakh foreign ministry then maria again spoke and "
        "anna within a week ivan risky left" + filler
    )
    assert is_lowercased(text)
    assert names(text, "PERSON") == {"Temur Umarov", "Elina Ribakova"}
    assert "Kazakh Foreign Ministry" in names(text, "ORG")


def test_what_the_thirteenth_holdout_showed() -> None:
    """Halls of, companies in CamelCase (not "McFaul"), radars, "X and Y missiles", and a designator
    before "line" is a facility, not a weapon."""
    text = (
        "Xi met him at the Great Hall of the People. RusHydro and KazMunayGas signed; Michael McFaul watched. "
        "China operates the Tianbo radar. Minuteman III and Trident II missiles. Power flows on the CASA-1000 line."
    )
    assert "Great Hall of the People" in names(text, "PLACE")
    assert {"RusHydro", "KazMunayGas"} <= names(text, "ORG") and "McFaul" not in names(text, "ORG")
    assert names(text, "WEAPON") == {"Tianbo", "Minuteman III", "Trident II"}
    assert "CASA-1000" in names(text, "PLACE")


def test_radars_named_after_places_and_events_named_only_in_a_headline() -> None:
    text = (
        "Central Asia's Water War Looms Over the Dam\n\nRussia's Voronezh radars watch the south. "
        "Zapad Games Begin In Belarus\n\nThe Zapad Games began on Monday."
    )
    assert "Voronezh" in names(text, "WEAPON")
    assert "Water War" not in names(text, "EVENT")
    assert "Zapad Games" in names(text, "EVENT")


def test_what_the_fourteenth_holdout_showed() -> None:
    """Makers are organisations, a determiner is no part of a weapon's name, model numbers with a
    dash-number suffix, ships named in apposition, empires are states."""
    text = (
        "It copies one made by Limbach Flugmotoren in Germany, not one designed by Mikhail Kalashnikov. "
        "Every J-20 fighter flew on AL-31F engines; the Y-20 uses the D-30KP-2. A Type 055 destroyer, "
        "the Lhasa, led. The treaty gave the Russian Empire the land north of the Amur."
    )
    assert "Limbach Flugmotoren" in names(text, "ORG") and "Mikhail Kalashnikov" not in names(text, "ORG")
    assert {"J-20", "AL-31F", "Y-20", "D-30KP-2", "Type 055", "Lhasa"} <= names(text, "WEAPON")
    assert "Every J-20" not in names(text, "WEAPON")
    assert {"Russian Empire", "Amur"} <= names(text, "PLACE")


def test_what_the_fifteenth_holdout_showed() -> None:
    """A person of an institution, places after their kind ("Lake Balkhash"), "at X on Y", and lists
    whose items name an owner first or join words with "&"."""
    text = (
        "Work by Marc Lanteigne of the University of Tromsø agrees. A plant at Ulken on Lake Balkhash, "
        "ships past Cape Chelyuskin. Bids came from Gazprom, Russia's Rosneft, Japan's Inpex and Korea Zinc "
        "& Lead Works."
    )
    assert "Marc Lanteigne" in names(text, "PERSON")
    assert names("Copyright the Regents of the University of California.", "PERSON") == set()
    byline = "Stephen Blank, Ph.D. is a Senior Fellow at the American Foreign Policy Council."
    assert "Senior Fellow" not in names(byline, "PERSON")  # found in the seeds by the reader's panel
    assert {"Ulken", "Lake Balkhash", "Cape Chelyuskin"} <= names(text, "PLACE")
    assert {"Inpex", "Korea Zinc & Lead Works"} <= names(text, "ORG")
    assert "Korea" not in names(text, "PLACE")


def test_what_the_sixteenth_holdout_showed() -> None:
    """Ships set off by what they are or listed after their class, designator codes of one digit,
    self-propelled guns, "… Research" (unless the name goes on), yards."""
    text = (
        "The fleet took the Admiral Levchenko, an upgraded Udaloy-class destroyer. Two Borei-A submarines, "
        "the Knyaz Pozharsky and the Imperator Aleksandr III, joined. Chips were in a 9M727; Koksan "
        "self-propelled guns fired. Sales fell 2Q23. Conflict Armament Research found it; the International "
        "Lunar Research Station waits. The carrier left the Jiangnan yard."
    )
    weapons = names(text, "WEAPON")
    assert {"Admiral Levchenko", "Knyaz Pozharsky", "Imperator Aleksandr III", "9M727", "Koksan"} <= weapons
    assert "2Q23" not in weapons
    assert names("The Yakutia, a nuclear icebreaker, sails; the Polar Dawn, a carrier, does not.", "WEAPON") == set()
    assert names(text, "PERSON") == set()
    assert "Conflict Armament Research" in names(text, "ORG")
    assert "International Lunar Research" not in names(text, "ORG")
    assert "Jiangnan" in names(text, "PLACE")


def test_a_list_item_holding_a_name_of_the_lists_kind_keeps_that_name() -> None:
    """Found by the reader's tests: "Putin, Lavrov, and Defense Minister Sergei Shoigu" made the whole
    third item a person, title and all, in place of Sergei Shoigu."""
    text = "In the past, Putin, Lavrov, and Defense Minister Sergei Shoigu have all used that term."
    assert "Sergei Shoigu" in names(text, "PERSON")
    assert not any("Minister" in name for name in names(text, "PERSON"))


def test_what_the_seventeenth_holdout_showed() -> None:
    """Titles in lower case before a name, hyphenated adjectives before a weapon's kind, consortiums
    set off by what they are, and bridges named by their two ends."""
    text = (
        "Modi stayed away, sending foreign minister Subrahmanyam Jaishankar instead. Moscow moved Oreshnik "
        "intermediate-range missiles and Kedr air-launched missiles. The New Land Grain Corridor, a consortium "
        "led by a former official, opened. Trains cross the Nizhneleninskoye–Tongjiang railway bridge. "
        "Officials said the missiles flew."
    )
    assert "Subrahmanyam Jaishankar" in names(text, "PERSON")
    assert {"Oreshnik", "Kedr"} <= names(text, "WEAPON") and "Officials" not in names(text, "WEAPON")
    assert "New Land Grain Corridor" in names(text, "ORG")
    assert "Nizhneleninskoye–Tongjiang railway bridge" in names(text, "PLACE")  # a line with its kind word


def test_what_the_eighteenth_holdout_showed() -> None:
    """Model numbers with a letter and digit after the number or a slash, a name-letter-digit model,
    light fighters, plants and factories as sites, and units that are a regiment's, not a reactor's."""
    text = (
        "Its engines, the AL-41F1S, are scarce. Pakistan operates the HQ-9/P. Moscow sent Pantsir-S1 units "
        "to protect the Bushehr plant, and offered the Checkmate light fighter. Two VVER-1200 power units."
    )
    weapons = names(text, "WEAPON")
    assert {"AL-41F1S", "HQ-9/P", "Pantsir", "Su-75 Checkmate"} <= weapons  # the last two by their listed names
    assert "41F1S" not in weapons and "VVER-1200" not in weapons
    assert "Bushehr" in names(text, "PLACE")


def test_what_the_nineteenth_holdout_showed() -> None:
    """A list of makers, a company set off by a country's possessive, "… Railways", "… Flotilla",
    "Iran's navy", an en dash inside a name, provinces before their kind, organisations before "think
    tank", and an exercise named after its kind."""
    text = (
        "Parts made by Texas Instruments, Analog Devices and Infineon reached Mikron, Russia's largest "
        "chipmaker. Russian Railways and the Caspian Flotilla agreed; Iran's navy joined a drill, CASAREX "
        "2024, off Gilan province on the North–South Transport Corridor. Ask the Bruegel think tank."
    )
    assert {"Analog Devices", "Infineon", "Mikron", "Russian Railways", "Caspian Flotilla", "Iran's navy",
            "Bruegel"} <= names(text, "ORG")  # fmt: skip
    assert {"Gilan", "North–South Transport Corridor"} <= names(text, "PLACE")
    assert "CASAREX 2024" in names(text, "EVENT")


def test_what_the_twentieth_holdout_showed() -> None:
    """Names straight after a plural kind ("the domestic agencies ACRA and Expert RA"), channels such as
    X, one word after "owned by", labs and ratings agencies; a weekday after a kind is no name."""
    text = (
        "Tochka, a digital bank owned by Otkritie, pays. The domestic agencies Raex and Nkr Rating rate it; "
        "Telegram channels such as Rybar spread it. The Digital Forensic Research Lab and Fitch Ratings "
        "agree. Shares rose, said investors Monday. A yacht owned by Roman Abramovich sailed."
    )
    orgs = names(text, "ORG")
    assert {"Otkritie", "Raex", "Nkr Rating", "Rybar", "Digital Forensic Research Lab", "Fitch Ratings"} <= orgs
    assert "Monday" not in orgs and "Roman Abramovich" not in orgs


def test_twenty_first_holdout_shapes() -> None:
    """Found by the twenty-first holdout: an apostrophe inside a word, ports in pairs, who has a chairman
    or operates things, a railway set off by what it is, a maker's city before a model number."""
    text = (
        "Trains from Xi'an reach the ports of Kuryk and Bautino. Tengri Zholy, the national railway, carries "
        "the rest; Nurlan Abenov, chairman of Altyn Trans, said Baltic Cargo, which operates the ferries, "
        "buys from Qazaq Instruments and Steppe Express. The guardian of the deal is Moscow. The Xian Y-20 "
        "and the Shenyang J-11B flew."
    )
    found = extract(text)
    assert "Xi Jinping" not in names(text, "PERSON")
    assert {"Xi'an", "Kuryk", "Bautino", "Moscow"} <= names(text, "PLACE")
    assert {"Tengri Zholy", "Altyn Trans", "Baltic Cargo", "Qazaq Instruments", "Steppe Express"} <= names(text, "ORG")
    assert "The Guardian" not in names(text, "ORG")
    assert not {"Xian", "Shenyang"} & names(text, "PLACE")
    weapons = {m.text: m.name for m in found if m.type == "WEAPON"}
    assert weapons["Xian Y-20"] == "Y-20" and weapons["Shenyang J-11B"] == "J-11B"
    # a ship named after an admiral is listed now, and no longer a person "Kuznetsov"
    assert names("The Admiral Kuznetsov sailed to Syria.", "PERSON") == set()


def test_a_name_with_an_apostrophe_needs_it_in_lowercased_text() -> None:
    filler = "the talks went on for hours and nothing was agreed by anyone present there " * 4
    text = filler + "president xi an ally of moscow flew to xi'an and then to beijing"
    assert is_lowercased(text)
    places = [m for m in extract(text) if m.type == "PLACE" and m.name == "Xi'an"]
    assert [m.text for m in places] == ["xi'an"]


def test_twenty_second_holdout_shapes() -> None:
    """Found by the twenty-second holdout: ships listed after a plural kind without commas, and in a
    lowercased scrape a Chinese name after a role."""
    text = "The flotilla included the Russian corvettes Sovershenny and Gromky and the destroyer Urumqi."
    assert names(text, "WEAPON") == {"Sovershenny", "Gromky", "Urumqi"}
    filler = "the talks went on for hours and nothing was agreed by anyone present there " * 4
    lowered = filler + "after talks with cnpc chairman dai houliang and premier li qiang minister li came late"
    assert is_lowercased(lowered)
    assert names(lowered, "PERSON") == {"Dai Houliang", "Li Qiang"}


def test_twenty_third_holdout_shapes() -> None:
    """Found by the twenty-third holdout: a subsidiary named after its kind, a smelter set off by what it
    is, launch sites, who lives in a place, where a facility stands."""
    text = (
        "Residents of Kok-Jar blocked a road. Zarafshan Metals, the aluminium smelter at Tursunkul, sells to "
        "its subsidiary Kumbel. Engineers visited the Tamdy launch site and a depot outside Bekabad."
    )
    assert {"Kok-Jar", "Tursunkul", "Tamdy", "Bekabad"} <= names(text, "PLACE")
    assert {"Zarafshan Metals", "Kumbel"} <= names(text, "ORG")


def test_twenty_fourth_holdout_shapes() -> None:
    """Found by the twenty-fourth holdout: where reactors stand, a book's title in quotation marks,
    a ship's name that ends like a company's."""
    text = (
        'Rosatom fuels the fast reactors at Xiapu. Chris Miller, the author of "Chip War", spoke. '
        "Tankers such as the Asya Energy went dark. Carriers such as Pobeda Airlines flew."
    )
    assert "Xiapu" in names(text, "PLACE")
    assert "Chip War" not in names(text, "EVENT")
    assert "Asya Energy" not in names(text, "ORG")
    assert "Pobeda Airlines" in names(text, "ORG")


def test_twenty_fifth_holdout_shapes() -> None:
    """Found by the twenty-fifth holdout: two people before one institution, initials opening a name,
    a railway named by its two ends; and a demonym before a site's kind is no place."""
    text = (
        "A phrase coined by Richard Fontaine and Andrea Kendall-Taylor of the Center for a New American "
        "Security spread. Former national security adviser H.R. McMaster spoke. The Tamdybulak–Kenkiyak "
        "railway and the Druzhba pipeline run past a Kazakh uranium mine. The Kazakh railway is old, the "
        "Almaty–Moscow railway older."
    )
    assert {"Richard Fontaine", "Andrea Kendall-Taylor", "H.R. McMaster"} <= names(text, "PERSON")
    places = names(text, "PLACE")
    assert {"Tamdybulak–Kenkiyak railway", "Druzhba pipeline"} <= places  # a line with its kind word
    assert "Kazakh" not in places
    assert {"Almaty", "Moscow"} <= places  # a line between places the lists know: those places


def test_twenty_sixth_holdout_shapes() -> None:
    """Found by the twenty-sixth holdout: in a lowercased scrape, a weapon whose name is an ordinary word
    counts before its kind ("two patriot batteries"), not alone; a numbered plant is a site."""
    filler = "the talks went on for hours and nothing was agreed by anyone present there " * 4
    text = filler + "they hit two patriot batteries and fired stinger missiles while a patriot spoke"
    assert is_lowercased(text)
    weapons = [m for m in extract(text) if m.type == "WEAPON"]
    assert [m.text for m in weapons] == ["patriot", "stinger"]
    assert "Dushanbe-2" in names("China financed the Dushanbe-2 power plant.", "PLACE")


def test_twenty_seventh_holdout_shapes() -> None:
    """Found by the twenty-seventh holdout: "the Ukraine war" (not "the Russian war"), where a summit is
    held, a scholar of an institution without "the" or with a possessive, and "the Cold war" in lower
    case is still the Cold War."""
    text = (
        "The Ukraine war and the Russian war economy. Leaders met at the G20 summit in Kuta last year. "
        "Natasha Kuhrt of King's College London and Graham Allison of Harvard University wrote on the Cold war."
    )
    events = names(text, "EVENT")
    assert {"Ukraine war", "Cold War"} <= events and "Russian war" not in events
    assert "Kuta" in names(text, "PLACE")
    assert {"Natasha Kuhrt", "Graham Allison"} <= names(text, "PERSON")


def test_twenty_eighth_holdout_shapes() -> None:
    """Found by the twenty-eighth holdout: units by number, websites cited as sources, a ship's name with an
    apostrophe, an exercise's year with a letter; BeiDou is no organisation; numbered congresses are events."""
    text = (
        "The 78th Group Army and the 6th Fleet drilled (Valdaiclub.com, February 18). The Type 055 destroyer "
        "Yan'an sailed before the Strait Thunder-2025A exercise. BeiDou and GLONASS stations. The 20th Party "
        "Congress met."
    )
    orgs = names(text, "ORG")
    assert {"78th Group Army", "6th Fleet", "Valdaiclub.com"} <= orgs and "BeiDou" not in orgs
    assert "Yan'an" in names(text, "WEAPON")
    assert {"Strait Thunder-2025A", "20th Party Congress"} <= names(text, "EVENT")


def test_twenty_ninth_holdout_shapes() -> None:
    """Found by the twenty-ninth holdout: possessives inside a name, border crossings, an organisation set
    off by what it is before "says" (not a person "said"), and "the company's founder" is a person."""
    text = (
        "The Prosecutor General's Office and the Workers' Party met. Coal crosses at the Shiveekhuren crossing. "
        "Tavan Ord, the state holding company, says exports rose. Ivan Petrov, the company's founder, said so."
    )
    assert {"Prosecutor General's Office", "Workers' Party", "Tavan Ord"} <= names(text, "ORG")
    assert "Shiveekhuren" in names(text, "PLACE")
    people = names(text, "PERSON")
    assert "Ivan Petrov" in people and "Tavan Ord" not in people


def test_thirtieth_holdout_shapes() -> None:
    """Found by the thirtieth holdout: a generic class before a weapon's kind is no name ("FPV drones")."""
    text = "They hit two T-90M tanks with FPV drones and Orlan drones, then ICBM silos."
    assert names(text, "WEAPON") == {"T-90M", "Orlan-10"}


def test_thirty_first_holdout_shapes() -> None:
    """Found by the thirty-first holdout: pairs joined inside a company's name, "… Chemical", and "A" before
    a weapon's kind is no name."""
    text = (
        "China National Aero Machinery Import and Export Corporation and Qingdao Delta Chemical sold parts. "
        "A drone fell near Kharkiv. Rosatom and China National Nuclear Corporation signed."
    )
    orgs = names(text, "ORG")
    assert {"China National Aero Machinery Import and Export Corporation", "Qingdao Delta Chemical"} <= orgs
    assert {"Rosatom", "China National Nuclear Corporation"} <= orgs
    assert names(text, "WEAPON") == set()


def test_thirty_second_holdout_shapes() -> None:
    """Found by the thirty-second holdout: a body of a known organisation is two names, a person set off by
    "director-general of", the A-50 (not a rating's "A-1")."""
    text = (
        "General Liu Zhenli, chief of the Joint Staff Department of the Central Military Commission, spoke. "
        "Wang Lei, director-general of the Department of Treaty and Law at the ministry, agreed. "
        "A-50 radar planes flew; the bonds kept their A-1 rating."
    )
    assert {"Joint Staff Department", "Central Military Commission"} <= names(text, "ORG")
    assert "Wang Lei" in names(text, "PERSON")
    assert names(text, "WEAPON") == {"A-50"}


def test_thirty_third_holdout_shapes() -> None:
    """Found by the thirty-third holdout: where analysts work, a name set off after what it is, a role in
    capitals before a name set off by commas."""
    text = (
        "Analysts at Ostrum Capitalis doubt it. A payment platform, Steppe Link, was shown in Kazan. "
        "Mongolia's Deputy Prime Minister, Sainbuyan Amarsaikhan, said so."
    )
    assert {"Ostrum Capitalis", "Steppe Link"} <= names(text, "ORG")
    assert "Sainbuyan Amarsaikhan" in names(text, "PERSON")


def test_thirty_fourth_holdout_shapes() -> None:
    """Found by the thirty-fourth holdout: two sites before a plural kind, "X, owned by", a company by where
    it is registered, "… Enerji", a group "of" something (not "of" a known place)."""
    text = (
        "Lukoil operates the Kandym and Gissar fields, not the Russian and Chinese plants. Tolqin Gas, owned "
        "by a businessman, and the Swiss-registered Sigma Development drill too; Kara Enerji builds a plant. "
        "The Dutch group Bits of Freedom and the company Zenit Oil of Russia protested."
    )
    assert {"Kandym", "Gissar", "Russia"} <= names(text, "PLACE")
    assert not {"Russian", "Chinese"} & names(text, "PLACE")
    orgs = names(text, "ORG")
    assert {"Tolqin Gas", "Sigma Development", "Kara Enerji", "Bits of Freedom", "Zenit Oil"} <= orgs
