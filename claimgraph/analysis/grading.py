"""Source grading with the NATO Admiralty code: reliability A-F per source, credibility 1-6 per statement.

claimgraph only *suggests* grades, from the kind of source and the hedging of the statement, so the
analyst starts from something explicit and can see what was overridden. Overrides come in as plain
mappings (the ledger stores them with who and when); this module does no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from claimgraph import kb
from claimgraph.model import Statement

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
# Defaults by source kind: published reports are usually reliable; a claimant speaks in its own
# interest; an unsourced author gives no way to check; nobody can judge an anonymous source.
DEFAULT_RELIABILITY = {
    "report": "B",
    "organization": "C",
    "person": "C",
    "claimant": "D",
    "author": "D",
    "anonymous": "F",
}
# ICD 203 band of the statement -> Admiralty credibility before corroboration.
CERTAINTY_CREDIBILITY = {
    "asserted": 3,
    "almost certain": 2,
    "very likely": 2,
    "likely": 3,
    "roughly even": 3,
    "unlikely": 4,
    "very unlikely": 5,
    "almost no chance": 5,
}


def source_key(st: Statement) -> str:
    """Who a reliability grade is about: "kind:name"; an author is the author of one document."""
    if st.source.kind == "author":
        return f"author:{st.document}"
    name = st.source.actor or kb.alias_key(st.source.name or "") or "?"
    return f"{st.source.kind}:{name}"


@dataclass(frozen=True)
class Grade:
    """The Admiralty grade of one statement, and whether each half is an analyst's or a default."""

    statement: str
    source: str
    reliability: str
    credibility: int
    reliability_set: bool = False
    credibility_set: bool = False

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "code": self.code}


def _claim_key(st: Statement) -> tuple:
    positive = st.polarity == "positive" and st.relation != "denied"
    return (st.subject, st.relation if st.relation == "denied" else "role", positive, str(st.object))


def default_credibility(st: Statement, others: Iterable[Statement]) -> int:
    """From the hedge; an independent source saying the same thing raises it one step (not past 2)."""
    base = CERTAINTY_CREDIBILITY.get(st.certainty, 6)
    key, mine = _claim_key(st), source_key(st)
    if any(o.id != st.id and _claim_key(o) == key and source_key(o) != mine for o in others):
        return max(2, base - 1) if base <= 3 else base
    return base


def grade(
    statements: list[Statement],
    reliability: Mapping[str, str] | None = None,
    credibility: Mapping[str, int] | None = None,
) -> dict[str, Grade]:
    """Statement id -> Grade, defaults overridden by the analyst's (by source key, by statement id)."""
    reliability, credibility = reliability or {}, credibility or {}
    out = {}
    for st in statements:
        key = source_key(st)
        rel = reliability.get(key)
        cred = credibility.get(st.id)
        out[st.id] = Grade(
            statement=st.id,
            source=key,
            reliability=rel or DEFAULT_RELIABILITY.get(st.source.kind, "F"),
            credibility=cred or default_credibility(st, statements),
            reliability_set=rel is not None,
            credibility_set=cred is not None,
        )
    return out
