"""Batch extraction on Dask: documents/s and words/s for 1 and 2 workers against one plain process.

Input: the SATP incident reports in ../shared/data/satp/, repeated in order until there are
``--docs`` documents (default 20,000; repeats are analysed again, not deduplicated). Three runs over
the same documents:

1. one process: ``Analyzer.pipe`` in this process, no Dask;
2. ``claimgraph batch`` machinery (``run_batch``) on a LocalCluster of 1 worker;
3. the same on a LocalCluster of 2 workers.

Cluster start-up and model loading are left out of the timings (the workers load the Analyzer before
the clock starts); writing the Parquet shards is included. Peak memory is each worker's maximum
resident set size. Goal on a 2-core machine: 2 workers >= 1.8x one worker, < 1 GB per worker.

    .venv/bin/python bench/scale.py [--docs N] [--shard-size N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import satp_texts  # noqa: E402

from claimgraph import distributed  # noqa: E402
from claimgraph.model import Document  # noqa: E402
from claimgraph.sources import document_from_text  # noqa: E402


def corpus(n: int) -> list[Document]:
    texts = satp_texts(None)
    return [document_from_text(texts[i % len(texts)], path=f"satp#{i}") for i in range(n)]


def peak_mb() -> float:
    """Peak resident memory of the calling process (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_process(docs: list[Document]) -> tuple[float, dict[str, float]]:
    from claimgraph.pipeline import Analyzer

    analyzer = Analyzer()
    list(analyzer.pipe(docs[:20]))  # warm up, like the workers
    start = time.perf_counter()
    for _ in analyzer.pipe(docs):
        pass
    return time.perf_counter() - start, {"this process": peak_mb()}


def on_dask(docs: list[Document], workers: int, shard_size: int) -> tuple[float, dict[str, float]]:
    with distributed.cluster(None, workers) as client, tempfile.TemporaryDirectory() as out:
        client.register_plugin(distributed._plugin())  # load the Analyzer on every worker first
        warm = docs[:20]
        client.run(lambda: list(distributed.analyzer().pipe(warm)))  # warm up
        start = time.perf_counter()
        result = distributed.run_batch(client, docs, Path(out), shard_size=shard_size, dedupe=False)
        elapsed = time.perf_counter() - start
        assert result.documents == len(docs) and result.written == len(result.shards)
        memory = client.run(peak_mb)
    return elapsed, {f"worker {i + 1}": mb for i, mb in enumerate(memory.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="documents (SATP repeated); default 20000")
    parser.add_argument("--shard-size", type=int, default=200, help="documents per shard")
    args = parser.parse_args()
    docs = corpus(args.docs)
    words = sum(len(d.text.split()) for d in docs)
    print(
        f"input: {len(docs)} documents, {words} words (SATP reports, repeated), shards of {args.shard_size}"
    )

    runs = {"one process (no Dask)": one_process(docs)}
    for n in (1, 2):
        runs[f"Dask, {n} worker{'s' if n > 1 else ''}"] = on_dask(docs, n, args.shard_size)

    base = runs["one process (no Dask)"][0]
    print(f"{'run':<24}{'seconds':>9}{'docs/s':>9}{'words/s':>10}{'vs 1 proc':>11}  peak memory (MB)")
    for name, (seconds, memory) in runs.items():
        mem = ", ".join(f"{k} {v:.0f}" for k, v in memory.items())
        print(
            f"{name:<24}{seconds:>9.1f}{len(docs) / seconds:>9.1f}{words / seconds:>10.0f}"
            f"{base / seconds:>10.2f}x  {mem}"
        )
    one, two = runs["Dask, 1 worker"][0], runs["Dask, 2 workers"][0]
    worst = max(max(m.values()) for name, (_, m) in runs.items() if name.startswith("Dask"))
    print(f"2 workers / 1 worker: {one / two:.2f}x (goal >= 1.8x); largest worker peak: {worst:.0f} MB")


if __name__ == "__main__":
    main()
