"""What every extractor looks up about a Doc, computed once (spaCy's ``Span.sent`` and ``Doc.text``
walk the whole document on each call, which made extraction slower than parsing)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimgraph.extractors.quotes import find_quotes


@dataclass
class Context:
    doc: Doc
    text: str
    sents: list[Span]
    sent_no: list[int]  # token index -> sentence index
    actors: list[Span]
    quotes: list[tuple[int, int]]

    @classmethod
    def of(cls, doc: Doc) -> Context:
        sents = list(doc.sents)
        sent_no = [0] * len(doc)
        for index, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                sent_no[i] = index
        text = doc.text
        return cls(doc, text, sents, sent_no, list(doc.spans.get("actors", [])), find_quotes(text))

    def index(self, item: Token | Span) -> int:
        return self.sent_no[item.i if isinstance(item, Token) else item.start]

    def sent(self, item: Token | Span) -> Span:
        return self.sents[self.index(item)]

    def sent_at_char(self, char: int) -> Span | None:
        span = self.doc.char_span(char, min(char + 1, len(self.text)), alignment_mode="expand")
        return self.sent(span) if span is not None and len(span) else None
