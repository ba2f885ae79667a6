"""Resolution across documents: reports of one attack become one incident; name variants one actor."""

from __future__ import annotations

import itertools
from datetime import date

from claimgraph.model import Actor, Figure, Incident, Place, Span
from claimgraph.resolve import (
    Report,
    actor_links,
    compatible,
    defined_abbreviations,
    merge_incidents,
    places_compatible,
    resolve_actor,
    types_compatible,
)

KARACHI = Place("Karachi", "PK", 24.86, 67.01)
SINDH_TOWN = Place("Hyderabad", "PK", 25.39, 68.37)
BALOCHISTAN = Place("Balochistan", "PK", 28.5, 65.5)
QUETTA = Place("Quetta", "PK", 30.18, 67.0)
PAKISTAN = Place("Pakistan", "PK")


def report(doc: str, day: date | None, *, kind: str = "bombing", place: Place | None = KARACHI,
           killed: int | None = None, precision: str = "day", published: date | None = None,
           qualifier: str | None = None) -> Report:  # fmt: skip
    inc = Incident(f"inc-{doc}", kind, day, precision if day else None, place,
                   killed=Figure(killed, None, qualifier) if killed is not None else None,
                   mentions=[Span(doc, 0, 4)])  # fmt: skip
    return Report(inc, doc, published or day, f"outlet {doc}")


def three_days() -> list[Report]:
    d = date(2024, 8, 14)
    return [
        report("d1", d, killed=20, published=d),
        report("d2", d, killed=35, published=date(2024, 8, 15)),
        report("d3", d, killed=41, published=date(2024, 8, 16), qualifier="at least", kind="suicide bombing"),
    ]


def test_rising_toll_over_three_days_is_one_incident_with_a_timeline():
    res = merge_incidents(three_days())
    (merged,) = res.incidents
    assert merged.id == "inc-d1" and merged.members == ["inc-d1", "inc-d2", "inc-d3"]
    assert [(t.figure.min, t.outlet, t.published.day) for t in merged.timeline] == [
        (20, "outlet d1", 14), (35, "outlet d2", 15), (41, "outlet d3", 16)]  # fmt: skip
    assert merged.incident.killed == Figure(41, None, "at least")
    assert merged.incident.type == "suicide bombing"
    assert merged.provenance["killed"] == ["d1", "d2", "d3"] and merged.provenance["date"] == [
        "d1",
        "d2",
        "d3",
    ]
    assert res.links == {"inc-d1": "inc-d1", "inc-d2": "inc-d1", "inc-d3": "inc-d1"}


def test_result_does_not_depend_on_input_order():
    reports = three_days() + [
        report("x", date(2024, 8, 21), killed=3),
        report("y", date(2024, 8, 22), killed=4),
    ]
    first = merge_incidents(reports)
    for perm in itertools.permutations(reports):
        again = merge_incidents(list(perm))
        assert again.links == first.links
        assert [m.to_dict() for m in again.incidents] == [m.to_dict() for m in first.incidents]


def test_two_attacks_in_one_city_a_week_apart_stay_apart():
    res = merge_incidents([report("a", date(2024, 3, 1)), report("b", date(2024, 3, 8))])
    assert len(res.incidents) == 2


def test_a_month_precise_report_between_two_attacks_is_left_alone():
    a, b = report("a", date(2024, 3, 1)), report("b", date(2024, 3, 15))
    vague = report("c", date(2024, 3, 1), precision="month", published=date(2024, 4, 2))
    res = merge_incidents([a, b, vague])
    assert len(res.incidents) == 3
    res = merge_incidents([a, vague])  # with only one candidate it joins it
    assert len(res.incidents) == 1 and res.incidents[0].incident.date == date(2024, 3, 1)


def test_one_document_never_merges_with_itself():
    one = report("same", date(2024, 3, 1))
    other = Report(Incident("inc-same-2", "bombing", date(2024, 3, 1), "day", KARACHI), "same")
    assert not compatible(one, other)
    assert len(merge_incidents([one, other]).incidents) == 2


def test_places_types_and_figures():
    assert places_compatible(QUETTA, BALOCHISTAN) and places_compatible(QUETTA, PAKISTAN)
    assert not places_compatible(KARACHI, SINDH_TOWN)  # two towns 150 km apart
    assert not places_compatible(KARACHI, Place("Kabul", "AF", 34.5, 69.2))
    assert not places_compatible(KARACHI, None)
    assert types_compatible("attack", "kidnapping") and types_compatible("bombing", "suicide bombing")
    assert not types_compatible("bombing", "kidnapping")
    d = date(2024, 1, 5)
    assert not compatible(report("a", d, killed=2), report("b", d, killed=40))  # not one attack
    assert compatible(report("a", d, killed=20), report("b", d, killed=41))
    merged = merge_incidents([report("a", d, place=BALOCHISTAN), report("b", d, place=QUETTA)]).incidents
    assert len(merged) == 1 and merged[0].incident.place == QUETTA  # the finer place wins


def test_undated_report_is_bounded_by_its_publication():
    dated = report("a", date(2024, 5, 3), published=date(2024, 5, 4))
    undated = report("b", None, published=date(2024, 5, 5))
    late = report("c", None, published=date(2024, 6, 30))
    res = merge_incidents([dated, undated, late])
    assert res.links["inc-b"] == "inc-a" and res.links["inc-c"] == "inc-c"


def test_abbreviations_defined_in_text():
    text = (
        "Fighters of the Islamic State-Khorasan Province (ISIS-K) and of the Popular Vengeance Front "
        "(PVF) were named; the (UN) was not, and Friday (FRI) is no definition."
    )
    found = defined_abbreviations(text)
    assert found["ISIS-K"] == "Islamic State-Khorasan Province"
    assert found["PVF"] == "Popular Vengeance Front"
    assert "UN" not in found and "FRI" not in found


def test_actor_resolution_by_alias_abbreviation_and_fuzzy_match():
    assert resolve_actor("ISIS-K") == "iskp"
    assert resolve_actor("Tehreek-e-Taliban Pakistaan") == "ttp"  # misspelt: fuzzy
    known = {
        "new:popular-vengeance-front": Actor("new:popular-vengeance-front", "Popular Vengeance Front", "x")
    }
    assert resolve_actor("PVF", known, {"PVF": "Popular Vengeance Front"}) == "new:popular-vengeance-front"
    assert resolve_actor("PVF", known) is None  # acronyms are never guessed
    assert resolve_actor("Harbour Workers Union", known) is None


def test_new_groups_link_to_known_actors_and_each_other():
    actors = [
        Actor("new:tehrik-i-taliban-pakistan-faction", "Tehrik-i-Taliban Pakistan", "organization"),
        Actor("new:red-dawn-brigade", "Red Dawn Brigade", "organization"),
        Actor("new:red-dawn-brigades", "Red Dawn Brigades", "organization"),
        Actor("new:blue-river-front", "Blue River Front", "organization"),
    ]
    links = actor_links(actors)
    assert links == {
        "new:tehrik-i-taliban-pakistan-faction": "ttp",
        "new:red-dawn-brigades": "new:red-dawn-brigade",
    }
    assert actor_links(list(reversed(actors))) == links
