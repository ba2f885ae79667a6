"""Sentence starts the parser of the small English model misses, set before it runs.

News copy is full of quotations and short sentences; the parser sometimes runs two sentences into
one, which then spreads a speaker over the wrong words. A full stop, question or exclamation mark
followed by a capitalised word (or an opening quotation mark), and a blank line, start a sentence.
So does a line break after a line that stops well short of the document's usual line width, when
the next line does not begin in lower case: a headline, a caption or a "Read more" link
(``layout.py``; the soft line breaks of wrapped copy are spaces by now, see ``prepare.py``). The parser
respects starts set before it and decides the rest.
"""

import numpy as np
from spacy.attrs import IDX, IS_SPACE, IS_TITLE, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.nlp.layout import line_breaks

ENDS = {".", "!", "?", ".”", "?”", "!”", '."', "a.m.", "p.m.", "etc."}  # times end sentences, titles don't
OPENERS = {"“", '"', "‘", "(", "["}
DASHES = {"—", "--", "–", "-"}  # a hyphen only with spaces ("MOCIMBOA DA PRAIA, Mozambique - Between")
# Small words inside a place name ("Democratic Republic of Congo", "Bosnia and Herzegovina").
PLACE_JOINERS = {"of", "and", "de", "da", "do", "del", "la", "el", "al", "the"}
DATELINE_MAX = 14  # tokens before the dash in "PESHAWAR, Pakistan —" or "LIMA, 3 MAY 90 (EFE) --"


@Language.component("claimgraph_sentences")
def mark_sentence_starts(doc: Doc) -> Doc:
    """Reads each word's text and flags from the Doc's arrays and writes the starts back in one go:
    the rules look at every word of every document, and a ``Token`` object per look costs more than the
    rules themselves."""
    if len(doc) < 3:
        return doc
    hard, _ = line_breaks(doc.text)
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, IS_TITLE, IS_SPACE, SPACY, IDX]).tolist()
    texts = [strings[row[0]] for row in rows]
    starts = doc.to_array([SENT_START]).astype(np.int64).ravel().tolist()  # -1 is stored as 2**64 - 1
    for i in range(1, len(rows) - 1):
        prev, row, text, prev_text = rows[i - 1], rows[i], texts[i], texts[i - 1]
        if prev[3] and "\n\n" in prev_text:
            if not row[3]:
                starts[i] = 1
            continue
        if prev[3] and _ends_short_line(prev_text, prev[5], hard) and not row[3] and not text[0].islower():
            starts[i] = 1
            continue
        after_stop = strings[prev[1]] in ENDS and (row[2] or text in OPENERS and rows[i + 1][2])
        if after_stop or prev_text in DASHES and _is_dash(doc[i - 1]) and _is_dateline(doc, i - 1):
            starts[i] = 1
        elif prev[4] and prev_text[-1].isalnum() and text[0].isalnum():
            starts[i] = -1  # a word after a word and one space goes on ("Kata'ib | Hezbollah denied")
    doc.from_array([SENT_START], np.array(starts, dtype=np.int64).astype(np.uint64).reshape(-1, 1))
    return doc


def _ends_short_line(space: str, idx: int, hard: set[int]) -> bool:
    """Whether a space token (its text and offset) holds a line break that ends a short line
    (``layout.line_breaks``)."""
    at = space.find("\n")
    return at >= 0 and idx + at in hard


def _is_dash(token: Token) -> bool:
    """A dash, or a hyphen standing between spaces (not the one inside "Al-Shabaab")."""
    if token.text != "-":
        return token.text in DASHES
    return bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _is_dateline(doc: Doc, dash: int) -> bool:
    """A wire dateline: a short run of names, numbers and brackets opening a paragraph, then a dash."""
    start = dash
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
        if dash - start > DATELINE_MAX:
            return False
    words = [t for t in doc[start:dash] if not t.is_space]
    return bool(words) and all(
        t.is_punct
        or t.like_num
        or t.is_title
        or t.is_upper
        or t.text in {"(", ")"}
        or (t.lower_ in PLACE_JOINERS and 0 < i < len(words) - 1)
        for i, t in enumerate(words)
    )
