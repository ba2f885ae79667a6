"""Sentence starts the parser of the small English model misses, set before it runs.

News copy is full of quotations and short sentences; the parser sometimes runs two sentences into
one, which then spreads a speaker over the wrong words. A full stop, question or exclamation mark
followed by a capitalised word (or an opening quotation mark), and a blank line, start a sentence.
So does a line break after a line that stops well short of the document's usual line width, when
the next line does not begin in lower case: a headline, a caption or a "Read more" link
(``layout.py``; the soft line breaks of wrapped copy are spaces by now, see ``prepare.py``). The parser
respects starts set before it and decides the rest.
"""

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
    hard, _ = line_breaks(doc.text)
    for token in doc[1:-1]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n\n" in prev.text or "\n\n" in prev.whitespace_:
            if not token.is_space:
                token.is_sent_start = True
            continue
        if _after_hard_break(prev, hard) and not token.is_space and not token.text[0].islower():
            token.is_sent_start = True
            continue
        after_stop = prev.lower_ in ENDS and (
            token.is_title or token.text in OPENERS and doc[token.i + 1].is_title
        )
        if after_stop or _is_dash(prev) and _is_dateline(doc, prev.i):
            token.is_sent_start = True
        elif _runs_on(prev, token):
            token.is_sent_start = False
    return doc


def _runs_on(prev: Token, token: Token) -> bool:
    """A word after a word and one space goes on the sentence ("Kata'ib | Hezbollah denied" was split)."""
    return prev.whitespace_ == " " and prev.text[-1].isalnum() and token.text[0].isalnum()


def _after_hard_break(prev: Token, hard: set[int]) -> bool:
    """Whether the space token ``prev`` holds a line break that ends a short line (``layout.line_breaks``)."""
    at = prev.text.find("\n") if prev.is_space else -1
    return at >= 0 and prev.idx + at in hard


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
