"""The attribution board: for one incident, who is said to be behind it, by whom.

It weighs nothing and decides nothing. It lays the competing claims, allegations
and denials side by side, grouped by the kind of source that makes them, and
raises flags for what a hurried reader would miss (a claim nobody heard from the
claimant, an allegation only the author makes). Pure: statements in, board out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimgraph import kb
from claimgraph.model import SOURCE_KINDS, Actor, Incident, Statement

FLAG_SECOND_HAND = "claim known only second-hand"
FLAG_NO_NAMED_SOURCE = "no named source speaks about this incident"
FLAG_AUTHOR_ONLY = "allegation made only by the author"
FLAG_CONTRADICTION = "contradicting statements"
FLAGS = (FLAG_SECOND_HAND, FLAG_NO_NAMED_SOURCE, FLAG_AUTHOR_ONLY, FLAG_CONTRADICTION)

CANDIDATE_RELATIONS = ("claimed", "perpetrated", "facilitated", "denied")
NAMED_SOURCE_KINDS = ("person", "organization", "report")


@dataclass
class Entry:
    """One statement as the board shows it: what is said, by whom, how sure, where."""

    statement: str
    relation: str
    polarity: str
    certainty: str
    source_kind: str
    source_name: str | None
    source_title: str | None
    cue: str | None
    quote: str
    sentence: str
    document: str
    start: int
    end: int

    @classmethod
    def of(cls, st: Statement) -> Entry:
        return cls(
            statement=st.id,
            relation=st.relation,
            polarity=st.polarity,
            certainty=st.certainty,
            source_kind=st.source.kind,
            source_name=st.source.name,
            source_title=st.source.title,
            cue=st.cue,
            quote=st.quote,
            sentence=st.sentence,
            document=st.document,
            start=st.start,
            end=st.end,
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def by_source_kind(entries: list[Entry]) -> dict[str, list[Entry]]:
    """Entries by source kind, in the order of SOURCE_KINDS (unknown kinds last, empty kinds left out)."""
    present = {e.source_kind for e in entries}
    kinds = [k for k in SOURCE_KINDS if k in present] + sorted(present - set(SOURCE_KINDS))
    return {k: [e for e in entries if e.source_kind == k] for k in kinds}


@dataclass
class Candidate:
    """An actor someone says claimed, did, helped with or denied the incident."""

    actor: str
    name: str
    kind: str | None
    claims: list[Entry] = field(default_factory=list)  # positive "claimed"
    allegations: list[Entry] = field(default_factory=list)
    denials: list[Entry] = field(default_factory=list)  # "denied", and any negated claim/allegation
    flags: list[str] = field(default_factory=list)

    @property
    def markers(self) -> list[str]:
        """Short relation markers for tables: claimed / alleged / denied."""
        out = []
        if self.claims:
            out.append("claimed")
        if self.allegations:
            out.append("alleged")
        if self.denials:
            out.append("denied")
        return out

    def to_dict(self) -> dict[str, Any]:
        def groups(entries: list[Entry]) -> dict[str, list[dict[str, Any]]]:
            return {k: [e.to_dict() for e in v] for k, v in by_source_kind(entries).items()}

        return {
            "actor": self.actor,
            "name": self.name,
            "kind": self.kind,
            "claims": groups(self.claims),
            "allegations": groups(self.allegations),
            "denials": groups(self.denials),
            "flags": list(self.flags),
        }


@dataclass
class Board:
    incident: Incident
    candidates: list[Candidate]
    flags: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "incident": self.incident.to_dict(),
            "candidates": [c.to_dict() for c in self.candidates],
            "flags": list(self.flags),
        }


def build_board(incident: Incident, statements: list[Statement], actors: dict[str, Actor]) -> Board:
    """The board of ``incident`` from the statements about it (others are ignored)."""
    about = [s for s in statements if s.object.get("incident") == incident.id]
    candidates: dict[str, Candidate] = {}
    for st in about:
        if st.relation not in CANDIDATE_RELATIONS:
            continue
        cand = candidates.get(st.subject)
        if cand is None:
            actor = actors.get(st.subject)
            cand = Candidate(st.subject, actor.name if actor else st.subject, actor.kind if actor else None)
            candidates[st.subject] = cand
        entry = Entry.of(st)
        # "X was not behind it" rebuts rather than alleges: it sits with the denials.
        if st.relation == "denied" or st.polarity == "negative":
            cand.denials.append(entry)
        elif st.relation == "claimed":
            cand.claims.append(entry)
        else:
            cand.allegations.append(entry)

    for cand in candidates.values():
        cand.flags = _candidate_flags(cand)

    flags = []
    claims = [e for c in candidates.values() for e in c.claims]
    if claims and all(e.source_kind != "claimant" for e in claims):
        flags.append(FLAG_SECOND_HAND)
    imputed = set(kb.load("cues")["imputed"])
    if not any(s.source.kind in NAMED_SOURCE_KINDS and s.source.name and s.cue not in imputed for s in about):
        flags.append(FLAG_NO_NAMED_SOURCE)
    for flag in (FLAG_AUTHOR_ONLY, FLAG_CONTRADICTION):
        if any(flag in c.flags for c in candidates.values()):
            flags.append(flag)
    return Board(incident=incident, candidates=list(candidates.values()), flags=flags)


def _candidate_flags(cand: Candidate) -> list[str]:
    flags = []
    if cand.claims and all(e.source_kind != "claimant" for e in cand.claims):
        flags.append(FLAG_SECOND_HAND)
    if cand.allegations and all(e.source_kind == "author" for e in cand.allegations):
        flags.append(FLAG_AUTHOR_ONLY)
    if (cand.claims or cand.allegations) and cand.denials:
        flags.append(FLAG_CONTRADICTION)
    return flags
