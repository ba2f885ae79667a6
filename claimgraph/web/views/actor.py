"""The actor pages: names and aliases, incidents it is tied to, and the graph of alleged ties."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from starlette.requests import Request
from starlette.responses import Response

from claimgraph.analysis.board import CANDIDATE_RELATIONS
from claimgraph.ledger import Ledger
from claimgraph.model import Incident, Statement
from claimgraph.web import charts, render
from claimgraph.web.views.common import actors_by_id, ledger, not_found

router = APIRouter()
ActorId = Annotated[str, Path(min_length=1, max_length=120, pattern=r"^[^/]+$")]
TIES = ("cooperates_with", "part_of")


def _source(st: Statement) -> dict[str, Any]:
    return {"statement": st.id, "document": st.document, "start": st.start, "end": st.end,
            "kind": st.source.kind, "name": st.source.name, "title": st.source.title, "cue": st.cue,
            "certainty": st.certainty, "polarity": st.polarity, "sentence": st.sentence}  # fmt: skip


def _incident_row(inc: Incident) -> dict[str, Any]:
    return {
        "id": inc.id,
        "type": inc.type,
        "date": inc.date.isoformat() if inc.date else None,
        "date_precision": inc.date_precision,
        "place": inc.place.name if inc.place else None,
        "markers": [],
    }


def _ties(statements: list[Statement], nodes: set[str]) -> list[dict[str, Any]]:
    """One edge per (subject, relation, object, polarity) among ``nodes``, with every source that says so."""
    edges: dict[tuple, dict[str, Any]] = {}
    for st in statements:
        target = st.object.get("actor")
        if st.relation not in TIES or not target or st.subject not in nodes or target not in nodes:
            continue
        key = (st.subject, st.relation, target, st.polarity)
        edge = edges.setdefault(key, {"source": st.subject, "relation": st.relation, "target": target,
                                      "negative": st.polarity == "negative", "sources": []})  # fmt: skip
        edge["sources"].append(_source(st))
    return [{**e, "count": len(e["sources"])} for e in edges.values()]


def actor_data(request: Request, actor_id: str) -> dict[str, Any]:
    led: Ledger = ledger(request)
    actors = actors_by_id(led)
    mapping = led.actor_map()
    actor_id = mapping.get(actor_id, actor_id)
    actor = actors.get(actor_id)
    if actor is None:
        raise not_found("actor", actor_id)
    statements = led.statements()
    group = {actor_id, *(k for k, v in mapping.items() if v == actor_id)}
    forms = led.surface_forms()
    written = sorted({(f, n) for a in group for f, n in forms.get(a, [])}, key=lambda fn: (-fn[1], fn[0]))
    incidents = {i.id: i for i in led.incidents()}
    roles: dict[str, dict[str, Any]] = {}
    for st in statements:
        inc = incidents.get(st.object.get("incident") or "")
        if st.subject != actor_id or st.relation not in CANDIDATE_RELATIONS or inc is None:
            continue
        denial = st.relation == "denied" or st.polarity == "negative"
        marker = "denied" if denial else "claimed" if st.relation == "claimed" else "alleged"
        row = roles.setdefault(inc.id, _incident_row(inc))
        if marker not in row["markers"]:
            row["markers"].append(marker)
    near = {actor_id} | {
        other
        for st in statements
        if st.relation in TIES and st.object.get("actor")
        for other in (st.subject, st.object["actor"])
        if actor_id in (st.subject, st.object["actor"])
    }
    name = lambda a: actors[a].name if a in actors else a  # noqa: E731
    return {
        "actor": {**actor.to_dict(), "merged_from": sorted(group - {actor_id})},
        "written_as": [{"form": f, "documents": n} for f, n in written],
        "incidents": sorted(roles.values(), key=lambda r: (r["date"] or "9999", r["id"])),
        "neighbours": [{"id": a, "name": name(a)} for a in sorted(near - {actor_id}, key=name)],
        "ties": [
            {**t, "source_name": name(t["source"]), "target_name": name(t["target"])}
            for t in _ties(statements, near)
        ],
    }


def _graph(data: dict[str, Any]) -> charts.Graph:
    center = (data["actor"]["id"], data["actor"]["name"])
    return charts.ego_graph(center, [(n["id"], n["name"]) for n in data["neighbours"]], data["ties"])


def actors_data(request: Request) -> dict[str, Any]:
    led = ledger(request)
    counts: dict[str, int] = {}
    for st in led.statements():
        counts[st.subject] = counts.get(st.subject, 0) + 1
    rows = [{**a.to_dict(), "statements": counts.get(a.id, 0)} for a in led.actors()]
    return {"actors": sorted(rows, key=lambda r: (-r["statements"], r["name"].lower()))}


@router.get("/actors.json", include_in_schema=False)
def actors_json(request: Request) -> Response:
    return render.as_json(actors_data(request))


@router.get("/api/actors", summary="All actors, most talked-about first")
def actors_api(request: Request) -> Response:
    return render.as_json(actors_data(request))


@router.get("/actors", include_in_schema=False)
def actors_page(request: Request) -> Response:
    return render.html(request, "actors.html", {"data": actors_data(request)})


@router.get("/actor/{actor_id}.json", include_in_schema=False)
def actor_json(request: Request, actor_id: ActorId) -> Response:
    return render.as_json(actor_data(request, actor_id))


@router.get("/api/actors/{actor_id}", summary="One actor: names, incidents, alleged ties with their sources")
def actor_api(request: Request, actor_id: ActorId) -> Response:
    return render.as_json(actor_data(request, actor_id))


@router.get("/actor/{actor_id}", include_in_schema=False)
def actor_page(request: Request, actor_id: ActorId) -> Response:
    data = actor_data(request, actor_id)
    return render.html(request, "actor.html", {"data": data, "graph": _graph(data)})
