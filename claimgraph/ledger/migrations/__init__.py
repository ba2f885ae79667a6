"""Alembic migrations of the ledger, the same for SQLite and PostgreSQL (see ``ledger.migrate``)."""
