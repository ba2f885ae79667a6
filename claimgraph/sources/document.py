"""Build a Document from text plus whatever metadata the caller or the file gives."""

from __future__ import annotations

from datetime import date

from claimgraph.model import Document
from claimgraph.sources.metadata import find_published, find_title


def document_from_text(
    text: str,
    *,
    path: str | None = None,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Document:
    """A Document over ``text`` exactly as given (offsets point into it), with metadata filled in.

    Values passed win; otherwise the date and title the text itself states are used.
    """
    return Document(
        text=text,
        title=title or find_title(text),
        published=published or find_published(text),
        url=url or None,
        outlet=outlet or None,
        path=path,
    )
