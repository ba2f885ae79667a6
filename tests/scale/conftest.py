"""A real PostgreSQL for the scale tests, started by scripts/pg (Debian's packages) for the session.

Without PostgreSQL and without a way to install it, the PostgreSQL cases are skipped, except in CI
(``CI`` set), where that is a failure: CI must test both backends.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG = ROOT / "scripts" / "pg"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of the maintenance database of a throwaway server."""
    # Not under pytest's tmp_path: as root the server runs as "postgres", who cannot enter that.
    folder = tempfile.mkdtemp(prefix="claimgraph-pg.")
    proc = subprocess.run([str(PG), "start", str(folder)], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        reason = f"scripts/pg could not start PostgreSQL: {proc.stderr.strip()[-400:]}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield proc.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([str(PG), "stop", str(folder)], capture_output=True, timeout=120)


def fresh_database(server: str) -> str:
    """A new empty database on the server, so each test starts from nothing."""
    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty ledger URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return fresh_database(request.getfixturevalue("pg_server"))
