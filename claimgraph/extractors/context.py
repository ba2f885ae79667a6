"""What every extractor looks up about a Doc, computed once (spaCy's ``Span.sent`` and ``Doc.text``
walk the whole document on each call, which made extraction slower than parsing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from claimgraph.extractors.names import with_surnames
from claimgraph.extractors.quotes import find_quotes
from claimgraph.model import Figure
from claimgraph.nlp.figures import casualties
from claimgraph.nlp.places import unrecognised_regions, whole_place_name

ROW_CELLS = 4  # a verbless sentence of this many comma-separated cells is a table row, not a headline


@dataclass
class Context:
    doc: Doc
    text: str
    sents: list[Span]
    sent_no: list[int]  # token index -> sentence index
    actors: list[Span]
    quotes: list[tuple[int, int]]
    ents: list[Span]  # ``Doc.ents`` builds its spans anew on every access
    ents_by_sent: list[list[Span]]
    figures: dict[int, tuple[Figure | None, Figure | None]] = field(default_factory=dict)
    rows: dict[int, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> Context:
        sents = list(doc.sents)
        sent_no: list[int] = []
        for index, sent in enumerate(sents):  # sentences cover the Doc, in order
            sent_no += [index] * (sent.end - sent.start)
        text = doc.text
        ents = sorted(
            [whole_place_name(e) for e in doc.ents] + unrecognised_regions(doc), key=lambda e: e.start
        )
        ents_by_sent: list[list[Span]] = [[] for _ in sents]
        for ent in ents:
            ents_by_sent[sent_no[ent.start]].append(ent)
        actors = list(doc.spans.get("actors", []))
        return cls(doc, text, sents, sent_no, actors, find_quotes(text), ents, ents_by_sent)

    @cached_property
    def people(self) -> list[str]:
        """Every person the text names, run on through the surnames the recogniser left off: the forms a
        victim's name is completed from, the same for every incident of the document."""
        return [with_surnames(e).text for e in self.ents if e.label_ == "PERSON"]

    def ents_in(self, span: Span) -> list[Span]:
        return [e for e in self.ents_by_sent[self.index(span)] if span.start <= e.start and e.end <= span.end]

    def index(self, item: Token | Span) -> int:
        return self.sent_no[item.i if isinstance(item, Token) else item.start]

    def sent(self, item: Token | Span) -> Span:
        return self.sents[self.index(item)]

    def casualties(self, index: int) -> tuple[Figure | None, Figure | None]:
        """(killed, wounded) stated in sentence ``index`` (``figures.casualties``), read once: every
        incident that mentions the sentence, or sits next to it, asks again."""
        if index not in self.figures:
            self.figures[index] = casualties(self.sents[index])
        return self.figures[index]

    def record_row(self, item: Token | Span) -> bool:
        """Whether ``item`` sits in a row of a table or list written out as text ("*2015-12-21, Special
        Agent X, U.S. Air Force Office of Special Investigations, US Bomb"): cells between commas and no
        verb. A row's cells are a record's fields (a date, a name, a unit, a cause of death); unlike a
        headline ("Taliban attack on Kabul hotel"), it says nothing of who did what."""
        index = self.index(item)
        if index not in self.rows:
            sent = self.sents[index]
            cells = sum(t.text == "," for t in sent) + 1
            self.rows[index] = cells >= ROW_CELLS and not any(t.pos_ in {"VERB", "AUX"} for t in sent)
        return self.rows[index]

    def sent_at_char(self, char: int) -> Span | None:
        span = self.doc.char_span(char, min(char + 1, len(self.text)), alignment_mode="expand")
        return self.sent(span) if span is not None and len(span) else None
