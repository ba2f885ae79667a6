"""Which line breaks a text's writer made and which a line wrapper made.

Wire copy, e-mailed reports and plain-text bulletins wrap their lines at a fixed width (60 to 80
characters), so most of their line breaks fall inside sentences, often inside names ("Tupac Amaru /
Revolutionary Movement"). Web pages and feeds give one paragraph, or one sentence, per line. A text
is wrapped when its usual line is short and most of its line breaks come where no sentence ends; its
breaks are then soft, except after a line that stops well short of the usual width (a heading, a
signature). Elsewhere every line break is the writer's, and a short line is a heading or a caption.
"""

from __future__ import annotations

import re
from itertools import pairwise

SHORT_LINE = 0.5  # of the usual width: in 39,475 MUC-4 line breaks, 4 end a line this short mid-sentence
USUAL_WIDTH = 0.9  # the usual width is this quantile of line lengths (max for a text of under 10 lines)
WRAP_WIDTH = 100  # a wrapped text's usual line is at most this long
MID_SENTENCE = 0.5  # share of line breaks inside a sentence from which a text counts as wrapped
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def line_breaks(text: str) -> tuple[set[int], set[int]]:
    """Offsets of the single line breaks that end a short line (hard) and of those a wrapper made (soft);
    a line break next to a blank line is neither: it ends a paragraph."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 2:
        return set(), set()
    usual = lengths[-1] if len(lengths) < 10 else lengths[int(USUAL_WIDTH * (len(lengths) - 1))]
    hard: set[int] = set()
    inner: list[tuple[int, str]] = []  # (offset, line) of breaks between two lines with text
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line)
        if line.strip() and following.strip():
            if len(line.rstrip()) <= SHORT_LINE * usual:
                hard.add(offset)
            else:
                inner.append((offset, line))
        offset += 1
    mid_sentence = sum(1 for _, line in inner if not _SENTENCE_END.search(line))
    wrapped = usual <= WRAP_WIDTH and inner and mid_sentence >= MID_SENTENCE * len(inner)
    return hard, {at for at, _ in inner} if wrapped else set()


def unwrap(text: str) -> str:
    """The text with its soft line breaks as spaces: same length, so offsets still hold."""
    _, soft = line_breaks(text)
    if not soft:
        return text
    chars = list(text)
    for at in soft:
        chars[at] = " "
    return "".join(chars)
