"""The API index and the exports: JSON (DESIGN.md contract), CSV per statement or incident, STIX 2.1."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from claimgraph.export.csv import incidents_csv, statements_csv
from claimgraph.export.json import to_json
from claimgraph.web import render
from claimgraph.web.views.common import ledger

router = APIRouter()


class Export(StrEnum):
    json = "json"
    statements_csv = "statements.csv"
    incidents_csv = "incidents.csv"
    stix = "stix.json"


CSV = "text/csv; charset=utf-8"
MEDIA = {
    Export.json: "application/json",
    Export.statements_csv: CSV,
    Export.incidents_csv: CSV,
    Export.stix: "application/stix+json;version=2.1",
}


@router.get("/api", summary="What the API offers")
def api_index(request: Request) -> Response:
    schema = request.app.openapi()
    paths: dict[str, Any] = {
        path: {method.upper(): op.get("summary", "") for method, op in ops.items()}
        for path, ops in schema["paths"].items()
    }
    return render.as_json(
        {"openapi": "/api/openapi.json", "counts": ledger(request).counts(), "paths": paths}
    )


@router.get(
    "/api/export/{fmt}", summary="The whole ledger: JSON contract, CSV (statements, incidents), STIX 2.1"
)
def export(request: Request, fmt: Export) -> Response:
    led = ledger(request)
    extraction = led.extraction()
    if fmt is Export.stix:
        from claimgraph.export.stix import to_stix_json

        reliability = {k: str(j.value) for k, j in led.source_grades().items()}
        credibility = {k: int(j.value) for k, j in led.statement_grades().items()}
        body = to_stix_json(extraction, reliability=reliability, credibility=credibility)
    elif fmt is Export.statements_csv:
        body = statements_csv(extraction)
    elif fmt is Export.incidents_csv:
        body = incidents_csv(extraction)
    else:
        body = to_json(extraction)
    name = f"claimgraph-{fmt.value}" if fmt is not Export.json else "claimgraph.json"
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=MEDIA[fmt], headers=headers)
