"""Two writers on one ledger, on overlapping inputs: no duplicates, nothing lost (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys

from articles import write_text
from records import report

from claimgraph.ledger import Ledger
from claimgraph.sources import read_paths

TOWNS = [f"Town{i:02d}" for i in range(40)]


def _writer(url: str, towns: list[str], barrier) -> None:  # noqa: ANN001 - a multiprocessing.Barrier
    barrier.wait()
    with Ledger(url) as led:  # both processes also create the schema at once
        for town in towns:
            led.store(report(town, 2 + TOWNS.index(town) % 5, alias=f"RF of {town}"))


def test_two_processes_storing_overlapping_documents(ledger_url):
    first, second = TOWNS[:28], list(reversed(TOWNS[12:]))  # 16 documents both store
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(ledger_url, towns, barrier)) for towns in (first, second)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    with Ledger(ledger_url) as led:
        counts = led.counts()
        del counts["incidents"]  # merged across documents: how many is resolution's business
        assert counts == {"documents": 40, "actors": 1, "attributions": 0, "statements": 40}
        [actor] = led.actors(raw=True)
        assert sorted(actor.aliases) == sorted(f"RF of {t}" for t in TOWNS)  # no update of it was lost
        assert len(led.reports()) == 40
        assert sorted(len(i.mentions) for i in led.reports()) == [1] * 40  # no doubled mention


def _export(url: str) -> dict:
    with Ledger(url) as led:
        data = json.loads(json.dumps(led.extraction().to_dict(), default=str))
    for key in data:
        data[key] = sorted(data[key], key=lambda r: json.dumps(r, sort_keys=True))
    return data


def test_two_analyze_commands_on_overlapping_folders(ledger_url, tmp_path, analyzer):
    one = write_text(tmp_path / "a", ["hilltown", "riverport", "lakeside"])
    two = write_text(tmp_path / "b", ["riverport", "lakeside", "stonebridge"])
    cmd = [sys.executable, "-m", "claimgraph.cli", "analyze", "--db", ledger_url]
    procs = [subprocess.Popen([*cmd, str(folder[0].parent)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for folder in (one, two)]  # fmt: skip
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    with Ledger(reference) as led:
        for doc in read_paths([one[0].parent, two[-1]]):
            led.store(analyzer.extract(doc))
        led.resolve()
    got, want = _export(ledger_url), _export(reference)
    assert len(got["documents"]) == 4 and got["statements"]
    assert got == want
