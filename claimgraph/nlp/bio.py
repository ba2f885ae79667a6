"""BIO sequence arithmetic for the span tagger: windows over word pieces, the most probable label path,
and labelled runs. Pure numpy, no spaCy, so that ``scripts/train_tagger.py`` scores its epochs with the
very decoding claimgraph runs."""

import numpy as np


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
