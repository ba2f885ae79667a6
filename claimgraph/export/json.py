"""JSON export: the contract of DESIGN.md, byte for byte the same from extract and export."""

from __future__ import annotations

import json
from typing import Any

from claimgraph.model import Extraction


def dumps(data: Any) -> str:
    """The house JSON style: indented, UTF-8 kept readable (Arabic, Urdu and Pashto names)."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def to_json(extraction: Extraction) -> str:
    """The whole extraction; keys in contract order (the model's ``to_dict`` fixes it)."""
    return dumps(extraction.to_dict())


def to_json_line(extraction: Extraction, record_id: str | None = None) -> str:
    """One compact line, ``{"id": <input id>, **extraction}``, for ``extract --jsonl``."""
    data = extraction.to_dict()
    if record_id is not None:
        data = {"id": record_id, **data}
    return json.dumps(data, ensure_ascii=False)
