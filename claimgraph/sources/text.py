"""Plain UTF-8 text files (.txt, .text, .md, no extension)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimgraph.model import Document
from claimgraph.sources.document import document_from_text
from claimgraph.sources.guard import check_text, decode_utf8, read_bytes

EXTENSIONS = frozenset({".txt", ".text", ".md", ""})


def read_text(path: Path, published: date | None = None) -> list[Document]:
    """One Document whose text is the file as read (only ``\\r\\n`` becomes ``\\n``)."""
    name = str(path)
    text = check_text(decode_utf8(read_bytes(path), name), name)
    return [document_from_text(text, path=name, published=published)]
