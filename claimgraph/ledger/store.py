"""The ledger: where extractions are kept, one transaction per document.

A document's id is the hash of its text, so storing is idempotent: a document
already in the ledger is skipped whole, and a failure halfway through one
document rolls back that document only. Only this package speaks SQL.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, make_url, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from claimgraph.ledger import analyst, convert, migrate, resolution, writes
from claimgraph.ledger import search as fulltext
from claimgraph.ledger.analyst import Judgement, JudgementError
from claimgraph.ledger.schema import (
    AchCellRow,
    ActorMergeRow,
    ActorRow,
    AttributionRow,
    DocumentRow,
    IncidentLinkRow,
    IncidentRow,
    MentionRow,
    MergedIncidentRow,
    SourceGradeRow,
    StatementGradeRow,
    StatementRow,
    SurfaceFormRow,
)
from claimgraph.model import Actor, Attribution, Document, Extraction, Incident, Statement
from claimgraph.resolve import MergedIncident

DEFAULT_URL = "sqlite:///claimgraph.db"
MIN_PREFIX = 6


class LedgerError(Exception):
    """The database cannot be opened or written; ``str(e)`` is one line naming the URL."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def _one_line(exc: BaseException) -> str:
    """SQLAlchemy messages carry the SQL and a help link; keep the driver's own words."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _hide_password(url: str) -> str:
    """Error messages and summaries may be pasted anywhere: never show a password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return url


def _sqlite_file(engine: Engine) -> Path | None:
    db = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def split_by_document(extraction: Extraction) -> list[Extraction]:
    """One extraction per document, so each can be stored in its own transaction.

    Records pointing at no document of the extraction travel with the first one;
    an incident mentioned in several documents goes with each, carrying only
    that document's mentions.
    """
    docs = extraction.documents
    if len(docs) <= 1:
        return [extraction] if docs else []
    ids = {d.id for d in docs}
    first = docs[0].id

    def home(doc_id: str) -> str:
        return doc_id if doc_id in ids else first

    parts = []
    for doc in docs:
        incidents = []
        for inc in extraction.incidents:
            mine = [m for m in inc.mentions if home(m.document) == doc.id]
            if mine or (not inc.mentions and doc.id == first):
                incidents.append(dataclasses.replace(inc, mentions=mine))
        parts.append(
            Extraction(
                documents=[doc],
                actors=extraction.actors,
                incidents=incidents,
                attributions=[a for a in extraction.attributions if home(a.document) == doc.id],
                statements=[s for s in extraction.statements if home(s.document) == doc.id],
            )
        )
    return parts


class Ledger:
    """A SQL database of documents, actors, incidents, attributions and statements."""

    def __init__(self, url: str = DEFAULT_URL, *, create: bool = True) -> None:
        """Open (and by default create) the ledger at ``url``.

        ``create=False`` refuses to conjure an empty SQLite file, for commands that
        only read: a typo in ``--db`` should say so, not show an empty ledger.
        """
        shown = self.url = _hide_password(url)
        try:
            self.engine = create_engine(url, **_engine_options(url))
        except (SQLAlchemyError, ValueError, ImportError) as exc:
            raise LedgerError(shown, f"not a usable database URL ({_one_line(exc)})") from None
        path = _sqlite_file(self.engine)
        if path is not None:
            if not create and not path.exists():
                raise LedgerError(shown, "no ledger there (run `claimgraph analyze` first)")
            if not path.parent.exists():
                raise LedgerError(shown, f"folder {path.parent} does not exist")
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_foreign_keys)
        try:
            migrate.upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise LedgerError(shown, f"cannot open database ({_one_line(exc)})") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as session:
                yield session
        except SQLAlchemyError as exc:
            raise LedgerError(self.url, f"cannot read ({_one_line(exc)})") from None

    @contextmanager
    def _write(self, what: str) -> Iterator[Session]:
        """One transaction; a refused judgement or a database error becomes one line."""
        try:
            with Session(self.engine) as session, session.begin():
                yield session
        except JudgementError as exc:
            raise LedgerError(self.url, str(exc)) from None
        except SQLAlchemyError as exc:
            raise LedgerError(self.url, f"cannot {what} ({_one_line(exc)})") from None

    def _fresh(self) -> None:
        """Run the resolve step if documents were stored since it last ran."""
        with self._read() as s:
            stale = resolution.is_stale(s)
        if stale:
            self.resolve()

    def resolve(self) -> int:
        """Merge incident reports across documents and link actor name variants; returns incidents."""
        try:
            resolved = writes.retrying(self.engine, resolution.resolve, "SERIALIZABLE")
            return len(resolved.incidents)
        except SQLAlchemyError as exc:
            raise LedgerError(self.url, f"cannot resolve incidents ({_one_line(exc)})") from None

    def search(self, query: str, limit: int = 20) -> list[Document]:
        """Documents holding every word of ``query``, best first (PostgreSQL tsvector, SQLite FTS5)."""
        with self._read() as s:
            return [convert.document_of(r) for r in fulltext.search(s, query, limit)]

    # -- writing -------------------------------------------------------------

    def store(self, extraction: Extraction) -> bool:
        """Store each document of ``extraction`` in its own transaction.

        True when at least one document was new. A document already stored is
        skipped with everything that came from it. On a database error the
        failing document is rolled back and LedgerError is raised; documents
        stored before it stay.
        """
        stored = False
        for part in split_by_document(extraction):
            stored = self._store_one(part) or stored
        return stored

    def _store_one(self, ex: Extraction) -> bool:
        doc = ex.documents[0]
        try:
            return writes.retrying(self.engine, lambda session: self._store_body(session, ex))
        except SQLAlchemyError as exc:
            label = doc.path or doc.id
            raise LedgerError(self.url, f"cannot store {label} ({_one_line(exc)})") from None

    def _store_body(self, session: Session, ex: Extraction) -> bool:
        """The document row goes in first: whoever inserts it owns the document (see ``writes``)."""
        doc = ex.documents[0]
        if not writes.insert_new(session, convert.document_row(doc)):
            return False
        for actor in sorted(_unique(ex.actors), key=lambda a: a.id):  # one lock order: no deadlocks
            if not writes.insert_new(session, convert.actor_row(actor)):
                row = session.get(ActorRow, actor.id, with_for_update=True, populate_existing=True)
                convert.merge_actor(row, actor)
        session.flush()
        for incident in _unique(ex.incidents):
            self._store_incident(session, incident, doc.id)
        session.add_all(convert.attribution_row(a) for a in _unique(ex.attributions))
        session.add_all(convert.statement_row(s) for s in _unique(ex.statements))
        resolution.record_forms(session, ex)
        resolution.mark_stale(session)
        return True

    @staticmethod
    def _store_incident(session: Session, incident: Incident, document_id: str) -> None:
        row = session.get(IncidentRow, incident.id, with_for_update=True)
        if row is None:
            row = convert.incident_row(incident, document_id)
            session.add(row)
        else:
            convert.merge_incident(row, incident)
        seen = {(m.document_id, m.start, m.end) for m in row.mentions}
        for span in incident.mentions:
            key = (span.document, span.start, span.end)
            if key not in seen:
                seen.add(key)
                row.mentions.append(
                    MentionRow(document_id=span.document, start=span.start, end=span.end, ord=len(seen))
                )

    # -- reading -------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        with self._read() as s:
            return s.get(DocumentRow, document_id) is not None

    def documents(self) -> list[Document]:
        """All documents, oldest publication first (undated last)."""
        query = select(DocumentRow).order_by(DocumentRow.published.asc().nulls_last(), DocumentRow.id)
        with self._read() as s:
            return [convert.document_of(r) for r in s.scalars(query)]

    def document(self, document_id: str) -> Document | None:
        with self._read() as s:
            row = s.get(DocumentRow, document_id)
            return convert.document_of(row) if row else None

    def actors(self, *, raw: bool = False) -> list[Actor]:
        """Actors by id; merged-away actors are folded into the one they stand for (``raw``: as stored)."""
        self._fresh()
        with self._read() as s:
            rows = [convert.actor_of(r) for r in s.scalars(select(ActorRow).order_by(ActorRow.id))]
            mapping = {} if raw else resolution.actor_map(s)
        kept = {a.id: a for a in rows if a.id not in mapping}
        for actor in rows:
            target = kept.get(mapping.get(actor.id, ""))
            if target is not None:
                target.aliases += [n for n in (actor.name, *actor.aliases) if n not in target.aliases]
        return list(kept.values())

    def actor_map(self) -> dict[str, str]:
        """Merged-away actor id -> the actor id it stands for."""
        self._fresh()
        with self._read() as s:
            return resolution.actor_map(s)

    def surface_forms(self) -> dict[str, list[tuple[str, int]]]:
        """Actor id (as stored) -> every form it was written in, with the number of documents."""
        query = (
            select(SurfaceFormRow.actor_id, SurfaceFormRow.form, func.count(SurfaceFormRow.document_id))
            .group_by(SurfaceFormRow.actor_id, SurfaceFormRow.form)
            .order_by(SurfaceFormRow.actor_id, SurfaceFormRow.form)
        )
        out: dict[str, list[tuple[str, int]]] = {}
        with self._read() as s:
            for actor, form, n in s.execute(query):
                out.setdefault(actor, []).append((form, n))
        return out

    def reports(self) -> list[Incident]:
        """The extractor's incident records as stored, one per document-local id, by date then id."""
        query = (
            select(IncidentRow)
            .options(selectinload(IncidentRow.mentions))
            .order_by(IncidentRow.date.asc().nulls_last(), IncidentRow.id)
        )
        with self._read() as s:
            return [convert.incident_of(r) for r in s.scalars(query)]

    def merged_incidents(self) -> list[MergedIncident]:
        """Incidents across documents with provenance and casualty timeline, by date then id."""
        self._fresh()
        query = select(MergedIncidentRow).order_by(
            MergedIncidentRow.date.asc().nulls_last(), MergedIncidentRow.id
        )
        with self._read() as s:
            return [convert.merged_of(r) for r in s.scalars(query)]

    def incidents(self) -> list[Incident]:
        """All incidents, merged across documents, by date (undated last), then id."""
        return [m.incident for m in self.merged_incidents()]

    def merged_incident(self, incident_id: str) -> MergedIncident | None:
        """By merged id, by any of its reports' local ids, or by a unique prefix (>= 6 chars) of either."""
        self._fresh()
        with self._read() as s:
            row = s.get(MergedIncidentRow, incident_id)
            if row is None:
                link = s.get(IncidentLinkRow, incident_id)
                row = s.get(MergedIncidentRow, link.merged_id) if link else None
            if row is None and len(incident_id) >= MIN_PREFIX:
                pattern = incident_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                own = select(MergedIncidentRow.id).where(_like(MergedIncidentRow.id, pattern))
                merged = set(s.scalars(own.limit(2)))
                local = select(IncidentLinkRow.merged_id).where(_like(IncidentLinkRow.local_id, pattern))
                merged |= set(s.scalars(local.limit(50)))
                row = s.get(MergedIncidentRow, merged.pop()) if len(merged) == 1 else None
            return convert.merged_of(row) if row else None

    def incident(self, incident_id: str) -> Incident | None:
        """The (merged) incident with this id, or the only one whose id starts with it (>= 6 chars)."""
        merged = self.merged_incident(incident_id)
        return merged.incident if merged else None

    def statements(
        self, incident_id: str | None = None, document_id: str | None = None, *, raw: bool = False
    ) -> list[Statement]:
        """Statements, optionally about one incident and/or from one document, in text order.

        They point at merged incidents and at the actors merged-away actors stand for; ``raw`` gives
        them as the extractor wrote them (the stored rows are never rewritten).
        """
        if not raw:
            self._fresh()
        query = select(StatementRow)
        with self._read() as s:
            links = {} if raw else resolution.links(s)
            actors = {} if raw else resolution.actor_map(s)
            if incident_id is not None:
                local = [k for k, v in links.items() if v == incident_id] or [incident_id]
                query = query.where(StatementRow.object_incident.in_(local))
            if document_id is not None:
                query = query.where(StatementRow.document_id == document_id)
            order = (StatementRow.document_id, StatementRow.start, StatementRow.end, StatementRow.id)
            rows = [convert.statement_of(r) for r in s.scalars(query.order_by(*order))]
        return [_mapped(st, links, actors) for st in rows] if not raw else rows

    def attributions(self, document_id: str | None = None) -> list[Attribution]:
        query = select(AttributionRow)
        if document_id is not None:
            query = query.where(AttributionRow.document_id == document_id)
        query = query.order_by(AttributionRow.document_id, AttributionRow.cue_start, AttributionRow.id)
        with self._read() as s:
            return [convert.attribution_of(r) for r in s.scalars(query)]

    def extraction(self) -> Extraction:
        """Everything in the ledger, for export."""
        return Extraction(
            documents=self.documents(),
            actors=self.actors(),
            incidents=self.incidents(),
            attributions=self.attributions(),
            statements=self.statements(),
        )

    def revision(self) -> tuple[int, ...]:
        """Changes whenever anything that a page shows changes: cheap enough to ask on every request."""
        tables = (DocumentRow, StatementRow, SourceGradeRow, StatementGradeRow, AchCellRow)  # append-only
        with self._read() as s:
            counts = [s.scalar(select(func.count()).select_from(t)) or 0 for t in tables]
            # an undo updates a merge row in place: count the undone ones too
            merges = s.execute(select(func.count(), func.count(ActorMergeRow.undone_at))).one()
        return (*counts, *merges)

    def counts(self) -> dict[str, int]:
        """Rows per noun: incidents merged across documents, actors after merges."""
        self._fresh()
        tables = {
            "documents": DocumentRow,
            "actors": ActorRow,
            "incidents": MergedIncidentRow,
            "attributions": AttributionRow,
            "statements": StatementRow,
        }
        with self._read() as s:
            out = {name: s.scalar(select(func.count()).select_from(t)) or 0 for name, t in tables.items()}
            out["actors"] -= len(resolution.actor_map(s))
        return out

    # -- analyst judgements (who and when kept; the latest wins) -------------------

    def merge_actors(self, keep: str, other: str, by: str, reason: str | None = None) -> None:
        with self._write("merge actors") as s:
            analyst.merge_actors(s, keep, other, by, reason)

    def unmerge_actor(self, actor: str, by: str) -> int:
        with self._write("unmerge actors") as s:
            return analyst.unmerge_actor(s, actor, by)

    def merge_history(self) -> list[dict]:
        with self._read() as s:
            return analyst.merge_history(s)

    def grade_source(self, key: str, reliability: str, by: str, note: str | None = None) -> None:
        with self._write("grade source") as s:
            analyst.grade_source(s, key, reliability, by, note)

    def grade_statement(self, statement: str, credibility: int, by: str, note: str | None = None) -> None:
        with self._write("grade statement") as s:
            analyst.grade_statement(s, statement, credibility, by, note)

    def set_cell(self, statement: str, hypothesis: str, value: str, by: str) -> None:
        with self._write("set ACH cell") as s:
            analyst.set_cell(s, statement, hypothesis, value, by)

    def source_grades(self) -> dict[str, Judgement]:
        with self._read() as s:
            return analyst.source_grades(s)

    def statement_grades(self) -> dict[str, Judgement]:
        with self._read() as s:
            return analyst.statement_grades(s)

    def cells(self) -> dict[tuple[str, str], Judgement]:
        with self._read() as s:
            return analyst.cells(s)


def _like(column, pattern: str):  # noqa: ANN001, ANN202 - a SQLAlchemy column and clause
    return column.like(pattern, escape="\\")


def _mapped(st: Statement, links: dict[str, str], actors: dict[str, str]) -> Statement:
    """A statement as the ledger shows it: merged incident, canonical actors."""
    obj = dict(st.object)
    if obj.get("incident") is not None:
        obj["incident"] = links.get(obj["incident"], obj["incident"])
    if obj.get("actor") is not None:
        obj["actor"] = actors.get(obj["actor"], obj["actor"])
    source = st.source
    if source.actor in actors:
        source = dataclasses.replace(source, actor=actors[source.actor])
    subject = actors.get(st.subject, st.subject)
    return dataclasses.replace(st, subject=subject, object=obj, source=source)


def _engine_options(url: str) -> dict:
    """SQLite waits for a concurrent writer (30 s) instead of failing at once with "database is locked"."""
    return {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {}


def _sqlite_foreign_keys(dbapi_connection: object, _record: object) -> None:
    """SQLite ignores foreign keys unless asked, per connection."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _unique(records: list) -> list:
    """First record of each id: a repeated record must not abort a whole document."""
    seen: set[str] = set()
    out = []
    for record in records:
        if record.id not in seen:
            seen.add(record.id)
            out.append(record)
    return out
