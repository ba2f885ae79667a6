"""Attributions built from the span tagger's SOURCE / CUE / CONTENT spans (claimgraph/extractors/tagged.py).

Two kinds of test, on invented sentences: the linking on spans set by hand (no model, exact), and the
whole pipeline with the tagger (what a user of ``--tagger`` gets).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimgraph.extract import extract
from claimgraph.extractors import tagged
from claimgraph.extractors.attributions import find_attributions
from claimgraph.extractors.context import Context
from claimgraph.model import Document
from claimgraph.nlp.prepare import prepare

SPLIT = (
    "“The bridge will stay closed until the spring,” the harbour master said, “and nobody will be "
    "allowed to cross it before the repairs are finished.”"
)
ACCORDING = (
    "The ferry company will cut its winter timetable by half, according to a notice posted at the "
    "terminal on Tuesday."
)
PLAIN = "The old lighthouse on the northern cape was painted white and red in 1932."
INDIRECT = "Mayor Ana Ruiz said that the council would vote on the new parking rules next month."


# --- linking, on spans set by hand -------------------------------------------------------------------


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _tag(doc: Doc, *parts: tuple[str, str]) -> Doc:
    """Mark each (words, label) at its first occurrence, as the tagger would."""
    spans = []
    for words, label in parts:
        start = doc.text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None, words
        spans.append(span)
    doc.spans[tagged.KEY] = spans
    return doc


def _linked(doc: Doc) -> list[tuple[str | None, str, str | None]]:
    out = []
    for item in tagged.link(doc, tagged.pieces(doc)):
        source, cue, content = tagged.spans_of(doc, item)
        text = doc.text[content[0] : content[1]] if content else None
        out.append((source.text if source is not None else None, cue.text, text))
    return out


def test_a_quote_split_by_its_source_and_cue_is_one_content(blank):
    doc = _tag(
        blank(SPLIT),
        ("“The bridge will stay closed until the spring,”", "CONTENT"),
        ("the harbour master", "SOURCE"),
        ("said", "CUE"),
        ("“and nobody will be allowed to cross it before the repairs are finished.”", "CONTENT"),
    )
    [(source, cue, content)] = _linked(doc)
    assert (source, cue) == ("the harbour master", "said")
    assert content == SPLIT  # first part's start to last part's end


def test_word_piece_fragments_are_made_whole(blank):
    """A cue in two spans ("has" + "said") and a content cut by one stray word are one part each."""
    text = "The minister has said that the new tax will be dropped before the election."
    doc = _tag(
        blank(text),
        ("The minister", "SOURCE"),
        ("has", "CUE"),
        ("said", "CUE"),
        ("that the new tax will", "CONTENT"),
        ("dropped before the election", "CONTENT"),
    )
    assert _linked(doc) == [
        ("The minister", "has said", "that the new tax will be dropped before the election")
    ]


def test_each_cue_takes_the_parts_next_to_it(blank):
    text = "“We are ready,” the coach said. “They are not,” the captain replied."
    doc = _tag(
        blank(text),
        ("“We are ready,”", "CONTENT"),
        ("the coach", "SOURCE"),
        ("said", "CUE"),
        ("“They are not,”", "CONTENT"),
        ("the captain", "SOURCE"),
        ("replied", "CUE"),
    )
    assert _linked(doc) == [
        ("the coach", "said", "“We are ready,”"),
        ("the captain", "replied", "“They are not,”"),
    ]


def test_a_cue_without_content_links_nothing(blank):
    doc = _tag(blank(PLAIN), ("painted", "CUE"))
    assert [content for _, _, content in _linked(doc)] == [None]


def test_according_to_tagged_as_one_cue_is_cue_and_source(blank):
    text = "Prices will rise again, according to the bank."
    doc = _tag(blank(text), ("Prices will rise again", "CONTENT"), ("according to the bank", "CUE"))
    assert _linked(doc) == [("the bank", "according to", "Prices will rise again")]


def test_a_content_ending_in_which_opens_the_next_cues_content(blank):
    """ "..., which the mayor called “a disgrace”": "which" starts what the mayor said."""
    text = "The council said it would close the market, which the mayor called “a disgrace to the town.”"
    doc = _tag(
        blank(text),
        ("The council", "SOURCE"),
        ("said", "CUE"),
        ("it would close the market, which", "CONTENT"),
        ("the mayor", "SOURCE"),
        ("called", "CUE"),
        ("“a disgrace to the town.”", "CONTENT"),
    )
    assert _linked(doc) == [
        ("The council", "said", "it would close the market"),
        ("the mayor", "called", "which the mayor called “a disgrace to the town.”"),
    ]


def test_no_part_is_linked_across_a_paragraph_break(blank):
    """A content left of a cue in the paragraph before is another attribution's, not this cue's."""
    text = "The port will reopen on Monday.\n\nThe mayor said the fishermen would be paid first."
    doc = _tag(
        blank(text),
        ("The port will reopen on Monday.", "CONTENT"),
        ("The mayor", "SOURCE"),
        ("said", "CUE"),
        ("the fishermen would be paid first", "CONTENT"),
    )
    assert _linked(doc) == [("The mayor", "said", "the fishermen would be paid first")]


# --- the whole pipeline with the tagger ----------------------------------------------------------------


@pytest.fixture(scope="module")
def with_tagger():
    from claimgraph.pipeline import Analyzer

    return Analyzer(tagger=True)


def _parts(result) -> list[tuple[str | None, str, str]]:
    return [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in result.attributions]


def test_tagger_split_quote_gives_one_attribution(with_tagger):
    result = with_tagger.extract(Document(id="split", text=SPLIT))
    [(source, cue, content)] = _parts(result)
    assert (source, cue) == ("the harbour master", "said")
    assert content.startswith("The bridge will stay closed")
    assert content.endswith("before the repairs are finished")
    assert result.attributions[0].kind == "direct"


def test_tagger_according_to(with_tagger):
    [(source, cue, content)] = _parts(with_tagger.extract(Document(id="acc", text=ACCORDING)))
    assert cue.lower() == "according to"
    assert source is not None and source.startswith("a notice")
    assert content == "The ferry company will cut its winter timetable by half"


def test_tagger_indirect_speech_keeps_that(with_tagger):
    result = with_tagger.extract(Document(id="ind", text=INDIRECT))
    assert _parts(result) == [
        ("Mayor Ana Ruiz", "said", "that the council would vote on the new parking rules next month")
    ]
    assert result.attributions[0].kind == "indirect"


def test_tagger_no_attribution_in_a_plain_sentence(with_tagger):
    assert with_tagger.extract(Document(id="plain", text=PLAIN)).attributions == []


def test_speaker_of_a_tagged_attribution_is_read_as_the_rules_read_it(analyzer, with_tagger):
    """The speaker comes from speakers.describe on the source span, as for the rules' attributions."""
    [found] = find_attributions(Context.of(with_tagger.nlp(prepare(INDIRECT))), "ind")
    [rule] = find_attributions(Context.of(analyzer.nlp(prepare(INDIRECT))), "ind")
    assert found.record.source == rule.record.source
    assert found.speaker == rule.speaker
    assert found.cue_class == rule.cue_class == "speech"


def test_without_the_tagger_spans_attributions_are_the_rules(analyzer, with_tagger):
    """Taking the tagger's span groups away gives exactly what the default pipeline gives."""
    for name, text in (("split", SPLIT), ("acc", ACCORDING), ("ind", INDIRECT), ("plain", PLAIN)):
        document = Document(id=name, text=text)
        doc = with_tagger.nlp(prepare(text))
        for key in ("tagged_roles", tagged.KEY):
            del doc.spans[key]
        assert not tagged.has_tags(doc)
        assert extract(doc, document).to_dict() == analyzer.extract(document).to_dict()


def test_hand_set_spans_on_a_parsed_doc_replace_the_rules(analyzer):
    """With the span group present the tagged parts win, even where the rules would find nothing."""
    text = "Residents of the valley fear the new dam will flood their fields."
    doc = analyzer.nlp(prepare(text))
    doc.spans[tagged.KEY] = [
        Span(doc, 0, 4, label="SOURCE"),
        Span(doc, 4, 5, label="CUE"),
        Span(doc, 5, len(doc) - 1, label="CONTENT"),
    ]
    [found] = find_attributions(Context.of(doc), "dam")
    assert (found.record.source.text, found.record.cue.text) == ("Residents of the valley", "fear")
    assert found.record.content.text == "the new dam will flood their fields"


def test_a_content_stops_at_a_cue_joined_to_its_own(analyzer):
    """ "said A and added B": "and added B" is not part of what was said first."""
    text = "Ms. Ortiz said the port was safe and added that the ferries would run on Sunday."
    doc = analyzer.nlp(prepare(text))
    said = next(t.i for t in doc if t.text == "said")
    doc.spans[tagged.KEY] = [
        Span(doc, 0, said, label="SOURCE"),
        Span(doc, said, said + 1, label="CUE"),
        Span(doc, said + 1, len(doc) - 1, label="CONTENT"),
    ]
    assert [t.text for t in doc[said].conjuncts] == ["added"]
    [found] = find_attributions(Context.of(doc), "port")
    assert found.record.content.text == "the port was safe"


@pytest.mark.parametrize(("score", "kept"), [(0.95, True), (0.6, False)])
def test_a_cue_the_lexicon_does_not_know_is_kept_only_when_the_tagger_is_sure(analyzer, score, kept):
    """ "For the farmers, ...": a function word as cue, no source; PolNeAR marks such cues, but most
    the tagger finds are noise, so only a sure one stands."""
    text = "For the farmers, the new dam is a disaster."
    doc = analyzer.nlp(prepare(text))
    content_start = next(t.i for t in doc if t.text == "new") - 1
    doc.spans[tagged.KEY] = [
        Span(doc, 0, 1, label="CUE"),
        Span(doc, content_start, len(doc) - 1, label="CONTENT"),
    ]
    doc.spans[tagged.KEY].attrs["scores"] = [score, 0.9]
    found = find_attributions(Context.of(doc), "dam")
    assert [(f.record.cue.text, f.record.content.text) for f in found] == (
        [("For", "the new dam is a disaster")] if kept else []
    )


def _parsed(analyzer, text: str, *parts: tuple[str, str]) -> Doc:
    """The parsed text (the sharing rules read part-of-speech tags) with hand-set tagger spans."""
    return _tag(analyzer.nlp(prepare(text)), *parts)


def test_a_participle_cue_after_a_cue_shares_its_source(analyzer):
    """ "“A,” Ms. Ortiz said, referring to B": the tagger marks the speaker once; PolNeAR gives both cues
    that source."""
    text = "“The ferries will run on Sunday,” Ms. Ortiz said, referring to the repaired pier."
    doc = _parsed(
        analyzer,
        text,
        ("The ferries will run on Sunday,", "CONTENT"),
        ("Ms. Ortiz", "SOURCE"),
        ("said", "CUE"),
        ("referring to", "CUE"),
        ("the repaired pier", "CONTENT"),
    )
    assert _linked(doc) == [
        ("Ms. Ortiz", "said", "The ferries will run on Sunday,"),
        ("Ms. Ortiz", "referring to", "the repaired pier"),
    ]


def test_a_cue_after_a_closing_quote_and_comma_shares_the_source(analyzer):
    """ "X said the port was “safe”, adding that B": the quote mark before the comma does not stop the
    second cue from taking the first one's source; a cue in a new sentence does not."""
    text = (
        "Ms. Ortiz said the port was “safe”, adding that the ferries would run on Sunday. "
        "Officials expect that more boats will come."
    )
    doc = _parsed(
        analyzer,
        text,
        ("Ms. Ortiz", "SOURCE"),
        ("said", "CUE"),
        ("the port was “safe", "CONTENT"),
        ("adding", "CUE"),
        ("that the ferries would run on Sunday", "CONTENT"),
        ("expect", "CUE"),
        ("that more boats will come", "CONTENT"),
    )
    assert [(source, cue) for source, cue, _ in _linked(doc)] == [
        ("Ms. Ortiz", "said"),
        ("Ms. Ortiz", "adding"),
        (None, "expect"),
    ]


CONTINUED = (
    "“The bridge will stay closed,” the harbour master told reporters on Tuesday, shortly after the "
    "council had voted on the repair budget. “Nobody will cross it before the spring.”"
)


@pytest.mark.parametrize(("between", "joined"), [("", True), (" The ferry ran late.", False)])
def test_a_quotation_opening_the_next_sentence_goes_on_with_the_first(blank, between, joined):
    """ "“A,” X told reporters ..., long after. “B.”": the second quotation, linked to no cue, is the
    same speaker going on (PolNeAR's content runs from A to B); two sentences on, it is left alone."""
    first, second = CONTINUED.split(" “Nobody")
    text = first + between + " “Nobody" + second
    doc = _tag(
        blank(text),
        ("The bridge will stay closed,", "CONTENT"),
        ("the harbour master", "SOURCE"),
        ("told", "CUE"),
        ("Nobody will cross it before the spring.", "CONTENT"),
    )
    [(source, cue, content)] = _linked(doc)
    assert (source, cue) == ("the harbour master", "told")
    end = "the spring." if joined else "stay closed,"
    assert content.startswith("The bridge") and content.endswith(end)


def test_a_content_does_not_run_over_a_full_stop_into_a_new_quotation():
    """The parser does not always start a sentence at a quote mark after a full stop; the stray "."
    the tagger left unlabelled must still not join what one said to the next quotation."""
    text = "Ms. Ortiz said the port was safe. “The ferries will run on Sunday,” the captain added."
    doc = _tag(
        spacy.blank("en")(text),  # no sentence boundaries at all
        ("Ms. Ortiz", "SOURCE"),
        ("said", "CUE"),
        ("the port was safe", "CONTENT"),
        ("“The ferries will run on Sunday,”", "CONTENT"),
        ("the captain", "SOURCE"),
        ("added", "CUE"),
    )
    assert _linked(doc) == [
        ("Ms. Ortiz", "said", "the port was safe"),
        ("the captain", "added", "“The ferries will run on Sunday,”"),
    ]


def test_the_subject_of_a_cue_is_linked_over_the_clause_set_off_after_it(analyzer):
    """ "Ana Ruiz, who ... (more than eight words) ..., said A": the tagger marks the name, and the
    words between are more than a link may cross; the cue's grammatical subject is linked all the same."""
    text = (
        "Ana Ruiz, who has run the harbour office for twenty years and knows every captain by name, "
        "said the port was safe."
    )
    doc = _parsed(analyzer, text, ("Ana Ruiz", "SOURCE"), ("said", "CUE"), ("the port was safe", "CONTENT"))
    assert _linked(doc) == [("Ana Ruiz", "said", "the port was safe")]


def test_words_the_tagger_puts_in_a_denials_cue_are_denied(analyzer):
    """ "Rwanda has repeatedly denied backing the M23" with the tagger's cue "has repeatedly denied
    backing": the backing inside the cue is denied all the same (negative), as with the rules' cue."""
    from claimgraph.extract import extract

    text = "Rwanda has repeatedly denied backing the M23."
    doc = _parsed(
        analyzer, text, ("Rwanda", "SOURCE"), ("has repeatedly denied backing", "CUE"), ("the M23", "CONTENT")
    )
    result = extract(doc, Document(id="denied", text=text))
    [statement] = [s for s in result.statements if s.relation == "facilitated"]
    assert (statement.subject, statement.polarity) == ("rwanda", "negative")
