"""Who a relation's words name: the actor said to act (subject), and the other party of a tie or of help.

The parse gives the subject ("X carried out", "carried out by X", "the work of X", "accused X of"),
with "they" and "the group" resolved backwards (within reported words, to the speaker's group or one
named there); a tie's other actor comes after the words or is coordinated with the subject.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph import kb
from claimgraph.extractors.attributions import CHARGE_OBJECTS, OWN_WORD_VERBS, Found, subject_of
from claimgraph.extractors.context import Context
from claimgraph.extractors.speakers import (
    ACCUSE_LEMMAS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    INSTITUTIONS,
    LOYALTY_WORDS,
    NAMING_VERBS,
    PLACE_PREPS,
    QUALIFYING_PARTICIPLES,
    SPOKESPEOPLE,
    is_group,
    names_the_owned,
    qualifier_words,
    qualifies_only,
)
from claimgraph.extractors.whereabouts import COMPASS
from claimgraph.model import Source
from claimgraph.nlp.actors import STATE_ACTS, slug

_RELATIONS = kb.load("relations")
ACTOR_RELATIONS = {r for r, v in _RELATIONS.items() if isinstance(v, dict) and v["target"] == "actor"}

CHARGE_PREPS = {"for", "of"}
AGENT_PREPS = {"of", "from", "to", "by"}
# Links a verb inherits its subject through ("takes care of planning and providing resources").
CLIMB = frozenset({"conj", "xcomp", "pobj", "pcomp", "prep", "dobj", "acomp"})
EVENT_NOUNS = kb.incident_words()
STATES = kb.state_ids()
ATTACKER_WORDS = kb.role_lexicon()["attackers"]
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_GENERIC = kb.load("generic_actors")
COPULAS = {"be", "become", "remain", "seem", "appear"}
PASSIVE_DOERS = frozenset(_RELATIONS["passive_doers"])  # "X was involved": X took part
# "blamed on X", "attributed to X": the accused comes after the preposition, not as the object
ACCUSED_PREPS: dict[str, set[str]] = {}
for _verb, _prep in (pair.split() for pair in _RELATIONS["accused_preps"]):
    ACCUSED_PREPS.setdefault(_verb, set()).add(_prep)
DESCRIBED_GROUPS = frozenset(_RELATIONS["described_groups"])
DESCRIBED_BODIES = frozenset(_RELATIONS["described_bodies"])  # "militant groups": with a descriptor
ARMED_DESCRIPTORS = frozenset(_RELATIONS["armed_descriptors"])
NATIONAL_BODIES = frozenset(_RELATIONS["national_bodies"])  # "a Palestinian faction"
SAID_TO_BE_VERBS = frozenset({"suspect", "believe", "think", "say", "report", "identify", "understand"})
UNNAMED_GROUP = "UNNAMED_GROUP"  # span label of a group the text names by what it is (kind unknown-group)
GROUP_MODIFIERS = {"amod", "compound", "nmod"}
# "its fighters", "their men": a possessive that stands for a group, and the nouns for its people.
GROUP_POSSESSIVES = {"its": "it", "their": "they", "our": "we"}
GROUP_MEMBERS = ATTACKER_WORDS | frozenset(_GENERIC["members"])
COUNTER_PATIENTS = frozenset(_RELATIONS["perpetrated"]["counter_patients"])
WEAPON_WORDS = kb.role_lexicon()["weapons"]
INTERCEPTED = frozenset(_RELATIONS["perpetrated"]["intercepted_weapons"])
DEFINITE = {"the", "those", "these", "all", "both", "its", "their"}
OWN_TIE_VERBS = frozenset(_RELATIONS["cooperates_with"]["own_tie_verbs"])
RECEIVING = frozenset(_RELATIONS["facilitated"]["receiving"])  # "X received weapons from Y": Y helped X


def governing_verb(token: Token) -> Token:
    steps = 0
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i and steps < 4:
        token, steps = token.head, steps + 1
    return token


def actors_in(tokens: range | set[int], actors: list[Span]) -> list[Span]:
    return [a for a in actors if a.root.i in tokens]


def _actors_heading(roots: list[Token], actors: list[Span]) -> list[Span]:
    """The actors that head any of these phrases ("by X and Y", "from X")."""
    return actors_in(set().union(*(head_tokens(r) for r in roots)), actors)


COMPASS_WORD = re.compile(COMPASS)


def prep_objects(token: Token, words: frozenset[str] | set[str] | None = None) -> list[Token]:
    """What the prepositions on a word name ("loyal [to X]", "a role [in the bombing]"); with ``words``,
    only those of these prepositions ("two [of the attackers]")."""
    return [
        o
        for p in token.children
        if (p.lower_ in words if words is not None else p.dep_ == "prep")
        for o in p.children
        if o.dep_ == "pobj"
    ]


def subtree_ids(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


HEAD_DEPS = {"compound", "amod", "poss", "nmod", "conj", "appos", "cc", "det", "punct"}
GROUP_OF = {"of", "from"}  # "members of X", "fighters from X"
# Nouns whose "of" or "from" names the people meant ("members of X", "a unit of X"); "the blood of the
# four U.S. nuns" is not the nuns, nor the United States.
PEOPLE_NOUNS = ATTACKER_WORDS | GROUP_NOUNS | {
    "leader", "leaders", "spokesman", "commander", "commanders", "head", "chief", "wing", "branch", "faction",
    "elements", "element", "forces", "force", "supporters", "sympathizers", "column", "columns", "detachment",
    "contingent", "platoon", "company", "battalion", "brigade", "team", "teams", "number", "dozens",
    "hundreds", "groups", "pair", "couple", "remnants", "people", "spokesmen", "spokesperson", "official",
    "officials", "representative", "representatives", "militiamen", "cadres", "allies", "ally", "partners",
    "instructors", "advisers", "advisors", "mercenaries", "contractors",
}  # fmt: skip
PARENT_NOUNS = frozenset(_RELATIONS["part_of"]["parent_nouns"])  # "a faction of Y": Y is another group


def head_tokens(root: Token) -> set[int]:
    """The words that name who a phrase is about: its head, compounds, possessors, coordinated heads."""
    out, todo = set(), [root]
    while todo:
        token = todo.pop()
        out.add(token.i)
        qualifiers = qualifier_words(token)  # "the al-Qaeda-linked group", "the Iran-backed Houthis"
        appos = token.dep_ == "appos" and token is not root
        described = appos and _parent_noun(token)
        if token is not root and token.dep_ == "compound" and _parent_noun(token):
            continue  # "the al-Qaeda affiliate JNIM": JNIM, not the group it is an affiliate of
        for child in token.children:
            if child.i in qualifiers or described and child.dep_ in {"poss", "compound"}:
                continue  # "JNIM, al-Qaeda's branch in the Sahel", "JNIM, an al-Qaeda affiliate"
            if child.dep_ in GROUP_MODIFIERS and _parent_noun(token) and kb.names_a_state(child.text):
                continue  # "Islamic State's Mozambique branch": where the branch is, not who it is
            # "fighters loyal to X", "a cell linked to Hamas": X's; but a name set beside it says whose:
            # "Hafiz Gul Bahadur, a faction allied with the TTP" is not the TTP
            if child.dep_ in {"amod", "acl"} and child.lower_ in LOYALTY_WORDS and not appos:
                todo.extend(prep_objects(child))
            if child.dep_ in HEAD_DEPS:
                todo.append(child)
            elif (
                child.dep_ == "prep"
                and child.lower_ in GROUP_OF
                and (token.pos_ in {"PRON", "NUM"} or token.pos_ == "NOUN" and token.lower_ in PEOPLE_NOUNS)
                and not _parent_noun(token)  # "X, a faction of Y": Y is not X
                or child.dep_ == "prep"
                and child.lower_ == "for"
                and token.lower_ in SPOKESPEOPLE
            ):  # "a spokesman for X" speaks as X
                todo.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _parent_noun(noun: Token) -> bool:
    """Whether a noun's "of" names a larger group than the one meant: "a faction of Y", also "a
    splinter group of Y", "a breakaway cell of Y" (kb relations.yaml ``parent_nouns``)."""
    return noun.lemma_.lower() in PARENT_NOUNS or any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in PARENT_NOUNS for c in noun.children
    )


# Words for those a state's name before them says where they are from, not that they are its own
# ("Mozambique insurgents", "Syria rebels"; "Nigeria troops" are Nigeria's).
NON_STATE_PEOPLE = DESCRIBED_GROUPS - {
    "soldiers",
    "troops",
    "policemen",
    "commandos",
    "agencies",
    "proxies",
    "mercenaries",
    "squads",
}


def _from_the_state(actor: Span) -> bool:
    """ "Mozambique insurgents behead villagers": a state named before armed men it does not command."""
    root = actor.root
    return actor.kb_id_ in STATES and root.dep_ in GROUP_MODIFIERS and root.head.lower_ in NON_STATE_PEOPLE


def named_before(noun: Token, actors: list[Span], floor: int = 0) -> list[Span]:
    """The actor a definite group noun stands for, as the narration reads it: "blamed the attack on the
    Somalia-based extremist group", "for supporting the group" (the group named before, if one)."""
    if noun.lower_ not in GROUP_NOUNS or not any(c.lower_ in {"the", "this"} for c in noun.children):
        return []
    return _resolve_reference(_phrase_of(noun), actors, None, floor)


def _after_a_comma(noun: Token) -> bool:
    """Whether the noun's phrase comes right after a comma ("JNIM, the al-Qaida affiliate")."""
    start = noun.left_edge.i
    return start > 0 and noun.doc[start - 1].text == ","


def _said_to_be(noun: Token) -> Token | None:
    """ "the attackers, suspected to be Fulani herders", "gunmen believed to be members of ISWAP": who
    the participle says they are (its hedge is the statement's certainty)."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        if acl.lemma_.lower() in SAID_TO_BE_VERBS:
            be = [x for x in acl.children if x.dep_ == "xcomp" and x.lemma_ == "be"]
            attrs = [a for b in be for a in b.children if a.dep_ == "attr"]
            if attrs:
                return attrs[0]
    return None


def _named_in_clause(root: Token, actors: list[Span]) -> list[Span]:
    """ "the group that operates under the name of X", "a group called X": X."""
    for child in root.children:
        if child.dep_ in {"relcl", "acl"} and any(t.lemma_.lower() in NAMING_VERBS for t in child.subtree):
            return actors_in(subtree_ids(child), actors)[:1]
    return []


def _without_owners(found: list[Span]) -> list[Span]:
    """ "The BLA's Majeed Brigade claimed responsibility": the brigade, not also the group it belongs to
    (a group's possessive on another group's name; "Pakistan's army" keeps its state, but "Yemen's
    Houthis" are no state's: a state's possessive on an armed group says where it is from)."""

    def owned(a: Span) -> bool:
        if a.root.dep_ != "poss":
            return False
        owners = [b for b in names_the_owned(a, found) if b.kb_id_ not in STATES]
        return any(b.kb_id_ in kb.organization_ids() for b in owners) if a.kb_id_ in STATES else bool(owners)

    return [a for a in found if not owned(a)]


def _named_so_before(span: Span, actors: list[Span]) -> list[Span]:
    """ "the coalition" after "the Saudi-led coalition", "the front" after "the Carlos Patino front": a
    definite noun alone that ends the name of an actor named shortly before is that actor."""
    root = span.root
    if len(span) != 2 or span[0].lower_ not in {"the", "this"} or root.pos_ != "NOUN":
        return []
    if root.lower_ in GROUP_NOUNS or root.lemma_.lower() in INSTITUTIONS:
        return []  # "the group", "the ministry": the speaker's or the last named, as read below
    before = [
        a
        for a in actors
        if a.end <= span.start
        and span.start - a.end < 80
        and len(a) > 1
        and a[-1].lemma_.lower() == root.lemma_.lower()
    ]
    return before[-1:]


def _resolve_reference(span: Span, actors: list[Span], speaker: Source | None, floor: int = 0) -> list[Span]:
    """Actors a subject phrase is headed by, with pronouns resolved backwards, to no actor before the
    ``floor`` character: in reported words, "they" is the speaker's group or one named in the words."""
    root = span.root
    heads = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    if len(heads) > 1 and root.pos_ == "ADJ":  # "Sudan's paramilitary | Rapid Support Forces": two
        root = heads[-1]  # subjects of a misparse, the adjective one of them; the name is the head
    said_to_be = _said_to_be(root)
    if said_to_be is not None:  # "the attackers, suspected to be Fulani herders": the herders
        phrase = _phrase_of(said_to_be)
        return _resolve_reference(phrase, actors, speaker, floor) or unnamed_groups(said_to_be)
    if _parent_noun(root):  # "the Islamic State group's affiliate, known as ISKP": ISKP, not its parent
        named = _named_in_clause(root, actors)
        if named:
            return named
    found = [a for a in _without_owners(actors_in(head_tokens(root), actors)) if not _from_the_state(a)]
    if found:
        return found
    named = _named_in_clause(root, actors)
    if named:
        return named
    if root.pos_ in {"NUM", "PRON"}:  # "one of its militants", "some of their fighters"
        root = next(iter(prep_objects(root, {"of"})), root)
    whose = prep_objects(root, GROUP_OF) if root.lower_ in PEOPLE_NOUNS else []
    if whose and whose[0].lower_ in GROUP_NOUNS and whose[0].lower_ != root.lower_:
        return _resolve_reference(_phrase_of(whose[0]), actors, speaker, floor)  # "a commander of the group"
    owner = next((c for c in root.children if c.dep_ == "poss" and c.lower_ in GROUP_NOUNS), None)
    if owner is not None and root.lower_ in GROUP_MEMBERS:  # "the group's fighters": the group's
        return _resolve_reference(_phrase_of(owner), actors, speaker, floor)
    possessor = next((c for c in root.children if c.dep_ == "poss" and c.lower_ in GROUP_POSSESSIVES), None)
    if possessor is not None and root.lower_ in GROUP_MEMBERS and (speaker or possessor.lower_ != "our"):
        # "its fighters", "their men": the group the possessive stands for, as "it" or "they" would
        # ("our forces" only in someone's reported words: the writer's own group is not named)
        pronoun = Span(span.doc, possessor.i, possessor.i + 1)
        return _resolve_reference(pronoun, actors, speaker, floor)
    clause = root.head
    while clause.dep_ == "ccomp" and clause.head.dep_ in {"relcl", "ccomp"}:
        clause = clause.head  # "X, which Indian officials say is a front for Y": the clause on X
    if root.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        noun = clause.head  # the noun the relative clause hangs on, without the clause itself
        # "the bombing of a mosque in Peshawar, which killed 101": the bombing did it; but "blamed Israel
        # and the United States, which denied involvement": a state speaks for itself
        speaks = clause.lemma_.lower() in OWN_WORD_VERBS and actors_in({noun.i}, actors)
        if noun.ent_type_ in {"GPE", "LOC", "FAC"} and not speaks:
            return []
        return _resolve_reference(_phrase_of(noun), actors, speaker, floor)
    named_so = _named_so_before(span, actors)
    if named_so:
        return named_so
    lower = GROUP_POSSESSIVES.get(root.lower_, root.lower_)
    if root.lemma_.lower() in INSTITUTIONS and span[0].lower_ in {"the", "this"} and _inside(speaker):
        # "a source in Ukraine's SBU security service said the agency was behind it": the speaker's body
        return [a for a in actors if a.kb_id_ == speaker.actor][:1]
    if root.lemma_.lower() in GROUP_NOUNS and root.tag_ == "NNS" and _both(root):
        return _last_two_groups(span, actors, floor)  # "Both groups denied involvement"
    pronoun = lower in GROUP_PRONOUNS | {"themselves"}
    definite_group = root.lower_ in GROUP_NOUNS and span[0].lower_ in {"the", "this", "that"}
    # "they", "the group": the speaker's, or the last named
    described = [c for c in root.children if c.dep_ == "amod" and c.lower_ in ARMED_DESCRIPTORS]
    # "the Iran-backed group", "the Somalia-based extremist group"
    if (pronoun or definite_group) and len(span) - len(qualifier_words(root)) - len(described) <= 2:
        if speaker is not None and speaker.actor and (definite_group or lower in {"we", "they", "it"}):
            voiced = kb.voices().get(speaker.actor)  # Radio Venceremos' "the rebels" are the FMLN's
            own = [a for a in actors if a.kb_id_ == speaker.actor][:1]
            if voiced:
                own = [Span(a.doc, a.start, a.end, label=a.label_, kb_id=voiced) for a in own]
            if not definite_group or all(is_group(a) for a in own):  # police say "the cartel": not police
                return own
        before = [
            a
            for a in actors
            if a.end <= span.start
            and span.start - a.end < 60
            # "Officials say the group is a front for X": the group named before their words ("the rebels"
            # in someone's words may be any rebels)
            and (a.start_char >= floor or definite_group and root.tag_ == "NN")
            # "JNIM, the Sahel branch of al Qaeda, ... The group": JNIM; but "an armed wing of the Medellin
            # Cartel ... the cartel": the cartel
            and not (_named_as_a_parent(a) and root.lower_ not in a.text.lower())
            and not (definite_group and not is_group(a))
            and not qualifies_only(a)
            and not _a_place(a)  # "attacked a camp in Helmand Province, Afghanistan. They killed ..."
        ]
        plural = lower in {"they", "them", "themselves"}
        if before and plural and _unnamed_doers_between(before[-1], span):
            return []  # "... because the guerrillas sabotaged pylons when they launched attacks"
        return before[-1:]
    return []


def _said_in_a_relative_clause(doc: Doc, attribution: Found) -> bool:
    """ "according to Indian officials, who say it is a front for X": words said in a clause on the
    speakers go on with what the sentence told before them ("it" is the group that claimed)."""
    cue = doc.char_span(attribution.cue_start, attribution.cue_start + len(attribution.cue_text), "expand")
    return cue is not None and cue.root.dep_ == "relcl" and cue.root.head.i < cue.root.i


def _named_as_a_parent(actor: Span) -> bool:
    """ "the Sahel branch of al Qaeda": a group named only as what another is part of."""
    prep = actor.root.head
    return actor.root.dep_ == "pobj" and prep.lower_ == "of" and _parent_noun(prep.head)


RIVALRY_NOUNS = frozenset(_RELATIONS["rivalry_nouns"])


def _accused(verb: Token) -> list[Token]:
    """Who an accusing verb names: "blamed X for", "X was accused of", "blamed it on X" (and "on X and on
    Y"), "attributed the attack to X", "X was to blame"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children):
        return [c for c in verb.head.children if c.dep_ == "nsubj"][:1]  # "X was to blame"
    preps = ACCUSED_PREPS.get(verb.lemma_.lower(), set())
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    reduced = (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBN", "VBD"}
        and not any(c.dep_ == "nsubj" for c in verb.children)
    )
    if not objects and reduced:  # "ELN blamed for attack"
        objects = [_said_to_be(verb.head) or verb.head]  # not "the attackers, suspected to be herders"
    if not objects:  # "they suspected members of the faction were responsible": the clause's subject
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"):
            if any(w.lower_ in {"responsible", "behind", "involved"} for w in clause.children):
                return [c for c in clause.children if c.dep_ == "nsubj"][:1]
    # after the verb (not "On Sunday, X blamed"), or on its object ("blamed the violence on bandits")
    # ... or on the accuser the parser hung it on ("was blamed by activists on the army")
    after = [
        c
        for w in (verb, *objects, *_agents(verb))
        for c in w.rights
        if c.dep_ == "prep" and c.lower_ in preps
    ]
    after += [c for p in after for c in p.conjuncts if c.lower_ in preps]  # "on X and on Y"
    named = [o for p in after for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"}]
    return [side for noun in named or objects[:1] for side in _sides(noun)]


def _agents(verb: Token) -> list[Token]:
    """The nouns of a passive's "by" ("was accused by the United Nations")."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def _sides(noun: Token) -> list[Token]:
    """ "a dispute between X and Y": X and Y, each; any other noun as it is."""
    if noun.lemma_.lower() not in RIVALRY_NOUNS:
        return [noun]
    sides = [o for o in prep_objects(noun, {"between"}) for o in (o, *o.conjuncts)]
    return sides or [noun]


def _faction_of(noun: Token, actors: list[Span]) -> list[Span]:
    """ "blamed the attack on a faction of the FARC": a faction with no name of its own is known by the
    group it split from (set beside a name, "X, a faction of Y", it is X: see ``head_tokens``)."""
    if noun.dep_ == "appos" or not _parent_noun(noun):
        return []
    return actors_in({i for o in prep_objects(noun, {"of"}) for i in head_tokens(o)}, actors)


def unnamed_groups(root: Token, accused: bool = False) -> list[Span]:
    """Groups a phrase names by what they are, not by a name ("Colombian drug-trafficking gangs",
    "unidentified gunmen": kb relations.yaml ``described_groups``), each as a new actor named as
    written, its modifiers included and its article and number left out; label ``UNNAMED_GROUP``.
    ``accused``: the phrase is what an accusing verb names, where a described body is a group ("India
    blames Pakistan-based group")."""
    out = []
    for noun in (root, *root.conjuncts):
        # (one body only: "blamed extreme rightist groups" on MUC-4 names a tendency, not a doer)
        described = accused and noun.tag_ == "NN" and noun.lower_ in DESCRIBED_BODIES and _modified(noun)
        if noun.lower_ not in DESCRIBED_GROUPS and not _an_armed_body(noun) and not described:
            continue
        modifiers = [c for c in noun.children if c.dep_ in GROUP_MODIFIERS and c.i < noun.i]
        start = min((m.left_edge.i for m in modifiers), default=noun.i)
        quotes = sum(t.is_quote for t in noun.doc[start : noun.i])
        if quotes % 2 and start > 0 and noun.doc[start - 1].is_quote:
            start -= 1  # '"Indian-sponsored" militants': the quotation as written, both its marks
        name = noun.doc[start : noun.i + 1]
        out.append(Span(noun.doc, start, noun.i + 1, label=UNNAMED_GROUP, kb_id="new:" + slug(name.text)))
    return out


def _modified(noun: Token) -> bool:
    """Whether words before the noun say what it is ("Pakistan-based group", "a little-known group")."""
    return any(c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i for c in noun.children)


def _an_armed_body(noun: Token) -> bool:
    """ "militant groups", "an armed group", "a terrorist organisation", "a Palestinian faction": a body
    named by what it is."""
    if noun.lower_ in NATIONAL_BODIES and any(
        c.dep_ in {"amod", "compound"} and (c.ent_type_ == "NORP" or c.is_title and not c.is_sent_start)
        for c in noun.children
    ):
        return True  # "a Palestinian faction", "a domestic Baluch group" (the recogniser misses "Baluch")
    return noun.lower_ in DESCRIBED_BODIES and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in ARMED_DESCRIPTORS for c in noun.children
    )


def _unnamed_doers_between(actor: Span, pronoun: Span) -> bool:
    """Whether attackers no actor names ("the guerrillas") are the subject of a clause between the
    last named actor and "they": the nearer plural, whom "they" more likely means."""
    doc = actor.doc
    return any(
        t.lower_ in ATTACKER_WORDS and t.tag_ == "NNS" and t.dep_ in {"nsubj", "nsubjpass"}
        for t in doc[actor.end : pronoun.start]
    )


def subjects(trigger: Span, relation: str, actors: list[Span], attribution: Found | None) -> list[Span]:
    if received(trigger, relation):  # "from Yemen's Houthis": the Houthis, not Yemen
        return _without_owners(_actors_heading(_givers(trigger.root), actors))
    if relation == "perpetrated" and len(trigger) == 2 and trigger[-1].lemma_ == "be":
        return _named_by_copula(trigger)
    last = trigger[-1]
    # "members of X", "the work of X": the doer follows the preposition (a denial's "distanced itself
    # from the bombing" names what is denied)
    if relation not in ACTOR_RELATIONS | {"denied"} and last.lower_ in AGENT_PREPS:
        clauses = [c for c in last.children if c.dep_ == "pcomp"]
        # "the work of Houthi commanders settling scores": the clause's subject is who; "the work of
        # establishing a new government" is a task, not a doer
        objs = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
        if clauses and not objs:
            return []
        objs = objs or [c for c in last.children if c.dep_ == "pobj"]
        if objs:  # "the work of the BLA, which has bombed police patrols": not the police
            qualifiers = {i for t in objs[0].subtree for i in qualifier_words(t)}  # "of Iran-backed militias"
            named = _without_owners(
                actors_in(set(subtree_ids(objs[0])) - relative_clauses(objs[0]) - qualifiers, actors)
            )
            # "bore the hallmarks of the group": the group last named, as "carried out by the group"
            # ("attacked by the rebels" says who, not which: the rebels named before may not be these)
            if named or objs[0].tag_ != "NN":
                return named or unnamed_groups(objs[0])  # "the work of Ukrainian partisans"
            return _resolve_reference(_phrase_of(objs[0]), actors, None, 0) or _named_after_comma(
                objs[0], actors
            )
        following = [a for a in actors if a.start >= trigger.end and a.start - trigger.end <= 3]
        return following[:1]
    head = trigger.root
    speaker = attribution.speaker if attribution else None
    floor = attribution.start if attribution and attribution.start <= trigger.start_char else 0
    if floor and _said_in_a_relative_clause(trigger.doc, attribution):
        floor = trigger.sent.start_char  # "X claimed it, according to officials, who say it is a front"
    if head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        # "those responsible for the attack", "the group responsible": whoever the noun names
        return _resolve_reference(_phrase_of(head.head), actors, speaker, floor)
    own_subject = [c for c in head.children if c.dep_ == "nsubj"] if head.pos_ == "ADJ" else []
    if own_subject and head.dep_ in {"ccomp", "oprd", "xcomp"}:
        # "Israel holds the Lebanese state responsible": the one held so, not the one who holds
        subject = _phrase_of(own_subject[0])
        return _resolve_reference(subject, actors, speaker, floor) or unnamed_groups(own_subject[0])
    # "accusations by U.S. officials that it was behind the attack": the "by" of the noun the clause says
    # something about names the accusers, not the doers
    about_a_noun = head.dep_ == "acl" and any(c.dep_ == "mark" for c in head.children)
    for token in (*_conjuncts(head), *(() if about_a_noun else (head.head,))):
        if token.lemma_.lower() in ACCUSE_LEMMAS:
            continue  # "X was accused by the UN of killing civilians": the UN accuses, X is accused
        for child in token.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                by = [c for c in child.children if c.dep_ == "pobj"]
                # who is named, not what a clause says of them ("by X, which has attacked towns in Mali")
                agents = _actors_heading(by, actors)
                if not agents and by:  # "carried out by the group": the group last named
                    agents = _resolve_reference(_phrase_of(by[0]), actors, speaker, floor)
                if not agents and by and by[0].tag_ == "NNS":  # "carried out by bandits": a group unnamed
                    agents = unnamed_groups(by[0])
                if agents:
                    return agents
    if relation == "perpetrated" and head.pos_ == "ADP" and head.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        # "the separatists behind the train attack": those the noun names, not the one accused of
        # backing them
        noun = head.head
        return (
            actors_in(head_tokens(noun), actors)
            or unnamed_groups(noun)
            or _resolve_reference(_phrase_of(noun), actors, speaker, floor)
        )
    if head.lemma_.lower() in ACCUSE_LEMMAS:
        accused = _accused(head)
        if not accused:
            return []
        # not "wanted by U.S. courts" after it
        named = [
            a
            for noun in accused
            for a in _without_owners(actors_in(head_tokens(noun), actors))
            or named_before(noun, actors, floor)
            or unnamed_groups(noun, accused=True)
            or _faction_of(noun, actors)
        ]
        if named or accused[0].pos_ == "PRON":  # "it is blamed", "we have been accused": left as they are
            return named
        return _resolve_reference(_phrase_of(accused[0]), actors, None, floor)  # "blamed the group"
    if head.pos_ in {"NOUN", "PROPN"}:
        # "JNIM, the al-Qaida affiliate, and Islamic State fighters": the parser may make the apposition a
        # conjunct; a parent noun set off by a comma after a name still describes that name
        beside = head.dep_ == "appos" or head.dep_ == "conj" and _parent_noun(head) and _after_a_comma(head)
        described = head.head if beside and relation in ACTOR_RELATIONS else _described(head)
        if described is not None:  # "X, a faction of Y", "described X as a faction of Y": X
            named = actors_in(head_tokens(described) - set(subtree_ids(head)), actors)
            return named or _named_before_comma(head, actors)
        if _parent_noun(head) and relation in ACTOR_RELATIONS and described is None:
            # "IS's affiliate, known as ISKP", "the al-Qaeda affiliate JNIM": the one named is part of the
            # other; "Islamic State's regional affiliate" names no part, only the whole
            named = _named_in_clause(head, actors)
            if not named and head.dep_ == "compound":
                named = actors_in({head.head.i}, actors)
            if named or head.dep_ in {"nsubj", "nsubjpass"}:
                return named  # "X is a faction of Y", "X has been an affiliate of Y": X, below
        own = actors_in(
            {
                c.i
                for c in head.children
                if c.dep_ in {"poss", "compound", "amod"} and not _a_region_of(c) and not _where(c, head)
            },
            actors,
        )
        if not own and relation in ACTOR_RELATIONS and owns_the_tie(head):  # "X denied any link to Y"
            subject = subject_of(head.head, passive_ok=False)
            return _resolve_reference(subject, actors, speaker, floor) if subject is not None else []
        # "X was the work of Y" names Y above; "It was the first attack" names no doer
        # "X had no role in the attack": the one who had it, as with a copula
        had = relation == "denied" and head.dep_ == "dobj" and head.head.lemma_.lower() == "have"
        if own or head.head.lemma_.lower() not in COPULAS and not had or head.lemma_.lower() in EVENT_NOUNS:
            return own
    verb = governing_verb(head)
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    # "the 11 priests assassinated", "the six service members killed" (tagged VBD at times): a reduced
    # relative clause on its noun is passive, unless it has a subject of its own
    reduced = verb.dep_ == "acl" and verb.tag_ in {"VBN", "VBD"}
    # ... as is a bare participle the parser hangs on the main verb ("identified the body of the police
    # commander murdered this morning")
    bare = verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)
    reduced = reduced or verb.dep_ == "advcl" and bare
    passive = passive or reduced and not any(c.dep_ == "nsubj" for c in verb.children)
    if passive and verb.lemma_.lower() not in PASSIVE_DOERS and relation not in ACTOR_RELATIONS:
        return []  # a passive's subject is its patient; its doer came with "by" above (but "X, which
        # is allied with Y": a party to a tie either way)
    charged = _charged_with(verb)
    if charged is not None:  # "accused the Brigade of planting the bomb": the Brigade planted it
        return _without_owners(actors_in(head_tokens(charged), actors)) or unnamed_groups(charged)
    loyal = _loyal_doers(verb, actors)
    if loyal:
        return loyal
    subject = subject_of(verb, passive_ok=passive, climb=CLIMB)
    if subject is not None and _the_weapon(subject, verb):
        return []
    found = _resolve_reference(subject, actors, speaker, floor) if subject is not None else []
    if not found and subject is not None and relation == "perpetrated" and verb.lemma_ in COPULAS:
        found = unnamed_groups(subject.root)  # "said Iran-backed militias were responsible": a group unnamed
    elif not found and subject is not None and relation == "perpetrated" and _an_armed_body(subject.root):
        # "a domestic Baluch group carried out the attack": a body, named by what it is, did it (where
        # "gunmen killed" names the attackers, no group: the incident's role, not a statement)
        found = unnamed_groups(subject.root)
    return found or relation == "denied" and _denied_of(verb, actors) or _left_actors(trigger, actors)


def accuser(trigger: Span) -> Span | None:
    """Who an accusing verb says accuses, where no attribution does: "X was accused by the United Nations
    of killing civilians" (the passive's "by"), "Iranian officials were pointing at Israel" (the subject of
    a verb of accusation no cue lexicon lists)."""
    verb = trigger.root
    if verb.lemma_.lower() not in ACCUSE_LEMMAS:
        return None
    by = _agents(verb)
    if by:
        return _phrase_of(by[0])
    subject = subject_of(verb, passive_ok=False)
    return subject if subject is not None and subject.root.pos_ in {"NOUN", "PROPN"} else None


def _denied_of(verb: Token, actors: list[Span]) -> list[Span]:
    """ "An Israeli official denied that Israel had any role in the explosion": where the one who denies
    is no actor, the actor whose part the denied clause states."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return [
        a for c in clauses for s in c.children if s.dep_ == "nsubj" for a in actors_in(head_tokens(s), actors)
    ]


def reciprocal_accusers(trigger: Span, actors: list[Span]) -> list[Span]:
    """ "The army and the RSF blamed each other for the shelling", "accused one another of": the actors
    of the subject, each of whom accuses the others (none where fewer than two are named)."""
    verb = trigger.root
    if verb.lemma_.lower() not in ACCUSE_LEMMAS:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not any(
        o.lower_ in {"other", "one"} and any(c.lower_ in {"each", "another"} for c in o.children)
        for o in objects
    ):
        return []
    subject = subject_of(verb, passive_ok=False)
    accusers = actors_in(head_tokens(subject.root), actors) if subject is not None else []
    return accusers if len({a.kb_id_ for a in accusers}) > 1 else []


def _named_by_copula(trigger: Span) -> list[Span]:
    """ "The kidnappers were bandits", "the attackers were Fulani herdsmen": the deed's doers, named again
    (kb relations.yaml ``deed_doers``), said to be a group named by what it is. Named groups and "members
    of X" are the ties' to read ("the gunmen were members of X")."""
    doers, verb = trigger[0], trigger[-1]
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if doers.dep_ != "nsubj" or attr is None or not any(c.lower_ == "the" for c in doers.children):
        return []
    return unnamed_groups(attr)


def _loyal_doers(verb: Token, actors: list[Span]) -> list[Span]:
    """ "Militants linked to the Islamic State killed 11 villagers": the parser at times reads "linked" as
    the sentence's verb, "militants" as its subject and "killed" as a clause on it. The doers are then the
    group the loyalty word ties those people to (kb relations.yaml ``loyalty_words``), as they are when
    the parse is right."""
    word = verb.head
    if verb.dep_ not in {"advcl", "conj", "ccomp"} or word.i > verb.i or word.lower_ not in LOYALTY_WORDS:
        return []
    people = next((c for c in word.children if c.dep_ == "nsubj"), None)
    if people is None or people.lower_ not in GROUP_MEMBERS:
        return []
    return actors_in({t.i for o in prep_objects(word) for t in o.subtree}, actors)


def _the_weapon(subject: Span, verb: Token) -> bool:
    """ "A roadside bomb killed three fighters when it struck their vehicle": "it" is the bomb, the
    subject of the clause the verb's clause hangs on, when that is a weapon or an attack."""
    if subject.root.lower_ != "it" or verb.dep_ not in {"advcl", "conj"}:
        return False
    outer = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return outer is not None and (outer.lower_ in WEAPON_WORDS or outer.lemma_.lower() in EVENT_NOUNS)


def _named_after_comma(noun: Token, actors: list[Span]) -> list[Span]:
    """ "the work of a rival faction, Islamic State West Africa Province": the name set beside a group
    noun, which the parser at times hangs elsewhere (not one who speaks: "the work of a faction, Hamas
    said")."""
    doc, end = noun.doc, noun.right_edge.i
    if noun.lower_ not in GROUP_NOUNS | PARENT_NOUNS or end + 2 >= len(doc) or doc[end + 1].text != ",":
        return []
    return [a for a in actors if a.start == end + 2 and a.root.dep_ not in {"nsubj", "nsubjpass"}][:1]


def _named_before_comma(noun: Token, actors: list[Span]) -> list[Span]:
    """ "... carried out by fighters loyal to JNIM, the al-Qaeda affiliate": the parser hangs the
    apposition on a word further back; the group it describes ends right before its comma."""
    start = noun.left_edge.i
    if start < 2 or noun.doc[start - 1].text != ",":
        return []
    return [a for a in actors if a.end == start - 1]


def owns_the_tie(noun: Token) -> bool:
    """Whether a tie noun is the object of a verb by which its subject speaks of its own ties ("denied
    any link to", "admitted ties to"; kb relations.yaml ``own_tie_verbs``)."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in OWN_TIE_VERBS


def relative_clauses(noun: Token) -> set[int]:
    """The words of the relative clauses on a noun or on a word in its phrase ("which has ...")."""
    return {t.i for w in noun.subtree if w.dep_ == "relcl" for t in w.subtree}


def _phrase_of(noun: Token) -> Span:
    """The noun with the words before it ("the group"), without what follows ("which has used ...")."""
    return noun.doc[noun.left_edge.i : noun.i + 1]


def _described(noun: Token) -> Token | None:
    """The object a verb says ``noun`` of: X in "described X as a faction", "called X a front"."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    if verb.pos_ != "VERB" or noun.dep_ not in {"pobj", "oprd", "xcomp", "dobj"}:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i and c is not noun]
    return objects[0] if objects else None


def _charged_with(verb: Token) -> Token | None:
    """The accused when ``verb`` is what they are charged with ("blamed X for planting", "accused X of
    killing"): its doer is the accusing verb's object, not its subject. The parser at times hangs the
    "of" on the accused ("accused [X of supplying weapons]")."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in CHARGE_PREPS:
        return None
    holder = prep.head
    if holder.dep_ == "dobj" and holder.head.lemma_.lower() in ACCUSE_LEMMAS:
        return holder
    if holder.lemma_.lower() not in ACCUSE_LEMMAS:
        return None
    return next((c for c in holder.children if c.dep_ == "dobj"), None)


def _conjuncts(token: Token) -> list[Token]:
    """The token and the words coordinated with it ("involvement, facilitation or provision")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    out, todo = [], [token]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(c for c in current.children if c.dep_ == "conj")
    return out


def _left_actors(trigger: Span, actors: list[Span]) -> list[Span]:
    """When the parse gives no subject: the actors right before the relation words, in the same clause."""
    doc = trigger.doc
    inside = {i: a for a in actors for i in range(a.start, a.end)}
    found: list[Span] = []
    i, gap = trigger.start - 1, 0
    while i >= 0 and gap <= 4:
        token = doc[i]
        if (
            token.is_sent_end
            or token.text in {";", ":"}
            or token.lower_ in {"that", "while", "but", "because"}
        ):
            break
        if i in inside:
            actor = inside[i]
            if actor.root.dep_ == "pobj" or actor.kb_id_ in STATES:  # "an attack in Pakistan killed"
                break
            found.insert(0, actor)
            i, gap = actor.start - 1, 0
            continue
        if token.pos_ in {"VERB", "AUX"} and not found:
            break
        if token.pos_ in {"NOUN", "PROPN"} and not found and token.ent_type_ not in {"DATE", "TIME"}:
            if token.dep_ == "pobj" and token.head.lower_ not in AGENT_PREPS:
                # "Drone strike on Sudan market kills dozens": where it struck, not who; "working
                # together with local PDF units, brought down the jet": a partner, not who
                return []
            if token.dep_ == "dobj" and trigger.root.dep_ == "advcl" and trigger.root.tag_ == "VBG":
                # "it shot down a military helicopter, killing six": what was hit did no killing (but
                # "sending U.S. pilots to bomb our capital": the object does what it was sent to do)
                return []
            # "the blood of the 11 priests assassinated": the words right before name someone who is
            # no actor; an actor further left is not the doer ("FMLN urban commandos" keeps FMLN)
            # "Iran-backed militants": the backer in the participle did not act ("Al-Qaeda-linked
            # militants" are al-Qaeda's people: a loyalty word keeps its name)
            backers = qualifier_words(token, QUALIFYING_PARTICIPLES)
            phrase = {t.i for t in token.subtree if t.i < trigger.start} - backers
            named = [a for a in actors if a.root.i in phrase or any(t.head.i in phrase for t in a)]
            # "in Ethiopia's Amhara region, killing ...", "Mozambique insurgents behead ..."
            return [a for a in named if not _a_place(a) and not _from_the_state(a)]
        if token.lower_ not in {"and", ",", "the", "&"}:
            gap += 1
            if found:
                break
        i -= 1
    return found


def _both(noun: Token) -> bool:
    """ "both groups", "the two groups"."""
    return any(c.lower_ in {"both", "two"} and c.dep_ in {"det", "predet", "nummod"} for c in noun.children)


def _last_two_groups(span: Span, actors: list[Span], floor: int) -> list[Span]:
    """The two groups named last before ``span`` (each once), within the last few sentences; not a group
    named only as what another is part of ("ISWAP, a faction of the Islamic State group")."""
    out: list[Span] = []
    for actor in reversed([a for a in actors if a.end <= span.start and a.start_char >= floor]):
        if span.start_char - actor.end_char > 600 or len(out) == 2:
            break
        of = actor.root.head
        parent = actor.root.dep_ == "pobj" and of.lower_ == "of" and _parent_noun(of.head)
        if is_group(actor) and not parent and all(o.kb_id_ != actor.kb_id_ for o in out):
            out.insert(0, actor)
    return out if len(out) == 2 else []


def _inside(speaker: Source | None) -> bool:
    """Whether the speaker is someone inside a state or a state body ("a source in the SBU", "a Guatemalan
    government official"): such a one's "the agency", "the government" is that body. A group speaking
    as itself ("Islamic State claimed the attack was staged by the government") means another."""
    if speaker is None or not speaker.actor or speaker.kind not in {"anonymous", "person"}:
        return False
    actor = kb.actors().get(speaker.actor)
    return actor is not None and actor.kind in {"state", "agency", "institution"}


def _where(modifier: Token, noun: Token) -> bool:
    """ "Niger ambush", "Pakistan bombing": a state's name before a word for an attack says where it was
    ("U.S. strike", "a Russia raid" are the state's own acts, kb generic_actors.yaml ``state_acts``)."""
    return (
        modifier.dep_ == "compound"
        and noun.lemma_.lower() not in STATE_ACTS
        and kb.names_a_state(modifier.text)
    )


def _a_region_of(owner: Token) -> bool:
    """ "attacks in Pakistan's northwest kill 15": a possessive before a point of the compass names a
    region (the parser, reading a headline, hangs it on the misread noun "kill"); it is no doer."""
    doc, after = owner.doc, owner.i + 1
    if after < len(doc) and doc[after].dep_ == "case":
        after += 1
    return after < len(doc) and COMPASS_WORD.fullmatch(doc[after].lower_) is not None


def objects(ctx: Context, trigger: Span, subjects: list[Span]) -> list[Span]:
    """The other actor of a tie: after the relation words, or coordinated with the subject."""
    subject_ids = {s.kb_id_ for s in subjects}
    noun = trigger.root
    if noun.pos_ == "NOUN":  # "the al-Qaeda affiliate", "al-Qaeda's affiliate": the group before it
        owners = {c.i for c in noun.children if c.dep_ in {"compound", "poss"}}
        if noun.dep_ == "compound":  # "al Qaeda's Sahel affiliate JNIM": the possessive hangs on JNIM
            owners |= {c.i for c in noun.head.children if c.dep_ == "poss" and c.i < noun.i}
        named = actors_in(owners, ctx.actors)
        named = [a for a in named if a.kb_id_ not in subject_ids]
        if named:
            return named
    right = range(trigger.start, trigger.root.right_edge.i + 1)
    for token in trigger:
        right = range(right.start, max(right.stop, token.right_edge.i + 1))
    # "fought alongside local Fulani militias but is a rival of X": the words' own object first, named or
    # named by what it is ("working with local Fulani militias")
    direct = [c for t in trigger if t.pos_ == "ADP" for c in t.children if c.dep_ == "pobj"]
    named = [
        a
        for a in _without_owners(actors_in({i for o in direct for i in head_tokens(o)}, ctx.actors))
        if a.kb_id_ not in subject_ids
    ]
    if named or direct and (named := [g for o in direct for g in unnamed_groups(o)]):
        return named
    # "sheltering TTP fighters, a charge the Taliban government denies": who answers the charge is no party
    remarks = {
        i for t in trigger.doc[right.start : right.stop] if _a_remark_on_the_charge(t) for i in subtree_ids(t)
    }
    actors = [a for a in ctx.actors if not _a_place(a)]
    after = [  # "cooperation with Russia's Wagner Group": with Wagner, not also Russia
        a
        for a in _without_owners(actors_in(set(right) - remarks, actors))
        if a.kb_id_ not in subject_ids and a.start >= trigger.start
    ]
    if after:
        return after
    sent = ctx.sent(trigger)
    nearby = [
        a
        for a in actors
        if sent.start <= a.start < sent.end and a.kb_id_ not in subject_ids and a.start >= trigger.end
    ]
    return nearby[:1]


def _a_remark_on_the_charge(token: Token) -> bool:
    """ "..., a charge X denies", "..., an allegation Y rejects": an apposition that says how a charge
    was taken (kb relations.yaml ``charge_objects``)."""
    return token.dep_ == "appos" and token.lower_ in CHARGE_OBJECTS


def _a_place(actor: Span) -> bool:
    """ "a group based in Pakistan's Khyber district", "militants in Syria": a state named as where
    someone is, not as a party to a tie."""
    if actor.kb_id_ not in STATES:
        return False  # "has its roots in the Muslim Brotherhood" names a group
    root = actor.root
    while root.dep_ in {"poss", "appos"} and root.head.i != root.i:  # "in Helmand Province, Afghanistan"
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def received(trigger: Span, relation: str) -> bool:
    """Whether the words say help was received ("X received weapons from Y"), so that the helper is the
    "from" phrase and the one helped the verb's subject."""
    return relation == "facilitated" and trigger.root.lemma_.lower() in RECEIVING


def _givers(verb: Token) -> list[Token]:
    """The "from" objects of a verb of receiving, on the verb or on what it received ("received weapons
    and training from Y": the parser hangs "from" on "weapons")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    holders += [c for h in holders[1:] for c in h.children if c.dep_ == "conj"]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def recipients(trigger: Span, subjects: list[Span], actors: list[Span]) -> list[Span]:
    """Who was armed, trained or funded: "to Y", "for Y", or Y in the object ("trained Y's crews"); for
    a verb of receiving, its subject."""
    verb = governing_verb(trigger.root)
    subject_ids = {s.kb_id_ for s in subjects}
    if received(trigger, "facilitated"):
        subject = subject_of(verb, passive_ok=False, climb=CLIMB)
        named = actors_in(head_tokens(subject.root), actors) if subject is not None else []
        return [a for a in named if a.kb_id_ not in subject_ids]
    scope: set[int] = set()
    for child in verb.children:
        if child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ in {"to", "for"}):
            scope |= set(subtree_ids(child))
    pointed: list[Span] = []
    for obj in helped(verb):
        if obj.i not in range(trigger.start, trigger.end):
            scope |= head_tokens(obj)
            if obj.lower_ in GROUP_NOUNS and not actors_in(head_tokens(obj), actors):
                pointed += _resolve_reference(_phrase_of(obj), actors, None)  # "supplied the group with"
    return [a for a in actors_in(scope, actors) + pointed if a.kb_id_ not in subject_ids]


def helped(verb: Token) -> list[Token]:
    """The verb's direct objects; in "armed and trained X" the object of the last verb is the first's
    too, and a participle the parser took for an adjective ("have trained eagles") helps its noun. A
    passive's subject was helped ("X, which is backed by Y": X)."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if objects and objects[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return [verb.head]
    if objects:
        return objects
    if verb.dep_ == "amod":
        return [verb.head]
    later = [c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB"]
    return [o for c in later for o in c.children if o.dep_ == "dobj"]


def patients(verb: Token) -> list[Token]:
    """Who or what the verb is done to: its object, or its subject when passive; "two of the attackers"
    gives "attackers"."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    found = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found = [verb.head]  # "the alleged killer, shot dead by police,": a reduced relative clause
    return found + [o for f in found for o in prep_objects(f, {"of"})]


def done_to_the_attackers(verb: Token) -> bool:
    """Whether the verb is done to an attack's own attackers, named again with a determiner ("killed the
    gunmen", "two of the assailants were shot") or counted ("said it had killed 33 militants in a rescue
    operation"), or to its weapons ("shot down a third missile")."""
    down = any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    return the_doer_in_turn(verb) or any(
        (p.lower_ in COUNTER_PATIENTS and (_counted(p) or any(_marks_them_known(c) for c in p.children)))
        or (down and p.lemma_.lower() in INTERCEPTED)
        for p in patients(verb)
    )


def the_doer_in_turn(verb: Token) -> bool:
    """ "A gunman killed seven people ... before being shot dead by police": a passive with no subject of
    its own (or "they", "he" for it), in a clause on the attack's verb, is done to that verb's subject, the
    attacker ("gunmen opened fire ..., killing six people before they were shot dead by soldiers")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children) and all(
        c.lower_ in {"he", "she", "they"} for c in verb.children if c.dep_ == "nsubjpass"
    )
    if not passive or verb.dep_ not in {"pcomp", "advcl"}:
        return False
    above = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if above.dep_ == "advcl" and above.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in above.children):
        above = above.head  # "..., killing six people before ...": the participle's subject is its verb's
    attacking = above.lemma_.lower() in EVENT_NOUNS  # "A man stabbed three people before being shot"
    return any(c.dep_ == "nsubj" and (attacking or c.lower_ in COUNTER_PATIENTS) for c in above.children)


def _marks_them_known(word: Token) -> bool:
    """ "the gunmen", "its attackers", "33 militants": the attackers as a known or counted set."""
    return word.dep_ in {"det", "poss"} and word.lower_ in DEFINITE or word.dep_ == "nummod"


def _counted(noun: Token) -> bool:
    """ "dozens of terrorists", "12 of the militants": a number of them, counted by the word before "of"."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of":
        return False
    return of.head.pos_ == "NUM" or of.head.lemma_.lower() in {"dozen", "score", "hundred", "thousand"}
