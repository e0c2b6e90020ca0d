"""The statistical layer: finding the model without importing spaCy, the no-model path, combining."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from index.corpus.scan import load_all
from index.entities.combine import clean, combine
from index.entities.extract import extract
from index.entities.gazetteer import load_gazetteer
from index.entities.passes import Mention
from index.entities.statistical import chunks, model_status
from tests.conftest import SEEDS


def people(text: str, **kwargs: object) -> set[str]:
    return {m.name for m in extract(text, **kwargs) if m.type == "PERSON"}  # type: ignore[arg-type]


def test_a_possessive_keeps_the_name_whole() -> None:
    assert people("President Nelson Mandela's party won.") == {"Nelson Mandela"}
    assert people("Prime Minister John Major's office said.") == {"John Major"}
    assert people("They met President Clinton's aides.") == {"Clinton"}
    assert people("President Sali Berisha's party") == {"Sali Berisha"}


def test_model_status_does_not_import_spacy() -> None:
    code = (
        "import sys, index.entities.statistical as n; n.model_status(); n.find_model(); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    available, said = model_status()
    assert isinstance(available, bool) and said


def test_with_no_model_finds_the_output_is_the_rules_alone() -> None:
    for document in load_all(SEEDS)[0]:
        assert extract(document.text, model_spans=[]) == extract(document.text)


def test_chunks_cover_the_text_at_its_offsets() -> None:
    text = "First para.\nstill first.\n\n\nSecond " + "word " * 6000 + "\n\nThird."
    for offset, piece in chunks(text):
        assert text[offset : offset + len(piece)] == piece
    assert "".join(p for _, p in chunks(text)).replace("\n", "") == "".join(text.split("\n"))


def test_the_models_junk_is_cleaned_or_dropped() -> None:
    def cleaned(text: str, kind: str = "PERSON") -> str | None:
        span = clean(text, 0, len(text), kind)
        return None if span is None else text[span[0] : span[1]]

    assert cleaned("Deborah Charles\nRANGOON") == "Deborah Charles"
    assert cleaned("Hosni Mubarak's") == "Hosni Mubarak"
    assert cleaned("General") is None
    assert cleaned("marijuana") is None
    assert cleaned("Chechens", "ORG") is None
    assert cleaned("Colombian", "PLACE") is None
    assert cleaned("Belgian King Baudouin") == "Baudouin"
    assert cleaned("Interfax news agency", "ORG") == "Interfax"
    assert cleaned("August National Association of Purchasing Management", "ORG") == (
        "National Association of Purchasing Management"
    )
    assert cleaned("Khabarovsk.[2]", "PLACE") == "Khabarovsk"
    assert cleaned("Later Mandela") == "Mandela"


def test_the_longer_span_wins_but_never_across_a_rule_or_over_two_names() -> None:
    gazetteer = load_gazetteer()
    text = "The Organisation for Security and Cooperation in Europe met. Stephen Blank Fall came."
    rules = extract(text)
    osce = text.index("Organisation")
    blank = text.index("Stephen")
    spans = [(osce, text.index(" met"), "ORG"), (blank, text.index(" came"), "PERSON")]
    names = {(m.type, m.name) for m in combine(text, rules, spans, gazetteer)}
    assert ("ORG", "Organisation for Security and Cooperation in Europe") in names
    assert ("PERSON", "Stephen Blank") in names and not any("Fall" in n for _, n in names)


def test_a_known_name_keeps_its_list_type_and_canonical_name() -> None:
    gazetteer = load_gazetteer()
    text = "Gazprom signed with Putin."
    found = combine(text, [], [(0, 7, "PERSON"), (20, 25, "ORG")], gazetteer)
    assert [(m.type, m.name) for m in found] == [("ORG", "Gazprom"), ("PERSON", "Vladimir Putin")]
    assert all(isinstance(m, Mention) for m in found)


# With the model installed ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def nlp() -> object:
    pytest.importorskip("spacy")
    from index.entities.statistical import load_model

    try:
        return load_model()
    except LookupError:
        pytest.skip("no English spaCy pipeline installed")


def test_the_model_finds_people_no_list_holds_and_links_their_surnames(nlp: object) -> None:
    from index.entities.statistical import model_spans

    text = (
        "Nelson Mandela spoke on Monday. Later Mandela said the African National Congress would win.\n\n"
        "Madeleine Albright agreed with Mangosuthu Buthelezi."
    )
    found = extract(text, model_spans=model_spans(text, nlp))
    by_text = {m.text: (m.type, m.name) for m in found}
    assert by_text["Mandela"] == ("PERSON", "Nelson Mandela")
    assert by_text["African National Congress"][0] == "ORG"
    assert by_text["Madeleine Albright"][0] == "PERSON"  # no list holds her, no rule fits
    for m in found:
        assert text[m.start : m.end] == m.text


# Fixes issue 18 lists, on the rules (no model) ------------------------------------------------------
def test_words_glued_by_scraping_are_split_but_camel_case_names_are_kept() -> None:
    text = "Deputy Foreign Minister Igor MorgulovAmbassador Zhang Hanhui spoke. He flew to BeijingChinese officials."
    found = extract(text)
    assert {"Igor Morgulov", "Zhang Hanhui"} <= {m.name for m in found if m.type == "PERSON"}
    assert "Beijing" in {m.name for m in found if m.type == "PLACE"}
    for m in found:
        assert text[m.start : m.end] == m.text
    kept = "McDonald and PetroChina use WeChat and YouTube; Huawei, Zoomlion and BelGee too."
    assert {"PetroChina", "WeChat", "BelGee"} <= {m.name for m in extract(kept)}


def test_a_glued_text_keeps_the_models_offsets() -> None:
    text = "Igor MorgulovAmbassador Zhang Hanhui spoke."
    spans = [(0, 13, "PERSON"), (24, 36, "PERSON")]
    found = extract(text, model_spans=spans)
    assert [(m.text, m.name) for m in found if m.type == "PERSON"] == [
        ("Igor Morgulov", "Igor Morgulov"),
        ("Zhang Hanhui", "Zhang Hanhui"),
    ]


def test_names_are_kept_to_their_head_word() -> None:
    plant = extract("Pipes come from the Chelyabinsk Pipe Rolling Plant, which supplies Gazprom.")
    assert ("ORG", "Chelyabinsk Pipe Rolling Plant") in {(m.type, m.name) for m in plant}
    field = [m for m in extract("Gas from the Chayanda field flows to China.") if m.type == "PLACE"]
    assert ("Chayanda field", "Chayanda") in {(m.text, m.name) for m in field}


def test_transliteration_variants_are_one_person() -> None:
    text = "Alexey Miller met Sergey Ivanov. Sergei Ivanov and Alexei Miller spoke; Yury Ushakov and Yuri Ushakov."
    names = {m.text: m.name for m in extract(text) if m.type == "PERSON"}
    assert names["Alexey Miller"] == names["Alexei Miller"] == "Alexei Miller"  # the list's spelling
    assert names["Sergey Ivanov"] == names["Sergei Ivanov"]
    assert names["Yury Ushakov"] == names["Yuri Ushakov"]


def test_a_user_entry_sharing_a_built_in_name_merges_with_it(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "entities.toml").write_text('[PERSON]\n"Alexey Miller" = ["Alexei Miller"]\n', encoding="utf-8")
    found = extract("Alexey Miller met Alexander Miller. Alexei Miller said.", load_gazetteer())
    assert {m.name for m in found if m.type == "PERSON"} == {"Alexey Miller"}  # the built-in alias joined


def test_a_pages_citation_marks_read_the_same_whoever_cut_the_words() -> None:
    """The index passes the words it cut from the text; after blanking "[1]" they no longer match it."""
    from index.tokens import words

    text = "Talks\n\nThe Power of[3] Siberia pipeline carries gas to China.\n"
    gazetteer = load_gazetteer()
    assert extract(text, gazetteer, list(words(text))) == extract(text, gazetteer)
    assert "Power of Siberia" in {m.name for m in extract(text, gazetteer, list(words(text)))}
