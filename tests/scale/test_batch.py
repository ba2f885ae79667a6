"""`claimgraph batch` on a Dask LocalCluster of 2 workers, then `load`: the ledger `analyze` would make."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import dask
import pyarrow.parquet as pq
import pytest
from articles import ARTICLES, write_jsonl, write_text
from typer.testing import CliRunner
from warcs import http_response, page, record, write_warc

from claimgraph import shards
from claimgraph.cli import app
from claimgraph.distributed import MANIFEST

runner = CliRunner()


def _inputs(root: Path) -> list[Path]:
    """A folder of text files, a JSONL feed (one bad line, one repeat) and a WARC of a crawl."""
    folder = write_text(root / "folder", ["hilltown", "riverport"])[0].parent
    feed = write_jsonl(
        root / "feed.jsonl",
        [{"id": "l1", "text": ARTICLES["lakeside"], "title": "Lakeside"},
         {"id": "again", "text": (folder / "hilltown.txt").read_text(encoding="utf-8")}],
    )  # fmt: skip
    with feed.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    body = ARTICLES["stonebridge"].partition("\n")[2].split(". ")
    crawl = write_warc(
        root / "crawl.warc.gz",
        [record("warcinfo", "", b"software: test\r\n", "application/warc-fields"),
         http_response("https://news.example/stonebridge",
                       page("Engineers kidnapped", [s + "." for s in body], "2024-03-09")),
         http_response("https://news.example/logo.png", "x", mime="image/png")],
    )  # fmt: skip
    return [folder, feed, crawl]


def _export(db: str) -> dict:
    result = runner.invoke(app, ["export", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_batch_then_load_equals_analyze(tmp_path):
    inputs = _inputs(tmp_path)
    out = tmp_path / "shards"
    cmd = [sys.executable, "-m", "claimgraph.cli", "batch", *map(str, inputs), "--out", str(out),
           "--workers", "2", "--shard-size", "2"]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "shards: 2 (2 written, 0 already there); documents: 4; errors: 1" in proc.stdout
    assert "feed.jsonl:3: not JSON" in proc.stderr

    manifest = json.loads((out / MANIFEST).read_text())
    assert len(manifest["shards"]) == 2 and manifest["documents"] == 4
    for name in manifest["shards"]:
        for noun, schema in shards.SCHEMAS.items():
            assert pq.read_schema(out / name / f"{noun}.parquet").equals(schema, check_metadata=False)

    batch_db, plain_db = f"sqlite:///{tmp_path / 'batch.db'}", f"sqlite:///{tmp_path / 'plain.db'}"
    loaded = runner.invoke(app, ["load", str(out), "--db", batch_db])
    assert loaded.exit_code == 0, loaded.output
    assert "documents: 4 read, 4 new, 0 unchanged" in loaded.stdout
    again = runner.invoke(app, ["load", str(out), "--db", batch_db])
    assert "documents: 4 read, 0 new, 4 unchanged" in again.stdout  # idempotent
    plain = runner.invoke(app, ["analyze", *map(str, inputs), "--db", plain_db])
    assert plain.exit_code == 0, plain.output

    got, want = _export(batch_db), _export(plain_db)
    assert len(got["documents"]) == 4 and got["statements"] and got["incidents"]
    assert {d["url"] for d in got["documents"]} >= {"https://news.example/stonebridge"}
    assert got == want


def test_load_refuses_an_unfinished_batch(tmp_path):
    (tmp_path / "out").mkdir()
    result = runner.invoke(app, ["load", str(tmp_path / "out"), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    assert "no batch.json (the batch has not finished" in result.stderr


@pytest.mark.parametrize("scheduler", ["tcp://127.0.0.1:9"])
def test_batch_names_an_unreachable_scheduler(tmp_path, scheduler):
    write_text(tmp_path / "in", ["hilltown"])
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                                     "--scheduler", scheduler])  # fmt: skip
    assert result.exit_code == 2
    assert f"{scheduler}: cannot reach the Dask scheduler" in result.stderr
