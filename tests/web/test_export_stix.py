"""STIX 2.1 export on records written by hand: parses back, maps claims, denials and confidence."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import stix2

from claimgraph.export.stix import confidence, to_stix, to_stix_json
from claimgraph.model import Extraction
from tests.web.test_export_csv import sample

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def test_bundle_parses_back_and_maps_each_noun():
    bundle = stix2.parse(to_stix_json(sample(), now=NOW))
    by_type: dict[str, list] = {}
    for obj in bundle.objects:
        by_type.setdefault(obj.type, []).append(obj)
    assert len(by_type["report"]) == 1 and by_type["report"][0].published == datetime(2024, 2, 3, tzinfo=UTC)
    assert {o.name for o in by_type["intrusion-set"]} == {"Northern Front", "Eastern Front"}
    assert by_type["incident"][0].name == "bombing in Kandahar, 2024-02-01"
    attributed = [r for r in by_type["relationship"] if r.relationship_type == "attributed-to"]
    assert len(attributed) == 2  # the claim and the allegation; the denial is an opinion
    assert by_type["opinion"][0].opinion == "strongly-disagree"
    assert len(by_type["note"]) == 3 and by_type["note"][0].content == "A line,\n  with spaces."
    speakers = {o.id: o for o in by_type["identity"]}
    assert all(r.created_by_ref in speakers for r in attributed)
    assert {speakers[r.created_by_ref].identity_class for r in attributed} == {"organization", "individual"}
    report_refs = set(by_type["report"][0].object_refs)
    assert {r.id for r in attributed} <= report_refs


def test_ids_are_stable_and_empty_ledgers_parse():
    one = json.loads(to_stix_json(sample(), now=NOW))
    two = json.loads(to_stix_json(sample(), now=NOW))
    assert one == two
    empty = stix2.parse(to_stix_json(Extraction(), now=NOW))
    assert [o.identity_class for o in empty.objects] == ["system"]


def test_confidence_follows_certainty_and_grades():
    ex = sample()
    st = ex.statements[0]
    bundle = to_stix(ex, reliability={"claimant:claimant name": "A"}, now=NOW)
    claim = next(o for o in bundle.objects if o.type == "relationship" and "claimed" in o.get("labels", []))
    assert claim.confidence == 50  # asserted, credibility 3 -> 50, reliability A -> x1.0
    st.certainty = "almost certain"
    from claimgraph.analysis.grading import grade

    assert confidence(st, grade([st], {"claimant:claimant name": "A"})[st.id]) == 95
    assert confidence(st, grade([st])[st.id]) == 57  # default D for a claimant: x0.6
    assert date(2024, 1, 1)  # dates in the model stay dates
