"""Tables of the ledger (SQLAlchemy 2 declarative).

One row type per noun of ``claimgraph.model``. Lists and figures are JSON
columns: they are read whole, never queried piecewise, and JSON keeps their
order. Everything a statement needs to be shown (source, cue, sentence) is in
its own row, so the attribution board needs no joins.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
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
