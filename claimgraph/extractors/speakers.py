"""Who a source span is: a named person, an organisation, a report, or an anonymous source.

The kinds follow DESIGN.md. A source is *anonymous* when no one is named ("security sources", "a
senior official who spoke on condition of anonymity"), a *report* when the speaker is a document, an
*organization* when it is a group, state or institution, a *person* when a name is given.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimgraph import kb
from claimgraph.model import Source
from claimgraph.nlp.actors import slug
from claimgraph.nlp.places import PLACE_KINDS, country_code

if TYPE_CHECKING:
    from claimgraph.extractors.context import Context

_CUES = kb.load("cues")  # the words of speaker phrases (kb cues.yaml)
REPORT_HEADS = frozenset(_CUES["report_heads"])
ANONYMOUS_HEADS = frozenset(_CUES["anonymous_heads"])
INSTITUTIONS = frozenset(_CUES["institutions"])  # "the interior ministry said": an organisation
BODY_HEADS = frozenset(_CUES["body_heads"])  # "the Wad al-Noura Resistance Committee said"
SPOKESPEOPLE = frozenset(_CUES["spokespeople"])
GROUP_NOUNS = frozenset(_CUES["group_nouns"])
RELATIVES = {"which", "who", "that", "whom"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
# the last word of an unnamed speaker who is one person ("a state prosecutor", "a police spokesman")
_HEADS = kb.person_titles() | SPOKESPEOPLE | ANONYMOUS_HEADS
ONE_PERSON_HEADS = {w for w in _HEADS if not (w.endswith("s") and w[:-1] in _HEADS)} - {"source"}
CLAUSE_DEPS = {"acl", "relcl"}
NAMING_VERBS = frozenset(_CUES["naming_verbs"])  # "a group calling itself X"
SPEAKING_FOR = frozenset(_CUES["speaking_for"])  # a clause that says whom the speaker speaks for
MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod"}
GROUP_PRONOUNS = {"they", "it", "we", "them"}
_RELATIONS = kb.load("relations")
PARENT_NOUNS = frozenset(_RELATIONS["part_of"]["parent_nouns"])  # "its armed wing, X"
ACCUSE_LEMMAS = frozenset(_RELATIONS["accusing_verbs"])  # "blamed X", "accused X of"
LOYALTY_WORDS = frozenset(_RELATIONS["loyalty_words"])  # "fighters loyal to X"
QUALIFYING_PARTICIPLES = frozenset(_RELATIONS["qualifying_participles"])  # "the Pakistan-based X"
QUALIFIERS = QUALIFYING_PARTICIPLES | LOYALTY_WORDS
_GENERIC = kb.load("generic_actors")
STATE_FORCES = [slug(name) for name in [*_GENERIC["single"], *_GENERIC["phrases"]]]  # "police", "the army"
NATIONAL_FORCES = ["forces", "troops", "soldiers"]  # "American forces": a state's, no "group"


def qualifies_only(actor: Span) -> bool:
    """A state named only to qualify another noun ("wanted by U.S. courts", "the U.S. ambassador"):
    the noun is what a later "they" means, not the state. A group named so may be meant ("Taliban
    fighters ... they")."""
    root = actor.root
    return (
        actor.kb_id_ in kb.state_ids()
        and root.dep_ in MODIFIER_DEPS
        and not actor.start <= root.head.i < actor.end
    )


def is_group(actor: Span) -> bool:
    """Whether "the group" can mean this actor: an organisation, not a state, an agency or forces named
    by what they are ("police", "the Salvadoran army")."""
    known = kb.actors().get(actor.kb_id_)
    if known is not None:
        return known.kind == "organization"
    name = actor.kb_id_.removeprefix("new:")
    return not any(
        name == force
        or name.endswith("-" + force)
        and country_code(name[: -len(force) - 1].replace("-", " "))
        for force in (*STATE_FORCES, *NATIONAL_FORCES)
    )


def qualifier_words(noun: Token, participles: frozenset[str] = QUALIFIERS) -> set[int]:
    """The words of a participle before a noun that says where its group is, who backs it or whom it is
    tied to ("the Pakistan-based Lashkar-e-Taiba", "the al-Qaeda-linked group"; kb relations.yaml
    ``qualifying_participles``, ``loyalty_words``): the name in them is not who the noun names. With
    ``participles``, only those participles."""
    return {
        t.i
        for c in noun.children
        if c.dep_ == "amod" and c.i < noun.i and c.lower_ in participles
        for t in c.subtree
    }


def _actor_in(ctx: Context, span: Span) -> Span | None:
    """The actor the speaker's words say they speak for ("X, the spokesperson for the Taliban"), else the
    first actor named in them, outside a clause that describes the speaker: "drug traffickers wanted by
    U.S. courts" do not speak for the United States."""
    qualifiers = qualifier_words(span.root)
    named = [
        actor
        for actor in ctx.actors
        if span.start <= actor.start
        and actor.end <= span.end
        and not _in_clause(actor.root, span)
        and actor.start not in qualifiers
        and not _where_it_is(actor)
    ]
    spoken_for = [a for a in named if _spokesperson_of(a) or _the_wing_named(a)]
    heading = [a for a in named if a.start <= span.root.i < a.end]  # "Ukraine's SBU security service"
    # "a source in Ukraine's SBU security service": the body, not the state that owns it
    bodies = [a for a in named if not any(b is not a and b.start <= a.root.head.i < b.end for b in named)]
    # "Yemen's Houthi militia": the group that names the militia, not the state it is from
    bodies = [a for a in bodies if not _a_states_group(a, named)]
    return next(iter(spoken_for + heading + bodies), named[0] if named else None)


PLACE_PREPS = {"in", "near", "inside", "across", "throughout", "within"}  # "a group in northern Myanmar"


def _where_it_is(actor: Span) -> bool:
    """ "an ethnic armed group in northern Myanmar": a state after a preposition of place says where the
    speaker is, not for whom it speaks ("a source in Ukraine's SBU" names the SBU, no state)."""
    root = actor.root
    if root.dep_ == "poss" and root.head.lower_ in PLACE_KINDS:  # "in Myanmar's Kayah state"
        root = root.head
    return actor.kb_id_ in kb.state_ids() and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _a_states_group(state: Span, named: list[Span]) -> bool:
    """Whether ``state`` is a state's possessive on a group's name ("Yemen's Houthi militia")."""
    return (
        state.kb_id_ in kb.state_ids()
        and state.root.dep_ == "poss"
        and any(b.kb_id_ in kb.organization_ids() for b in names_the_owned(state, named))
    )


def names_the_owned(owner: Span, named: list[Span]) -> list[Span]:
    """The actors of ``named`` that name what ``owner``'s possessive is on: "Russia's Wagner Group", or
    the name before the word it is on, "Russia's Wagner Group mercenaries", "Yemen's Houthi militia", or
    beside it, "the army's volunteer auxiliaries, the VDP"."""
    word = owner.root.head
    return [
        b
        for b in named
        if b is not owner
        and (b.start <= word.i < b.end or b.root.dep_ in {"compound", "appos"} and b.root.head == word)
    ]


def _the_wing_named(actor: Span) -> bool:
    """ "Hamas's armed wing, the Qassam Brigades": the wing, named beside the word for it (kb
    relations.yaml part_of ``parent_nouns``), speaks, not the group it is part of."""
    root = actor.root
    return root.dep_ == "appos" and root.head.lemma_.lower() in PARENT_NOUNS


def _spokesperson_of(actor: Span) -> bool:
    """ "the spokesperson for the Taliban", "a representative of the FMLN": the actor a spokesperson's
    title names (``SPOKESPEOPLE``)."""
    prep = actor.root.head
    return actor.root.dep_ == "pobj" and prep.lower_ in {"for", "of"} and prep.head.lower_ in SPOKESPEOPLE


def _in_clause(token: Token, span: Span) -> bool:
    """Whether a clause (participle or relative) within ``span`` holds ``token``; one that names the
    speaker ("a group calling itself X") or says whom it speaks for does not count."""
    for step in _heads_within(token, span):
        if step.lemma_ in SPEAKING_FOR:  # "a man who said he spoke for X" speaks for X
            return False
        if step.dep_ in CLAUSE_DEPS and step.lemma_ not in NAMING_VERBS:
            return True
    return False


def _heads_within(token: Token, span: Span) -> Iterator[Token]:
    """``token`` and its heads, up to the head of the speaker's words."""
    while token.i != span.root.i and span.start <= token.i < span.end and token.head.i != token.i:
        yield token
        token = token.head


def _speaks_for(actor: Span, span: Span) -> bool:
    """Whether the speaker's words say the speaker speaks for ``actor`` ("a man who said he spoke for X"),
    also where the parser left "for" without its object."""
    before = actor.doc[actor.start - 1] if actor.start > span.start else None
    if before is not None and before.lower_ == "for" and before.head.lemma_ in SPEAKING_FOR:
        return True
    return any(step.lemma_ in SPEAKING_FOR for step in _heads_within(actor.root, span))


def _person_near(ctx: Context, span: Span) -> Span | None:
    """A person named in the span, or right after it ("One of the former ministers, Jane Roe")."""
    for ent in ctx.ents:
        if ent.label_ == "PERSON" and span.start <= ent.start < span.end + 3 and ent.end <= span.end + 6:
            if ent.start >= span.end and any(
                t.is_sent_end or t.text in {"said", "told"} for t in ctx.doc[span.end : ent.start]
            ):
                continue
            if ent.end <= span.end and ent.root.dep_ in {"compound", "poss", "amod"}:
                continue  # "the Biden administration" is not Biden
            if _whose(ent, span):
                continue  # "an adviser to President Zelenskiy" is not Zelenskiy
            if not any(a.start <= ent.start < a.end for a in ctx.actors):
                return ent
    return _unlabelled_name(ctx, span)


def _whose(ent: Span, span: Span) -> bool:
    """Whether a person is named only as whom the speaker serves or is tied to: "an adviser to President
    Zelenskiy", "a lawyer for X", "a relative of X" (the speaker is the noun, unnamed)."""
    root = span.root
    return (
        root.pos_ == "NOUN"
        and ent.root.dep_ == "pobj"
        and ent.root.head.lower_ in {"to", "for", "of"}
        and ent.root.head.head.i == root.i
    )


def _unlabelled_name(ctx: Context, span: Span) -> Span | None:
    """A name the recogniser left unlabelled as the speaker's head: two or more capitalised proper nouns
    ("Inspector General of Police Vikram Sethi"), outside any actor."""
    root = span.root
    if not _name_word(root):
        return None
    taken = {i for a in ctx.actors for i in range(a.start, a.end)}
    start = root.i
    while start > span.start and _name_word(ctx.doc[start - 1]) and start - 1 not in taken:
        start -= 1
    if root.i - start < 1 or root.i in taken:
        return None
    return ctx.doc[start : root.i + 1]


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.ent_type_ in {"", "PERSON"}


def _title(span: Span, name: Span) -> str | None:
    """The words around a name that say who the person is ("Interior Minister", "a spokesman for X")."""
    doc = span.doc
    before = doc[span.start : name.start].text if name.start > span.start else ""
    after = doc[name.end : span.end].text if name.end < span.end else ""
    parts = [p.strip(" ,;") for p in (before, after)]
    parts = [p for p in parts if p and p.lower() not in {"the", "a", "an"}]
    return ", ".join(parts) or None


def describe(ctx: Context, span: Span | None, history: list[tuple[int, Source]] | None = None) -> Source:
    """A Source for the words naming a speaker; pronouns resolve to the latest fitting speaker."""
    if span is None or not span.text.strip():
        return Source(kind="author")
    head = span.root
    clause = next((c for c in head.children if c.dep_ == "relcl" and c.i > head.i), None)
    # "Indian officials, who say it is a front": a clause set off by a comma says more of them ("a man who
    # said he spoke for Boko Haram" is who the speaker is)
    if (
        clause is not None
        and clause.left_edge.i > span.start
        and span.doc[clause.left_edge.i - 1].text == ","
    ):
        end = clause.left_edge.i
        while end > span.start + 1 and span.doc[end - 1].is_punct:
            end -= 1
        span = span.doc[span.start : end]
        head = span.root
    if len(span) == 1 and head.lower_ in RELATIVES and head.head.dep_ in {"relcl", "acl"}:
        noun = head.head.head  # "Al-Shabaab, which claimed the bombing": the speaker is Al-Shabaab
        return describe(ctx, span.doc[noun.left_edge.i : noun.i + 1], history)
    if len(span) == 1 and head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return resolve_pronoun(ctx, head, history or [])
    actor = _actor_in(ctx, span)
    bare = len(span) - len(qualifier_words(head)) <= 3  # "the group", "the Iran-backed group"
    if actor is None and head.lower_ in GROUP_NOUNS and bare and span[0].lower_ in {"the", "this"}:
        before = [
            a
            for a in ctx.actors
            if a.end <= span.start
            and span.start - a.end < 120
            and is_group(a)
            and a.kb_id_ not in kb.voices()
        ]
        if before:  # "the group said": the group last named (not "its Amaq news agency", the group's outlet)
            return Source(kind="organization", name=before[-1].text, actor=before[-1].kb_id_)
    if actor is not None and actor.start <= head.i < actor.end and head.ent_type_ != "PERSON":
        # "JNIM, al-Qaeda's branch in the Sahel, claimed": the group speaks, whatever the recogniser
        # took for a person in the words that describe it ("Sahel")
        return Source(kind="organization", name=_with_its_owner(actor), actor=actor.kb_id_)
    if actor is None and head.is_title and head.lower_ in BODY_HEADS and head.i > span.start:
        # "The Wad al-Noura Resistance Committee said": a body, whatever the recogniser took for a person
        return Source(kind="organization", name=span.text.strip())
    person = _person_near(ctx, span)
    if person is not None:
        title = _title(span, person) if person.start < span.end else span.text
        return Source(kind="person", name=person.text, actor=actor.kb_id_ if actor else None, title=title)
    lemma = head.lemma_.lower()
    text = span.text.strip()
    if lemma in REPORT_HEADS or head.lower_ in REPORT_HEADS:
        issuer = _issuer(ctx, span, history or []) if actor is None else None
        return issuer or Source(kind="report", name=text, actor=actor.kb_id_ if actor else None)
    if actor is not None and actor.start <= head.i < actor.end:
        return Source(kind="organization", name=_with_its_owner(actor), actor=actor.kb_id_)
    if actor is not None and (head.lower_ in SPOKESPEOPLE or _speaks_for(actor, span)):
        return Source(kind="organization", name=actor.text, actor=actor.kb_id_, title=head.text)
    if head.lower_ in ANONYMOUS_HEADS or lemma in ANONYMOUS_HEADS:
        return Source(kind="anonymous", name=text, actor=actor.kb_id_ if actor else None)
    if actor is not None:
        return Source(kind="organization", name=text, actor=actor.kb_id_)
    if lemma in INSTITUTIONS:  # "the interior ministry said ... The ministry added": one source
        return _named_before(span, history or []) or Source(kind="organization", name=text)
    if any(e.label_ in {"ORG", "NORP", "GPE"} for e in ctx.ents_in(span)):
        return Source(kind="organization", name=text)
    return Source(kind="anonymous", name=text)


def _with_its_owner(actor: Span) -> str:
    """ "Pakistan's military said": a body named by what it is keeps the state it belongs to in its name
    ("Pakistan's military", not "military"); a body with a name of its own is that name."""
    owner = next((c for c in actor.root.children if c.dep_ == "poss" and c.i < actor.start), None)
    if owner is None or not (actor.kb_id_.startswith("new:") or actor.text.islower()):
        return actor.text  # "Pakistan's ISI"; but "Pakistan's military" (the Pakistan Army) keeps its state
    return actor.doc[owner.left_edge.i : actor.end].text


def _named_before(span: Span, history: list[tuple[int, Source]]) -> Source | None:
    """For "the ministry", the latest organisation source named more fully with the same head word
    ("the interior ministry")."""
    head = span.root
    if len(span) != 2 or span[0].lower_ not in {"the", "this"}:
        return None
    for at, source in reversed(history):
        words = (source.name or "").lower().split()
        if at < head.i and source.kind == "organization" and len(words) > 2 and words[-1] == head.lower_:
            return source
    return None


def _issuer(ctx: Context, span: Span, history: list[tuple[int, Source]]) -> Source | None:
    """Who issued "the statement" named before: "X said in a statement that ... The statement described
    ...": X, the speaker of the sentence where the statement was last named."""
    head = span.root
    if span[0].lower_ not in {"the", "this", "that"}:
        return None
    for token in reversed(ctx.doc[max(0, span.start - 150) : span.start]):
        if token.lemma_ == head.lemma_:
            sent = ctx.sent(token)
            return next((s for i, s in reversed(history) if sent.start <= i < sent.end), None)
    return None


def resolve_pronoun(ctx: Context, token: Token, history: list[tuple[int, Source]]) -> Source:
    """The latest person (he/she) or group (they/it/we) named before the pronoun."""
    if token.lower_ in PERSON_PRONOUNS:
        people = [
            e
            for e in ctx.ents
            if e.label_ == "PERSON"
            and e.end <= token.i
            and not any(a.start <= e.start < a.end for a in ctx.actors)
        ]
        unnamed = [(at, s) for at, s in history if at < token.i and _one_unnamed_person(s)]
        if unnamed and (not people or unnamed[-1][0] > people[-1].start):
            return unnamed[-1][1]  # "..., according to a state prosecutor, though he added ..."
        if people:
            last = people[-1].text
            for _, source in reversed(history):  # the same person, with the title given at first mention
                if source.kind == "person" and source.name and (last in source.name or source.name in last):
                    return source
            return describe(ctx, _noun_phrase(people[-1]))
        return Source(kind="anonymous", name=token.text)
    before = [a for a in ctx.actors if a.end <= token.i and not qualifies_only(a)]
    speakers = [
        (i, s)
        for i, s in history
        if s.kind in {"organization", "anonymous", "report"}
        and i < token.i
        and not (token.lower_ == "it" and _many_unnamed(s))
    ]
    if speakers:
        at, speaker = speakers[-1]
        if not before or at > before[-1].start or _in_words_of(ctx, at, before[-1], token):
            return speaker
    if before:
        return Source(kind="organization", name=before[-1].text, actor=before[-1].kb_id_)
    return Source(kind="anonymous", name=token.text)


def _many_unnamed(source: Source) -> bool:
    """Speakers given by what they are, in the plural ("human rights groups", "residents"): "it" is not
    them."""
    words = (source.name or "").split()
    return source.kind == "anonymous" and bool(words) and words[-1].islower() and words[-1].endswith("s")


def _one_unnamed_person(source: Source) -> bool:
    """A speaker given by what one person is, not by name ("a state prosecutor")."""
    words = (source.name or "").lower().split()
    return source.kind == "anonymous" and bool(words) and words[-1] in ONE_PERSON_HEADS


def _in_words_of(ctx: Context, speaker_at: int, actor: Span, pronoun: Token) -> bool:
    """Whether the group last named sits in the words of the speaker just before the pronoun: in "The
    ministry said the Taliban carried out the attack. It added ...", "it" goes on with the ministry
    (the speaker stays the subject), not with the group it spoke of."""
    said = ctx.index(ctx.doc[speaker_at])
    return said == ctx.index(actor) and ctx.index(pronoun) - said <= 1


def _noun_phrase(ent: Span) -> Span:
    """A name with the apposition that says who it is ("Jane Roe, a police spokeswoman")."""
    root = ent.root
    end = max([ent.end] + [c.right_edge.i + 1 for c in root.children if c.dep_ == "appos" and c.i > root.i])
    if end == ent.end:  # "Jane Roe a police spokeswoman was ..." without commas
        nxt = ent.doc[ent.end : min(ent.end + 10, len(ent.doc))]
        for tok in nxt:
            if tok.dep_ in {"ROOT", "aux", "auxpass", "punct"} or tok.pos_ in {"VERB", "AUX"}:
                end = tok.i
                break
    return ent.doc[ent.start : end]
