"""Writes that stay right with several writers at once: INSERT ... ON CONFLICT, and retries.

Two ``analyze`` processes (or ``load`` and ``analyze``) may store overlapping documents into one
PostgreSQL or SQLite ledger. A document row is inserted first with ON CONFLICT DO NOTHING: whoever
inserts it owns that document, the other sees it is there and skips it. What still collides (an
actor two documents introduce at the same moment, a serialization failure, a deadlock, SQLite's
"database is locked") rolls the transaction back and runs it again.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Session

T = TypeVar("T")
ATTEMPTS = 8
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})  # serialization, deadlock, lock not available


def values(row: DeclarativeBase) -> dict[str, Any]:
    """Column values of an ORM row object, for a Core INSERT."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}  # type: ignore[attr-defined]


def insert_new(session: Session, row: DeclarativeBase) -> bool:
    """Insert ``row`` unless its key exists; True when this transaction inserted it."""
    table = row.__table__  # type: ignore[attr-defined]
    name = session.get_bind().dialect.name
    if name in ("postgresql", "sqlite"):
        dialect_insert = postgresql.insert if name == "postgresql" else sqlite.insert
        statement = dialect_insert(table).values(**values(row)).on_conflict_do_nothing()
        key = next(iter(table.primary_key.columns))
        return session.connection().execute(statement.returning(key)).first() is not None
    key = [getattr(row, c.key) for c in table.primary_key.columns]
    if session.get(type(row), key[0] if len(key) == 1 else tuple(key)) is not None:
        return False
    session.execute(insert(table).values(**values(row)))
    return True


def upsert(session: Session, row: DeclarativeBase) -> None:
    """Insert ``row`` or overwrite the stored one with the same key (no read first, no race)."""
    table = row.__table__  # type: ignore[attr-defined]
    name = session.get_bind().dialect.name
    if name not in ("postgresql", "sqlite"):
        session.merge(row)
        return
    dialect_insert = postgresql.insert if name == "postgresql" else sqlite.insert
    data = values(row)
    keys = [c.key for c in table.primary_key.columns]
    statement = dialect_insert(table).values(**data)
    statement = statement.on_conflict_do_update(
        index_elements=keys, set_={k: v for k, v in data.items() if k not in keys}
    )
    session.execute(statement)


def transient(exc: BaseException) -> bool:
    """A failure that another try can get past: a concurrent writer, not a bug or a bad database."""
    if isinstance(exc, IntegrityError):
        return True  # a key another transaction inserted first; the retry sees and merges it
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
        return True
    message = str(orig).lower()
    return isinstance(exc, OperationalError) and ("database is locked" in message or "busy" in message)


def retrying(engine: Engine, work: Callable[[Session], T], isolation: str | None = None) -> T:
    """``work`` in one transaction, run again (with jittered backoff) after a transient failure."""
    for attempt in range(ATTEMPTS):
        try:
            with Session(engine) as session, session.begin():
                if isolation and engine.dialect.name == "postgresql":
                    session.connection(execution_options={"isolation_level": isolation})
                return work(session)
        except DBAPIError as exc:
            if attempt == ATTEMPTS - 1 or not transient(exc):
                raise
            time.sleep(min(2.0, 0.02 * 2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")
