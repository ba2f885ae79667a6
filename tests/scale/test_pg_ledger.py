"""The ledger behaves the same on SQLite and on a real PostgreSQL: storage, migrations, search."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from records import report
from sqlalchemy import create_engine, inspect

from claimgraph.ledger import Ledger, migrate
from claimgraph.ledger.schema import Base


def test_round_trip_and_idempotence(ledger_url):
    ex = report("Khuzdar", 4)
    with Ledger(ledger_url) as led:
        assert led.store(ex) is True
        assert led.store(ex) is False
        assert led.documents() == ex.documents
        assert led.attributions() == []
        [inc] = led.incidents()
        assert inc.place.name == "Khuzdar" and inc.mentions == ex.incidents[0].mentions
        assert [s.subject for s in led.statements()] == ["ridge-front"]
    with Ledger(ledger_url, create=False) as again:  # reopening migrates nothing and keeps everything
        assert again.counts() == {
            "documents": 1,
            "actors": 1,
            "incidents": 1,
            "attributions": 0,
            "statements": 1,
        }


def test_actor_facts_accumulate_across_documents(ledger_url):
    with Ledger(ledger_url) as led:
        led.store(report("Turbat", 2, alias="RF"))
        led.store(report("Panjgur", 3, alias="Ridge Front Brigade"))
        [actor] = led.actors(raw=True)
        assert actor.aliases == ["RF", "Ridge Front Brigade"]
        assert len(led.documents()) == 2


def test_schema_is_migrated_to_head_and_matches_the_models(ledger_url):
    Ledger(ledger_url).close()
    engine = create_engine(ledger_url)
    with engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
        diffs = compare_metadata(
            MigrationContext.configure(conn, opts={"include_name": migrate.include_name}), Base.metadata
        )
    engine.dispose()
    assert diffs == []


def test_a_ledger_made_before_migrations_is_stamped_and_upgraded(ledger_url):
    engine = create_engine(ledger_url)
    Base.metadata.create_all(engine)  # what Ledger did before Alembic
    with engine.connect() as conn:
        assert not inspect(conn).has_table("alembic_version")
    engine.dispose()
    with Ledger(ledger_url) as led:
        assert led.store(report("Gwadar", 1))
        assert [d.title for d in led.search("checkpoint Gwadar")] == ["Attack in Gwadar"]


def test_full_text_search(ledger_url):
    with Ledger(ledger_url) as led:
        for town, n in (("Mastung", 5), ("Kalat", 7), ("Zhob", 2)):
            led.store(report(town, n))
        assert [d.title for d in led.search("Kalat")] == ["Attack in Kalat"]
        assert len(led.search("checkpoint soldiers")) == 3  # every word, in any order
        assert {d.title for d in led.search("killed checkpoints")} == {  # stemmed: killing, checkpoint
            "Attack in Mastung", "Attack in Kalat", "Attack in Zhob",
        }  # fmt: skip
        assert led.search("checkpoint Quetta") == []
        assert [d.title for d in led.search('"Zhob" -*(')] == ["Attack in Zhob"]  # syntax is only words
        assert led.search("  ,;  ") == []
        assert len(led.search("soldiers", limit=2)) == 2


def test_postgresql_url_with_bad_password_is_one_line(pg_server):
    url = pg_server.replace("postgres@", "nobody:secret@").rsplit("/", 1)[0] + "/missing_db"
    with pytest.raises(Exception) as err:
        Ledger(url)
    assert "secret" not in str(err.value) and "\n" not in str(err.value)
