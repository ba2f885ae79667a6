"""Full-text search over documents: a tsvector GIN index (PostgreSQL), an FTS5 table (SQLite).

The SQLite table is an external-content FTS5 index over ``documents`` kept current by triggers and
filled from the rows already there. A SQLite built without FTS5 gets nothing here and
``claimgraph.ledger.search`` falls back to LIKE.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PG_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
SQLITE = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "title, text, content='documents', content_rowid='rowid', tokenize='porter unicode61')",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
    "VALUES ('delete', old.rowid, old.title, old.text); "
    "INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
)


def _has_fts5(bind: sa.Connection) -> bool:
    options = bind.exec_driver_sql("PRAGMA compile_options").scalars().all()
    return "ENABLE_FTS5" in options


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_documents_fts ON documents USING gin ({PG_VECTOR})")
    elif bind.dialect.name == "sqlite" and _has_fts5(bind):
        for statement in SQLITE:
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
    elif bind.dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS documents_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
