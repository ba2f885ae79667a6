"""Case restoration of ALL-CAPS wire text: offsets stay valid, proper nouns come back."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from claimgraph.nlp.truecase import is_shouting, restore_case, tables

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
MUC4 = SHARED / "data" / "muc4" / "dev.jsonl"

WIRE = (
    "   SAN SALVADOR, 14 FEB 90 -- [TEXT] THE ARMED FORCES REPORTED TODAY THAT FMLN REBELS BLEW UP TWO\n"
    "ELECTRICITY PYLONS NEAR SANTA ANA ON MONDAY NIGHT.  COLONEL RENE PONCE SAID THE ATTACK WILL NOT\n"
    "STOP THE ELECTIONS.\n\n"
    "   PRESIDENT BUSH SAID IN WASHINGTON THAT THE U.S. WILL KEEP HELPING US AND THE SALVADORAN PEOPLE.\n"
    "I BELIEVE THE VOTE MAY TAKE PLACE ON 20 MAY, A PERUVIAN DIPLOMAT IN EL SALVADOR SAID."
)
OWN_SENTENCES = [
    "GUNMEN ON MOTORCYCLES KILLED THREE POLICEMEN IN PESHAWAR ON FRIDAY, OFFICIALS SAID.",
    "NO GROUP HAS CLAIMED THE BOMBING, BUT THE TTP DENIED ANY ROLE IN IT.",
    "ŞIRNAK, İSTANBUL AND STRAßE: ODD LETTERS MUST KEEP THEIR PLACES. ΣΟΦΙΑ ΣΑΣ.",
    "THE AK-47 AND UH-1H WERE SEEN AT 10:30 P.M. ON THE 3RD OF MARCH 1990.",
]


@pytest.fixture(scope="module", autouse=True)
def _tables() -> None:
    tables()  # build the lookup tables once for the module


def _muc4_texts(count: int) -> list[str]:
    if not MUC4.exists():
        pytest.skip(f"{MUC4} not available")
    with MUC4.open(encoding="utf-8") as handle:
        return [json.loads(next(handle))["text"] for _ in range(count)]


def _assert_case_only(original: str, restored: str) -> None:
    assert len(restored) == len(original)
    for a, b in zip(original, restored, strict=True):
        assert a == b or a.lower() == b.lower() or a.upper() == b.upper(), (a, b)


def test_shouting_detection() -> None:
    assert is_shouting(WIRE)
    assert not is_shouting("Rebels attacked a power station near Santa Ana, the army said on Monday.")
    assert not is_shouting("FMLN")  # too short to judge
    assert not is_shouting("")


def test_same_length_and_letters_on_own_sentences_and_muc4() -> None:
    rng = random.Random(7)
    texts = OWN_SENTENCES + [WIRE] + _muc4_texts(3)
    shuffled = [" ".join(rng.sample(OWN_SENTENCES, k=len(OWN_SENTENCES))) for _ in range(5)]
    for text in texts + shuffled:
        restored = restore_case(text)
        _assert_case_only(text, restored)
        assert restored != text  # it really did something


def test_random_characters_keep_offsets() -> None:
    rng = random.Random(11)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ      .,-'’?!\n0123456789ÁÉÑÜİßΣ[]()\"\t"
    for _ in range(50):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 400)))
        _assert_case_only(text, restore_case(text))


def test_wire_paragraph() -> None:
    restored = restore_case(WIRE)
    assert restored.startswith("   San Salvador, 14 Feb 90 --")
    assert "FMLN rebels" in restored
    assert "the armed forces reported" in restored.lower() and "The armed forces reported" in restored
    assert "near Santa Ana on Monday night." in restored
    assert "Colonel Rene Ponce said the attack will not" in restored
    assert "President Bush said in Washington that the U.S. will keep helping us" in restored
    assert "Salvadoran people" in restored
    assert "I believe the vote may take place on 20 May, a Peruvian diplomat in El Salvador said." in restored
    assert "\nStop the elections." not in restored  # a line break is not a sentence start


def test_sentence_starts_capitalised() -> None:
    restored = restore_case("THE BOMB WENT OFF AT NOON. TWO PEOPLE DIED! WHO DID IT? NOBODY KNOWS.")
    assert restored == "The bomb went off at noon. Two people died! Who did it? Nobody knows."


def test_ambiguous_words_need_a_proper_context() -> None:
    restored = restore_case(
        "THE MAN HID IN A BUSH. THEY WILL MEET IN MAY. IT IS US, NOT THEM, SAID THE CHIEF OF POLICE."
    )
    assert "hid in a bush." in restored
    assert "They will meet in May." in restored
    assert "It is us, not them" in restored
    restored = restore_case(
        "GENERAL STAFF OFFICERS SAID THE ISLAMIC STATE [IS] WAS BEHIND THE ATTACK IN TURKEY."
    )
    assert "General staff officers" in restored
    assert "Islamic State [IS] was" in restored
    assert "attack in Turkey." in restored


def test_unknown_words_after_titles_are_names() -> None:
    restored = restore_case(
        "ACCORDING TO MAJOR VILLAMARIONA, GEN. ZEPEDA MET ARCHBISHOP RIVERA Y DAMAS YESTERDAY."
    )
    assert "Major Villamariona" in restored
    assert "Gen. Zepeda" in restored
    assert "Archbishop Rivera" in restored


def test_names_that_split_into_short_words_stay_names() -> None:
    """A name is no compound of two dictionary words when one of them is a short WordNet entry
    ("belt|ran", "end|ara"); a real compound with a long first word stays a word ("machine|gunned")."""
    restored = restore_case(
        "GUNMEN MACHINEGUNNED THE CAR OF MAYOR BELTRAN NEAR COVENAS, AND ENDARA SAID THE GUNSHIPS LEFT."
    )
    assert "Beltran near Covenas" in restored
    assert "and Endara said" in restored
    assert "Gunmen machinegunned the car" in restored
    assert "the gunships left" in restored


def test_tokens_with_digits_keep_their_case() -> None:
    restored = restore_case(OWN_SENTENCES[3])
    assert "AK-47" in restored and "UH-1H" in restored
    assert "3rd of March 1990" in restored


def test_mixed_case_is_returned_unchanged() -> None:
    text = "The FMLN said on Monday that it had attacked an army post in San Miguel."
    assert restore_case(text) is text
    assert restore_case("") == ""


def test_an_abbreviation_bracketed_after_a_name_stays_upper_case() -> None:
    """An unknown word in brackets right after a name defines the name's abbreviation ("[FAL]"), where
    it would otherwise read as a name ("Fal"); a bracketed English word after a name stays a word."""
    restored = restore_case(
        "THE ZARATE WILLKA ARMED FORCES OF LIBERATION [FAL] CLAIMED THE BOMBING. PRESIDENT JAIME PAZ "
        "ZAMORA (LEFT) SPOKE, AND THE ATTACKERS FLED [TEXT] AT NOON."
    )
    assert "Zarate Willka Armed Forces of Liberation [FAL] claimed" in restored
    assert "Zamora (left) spoke" in restored
    assert "[text]" in restored


def test_an_english_noun_after_a_first_name_is_a_surname() -> None:
    """Surnames that are also English nouns (WordNet knows "Hammer", "Ossa", the conquistador Pizarro)
    stay part of the name after a first name, or after a first name and a surname; a noun that names a
    place after a first name ("San Jose province") or a verb after one does not."""
    assert restore_case("AN AMERICAN IDENTIFIED AS MIKE HAMMER WAS INJURED.") == (
        "An American identified as Mike Hammer was injured."
    )
    assert restore_case("GUNMEN KILLED BERNARDO JARAMILLO OSSA.") == "Gunmen killed Bernardo Jaramillo Ossa."
    assert restore_case("IN SAN JOSE PROVINCE, CARLOS SAID THAT IT RAINED.") == (
        "In San Jose province, Carlos said that it rained."
    )


def test_a_place_name_after_a_first_name_and_surname_is_a_second_surname() -> None:
    """A proper name the tables know only as a place ("Camargo", a town) is a second surname after a
    first name and a surname; an ambiguous English word there ("may") stays lower case."""
    assert restore_case("ENGINEER ARMANDO CAYCEDO CAMARGO WAS KIDNAPPED.") == (
        "Engineer Armando Caycedo Camargo was kidnapped."
    )
    assert restore_case("AIDES SAID CARLOS PIZARRO MAY RUN AGAIN.") == (
        "Aides said Carlos Pizarro may run again."
    )
