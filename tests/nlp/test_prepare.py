"""The text the pipeline reads: same length as the document, transcriber's notes blanked."""

from __future__ import annotations

from claimgraph.model import Document
from claimgraph.nlp.prepare import prepare


def test_transcriber_notes_are_blanked_in_place_and_names_in_brackets_kept() -> None:
    """ "[WORD INDISTINCT]", "[PASSAGE OMITTED]", "[CHANGES THOUGHT]" are the transcriber's, blanked so
    the sentence reads whole; "[FMLN]" expands a name and "[TEXT]" marks a section: both stay. Every
    offset is kept, across a line break inside a note too."""
    text = (
        "SAN SALVADOR, 7 FEB 89 (RADIO VENCEREMOS) -- [TEXT] THE FARABUNDO MARTI NATIONAL LIBERATION FRONT "
        "[FMLN] SAID THE TROOPS [WORD INDISTINCT] FIRED ON THE CROWD. [PASSAGE OMITTED] WE [CHANGES "
        "THOUGHT] THE PEOPLE [ONE WORD\nINDISTINCT] WILL WIN."
    )
    prepared = prepare(text)
    assert len(prepared) == len(text)
    lowered = prepared.lower()
    assert "[fmln]" in lowered and "[text]" in lowered
    for note in ("indistinct", "omitted", "changes"):
        assert note not in lowered
    assert "troops" in lowered and "fired" in lowered


def test_a_note_between_subject_and_verb_no_longer_hides_the_doer(analyzer) -> None:
    text = (
        "SAN SALVADOR, 7 FEB 89 (RADIO VENCEREMOS) -- [TEXT] THE NATIONAL GUARD [WORD INDISTINCT] MURDERED "
        "UNIVERSITY STUDENT JUAN PEREZ NEAR THE PORT OF ACAJUTLA ON MONDAY."
    )
    result = analyzer.extract(Document(id="note", text=text))
    assert [s.subject for s in result.statements if s.relation == "perpetrated"] == [
        "salvadoran_national_guard"
    ]
    assert [i.victims for i in result.incidents] == [["Juan Perez"]]
