"""Build small WARC files by hand, as a crawler writes them: one gzip member per record."""

from __future__ import annotations

import gzip
import uuid
from pathlib import Path


def record(kind: str, uri: str, block: bytes, content_type: str) -> bytes:
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + uri)}>\r\n"
        "WARC-Date: 2024-05-02T10:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def http_response(uri: str, html: str, status: str = "200 OK", mime: str = "text/html") -> bytes:
    body = html.encode("utf-8")
    block = (
        f"HTTP/1.1 {status}\r\nContent-Type: {mime}; charset=utf-8\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    return record("response", uri, block, "application/http; msgtype=response")


def page(title: str, paragraphs: list[str], published: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<html><head><title>{title}</title><meta property="article:published_time" content="{published}">'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def write_warc(path: Path, records: list[bytes]) -> Path:
    """A .warc.gz (one gzip member per record) or a plain .warc, by the name's ending."""
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(r) for r in records))
    else:
        path.write_bytes(b"".join(records))
    return path
