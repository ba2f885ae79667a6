"""The app factory: one Ledger, the views' routers, static files, the guard middleware, error pages."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from fastapi import FastAPI, HTTPException
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import Response

from claimgraph.ledger import DEFAULT_URL, Ledger, LedgerError
from claimgraph.web import render
from claimgraph.web.security import MAX_BODY, Csrf, Guard
from claimgraph.web.views import actor, add, api, document, incident, incidents

if TYPE_CHECKING:
    from claimgraph.pipeline import Analyzer


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path.endswith(".csv")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request) or request.method != "GET":
        return render.as_json({"error": message}, status)
    return render.html(request, "error.html", {"status": status, "message": message}, status)


def create_app(
    db: str = DEFAULT_URL,
    *,
    token: str | None = None,
    analyzer: Analyzer | None = None,
    secret: bytes | None = None,
    max_body: int = MAX_BODY,
) -> FastAPI:
    """The web app over the ledger at ``db``; ``token``, when set, is required of every request."""
    app = FastAPI(
        title="claimgraph",
        summary="A sourced attribution ledger for reports of political violence.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads scripts from a CDN, which the CSP forbids
        redoc_url=None,
    )
    app.state.ledger = Ledger(db)
    app.state.csrf = Csrf(secret)
    app.state.token = token
    app.state.analyzer = analyzer
    app.state.analyzer_lock = threading.Lock()  # one spaCy pipeline, one document at a time
    app.mount("/static", StaticFiles(directory=render.HERE / "static"), name="static")
    for module in (incidents, incident, document, actor, add, api):
        app.include_router(module.router)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return render.as_json({"error": "invalid request", "detail": jsonable_encoder(exc.errors())}, 422)
        return _error(request, 422, "invalid request: " + "; ".join(str(e.get("msg")) for e in exc.errors()))

    @app.exception_handler(LedgerError)
    async def ledger_error(request: Request, exc: LedgerError) -> Response:
        return _error(request, 503, f"the ledger is not available ({exc.reason})")

    app.add_middleware(Guard, token=token, max_body=max_body)
    return app
