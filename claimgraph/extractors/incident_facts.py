"""An incident's facts from the sentences that mention it, by rule: the dead and wounded, attackers,
targets, victims and weapons.

The span tagger, where it runs and is sure of a document, replaces some of these fields afterwards
(``incidents._apply_fillers``); what is here is what the parse and ``kb/incident_roles.yaml`` say.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimgraph import kb
from claimgraph.extractors.context import Context
from claimgraph.extractors.modality import polarity
from claimgraph.extractors.names import full_name
from claimgraph.extractors.participants import (
    RELATIVE_PRONOUNS,
    done_to_the_attackers,
    prep_objects,
    relative_clauses,
)
from claimgraph.extractors.roles import (
    ATTACK_WORDS,
    HARM_VERBS,
    in_denial,
    in_words,
    list_head,
    named_for_a_doer,
    singular,
)
from claimgraph.model import Figure
from claimgraph.nlp.figures import VAGUE_QUALIFIERS, ImpliedFigure, RisenFigure, casualties, parse_count

if TYPE_CHECKING:
    from claimgraph.extractors.incidents import Draft

INCIDENT_LEMMAS = kb.incident_words()
HABITUAL_ADVERBS = frozenset(kb.load("incident_types")["habitual_adverbs"])
_LEX = kb.role_lexicon()
BARE_GROUP_WORDS = frozenset(_LEX["bare_group_words"])
GROUP_NOUNS = BARE_GROUP_WORDS - {"member", "members"}  # the body itself, not its people
# who is held to account for an attack, and for what (kb incident_roles.yaml): see ``_held_to_account``
ACCUSED_PEOPLE = _LEX["accused_people"] | _LEX["attackers"] | _LEX["deed_nouns"] | _LEX["doer_words"]
VAGUE_PEOPLE = _LEX["vague_people"]
HOSTAGE_VERBS = _LEX["hostage_verbs"]
HOSTAGE_WORDS = _LEX["hostage_words"]
STANCE_VERBS = _LEX["stance_verbs"]
CLAIM_OUTLETS = _LEX["claim_outlets"]  # "claimed the raid in a post on Telegram"
ACCUSING_WORDS = _LEX["accusing_words"]
CHARGED_DEEDS = ATTACK_WORDS | _LEX["charged_deeds"]
# pronouns for people (not "all", "which", "it"): a place after what was done to them is where it happened
PERSONAL_PRONOUNS = {"he", "him", "she", "her", "they", "them", "we", "us", "i", "me", "you"}


def _better_figure(old: Figure | None, new: Figure | None) -> bool:
    """Whether ``new`` replaces the incident's figure: the first one reported, unless that one was only
    implied ("a teacher") and ``new`` is stated, or gave no number ("airstrike kills dozens" in a
    headline, "at least 100" in the story), or a toll said to have risen past it ("rose to 18")."""
    if new is None or not (new.min or new.max):
        return False
    if isinstance(new, RisenFigure) and old is not None:
        return (new.min or new.max or 0) >= (old.min or old.max or 0)
    if old is not None and old.qualifier in VAGUE_QUALIFIERS and new.qualifier not in VAGUE_QUALIFIERS:
        return not isinstance(new, ImpliedFigure)
    return old is None or isinstance(old, ImpliedFigure) and not isinstance(new, ImpliedFigure)


def a_headline(sent: Span) -> bool:
    """The text's first sentence, a line of its own with no full stop ("Gunmen kill 13 at Catholic mass
    in Burkina Faso"): its count is rounded or early and its place often the wider one, so the story's
    own count and place replace them."""
    text = sent.text.rstrip()
    return "\n" in sent.text and not text.endswith((".", "!", "?", '"', "”"))


def _a_count(figure: Figure | None) -> bool:
    """A number stated for the story ("killed 15", "at least 12"), not implied or vague."""
    return (
        figure is not None
        and bool(figure.min or figure.max)
        and not isinstance(figure, ImpliedFigure)
        and figure.qualifier not in VAGUE_QUALIFIERS
    )


def stated(figure: Figure | None) -> Figure | None:
    """The figure as the model's plain ``Figure`` (whether it was implied matters only while filling)."""
    return Figure(figure.min, figure.max, figure.qualifier) if figure is not None else None


def fill(
    draft: Draft,
    ctx: Context,
    actor_tokens: set[int],
    near: set[int],
    triggers: set[int],
    claimed: set[int] = frozenset(),
) -> None:
    """Figures and roles from the sentences that mention the incident (first report wins); figures also
    from the sentence right after a mention ("Nearly 70 were wounded."). ``triggers`` are the roots of
    the document's incident words: a clause that holds one and none of this incident's tells another.
    ``claimed`` are the words an armed group says of itself: its count stands only until another's."""
    lex = kb.role_lexicon()
    sents, text = ctx.sents, ctx.text
    people = ctx.people
    speaking = {i for cue in ctx.doc.spans.get("cues", []) for i in range(cue.start, cue.end)}
    mentioned = {m.sent_index for m in draft.mentions}
    harmed: set[str] = set()
    # whether the figure so far is only a headline's or the group's own: a count stated later replaces it
    provisional = {"killed": False, "wounded": False}
    for index in sorted(mentioned | near):
        sent = sents[index]
        others = _another_incidents_words(sent, {m.token.i for m in draft.mentions}, triggers)
        own = {t.i for t in sent if t.i in claimed}
        figures = casualties(sent, others | own) if others or own else ctx.casualties(index)
        groups = casualties(sent, others) if own else (None, None)  # as the group counts its deed
        in_headline = index == 0 and a_headline(sent)
        for kind, figure, group_figure in zip(("killed", "wounded"), figures, groups, strict=True):
            first = figure is None and group_figure is not None
            new, new_provisional = (group_figure, True) if first else (figure, in_headline)
            old = getattr(draft, kind)
            if _better_figure(old, new) or provisional[kind] and not new_provisional and _a_count(new):
                setattr(draft, kind, new)
                provisional[kind] = new_provisional
        if index not in mentioned:
            # "Two people were killed. The victims were identified as X and Y.", "Three were injured,
            # including X."
            for ent in ctx.ents_by_sent[index]:
                if ent.label_ != "PERSON":
                    continue
                if _names_the_victims(ent) or _singled_out(ent, lex) or _found_dead(list_head(ent.root)):
                    append(draft.victims, full_name(ent, people))
                elif ent.root.i not in actor_tokens and _the_suspect_named(ent):
                    _add_attacker(draft, full_name(ent, people))  # "The suspect, identified as X, ..."
            continue
        conduct = _conduct(sent) | others
        harmed |= _harmed(sent, lex)
        for token in sent:
            word = token.lower_
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in actor_tokens or token.dep_ == "compound":
                continue
            if token.i in conduct:
                continue
            dep = token.dep_
            if word in ACCUSED_PEOPLE and _held_to_account(token):
                phrase = _phrase(token, text, counted=True)
                if phrase.lower() not in VAGUE_PEOPLE:  # "the persons responsible" says nothing
                    _add_attacker(draft, phrase)
                continue
            if singular(word) in harmed and dep == "nsubj":
                continue  # "killing four soldiers ... as soldiers approached": the dead, named again
            if word in lex["attackers"] and dep in {"nsubj", "nsubjpass", "pobj", "dobj", "conj"}:
                if dep == "nsubj" and (token.head.i in speaking or token.head.lemma_.lower() in STANCE_VERBS):
                    continue  # "a man who said he spoke for the group told a reporter", "rebels demand"
                if _speakers_own(token):
                    continue  # "our troops are working alongside our partners": the speaker's side
                if dep == "nsubj" and _answering(token.head, lex):
                    continue  # "the bomb squad unit defused another device": those who answered
                if _came_to_harm(token, lex):
                    continue  # "13 persons died": the dead
                if in_denial(token) or dep == "nsubj" and _denied_doing(token.head):
                    continue  # "X denied that the drug traffickers had killed him", "are not responsible"
                if _named_group(token, actor_tokens):
                    continue  # "the Islamic State militant group": the group is its name, an actor
                phrase = _phrase(token, text, counted=True)
                leading = dep == "nsubj" or _a_number_of(token)  # "Dozens of gunmen attacked"
                if leading or any(m in phrase.lower().split() for m in lex["attacker_modifiers"]):
                    _add_attacker(draft, _named_in_apposition(token, people) or phrase)
            elif word in lex["weapons"]:
                if not (kept_or_moved(token, lex) or _unqualified(token, lex) or _of_a_charge(token, lex)):
                    append(draft.weapons, _weapon_phrase(token, text, lex))
            elif word in lex["targets"] and dep in {"pobj", "dobj", "nsubjpass"} and _hit_or_used(token, lex):
                _add_target(draft, token, text)
        for target in _targets(sent, lex, actor_tokens):
            if target.i not in conduct:
                _add_target(draft, target, text)
        for doer in _doers(sent, lex):
            if in_denial(doer) or _named_group(doer, actor_tokens) or doer.i in conduct:
                continue
            if doer.i not in actor_tokens and (doer.lower_ in lex["attackers"] or doer.ent_type_ == "PERSON"):
                _add_attacker(draft, _doer_phrase(doer, text, lex, people))
        for ent in ctx.ents_by_sent[index]:
            if ent.label_ != "PERSON":
                continue
            if _is_victim(ent, lex["victim_verbs"]):
                append(draft.victims, full_name(ent, people))
            elif ent.root.i not in actor_tokens and _held_to_account(ent.root):
                _add_attacker(draft, full_name(ent, people))  # "Colonel X is responsible for the murders"


LIST_VERBS = frozenset(_LEX["list_verbs"])


def kept_or_moved(noun: Token, lex: dict[str, frozenset[str]] | None = None) -> bool:
    """Arms that were seized, found, sent or stored (kb ``not_weapon_heads``), up to the clause's verb:
    what troops captured or a plane carried is not what the attackers used. A list of them goes up to
    its noun ("seized the following materiel: 700 rounds of ammunition for AK-47 rifles, ..."), also
    through a relative clause that lists them ("stole the weapons, which consisted of 8 rifles")."""
    lex = lex or kb.role_lexicon()
    token = noun
    while token.head.i != token.i:
        token = token.head
        if in_words(token, lex["not_weapon_heads"]):
            return True
        if token.dep_ == "prep":
            continue  # "cartridges, including some for rifles and grenades, were found"
        if token.pos_ in {"VERB", "AUX"} and not (token.dep_ == "relcl" and in_words(token, LIST_VERBS)):
            break
    return _listed_after(noun, lex)


def _listed_after(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """A weapon further down the list a seizing verb opens ("has confiscated 370 rifles, 82 grenade
    launchers, 26 mortars and 18 machineguns"), where the parser hangs the later items elsewhere: no
    verb between the seizing verb and the weapon. Only a listed item (not "according to a report we
    received, a truck bomb exploded"); an item counted with "of" is the count's ("large quantities of
    ammunition")."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    if noun.dep_ not in {"conj", "appos"}:
        return False
    doc, i = noun.doc, noun.i
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
        token = doc[i]
        if token.pos_ in {"VERB", "AUX"}:
            return token.pos_ == "VERB" and in_words(token, lex["not_weapon_heads"])
    return False


EXPLOSIVE_WORDS = ("explosive", "suicide")  # what makes a charge or a belt a weapon


def _unqualified(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """ "charges" or "belts" with no explosive beside it ("denied the charges", "in charge of the troops",
    "a seat belt"); a "coal mine" (kb incident_roles.yaml ``not_weapon_modifiers``)."""
    if any(c.dep_ in {"compound", "amod"} and c.lower_ in lex["not_weapon_modifiers"] for c in noun.children):
        return True
    if noun.lower_ not in lex["qualified_weapons"]:
        return False
    beside = [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}]
    beside += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return not any(t.lower_ in lex["weapons"] or t.lower_.startswith(EXPLOSIVE_WORDS) for t in beside)


def _of_a_charge(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """ "dynamite" in "a charge of dynamite": written with the charge, not again alone."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in lex["qualified_weapons"]


def _weapon_phrase(noun: Token, text: str, lex: dict[str, frozenset[str]]) -> str:
    """The weapon as written, with the explosive of a charge ("charge of dynamite")."""
    phrase = _phrase(noun, text)
    if noun.lower_ in lex["qualified_weapons"]:
        return _with_of_phrase(noun, phrase, text, {"of"}, participles=False)
    return phrase


def _add_target(draft: Draft, noun: Token, text: str) -> None:
    """A vehicle laden or rigged with explosives ("rammed an explosives-laden car into a convoy") is the
    weapon (GTD's vehicle-borne IED), not what was hit; the claimant's own outlet is neither, nor a place's
    name ("the West Bank")."""
    if _claimants_outlet(noun) or noun.ent_type_ in {"GPE", "LOC"}:
        return  # "the occupied West Bank" is a place, though "bank" can be a target
    phrase = _phrase(noun, text)
    if noun.lower_ in kb.role_lexicon()["target_of_heads"]:
        phrase = _with_of_phrase(noun, phrase, text, {"of"}, participles=False)
    append(draft.weapons if _laden(noun) else draft.targets, phrase)


def _claimants_outlet(noun: Token) -> bool:
    """ "claimed responsibility for the attack on its Andalus radio station", "claimed the raid in a post
    on Telegram", "claimed responsibility for the attack in a post on Telegram" (the parse hangs "in" on
    "attack"): where the claim was made, not what was hit ("its" is the claimant's; "claimed the attack
    on a police post" is a target)."""
    holder = noun.head.head if noun.dep_ == "pobj" else noun
    if holder.lemma_.lower() == "claim" or holder.dep_ == "dobj" and holder.head.lemma_.lower() == "claim":
        return noun.lemma_.lower() in CLAIM_OUTLETS
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in {"in", "via", "through"}
        and noun.lemma_.lower() in CLAIM_OUTLETS
        and any(a.lemma_.lower() == "claim" for a in noun.ancestors)
    ):
        return True
    return any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children) and any(
        a.lemma_.lower() == "claim" for a in noun.ancestors
    )


def _laden(noun: Token) -> bool:
    return any(c.dep_ in {"amod", "compound", "acl"} and _loaded(c) for c in noun.children)


def _loaded(word: Token) -> bool:
    """ "explosives-laden", "booby-trapped", "packed with explosives", "loaded with explosives"."""
    low = word.lower_
    return low.endswith(("laden", "-packed")) or low in {"booby-trapped", "rigged", "packed", "loaded"}


def _hit_or_used(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """What was hit, or a vehicle laden with explosives whatever the verb ("rammed an explosives-laden
    truck into a convoy"): the weapon."""
    return _hit(noun, lex) or _laden(noun)


def _hit(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """A place or thing the sentence says was acted on: the object of an attack or damage verb ("raided
    the house") or of one that guards it ("guarding the bridge"), or where a blast or shooting happened
    ("exploded at the embassy"); not the object of any verb ("controlled the attorney general's
    office"), nor where someone was ("was at his office at the time of the attack"), nor a means ("fled
    in a car")."""
    if noun.dep_ in {"dobj", "nsubjpass"}:
        verb = noun.head.lemma_.lower()
        return verb in lex["target_verbs"] or verb in lex["attack_verbs"] or verb in lex["guard_verbs"]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in lex["owner_words"]:
        return False  # "the owner of a body shop": whose it is, not what was hit
    if not _struck_there(noun, lex):
        return False
    return not _a_means(noun, lex) and noun.head.head.lemma_ != "be" and not _where_people_were_hit(noun, lex)


def _struck_there(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """Whether the phrase ("at X", "on X", "in front of X") hangs on a word of the attack: one that hits,
    guards, sets off or damages ("exploded at", "the destruction of"; kb ``target_verbs``,
    ``attack_verbs``, ``guard_verbs``, ``struck_words``), an incident word ("the attack on"), or a verb
    that put a weapon there ("placed a bomb in"; kb ``placing_verbs``); also through the part of the
    place it names ("the windows of X", "in front of X"). Not "found hiding in a boat", "removed a bag
    from his room at the university", "stopped at a store"."""
    acting = lex["target_verbs"] | lex["attack_verbs"] | lex["guard_verbs"] | lex["struck_words"]
    word = noun.head.head
    for _ in range(3):
        lemma = word.lemma_.lower()
        if lemma in acting or lemma in INCIDENT_LEMMAS or lemma == "take" and _takes_place(word):
            return True
        if lemma in lex["placing_verbs"]:
            placed = [c for c in word.children if c.dep_ in {"dobj", "nsubjpass"}]
            placed += [word.head] if word.dep_ == "acl" else []  # "a bomb, planted under a bus"
            return any(p.lower_ in lex["weapons"] for p in placed)
        if word.pos_ != "NOUN" or word.dep_ not in {"pobj", "dobj", "nsubj", "nsubjpass"}:
            return False
        word = word.head.head if word.dep_ == "pobj" else word.head  # the part's own place in the sentence
    return False


def _takes_place(verb: Token) -> bool:
    """ "took place": the attack happened there."""
    return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)


def _where_people_were_hit(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """ "General Leigh was attacked at his office", "Pizarro was shot aboard a plane", "killed one person
    at the airport": a place after a verb whose patient is a person is where it happened, not what was
    hit (kb ``person_patients``); so is a place "near" it, or "in front of" it ("kidnapped near his
    home", "shot him in front of his drugstore")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in {"front", "outside"}:
        noun = noun.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"at", "in", "aboard", "inside", "on", "near"}:
        return False
    verb = noun.head.head
    patients = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return verb.pos_ == "VERB" and any(
        c.ent_type_ == "PERSON" or c.lower_ in PERSONAL_PRONOUNS or c.lower_ in lex["person_patients"]
        for c in patients
    )


def _a_means(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """ "through its Amaq news agency", "fled in a pickup truck", "a statement on its radio station": the
    object of a preposition of means or address, or of one that says how someone came, went or spoke,
    is not a target."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    head = prep.head.lemma_.lower()
    taken_to = prep.lower_ == "to" and head in lex["conveying_verbs"]  # "taken to different hospitals"
    return prep.lower_ in lex["not_target_preps"] or head in lex["not_target_heads"] or taken_to


def _speakers_own(noun: Token) -> bool:
    """ "our troops", "my men": a first-person possessor makes them the speaker's own people."""
    return any(child.dep_ == "poss" and child.lower_ in {"our", "my"} for child in noun.children)


def without_re_mentions(attackers: list[str]) -> list[str]:
    """The attackers less the bare nouns that name those already listed again ("the attackers" after
    "masked gunmen"; kb incident_roles.yaml ``attacker_re_mentions``)."""
    again = kb.role_lexicon()["attacker_re_mentions"]
    out: list[str] = []
    for attacker in attackers:
        if not (out and attacker.lower() in again):
            out.append(attacker)
    return _without_parts(out)


def _without_parts(attackers: list[str]) -> list[str]:
    """One group written once, in its fullest words: "paid assassins" after "group of 10 paid
    assassins" and "terrorist" after "terrorists" go; "Boko Haram fighters" after "fighters" takes its
    place."""

    def words(text: str) -> str:
        return f" {' '.join(singular(w) for w in text.lower().split())} "

    out: list[str] = []
    for attacker in attackers:
        own = words(attacker)
        if any(own in words(o) for o in out):
            continue
        held = [i for i, o in enumerate(out) if words(o) in own]
        if held:
            out[held[0]] = attacker
            out = [o for i, o in enumerate(out) if i not in held[1:]]
        else:
            out.append(attacker)
    return out


def without_bare_heads(values: list[str]) -> list[str]:
    """Less a lone noun that is the head of a longer filler beside it: "rockets" with "powerful
    rockets", "devices" with "explosive devices" are one weapon, "residence" with "residence of the
    ambassador" one target, written in full once."""
    heads = {_head_word(v) for v in values if len(v.split()) > 1}
    return [v for v in values if len(v.split()) > 1 or singular(v.lower()) not in heads]


def _head_word(phrase: str) -> str:
    """The head noun of a filler as written: the last word before any "of" ("home of the president")."""
    return singular(phrase.lower().split(" of ")[0].split()[-1])


def _a_number_of(noun: Token) -> bool:
    """ "Dozens of gunmen", "hundreds of militants" as a clause's subject: the people are its subject."""
    of = noun.head
    return (
        noun.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.dep_ == "nsubj"
        and of.head.lemma_.lower() in {"dozen", "dozens", "hundred", "hundreds", "score", "scores"}
    )


def _held_to_account(noun: Token) -> bool:
    """Those the text holds to account for an attack: "the soldiers accused of murdering the priests",
    "three persons suspected of participating in the attack", "the colonels who were involved in the
    crime", "the arrest of 45 soldiers and 2 officers for killing six clergymen", "armed forces elements
    are responsible for the killing" (kb incident_roles.yaml ``accusing_words``)."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "45 soldiers and 2 officers"
        noun = noun.head

    def accuses(word: Token) -> bool:  # not "were not involved in", "are not responsible for"
        return in_words(word, ACCUSING_WORDS) and _of_an_attack(word) and not _negated(word)

    if any(_said_of(c, noun) and accuses(c) for c in noun.children):
        return True
    head = noun.head
    if noun.dep_ in {"nsubjpass", "dobj"}:
        return accuses(head)  # "were accused of", "were involved in", "charged X with the killing"
    if noun.dep_ == "nsubj":  # "are responsible for"; not "two officers blamed the guerrillas for"
        predicated = head.lemma_ == "be" and any(c.dep_ == "acomp" and accuses(c) for c in head.children)
        return predicated or head.pos_ == "ADJ" and accuses(head)
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.pos_ != "NOUN":
        return False
    deed = head.head  # "the arrest of X for killing": the parser may hang "for" on X or its conjunct
    return in_words(deed, ACCUSING_WORDS) and any(_of_an_attack(w) for w in (deed, noun, *noun.conjuncts))


def _negated(word: Token) -> bool:
    """ "did not plant", "were not involved", "are not responsible": said not to be so."""
    return polarity(word.doc[word.i : word.i + 1], "perpetrated") == "negative"


def _denied_doing(verb: Token) -> bool:
    """ "did not attack the town", "are not responsible for": the attack, or the charge of it, said not to
    be so (not "the guerrillas do not want peace")."""
    if not _negated(verb):
        return False
    if verb.lemma_.lower() in HARM_VERBS:
        return True
    charges = (c for c in verb.children if c.dep_ == "acomp")
    return verb.lemma_ == "be" and any(in_words(c, ACCUSING_WORDS) for c in charges)


def _said_of(clause: Token, noun: Token) -> bool:
    """A participle or adjective on the noun ("the soldiers accused of"), or a relative clause whose
    subject is the noun ("the colonels who were involved in"; not "a communique in which he accused")."""
    if clause.dep_ in {"acl", "amod"}:
        return clause.tag_ in {"VBN", "JJ"}  # not "an operation to arrest those responsible"
    return clause.dep_ == "relcl" and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in RELATIVE_PRONOUNS for c in clause.children
    )


def _of_an_attack(word: Token) -> bool:
    """Whether "of", "for", "with" or "in" after ``word`` speaks of an attack ("of murdering", "for the
    killing", "in the crime"), or of one of the kb ``charged_deeds``."""
    objects = [
        obj
        for prep in word.rights
        if prep.dep_ == "prep" and prep.lower_ in {"of", "for", "with", "in"}
        for obj in prep.children
        if obj.dep_ in {"pobj", "pcomp"}
    ]
    # "of participating in the attack": the deed one step further on
    objects += [
        o
        for obj in objects
        if obj.tag_ == "VBG"
        for p in obj.children
        if p.dep_ == "prep"
        for o in p.children
    ]
    # "in the assassination attempt": the deed may be the word that qualifies the noun
    objects += [c for obj in objects for c in obj.children if c.dep_ in {"compound", "amod"}]
    return any(in_words(obj, CHARGED_DEEDS) for obj in objects)


def _named_group(noun: Token, actor_tokens: set[int]) -> bool:
    """A word for a group that the group's name modifies ("the Islamic State militant group", "the ETA
    cell"): the name is the actor said to act, the words only describe it ("FMLN members" are people)."""
    return noun.lower_ in GROUP_NOUNS and any(
        c.i in actor_tokens for c in noun.lefts if c.dep_ in {"compound", "nmod", "amod"}
    )


def _answering(verb: Token, lex: dict[str, frozenset[str]]) -> bool:
    """A verb of those who answer an attack (kb ``responder_verbs``), or one they try or begin to do
    ("is trying to determine the damage")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(v.lemma_.lower() in lex["responder_verbs"] for v in verbs)


def _came_to_harm(noun: Token, lex: dict[str, frozenset[str]]) -> bool:
    """The subject of a verb of coming to harm ("13 persons died") or of being spared it ("escaped
    injury"), unless named by the deed ("the gunman died"): kb incident_roles.yaml ``sufferer_verbs``,
    ``spared_verbs``, ``deed_nouns``."""
    if noun.dep_ != "nsubj" or noun.lower_ in lex["deed_nouns"]:
        return False
    verb = noun.head.lemma_.lower()
    spared = verb in lex["spared_verbs"] and any(c.dep_ in {"dobj", "acomp"} for c in noun.head.children)
    return verb in lex["sufferer_verbs"] or spared


def _named_in_apposition(noun: Token, people: list[str]) -> str | None:
    """ "The alleged killer, John Roe, ...": the attacker is the person the apposition names."""
    for child in noun.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            ent = next(e for e in noun.doc.ents if e.start <= child.i < e.end)
            return full_name(ent, people)
    return None


def _add_attacker(draft: Draft, phrase: str) -> None:
    words = phrase.lower().split()
    if len(words) > 1 and parse_count(words[0]) is not None:
        words = words[1:]  # "forty members" says no more than "members"
    if " ".join(words) not in BARE_GROUP_WORDS:  # "the group" says nothing about who
        append(draft.attackers, phrase)


def _doers(sent: Span, lex: dict[str, frozenset[str]]) -> list[Token]:
    """Heads of the phrases that did the attacking: subjects of attack verbs, "by" agents of passives."""
    out: list[Token] = []
    for verb in sent:
        if verb.pos_ != "VERB" or _negated(verb):
            continue  # "guerrillas did not plant the bomb": no doer
        lemma = verb.lemma_.lower()
        ordered = lemma in lex["ordering_verbs"] and _orders_an_attack(verb)  # "X ordered the killing"
        if lemma not in lex["attack_verbs"] and not ordered or done_to_the_attackers(verb):
            continue  # "the two attackers were shot dead by off-duty soldiers": the soldiers answered it
        for child in verb.children:
            if child.dep_ == "nsubj":
                out.append(child)
            elif child.dep_ == "agent":
                out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _orders_an_attack(verb: Token) -> bool:
    """ "ordered the assassination of the judge", not "ordered the arrest of two suspects"."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in INCIDENT_LEMMAS for c in verb.children)


def _targets(sent: Span, lex: dict[str, frozenset[str]], actor_tokens: set[int]) -> list[Token]:
    """Heads of what was hit: objects of attack verbs, passive subjects, "the attack on X"."""
    out: list[Token] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in lex["target_verbs"]:
            out += [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        elif token.pos_ == "NOUN" and lemma in INCIDENT_LEMMAS:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in lex["target_preps"]:
                    out += [c for c in prep.children if c.dep_ == "pobj"]
    # a second target joined on, even where the parse hangs it on the first one's "of" phrase ("the
    # offices of labor unions and houses of opposition members")
    out += [c for t in out for c in t.subtree if c.dep_ == "conj" and c.i > t.i]
    return [
        t
        for t in out
        if t.pos_ in {"NOUN", "PROPN"}
        and t.i not in actor_tokens
        and t.ent_type_ not in {"PERSON", "GPE", "NORP", "DATE", "TIME"}
        and t.lower_ in lex["targets"]
    ]


def _doer_phrase(head: Token, text: str, lex: dict[str, frozenset[str]], people: list[str]) -> str:
    """The attacker as written, with "of X" kept after group words ("members of the 8th front"); a
    person as the text names them in full ("Ruiz ordered the attack" after "Carlos Ruiz")."""
    if head.ent_type_ == "PERSON":
        ent = next(e for e in head.doc.ents if e.start <= head.i < e.end)
        return full_name(ent, people)
    phrase = _phrase(head, text, counted=True)
    if head.lower_ in lex["attacker_of_heads"]:
        return _with_of_phrase(head, phrase, text, {"of", "from"}, participles=True)
    return phrase


def _with_of_phrase(head: Token, phrase: str, text: str, preps: set[str], participles: bool) -> str:
    """The phrase with the head's "of" complement, which says whose or which it is ("members of the 8th
    front", "the residence of Vice President-elect Merino"), up to what only says more about it: a
    clause ("a group of armed men who fled"), a place or time ("in Sabaneta", "last night"), an
    apposition after a comma, or a second target ("the offices of labor unions and houses of opposition
    members"). ``participles`` keeps a participle phrase, which describes attackers ("a group of men
    wearing military uniforms") but only places a building ("the headquarters of the brigade located in
    Laico")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            beyond = relative_clauses(child) | _more_than_a_name(child, participles)
            end = child
            for token in child.subtree:
                if token.i in beyond or token.is_punct and token.text != "-" or token.is_space:
                    break
                end = token
            if end.i == child.i:
                return phrase
            return text[head.idx + len(head) - len(phrase) : end.idx + len(end)]
    return phrase


# Words of number that are not part of what a filler is called ("several urban guerrillas").
QUANTIFIERS = {"several", "some", "many", "numerous", "few", "various", "dozens", "hundreds"}
# Words that count or set apart one of several of the same kind ("the second bomb", "other bombs"):
# the filler is the kind, written once.
ORDINALS = {"first", "second", "third", "fourth", "fifth", "other", "another"}
VICTIM_WORDS = frozenset(_LEX["victim_words"])
VICTIM_NOUNS = frozenset(_LEX["victim_nouns"])
FIGHT_NOUNS = frozenset(_LEX["fight_nouns"])
DYING_VERBS = frozenset(_LEX["dying_verbs"])
CORPSE_WORDS = frozenset(_LEX["corpse_words"])


def _is_victim(ent: Span, victim_verbs: frozenset[str]) -> bool:
    """A person who was killed, hurt or taken: the object of such a verb (or in apposition to it),
    "the murder of X", or "the victims were identified as X"."""
    token = list_head(ent.root)
    if ent.root.dep_ in {"appos", "conj"} and token.ent_type_ in {"GPE", "LOC"}:
        token = _whose_place(token)  # "shot dead the police chief of Malinaltepec, Juan Perez"
    if token.dep_ in {"dobj", "nsubjpass"} and _harms(token.head, victim_verbs):
        return not _killed_fighting(token.head)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in VICTIM_NOUNS:
        return True
    if _identified_as(token):
        return not named_for_a_doer(token)  # "mercenaries identified as X", "who identified himself as X"
    if token.dep_ == "nsubj" and (token.head.lemma_.lower() in DYING_VERBS or _lost_life(token.head)):
        return not _killed_fighting(token.head)  # "Judge X died after he was shot", "X lost his life"
    if _found_dead(token):
        return True
    return _among_the_harmed(token, victim_verbs) or _harmed_who(token, victim_verbs)


def _the_suspect_named(ent: Span) -> bool:
    """ "The suspect, identified as Payton Gendron, surrendered", "the suspect, X,": a name given for the
    doer of the attack told just before (kb incident_roles.yaml ``doer_nouns``), set off as the doer's
    name, not an epithet ("before the arrival of the murderer Cristiani to power", MUC-4 DEV 0264)."""
    root = ent.root
    set_off = root.dep_ == "appos" and ent.start > 0 and ent.doc[ent.start - 1].text == ","
    return (_identified_as(root) or set_off) and named_for_a_doer(root)  # not "the murderer Cristiani"


def _whose_place(place: Token) -> Token:
    """The person a place's "of" belongs to ("the police chief of [the town of] X"), where the parser
    hangs the name set beside that person on the place; the place itself where there is none."""
    holder = place
    while holder.dep_ == "pobj" and holder.head.lower_ == "of":
        holder = holder.head.head
    return holder if holder is not place and holder.pos_ == "NOUN" else place


def _lost_life(verb: Token) -> bool:
    """ "X lost his life in the attack"."""
    lost = verb.lemma_.lower() == "lose"
    return lost and any(c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children)


def _found_dead(token: Token) -> bool:
    """ "X was found dead", "the body of X was found" (the parse may hang X on "body" in apposition)."""
    if token.dep_ != "nsubjpass" or token.head.lemma_.lower() != "find":
        return False
    dead = any(c.dep_ in {"oprd", "acomp"} and c.lower_ == "dead" for c in token.head.children)
    return dead or token.lemma_.lower() in CORPSE_WORDS


def _killed_fighting(verb: Token) -> bool:
    """ "was killed in a gun battle with police": the one killed fought (kb ``fight_nouns``), so is no
    victim of the attack."""
    fights = prep_objects(verb)
    return any(in_words(o, FIGHT_NOUNS) and any(c.lower_ == "with" for c in o.children) for o in fights)


def _harms(verb: Token, victim_verbs: frozenset[str]) -> bool:
    """A verb whose object is a victim: a kb ``victim_verbs`` one, or one that takes hostages ("were
    taken hostage", "held them captive"; kb ``hostage_verbs`` and ``hostage_words``)."""
    if verb.lemma_.lower() in victim_verbs:
        return True
    return verb.lemma_.lower() in HOSTAGE_VERBS and any(c.lower_ in HOSTAGE_WORDS for c in verb.rights)


def _harmed_who(token: Token, victim_verbs: frozenset[str]) -> bool:
    """ "Carlos Pizarro, who was murdered on 26 April", "a priest whom gunmen had kidnapped": the
    person a relative clause says was harmed."""
    return any(
        clause.dep_ == "relcl"
        and _harms(clause, victim_verbs)
        and any(c.dep_ in {"nsubjpass", "dobj"} and c.lower_ in RELATIVE_PRONOUNS for c in clause.children)
        for clause in token.children
    )


def _singled_out(ent: Span, lex: dict[str, frozenset[str]]) -> bool:
    return _among_the_harmed(list_head(ent.root), lex["victim_verbs"])


def _among_the_harmed(token: Token, victim_verbs: frozenset[str]) -> bool:
    """ "three people were injured, including Brenda Hoovarit", "among the injured are X, Y and Z": a
    name singled out of those harmed."""
    if token.dep_ == "pobj" and token.head.lower_ == "including":
        anchor = token.head.head
        if anchor.lemma_.lower() in victim_verbs:
            return True
        return anchor.dep_ in {"nsubjpass", "dobj"} and anchor.head.lemma_.lower() in victim_verbs
    if token.dep_ in {"nsubj", "attr"} and token.head.lemma_ == "be":
        among = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "among"]
        groups = [g for c in among for g in c.children if g.dep_ == "pobj"]
        return any(g.lower_ in VICTIM_WORDS or _described_as_harmed(g, victim_verbs) for g in groups)
    return False


def _described_as_harmed(noun: Token, victim_verbs: frozenset[str]) -> bool:
    """ "those wounded in the attack", "the people killed": a noun a participle of harm describes."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in victim_verbs for c in noun.children)


def _names_the_victims(ent: Span) -> bool:
    """A person the sentence names as the victims ("the victims were identified as X, and his driver, Y")."""
    token = list_head(ent.root)
    if not _identified_as(token):
        return False
    patients = [c for c in token.head.head.children if c.dep_ in {"nsubjpass", "nsubj"}]
    return any(p.lower_ in VICTIM_WORDS for p in patients)


def _identified_as(token: Token) -> bool:
    """ "the victims were identified as X" (the lemmatiser leaves "IDENTIFIED" in wire copy as it is)."""
    verb = token.head.head
    named = verb.lemma_.lower() == "identify" or verb.lower_ == "identified"
    return token.dep_ == "pobj" and token.head.lower_ == "as" and named


def habitual(verb: Token) -> bool:
    """ "has killed hundreds", "X, which has blockaded towns and attacked convoys this year", "X, which
    often targets security forces": conduct over time (a present perfect, or a present with an adverb of
    frequency, kb incident_types.yaml ``habitual_adverbs``, on the verb or the first of its conjuncts),
    not one incident."""
    # "... has blockaded towns and attacked convoys": the tense of the first; not "No one has claimed
    # the attacks, but they bore the hallmarks of X", a clause with its own subject. A verb with its own
    # "have" is its own tense ("Jihadists linked to al-Qaeda have killed thousands": misparsed as a conjunct)
    while (
        not present_perfect(verb)
        and verb.dep_ == "conj"
        and verb.head.i != verb.i
        and not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        verb = verb.head
    return habitual_present(verb) or present_perfect(verb)


def habitual_present(verb: Token) -> bool:
    """ "X, which often claims such attacks", "strikes only military facilities": a present with an adverb
    of frequency (kb incident_types.yaml ``habitual_adverbs``) on the verb or its object."""
    said_of = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "strikes only military facilities"
    return verb.tag_ in {"VBZ", "VBP"} and any(
        c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for word in said_of for c in word.children
    )


def present_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def set_against_another(verb: Token, marks: frozenset[str] = frozenset({"after", "before"})) -> bool:
    """ "struck targets in Gaza after militants fired rockets into Israel": a clause of its own, with its
    own doer, set before or after the verb it hangs on ("opened fire after storming the building", with
    no doer of its own, goes on with the same act); ``marks``: the words that may open it."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _another_incidents_words(sent: Span, own: set[int], triggers: set[int]) -> set[int]:
    """The words of the sentence that tell of another incident than the one with mentions ``own``: a
    clause with a doer of its own that tells of an attack (set before or after the main one,
    ``set_against_another``, or joined to it: "Turkey blamed the PKK for an attack that killed five, and
    its warplanes struck targets in Iraq hours later") when this incident is told outside it, and the rest
    of the sentence when it is told inside it."""
    out: set[int] = set()
    own = {i for i in own if sent.start <= i < sent.end}
    for verb in sent:
        if verb.pos_ != "VERB" or not (set_against_another(verb) or _a_clause_of_its_own(verb)):
            continue
        clause = {t.i for t in verb.subtree}
        rest = set(range(sent.start, sent.end)) - clause
        inside = own & clause
        if inside and not own - clause and rest & triggers:
            out |= rest
        elif own - clause and not inside and clause & triggers:
            out |= clause
    return out


def _a_clause_of_its_own(verb: Token) -> bool:
    """A coordinated clause with its own subject ("..., and its warplanes struck targets")."""
    return verb.dep_ == "conj" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _conduct(sent: Span) -> set[int]:
    """The words of relative clauses that tell of conduct over time ("the BLA, which has used motorcycle
    bombs against police patrols"): their weapons and targets are not the incident's."""
    return {t.i for v in sent if v.dep_ == "relcl" and habitual(v) for t in v.subtree}


def _harmed(sent: Span, lex: dict[str, frozenset[str]]) -> set[str]:
    """The nouns for those killed, hurt or taken ("killing four soldiers"): the same word later in the
    sentence ("as soldiers approached") names them again, not the attackers."""
    out: set[str] = set()
    for verb in sent:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in lex["victim_verbs"]:
            patients = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] + _shared_subjects(verb)
            for noun in patients:
                out |= {singular(n.lower_) for n in (noun, *noun.conjuncts)}
    return out


def _shared_subjects(verb: Token) -> list[Token]:
    """The subject a passive verb shares with the verb it is coordinated with: "the soldiers were on a
    visit and were wounded" (the parser hangs "soldiers" on "were" alone)."""
    children = list(verb.children)
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in children):
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in children):
        return []
    return [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


def tells_of_harm(verb: Token) -> bool:
    """A verb that says someone was attacked, killed, hurt or taken (kb ``attack_verbs``,
    ``victim_verbs``): "who was seized on Saturday" tells of the incident again."""
    lex = kb.role_lexicon()
    lemma = verb.lemma_.lower()
    return lemma in lex["attack_verbs"] or lemma in lex["victim_verbs"]


def _more_than_a_name(prep: Token, participles: bool) -> set[int]:
    """Tokens under a prepositional phrase that say more than whose or which: clauses, adverbial
    phrases, prepositions other than "of", and a coordinated second target with its conjunction."""
    targets = kb.role_lexicon()["targets"]
    out: set[int] = set()
    for token in prep.subtree:
        if token.i == prep.i or token.i in out:
            continue
        if (
            token.dep_ in {"relcl", "advcl", "npadvmod", "advmod"}
            or token.dep_ == "acl"
            and not participles
            or token.dep_ == "prep"
            and token.lower_ != "of"
            or token.dep_ == "conj"
            and token.lower_ in targets
        ):
            out.update(t.i for t in token.subtree)
            if token.dep_ == "conj":
                out.update(c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i)
    return out


def _phrase(head: Token, text: str, counted: bool = False) -> str:
    """A noun with its modifiers on the left, as written ("suicide vest", "Shiite mosque"); ``counted``
    keeps a number before it ("two paid assassins")."""
    start = head.i
    for child in head.lefts:
        if (
            child.dep_ in {"compound", "amod", "nmod", "nummod"}
            or child.dep_ == "punct"
            and child.text == "-"
        ):
            start = min(start, child.left_edge.i)
    doc = head.doc
    number_words = set() if counted else {t.i for c in head.lefts if c.dep_ == "nummod" for t in c.subtree}
    for i in range(head.i - 1, start - 1, -1):  # never across a dash, quote or comma
        if doc[i].is_punct and doc[i].text != "-" or doc[i].is_space:
            start = i + 1
            break
    while start < head.i and (
        doc[start].dep_ in {"det", "poss", "case", "punct"}
        or doc[start].dep_ == "nummod"
        and not counted
        or start in number_words  # "at least 10 buses": the number's own words go with it
        or doc[start].lower_ in QUANTIFIERS
        or doc[start].lower_ in ORDINALS
    ):
        if not doc[start].whitespace_ and doc[start + 1].text == "-":
            break  # "22-year-old": a number inside a hyphenated word stays with it
        start += 1
    first = doc[start]
    return text[first.idx : head.idx + len(head)]


def append(values: list[str], value: str) -> None:
    if value and value.lower() not in {v.lower() for v in values}:
        values.append(value)


def named_explosives(weapons: list[str]) -> list[str]:
    """The weapons without "explosives" where a named explosive says what they were ("55 kg of
    dynamite", kb/incident_roles.yaml ``explosive_substances``)."""
    lex = kb.role_lexicon()
    written = [" " + " ".join(re.findall(r"[\w-]+", w.lower())) + " " for w in weapons]
    named = any(f" {substance} " in w for w in written for substance in lex["explosive_substances"])
    return [w for w in weapons if w.lower() not in lex["generic_explosives"]] if named else weapons
