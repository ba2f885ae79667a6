"""claimgraph: a sourced attribution ledger for reports of political violence.

From a notebook::

    import claimgraph
    result = claimgraph.extract(text, published="2022-03-07")
    result.to_dict()   # the same JSON as `claimgraph extract`
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimgraph.model import Extraction
    from claimgraph.pipeline import Analyzer

__version__ = "0.1.0"


@cache
def analyzer() -> Analyzer:
    """The shared Analyzer (loading spaCy takes a few seconds, so it is done once)."""
    from claimgraph.pipeline import Analyzer

    return Analyzer()


def extract(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Extraction:
    """Extract incidents, attributions and statements from one text."""
    from claimgraph.sources import document_from_text

    if isinstance(published, str):
        published = date.fromisoformat(published)
    document = document_from_text(text, title=title, published=published, url=url, outlet=outlet)
    return analyzer().extract(document)
