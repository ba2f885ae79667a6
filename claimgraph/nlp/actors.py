"""Actor recognition: KB aliases and acronyms, plus groups the KB does not know.

Writes ``doc.spans["actors"]``; each span's ``kb_id_`` is the actor id. Unknown groups ("a group
calling itself the Popular Vengeance Front") get an id ``new:<slug>`` and label ``NEW_ACTOR``.
A bare parent name ("ISIS") in a document that names exactly one of its branches ("ISIS-K") is
read as that branch, as news copy shortens a branch's name to its parent's once it is introduced.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimgraph import kb
from claimgraph.nlp.places import country_code

# Head words that make an unknown ORG entity an armed or political group worth tracking.
GROUP_HEADS = frozenset(
    {
        "front",
        "army",
        "brigade",
        "brigades",
        "movement",
        "battalion",
        "commando",
        "commandos",
        "squad",
        "mujahideen",
        "militia",
        "guerrillas",
        "council",
        "organization",
        "organisation",
        "party",
        "group",
        "lashkar",
        "jaish",
        "tehreek",
        "tehrik",
        "forces",
        "force",
        "cartel",
        "gang",
        "resistance",
        "faction",
        "legion",
        "command",
        "alliance",
        "coalition",
        "union",
        "jamaat",
        "harakat",
        "ansar",
        "sipah",
    }
)
NAME_TOKEN = {"IS_TITLE": True}
STATE_IDS = kb.state_ids()
DESCRIPTORS = frozenset(kb.load("generic_actors")["descriptors"])  # "Paramilitary Rapid Support Forces"
STATE_WEAPONS = frozenset(kb.load("generic_actors")["state_weapons"])  # "a Russian missile attack"
ATTACK_LEMMAS = frozenset({"attack"})
STATE_ACTS = frozenset(kb.load("generic_actors")["state_acts"])  # "an Israeli air strike": Israel's
# Words that make a state's name the name of a part of it, or of an armed group's "province" in it.
DIVISION_WORDS = {"province", "region", "district", "governorate", "department", "oblast", "wilayat"}
DAY_LABELS = {"DATE", "TIME", "EVENT"}
DEMONYMS: dict[str, list[str]] = kb.load("demonyms")["demonyms"]  # "IL": ["Israeli"]


INTRO_NOUNS = {"group", "outfit", "faction", "militia", "organisation", "organization", "movement", "front"}
# ... and nouns that, set beside a name, make it a body that speaks ("Miyetti Allah, a herders'
# association, denied ..."), though a name ending in them is not yet a group worth tracking.
DESCRIBED_BODIES = {"association", "network"}
# Lower-case particles inside Arabic, Spanish and South Asian names ("Saraya Awliya al-Dam").
NAME_PARTICLES = {
    "al",
    "el",
    "ad",
    "ud",
    "ul",
    "e",
    "i",
    "de",
    "del",
    "la",
    "los",
    "bin",
    "ibn",
    "wal",
    "wa",
    "fi",
    "min",
}


ABBR_BRACKETS = {"(": ")", "[": "]"}  # what a defined abbreviation sits in, and what closes it
ABBR_OPENERS = frozenset(ABBR_BRACKETS)
COMMA = frozenset({","})
NAME_LINKS = {"of", "for", "the"}  # in a defined name: "Communist Party of Spain (PCE)"


def _name_end(doc: Doc, end: int) -> int:
    """Extend a capitalised name over particles and hyphens that join it to a following capitalised word."""
    i = end
    while i < len(doc):
        j = i
        while j < len(doc) and (doc[j].text in {"-", "'"} or doc[j].lower_ in NAME_PARTICLES):
            j += 1
        if j == i or j >= len(doc) or not doc[j].is_title:
            break
        i = j + 1
        while i < len(doc) and doc[i].is_title:
            i += 1
    return i


def _is_acronym(text: str) -> bool:
    letters = text.replace("-", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def _name_before(doc: Doc, end: int) -> Span | None:
    """The capitalised name (with particles and hyphens) that ends right before token ``end``."""
    start = end
    while start > 0 and end - start < 12:  # "Strategic Framework for the Defence of the People of Azawad"
        prev = doc[start - 1]
        if (
            prev.is_title
            or prev.is_upper
            and prev.is_alpha
            or prev.text in {"-", "'"}
            or prev.lower_ in NAME_PARTICLES
            or prev.lower_ in NAME_LINKS
            and start > 1
            and (doc[start - 2].lower_ in GROUP_HEADS or _inside_a_name(doc, start - 1))
        ):
            start -= 1
        else:
            break
    while start < end and (
        not doc[start].is_title
        or doc[start].lower_ in NAME_LINKS | {"a", "an"}
        or doc[start].is_sent_start
        and doc[start].pos_ not in {"PROPN", "X"}  # "Members of the ..."
    ):
        start += 1
    if end - start < 2 and not (end - start == 1 and len(doc[start]) > 3):
        return None
    if doc[start].is_sent_start and end - start == 1:
        return None
    return doc[start:end]


def _inside_a_name(doc: Doc, link: int) -> bool:
    """ "Framework for the Defence of the People of Azawad": a link word ("of", "for", "the") between
    capitalised words of one name, with at most one other link word before the next capitalised one."""
    before = [t for t in doc[max(0, link - 2) : link] if not t.is_punct]
    if not before:
        return False
    return before[-1].is_title or before[-1].lower_ in NAME_LINKS and len(before) == 2 and before[0].is_title


def _positions(doc: Doc, words: Iterable[str], attr: int = ORTH) -> list[int]:
    """Indices of the tokens whose text (or other ``attr``) is one of ``words``, read from the Doc's
    arrays: the scans below look at a handful of tokens, not at every one of them."""
    ids = _string_ids(words) if isinstance(words, frozenset) else {get_string_id(w) for w in words}
    return [i for i, value in enumerate(doc.to_array(attr).tolist()) if value in ids]


@lru_cache(maxsize=64)
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    """The hashes of a fixed word set as the Doc's arrays hold them (the same in every vocabulary)."""
    return frozenset(get_string_id(w) for w in words)


def _bracketed_acronym(doc: Doc, i: int) -> Span | None:
    """The acronym in "(ABC)", "[ABC]" or "(CSP-DPA)" (split at its hyphens by the tokenizer) when token
    ``i`` opens the bracket."""
    close = ABBR_BRACKETS.get(doc[i].text)
    end = i + 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_:
        end += 2  # "CSP" "-" "DPA"
    if close is None or end >= len(doc) or doc[end].text != close:
        return None
    acronym = doc[i + 1 : end]
    return acronym if _is_acronym(acronym.text) and " " not in acronym.text else None


def _occurrences(doc: Doc, words: Span) -> list[int]:
    """Where the words of ``words`` recur in the Doc, as token starts."""
    first, size = words[0].text, len(words)
    return [
        at
        for at in _positions(doc, [first])
        if [t.text for t in doc[at : at + size]] == [t.text for t in words]
    ]


def _abbreviation_after(doc: Doc, end: int) -> str | None:
    """The KB actor of an abbreviation bracketed right after token ``end - 1``, if any."""
    abbr = _bracketed_acronym(doc, end) if end < len(doc) else None
    return kb.resolve_alias(abbr.text) if abbr is not None else None


def begins_name(text: str, actor_id: str, proper: bool = False) -> bool:
    """Whether the words of ``text`` begin one of the KB actor's names and are not the whole of it; with
    ``proper``, only a name that goes on with a capitalised word ("Islamic State Khorasan")."""
    key = kb.alias_key(text)
    actor = kb.actors()[actor_id]
    for name in [actor.name, *actor.aliases]:
        if not kb.alias_key(name).startswith(key + " "):
            continue
        rest = re.split(r"[\s\-–_/]+", name)[len(key.split()) :]
        if not proper or (rest and rest[0][:1].isupper()):
            return True
    return False


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", kb.alias_key(text)).strip("-")


def new_actor(name: Span, called: str | None = None) -> Span:
    """A group the KB does not know, as an actor span: label ``NEW_ACTOR``, id ``new:<slug>`` of its
    text, or of ``called`` where the text is another name of it ("military" for the armed forces)."""
    return Span(name.doc, name.start, name.end, label="NEW_ACTOR", kb_id="new:" + slug(called or name.text))


def known_actor(name: Span, actor_id: str) -> Span:
    """The words of ``name`` as a mention of the KB actor ``actor_id``: label ``ACTOR``."""
    return Span(name.doc, name.start, name.end, label="ACTOR", kb_id=actor_id)


def _variants(name: str) -> set[str]:
    """Spellings an alias appears in: with and without hyphens, apostrophes and dots."""
    out = {name, name.replace("-", " "), name.replace("’", "'")}
    out |= {v.replace("'", "") for v in list(out)}
    out |= {v.replace(".", "") for v in list(out)}
    return {re.sub(r"\s+", " ", v).strip() for v in out if len(v.strip()) > 1}


def _names_a_day(name: Span) -> bool:
    """ "a day that became known as Bloody Friday": a name holding a date names a day or an event, unless
    a group word ends it ("the 15th of September Legion")."""
    return name[-1].lower_ not in GROUP_HEADS and any(t.ent_type_ in DAY_LABELS for t in name)


def _named_units(doc: Doc) -> list[Span]:
    """ "the Jaime Martinez front", "the Abu Bakr brigade": a name before a group word written in lower
    case, after "the"; not a state's or a nationality's ("the Afghan army" is a generic actor)."""
    found: list[Span] = []
    for i in _positions(doc, GROUP_HEADS, LOWER):
        head = doc[i]
        if not head.is_lower:
            continue
        start = head.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ != "the":  # "The X gang"
            start -= 1
        if start == head.i or start == 0 or doc[start - 1].lower_ != "the":
            continue
        name = doc[start : head.i + 1]
        national = any(t.ent_type_ == "NORP" for t in name[:-1]) or country_code(name[:-1].text)
        if not national and not kb.resolve_alias(name.text):  # "the Pakistan army" is a state's
            found.append(new_actor(name))
    return found


def _after_nationality(doc: Doc, matches: list[tuple[int, int, int]]) -> list[Span]:
    """Each match, and with it the nationality word right before it ("Nigerian | army")."""
    out = []
    for _, start, end in matches:
        out.append(doc[start:end])
        before = doc[start - 1] if start > 0 else None
        # the recogniser at times calls the adjective a place ("Ukrainian special services": GPE)
        if before is not None and (
            before.ent_type_ == "NORP"
            or before.pos_ == "ADJ"
            and before.is_title
            and country_code(before.text)
        ):
            out.append(doc[start - 1 : end])
    return out


def _possessing_state(doc: Doc, start: int) -> str | None:
    """The nationality of a state named in the possessive before ``start`` ("Israel's | military":
    "Israeli"; kb demonyms.yaml), else None."""
    if start < 2 or doc[start - 1].lower_ not in {"'s", "’s"}:
        return None
    code = country_code(doc[start - 2].text) if doc[start - 2].ent_type_ == "GPE" else None
    names = DEMONYMS.get(code or "")
    return names[0] if names else None


def _names_a_division(doc: Doc, span: Span) -> bool:
    """ "its Mozambique Province fighters", "Somalia Region": a state's name that begins the name of a
    province or an armed group's "province", which is not the state."""
    if span.kb_id_ not in STATE_IDS or span.end >= len(doc):
        return False
    after = doc[span.end]
    return after.is_title and after.lower_ in DIVISION_WORDS


@lru_cache(maxsize=1)
def states_by_code() -> dict[str, str]:
    """ISO country code -> the KB's state actor for it."""
    out: dict[str, str] = {}
    for actor in kb.actors().values():
        code = country_code(actor.name) if actor.kind == "state" else None
        if code:
            out.setdefault(code, actor.id)
    return out


def _states_acting(doc: Doc, taken: set[int]) -> list[Span]:
    """ "An Israeli air strike", "Russian shelling": a nationality before a word for what a state's forces
    do (kb generic_actors.yaml ``state_acts``) names the state that did it; before other words ("a
    Pakistani bombing", "Iraqi police") it says where, or whose, not who acted."""
    out = []
    acts = _positions(doc, STATE_ACTS, LEMMA)  # a few words, found from the Doc's arrays
    # "a Ukrainian drone attack", "a Russian missile attack": an attack by a state's weapon is its act
    acts += [
        i
        for i in _positions(doc, ATTACK_LEMMAS, LEMMA)
        if any(c.dep_ == "compound" and c.lemma_ in STATE_WEAPONS for c in doc[i].lefts)
    ]
    # "a Russian missile strike": the adjective on the weapon that names the act
    acts += [c.i for i in acts for c in doc[i].lefts if c.dep_ == "compound" and c.lemma_ in STATE_WEAPONS]
    for token in (c for i in acts for c in doc[i].lefts):
        if token.dep_ != "amod" or token.i in taken or not token.is_title:
            continue
        code = country_code(token.text)
        state = states_by_code().get(code) if code else None
        if state is not None:
            out.append(Span(doc, token.i, token.i + 1, label="ACTOR", kb_id=state))
    return out


def _branches_named_after_an_owner(doc: Doc, known: list[Span]) -> list[Span]:
    """ "The Islamic State's Central Africa Province": the capitalised words after a group's possessive
    that, joined to its name, are a KB name ("Islamic State Central Africa Province") name that branch."""
    out = []
    for span in known:
        at = span.end + 1
        if at >= len(doc) or doc[span.end].lower_ not in {"'s", "’s"}:
            continue
        end = at
        while end < len(doc) and end - at < 5 and doc[end].is_title:
            end += 1
        for stop in range(end, at, -1):  # the longest run that, joined, is a name
            branch = kb.resolve_alias(f"{span.text} {doc[at:stop].text}")
            if branch and branch != span.kb_id_:
                out.append(Span(doc, at, stop, label="ACTOR", kb_id=branch))
                break
    return out


def _describes_another_noun(intro: Token, name: Span) -> bool:
    """ "A commander of the group, Sarbakaf Mohmand,": the name after "group," is set beside the
    commander, not the group ("a second group, Ashab al-Kahf," names the group)."""
    if intro.lower_ not in INTRO_NOUNS or name.root.ent_type_ != "PERSON":
        return False
    of = intro.head  # "commander of the group": the parser hangs the name on "group" all the same
    return intro.dep_ == "pobj" and of.lower_ in {"of", "for"} and of.head.pos_ == "NOUN"


def _ends_a_hyphenated_name(doc: Doc, span: Span) -> bool:
    """ "the Dawlah Islamiyah-Philippines group": a state's name joined by a hyphen to a capitalised word
    before it ends another name ("Pakistan-based" and "pro-Russian" are not this: the state comes first,
    or the word before is not capitalised)."""
    if span.kb_id_ not in STATE_IDS or span.start < 2:
        return False
    hyphen, word = doc[span.start - 1], doc[span.start - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not word.whitespace_ and word.is_title


CHARGE_NOUNS = frozenset({"blame", "accusation", "accusations", "charge", "charges"})


def _charges(verb: Token) -> bool:
    """ "Moscow and Kyiv trade blame", "Tehran levelled accusations": the verb's object is a charge."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CHARGE_NOUNS for c in verb.children)


RULING_NOUNS = frozenset({"regime", "government", "administration", "leadership", "authorities"})


def _a_stance_towards(doc: Doc, span: Span) -> bool:
    """ "pro-IS militants", "the anti-ISIS coalition": a stance towards the group, which the words do not
    name as a participant (the militants are its supporters, the coalition its enemies)."""
    if span.start < 2:
        return False
    hyphen, word = doc[span.start - 1], doc[span.start - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and word.lower_ in {"pro", "anti"}


def _names_its_state(name: Span, known: list[Span]) -> bool:
    """ "Communist Party of Spain (PCE)": a new group's name that runs over a state's (after "of"), not
    two actors."""
    inside = [k for k in known if k.start < name.end and name.start < k.end]
    return all(k.kb_id_ in STATE_IDS and name.start < k.start and k.end <= name.end for k in inside)


def _repeated(doc: Doc, introduced: list[Span]) -> list[Span]:
    """Every other mention of a group the text introduced by a name of two or more words ("a group
    calling itself Saraya Awliya al-Dam ... Saraya Awliya al-Dam is a front for"): the same words, in the
    same case, name the same actor, though nothing around the later mention says it is a group."""
    by_first: dict[str, list[tuple[tuple[str, ...], Span]]] = {}
    for span in introduced:
        if len(span) >= 2:
            by_first.setdefault(span[0].text, []).append((tuple(t.text for t in span), span))
    found: list[Span] = []
    for at in _positions(doc, by_first) if by_first else ():
        for words, span in by_first[doc[at].text]:
            end = at + len(words)
            if at != span.start and tuple(t.text for t in doc[at:end]) == words:
                found.append(Span(doc, at, end, label=span.label_, kb_id=span.kb_id_))
    return found


def _set_beside_as_a_group(name: Span, window: Span) -> bool:
    """ "Hafiz Gul Bahadur, a faction allied with the TTP": a group named after its leader, which the
    recogniser takes for a person; the noun set beside the name says it is a group ("Abu Yasir, a militia
    commander" is a person)."""
    beside = next((t for t in window if t.dep_ == "appos" and t.head.i == name.root.i), None)
    return beside is not None and beside.lower_ in INTRO_NOUNS | GROUP_HEADS


class ActorRecognizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        abbrs = kb.abbreviations()
        for actor in kb.actors().values():
            names = [actor.name, *actor.aliases]
            lower = sorted({v for n in names if n not in abbrs for v in _variants(n)})
            exact = sorted({v for n in names if n in abbrs for v in _variants(n)})
            if lower:
                self.phrases.add(actor.id, list(nlp.tokenizer.pipe(lower)))
            if exact:
                self.acronyms.add(actor.id, list(nlp.tokenizer.pipe(exact)))
        self.unknown = Matcher(nlp.vocab)
        intro = [
            [{"LOWER": {"IN": ["calling", "calls"]}}, {"LOWER": {"IN": ["itself", "themselves"]}}],
            [{"LOWER": {"IN": ["called", "named"]}}],
            [{"LOWER": "known"}, {"LOWER": "as"}],
            [{"LOWER": "so"}, {"ORTH": "-", "OP": "?"}, {"LOWER": "called"}],
            [{"LOWER": {"IN": sorted(INTRO_NOUNS)}}, {"ORTH": ","}],  # "a second group, Ashab al-Kahf,"
        ]
        first = [pattern[0]["LOWER"] for pattern in intro]
        self.intro_words = frozenset(w for f in first for w in (f["IN"] if isinstance(f, dict) else [f]))
        for pattern in intro:
            self.unknown.add(
                "INTRO",
                [[*pattern, {"LOWER": "the", "OP": "?"}, {**NAME_TOKEN, "OP": "+"}]],
                greedy="LONGEST",
            )
        self.parents = kb.actor_parents()
        self.seats = PhraseMatcher(nlp.vocab, attr="LOWER")  # "Kigali denies": the capital speaks
        for seat, state in (kb.load("seats")["seats"] or {}).items():
            self.seats.add(state, [nlp.tokenizer(seat)])
        relations = kb.load("relations")
        self.deed_parts = frozenset(relations["deed_parts"])
        facilitated = relations["facilitated"]
        self.helping = frozenset(facilitated["helping_verbs"]) | frozenset(facilitated["armed_support_verbs"])
        self.doer_predicates = frozenset(relations["doer_predicates"])
        self.parent_nouns = frozenset(relations["part_of"]["parent_nouns"])
        self.passive_doers = frozenset(relations["passive_doers"])
        self.speaking = kb.reporting_verbs()
        self.accusing = frozenset(kb.load("cues")["verbs"]["accuse"])
        generic = kb.load("generic_actors")
        self.generic = PhraseMatcher(nlp.vocab, attr="LOWER")
        heads = [*generic["single"], *generic["phrases"]]
        self.generic.add("GENERIC", [Doc(nlp.vocab, words=h.split()) for h in heads])
        self.generic.add("NATIONAL", [Doc(nlp.vocab, words=[w]) for w in generic["national"]])
        self.same_body = {name: names[0] for names in generic.get("same") or [] for name in names}
        self.member_nouns = frozenset(generic.get("members") or [])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label="ACTOR", kb_id=doc.vocab.strings[m]) for m, s, e in self.phrases(doc)]
        spans += [
            Span(doc, s, e, label="ACTOR", kb_id=doc.vocab.strings[m]) for m, s, e in self.acronyms(doc)
        ]
        known = [
            self._longer_name(doc, span) or self._another_states(doc, span) or span
            for span in filter_spans(spans)
            if not _names_a_division(doc, span)
            and not _ends_a_hyphenated_name(doc, span)
            and not _a_stance_towards(doc, span)
        ]
        known += _branches_named_after_an_owner(doc, known)
        known += self._speaking_seats(doc, {i for span in known for i in range(span.start, span.end)})
        known += _states_acting(doc, {i for span in known for i in range(span.start, span.end)})
        taken = {i for span in known for i in range(span.start, span.end)}
        unknown = self._unknown_groups(doc)
        new = [
            s
            for s in unknown + _repeated(doc, unknown) + self._generic(doc)
            if not taken & set(range(s.start, s.end)) or _names_its_state(s, known)
        ]
        actors = filter_spans(known + new)
        doc.spans["actors"] = self._branches_for_parents(sorted(actors, key=lambda s: s.start))
        return doc

    def _speaking_seats(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Capitals that stand for their state's government ("a charge Kigali denies", "Moscow said",
        "accused Kabul of harbouring militants"; kb seats.yaml): as the subject of a reporting verb or
        of a verb of help ("Tehran had supplied the group with weapons"), the object of an accusing one,
        or the subject of a part in a deed ("Tehran had no role in the attack", "Moscow was behind it",
        "Tehran was not involved"), or naming those who rule from it ("the Kyiv regime"); elsewhere they
        are places."""
        out = []
        for match, start, end in self.seats(doc):
            span = Span(doc, start, end, label="ACTOR", kb_id=doc.vocab.strings[match])
            root = span.root
            if taken & set(range(start, end)):
                continue
            verb = root.head.lemma_.lower()
            subject = root.dep_ == "nsubj" or root.dep_ == "conj" and root.head.dep_ == "nsubj"
            if subject and root.dep_ == "conj":  # "Moscow and Kyiv trade blame": both are subjects
                root, verb = root.head, root.head.head.lemma_.lower()
            if (
                subject
                and (
                    verb in self.speaking
                    or verb in self.helping
                    or self._has_a_part(root.head)
                    or _charges(root.head)
                )
                or root.dep_ == "dobj"
                and verb in self.accusing
                or root.dep_ == "nsubjpass"
                and verb in self.passive_doers
                or root.dep_ == "compound"
                and verb in RULING_NOUNS
            ):
                out.append(span)
        return out

    def _has_a_part(self, verb: Token) -> bool:
        """ "had no involvement in", "was behind": the verb gives its subject a part in a deed."""
        lemma = verb.lemma_.lower()
        if lemma == "have":
            return any(c.dep_ == "dobj" and c.lemma_.lower() in self.deed_parts for c in verb.children)
        return lemma == "be" and any(c.lower_ in self.doer_predicates for c in verb.children)

    @staticmethod
    def _longer_name(doc: Doc, span: Span) -> Span | None:
        """A new actor for an organisation whose name ends in a KB name ("the Bolivarian [National
        Guard]"): the recogniser's entity starts earlier, with capitalised words that are not a
        nationality ("the Afghan Taliban" stays the Taliban), so it names another body."""
        first = doc[span.start]
        if first.ent_iob_ != "I" or first.ent_type_ != "ORG":
            return None
        start = span.start
        while doc[start].ent_iob_ == "I":
            start -= 1
        end = span.end
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        while start < span.start and (
            not doc[start].is_title or doc[start].pos_ == "DET" or doc[start].lower_ in DESCRIPTORS
        ):
            start += 1  # "the", "Paramilitary"
        prefix = doc[start : span.start]
        if not prefix or not all(t.is_title for t in prefix) or any(country_code(t.text) for t in prefix):
            return None
        name = doc[start:end]
        if kb.resolve_alias(name.text):
            return None
        if _abbreviation_after(doc, end) == span.kb_id_:  # "pro-Castro Army of National Liberation (ELN)"
            return known_actor(name, span.kb_id_)
        return new_actor(name)

    @staticmethod
    def _another_states(doc: Doc, span: Span) -> Span | None:
        """A new actor for another state's body of the same name: "the Venezuelan [National Guard]" is
        not El Salvador's, the KB's; the KB's ``country`` says whose body an actor is."""
        country = kb.actor_countries().get(span.kb_id_)
        if country is None or span.start == 0:
            return None
        for start in (span.start - 2, span.start - 1):  # "South African", "Venezuelan"
            words = doc[max(0, start) : span.start]
            if all(t.is_title or t.is_upper for t in words):
                code = country_code(words.text)
                if code and code != country:
                    name = doc[words.start : span.end]
                    return new_actor(name)
        return None

    def _unknown_groups(self, doc: Doc) -> list[Span]:
        found: list[Span] = []
        introduced = self.unknown(doc) if _positions(doc, self.intro_words, LOWER) else []
        for _, start, end in introduced:
            name = doc[start : _name_end(doc, end)]
            while name and not name[0].is_title:
                name = name[1:]
            if not name or name.start == start or kb.resolve_alias(name.text) or _names_a_day(name):
                continue
            if _describes_another_noun(doc[start], name):
                continue
            found.append(new_actor(name))
        found += self._defined_abbreviations(doc)
        found += self._described_groups(doc)
        found += _named_units(doc)
        for ent in doc.ents:
            if ent.label_ != "ORG" or ent[-1].lower_ not in GROUP_HEADS or len(ent) < 2:
                continue
            body = ent[1:] if ent[0].lower_ == "the" else ent
            if not kb.resolve_alias(body.text):
                found.append(new_actor(body))
        return found

    def _generic(self, doc: Doc) -> list[Span]:
        """ "the army", "Nigerian security forces", "death squads": actors named by what they are."""
        out = []
        # filter_spans keeps the longest of overlapping names, as the Matcher's greedy="LONGEST" did
        matches = self.generic(doc)
        national = doc.vocab.strings["NATIONAL"]
        alone = {(s, e) for m, s, e in matches if m == national}  # "troops" without a state's adjective
        names = _after_nationality(doc, matches)
        for name in filter_spans([n for n in names if (n.start, n.end) not in alone]):
            start, end = name.start, name.end
            if self._describes_a_noun(doc[end - 1]):
                continue
            demonym = _possessing_state(doc, start)  # "Israel's military" is the Israeli military
            if demonym and (known := kb.resolve_alias(f"{demonym} {name.text}")):
                out.append(known_actor(name, known))
                continue
            span = new_actor(doc[start:end], f"{demonym} {name.text}" if demonym else None)
            for cut in range(start, end):  # "Salvadoran military" is the "Salvadoran armed forces"
                body = self.same_body.get(doc[cut:end].text.lower())
                if body:
                    words = [demonym] if demonym else [t.text for t in doc[start:cut]]
                    span = new_actor(doc[start:end], " ".join([*words, body]))
                    break
            out.append(span)
        return out

    def _describes_a_noun(self, word: Token) -> bool:
        """ "military" in "military groups": a force's name used as a modifier of a noun that is not
        its people (``members`` in kb/generic_actors.yaml) describes that noun."""
        head = word.head
        return (
            word.dep_ in {"amod", "compound", "nmod"}
            and head.i > word.i
            and head.pos_ in {"NOUN", "PROPN"}
            and head.lower_ not in self.member_nouns
        )

    def _defined_abbreviations(self, doc: Doc) -> list[Span]:
        """ "Coordinadora Arauco-Malleco (CAM)": the name, and every later "CAM", as one actor.

        Both unknown: a new actor. A KB name with an abbreviation the KB lacks ("Zarate Willka Armed
        Forces of Liberation [FAL]"): every "FAL" is that actor. A KB abbreviation after a name the KB
        lacks ("Pro-Castro Army of National Liberation (ELN)"): the name is the abbreviation's actor.
        Wire transcripts bracket the abbreviation as often as they parenthesise it.
        """
        found: list[Span] = []
        for i in _positions(doc, ABBR_OPENERS):
            abbr = _bracketed_acronym(doc, i)
            if abbr is None:
                continue
            name = _name_before(doc, i)
            if name is None:
                continue
            name_id, abbr_id = kb.resolve_alias(name.text), kb.resolve_alias(abbr.text)
            if name_id and abbr_id:
                continue
            if abbr_id:
                found.append(known_actor(name, abbr_id))
                continue
            named = known_actor(name, name_id) if name_id else new_actor(name)
            found.append(named)
            found += [
                Span(doc, at, at + len(abbr), label=named.label_, kb_id=named.kb_id_)
                for at in _occurrences(doc, abbr)
            ]
        return found

    def _described_groups(self, doc: Doc) -> list[Span]:
        """ "Weichan Auka Mapu, a radical Mapuche group, ...": a name described as a group."""
        found: list[Span] = []
        for i in _positions(doc, COMMA):
            token = doc[i]
            if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ not in {"a", "an"}:
                continue
            window = doc[token.i + 2 : min(token.i + 8, len(doc))]
            if not any(t.lower_ in INTRO_NOUNS | GROUP_HEADS | DESCRIBED_BODIES for t in window):
                continue
            name = _name_before(doc, token.i)
            if name is None or kb.resolve_alias(name.text):
                continue
            if name.root.ent_type_ != "PERSON" or _set_beside_as_a_group(name, window):
                found.append(new_actor(name))
        return found

    def _branches_for_parents(self, spans: list[Span]) -> list[Span]:
        ids = {s.kb_id_ for s in spans}
        branch_of: dict[str, list[str]] = {}
        for child in ids:
            if child in self.parents:
                branch_of.setdefault(self.parents[child], []).append(child)
        out = []
        for span in spans:
            branches = [b for b in branch_of.get(span.kb_id_, []) if self._shortens(span.text, b)]
            if len(branches) == 1 and not self._named_as_the_whole(span):
                span = Span(span.doc, span.start, span.end, label=span.label_, kb_id=branches[0])
            out.append(span)
        return out

    def _named_as_the_whole(self, span: Span) -> bool:
        """ "Jamaat-ul-Ahrar, a TTP faction", "ISKP, the Afghan branch of the Islamic State": the parent
        named as what a group set beside it is part of is the parent itself ("Islamic State affiliate
        claims ...", with no name beside it, is still the branch)."""
        root = span.root
        if root.dep_ in {"compound", "poss"}:
            noun = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of":
            noun = root.head.head
        else:
            return False
        return noun.lemma_.lower() in self.parent_nouns and noun.dep_ in {"appos", "attr"}

    @staticmethod
    def _shortens(text: str, branch: str) -> bool:
        """ "ISIS" shortens "ISIS-K" and "Islamic State" "Islamic State Khorasan"; "Taliban" is no Haqqani,
        and no "Taliban intelligence": a name that goes on in lower case is the parent's body, described."""
        return begins_name(text, branch, proper=True)


@Language.factory("claimgraph_actors")
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)
