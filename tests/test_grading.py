"""Admiralty grades: defaults by source kind and hedge, corroboration, analyst overrides."""

from __future__ import annotations

from claimgraph.analysis.grading import DEFAULT_RELIABILITY, grade, source_key
from claimgraph.model import Source, Statement

DOC, OTHER_DOC = "a" * 64, "b" * 64


def st(n: int, source: Source, *, relation: str = "perpetrated", subject: str = "red-hand",
       certainty: str = "asserted", doc: str = DOC) -> Statement:  # fmt: skip
    return Statement(f"s{n}", doc, 0, 10, "A sentence of ours.", None, source, "said", relation, subject,
                     {"incident": "inc"}, "positive", certainty, "indirect")  # fmt: skip


def test_defaults_follow_source_kind_and_hedge():
    anonymous = st(1, Source("anonymous", "security sources"))
    report = st(2, Source("report", "A UN panel"), subject="blue-cell", certainty="likely")
    author = st(3, Source("author"), subject="green-wing", certainty="unlikely")
    grades = grade([anonymous, report, author])
    assert grades["s1"].code == "F3" and not grades["s1"].reliability_set
    assert grades["s2"].code == "B3"
    assert grades["s3"].code == "D4"
    assert set(DEFAULT_RELIABILITY) == {"report", "organization", "person", "claimant", "author", "anonymous"}


def test_independent_corroboration_raises_credibility_one_step():
    police = st(1, Source("organization", "Police officials"))
    minister = st(2, Source("person", "Sara Khan"), doc=OTHER_DOC)
    again = st(3, Source("organization", "police officials"), doc=OTHER_DOC)  # the same source again
    assert grade([police])["s1"].credibility == 3
    assert grade([police, minister])["s1"].credibility == 2
    assert grade([police, again])["s1"].credibility == 3
    denial = st(4, Source("person", "a spokesman"), relation="denied")
    assert grade([police, denial])["s1"].credibility == 3  # a denial corroborates nothing


def test_overrides_win_and_are_marked():
    police = st(1, Source("organization", "Police officials"))
    author = st(2, Source("author"))
    key = source_key(police)
    assert key == "organization:police officials" and source_key(author) == f"author:{DOC}"
    grades = grade([police, author], reliability={key: "A"}, credibility={"s2": 5})
    assert grades["s1"].code == "A2" and grades["s1"].reliability_set and not grades["s1"].credibility_set
    assert grades["s2"].code == "D5" and grades["s2"].credibility_set
