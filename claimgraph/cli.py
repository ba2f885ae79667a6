"""The ``claimgraph`` command line (Typer + Rich). The only module that prints.

Every failure a user can cause ends as one line on stderr,
``claimgraph: error: <file>: <reason>``, and exit status 2; a batch goes on past a
bad file and lists it at the end. Set CLAIMGRAPH_DEBUG=1 to see tracebacks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from claimgraph.analysis.ach import OTHER, VALUES, Matrix, build_matrix
from claimgraph.analysis.board import Board
from claimgraph.analysis.grading import CREDIBILITY, RELIABILITY, grade, source_key
from claimgraph.export.csv import STATEMENT_COLUMNS, incidents_csv, statements_csv
from claimgraph.export.json import to_json, to_json_line
from claimgraph.ledger import DEFAULT_URL, Ledger, LedgerError
from claimgraph.model import Document, Extraction
from claimgraph.sources import InputError, read_file, read_paths
from claimgraph.terminal import (
    ach_csv,
    ach_table,
    board_tree,
    document_label,
    facts_tree,
    incident_boards,
    incident_table,
    timeline_tree,
)

if TYPE_CHECKING:
    from claimgraph.pipeline import Analyzer

app = typer.Typer(
    name="claimgraph",
    help="A sourced attribution ledger for reports of political violence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped or captured, Rich would fall back to 80 columns: too narrow for the incident table.
_columns = os.environ.get("COLUMNS", "")
_width = None if sys.stdout.isatty() else int(_columns) if _columns.isdigit() else 120
out = Console(highlight=False, width=_width)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", envvar="CLAIMGRAPH_DB", help="SQLAlchemy database URL.")]
TaggerOption = Annotated[
    bool,
    typer.Option(
        "--tagger",
        help="Also run the trained span tagger (claimgraph/models): more accurate attributions and "
        "incident roles, about three times slower.",
    ),
]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (resolves 'last Friday').")
]
CSV_COLUMNS = STATEMENT_COLUMNS  # the columns of `export --format csv` (one row per statement)


class ExtractFormat(StrEnum):
    json = "json"


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"  # one row per statement
    csv_incidents = "csv-incidents"  # one row per incident, GTD-like columns
    stix = "stix"  # STIX 2.1 bundle


class Failure(Exception):
    """A user-caused failure: one line on stderr, exit status 2."""


def _error(message: str) -> None:
    err.print(f"claimgraph: error: {message}", markup=False)


@contextmanager
def _guard() -> Iterator[None]:
    """Turn every failure into one line and an exit status, never a traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except (Failure, InputError, LedgerError) as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("claimgraph: interrupted", markup=False)
        raise typer.Exit(130) from None
    except Exception as exc:
        if os.environ.get("CLAIMGRAPH_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc}")
        raise typer.Exit(1) from None


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Failure(f"--published: not a date (YYYY-MM-DD): {value!r}") from None


@lru_cache(maxsize=2)
def _analyzer(tagger: bool = False) -> Analyzer:
    """Loaded once per process: loading spaCy is the slowest thing we do."""
    from claimgraph.pipeline import Analyzer

    return Analyzer(tagger=tagger)


def _write(text: str) -> None:
    """Data (JSON, CSV) goes to stdout untouched: no wrapping, no markup."""
    out.file.write(text if text.endswith("\n") else text + "\n")
    out.file.flush()


def _merge(extractions: Iterable[Extraction]) -> Extraction:
    merged = Extraction()
    for ex in extractions:
        merged.documents += ex.documents
        known = {a.id for a in merged.actors}
        merged.actors += [a for a in ex.actors if a.id not in known]
        merged.incidents += ex.incidents
        merged.attributions += ex.attributions
        merged.statements += ex.statements
    return merged


def _record_id(doc: Document, file: Path) -> str:
    """The input id of a JSONL record: what follows ``<file>#`` in Document.path."""
    path = doc.path or ""
    prefix = f"{file}#"
    if path.startswith(prefix):
        return path[len(prefix) :]
    return path.rpartition("#")[2] if "#" in path else doc.id


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A text, HTML, JSONL or CSV file.")],
    published: PublishedOption = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.json,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="FILE is JSONL: one result per line.")] = False,
    tagger: TaggerOption = False,
) -> None:
    """Analyse one document (no database) and write JSON on stdout."""
    with _guard():
        when = _date(published)
        if not jsonl:
            docs = read_file(file, published=when)
            _write(to_json(_merge(_analyzer(tagger).extract(d) for d in docs)))
            return
        good = 0

        def records() -> Iterator[Document]:
            for item in read_paths([file], published=when):
                if isinstance(item, InputError):
                    _error(str(item))
                else:
                    yield item

        for item in _analyzer(tagger).pipe(records()):  # batched: spaCy is much faster on batches
            _write(to_json_line(item, _record_id(item.documents[0], file)))
            good += 1
        if not good:
            raise Failure(f"{file}: no record could be read")


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)


def _analyse(
    docs: list[Document], workers: int, tagger: bool = False
) -> Iterator[tuple[Document, Extraction | Exception]]:
    """(document, extraction or the error that stopped it), in input order."""
    if not docs:
        return
    analyzer = _analyzer(tagger)
    done = 0
    if len(docs) > 1:
        try:
            for ex in analyzer.pipe(docs, n_process=workers):
                yield docs[done], ex
                done += 1
        except Exception as exc:  # a document or a worker failed: name it, go on one by one
            yield docs[done], exc
            done += 1
    for doc in docs[done:]:
        try:
            yield doc, analyzer.extract(doc)
        except Exception as exc:
            yield doc, exc


def _ingest(
    paths: list[Path], ledger: Ledger, workers: int, published: date | None, tagger: bool = False
) -> Summary:
    """Read, analyse and store; each document is stored as soon as it is analysed."""
    summary = Summary(before=ledger.counts())
    docs: list[Document] = []
    for item in read_paths(paths, published=published):
        if isinstance(item, InputError):
            summary.errors.append(str(item))
        else:
            docs.append(item)
    summary.read = len(docs)
    todo, seen = [], set()
    for doc in docs:
        if doc.id in seen or ledger.has_document(doc.id):
            summary.unchanged += 1
        else:
            seen.add(doc.id)
            todo.append(doc)
    columns = (TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=not err.is_terminal) as progress:
        task = progress.add_task("analysing", total=len(todo))
        for doc, result in _analyse(todo, workers, tagger):
            if isinstance(result, Exception):
                summary.errors.append(
                    f"{document_label(doc)}: analysis failed ({type(result).__name__}: {result})"
                )
            else:
                try:
                    if ledger.store(result):
                        summary.new += 1
                    else:
                        summary.unchanged += 1
                except LedgerError as exc:
                    summary.errors.append(str(exc))
            progress.advance(task)
    if summary.new:
        ledger.resolve()  # the resolve step: reports of one attack across documents become one incident
    summary.after = ledger.counts()
    return summary


def _report(summary: Summary) -> None:
    a, b = summary.after, summary.before
    out.print(
        f"documents: {summary.read} read, {summary.new} new, {summary.unchanged} unchanged; "
        f"incidents: {a['incidents']} (+{a['incidents'] - b['incidents']}); "
        f"statements: {a['statements']} (+{a['statements'] - b['statements']}); "
        f"errors: {len(summary.errors)}",
        markup=False,
        soft_wrap=True,
    )
    for line in summary.errors:
        _error(line)


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to ingest.")],
    db: DbOption = DEFAULT_URL,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for spaCy.")] = 1,
    published: PublishedOption = None,
    tagger: TaggerOption = False,
) -> None:
    """Ingest files and folders into the ledger."""
    with _guard():
        when = _date(published)
        with Ledger(db) as ledger:
            summary = _ingest(paths, ledger, workers, when, tagger)
        _report(summary)
        if summary.read == 0:
            raise typer.Exit(2)


@app.command()
def batch(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (text, HTML, JSONL, CSV, WARC).")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Folder for the Parquet shards.")],
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", envvar="DASK_SCHEDULER_ADDRESS", help="A running Dask scheduler, tcp://HOST:PORT."
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Local cluster processes.")] = 2,
    shard_size: Annotated[int, typer.Option("--shard-size", min=1, help="Documents per shard.")] = 200,
    published: PublishedOption = None,
    tagger: TaggerOption = False,
) -> None:
    """Extract on a Dask cluster into Parquet shards (resumable); then `claimgraph load`."""
    with _guard():
        from claimgraph import distributed as dist

        when = _date(published)
        try:
            with dist.cluster(scheduler, workers) as client:
                docs = read_paths(paths, published=when)
                result = dist.run_batch(client, docs, out_dir, shard_size, tagger=tagger)
        except dist.BatchError as exc:
            raise Failure(str(exc)) from None
        out.print(
            f"shards: {len(result.shards)} ({result.written} written, {result.skipped} already there); "
            f"documents: {result.documents}; errors: {len(result.errors)}; in {out_dir}",
            markup=False,
            soft_wrap=True,
        )
        for line in result.errors:
            _error(line)
        if result.documents == 0:
            raise typer.Exit(2)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="The --out folder of a finished `claimgraph batch`.")],
    db: DbOption = DEFAULT_URL,
) -> None:
    """Load a batch's Parquet shards into the ledger (stored documents are skipped), then resolve."""
    with _guard():
        from claimgraph import distributed as dist

        with Ledger(db) as ledger:
            summary = Summary(before=ledger.counts())
            try:
                result = dist.load(folder, ledger)
            except dist.BatchError as exc:
                raise Failure(str(exc)) from None
            summary.read, summary.new, summary.unchanged = result.read, result.new, result.unchanged
            summary.errors, summary.after = result.errors, ledger.counts()
        _report(summary)


@app.command()
def incidents(db: DbOption = DEFAULT_URL) -> None:
    """List the incidents in the ledger with their candidate perpetrators."""
    with _guard(), Ledger(db, create=False) as ledger:
        out.print(incident_table(incident_boards(ledger, ledger.incidents())))


def _show(ledger: Ledger, board: Board) -> None:
    out.print(facts_tree(board.incident, ledger))
    merged = ledger.merged_incident(board.incident.id)
    if merged is not None:
        out.print(timeline_tree(merged, ledger))
    out.print(board_tree(board))


@app.command()
def show(
    incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix (6+ characters).")],
    db: DbOption = DEFAULT_URL,
) -> None:
    """Show one incident: its facts with provenance and its attribution board."""
    with _guard(), Ledger(db, create=False) as ledger:
        inc = ledger.incident(incident_id)
        if inc is None:
            raise Failure(f"{incident_id}: no such incident (or the prefix is ambiguous)")
        _show(ledger, incident_boards(ledger, [inc])[0])


def _export_text(fmt: ExportFormat, ledger: Ledger) -> str:
    extraction = ledger.extraction()
    if fmt is ExportFormat.stix:
        from claimgraph.export.stix import to_stix_json  # stix2 is slow to import: only when asked

        reliability = {k: str(j.value) for k, j in ledger.source_grades().items()}
        credibility = {k: int(j.value) for k, j in ledger.statement_grades().items()}
        return to_stix_json(extraction, reliability=reliability, credibility=credibility) + "\n"
    if fmt is ExportFormat.csv:
        return statements_csv(extraction)
    if fmt is ExportFormat.csv_incidents:
        return incidents_csv(extraction)
    return to_json(extraction) + "\n"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Export the whole ledger: JSON (DESIGN.md), CSV (per statement or per incident), STIX 2.1."""
    with _guard(), Ledger(db, create=False) as ledger:
        text = _export_text(fmt, ledger)
        if output is None:
            _write(text)
            return
        try:
            output.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise Failure(f"{output}: cannot write ({exc.strerror or exc})") from None


@app.command()
def serve(
    db: DbOption = DEFAULT_URL,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback, or any with a token).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[
        str | None, typer.Option("--token", envvar="CLAIMGRAPH_TOKEN", help="Required of every request.")
    ] = None,
) -> None:
    """Serve the analyst's web app and JSON API over the ledger."""
    with _guard():
        import uvicorn

        from claimgraph.web import create_app
        from claimgraph.web.security import BindError, check_bind

        try:
            check_bind(host, token)
        except BindError as exc:
            raise Failure(str(exc)) from None
        web = create_app(db, token=token)
        out.print(f"claimgraph: serving {db} on http://{host}:{port}/", markup=False)
        uvicorn.run(web, host=host, port=port, log_level="warning")


ByOption = Annotated[str, typer.Option("--by", envvar="USER", help="Who decides (kept with the time).")]


@app.command()
def actors(
    db: DbOption = DEFAULT_URL,
    history: Annotated[bool, typer.Option("--history", help="List merge records too.")] = False,
) -> None:
    """List the actors in the ledger with every form they were written in."""
    with _guard(), Ledger(db, create=False) as ledger:
        forms = ledger.surface_forms()
        mapping = ledger.actor_map()
        table = Table(title="Actors")
        for name in ("id", "name", "kind", "written as (documents)", "merged from"):
            table.add_column(name, no_wrap=name == "id")
        for actor in ledger.actors():
            group = [actor.id, *sorted(k for k, v in mapping.items() if v == actor.id)]
            seen = [f"{form} ({n})" for a in group for form, n in forms.get(a, [])]
            table.add_row(actor.id, actor.name, actor.kind, "; ".join(seen), ", ".join(group[1:]))
        out.print(table)
        if history:
            for rec in ledger.merge_history():
                undone = f", undone by {rec['undone_by']} at {rec['undone_at']}" if rec["undone_at"] else ""
                out.print(
                    f"{rec['source']} -> {rec['target']} by {rec['by']} at {rec['at']}{undone}", markup=False
                )


@app.command("merge-actors")
def merge_actors(
    keep: Annotated[str, typer.Argument(help="The actor id that stays.")],
    other: Annotated[str, typer.Argument(help="The actor id merged into it.")],
    by: ByOption = "analyst",
    reason: Annotated[str | None, typer.Option("--reason", help="Why (kept with the record).")] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Record that OTHER is KEEP: its statements and names go to KEEP (undo with unmerge-actors)."""
    with _guard(), Ledger(db, create=False) as ledger:
        ledger.merge_actors(keep, other, by, reason)
        out.print(f"{other} merged into {keep} (by {by})", markup=False)


@app.command("unmerge-actors")
def unmerge_actors(
    actor: Annotated[str, typer.Argument(help="The actor id to separate again.")],
    by: ByOption = "analyst",
    db: DbOption = DEFAULT_URL,
) -> None:
    """Undo the merge of ACTOR into another (the record stays, marked undone)."""
    with _guard(), Ledger(db, create=False) as ledger:
        if not ledger.unmerge_actor(actor, by):
            raise Failure(f"{actor}: not merged into another actor")
        out.print(f"{actor} stands on its own again (by {by})", markup=False)


def _matrix(ledger: Ledger, incident_id: str) -> Matrix:
    inc = ledger.incident(incident_id)
    if inc is None:
        raise Failure(f"{incident_id}: no such incident (or the prefix is ambiguous)")
    return build_matrix(
        inc,
        ledger.statements(incident_id=inc.id),
        names={a.id: a.name for a in ledger.actors()},
        reliability={k: str(j.value) for k, j in ledger.source_grades().items()},
        credibility={k: int(j.value) for k, j in ledger.statement_grades().items()},
        cells={k: str(j.value) for k, j in ledger.cells().items()},
    )


@app.command()
def ach(
    incident_id: Annotated[str, typer.Argument(help="Incident id or a unique prefix (6+ characters).")],
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV on stdout instead of a table.")] = False,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Analysis of Competing Hypotheses for one incident (Heuer; weighted by Admiralty grades)."""
    with _guard(), Ledger(db, create=False) as ledger:
        matrix = _matrix(ledger, incident_id)
        if as_csv:
            _write(ach_csv(matrix))
            return
        out.print(ach_table(matrix))
        ranking = ", ".join(matrix.names.get(h, h) for h in matrix.ranking())
        out.print(f"least inconsistent first: {ranking}", markup=False)


@app.command("ach-cell")
def ach_cell(
    statement: Annotated[str, typer.Argument(help="Statement id.")],
    hypothesis: Annotated[str, typer.Argument(help=f"Actor id, or {OTHER!r}.")],
    value: Annotated[str, typer.Argument(help="consistent, inconsistent or neutral.")],
    by: ByOption = "analyst",
    db: DbOption = DEFAULT_URL,
) -> None:
    """Set one cell of an ACH matrix (kept with who and when; the latest wins)."""
    with _guard(), Ledger(db, create=False) as ledger:
        if value not in VALUES:
            raise Failure(f"{value}: not one of {', '.join(VALUES)}")
        ledger.set_cell(statement, hypothesis, value, by)
        out.print(f"{statement} / {hypothesis}: {value} (by {by})", markup=False)


@app.command("grade")
def grade_cmd(
    statement: Annotated[str, typer.Argument(help="Statement id: grades its source and itself.")],
    reliability: Annotated[str | None, typer.Option("--reliability", "-r", help="Source: A-F.")] = None,
    credibility: Annotated[int | None, typer.Option("--credibility", "-c", help="Statement: 1-6.")] = None,
    by: ByOption = "analyst",
    note: Annotated[str | None, typer.Option("--note", help="Why (kept with the grade).")] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Show or override the Admiralty grade of a statement (reliability of its source, its credibility)."""
    with _guard(), Ledger(db, create=False) as ledger:
        if reliability is not None and reliability.upper() not in RELIABILITY:
            raise Failure(f"--reliability: {reliability!r} is not one of A-F")
        if credibility is not None and credibility not in CREDIBILITY:
            raise Failure(f"--credibility: {credibility} is not one of 1-6")
        everything = ledger.statements()
        found = [s for s in everything if s.id == statement] or [
            s for s in everything if s.id.startswith(statement)
        ]
        if len(found) != 1:
            raise Failure(f"{statement}: no such statement (or the prefix is ambiguous)")
        st = found[0]
        if reliability is not None:
            ledger.grade_source(source_key(st), reliability.upper(), by, note)
        if credibility is not None:
            ledger.grade_statement(st.id, credibility, by, note)
        rel = {k: str(j.value) for k, j in ledger.source_grades().items()}
        cred = {k: int(j.value) for k, j in ledger.statement_grades().items()}
        g = grade(everything, rel, cred)[st.id]
        origin = lambda set_: "analyst" if set_ else "default"  # noqa: E731
        out.print(
            f"{st.id} {g.code}: source {g.source} {g.reliability} ({RELIABILITY[g.reliability]}, "
            f"{origin(g.reliability_set)}); statement {g.credibility} ({CREDIBILITY[g.credibility]}, "
            f"{origin(g.credibility_set)})",
            markup=False,
        )


def examples_dir() -> Path:
    """The bundled corpus: the repository's examples/corpus/ folder."""
    import claimgraph

    return Path(claimgraph.__file__).resolve().parents[1] / "examples" / "corpus"


@app.command()
def demo(db: DbOption = DEFAULT_URL) -> None:
    """Analyse the bundled corpus into the ledger and print a report."""
    with _guard():
        folder = examples_dir()
        if not folder.is_dir():
            raise Failure(f"{folder}: bundled corpus not found")
        with Ledger(db) as ledger:
            summary = _ingest([folder], ledger, workers=1, published=None)
            _report(summary)
            if summary.read == 0:
                raise Failure(f"{folder}: no readable document in the bundled corpus")
            boards = incident_boards(ledger, ledger.incidents())
            out.print(incident_table(boards))
            for board in boards:
                out.rule()
                _show(ledger, board)


if __name__ == "__main__":
    app()
