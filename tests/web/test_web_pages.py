"""The HTML pages over the example corpus: what an analyst sees on each."""

from __future__ import annotations

from claimgraph.model import Figure, Span
from claimgraph.web.highlight import Mark, runs
from claimgraph.web.provenance import figure_sentence

MOGADISHU = "a9f7a4b2"


def test_incidents_page_lists_filters_and_sorts(client):
    html = client.get("/incidents?country=SO").text
    assert "Mogadishu" in html and "Peshawar" not in html
    assert 'class="sorted asc"' in client.get("/incidents").text
    assert "No incident matches" in client.get("/incidents?q=zzzznothing").text


def test_incident_page_has_facts_board_matrix_and_chart(client):
    html = client.get(f"/incident/{MOGADISHU}").text
    assert "at least 41" in html and "Attribution board" in html
    assert 'class="candidate"' in html and "al-Shabaab" in html
    assert html.count('<select name="cell:') >= 6
    assert '<svg class="chart"' in html and html.count('class="dot s-killed"') == 3
    assert "?mark=" in html  # figures link to their sentence


def test_document_page_highlights_statements_and_marks_the_linked_sentence(client):
    data = client.get(f"/incident/{MOGADISHU}.json").json()
    fig = data["figures"][-2]
    html = client.get(f"/document/{fig['document']}?mark={fig['start']}-{fig['end']}").text
    assert 'id="mark"' in html and "target" in html
    assert 'class="a-content st k-' in html or 'class="st k-' in html
    assert 'data-st="' in html and 'id="statements-data"' in html


def test_actor_page_shows_aliases_incidents_and_ties(client):
    html = client.get("/actor/al_shabaab").text
    assert "Harakat al-Shabaab al-Mujahideen" in html
    assert f"/incident/{MOGADISHU}" in html
    assert '<svg class="graph"' in html and "part of" in html
    assert client.get("/actor/nobody-at-all").status_code == 404


def test_runs_cut_overlapping_marks():
    text = "Police said the Front claimed it."
    cut = runs(text, [Mark(0, 11, ("a",)), Mark(5, 20, ("b",), "s1", "t")], target=(0, 6))
    assert "".join(r.text for r in cut) == text
    assert [(r.text, r.classes) for r in cut[:3]] == [
        ("Polic", ["a"]),
        ("e", ["a", "b"]),
        (" said", ["a", "b"]),
    ]
    assert cut[1].statements == ["s1"] and cut[0].target and not cut[2].target


def test_figure_sentence_finds_the_sentence_that_gives_the_number():
    text = "A bomb hit a market. At least 12 people were killed, officials said. Nine were hurt."
    assert text[slice(*figure_sentence(text, Figure(12, None, "at least"), "killed", [Span("d", 2, 6)]))] == (
        "At least 12 people were killed, officials said."
    )
    assert text[slice(*figure_sentence(text, Figure(9), "wounded", []))] == "Nine were hurt."
    assert figure_sentence(text, Figure(30), "killed", []) is None
