"""Statements: claims of responsibility, allegations, denials and ties between actors, with who says so.

Relation words (``doc.spans["relation_triggers"]``) give the relation; the parse gives its subject
(the actor said to act) and object (the incident, or the other actor). The speaker is the source of the
outermost attribution whose content holds the words; outside any attribution the author speaks. A group
saying it did something is a claimant; a group denying speaks for itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimgraph import kb
from claimgraph.extractors import modality, participants
from claimgraph.extractors.attributions import (
    CHARGE_OBJECTS,
    DISMISSING_VERBS,
    Found,
    answers_a_charge,
    dismisses,
    subject_of,
)
from claimgraph.extractors.context import Context
from claimgraph.extractors.incident_facts import (
    a_headline,
    habitual_present,
    present_perfect,
    set_against_another,
)
from claimgraph.extractors.incidents import REPORTING_VERBS, IncidentIndex, draft_for, habitual
from claimgraph.extractors.participants import (
    ACCUSE_LEMMAS,
    ACTOR_RELATIONS,
    AGENT_PREPS,
    CHARGE_PREPS,
    COPULAS,
    prep_objects,
    subtree_ids,
)
from claimgraph.extractors.roles import has_roles, in_words, perpetrators, role_spans
from claimgraph.extractors.speakers import describe
from claimgraph.model import Source, Statement, stable_id
from claimgraph.nlp.actors import states_by_code

RELATIONS = kb.load("relations")
CHARGE_VERBS = frozenset(RELATIONS["denied"]["charge_verbs"])  # deny only a charge: "rejected the claim"
PRECEDENCE = ["denied", "claimed", "part_of", "cooperates_with", "facilitated", "perpetrated"]
DISBELIEF = set(RELATIONS["disbelief"])
NOT_OBJECTS = {r: set(v.get("not_objects") or []) for r, v in RELATIONS.items() if isinstance(v, dict)}
NOT_PURPOSES = frozenset(RELATIONS["perpetrated"]["not_purposes"])
LIGHT_VERBS = frozenset(RELATIONS["perpetrated"]["light_verbs"])
PARTAKING = frozenset({"take part in", "participate in"})  # only in an attack itself ("the attack")
ACTS = frozenset(RELATIONS["perpetrated"]["acts"])
ATTACK_NOUNS = kb.incident_words() | ACTS  # nouns that can name the attack itself
FENDING_VERBS = frozenset(RELATIONS["perpetrated"]["fending_verbs"])
DEED_DOERS = frozenset(RELATIONS["perpetrated"]["deed_doers"])
UNREALISED_HEADS = frozenset(RELATIONS["perpetrated"]["unrealised_heads"])
PLANNING_HEADS = frozenset(RELATIONS["perpetrated"]["planning_heads"])
POLICING_ACTS = frozenset(RELATIONS["perpetrated"]["policing_acts"])
ARMED_MEN = participants.GROUP_NOUNS | participants.DESCRIBED_GROUPS  # "operations against the group"
HELPING_VERBS = frozenset(RELATIONS["facilitated"]["helping_verbs"])
ARMED_SUPPORT_VERBS = frozenset(RELATIONS["facilitated"]["armed_support_verbs"])  # "supporting the rebels"
HELPED_PEOPLE = (
    participants.PEOPLE_NOUNS
    | frozenset(RELATIONS["described_groups"])
    | frozenset(RELATIONS["facilitated"]["helped_people"])
)
PEOPLE_ENTITIES = {"PERSON", "NORP", "ORG", "GPE"}
# A charge ("blamed X for ...", "accused X of ...") of neglect rather than of the act: "for failing to".
FAILING_VERBS = {"fail", "neglect", "ignore", "allow", "let"}
ENABLING = frozenset(kb.load("cues")["enabling"])
# "had no role in", "was behind": a part in a deed
DEED_WORDS = frozenset(RELATIONS["deed_parts"]) | frozenset(RELATIONS["doer_predicates"])
NEAR_SENTENCES = 2  # how far back a statement's words may reach for the incident they are about
STANDING_ADVERBS = frozenset(RELATIONS["denied"]["standing_adverbs"])

# Modals of an act not (yet) done: the future, the conditional ("will carry out", "would kill").
FUTURE_MODALS = frozenset({"will", "would", "'ll", "shall", "wo"})
CONDITIONS = frozenset({"if", "unless"})  # "... if the army launched an operation": no act stated
TARGET_WORDS = kb.role_lexicon()["targets"]  # "ambushed an army patrol": what an attack can be on


def _pick_triggers(doc: Doc) -> list[Span]:
    """Longest trigger per place; on a tie the more specific relation."""
    spans = sorted(
        (s for s in doc.spans.get("relation_triggers", []) if not _responsible_for_something(s)),
        key=lambda s: (-(s.end - s.start), PRECEDENCE.index(s.label_)),
    )
    taken: set[int] = set()
    out = []
    for span in spans:
        if taken & set(range(span.start, span.end)):
            continue
        taken |= set(range(span.start, span.end))
        out.append(span)
    return sorted(out, key=lambda s: s.start)


def _responsible_for_something(trigger: Span) -> bool:
    """ "X is responsible for the murders": "be responsible" (kb, for "X was responsible.") gives way to
    "responsible for", which says for what ("are responsible for security" is no charge)."""
    last, be = trigger[-1], trigger[0]
    if be.lemma_ != "be" or last.lower_ != "responsible":
        return False
    # ... or a fronted "for which" ("the actions for which they are responsible")
    return any(c.dep_ == "prep" for c in last.children) or any(c.lower_ == "for" for c in be.children)


def _acted_on(trigger: Span) -> Token | None:
    """What the relation words say was done: the direct object ("committing suicide"), the passive
    subject ("the raids were carried out by"), or the noun a participle describes ("dragnets carried
    out by police")."""
    verb = trigger.root
    for token in (trigger[-1], verb):
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        if objects and objects[0].lower_ in participants.RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head  # "investigations that are being conducted by": what "that" stands for
        if objects:
            return objects[0]
    if verb.pos_ == "VERB" and verb.dep_ in {"acl", "relcl"}:
        return verb.head  # "the investigations the government has conducted": no "that" to stand for them
    if trigger[-1].pos_ == "ADP":  # "behind the bombing", "responsible for the elections"
        return next((c for c in trigger[-1].children if c.dep_ == "pobj"), None)
    return None


def _no_attack_done(trigger: Span, relation: str, attack: set[int]) -> bool:
    """ "keep committing suicide", "will carry out dragnets", "carrying out an operation to arrest those
    responsible": what the words say was done is no attack (kb/relations.yaml ``not_objects``,
    ``not_purposes``)."""
    done = _acted_on(trigger)
    if done is None:
        return False
    words = " ".join(t.lemma_.lower() for t in trigger)
    if done.lemma_.lower() in NOT_OBJECTS.get(relation, ()):
        # "conducted a patrol" is no attack, but "ambushed an army patrol" is one: a word that can be a
        # target says nothing against a verb of attack
        return words in LIGHT_VERBS or done.lower_ not in TARGET_WORDS
    if words in PARTAKING:  # "took part in the attack", not "in counterinsurgency operations", "in talks"
        objects = [c for c in trigger[-1].children if c.dep_ == "pobj"]
        return not any(o.lemma_.lower() in kb.incident_words() for o in objects)
    if relation == "perpetrated" and words in LIGHT_VERBS and not _names_an_attack(done, attack):
        return True
    purposes = [v for c in done.children if c.dep_ in {"acl", "relcl"} for v in (c, *c.children)]
    purposes += [c for c in trigger.root.children if c.dep_ in {"xcomp", "advcl"}]  # "... to arrest"
    return any(v.lemma_.lower() in NOT_PURPOSES and v.pos_ == "VERB" for v in purposes)


def _policing(trigger: Span, subjects: list[Span]) -> bool:
    """ "Police launched further raids", "the police carried out a search": the police at their work,
    not an attack (kb relations.yaml ``policing_acts``); a raid by anyone else still is one, unless it
    is against armed men."""
    done = _acted_on(trigger)
    if done is None or done.lower_ not in POLICING_ACTS:
        return False
    # "Uganda and Congo have been conducting joint military operations against the group": operations
    # against armed men, whoever conducts them, are fighting, not an attack (ACLED's "battles")
    against = prep_objects(done, {"against"})
    if any(o.lower_ in ARMED_MEN or o.ent_type_ == "ORG" for o in against):
        return True
    return all("police" in s.text.lower() or "police" in s.kb_id_ for s in subjects)


def _not_done_yet(trigger: Span, relation: str) -> bool:
    """ "The armed forces will be bombing civilians", "if we used our power, we would kill innocent
    people", "the right wing wants to blame the group", "would kill the hostages if the army launched an
    operation": a future, conditional or wished act asserts no perpetration (a threat, a prediction, a
    counterfactual, a condition; kb ``unrealised_heads``); "may have" and "could have" are hedges, read as
    certainty instead."""
    if relation not in {"perpetrated", "facilitated"}:
        return False
    verb = participants.governing_verb(trigger.root)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in UNREALISED_HEADS:
        return True  # "wants to blame the group": a wish
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children):
        return True  # "if the army launched an operation": a condition
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def _left_open(trigger: Span) -> bool:
    """ "Hamas did not say whether its members were involved", "declined to say whether X carried it
    out": a question the speaker would not answer states nothing ("was investigating whether X did it"
    is an open question, read as a hedge)."""
    verb = participants.governing_verb(trigger.root)
    asked = any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in verb.children)
    if verb.dep_ != "ccomp" or not asked:
        return False
    speaking = verb.head
    if any(c.dep_ == "neg" for c in speaking.children):
        return True
    return speaking.dep_ == "xcomp" and speaking.head.lemma_.lower() in {"decline", "refuse"}


def _planned(trigger: Span) -> bool:
    """ "had planned to kidnap the president", "plotted to kill", "the attack was planned by X": the act
    planned, not done (kb ``planning_heads``), which is facilitation."""
    verb = participants.governing_verb(trigger.root)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLANNING_HEADS:
        return True
    noun = trigger.root  # "the attack was planned by X"
    return noun.pos_ == "NOUN" and noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in PLANNING_HEADS


def _names_an_attack(noun: Token, attack: set[int]) -> bool:
    """ "the bombing", "the operation", "it", "a campaign of bombings", "a bombing campaign": words that
    can be the attack itself (kb/relations.yaml ``acts``, incident words and anaphors)."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return True  # a pronoun or a misparse: say nothing against it
    words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})]
    words += prep_objects(noun, {"of"})
    up = noun
    for _ in range(2):  # "kidnappings of prominent tycoons carried out by": the parse hangs it on "tycoons"
        if up.dep_ != "pobj" or up.head.lower_ != "of":
            break
        up = up.head.head
        words.append(up)
    return any(w.i in attack or w.lemma_.lower() in ATTACK_NOUNS for w in words)


def _connected(trigger: Span, attack: set[int]) -> bool:
    """Whether the relation words hang together in the parse: "claim it" is a claim in "claimed it on
    Friday", not in "police sources claim it is characteristic of the FMLN" ("it" is the subject of
    another clause)."""
    root = trigger.root
    inside = set(range(trigger.start, trigger.end))
    if root.dep_ == "conj":  # "the harassment and attacks by the FMLN": "by" hangs on "harassment"
        inside.add(root.head.i)
    if all(t.i == root.i or t.head.i in inside for t in trigger):
        return True
    if len({t.head.i for t in trigger}) == 1 and not any(t.is_punct for t in trigger):
        return True  # "they were not responsible": "not" and "responsible" both hang on "were"
    # "the FMLN claimed it downed two helicopters": claiming to have done something is a claim;
    # "sources claim it is characteristic of the FMLN" says what something is
    return any(
        c.dep_ == "ccomp" and (c.i in attack or c.pos_ == "VERB" and c.lemma_ != "be") for c in root.children
    )


def _blamed_for_a_failure(trigger: Span, attack: set[int]) -> bool:
    """ "blamed the security forces for failing to act on warnings": a charge of neglect, not of the act;
    "accused X of storing ammunition", "blamed X for arming the group": a charge of something that is
    no attack (help has its own words, which state it)."""
    verb = trigger[0]
    if verb.lemma_.lower() not in ACCUSE_LEMMAS:
        return False
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "accused [X of V-ing]" too
    charges = [
        c
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in CHARGE_PREPS
        for c in p.children
    ]
    if any(c.dep_ in {"pcomp", "pobj"} and c.lemma_.lower() in FAILING_VERBS for c in charges):
        return True
    # "accused government forces of storing ammunition nearby": a charge, but of no attack or help
    acts = [c for c in charges if c.dep_ == "pcomp" and c.pos_ == "VERB"]
    # "accused Hamas of hiding weapons": the parser at times takes the gerund for a noun before its object
    acts += [c for c in charges if c.dep_ == "pobj" and _gerund_first(c)]
    if not acts:
        return False
    # "of arming the group", "of cooperating in the attack": help, stated by its own words
    helping = _relation_words(verb.doc, "facilitated")
    if any(act.i in helping for act in acts):
        return True
    return not any(i in attack for act in acts for i in subtree_ids(act))


def _gerund_first(noun: Token) -> bool:
    first = noun.left_edge
    return first.i < noun.i and first.dep_ in {"compound", "amod"} and first.lower_.endswith("ing")


def _about_something_else(trigger: Span, attack: set[int]) -> bool:
    """Help or a part in an act that is no attack: "solved the case with the help of the FBI", "police
    were involved in the search", "cooperated in the inquiry", "had no role in the peace talks"
    ("carried out the bombing with the support of X", "was involved in the attack" and a bare "was
    involved" are about the attack)."""
    if trigger[0].lower_ == "with":
        acts = [trigger[0].head]
    elif trigger.root.lemma_.lower() == "involve":
        acts = prep_objects(trigger.root, {"in"})
    elif trigger.label_ == "facilitated" and trigger[-1].lower_ == "in":
        # "cooperating in the attack", not "cooperating in the inquiry" ("roots in" is no help)
        acts = [o for o in trigger[-1].children if o.dep_ == "pobj"]
    elif trigger.label_ == "denied" and trigger.root.pos_ == "NOUN":
        # "had no role in the bombing", not "no role in the peace talks", "no relationship with X"
        acts = prep_objects(trigger.root)
        return bool(acts) and not any(_names_an_attack(act, attack) for act in acts)
    elif trigger.label_ == "denied" and trigger.root.lemma_.lower() == "deny":
        # "Hamas denied it was using the school", "Rwanda denies supporting the rebels": a clause denied
        # that tells of no attack and no part in one denies something else, not the strike ("denied it
        # was behind the attack", "denied that it had any role", "denied carrying it out" do)
        clauses = [c for c in trigger.root.children if c.dep_ in {"ccomp", "xcomp"}]
        return bool(clauses) and not any(
            t.i in attack or t.lemma_.lower() in DEED_WORDS for c in clauses for t in c.subtree
        )
    else:
        return False
    return any(act.i not in attack for act in acts)


def _against_the_attackers(trigger: Span, relation: str) -> bool:
    """ "security forces killed the attackers after a siege", "the attack was repelled by the armed
    forces": a doer who answers the attack, not one who made it (``counter_patients`` in
    kb/relations.yaml, named again with a determiner; ``fending_verbs`` on the attack). "The army claimed
    it killed three of the gunmen" claims that answer, not the attack."""
    if relation == "claimed":
        acts = [c for c in trigger.root.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "VERB"]
        return any(participants.done_to_the_attackers(act) for act in acts)
    if relation != "perpetrated":
        return False
    noun = trigger.root
    fended = noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in FENDING_VERBS
    # ... unless the attack names its own doer ("to repel the attacks by the FMLN")
    own_doer = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by" for c in noun.children)
    if noun.pos_ == "NOUN" and fended and not own_doer:
        return True
    if len(trigger) != 1 or trigger.root.pos_ != "VERB" or trigger.root.lemma_.lower() in ACCUSE_LEMMAS:
        return False  # "accused the gunmen of the murder" accuses them
    return participants.done_to_the_attackers(trigger.root)


def _denies_a_charge(trigger: Span, relation: str, found: list[Found]) -> bool:
    """ "X accuses Y of backing Z, a charge Kigali denies", "accused Eritrea of arming the militia, which
    Asmara has denied": the denial is of the charge, not of an attack; the charge's own words state it
    (negated, by the denier, where the denial's content holds them)."""
    if relation != "denied":
        return False
    start = trigger.start_char
    own = [f for f in found if _in_cue(f, start)]
    if any(answers_a_charge(f, other) for f in own for other in found if other is not f):
        return True
    verb = trigger.root
    if verb.pos_ == "NOUN" and any(
        t.lemma_.lower() in CHARGE_OBJECTS for t in verb.doc[verb.left_edge.i : verb.i]
    ):
        return True  # "..., a charge Tehran rejects", with "rejects" tagged a noun: the charge is denied
    which = verb.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.lower_ in participants.RELATIVE_PRONOUNS for c in verb.children
    )
    return which and any(f.cue_class == "accuse" and f.start <= start < f.end for f in found)


def _claimed_by(trigger: Span) -> bool:
    """ "The attack ... was claimed by al-Shabaab": the author reports the claim (the "claimed by"
    trigger states it), not that al-Shabaab did it."""
    noun = trigger.root
    return noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() == "claim"


def _the_attackers_are(trigger: Span) -> bool:
    """ "the assailants were (believed to be) members of X", "the gunmen belonged to X": a tie whose
    subject is the attack's doers, named again by the deed (kb relations.yaml ``deed_doers``), says who
    did it."""
    if any(t.lemma_.lower() in {"allegiance", "loyalty"} for t in trigger):
        return False  # "the alleged killer had pledged allegiance to Islamic State": his tie, not its deed
    word = trigger.root
    verb = word.head if word.dep_ in {"attr", "oprd"} else word
    while verb.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        verb = verb.head  # "were believed to be members of X"
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and (subject.pos_ == "NUM" or subject.lower_ in {"some", "each", "both", "all"}):
        subject = next(iter(prep_objects(subject, {"of"})), subject)  # "one of the attackers was ..."
    return (
        subject is not None
        and subject.lower_ in DEED_DOERS
        and any(c.dep_ == "det" and c.lower_ in participants.DEFINITE for c in subject.children)
    )


def _a_person_accused(trigger: Span) -> bool:
    """ "The suspect was shot by police": the noun names the one suspected, it accuses no one (the
    verb "suspect" does)."""
    word = trigger.root
    return len(trigger) == 1 and word.pos_ in {"NOUN", "PROPN"} and word.lemma_.lower() in ACCUSE_LEMMAS


def _denies_a_tie(trigger: Span, relation: str, attack: set[int]) -> bool:
    """ "Al-Shabaab denied any link to the Islamic State": a tie denied (the tie's own words state it,
    negated), not the attack. "Iran denied any link to the attack" denies the attack."""
    if relation != "denied":
        return False
    ties = {
        span.root.i
        for span in trigger.doc.spans.get("relation_triggers", [])
        if span.label_ in ACTOR_RELATIONS
    }
    verb = trigger.root
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # what the tie is to, on the noun or, as the parser has it at times, on the verb right after it
    tied_to = [w for o in objects for w in participants.prep_objects(o)]
    tied_to += [
        w for p in verb.children if p.dep_ == "prep" and p.i - 1 in {o.i for o in objects} for w in p.children
    ]
    if any(w.i in attack for w in tied_to):
        return False
    return any(o.i in ties and participants.owns_the_tie(o) for o in objects)


def _helps_no_one(trigger: Span, relation: str, attack: set[int], actors: list[Span]) -> bool:
    """ "police have trained eagles to catch drones", "the ministry funded a school": a verb of help
    (``helping_verbs`` in kb/relations.yaml) whose object names no people, group or attack."""
    verb = trigger.root
    if relation != "facilitated" or len(trigger) != 1:
        return False
    if verb.lemma_.lower() in ARMED_SUPPORT_VERBS:  # "supported the candidate": no armed group helped
        return not any(_names_an_armed_group(o, actors) for o in participants.helped(verb))
    if verb.lemma_.lower() not in HELPING_VERBS:
        return False
    objects = participants.helped(verb)
    return bool(objects) and not any(_names_people_or_an_attack(o, attack, actors) for o in objects)


def _names_an_armed_group(noun: Token, actors: list[Span]) -> bool:
    """ "the M23", "the rebels", "Houthi militias": an organisation actor, or a word for an armed group."""
    words = participants.head_tokens(noun)
    groups = kb.organization_ids()
    if any(a.kb_id_ in groups for a in participants.actors_in(words, actors)) or any(
        noun.doc[i].lower_ in participants.DESCRIBED_GROUPS for i in words
    ):
        return True
    # "blamed the United States for supporting the group": the group named before, if an armed one
    return any(a.kb_id_ in groups for a in participants.named_before(noun, actors))


def _names_people_or_an_attack(noun: Token, attack: set[int], actors: list[Span]) -> bool:
    words = participants.head_tokens(noun)  # "the group's attacks", "hundreds of young men"
    if participants.actors_in(words, actors):
        return True
    doc = noun.doc
    return any(
        i in attack
        or doc[i].ent_type_ in PEOPLE_ENTITIES
        or doc[i].pos_ == "PRON"
        or doc[i].lower_ in HELPED_PEOPLE
        or doc[i].lemma_.lower() in HELPED_PEOPLE
        for i in words
    )


def _framing(trigger: Span, attack: set[int]) -> bool:
    """ "killed the judge to blame the rebels", "staged the attack to blame the army": an accusation an
    attack was meant to bring about, which nobody in the text makes."""
    verb = trigger.root
    return (
        verb.lemma_.lower() in ACCUSE_LEMMAS
        and verb.dep_ in {"xcomp", "advcl"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.i in attack
    )


def _rejects_no_charge(trigger: Span, relation: str) -> bool:
    """ "former rebels who rejected the 2016 peace deal": "reject" with an object that is no charge
    (``charge_objects`` in kb/relations.yaml) denies nothing; "called the attack cowardly" denies
    nothing either: a describing verb denies only with a dismissive word (``dismissals``, kb cues.yaml)."""
    verb = trigger.root
    lemma = verb.lemma_.lower()
    if relation != "denied" or lemma not in CHARGE_VERBS and lemma not in DISMISSING_VERBS:
        return False
    if lemma in DISMISSING_VERBS and lemma not in CHARGE_VERBS and not dismisses(verb):
        return True
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects and verb.dep_ == "relcl":
        objects = [verb.head]  # "an allegation New Delhi called baseless"
    return bool(objects) and all(o.lower_ not in CHARGE_OBJECTS for o in objects)


def _attack_words(doc: Doc) -> set[int]:
    """Tokens that name an attack or its doing: incident mentions and `perpetrated` triggers, but not
    those that name a doer ("members of", "gunmen from"): "the departure of family members of the
    staff" names no attack."""
    mentions = {i for span in doc.spans.get("incident_triggers", []) for i in range(span.start, span.end)}
    triggers = doc.spans.get("relation_triggers", [])
    doing = {
        i
        for span in triggers
        if span.label_ == "perpetrated" and span.root.pos_ not in {"NOUN", "PROPN"}
        for i in range(span.start, span.end)
    }
    return mentions | doing


def _relation_words(doc: Doc, relation: str) -> set[int]:
    """Tokens of the triggers of one relation (kb/relations.yaml), e.g. the words that state help."""
    triggers = doc.spans.get("relation_triggers", [])
    return {i for span in triggers if span.label_ == relation for i in range(span.start, span.end)}


def _made_possible_only(doc: Doc, attribution: Found) -> bool:
    """ "It allows the Taliban to claim they were not involved": a claim the words make possible, which
    nobody made (``enabling`` in kb/cues.yaml)."""
    end = attribution.cue_start + len(attribution.cue_text)
    cue = doc.char_span(attribution.cue_start, end, alignment_mode="expand")
    if cue is None or cue.root.head.lemma_.lower() not in ENABLING or cue.root.dep_ not in {"xcomp", "ccomp"}:
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.root.children)  # "to claim"


def _attributions_for(trigger: Span, found: list[Found]) -> list[Found | None]:
    """Who says the trigger's words: the attribution with the outermost content holding them; and where
    that is a denial answering a charge ("X accuses Y of Z, a charge Y denies"), the charge's too."""
    holding = [
        f
        for f in found
        if f.start <= trigger.start_char and trigger.end_char <= f.end and not _said_by_no_one(f)
    ]
    if _a_side_clause(trigger):  # what else happened, told beside a denial, is not denied
        holding = [f for f in holding if f.cue_class != "deny"]
    if holding:
        holding.sort(key=lambda f: f.start - f.end)  # the outermost (longest) content first
        for denial in holding:  # where the charge's own content runs wider, the denial still answers it
            charges = [f for f in holding if f is not denial and answers_a_charge(denial, f)]
            if charges:
                return [denial, charges[0]]
        return [holding[0]]
    for f in found:  # the trigger is the cue ("have blamed": the cue with its auxiliaries)
        if _in_cue(f, trigger.start_char) and f.cue_class in {"deny", "accuse", "claim"}:
            return [f]
    # the words hang on a cue whose content the tagger put elsewhere ("accused neighboring Rwanda of
    # backing the rebels who carried out attacks that killed one person": content "that killed ...")
    for head in _heads_up_to_the_clause(trigger.root):
        for f in found:
            if f.cue_class == "accuse" and _in_cue(f, head.idx) and f.speaker.kind != "author":
                return [f]
    return [None]


NO_ONE = re.compile(r"(?i)(?:no|none of the)\b|nobody\b|no-one\b")


def _said_by_no_one(found: Found) -> bool:
    """ "No group claimed the attack, which came hours after an American drone strike killed ...": words
    no one said are the author's."""
    source = found.record.source
    return source is not None and NO_ONE.match(source.text.strip()) is not None


def _heads_up_to_the_clause(word: Token) -> list[Token]:
    """The words a word hangs on, up through prepositions and complements to the verb they complete."""
    out = []
    while word.dep_ in {"pcomp", "pobj", "prep", "xcomp", "dobj"} and word.head.i != word.i:
        word = word.head
        out.append(word)
    return out


def _says_it_itself(trigger: Span, attribution: Found | None, subject: Span) -> bool:
    """ "A group calling itself Islamic State in Libya said it was behind the attack, according to SITE":
    inside another's report, the subject itself says the words (the subject of the verb of speech whose
    complement holds them names it), so they are its claim, as reported."""
    if attribution is None:
        return False
    clause = participants.governing_verb(trigger.root)
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said it had attacked the post and killed two soldiers"
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.lemma_.lower() not in REPORTING_VERBS:
        return False
    speakers = [c for c in speech.children if c.dep_ == "nsubj"]
    return any(s.left_edge.i <= subject.start and subject.end <= s.right_edge.i + 1 for s in speakers)


def _in_cue(found: Found, char: int) -> bool:
    """Whether the character lies in the attribution's cue, auxiliaries included ("have blamed")."""
    return found.cue_start <= char < found.cue_start + len(found.cue_text)


def find_statements(
    ctx: Context, document_id: str, found: list[Found], index: IncidentIndex
) -> list[Statement]:
    doc, actors, _sents = ctx.doc, ctx.actors, ctx.sents
    statements: list[Statement] = []
    attack = _attack_words(doc)  # read once: the filters below all ask whether words name an attack
    unnamed: list[Span] = []  # groups accused by what they are: actors of the document once all are read
    for trigger in _pick_triggers(doc):
        relation = trigger.label_
        if (
            ctx.record_row(trigger)
            or _no_attack_done(trigger, relation, attack)
            or _not_done_yet(trigger, relation)
            or not _connected(trigger, attack)
            or _blamed_for_a_failure(trigger, attack)
            or _about_something_else(trigger, attack)
            or _against_the_attackers(trigger, relation)
            or _rejects_no_charge(trigger, relation)
            or _denies_a_tie(trigger, relation, attack)
            or _denies_a_charge(trigger, relation, found)
            or _a_person_accused(trigger)
            or relation == "perpetrated"
            and _claimed_by(trigger)
            or _helps_no_one(trigger, relation, attack, actors)
            or _framing(trigger, attack)
            or _left_open(trigger)
        ):
            continue
        if relation == "perpetrated" and _planned(trigger):
            relation = "facilitated"
        if relation == "part_of" and _the_attackers_are(trigger):
            relation = "perpetrated"  # "the assailants were members of X": X's people did it
        attributions = _attributions_for(trigger, found)
        for attribution in attributions:
            if attribution is not None and _made_possible_only(doc, attribution):
                continue
            # a denial that answers a charge reads the charge's words as their speaker meant them ("X said
            # it had shot down a jet, a claim the junta rejected": "it" is X, not the junta)
            meant = attributions[-1] if attribution is attributions[0] else attribution
            statements += _said_by(
                ctx, document_id, trigger, relation, attribution, index, unnamed, statements, meant
            )
    ctx.actors += [g for g in unnamed if not any(a.start == g.start and a.end == g.end for a in ctx.actors)]
    statements += _disbelief(ctx, document_id, statements, found)
    if has_roles(doc):
        statements = _with_tagged_perpetrators(ctx, document_id, found, index, statements)
    return _dedupe(_facilitation_partners(statements))


def _said_by(
    ctx: Context,
    document_id: str,
    trigger: Span,
    relation: str,
    attribution: Found | None,
    index: IncidentIndex,
    unnamed: list[Span],
    done: list[Statement],
    meant: Found | None = None,
) -> list[Statement]:
    """The statements one trigger makes as one attribution (or the author) puts it: its subjects, its
    polarity and certainty, and its objects (an incident, or the other actor of a tie). Groups without
    a name that it accuses join ``unnamed``; ``done`` are the statements made before it; ``meant`` is the
    attribution whose speaker the words' pronouns go with (a charge that a denial answers)."""
    actors = ctx.actors
    accusers = participants.reciprocal_accusers(trigger, actors) if relation == "perpetrated" else []
    if accusers:
        return _each_blaming_the_other(ctx, document_id, trigger, accusers, attribution, index)
    subjects = participants.subjects(trigger, relation, actors, meant or attribution)
    if not subjects or relation == "perpetrated" and _policing(trigger, subjects):
        return []
    subjects = [_same_group(s, unnamed) for s in subjects]
    unnamed += [s for s in subjects if s.label_ == participants.UNNAMED_GROUP]
    polarity, certainty = _how_put(ctx, trigger, relation, attribution)
    if relation in ACTOR_RELATIONS:
        found_objects = participants.objects(ctx, trigger, subjects)
        if not found_objects and len(subjects) > 1:  # "X and Y work together"
            subjects, found_objects = subjects[:1], subjects[1:]
        found_objects = [_same_group(o, unnamed) for o in found_objects]
        unnamed += [o for o in found_objects if o.label_ == participants.UNNAMED_GROUP]
        objects = [{"actor": o.kb_id_} for o in found_objects]
    elif relation == "facilitated" and (recipients := participants.recipients(trigger, subjects, actors)):
        objects = [{"actor": r.kb_id_} for r in recipients]  # "X provided weapons to Y"
    elif participants.received(trigger, relation):
        return []  # "received weapons from Y" with no group named as receiving: no tie to report
    else:
        objects = [_incident_object(ctx, trigger, relation, subjects, index, done)]
    out = []
    for subject in subjects:
        for obj in objects:
            if obj.get("actor") == subject.kb_id_:
                continue
            rel, source = _speaker(relation, subject, attribution, polarity)
            if source.kind == "author" and (accuser := participants.accuser(trigger)) is not None:
                source = describe(ctx, accuser)  # "was accused by the UN", "officials were pointing at"
            if (
                rel == "perpetrated"
                and polarity == "positive"
                and _says_it_itself(trigger, attribution, subject)
            ):
                rel = "claimed"  # "A group ... said it was behind the attack, according to SITE"
            out.append(
                _statement(
                    ctx, document_id, trigger, subject, rel, obj, source, attribution, polarity, certainty
                )
            )
    return out


def _how_put(ctx: Context, trigger: Span, relation: str, attribution: Found | None) -> tuple[str, str]:
    """The polarity and certainty of the trigger's words, as the attribution (or the sentence) puts them."""
    sent = ctx.sent(trigger)
    # the words and their cue: "Officials believe X did it", "X is thought to have done it" are beliefs;
    # not "X want you to believe that ...", which imputes a belief to others
    if attribution is None:
        window = (sent.start_char, sent.end_char)
    elif attribution.cue_class == "imputed":
        window = (attribution.start, attribution.end)
    else:
        window = (min(attribution.start, attribution.cue_start), attribution.end)
    polarity = _as_the_source_puts_it(modality.polarity(trigger, relation), trigger, relation, attribution)
    return polarity, modality.certainty(trigger, window)


def _each_blaming_the_other(
    ctx: Context,
    document_id: str,
    trigger: Span,
    accusers: list[Span],
    attribution: Found | None,
    index: IncidentIndex,
) -> list[Statement]:
    """ "The army and the RSF blamed each other for the shelling": the army says the RSF did it and the
    RSF says the army did; each accusation in its own accuser's name."""
    polarity, certainty = _how_put(ctx, trigger, "perpetrated", attribution)
    out = []
    for accuser in accusers:
        source = Source(kind="organization", name=accuser.text, actor=accuser.kb_id_)
        for accused in accusers:
            if accused.kb_id_ != accuser.kb_id_:
                obj = _incident_object(ctx, trigger, "perpetrated", [accused], index)
                out.append(
                    _statement(
                        ctx,
                        document_id,
                        trigger,
                        accused,
                        "perpetrated",
                        obj,
                        source,
                        attribution,
                        polarity,
                        certainty,
                    )
                )
    return out


def _same_group(group: Span, earlier: list[Span]) -> Span:
    """A group without a name named again with more or fewer words ("drug trafficking gangs",
    "Colombian drug trafficking gangs"): one actor, under the id it was first given."""
    if group.label_ != participants.UNNAMED_GROUP:
        return group
    key = group.kb_id_.removeprefix("new:")
    for other in earlier:
        seen = other.kb_id_.removeprefix("new:")
        if key.endswith("-" + seen) or seen.endswith("-" + key):
            return Span(group.doc, group.start, group.end, label=group.label_, kb_id=other.kb_id_)
    return group


def _with_tagged_perpetrators(
    ctx: Context, document_id: str, found: list[Found], index: IncidentIndex, statements: list[Statement]
) -> list[Statement]:
    """The span tagger's perpetrator organisations (PERPORG) as positive `perpetrated` statements, said by
    the speaker whose words hold the name, else the author.

    In a document where the role head is sure of itself (``has_roles``), its perpetrators replace the
    rules' other `perpetrated` statements, also when it names none (MUC-4 TST1+TST2 PerpOrg strict F1:
    38.9 rules, 44.4 replaced where it names some, 50.3 replaced everywhere; WikiEvents attacker 35.6 ->
    37.2 for the last step). Claims, denials and ties stay. A new group joins ``ctx.actors`` so that the
    document's actor list names it (the Doc is left as the pipeline made it).
    """
    tagged = []
    known = {a.kb_id_ for a in ctx.actors}
    # "TAK claimed responsibility for the bombing": the name is the claimant's, and the author says no more
    spoken = [st for st in statements if st.relation in {"claimed", "denied"}]
    for subject in perpetrators(ctx, role_spans(ctx)):
        if any(st.subject == subject.kb_id_ and st.start <= subject.root.idx < st.end for st in spoken):
            continue
        if subject.kb_id_ not in known:
            ctx.actors.append(subject)
            known.add(subject.kb_id_)
        attribution = _attributions_for(subject, found)[0]
        draft = draft_for(index, ctx.index(subject)) if index.drafts else None
        obj = {"incident": draft.id if draft is not None else None}
        polarity = _as_the_source_puts_it("positive", subject, "perpetrated", attribution)
        relation, source = _speaker("perpetrated", subject, attribution, polarity)
        certainty = (
            modality.certainty(subject, (attribution.start, attribution.end)) if attribution else "asserted"
        )
        tagged.append(
            _statement(
                ctx, document_id, subject, subject, relation, obj, source, attribution, polarity, certainty
            )
        )
    named = {st.subject for st in tagged}
    # groups accused by what they are ("blamed drug traffickers"): the role head marks only names
    named |= {a.kb_id_ for a in ctx.actors if a.label_ == participants.UNNAMED_GROUP}
    kept = [
        st
        for st in statements
        if not (st.relation == "perpetrated" and st.polarity == "positive" and st.subject not in named)
    ]
    return kept + tagged


def _facilitation_partners(statements: list[Statement]) -> list[Statement]:
    """ "X plans the attacks while Y carries them out": X facilitated Y, when no incident is named."""
    out = []
    for st in statements:
        if st.relation == "facilitated" and st.object == {"incident": None}:
            doers = [
                o.subject
                for o in statements
                if o.sentence == st.sentence
                and o.subject != st.subject
                and o.relation in {"perpetrated", "claimed"}
                and o.polarity == "positive"
            ]
            if doers:
                st = replace(st, object={"actor": doers[0]})
        out.append(st)
    return out


def _incident_object(
    ctx: Context,
    trigger: Span,
    relation: str,
    subjects: list[Span],
    index: IncidentIndex,
    done: list[Statement] | None = None,
) -> dict[str, str | None]:
    sent_no = ctx.index(trigger)
    verb = participants.governing_verb(trigger.root)
    scope = set(participants.subtree_ids(trigger.root)) | {
        c.i for c in verb.children if c.dep_ in {"dobj", "prep", "attr"}
    }
    scope |= {t.i for c in verb.children if c.dep_ in {"dobj", "prep", "attr", "agent"} for t in c.subtree}
    if verb.lemma_ in COPULAS or _doer_named_after(trigger, verb):
        # "The blast was the work of X", "The attack bears the hallmarks of X", "... was carried out by
        # X": the doer comes after the words, so their subject is the incident
        clauses = [verb, verb.head] if verb.dep_ == "conj" else [verb]
        verb_subjects = [c for v in clauses for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
        scope |= {t.i for c in verb_subjects for t in c.subtree}
    for i in sorted(scope):
        draft = index.by_token.get(i)
        if draft is not None:
            return {"incident": draft.id}
    generic = (
        _speaks_in_general(verb, index)
        or relation in {"perpetrated", "facilitated"}
        and habitual(verb)
        or relation == "claimed"
        and (habitual_present(verb) or _claims_in_general(verb))  # "which often claims such attacks"
        or relation == "denied"
        and _a_standing_denial(verb)
        or verb.dep_ in {"xcomp", "ccomp"}
        and verb.head.lemma_.lower() == "deny"
        and _a_standing_denial(verb.head)  # "denies targeting civilians": what is denied is no incident
        or _in_response(verb)  # "ordered the military to carry out an operation in response": another act
    )
    if not generic:
        focus = index.focus.get(sent_no)
        # claims and denials are about an incident by nature; other relations only near its mention
        near = relation in {"claimed", "denied"} or sent_no - index.last_mention.get(sent_no, -10) <= 2
        if focus is None and sent_no == 0 and index.drafts and a_headline(ctx.sents[0]):
            focus, near = index.drafts[0], True  # "..., Russia blames Kyiv" in a headline: the story's
        if focus is not None and near:
            return {"incident": _their_own(focus.id, subjects, done or [], index, sent_no)}
    if relation == "facilitated":  # "attacks claimed by X showed facilitation by Y": Y facilitated X
        subject_ids = {s.kb_id_ for s in subjects}
        doers = [
            a
            for a in ctx.actors
            if ctx.index(a) == sent_no
            and a.kb_id_ not in subject_ids
            and a.root.head.lower_ == "by"
            and a.root.head.head.lemma_.lower() in {"claim", "carry", "launch"}
        ]
        if doers:
            return {"actor": doers[0].kb_id_}
    return {"incident": None}


def _their_own(
    focus: str, subjects: list[Span], done: list[Statement], index: IncidentIndex, sent_no: int
) -> str:
    """The incident in focus, unless others are said to have done it and these subjects did another told
    just before: "Hezbollah fired rockets into Israel, and Israeli artillery struck Lebanon in response.
    Hezbollah said it had targeted an army post" is of Hezbollah's rockets, not of the strike last told."""
    recent = {
        d.id
        for d in index.drafts
        if any(sent_no - NEAR_SENTENCES <= m.sent_index <= sent_no for m in d.mentions)
    }
    doers: dict[str, set[str]] = {}
    for st in done:
        if st.relation == "perpetrated" and st.polarity == "positive" and st.object.get("incident"):
            doers.setdefault(st.object["incident"], set()).add(st.subject)
    ids = {s.kb_id_ for s in subjects}
    if not doers.get(focus) or doers[focus] & ids:
        return focus
    theirs = [incident for incident, who in doers.items() if who & ids]
    return theirs[0] if len(theirs) == 1 and theirs[0] in recent else focus


def _a_standing_denial(verb: Token) -> bool:
    """ "has previously denied targeting civilian infrastructure": a stance kept over time (a present
    perfect with an adverb of kb relations.yaml ``standing_adverbs``), not a denial of this incident;
    so is the present of a denial of doing something to a whole class ("Moscow denies targeting
    civilians"), where "denies attacking the hospital" is of one deed."""
    if present_perfect(verb) and any(
        c.dep_ == "advmod" and c.lower_ in STANDING_ADVERBS for c in verb.children
    ):
        return True
    if verb.tag_ not in {"VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    doings = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "dobj"} and c.tag_ == "VBG"]
    done_to = [o for d in doings for o in d.children if o.dep_ == "dobj"]
    return bool(done_to) and all(o.pos_ == "NOUN" and _a_bare_plural(o) for o in done_to)


def _a_bare_plural(noun: Token) -> bool:
    """ "civilians", "attacks": a plural with no article, possessor or number, a class, not these ones."""
    return noun.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)


def _speaks_in_general(verb: Token, index: IncidentIndex) -> bool:
    """Whether the clause of the words speaks of attacks in general ("claimed attacks across the north").
    A clause joined to it, or a "saying ..." after it, is the speaker's further word, not the charge's:
    "The SDF rejected the accusation and said it condemned all attacks on civilians" denies the one
    incident the accusation was about."""
    aside = {
        t.i
        for c in verb.children
        if c.dep_ == "conj" or c.dep_ == "advcl" and c.lemma_.lower() in REPORTING_VERBS
        for t in c.subtree
    }
    return any(t.i in index.generic_tokens and t.i not in aside for t in verb.sent)


RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge"})


def _in_response(verb: Token) -> bool:
    """ "... to carry out an intensive operation in the West Bank in response": an act that answers the
    incident is not the incident (an answer the text tells as an incident of its own is found above, by
    its own mention)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and any(o.lower_ in RESPONSE_NOUNS for o in c.children)
        or c.dep_ in {"advmod", "prt"}
        and c.lower_ == "back"  # "as Israel strikes back"
        for c in verb.children
    )


def _claims_in_general(verb: Token) -> bool:
    """ "a TTP faction that has claimed attacks in the past": a bare plural claimed over time names no
    one attack ("has claimed the attack", "has claimed the two bombings" name theirs)."""
    return present_perfect(verb) and any(c.dep_ == "dobj" and _a_bare_plural(c) for c in verb.children)


def _doer_named_after(trigger: Span, verb: Token) -> bool:
    """Whether the doer follows the relation words ("the hallmarks of X", "carried out by X")."""
    return trigger[-1].lower_ in AGENT_PREPS or any(c.dep_ == "agent" for c in verb.children)


def _as_the_source_puts_it(polarity: str, words: Span, relation: str, attribution: Found | None) -> str:
    """The polarity its source gives a relation said inside a denial's content: "the minister denied
    that the army bombed the village" says the army did not (and a denied "did not", that it did); "did
    not dismiss the possibility that ..." denies nothing. The span tagger may put the denied words in
    the cue itself ("has repeatedly denied backing"): they are denied all the same."""
    if (
        attribution is None
        or attribution.cue_class != "deny"
        or relation == "denied"
        or not (
            attribution.start <= words.start_char < attribution.end
            or words.start_char > attribution.cue_start
            and _in_cue(attribution, words.start_char)
        )
        or modality.NEGATORS.intersection(attribution.cue_text.split())
    ):
        return polarity
    return "negative" if polarity == "positive" else "positive"


SIDE_MARKS = frozenset({"as", "while", "after", "before", "when", "since", "because", "until", "once"})


def _a_side_clause(words: Span) -> bool:
    """ "Hezbollah denies firing rockets as Israel strikes back": a clause of time or cause with a
    subject of its own says what else happened; it is not part of what is denied."""
    verb = participants.governing_verb(words.root)
    while verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
    return set_against_another(verb, SIDE_MARKS)


BOTH_GROUPS = re.compile(
    r"(?i)(?:both|the two)(?: \w+)? (?:groups|organi[sz]ations|factions|movements|militias)"
)


def _speaker(relation: str, subject: Span, attribution: Found | None, polarity: str) -> tuple[str, Source]:
    """Who asserts it: the attribution's source, else the group itself (claims, denials) or the author."""
    if attribution is not None:
        source = attribution.speaker
        said = attribution.record.source
        if (
            relation in {"claimed", "denied"}
            and said is not None
            and said.start <= subject.start_char < said.end
            and subject.kb_id_ != source.actor
            and source.kind == "organization"
        ):  # "The PKK and the YPG have denied involvement": each of them denies
            source = replace(source, name=subject.text, actor=subject.kb_id_)
        elif relation in {"claimed", "denied"} and said is not None and BOTH_GROUPS.fullmatch(said.text):
            # "Both groups denied involvement": each of the two named before (participants) denies
            source = Source(kind="organization", name=subject.text, actor=subject.kb_id_)
        speaks_for_group = source.kind == "organization" or any(
            w in (source.title or "").lower() for w in ("spokes", "leader", "commander", "representative")
        )
        # the speaker's own group, the group a radio speaks for, the state whose forces speak; and a unit
        # of the speaker's ("the BLA ... saying its Majeed Brigade had targeted")
        own = {source.actor, kb.voices().get(source.actor or ""), _state_of(source.actor)}
        if (
            (subject.kb_id_ in own or source.actor and kb.actor_parents().get(subject.kb_id_) == source.actor)
            and speaks_for_group
            and relation in {"claimed", "perpetrated"}
            and polarity == "positive"
        ):
            return "claimed", replace(source, kind="claimant", name=subject.text, actor=subject.kb_id_)
        return relation, source
    if relation == "claimed":
        return relation, Source(kind="claimant", name=subject.text, actor=subject.kb_id_)
    if relation == "denied":
        return relation, Source(kind="organization", name=subject.text, actor=subject.kb_id_)
    return relation, Source(kind="author")


def _state_of(actor: str | None) -> str | None:
    """The state an actor is a body of ("idf": "israel"; kb ``country``)."""
    code = kb.actor_countries().get(actor or "")
    return states_by_code().get(code) if code else None


def _statement(
    ctx: Context,
    document_id: str,
    trigger: Span,
    subject: Span,
    relation: str,
    obj: dict[str, str | None],
    source: Source,
    attribution: Found | None,
    polarity: str,
    certainty: str,
) -> Statement:
    sent = ctx.sent(trigger)
    if ctx.index(subject) == ctx.index(trigger):
        start, end = min(subject.start_char, trigger.start_char), max(subject.end_char, trigger.end_char)
    else:
        start, end = trigger.start_char, trigger.end_char
    return Statement(
        id=stable_id(
            document_id, "statement", trigger.start_char, subject.kb_id_, relation, obj, source.kind
        ),
        document=document_id,
        start=start,
        end=end,
        sentence=sent.text,
        attribution=attribution.record.id if attribution else None,
        source=source,
        cue=attribution.cue_text
        if attribution
        else (trigger.text.lower() if source.kind != "author" else None),
        relation=relation,
        subject=subject.kb_id_,
        object=obj,
        polarity=polarity,
        certainty=certainty,
        quote=attribution.record.kind if attribution else "none",
    )


def _disbelief(
    ctx: Context, document_id: str, statements: list[Statement], found: list[Found]
) -> list[Statement]:
    """ "X says Y. X is lying.": the author's counter-statement, with the author's hedge."""
    out: list[Statement] = []
    sents = ctx.sents
    for i, sent in enumerate(sents[1:], start=1):
        root = sent.root
        predicate = [root, *(c for c in root.children if c.dep_ in {"acomp", "attr", "xcomp", "dobj"})]
        if not any(in_words(t, DISBELIEF) for t in predicate):
            continue
        if any(f.start <= sent.start_char < f.end for f in found):
            continue
        subject = subject_of(root)
        if subject is None or not any(t.lower_ in {"they", "both", "them", "he", "she"} for t in subject):
            continue
        prev = sents[i - 1]
        hedges = [h for h in ctx.doc.spans.get("hedges", []) if sent.start <= h.start < sent.end]
        certainty = hedges[0].label_ if hedges else "asserted"
        for st in statements:
            if not (prev.start_char <= st.start < prev.end_char) or st.source.kind == "author":
                continue
            flipped = "negative" if st.polarity == "positive" else "positive"
            out.append(
                replace(
                    st,
                    id=stable_id(document_id, "statement", sent.start_char, st.id),
                    start=sent.start_char,
                    end=sent.end_char,
                    sentence=sent.text,
                    attribution=None,
                    source=Source(kind="author"),
                    cue=None,
                    polarity=flipped,
                    certainty=certainty,
                    quote="none",
                )
            )
    return out


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen: set[tuple] = set()
    out = []
    for st in statements:
        key = (
            st.sentence,
            st.relation,
            st.subject,
            tuple(sorted(st.object.items())),
            st.source.kind,
            st.source.actor or st.source.name,
            st.polarity,
            st.certainty,  # "bears the hallmarks of X and was almost certainly carried out by X": both
        )
        if key not in seen:
            seen.add(key)
            out.append(st)
    return out
