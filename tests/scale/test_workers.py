"""`analyze --workers 2` really runs two parsing processes, and stores what `--workers 1` stores."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import psutil
from articles import write_text
from typer.testing import CliRunner

from claimgraph.cli import app

runner = CliRunner()


def _export(db: str) -> dict:
    return json.loads(runner.invoke(app, ["export", "--db", db]).stdout)


def test_two_workers_store_what_one_stores(tmp_path):
    folder = write_text(tmp_path / "in", ["hilltown", "riverport", "lakeside", "stonebridge"], repeat=2)[
        0
    ].parent
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    cmd = [sys.executable, "-m", "claimgraph.cli", "analyze", str(folder), "--db", two, "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    most = 0
    while proc.poll() is None:
        try:
            kids = psutil.Process(proc.pid).children(recursive=True)
            most = max(most, sum(1 for k in kids if "python" in k.name().lower()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read()
    assert most >= 2  # spaCy's n_process: the parsing runs in two child processes
    assert runner.invoke(app, ["analyze", str(folder), "--db", one, "--workers", "1"]).exit_code == 0
    got, want = _export(two), _export(one)
    assert len(want["documents"]) == 4 and want["statements"]
    assert got == want
