"""Readers: files and folders to ``claimgraph.model.Document``.

One module per format (text, html, jsonl, csv, warc); ``guard`` refuses bad input with a
one-line reason, ``metadata`` finds dates and titles written in the text itself. Nothing
here prints: a bad file becomes an ``InputError`` whose ``str`` is ``"<path>: <reason>"``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from claimgraph.model import Document
from claimgraph.sources import csv as csv_reader
from claimgraph.sources import html, jsonl, text, warc
from claimgraph.sources.document import document_from_text
from claimgraph.sources.errors import InputError
from claimgraph.sources.guard import MAX_BYTES

__all__ = ["EXTENSIONS", "MAX_BYTES", "InputError", "document_from_text", "read_file", "read_paths"]

Records = Iterator[Document | InputError]
_BATCH: dict[str, Callable[[Path, date | None], Records]] = {
    **dict.fromkeys(jsonl.EXTENSIONS, jsonl.iter_jsonl),
    **dict.fromkeys(csv_reader.EXTENSIONS, csv_reader.iter_csv),
    **dict.fromkeys(warc.EXTENSIONS, warc.iter_warc),
}
_SINGLE: dict[str, Callable[[Path, date | None], list[Document]]] = {
    **dict.fromkeys(html.EXTENSIONS, html.read_html),
    **dict.fromkeys(text.EXTENSIONS, text.read_text),
}
EXTENSIONS = frozenset(_BATCH) | frozenset(_SINGLE)  # what a folder walk picks up ("" = no extension)


def _suffix(path: Path) -> str:
    """The extension that picks the reader: the last one, or two for ``.warc.gz``."""
    double = "".join(path.suffixes[-2:]).lower()
    return double if double in EXTENSIONS else path.suffix.lower()


def _records(path: Path, published: date | None) -> Records:
    """Documents and per-record errors of one file; raises InputError for the file as a whole.

    A file with an extension we do not know, named explicitly, is read as plain text: the
    guards still refuse it if it is binary.
    """
    suffix = _suffix(path)
    if suffix in _BATCH:
        return _BATCH[suffix](path, published)
    return iter(_SINGLE.get(suffix, text.read_text)(path, published))


def read_file(path: str | Path, published: date | None = None) -> list[Document]:
    """Every Document in one file. Strict: the first bad file or record raises InputError.

    ``published`` overrides any date found in the file.
    """
    docs = []
    for item in _records(Path(path), published):
        if isinstance(item, InputError):
            raise item
        docs.append(item)
    return docs


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> list[Path]:
    """Readable files under ``folder``, sorted, hidden files and folders and unknown types left out."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _is_hidden(d)]
        found += [Path(root, f) for f in files if not _is_hidden(f) and _suffix(Path(f)) in EXTENSIONS]
    return sorted(found)


def read_paths(paths: Iterable[str | Path], published: date | None = None) -> Iterator[Document | InputError]:
    """Documents from files and folders (recursively); never raises for bad input.

    A bad file or record is yielded as an InputError and the batch goes on.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _walk(path)
            if not files:
                yield InputError(str(path), "no text files found")
        else:
            files = [path]
        for file in files:
            try:
                yield from _records(file, published)
            except InputError as e:
                yield e
