"""What the corpus benchmarks share: one `claimgraph extract --jsonl` run, and a largest one-to-one matching.

The benchmarks go through the command line on purpose: they measure what a user gets.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "claimgraph.cli", "extract", "--jsonl"]


def extract_jsonl(records: Iterable[dict], tagger: bool = False) -> tuple[dict[str, dict], str, float]:
    """Run the CLI once over ``{"id", "text", ...}`` records: results by id, stderr, seconds taken.

    ``tagger`` adds ``--tagger``: the trained span tagger runs beside the rules.
    """
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "input.jsonl"
        with feed.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        command = [*CLI, str(feed), *(["--tagger"] if tagger else [])]
        proc = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        seconds = time.perf_counter() - started
    if proc.returncode != 0 and not proc.stdout.strip():
        sys.exit(f"claimgraph extract failed ({proc.returncode}): {proc.stderr.strip()[-600:]}")
    results = (json.loads(line) for line in proc.stdout.splitlines() if line.strip())
    return {str(r["id"]): r for r in results}, proc.stderr, seconds


def max_matching(n_gold: int, n_pred: int, fits: Callable[[int, int], bool]) -> dict[int, int]:
    """Largest one-to-one matching gold -> prediction (augmenting paths, as linear_sum_assignment on 0/1)."""
    edges = [[p for p in range(n_pred) if fits(g, p)] for g in range(n_gold)]
    owner: dict[int, int] = {}  # prediction -> gold

    def augment(g: int, visited: set[int]) -> bool:
        for p in edges[g]:
            if p not in visited:
                visited.add(p)
                if p not in owner or augment(owner[p], visited):
                    owner[p] = g
                    return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


def polnear_fold(filename: str) -> str:
    """``heldout`` for about one PolNeAR article in five (by a stable hash of its name), else ``train``.

    The span tagger (scripts/train_tagger.py) never trains on the held-out fold; bench/polnear.py scores it.
    """
    return "heldout" if zlib.crc32(filename.encode("utf-8")) % 5 == 0 else "train"
