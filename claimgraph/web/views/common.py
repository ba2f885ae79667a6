"""Helpers the views share: the ledger of the request, lookups that 404, boards for many incidents."""

from __future__ import annotations

from fastapi import HTTPException
from starlette.requests import Request

from claimgraph.analysis.board import Board, build_board
from claimgraph.ledger import Ledger
from claimgraph.model import Actor, Document, Incident, Statement

MIN_PREFIX = 6


def ledger(request: Request) -> Ledger:
    return request.app.state.ledger


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"{what} {key[:80]!r} not found")


def document_or_404(led: Ledger, document_id: str) -> Document:
    """By full id, or by a unique prefix of 6+ characters (as the CLI takes incident ids)."""
    doc = led.document(document_id) if len(document_id) == 64 else None
    if doc is None and len(document_id) >= MIN_PREFIX:
        found = [d for d in led.documents() if d.id.startswith(document_id.lower())]
        doc = found[0] if len(found) == 1 else None
    if doc is None:
        raise not_found("document", document_id)
    return doc


def actors_by_id(led: Ledger) -> dict[str, Actor]:
    return {a.id: a for a in led.actors()}


def boards(incidents: list[Incident], statements: list[Statement], actors: dict[str, Actor]) -> list[Board]:
    by_incident: dict[str, list[Statement]] = {}
    for st in statements:
        by_incident.setdefault(st.object.get("incident") or "", []).append(st)
    return [build_board(i, by_incident.get(i.id, []), actors) for i in incidents]


def document_label(doc: Document | None, fallback: str = "") -> str:
    if doc is None:
        return fallback[:12]
    return doc.title or (doc.path or "").rsplit("/", 1)[-1] or doc.id[:12]
