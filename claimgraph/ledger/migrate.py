"""Schema migrations with Alembic, the same revisions for SQLite and PostgreSQL.

Every ``Ledger`` brings its database to the head revision when it opens it, under a lock, so two
processes opening a new ledger at once do not both create it. A ledger made before migrations
existed (tables but no ``alembic_version``) is stamped at the baseline and upgraded from there.

Developers add a revision after changing ``schema.py`` with
``python -m claimgraph.ledger.migrate revision "what changed"``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text

SCRIPTS = Path(__file__).resolve().with_name("migrations")
BASELINE = "0001"
LOCK_KEY = 0x636C6D67  # "clmg": one advisory lock per PostgreSQL database, held while migrating
FULL_TEXT = ("documents_fts", "ix_documents_fts")  # made by hand in revision 0002, not in schema.py


def include_name(name: str | None, type_: str, parent: object) -> bool:
    """What autogenerate compares: everything but the full-text objects."""
    return not (name or "").startswith(FULL_TEXT)


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def head() -> str:
    """The newest revision in ``migrations/versions``."""
    found = ScriptDirectory.from_config(_config()).get_current_head()
    assert found is not None, "no migration scripts"
    return found


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the head revision (no-op when it is there already)."""
    with engine.connect() as probe:
        if _has_version_table(probe) and current(probe) == head():
            return
    with _locked(engine) as conn:
        revision = current(conn)
        if revision == head():
            return
        cfg = _config(conn)
        if revision is None and inspect(conn).has_table("documents"):
            command.stamp(cfg, BASELINE)  # made by create_all before migrations existed
        command.upgrade(cfg, "head")


def _has_version_table(conn: Connection) -> bool:
    return inspect(conn).has_table("alembic_version")


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """One transaction that no other migrating process can enter at the same time.

    PostgreSQL: a transaction-level advisory lock. SQLite file: ``BEGIN IMMEDIATE`` on a connection
    of its own (pysqlite would otherwise begin lazily, after the version was read).
    """
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            yield conn
        return
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        with engine.begin() as conn:
            yield conn
        return
    own = create_engine(engine.url, connect_args={"isolation_level": None, "timeout": 60})
    event.listen(own, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with own.begin() as conn:
            yield conn
    finally:
        own.dispose()


def _revision(message: str, url: str) -> None:
    """Autogenerate a revision from the difference between ``url`` (at head) and schema.py."""
    engine = create_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        cfg = _config(conn)
        number = f"{int(head()) + 1:04d}"
        command.revision(cfg, message=message, autogenerate=True, rev_id=number)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "revision":
        sys.exit('usage: python -m claimgraph.ledger.migrate revision "message" [--db URL]')
    db = sys.argv[sys.argv.index("--db") + 1] if "--db" in sys.argv else "sqlite://"
    _revision(sys.argv[2], db)
