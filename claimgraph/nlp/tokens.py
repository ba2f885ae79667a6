"""Tokenizer exceptions for group acronyms.

spaCy reads a capital letter followed by a full stop as an initial ("K."), so a sentence ending in
"ISIS-K." loses both the acronym and its full stop. Each KB acronym ending in a single letter gets a
special case that splits the stop off.
"""

from spacy.attrs import ORTH
from spacy.language import Language

from claimgraph import kb


def protect_acronyms(nlp: Language) -> None:
    for abbr in kb.abbreviations():
        if len(abbr) > 2 and abbr[-2] in "-–" and abbr[-1].isalpha():
            pieces = [{ORTH: p} for p in (abbr[:-2], abbr[-2], abbr[-1], ".")]
            nlp.tokenizer.add_special_case(abbr + ".", pieces)
