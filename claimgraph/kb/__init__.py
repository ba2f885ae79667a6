"""Reference knowledge, kept as reviewed data files (YAML) beside this module.

Everything the pipeline knows about the world (actors, cues, hedges, incident types, relations) is
loaded from here once, so a reviewer can read and correct it without reading code.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from claimgraph.model import Actor

KB_DIR = Path(__file__).parent


@cache
def load(name: str) -> Any:
    """The parsed YAML file ``name`` (without extension) from the KB folder."""
    with open(KB_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def role_lexicon() -> dict[str, frozenset[str]]:
    """incident_roles.yaml as sets of words: attacker nouns, weapon words, victim and target verbs..."""
    return {key: frozenset(words) for key, words in load("incident_roles").items()}


def alias_key(text: str) -> str:
    """How aliases are compared: case, hyphens, apostrophes, dots and spacing do not matter."""
    text = text.lower().replace("’", "'")
    text = re.sub(r"['.]", "", text)
    return re.sub(r"[\s\-–_/]+", " ", text).strip()


@cache
def actors() -> dict[str, Actor]:
    """KB actors by id."""
    out: dict[str, Actor] = {}
    for entry in load("actors") or []:
        aliases = [str(a) for a in entry.get("aliases") or []]
        out[entry["id"]] = Actor(
            id=entry["id"],
            name=entry["name"],
            kind=entry.get("kind", "organization"),
            aliases=aliases,
            wikidata=entry.get("wikidata"),
            region=entry.get("region"),
            source=entry.get("source"),
        )
    return out


@cache
def actor_countries() -> dict[str, str]:
    """Actor id -> the ISO country code of the one state the actor is a body of (``country`` in the KB)."""
    return {e["id"]: e["country"] for e in load("actors") or [] if e.get("country")}


@cache
def state_ids() -> frozenset[str]:
    """Ids of the actors that are states (kind ``state``)."""
    return frozenset(a.id for a in actors().values() if a.kind == "state")


@cache
def organization_ids() -> frozenset[str]:
    """Ids of the actors that are armed groups and other organisations (kind ``organization``), not a
    state, its agencies or its forces."""
    return frozenset(a.id for a in actors().values() if a.kind == "organization")


@cache
def incident_words() -> frozenset[str]:
    """Lemmas that name an incident or refer back to one ("bombing", "attack", "the blast")."""
    data = load("incident_types")
    return frozenset(w for t in data["types"] for w in t.get("lemmas") or []) | frozenset(data["anaphora"])


@cache
def reporting_verbs() -> frozenset[str]:
    """Lemmas of every verb that reports, claims, denies or accuses (``cues.yaml`` verbs, all classes)."""
    return frozenset(w for words in load("cues")["verbs"].values() for w in words)


@cache
def person_titles() -> frozenset[str]:
    """Lower-case words that stand before a person's name ("Msgr", "Judge", "Dr"; ``truecase.yaml``)."""
    data = load("truecase")
    return frozenset(w.lower() for w in (data.get("titles") or []) + (data.get("title_abbreviations") or []))


@cache
def actor_parents() -> dict[str, str]:
    """Child actor id -> parent actor id (``part_of`` in the KB)."""
    return {e["id"]: e["part_of"] for e in load("actors") or [] if e.get("part_of")}


@cache
def voices() -> dict[str, str]:
    """Outlet actor id -> the group it speaks for (``voice_of`` in the KB: a clandestine radio, a news
    agency of an armed group), so that "the rebels" in its reports is that group."""
    return {e["id"]: e["voice_of"] for e in load("actors") or [] if e.get("voice_of")}


@cache
def abbreviations() -> dict[str, str]:
    """Case-sensitive acronym -> actor id ("FMLN", "ISKP")."""
    out: dict[str, str] = {}
    for entry in load("actors") or []:
        for abbr in entry.get("abbreviations") or []:
            out.setdefault(str(abbr), entry["id"])
    return out


@cache
def alias_index() -> dict[str, str]:
    """alias_key(name or alias) -> actor id, for everything that is not a bare acronym."""
    out: dict[str, str] = {}
    abbrs = abbreviations()
    for actor in actors().values():
        for name in [actor.name, *actor.aliases]:
            if name in abbrs:
                continue
            out.setdefault(alias_key(name), actor.id)
    return out


def resolve_alias(text: str) -> str | None:
    """The KB actor id for a surface form, or None."""
    text = text.strip()
    return abbreviations().get(text) or alias_index().get(alias_key(text))


def names_a_state(text: str) -> bool:
    """Whether a surface form is a name of a state ("US", "Mozambique")."""
    return resolve_alias(text) in state_ids()
