"""The incidents page: every incident with its candidate perpetrators; filter, search, sort."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from starlette.requests import Request
from starlette.responses import Response

from claimgraph.web import render
from claimgraph.web.views.common import actors_by_id, boards, ledger

router = APIRouter()
SORTS = ("date", "place", "country", "type", "killed", "wounded", "sources", "statements")
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # a year, a month or a day; empty means no bound


@dataclass
class Filters:
    """What the filter form and the API take; empty strings mean "any" (a form sends them)."""

    q: str = ""
    country: str = ""
    actor: str = ""
    type: str = ""
    since: str = ""
    until: str = ""
    sort: str = "date"
    order: str = "asc"

    def to_dict(self) -> dict[str, str]:
        return dict(self.__dict__)


def filters(
    q: Annotated[str, Query(max_length=200, description="Words to find in the incident and its texts.")] = "",
    country: Annotated[str, Query(max_length=8, description="ISO 3166 alpha-2 code.")] = "",
    actor: Annotated[str, Query(max_length=120, description="Actor id among the candidates.")] = "",
    type: Annotated[str, Query(max_length=80, description="Incident type.")] = "",  # noqa: A002
    since: Annotated[str, Query(pattern=DATE, description="From this date (YYYY[-MM[-DD]]).")] = "",
    until: Annotated[str, Query(pattern=DATE, description="Up to this date (YYYY[-MM[-DD]]).")] = "",
    sort: Annotated[Literal[SORTS], Query()] = "date",  # type: ignore[valid-type]
    order: Annotated[Literal["asc", "desc"], Query()] = "asc",
) -> Filters:
    return Filters(q.strip(), country.strip().upper(), actor.strip(), type.strip(), since, until, sort, order)


def _fig(fig: dict | None) -> int | None:
    if not fig:
        return None
    return fig.get("max") if fig.get("max") is not None else fig.get("min")


def _matches(row: dict[str, Any], f: Filters, texts: dict[str, str]) -> bool:
    if f.country and row["country"] != f.country:
        return False
    if f.type and row["type"] != f.type:
        return False
    if f.actor and f.actor not in {c["actor"] for c in row["candidates"]}:
        return False
    day = row["date"] or ""
    if f.since and (not day or day[: len(f.since)] < f.since):
        return False
    if f.until and (not day or day[: len(f.until)] > f.until):
        return False
    if f.q:
        words = f.q.lower().split()
        hay = " ".join([row["search"], *(texts.get(d, "") for d in row["documents"])]).lower()
        return all(w in hay for w in words)
    return True


def _key(sort: str):  # noqa: ANN202 - a sort key function
    def key(row: dict[str, Any]) -> tuple:
        value = {"killed": _fig(row["killed"]), "wounded": _fig(row["wounded"])}.get(sort, row.get(sort))
        return (value is None or value == "", value if value is not None else "", row["id"])

    return key


def incidents_data(request: Request, f: Filters) -> dict[str, Any]:
    led = ledger(request)
    actors = actors_by_id(led)
    rows, facets = [], {"countries": set(), "types": set(), "actors": {}}
    for board in boards(led.incidents(), led.statements(), actors):
        inc = board.incident
        about = [e for c in board.candidates for e in (*c.claims, *c.allegations, *c.denials)]
        docs = sorted({m.document for m in inc.mentions} | {e.document for e in about})
        cands = [{"actor": c.actor, "name": c.name, "markers": c.markers} for c in board.candidates]
        place = inc.place
        search = [inc.type, *(inc.attackers + inc.targets + inc.victims + inc.weapons)]
        search += [c.name for c in board.candidates] + [e.sentence for e in about]
        search += [place.name, place.country or ""] if place else []
        rows.append({
            "id": inc.id, "date": inc.date.isoformat() if inc.date else None,
            "date_precision": inc.date_precision, "place": place.name if place else None,
            "country": (place.country or None) if place else None, "type": inc.type,
            "killed": inc.killed.to_dict() if inc.killed else None,
            "wounded": inc.wounded.to_dict() if inc.wounded else None,
            "candidates": cands, "flags": board.flags, "sources": len(docs), "statements": len(about),
            "documents": docs, "search": " ".join(search),
        })  # fmt: skip
        facets["types"].add(inc.type)
        if place and place.country:
            facets["countries"].add(place.country)
        facets["actors"].update({c["actor"]: c["name"] for c in cands})
    texts = {d.id: d.text for d in led.documents()} if f.q else {}
    shown = sorted((r for r in rows if _matches(r, f, texts)), key=_key(f.sort), reverse=f.order == "desc")
    if f.order == "desc":  # undated and unknown figures stay last either way
        shown = [r for r in shown if not _key(f.sort)(r)[0]] + [r for r in shown if _key(f.sort)(r)[0]]
    for row in rows:
        del row["search"]
    return {
        "filters": f.to_dict(),
        "count": len(shown),
        "total": len(rows),
        "incidents": shown,
        "facets": {
            "countries": sorted(facets["countries"]),
            "types": sorted(facets["types"]),
            "actors": [
                {"id": k, "name": v} for k, v in sorted(facets["actors"].items(), key=lambda kv: kv[1])
            ],
        },
    }


@router.get("/incidents.json", include_in_schema=False)
def incidents_json(request: Request, f: Annotated[Filters, Depends(filters)]) -> Response:
    return render.as_json(incidents_data(request, f))


@router.get("/api/incidents", summary="Incidents with their candidate perpetrators (filters as the page)")
def incidents_api(request: Request, f: Annotated[Filters, Depends(filters)]) -> Response:
    return render.as_json(incidents_data(request, f))


@router.get("/", include_in_schema=False)
@router.get("/incidents", include_in_schema=False)
def incidents_page(request: Request, f: Annotated[Filters, Depends(filters)]) -> Response:
    return render.html(request, "incidents.html", {"data": incidents_data(request, f), "sorts": SORTS})
