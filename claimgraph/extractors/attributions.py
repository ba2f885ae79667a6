"""Attributions: every "who says what" in a text (PARC / PolNeAR style), with source, cue and content.

Found from reporting cues (``doc.spans["cues"]``) and the dependency parse: the cue verb's subject is
the source, its clausal complement (or the quotation it introduces) is the content. Quotations with no
cue of their own are given to the cue of the sentence that introduces them ("He said:" or "A report
lays out the situation." followed by a quoted paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph import kb
from claimgraph.extractors import tagged
from claimgraph.extractors.context import Context
from claimgraph.extractors.quotes import inside
from claimgraph.extractors.speakers import describe
from claimgraph.model import Attribution, Source, TextSpan, stable_id

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
TRIM = " \t\n,.;:!?\"'“”‘’—–-([])"


@dataclass
class Found:
    """An attribution with what later stages need: the speaker and the content's character range."""

    record: Attribution
    speaker: Source
    cue_text: str
    cue_start: int
    cue_class: str
    start: int
    end: int


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and punctuation at both ends, keeping brackets that close inside the span."""
    while start < end and text[start] in TRIM and not (text[start] in "([" and _closes(text, start, end)):
        start += 1
    while end > start and text[end - 1] in TRIM and not (text[end - 1] in ")]" and _opens(text, start, end)):
        end -= 1
    return start, end


def _closes(text: str, start: int, end: int) -> bool:
    return text[start] == "(" and ")" in text[start:end] or text[start] == "[" and "]" in text[start:end]


def _opens(text: str, start: int, end: int) -> bool:
    closing = text[end - 1]
    return ("(" if closing == ")" else "[") in text[start : end - 1]


def subject_of(
    verb: Token, passive_ok: bool = True, climb: frozenset[str] = frozenset({"conj", "xcomp", "advcl"})
) -> Span | None:
    """The verb's subject, or the subject of the verb it is coordinated or chained with.

    With ``passive_ok`` False a passive verb has no subject here: its grammatical subject is the patient.
    """
    deps = SUBJECTS if passive_ok else {"nsubj", "csubj"}
    raised = False  # reached from the clause a passive raising verb completes ("X is believed to be ...")
    for _ in range(6):
        if raised and verb.lemma_.lower() in RAISING_VERBS:
            deps = SUBJECTS
        elif not passive_ok and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            return None
        subjects = [c for c in verb.children if c.dep_ in deps]
        if len(subjects) > 1 and subjects[0].right_edge.text == ":":
            subjects = subjects[1:]  # "Syria: car bomb in Manbij kills 20": the headline's topic, no subject
        if subjects:
            first = subjects[0]
            end = first.right_edge.i + 1
            for other in subjects[1:]:  # a misparse's second subject: "A man who spoke for | X | told"
                if other.left_edge.i == end:
                    end = other.right_edge.i + 1
            return verb.doc[first.left_edge.i : _before_a_time(first, end)]
        if verb.dep_ in climb and verb.head.i != verb.i:
            if verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.head.pos_ in {"NOUN", "PROPN"}:
                return None  # "causing it to plunge into a gorge and killing nine": joined to a noun
            raised = verb.dep_ == "xcomp"
            verb = verb.head
            continue
        taken = taken_subject(verb)
        return verb.doc[taken.left_edge.i : taken.right_edge.i + 1] if taken is not None else None
    return None


def _before_a_time(subject: Token, end: int) -> int:
    """ "Russia's defence ministry on Sunday accused ...": the parser hangs the time on the speaker; it
    says when, not who."""
    for child in subject.rights:
        if child.dep_ == "prep" and any(
            o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in child.children
        ):
            return child.i
    return end


def taken_subject(clause: Token) -> Token | None:
    """The subject the parser made the object of the verb before ("said [X, a faction of Y,] was behind
    it"): a clause with no subject of its own, right after that object and a comma."""
    if clause.dep_ != "ccomp" or any(c.dep_ in SUBJECTS | {"expl"} for c in clause.children):
        return None
    objects = [c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i]
    if not objects or clause.head.lemma_.lower() in HEARER_VERBS:
        return None
    between = clause.doc[objects[-1].right_edge.i + 1 : clause.left_edge.i]
    return objects[-1] if all(t.is_punct for t in between) else None


def raised_passive(verb: Token) -> bool:
    """ "JNIM is believed to have carried out the attack", "X was said to be working with Y": the passive
    subject is who the words are about, not who says them (kb cues.yaml ``raising_verbs``)."""
    return (
        verb.lemma_.lower() in RAISING_VERBS
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "xcomp" for c in verb.children)
    )


def _agent(verb: Token) -> Span | None:
    """Who is said to hold the belief: "is believed by U.S. officials to be ...", else no one named."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return verb.doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]
    return None


def _words_before(ctx: Context, cue: Span) -> Span | None:
    sent = ctx.sent(cue)
    words = ctx.doc[sent.start : cue.start]
    if not len(words) or not any(t.pos_ in {"NOUN", "PROPN"} for t in words):
        return None
    if any(t.pos_ in {"VERB", "AUX"} and t.tag_ not in {"VBN", "VBG"} for t in words):
        return None  # another clause stands before the cue: not a plain "X said"
    return words


def _subtree(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


# Verbs whose direct object is the hearer, not what is said ("told reporters that ...").
HEARER_VERBS = {"tell", "inform", "brief", "ask", "assure", "warn", "urge", "remind", "promise", "show"}


CLAUSE_ONLY = frozenset(kb.load("cues")["clause_only"])


OBJECT_COMPLEMENTS = frozenset(kb.load("cues")["object_complements"])  # "accused X of", "described X as"
RAISING_VERBS = frozenset(kb.load("cues")["raising_verbs"])
CHARGE_OBJECTS = frozenset(kb.load("relations")["denied"]["charge_objects"])  # "a charge", "the allegations"
_CUE_VERBS = kb.load("cues")["verbs"]
# Verbs by which one named speaks for itself, in a relative clause on its name: denials, claims,
# admissions ("which the group denied", "which claimed responsibility", "which later acknowledged it")
OWN_WORD_VERBS = frozenset([*_CUE_VERBS["deny"], *_CUE_VERBS["claim"], *kb.load("cues")["own_word_verbs"]])
SPEECH_VERBS = frozenset(_CUE_VERBS["speech"])  # ", saying ..."
EVENT_WORDS = frozenset(kb.load("incident_types")["anaphora"])  # "the attack", "the blast": never a speaker
_DISMISSALS = kb.load("cues")["dismissals"]
DISMISSING_VERBS, DISMISSIVE_WORDS = frozenset(_DISMISSALS["verbs"]), frozenset(_DISMISSALS["words"])


def _as_said(cue: Span, label: str) -> Span:
    """The cue with the class of what it does: a describing verb whose word for what it describes is
    dismissive denies ("an allegation New Delhi called baseless", "described the charges as absurd";
    kb cues.yaml ``dismissals``)."""
    if label != "deny" and dismisses(cue.root):
        label = "deny"
    return cue if cue.label_ == label else Span(cue.doc, cue.start, cue.end, label=label)


def dismisses(verb: Token) -> bool:
    """Whether a describing verb says what it describes is false: "called [the report] baseless",
    "dismissed the claim as propaganda" (its complement, or the "as" on its object, holds a dismissive
    word)."""
    if verb.lemma_.lower() not in DISMISSING_VERBS:
        return False
    said_of = [c for c in verb.children if c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as"]
    said_of += [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.lower_ == "as"]
    return any(
        t.lemma_.lower() in DISMISSIVE_WORDS or t.lower_ in DISMISSIVE_WORDS
        for c in said_of
        for t in c.subtree
    )


def _content(verb: Token, cue_end: int) -> tuple[int, int] | None:
    """What is said: the clausal complement, else the direct object (not a hearer)."""
    children = list(verb.children)
    for child in children:
        if child.dep_ in {"ccomp", "xcomp"} and not _across_a_semicolon(child, verb):
            start, end = _subtree(child)
            taken = taken_subject(child)
            return (taken.left_edge.idx if taken is not None else start), _before_an_answer(child, end)
    for child in children:
        if child.dep_ == "prep" and (clause := _that_clause_after(child)) is not None:
            return _subtree(clause)
    if verb.lemma_.lower() in HEARER_VERBS | CLAUSE_ONLY:
        return None
    for child in children:
        if child.dep_ == "dobj" and child.i >= cue_end - 1:
            start, end = _subtree(child)
            for rest in children:  # "accused X of Y", "called X Y": what is said of the object too
                if rest.i > child.i and (
                    rest.dep_ == "oprd" or rest.dep_ == "prep" and rest.lower_ in OBJECT_COMPLEMENTS
                ):
                    end = max(end, _subtree(rest)[1])
            return start, _before_an_answer(verb, end)
    return _charge_answered(verb)


def _across_a_semicolon(clause: Token, verb: Token) -> bool:
    """ "Palestinian officials blamed an Israeli air strike; the Israeli military said ...": the parser at
    times hangs the clause before a semicolon on the verb after it. A semicolon ends what is said."""
    doc = verb.doc
    return clause.i < verb.i and any(t.text == ";" for t in doc[clause.right_edge.i + 1 : verb.i])


def _answer(token: Token) -> bool:
    """ "an accusation the UAE has denied", "a charge which Kigali rejects": a charge noun set beside
    what is said, with a clause that says how it was taken (kb relations.yaml ``charge_objects``)."""
    return (
        token.dep_ in {"appos", "npadvmod"}  # the parser hangs it on the noun or on the verb
        and token.lemma_.lower() in CHARGE_OBJECTS
        and any(c.dep_ == "relcl" for c in token.children)
    )


def _before_an_answer(verb: Token, end: int) -> int:
    """The end of what ``verb`` says, short of an answer to it set beside it ("accused X of arming Y, an
    accusation X has denied": X's denial is not the accuser's words)."""
    for token in verb.subtree:
        if token.dep_ not in ANSWER_DEPS:
            continue
        if (
            _answer(token) or _own_words_in_a_clause(token) or _says_more(token)
        ) and token.left_edge.i > verb.i + 1:
            return min(end, _end_before(token.left_edge))
    return end


def _says_more(token: Token) -> bool:
    """ "denied reports that it had abducted 40 farmers, saying the kidnapping was the work of a rival
    faction": a participle of speech after a comma starts the speaker's next words (the parser at times
    hangs it inside what was denied); they are not denied."""
    doc = token.doc
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and token.lemma_.lower() in SPEECH_VERBS
        and token.left_edge.i == token.i
        and token.i > 0
        and doc[token.i - 1].text == ","
    )


ANSWER_DEPS = frozenset({"appos", "npadvmod", "relcl", "advcl"})  # where an answer or new words can hang


def _own_words_in_a_clause(token: Token) -> bool:
    """ "caused by a rocket launch by Islamic Jihad, which the group denied", "blamed Islamic State, which
    claimed responsibility": a relative clause in which the one named denies or claims is that one's
    own word, not part of what the speaker says (kb cues.yaml ``deny`` and ``claim`` verbs)."""
    return (
        token.dep_ == "relcl"
        and token.lemma_.lower() in OWN_WORD_VERBS
        and any(c.dep_ in {"dobj", "nsubj"} and c.lower_ in {"which", "who", "that"} for c in token.children)
    )


def _end_before(token: Token) -> int:
    """Where the words before a phrase end, short of the comma that sets it off."""
    before = token.doc[token.i - 1]
    if before.is_punct and before.i > 0:
        before = token.doc[before.i - 1]
    return before.idx + len(before)


def _charged_noun(verb: Token) -> tuple[int, int] | None:
    """What an accusing verb in a relative clause charges: the noun the clause hangs on ("a bombing in
    Istanbul that Ankara blamed on the PKK": Ankara says the bombing was the PKK's)."""
    if verb.dep_ != "relcl":
        return None
    noun = verb.head
    return noun.left_edge.idx, noun.idx + len(noun)


def _charge_answered(verb: Token) -> tuple[int, int] | None:
    """What a denial in a clause on a charge noun denies: the words that make the charge ("X accused Y of
    arming Z, an accusation Y has repeatedly denied": "X accused Y of arming Z")."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    noun = verb.head
    if verb.dep_ == "relcl" and _answer(noun):
        charge = next((t for t in reversed(list(noun.ancestors)) if t.pos_ == "VERB"), None)
        if charge is None:
            return None
        return charge.left_edge.idx, _before_an_answer(charge, _subtree(charge)[1])
    # "..., an accusation Kigali has denied" parsed as a second clause whose subject is the charge
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ != "conj" or subject is None or subject.lemma_.lower() not in CHARGE_OBJECTS:
        return None
    start = verb.head.left_edge
    return (start.idx, _end_before(subject.left_edge)) if start.i < subject.left_edge.i - 1 else None


def _that_clause_after(prep: Token) -> Token | None:
    """The "that" clause the parser hung on the noun of "said in a statement that ...": what is said; or
    on a participle after the noun ("said in a statement posted online that ...")."""
    nouns = [c for c in prep.children if c.dep_ == "pobj"]
    # "said in a claim of responsibility posted online that ...": the participle hangs on the "of"
    nouns += [
        o for n in nouns for c in n.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
    ]
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ not in {"acl", "relcl"} or clause.i < noun.i:
                continue
            if _that_clause(clause):
                return clause
            if clause.dep_ == "acl":
                # "posted on a website that ...": the parser may hang the clause on the website
                inner = [c for c in clause.subtree if c.dep_ in {"ccomp", "relcl"} and _that_clause(c)]
                if inner:
                    return inner[0]
    return None


def _that_clause(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def _describes_the_statement(verb: Token) -> bool:
    """ "posted" in "said in a statement posted online that ...": a participle on the noun of another
    cue's "in a statement", whose words that cue reports."""
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "pobj":
        noun = noun.head.head  # "in a claim of responsibility posted online"
    return (
        verb.dep_ == "acl"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and noun.head.head.pos_ == "VERB"
    )


def _according_to(ctx: Context, cue: Span) -> tuple[Span | None, tuple[int, int]]:
    """'According to X, content' / 'content, according to X'."""
    objs = [c for c in cue[-1].children if c.dep_ == "pobj"]
    source = ctx.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1] if objs else None
    sent = ctx.sent(cue)
    if source is not None:
        source = _with_name_beside(ctx, source, sent)
    phrase_end = source.end if source is not None else cue.end
    if cue.start - sent.start <= 1:
        return source, (ctx.doc[phrase_end].idx if phrase_end < sent.end else sent.end_char, sent.end_char)
    head = cue[0].head
    if head.dep_ in {"advcl", "acl"} and head.pos_ == "VERB" and head.left_edge.i > sent.start:
        # "X said it had struck the base, killing four civilians according to Kurdish officials": the
        # officials' words are the participle's clause, not X's statement before it
        return source, (head.left_edge.idx, ctx.doc[cue.start].idx)
    return source, (sent.start_char, ctx.doc[cue.start].idx)


def _with_name_beside(ctx: Context, source: Span, sent: Span) -> Span:
    """ "According to the governor installed by Moscow, Sergei Aksyonov, no one was hurt": the name set
    beside the source between commas is the source's, whatever the parser hung it on."""
    doc = ctx.doc
    if source.end + 2 >= sent.end or doc[source.end].text != ",":
        return source
    for ent in ctx.ents:
        if (
            ent.label_ == "PERSON"
            and ent.start == source.end + 1
            and ent.end < sent.end
            and doc[ent.end].text == ","
        ):
            return doc[source.start : ent.end]
    return source


def find_attributions(ctx: Context, document_id: str) -> list[Found]:
    """Every attribution: from the span tagger's spans where it ran, else from cues and the parse."""
    if tagged.has_tags(ctx.doc):
        return _from_tags(ctx, document_id)
    return _from_rules(ctx, document_id)


def _from_tags(ctx: Context, document_id: str) -> list[Found]:
    """The tagger's parts, linked to their cues; the speaker and cue class are read as for the rules."""
    rules = _from_rules(ctx, document_id)
    found: list[Found] = []
    history: list[tuple[int, Source]] = []
    for item in tagged.link(ctx.doc, tagged.pieces(ctx.doc)):
        parts = _tagged_parts(ctx, item, rules)
        if parts is None:
            continue
        source_span, cue, start, end = parts
        cue = _as_said(cue, tagged.cue_class(ctx.doc, cue))
        source_span = _without_fronted_charge(source_span, cue)
        speaker = describe(ctx, source_span, history)
        history.append((cue.start, speaker))
        found.append(_make(ctx, document_id, source_span, cue, start, end, _kind(ctx, start, end), speaker))
    return sorted(found, key=lambda f: (f.start, f.cue_start))


def _tagged_parts(
    ctx: Context, item: tagged.Link, rules: list[Found]
) -> tuple[Span | None, Span, int, int] | None:
    """Source, cue and trimmed content range of a linked cue; None for a cue to leave out.

    Where the tagger gave a cue no content or no source, those the rules found for the same cue stand
    in (the tagger's boundaries are better, but the parse finds some parts it misses).
    """
    source_span, cue, content = tagged.spans_of(ctx.doc, item)
    rule = _rule_for(rules, cue)
    if content is None and rule is not None:
        content = rule.start, rule.end
    if content is None:
        return None
    start, end = trim(ctx.text, *content)
    if source_span is None and rule is not None and rule.record.source is not None:
        src = rule.record.source
        source_span = ctx.doc.char_span(src.start, src.end, alignment_mode="expand")
    if end <= start or _doubtful(ctx, cue, source_span):
        return None
    return source_span, cue, start, end


# Parts of speech that head no cue of their own ("about", "for"): tagged alone, they are mostly noise.
NOT_CUE_HEADS = frozenset({"ADP", "ADV", "DET", "PART", "CCONJ", "SCONJ"})
# ... unless the tagger is this sure of the cue (PolNeAR held-out fold: content exact F1 59.8 -> 60.1,
# relation 80.3 -> 80.7; the threshold was chosen on that fold).
SURE_CUE = 0.9


def _doubtful(ctx: Context, cue: Span, source: Span | None) -> bool:
    """A tagged cue the lexicon does not know, with no source or headed by a function word, that the
    tagger is not sure of: fewer than half of these are PolNeAR cues, so they cost more precision than
    they bring recall."""
    if tagged.cue_class(ctx.doc, cue, None) is not None:
        return False
    if source is not None and cue.root.pos_ not in NOT_CUE_HEADS:
        return False
    return tagged.confidence(ctx.doc, cue, "CUE") < SURE_CUE


def _rule_for(rules: list[Found], cue: Span) -> Found | None:
    """The rules' attribution whose cue overlaps ``cue``."""
    for f in rules:
        if f.record.cue.start < cue.end_char and cue.start_char < f.record.cue.end:
            return f
    return None


def _from_rules(ctx: Context, document_id: str) -> list[Found]:
    found: list[Found] = []
    history: list[tuple[int, Source]] = []
    for cue in ctx.doc.spans.get("cues", []):
        cue = _as_said(cue, cue.label_)
        first = cue[0].lower_
        if first == "according":
            source_span, content = _according_to(ctx, cue)
        elif cue.label_ == "imputed":  # "X want(s) you to believe that ..."
            source_span, content = subject_of(cue[0]), _content(cue[-1], cue.end)
        else:
            verb = cue.root
            if verb.pos_ not in {"VERB", "AUX"} and len(cue) == 1 or _describes_the_statement(verb):
                continue
            raised = raised_passive(verb)
            source_span = _agent(verb) if raised else subject_of(verb)
            content = _content(verb, cue.end)
            if content is None and cue.label_ == "accuse":
                content = _charged_noun(verb)
            if source_span is None and not raised:
                source_span = _words_before(ctx, cue)  # the parse gave the verb no subject
            elif source_span is not None and source_span.root.lemma_.lower() in EVENT_WORDS:
                continue  # "the blast appeared to be the work of X", "the attack showed": no one speaks
            if content is None:
                content = _adjacent_quote(ctx, cue)
            cue = _with_auxiliaries(cue)
        if content is None:
            continue
        start, end = content
        end = _continuation(ctx, cue, source_span, end)
        cue_quoted = inside(ctx.quotes, cue.start_char, cue.end_char)
        quote = None if cue_quoted else _quote_near(ctx.quotes, start, end)
        if quote:
            start, end = min(start, quote[0]), max(end, quote[1])
        start, end = trim(ctx.text, start, end)
        source_span = _without_fronted_charge(source_span, cue)
        if end - start < 2 or (
            source_span is not None and source_span.start_char <= start < source_span.end_char
        ):
            continue
        speaker = describe(ctx, source_span, history)
        history.append((cue.start, speaker))
        found.append(_make(ctx, document_id, source_span, cue, start, end, _kind(ctx, start, end), speaker))
    found += _orphan_quotes(ctx, document_id, found)
    found = [f for f in found if not _nested(f, found)]
    return sorted(found, key=lambda f: (f.start, f.cue_start))


def _nested(found: Found, others: list[Found]) -> bool:
    """A cue inside another attribution's content ("I think" in a quotation, "X claimed" after "according
    to police") belongs to that content: attribution corpora mark only the outer one, and statements
    take their speaker from it. A charge that a denial after it answers ("X accuses Y of Z, a charge Y
    denies") was made all the same, by its own speaker."""
    return any(
        o is not found and o.start <= found.cue_start < o.end and not answers_a_charge(o, found)
        for o in others
    )


def answers_a_charge(outer: Found, inner: Found) -> bool:
    """Whether ``outer`` is a denial that comes after the charge ``inner`` makes ("..., a charge Kigali
    denies"), not one that reports it ("Kigali denied that Kinshasa had accused it")."""
    return outer.cue_class == "deny" and outer.cue_start >= inner.end and outer.start <= inner.cue_start


def _without_fronted_charge(source: Span | None, cue: Span) -> Span | None:
    """ "X accuses Y of Z, a charge Kigali denies": the parser takes "a charge" for part of the denial's
    subject; the speaker is the words after it (kb relations.yaml ``charge_objects``)."""
    if (
        source is None
        or cue.label_ != "deny"
        or len(source) < 3
        or source[0].lower_ not in {"a", "an", "the"}
    ):
        return source
    if source[1].lower_ not in CHARGE_OBJECTS:
        return source
    return source[2:]


def _with_auxiliaries(cue: Span) -> Span:
    """The cue as attribution corpora mark it: "has said", "also said", "did not mention"."""
    doc, start = cue.doc, cue.start
    while (
        start > 0 and doc[start - 1].head.i == cue.root.i and doc[start - 1].dep_ in {"aux", "neg", "advmod"}
    ):
        start -= 1
    return Span(doc, start, cue.end, label=cue.label_) if start < cue.start else cue  # keeps its class


def _continuation(ctx: Context, cue: Span, source: Span | None, end: int) -> int:
    """“X,” he said, “Y”: the second quotation continues the content."""
    after = max(cue.end_char, source.end_char if source is not None and source.start > cue.start else 0)
    if end > cue.start_char:
        return end
    for s, e in ctx.quotes:
        if s > after and ctx.text[after:s].strip(' ,;:“"\n') == "" and "\n\n" not in ctx.text[after:s]:
            return e
    return end


def _make(
    ctx: Context,
    document_id: str,
    source_span: Span | None,
    cue: Span,
    start: int,
    end: int,
    kind: str,
    speaker: Source,
) -> Found:
    source = None
    if source_span is not None:
        s, e = trim(ctx.text, source_span.start_char, source_span.end_char)
        source = TextSpan(s, e, ctx.text[s:e])
    record = Attribution(
        id=stable_id(document_id, "attribution", cue.start_char, start, end),
        document=document_id,
        kind=kind,
        source=source,
        cue=TextSpan(cue.start_char, cue.end_char, cue.text),
        content=TextSpan(start, end, ctx.text[start:end]),
    )
    return Found(record, speaker, cue.text.lower(), cue.start_char, cue.label_, start, end)


def _kind(ctx: Context, start: int, end: int) -> str:
    if inside(ctx.quotes, start, end) or _quote_near(ctx.quotes, start, end, share=0.9):
        return "direct"
    return "mixed" if any(start <= s and e <= end for s, e in ctx.quotes) else "indirect"


def _quote_near(
    quotes: list[tuple[int, int]], start: int, end: int, share: float = 0.6
) -> tuple[int, int] | None:
    """A quotation that makes up most of the content, or that the content starts or ends at."""
    for s, e in quotes:
        if (
            s < end
            and start < e
            and ((e - s) >= share * (end - start) or abs(s - start) <= 2 or abs(e - end) <= 2)
        ):
            return s, e
    return None


def _adjacent_quote(ctx: Context, cue: Span) -> tuple[int, int] | None:
    """The quotation in the cue's sentence ("“...,” he said"), or right after it ("He said: “...”")."""
    sent = ctx.sent(cue)
    for s, e in ctx.quotes:
        if inside([(s, e)], cue.start_char, cue.end_char):
            continue
        if sent.start_char - 1 <= s and e <= sent.end_char + 1:
            return s, e
        if sent.end_char <= s <= sent.end_char + 3 and ctx.text[sent.start_char : s].rstrip(' “"\n').endswith(
            ":"
        ):
            return s, e
        if s < sent.start_char < e <= sent.end_char + 1:  # a quotation that ends in this sentence
            return s, e
    return None


def _orphan_quotes(ctx: Context, document_id: str, found: list[Found]) -> list[Found]:
    """A quoted paragraph with no cue of its own belongs to the speaker of the sentence introducing it."""
    out: list[Found] = []
    for s, e in ctx.quotes:
        own = [f for f in found if not (s <= f.cue_start < e)]
        if e - s < 40 or any(f.start <= s + 1 and e - 1 <= f.end for f in own):
            continue
        intro = [f for f in own if f.cue_start < s and _gap_is_blank(ctx, f, s)]
        if not intro:
            continue
        prior = intro[-1]
        cue = ctx.doc.char_span(prior.record.cue.start, prior.record.cue.end, alignment_mode="expand")
        source_span = None
        if prior.record.source is not None:
            src = prior.record.source
            source_span = ctx.doc.char_span(src.start, src.end, alignment_mode="expand")
        start, end = trim(ctx.text, s, e)
        out.append(_make(ctx, document_id, source_span, cue, start, end, "direct", prior.speaker))
    return out


def _gap_is_blank(ctx: Context, found: Found, quote_start: int) -> bool:
    """The introducing sentence ends right before the quotation opens."""
    sent = ctx.sent_at_char(found.cue_start)
    if sent is None:
        return False
    return ctx.text[sent.end_char : quote_start].strip(' \n“"') == "" and quote_start >= sent.end_char - 1
