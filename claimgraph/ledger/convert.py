"""Rows <-> model nouns, both ways, so the rest of claimgraph never sees a row."""

from __future__ import annotations

from datetime import date
from typing import Any

from claimgraph.ledger.schema import (
    ActorRow,
    AttributionRow,
    DocumentRow,
    IncidentRow,
    MergedIncidentRow,
    StatementRow,
)
from claimgraph.model import (
    Actor,
    Attribution,
    Document,
    Figure,
    Incident,
    Place,
    Source,
    Span,
    Statement,
    TextSpan,
)
from claimgraph.resolve import MergedIncident, TollReport


def document_row(doc: Document) -> DocumentRow:
    return DocumentRow(
        id=doc.id,
        title=doc.title,
        outlet=doc.outlet,
        url=doc.url,
        published=doc.published,
        language=doc.language,
        path=doc.path,
        text=doc.text,
    )


def document_of(row: DocumentRow) -> Document:
    return Document(
        text=row.text,
        id=row.id,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published=row.published,
        language=row.language,
        path=row.path,
    )


def actor_row(actor: Actor) -> ActorRow:
    return ActorRow(
        id=actor.id,
        name=actor.name,
        kind=actor.kind,
        aliases=list(actor.aliases),
        wikidata=actor.wikidata,
        region=actor.region,
        source=actor.source,
    )


def merge_actor(row: ActorRow, actor: Actor) -> None:
    """Upsert: newer non-empty facts win, aliases accumulate (order kept)."""
    row.name = actor.name or row.name
    row.kind = actor.kind or row.kind
    row.wikidata = actor.wikidata or row.wikidata
    row.region = actor.region or row.region
    row.source = actor.source or row.source
    row.aliases = _union(row.aliases or [], actor.aliases)


def actor_of(row: ActorRow) -> Actor:
    return Actor(
        id=row.id,
        name=row.name,
        kind=row.kind,
        aliases=list(row.aliases or []),
        wikidata=row.wikidata,
        region=row.region,
        source=row.source,
    )


def _figure_dict(figure: Figure | None) -> dict | None:
    return figure.to_dict() if figure is not None else None


def _figure(data: dict | None) -> Figure | None:
    if data is None:
        return None
    return Figure(min=data.get("min"), max=data.get("max"), qualifier=data.get("qualifier"))


def incident_row(incident: Incident, document_id: str | None) -> IncidentRow:
    """A new row, without mentions (the ledger adds those, deduplicated)."""
    return IncidentRow(document_id=document_id, **_incident_columns(incident))


def _incident_columns(incident: Incident) -> dict[str, Any]:
    """The columns a reported incident and a merged one share."""
    place = incident.place
    return {
        "id": incident.id,
        "type": incident.type,
        "date": incident.date,
        "date_precision": incident.date_precision,
        "place_name": place.name if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "attackers": list(incident.attackers),
        "targets": list(incident.targets),
        "victims": list(incident.victims),
        "weapons": list(incident.weapons),
        "killed": _figure_dict(incident.killed),
        "wounded": _figure_dict(incident.wounded),
    }


def merge_incident(row: IncidentRow, incident: Incident) -> None:
    """A later report of a known incident fills gaps; it never overwrites a stored fact."""
    if row.date is None and incident.date is not None:
        row.date, row.date_precision = incident.date, incident.date_precision
    if row.place_name is None and incident.place is not None:
        p = incident.place
        row.place_name, row.place_country, row.place_lat, row.place_lon = p.name, p.country, p.lat, p.lon
    if row.killed is None:
        row.killed = _figure_dict(incident.killed)
    if row.wounded is None:
        row.wounded = _figure_dict(incident.wounded)
    row.attackers = _union(row.attackers or [], incident.attackers)
    row.targets = _union(row.targets or [], incident.targets)
    row.victims = _union(row.victims or [], incident.victims)
    row.weapons = _union(row.weapons or [], incident.weapons)


def incident_of(row: IncidentRow) -> Incident:
    place = None
    if row.place_name is not None:
        place = Place(name=row.place_name, country=row.place_country, lat=row.place_lat, lon=row.place_lon)
    return Incident(
        id=row.id,
        type=row.type,
        date=row.date,
        date_precision=row.date_precision,
        place=place,
        attackers=list(row.attackers or []),
        targets=list(row.targets or []),
        victims=list(row.victims or []),
        weapons=list(row.weapons or []),
        killed=_figure(row.killed),
        wounded=_figure(row.wounded),
        mentions=[Span(m.document_id, m.start, m.end) for m in row.mentions],
    )


def merged_row(merged: MergedIncident) -> MergedIncidentRow:
    inc = merged.incident
    return MergedIncidentRow(
        **_incident_columns(inc),
        mentions=[[m.document, m.start, m.end] for m in inc.mentions],
        members=list(merged.members),
        provenance=dict(merged.provenance),
        timeline=[t.to_dict() for t in merged.timeline],
    )


def merged_of(row: MergedIncidentRow) -> MergedIncident:
    place = None
    if row.place_name is not None:
        place = Place(name=row.place_name, country=row.place_country, lat=row.place_lat, lon=row.place_lon)
    incident = Incident(
        id=row.id,
        type=row.type,
        date=row.date,
        date_precision=row.date_precision,
        place=place,
        attackers=list(row.attackers or []),
        targets=list(row.targets or []),
        victims=list(row.victims or []),
        weapons=list(row.weapons or []),
        killed=_figure(row.killed),
        wounded=_figure(row.wounded),
        mentions=[Span(d, s, e) for d, s, e in row.mentions or []],
    )
    timeline = [
        TollReport(
            field=t["field"],
            figure=_figure(t["figure"]),
            document=t["document"],
            outlet=t["outlet"],
            published=date.fromisoformat(t["published"]) if t["published"] else None,
            incident=t["incident"],
        )
        for t in row.timeline or []
    ]
    return MergedIncident(incident, list(row.members or []), dict(row.provenance or {}), timeline)


def attribution_row(att: Attribution) -> AttributionRow:
    src = att.source
    return AttributionRow(
        id=att.id,
        document_id=att.document,
        kind=att.kind,
        source_start=src.start if src else None,
        source_end=src.end if src else None,
        source_text=src.text if src else None,
        cue_start=att.cue.start,
        cue_end=att.cue.end,
        cue_text=att.cue.text,
        content_start=att.content.start,
        content_end=att.content.end,
        content_text=att.content.text,
    )


def attribution_of(row: AttributionRow) -> Attribution:
    source = None
    if row.source_start is not None:
        source = TextSpan(row.source_start, row.source_end, row.source_text)
    return Attribution(
        id=row.id,
        document=row.document_id,
        kind=row.kind,
        source=source,
        cue=TextSpan(row.cue_start, row.cue_end, row.cue_text),
        content=TextSpan(row.content_start, row.content_end, row.content_text),
    )


def statement_row(st: Statement) -> StatementRow:
    object_kind = "actor" if "actor" in st.object else "incident"
    return StatementRow(
        id=st.id,
        document_id=st.document,
        start=st.start,
        end=st.end,
        sentence=st.sentence,
        attribution_id=st.attribution,
        source_kind=st.source.kind,
        source_name=st.source.name,
        source_actor=st.source.actor,
        source_title=st.source.title,
        cue=st.cue,
        relation=st.relation,
        subject=st.subject,
        object_kind=object_kind,
        object_incident=st.object.get("incident"),
        object_actor=st.object.get("actor"),
        polarity=st.polarity,
        certainty=st.certainty,
        quote=st.quote,
    )


def statement_of(row: StatementRow) -> Statement:
    if row.object_kind == "actor":
        obj: dict[str, str | None] = {"actor": row.object_actor}
    else:
        obj = {"incident": row.object_incident}
    source = Source(row.source_kind, name=row.source_name, actor=row.source_actor, title=row.source_title)
    return Statement(
        id=row.id,
        document=row.document_id,
        start=row.start,
        end=row.end,
        sentence=row.sentence,
        attribution=row.attribution_id,
        source=source,
        cue=row.cue,
        relation=row.relation,
        subject=row.subject,
        object=obj,
        polarity=row.polarity,
        certainty=row.certainty,
        quote=row.quote,
    )


def _union(old: list[str], new: list[str]) -> list[str]:
    out = list(old)
    for item in new:
        if item not in out:
            out.append(item)
    return out
