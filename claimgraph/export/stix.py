"""STIX 2.1 export (OpenCTI, MISP): the ledger as a bundle built with the ``stix2`` library.

Mapping, chosen so that nothing claimgraph does not know is asserted:

- a Document is a ``report`` (published = publication date) whose refs are what it says;
- each speaker is an ``identity`` (person -> individual, organization/report/claimant -> organization,
  anonymous and the author -> unknown), and it is the ``created_by_ref`` of what it asserts;
- a group is an ``intrusion-set``; a state, agency, institution or person said to be behind an attack
  is a ``threat-actor`` (``nation-state`` for states, ``unknown`` otherwise);
- an incident is an ``incident`` (``located-at`` a ``location``);
- a claim or allegation is a relationship ``attributed-to`` (incident -> actor) per statement, with
  ``confidence`` from its ICD 203 band (STIX's WEP scale) or, for a plain assertion, from its Admiralty
  credibility (STIX's Admiralty scale), scaled by the reliability of its source; a denial is an
  ``opinion`` (strongly-disagree) authored by the speaker; ties between actors are ``related-to``;
- the tool itself is an ``identity`` (system) that creates the reports;
- every statement also becomes a ``note`` carrying its evidence sentence.

IDs are UUIDv5 of claimgraph's own ids, so exporting the same ledger twice gives the same ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime

import stix2

from claimgraph.analysis.grading import Grade, grade
from claimgraph.model import Actor, Document, Extraction, Figure, Incident, Statement

NAMESPACE = uuid.UUID("5f0c3c1e-6d1b-4c59-9a53-6c8f3b0a7e21")
# STIX 2.1 Appendix A: WEP and Admiralty credibility scales -> confidence (0-100).
CERTAINTY_CONFIDENCE = {
    "almost certain": 95,
    "very likely": 85,
    "likely": 70,
    "roughly even": 50,
    "unlikely": 30,
    "very unlikely": 10,
    "almost no chance": 3,
}
CREDIBILITY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: 50}
RELIABILITY_FACTOR = {"A": 1.0, "B": 0.9, "C": 0.8, "D": 0.6, "E": 0.4, "F": 0.7}
IDENTITY_CLASS = {"person": "individual", "organization": "organization", "report": "organization",
                  "claimant": "organization", "anonymous": "unknown", "author": "unknown"}  # fmt: skip
GROUP_KINDS = frozenset({"organization", "unknown-group"})
ATTRIBUTING = frozenset({"claimed", "perpetrated", "facilitated"})


def confidence(st: Statement, g: Grade) -> int:
    """0-100: how sure the speaker sounds (or how credible a plain assertion is), times source reliability."""
    base = CERTAINTY_CONFIDENCE.get(st.certainty) or CREDIBILITY_CONFIDENCE.get(g.credibility, 50)
    return max(0, min(100, round(base * RELIABILITY_FACTOR.get(g.reliability, 0.7))))


def sid(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _figure(fig: Figure) -> str:
    number = "-".join(str(n) for n in dict.fromkeys((fig.min, fig.max)) if n is not None)
    return " ".join(p for p in (fig.qualifier, number) if p)


def _stamp(day: date | None, now: datetime) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else now


class _Builder:
    """Collects STIX objects once each, keyed by id, and the refs of each document's report."""

    def __init__(self, ex: Extraction, grades: dict[str, Grade], now: datetime) -> None:
        self.ex, self.grades, self.now = ex, grades, now
        self.objects: dict[str, object] = {}
        self.refs: dict[str, list[str]] = {d.id: [] for d in ex.documents}
        self.actors = {a.id: a for a in ex.actors}
        self.docs = {d.id: d for d in ex.documents}
        self.incidents = {i.id: i for i in ex.incidents}

    def add(self, obj: object) -> str:
        self.objects.setdefault(obj.id, obj)  # type: ignore[attr-defined]
        return obj.id  # type: ignore[attr-defined]

    def ref(self, document: str, *ids: str) -> None:
        refs = self.refs.setdefault(document, [])
        refs += [i for i in ids if i not in refs]

    def common(self, key: str, kind: str) -> dict:
        return {"id": sid(kind, key), "created": self.now, "modified": self.now}

    def actor(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id) or Actor(actor_id, actor_id, "unknown-group")
        extra = {"aliases": list(actor.aliases)} if actor.aliases else {}
        refs = [{"source_name": "wikidata", "external_id": actor.wikidata}] if actor.wikidata else []
        if actor.kind in GROUP_KINDS:
            base = self.common(actor.id, "intrusion-set")
            return self.add(stix2.IntrusionSet(name=actor.name, external_references=refs, **base, **extra))
        kinds = ["nation-state"] if actor.kind == "state" else ["unknown"]
        base = self.common(actor.id, "threat-actor")
        return self.add(
            stix2.ThreatActor(
                name=actor.name, threat_actor_types=kinds, external_references=refs, **base, **extra
            )
        )

    def author(self, doc: Document) -> str:
        name = f"author of {doc.title or doc.id[:12]}" + (f" ({doc.outlet})" if doc.outlet else "")
        base = self.common(f"author:{doc.id}", "identity")
        return self.add(stix2.Identity(name=name, identity_class="unknown", **base))

    def source(self, st: Statement) -> str:
        doc = self.docs.get(st.document)
        if st.source.kind == "author" and doc is not None:
            return self.author(doc)
        g = self.grades[st.id]
        name = st.source.name or f"{st.source.kind} source"
        if not st.source.name:  # an unnamed source is one speaker of one document, not all of them
            g = Grade(g.statement, f"{g.source}@{st.document}", g.reliability, g.credibility)
        desc = f"{st.source.title}; " if st.source.title else ""
        desc += f"source kind: {st.source.kind}; Admiralty reliability {g.reliability}"
        base = self.common(g.source, "identity")
        cls = IDENTITY_CLASS.get(st.source.kind, "unknown")
        return self.add(stix2.Identity(name=name, identity_class=cls, description=desc, **base))

    def incident(self, inc: Incident) -> str:
        when = inc.date.isoformat() if inc.date else "undated"
        where = inc.place.name if inc.place else "unknown place"
        facts = [
            f"{name} {_figure(fig)}"
            for name, fig in (("killed", inc.killed), ("wounded", inc.wounded))
            if fig
        ]
        inc_id = self.add(
            stix2.Incident(
                name=f"{inc.type} in {where}, {when}", description="; ".join(facts) or None,
                labels=[inc.type], **self.common(inc.id, "incident"),
            )
        )  # fmt: skip
        place = inc.place
        if place and (place.country or (place.lat is not None and place.lon is not None)):
            loc = {"country": place.country} if place.country else {}
            if place.lat is not None and place.lon is not None:
                loc |= {"latitude": place.lat, "longitude": place.lon}
            loc_id = self.add(stix2.Location(name=place.name, **loc, **self.common(inc.id, "location")))
            key = f"{inc.id}:located-at"
            self.add(stix2.Relationship(inc_id, "located-at", loc_id, **self.common(key, "relationship")))
        return inc_id

    def statement(self, st: Statement) -> None:
        speaker = self.source(st)
        subject = self.actor(st.subject)
        inc = self.incidents.get(st.object.get("incident") or "")
        target_actor = st.object.get("actor")
        ids = [speaker, subject]
        said = f"{st.source.name or st.source.kind} ({st.cue or 'no cue'}): {st.relation}"
        labels = [st.relation, f"certainty:{st.certainty}", f"quote:{st.quote}", f"polarity:{st.polarity}"]
        conf = confidence(st, self.grades[st.id])
        common = {"created_by_ref": speaker, "labels": labels, "confidence": conf}
        denial = st.relation == "denied" or st.polarity == "negative"
        about = self.incident(inc) if inc else self.actor(target_actor) if target_actor else None
        claim: str | None = None
        if about and denial:
            claim = self.add(
                stix2.Opinion(
                    opinion="strongly-disagree",
                    explanation=st.sentence,
                    authors=[st.source.name or st.source.kind],
                    object_refs=[about, subject],
                    **common,
                    **self.common(st.id, "opinion"),
                )
            )
        elif inc and st.relation in ATTRIBUTING:
            claim = self.add(
                stix2.Relationship(
                    about,
                    "attributed-to",
                    subject,
                    description=said,
                    **common,
                    **self.common(st.id, "relationship"),
                )
            )
        elif target_actor and about:
            claim = self.add(
                stix2.Relationship(
                    subject,
                    "related-to",
                    about,
                    description=said,
                    **common,
                    **self.common(st.id, "relationship"),
                )
            )
        ids += [i for i in (about, claim) if i]
        note = stix2.Note(
            abstract=said, content=st.sentence, authors=[st.source.name or st.source.kind],
            object_refs=[i for i in (claim, about, subject) if i], **common, **self.common(st.id, "note"),
        )  # fmt: skip
        ids.append(self.add(note))
        self.ref(st.document, *ids)

    def report(self, doc: Document) -> str:
        refs = [self.author(doc), *self.refs.get(doc.id, [])]
        ext = [{"source_name": doc.outlet or "web", "url": doc.url}] if doc.url else []
        return self.add(
            stix2.Report(
                name=doc.title or f"document {doc.id[:12]}", published=_stamp(doc.published, self.now),
                report_types=["threat-report"], object_refs=refs, external_references=ext,
                description=f"claimgraph document {doc.id}", created_by_ref=sid("identity", "claimgraph"),
                **self.common(doc.id, "report"),
            )
        )  # fmt: skip


def to_stix(
    extraction: Extraction,
    reliability: Mapping[str, str] | None = None,
    credibility: Mapping[str, int] | None = None,
    now: datetime | None = None,
) -> stix2.Bundle:
    """A STIX 2.1 bundle of the extraction; ``reliability``/``credibility`` are the analyst's grades."""
    now = now or datetime.now(UTC).replace(microsecond=0)
    builder = _Builder(extraction, grade(extraction.statements, reliability, credibility), now)
    # The producer, so that even an empty ledger gives a bundle stix2.parse can read back.
    builder.add(
        stix2.Identity(name="claimgraph", identity_class="system", **builder.common("claimgraph", "identity"))
    )
    for inc in extraction.incidents:
        inc_id = builder.incident(inc)
        for doc in {m.document for m in inc.mentions}:
            builder.ref(doc, inc_id)
    for st in extraction.statements:
        builder.statement(st)
    for doc in extraction.documents:
        builder.report(doc)
    bundle_id = sid("bundle", ",".join(sorted(d.id for d in extraction.documents)))
    return stix2.Bundle(objects=list(builder.objects.values()), id=bundle_id)


def to_stix_json(extraction: Extraction, **kwargs: object) -> str:
    return to_stix(extraction, **kwargs).serialize(pretty=True)  # type: ignore[arg-type]
