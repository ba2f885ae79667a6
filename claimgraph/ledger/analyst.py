"""Analyst judgements kept in the ledger: actor merges, source and statement grades, ACH cells.

Every judgement is a new row with who and when; nothing is overwritten, so the history of a grade or
a merge can be read back and the latest row is the one in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.ledger.resolution import actor_map, now
from claimgraph.ledger.schema import (
    AchCellRow,
    ActorMergeRow,
    ActorRow,
    SourceGradeRow,
    StatementGradeRow,
    StatementRow,
)


class JudgementError(ValueError):
    """A judgement the ledger refuses (unknown actor or statement, a merge into itself)."""


@dataclass(frozen=True)
class Judgement:
    """The latest analyst value for one key, with who set it and when."""

    key: str
    value: str | int
    by: str
    at: datetime
    note: str | None = None


def merge_actors(session: Session, keep: str, other: str, by: str, reason: str | None) -> None:
    """Record that ``other`` is ``keep``; refuse unknown ids and merges that would make a loop."""
    for actor in (keep, other):
        if session.get(ActorRow, actor) is None:
            raise JudgementError(f"{actor}: no such actor")
    current = actor_map(session)
    if current.get(keep, keep) == current.get(other, other):
        raise JudgementError(f"{other} and {keep} are already one actor")
    _undo(session, other, by)
    session.add(ActorMergeRow(source_id=other, target_id=keep, by=by, at=now(), reason=reason))


def unmerge_actor(session: Session, actor: str, by: str) -> int:
    """Undo the merges of ``actor`` into another; the records stay, marked undone. Returns how many."""
    return _undo(session, actor, by)


def _undo(session: Session, actor: str, by: str) -> int:
    query = select(ActorMergeRow).where(ActorMergeRow.source_id == actor, ActorMergeRow.undone_at.is_(None))
    rows = list(session.scalars(query))
    for row in rows:
        row.undone_by, row.undone_at = by, now()
    return len(rows)


def merge_history(session: Session) -> list[dict]:
    rows = session.scalars(select(ActorMergeRow).order_by(ActorMergeRow.id))
    return [
        {"id": r.id, "source": r.source_id, "target": r.target_id, "by": r.by, "at": r.at,
         "reason": r.reason, "undone_by": r.undone_by, "undone_at": r.undone_at}
        for r in rows
    ]  # fmt: skip


def grade_source(session: Session, key: str, reliability: str, by: str, note: str | None) -> None:
    session.add(SourceGradeRow(source_key=key, reliability=reliability, by=by, at=now(), note=note))


def grade_statement(session: Session, statement: str, credibility: int, by: str, note: str | None) -> None:
    if session.get(StatementRow, statement) is None:
        raise JudgementError(f"{statement}: no such statement")
    session.add(
        StatementGradeRow(statement_id=statement, credibility=credibility, by=by, at=now(), note=note)
    )


def set_cell(session: Session, statement: str, hypothesis: str, value: str, by: str) -> None:
    if session.get(StatementRow, statement) is None:
        raise JudgementError(f"{statement}: no such statement")
    session.add(AchCellRow(statement_id=statement, hypothesis=hypothesis, value=value, by=by, at=now()))


def source_grades(session: Session) -> dict[str, Judgement]:
    rows = session.scalars(select(SourceGradeRow).order_by(SourceGradeRow.id))
    return {r.source_key: Judgement(r.source_key, r.reliability, r.by, r.at, r.note) for r in rows}


def statement_grades(session: Session) -> dict[str, Judgement]:
    rows = session.scalars(select(StatementGradeRow).order_by(StatementGradeRow.id))
    return {r.statement_id: Judgement(r.statement_id, r.credibility, r.by, r.at, r.note) for r in rows}


def cells(session: Session) -> dict[tuple[str, str], Judgement]:
    rows = session.scalars(select(AchCellRow).order_by(AchCellRow.id))
    return {(r.statement_id, r.hypothesis): Judgement(r.statement_id, r.value, r.by, r.at) for r in rows}
