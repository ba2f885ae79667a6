"""The JSON API: twins equal the API, the OpenAPI schema, exports, and schemathesis finding no 5xx."""

from __future__ import annotations

import csv
import io
import json

import hypothesis
import pytest
import schemathesis
import stix2
from hypothesis import HealthCheck, settings

MOGADISHU = "a9f7a4b2"  # prefix of the merged Mogadishu market bombing of examples/corpus 11-13


def test_json_twins_are_the_api(client):
    assert client.get("/incidents.json").json() == client.get("/api/incidents").json()
    full = client.get(f"/incident/{MOGADISHU}.json").json()
    assert full == client.get(f"/api/incidents/{MOGADISHU}").json()
    doc = full["documents"][0]["id"]
    assert client.get(f"/document/{doc}.json").json() == client.get(f"/api/documents/{doc}").json()
    assert client.get("/actor/al_shabaab.json").json() == client.get("/api/actors/al_shabaab").json()


def test_incident_json_has_provenance_board_and_matrix(client):
    data = client.get(f"/api/incidents/{MOGADISHU}").json()
    assert data["incident"]["killed"] == {"min": 41, "max": None, "qualifier": "at least"}
    assert len(data["documents"]) == 3
    tolls = [(f["published"], f["figure"]["min"]) for f in data["figures"] if f["field"] == "killed"]
    assert tolls == [("2024-08-14", 20), ("2024-08-15", 35), ("2024-08-16", 41)]
    last = data["figures"][-2]
    assert "41" in last["sentence"] and last["start"] < last["end"]
    names = [c["name"] for c in data["board"]["candidates"]]
    assert "al-Shabaab" in names
    assert data["ach"]["ranking"][0] == "al_shabaab"


def test_incidents_filters_sort_and_search(client):
    everything = client.get("/api/incidents").json()
    assert everything["count"] == everything["total"] >= 15
    pk = client.get("/api/incidents", params={"country": "pk"}).json()
    assert pk["count"] >= 3 and {r["country"] for r in pk["incidents"]} == {"PK"}
    bla = client.get("/api/incidents", params={"actor": "bla"}).json()["incidents"]
    assert bla and all("bla" in {c["actor"] for c in r["candidates"]} for r in bla)
    found = client.get("/api/incidents", params={"q": "minibus"}).json()["incidents"]  # only in the texts
    assert [r["place"] for r in found] == ["Mogadishu"]
    window = client.get("/api/incidents", params={"since": "2024-05", "until": "2024-06"}).json()["incidents"]
    assert window and all("2024-05" <= r["date"][:7] <= "2024-06" for r in window)
    killed = client.get("/api/incidents", params={"sort": "killed", "order": "desc"}).json()["incidents"]
    assert killed[0]["place"] == "Mogadishu"
    assert client.get("/api/incidents", params={"sort": "nonsense"}).status_code == 422


def test_ach_cell_through_the_api(client):
    ach = client.get(f"/api/incidents/{MOGADISHU}/ach").json()
    row = ach["rows"][0]
    body = {"statement": row["statement"], "hypothesis": "other", "value": "consistent", "by": "tester"}
    result = client.post(f"/api/incidents/{MOGADISHU}/ach", json=body)
    assert result.status_code == 200 and result.json()["changed"] == 1
    after = client.get(f"/api/incidents/{MOGADISHU}/ach").json()["rows"][0]
    assert after["cells"]["other"] == "consistent" and after["edited"] == ["other"]
    bad = {**body, "hypothesis": "nobody"}
    assert client.post(f"/api/incidents/{MOGADISHU}/ach", json=bad).status_code == 400


def test_exports(client):
    data = client.get("/api/export/json").json()
    assert list(data) == ["documents", "actors", "incidents", "attributions", "statements"]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/incidents.csv").text)))
    assert len(rows) == len(data["incidents"])
    mog = next(r for r in rows if r["city"] == "Mogadishu")
    assert (mog["killed_min"], mog["sources"], mog["iyear"], mog["imonth"]) == ("41", "3", "2024", "8")
    assert "al-Shabaab [claimed, alleged]" in mog["perpetrators"]
    stix = client.get("/api/export/stix.json")
    assert stix.headers["content-type"].startswith("application/stix+json")
    bundle = stix2.parse(stix.text)
    assert sum(o.type == "report" for o in bundle.objects) == len(data["documents"])


def test_openapi_schema_covers_the_pages(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/incidents/{incident_id}/ach",
                 "/api/documents", "/api/documents/{document_id}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/export/{fmt}"):  # fmt: skip
        assert path in paths
    assert all(p.startswith("/api") for p in paths)
    index = client.get("/api").json()
    assert "/api/incidents" in index["paths"] and index["counts"]["documents"] == 21


def _fuzz(operation, failures: list[str]) -> None:
    @settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate])  # fmt: skip
    @hypothesis.given(case=operation.as_strategy())
    def run(case: schemathesis.Case) -> None:
        response = case.call()
        if response.status_code >= 500:
            failures.append(f"{operation.label}: {response.status_code} {response.text[:200]}")

    run()


def test_schemathesis_finds_no_server_error(app):
    """Every operation of the OpenAPI schema, a bounded number of generated requests each."""
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    failures: list[str] = []
    for operation in operations:
        _fuzz(operation, failures)
    assert not failures, json.dumps(failures, indent=1)


@pytest.mark.parametrize("url", ["/api/incidents/zzzzzzzz", "/api/documents/abcdef12", "/api/actors/nobody"])
def test_unknown_ids_are_404_json(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "not found" in response.json()["error"]
