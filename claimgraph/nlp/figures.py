"""Casualty figures: quantity phrases to ``Figure`` and killed/wounded counts in a parsed sentence.

Reports hedge their numbers ("at least 62", "nearly 30", "dozens"); the hedge is part of the fact,
so a figure keeps a lower bound, an upper bound and the qualifier rather than one guessed number.
Conventions (chosen so a reader sees the bound the text actually states):

- "more than 100" / "over 100" -> Figure(100, None, "more than"): min is the stated number, the
  qualifier says it is exclusive.
- "nearly 30", "up to 15", "fewer than 10" -> only ``max`` is set.
- "about 20" -> Figure(20, 20, "about"): the stated number, flagged as approximate.
- plural vague quantities give their smallest literal reading: "dozens" -> 24, "scores" -> 40,
  "hundreds" -> 200, "thousands" -> 2000, with min only.
- words with no numeric floor ("several", "a few", "many") -> Figure(None, None, word): a count
  was reported, its size was not.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from claimgraph import kb
from claimgraph.model import Figure

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Plural vague quantities: the smallest literal reading ("dozens" is at least two dozen).
_PLURALS = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2_000_000}
_VAGUE = ("several", "a few", "few", "many", "numerous", "a number of", "a handful of", "some")
# Qualifiers of a figure that gives no number ("dozens", "several"): a later stated number is better.
VAGUE_QUALIFIERS = frozenset([*_PLURALS, *_VAGUE])
_AT_LEAST = frozenset({"at least", "more than"})  # lower bounds that add up ("a commander and at least two")
_ZERO = ("no one", "nobody", "none", "no")

# Qualifier phrases before a number, longest first, mapped to (canonical qualifier, kind).
# kind: "min" = lower bound, "max" = upper bound, "approx" = both bounds, stated number.
_BEFORE = [
    ("no fewer than", "at least", "min"), ("no less than", "at least", "min"),
    ("more than", "more than", "min"), ("greater than", "more than", "min"),
    ("as many as", "up to", "max"), ("fewer than", "fewer than", "max"), ("less than", "fewer than", "max"),
    ("at least", "at least", "min"), ("over", "more than", "min"), ("above", "more than", "min"),
    ("upwards of", "more than", "min"), ("in excess of", "more than", "min"),
    ("up to", "up to", "max"), ("under", "fewer than", "max"), ("at most", "up to", "max"),
    ("nearly", "nearly", "max"), ("almost", "nearly", "max"), ("close to", "nearly", "max"),
    ("about", "about", "approx"), ("around", "about", "approx"), ("some", "about", "approx"),
    ("roughly", "about", "approx"), ("approximately", "about", "approx"), ("an estimated", "about", "approx"),
    ("estimated", "about", "approx"), ("approx", "about", "approx"), ("circa", "about", "approx"),
]  # fmt: skip
_AFTER = [("or more", "at least", "min"), ("plus", "at least", "min")]


def _words(text: str) -> list[str]:
    """Lower-case word tokens; digits keep their commas dropped, hyphens between words split."""
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    return re.findall(r"\d+(?:\.\d+)?|[a-z]+|-", text)


def _read_number(words: list[str], i: int) -> tuple[int, int] | None:
    """Read one number starting at ``words[i]``: digits or number words. Returns (value, next index)."""
    if i >= len(words):
        return None
    w = words[i]
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        value, j = float(w), i + 1
        while j < len(words) and words[j] in _SCALES:  # "1.5 million", "3 hundred"
            value *= _SCALES[words[j]]
            j += 1
        return int(value), j
    if w == "a" and i + 1 < len(words) and words[i + 1] in ("dozen", "hundred", "thousand"):
        i += 1
        w = words[i]
        total, current = 0, 1
    elif w in _UNITS or w == "dozen":
        total, current = 0, 0
    else:
        return None
    j = i
    while j < len(words):
        w = words[j]
        if w in _UNITS:
            current += _UNITS[w]
        elif w == "dozen":
            current = max(current, 1) * 12
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in ("thousand", "million"):
            total += max(current, 1) * _SCALES[w]
            current = 0
        elif w == "and" and words[j - 1] in _SCALES and j + 1 < len(words) and words[j + 1] in _UNITS:
            pass  # "three hundred and twelve"
        else:
            break
        j += 1
    return total + current, j


def _qualifier_before(words: list[str], i: int) -> tuple[str, str] | None:
    for phrase, qualifier, kind in _BEFORE:
        p = phrase.split()
        if words[max(0, i - len(p)) : i] == p:
            return qualifier, kind
    return None


def _phrase_at(words: list[str], i: int, phrases: tuple[str, ...]) -> str | None:
    for phrase in phrases:
        p = phrase.split()
        if words[i : i + len(p)] == p:
            return phrase
    return None


_AGE = re.compile(r"\b\w+(?:\s*-\s*|\s+)(?:year|month|week|day)s?(?:\s*-\s*|\s+)old\b", re.IGNORECASE)


def parse_count(text: str) -> Figure | None:
    """Parse a quantity phrase ("at least 62", "between 10 and 12", "dozens") into a Figure.

    The first quantity in ``text`` wins; surrounding words ("the", "people") are ignored, so a
    noun phrase's pre-modifiers can be passed as they are. Returns None when no quantity is stated.
    """
    words = _words(_AGE.sub(" ", text))  # "a 23-year-old man" is one man
    for i, w in enumerate(words):
        if words[i : i + 2] == ["no", "one"]:
            return Figure(0, 0, None)
        if w in _PLURALS:
            qual = _qualifier_before(words, i)
            return Figure(_PLURALS[w], None, qual[0] if qual and qual[1] == "min" else w)
        number = _read_number(words, i)
        if number is not None:
            return _figure(words, i, *number)
    # No number: a stated zero ("nobody", "no civilians") or a size-less quantity ("several").
    for i, w in enumerate(words):
        if w in ("no", "none", "nobody") and not _phrase_at(words, i, ("no fewer", "no less", "no more")):
            return Figure(0, 0, None)
        vague = _phrase_at(words, i, _VAGUE)
        if vague and vague != "some":
            return Figure(None, None, vague)
    return None


def _figure(words: list[str], i: int, value: int, j: int) -> Figure:
    """Turn a number read at ``words[i:j]`` into a Figure, looking at its qualifier and any range."""
    between = i > 0 and words[i - 1] == "between"
    if j < len(words) and words[j] in ("to", "-", "and", "or") and (words[j] != "and" or between):
        upper = _read_number(words, j + 1)
        if upper is not None and upper[0] > value:
            return Figure(value, upper[0], "between")
    for phrase, qualifier, _kind in _AFTER:
        if words[j : j + len(phrase.split())] == phrase.split():
            return Figure(value, None, qualifier)
    qual = _qualifier_before(words, i)
    if qual is None:
        return Figure(value, value, None)
    qualifier, kind = qual
    if kind == "min":
        return Figure(value, None, qualifier)
    if kind == "max":
        return Figure(None, value, qualifier)
    return Figure(value, value, qualifier)


# --- sentences -------------------------------------------------------------------------------------

_QUANTITY_NOUNS = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands"}


@cache
def _cues() -> dict[str, dict[str, frozenset[str]]]:
    """The cue lemma table, read once from the package's own kb data."""
    table = kb.load("casualty_cues")
    return {kind: {k: frozenset(v or ()) for k, v in groups.items()} for kind, groups in table.items()}


def _count_of(tok: Token) -> Figure | None:
    """The figure carried by the noun phrase headed by ``tok`` (victims, or a bare number)."""
    doc = tok.doc
    if tok.pos_ == "NUM" or tok.lower_ in _QUANTITY_NOUNS or tok.lemma_.lower() in _QUANTITY_NOUNS:
        figure = parse_count(doc[tok.left_edge.i : tok.i + 1].text)
    elif tok.pos_ == "ADP":  # the parser makes "between" the head of "between 10 and 12 people"
        figure = parse_count(doc[tok.i : tok.right_edge.i + 1].text)
    else:
        figure = parse_count(doc[tok.left_edge.i : tok.i].text) if tok.left_edge.i < tok.i else None
        if figure is None and tok.lower_ in ("nobody", "none"):
            figure = Figure(0, 0, None)
        if figure is None and _one_person(tok):
            figure = ImpliedFigure(1, 1, None)  # "killing a teacher"
    return _with_conjuncts(tok, figure) if figure is not None else None


def _with_conjuncts(tok: Token, figure: Figure) -> Figure:
    """The figure with those of the nouns coordinated after it: "a judge and his driver" are two, "a
    senior commander and two other people" three, "two soldiers and a policeman" three. A conjunct with
    no count ("two soldiers and civilians") leaves the first figure as it is."""
    if figure.min is None or figure.max not in (None, figure.min) or figure.qualifier in VAGUE_QUALIFIERS:
        return figure
    doc = tok.doc
    low, qualifier, implied = figure.min, figure.qualifier, isinstance(figure, ImpliedFigure)
    for conj in (c for c in tok.conjuncts if c.i > tok.i):
        if _one_person(conj):
            low += 1
            continue
        stated = parse_count(doc[conj.left_edge.i : conj.i].text) if conj.left_edge.i < conj.i else None
        if stated is None or stated.min is None or stated.max not in (None, stated.min):
            return figure
        if stated.max is None and stated.qualifier not in _AT_LEAST:
            return figure  # "a commander and dozens of fighters": no sum to state
        low, implied = low + stated.min, False
        qualifier = qualifier or stated.qualifier
    if low == figure.min:
        return figure
    exact = qualifier is None
    return (ImpliedFigure if implied else Figure)(low, low if exact else None, qualifier)


class ImpliedFigure(Figure):
    """A count the text implies without a number ("killing a teacher": one); a number stated in
    another sentence about the incident wins over it ("Two people were killed in the attack")."""


class RisenFigure(Figure):
    """A toll said to have grown ("the death toll rose to 18"): it replaces a smaller count reported first."""


# Singular nouns that still name several people ("killed the family").
_GROUP_NOUNS = {"family", "crew", "group", "couple", "team", "unit", "patrol", "convoy", "household", "squad"}


def _one_person(tok: Token) -> bool:
    """ "killing a teacher", "the driver was shot dead": one victim, though no number is written. A
    singular common noun with an article or a possessor ("his driver"); not one that names a group."""
    return (
        tok.tag_ == "NN"
        and tok.lemma_.lower() not in _GROUP_NOUNS
        and any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children)
    )


def _first(tokens: list[Token]) -> Figure | None:
    for k, tok in enumerate(tokens):
        figure = _count_of(tok)
        if isinstance(figure, ImpliedFigure):  # "a judge and his driver", parsed as two subjects
            count = figure.min + sum(1 for t in tokens[k + 1 :] if t.dep_ == tok.dep_ and _one_person(t))
            return ImpliedFigure(count, count, None)
        if figure is not None:
            return figure
    return None


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _from_verb(tok: Token, intransitive: bool) -> Figure | None:
    """Victims of a verb: passive subject, object, or subject of an intransitive/bare participle."""
    if intransitive:
        return _first(_children(tok, "nsubj", "nsubjpass"))
    figure = _first(_children(tok, "nsubjpass", "dobj"))
    if figure is None and not _children(tok, "dobj"):
        # "12 dead and 30 wounded", "30 injured"; but a count right after the verb is its object
        figure = _counted_right_after(tok) or _first(_children(tok, "nsubj"))
    if figure is None and tok.dep_ == "acl":  # participle on its victims: "more than 190 injured"
        figure = _count_of(tok.head)
    return figure


def _counted_right_after(verb: Token) -> Figure | None:
    """ "An airstrike on a village killed at least 30 people, including children, a resistance group
    said": the parser hangs "killed" on the village and makes the people the speakers; the count that
    follows the verb at once is still its object."""
    for tok in verb.doc[verb.i + 1 : verb.i + 5]:
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in tok.children):
            figure = _count_of(tok)
            return None if isinstance(figure, ImpliedFigure) else figure
        if tok.pos_ in ("VERB", "AUX", "PUNCT", "ADP") and tok.lower_ not in ("at", "about", "around"):
            return None
    return None


def _from_adjective(tok: Token) -> Figure | None:
    """ "62 dead", "left 12 people dead", "62 people dead"."""
    figure = _first(_children(tok, "nummod", "quantmod", "npadvmod", "nsubj"))
    if figure is None and tok.dep_ == "amod":
        figure = _count_of(tok.head)
    # ("shot dead a village chief": the parser at times makes "dead" a preposition)
    if figure is None and tok.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp", "conj", "dobj", "prep"):
        figure = _first(_children(tok.head, "dobj", "nsubjpass", "nsubj"))
    return figure


def _from_noun(tok: Token) -> Figure | None:
    """ "62 deaths", "the lives of 23 people", "23 lives were lost"."""
    if tok.dep_ == "compound":  # "death" in "death toll"
        return None
    figure = _count_of(tok)
    if figure is None:
        for prep in _children(tok, "prep"):
            if prep.lower_ == "of":
                figure = _first(_children(prep, "pobj"))
    return figure


def _from_toll(tok: Token, rises: frozenset[str]) -> Figure | None:
    """ "the death toll rose to 35", "a toll of 35", "the toll stands at 40", "the toll is 12"; a toll
    that grew (``rises``, kb casualty_cues.yaml ``toll_rises``) gives a ``RisenFigure``."""
    for prep in _children(tok, "prep"):
        if prep.lower_ == "of":
            figure = _first(_children(prep, "pobj"))
            if figure is not None:
                return figure
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    preps = _children(verb, "prep")
    preps = [p for p in preps for p in [p, *_children(p, "prep")]]  # "from 20 to 35": "to" hangs off "from"
    preps.sort(key=lambda p: p.lower_ != "to")  # the new value, not the old one
    candidates = [o for p in preps if p.lower_ in ("to", "at") for o in _children(p, "pobj")]
    figure = _first(candidates + _children(verb, "attr", "dobj", "npadvmod"))
    if figure is not None and verb.lemma_.lower() in rises:
        return RisenFigure(figure.min, figure.max, figure.qualifier)
    return figure


def _cared_for(verb: Token, reasons: frozenset[str]) -> bool:
    """Whether a verb of care gives its reason ("treated for their wounds", "admitted to hospital")."""
    return any(o.lemma_.lower() in reasons for p in _children(verb, "prep") for o in _children(p, "pobj"))


def casualties(
    sent: Span, skip: frozenset[int] | set[int] = frozenset()
) -> tuple[Figure | None, Figure | None]:
    """(killed, wounded) figures stated in a parsed sentence; None where no figure is given.

    Works on spaCy's dependency parse and lemmas, so the cue word and the count may be apart
    ("at least 62 people were later confirmed killed"). The first figure found for each kind wins,
    unless it was only implied and a count follows ("marking the death of a slain commander, killing at
    least 84 people"). One pass over the sentence serves both kinds (extraction walks many sentences).
    Cue words at the positions in ``skip`` (a clause that tells of another incident) are not read.
    """
    cues = _cues()
    found: dict[str, Figure | None] = {kind: None for kind in cues}
    words = _cue_words()
    for tok in sent:
        lemma, lower = tok.lemma_.lower(), tok.lower_
        if lemma not in words and lower not in words or tok.i in skip or _over_time(tok):
            continue
        for kind, cue in cues.items():
            if found[kind] is None or isinstance(found[kind], ImpliedFigure):
                figure = _figure_at(tok, lemma, lower, cue)
                if found[kind] is None or figure is not None and not isinstance(figure, ImpliedFigure):
                    found[kind] = figure
        if all(figure is not None and not isinstance(figure, ImpliedFigure) for figure in found.values()):
            break
    return found["killed"], found["wounded"]


def _over_time(tok: Token) -> bool:
    """Whether the word is in a relative clause that tells of a toll over time ("a war between rival
    factions that has left hundreds dead since September", "the group, which has killed thousands"):
    no incident's figure."""
    for step in (tok, *tok.ancestors):
        if step.dep_ == "relcl":
            return any(
                c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in step.children
            )
    return False


def _figure_at(tok: Token, lemma: str, lower: str, cue: dict[str, frozenset[str]]) -> Figure | None:
    """The figure a cue word of one kind (killed or wounded) gives, if it is one of that kind's cues."""
    if tok.pos_ in ("VERB", "AUX") and (lemma in cue["verbs"] or lemma in cue["intransitive"]):
        return _from_verb(tok, lemma in cue["intransitive"])
    if tok.pos_ in ("ADJ", "VERB") and (lower in cue["adjectives"] or lemma in cue["adjectives"]):
        return _from_adjective(tok)
    if tok.pos_ in ("NOUN", "PROPN") and lemma in cue["tolls"]:
        return _from_toll(tok, cue["toll_rises"])
    if tok.pos_ in ("NOUN", "PROPN") and lemma in cue["nouns"]:
        return _from_noun(tok)
    if tok.pos_ == "VERB" and lemma in cue["care"] and _cared_for(tok, cue["reasons"]):
        return _first(_children(tok, "nsubjpass"))
    return None


@cache
def _cue_words() -> frozenset[str]:
    """Every word that can start a figure (the cue words of both kinds, reasons for care excepted)."""
    groups = [
        words
        for cue in _cues().values()
        for group, words in cue.items()
        if group not in {"reasons", "toll_rises"}
    ]
    return frozenset(word for words in groups for word in words)
