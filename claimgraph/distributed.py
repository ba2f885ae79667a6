"""Batch extraction on a Dask cluster: the same pure ``Analyzer`` over shards of documents.

The client reads the inputs (reading is cheap; parsing is what costs), cuts them into shards of a
fixed number of documents in input order, and sends each shard to the cluster. A worker runs the
``Analyzer`` it loaded once (``AnalyzerPlugin``) and sends back Arrow tables; the client writes
them as one Parquet shard (``claimgraph.shards``). So workers need no shared filesystem, and an
existing cluster (Kubernetes, SLURM, YARN via dask-jobqueue/dask-kubernetes) only needs claimgraph
installed. Shard names follow from their position and the ids of their documents: a run killed
part-way and started again skips the shards already written and ends with the same records. At the
end ``batch.json`` lists the shards in order; ``load`` reads them into a ledger and resolves once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from claimgraph import shards
from claimgraph.model import Document, Extraction
from claimgraph.sources import InputError

if TYPE_CHECKING:
    from distributed import Client

    from claimgraph.ledger import Ledger
    from claimgraph.pipeline import Analyzer

MANIFEST = "batch.json"
SETTINGS = "settings.json"  # written when a batch starts: a resumed run must use the same settings
SHARD_SIZE = 200
_ANALYZERS: dict[bool, Analyzer] = {}  # per worker process, with and without the span tagger


class BatchError(Exception):
    """A batch that cannot run or be loaded; ``str`` is one line."""


def analyzer(tagger: bool = False) -> Analyzer:
    """This process's Analyzer, loaded on first use (spaCy takes seconds to load)."""
    if tagger not in _ANALYZERS:
        from claimgraph.pipeline import Analyzer

        _ANALYZERS[tagger] = Analyzer(tagger=tagger)
    return _ANALYZERS[tagger]


def _plugin(tagger: bool = False):  # noqa: ANN202 - a distributed.WorkerPlugin, imported lazily
    from distributed.diagnostics.plugin import WorkerPlugin

    class AnalyzerPlugin(WorkerPlugin):
        """Loads the Analyzer when a worker starts, not inside its first task."""

        name = f"claimgraph-analyzer{'-tagger' if tagger else ''}"

        def setup(self, worker: object) -> None:
            analyzer(tagger)

    return AnalyzerPlugin()


def analyse(
    documents: list[Document], batch_size: int = 16, tagger: bool = False
) -> tuple[list[Extraction], list[tuple[str, str]]]:
    """Extractions in input order and (label, reason) of documents whose analysis failed."""
    nlp = analyzer(tagger)
    done: list[Extraction] = []
    errors: list[tuple[str, str]] = []
    try:
        done = list(nlp.pipe(documents, batch_size=batch_size))
    except Exception:  # one bad document spoils the batch: go on one by one, naming it
        done = []
        for doc in documents:
            try:
                done.append(nlp.extract(doc))
            except Exception as exc:
                errors.append((_label(doc), f"analysis failed ({type(exc).__name__}: {exc})"))
    return done, errors


def extract_shard(documents: list[Document], tagger: bool = False) -> dict[str, pa.Table]:
    """The task a worker runs: one shard of documents to Arrow tables."""
    extractions, errors = analyse(documents, tagger=tagger)
    return shards.to_tables(shards.Shard(extractions, errors))


def _label(doc: Document) -> str:
    return doc.path or doc.title or doc.id[:12]


# -- planning ---------------------------------------------------------------------------------------


@dataclass
class Plan:
    """Shards in order and the inputs that could not be read (found while planning)."""

    input_errors: list[str] = field(default_factory=list)
    duplicates: int = 0


def plan_shards(
    items: Iterable[Document | InputError], size: int, plan: Plan, dedupe: bool = True
) -> Iterator[tuple[str, list[Document]]]:
    """(shard name, documents) in input order; the name is its position and a digest of its ids."""
    seen: set[str] = set()
    chunk: list[Document] = []
    index = 0

    def named() -> tuple[str, list[Document]]:
        digest = hashlib.sha256("\n".join(d.id for d in chunk).encode()).hexdigest()[:12]
        return f"shard-{index:06d}-{digest}", chunk

    for item in items:
        if isinstance(item, InputError):
            plan.input_errors.append(str(item))
            continue
        if dedupe and item.id in seen:
            plan.duplicates += 1
            continue
        seen.add(item.id)
        chunk.append(item)
        if len(chunk) == size:
            yield named()
            index, chunk = index + 1, []
    if chunk:
        yield named()


# -- running ----------------------------------------------------------------------------------------


@contextmanager
def cluster(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (tcp://HOST:PORT), or of a LocalCluster of processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:  # waits distributed.comm.timeouts.connect (30 s; DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
            client = Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
        except OSError as exc:
            raise BatchError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
        with client:
            yield client
        return
    local = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # spaCy holds the GIL: parallel work needs processes
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with local, Client(local) as client:
        yield client


@dataclass
class BatchResult:
    shards: list[str] = field(default_factory=list)
    written: int = 0
    skipped: int = 0  # already there from an earlier (killed) run
    documents: int = 0
    errors: list[str] = field(default_factory=list)


def run_batch(
    client: Client,
    items: Iterable[Document | InputError],
    out: Path,
    shard_size: int = SHARD_SIZE,
    dedupe: bool = True,
    on_shard: Callable[[BatchResult], None] | None = None,
    tagger: bool = False,
) -> BatchResult:
    """Extract every document on the cluster into Parquet shards under ``out``; resumable.

    ``tagger`` runs the span tagger on the workers too. Shards already written are kept as they are,
    so a run into a folder started with the other setting stops with a ``BatchError`` rather than mix
    the two in one batch.
    """
    from distributed import as_completed

    out.mkdir(parents=True, exist_ok=True)
    check_settings(out, {"tagger": tagger})
    shards.clean_partial(out)
    client.register_plugin(_plugin(tagger))
    window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    result, plan = BatchResult(), Plan()
    running = as_completed()
    names: dict[str, str] = {}  # future key -> shard name

    def finish(future) -> None:  # noqa: ANN001 - a distributed.Future
        shards.write_shard(out / names.pop(future.key), future.result())
        future.release()
        result.written += 1
        if on_shard:
            on_shard(result)

    for name, docs in plan_shards(items, shard_size, plan, dedupe):
        result.shards.append(name)
        result.documents += len(docs)
        if shards.is_complete(out / name):
            result.skipped += 1
            continue
        future = client.submit(extract_shard, docs, tagger, key=f"claimgraph-{name}-{uuid.uuid4().hex[:8]}")
        names[future.key] = name
        running.add(future)
        while running.count() >= window:
            finish(next(running))
    for future in running:
        finish(future)
    shard_errors = [f"{label}: {reason}" for name in result.shards for label, reason in _errors(out / name)]
    result.errors = plan.input_errors + shard_errors
    manifest = {"shards": result.shards, "documents": result.documents, "input_errors": plan.input_errors}
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    tmp.replace(out / MANIFEST)
    return result


def check_settings(out: Path, settings: dict[str, bool]) -> None:
    """Record the batch's settings in ``out``, or check them against those it was started with."""
    path = out / SETTINGS
    if path.is_file():
        try:
            started = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise BatchError(f"{path}: not a batch settings file ({exc})") from None
        for key, value in settings.items():
            if started.get(key, False) != value:
                flag = "with" if started.get(key, False) else "without"
                raise BatchError(
                    f"{out}: this batch was started {flag} --{key}; resume it the same way or use a new --out"
                )
        return
    tmp = out / f".{SETTINGS}.tmp"
    tmp.write_text(json.dumps(settings), encoding="utf-8")
    tmp.replace(path)


def _errors(folder: Path) -> list[tuple[str, str]]:
    import pyarrow.parquet as pq

    table = pq.read_table(folder / "errors.parquet")
    return [(r["label"], r["reason"]) for r in table.to_pylist()]


# -- loading ----------------------------------------------------------------------------------------


def shard_folders(out: Path) -> list[Path]:
    """The shards of a finished batch, in input order (from its ``batch.json``)."""
    manifest = out / MANIFEST
    if not out.is_dir():
        raise BatchError(f"{out}: no such folder")
    if not manifest.is_file():
        raise BatchError(f"{out}: no {MANIFEST} (the batch has not finished: run it again to complete it)")
    try:
        names = json.loads(manifest.read_text(encoding="utf-8"))["shards"]
    except (ValueError, KeyError, TypeError) as exc:
        raise BatchError(f"{manifest}: not a batch manifest ({exc})") from None
    folders = [out / name for name in names]
    missing = [f.name for f in folders if not shards.is_complete(f)]
    if missing:
        raise BatchError(f"{out}: shard {missing[0]} is missing or incomplete ({len(missing)} in all)")
    return folders


@dataclass
class LoadResult:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def load(out: Path, ledger: Ledger, on_document: Callable[[], None] | None = None) -> LoadResult:
    """Store every document of a finished batch (idempotent: stored ids are skipped), then resolve."""
    from claimgraph.ledger import LedgerError

    result = LoadResult()
    for shard in shards.iter_shards(shard_folders(out)):
        result.errors += [f"{label}: {reason}" for label, reason in shard.errors]
        for ex in shard.extractions:
            result.read += 1
            try:
                if ledger.store(ex):
                    result.new += 1
                else:
                    result.unchanged += 1
            except LedgerError as exc:
                result.errors.append(str(exc))
            if on_document:
                on_document()
    if result.new:
        ledger.resolve()
    return result
