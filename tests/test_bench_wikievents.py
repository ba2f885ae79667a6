"""The WikiEvents scorer (bench/wikievents.py) on hand-made gold and predictions: no corpus, no spaCy.

A wrong head rule or a matcher that is not one-to-one changes the figures a benchmark reports, so
the pieces are pinned here on examples written for this test.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_wikievents", ROOT / "bench" / "wikievents.py")
wikievents = importlib.util.module_from_spec(_spec)
sys.modules["bench_wikievents"] = wikievents  # dataclasses look their module up there
_spec.loader.exec_module(wikievents)

head_word, item, match = wikievents.head_word, wikievents.item, wikievents.match


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("gunmen", "gunmen"),
        ("the masked Gunmen.", "gunmen"),
        ("Harbour Road checkpoint", "checkpoint"),
        ("office of the provincial governor", "office"),
        ("fertiliser laced with diesel", "fertiliser"),
        ("a truck packed with explosives", "truck"),
        ("the wounded", "wounded"),
        ("the minister's convoy", "convoy"),
        ("the Front’s", "front"),
        ("Qalat-e-Sufla", "qalat-e-sufla"),
        ("Kandahār", "kandahar"),
        ("the depot, which guards watched", "depot"),
        ("of", "of"),
        ("", ""),
        ("—", ""),
    ],
)
def test_head_word(text, head):
    assert head_word(text) == head


def test_pronouns_but_not_the_country():
    assert wikievents.is_pronoun("they")
    assert wikievents.is_pronoun(" It ")
    assert not wikievents.is_pronoun("US")
    assert not wikievents.is_pronoun("militants")


def test_match_is_one_to_one_and_largest():
    # A greedy pass would give "guards" to the group (matchable by its alias) and strand the second gold.
    group = item("Northern Guards Front", "Guards")
    guards = item("armed guards")
    pairs = match(["guards", "front"], [guards, group])
    assert {(g, p.text) for g, p in pairs} == {("guards", "armed guards"), ("front", "Northern Guards Front")}
    pairs = match(["guards", "front"], [group, guards])
    assert len(pairs) == 2
    # One prediction never covers two gold heads, even when it could match either.
    assert len(match(["front", "guards"], [group])) == 1
    assert match(["bomb"], [item("bombs")]) == []


def _doc(events):
    return {"doc_id": "d1", "event_mentions": events}


def _event(kind, *args):
    return {"event_type": kind, "arguments": [{"entity_id": "x", "role": r, "text": t} for r, t in args]}


def test_gold_pools_attack_events_and_folds_victims_into_targets():
    doc = _doc(
        [
            _event(
                "Conflict.Attack.DetonateExplode", ("Attacker", "bomber"), ("ExplosiveDevice", "car bomb")
            ),
            _event("Conflict.Attack.Unspecified", ("Attacker", "the bomber"), ("Victim", "shopkeeper")),
            _event("Conflict.Attack.Unspecified", ("Instrument", "rifles"), ("Place", "market of Alder")),
            _event("Conflict.Attack.Unspecified", ("Target", "them"), ("Target", "patrol")),
            _event("Life.Die.Unspecified", ("Victim", "farmer"), ("Place", "Ridgeton")),
        ]
    )
    gold, pronouns = wikievents.gold_roles(doc)
    assert gold["attacker"] == {"bomber": "bomber"}
    assert set(gold["target"]) == {"shopkeeper", "patrol"}
    assert set(gold["victim"]) == {"shopkeeper"}
    assert set(gold["place"]) == {"market"}
    assert set(gold["weapon"]) == {"bomb", "rifles"}
    assert pronouns == 1


def test_predictions_take_incident_fields_and_claiming_actors():
    result = {
        "actors": [
            {"id": "ngf", "name": "Northern Guards Front", "aliases": ["NGF", "the Front"]},
            {"id": "river_state", "name": "River State", "aliases": []},
        ],
        "incidents": [
            {
                "attackers": ["two gunmen"],
                "targets": ["police post"],
                "victims": ["a shopkeeper"],
                "weapons": ["rifles", "assault rifles"],
                "place": {"name": "Ridgeton"},
            },
            {"attackers": [], "targets": [], "victims": [], "weapons": [], "place": None},
        ],
        "statements": [
            {"relation": "claimed", "subject": "ngf", "polarity": "positive"},
            {"relation": "perpetrated", "subject": "ngf", "polarity": "positive"},
            {"relation": "denied", "subject": "river_state", "polarity": "positive"},
            {"relation": "perpetrated", "subject": "river_state", "polarity": "negative"},
            {"relation": "perpetrated", "subject": "hill_militia", "polarity": "positive"},
        ],
    }
    pred = wikievents.predicted_roles(result)
    assert [p.text for p in pred["attacker"]] == ["two gunmen", "Northern Guards Front", "hill militia"]
    assert pred["attacker"][1].heads == {"front", "ngf"}
    assert [p.text for p in pred["target"]] == ["police post", "a shopkeeper"]
    assert [p.text for p in pred["victim"]] == ["a shopkeeper"]
    assert [p.text for p in pred["place"]] == ["Ridgeton"]
    assert [p.text for p in pred["weapon"]] == ["rifles"]  # "assault rifles" adds no new head


def test_score_counts_per_role_and_micro_without_double_counting_victims():
    gold = {
        "attacker": {"gunmen": "gunmen", "ngf": "NGF"},
        "target": {"shopkeeper": "shopkeeper"},
        "victim": {"shopkeeper": "shopkeeper"},
        "place": {"market": "market"},
        "weapon": {},
    }
    pred = {
        "attacker": [item("two gunmen"), item("Northern Guards Front", "NGF"), item("River State")],
        "target": [item("a shopkeeper")],
        "victim": [item("a shopkeeper")],
        "place": [item("Ridgeton")],
        "weapon": [item("grenade")],
    }
    totals = wikievents.score([(gold, pred), (gold, {role: [] for role in wikievents.ROLES})])
    attacker = totals["attacker"]
    assert (attacker.matched, attacker.predicted, attacker.gold) == (2, 3, 4)
    assert attacker.precision == pytest.approx(2 / 3)
    assert attacker.recall == pytest.approx(0.5)
    assert attacker.f1 == pytest.approx(4 / 7)
    assert (totals["victim"].matched, totals["victim"].gold) == (1, 2)
    micro = totals["micro"]
    assert (micro.matched, micro.predicted, micro.gold) == (3, 6, 8)  # victims only inside target
    assert totals["weapon"].f1 == 0.0 and totals["weapon"].recall == 0.0


def test_article_text_puts_the_corpus_sentences_on_their_own_lines():
    """The corpus's text glues sentences together; the benchmark feeds them one per line instead."""
    doc = {
        "text": "Rebels shelled the port.==Aftermath==Two died.",
        "sentences": [
            [[["Rebels", 0, 6]], "Rebels shelled the port."],
            [[["==Aftermath==", 25, 38]], "==Aftermath=="],
            [[["Two", 39, 42]], "Two died. "],
        ],
    }
    assert wikievents.article_text(doc) == "Rebels shelled the port.\n==Aftermath==\nTwo died."
    assert wikievents.article_text({"text": "No sentences given."}) == "No sentences given."
