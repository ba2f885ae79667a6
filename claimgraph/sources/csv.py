"""CSV with a header: a ``text`` column and optional ``title``, ``published``, ``url``, ``outlet``, ``id``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from claimgraph.model import Document
from claimgraph.sources.errors import InputError
from claimgraph.sources.guard import MAX_BYTES, decode_utf8, read_bytes
from claimgraph.sources.records import record_document

EXTENSIONS = frozenset({".csv"})


def iter_csv(path: Path, published: date | None = None) -> Iterator[Document | InputError]:
    """A Document per good row and an InputError per bad one; raises only for the whole file."""
    name = str(path)
    text = decode_utf8(read_bytes(path), name)
    if not text.strip():
        raise InputError(name, "empty file")
    # Article texts outgrow the csv module's 128 KB default field limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in reader.fieldnames or []]
    except csv.Error as e:
        raise InputError(name, f"not CSV ({e})") from None
    if "text" not in header:
        raise InputError(name, "no 'text' column in the CSV header")
    reader.fieldnames = header
    row = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield InputError(f"{name}:{row + 1}", f"row {row + 1}: not CSV ({e})")
            return
        row += 1
        yield record_document(record, name, f"row {row}", published)
