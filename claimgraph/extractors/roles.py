"""Incident roles read from the span tagger (``doc.spans["tagged_roles"]``), cleaned and grouped.

The tagger marks every mention of a role filler (MUC-4's PerpInd, PerpOrg, Target, Victim, Weapon),
so one entity comes back several times and in several forms ("the FMLN", "Farabundo Marti National
Liberation Front"), and word pieces of one name sometimes carry different labels. This module turns
the spans into one filler per entity, as the tagger wrote it (never extended): the incident and
statement extractors decide where the fillers go.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from claimgraph import kb
from claimgraph.extractors.context import Context
from claimgraph.extractors.names import with_surnames
from claimgraph.nlp.actors import begins_name, slug
from claimgraph.nlp.tagger import ROLES_KEY, scored_spans

FIELDS = {"PERPIND": "attackers", "TARGET": "targets", "VICTIM": "victims", "WEAPON": "weapons"}
PERPETRATOR = "PERPORG"
ARTICLES = {"a", "an", "the"}
CONTENT_POS = {"NOUN", "PROPN"}
NAMING_POS = CONTENT_POS | {"NUM"}
PREMODIFIERS = {"amod", "compound", "det", "nummod", "nmod", "poss", "advmod"}
TRAILING_JUNK = {"ADP", "DET", "CCONJ", "PART"}  # "members of", "the": a name cut short
# The tagger learnt to mark every occurrence of a filler: a target string left unmarked at most of its
# occurrences is rarely one (on MUC-4 TST1+TST2, 2 right of 28).
MARKED_SHARE = {"TARGET": 0.5}
STATES = kb.state_ids()
TITLES = kb.person_titles()
_LEX = kb.role_lexicon()
KIN_WORDS = _LEX["kin_words"]
DEED_NOUNS = _LEX["deed_nouns"]
DOER_WORDS = _LEX["doer_words"]
ARREST_VERBS = _LEX["arrest_verbs"]
VANISHED_WORDS = _LEX["vanished_words"]
CUSTODY_WORDS = _LEX["custody_words"]
CHARGE_WORDS = _LEX["charge_words"]
DOER_NOUNS = _LEX["doer_nouns"] | DOER_WORDS | DEED_NOUNS
DENY_VERBS = frozenset(kb.load("cues")["verbs"]["deny"])
REFLEXIVES = {"himself", "herself", "themselves"}  # "identified himself as X": X speaks
DISTANCE_UNITS = _LEX["distance_units"]
HARM_VERBS = _LEX["attack_verbs"] | _LEX["victim_verbs"] | _LEX["target_verbs"]
ATTACK_WORDS = HARM_VERBS | kb.incident_words()
# The role head learnt 1989-1991 wire copy. On other news its spans are unsure (median PERPIND 0.35 on
# WikiEvents dev against 0.63 on MUC-4 TST1) and mostly wrong, so its roles are used only in documents
# where its spans average DOC_SCORE (WikiEvents attacker F1 14.0 without the gate, 36.4 with it, 40.0
# with the rules alone; MUC-4 TST1+TST2 strict micro F1 46.9 either way; measured before the Viterbi
# decoding), and only spans of at least MIN_SCORE mean label probability.
DOC_SCORE = 0.65
MIN_SCORE = 0.5


@dataclass(frozen=True)
class Filler:
    """One entity in one role: the first way the tagger marked it, and the sentence it is in."""

    field: str
    text: str
    sent_index: int


def has_roles(doc: Doc) -> bool:
    """Whether the span tagger ran on this Doc and its role spans average ``DOC_SCORE`` (then its roles
    replace or back the rules')."""
    if ROLES_KEY not in doc.spans:
        return False
    scores = doc.spans[ROLES_KEY].attrs.get("scores") or []
    return not scores or sum(scores) / len(scores) >= DOC_SCORE


def role_spans(ctx: Context) -> list[Span]:
    """The tagger's role spans, one per stretch of text, without fragments and lone first names."""
    confident = _join_inside_actors(ctx, _join_modifiers(_confident(ctx.doc)))
    joined = _members_of(confident)
    spans = [s for s in _merge_overlaps(confident) if not _fragment(s) and not _swallowed(s, joined)]
    spans = sorted(spans + joined, key=lambda s: (s.start, s.end))
    spans = [piece for s in spans for piece in _split_victims(s)]
    spans = [s for s in spans if s.label_ != "VICTIM" or len(s) > 1]  # victims are named in full
    spans = sorted(spans + _coordinated_attackers(spans), key=lambda s: (s.start, s.end))
    return _drop_unmarked(spans, ctx.text)


def _coordinated_attackers(spans: list[Span]) -> list[Span]:
    """ "Taliban gunmen and suicide bombers attacked the camp": the tagger at times marks the first
    attackers of a coordination only; the others, named by what they did (kb incident_roles.yaml
    ``deed_nouns``), are attackers too ("officers" beside them may be those they fought)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for span in spans:
        if span.label_ != "PERPIND":
            continue
        for noun in span.root.conjuncts:
            if noun.i in taken or noun.lower_ not in DEED_NOUNS or noun.i < span.end:
                continue
            start = min((c.left_edge.i for c in noun.lefts if c.dep_ in {"amod", "compound"}), default=noun.i)
            out.append(Span(span.doc, start, noun.i + 1, label="PERPIND"))
            taken.update(range(start, noun.i + 1))
    return out


def _confident(doc: Doc) -> list[Span]:
    """The tagger's spans whose mean label probability reaches ``MIN_SCORE``."""
    return [span for span, score in scored_spans(doc, ROLES_KEY) if score >= MIN_SCORE]


def fillers(ctx: Context, spans: list[Span]) -> list[Filler]:
    """One filler per entity and incident field, in document order."""
    out: list[Filler] = []
    for label, field in FIELDS.items():
        for group in cluster([s for s in spans if s.label_ == label], by_surname=label == "VICTIM"):
            if label == "VICTIM" and all(
                _kin_named(s) or _named_as_doer(s) or only_arrested(s.root, ctx.sent(s.root)) for s in group
            ):
                continue
            if label == "PERPIND" and all(in_denial(s.root) or _predicated(s) for s in group):
                continue
            if label == "TARGET" and all(_a_landmark(s) for s in group):
                continue
            name = _fullest_name(group)
            # a victim's surnames the tagger left off ("Jaime Pardo | Leal"); not the longest name the
            # text uses, whose titles ("Mrs.", "soldier") the recogniser often takes in
            text = with_surnames(name).text if label == "VICTIM" and _a_name(name) else name.text
            out.append(Filler(field, clean_text(text), ctx.index(group[0])))
    return sorted(out, key=lambda f: f.sent_index)


def _kin_named(span: Span) -> bool:
    """A person named only to say whose relative or aide the victim was ("President Perez' brother-in-law
    was kidnapped", "a former adviser to President Garcia"): kb incident_roles.yaml ``kin_words``."""
    root = span.root
    if root.dep_ == "poss":
        return root.head.lower_ in KIN_WORDS
    return root.dep_ == "pobj" and root.head.lower_ in {"of", "to"} and root.head.head.lower_ in KIN_WORDS


def only_arrested(token: Token, sent: Span) -> bool:
    """A person ``sent`` says was arrested, detained or charged ("sympathisers were arrested, including
    X", "police detained X and Y", "X remained in prison"), not harmed, nor said to have vanished since:
    kb incident_roles.yaml ``arrest_verbs``, ``custody_words``, ``vanished_words``. The sentence comes
    from ``Context`` (``Token.sent`` walks the document)."""
    if any(t.lower_ in VANISHED_WORDS for t in sent):
        return False
    token = list_head(token, through_of=True)  # "X, wife of Y, Z and W"
    if token.dep_ == "pobj" and token.head.lower_ == "including":  # "..., including X"
        token = token.head.head
        if token.pos_ == "VERB":
            return token.lemma_.lower() in ARREST_VERBS
    verb = token.head
    if token.dep_ in {"nsubj", "nsubjpass"} and _in_custody(verb):
        return True  # "X and Y remained in prison", "X was held in custody"
    return token.dep_ in {"dobj", "nsubjpass"} and verb.lemma_.lower() in ARREST_VERBS


def list_head(token: Token, through_of: bool = False) -> Token:
    """The word a name stands for in its clause: the head of the list or apposition it is part of ("the
    judge and his driver, Y": "judge"); ``through_of`` also climbs out of "wife of Y" inside the list."""
    while token.head.i != token.i:
        if token.dep_ in {"conj", "appos", "compound"}:
            token = token.head
        elif through_of and _of_in_a_list(token):
            token = token.head.head
        else:
            break
    return token


def _of_in_a_list(token: Token) -> bool:
    """ "Y" in "X, wife of Y, and Z": the object of an "of" on a listed noun."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ in {"appos", "conj"}


def in_words(token: Token, words: frozenset[str] | set[str]) -> bool:
    """Whether the token's lemma or its form is one of ``words``: the lemmatiser leaves some wire-copy
    forms as written ("IDENTIFIED", "ACCUSED")."""
    return token.lemma_.lower() in words or token.lower_ in words


def _in_custody(verb: Token) -> bool:
    return any(
        prep.dep_ == "prep" and prep.lower_ in {"in", "into", "to"} and place.lemma_.lower() in CUSTODY_WORDS
        for prep in verb.children
        for place in prep.children
        if place.dep_ == "pobj"
    )


def _a_landmark(span: Span) -> bool:
    """A place named to say how far something was from it ("1,200 meters from Government Palace"): kb
    incident_roles.yaml ``distance_units``."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    before = [t.lower_ for t in span.doc[max(root.head.i - 2, 0) : root.head.i] if t.lower_ != "away"]
    return bool(before) and before[-1] in DISTANCE_UNITS  # "150 meters (away) from"


def _predicated(span: Span) -> bool:
    """Attackers named only as what someone else is ("messages claiming to be the assailants", "they
    were the attackers"): the subject is who is meant, named elsewhere."""
    return span.root.dep_ == "attr"


def in_denial(word: Token) -> bool:
    """The subject of what someone denies ("Escobar denied that the drug traffickers had killed
    Jaramillo"): attackers named only there are nobody's attackers (kb cues.yaml ``deny`` verbs)."""
    verb = word.head
    return word.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DENY_VERBS


def _named_as_doer(span: Span) -> bool:
    """A person the words about them name as the one who did it ("Captain X, the direct perpetrator of
    these murders", "a terrorist arrested by the police has been identified as X") or as the one who
    speaks ("the caller identified himself as X"): kb incident_roles.yaml ``doer_words``
    (``charge_words`` about an attack) in the phrase the name heads; ``doer_nouns`` for the noun the
    name is given for."""
    root = span.root
    words = [t for t in root.subtree if not span.start <= t.i < span.end]
    if any(
        t.lower_ in DOER_WORDS
        or t.lower_ in CHARGE_WORDS
        and any(in_words(w, ATTACK_WORDS) for w in t.subtree)
        for t in words
    ):
        return True
    return named_for_a_doer(root)


def named_for_a_doer(root: Token) -> bool:
    """A name given for a doer or for the one who speaks ("mercenaries identified as X", "the caller
    identified himself as X", "X, the perpetrator"): kb incident_roles.yaml ``doer_nouns``."""
    while root.dep_ == "conj":  # "identified as X, Y and Z": Z is named as X is
        root = root.head
    named: list[Token] = []
    if root.dep_ == "appos":
        named = [root.head]
    elif root.dep_ == "pobj" and root.head.lower_ == "as":
        verb = root.head.head  # "identified as"
        named = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        named += [verb.head] if verb.dep_ == "acl" else []
    return any(n.lower_ in DOER_NOUNS or n.lower_ in REFLEXIVES for n in named)


def _a_name(span: Span) -> bool:
    return all(t.pos_ == "PROPN" or t.is_punct for t in span)


def _fullest_name(group: list[Span]) -> Span:
    """The first mention, or for a person's name the longest way it is written ("Fidel Castano" over a
    first "Castano")."""
    names = [s for s in group if _a_name(s)]
    if len(names) < len(group):  # not every mention is a name
        return group[0]
    return max(names, key=len)


def busiest_sentence(ctx: Context, spans: list[Span]) -> int | None:
    """The sentence with the most role spans (the earliest on a tie), for an incident no trigger found."""
    counts = Counter(ctx.index(s) for s in spans)
    if not counts:
        return None
    return min(counts, key=lambda i: (-counts[i], i))


def perpetrators(ctx: Context, spans: list[Span]) -> list[Span]:
    """PERPORG spans as actor spans (``kb_id_`` the actor id), one per actor, first mention first.

    A mention over a recognised actor gives its id, as does a KB name the recogniser missed (a line
    break inside it); other groups get ``new:<slug>``, the actor recogniser's scheme. States are left
    out: the tagger marks "El Salvador" inside "the armed forces of El Salvador".

    Only mentions in a sentence about an incident count (``_eventful_sentences``). On text it has not
    seen, the tagger's perpetrators elsewhere are mostly wrong: on MUC-4 TST1+TST2, 2 right of 16.
    """
    out: list[Span] = []
    seen: set[str] = set()
    eventful = _eventful_sentences(ctx, spans)
    for group in cluster([s for s in spans if s.label_ == PERPETRATOR]):
        actor_id = _actor_id(ctx, group)
        if actor_id in seen or actor_id in STATES or actor_id == "new:":
            continue
        told = [s for s in group if ctx.index(s) in eventful and not _on_the_receiving_end(s)]
        if not told:
            continue
        seen.add(actor_id)
        first = told[0]
        label = "NEW_ACTOR" if actor_id.startswith("new:") else "ACTOR"
        out.append(Span(ctx.doc, first.start, first.end, label=label, kb_id=actor_id))
    for actor in _groups_in_attackers(ctx, spans):
        if actor.kb_id_ not in seen:
            seen.add(actor.kb_id_)
            out.append(actor)
    return sorted(out, key=lambda s: s.start)


def _on_the_receiving_end(span: Span) -> bool:
    """A group named where the attack landed: "two FMLN rebels were killed", "gunships opened fire on
    alleged FMLN positions", "the attack on the drug-trafficking mafias" (the tagger marks such names
    too): there it is no perpetrator."""
    head = span.root
    while head.head.i != head.i and (
        head.dep_ in {"compound", "amod", "nmod", "poss", "appos", "conj"}
        or head.dep_ == "pobj"
        and head.head.lower_ == "of"  # "Oqueli, leader of the MNR, was killed"
    ):
        head = head.head.head if head.dep_ == "pobj" else head.head
    above = head.head
    if head.dep_ == "nsubjpass" or head.dep_ == "dobj":
        return above.lemma_.lower() in HARM_VERBS
    if head.dep_ == "pobj" and above.lower_ in {"on", "against"}:
        return above.head.lemma_.lower() in ATTACK_WORDS or above.head.lower_ == "fire"
    return False


def _eventful_sentences(ctx: Context, spans: list[Span]) -> set[int]:
    """Sentences that speak of an incident: an incident word, or a role the tagger marked besides a
    perpetrator ("a leaflet issued by the Air Force" has neither)."""
    words = {ctx.index(t) for t in ctx.doc.spans.get("incident_triggers", [])}
    return words | {ctx.index(s) for s in spans if s.label_ != PERPETRATOR}


def _groups_in_attackers(ctx: Context, spans: list[Span]) -> list[Span]:
    """KB groups named inside a PERPIND span ("FARC members", "ELN guerrillas"): the tagger marks the
    individuals with their group's name, and the group is then a perpetrator too, as MUC-4 keys it."""
    known = kb.actors()
    return [
        actor
        for span in spans
        if span.label_ == "PERPIND"
        for actor in ctx.actors
        if span.start <= actor.start
        and actor.end <= span.end
        and actor.kb_id_ in known
        and actor.kb_id_ not in STATES
    ]


def _actor_id(ctx: Context, group: list[Span]) -> str:
    for span in group:
        for actor in ctx.actors:
            if actor.start < span.end and span.start < actor.end or _named_after(span, actor):
                return actor.kb_id_
    names = [clean_text(s.text) for s in group]
    for name in names:
        known = kb.resolve_alias(name) or _cut_short(ctx, name)
        if known:
            return known
    return "new:" + slug(names[0])


def _cut_short(ctx: Context, name: str) -> str | None:
    """The one actor of the document whose KB name starts with these two or more words: the tagger
    stops "Farabundo Marti [National Liberation Front]" at the transcriber's bracket."""
    if len(kb.alias_key(name).split()) < 2:
        return None
    known = kb.actors()
    ids = {a.kb_id_ for a in ctx.actors if a.kb_id_ in known and begins_name(name, a.kb_id_)}
    return ids.pop() if len(ids) == 1 else None


def _named_after(span: Span, actor: Span) -> bool:
    """A description the group's name follows ("the armed Basque separatist group [ETA]"): the tagger
    often stops at the common noun, and the name is the actor."""
    return actor.start == span.end and span[-1].pos_ == "NOUN"


def cluster(spans: list[Span], by_surname: bool = False) -> list[list[Span]]:
    """Spans grouped by entity: one's words inside another's ("guerrillas", "urban guerrillas"),
    singular or plural alike; for people also the same surname ("Mr Smith", "John Smith")."""
    groups: list[tuple[list[Span], list[str]]] = []
    for span in spans:
        key = _key(span.text)
        if not key:
            continue
        for members, keys in groups:
            if any(_contains(key, k) or _contains(k, key) for k in keys) or (
                by_surname and any(k.split()[-1] == key.split()[-1] for k in keys)
            ):
                members.append(span)
                keys.append(key)
                break
        else:
            groups.append(([span], [key]))
    return [members for members, _ in groups]


def clean_text(text: str) -> str:
    """The span's words on one line (wire copy breaks lines inside names)."""
    return " ".join(text.split())


def _key(text: str) -> str:
    words = [w for w in re.findall(r"\w+", text.lower()) if w not in ARTICLES]
    return " ".join(singular(w) for w in words)


def singular(word: str) -> str:
    """A plural "s" dropped from a word of more than three letters ("rockets" -> "rocket")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _contains(outer: str, inner: str) -> bool:
    return f" {inner} " in f" {outer} "


def _join_inside_actors(ctx: Context, spans: list[Span]) -> list[Span]:
    """Pieces of one group's name as one PERPORG span: the tagger sometimes labels the words of a name
    differently ("Shining" PERPORG, "Path" PERPIND)."""
    out = list(spans)
    for actor in ctx.actors:
        inside = [s for s in out if actor.start <= s.start and s.end <= actor.end]
        if len(inside) > 1 and any(s.label_ == PERPETRATOR for s in inside):
            out = [s for s in out if s not in inside]
            start, end = min(s.start for s in inside), max(s.end for s in inside)
            out.append(Span(ctx.doc, start, end, label=PERPETRATOR))
    return sorted(out, key=lambda s: (s.start, s.end))


def _join_modifiers(spans: list[Span]) -> list[Span]:
    """A name or number that only modifies the next span, with no word between, is part of it: the tagger
    at times begins a second span at the noun a modifier belongs to ("route 30 | bus", "Hotel | Miramar
    bombing"). A lone adjective is not joined ("powerful | dynamite charge"): MUC-4 leaves such words
    out, and alone it is dropped as a fragment. Nor is a count ("three | bombs": how many is not what)
    or a title before a person's name ("Msgr. | Oscar Romero", "newsman | Juan Perez": the name is the
    person's)."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if last and last.label_ == span.label_ and last.end == span.start and _modifies(last, span):
            out[-1] = Span(span.doc, last.start, span.end, label=span.label_)
        else:
            out.append(span)
    return out


def _modifies(first: Span, second: Span) -> bool:
    """Whether ``first`` is a premodifier of ``second``: its head word hangs on a word of ``second``, or
    both are parts of one compound."""
    root = first.root
    if root.dep_ not in PREMODIFIERS or first[-1].is_punct or not any(t.pos_ in NAMING_POS for t in first):
        return False
    if all(t.like_num for t in first) and root.dep_ == "nummod":
        return False
    if len(first) == 1 and second[0].pos_ == "PROPN" and _title_or_calling(first[0]):
        return False
    return second.start <= root.head.i < second.end or (
        root.dep_ == "compound" and second.root.dep_ == "compound" and root.head == second.root.head
    )


def _title_or_calling(word: Token) -> bool:
    """A word that stands before a name without being part of it: a title ("Msgr.", kb truecase.yaml
    ``titles``) or a common noun naming what the person does ("newsman Juan Perez")."""
    return word.lower_.rstrip(".") in TITLES or word.pos_ == "NOUN"


def _members_of(spans: list[Span]) -> list[Span]:
    """ "members of the FMLN" as one PERPIND span: the tagger marks "members of the" PERPIND and the
    group PERPORG, as MUC-4 annotates the two roles, but the individuals are named with their group.
    It also breaks one PERPIND span at "of" ("urban guerrillas of" | "the" | "Shining Path"): joined."""
    out = []
    for person, group in pairwise(spans):
        if (
            person.label_ == "PERPIND"
            and group.label_ in {PERPETRATOR, "PERPIND"}
            and person[-1].lower_ in {"of", "the"}
            and 0 <= group.start - person.end <= 1
            and all(t.lower_ == "the" for t in person.doc[person.end : group.start])
        ):
            out.append(Span(person.doc, person.start, group.end, label="PERPIND"))
    return out


def _swallowed(span: Span, joined: list[Span]) -> bool:
    """A PERPIND span that is the tail of a joined one (the group after "of"), not a second attacker."""
    return span.label_ == "PERPIND" and any(j.start < span.start and span.end == j.end for j in joined)


def _merge_overlaps(spans: list[Span]) -> list[Span]:
    """Overlapping spans as one, labelled as the first: a tagged word that is only part of a spaCy token
    comes back as the whole token, which can overlap a neighbouring span of another role."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and span.start < out[-1].end:
            last = out[-1]
            out[-1] = Span(span.doc, last.start, max(last.end, span.end), label=last.label_)
        else:
            out.append(span)
    return out


def _fragment(span: Span) -> bool:
    """No noun at all, or a name cut off at "of" / "the"."""
    return not any(t.pos_ in CONTENT_POS for t in span) or span[-1].pos_ in TRAILING_JUNK


def _split_victims(span: Span) -> list[Span]:
    """ "Jane Doe and John Roe" as two victims: the tagger joins names it marks side by side."""
    if span.label_ != "VICTIM":
        return [span]
    pieces, start = [], span.start
    for token in span:
        if token.lower_ == "and":
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, span.end))
    return [Span(span.doc, s, e, label=span.label_) for s, e in pieces if e > s]


def _drop_unmarked(spans: list[Span], text: str) -> list[Span]:
    """Drop fillers the tagger left unmarked at most of their occurrences (see MARKED_SHARE)."""
    lowered = text.lower()
    marked = Counter((s.label_, s.text.lower()) for s in spans)
    out = []
    for span in spans:
        share = MARKED_SHARE.get(span.label_)
        if share is not None:
            pattern = r"(?<!\w)" + re.escape(span.text.lower()) + r"(?!\w)"
            occurrences = max(len(re.findall(pattern, lowered)), 1)
            if marked[(span.label_, span.text.lower())] / occurrences <= share:
                continue
        out.append(span)
    return out
