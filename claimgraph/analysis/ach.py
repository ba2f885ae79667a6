"""Analysis of Competing Hypotheses (Heuer) for one incident: who did it, weighed against the evidence.

Hypotheses are the candidate perpetrators of the attribution board plus "other / unknown"; evidence is
every statement about the incident. Each cell is suggested from the statement's relation and can be
overridden by the analyst. Following Heuer, hypotheses are ranked by how much evidence is
*inconsistent* with them (not by what seems to fit), each inconsistency weighted by the Admiralty
grade of the statement: a claim heard from an anonymous source weighs less than a UN report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from claimgraph.analysis.board import CANDIDATE_RELATIONS
from claimgraph.analysis.grading import Grade, grade
from claimgraph.model import Incident, Statement

OTHER = "other"  # the hypothesis "someone else, or unknown"
CONSISTENT, INCONSISTENT, NEUTRAL = "consistent", "inconsistent", "neutral"
VALUES = (CONSISTENT, INCONSISTENT, NEUTRAL)
RELIABILITY_WEIGHT = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.3}
CREDIBILITY_WEIGHT = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3}


def suggest(st: Statement, hypothesis: str) -> str:
    """The cell a statement suggests: "X claimed it" fits X, and fits neither Y nor "other"."""
    if st.relation not in CANDIDATE_RELATIONS:
        return NEUTRAL
    denial = st.relation == "denied" or st.polarity == "negative"
    if denial:
        return INCONSISTENT if hypothesis == st.subject else NEUTRAL
    if hypothesis == st.subject:
        return CONSISTENT
    # Helping (facilitated) does not exclude another group pulling the trigger.
    return INCONSISTENT if st.relation in ("claimed", "perpetrated") else NEUTRAL


def weight(g: Grade) -> float:
    return RELIABILITY_WEIGHT.get(g.reliability, 0.3) * CREDIBILITY_WEIGHT.get(g.credibility, 0.3)


@dataclass
class Row:
    statement: Statement
    grade: Grade
    weight: float
    cells: dict[str, str]
    edited: set[str] = field(default_factory=set)  # hypotheses whose cell the analyst set

    def to_dict(self) -> dict[str, Any]:
        st = self.statement
        return {
            "statement": st.id,
            "document": st.document,
            "source": st.source.to_dict(),
            "relation": st.relation,
            "subject": st.subject,
            "polarity": st.polarity,
            "certainty": st.certainty,
            "sentence": st.sentence,
            "grade": self.grade.to_dict(),
            "weight": round(self.weight, 4),
            "cells": dict(self.cells),
            "edited": sorted(self.edited),
        }


@dataclass
class Matrix:
    incident: Incident
    hypotheses: list[str]
    names: dict[str, str]
    rows: list[Row]

    def inconsistency(self) -> dict[str, float]:
        """Heuer's score per hypothesis: weighted count of inconsistent evidence (lower is likelier)."""
        return {
            h: round(sum(r.weight for r in self.rows if r.cells[h] == INCONSISTENT), 4)
            for h in self.hypotheses
        }

    def ranking(self) -> list[str]:
        scores = self.inconsistency()
        return sorted(self.hypotheses, key=lambda h: (scores[h], h == OTHER, h))

    def to_dict(self) -> dict[str, Any]:
        return {
            "incident": self.incident.id,
            "hypotheses": [{"id": h, "name": self.names.get(h, h)} for h in self.hypotheses],
            "rows": [r.to_dict() for r in self.rows],
            "inconsistency": self.inconsistency(),
            "ranking": self.ranking(),
        }


def build_matrix(
    incident: Incident,
    statements: list[Statement],
    names: Mapping[str, str] | None = None,
    reliability: Mapping[str, str] | None = None,
    credibility: Mapping[str, int] | None = None,
    cells: Mapping[tuple[str, str], str] | None = None,
) -> Matrix:
    """The ACH matrix of ``incident``; ``cells`` are the analyst's (statement id, hypothesis) -> value."""
    about = [s for s in statements if s.object.get("incident") == incident.id]
    hypotheses: list[str] = []
    for st in about:
        if st.relation in CANDIDATE_RELATIONS and st.subject not in hypotheses:
            hypotheses.append(st.subject)
    hypotheses.append(OTHER)
    grades = grade(about, reliability, credibility)
    cells = cells or {}
    rows = []
    for st in about:
        row = Row(st, grades[st.id], weight(grades[st.id]), {})
        for h in hypotheses:
            set_value = cells.get((st.id, h))
            row.cells[h] = set_value if set_value in VALUES else suggest(st, h)
            if set_value in VALUES:
                row.edited.add(h)
        rows.append(row)
    label = {OTHER: "other / unknown", **{h: (names or {}).get(h, h) for h in hypotheses if h != OTHER}}
    return Matrix(incident, hypotheses, label, rows)
