"""The text the pipeline reads: the document text with its case restored, the line breaks of wrapped
copy made spaces (``layout.py``: names and clauses broken across lines read as one) and metadata
masked.

Same length as the input, character for character, so offsets found on it point into the original.
A leading ``date YYYY-MM-DD`` token is metadata, not prose: it is blanked so it is not read as an
incident date.
"""

from __future__ import annotations

import re

from claimgraph.nlp.layout import unwrap
from claimgraph.nlp.truecase import restore_case

HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)


def prepare(text: str) -> str:
    text = unwrap(restore_case(text))
    header = HEADER.match(text)
    if header:
        text = " " * header.end() + text[header.end() :]
    return text
