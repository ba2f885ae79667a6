"""Incidents inside one document: trigger mentions grouped into events, with their facts.

A mention is an incident word ("bombing", "gunmen opened fire", "were killed") that is not generic
(plural "attacks", "a series of bombings"). Mentions join the incident in focus unless what they say
(their own place or date) conflicts with it, so a piece about a Peshawar bombing that recalls a Kabul
attack keeps two incidents; "the attack" refers back to the incident in focus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.tokens import Span, Token

from claimgraph import kb
from claimgraph.extractors.context import Context
from claimgraph.extractors.quotes import inside
from claimgraph.extractors.roles import Filler, busiest_sentence, fillers, has_roles, role_spans
from claimgraph.model import Figure, Incident, Place, stable_id
from claimgraph.model import Span as DocSpan
from claimgraph.nlp.dates import MONTH_NAMES, is_date_expression, resolve_date
from claimgraph.nlp.figures import ImpliedFigure, casualties
from claimgraph.nlp.places import geocode, is_area

TYPE_ORDER = [t["type"] for t in kb.load("incident_types")["types"]]
ANAPHORA = set(kb.load("incident_types")["anaphora"])
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
GENERIC_HEADS = {"series", "string", "spate", "wave", "number", "campaign", "pattern", "kind", "type"}
WEAK_LEMMAS = {"kill", "die", "killing", "strike", "operation", "shoot", "attack"}
# Verbs that say when or how an incident mentioned again happened ("the assault began at dawn").
OCCURRENCE_VERBS = {"occur", "happen", "take", "begin", "start", "unfold", "erupt"}
# Verbs whose clause describes the incident that is their subject ("a bombing killed 12 in Kabul").
EVENT_VERBS = {
    "kill",
    "injure",
    "wound",
    "hit",
    "strike",
    "rock",
    "target",
    "occur",
    "happen",
    "take",
    "leave",
    "claim",
    "destroy",
    "damage",
    "explode",
    "tear",
    "rip",
    "go",
}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ATTACKER_NOUNS = frozenset(kb.load("incident_roles")["attackers"])
WEAPON_NOUNS = frozenset(kb.load("incident_roles")["weapons"])
# What makes plural munitions the ones of one incident: "the rockets", "three rockets", "two bombs".
COUNTED = {"det", "nummod"}
BARE_GROUP_WORDS = {"group", "gang", "cell", "cells", "unit", "units", "band", "bands", "member", "members"}
INCIDENT_LEMMAS = kb.incident_words()
# The small model often labels "Karachi airport" or a lone city name as an organisation.
LANDMARKS = {
    "airport",
    "university",
    "port",
    "station",
    "market",
    "bazaar",
    "hospital",
    "base",
    "camp",
    "prison",
    "stadium",
    "mosque",
    "church",
    "square",
    "bridge",
    "road",
}
DATE_LABELS = {"DATE", "TIME"}
DAY_NUMBER = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")
DAY_WORDS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|tonight|last night|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


@dataclass
class Mention:
    sent_index: int
    token: Token
    type: str
    anaphoric: bool
    place: Place | None = None
    date: tuple[date, str] | None = None
    own_date: tuple[date, str] | None = None

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


@dataclass
class IncidentIndex:
    """The document's incidents, and which incident each sentence speaks of."""

    drafts: list[Draft]
    by_token: dict[int, Draft]
    focus: dict[int, Draft | None]
    generic_sents: set[int]
    last_mention: dict[int, int]  # sentence index -> sentence index of the focus incident's last mention


def _type_rank(kind: str) -> int:
    return TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER)


def _is_generic(token: Token) -> bool:
    """Plural or habitual mentions ("attacks", "a series of bombings", "has killed hundreds"); munitions
    that are counted or pointed at ("three rockets landed", "the bombs") are one incident's."""
    if token.tag_ in {"NNS", "NNPS"}:
        return token.lower_ not in WEAPON_NOUNS or not any(c.dep_ in COUNTED for c in token.children)
    if token.pos_ == "VERB" and habitual(token):
        return True
    head = token.head
    if head.dep_ == "pobj":
        head = head.head
    return token.dep_ == "pobj" and head.head.lemma_.lower() in GENERIC_HEADS


def habitual(verb: Token) -> bool:
    """ "has killed hundreds", "X, which has blockaded towns and attacked convoys this year": conduct over
    time (a present perfect, on the verb or the first of its conjuncts), not one incident."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def _is_anaphoric(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in {"det", "poss"} and child.lower_ in DEFINITE:
            return True
        if child.dep_ == "poss" and child.tag_ in {"NN", "NNP"}:
            return True
    return False


def _own_scope(token: Token) -> range:
    """The words that describe this mention: the noun phrase, or the clause of an incident verb."""
    describes_clause = token.head.lemma_.lower() in EVENT_VERBS or token.lower_ in ATTACKER_NOUNS
    if token.pos_ != "VERB" and token.dep_ in {"nsubj", "nsubjpass"} and describes_clause:
        token = token.head  # "a suicide bomber rammed a car into a convoy on Sunday"
    return range(token.left_edge.i, token.right_edge.i + 1)


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


DIRECTIONS = re.compile(
    r"^(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?west|north-?east|south-?west|south-?east|north-?western|north-?eastern|"
    r"south-?western|south-?eastern)(?:ern)?\s+",
    re.IGNORECASE,
)


def _geocode(name: str, hint: str | None = None) -> Place | None:
    """A place name, or a region of it ("northwest Pakistan" is in Pakistan)."""
    if DIRECTIONS.match(name):
        name = DIRECTIONS.sub("", name)
    return geocode(name, hint)


def _rank(place: Place, hint: str | None) -> tuple[bool, bool, bool]:
    """Places in the document's country first, then towns, then regions, then countries."""
    return (hint is not None and place.country != hint, is_area(place), place.lat is None)


def _placelike(ent: Span) -> bool:
    if ent.label_ in PLACE_LABELS:
        return True
    return ent.label_ == "ORG" and (len(ent) == 1 or ent[-1].lower_ in LANDMARKS)


def _document_country(ents: list[Span]) -> str | None:
    """The country of the first place the document names (its dateline, usually): a hint for the rest."""
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            place = _geocode(ent.text)
            if place is not None and place.country:
                return place.country
    return None


def _place_in(ents: list[Span], ids: range, actor_tokens: set[int], hint: str | None = None) -> Place | None:
    best: Place | None = None
    for ent in ents:
        if not _placelike(ent) or ent.start not in ids or ent.start in actor_tokens:
            continue
        place = _geocode(ent.text, hint)
        if place is None:
            continue
        if best is None or _rank(place, hint) < _rank(best, hint):
            best = place
    return best


def _date_in(
    ents: list[Span], ids: range, published: date | None, quotes: list[tuple[int, int]]
) -> tuple[date, str] | None:
    for ent in ents:
        if ent.label_ not in DATE_LABELS or ent.start not in ids:
            continue
        if ent.label_ == "TIME" and not DAY_WORDS.search(ent.text):
            continue  # "about 11 a.m." says the hour, not the day
        if not is_date_expression(ent.text):
            continue  # "for years", "many years": no date to resolve
        if inside(quotes, ent.start_char, ent.end_char):
            continue  # "today" in a quotation is the speaker's day, not ours
        resolved = resolve_date(_with_day(ent).text, published)
        if resolved and (published is None or resolved[0] <= published):
            return resolved
    return None


def _with_day(ent: Span) -> Span:
    """The date with a day number the recogniser left out before its month ("1 [March 2019]")."""
    if ent.start == 0 or ent[0].lower_.rstrip(".") not in MONTH_NAMES:
        return ent
    day = ent.doc[ent.start - 1]
    if day.ent_type_ in ("", "CARDINAL", "ORDINAL") and DAY_NUMBER.fullmatch(day.lower_):
        return ent.doc[ent.start - 1 : ent.end]
    return ent


def _compatible_place(a: Place | None, b: Place | None) -> bool:
    """Same country, and the same town (or one side is a province or country that may hold the other)."""
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if is_area(a) or is_area(b) or a.name.lower() == b.name.lower():
        return True
    return abs(a.lat - b.lat) < 0.3 and abs(a.lon - b.lon) < 0.3


def _compatible_date(a: tuple[date, str] | None, b: tuple[date, str] | None) -> bool:
    if a is None or b is None:
        return True
    if "year" in (a[1], b[1]):
        return a[0].year == b[0].year
    if "month" in (a[1], b[1]):
        return (a[0].year, a[0].month) == (b[0].year, b[0].month)
    return abs((a[0] - b[0]).days) <= 1


def _better_place(old: Place | None, new: Place | None) -> Place | None:
    """The more precise of two compatible places (a town over its province, a province over its country)."""
    if old is None or new is None:
        return old or new
    if is_area(old) and not is_area(new):
        return new
    if old.lat is None and new.lat is not None:
        return new
    return old


def find_incidents(ctx: Context, document_id: str, published: date | None) -> IncidentIndex:
    doc, quotes, sents, sent_of = ctx.doc, ctx.quotes, ctx.sents, ctx.sent_no
    states = {a.id for a in kb.actors().values() if a.kind == "state"}
    actor_tokens = {i for a in ctx.actors if a.kb_id_ not in states for i in range(a.start, a.end)}
    ents_by_sent = ctx.ents_by_sent
    hint = _document_country(ctx.ents[:8])
    mentions: list[Mention] = []
    generic_sents: set[int] = set()
    for trigger in doc.spans.get("incident_triggers", []):
        token = trigger.root
        if token.i in actor_tokens:
            continue
        if _is_generic(token):
            generic_sents.add(sent_of[token.i])
            continue
        scope = _own_scope(token)
        ents = ents_by_sent[sent_of[token.i]]
        mention = Mention(sent_of[token.i], token, trigger.label_, _is_anaphoric(token))
        mention.place = _place_in(ents, scope, actor_tokens, hint)
        mention.date = _date_in(ents, scope, published, quotes)
        mention.own_date = _date_in(ents, _owned_dates(token), published, quotes)  # "Thursday's assault"
        mentions.append(mention)
    drafts: list[Draft] = []
    by_token: dict[int, Draft] = {}
    focus: dict[int, Draft | None] = {}
    last_mention: dict[int, int] = {}
    current: Draft | None = None
    last_seen = -10
    for mention in mentions:
        target = _choose(mention, current, drafts)
        if target is None:
            weak = (
                mention.token.lemma_.lower() in WEAK_LEMMAS and mention.place is None and mention.date is None
            )
            if weak and current is None and not _has_casualties(sents[mention.sent_index]):
                continue
            target = Draft(type=mention.type)
            drafts.append(target)
        _add(target, mention)
        by_token[mention.token.i] = target
        current, last_seen = target, mention.sent_index
        focus[mention.sent_index] = target
        last_mention[mention.sent_index] = last_seen
    tagged = role_spans(ctx) if has_roles(doc) else None
    if tagged and not drafts:
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
    for draft in drafts:
        _refine_place(draft, ctx, ents_by_sent, actor_tokens)
        near = {i for i in range(len(sents)) if focus[i] is draft and i - last_mention[i] <= 1}
        _fill(draft, ctx, actor_tokens, near)
        first = draft.mentions[0].token
        draft.id = stable_id(document_id, "incident", first.idx)
    index = IncidentIndex(drafts, by_token, focus, generic_sents, last_mention)
    if tagged is not None:
        _apply_fillers(index, fillers(ctx, tagged))
    return index


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
    mention.place = _place_in(ctx.ents_by_sent[index], scope, actor_tokens, hint)
    mention.date = _date_in(ctx.ents_by_sent[index], scope, published, ctx.quotes)
    return mention


# Fields where the tagger's fillers replace the rules' even when it found none (on MUC-4 TST1+TST2
# strict F1, targets 24.1 -> 54.2 and weapons 37.0 -> 69.2); the other fields keep the rules' fillers
# in documents where the tagger found none for them.
REPLACED_FIELDS = {"targets", "weapons"}


def _apply_fillers(index: IncidentIndex, found: list[Filler]) -> None:
    """Each tagged filler on the incident of its sentence (else the nearest one), in place of the rules'."""
    if not index.drafts:
        return
    tagged_fields = {f.field for f in found} | REPLACED_FIELDS
    for draft in index.drafts:
        for name in tagged_fields:
            setattr(draft, name, [])
    for filler in found:
        _append(getattr(draft_for(index, filler.sent_index), filler.field), filler.text)


def draft_for(index: IncidentIndex, sent_index: int) -> Draft:
    """The incident a sentence speaks of: one mentioned there, the one in focus, else the nearest."""
    for draft in index.drafts:
        if any(m.sent_index == sent_index for m in draft.mentions):
            return draft
    focus = index.focus.get(sent_index)
    if focus is not None:
        return focus
    return min(index.drafts, key=lambda d: min(abs(m.sent_index - sent_index) for m in d.mentions))


def _has_casualties(sent: Span) -> bool:
    killed, wounded = casualties(sent)
    return bool((killed and killed.min) or (wounded and wounded.min))


def _choose(mention: Mention, current: Draft | None, drafts: list[Draft]) -> Draft | None:
    """The incident a mention belongs to, or None for a new one."""
    when = mention.firm_date
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
        place = _place_in(ents_by_sent[index], range(sent.start, sent.end), actor_tokens, draft.place.country)
        if place is not None and _compatible_place(draft.place, place):
            draft.place = _better_place(draft.place, place)
            if not is_area(draft.place):
                return


def _compatible(draft: Draft, place: Place | None, when: tuple[date, str] | None) -> bool:
    return _compatible_place(draft.place, place) and _compatible_date(draft.date, when)


def _add(draft: Draft, mention: Mention) -> None:
    # The first mention introduces it, with any date it owns beyond its own words
    # ("The assault began ... on Thursday").
    when = (mention.date or mention.own_date) if not draft.mentions else mention.firm_date
    draft.mentions.append(mention)
    if _type_rank(mention.type) < _type_rank(draft.type):
        draft.type = mention.type
    draft.place = _better_place(draft.place, mention.place)
    if draft.date is None or (when and when[1] == "day" and draft.date[1] != "day"):
        draft.date = when or draft.date


def _better_figure(old: Figure | None, new: Figure | None) -> bool:
    """Whether ``new`` replaces the incident's figure: the first one reported, unless that one was only
    implied ("a teacher") and ``new`` is stated."""
    if new is None or not (new.min or new.max):
        return False
    return old is None or isinstance(old, ImpliedFigure) and not isinstance(new, ImpliedFigure)


def _stated(figure: Figure | None) -> Figure | None:
    """The figure as the model's plain ``Figure`` (whether it was implied matters only while filling)."""
    return Figure(figure.min, figure.max, figure.qualifier) if figure is not None else None


def _fill(draft: Draft, ctx: Context, actor_tokens: set[int], near: set[int]) -> None:
    """Figures and roles from the sentences that mention the incident (first report wins); figures also
    from the sentence right after a mention ("Nearly 70 were wounded.")."""
    lex = _role_lexicon()
    sents, text = ctx.sents, ctx.text
    people = [e.text for e in ctx.ents if e.label_ == "PERSON"]
    speaking = {i for cue in ctx.doc.spans.get("cues", []) for i in range(cue.start, cue.end)}
    mentioned = {m.sent_index for m in draft.mentions}
    for index in sorted(mentioned | near):
        sent = sents[index]
        killed, wounded = casualties(sent)
        if _better_figure(draft.killed, killed):
            draft.killed = killed
        if _better_figure(draft.wounded, wounded):
            draft.wounded = wounded
        if index not in mentioned:
            continue
        for token in sent:
            word = token.lower_
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in actor_tokens or token.dep_ == "compound":
                continue
            dep = token.dep_
            if word in lex["attackers"] and dep in {"nsubj", "nsubjpass", "pobj", "dobj", "conj"}:
                if dep == "nsubj" and token.head.i in speaking:
                    continue  # "a man who said he spoke for the group told a reporter": a speaker
                phrase = _phrase(token, text)
                if dep == "nsubj" or any(m in phrase.lower().split() for m in lex["attacker_modifiers"]):
                    _add_attacker(draft, phrase)
            elif word in lex["weapons"]:
                _append(draft.weapons, _phrase(token, text))
            elif word in lex["targets"] and dep in {"pobj", "dobj", "nsubjpass"}:
                _append(draft.targets, _phrase(token, text))
        for target in _targets(sent, lex, actor_tokens):
            _append(draft.targets, _phrase(target, text))
        for doer in _doers(sent, lex):
            if doer.i not in actor_tokens and (doer.lower_ in lex["attackers"] or doer.ent_type_ == "PERSON"):
                _add_attacker(draft, _doer_phrase(doer, text, lex))
        for ent in ctx.ents_by_sent[index]:
            if ent.label_ == "PERSON" and _is_victim(ent, lex["victim_verbs"]):
                _append(draft.victims, _full_name(ent, people))


def _add_attacker(draft: Draft, phrase: str) -> None:
    if phrase.lower() not in BARE_GROUP_WORDS:  # "the group" says nothing about who
        _append(draft.attackers, phrase)


def _doers(sent: Span, lex: dict[str, frozenset[str]]) -> list[Token]:
    """Heads of the phrases that did the attacking: subjects of attack verbs, "by" agents of passives."""
    out: list[Token] = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex["attack_verbs"]:
            continue
        for child in verb.children:
            if child.dep_ == "nsubj":
                out.append(child)
            elif child.dep_ == "agent":
                out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


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
    return [
        t
        for t in out
        if t.pos_ in {"NOUN", "PROPN"}
        and t.i not in actor_tokens
        and t.ent_type_ not in {"PERSON", "GPE", "NORP", "DATE", "TIME"}
        and t.lower_ in lex["targets"]
    ]


def _doer_phrase(head: Token, text: str, lex: dict[str, frozenset[str]]) -> str:
    """The attacker as written, with "of X" kept after group words ("members of the 8th front")."""
    if head.ent_type_ == "PERSON":
        ent = next(e for e in head.doc.ents if e.start <= head.i < e.end)
        return ent.text
    phrase = _phrase(head, text)
    if head.lower_ in lex["attacker_of_heads"]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                end = child.right_edge
                return text[head.idx + len(head) - len(phrase) : end.idx + len(end)]
    return phrase


VICTIM_NOUNS = {
    "murder",
    "assassination",
    "killing",
    "kidnapping",
    "death",
    "abduction",
    "slaying",
    "attack",
    "execution",
    "release",
    "body",
    "bodies",
    "funeral",
}


def _is_victim(ent: Span, victim_verbs: frozenset[str]) -> bool:
    """A person who was killed, hurt or taken: the object of such a verb (or in apposition to it),
    "the murder of X", or "the victims were identified as X"."""
    token = ent.root
    while token.dep_ in {"appos", "conj", "compound"} and token.head is not token:
        token = token.head
    if token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in victim_verbs:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in VICTIM_NOUNS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() == "identify"


def _full_name(ent: Span, people: list[str]) -> str:
    """The longest way the text names this person ("Romero" -> "Oscar Arnulfo Romero")."""
    last = ent[-1].text.lower()
    longer = [p for p in people if p.lower().split()[-1] == last and len(p) > len(ent.text)]
    return max(longer, key=len) if longer else ent.text


@cache
def _role_lexicon() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in kb.load("incident_roles").items()}


def _phrase(head: Token, text: str) -> str:
    """A noun with its modifiers on the left, as written ("suicide vest", "Shiite mosque")."""
    start = head.i
    for child in head.lefts:
        if (
            child.dep_ in {"compound", "amod", "nmod", "nummod"}
            or child.dep_ == "punct"
            and child.text == "-"
        ):
            start = min(start, child.left_edge.i)
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):  # never across a dash, quote or comma
        if doc[i].is_punct and doc[i].text != "-" or doc[i].is_space:
            start = i + 1
            break
    while start < head.i and doc[start].dep_ in {"det", "poss", "nummod", "case", "punct"}:
        if not doc[start].whitespace_ and doc[start + 1].text == "-":
            break  # "22-year-old": a number inside a hyphenated word stays with it
        start += 1
    first = doc[start]
    return text[first.idx : head.idx + len(head)]


def _append(values: list[str], value: str) -> None:
    if value and value.lower() not in {v.lower() for v in values}:
        values.append(value)


def _named_explosives(weapons: list[str]) -> list[str]:
    """The weapons without "explosives" where a named explosive says what they were ("55 kg of
    dynamite", kb/incident_roles.yaml ``explosive_substances``)."""
    lex = _role_lexicon()
    written = [" " + " ".join(re.findall(r"[\w-]+", w.lower())) + " " for w in weapons]
    named = any(f" {substance} " in w for w in written for substance in lex["explosive_substances"])
    return [w for w in weapons if w.lower() not in lex["generic_explosives"]] if named else weapons


def to_incident(draft: Draft, document_id: str) -> Incident:
    return Incident(
        id=draft.id,
        type=draft.type,
        date=draft.date[0] if draft.date else None,
        date_precision=draft.date[1] if draft.date else None,
        place=draft.place,
        attackers=draft.attackers,
        targets=draft.targets,
        victims=draft.victims,
        weapons=_named_explosives(draft.weapons),
        killed=_stated(draft.killed),
        wounded=_stated(draft.wounded),
        mentions=[DocSpan(document_id, m.token.idx, m.token.idx + len(m.token)) for m in draft.mentions],
    )
