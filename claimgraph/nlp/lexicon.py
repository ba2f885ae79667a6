"""A spaCy component that marks the words of one KB lexicon as labelled spans.

Cues, hedges, incident triggers and relation triggers are all "find these words, label them"; one
configurable component does it for each, the way spaCy's SpanRuler does for patterns in a config.
The lexicon's YAML file is turned into phrases by a small adapter per file. Plain phrases go to
PhraseMatchers (one per attribute: lower-case form or lemma), which are hash lookups; the few phrases
with a wildcard ("claim * attack") go to a Matcher, which is run only on the few words after a
phrase's first word: over a whole document it costs more than all the PhraseMatchers together.
"""

from collections.abc import Callable, Iterator
from typing import NamedTuple

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph import kb

VERB_POS = frozenset({"VERB", "AUX"})
# What a "*" in a phrase stands for: any one word, not a comma or a word that opens a clause ("claimed
# that the attack ...", "launched it" are not "claim * * attack", "launch * drone").
ANY_WORD = {
    "IS_PUNCT": False,
    "LOWER": {"NOT_IN": ["that", "which", "who", "whether", "it", "they", "he", "she"]},
}


class Entry(NamedTuple):
    label: str
    attr: str  # "LOWER" or "LEMMA"
    phrase: str
    pos: frozenset[str] | None = None  # allowed parts of speech of a one-word phrase


def _cue_entries() -> Iterator[Entry]:
    data = kb.load("cues")
    for label, lemmas in data["verbs"].items():
        for lemma in lemmas:
            yield Entry(label, "LEMMA", lemma, VERB_POS)
    for verb, particles in data["particles"].items():
        label = "accuse" if verb == "hold" else "speech"
        for particle in particles:
            yield Entry(label, "LEMMA", f"{verb} {particle}")
    for phrase in data["accusing_phrases"]:
        yield Entry("accuse", "LEMMA", phrase)
    for phrase in data["phrases"]:
        yield Entry("speech", "LOWER", phrase)
    for phrase in data["imputed"]:
        yield Entry("imputed", "LOWER", phrase)
    if (kb.KB_DIR / "cues_learned.yaml").exists():  # verbs learned from PolNeAR by scripts/learn_cues.py
        for lemma in kb.load("cues_learned")["speech"]:
            yield Entry("speech", "LEMMA", lemma, VERB_POS)


MODALS = frozenset({"may", "might", "could"})  # hedges only as auxiliaries: not "released in May"


def _hedge_entries() -> Iterator[Entry]:
    for band, phrases in kb.load("hedges").items():
        for phrase in phrases:
            yield Entry(band, "LOWER", phrase, VERB_POS if phrase in MODALS else None)


def _incident_entries() -> Iterator[Entry]:
    for entry in kb.load("incident_types")["types"]:
        for lemma in entry.get("lemmas") or []:
            yield Entry(entry["type"], "LEMMA", lemma)
            yield Entry(entry["type"], "LOWER", lemma)
        for phrase in entry.get("phrases") or []:
            yield Entry(entry["type"], "LOWER", phrase)


def _relation_entries() -> Iterator[Entry]:
    for relation, entry in kb.load("relations").items():
        if isinstance(entry, dict):
            for phrase in entry["patterns"]:
                yield Entry(relation, "LEMMA", phrase)
                yield Entry(relation, "LOWER", phrase)
            for lemma in entry.get("verb_patterns") or []:
                yield Entry(relation, "LEMMA", lemma, VERB_POS)
            for doer in entry.get("deed_doers") or []:  # "the kidnappers were bandits"
                yield Entry(relation, "LEMMA", f"{doer} be")


ADAPTERS: dict[str, Callable[[], Iterator[Entry]]] = {
    "cues": _cue_entries,
    "hedges": _hedge_entries,
    "incident_types": _incident_entries,
    "relations": _relation_entries,
}


class LexiconTagger:
    """Adds ``doc.spans[spans_key]``: every match of the lexicon, labelled."""

    def __init__(self, nlp: Language, name: str, lexicon: str, spans_key: str, overlap: bool) -> None:
        self.name = name
        self.spans_key = spans_key
        self.overlap = overlap
        self.phrases = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in ("LOWER", "LEMMA")}
        self.wildcards = Matcher(nlp.vocab)
        self.wildcard_firsts: dict[str, set[int]] = {"LOWER": set(), "LEMMA": set()}
        self.wildcard_width = 0
        self.pos: dict[str, frozenset[str]] = {}
        grouped: dict[tuple[str, str], list[Doc]] = {}
        for entry in ADAPTERS[lexicon]():
            words = entry.phrase.lower().split()
            if "*" in words:
                pattern = [ANY_WORD if w == "*" else {entry.attr: w} for w in words]
                self.wildcards.add(entry.label, [pattern])
                self.wildcard_firsts[entry.attr].add(nlp.vocab.strings.add(words[0]))
                self.wildcard_width = max(self.wildcard_width, len(words))
                continue
            doc = Doc(nlp.vocab, words=words, lemmas=words if entry.attr == "LEMMA" else None)
            grouped.setdefault((entry.label, entry.attr), []).append(doc)
            if entry.pos is not None:
                self.pos[words[0]] = entry.pos
        for (label, attr), docs in grouped.items():
            self.phrases[attr].add(label, docs)
        self.matchers = [m for m in self.phrases.values() if len(m)]

    def __call__(self, doc: Doc) -> Doc:
        matches = {m for matcher in self.matchers for m in matcher(doc)}
        matches.update(self._wildcard_matches(doc))
        spans = []
        for label, start, end in matches:
            token = doc[start]
            if (
                end - start == 1
                and token.lemma_.lower() in self.pos
                and token.pos_ not in self.pos[token.lemma_.lower()]
            ):
                continue
            spans.append(Span(doc, start, end, label=label))
        if not self.overlap:
            spans = filter_spans(spans)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, -s.end, s.label_))
        return doc

    def _wildcard_matches(self, doc: Doc) -> Iterator[tuple[int, int, int]]:
        """The wildcard phrases' matches, from the words right after each of their first words."""
        if not len(self.wildcards):
            return
        lowers, lemmas = self.wildcard_firsts["LOWER"], self.wildcard_firsts["LEMMA"]
        for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
            if lower in lowers or lemma in lemmas:
                for label, start, end in self.wildcards(doc[i : i + self.wildcard_width]):
                    if start == 0:
                        yield label, i, i + end


@Language.factory(
    "claimgraph_lexicon",
    default_config={"lexicon": "hedges", "spans_key": "hedges", "overlap": False},
)
def make_lexicon_tagger(
    nlp: Language, name: str, lexicon: str, spans_key: str, overlap: bool
) -> LexiconTagger:
    return LexiconTagger(nlp, name, lexicon, spans_key, overlap)
