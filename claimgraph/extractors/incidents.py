"""Incidents inside one document: trigger mentions grouped into events, with their facts.

A mention is an incident word ("bombing", "gunmen opened fire", "were killed") that is not generic
(plural "attacks", "a series of bombings"). Mentions join the incident in focus unless what they say
(their own place or date) conflicts with it, so a piece about a Peshawar bombing that recalls a Kabul
attack keeps two incidents; "the attack" refers back to the incident in focus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from claimgraph import kb
from claimgraph.extractors.attributions import Found
from claimgraph.extractors.context import Context
from claimgraph.extractors.incident_facts import (
    a_headline,
    append,
    fill,
    habitual,
    kept_or_moved,
    named_explosives,
    set_against_another,
    stated,
    tells_of_harm,
    without_bare_heads,
    without_re_mentions,
)
from claimgraph.extractors.participants import DESCRIBED_GROUPS, governing_verb, the_doer_in_turn
from claimgraph.extractors.roles import Filler, busiest_sentence, fillers, has_roles, role_spans
from claimgraph.extractors.whereabouts import (
    ONE_DAY,
    a_recent_day_in,
    a_town,
    better_place,
    compatible_date,
    compatible_place,
    date_in,
    document_country,
    only_place,
    place_in,
)
from claimgraph.model import Figure, Incident, Place, stable_id
from claimgraph.model import Span as DocSpan
from claimgraph.nlp.figures import RisenFigure
from claimgraph.nlp.places import is_area

_TYPES = kb.load("incident_types")
TYPE_ORDER = [t["type"] for t in _TYPES["types"]]
ANAPHORA = set(_TYPES["anaphora"])
NEW_INCIDENT_OPENERS = tuple(_TYPES["new_incident_openers"])
PLAN_WORDS = frozenset(_TYPES["plan_words"])
DEFINITE = {
    "the",
    "this",
    "that",
    "these",
    "those",
    "today",
    "yesterday",
    "its",
    "their",
    "his",
    "her",
    "friday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "saturday",
    "sunday",
    "last",
    "latest",
    "recent",
    "such",
}
# what makes an incident word general, weak, told again or described (kb incident_types.yaml)
GENERIC_HEADS = frozenset(_TYPES["generic_heads"])
WEAK_LEMMAS = frozenset(_TYPES["weak_lemmas"])
OCCURRENCE_VERBS = frozenset(_TYPES["occurrence_verbs"])
EVENT_VERBS = frozenset(_TYPES["event_verbs"])
USING_VERBS = frozenset(_TYPES["using_verbs"])
DOING_VERBS = frozenset(_TYPES["doing_verbs"])
RETURN_WORDS = frozenset(_TYPES["return_words"])
ATTACKER_NOUNS = kb.role_lexicon()["attackers"]
TOLL_WORDS = frozenset(w for kind in kb.load("casualty_cues").values() for w in kind.get("tolls") or [])
OTHER_WORDS = frozenset(_TYPES["other_words"])
# Words of a claim, a charge or a denial, whose object names the incident they are about.
_CUE_VERBS = kb.load("cues")["verbs"]
STANCE_WORDS = frozenset(
    [
        *_CUE_VERBS["claim"],
        *_CUE_VERBS["deny"],
        *_CUE_VERBS["accuse"],
        "responsibility",
        "involvement",
        "role",
    ]
)
WEAPON_NOUNS = kb.role_lexicon()["weapons"]
# What makes plural munitions the ones of one incident: "the rockets", "three rockets", "two bombs".
COUNTED = {"det", "nummod"}


@dataclass
class Mention:
    sent_index: int
    token: Token
    type: str
    anaphoric: bool
    place: Place | None = None
    date: tuple[date, str] | None = None
    own_date: tuple[date, str] | None = None
    in_headline: bool = False
    recent: bool = False  # dated by a day of the week that no publication date resolves ("on Sunday")

    @property
    def firm_date(self) -> tuple[date, str] | None:
        """The date a mention may split or date an incident by: "claimed the attack on Saturday" dates the
        claim, so a mention that refers back keeps only a date it owns ("Saturday's attack")."""
        return self.own_date if self.anaphoric else self.date


@dataclass
class Draft:
    """An incident being assembled from its mentions."""

    type: str
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    date: tuple[date, str] | None = None
    killed: Figure | None = None
    wounded: Figure | None = None
    attackers: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    id: str = ""
    recent: bool = False  # a mention dates it by a day of the week, unresolved (see Mention.recent)


@dataclass
class IncidentIndex:
    """The document's incidents, and which incident each sentence speaks of."""

    drafts: list[Draft]
    by_token: dict[int, Draft]
    focus: dict[int, Draft | None]
    generic_tokens: set[int]  # plural or habitual incident words outside relative clauses
    last_mention: dict[int, int]  # sentence index -> sentence index of the focus incident's last mention


def _type_rank(kind: str) -> int:
    return TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER)


def _is_generic(token: Token) -> bool:
    """Plural or habitual mentions ("attacks", "a series of bombings", "has killed hundreds"); munitions
    that are counted or pointed at ("three rockets landed", "the bombs") are one incident's."""
    if token.tag_ in {"NNS", "NNPS"}:
        if _doers_of_one_act(token) or _of_one_day(token) or _pointed_back(token):
            return False
        return token.lower_ not in WEAPON_NOUNS or not any(c.dep_ in COUNTED for c in token.children)
    if token.pos_ == "VERB" and habitual(token) and not _harms_one_named(token):
        return True
    head = token.head
    if head.dep_ == "pobj":
        head = head.head
    return token.dep_ == "pobj" and head.head.lemma_.lower() in GENERIC_HEADS


def _in_a_relative_clause(token: Token) -> bool:
    """Whether the word sits in a relative clause: conduct told of a group there ("the group, which has
    carried out several attacks in Kenya") does not make the rest of the sentence general."""
    return any(t.dep_ == "relcl" for t in (token, *token.ancestors))


def _pointed_back(noun: Token) -> bool:
    """ "Pagers exploded across Lebanon ... Hezbollah blamed Israel for the blasts": a plural pointed back
    to ("the blasts", "these attacks") by a claim, a charge or a denial, with no word that makes it others
    ("similar attacks", "the recent bombings"; kb incident_types.yaml ``other_words``), is the incident
    just told, told in its parts. Elsewhere "the attacks" is as often the war in general (MUC-4)."""
    word = noun.head.head if noun.dep_ == "pobj" else noun.head
    return (
        word.lemma_.lower() in STANCE_WORDS
        and any(c.dep_ == "det" and c.lower_ in {"the", "these"} for c in noun.children)
        and not any(c.lower_ in OTHER_WORDS for c in noun.lefts)
    )


def _of_one_day(noun: Token) -> bool:
    """ "responded with strikes on Houthi positions near Sanaa on Saturday", "Saturday's air strikes": a
    plural of attacks on one named day is that day's raid, not conduct in general ("strikes on Houthi
    positions have continued for months"). The day is the verb's own ("on Saturday"), not one in a clause
    further on ("deleted searches on the attacks after the FBI released photos on April 18")."""
    if noun.lower_ in ATTACKER_NOUNS:
        return False  # "photos of the suspected bombers on April 18": the day of the photos
    verb = governing_verb(noun)
    days = [c for c in verb.children if c.dep_ in {"npadvmod", "tmod"}]
    days += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children]
    days += [t for t in noun.subtree if t.i != noun.i]
    return any(
        t.ent_type_ == "DATE" and ONE_DAY.search(t.doc[t.left_edge.i : t.right_edge.i + 1].text) for t in days
    )


def _planned(token: Token) -> bool:
    """ "A plot to assassinate the writer", "mercenaries preparing to kill him": an act planned in a
    "to" clause is not an incident (kb incident_types.yaml ``plan_words``)."""
    to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if token.pos_ != "VERB" or to is None or token.dep_ not in {"acl", "xcomp", "advcl"}:
        return False
    before = token.doc[to.i - 1] if to.i else to  # "uncovered a plot to kill": the parse may skip "plot"
    return token.head.lemma_.lower() in PLAN_WORDS or before.lemma_.lower() in PLAN_WORDS


INDEFINITE = frozenset({"a", "an", "any", "every", "each", "no"})


def _harms_one_named(verb: Token) -> bool:
    """ "Guerrillas have killed the mayor of Hostigal", "have kidnapped Carlos Vega": the news perfect
    of one act on one named or pointed-out person or thing, not conduct over time ("has killed
    hundreds", "have attacked convoys")."""
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        if child.ent_type_ == "PERSON":
            return True
        pointed = any(c.dep_ in {"det", "poss"} and c.lower_ not in INDEFINITE for c in child.children)
        if child.tag_ == "NN" and pointed:
            return True
    return False


def _doers_of_one_act(noun: Token) -> bool:
    """ "Three gunmen stormed the guesthouse": attackers who did something, in the simple past, are the
    people of one incident, though the noun is plural ("gunmen have killed hundreds" is conduct)."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _CUE_VERBS["accuse"]:
        # "authorities said, blaming Ukrainian saboteurs": those charged with the act told
        return noun.lower_ in ATTACKER_NOUNS | DESCRIBED_GROUPS
    return (
        noun.lower_ in ATTACKER_NOUNS and noun.dep_ == "nsubj" and verb.tag_ == "VBD" and not habitual(verb)
    )


def _is_anaphoric(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in {"det", "poss"} and child.lower_ in DEFINITE:
            return True
        if child.dep_ == "poss" and child.tag_ in {"NN", "NNP"}:
            return True
    return False


def _type_of(trigger: Span) -> str:
    """The trigger's incident type; "shot dead" is an assassination of one ("shot dead a councillor", "a
    judge and his driver were shot dead"), but shooting many dead ("shot dead 23 people") is an armed
    assault, as GTD codes mass shootings."""
    if trigger.label_ != "assassination" or trigger[0].lower_ != "shot":
        return trigger.label_
    verb = trigger[0]
    victims = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    victims += [c for c in verb.head.children if c.dep_ == "dobj"] if verb.dep_ == "conj" else []
    many = any(
        v.tag_ in {"NNS", "NNPS"}
        and any(c.dep_ == "nummod" and c.lower_ not in {"one", "1"} for c in v.children)
        for v in victims
    )
    return "armed assault" if many else trigger.label_


def _own_scope(token: Token, triggers: set[int]) -> set[int]:
    """The words that describe this mention: the noun phrase, or the clause of an incident verb, less
    the relative clauses that describe someone or something in it ("killed a writer who is the
    favourite to win the election to be held on 8 April": the date is the election's, not the killing's).
    A relative clause on the mention itself ("the attack, which began on Monday") or one that tells of
    the incident again ("the kidnapping of X, who was seized on Saturday in Medellin") stays."""
    describes_clause = token.head.lemma_.lower() in EVENT_VERBS or token.lower_ in ATTACKER_NOUNS
    used = token.dep_ == "dobj" and token.lower_ in WEAPON_NOUNS and token.head.lemma_.lower() in USING_VERBS
    done = token.dep_ == "dobj" and token.head.lemma_.lower() in DOING_VERBS  # "carried out an airstrike on"
    if token.pos_ != "VERB" and (token.dep_ in {"nsubj", "nsubjpass"} and describes_clause or used or done):
        token = token.head  # "a suicide bomber rammed a car into a convoy on Sunday", "threw a bomb at"
    elif token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ == "VERB" and tells_of_harm(token):
        token = token.head  # "Shells landed on a market in Sake on Monday, killing 14": the landing's day
    scope = set(range(token.left_edge.i, token.right_edge.i + 1))
    for word in token.subtree:
        on_another = word.dep_ == "relcl" and word.i != token.i and word.head.i != token.i
        if on_another and word.i not in triggers and not tells_of_harm(word):
            scope -= {w.i for w in word.subtree}
        elif word.i != token.i and word.pos_ == "VERB" and set_against_another(word):
            scope -= {w.i for w in word.subtree}  # "struck Gaza after militants fired rockets into Israel"
    return scope


def _describes_another(ent: Span, token: Token) -> bool:
    """A name inside a relative clause that tells of someone or something else ("killed X, who had been
    elected mayor in Medellin"): not where the incident happened (see ``_own_scope``)."""
    return any(w.dep_ == "relcl" and token not in w.subtree for w in (ent.root, *ent.root.ancestors))


def _owned_dates(token: Token) -> range:
    """Where a mention that refers back finds a date of its own: its possessor ("Thursday's assault"),
    or the clause of a verb that says when it happened ("The assault began before dawn last Thursday")."""
    if token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in OCCURRENCE_VERBS:
        return range(token.head.left_edge.i, token.head.right_edge.i + 1)
    return _possessor(token)


def _possessor(token: Token) -> range:
    for child in token.children:
        if child.dep_ == "poss":
            return range(child.left_edge.i, child.right_edge.i + 1)
    return range(0)


def find_incidents(
    ctx: Context, document_id: str, published: date | None, found: Sequence[Found] = ()
) -> IncidentIndex:
    doc, quotes, sents, sent_of = ctx.doc, ctx.quotes, ctx.sents, ctx.sent_no
    states = kb.state_ids()
    actor_tokens = {i for a in ctx.actors if a.kb_id_ not in states for i in range(a.start, a.end)}
    ents_by_sent = ctx.ents_by_sent
    hint = document_country(ctx.ents[:8])
    mentions: list[Mention] = []
    generic_tokens: set[int] = set()
    trigger_roots = {t.root.i for t in doc.spans.get("incident_triggers", [])}
    told_of_one = False  # whether any word speaks of an incident, even in general
    for trigger in doc.spans.get("incident_triggers", []):
        token = trigger.root
        if token.i in actor_tokens or ctx.record_row(token):
            continue  # a group's name; a table row's "cause of death" cell
        if _planned(token) or token.lower_ in WEAPON_NOUNS and kept_or_moved(token):
            continue  # "a plot to kill", "police found a car with 100 kg of dynamite": no attack (yet)
        if token.pos_ == "VERB" and the_doer_in_turn(token):
            continue  # "... before being shot dead by police": the answer to the attack, not another
        told_of_one = True
        if _is_generic(token):
            if not _in_a_relative_clause(token):  # "blamed the group, which has carried out attacks"
                generic_tokens.add(token.i)
            continue
        scope = _own_scope(token, trigger_roots)
        ents = ents_by_sent[sent_of[token.i]]
        mention = Mention(sent_of[token.i], token, _type_of(trigger), _is_anaphoric(token))
        mention.in_headline = mention.sent_index == 0 and a_headline(sents[0])
        mention.place = place_in(ents, scope, actor_tokens, hint)
        if mention.place is None and not mention.anaphoric:  # "The bombing followed attacks in X": not X
            undescribed = [e for e in ents if not _describes_another(e, token)]
            mention.place = only_place(undescribed, actor_tokens, hint)
        mention.date = date_in(ents, scope, published, quotes) or date_in(
            ents, _told_before_the_speaker(token), published, quotes
        )
        mention.own_date = date_in(ents, _owned_dates(token), published, quotes)  # "Thursday's assault"
        mention.recent = published is None and mention.date is None and a_recent_day_in(ents, scope)
        mentions.append(mention)
    drafts: list[Draft] = []
    by_token: dict[int, Draft] = {}
    focus: dict[int, Draft | None] = {}
    last_mention: dict[int, int] = {}
    current: Draft | None = None
    last_seen = -10
    for mention in mentions:
        fresh = not mention.anaphoric and (
            mention.sent_index != last_seen
            and _opens_another_incident(sents[mention.sent_index])
            or _at_another_time(mention.token)
            or mention.sent_index != last_seen
            and _another_of_its_kind(mention.token)
            or _answered_by_another(mention.token, trigger_roots)
            and not _in_the_same_clause(current, mention)  # "a drone strike killed": one answer
            or _in_return(mention.token)
        )
        target = None if fresh else _choose(mention, current, drafts)
        if target is None:
            weak = (
                mention.token.lemma_.lower() in WEAK_LEMMAS and mention.place is None and mention.date is None
            )
            harmed = _has_casualties(ctx, mention.sent_index) or _names_a_victim(mention.token)
            if weak and current is None and not harmed and not fresh:
                continue
            target = Draft(type=mention.type)
            drafts.append(target)
        _add(target, mention)
        by_token[mention.token.i] = target
        current, last_seen = target, mention.sent_index
        focus[mention.sent_index] = target
        last_mention[mention.sent_index] = last_seen
    tagged = role_spans(ctx) if has_roles(doc) else None
    if tagged and not drafts and told_of_one:
        seed = _seed_mention(ctx, tagged, actor_tokens, hint, published)
        drafts.append(Draft(type=seed.type))
        _add(drafts[0], seed)
        focus[seed.sent_index], last_mention[seed.sent_index] = drafts[0], seed.sent_index
    running: Draft | None = None
    seen = -10
    for index in range(len(sents)):
        if index in focus:
            running, seen = focus[index], index
        focus[index] = running
        last_mention[index] = seen
    claimed = _a_groups_own_words(ctx, found)
    for draft in drafts:
        _refine_place(draft, ctx, ents_by_sent, actor_tokens)
        # the sentence after a mention, and any later word that its toll has risen
        near = {
            i for i in range(len(sents)) if focus[i] is draft and (i - last_mention[i] <= 1 or _risen(ctx, i))
        }
        fill(draft, ctx, actor_tokens, near, trigger_roots, claimed)
        first = draft.mentions[0].token
        draft.id = stable_id(document_id, "incident", first.idx)
    index = IncidentIndex(drafts, by_token, focus, generic_tokens, last_mention)
    if tagged is not None:
        _apply_fillers(index, fillers(ctx, tagged))
    return index


def _at_another_time(token: Token) -> bool:
    """ "killed eight militants in a raid on Monday, days after an attack on a checkpoint": an incident
    set days before or after the one being told is another ("hours after the blast", pointed back to,
    is the same one; the caller asks only of mentions that are not)."""
    when = token.head
    if token.dep_ != "pobj" or when.lower_ not in {"after", "before"}:
        return False
    spans = [c for c in when.children if c.dep_ == "npadvmod"] + [when.head]  # "days after", "[days] after"
    return any(w.lemma_.lower() in {"minute", "hour", "day", "week", "month", "year"} for w in spans)


OTHER_WORDS = frozenset({"similar", "previous", "earlier", "prior", "separate"})


REPORTING_VERBS = kb.reporting_verbs()


def _told_before_the_speaker(token: Token) -> set[int]:
    """ "Gunmen shot dead 10 people at a supermarket ..., on Saturday, police said": the parser hangs the
    day on "said", but set between the told clause and its speaker it is the day of what was told. The
    positions of such words, for a mention in a clause a verb of speech governs."""
    clause = governing_verb(token)
    while clause.dep_ in {"conj", "advcl", "xcomp"} and clause.head.i != clause.i:
        clause = clause.head
    speaking = clause.head
    if clause.dep_ != "ccomp" or speaking.i < clause.i or speaking.lemma_.lower() not in REPORTING_VERBS:
        return set()
    speaker_start = min((c.left_edge.i for c in speaking.children if c.dep_ == "nsubj"), default=speaking.i)
    return {
        t.i
        for p in speaking.children
        if p.dep_ == "prep" and clause.right_edge.i < p.i and p.right_edge.i < speaker_start
        for t in p.subtree
    }


def _another_of_its_kind(token: Token) -> bool:
    """ "X was behind a similar bombing in the capital in 2017", "a previous attack": another incident
    likened to this one."""
    return any(c.dep_ == "amod" and c.lower_ in OTHER_WORDS for c in token.children)


def _in_return(token: Token) -> bool:
    """ "The group later said it had fired a barrage of rockets at an Israeli base in retaliation": an
    attack made in return for another is a new one (kb incident_types.yaml ``return_words``)."""
    verb = governing_verb(token)
    return any(
        p.dep_ == "prep"
        and p.lower_ in {"in", "as"}
        and any(o.lemma_.lower() in RETURN_WORDS for o in p.children)
        for p in verb.children
    )


def _in_the_same_clause(current: Draft | None, mention: Mention) -> bool:
    """Whether the incident last built was last told in the mention's own clause."""
    if current is None or not current.mentions:
        return False
    last = current.mentions[-1]
    return (
        last.sent_index == mention.sent_index and _clause_verb(last.token).i == _clause_verb(mention.token).i
    )


def _clause_verb(token: Token) -> Token:
    """The verb of a mention's clause: the mention itself, or what its noun hangs on ("a drone strike
    killed")."""
    return token if token.pos_ == "VERB" else token.head


def _answered_by_another(token: Token, trigger_roots: set[int]) -> bool:
    """ "Israeli warplanes struck targets in Gaza after militants fired rockets into southern Israel": an
    attack in a clause of its own set before or after another attack, by other doers, is another
    incident ("gunmen opened fire after storming the building", with no doer of its own, is the same)."""
    verb = _clause_verb(token)
    if not set_against_another(verb):
        return False
    main = verb.head
    # ... or on a clause about an attack ("the attack, which came hours after an American drone strike
    # killed a commander")
    about_an_attack = main.dep_ == "relcl" and main.head.i in trigger_roots
    return (
        about_an_attack
        or main.i in trigger_roots
        or any(c.i in trigger_roots for c in main.children if c.dep_ in {"dobj", "nsubj"})
    )


def _opens_another_incident(sent: Span) -> bool:
    """ "In another incident, ...", "Separately, ...": the writer turns to a different incident, even one
    on the same day in the same district (kb incident_types.yaml ``new_incident_openers``)."""
    return sent.text.lstrip().lower().startswith(NEW_INCIDENT_OPENERS)


def _seed_mention(
    ctx: Context, tagged: list[Span], actor_tokens: set[int], hint: str | None, published: date | None
) -> Mention:
    """An incident for a document whose roles the tagger found but whose triggers the rules all set
    aside (weak or generic words): at the sentence with the most role spans, typed by its trigger."""
    index = busiest_sentence(ctx, tagged)
    sent = ctx.sents[index]
    triggers = [t for t in ctx.doc.spans.get("incident_triggers", []) if sent.start <= t.start < sent.end]
    token = triggers[0].root if triggers else sent.root
    mention = Mention(index, token, triggers[0].label_ if triggers else "attack", False)
    scope = range(sent.start, sent.end)
    mention.place = place_in(ctx.ents_by_sent[index], scope, actor_tokens, hint)
    mention.date = date_in(ctx.ents_by_sent[index], scope, published, ctx.quotes)
    return mention


# Fields where the tagger's fillers replace the rules' even when it found none (on MUC-4 TST1+TST2
# strict F1, targets 24.1 -> 54.2 and weapons 37.0 -> 69.2); the other fields keep the rules' fillers
# in documents where the tagger found none for them.
REPLACED_FIELDS = {"targets", "weapons"}
# Where the rules' fillers stay beside the tagger's: the rules' victims are people a harm verb governs
# ("two bodyguards, Dagoberto Rodriguez and Alfonso de Lima, were killed"), whom the tagger at times
# leaves out; one the tagger names in other words ("Pizarro" beside "Carlos Pizarro") goes.
# On MUC-4 TST1+TST2, Victim strict F1 60.00 -> 62.03.
KEPT_FIELDS = {"victims"}


def _apply_fillers(index: IncidentIndex, found: list[Filler]) -> None:
    """Each tagged filler on the incident of its sentence (else the nearest one), in place of the rules'
    (beside them in ``KEPT_FIELDS``)."""
    if not index.drafts:
        return
    tagged_fields = {f.field for f in found} | REPLACED_FIELDS
    tagged_words = {
        name: {w for f in found if f.field == name for w in f.text.lower().split() if len(w) > 2}
        for name in tagged_fields & KEPT_FIELDS
    }
    for draft in index.drafts:
        for name in tagged_fields:
            kept = []
            if name in KEPT_FIELDS:
                kept = [v for v in getattr(draft, name) if not set(v.lower().split()) & tagged_words[name]]
            setattr(draft, name, kept)
    for filler in found:
        append(getattr(draft_for(index, filler.sent_index), filler.field), filler.text)
    for draft in index.drafts:
        if not draft.weapons:
            for weapon in _named_with_the_attack(draft):
                append(draft.weapons, weapon)


def _named_with_the_attack(draft: Draft) -> list[str]:
    """The weapon the words for the incident name ("a bomb explosion", "dynamite attacks"), for an
    incident the tagger gave no weapon: the tagger reads such a word as part of the incident's name."""
    return [
        child.text.lower()
        for mention in draft.mentions
        for child in mention.token.children
        if child.dep_ == "compound" and child.lower_ in WEAPON_NOUNS
    ]


def draft_for(index: IncidentIndex, sent_index: int) -> Draft:
    """The incident a sentence speaks of: one mentioned there, the one in focus, else the nearest."""
    for draft in index.drafts:
        if any(m.sent_index == sent_index for m in draft.mentions):
            return draft
    focus = index.focus.get(sent_index)
    if focus is not None:
        return focus
    return min(index.drafts, key=lambda d: min(abs(m.sent_index - sent_index) for m in d.mentions))


def _a_groups_own_words(ctx: Context, found: Sequence[Found]) -> set[int]:
    """The words an armed group says of its deeds ('"Our fighters killed dozens of soldiers," a spokesman
    for the BLA said'): their counts are its claim, stated with it, and give way to anyone else's."""
    groups = kb.organization_ids()
    out: set[int] = set()
    for said in found:
        if said.speaker.actor in groups:
            words = ctx.doc.char_span(said.start, said.end, alignment_mode="expand")
            out |= set(range(words.start, words.end)) if words is not None else set()
    return out


def _risen(ctx: Context, index: int) -> bool:
    """ "The death toll had risen to 18 by Saturday": a later word on the incident in focus. Only a
    sentence with a toll word is read for figures (reading every sentence of a report costs time)."""
    if not any(t.lemma_.lower() in TOLL_WORDS for t in ctx.sents[index]):
        return False
    killed, wounded = ctx.casualties(index)
    return isinstance(killed, RisenFigure) or isinstance(wounded, RisenFigure)


def _has_casualties(ctx: Context, index: int) -> bool:
    killed, wounded = ctx.casualties(index)
    return bool((killed and killed.min) or (wounded and wounded.min))


def _names_a_victim(verb: Token) -> bool:
    """ "Gunmen killed Carlos Vega", "Vega was shot": a named person harmed makes even a weak word
    (kill, shoot, attack) a particular incident, where "killing civilians" need not be one. A name the
    recogniser took for a place is a person too when it is killed ("Maoists killed Gajapati")."""
    return any(
        child.dep_ in {"dobj", "nsubjpass"}
        and (child.ent_type_ == "PERSON" or child.ent_type_ == "GPE" and child.dep_ == "dobj")
        for child in verb.children
    )


def _choose(mention: Mention, current: Draft | None, drafts: list[Draft]) -> Draft | None:
    """The incident a mention belongs to, or None for a new one."""
    when = mention.firm_date
    if (
        mention.anaphoric
        and mention.type != "attack"
        and current is not None
        and current.type != mention.type
    ):
        # "claimed the Tikrit attack but not the bombing": "the bombing" is the bombing told before
        same_kind = [d for d in drafts if d.type == mention.type and _compatible(d, mention.place, when)]
        if same_kind:
            return same_kind[-1]
    if current is not None and _compatible(current, mention.place, when):
        return current
    for draft in reversed(drafts):
        if (mention.place or when) and _compatible(draft, mention.place, when):
            return draft
    return None


def _refine_place(draft: Draft, ctx: Context, ents_by_sent: list[list[Span]], actor_tokens: set[int]) -> None:
    """A more precise place said in a sentence about the incident ("The mosque is in Peshawar")."""
    if draft.place is None or not is_area(draft.place):
        return
    for index in sorted({m.sent_index for m in draft.mentions}):
        sent = ctx.sents[index]
        place = place_in(ents_by_sent[index], range(sent.start, sent.end), actor_tokens, draft.place.country)
        if place is not None and compatible_place(draft.place, place):
            draft.place = better_place(draft.place, place)
            if not is_area(draft.place):
                return


def _compatible(draft: Draft, place: Place | None, when: tuple[date, str] | None) -> bool:
    if draft.recent and draft.date is None and when is not None and when[1] in {"year", "month"}:
        return False  # "on Sunday" (no publication date), then "In 2018, a leader was shot": another
    return compatible_place(draft.place, place) and compatible_date(draft.date, when)


def _add(draft: Draft, mention: Mention) -> None:
    # The first mention introduces it, with any date it owns beyond its own words
    # ("The assault began ... on Thursday").
    when = (mention.date or mention.own_date) if not draft.mentions else mention.firm_date
    told_in_headline = bool(draft.mentions) and all(m.in_headline for m in draft.mentions)
    draft.mentions.append(mention)
    draft.recent = draft.recent or mention.recent
    if _type_rank(mention.type) < _type_rank(draft.type):
        draft.type = mention.type
    if told_in_headline and not mention.in_headline and mention.place and a_town(mention.place):
        # "Israeli strike ... kills 17 in Gaza", then "in Deir al-Balah in the central Gaza Strip": the
        # headline's place is the wider one as often as not, the story's town is where it was
        draft.place = mention.place
    else:
        draft.place = better_place(draft.place, mention.place)
    if draft.date is None or (when and when[1] == "day" and draft.date[1] != "day"):
        draft.date = when or draft.date


def to_incident(draft: Draft, document_id: str) -> Incident:
    return Incident(
        id=draft.id,
        type=draft.type,
        date=draft.date[0] if draft.date else None,
        date_precision=draft.date[1] if draft.date else None,
        place=draft.place,
        attackers=without_re_mentions(draft.attackers),
        targets=without_bare_heads(draft.targets),
        victims=draft.victims,
        weapons=without_bare_heads(named_explosives(draft.weapons)),
        killed=stated(draft.killed),
        wounded=stated(draft.wounded),
        mentions=[DocSpan(document_id, m.token.idx, m.token.idx + len(m.token)) for m in draft.mentions],
    )
