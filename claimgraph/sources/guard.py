"""Checks that refuse bad input early, with a plain reason, before any parser sees it.

Every reader goes through ``read_bytes`` then ``decode_utf8`` then ``check_text``, so a
binary, huge, undecodable, empty or non-English file gives the same message whatever its
extension.
"""

from __future__ import annotations

import os
from pathlib import Path

from claimgraph.sources.errors import InputError
from claimgraph.sources.language import looks_english

MAX_BYTES: int = 20 * 1024 * 1024
SNIFF_BYTES = 8192
UTF8_BOM = b"\xef\xbb\xbf"

# Magic numbers of files people drop into a folder of articles by mistake.
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, xlsx, epub
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # jpeg
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"7z\xbc\xaf\x27\x1c",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # old MS Office
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\xfd7zXZ\x00",
    b"SQLite format 3\x00",
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _size_reason(size: int) -> str:
    return f"file too large ({size / 1e6:.1f} MB > {MAX_BYTES // (1024 * 1024)} MB limit)"


def read_bytes(path: Path) -> bytes:
    """The raw bytes of ``path``; refuses missing, huge and binary files without reading them whole."""
    name = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as e:
        raise InputError(name, f"cannot read ({e.strerror or e})") from None
    if path.is_dir():
        raise InputError(name, "is a folder, not a file")
    if st.st_size > MAX_BYTES:
        raise InputError(name, _size_reason(st.st_size))
    try:
        with open(path, "rb") as f:
            head = f.read(SNIFF_BYTES)
            check_not_binary(head, name)
            data = head + f.read(MAX_BYTES + 1 - len(head))
    except OSError as e:
        raise InputError(name, f"cannot read ({e.strerror or e})") from None
    if len(data) > MAX_BYTES:  # grew since stat, or a special file that reports size 0
        raise InputError(name, _size_reason(len(data)))
    return data


def check_not_binary(head: bytes, name: str) -> None:
    """Refuse the first bytes of a file that is not text."""
    if head.startswith(UTF16_BOMS):
        raise InputError(name, "not valid UTF-8 (UTF-16 text; save it as UTF-8)")
    if b"\x00" in head[:SNIFF_BYTES] or head.startswith(BINARY_SIGNATURES):
        raise InputError(name, "binary file, not text")


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 (a BOM is dropped), with ``\\r\\n`` made ``\\n`` and nothing else touched."""
    skip = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        bad = e.object[e.start]
        raise InputError(name, f"not valid UTF-8 (byte 0x{bad:02x} at offset {e.start + skip})") from None
    return text.replace("\r\n", "\n")


def check_text(text: str, name: str, empty: str = "empty file") -> str:
    """Refuse empty and non-English text; returns ``text`` unchanged."""
    if not text.strip():
        raise InputError(name, empty)
    if not looks_english(text):
        raise InputError(name, "not English (looks like another language)")
    return text
