"""Add an article: paste text or upload a file, give its publication date; analysed on submit and stored."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from claimgraph.model import Document
from claimgraph.sources import InputError, document_from_text
from claimgraph.sources.guard import check_not_binary, check_text, decode_utf8
from claimgraph.sources.html import decode_html, extract_page
from claimgraph.web import render
from claimgraph.web.views.common import ledger

router = APIRouter()
MAX_UPLOAD = 2 * 1024 * 1024
TEXT_TYPES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html"}
MEDIA_TYPES = {
    "text/plain",
    "text/markdown",
    "text/html",
    "application/xhtml+xml",
    "application/octet-stream",
    "",
}


class Article(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_UPLOAD)
    published: date | None = None
    title: str | None = Field(None, max_length=300)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)


def document_of(raw: bytes | str, kind: str, name: str, meta: dict[str, Any]) -> Document:
    """The Document a paste or an upload gives, refused with a one-line reason like the CLI's readers."""
    if isinstance(raw, bytes):
        check_not_binary(raw[:8192], name)
        text = decode_html(raw, name) if kind == "html" else decode_utf8(raw, name)
    else:
        text = raw.replace("\r\n", "\n")
    page = extract_page(text) if kind == "html" else None
    body = check_text(page.text if page else text, name, empty="no article text")
    found = page.__dict__ if page else {}
    return document_from_text(
        body,
        path=name,
        title=meta.get("title") or found.get("title"),
        published=meta.get("published") or found.get("published"),
        url=meta.get("url") or found.get("url"),
        outlet=meta.get("outlet") or found.get("outlet"),
    )


def analyse_and_store(request: Request, doc: Document) -> tuple[str, bool]:
    """Analysed with the app's one pipeline (loaded on first use), stored, incidents re-resolved."""
    state = request.app.state
    with state.analyzer_lock:
        if state.analyzer is None:
            from claimgraph.pipeline import Analyzer

            state.analyzer = Analyzer()
        extraction = state.analyzer.extract(doc)
    led = ledger(request)
    new = led.store(extraction)
    if new:
        led.resolve()
    return doc.id, new


def _date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError("published", f"not a date (YYYY-MM-DD): {value[:20]!r}") from None


async def _from_form(request: Request) -> Document:
    form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_UPLOAD)
    if not request.app.state.csrf.verify(str(form.get("csrf", "")), request.state.csrf_nonce):
        raise HTTPException(403, "the form has expired or did not come from this site: reload the page")
    meta = {k: str(form.get(k) or "").strip()[:300] or None for k in ("title", "url", "outlet")}
    meta["published"] = _date(str(form.get("published") or ""))
    upload, pasted = form.get("file"), str(form.get("text") or "")
    if isinstance(upload, UploadFile) and upload.filename:
        suffix = "." + upload.filename.rsplit(".", 1)[-1].lower() if "." in upload.filename else ".txt"
        if suffix not in TEXT_TYPES or (upload.content_type or "").split(";")[0] not in MEDIA_TYPES:
            raise HTTPException(
                415, f"{upload.filename}: only text, Markdown and HTML files (.txt .md .html)"
            )
        raw = await upload.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            raise HTTPException(
                413, f"{upload.filename}: file too large (limit {MAX_UPLOAD // 1024 // 1024} MB)"
            )
        return document_of(raw, TEXT_TYPES[suffix], upload.filename[:200], meta)
    if not pasted.strip():
        raise InputError("text", "paste an article or choose a file")
    return document_of(pasted, "text", "pasted text", meta)


@router.get("/add", include_in_schema=False)
def add_page(request: Request) -> Response:
    return render.html(request, "add.html", {"error": None, "form": {}})


@router.post("/add", include_in_schema=False)
async def add_form(request: Request) -> Response:
    try:
        doc = await _from_form(request)
    except InputError as exc:
        return render.html(request, "add.html", {"error": str(exc), "form": {}}, status=400)
    doc_id, _ = await run_in_threadpool(analyse_and_store, request, doc)
    return RedirectResponse(f"/document/{doc_id}", status_code=303)


@router.post("/api/documents", status_code=201, summary="Analyse an article and store it in the ledger")
def add_api(request: Request, article: Article) -> Response:
    meta = article.model_dump(exclude={"text"})
    try:
        doc = document_of(article.text, "text", "posted text", meta)
    except InputError as exc:
        raise HTTPException(400, str(exc)) from None
    doc_id, new = analyse_and_store(request, doc)
    return render.as_json(
        {"document": doc_id, "new": new, "href": f"/document/{doc_id}"}, 201 if new else 200
    )
