"""Tables of the ledger (SQLAlchemy 2 declarative).

One row type per noun of ``claimgraph.model``. Lists and figures are JSON
columns: they are read whole, never queried piecewise, and JSON keeps their
order. Everything a statement needs to be shown (source, cue, sentence) is in
its own row, so the attribution board needs no joins.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(16))
    path: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(64))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    wikidata: Mapped[str | None] = mapped_column(String(32))
    region: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)


class IncidentRow(Base):
    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    # The document that first reported it; later reports add mentions.
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    type: Mapped[str] = mapped_column(String)
    date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    place_country: Mapped[str | None] = mapped_column(String(8), index=True)
    place_lat: Mapped[float | None] = mapped_column(Float)
    place_lon: Mapped[float | None] = mapped_column(Float)
    attackers: Mapped[list[str]] = mapped_column(JSON, default=list)
    targets: Mapped[list[str]] = mapped_column(JSON, default=list)
    victims: Mapped[list[str]] = mapped_column(JSON, default=list)
    weapons: Mapped[list[str]] = mapped_column(JSON, default=list)
    killed: Mapped[dict | None] = mapped_column(JSON)  # Figure.to_dict() or NULL
    wounded: Mapped[dict | None] = mapped_column(JSON)

    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="incident", order_by="MentionRow.ord", cascade="all, delete-orphan"
    )


class MentionRow(Base):
    __tablename__ = "incident_mentions"
    __table_args__ = (UniqueConstraint("incident_id", "document_id", "start", "end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
    # No foreign key: a resolved incident may cite a document stored in another run.
    document_id: Mapped[str] = mapped_column(String, index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    ord: Mapped[int] = mapped_column(Integer)  # keeps the order mentions were given in

    incident: Mapped[IncidentRow] = relationship(back_populates="mentions")


class AttributionRow(Base):
    __tablename__ = "attributions"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    cue_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)


class StatementRow(Base):
    __tablename__ = "statements"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text)
    attribution_id: Mapped[str | None] = mapped_column(String, index=True)
    source_kind: Mapped[str] = mapped_column(String(32))
    source_name: Mapped[str | None] = mapped_column(Text)
    source_actor: Mapped[str | None] = mapped_column(String)
    source_title: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    relation: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(String, index=True)
    object_kind: Mapped[str] = mapped_column(String(16))  # "incident" or "actor"
    object_incident: Mapped[str | None] = mapped_column(String, index=True)
    object_actor: Mapped[str | None] = mapped_column(String)
    polarity: Mapped[str] = mapped_column(String(16))
    certainty: Mapped[str] = mapped_column(String(32))
    quote: Mapped[str] = mapped_column(String(16))


# -- across documents: derived by the resolve step, rebuilt whole from the rows above ---------------


class MergedIncidentRow(Base):
    """One incident across documents (claimgraph.resolve); the extractor's rows are never rewritten."""

    __tablename__ = "merged_incidents"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    type: Mapped[str] = mapped_column(String)
    date: Mapped[date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(Text)
    place_country: Mapped[str | None] = mapped_column(String(8), index=True)
    place_lat: Mapped[float | None] = mapped_column(Float)
    place_lon: Mapped[float | None] = mapped_column(Float)
    attackers: Mapped[list[str]] = mapped_column(JSON, default=list)
    targets: Mapped[list[str]] = mapped_column(JSON, default=list)
    victims: Mapped[list[str]] = mapped_column(JSON, default=list)
    weapons: Mapped[list[str]] = mapped_column(JSON, default=list)
    killed: Mapped[dict | None] = mapped_column(JSON)
    wounded: Mapped[dict | None] = mapped_column(JSON)
    mentions: Mapped[list] = mapped_column(JSON, default=list)  # [[document, start, end], ...]
    members: Mapped[list[str]] = mapped_column(JSON, default=list)  # local incident ids
    provenance: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> document ids
    timeline: Mapped[list] = mapped_column(JSON, default=list)  # TollReport.to_dict() each


class IncidentLinkRow(Base):
    """The extractor's document-local incident id -> the merged incident it belongs to."""

    __tablename__ = "incident_links"

    local_id: Mapped[str] = mapped_column(String, primary_key=True)
    merged_id: Mapped[str] = mapped_column(String, index=True)


class SurfaceFormRow(Base):
    """Every way an actor was written, and where: the evidence behind an alias or a merge."""

    __tablename__ = "surface_forms"
    __table_args__ = (UniqueConstraint("actor_id", "form", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[str] = mapped_column(String, index=True)
    form: Mapped[str] = mapped_column(Text)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)


class AbbreviationRow(Base):
    """An abbreviation a document defines: "Islamic State-Khorasan Province (ISIS-K)"."""

    __tablename__ = "abbreviations"
    __table_args__ = (UniqueConstraint("document_id", "short"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    short: Mapped[str] = mapped_column(String(32))
    long: Mapped[str] = mapped_column(Text)


class ActorMergeRow(Base):
    """ "source_id is target_id": by an analyst or by fuzzy matching; undone, never deleted."""

    __tablename__ = "actor_merges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(String, index=True)
    target_id: Mapped[str] = mapped_column(String)
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    undone_by: Mapped[str | None] = mapped_column(Text)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


# -- analyst judgements: history kept, the latest row wins ---------------------------------------


class SourceGradeRow(Base):
    __tablename__ = "source_grades"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_key: Mapped[str] = mapped_column(Text, index=True)
    reliability: Mapped[str] = mapped_column(String(1))
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class StatementGradeRow(Base):
    __tablename__ = "statement_grades"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    statement_id: Mapped[str] = mapped_column(String, index=True)
    credibility: Mapped[int] = mapped_column(Integer)
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)


class AchCellRow(Base):
    """An analyst's reading of one statement against one hypothesis (an actor id or "other")."""

    __tablename__ = "ach_cells"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    statement_id: Mapped[str] = mapped_column(String, index=True)
    hypothesis: Mapped[str] = mapped_column(String)
    value: Mapped[str] = mapped_column(String(16))
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)


class MetaRow(Base):
    """Ledger state: "resolved" is "0" after a store until the resolve step has run."""

    __tablename__ = "ledger_meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
