"""Hand-built extractions (our own sentences) for ledger tests that need no spaCy."""

from __future__ import annotations

from datetime import date

from claimgraph.model import Actor, Document, Extraction, Incident, Place, Source, Span, Statement, stable_id

TEMPLATE = (
    "Gunmen attacked a checkpoint in {town} on Tuesday, killing {n} soldiers. "
    "The {group} said its fighters carried out the raid."
)


def report(town: str, n: int, group: str = "Ridge Front", alias: str | None = None) -> Extraction:
    """One document about one attack, claimed by ``group`` (written as ``alias`` when given)."""
    text = TEMPLATE.format(town=town, n=n, group=alias or group)
    doc = Document(text=text, title=f"Attack in {town}", published=date(2024, 3, 6), path=f"{town}.txt")
    actor_id = group.lower().replace(" ", "-")
    names = [alias] if alias else []
    actor = Actor(actor_id, group, "organization", aliases=names)
    start = text.index("Gunmen")
    incident = Incident(
        id=stable_id(doc.id, "incident", start),
        type="armed attack",
        date=date(2024, 3, 5),
        date_precision="day",
        place=Place(town, "PK"),
        attackers=["gunmen"],
        mentions=[Span(doc.id, start, text.index(" on Tuesday"))],
    )
    sentence = text[text.index("The ") :]
    claim = Statement(
        id=stable_id(doc.id, "statement", text.index("The ")),
        document=doc.id,
        start=text.index("The "),
        end=len(text),
        sentence=sentence,
        attribution=None,
        source=Source("claimant", name=alias or group, actor=actor_id),
        cue="said",
        relation="claimed",
        subject=actor_id,
        object={"incident": incident.id},
    )
    return Extraction([doc], [actor], [incident], [], [claim])
