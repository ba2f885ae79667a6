"""The ledger keeps what it is given, exactly, once, one document at a time."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from claimgraph.export.json import to_json
from claimgraph.ledger import Ledger, LedgerError
from claimgraph.model import (
    Actor,
    Attribution,
    Document,
    Extraction,
    Figure,
    Incident,
    Place,
    Source,
    Span,
    Statement,
    TextSpan,
    stable_id,
)

TEXT = (
    "A car bomb exploded outside a police station in Quetta on Friday, killing at least 14 people "
    "and wounding about 30. "
    "The Northern Front said in a statement that its fighters carried out the attack. "
    "Police officials said the Eastern Brigade had supplied the explosives. "
    "A spokesman for the Eastern Brigade denied any role."
)


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def sentence_of(text: str, phrase: str) -> str:
    start = text.rfind(". ", 0, text.index(phrase))
    start = 0 if start < 0 else start + 2
    end = text.index(".", text.index(phrase)) + 1
    return text[start:end]


def make_extraction(text: str = TEXT, incident_id: str | None = None, **doc_fields: object) -> Extraction:
    """A hand-built extraction of ``text``, as the pipeline would give it."""
    doc = Document(text=text, title="Bomb in Quetta", outlet="Test Wire", url="https://example.org/q",
                   published=date(2023, 5, 14), path="quetta.txt", **doc_fields)  # fmt: skip
    d = doc.id
    inc_id = incident_id or stable_id("incident", d)
    incident = Incident(
        id=inc_id,
        type="car bombing",
        date=date(2023, 5, 12),
        date_precision="day",
        place=Place("Quetta", "PK", 30.1798, 66.975),
        attackers=["car bomb"],
        targets=["police station"],
        killed=Figure(14, None, "at least"),
        wounded=Figure(30, 30, "about"),
        mentions=[Span(d, *at(text, "A car bomb exploded"))],
    )
    actors = [
        Actor("northern-front", "Northern Front", "organization", ["NF"]),
        Actor("eastern-brigade", "Eastern Brigade", "organization", ["EB", "Brigade of the East"], "Q000"),
    ]
    att = Attribution(
        id=stable_id("att", d, 1),
        document=d,
        kind="indirect",
        source=TextSpan(*at(text, "Police officials"), "Police officials"),
        cue=TextSpan(text.index("said the Eastern"), text.index("said the Eastern") + 4, "said"),
        content=TextSpan(
            *at(text, "the Eastern Brigade had supplied the explosives"),
            "the Eastern Brigade had supplied the explosives",
        ),  # fmt: skip
    )
    claim_start, claim_end = at(text, "its fighters carried out the attack")
    alleg_start, alleg_end = at(text, "the Eastern Brigade had supplied the explosives")
    deny_start, deny_end = at(text, "denied any role")
    statements = [
        Statement(
            stable_id("st", d, 1),
            d,
            claim_start,
            claim_end,
            sentence_of(text, "its fighters"),
            None,
            Source("claimant", "Northern Front", "northern-front"),
            "said",
            "claimed",
            "northern-front",
            {"incident": inc_id},
            quote="indirect",
        ),  # fmt: skip
        Statement(
            stable_id("st", d, 2),
            d,
            alleg_start,
            alleg_end,
            sentence_of(text, "Police officials"),
            att.id,
            Source("organization", "Police officials", None, "police"),
            "said",
            "facilitated",
            "eastern-brigade",
            {"incident": inc_id},
            quote="indirect",
        ),  # fmt: skip
        Statement(
            stable_id("st", d, 3),
            d,
            deny_start,
            deny_end,
            sentence_of(text, "denied any role"),
            None,
            Source("person", "A spokesman", "eastern-brigade", "spokesman"),
            "denied",
            "denied",
            "eastern-brigade",
            {"incident": inc_id},
        ),  # fmt: skip
        Statement(
            stable_id("st", d, 4),
            d,
            0,
            5,
            "A tie.",
            None,
            Source("author"),
            None,
            "cooperates_with",
            "northern-front",
            {"actor": "eastern-brigade"},
            certainty="likely",
        ),  # fmt: skip
        Statement(
            stable_id("st", d, 5),
            d,
            0,
            5,
            "Unknown.",
            None,
            Source("anonymous", "sources"),
            "said",
            "perpetrated",
            "eastern-brigade",
            {"incident": None},
            polarity="negative",
        ),  # fmt: skip
    ]
    return Extraction([doc], actors, [incident], [att], statements)


@pytest.fixture
def ledger(tmp_path):
    with Ledger(f"sqlite:///{tmp_path / 'ledger.db'}") as led:
        yield led


def test_round_trip_keeps_every_field(ledger):
    ex = make_extraction()
    assert ledger.store(ex) is True
    assert ledger.documents() == ex.documents  # text, dates, path, language
    assert ledger.document(ex.documents[0].id) == ex.documents[0]
    assert ledger.actors() == sorted(ex.actors, key=lambda a: a.id)
    assert ledger.incidents() == ex.incidents  # figures, place, coordinates, spans
    assert ledger.attributions() == ex.attributions
    assert sorted(ledger.statements(), key=lambda s: s.id) == sorted(ex.statements, key=lambda s: s.id)
    got = ledger.incidents()[0]
    assert got.killed == Figure(14, None, "at least") and got.place.lat == pytest.approx(30.1798)
    span = got.mentions[0]
    assert TEXT[span.start : span.end] == "A car bomb exploded"


def test_export_of_ledger_equals_export_of_input(ledger):
    ex = make_extraction()
    ledger.store(ex)
    exported = json.loads(to_json(ledger.extraction()))
    expected = json.loads(to_json(ex))
    key = lambda s: s["id"]  # noqa: E731
    assert sorted(exported.pop("statements"), key=key) == sorted(expected.pop("statements"), key=key)
    assert sorted(exported.pop("actors"), key=key) == sorted(expected.pop("actors"), key=key)
    assert exported == expected


def test_storing_twice_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    ex = make_extraction()
    with Ledger(url) as first:
        assert first.store(ex) is True
        counts = first.counts()
        assert counts == {"documents": 1, "actors": 2, "incidents": 1, "attributions": 1, "statements": 5}
        assert first.store(ex) is False
        assert first.counts() == counts
    with Ledger(url) as reopened:  # persisted, and still idempotent
        assert reopened.store(make_extraction()) is False
        assert reopened.counts() == counts
        assert reopened.has_document(ex.documents[0].id)
        assert not reopened.has_document("0" * 64)


def test_statement_filters(ledger):
    ex = make_extraction()
    ledger.store(ex)
    inc_id = ex.incidents[0].id
    about = ledger.statements(incident_id=inc_id)
    assert {s.relation for s in about} == {"claimed", "facilitated", "denied"}
    assert [s.start for s in about] == sorted(s.start for s in about)
    assert len(ledger.statements(document_id=ex.documents[0].id)) == 5
    assert ledger.statements(document_id="nope") == []
    tie = [s for s in ledger.statements() if s.relation == "cooperates_with"][0]
    assert tie.object == {"actor": "eastern-brigade"}
    unknown = [s for s in ledger.statements() if s.object == {"incident": None}]
    assert len(unknown) == 1 and unknown[0].polarity == "negative"
    assert ledger.attributions(document_id=ex.documents[0].id) == ex.attributions
    assert ledger.attributions(document_id="nope") == []


def test_incident_lookup_by_prefix(ledger):
    ledger.store(make_extraction(incident_id="abcdef1111"))
    ledger.store(make_extraction(TEXT + " Two more died later.", incident_id="abcdef2222"))
    ledger.store(make_extraction(TEXT + " Funerals were held.", incident_id="123456789a"))
    assert ledger.incident("abcdef1111").id == "abcdef1111"
    assert ledger.incident("abcdef2").id == "abcdef2222"
    assert ledger.incident("123456").id == "123456789a"
    assert ledger.incident("abcdef") is None  # ambiguous
    assert ledger.incident("12345") is None  # too short to be a prefix
    assert ledger.incident("abc%") is None  # LIKE wildcards are literal
    assert ledger.incident("ffffff") is None


def test_incidents_ordered_by_date_then_id(ledger):
    base = make_extraction()
    late = dataclasses.replace(base.incidents[0], id="b-late", date=date(2024, 1, 1), mentions=[])
    early = dataclasses.replace(base.incidents[0], id="z-early", date=date(2020, 1, 1), mentions=[])
    same_day = dataclasses.replace(base.incidents[0], id="a-early", date=date(2020, 1, 1), mentions=[])
    undated = dataclasses.replace(base.incidents[0], id="0-undated", date=None, mentions=[])
    ledger.store(Extraction(base.documents, [], [late, undated, early, same_day], [], []))
    assert [i.id for i in ledger.incidents()] == ["a-early", "z-early", "b-late", "0-undated"]


def test_actors_upserted_and_incidents_merged_across_documents(ledger):
    first = make_extraction(incident_id="shared-incident")
    ledger.store(first)
    text2 = "Officials in Quetta raised the toll of Friday's police station bombing. " + TEXT
    second = make_extraction(text2, incident_id="shared-incident")
    second.actors[0] = Actor("northern-front", "Northern Front", "organization", ["NF", "Jabha Shamali"])
    inc2 = second.incidents[0]
    second.incidents[0] = dataclasses.replace(inc2, killed=Figure(16), wounded=None, weapons=["explosives"])
    assert ledger.store(second) is True
    counts = ledger.counts()
    assert counts["documents"] == 2 and counts["actors"] == 2 and counts["incidents"] == 1
    front = [a for a in ledger.actors() if a.id == "northern-front"][0]
    assert front.aliases == ["NF", "Jabha Shamali"]
    merged = ledger.incident("shared-incident")
    assert merged.killed == Figure(14, None, "at least")  # the first report is not overwritten
    assert merged.weapons == ["explosives"]  # a gap is filled
    assert [m.document for m in merged.mentions] == [first.documents[0].id, second.documents[0].id]
    assert len(ledger.statements(incident_id="shared-incident")) == 6


def test_failure_rolls_back_only_that_document(ledger):
    good = make_extraction()
    bad = make_extraction(TEXT + " A second account.", incident_id="bad-incident")
    bad.statements[0] = dataclasses.replace(bad.statements[0], relation=None)  # NOT NULL violated
    both = Extraction(good.documents + bad.documents, good.actors, good.incidents + bad.incidents,
                      good.attributions + bad.attributions, good.statements + bad.statements)  # fmt: skip
    with pytest.raises(LedgerError) as info:
        ledger.store(both)
    assert "\n" not in str(info.value) and "quetta.txt" in str(info.value)
    assert [d.id for d in ledger.documents()] == [good.documents[0].id]
    assert ledger.incident("bad-incident") is None
    assert ledger.counts()["statements"] == 5 and ledger.counts()["attributions"] == 1
    fixed = make_extraction(TEXT + " A second account.", incident_id="bad-incident")
    assert ledger.store(fixed) is True  # nothing half-stored blocks a retry
    assert ledger.counts()["documents"] == 2


def test_unicode_survives(ledger):
    text = "لاہور: A grenade hit a market in Lahore; Jamaat al-Ḥaqq claimed it. " + TEXT
    ex = make_extraction(text)
    ex.actors.append(Actor("jamaat-al-haqq", "Jamaat al-Ḥaqq", "organization", ["جماعت الحق"]))
    ledger.store(ex)
    assert ledger.documents()[0].text == text
    assert "جماعت الحق" in [a for a in ledger.actors() if a.id == "jamaat-al-haqq"][0].aliases


def test_bad_urls_raise_one_line_errors(tmp_path):
    with pytest.raises(LedgerError, match="not a usable database URL"):
        Ledger("nonsense://where")
    with pytest.raises(LedgerError, match="does not exist"):
        Ledger(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")
    absent = tmp_path / "absent.db"
    with pytest.raises(LedgerError, match="no ledger there"):
        Ledger(f"sqlite:///{absent}", create=False)
    assert not absent.exists()
    with pytest.raises(LedgerError) as info:
        Ledger("postgresql://user:secret@localhost:1/db")
    assert "secret" not in str(info.value) and "\n" not in str(info.value)
