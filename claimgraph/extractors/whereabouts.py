"""Where and when an incident happened: the place and date a mention's own words give, and whether two
mentions can be one incident (same country and town, dates a day apart at most).

Places go through the gazetteer (``nlp/places``); dates through ``nlp/dates`` against the publication
day, never after it.
"""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date

from spacy.tokens import Doc, Span

from claimgraph import kb
from claimgraph.extractors.quotes import inside
from claimgraph.extractors.speakers import ACCUSE_LEMMAS, QUALIFIERS
from claimgraph.model import Place
from claimgraph.nlp.actors import states_by_code
from claimgraph.nlp.dates import MONTH_NAMES, is_date_expression, resolve_date
from claimgraph.nlp.places import PLACE_KINDS, country_code, country_place, geocode, is_area

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_PARTICLES = {"the", "of", "de", "del", "la", "el", "al"}  # small words inside a place's name
_TYPES = kb.load("incident_types")
# "Israel strikes Gaza", "Pakistan carried out airstrikes inside Afghanistan": the doer
ATTACK_VERBS = kb.incident_words() | frozenset(_TYPES["striking_verbs"]) | frozenset(_TYPES["doing_verbs"])
# The small model often labels "Karachi airport" or a lone city name as an organisation.
LANDMARKS = {
    "airport",
    "university",
    "port",
    "station",
    "market",
    "bazaar",
    "hospital",
    "base",
    "camp",
    "prison",
    "stadium",
    "mosque",
    "church",
    "square",
    "bridge",
    "road",
}
DATE_LABELS = {"DATE", "TIME"}
PERSON_ENDS = "claimgraph.person_ends"  # doc.user_data key: see _person_ends
VICTIM_VERBS = kb.role_lexicon()["victim_verbs"]
# People a state's name may be set before: victims, and a force's people (not its acts: "the Kabul attack")
_MEMBERS = frozenset(kb.load("generic_actors")["members"]) - {"operation", "operations", "offensive", "fire"}
_ACTS = kb.incident_words() | {w + "s" for w in kb.incident_words()}
PEOPLE_WORDS = kb.role_lexicon()["person_patients"] | (_MEMBERS - _ACTS)
# ... and what a state's forces fly or fire ("U.S. and British warplanes struck targets across Yemen")
STATE_ARMS = frozenset(kb.load("generic_actors")["state_acts"]) | {"warplanes", "jets", "drones", "gunships"}
_SEATS = kb.load("seats")["seats"] or {}  # seat -> state (kb seats.yaml)
_WHOSE = PEOPLE_WORDS | STATE_ARMS | kb.role_lexicon()["state_property"]
SPEAKING_VERBS = kb.reporting_verbs()
# "the Afghan capital": state actor -> its capital (kb seats.yaml, the first capital listed for a state)
CAPITALS = {state: seat for seat, state in reversed(list(_SEATS.items()))}
AGE = re.compile(r"[1-9]\d?")
DAY_NUMBER = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
DAY_WORDS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|\btoday|tonight|last night|"
    r"\bthis (?:morning|afternoon|evening)|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
# ... of them, those that name one day ("on Saturday", "March 3"), not a month or a season.
ONE_DAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|yesterday|\btoday\b|tonight|last night|"
    r"\bthis (?:morning|afternoon|evening)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|"
    r"\d (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)


# a compass word: "north", "northern", "north-west", "southeastern"
COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
DIRECTIONS = re.compile(rf"^(?:the\s+)?(?:central|{COMPASS})\s+", re.IGNORECASE)
# what may stand between a place and its country: "Bagram, Afghanistan", "Rubaya in eastern Congo"
BESIDE = re.compile(rf"(?:,|,? ?in(?: (?:the )?(?:central|{COMPASS}))?)", re.IGNORECASE)
# what stands between a place and the one that locates it: ", north of", ", about 30 km south-east of"
RELATIVE = re.compile(
    r",? ?(?:about |some |around |nearly |roughly )?(?:\d+ ?(?:km|kms|kilometres|kilometers|miles) )?"
    rf"{COMPASS} of",
    re.IGNORECASE,
)


def _geocode(name: str, hint: str | None = None) -> Place | None:
    """A place name, or a region of it ("northwest Pakistan" is in Pakistan); a name that begins with a
    direction is first looked up whole ("North Kivu", "South Waziristan")."""
    if DIRECTIONS.match(name):
        return geocode(name, hint) or geocode(DIRECTIONS.sub("", name), hint)
    return geocode(name, hint)


def _place_of(ent: Span, hint: str | None = None) -> Place | None:
    """The place an entity names: "the Afghan capital" is Kabul (kb seats.yaml), else the name itself."""
    if _names_a_capital(ent):
        code = country_code(ent.text)
        capital = CAPITALS.get(states_by_code().get(code, "")) if code else None
        return geocode(capital, code) if capital else None
    if ent.label_ == "NORP" and (code := country_code(ent.text)):
        return country_place(code)  # "in the Thai south": Thailand (GeoNames has "Thai" for a town)
    return _geocode(ent.text, hint)


def _names_a_capital(ent: Span) -> bool:
    """ "the Afghan capital", "the Somali capital": a nationality before "capital"."""
    doc = ent.doc
    return ent.label_ == "NORP" and ent.end < len(doc) and doc[ent.end].lower_ == "capital"


def _rank(place: Place, hint: str | None) -> tuple[bool, bool, bool]:
    """Places in the document's country first, then towns, then regions, then countries."""
    return (hint is not None and place.country != hint, is_area(place), place.lat is None)


def _placelike(ent: Span) -> bool:
    if (
        _across_a_border(ent)
        or _names_the_speaker(ent)
        or _nationality_of_people(ent)
        or _qualifies_a_group(ent)
        or _owns_a_group(ent)
        or _names_the_doer(ent)
    ):
        return False
    if ent.label_ in PLACE_LABELS:
        return not _a_person_harmed(ent)
    if _named_as_a_place(ent) or ent.label_ in {"PERSON", "NORP"} and _after_a_place_preposition(ent):
        return True
    if _names_a_capital(ent):
        return True
    return ent.label_ == "ORG" and (len(ent) == 1 and not _a_surname(ent) or ent[-1].lower_ in LANDMARKS)


def _across_a_border(ent: Span) -> bool:
    """ "the Bajaur district bordering Afghanistan", "near the border with Iran": the land across the
    border says where the place is, not where it happened."""
    root = ent.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() == "border":
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head.lemma_.lower() == "border"


def _names_the_doer(ent: Span) -> bool:
    """ "Israel strikes Gaza", "Russia attacked Kyiv overnight": a state as the subject of an attack verb
    is who attacked, not where; "accused neighbouring Rwanda of backing the rebels": the accused, too."""
    root = ent.root
    if ent.label_ == "GPE" and root.dep_ == "dobj" and root.head.lemma_.lower() in ACCUSE_LEMMAS:
        return True
    return ent.label_ == "GPE" and root.dep_ == "nsubj" and root.head.lemma_.lower() in ATTACK_VERBS


def _owns_a_group(ent: Span) -> bool:
    """ "the first deadly attack by Yemen's Houthis on shipping in the Gulf of Aden", "Turkey's military
    struck targets in northern Iraq": a state's possessive on an armed group or a state's forces says
    whose they are, not where the attack was."""
    head = ent.root.head
    if ent.root.dep_ != "poss" or head.i == ent.root.i:
        return False
    states = kb.state_ids()
    return any(a.start <= head.i < a.end and a.kb_id_ not in states for a in ent.doc.spans.get("actors", []))


def _qualifies_a_group(ent: Span) -> bool:
    """ "Iran-backed militants attacked a base in Syria": a name in a participle that says who backs a
    group, or whom it is tied to, is not where the attack happened (kb relations.yaml
    ``qualifying_participles``, ``loyalty_words``). "Pakistan-based" says where the group is, not the
    attack either."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in QUALIFIERS


def _nationality_of_people(ent: Span) -> bool:
    """ "killing 170 civilians and 13 U.S. troops", "two Chinese nationals", "U.S. warplanes", "a US base":
    a state's name set before people, arms or what it keeps abroad says whose they are, not where it
    happened (kb incident_roles.yaml ``person_patients``, ``state_property``, generic_actors.yaml
    ``members``, ``state_acts``)."""
    root = ent.root
    return ent.label_ == "GPE" and root.dep_ in {"compound", "nmod"} and root.head.lower_ in _WHOSE


# A port is a town's as a district is ("the port of Odesa", "Odesa port"), where "the mosque of X" is not.
NAMED_PLACE_KINDS = PLACE_KINDS | {"port", "harbour", "harbor"}
# Landforms that end a name make it a place, whatever the recogniser says ("the Bolan Pass" as ORG).
LANDFORMS = {"pass", "valley", "mountains", "hills", "desert", "gorge", "plateau", "forest", "plains"}


def _named_as_a_place(ent: Span) -> bool:
    """ "the city of Lyon", "the province of Helmand", "Ituri province": the words around the name say it
    is a place, whatever the recogniser called it (it takes "Lyon" there for a person)."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in NAMED_PLACE_KINDS:
        return True  # "Congo's Ituri province", "Zamfara state", "Odesa port": the word after says so
    if len(ent) > 1 and ent[-1].lower_ in LANDFORMS and ent[-1].is_title:
        return True  # "the Bolan Pass", "the Swat Valley"
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in NAMED_PLACE_KINDS
    )


def _after_a_place_preposition(ent: Span) -> bool:
    """ "near Gao", "in Bunia", "in Kidal": a name the recogniser took for a person (or a people), as the
    object of a preposition of place, is a place (the gazetteer then decides whether it knows one)."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "near", "outside"} and not _a_surname(ent)


def _a_surname(ent: Span) -> bool:
    """ "Ibarra was not hurt" after "newsman Epigmenio Ibarra": a word the recogniser took for an
    organisation that ends a person's name in the text is that person, not a town of that name."""
    return any(start != ent.start and last == ent.text for start, last in _person_ends(ent.doc))


def _person_ends(doc: Doc) -> list[tuple[int, str]]:
    """(start, last word) of each person the recogniser found, read once per document: ``doc.ents``
    builds its spans anew at each call, and places are asked about many times."""
    if PERSON_ENDS not in doc.user_data:
        doc.user_data[PERSON_ENDS] = [(e.start, e[-1].text) for e in doc.ents if e.label_ == "PERSON"]
    return doc.user_data[PERSON_ENDS]


def _names_the_speaker(ent: Span) -> bool:
    """ "the Catholic diocese of Pemba said", "Russia's defence ministry said": a place in a phrase after
    the speaker's noun, or its possessive, says where or whose the speaker is, not where the incident was
    ("Guatemala army" before it is kept: in MUC-4 wire copy it is often the only place an incident's
    report gives)."""
    token = ent.root
    if token.dep_ == "nsubj" and ent.text in _SEATS and _read_as_its_state(ent):
        return True  # "Moscow denied striking the hospital": a capital speaking for its state
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEAKING_VERBS and kb.names_a_state(ent.text):
        return True  # "..., US says": the state speaks
    if token.dep_ == "poss":  # "Russia's defence ministry denied ...": whose the speaker is
        owner = token.head
        return owner.dep_ == "nsubj" and owner.head.lemma_.lower() in SPEAKING_VERBS
    if token.dep_ != "pobj":
        # "blamed the attack on militants, a charge New Delhi rejects": the capital speaks, in a relative
        # clause on the charge (the parser at times takes the verb for a plural noun)
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else token
        misread = after.tag_ == "NNS" and after.lower_.endswith("s")  # "rejects" as a plural noun
        return after.lemma_.lower() in SPEAKING_VERBS and (after.dep_ == "relcl" or misread)
    while token.dep_ in {"pobj", "prep"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEAKING_VERBS


def _read_as_its_state(ent: Span) -> bool:
    """Whether the actor recogniser read this capital as its state's government (nlp/actors.py: a seat
    that is the subject of a reporting verb, kb seats.yaml), so it names who speaks, not a place."""
    return any(a.start == ent.start and a.end == ent.end for a in ent.doc.spans.get("actors", []))


def _a_person_harmed(ent: Span) -> bool:
    """A name the recogniser took for a place that the text shoots, kills or abducts ("shot dead one
    Nasir (20) in Nayabad area"), or gives an age in brackets: a person, not where it happened."""
    root, doc = ent.root, ent.doc
    # the object only: a passive subject is as often a misparse ("a store of Kanglatongbi in Imphal
    # West District was shot at")
    harmed = root.dep_ == "dobj" and root.head.lemma_.lower() in VICTIM_VERBS
    aged = ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")"
    return harmed or aged and AGE.fullmatch(doc[ent.end + 1].text) is not None


def document_country(ents: list[Span]) -> str | None:
    """The country of the first place the document names (its dateline, usually): a hint for the rest."""
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            place = _geocode(ent.text)
            if place is not None and place.country:
                return place.country
    return None


def place_in(
    ents: list[Span], ids: Container[int], actor_tokens: set[int], hint: str | None = None
) -> Place | None:
    """The most precise place named in ``ids``; failing any the gazetteer knows, a place name it lacks.

    A village or an air base the gazetteer lacks ("in Bagram, a suicide bomber ...") is still where
    the incident happened: it is kept by name, without coordinates, and with the country only when the
    text sets one beside it ("Bagram, Afghanistan"). Otherwise a country named later in the sentence,
    or in a later mention, would stand in for it.
    """
    best: tuple[Place, Span] | None = None
    unknown: Span | None = None
    for ent in ents:
        if not _placelike(ent) or ent.start not in ids or ent.start in actor_tokens:
            continue
        place = _place_of(ent, hint)
        if place is None:
            if unknown is None and _unlisted_place(ent):
                unknown = ent
            continue
        if best is None or _rank(place, hint) < _rank(best[0], hint):
            best = place, ent
    if unknown is None:
        return best[0] if best else None
    if best is None:
        return Place(_bare_name(unknown))
    place, ent = best
    if (
        _is_country(place)
        and (_beside(unknown, ent) or _of_its_nationality(unknown, ent))
        or _relative_to(unknown, ent)
    ):
        return Place(_bare_name(unknown), place.country)
    return place


def only_place(ents: list[Span], actor_tokens: set[int], hint: str | None = None) -> Place | None:
    """The place a sentence names when all its places are one town at most in one country: where an
    incident whose own words name none happened ("police in France are hunting a man who left a parcel
    that exploded on Friday, injuring 13 people in the city of Nantes", where the parse hangs the town on
    another verb). With two towns or two countries in the sentence it cannot tell which. An organisation's
    name the gazetteer does not know ("told AFP") is no place."""
    found = [e for e in ents if _placelike(e) and e.start not in actor_tokens]
    found = [e for e in found if e.label_ != "ORG" or _place_of(e, hint) is not None]
    located = [(e, p) for e in found if (p := _place_of(e, hint)) is not None]
    places = [p for _e, p in located]
    unknown = [e for e in found if all(e is not k for k, _p in located)]
    if len({p.country for p in places}) > 1:
        return None  # two countries: which one is not said
    # a name the gazetteer lacks is where it happened only with its country beside it ("the town of
    # Rubaya in eastern Congo")
    if unknown and (
        len(unknown) > 1 or not any(_beside(unknown[0], e) and _is_country(p) for e, p in located)
    ):
        return None
    if len([p for p in places if not is_area(p)]) > 1:
        return None
    return place_in(found, {e.start for e in found}, actor_tokens, hint)


def _unlisted_place(ent: Span) -> bool:
    """A capitalised name the recogniser calls a place, or the words around it do ("the Bajaur
    district"), not an organisation guessed to be one."""
    words = [t for t in ent if t.is_alpha and t.lower_ not in NAME_PARTICLES]  # "the Gulf of Aden"
    placed = ent.label_ in PLACE_LABELS or _named_as_a_place(ent)  # "the Bajaur district", whatever label
    return placed and bool(words) and all(t.is_title or t.is_upper for t in words)


def _is_country(place: Place) -> bool:
    return place.lat is None and country_code(place.name) == place.country


def _beside(name: Span, country: Span) -> bool:
    """ "Bagram, Afghanistan" or "Bagram in Afghanistan": the country follows the place at once."""
    between = name.doc[name.end : country.start].text.strip().lower()
    return country.start > name.end and BESIDE.fullmatch(between) is not None


NATIONAL_KIND = re.compile(r"(?:[a-z-]+ )?(?:" + "|".join(sorted(PLACE_KINDS)) + r") of(?: the)?")


def _of_its_nationality(name: Span, nationality: Span) -> bool:
    """ "the central Haitian town of Pont-Sonde": the town is in the country its adjective names."""
    between = name.doc[nationality.end : name.start].text.strip().lower()
    return (
        nationality.label_ == "NORP"
        and name.start > nationality.end
        and NATIONAL_KIND.fullmatch(between) is not None
    )


def _relative_to(name: Span, known: Span) -> bool:
    """ "Tarmiyah, north of Baghdad", "Kidal, 30 km east of Gao": the place is the first, located by the
    second (whose country it shares)."""
    between = name.doc[name.end : known.start].text.strip().lower()
    return known.start > name.end and RELATIVE.fullmatch(between) is not None


def _bare_name(ent: Span) -> str:
    return ent[1:].text if ent[0].lower_ == "the" and len(ent) > 1 else ent.text


def date_in(
    ents: list[Span], ids: Container[int], published: date | None, quotes: list[tuple[int, int]]
) -> tuple[date, str] | None:
    for ent in ents:
        if ent.label_ not in DATE_LABELS or ent.start not in ids:
            continue
        if ent.label_ == "TIME" and not DAY_WORDS.search(ent.text):
            continue  # "about 11 a.m." says the hour, not the day
        if not is_date_expression(ent.text):
            continue  # "for years", "many years": no date to resolve
        if inside(quotes, ent.start_char, ent.end_char):
            continue  # "today" in a quotation is the speaker's day, not ours
        resolved = resolve_date(_with_day(ent).text, published)
        if resolved and (published is None or resolved[0] <= published):
            return resolved
    return None


RECENT_DAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|last night)\b", re.IGNORECASE
)


def a_recent_day_in(ents: list[Span], ids: Container[int]) -> bool:
    """Whether the words date it by a day of this week ("on Sunday", "last night"), which only the
    publication date resolves: an incident of the days before the report."""
    return any(
        e.label_ in DATE_LABELS
        and e.start in ids
        and RECENT_DAY.search(e.text)
        and not re.search(r"\d{4}", e.text)
        for e in ents
    )


def _with_day(ent: Span) -> Span:
    """The date with a day number the recogniser left out before its month ("1 [March 2019]")."""
    if ent.start == 0 or ent[0].lower_.rstrip(".") not in MONTH_NAMES:
        return ent
    day = ent.doc[ent.start - 1]
    if day.ent_type_ in ("", "CARDINAL", "ORDINAL") and DAY_NUMBER.fullmatch(day.lower_):
        return ent.doc[ent.start - 1 : ent.end]
    return ent


def compatible_place(a: Place | None, b: Place | None) -> bool:
    """Same country, and the same town (or one side is a province or country that may hold the other)."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if is_area(a) or is_area(b) or a.name.lower() == b.name.lower():
        return True
    return abs(a.lat - b.lat) < 0.3 and abs(a.lon - b.lon) < 0.3


def compatible_date(a: tuple[date, str] | None, b: tuple[date, str] | None) -> bool:
    if a is None or b is None:
        return True
    if "year" in (a[1], b[1]):
        return a[0].year == b[0].year
    if "month" in (a[1], b[1]):
        return (a[0].year, a[0].month) == (b[0].year, b[0].month)
    return abs((a[0] - b[0]).days) <= 1


def a_town(place: Place) -> bool:
    """A town, listed or not ("al-Bab" kept by name): no country, region or US state."""
    return not is_area(place) or place.lat is None and geocode(place.name) is None


def better_place(old: Place | None, new: Place | None) -> Place | None:
    """The more precise of two compatible places (a town over its province, a province over its country)."""
    if old is None or new is None:
        return old or new
    if is_area(old) and not is_area(new):
        return new
    if old.lat is None and new.lat is not None:
        return new
    if _is_country(old) and not _is_country(new) and new.country == old.country:
        return new  # "Haitian town" in the headline, "the town of Pont-Sonde", which no gazetteer lists
    return old
