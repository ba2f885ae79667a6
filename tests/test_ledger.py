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
    def weeks_later(ex: Extraction, weeks: int) -> Extraction:  # three attacks, not three reports of one
        inc = ex.incidents[0]
        ex.incidents[0] = dataclasses.replace(inc, date=date(2023, 5, 12 + 7 * weeks))
        return ex

    ledger.store(make_extraction(incident_id="abcdef1111"))
    ledger.store(weeks_later(make_extraction(TEXT + " Two more died later.", incident_id="abcdef2222"), 1))
    ledger.store(weeks_later(make_extraction(TEXT + " Funerals were held.", incident_id="123456789a"), 2))
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


# -- one ledger across many articles (our own multi-article fixtures) -------------------------------

MOGADISHU = Place("Mogadishu", "SO", 2.037, 45.344)
DAY1 = "A car bomb tore through a market in Mogadishu on Wednesday, killing 20 people, police said."
DAY2 = (
    "The toll from Wednesday's market bombing in Mogadishu rose to 35. "
    "Al-Shabaab claimed the bombing on its radio station."
)
DAY3 = (
    "At least 41 people died in the Mogadishu market bombing, officials said on Friday. "
    "A rival faction denied any part in it."
)


def article(
    text: str,
    outlet: str,
    published: date,
    *,
    kind: str = "bombing",
    day: date | None = date(2024, 8, 14),
    place: Place | None = MOGADISHU,
    killed: Figure | None = None,
    says: tuple[tuple[str, str, Source, str], ...] = (),
) -> Extraction:
    """One report as the extractor would give it: one incident, and (relation, subject, source, phrase)."""
    doc = Document(text=text, title=text[:30], outlet=outlet, published=published)
    inc = Incident(stable_id("inc", doc.id), kind, day, "day" if day else None, place, killed=killed,
                   mentions=[Span(doc.id, 0, 5)])  # fmt: skip
    actors = {}
    statements = []
    for n, (relation, subject, source, phrase) in enumerate(says):
        actors[subject] = Actor(subject, subject.replace("-", " ").title(), "organization")
        start = text.index(phrase)
        st_id = stable_id("st", doc.id, n)
        statements.append(Statement(st_id, doc.id, start, start + len(phrase), text, None, source, "said",
                                    relation, subject, {"incident": inc.id}))  # fmt: skip
    return Extraction([doc], list(actors.values()), [inc], [], statements)


def mogadishu() -> list[Extraction]:
    return [
        article(DAY1, "Horn Observer", date(2024, 8, 14), killed=Figure(20, 20),
                says=(("perpetrated", "al-shabaab", Source("organization", "police"), "police said"),)),
        article(DAY2, "Tribune", date(2024, 8, 15), killed=Figure(35, 35),
                says=(("claimed", "al-shabaab", Source("claimant", "Al-Shabaab"), "claimed the bombing"),)),
        article(DAY3, "Chronicle", date(2024, 8, 16), kind="suicide bombing",
                killed=Figure(41, None, "at least"),
                says=(("denied", "rival-faction", Source("organization", "A rival faction"), "denied"),)),
    ]  # fmt: skip


def test_three_outlets_merge_into_one_incident_with_a_timeline(ledger):
    reports = mogadishu()
    for ex in reports:
        ledger.store(ex)
    (merged,) = ledger.merged_incidents()
    assert merged.id == reports[0].incidents[0].id  # the first report's id
    assert merged.members == [ex.incidents[0].id for ex in reports]
    assert [(t.outlet, t.figure.min) for t in merged.timeline] == [
        ("Horn Observer", 20), ("Tribune", 35), ("Chronicle", 41)]  # fmt: skip
    assert merged.incident.killed == Figure(41, None, "at least")
    assert merged.incident.type == "suicide bombing"  # the most specific type reported
    assert merged.provenance["type"] == [reports[2].documents[0].id]
    assert len(merged.incident.mentions) == 3
    assert ledger.counts()["incidents"] == 1 and len(ledger.reports()) == 3
    about = ledger.statements(incident_id=merged.id)
    assert {s.relation for s in about} == {"perpetrated", "claimed", "denied"}
    assert all(s.object == {"incident": merged.id} for s in about)
    raw = ledger.statements(raw=True)  # the extractor's records are not rewritten
    assert {s.object["incident"] for s in raw} == {ex.incidents[0].id for ex in reports}
    for ex in reports:  # any report's local id finds the merged incident
        assert ledger.incident(ex.incidents[0].id).id == merged.id


def test_merging_does_not_depend_on_order_and_reanalysing_changes_nothing(tmp_path):
    results = []
    for name, order in (("a", [0, 1, 2]), ("b", [2, 0, 1])):
        with Ledger(f"sqlite:///{tmp_path / name}.db") as led:
            reports = mogadishu()
            for i in order:
                led.store(reports[i])
            first = ([m.to_dict() for m in led.merged_incidents()], led.counts())
            for ex in mogadishu():
                assert led.store(ex) is False
            led.resolve()
            assert ([m.to_dict() for m in led.merged_incidents()], led.counts()) == first
            results.append(first)
    assert results[0] == results[1]


def test_two_attacks_a_week_apart_in_one_city_stay_apart(ledger):
    first = article("Gunmen attacked a checkpoint in Mogadishu.", "A", date(2024, 3, 2), kind="armed assault",
                    day=date(2024, 3, 1), killed=Figure(5, 5))  # fmt: skip
    second = article("Gunmen attacked another checkpoint in Mogadishu.", "B", date(2024, 3, 9),
                     kind="armed assault", day=date(2024, 3, 8), killed=Figure(6, 6))  # fmt: skip
    ledger.store(first)
    ledger.store(second)
    assert len(ledger.incidents()) == 2


def test_claim_by_one_group_and_blame_on_another_show_both_candidates(ledger):
    from claimgraph.analysis.board import build_board

    text_a = "The Northern Front claimed the Quetta bombing in a statement."
    text_b = "Officials in Quetta blamed the Eastern Brigade for Friday's bombing."
    quetta = Place("Quetta", "PK", 30.18, 67.0)
    a = article(text_a, "Wire", date(2023, 5, 13), day=date(2023, 5, 12), place=quetta,
                says=(("claimed", "northern-front", Source("claimant", "Front"), "claimed"),))  # fmt: skip
    b = article(text_b, "Daily", date(2023, 5, 14), day=date(2023, 5, 12), place=quetta,
                says=(("perpetrated", "eastern-brigade", Source("organization", "Officials"), "blamed"),),
                )  # fmt: skip
    ledger.store(b)
    ledger.store(a)
    (inc,) = ledger.incidents()
    actors = {x.id: x for x in ledger.actors()}
    board = build_board(inc, ledger.statements(incident_id=inc.id), actors)
    by_actor = {c.actor: c for c in board.candidates}
    assert set(by_actor) == {"northern-front", "eastern-brigade"}
    assert by_actor["northern-front"].claims[0].source_kind == "claimant"
    assert by_actor["eastern-brigade"].allegations[0].source_name == "Officials"


def test_actor_merges_are_recorded_and_reversible(ledger):
    ex = make_extraction()
    ex.actors.append(Actor("new:northern-front-group", "Northern Front group", "organization"))
    new = dataclasses.replace(ex.statements[0], id="st-new", subject="new:northern-front-group")
    ex.statements.append(new)
    ledger.store(ex)
    assert "new:northern-front-group" in {a.id for a in ledger.actors()}
    ledger.merge_actors("northern-front", "new:northern-front-group", by="ana", reason="same group")
    assert "new:northern-front-group" not in {a.id for a in ledger.actors()}
    front = [a for a in ledger.actors() if a.id == "northern-front"][0]
    assert "Northern Front group" in front.aliases
    assert [s.subject for s in ledger.statements() if s.id == "st-new"] == ["northern-front"]
    with pytest.raises(LedgerError, match="already one actor"):
        ledger.merge_actors("new:northern-front-group", "northern-front", by="ana")
    assert ledger.unmerge_actor("new:northern-front-group", by="bo") == 1
    assert [s.subject for s in ledger.statements() if s.id == "st-new"] == ["new:northern-front-group"]
    history = ledger.merge_history()
    assert history[-1]["by"] == "ana" and history[-1]["undone_by"] == "bo"
    with pytest.raises(LedgerError, match="no such actor"):
        ledger.merge_actors("northern-front", "nobody", by="ana")


def test_new_group_spelled_two_ways_is_linked_automatically(ledger):
    one = make_extraction()
    one.actors.append(Actor("new:popular-vengeance-front", "Popular Vengeance Front", "organization"))
    two = make_extraction(TEXT + " The Popular Vengance Front (PVF) was named.")
    two.actors = [Actor("new:popular-vengance-front", "Popular Vengance Front", "organization")]
    ledger.store(one)
    ledger.store(two)
    (linked,) = ledger.actor_map().items()  # one spelling stands for the other, whatever came first
    assert set(linked) == {"new:popular-vengance-front", "new:popular-vengeance-front"}
    assert ledger.surface_forms()["new:popular-vengance-front"] == [("Popular Vengance Front", 1)]
    assert len(ledger.actors()) == 3
    ledger.unmerge_actor(linked[0], by="ana")
    ledger.resolve()  # the analyst's undo is not overridden by the next resolve
    assert ledger.actor_map() == {}


def test_grades_and_cells_keep_who_and_the_latest(ledger):
    ex = make_extraction()
    ledger.store(ex)
    st = ex.statements[1].id
    ledger.grade_statement(st, 4, by="ana")
    ledger.grade_statement(st, 2, by="bo", note="confirmed by a second outlet")
    ledger.grade_source("organization:police officials", "B", by="ana")
    ledger.set_cell(st, "eastern-brigade", "neutral", by="ana")
    assert ledger.statement_grades()[st].value == 2 and ledger.statement_grades()[st].by == "bo"
    assert ledger.source_grades()["organization:police officials"].value == "B"
    assert ledger.cells()[(st, "eastern-brigade")].value == "neutral"
    with pytest.raises(LedgerError, match="no such statement"):
        ledger.grade_statement("nope", 2, by="ana")
