"""A batch killed with SIGKILL part-way, started again, ends with exactly the records of a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from articles import ARTICLES, write_jsonl

from claimgraph import shards
from claimgraph.distributed import MANIFEST
from claimgraph.sources import read_paths

DOCS = 16


def _feed(path: Path) -> Path:
    names = sorted(ARTICLES)
    records = []
    for i in range(DOCS):
        head, _, body = ARTICLES[names[i % len(names)]].partition("\n")
        text = head + "\n" + "\n\n".join([body] * 3) + f"\n\nThis is update number {i} of the report."
        records.append({"id": f"r{i}", "text": text})
    return write_jsonl(path, records)


def _batch(feed: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "claimgraph.cli", "batch", str(feed), "--out", str(out),
            "--workers", "1", "--shard-size", "1"]  # fmt: skip


def _written(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("shard-*") if shards.is_complete(p)) if out.exists() else []


def test_killed_batch_resumes_to_the_records_of_a_clean_run(tmp_path, analyzer):
    feed, out = _feed(tmp_path / "feed.jsonl"), tmp_path / "out"
    proc = subprocess.Popen(_batch(feed, out), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 240
    while len(_written(out)) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the client, the local scheduler, the nanny and the worker
    proc.wait(30)
    before = {p.name: p.stat().st_ino for p in _written(out)}
    assert 2 <= len(before) < DOCS, "the batch was not killed part-way"
    assert not (out / MANIFEST).exists()
    (out / ".shard-000003-0123456789ab.tmp-deadbeef").mkdir()  # what a kill during a write leaves

    done = subprocess.run(_batch(feed, out), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"shards: {DOCS} ({DOCS - len(before)} written, {len(before)} already there)" in done.stdout
    assert {n: (out / n).stat().st_ino for n in before} == before  # kept, not written again
    assert not list(out.glob(".shard-*"))

    names = json.loads((out / MANIFEST).read_text())["shards"]
    assert len(names) == DOCS and sorted(p.name for p in out.glob("shard-*")) == names
    got = [ex for name in names for ex in shards.read_shard(out / name).extractions]
    want = [analyzer.extract(doc) for doc in read_paths([feed])]
    assert [ex.to_dict() for ex in got] == [ex.to_dict() for ex in want]
    assert [ex.documents for ex in got] == [ex.documents for ex in want]  # paths and texts too
