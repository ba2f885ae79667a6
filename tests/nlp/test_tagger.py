"""The trained span tagger: its BIO decoding, its windows, and what it marks on invented text."""

import json

import numpy as np
import pytest

from claimgraph.nlp import build_pipeline
from claimgraph.nlp.bio import decode_bio, viterbi, window_plan, word_labels
from claimgraph.nlp.prepare import prepare
from claimgraph.nlp.tagger import ATTRIBUTION_KEY, MODEL_DIR, ROLES_KEY

NAMES = ["O", "B-CUE", "I-CUE"]


def test_decode_bio_reads_runs_and_stray_inside_labels():
    labels = ["O", "B-CUE", "I-CUE", "O", "I-SOURCE", "I-SOURCE", "B-CONTENT", "B-CONTENT", "I-CUE"]
    assert decode_bio(labels) == [
        (1, 3, "CUE"),
        (4, 6, "SOURCE"),
        (6, 7, "CONTENT"),
        (7, 8, "CONTENT"),
        (8, 9, "CUE"),
    ]


def test_viterbi_never_starts_a_span_with_an_inside_label():
    # piece by piece the best labels would be O, I-CUE: an I with no B before it
    probs = np.array([[0.6, 0.3, 0.1], [0.2, 0.35, 0.45]])
    assert [NAMES[i] for i in viterbi(probs, NAMES)] == ["O", "B-CUE"]
    probs = np.array([[0.1, 0.8, 0.1], [0.1, 0.2, 0.7]])
    assert [NAMES[i] for i in viterbi(probs, NAMES)] == ["B-CUE", "I-CUE"]


def test_later_pieces_of_a_word_follow_its_first_piece():
    probs = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.9, 0.05, 0.05], [0.9, 0.05, 0.05]])
    labels, score = word_labels(probs, [0, 1, 1, 2], NAMES)  # pieces 1 and 2 are one word
    assert labels == ["O", "B-CUE", "I-CUE", "O"]
    assert score[2] == score[1]


def test_windows_cover_every_piece_once_and_decide_it_away_from_the_edges():
    plan = window_plan(1000, body=254, stride=192)
    owned = [i for _, _, own_from, own_to in plan for i in range(own_from, own_to)]
    assert owned == list(range(1000))
    for start, end, own_from, own_to in plan:
        assert start <= own_from < own_to <= end
        assert own_from == 0 or own_from - start >= 31
        assert own_to == 1000 or end - own_to >= 31
    assert window_plan(0, 254, 192) == []
    assert window_plan(10, 254, 192) == [(0, 10, 0, 10)]


def test_model_card_says_how_the_model_was_made():
    card = json.loads((MODEL_DIR / "tagger.json").read_text())
    assert card["made_by"].startswith("scripts/train_tagger.py")
    assert (MODEL_DIR / "tagger-int8.onnx").stat().st_size < 30 * 1024 * 1024


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(tagger=True)


def _marked(doc, key):
    return {(span.label_, span.text.strip(" ,.")) for span in doc.spans[key]}


def test_tagger_marks_source_cue_and_content(nlp):
    doc = nlp(
        "The mayor of Port Elden, Maria Vance, said on Monday that the bridge would reopen next week. "
        "Officials denied the report."
    )
    marked = _marked(doc, ATTRIBUTION_KEY)
    assert ("CUE", "said") in marked
    assert ("SOURCE", "The mayor of Port Elden, Maria Vance") in marked
    assert any(label == "CONTENT" and text.startswith("that the bridge") for label, text in marked)


def test_tagger_marks_incident_roles_in_wire_copy(nlp):
    text = (
        "LIMA, 4 MAY 90 -- POLICE REPORTED THAT URBAN GUERRILLAS TODAY DYNAMITED THE OFFICES OF THE "
        "NATIONAL ELECTRIC COMPANY IN THE CENTER OF THE CITY. THE ATTACK DESTROYED TWO VEHICLES."
    )
    doc = nlp(prepare(text))
    labels = {label for label, _ in _marked(doc, ROLES_KEY)}
    assert "PERPIND" in labels and "TARGET" in labels
    texts = {text.lower() for label, text in _marked(doc, ROLES_KEY) if label == "PERPIND"}
    assert any("guerrillas" in t for t in texts)


def test_offsets_are_those_of_the_text(nlp):
    doc = nlp("Rebels attacked a police post near the border, the army said.")
    for key in (ATTRIBUTION_KEY, ROLES_KEY):
        for span in doc.spans[key]:
            assert doc.text[span.start_char : span.end_char] == span.text
