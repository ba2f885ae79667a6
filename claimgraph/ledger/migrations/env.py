"""Alembic environment: the ledger passes its own connection, so no alembic.ini and no URL here.

From a shell (developers adding a revision):
``alembic -x url=sqlite:///dev.db -c /dev/null revision --autogenerate`` is replaced by
``python -m claimgraph.ledger.migrate revision "message" --db sqlite:///dev.db``.
"""

from __future__ import annotations

from alembic import context

from claimgraph.ledger.migrate import include_name
from claimgraph.ledger.schema import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
