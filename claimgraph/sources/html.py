"""Web pages (.html, .htm): main text and metadata, boilerplate left out.

trafilatura does the work. When it cannot be imported (trafilatura 2 pulls in jusText,
which needs ``lxml_html_clean`` with lxml >= 5.2), a small standard-library extractor
reads the page instead: <article>/<main> paragraphs and the usual meta tags. It is cruder,
but a batch of pages still goes through.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

from claimgraph.model import Document
from claimgraph.sources.document import document_from_text
from claimgraph.sources.errors import InputError
from claimgraph.sources.guard import check_text, decode_utf8, read_bytes
from claimgraph.sources.metadata import parse_date

EXTENSIONS = frozenset({".html", ".htm"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass
class Page:
    """What one page yields: main text and the metadata a Document wants."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None


@functools.cache
def _trafilatura() -> ModuleType | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura


def decode_html(data: bytes, name: str) -> str:
    """UTF-8, or the charset the page declares in a <meta> tag."""
    try:
        return decode_utf8(data, name)
    except InputError:
        m = _CHARSET.search(data[:4096])
        if not m:
            raise
        try:
            codec = codecs.lookup(m[1].decode("ascii")).name
        except LookupError:
            raise InputError(name, f"unknown charset {m[1].decode('ascii', 'replace')!r}") from None
        if codec == "utf-8":
            raise
        try:
            return data.decode(codec).replace("\r\n", "\n")
        except UnicodeDecodeError as e:
            bad = e.object[e.start]
            raise InputError(name, f"not valid {codec} (byte 0x{bad:02x} at offset {e.start})") from None


def extract_page(html: str) -> Page:
    """Main text and metadata of one page, with trafilatura when it is importable."""
    traf = _trafilatura()
    if traf is None:
        return extract_page_stdlib(html)
    doc = traf.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if doc is None:
        return Page(text="")
    return Page(
        text=doc.text or "",
        title=doc.title or None,
        published=parse_date(doc.date) if doc.date else None,
        url=doc.url or None,
        outlet=doc.sitename or None,
    )


def read_html(path: Path, published: date | None = None) -> list[Document]:
    """One Document whose text is the page's extracted main text."""
    name = str(path)
    page = extract_page(decode_html(read_bytes(path), name))
    text = check_text(page.text, name, empty="no article text found in the page")
    return [
        document_from_text(
            text,
            path=name,
            title=page.title,
            published=published or page.published,
            url=page.url,
            outlet=page.outlet,
        )
    ]


# --- standard-library fallback -------------------------------------------------------------


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


_SKIP = _words(
    "script style noscript nav header footer aside form template svg iframe button select figcaption"
)
_BLOCK = _words("p h1 h2 h3 h4 h5 h6 li blockquote pre td th dd dt div section article main br")
_VOID = _words("br hr img meta link input area base col embed source track wbr")
_DATE_META = _words(
    "article:published_time og:article:published_time datepublished date pubdate publishdate "
    "publish-date dc.date dc.date.issued dcterms.created sailthru.date parsely-pub-date"
)


class _PageParser(HTMLParser):
    """Collects text blocks (and whether they sit in <article>/<main>) and meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.blocks: list[tuple[str, bool, bool]] = []
        self.titles: dict[str, str] = {}
        self._buf: list[str] = []
        self._skip = 0
        self._article = 0
        self._main = 0
        self._capture: str | None = None  # "title" or "h1" while inside one

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append((text, self._article > 0, self._main > 0))
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content") and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.meta.setdefault("canonical", a["href"].strip())
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag in _VOID:
            if tag == "br":
                self._buf.append(" ")
            return
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self._flush()
        self._article += tag == "article"
        self._main += tag == "main"
        if tag in ("title", "h1") and tag not in self.titles:
            self._capture, self.titles[tag] = tag, ""

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag == self._capture:
            self._capture = None
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self._flush()
        if tag == "article":
            self._article = max(0, self._article - 1)
        elif tag == "main":
            self._main = max(0, self._main - 1)

    def handle_data(self, data: str) -> None:
        if self._capture:
            self.titles[self._capture] += data
        if not self._skip and self._capture != "title":
            self._buf.append(data)


def extract_page_stdlib(html: str) -> Page:
    """Paragraphs of <article> (else <main>, else the body) and the page's meta tags."""
    p = _PageParser()
    p.feed(html)
    p.close()
    p._flush()
    blocks = (
        [b for b, art, _ in p.blocks if art]
        or [b for b, _, main in p.blocks if main]
        or [b for b, _, _ in p.blocks]
    )
    title = p.meta.get("og:title") or " ".join(p.titles.get("h1", "").split()) or None
    title = title or " ".join(p.titles.get("title", "").split()) or None
    raw_date = next((v for k, v in p.meta.items() if k in _DATE_META), None) or p.meta.get("time")
    return Page(
        text="\n".join(blocks),
        title=title,
        published=parse_date(raw_date) if raw_date else None,
        url=p.meta.get("canonical") or p.meta.get("og:url") or None,
        outlet=p.meta.get("og:site_name") or p.meta.get("application-name") or None,
    )
