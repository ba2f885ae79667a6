"""End to end on the bundled corpus: the facts examples/expected.yaml lists, found by the real pipeline.

The extractor finds every listed fact today (see bench/examples.py), so the floors are all of them: a
change that loses one, or adds a statement the file neither expects nor allows, fails here (a change
that reads a fact better changes examples/expected.yaml with it, and says why). A stub extractor finds
none of them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from claimgraph.sources import read_paths

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_examples", ROOT / "bench" / "examples.py")
bench_examples = importlib.util.module_from_spec(_spec)
sys.modules["bench_examples"] = bench_examples  # dataclasses look their module up there
_spec.loader.exec_module(bench_examples)

FLOORS = {
    "incident.place": 1.0,
    "incident.country": 1.0,
    "incident.type": 1.0,
    "incident.date": 1.0,
    "incident.killed": 1.0,
    "incident.wounded": 1.0,
    "statement": 1.0,
    "statement.certainty": 1.0,
    "statement.precision": 1.0,  # extracted statements that are neither expected nor in `also`
}


@pytest.fixture(scope="module")
def extractions(analyzer):
    out = {}
    for document in read_paths([ROOT / "examples" / "corpus"]):
        assert not isinstance(document, Exception), document
        out[Path(document.path).name] = (document, analyzer.extract(document))
    return out


def test_every_example_is_read_with_its_date(extractions):
    facts = bench_examples.expected_facts()
    assert len(extractions) >= 20
    for key, expected in facts.items():
        name = key.split("#")[0]
        matching = [d for k, (d, _) in extractions.items() if k == key or k == name and "#" in key]
        assert matching, key
        if "#" not in key:
            assert str(matching[0].published) == str(expected["published"]), key


def test_expected_facts_are_found(extractions):
    facts = bench_examples.expected_facts()
    score = bench_examples.Score()
    for key, (_, extraction) in extractions.items():
        if key in facts:
            bench_examples.score_document(key, facts[key], extraction, score)
    for name, floor in FLOORS.items():
        assert score.share(name) >= floor, (name, score.share(name), score.misses)


def test_three_outlets_report_one_market_bombing_with_a_rising_toll(extractions):
    tolls = []
    for name in sorted(extractions):
        if "mogadishu" in name:
            _, extraction = extractions[name]
            market = [i for i in extraction.incidents if i.place and i.place.name == "Mogadishu"]
            assert market, name
            tolls.append(market[0].killed.min)
            assert str(market[0].date) == "2024-08-14"
    assert tolls == sorted(tolls) and len(set(tolls)) == 3


def test_wire_copy_in_capitals_is_analysed(extractions):
    document, extraction = extractions["14_wire_san_salvador.txt"]
    assert document.text.isupper() or document.text[:200].upper() == document.text[:200]
    assert str(document.published) == "1990-03-12"
    assert {"fmln"} <= {s.subject for s in extraction.statements}
    assert any(i.date and str(i.date) == "1990-03-11" for i in extraction.incidents)
