"""Templates and the datasette habit: one view function, rendered as HTML or returned as its JSON twin.

Jinja2 autoescaping is on for every template, so article text and every field read from a document
render as text; nothing is marked safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates

from claimgraph.model import Figure

HERE = Path(__file__).resolve().parent
SOURCE_KIND_LABELS = {
    "author": "the author", "person": "named person", "organization": "organisation",
    "report": "report", "anonymous": "anonymous", "claimant": "claimant",
}  # fmt: skip


def figure(fig: Figure | dict | None) -> str:
    """'at least 62', '3–5', '' (the CLI's way of writing a reported count)."""
    if fig is None:
        return ""
    if isinstance(fig, dict):
        fig = Figure(fig.get("min"), fig.get("max"), fig.get("qualifier"))
    numbers = [n for n in dict.fromkeys((fig.min, fig.max)) if n is not None]
    text = "–".join(str(n) for n in numbers)
    return " ".join(p for p in (fig.qualifier, text) if p) or "?"


def when(value: str | None, precision: str | None = None) -> str:
    """An ISO date only as precise as the text: a month is 2021-08."""
    if not value:
        return ""
    return value[: {"year": 4, "month": 7}.get(precision or "day", 10)]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html", "svg", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(figure=figure, when=when, short=lambda s, n=8: (s or "")[:n])
    env.globals.update(kind_labels=SOURCE_KIND_LABELS)
    return env


templates = Jinja2Templates(env=_environment())


def csrf_token(request: Request) -> str:
    return request.app.state.csrf.token(request.state.csrf_nonce)


def html(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    context = {"csrf": csrf_token(request), "token_required": bool(request.app.state.token), **context}
    return templates.TemplateResponse(request, template, context, status_code=status)


def as_json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)
