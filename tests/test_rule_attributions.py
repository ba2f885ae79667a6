"""Attributions the rules read from cues and the parse (the default pipeline, no span tagger)."""

from __future__ import annotations

import pytest

from claimgraph.model import Document


def _attributions(analyzer, text: str) -> list[tuple[str, str]]:
    result = analyzer.extract(Document(id="rules", text=text))
    return [(a.cue.text, a.content.text) for a in result.attributions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor accused the governor of hiding the flood reports.",
            ("accused", "the governor of hiding the flood reports"),
        ),
        (
            "The minister described the strike as a disaster for the port.",
            ("described", "the strike as a disaster for the port"),
        ),
    ],
)
def test_what_a_cue_says_of_its_object_is_part_of_the_content(analyzer, text, expected):
    """ "accused X of Y": the content is the object with what is said of it, as PolNeAR marks it."""
    assert _attributions(analyzer, text) == [expected]


def test_a_time_after_the_object_is_not_part_of_the_content(analyzer):
    assert _attributions(analyzer, "The senator praised the plan on Tuesday.") == [("praised", "the plan")]


def test_a_that_clause_hung_on_the_statement_is_what_was_said(analyzer):
    """The parser hangs "that ..." on "statement" in "said in a statement that ...": still the content; a
    relative clause on the noun ("a statement that was posted") is not."""
    text = (
        "The Southern Defence Council (SDC), which controls Mukalla, said in a statement that the Houthis "
        "were behind the bombing."
    )
    assert _attributions(analyzer, text) == [("said", "that the Houthis were behind the bombing")]


def test_a_subject_the_parser_made_an_object_stays_in_what_was_said(analyzer):
    """The parser can read "said [the X front], a faction of Y, was behind it" as an object of "said" and a
    clause with no subject; the object is still part of what was said."""
    text = (
        "A car bomb exploded outside a police station in Jamundi on Sunday. The minister said the Dagoberto "
        "Ramos front, a faction of the Estado Mayor Central (EMC), was behind the bombing."
    )
    assert _attributions(analyzer, text)[-1] == (
        "said",
        "the Dagoberto Ramos front, a faction of the Estado Mayor Central (EMC), was behind the bombing",
    )
