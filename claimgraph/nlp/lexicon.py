"""A spaCy component that marks the words of one KB lexicon as labelled spans.

Cues, hedges, incident triggers and relation triggers are all "find these words, label them"; one
configurable component does it for each, the way spaCy's SpanRuler does for patterns in a config.
The lexicon's YAML file is turned into Matcher patterns by a small adapter per file.
"""

from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph import kb

Pattern = list[dict]


def _words(phrase: str, attr: str) -> Pattern:
    return [{} if w == "*" else {attr: w} for w in phrase.lower().split()]


def _cue_patterns() -> Iterator[tuple[str, Pattern]]:
    data = kb.load("cues")
    for label, lemmas in data["verbs"].items():
        yield label, [{"LEMMA": {"IN": lemmas}, "POS": {"IN": ["VERB", "AUX"]}}]
    for verb, particles in data["particles"].items():
        label = "accuse" if verb == "hold" else "speech"
        yield label, [{"LEMMA": verb}, {"LOWER": {"IN": particles}}]
    for phrase in data["phrases"]:
        yield "speech", _words(phrase, "LOWER")
    for phrase in data["imputed"]:
        yield "imputed", _words(phrase, "LOWER")


def _hedge_patterns() -> Iterator[tuple[str, Pattern]]:
    for band, phrases in kb.load("hedges").items():
        for phrase in phrases:
            yield band, _words(phrase, "LOWER")


def _incident_patterns() -> Iterator[tuple[str, Pattern]]:
    for entry in kb.load("incident_types")["types"]:
        if entry.get("lemmas"):
            yield entry["type"], [{"LEMMA": {"IN": entry["lemmas"]}}]
            yield entry["type"], [{"LOWER": {"IN": entry["lemmas"]}}]
        for phrase in entry.get("phrases") or []:
            yield entry["type"], _words(phrase, "LOWER")


def _relation_patterns() -> Iterator[tuple[str, Pattern]]:
    for relation, entry in kb.load("relations").items():
        if not isinstance(entry, dict):
            continue
        for phrase in entry["patterns"]:
            yield relation, _words(phrase, "LEMMA")
            yield relation, _words(phrase, "LOWER")


ADAPTERS: dict[str, Callable[[], Iterator[tuple[str, Pattern]]]] = {
    "cues": _cue_patterns,
    "hedges": _hedge_patterns,
    "incident_types": _incident_patterns,
    "relations": _relation_patterns,
}


class LexiconTagger:
    """Adds ``doc.spans[spans_key]``: every match of the lexicon, labelled (longest match per label)."""

    def __init__(self, nlp: Language, name: str, lexicon: str, spans_key: str, overlap: bool) -> None:
        self.name = name
        self.spans_key = spans_key
        self.overlap = overlap
        self.matcher = Matcher(nlp.vocab)
        grouped: dict[str, list[Pattern]] = {}
        for label, pattern in ADAPTERS[lexicon]():
            grouped.setdefault(label, []).append(pattern)
        for label, patterns in grouped.items():
            self.matcher.add(label, patterns, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        if not self.overlap:
            spans = filter_spans(spans)
        doc.spans[self.spans_key] = sorted(set(spans), key=lambda s: (s.start, -s.end))
        return doc


@Language.factory(
    "claimgraph_lexicon",
    default_config={"lexicon": "hedges", "spans_key": "hedges", "overlap": False},
)
def make_lexicon_tagger(
    nlp: Language, name: str, lexicon: str, spans_key: str, overlap: bool
) -> LexiconTagger:
    return LexiconTagger(nlp, name, lexicon, spans_key, overlap)
