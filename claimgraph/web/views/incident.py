"""The incident page: facts with provenance, the attribution board, the ACH matrix, the casualty timeline."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from claimgraph.analysis.ach import VALUES, Matrix, build_matrix
from claimgraph.analysis.board import build_board
from claimgraph.ledger import Ledger
from claimgraph.resolve import MergedIncident
from claimgraph.web import charts, render
from claimgraph.web.provenance import figure_sentence
from claimgraph.web.views.common import actors_by_id, document_label, ledger, not_found

router = APIRouter()
IncidentId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9a-zA-Z_-]+$")]


def _merged(led: Ledger, incident_id: str) -> MergedIncident:
    merged = led.merged_incident(incident_id)
    if merged is None:
        raise not_found("incident", incident_id)
    return merged


def matrix_of(led: Ledger, merged: MergedIncident, names: dict[str, str]) -> Matrix:
    return build_matrix(
        merged.incident,
        led.statements(incident_id=merged.id),
        names=names,
        reliability={k: str(j.value) for k, j in led.source_grades().items()},
        credibility={k: int(j.value) for k, j in led.statement_grades().items()},
        cells={k: str(j.value) for k, j in led.cells().items()},
    )


def _figures(led: Ledger, merged: MergedIncident, docs: dict) -> list[dict[str, Any]]:
    """Every reported figure, oldest report first, with the sentence that gives it."""
    out = []
    for t in merged.timeline:
        doc = docs.get(t.document)
        mentions = [m for m in merged.incident.mentions if m.document == t.document]
        where = figure_sentence(doc.text, t.figure, t.field, mentions) if doc else None
        out.append({
            **t.to_dict(), "title": document_label(doc, t.document),
            "start": where[0] if where else None, "end": where[1] if where else None,
            "sentence": doc.text[where[0] : where[1]] if doc and where else None,
        })  # fmt: skip
    return out


def incident_data(request: Request, incident_id: str) -> dict[str, Any]:
    """The page's data, cached until the ledger changes (the board and ACH matrix are rebuilt otherwise)."""
    led = ledger(request)
    cache: dict = request.app.state.__dict__.setdefault("incident_cache", {})
    key = (incident_id, led.revision())
    if key not in cache:
        if len(cache) > 512:
            cache.clear()
        cache[key] = _incident_data(led, incident_id)
    return cache[key]


def _incident_data(led: Ledger, incident_id: str) -> dict[str, Any]:
    merged = _merged(led, incident_id)
    actors = actors_by_id(led)
    statements = led.statements(incident_id=merged.id)
    board = build_board(merged.incident, statements, actors)
    matrix = matrix_of(led, merged, {a.id: a.name for a in actors.values()})
    doc_ids = list(
        dict.fromkeys([m.document for m in merged.incident.mentions] + [s.document for s in statements])
    )
    docs = {d: led.document(d) for d in doc_ids}
    mentions = merged.incident.mentions
    documents = [
        {**doc.to_dict(), "label": document_label(doc), "mentions": sum(m.document == d for m in mentions),
         "statements": sum(s.document == d for s in statements)}
        for d, doc in docs.items() if doc
    ]  # fmt: skip
    return {
        "incident": merged.to_dict(),
        "documents": documents,
        "figures": _figures(led, merged, docs),
        "board": board.to_dict(),
        "ach": matrix.to_dict(),
    }


def _report(f: dict[str, Any]) -> dict[str, Any]:
    fig = f["figure"]
    href = f"/document/{f['document']}"
    if f["start"] is not None:
        href += f"?mark={f['start']}-{f['end']}#mark"
    return {
        "field": f["field"],
        "value": fig["max"] if fig["max"] is not None else fig["min"],
        "published": date.fromisoformat(f["published"]) if f["published"] else None,
        "label": render.figure(fig),
        "note": f"{f['field']} {render.figure(fig)} — {f['outlet'] or f['title']}",
        "href": href,
    }


def _chart(data: dict[str, Any]) -> charts.Chart | None:
    return charts.timeline([_report(f) for f in data["figures"]])


@router.get("/incident/{incident_id}.json", include_in_schema=False)
def incident_json(request: Request, incident_id: IncidentId) -> Response:
    return render.as_json(incident_data(request, incident_id))


@router.get("/api/incidents/{incident_id}", summary="One incident: facts, provenance, board, ACH matrix")
def incident_api(request: Request, incident_id: IncidentId) -> Response:
    return render.as_json(incident_data(request, incident_id))


@router.get("/api/incidents/{incident_id}/ach", summary="The ACH matrix of one incident")
def ach_api(request: Request, incident_id: IncidentId) -> Response:
    led = ledger(request)
    merged = _merged(led, incident_id)
    return render.as_json(matrix_of(led, merged, {a.id: a.name for a in led.actors()}).to_dict())


class Cell(BaseModel):
    statement: str = Field(min_length=1, max_length=64)
    hypothesis: str = Field(min_length=1, max_length=120)
    value: str = Field(description="consistent, inconsistent or neutral")
    by: str = Field("analyst", min_length=1, max_length=80)


def _set_cells(led: Ledger, merged: MergedIncident, cells: list[Cell]) -> int:
    """Record the cells that differ from what the matrix shows now; refuse cells it does not have."""
    matrix = matrix_of(led, merged, {})
    rows = {r.statement.id: r for r in matrix.rows}
    changed = 0
    for cell in cells:
        row = rows.get(cell.statement)
        if row is None or cell.hypothesis not in matrix.hypotheses or cell.value not in VALUES:
            raise HTTPException(
                400, f"no such cell: {cell.statement[:64]} / {cell.hypothesis[:64]} = {cell.value[:20]}"
            )
        if row.cells[cell.hypothesis] != cell.value:
            led.set_cell(cell.statement, cell.hypothesis, cell.value, cell.by)
            changed += 1
    return changed


@router.post("/api/incidents/{incident_id}/ach", summary="Set one ACH cell (kept with who and when)")
def ach_set_api(request: Request, incident_id: IncidentId, cell: Cell) -> Response:
    led = ledger(request)
    merged = _merged(led, incident_id)
    changed = _set_cells(led, merged, [cell])
    return render.as_json({"changed": changed, "ach": matrix_of(led, merged, {}).to_dict()})


@router.post("/incident/{incident_id}/ach", include_in_schema=False)
async def ach_form(request: Request, incident_id: IncidentId) -> Response:
    """The matrix form: every cell posted as ``cell:<statement>|<hypothesis>``; only changes are kept."""
    form = await request.form(max_files=0, max_fields=2000)
    if not request.app.state.csrf.verify(str(form.get("csrf", "")), request.state.csrf_nonce):
        raise HTTPException(403, "the form has expired or did not come from this site: reload the page")
    by = str(form.get("by") or "analyst")[:80]
    cells = []
    for name, value in form.multi_items():
        if name.startswith("cell:") and "|" in name:
            statement, hypothesis = name[5:].split("|", 1)
            cells.append(
                Cell(statement=statement[:64], hypothesis=hypothesis[:120], value=str(value)[:20], by=by)
            )
    led = ledger(request)
    merged = await run_in_threadpool(_merged, led, incident_id)
    await run_in_threadpool(_set_cells, led, merged, cells)
    return RedirectResponse(f"/incident/{merged.id}#ach", status_code=303)


@router.get("/incident/{incident_id}", include_in_schema=False)
def incident_page(request: Request, incident_id: IncidentId) -> Response:
    data = incident_data(request, incident_id)
    return render.html(request, "incident.html", {"data": data, "chart": _chart(data), "values": VALUES})
