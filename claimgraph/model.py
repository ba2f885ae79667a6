"""The nouns of claimgraph (see DESIGN.md) and their JSON form.

Plain dataclasses: every stage passes these, the ledger stores them, exports
read them. ``to_dict`` gives the stable JSON contract of DESIGN.md.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

RELATIONS = ("claimed", "perpetrated", "facilitated", "denied", "cooperates_with", "part_of")
SOURCE_KINDS = ("author", "person", "organization", "report", "anonymous", "claimant")
QUOTE_KINDS = ("direct", "indirect", "mixed", "none")
POLARITIES = ("positive", "negative")
# ICD 203 estimative-probability bands, most to least likely, plus a plain assertion.
CERTAINTIES = (
    "asserted",
    "almost certain",
    "very likely",
    "likely",
    "roughly even",
    "unlikely",
    "very unlikely",
    "almost no chance",
)


def normalise_text(text: str) -> str:
    """The form a document is hashed in: NFC, unified newlines, trimmed lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def document_id(text: str) -> str:
    """Document id: sha256 of the normalised text, so re-reading changes nothing."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short deterministic id from the parts that define a record."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:length]


@dataclass
class Document:
    text: str
    id: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str = "en"
    path: str | None = None  # where it was read from; not part of the identity

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "outlet": self.outlet,
        }


@dataclass(frozen=True)
class Span:
    """Character offsets into ``Document.text`` (Python string indices)."""

    document: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class TextSpan:
    """A span inside the current document, with its text (attribution parts)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # organization, state, agency, institution, person, unknown-group
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    region: str | None = None
    source: str | None = None  # where the KB entry comes from

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "wikidata": self.wikidata,
        }


@dataclass
class Figure:
    """A reported count: "at least 62" is min=62, max=None, qualifier="at least"."""

    min: int | None
    max: int | None = None
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Incident:
    id: str
    type: str
    date: date | None = None
    date_precision: str | None = None  # day, month, year
    place: Place | None = None
    attackers: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    killed: Figure | None = None
    wounded: Figure | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "place": self.place.to_dict() if self.place else None,
            "attackers": list(self.attackers),
            "targets": list(self.targets),
            "victims": list(self.victims),
            "weapons": list(self.weapons),
            "killed": self.killed.to_dict() if self.killed else None,
            "wounded": self.wounded.to_dict() if self.wounded else None,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class Attribution:
    """One who-says-what in a text, about anything (PARC / PolNeAR style)."""

    id: str
    document: str
    kind: str  # direct, indirect, mixed
    source: TextSpan | None
    cue: TextSpan
    content: TextSpan

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "kind": self.kind,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
        }


@dataclass
class Source:
    """Who asserts a statement."""

    kind: str  # one of SOURCE_KINDS
    name: str | None = None
    actor: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Statement:
    """One claim about responsibility or a tie between actors, with its evidence."""

    id: str
    document: str
    start: int
    end: int
    sentence: str
    attribution: str | None
    source: Source
    cue: str | None
    relation: str  # one of RELATIONS
    subject: str  # actor id
    object: dict[str, str | None]  # {"incident": id} or {"actor": id}; {"incident": None} if unknown
    polarity: str = "positive"
    certainty: str = "asserted"
    quote: str = "none"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "attribution": self.attribution,
            "source": self.source.to_dict(),
            "cue": self.cue,
            "relation": self.relation,
            "subject": self.subject,
            "object": dict(self.object),
            "polarity": self.polarity,
            "certainty": self.certainty,
            "quote": self.quote,
        }


@dataclass
class Extraction:
    """Everything read from one or more documents: the JSON contract of DESIGN.md."""

    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": [d.to_dict() for d in self.documents],
            "actors": [a.to_dict() for a in self.actors],
            "incidents": [i.to_dict() for i in self.incidents],
            "attributions": [a.to_dict() for a in self.attributions],
            "statements": [s.to_dict() for s in self.statements],
        }
