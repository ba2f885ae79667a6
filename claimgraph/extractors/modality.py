"""How a statement is put: its polarity ("did not carry out") and its certainty, the ICD 203 band of the
hedge that qualifies the relation words ("almost certainly", "It is unlikely that", "may have helped")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph import kb
from claimgraph.extractors.participants import COPULAS, governing_verb

NEGATORS = {"not", "never", "n't", "no", "without"}
SUSPECTING_VERBS = frozenset(kb.load("relations")["perpetrated"]["suspecting_verbs"])
NEGATING_VERBS = {"lack", "fail", "refuse", "unable"}
CHECKING_VERBS = frozenset({"verify", "confirm", "corroborate", "authenticate", "check"})
FRAMING_DEPS = frozenset({"acomp", "advmod", "attr", "oprd"})  # "It is [unlikely] that", "It seems [likely]"
MODAL_DEPS = frozenset({"aux", "advmod"})  # "X [may have] helped plan it"
BELIEF_VERBS = frozenset(kb.load("cues")["belief_verbs"])
GROUNDS_NOUNS = frozenset(kb.load("cues")["grounds_nouns"])
# nouns that weigh the clause they govern: the words on them are its hedge ("high confidence that")
WEIGHING_NOUNS = GROUNDS_NOUNS | {"confidence", "doubt", "likelihood", "chance", "possibility", "probability"}


def polarity(trigger: Span, relation: str) -> str:
    head = trigger.root
    if relation == "denied":  # a denial is itself the relation; only "did not deny" turns it round
        negated = trigger[0].lemma_.lower() == "deny" and any(c.dep_ == "neg" for c in trigger[0].children)
        return "negative" if negated else "positive"
    verb = governing_verb(head)
    if verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return "positive"  # "X's involvement has not been ruled out": possible (a hedge), not denied
    if relation == "claimed" and head.pos_ == "NOUN" and verb.lemma_.lower() in CHECKING_VERBS:
        return "positive"  # "The claim could not be verified": it was made; whether it is true is open
    if any(_negated(token) for token in (head, verb, *trigger)):
        return "negative"
    if any(t.lower_ in NEGATORS for t in trigger):
        return "negative"
    if verb.head.lemma_.lower() in NEGATING_VERBS or verb.lemma_.lower() in NEGATING_VERBS:
        return "negative"
    if verb.dep_ in {"xcomp", "acl"} and verb.head.head.lemma_.lower() in NEGATING_VERBS:
        return "negative"
    return "negative" if _groundless(verb) else "positive"


def _negated(token: Token) -> bool:
    """ "did not", "no evidence": a word with a negation or a "no" of its own."""
    return any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _groundless(verb: Token) -> bool:
    """Whether the clause is what someone sees no grounds for: "there was no evidence that X was
    involved", "no reason to believe X was behind it", "officials do not believe X carried it out"."""
    step = verb
    for _ in range(3):
        if step.dep_ not in {"ccomp", "acl", "relcl", "xcomp"} or step.head.i == step.i:
            return False
        step = step.head
        lemma = step.lemma_.lower()
        if lemma not in BELIEF_VERBS and lemma not in GROUNDS_NOUNS:
            return False
        if _negated(step):
            return True
    return False


def certainty(trigger: Span, window: tuple[int, int]) -> str:
    """The hedge nearest the relation words in its clause (ICD 203 band), else a plain assertion."""
    doc = trigger.doc
    verb = governing_verb(trigger.root)
    clause = set(range(verb.left_edge.i, verb.right_edge.i + 1))
    while deps := _hedged_through(verb):
        verb = verb.head
        clause |= {verb.i} | {t.i for c in verb.children if c.dep_ in deps for t in c.subtree}
    # "claimed to have killed 40 soldiers, a figure that could not be verified": a relative clause on a
    # noun says something of that noun, not how sure the relation is
    for word in doc[verb.left_edge.i : verb.right_edge.i + 1]:
        if word.dep_ == "relcl" and not word.left_edge.i <= trigger.start <= word.right_edge.i:
            clause -= set(range(word.left_edge.i, word.right_edge.i + 1))
    hedges = [
        h for h in doc.spans.get("hedges", []) if h.start in clause and window[0] <= h.start_char < window[1]
    ]
    if not hedges:
        suspected = trigger[0].lemma_.lower() in SUSPECTING_VERBS and trigger[0].pos_ == "VERB"
        return "likely" if suspected else "asserted"  # "Officials suspect ISWAP"
    nearest = min(hedges, key=lambda h: abs(h.start - trigger.start))
    return nearest.label_


def _hedged_through(verb: Token) -> frozenset[str]:
    """Which words of the clause above qualify this one: "It is [unlikely] that X did it" (a frame), "X
    [may have] helped plan it" (the modal of the verb it completes), "they [believed] X was behind it"
    (a verb of belief); none where nothing is above."""
    head = verb.head
    if verb.dep_ in {"ccomp", "csubj", "xcomp"} and (head.lemma_.lower() in COPULAS or head.pos_ == "ADJ"):
        return FRAMING_DEPS
    if verb.dep_ == "xcomp" and head.pos_ in {"VERB", "AUX"}:
        return MODAL_DEPS
    if verb.dep_ == "ccomp" and head.lemma_.lower() in BELIEF_VERBS:
        return MODAL_DEPS  # "they [strongly believed] X was responsible"
    if verb.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and head.lemma_.lower() in WEIGHING_NOUNS:
        return frozenset({"amod", "det"})  # "they had [high confidence] that", "there is [little doubt] that"
    return frozenset()
