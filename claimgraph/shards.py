"""Parquet shards of extraction records: one schema per noun, written atomically, read back whole.

A shard is a folder ``shard-NNNNNN-DIGEST/`` holding ``documents``, ``actors``, ``incidents``,
``attributions``, ``statements`` and ``errors`` ``.parquet`` files. Every record row carries the
document it was extracted from, so ``read_shard`` gives back one ``Extraction`` per document, in the
order they were analysed, equal to what the Analyzer returned. A shard is written into a hidden
temporary folder and renamed into place: it is either all there or not there at all, which is what
lets a killed batch start again where it stopped.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimgraph.model import (
    Actor,
    Attribution,
    Document,
    Extraction,
    Figure,
    Incident,
    Place,
    Source,
    Span,
    Statement,
    TextSpan,
)

STR, INT, FLOAT = pa.string(), pa.int64(), pa.float64()
STRS = pa.list_(STR)
TEXT_SPAN = pa.struct([("start", INT), ("end", INT), ("text", STR)])
FIGURE = pa.struct([("min", INT), ("max", INT), ("qualifier", STR)])
SPAN = pa.struct([("document", STR), ("start", INT), ("end", INT)])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", STR), ("title", STR), ("outlet", STR), ("url", STR), ("published", pa.date32()),
        ("language", STR), ("path", STR), ("text", STR),
    ]),
    "actors": pa.schema([
        ("document", STR), ("id", STR), ("name", STR), ("kind", STR), ("aliases", STRS),
        ("wikidata", STR), ("region", STR), ("source", STR),
    ]),
    "incidents": pa.schema([
        ("document", STR), ("id", STR), ("type", STR), ("date", pa.date32()), ("date_precision", STR),
        ("place_name", STR), ("place_country", STR), ("place_lat", FLOAT), ("place_lon", FLOAT),
        ("attackers", STRS), ("targets", STRS), ("victims", STRS), ("weapons", STRS),
        ("killed", FIGURE), ("wounded", FIGURE), ("mentions", pa.list_(SPAN)),
    ]),
    "attributions": pa.schema([
        ("document", STR), ("id", STR), ("kind", STR), ("source", TEXT_SPAN), ("cue", TEXT_SPAN),
        ("content", TEXT_SPAN),
    ]),
    "statements": pa.schema([
        ("document", STR), ("id", STR), ("start", INT), ("end", INT), ("sentence", STR),
        ("attribution", STR), ("source_kind", STR), ("source_name", STR), ("source_actor", STR),
        ("source_title", STR), ("cue", STR), ("relation", STR), ("subject", STR), ("object_kind", STR),
        ("object_id", STR), ("polarity", STR), ("certainty", STR), ("quote", STR),
    ]),
    "errors": pa.schema([("label", STR), ("reason", STR)]),
}  # fmt: skip
NOUNS = tuple(SCHEMAS)


@dataclass
class Shard:
    """What one shard holds: per-document extractions in order, and the documents that failed."""

    extractions: list[Extraction] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (label, reason)


# -- records -> rows --------------------------------------------------------------------------------


def _figure(fig: Figure | None) -> dict | None:
    return None if fig is None else {"min": fig.min, "max": fig.max, "qualifier": fig.qualifier}


def _rows(ex: Extraction) -> dict[str, list[dict]]:
    doc = ex.documents[0]
    d = doc.id
    rows: dict[str, list[dict]] = {
        "documents": [{"id": d, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
                       "published": doc.published, "language": doc.language, "path": doc.path,
                       "text": doc.text}],
        "actors": [{"document": d, "id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
                    "wikidata": a.wikidata, "region": a.region, "source": a.source} for a in ex.actors],
        "attributions": [{"document": d, "id": a.id, "kind": a.kind,
                          "source": a.source.to_dict() if a.source else None,
                          "cue": a.cue.to_dict(), "content": a.content.to_dict()} for a in ex.attributions],
    }  # fmt: skip
    rows["incidents"] = [
        {"document": d, "id": i.id, "type": i.type, "date": i.date, "date_precision": i.date_precision,
         **_place(i.place),
         "attackers": list(i.attackers), "targets": list(i.targets), "victims": list(i.victims),
         "weapons": list(i.weapons), "killed": _figure(i.killed), "wounded": _figure(i.wounded),
         "mentions": [m.to_dict() for m in i.mentions]}
        for i in ex.incidents
    ]  # fmt: skip
    rows["statements"] = [
        {"document": d, "id": s.id, "start": s.start, "end": s.end, "sentence": s.sentence,
         "attribution": s.attribution, "source_kind": s.source.kind, "source_name": s.source.name,
         "source_actor": s.source.actor, "source_title": s.source.title, "cue": s.cue,
         "relation": s.relation, "subject": s.subject, "object_kind": next(iter(s.object), "incident"),
         "object_id": next(iter(s.object.values()), None), "polarity": s.polarity,
         "certainty": s.certainty, "quote": s.quote}
        for s in ex.statements
    ]  # fmt: skip
    return rows


def _place(place: Place | None) -> dict:
    names = ("place_name", "place_country", "place_lat", "place_lon")
    values = (place.name, place.country, place.lat, place.lon) if place else (None,) * 4
    return dict(zip(names, values, strict=True))


def to_tables(shard: Shard) -> dict[str, pa.Table]:
    """The Arrow tables of a shard, one per noun (and one of errors)."""
    rows: dict[str, list[dict]] = {noun: [] for noun in NOUNS}
    for ex in shard.extractions:
        for noun, part in _rows(ex).items():
            rows[noun] += part
    rows["errors"] = [{"label": label, "reason": reason} for label, reason in shard.errors]
    return {noun: pa.Table.from_pylist(rows[noun], schema=SCHEMAS[noun]) for noun in NOUNS}


# -- rows -> records --------------------------------------------------------------------------------


def _fig(value: dict | None) -> Figure | None:
    return None if value is None else Figure(value["min"], value["max"], value["qualifier"])


def _tspan(value: dict | None) -> TextSpan | None:
    return None if value is None else TextSpan(value["start"], value["end"], value["text"])


def _incident(r: dict) -> Incident:
    place = None
    if r["place_name"] is not None:
        place = Place(r["place_name"], r["place_country"], r["place_lat"], r["place_lon"])
    return Incident(
        id=r["id"], type=r["type"], date=r["date"], date_precision=r["date_precision"], place=place,
        attackers=r["attackers"], targets=r["targets"], victims=r["victims"], weapons=r["weapons"],
        killed=_fig(r["killed"]), wounded=_fig(r["wounded"]),
        mentions=[Span(m["document"], m["start"], m["end"]) for m in r["mentions"]],
    )  # fmt: skip


def _statement(r: dict) -> Statement:
    return Statement(
        id=r["id"], document=r["document"], start=r["start"], end=r["end"], sentence=r["sentence"],
        attribution=r["attribution"],
        source=Source(r["source_kind"], r["source_name"], r["source_actor"], r["source_title"]),
        cue=r["cue"], relation=r["relation"], subject=r["subject"], object={r["object_kind"]: r["object_id"]},
        polarity=r["polarity"], certainty=r["certainty"], quote=r["quote"],
    )  # fmt: skip


def from_tables(tables: dict[str, pa.Table]) -> Shard:
    """Per-document extractions, in the order the documents were written."""
    rows = {noun: tables[noun].to_pylist() for noun in NOUNS}
    by_doc: dict[str, Extraction] = {}
    for r in rows["documents"]:
        doc = Document(text=r["text"], id=r["id"], title=r["title"], outlet=r["outlet"], url=r["url"],
                       published=r["published"], language=r["language"], path=r["path"])  # fmt: skip
        by_doc.setdefault(doc.id, Extraction(documents=[doc]))
    for r in rows["actors"]:
        actor = Actor(r["id"], r["name"], r["kind"], r["aliases"], r["wikidata"], r["region"], r["source"])
        by_doc[r["document"]].actors.append(actor)
    for r in rows["incidents"]:
        by_doc[r["document"]].incidents.append(_incident(r))
    for r in rows["attributions"]:
        att = Attribution(r["id"], r["document"], r["kind"], _tspan(r["source"]), _tspan(r["cue"]),
                          _tspan(r["content"]))  # fmt: skip
        by_doc[r["document"]].attributions.append(att)
    for r in rows["statements"]:
        by_doc[r["document"]].statements.append(_statement(r))
    errors = [(r["label"], r["reason"]) for r in rows["errors"]]
    return Shard(list(by_doc.values()), errors)


# -- files ------------------------------------------------------------------------------------------


def write_shard(folder: Path, tables: dict[str, pa.Table]) -> None:
    """Write all tables of a shard, then rename the folder into place (atomic on one filesystem)."""
    tmp = folder.parent / f".{folder.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    for noun in NOUNS:
        pq.write_table(tables[noun], tmp / f"{noun}.parquet")
    for file in tmp.iterdir():  # the data is on disk before the rename makes the shard visible
        with open(file, "rb") as handle:
            os.fsync(handle.fileno())
    os.replace(tmp, folder)


def read_shard(folder: Path) -> Shard:
    return from_tables({noun: pq.read_table(folder / f"{noun}.parquet") for noun in NOUNS})


def is_complete(folder: Path) -> bool:
    return all((folder / f"{noun}.parquet").is_file() for noun in NOUNS)


def clean_partial(out: Path) -> None:
    """Remove half-written shards a killed run left behind."""
    for tmp in out.glob(".shard-*.tmp-*"):
        shutil.rmtree(tmp, ignore_errors=True)


def iter_shards(folders: Iterable[Path]) -> Iterator[Shard]:
    for folder in folders:
        yield read_shard(folder)
