"""From Document to Extraction: case restoration, the spaCy pipeline, then the pure extractor.

``Analyzer`` loads the pipeline once and is what the CLI, the web app and the Dask workers call.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from claimgraph.extract import extract
from claimgraph.model import Document, Extraction
from claimgraph.nlp import build_pipeline
from claimgraph.nlp.prepare import prepare


class Analyzer:
    """Holds the loaded pipeline; ``extract`` one document or ``pipe`` many."""

    def __init__(self, nlp: Language | None = None, tagger: bool = False) -> None:
        self.nlp = nlp or build_pipeline(tagger=tagger)

    def extract(self, document: Document) -> Extraction:
        return extract(self.nlp(prepare(document.text)), document)

    def pipe(
        self, documents: Iterable[Document], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[Extraction]:
        """Extractions in input order; ``n_process`` > 1 parses in that many processes."""
        pending: list[Document] = []

        def texts() -> Iterator[str]:
            for document in documents:
                pending.append(document)
                yield prepare(document.text)

        for doc in self.nlp.pipe(texts(), n_process=n_process, batch_size=batch_size):
            yield extract(doc, pending.pop(0))
