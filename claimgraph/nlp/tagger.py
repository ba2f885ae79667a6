"""Span tagger: a fine-tuned MiniLM (ONNX, int8) that marks attribution parts and incident roles.

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

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
ATTRIBUTION_KEY = "tagged_attribution"
ROLES_KEY = "tagged_roles"


def scored_spans(doc: Doc, key: str) -> list[tuple[Span, float]]:
    """The spans of one of the tagger's groups with their scores; spans set by hand, without scores,
    count as sure (1.0)."""
    group = doc.spans[key]
    scores = group.attrs.get("scores") or [1.0] * len(group)
    return list(zip(group, scores, strict=True))


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
                # one window per run: int8 activations are scaled per run, so batching windows of
                # several documents would make one document's labels depend on its neighbours
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


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(-1, keepdims=True))
    return shifted / shifted.sum(-1, keepdims=True)


def word_labels(
    probs: np.ndarray, word_ids: list[int | None], names: list[str]
) -> tuple[list[str], np.ndarray]:
    """Labels per piece, read as token classifiers are read: each word takes the label of its first piece,
    and the words' labels are the most probable sequence in which I-X only follows B-X or I-X.

    Returns the label names and each piece's probability of its label.
    """
    if not len(probs):
        return [], np.zeros(0, np.float32)
    firsts = [i for i in range(len(probs)) if i == 0 or word_ids[i] is None or word_ids[i] != word_ids[i - 1]]
    path = viterbi(probs[firsts], names)
    labels: list[str] = []
    score = np.zeros(len(probs), np.float32)
    word = -1
    for i in range(len(probs)):
        if word + 1 < len(firsts) and firsts[word + 1] == i:
            word += 1
            labels.append(names[path[word]])
        else:  # a later piece of the word: inside the word's span, if it has one
            prefix, _, kind = labels[-1].partition("-")
            labels.append("O" if prefix == "O" else f"I-{kind}")
        score[i] = probs[firsts[word], path[word]]
    return labels, score


def viterbi(probs: np.ndarray, names: list[str]) -> np.ndarray:
    """The most probable label sequence with BIO's constraint (no I-X after anything but B-X or I-X)."""
    allowed = np.ones((len(names), len(names)), dtype=bool)  # [from, to]
    for j, name in enumerate(names):
        if name.startswith("I-"):
            allowed[:, j] = [prev in (f"B-{name[2:]}", name) for prev in names]
    transition = np.where(allowed, 0.0, -np.inf)
    start = np.array([-np.inf if n.startswith("I-") else 0.0 for n in names])
    logp = np.log(probs + 1e-9)
    best = start + logp[0]
    back = np.zeros(probs.shape, dtype=np.int64)
    for t in range(1, len(probs)):
        candidates = best[:, None] + transition
        back[t] = candidates.argmax(0)
        best = candidates.max(0) + logp[t]
    path = np.zeros(len(probs), dtype=np.int64)
    path[-1] = int(best.argmax())
    for t in range(len(probs) - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


@Language.factory(
    "claimgraph_span_tagger",
    default_config={"model_dir": "", "threads": 0, "batch_size": 8},
)
def make_span_tagger(nlp: Language, name: str, model_dir: str, threads: int, batch_size: int) -> SpanTagger:
    return SpanTagger(nlp, name, model_dir, threads, batch_size)
