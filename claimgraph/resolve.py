"""Resolution across documents: many reports of one attack -> one incident; many names -> one actor.

Pure functions over model objects (no I/O, no SQL), so the ledger, the benchmark and the tests call the
same code. Merging is a function of the *set* of reports: reports are put in a canonical order before
clustering, so the result does not depend on the order documents arrived in, and re-running it over the
same ledger neither splits nor duplicates an incident.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from claimgraph import kb
from claimgraph.model import Actor, Figure, Incident, Place
from claimgraph.nlp.places import is_area

DAY_TOLERANCE = 1  # a day-precise date is taken as d±1: reports disagree on "last night" vs "yesterday"
UNDATED_LOOKBACK = 7  # an undated report speaks of something in the week before it was published
BUCKET_DAYS = 7  # blocking: (country, week) buckets, so a report meets only nearby clusters
CITY_KM = 30.0  # two named towns closer than this may be one site written two ways
REGION_KM = 400.0  # a province-sized area "contains" a town this close to its centre
FIGURE_RATIO, FIGURE_SLACK = 3.0, 10  # tolls rise over days, but 2 and 40 dead are two attacks
FUZZY_THRESHOLD = 90  # rapidfuzz token_sort_ratio on alias keys, for names not in the KB
GENERIC_TYPES = frozenset({"attack"})
# Types that one attack may be reported as. Kept short; the KB lists most specific types first.
TYPE_FAMILIES = (
    frozenset({"bombing", "suicide bombing"}),
    frozenset({"armed assault", "assassination"}),
    frozenset({"kidnapping", "hijacking"}),
)
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class Report:
    """One document's record of an incident (as the extractor gave it) and who published it when."""

    incident: Incident
    document: str
    published: date | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class TollReport:
    """One reported casualty figure, with where and when it was reported: a row of the timeline."""

    field: str  # killed or wounded
    figure: Figure
    document: str
    outlet: str | None
    published: date | None
    incident: str  # the extractor's document-local incident id

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "figure": self.figure.to_dict(),
            "document": self.document,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "incident": self.incident,
        }


@dataclass
class MergedIncident:
    """One incident across documents: best facts, the documents behind each, and the toll over time."""

    incident: Incident
    members: list[str]  # local incident ids, earliest report first
    provenance: dict[str, list[str]] = field(default_factory=dict)  # field -> document ids
    timeline: list[TollReport] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.incident.id

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.incident.to_dict(),
            "members": list(self.members),
            "provenance": {k: list(v) for k, v in self.provenance.items()},
            "timeline": [t.to_dict() for t in self.timeline],
        }


@dataclass
class Resolution:
    incidents: list[MergedIncident]
    links: dict[str, str]  # local incident id -> merged incident id


# -- compatibility -------------------------------------------------------------------------------


def date_window(report: Report) -> tuple[int, int] | None:
    """Ordinal days the incident may have happened on; None when nothing bounds it."""
    inc = report.incident
    if inc.date is None:
        if report.published is None:
            return None
        end = report.published.toordinal()
        return end - UNDATED_LOOKBACK, end
    d = inc.date
    if inc.date_precision == "year":
        return date(d.year, 1, 1).toordinal(), date(d.year, 12, 31).toordinal()
    if inc.date_precision == "month":
        last = calendar.monthrange(d.year, d.month)[1]
        return date(d.year, d.month, 1).toordinal(), date(d.year, d.month, last).toordinal()
    return d.toordinal() - DAY_TOLERANCE, d.toordinal() + DAY_TOLERANCE


def _name_key(place: Place) -> str:
    return kb.alias_key(place.name)


def _km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Same town, or one side is the coarser area (province, country) the other lies in."""
    if a is None or b is None:
        return False  # without a place nothing says two reports are about one attack
    if a.country and b.country and a.country != b.country:
        return False
    if _name_key(a) == _name_key(b):
        return True
    area_a, area_b = is_area(a), is_area(b)
    distance = _km(a, b)
    if area_a or area_b:
        coarse = a if area_a else b
        if coarse.lat is None or coarse.name == coarse.country:
            return bool(a.country and b.country)  # a whole country contains any town in it
        return distance is None or distance <= REGION_KM
    return distance is not None and distance <= CITY_KM


def types_compatible(a: str, b: str) -> bool:
    """ "attack" fits anything; otherwise the same type or two of one family (bombing, suicide bombing)."""
    if a == b or a in GENERIC_TYPES or b in GENERIC_TYPES:
        return True
    return any(a in family and b in family for family in TYPE_FAMILIES)


def _value(fig: Figure | None) -> int | None:
    if fig is None:
        return None
    return fig.min if fig.min is not None else fig.max


def figures_compatible(a: Figure | None, b: Figure | None) -> bool:
    """Tolls may rise threefold (plus a few) between reports; beyond that it is another attack."""
    va, vb = _value(a), _value(b)
    if va is None or vb is None:
        return True
    low, high = sorted((va, vb))
    return high <= FIGURE_RATIO * low + FIGURE_SLACK


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def compatible(a: Report, b: Report) -> bool:
    """Could these two reports, from different documents, be about one incident?"""
    if a.document == b.document:
        return False  # the extractor already told two incidents of one text apart
    x, y = a.incident, b.incident
    return (
        _overlap(date_window(a), date_window(b))
        and places_compatible(x.place, y.place)
        and types_compatible(x.type, y.type)
        and figures_compatible(x.killed, y.killed)
    )


def _affinity(a: Report, b: Report) -> int:
    """How closely two compatible reports agree: picks the best cluster when several fit."""
    x, y = a.incident, b.incident
    same_precision = x.date_precision == y.date_precision
    score = 2 * (x.date is not None and x.date == y.date and same_precision) + same_precision
    score += 2 * (x.place is not None and y.place is not None and _name_key(x.place) == _name_key(y.place))
    return score + (x.type == y.type)


# -- clustering ----------------------------------------------------------------------------------


def _sort_key(report: Report) -> tuple:
    """Canonical order: precise reports first, so clusters form around them; ids break ties."""
    inc = report.incident
    window = date_window(report)
    precision = _PRECISION_RANK.get(inc.date_precision or "", 3) if inc.date else 3
    coarse_place = inc.place is None or is_area(inc.place)
    return (precision, coarse_place, window or (0, 0), report.document, inc.id)


def _block(report: Report) -> str | None:
    place = report.incident.place
    if place is None:
        return None
    return place.country or "?" + _name_key(place)


def cluster(reports: Iterable[Report]) -> list[list[Report]]:
    """Reports grouped by incident: greedy complete-linkage within (country, week) blocks.

    A report joins the cluster it agrees with best when it is compatible with every member; when two
    clusters fit equally well (a "March attack in Karachi" beside two March attacks there) it is
    ambiguous and stays on its own. Cost: one sort plus a look at the clusters of nearby weeks.
    """
    ordered = sorted(reports, key=_sort_key)
    clusters: list[list[Report]] = []
    index: dict[tuple[str, int], list[int]] = {}
    for report in ordered:
        block, window = _block(report), date_window(report)
        if block is None or window is None:
            clusters.append([report])
            continue
        buckets = [(block, w) for w in range(window[0] // BUCKET_DAYS, window[1] // BUCKET_DAYS + 1)]
        seen: set[int] = set()
        best: list[tuple[int, int]] = []
        for key in buckets:
            for ci in index.get(key, ()):
                if ci in seen:
                    continue
                seen.add(ci)
                members = clusters[ci]
                if all(compatible(report, m) for m in members):
                    best.append((max(_affinity(report, m) for m in members), ci))
        target = None
        if best:
            top = max(score for score, _ in best)
            tied = [ci for score, ci in best if score == top]
            target = tied[0] if len(tied) == 1 else None
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(report)
        for key in buckets:
            slot = index.setdefault(key, [])
            if not slot or slot[-1] != target:
                slot.append(target)
    return clusters


# -- the merged record ---------------------------------------------------------------------------


def _chronological(report: Report) -> tuple:
    published = report.published or date.max
    return (published, report.document, report.incident.id)


def _type_rank(kind: str) -> int:
    """Position in the KB's type list, most specific first (unknown types after known ones)."""
    names = [entry["type"] for entry in kb.load("incident_types")["types"]]
    return names.index(kind) if kind in names else len(names)


def _pick(values: list[tuple[Any, str]], rank: Any) -> tuple[Any, list[str]]:
    """The value ``rank`` prefers (lowest), and the documents that gave it, without repeats."""
    counts = Counter(v for v, _ in values)
    chosen = min(counts, key=lambda v: rank(v, counts[v]))
    docs: list[str] = []
    for value, doc in values:
        if value == chosen and doc not in docs:
            docs.append(doc)
    return chosen, docs


def best_figure(timeline: list[TollReport], kind: str) -> Figure | None:
    """The current best range: what the most recent reports say (several on one day give a range)."""
    rows = [t for t in timeline if t.field == kind]
    if not rows:
        return None
    latest = max(t.published or date.min for t in rows)
    recent = [t.figure for t in rows if (t.published or date.min) == latest]
    if len(recent) == 1 or all(f == recent[0] for f in recent):
        return replace(recent[0])
    lows = [f.min if f.min is not None else f.max for f in recent]
    highs = [f.max for f in recent]
    high = None if any(h is None for h in highs) else max(highs)
    return Figure(min=min(v for v in lows if v is not None), max=high, qualifier=None)


def _union(lists: Iterable[list[str]]) -> list[str]:
    out: list[str] = []
    for items in lists:
        out.extend(i for i in items if i not in out)
    return out


def merge_cluster(reports: list[Report]) -> MergedIncident:
    """One incident from its reports; the id is the earliest report's own, so lone reports keep theirs."""
    members = sorted(reports, key=_chronological)
    incs = [r.incident for r in members]
    prov: dict[str, list[str]] = {}
    kind, prov["type"] = _pick(
        [(r.incident.type, r.document) for r in members],
        lambda t, n: (t in GENERIC_TYPES, _type_rank(t), -n, t),
    )
    dated = [r for r in members if r.incident.date is not None]
    when = precision = None
    if dated:
        (when, precision), prov["date"] = _pick(
            [((r.incident.date, r.incident.date_precision), r.document) for r in dated],
            lambda v, n: (_PRECISION_RANK.get(v[1] or "", 3), -n, v[0]),
        )
    placed = [r for r in members if r.incident.place is not None]
    place = None
    if placed:
        by_name = {}
        for r in placed:
            by_name.setdefault(r.incident.place.name, r.incident.place)
        name, prov["place"] = _pick(
            [(r.incident.place.name, r.document) for r in placed],
            lambda v, n: (is_area(by_name[v]), -n, v),
        )
        place = replace(by_name[name])
    timeline = [
        TollReport(kind_, fig, r.document, r.outlet, r.published, r.incident.id)
        for r in members
        for kind_, fig in (("killed", r.incident.killed), ("wounded", r.incident.wounded))
        if fig is not None
    ]
    for name in ("killed", "wounded"):
        docs = [t.document for t in timeline if t.field == name]
        if docs:
            prov[name] = list(dict.fromkeys(docs))
    merged = Incident(
        id=incs[0].id,
        type=kind,
        date=when,
        date_precision=precision,
        place=place,
        attackers=_union(i.attackers for i in incs),
        targets=_union(i.targets for i in incs),
        victims=_union(i.victims for i in incs),
        weapons=_union(i.weapons for i in incs),
        killed=best_figure(timeline, "killed"),
        wounded=best_figure(timeline, "wounded"),
        mentions=[m for i in incs for m in i.mentions],
    )
    if len(members) == 1:  # a lone report is kept exactly as the extractor gave it
        merged.killed, merged.wounded = incs[0].killed, incs[0].wounded
    return MergedIncident(merged, [i.id for i in incs], prov, timeline)


def merge_incidents(reports: Iterable[Report]) -> Resolution:
    """All reports resolved into incidents, by date then id, with the local -> merged id map."""
    merged = [merge_cluster(c) for c in cluster(reports)]
    merged.sort(key=lambda m: (m.incident.date is None, m.incident.date or date.min, m.id))
    links = {local: m.id for m in merged for local in m.members}
    return Resolution(merged, links)


# -- actors --------------------------------------------------------------------------------------

_DEFINITION = re.compile(
    r"\b((?:[A-Z][\w'’-]*|of|the|al|for|and|in|wal|el|de|del|la|e|i)"
    r"(?:[ -](?:[A-Z][\w'’-]*|of|the|al|for|and|in|wal|el|de|del|la|e|i)){1,9})\s+\(([A-Z][A-Za-z-]{1,9})\)"
)


def _initials(long_form: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", long_form) if w and w[0].isupper())


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a text defines, "Islamic State-Khorasan Province (ISIS-K)" -> {"ISIS-K": ...}.

    The long form is trimmed from the left until its capitals can spell the abbreviation in order.
    """
    out: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        words, abbr = match.group(1).split(" "), match.group(2)
        letters = [c for c in abbr if c.isupper()]
        for start in range(len(words) - 1):  # a long form has two words at least
            if not words[start][:1].isupper():
                continue
            long_form = " ".join(words[start:])
            if _spells(letters, _initials(long_form) + long_form.upper()):
                out.setdefault(abbr, long_form)
                break
    return out


def _spells(letters: list[str], pool: str) -> bool:
    """The abbreviation's first letter opens the long form and the rest appear in order."""
    if not letters or not pool.startswith(letters[0]):
        return False
    pos = 0
    for letter in letters:
        pos = pool.find(letter, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def resolve_actor(
    surface: str,
    actors: Mapping[str, Actor] | None = None,
    abbreviations: Mapping[str, str] | None = None,
    threshold: int = FUZZY_THRESHOLD,
) -> str | None:
    """The actor id a surface form names: KB alias, known actor, abbreviation defined in text, fuzzy."""
    found = kb.resolve_alias(surface)
    if found:
        return found
    index = _index(actors or {})
    key = kb.alias_key(surface)
    if key in index:
        return index[key]
    if abbreviations and surface in abbreviations:
        return resolve_actor(abbreviations[surface], actors, None, threshold)
    if len(key) < 5 or not key:  # acronyms and short words are never guessed
        return None
    choices = {**kb.alias_index(), **index}
    hit = process.extractOne(key, list(choices), scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
    return choices[hit[0]] if hit else None


def _index(actors: Mapping[str, Actor]) -> dict[str, str]:
    out: dict[str, str] = {}
    for actor_id in sorted(actors):
        actor = actors[actor_id]
        for name in (actor.name, *actor.aliases):
            out.setdefault(kb.alias_key(name), actor_id)
    return out


def actor_links(actors: Iterable[Actor], abbreviations: Mapping[str, str] | None = None) -> dict[str, str]:
    """New groups ("new:<slug>") that are another actor under a variant name: new id -> canonical id.

    Known actors are tried first, then earlier new groups (in id order, so the result is the same
    whatever order actors were seen in). A new group never links to itself or to a group linked away.
    """
    pool = sorted(actors, key=lambda a: a.id)
    known = {a.id: a for a in pool if not a.id.startswith("new:")}
    links: dict[str, str] = {}
    for actor in pool:
        if not actor.id.startswith("new:"):
            continue
        for surface in (actor.name, *actor.aliases):
            target = resolve_actor(surface, known, abbreviations)
            if target and target != actor.id:
                links[actor.id] = links.get(target, target)
                break
        else:
            known[actor.id] = actor
    return links
