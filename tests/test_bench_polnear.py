"""The PolNeAR scorer in bench/polnear.py: span trimming, exact and overlap matching, one-to-one assignment.

Hand-made text and spans; no corpus and no spaCy. A scorer that matched untrimmed spans, let one
prediction fill two gold spans, or counted implicit sources fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_polnear", ROOT / "bench" / "polnear.py")
polnear = importlib.util.module_from_spec(_spec)
sys.modules["bench_polnear"] = polnear  # dataclasses look their module up there
_spec.loader.exec_module(polnear)

TEXT = "“The bridge will reopen in May,” the mayor told reporters on Monday."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789


def span(part: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“The bridge will reopen in May,”", "The bridge will reopen in May"),
        (" the mayor ", "the mayor"),
        ("Monday.", "Monday"),
        ("told", "told"),
    ],
)
def test_trim_drops_punctuation_and_whitespace_at_both_ends(raw: str, expected: str) -> None:
    start, end = polnear.trim(TEXT, span(raw))
    assert TEXT[start:end] == expected


def test_trim_keeps_a_span_that_is_only_punctuation() -> None:
    text = "Senator: no deal."
    assert polnear.trim(text, (7, 8)) == (7, 8)


def test_trim_keeps_inner_punctuation() -> None:
    text = "(He said: “Yes, no.”)"
    start, end = polnear.trim(text, (0, len(text)))
    assert text[start:end] == "He said: “Yes, no"


def test_gold_span_of_discontinuous_parts_runs_from_first_start_to_last_end() -> None:
    parts = [{"start": 40, "end": 52, "text": "b"}, {"start": 3, "end": 10, "text": "a"}]
    assert polnear.gold_span(parts) == (3, 52)
    assert polnear.gold_span([]) is None


def test_exact_match_needs_equal_spans_after_trimming() -> None:
    gold = [polnear.trim(TEXT, span("“The bridge will reopen in May,”"))]
    same = [polnear.trim(TEXT, span("The bridge will reopen in May,"))]
    shorter = [polnear.trim(TEXT, span("The bridge will reopen"))]
    assert polnear.match_spans(gold, same, exact=True) == [(0, 0)]
    assert polnear.match_spans(gold, shorter, exact=True) == []
    assert polnear.match_spans(gold, shorter, exact=False) == [(0, 0)]


def test_overlap_needs_a_shared_character() -> None:
    assert polnear.match_spans([(0, 5)], [(5, 9)], exact=False) == []  # touching is not overlapping
    assert polnear.match_spans([(0, 5)], [(4, 9)], exact=False) == [(0, 0)]


def test_assignment_is_one_to_one_and_prefers_the_largest_overlap() -> None:
    gold = [(0, 10), (12, 30)]
    pred = [(5, 25)]  # overlaps gold 0 by 5 and gold 1 by 13: it goes to gold 1 only
    assert polnear.match_spans(gold, pred, exact=False) == [(1, 0)]
    # two predictions over one gold span: the larger overlap wins, the other stays spurious
    assert polnear.match_spans([(0, 10)], [(0, 3), (2, 10)], exact=False) == [(0, 1)]
    # a greedy choice must not leave a matchable pair unmatched when overlaps differ
    assert polnear.match_spans([(0, 10), (10, 20)], [(0, 12), (8, 20)], exact=False) == [(0, 0), (1, 1)]


def test_duplicate_gold_spans_need_duplicate_predictions() -> None:
    """One source shared by two gold attributions counts twice, as in per-attribution scoring."""
    assert polnear.match_spans([(0, 5), (0, 5)], [(0, 5)], exact=True) == [(0, 0)]
    assert polnear.match_spans([(0, 5), (0, 5)], [(0, 5), (0, 5)], exact=True) == [(0, 0), (1, 1)]


def test_relations_match_on_cue_and_content_overlap() -> None:
    gold = [(span("told"), span("The bridge will reopen in May"))]
    cue_only = [(span("told reporters"), span("on Monday"))]
    both = [(span("told reporters"), span("will reopen"))]
    assert polnear.match_relations(gold, cue_only) == []
    assert polnear.match_relations(gold, both) == [(0, 0)]


def test_score_document_counts_roles_and_skips_implicit_and_null_sources() -> None:
    Relation = polnear.Relation
    gold = [
        Relation(span("the mayor"), span("told"), span("“The bridge will reopen in May,”")),
        Relation(None, span("Monday"), span("reporters")),  # implicit source: not a gold source
    ]
    pred = [
        Relation(span("mayor"), span("told"), span("The bridge will reopen in May")),
        Relation(None, span("Monday."), span("bridge")),  # null source: not a prediction
    ]
    result = polnear.score_document("doc", TEXT, gold, pred)
    scores = polnear.totals([result])
    source_exact, source_overlap = scores["source/exact"], scores["source/overlap"]
    assert (source_exact.tp, source_exact.pred, source_exact.gold) == (0, 1, 1)
    assert (source_overlap.tp, source_overlap.pred, source_overlap.gold) == (1, 1, 1)
    cue = scores["cue/exact"]
    assert (cue.tp, cue.pred, cue.gold) == (2, 2, 2)  # "Monday." trims to "Monday"
    content = scores["content/overlap"]
    assert (content.tp, content.pred, content.gold) == (1, 2, 2)
    relation = scores["relation"]
    assert (relation.tp, relation.pred, relation.gold) == (1, 2, 2)
    assert relation.precision == relation.recall == relation.f1 == 0.5


def test_score_without_predictions_or_gold_is_zero_not_an_error() -> None:
    empty = polnear.Score()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    score = polnear.Score(tp=3, pred=4, gold=6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)


def test_offset_map_points_analysed_text_back_into_crlf_text() -> None:
    original = "Line one.\r\nShe said: go.\r\n"
    analysed, where = polnear.offset_map(original)
    assert analysed == original.replace("\r\n", "\n")
    start = analysed.index("said")
    assert original[where[start] : where[start + 4]] == "said"
    assert where[len(analysed)] == len(original)


def test_boundary_breakdown_tells_too_long_from_too_short_and_missed() -> None:
    Relation = polnear.Relation
    gold = [
        Relation(None, span("told"), span("The bridge will reopen in May")),
        Relation(None, span("Monday"), span("reporters")),
    ]
    pred = [
        Relation(None, span("told reporters"), span("bridge will reopen")),
        Relation(None, span("mayor"), span("the mayor")),
    ]
    result = polnear.score_document("doc", TEXT, gold, pred)
    cue = polnear.boundary_breakdown([result], "cue")
    assert cue == {"predicted too long": 1, "no overlap (missed)": 1, "predicted, no overlap (spurious)": 1}
    content = polnear.boundary_breakdown([result], "content")
    assert content["predicted too short"] == 1 and content["no overlap (missed)"] == 1
