"""The lexicon component: plain phrases and phrases with a wildcard word ("claim * attack")."""

from claimgraph.nlp.prepare import prepare


def _triggers(analyzer, text: str) -> set[tuple[str, str]]:
    doc = analyzer.nlp(prepare(text))
    return {(span.label_, span.text) for span in doc.spans["relation_triggers"]}


def test_a_wildcard_phrase_matches_inside_a_sentence_and_at_the_end_of_the_text(analyzer) -> None:
    triggers = _triggers(
        analyzer,
        "The Eastern Front claimed another attack on the convoy on Friday. "
        "Later the Front issued a new claim",
    )
    assert ("claimed", "claimed another attack") in triggers
    assert ("claimed", "issued a new claim") in triggers


def test_a_wildcard_phrase_needs_its_last_word(analyzer) -> None:
    triggers = _triggers(analyzer, "The Eastern Front claimed another victory in the elections.")
    assert not any(text.startswith("claimed another") for _, text in triggers)
