"""The ledger: extractions kept in a SQL database (SQLite by default, any SQLAlchemy URL)."""

from claimgraph.ledger.store import DEFAULT_URL, Ledger, LedgerError

__all__ = ["DEFAULT_URL", "Ledger", "LedgerError"]
