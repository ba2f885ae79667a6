"""JSON Lines: one article per line, ``{"id", "text", "published", "title", "url", "outlet"}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from claimgraph.model import Document
from claimgraph.sources.errors import InputError
from claimgraph.sources.guard import decode_utf8, read_bytes
from claimgraph.sources.records import record_document

EXTENSIONS = frozenset({".jsonl", ".ndjson"})


def iter_jsonl(path: Path, published: date | None = None) -> Iterator[Document | InputError]:
    """A Document per good line and an InputError per bad one; raises only for the whole file."""
    name = str(path)
    text = decode_utf8(read_bytes(path), name)
    if not text.strip():
        raise InputError(name, "empty file")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        label = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(label, f"not JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(label, "not a JSON object")
            continue
        yield record_document(record, name, f"line {number}", published)
