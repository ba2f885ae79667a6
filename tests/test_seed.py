"""End to end on the real seed article (read from ../shared/seeds, never copied here).

The facts DESIGN.md and the foundation issue name: the Peshawar incident with its date, place, type and
hedged toll; the ISIS-K claim known only through anonymous Pakistani security sources; the named
people and the UN report with the relation each states between the Haqqani network and ISIS-K; the
Kabul airport attack as a separate incident; the aliases of one group; the author's own voice.
"""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.analysis.board import FLAG_NO_NAMED_SOURCE, FLAG_SECOND_HAND, build_board
from claimgraph.sources import read_file
from tests.helpers import SEED, requires_shared

pytestmark = requires_shared(SEED)


@pytest.fixture(scope="module")
def result(analyzer):
    document = read_file(SEED, published=date(2022, 3, 7))[0]
    return analyzer.extract(document)


def _incident_at(result, city):
    found = [i for i in result.incidents if i.place and i.place.name == city]
    assert found, f"no incident in {city}: {[i.place for i in result.incidents]}"
    return found[0]


def _statements(result, **where):
    out = []
    for st in result.statements:
        if all((st.source.kind if k == "source_kind" else getattr(st, k)) == v for k, v in where.items()):
            out.append(st)
    return out


def test_peshawar_incident(result):
    peshawar = _incident_at(result, "Peshawar")
    assert peshawar.type == "suicide bombing"
    assert peshawar.date == date(2022, 3, 4) and peshawar.date_precision == "day"  # "Last Friday"
    assert peshawar.place.country == "PK"
    assert abs(peshawar.place.lat - 34.0) < 0.2 and abs(peshawar.place.lon - 71.6) < 0.2
    assert (peshawar.killed.min, peshawar.killed.max, peshawar.killed.qualifier) == (62, None, "at least")
    assert "suicide vest" in peshawar.weapons
    assert any("mosque" in t for t in peshawar.targets)


def test_kabul_airport_attack_is_a_separate_incident(result):
    peshawar, kabul = _incident_at(result, "Peshawar"), _incident_at(result, "Kabul")
    assert kabul.id != peshawar.id
    assert kabul.place.country == "AF"
    assert kabul.killed is not None and kabul.killed.min == 13


def test_isis_k_claim_is_second_hand_from_security_sources(result):
    peshawar = _incident_at(result, "Peshawar")
    claims = _statements(result, relation="claimed", subject="iskp")
    about_peshawar = [c for c in claims if c.object == {"incident": peshawar.id}]
    assert about_peshawar, claims
    claim = about_peshawar[0]
    assert claim.source.kind == "anonymous"
    assert claim.source.name == "Pakistani security sources"
    assert claim.cue == "according to" and claim.quote == "indirect"
    assert claim.attribution is not None
    assert "formally claimed" in claim.sentence


def test_aliases_are_one_actor(result):
    iskp = next(a for a in result.actors if a.id == "iskp")
    seen = set(iskp.aliases) | {iskp.name}
    assert {"ISIS-K", "ISIL-K"} <= seen
    assert "Islamic State-Khorasan Province" in seen
    assert not any(a.id in {"isis", "islamic_state"} for a in result.actors)  # bare "ISIS" read as the branch


def test_named_people_and_report(result):
    kabul = _incident_at(result, "Kabul")
    saleh = [
        s for s in _statements(result, source_kind="person") if s.source.name and "Saleh" in s.source.name
    ]
    assert any(
        s.relation == "perpetrated" and s.subject == "taliban" and s.object == {"incident": kabul.id}
        for s in saleh
    )
    assert any(s.quote == "direct" for s in saleh)

    jebran = [s for s in _statements(result, source_kind="person") if s.source.name == "Haris Jebran"]
    assert any(
        s.relation == "cooperates_with" and s.subject == "haqqani" and s.object == {"actor": "iskp"}
        for s in jebran
    )
    assert all("spokesman" in (s.source.title or "") and s.source.actor == "nds" for s in jebran)
    assert any(s.relation == "facilitated" and s.subject == "haqqani" and s.quote == "direct" for s in jebran)

    kayani = [s for s in _statements(result, source_kind="person") if s.source.name == "Arif Kayani"]
    assert [(s.relation, s.subject, s.object) for s in kayani] == [("part_of", "iskp", {"actor": "haqqani"})]
    assert kayani[0].quote == "direct" and "analyst" in kayani[0].source.title

    report = _statements(result, source_kind="report")
    assert any(
        s.relation == "facilitated" and s.subject == "haqqani" and s.object == {"actor": "iskp"}
        for s in report
    )
    assert any(s.certainty == "very likely" for s in report)  # "in all likelihood"


def test_statements_attach_to_the_incident_they_speak_of(result):
    peshawar = _incident_at(result, "Peshawar")
    about_peshawar = [s for s in result.statements if s.object == {"incident": peshawar.id}]
    assert about_peshawar
    # nobody named in the piece speaks about the Peshawar bombing itself
    assert not [s for s in about_peshawar if s.source.kind in {"person", "report"}]
    assert all("Kabul" not in s.sentence for s in about_peshawar)


def test_author_voice(result):
    peshawar = _incident_at(result, "Peshawar")
    author = _statements(result, source_kind="author")
    assert any(
        s.relation == "cooperates_with"
        and s.subject == "haqqani"
        and s.object == {"actor": "iskp"}
        and s.certainty == "asserted"
        for s in author
    )
    # "Both of them ... are almost certainly lying": the author's hedged counter-attribution
    counter = [s for s in author if s.object == {"incident": peshawar.id} and s.polarity == "negative"]
    assert counter and counter[0].subject == "iskp" and counter[0].certainty == "almost certain"
    assert counter[0].relation == "perpetrated" and counter[0].attribution is None


def test_board_flags(result):
    peshawar = _incident_at(result, "Peshawar")
    actors = {a.id: a for a in result.actors}
    board = build_board(
        peshawar, [s for s in result.statements if s.object == {"incident": peshawar.id}], actors
    )
    assert FLAG_SECOND_HAND in board.flags
    assert FLAG_NO_NAMED_SOURCE in board.flags
    assert "iskp" in {c.actor for c in board.candidates}


def test_offsets_point_into_the_text(result):
    text = result.documents[0].text
    for attribution in result.attributions:
        for part in (attribution.source, attribution.cue, attribution.content):
            if part is not None:
                assert text[part.start : part.end] == part.text
    for st in result.statements:
        assert text[st.start : st.end] and text[st.start : st.end] in st.sentence or st.start >= 0
    for incident in result.incidents:
        for mention in incident.mentions:
            assert text[mention.start : mention.end].strip()
