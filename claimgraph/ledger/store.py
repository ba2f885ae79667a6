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

from claimgraph.ledger import convert
from claimgraph.ledger.schema import (
    ActorRow,
    AttributionRow,
    Base,
    DocumentRow,
    IncidentRow,
    MentionRow,
    StatementRow,
)
from claimgraph.model import Actor, Attribution, Document, Extraction, Incident, Statement

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
            self.engine = create_engine(url)
        except (SQLAlchemyError, ValueError, ImportError) as exc:
            raise LedgerError(shown, f"not a usable database URL ({_one_line(exc)})") from None
        path = _sqlite_file(self.engine)
        if path is not None:
            if not create and not path.exists():
                raise LedgerError(shown, "no ledger there (run `claimgraph analyze` first)")
            if not path.parent.exists():
                raise LedgerError(shown, f"folder {path.parent} does not exist")
            event.listen(self.engine, "connect", _sqlite_foreign_keys)
        try:
            Base.metadata.create_all(self.engine)
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
            with Session(self.engine) as session, session.begin():
                if session.get(DocumentRow, doc.id) is not None:
                    return False
                session.add(convert.document_row(doc))
                for actor in _unique(ex.actors):
                    row = session.get(ActorRow, actor.id)
                    if row is None:
                        session.add(convert.actor_row(actor))
                    else:
                        convert.merge_actor(row, actor)
                session.flush()
                for incident in _unique(ex.incidents):
                    self._store_incident(session, incident, doc.id)
                session.add_all(convert.attribution_row(a) for a in _unique(ex.attributions))
                session.add_all(convert.statement_row(s) for s in _unique(ex.statements))
        except SQLAlchemyError as exc:
            label = doc.path or doc.id
            raise LedgerError(self.url, f"cannot store {label} ({_one_line(exc)})") from None
        return True

    @staticmethod
    def _store_incident(session: Session, incident: Incident, document_id: str) -> None:
        row = session.get(IncidentRow, incident.id)
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

    def actors(self) -> list[Actor]:
        with self._read() as s:
            return [convert.actor_of(r) for r in s.scalars(select(ActorRow).order_by(ActorRow.id))]

    def incidents(self) -> list[Incident]:
        """All incidents by date (undated last), then id."""
        query = (
            select(IncidentRow)
            .options(selectinload(IncidentRow.mentions))
            .order_by(IncidentRow.date.asc().nulls_last(), IncidentRow.id)
        )
        with self._read() as s:
            return [convert.incident_of(r) for r in s.scalars(query)]

    def incident(self, incident_id: str) -> Incident | None:
        """The incident with this id, or the only one whose id starts with it (>= 6 chars)."""
        with self._read() as s:
            row = s.get(IncidentRow, incident_id)
            if row is None and len(incident_id) >= MIN_PREFIX:
                pattern = incident_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                query = select(IncidentRow).where(IncidentRow.id.like(pattern, escape="\\")).limit(2)
                rows = list(s.scalars(query))
                row = rows[0] if len(rows) == 1 else None
            return convert.incident_of(row) if row else None

    def statements(self, incident_id: str | None = None, document_id: str | None = None) -> list[Statement]:
        """Statements, optionally about one incident and/or from one document, in text order."""
        query = select(StatementRow)
        if incident_id is not None:
            query = query.where(StatementRow.object_incident == incident_id)
        if document_id is not None:
            query = query.where(StatementRow.document_id == document_id)
        order = (StatementRow.document_id, StatementRow.start, StatementRow.end, StatementRow.id)
        query = query.order_by(*order)
        with self._read() as s:
            return [convert.statement_of(r) for r in s.scalars(query)]

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

    def counts(self) -> dict[str, int]:
        tables = {
            "documents": DocumentRow,
            "actors": ActorRow,
            "incidents": IncidentRow,
            "attributions": AttributionRow,
            "statements": StatementRow,
        }
        with self._read() as s:
            return {name: s.scalar(select(func.count()).select_from(t)) or 0 for name, t in tables.items()}


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
