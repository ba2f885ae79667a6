"""The attribution board lays out who says who did it, and flags what is thin."""

from __future__ import annotations

import json
from datetime import date

from claimgraph.analysis.board import (
    FLAG_AUTHOR_ONLY,
    FLAG_CONTRADICTION,
    FLAG_NO_NAMED_SOURCE,
    FLAG_SECOND_HAND,
    build_board,
    by_source_kind,
)
from claimgraph.model import Actor, Incident, Place, Source, Statement

DOC = "d" * 64
INCIDENT = Incident("inc-1", "suicide bombing", date(2023, 2, 3), "day", Place("Mardan", "PK"))
ACTORS = {
    "western-wilayah": Actor("western-wilayah", "Western Wilayah", "organization", ["WW"]),
    "valley-movement": Actor("valley-movement", "Valley Movement", "organization"),
}

# Our own example sentences, in the shape of an opinion column about a mosque bombing.
S_SECOND_HAND = "According to security sources, the Western Wilayah claimed the bombing in Mardan."
S_AUTHOR = "The Valley Movement was almost certainly behind the bombing, whatever anyone claims."
S_CLAIMANT = "In its own statement the Western Wilayah said its fighter carried out the bombing."
S_MINISTER = "The interior minister, Sara Khan, said the Valley Movement trained the bomber."
S_DENIAL = "A Valley Movement spokesman denied any part in the Mardan bombing."
S_OTHER = "The minister also blamed the Western Wilayah for last year's airport attack."


def st(n: int, sentence: str, relation: str, subject: str, source: Source, *, incident: str | None = "inc-1",
       certainty: str = "asserted", polarity: str = "positive", cue: str | None = "said",
       quote: str = "indirect") -> Statement:  # fmt: skip
    return Statement(f"s{n}", DOC, 0, len(sentence), sentence, None, source, cue, relation, subject,
                     {"incident": incident}, polarity, certainty, quote)  # fmt: skip


def column_statements() -> list[Statement]:
    """A claim heard second-hand and a hedged counter-attribution by the author."""
    return [
        st(
            1,
            S_SECOND_HAND,
            "claimed",
            "western-wilayah",
            Source("anonymous", "security sources"),
            cue="according to",
        ),  # fmt: skip
        st(
            2,
            S_AUTHOR,
            "perpetrated",
            "valley-movement",
            Source("author"),
            certainty="almost certain",
            cue=None,
            quote="none",
        ),  # fmt: skip
        st(
            3,
            S_OTHER,
            "perpetrated",
            "western-wilayah",
            Source("person", "Sara Khan", None, "minister"),
            incident="inc-other",
        ),  # fmt: skip
    ]


def test_opinion_column_is_flagged_as_thin():
    board = build_board(INCIDENT, column_statements(), ACTORS)
    assert board.flags == [FLAG_SECOND_HAND, FLAG_NO_NAMED_SOURCE, FLAG_AUTHOR_ONLY]
    assert [c.actor for c in board.candidates] == ["western-wilayah", "valley-movement"]
    wilayah, valley = board.candidates
    assert wilayah.name == "Western Wilayah" and wilayah.markers == ["claimed"]
    assert [e.sentence for e in wilayah.claims] == [S_SECOND_HAND]  # the other incident is left out
    assert wilayah.allegations == [] and wilayah.flags == [FLAG_SECOND_HAND]
    assert valley.markers == ["alleged"] and valley.flags == [FLAG_AUTHOR_ONLY]
    entry = valley.allegations[0]
    assert (entry.certainty, entry.source_kind, entry.cue) == ("almost certain", "author", None)
    assert entry.quote == "none"


def test_named_sources_claimant_and_denial():
    statements = [
        st(1, S_CLAIMANT, "claimed", "western-wilayah", Source("claimant", "Western Wilayah")),
        st(2, S_SECOND_HAND, "claimed", "western-wilayah", Source("anonymous", "security sources")),
        st(3, S_MINISTER, "facilitated", "valley-movement", Source("person", "Sara Khan", None, "minister")),
        st(4, S_AUTHOR, "perpetrated", "valley-movement", Source("author"), certainty="likely"),
        st(
            5,
            S_DENIAL,
            "denied",
            "valley-movement",
            Source("organization", "Valley Movement", "valley-movement"),
        ),  # fmt: skip
    ]
    board = build_board(INCIDENT, statements, ACTORS)
    assert board.flags == [FLAG_CONTRADICTION]
    wilayah, valley = board.candidates
    assert wilayah.flags == [] and wilayah.markers == ["claimed"]
    assert valley.markers == ["alleged", "denied"] and valley.flags == [FLAG_CONTRADICTION]
    groups = by_source_kind(valley.allegations)
    assert list(groups) == ["author", "person"]  # in SOURCE_KINDS order, not statement order
    assert groups["person"][0].source_title == "minister" and groups["person"][0].relation == "facilitated"
    assert [e.sentence for e in valley.denials] == [S_DENIAL]


def test_negated_allegation_counts_as_denial_and_contradicts():
    statements = [
        st(1, S_MINISTER, "perpetrated", "valley-movement", Source("person", "Sara Khan")),
        st(
            2,
            "Police said the Valley Movement was not involved.",
            "perpetrated",
            "valley-movement",
            Source("organization", "police"),
            polarity="negative",
        ),  # fmt: skip
    ]
    board = build_board(INCIDENT, statements, ACTORS)
    (valley,) = board.candidates
    assert len(valley.allegations) == 1 and valley.denials[0].polarity == "negative"
    assert FLAG_CONTRADICTION in valley.flags and FLAG_CONTRADICTION in board.flags
    assert FLAG_NO_NAMED_SOURCE not in board.flags


def test_unnamed_person_is_not_a_named_source_and_ties_are_not_candidates():
    statements = [
        st(
            1,
            "A witness said gunmen from the Valley Movement opened fire.",
            "perpetrated",
            "valley-movement",
            Source("person", None),
        ),  # fmt: skip
        st(
            2,
            "The Valley Movement works with the Western Wilayah.",
            "cooperates_with",
            "valley-movement",
            Source("person", "Sara Khan"),
        ),  # fmt: skip
        st(3, "An unknown group did it.", "perpetrated", "unknown-group-7", Source("report", None)),
    ]
    statements[1].object = {"actor": "western-wilayah"}
    board = build_board(INCIDENT, statements, ACTORS)
    assert FLAG_NO_NAMED_SOURCE in board.flags
    assert [c.actor for c in board.candidates] == ["valley-movement", "unknown-group-7"]
    assert board.candidates[1].name == "unknown-group-7" and board.candidates[1].kind is None
    assert FLAG_AUTHOR_ONLY not in board.flags and FLAG_SECOND_HAND not in board.flags


def test_no_statements_gives_an_empty_board():
    board = build_board(INCIDENT, [], ACTORS)
    assert board.candidates == [] and board.flags == [FLAG_NO_NAMED_SOURCE]


def test_to_dict_is_json_with_groups():
    data = json.loads(json.dumps(build_board(INCIDENT, column_statements(), ACTORS).to_dict()))
    assert list(data) == ["incident", "candidates", "flags"]
    assert data["incident"]["id"] == "inc-1" and data["incident"]["place"]["name"] == "Mardan"
    valley = data["candidates"][1]
    assert list(valley) == ["actor", "name", "kind", "claims", "allegations", "denials", "flags"]
    entry = valley["allegations"]["author"][0]
    assert entry["certainty"] == "almost certain" and entry["sentence"] == S_AUTHOR
    assert data["candidates"][0]["claims"]["anonymous"][0]["source_name"] == "security sources"
    assert data["flags"] == [FLAG_SECOND_HAND, FLAG_NO_NAMED_SOURCE, FLAG_AUTHOR_ONLY]


def test_flag_wording_is_stable():
    assert (FLAG_SECOND_HAND, FLAG_NO_NAMED_SOURCE, FLAG_AUTHOR_ONLY, FLAG_CONTRADICTION) == (
        "claim known only second-hand",
        "no named source speaks about this incident",
        "allegation made only by the author",
        "contradicting statements",
    )
