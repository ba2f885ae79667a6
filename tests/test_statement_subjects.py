"""Who a statement says acted (claimgraph/extractors/statements.py), on invented sentences."""

from __future__ import annotations

from claimgraph.model import Document


def _perpetrators(analyzer, text: str) -> list[tuple[str, str | None]]:
    result = analyzer.extract(Document(id="subjects", text=text))
    return [(s.subject, s.source.name) for s in result.statements if s.relation == "perpetrated"]


def test_a_pronoun_in_reported_words_is_not_a_group_named_before_them(analyzer):
    """ "They" in the mayor's words is whoever the mayor means; the group last named in the narration
    (here only as what the parade marked) is not evidence that the mayor blamed it."""
    text = (
        "A bomb exploded at a parade for the anniversary of the Shining Path in Tacna on Friday. "
        '"They bombed our parade to scare us," the mayor said.'
    )
    assert _perpetrators(analyzer, text) == []


def test_a_pronoun_in_reported_words_resolves_within_them(analyzer):
    text = (
        "A bomb exploded at a parade in Tacna on Friday. "
        "The mayor said the Shining Path had warned the town, and that they bombed the parade."
    )
    assert _perpetrators(analyzer, text) == [("shining_path", "The mayor")]


def test_committing_suicide_is_no_attack(analyzer):
    text = (
        "A parcel bomb exploded on a busy street in Lyon on Friday, wounding 13 people. "
        "Police officers in the city keep committing suicide, a union said."
    )
    assert _perpetrators(analyzer, text) == []
