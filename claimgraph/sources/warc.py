"""Web archives (.warc, .warc.gz) read with fastwarc: one Document per archived article.

Common Crawl and newsroom archives hold HTTP responses. Each successful HTML response goes through
the same page extractor as a ``.html`` file (trafilatura); ``resource`` records of plain text are
taken as they are. Requests, metadata, redirects and non-text payloads are skipped without a word:
they are not articles. A record that is an article but cannot be read (bad charset, no text, not
English, too large) becomes an InputError naming ``file#record-id`` and the archive goes on.
The archive is streamed, never read whole, so the 20 MB limit applies per record, not per file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from claimgraph.model import Document
from claimgraph.sources.document import document_from_text
from claimgraph.sources.errors import InputError
from claimgraph.sources.guard import MAX_BYTES, check_text, decode_utf8
from claimgraph.sources.html import decode_html, extract_page

EXTENSIONS = frozenset({".warc", ".warc.gz"})
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _record_id(record: object, number: int) -> str:
    raw = record.record_id or ""  # type: ignore[attr-defined]
    raw = raw.strip("<>")
    return raw.removeprefix("urn:uuid:") or f"record-{number}"


def _mime(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def iter_warc(path: Path, published: date | None = None) -> Iterator[Document | InputError]:
    """A Document per article record and an InputError per unreadable one."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a folder, not a file")
    wanted = WarcRecordType.response | WarcRecordType.resource
    found_any = False
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        raise InputError(name, f"cannot read ({exc.strerror or exc})") from None
    with stream:
        records = ArchiveIterator(stream, record_types=wanted, parse_http=True, fsspec_args=False)
        number = 0
        while True:
            try:  # fastwarc reports a corrupt archive with exceptions of its own (OSError, ValueError)
                record = next(records, None)
            except Exception as exc:
                raise InputError(name, f"not a readable WARC file ({exc})") from None
            if record is None:
                break
            number += 1
            found_any = True
            item = _document(record, f"{name}#{_record_id(record, number)}", published)
            if item is not None:
                yield item
    if not found_any:
        raise InputError(name, "no response or resource records (not a WARC file, or an empty one)")


def _document(record: object, label: str, published: date | None) -> Document | InputError | None:
    """The article in one record; None when the record is not an article at all."""
    r = record  # fastwarc.warc.WarcRecord
    url = r.headers.get("WARC-Target-URI") or None  # type: ignore[attr-defined]
    if r.is_http:  # type: ignore[attr-defined]
        status = r.http_headers.status_code if r.http_headers is not None else None  # type: ignore[attr-defined]
        kind = _mime(r.http_content_type)  # type: ignore[attr-defined]
        if status != 200 or kind not in (*HTML_TYPES, "text/plain"):
            return None
    else:
        kind = _mime(r.headers.get("Content-Type"))  # type: ignore[attr-defined]
        if kind not in (*HTML_TYPES, "text/plain"):
            return None
    if r.content_length > MAX_BYTES:  # type: ignore[attr-defined]
        return InputError(label, f"record too large ({r.content_length / 1e6:.1f} MB)")  # type: ignore[attr-defined]
    data = r.reader.read()  # type: ignore[attr-defined]
    try:
        if kind == "text/plain":
            text = check_text(decode_utf8(data, label), label)
            return document_from_text(text, path=label, published=published, url=url)
        page = extract_page(decode_html(data, label))
        text = check_text(page.text, label, empty="no article text found in the page")
    except InputError as exc:
        return exc
    return document_from_text(
        text,
        path=label,
        title=page.title,
        published=published or page.published,
        url=page.url or url,
        outlet=page.outlet,
    )
