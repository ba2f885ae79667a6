"""The resolve step inside the ledger: stored reports -> merged incidents, name variants -> one actor.

Merged incidents and links are derived data: each run rebuilds them whole from the extractor's rows
(which it never rewrites) with the pure functions of ``claimgraph.resolve``, so running it twice, or
after documents arrived in another order, gives the same tables. Actor merges are records instead:
an analyst's merge or undo is kept, and fuzzy matching only adds a merge nobody has decided on yet.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from claimgraph.ledger import convert, writes
from claimgraph.ledger.schema import (
    AbbreviationRow,
    ActorMergeRow,
    ActorRow,
    DocumentRow,
    IncidentLinkRow,
    IncidentRow,
    MergedIncidentRow,
    MetaRow,
    SurfaceFormRow,
)
from claimgraph.model import Extraction
from claimgraph.resolve import Report, Resolution, actor_links, defined_abbreviations, merge_incidents

AUTO = "claimgraph"  # who made a merge that fuzzy matching or an abbreviation suggested


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def mark_stale(session: Session) -> None:
    writes.upsert(session, MetaRow(key="resolved", value="0"))


def is_stale(session: Session) -> bool:
    row = session.get(MetaRow, "resolved")
    return row is None or row.value != "1"


def record_forms(session: Session, ex: Extraction) -> None:
    """Surface forms each actor was written in and abbreviations the document defines."""
    doc = ex.documents[0]
    seen: set[tuple[str, str]] = set()
    for actor in ex.actors:
        for form in (actor.name, *actor.aliases):
            if form and form in doc.text and (actor.id, form) not in seen:
                seen.add((actor.id, form))
                session.add(SurfaceFormRow(actor_id=actor.id, form=form, document_id=doc.id))
    for short, long in sorted(defined_abbreviations(doc.text).items()):
        session.add(AbbreviationRow(document_id=doc.id, short=short, long=long))


def reports(session: Session) -> list[Report]:
    """Every stored incident record with its document's date and outlet."""
    docs = {
        d: (published, outlet)
        for d, published, outlet in session.execute(
            select(DocumentRow.id, DocumentRow.published, DocumentRow.outlet)
        )
    }
    rows = session.scalars(select(IncidentRow).options(selectinload(IncidentRow.mentions)))
    out = []
    for row in rows:
        published, outlet = docs.get(row.document_id or "", (None, None))
        out.append(Report(convert.incident_of(row), row.document_id or "", published, outlet))
    return out


def resolve(session: Session) -> Resolution:
    """Rebuild merged incidents and links; add actor merges nobody has decided on yet."""
    # Deleting first takes the write lock before anything is read: on SQLite no store can commit
    # between the read and the commit and be marked resolved unread (PostgreSQL: SERIALIZABLE).
    session.execute(delete(IncidentLinkRow))
    session.execute(delete(MergedIncidentRow))
    result = merge_incidents(reports(session))
    session.add_all(convert.merged_row(m) for m in result.incidents)
    session.add_all(IncidentLinkRow(local_id=k, merged_id=v) for k, v in sorted(result.links.items()))
    _link_actors(session)
    writes.upsert(session, MetaRow(key="resolved", value="1"))
    return result


def _link_actors(session: Session) -> None:
    actors = [convert.actor_of(r) for r in session.scalars(select(ActorRow).order_by(ActorRow.id))]
    abbreviations: dict[str, str] = {}
    query = select(AbbreviationRow.short, AbbreviationRow.long).order_by(
        AbbreviationRow.document_id, AbbreviationRow.short
    )
    for short, long in session.execute(query):
        abbreviations.setdefault(short, long)
    decided = set(session.scalars(select(ActorMergeRow.source_id)))
    for source, target in sorted(actor_links(actors, abbreviations).items()):
        if source not in decided:
            session.add(ActorMergeRow(source_id=source, target_id=target, by=AUTO, at=now(), reason="name"))


def actor_map(session: Session) -> dict[str, str]:
    """Merged-away actor id -> the actor it now stands for (chains followed, latest record wins)."""
    query = select(ActorMergeRow).where(ActorMergeRow.undone_at.is_(None)).order_by(ActorMergeRow.id)
    direct = {r.source_id: r.target_id for r in session.scalars(query)}

    def root(actor: str) -> str:
        seen = {actor}
        while actor in direct and direct[actor] not in seen:
            actor = direct[actor]
            seen.add(actor)
        return actor

    return {source: root(source) for source in direct}


def links(session: Session) -> dict[str, str]:
    return dict(session.execute(select(IncidentLinkRow.local_id, IncidentLinkRow.merged_id)).all())
