"""`batch --tagger`: a worker's shard holds what the span tagger's pipeline extracts, not the rules'."""

import pytest

from claimgraph import distributed as dist
from claimgraph.model import Document

TEXT = (
    "The provincial governor, Amina Okoro, said on Sunday that the convoy had been ambushed near the "
    'river crossing. "We will not be intimidated," she told reporters in the capital.'
)


def test_a_shard_made_with_the_tagger_holds_the_tagger_pipeline_extraction():
    document = Document(id="convoy", text=TEXT)
    with_tagger = dist.extract_shard([document], tagger=True)
    expected = dist.analyzer(tagger=True).extract(document)
    assert expected.attributions
    assert with_tagger["attributions"].num_rows == len(expected.attributions)
    rows = with_tagger["attributions"].to_pylist()
    assert {(r["cue"]["text"], r["content"]["text"]) for r in rows} == {
        (a.cue.text, a.content.text) for a in expected.attributions
    }
    assert any(r["content"]["text"].startswith("that the convoy") for r in rows)
    assert dist.analyzer(tagger=True).nlp.has_pipe("claimgraph_span_tagger")
    assert not dist.analyzer().nlp.has_pipe("claimgraph_span_tagger")


def test_a_batch_resumed_with_the_other_tagger_setting_is_refused(tmp_path):
    """Shards already written are kept on resume, so the two settings must not meet in one folder."""
    out = tmp_path / "shards"
    out.mkdir()
    dist.check_settings(out, {"tagger": True})  # the first run records its setting
    dist.check_settings(out, {"tagger": True})  # resumed the same way: fine
    with pytest.raises(dist.BatchError, match=r"started with --tagger; resume it the same way"):
        dist.check_settings(out, {"tagger": False})
    (out / dist.SETTINGS).write_text("{broken", encoding="utf-8")
    with pytest.raises(dist.BatchError, match=r"settings.json: not a batch settings file"):
        dist.check_settings(out, {"tagger": False})
