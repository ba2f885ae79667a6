"""Span tagger: a fine-tuned MiniLM (ONNX, int8) that marks attribution parts and incident roles.

Trained by ``scripts/train_tagger.py`` on PolNeAR and MUC-4 (``claimgraph/models/tagger.json`` says how).
It reads the Doc's text in overlapping windows of word pieces and writes two span groups:

- ``doc.spans["tagged_attribution"]``: SOURCE, CUE and CONTENT spans (PolNeAR's scheme);
- ``doc.spans["tagged_roles"]``: PERPIND, PERPORG, TARGET, VICTIM and WEAPON spans (MUC-4's roles).

The extractors prefer these spans to the rules where they are present. The component is optional
(``build_pipeline(tagger=True)``, ``--tagger`` on the command line): it roughly triples the time per word.
"""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
ATTRIBUTION_KEY = "tagged_attribution"
ROLES_KEY = "tagged_roles"


def decode_bio(labels: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last + 1, type)`` runs of a BIO sequence; a stray ``I-X`` starts a run, as in seqeval."""
    runs: list[tuple[int, int, str]] = []
    current: list = []  # [start, type]
    for i, label in enumerate([*labels, "O"]):
        prefix, _, kind = label.partition("-")
        if current and (prefix != "I" or kind != current[1]):
            runs.append((current[0], i, current[1]))
            current = []
        if prefix in ("B", "I") and not current:
            current = [i, kind]
    return runs


def window_plan(n: int, body: int, stride: int) -> list[tuple[int, int, int, int]]:
    """``(start, end, own_from, own_to)`` per window: the pieces it reads and those it decides.

    Windows overlap by ``body - stride`` pieces; each piece is decided by the window where it sits
    furthest from an edge, so no piece is labelled with half its context missing.
    """
    if n == 0:
        return []
    margin = (body - stride) // 2
    plan = []
    start = 0
    while True:
        end = min(n, start + body)
        last = end >= n
        plan.append((start, end, start if start == 0 else start + margin, end if last else end - margin))
        if last:
            return plan
        start += stride


class SpanTagger:
    """Runs the ONNX tagger over a Doc and adds its spans; ``pipe`` batches windows across documents."""

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
        jobs = []  # (doc index, plan entry)
        for d, encoding in enumerate(encodings):
            jobs += [(d, entry) for entry in window_plan(len(encoding.ids), self.body, self.stride)]
        labels = {head: [np.zeros(len(e.ids), dtype=np.int64) for e in encodings] for head in self.heads}
        for i in range(0, len(jobs), 16):
            chunk = jobs[i : i + 16]
            width = max(end - start for _, (start, end, _, _) in chunk) + 2
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            for row, (d, (start, end, _, _)) in enumerate(chunk):
                ids[row, : end - start + 2] = [self.cls, *encodings[d].ids[start:end], self.sep]
            outputs = self.session.run(
                None, {"input_ids": ids, "attention_mask": (ids != 0).astype(np.int64)}
            )
            for head, logits in zip(self.heads, outputs, strict=True):
                best = logits.argmax(-1)
                for row, (d, (start, _, own_from, own_to)) in enumerate(chunk):
                    offset = 1 - start  # the window's [CLS] shifts pieces by one
                    labels[head][d][own_from:own_to] = best[row, own_from + offset : own_to + offset]
        for d, doc in enumerate(docs):
            offsets = encodings[d].offsets
            for head, key in (("attr", ATTRIBUTION_KEY), ("role", ROLES_KEY)):
                names = [self.heads[head][i] for i in labels[head][d]]
                doc.spans[key] = self._spans(doc, offsets, names)
        return docs

    @staticmethod
    def _spans(doc: Doc, offsets: list[tuple[int, int]], names: list[str]) -> list[Span]:
        spans = []
        for first, stop, kind in decode_bio(names):
            span = doc.char_span(offsets[first][0], offsets[stop - 1][1], label=kind, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        return spans


@Language.factory(
    "claimgraph_span_tagger",
    default_config={"model_dir": "", "threads": 0, "batch_size": 8},
)
def make_span_tagger(nlp: Language, name: str, model_dir: str, threads: int, batch_size: int) -> SpanTagger:
    return SpanTagger(nlp, name, model_dir, threads, batch_size)
