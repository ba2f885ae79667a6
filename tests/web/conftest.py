"""Fixtures for the web tests: a ledger of the example corpus (built once), an app and a client over it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def corpus_db(analyzer, tmp_path_factory) -> Path:
    """The example corpus analysed into a SQLite ledger, once per session (tests copy it)."""
    from claimgraph.ledger import Ledger
    from claimgraph.sources import read_paths

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    docs = [d for d in read_paths([CORPUS]) if not isinstance(d, Exception)]
    with Ledger(f"sqlite:///{path}") as ledger:
        for extraction in analyzer.pipe(docs):
            ledger.store(extraction)
        ledger.resolve()
    return path


@pytest.fixture
def db_url(corpus_db, tmp_path) -> str:
    """A private copy of the corpus ledger: tests that write (ACH cells, articles) do not leak."""
    copy = tmp_path / "ledger.db"
    shutil.copy(corpus_db, copy)
    return f"sqlite:///{copy}"


@pytest.fixture
def app(db_url, analyzer):
    from claimgraph.web import create_app

    return create_app(db_url, analyzer=analyzer)


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        yield client
