"""Where a reported figure was written: the sentence of a document that states it.

The ledger keeps which documents gave each casualty figure but not the figure's own span, so the sentence
is found again: the sentence that writes the number (or its qualifier, "dozens") and a casualty word,
nearest to a mention of the incident. Pure: text in, offsets out.
"""

from __future__ import annotations

import re

from claimgraph.model import Figure, Span

SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")
WORDS = {"killed": ("kill", "dead", "death", "die", "toll", "lives", "bodies"),
         "wounded": ("wound", "injur", "hurt", "hospital")}  # fmt: skip
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 20: "twenty"}  # fmt: skip


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without surrounding white space."""
    out = []
    for m in SENTENCE.finditer(text):
        chunk = m.group()
        if chunk.strip():
            start = m.start() + len(chunk) - len(chunk.lstrip())
            out.append((start, m.start() + len(chunk.rstrip())))
    return out


def _writes(sentence: str, figure: Figure, field: str) -> bool:
    low = sentence.lower()
    if not any(w in low for w in WORDS.get(field, ())):
        return False
    for n in (figure.min, figure.max):
        if n is None:
            continue
        if re.search(rf"(?<![\d.,]){n}(?![\d])", sentence) or re.search(
            rf"\b{NUMBER_WORDS.get(n, '@')}\b", low
        ):
            return True
    return bool(figure.qualifier and figure.min is None and figure.qualifier.lower() in low) or bool(
        figure.qualifier
        and figure.qualifier.lower() in ("dozens", "scores", "hundreds")
        and figure.qualifier in low
    )


def figure_sentence(text: str, figure: Figure, field: str, mentions: list[Span]) -> tuple[int, int] | None:
    """The sentence of ``text`` that writes ``figure`` for ``field`` (killed/wounded), nearest a mention."""
    found = [(s, e) for s, e in sentences(text) if _writes(text[s:e], figure, field)]
    if not found:
        return None
    anchors = [m.start for m in mentions] or [0]
    return min(found, key=lambda se: (min(abs(se[0] - a) for a in anchors), se[0]))
