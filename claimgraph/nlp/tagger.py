"""Span tagger: a fine-tuned MiniLM (ONNX, int8 weights) that marks attribution parts and incident roles.

Trained by ``scripts/train_tagger.py`` on PolNeAR and MUC-4 (``claimgraph/models/tagger.json`` says how).
It reads the Doc's text in overlapping windows of word pieces and writes two span groups:

- ``doc.spans["tagged_attribution"]``: SOURCE, CUE and CONTENT spans (PolNeAR's scheme);
- ``doc.spans["tagged_roles"]``: PERPIND, PERPORG, TARGET, VICTIM and WEAPON spans (MUC-4's roles).

Each group's ``attrs["scores"]`` holds, per span, the mean probability of its pieces' labels.

The extractors prefer these spans to the rules where they are present. The component is optional
(``build_pipeline(tagger=True)``, ``--tagger`` on the command line): it more than doubles the time per
word (``bench/throughput.py --tagger``).
"""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.nlp.bio import decode_bio, softmax, window_plan, word_labels

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
ATTRIBUTION_KEY = "tagged_attribution"
ROLES_KEY = "tagged_roles"


def scored_spans(doc: Doc, key: str) -> list[tuple[Span, float]]:
    """The spans of one of the tagger's groups with their scores; spans set by hand, without scores,
    count as sure (1.0)."""
    group = doc.spans[key]
    scores = group.attrs.get("scores") or [1.0] * len(group)
    return list(zip(group, scores, strict=True))


class SpanTagger:
    """Runs the ONNX tagger over a Doc and adds its spans; ``pipe`` tokenises documents in batches."""

    def __init__(self, nlp: Language, name: str, model_dir: str, threads: int, batch_size: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = Path(model_dir) if model_dir else MODEL_DIR
        card = json.loads((folder / "tagger.json").read_text(encoding="utf-8"))
        self.name = name
        self.heads = {"attr": card["attr_labels"], "role": card["role_labels"]}
        self.body = int(card["window"]) - 2
        self.stride = int(card["stride"])
        self.batch_size = batch_size
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(folder / "tagger-int8.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls = self.tokenizer.token_to_id("[CLS]")
        self.sep = self.tokenizer.token_to_id("[SEP]")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        encodings = self.tokenizer.encode_batch([doc.text for doc in docs], add_special_tokens=False)
        for doc, encoding in zip(docs, encodings, strict=True):
            probs = {
                head: np.zeros((len(encoding.ids), len(names)), np.float32)
                for head, names in self.heads.items()
            }
            for start, end, own_from, own_to in window_plan(len(encoding.ids), self.body, self.stride):
                # one window per run: padding a batch to its longest window cost more than it saved
                # (8 windows of 180-420 pieces, two cores: 0.29 s one by one, 0.75 s as one batch)
                ids = np.asarray([[self.cls, *encoding.ids[start:end], self.sep]], dtype=np.int64)
                outputs = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
                own = slice(own_from - start + 1, own_to - start + 1)  # [CLS] shifts pieces by one
                for head, logits in zip(self.heads, outputs, strict=True):
                    probs[head][own_from:own_to] = softmax(logits[0, own])
            for head, key in (("attr", ATTRIBUTION_KEY), ("role", ROLES_KEY)):
                names, score = word_labels(probs[head], encoding.word_ids, self.heads[head])
                spans, scores = self._spans(doc, encoding.offsets, names, score)
                doc.spans[key] = spans
                doc.spans[key].attrs["scores"] = scores
        return docs

    @staticmethod
    def _spans(
        doc: Doc, offsets: list[tuple[int, int]], names: list[str], score: np.ndarray
    ) -> tuple[list[Span], list[float]]:
        spans, scores = [], []
        for first, stop, kind in decode_bio(names):
            span = doc.char_span(offsets[first][0], offsets[stop - 1][1], label=kind, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
                scores.append(round(float(score[first:stop].mean()), 4))
        return spans, scores


@Language.factory(
    "claimgraph_span_tagger",
    default_config={"model_dir": "", "threads": 0, "batch_size": 8},
)
def make_span_tagger(nlp: Language, name: str, model_dir: str, threads: int, batch_size: int) -> SpanTagger:
    return SpanTagger(nlp, name, model_dir, threads, batch_size)
