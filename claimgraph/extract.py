"""Doc -> Extraction: the pure heart of claimgraph (no I/O, no database).

Reads the span groups the pipeline components left on the Doc and the parse, and returns the records
of DESIGN.md for one document: incidents, attributions (every who-says-what) and statements (claims of
responsibility and ties between actors, each with its source, certainty and evidence).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimgraph import kb
from claimgraph.extractors.attributions import find_attributions
from claimgraph.extractors.context import Context
from claimgraph.extractors.incidents import find_incidents, to_incident
from claimgraph.extractors.participants import UNNAMED_GROUP
from claimgraph.extractors.statements import find_statements
from claimgraph.model import Actor, Document, Extraction


def extract(doc: Doc, document: Document) -> Extraction:
    """Everything claimgraph reads from one annotated document."""
    ctx = Context.of(doc)
    found = find_attributions(ctx, document.id)
    index = find_incidents(ctx, document.id, document.published, found)
    statements = find_statements(ctx, document.id, found, index)
    incidents = [to_incident(draft, document.id) for draft in index.drafts]
    return Extraction(
        documents=[document],
        actors=_actors(ctx.actors, _named_in(statements)),
        incidents=incidents,
        attributions=[f.record for f in found],
        statements=statements,
    )


def _named_in(statements: list) -> set[str]:
    """The actors statements name as subject or object."""
    return {s.subject for s in statements} | {s.object["actor"] for s in statements if s.object.get("actor")}


def _actors(spans: list[Span], named: set[str] = frozenset()) -> list[Actor]:
    """KB actors mentioned in the document, and the new groups it introduces, with the forms seen; also
    a KB actor a statement names only through another's words (the group a radio speaks for, whose own
    name the text may never write)."""
    known = kb.actors()
    out: dict[str, Actor] = {}
    for actor_id in sorted(named - {s.kb_id_ for s in spans}):
        if actor_id in known:
            out[actor_id] = _copy(known[actor_id])
    for span in spans:
        actor_id = span.kb_id_
        if actor_id not in out:
            if actor_id in known:
                out[actor_id] = _copy(known[actor_id])
            else:
                kind = "unknown-group" if span.label_ == UNNAMED_GROUP else "organization"
                out[actor_id] = Actor(actor_id, span.text, kind, [], None, None, "found in text")
        actor = out[actor_id]
        if span.text not in actor.aliases and span.text != actor.name:
            actor.aliases.append(span.text)
    return sorted(out.values(), key=lambda a: a.id)


def _copy(base: Actor) -> Actor:
    """The KB's actor with a list of aliases of its own (the document's forms are added to it)."""
    return Actor(base.id, base.name, base.kind, list(base.aliases), base.wikidata, base.region, base.source)
