"""Sentence starts the parser of the small English model misses, set before it runs.

News copy is full of quotations and short sentences; the parser sometimes runs two sentences into
one, which then spreads a speaker over the wrong words. A full stop, question or exclamation mark
followed by a capitalised word (or an opening quotation mark), and a blank line, start a sentence.
The parser respects starts set before it and decides the rest.
"""

from spacy.language import Language
from spacy.tokens import Doc

ENDS = {".", "!", "?", ".”", "?”", "!”", '."'}
OPENERS = {"“", '"', "‘", "(", "["}


@Language.component("claimgraph_sentences")
def mark_sentence_starts(doc: Doc) -> Doc:
    for token in doc[1:-1]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n\n" in prev.text or "\n\n" in prev.whitespace_:
            if not token.is_space:
                token.is_sent_start = True
            continue
        if prev.text in ENDS and (token.is_title or token.text in OPENERS and doc[token.i + 1].is_title):
            token.is_sent_start = True
    return doc
