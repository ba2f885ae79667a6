"""One article record (a JSONL line or a CSV row) to a Document, shared by both readers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from claimgraph.model import Document
from claimgraph.sources.document import document_from_text
from claimgraph.sources.errors import InputError
from claimgraph.sources.guard import check_text
from claimgraph.sources.metadata import parse_date


def _field(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def record_document(
    record: Mapping[str, Any], file: str, where: str, published: date | None = None
) -> Document | InputError:
    """A Document from a record's fields, or the InputError that says why not.

    ``where`` names the record ("line 3", "row 3"); errors carry ``file:N`` as their path.
    The caller's ``id`` is kept in ``Document.path`` as ``file#id``; Document.id stays the hash.
    """
    label = f"{file}:{where.split()[-1]}"
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(label, f"{where}: no text")
    try:
        check_text(text, label)
    except InputError as e:
        return InputError(label, f"{where}: {e.reason}")
    raw_date = _field(record, "published")
    found = parse_date(raw_date) if raw_date else None
    if raw_date and found is None and published is None:
        return InputError(label, f"{where}: cannot read published date {raw_date!r}")
    ident = _field(record, "id")
    return document_from_text(
        text.replace("\r\n", "\n"),
        path=f"{file}#{ident}" if ident else label,
        title=_field(record, "title"),
        published=published or found,
        url=_field(record, "url"),
        outlet=_field(record, "outlet"),
    )
