"""ACH: hypotheses from the candidates plus "other", suggested cells, weighted inconsistency, edits."""

from __future__ import annotations

from datetime import date

from claimgraph.analysis.ach import CONSISTENT, INCONSISTENT, NEUTRAL, OTHER, build_matrix, suggest
from claimgraph.model import Incident, Place, Source, Statement

DOC = "c" * 64
INCIDENT = Incident("inc-9", "bombing", date(2024, 2, 2), "day", Place("Aden", "YE"))


def st(n: int, relation: str, subject: str, source: Source, *, polarity: str = "positive",
       incident: str = "inc-9") -> Statement:  # fmt: skip
    return Statement(f"s{n}", DOC, 0, 5, "Our own sentence.", None, source, "said", relation, subject,
                     {"incident": incident}, polarity, "asserted", "indirect")  # fmt: skip


EVIDENCE = [
    st(1, "claimed", "red-hand", Source("claimant", "Red Hand", "red-hand")),
    st(2, "perpetrated", "blue-cell", Source("report", "A UN panel")),
    st(3, "denied", "blue-cell", Source("person", "a Blue Cell spokesman")),
    st(4, "facilitated", "green-wing", Source("anonymous", "officials")),
    st(5, "perpetrated", "red-hand", Source("anonymous", "officials"), incident="another"),
]


def test_suggested_cells_follow_the_relation():
    claim, report, denial, helped, _ = EVIDENCE
    assert suggest(claim, "red-hand") == CONSISTENT and suggest(claim, "blue-cell") == INCONSISTENT
    assert suggest(claim, OTHER) == INCONSISTENT
    assert suggest(denial, "blue-cell") == INCONSISTENT and suggest(denial, "red-hand") == NEUTRAL
    assert suggest(helped, "red-hand") == NEUTRAL and suggest(helped, "green-wing") == CONSISTENT
    negated = st(6, "perpetrated", "red-hand", Source("author"), polarity="negative")
    assert suggest(negated, "red-hand") == INCONSISTENT


def test_matrix_scores_are_weighted_by_grades():
    m = build_matrix(INCIDENT, EVIDENCE, names={"red-hand": "Red Hand"})
    assert m.hypotheses == ["red-hand", "blue-cell", "green-wing", OTHER]
    assert [r.statement.id for r in m.rows] == ["s1", "s2", "s3", "s4"]  # s5 is about another incident
    claim_w, report_w, denial_w = (m.rows[i].weight for i in range(3))
    assert report_w > claim_w  # a UN report (B) outweighs a claimant (D)
    scores = m.inconsistency()
    assert scores["red-hand"] == round(report_w, 4)
    assert scores["blue-cell"] == round(claim_w + denial_w, 4)
    assert scores[OTHER] == round(claim_w + report_w, 4)
    assert scores["green-wing"] == scores[OTHER]  # helping is not doing: the claim and report weigh on it
    assert m.ranking() == ["red-hand", "blue-cell", "green-wing", OTHER]
    assert m.names["red-hand"] == "Red Hand" and m.names[OTHER] == "other / unknown"


def test_analyst_cells_and_grades_change_the_scores():
    base = build_matrix(INCIDENT, EVIDENCE).inconsistency()
    edited = build_matrix(INCIDENT, EVIDENCE, cells={("s2", "red-hand"): NEUTRAL, ("s1", "x"): "bogus"})
    assert edited.inconsistency()["red-hand"] == 0 < base["red-hand"]
    assert edited.rows[1].edited == {"red-hand"} and edited.rows[0].edited == set()
    downgraded = build_matrix(INCIDENT, EVIDENCE, reliability={"report:a un panel": "E"})
    assert downgraded.inconsistency()["red-hand"] < base["red-hand"]
    assert downgraded.to_dict()["rows"][1]["grade"]["code"] == "E3"
