"""The MUC-4 scorer in bench/muc4.py: normaliser, gold construction, one-to-one matching, counts.

Hand-made gold and predictions; no corpus and no spaCy. A scorer that matched loosely, counted a
prediction twice or let one prediction fill two gold entities fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_muc4", ROOT / "bench" / "muc4.py")
muc4 = importlib.util.module_from_spec(_spec)
sys.modules["bench_muc4"] = muc4  # dataclasses look their module up there
_spec.loader.exec_module(muc4)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The Red Brigade", "red brigade"),
        ("  A   car-bomb, near THE bridge. ", "carbomb near bridge"),
        ("an ANTHEM of the [FRONT]", "anthem of front"),
        ("theatre", "theatre"),  # articles only as whole words
        ("\\", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert muc4.normalize(raw) == expected


def test_head_nouns_are_the_last_word_of_each_chunk() -> None:
    assert muc4.head_nouns("members of river front") == {"members", "front"}
    assert muc4.head_nouns("dynamite and hand grenades") == {"dynamite", "grenades"}
    assert muc4.head_nouns("") == frozenset()


def test_strict_needs_an_equal_string_head_needs_a_shared_head() -> None:
    gold = ("old stone bridge", "bridge")
    assert muc4.match_strict(("bridge",), gold)
    assert not muc4.match_strict(("stone bridge",), gold)
    assert muc4.match_head(("stone bridge",), gold)
    assert not muc4.match_head(("bridge guards",), gold)
    # an actor (name plus aliases) matches through any alias
    assert muc4.match_strict(("river liberation front", "rlf"), ("rlf",))


def test_dedupe_after_normalisation() -> None:
    preds = [("The Gunmen",), ("gunmen",), ("armed gunmen",), ("",)]
    assert muc4.dedupe(preds) == [("gunmen",), ("armed gunmen",)]
    assert muc4.dedupe(preds, by_head=True) == [("gunmen",)]


def test_one_to_one_finds_the_largest_matching() -> None:
    golds = [("army jeep", "jeep"), ("army jeep",)]
    preds = [("army jeep",), ("jeep",)]
    # greedy would give "army jeep" to the first gold entity and leave the second one empty
    assert muc4.one_to_one(preds, golds, muc4.match_strict) == {0: 1, 1: 0}
    # one prediction fills one gold entity, never two
    assert muc4.score_role([("army jeep",)], golds, muc4.match_strict) == muc4.Counts(tp=1, fp=0, fn=1)


def test_score_role_counts_and_f1() -> None:
    golds = [("mayor lopez", "lopez"), ("bus",)]
    preds = [("lopez",), ("truck",), ("driver",)]
    counts = muc4.score_role(preds, golds, muc4.match_strict)
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 1)
    assert counts.precision == pytest.approx(1 / 3)
    assert counts.recall == pytest.approx(1 / 2)
    assert counts.f1 == pytest.approx(0.4)
    assert muc4.Counts().f1 == 0.0


def test_gold_merges_templates_and_keeps_strings_found_in_the_text() -> None:
    row = {
        "text": "GUNMEN OF THE RIVER FRONT [RF] BURNED A BUS. LATER THE RF BURNED ANOTHER BUS.",
        "gold_roles": [
            {"PerpOrg": [["RIVER FRONT", "RF"]], "Target": [["BUS"], ["\\", " TRAIN"]], "Weapon": []},
            {"PerpOrg": [["RF"]], "Target": [["BUS"]], "PerpInd": [["GUNMEN"]]},
        ],
    }
    gold = muc4.gold_entities(row)
    assert gold["PerpOrg"] == [("rf", "river front")]  # the second template's subset is merged
    assert gold["Target"] == [("bus",)]  # "train" is not in the text, "\" normalises to nothing
    assert gold["PerpInd"] == [("gunmen",)]
    assert gold["Victim"] == [] and gold["Weapon"] == []


def test_predictions_from_extract_json_and_evaluate() -> None:
    unlinked, linked = {"incident": None}, {"incident": "a1b2"}
    result = {
        "actors": [{"id": "rf", "name": "River Front", "aliases": ["RF"]}],
        "incidents": [
            {"attackers": ["gunmen"], "targets": ["a bus", "the bus"], "victims": [], "weapons": None},
        ],
        "statements": [
            {"relation": "claimed", "polarity": "positive", "subject": "rf"},
            {"relation": "denied", "polarity": "positive", "subject": "army"},
            {"relation": "perpetrated", "polarity": "negative", "subject": "police"},
            {"relation": "facilitated", "polarity": "positive", "subject": "us", "object": unlinked},
            {"relation": "facilitated", "polarity": "positive", "subject": "jf", "object": linked},
        ],
    }
    preds = muc4.predicted_strings(result)
    # a facilitation about no incident names a sponsor, not who is behind an incident
    assert preds["PerpOrg"] == [("River Front", "RF"), ("jf",)]
    gold = {role: [] for role in muc4.ROLES} | {"PerpOrg": [("rf",)], "Target": [("bus",)]}
    totals = muc4.evaluate([(gold, preds)], by_head=False)
    assert (totals["PerpOrg"].tp, totals["Target"].tp, totals["Target"].fp) == (1, 1, 0)
    assert (totals["PerpInd"].fp, totals["micro"].tp, totals["micro"].fp) == (1, 2, 2)
    # a document without gold counts every prediction as a false positive
    empty = {role: [] for role in muc4.ROLES}
    assert muc4.evaluate([(empty, preds)], by_head=True)["micro"] == muc4.Counts(tp=0, fp=4, fn=0)


def test_a_group_accused_by_what_it_is_scores_as_perpetrator_individuals() -> None:
    """MUC-4 keys a description ("drug traffickers") as PERP: INDIVIDUAL ID and a name as PERP:
    ORGANIZATION ID: an unknown-group subject goes to PerpInd, a named group to PerpOrg."""
    result = {
        "actors": [
            {"id": "new:traffickers", "name": "drug traffickers", "aliases": [], "kind": "unknown-group"},
            {"id": "rf", "name": "River Front", "aliases": [], "kind": "organization"},
        ],
        "statements": [
            {"relation": "perpetrated", "polarity": "positive", "subject": "new:traffickers"},
            {"relation": "perpetrated", "polarity": "positive", "subject": "rf"},
        ],
    }
    preds = muc4.predicted_strings(result)
    assert preds["PerpInd"] == [("drug traffickers",)]
    assert preds["PerpOrg"] == [("River Front",)]
