"""The document page: the article with statements highlighted by source kind and relation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from starlette.requests import Request
from starlette.responses import Response

from claimgraph.model import Attribution, Document, Incident, Span, Statement
from claimgraph.web import highlight, render
from claimgraph.web.views.common import actors_by_id, document_label, document_or_404, ledger

router = APIRouter()
DocumentId = Annotated[str, Path(min_length=6, max_length=64, pattern=r"^[0-9a-fA-F]+$")]
MARK = re.compile(r"^(\d{1,9})-(\d{1,9})$")


@dataclass
class Page:
    """What the ledger holds about one document."""

    doc: Document
    statements: list[Statement]
    attributions: list[Attribution]
    incidents: list[tuple[Incident, list[Span]]]
    names: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": {**self.doc.to_dict(), "label": document_label(self.doc), "text": self.doc.text},
            "statements": [
                {**s.to_dict(), "subject_name": self.names.get(s.subject, s.subject)} for s in self.statements
            ],
            "attributions": [a.to_dict() for a in self.attributions],
            "incidents": [
                {
                    "id": i.id,
                    "type": i.type,
                    "date": i.date.isoformat() if i.date else None,
                    "place": i.place.name if i.place else None,
                    "mentions": [m.to_dict() for m in spans],
                }
                for i, spans in self.incidents
            ],  # fmt: skip
        }

    def runs(self, target: tuple[int, int] | None) -> list[highlight.Run]:
        marks: list[highlight.Mark] = []
        for a in self.attributions:
            marks += highlight.attribution_marks(a)
        for inc, spans in self.incidents:
            marks += highlight.mention_marks(spans, inc.id)
        marks += [highlight.statement_mark(s, self.names.get(s.subject, s.subject)) for s in self.statements]
        return highlight.runs(self.doc.text, marks, target)


def page_of(request: Request, document_id: str) -> Page:
    led = ledger(request)
    doc = document_or_404(led, document_id)
    incidents = [(i, [m for m in i.mentions if m.document == doc.id]) for i in led.incidents()]
    return Page(
        doc,
        led.statements(document_id=doc.id),
        led.attributions(document_id=doc.id),
        [(i, spans) for i, spans in incidents if spans],
        {a.id: a.name for a in actors_by_id(led).values()},
    )


@router.get("/document/{document_id}.json", include_in_schema=False)
def document_json(request: Request, document_id: DocumentId) -> Response:
    return render.as_json(page_of(request, document_id).to_dict())


@router.get("/api/documents/{document_id}", summary="One document: text, attributions, statements, incidents")
def document_api(request: Request, document_id: DocumentId) -> Response:
    return render.as_json(page_of(request, document_id).to_dict())


@router.get("/api/documents", summary="All documents, oldest publication first")
def documents_api(request: Request) -> Response:
    docs = ledger(request).documents()
    return render.as_json({"documents": [{**d.to_dict(), "label": document_label(d)} for d in docs]})


@router.get("/document/{document_id}", include_in_schema=False)
def document_page(
    request: Request,
    document_id: DocumentId,
    mark: Annotated[str, Query(max_length=24, description="start-end of a sentence to show")] = "",
) -> Response:
    page = page_of(request, document_id)
    m = MARK.match(mark)
    runs = page.runs((int(m[1]), int(m[2])) if m else None)
    return render.html(request, "document.html", {"data": page.to_dict(), "runs": runs})
