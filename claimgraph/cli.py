"""The ``claimgraph`` command line (Typer + Rich). The only module that prints.

Every failure a user can cause ends as one line on stderr,
``claimgraph: error: <file>: <reason>``, and exit status 2; a batch goes on past a
bad file and lists it at the end. Set CLAIMGRAPH_DEBUG=1 to see tracebacks.
"""

from __future__ import annotations

import csv
import io
import os
import re
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
from rich.text import Text
from rich.tree import Tree

from claimgraph.analysis.board import Board, Entry, build_board, by_source_kind
from claimgraph.export.json import to_json, to_json_line
from claimgraph.ledger import DEFAULT_URL, Ledger, LedgerError
from claimgraph.model import Actor, Document, Extraction, Figure, Incident, Span, Statement
from claimgraph.sources import InputError, read_file, read_paths

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
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (resolves 'last Friday').")
]
CSV_COLUMNS = (
    "incident_id", "date", "country", "place", "type", "killed_min", "killed_max", "relation",
    "subject", "source_kind", "source_name", "certainty", "polarity", "quote", "sentence",
)  # fmt: skip


class ExtractFormat(StrEnum):
    json = "json"


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"


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


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    """Loaded once per process: loading spaCy is the slowest thing we do."""
    from claimgraph.pipeline import Analyzer

    return Analyzer()


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
) -> None:
    """Analyse one document (no database) and write JSON on stdout."""
    with _guard():
        when = _date(published)
        if not jsonl:
            docs = read_file(file, published=when)
            _write(to_json(_merge(_analyzer().extract(d) for d in docs)))
            return
        good = 0

        def records() -> Iterator[Document]:
            for item in read_paths([file], published=when):
                if isinstance(item, InputError):
                    _error(str(item))
                else:
                    yield item

        for item in _analyzer().pipe(records()):  # batched: spaCy is much faster on batches
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


def _label(doc: Document) -> str:
    return doc.path or doc.title or doc.id[:12]


def _analyse(docs: list[Document], workers: int) -> Iterator[tuple[Document, Extraction | Exception]]:
    """(document, extraction or the error that stopped it), in input order."""
    if not docs:
        return
    analyzer = _analyzer()
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


def _ingest(paths: list[Path], ledger: Ledger, workers: int, published: date | None) -> Summary:
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
        for doc, result in _analyse(todo, workers):
            if isinstance(result, Exception):
                summary.errors.append(f"{_label(doc)}: analysis failed ({type(result).__name__}: {result})")
            else:
                try:
                    if ledger.store(result):
                        summary.new += 1
                    else:
                        summary.unchanged += 1
                except LedgerError as exc:
                    summary.errors.append(str(exc))
            progress.advance(task)
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
) -> None:
    """Ingest files and folders into the ledger."""
    with _guard():
        when = _date(published)
        with Ledger(db) as ledger:
            summary = _ingest(paths, ledger, workers, when)
        _report(summary)
        if summary.read == 0:
            raise typer.Exit(2)


def _figure(fig: Figure | None) -> str:
    if fig is None:
        return ""
    if fig.min is None and fig.max is None:
        return fig.qualifier or "?"
    number = f"{fig.min}–{fig.max}" if fig.min is not None and fig.max not in (None, fig.min) else None
    number = number or str(fig.min if fig.min is not None else fig.max)
    return f"{fig.qualifier} {number}" if fig.qualifier else number


def _boards(ledger: Ledger, incidents: list[Incident]) -> list[Board]:
    actors: dict[str, Actor] = {a.id: a for a in ledger.actors()}
    by_incident: dict[str, list[Statement]] = {}
    for st in ledger.statements():
        by_incident.setdefault(st.object.get("incident") or "", []).append(st)
    return [build_board(i, by_incident.get(i.id, []), actors) for i in incidents]


def _incident_table(boards: list[Board]) -> Table:
    table = Table(title="Incidents", show_lines=False)
    for name in ("id", "date", "place", "country", "type", "killed", "wounded"):
        table.add_column(name, no_wrap=name in ("id", "date", "country"))
    table.add_column("candidate perpetrators")
    for board in boards:
        inc = board.incident
        cands = "; ".join(f"{c.name} ({', '.join(c.markers)})" for c in board.candidates)
        table.add_row(
            inc.id[:8],
            _when(inc),
            inc.place.name if inc.place else "",
            (inc.place.country or "") if inc.place else "",
            inc.type,
            _figure(inc.killed),
            _figure(inc.wounded),
            cands,
        )
    return table


@app.command()
def incidents(db: DbOption = DEFAULT_URL) -> None:
    """List the incidents in the ledger with their candidate perpetrators."""
    with _guard(), Ledger(db, create=False) as ledger:
        out.print(_incident_table(_boards(ledger, ledger.incidents())))


def _in_context(doc: Document | None, span: Span, width: int = 40) -> tuple[tuple[str, str], ...]:
    """The mention in bold with a little text either side, so "attack" says which attack."""
    if doc is None:
        return (("(document not in the ledger)", "dim"),)
    flat = lambda s: re.sub(r"\s+", " ", s)  # noqa: E731
    before = flat(doc.text[max(0, span.start - width) : span.start])
    after = flat(doc.text[span.end : span.end + width])
    mention = flat(doc.text[span.start : span.end])
    return (("…" + before, "dim"), (mention, "bold"), (after + "…", "dim"))


def _when(inc: Incident) -> str:
    """The date only as precise as the text was: a month is 2021-08, not 2021-08-01."""
    if inc.date is None:
        return ""
    cut = {"year": 4, "month": 7}.get(inc.date_precision or "day", 10)
    return inc.date.isoformat()[:cut]


def _facts(inc: Incident, ledger: Ledger) -> Tree:
    tree = Tree(Text(f"{inc.type} · incident {inc.id}", style="bold"))
    when = f"{_when(inc)} ({inc.date_precision or 'day'})" if inc.date else "unknown"
    place = "unknown"
    if inc.place:
        place = inc.place.name + (f", {inc.place.country}" if inc.place.country else "")
        if inc.place.lat is not None and inc.place.lon is not None:
            place += f" ({inc.place.lat:.3f}, {inc.place.lon:.3f})"
    rows = [("date", when), ("place", place), ("killed", _figure(inc.killed) or "not reported"),
            ("wounded", _figure(inc.wounded) or "not reported")]  # fmt: skip
    for name in ("attackers", "targets", "victims", "weapons"):
        if getattr(inc, name):
            rows.append((name, ", ".join(getattr(inc, name))))
    for name, value in rows:
        tree.add(Text.assemble((f"{name}: ", "bold"), value))
    sources = tree.add(Text("reported in", style="bold"))
    by_doc: dict[str, list[Span]] = {}
    for span in inc.mentions:
        by_doc.setdefault(span.document, []).append(span)
    for doc_id, spans in by_doc.items():
        doc = ledger.document(doc_id)
        head = Text(_label(doc) if doc else doc_id[:12])
        if doc and doc.published:
            head.append(f" ({doc.published.isoformat()})")
        node = sources.add(head)
        for span in spans:
            node.add(Text.assemble(f"[{span.start}:{span.end}] ", *_in_context(doc, span)))
    return tree


def _entry(e: Entry) -> Text:
    who = e.source_name or ("the author" if e.source_kind == "author" else "(unnamed)")
    if e.source_title:
        who += f", {e.source_title}"
    head = f"[{e.certainty}] {who}"
    if e.cue:
        head += f" — {e.cue!r}"
    head += f" — {e.quote} quote" if e.quote != "none" else ""
    if e.polarity == "negative":
        head += f" — negative {e.relation}"
    return Text.assemble((head, "bold"), "\n", (e.sentence.strip(), "dim"))


def _board_tree(board: Board) -> Tree:
    tree = Tree(Text("attribution board", style="bold"))
    flags = tree.add(Text("flags", style="bold"))
    for flag in board.flags or ["none"]:
        flags.add(Text(flag, style="yellow" if board.flags else "dim"))
    if not board.candidates:
        tree.add(Text("no one is said to have claimed, done or denied it", style="dim"))
    for cand in board.candidates:
        label = Text.assemble((cand.name, "bold cyan"), f" [{cand.actor}] ", ", ".join(cand.markers))
        if cand.flags:
            label.append(f"  ⚑ {'; '.join(cand.flags)}", style="yellow")
        node = tree.add(label)
        for section, entries in (("claims", cand.claims), ("allegations", cand.allegations),
                                 ("denials", cand.denials)):  # fmt: skip
            if not entries:
                continue
            sec = node.add(Text(section, style="bold"))
            for kind, group in by_source_kind(entries).items():
                kind_node = sec.add(Text(f"by {kind}", style="magenta"))
                for e in group:
                    kind_node.add(_entry(e))
    return tree


def _show(ledger: Ledger, board: Board) -> None:
    out.print(_facts(board.incident, ledger))
    out.print(_board_tree(board))


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
        _show(ledger, _boards(ledger, [inc])[0])


def _csv(extraction: Extraction) -> str:
    """One row per statement, with the facts of the incident it is about."""
    incidents = {i.id: i for i in extraction.incidents}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for st in extraction.statements:
        inc = incidents.get(st.object.get("incident") or "")
        place, killed = (inc.place, inc.killed) if inc else (None, None)
        writer.writerow([
            inc.id if inc else "", inc.date.isoformat() if inc and inc.date else "",
            (place.country or "") if place else "", place.name if place else "", inc.type if inc else "",
            "" if killed is None or killed.min is None else killed.min,
            "" if killed is None or killed.max is None else killed.max,
            st.relation, st.subject, st.source.kind, st.source.name or "", st.certainty, st.polarity,
            st.quote, " ".join(st.sentence.split()),
        ])  # fmt: skip
    return buf.getvalue()


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")] = None,
    db: DbOption = DEFAULT_URL,
) -> None:
    """Export the whole ledger (JSON contract of DESIGN.md, or CSV: one row per statement)."""
    with _guard(), Ledger(db, create=False) as ledger:
        extraction = ledger.extraction()
        text = to_json(extraction) + "\n" if fmt is ExportFormat.json else _csv(extraction)
        if output is None:
            _write(text)
            return
        try:
            output.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise Failure(f"{output}: cannot write ({exc.strerror or exc})") from None


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
            boards = _boards(ledger, ledger.incidents())
            out.print(_incident_table(boards))
            for board in boards:
                out.rule()
                _show(ledger, board)


if __name__ == "__main__":
    app()
