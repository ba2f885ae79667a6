"""Quoted passages: character ranges of top-level quotations, nested quotes folded into their parent."""

from __future__ import annotations

import re

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
MARKS = re.compile('[“”«»„"\n]')  # the only characters that open, close or reset a quotation


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level quotation, marks excluded; unbalanced marks are ignored."""
    quotes: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in MARKS.finditer(text):
        i, ch = match.start(), match.group()
        if ch in OPEN_CLOSE and not (ch == "“" and stack and stack[-1][0] == "„"):
            stack.append((ch, i))
        elif stack and ch == OPEN_CLOSE.get(stack[-1][0]):
            _, start = stack.pop()
            if not stack:
                quotes.append((start + 1, i))
        elif ch == STRAIGHT:
            if stack and stack[-1][0] == STRAIGHT:
                _, start = stack.pop()
                if not stack:
                    quotes.append((start + 1, i))
            elif not stack or _opens(text, i):
                stack.append((STRAIGHT, i))
        elif ch == "\n" and text[i + 1 : i + 2] == "\n" and stack and text[i + 2 : i + 3] not in '“"':
            stack.clear()  # a quotation may run over paragraphs only when the next one reopens it
    return [(s, e) for s, e in quotes if e - s > 1]


def _opens(text: str, i: int) -> bool:
    """A straight quote inside another quotation opens a nested one only after a space or bracket."""
    return i == 0 or text[i - 1] in " \n([—–-"


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The range that holds [start, end), if any."""
    for s, e in ranges:
        if s <= start and end <= e:
            return s, e
    return None
