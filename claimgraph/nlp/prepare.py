"""The text the pipeline reads: the document text with its case restored, the line breaks of wrapped
copy made spaces (``layout.py``: names and clauses broken across lines read as one) and metadata
masked, along with the notes a transcriber writes into a sentence ("[WORD INDISTINCT]", kb
``transcript_notes.yaml``), which would cut it in two.

Same length as the input, character for character, so offsets found on it point into the original.
A leading ``date YYYY-MM-DD`` token is metadata, not prose: it is blanked so it is not read as an
incident date.
"""

from __future__ import annotations

import re

from claimgraph import kb
from claimgraph.nlp.layout import unwrap
from claimgraph.nlp.truecase import restore_case

HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)
_NOTES = kb.load("transcript_notes")
_ENDINGS = "|".join(map(re.escape, _NOTES["ending_words"]))
_WHOLE = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NOTES["whole_notes"])
TRANSCRIPT_NOTE = re.compile(rf"\[(?:[a-z\s]{{0,30}}\b(?:{_ENDINGS})|{_WHOLE})\]", re.IGNORECASE)


def prepare(text: str) -> str:
    text = unwrap(restore_case(text))
    header = HEADER.match(text)
    if header:
        text = " " * header.end() + text[header.end() :]
    return TRANSCRIPT_NOTE.sub(lambda note: " " * len(note.group()), text)
