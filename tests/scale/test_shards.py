"""Parquet shards give back exactly the extractions written; shard names are stable."""

from __future__ import annotations

from articles import ARTICLES
from records import report

from claimgraph import shards
from claimgraph.distributed import Plan, plan_shards
from claimgraph.model import Document
from claimgraph.sources import InputError, document_from_text


def test_round_trip_of_real_and_hand_made_extractions(tmp_path, analyzer):
    docs = [document_from_text(ARTICLES[name], path=f"{name}.txt") for name in sorted(ARTICLES)]
    extractions = [analyzer.extract(d) for d in docs] + [report("Kech", 3, alias="RF")]
    assert any(ex.statements and ex.attributions and ex.incidents for ex in extractions)
    written = shards.Shard(extractions, [("bad.txt", "binary file, not text")])
    shards.write_shard(tmp_path / "shard-000000-x", shards.to_tables(written))
    back = shards.read_shard(tmp_path / "shard-000000-x")
    assert back == written  # every field of every noun, documents with text, path and date included
    assert not list(tmp_path.glob(".*"))  # no temporary folder left


def test_plan_is_stable_in_input_order_and_collects_errors():
    docs = [Document(text=f"Report number {i} of an attack.") for i in range(5)]
    items = [docs[0], InputError("x.bin", "binary file, not text"), *docs[1:], docs[2]]
    plan = Plan()
    first = list(plan_shards(items, 2, plan))
    ids = [[d.id for d in chunk] for _, chunk in first]
    assert ids == [[docs[0].id, docs[1].id], [docs[2].id, docs[3].id], [docs[4].id]]
    assert plan.input_errors == ["x.bin: binary file, not text"] and plan.duplicates == 1
    again = [name for name, _ in plan_shards(items, 2, Plan())]
    assert again == [name for name, _ in first] and again[0].startswith("shard-000000-")
    changed = [name for name, _ in plan_shards([docs[1], *docs[1:]], 2, Plan())]
    assert changed[0] != again[0]  # other documents, another name: a stale shard is never reused
