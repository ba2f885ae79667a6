"""Attributions from the span tagger (``doc.spans["tagged_attribution"]``: SOURCE, CUE, CONTENT spans).

The tagger marks the parts of every attribution but not which parts belong together, and its spans
come from word pieces: a word can carry two labels, a cue can come in two spans, a content can be cut
by a stray unlabelled word. So the spans are first made whole again at the token level (``pieces``),
then each CUE is linked to the SOURCE and CONTENT pieces next to it (``link``): the closest pairs
first, one source per cue, one content on each side of it. A content on both sides ("“A,” he said,
“B.”") is one content from the first part's start to the last part's end, as PolNeAR counts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span

from claimgraph.nlp.tagger import ATTRIBUTION_KEY as KEY
from claimgraph.nlp.tagger import scored_spans

# Unlabelled tokens allowed inside a piece (a stray word the tagger left out), per label.
BRIDGE = {"CUE": 1, "CONTENT": 6, "SOURCE": 1}
CUE_BREAKS = {",", ";"}  # "said, adding": two cues, each with its own content
SIDE_COST = {("SOURCE", "right"): 0.25}  # "X said" is likelier than "said X" when both are there
MAX_GAP = 8  # unlabelled words between a cue and a part it can be linked to
SOURCE_COST = 0.5  # a source between a cue and its content ("“A,” the mayor said"), however long
SENTENCE_COST = 10.0  # linking across a sentence end with words between
STOP_COST = 1.0  # ... with only a full stop between ("He said. “B”"); a colon costs nothing
COORDINATORS = {"and", "but", ",", "or", "yet"}
SENTENCE_ENDS = {".", "!", "?"}
RELATIVES = {"which", "who", "whom"}  # a content ending in one belongs to the next cue ("which he called")


@dataclass
class Piece:
    """A run of tokens with one label."""

    label: str
    start: int
    end: int


@dataclass
class Link:
    """A cue with the pieces linked to it."""

    cue: Piece
    source: Piece | None = None
    contents: dict[str, Piece] = field(default_factory=dict)  # "left" / "right"


def has_tags(doc: Doc) -> bool:
    """Whether the span tagger ran on ``doc`` (then its spans replace the rules' attributions)."""
    return KEY in doc.spans


def token_labels(doc: Doc) -> list[str | None]:
    """One label per token: the first span over it wins (the label of its first word piece)."""
    labels: list[str | None] = [None] * len(doc)
    for span in doc.spans[KEY]:
        for i in range(span.start, span.end):
            if labels[i] is None:
                labels[i] = span.label_
    return labels


def pieces(doc: Doc) -> list[Piece]:
    """Runs of equal labels, whitespace tokens and a few stray unlabelled tokens bridged; a source or
    content of punctuation alone (a stray full stop) is dropped, a cue may be a colon."""
    labels = token_labels(doc)
    for i, label in enumerate(labels):
        if label == "CUE" and doc[i].text in CUE_BREAKS or "\n" in doc[i].text:
            labels[i] = None  # a paragraph break ends any part
    runs = [r for r in _runs(doc, labels) if r.label == "CUE" or _has_words(doc, r)]
    runs = [piece for run in runs for piece in _split_relative(doc, run)]
    out: list[Piece] = []
    for k, run in enumerate(runs):
        out += _according_to(doc, run, runs[k + 1].start if k + 1 < len(runs) else len(doc))
    return out


def _runs(doc: Doc, labels: list[str | None]) -> list[Piece]:
    runs: list[Piece] = []
    for i, label in enumerate(labels):
        if label is None:
            continue
        last = runs[-1] if runs else None
        if last is not None and last.label == label and _bridgeable(doc, last.end, i, label):
            last.end = i + 1
        else:
            runs.append(Piece(label, i, i + 1))
    return runs


def _has_words(doc: Doc, run: Piece) -> bool:
    return any(not (t.is_punct or t.is_space) for t in doc[run.start : run.end])


def _according_to(doc: Doc, run: Piece, limit: int) -> list[Piece]:
    """ "according to a statement" tagged as one cue: the cue is "according to", its object the source."""
    if (
        run.label != "CUE"
        or run.end - run.start <= 2
        or doc[run.start : run.start + 2].text.lower() != "according to"
    ):
        return [run]
    objects = [c for c in doc[run.start + 1].children if c.dep_ == "pobj"]
    end = objects[0].right_edge.i + 1 if objects and objects[0].right_edge.i >= run.start + 2 else run.end
    end = max(run.end, min(end, limit))
    return [Piece("CUE", run.start, run.start + 2), Piece("SOURCE", run.start + 2, end)]


def _split_relative(doc: Doc, run: Piece) -> list[Piece]:
    """ "a path to the nomination, which" tagged as one content: the relative pronoun opens the content
    of the cue after it ("which he called “a disaster”"), so it becomes a content of its own."""
    last = run.end - 1
    while last > run.start and doc[last].is_space:
        last -= 1
    if run.label != "CONTENT" or last == run.start or doc[last].lower_ not in RELATIVES:
        return [run]
    end = _back_over_joins(doc, run.start, last)
    head, pronoun = Piece("CONTENT", run.start, end), Piece("CONTENT", last, last + 1)
    return [head, pronoun] if _has_words(doc, head) else [pronoun]


def _back_over_joins(doc: Doc, start: int, end: int, conjunctions: bool = False) -> int:
    """``end`` moved back over the punctuation and spaces (and conjunctions, if asked) that join a piece
    to the next ("…, which", "A and adds"), never before ``start``."""
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or conjunctions and doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return end


def _bridgeable(doc: Doc, start: int, end: int, label: str) -> bool:
    """Unlabelled tokens ``start:end`` are blank, or a few words within one sentence and paragraph."""
    gap = [doc[i] for i in range(start, end)]
    if any("\n" in t.text for t in gap):
        return False
    words = [t for t in gap if not t.is_space]
    if not words:
        return True
    if label == "CUE" and any(t.text in CUE_BREAKS for t in words):
        return False
    if any(t.text in SENTENCE_ENDS for t in words) and _opens_quote(doc, end):
        return False  # "... golf. ''They're ...'': a new quotation, which may be someone else's
    return len(words) <= BRIDGE[label] and not any(doc[i].is_sent_start for i in range(start + 1, end + 1))


def _cost(doc: Doc, labels: list[str | None], start: int, end: int) -> float | None:
    """What linking across tokens ``start:end`` costs: a unit per unlabelled word, a half per source,
    more across a sentence end; None when the gap is too wide."""
    cost = 0.0
    words = 0
    for i in range(start, end):
        token = doc[i]
        if "\n" in token.text:
            return None  # a paragraph is where an attribution ends
        if labels[i] == "SOURCE":
            cost += SOURCE_COST if i == start or labels[i - 1] != "SOURCE" else 0.0
        elif not token.is_space and not token.is_punct:
            words += 1
            if words > MAX_GAP:
                return None
    if _crosses_sentence(doc, start, end) and not _introduces(doc, start, end):
        cost += SENTENCE_COST if cost or words else STOP_COST
    return cost + words


def _crosses_sentence(doc: Doc, start: int, end: int) -> bool:
    """A sentence ends between tokens ``start`` and ``end`` (a full stop counts: a quote mark after
    it may have been put in the sentence before)."""
    return any(doc[i].is_sent_start for i in range(start + 1, end + 1)) or any(
        t.text in SENTENCE_ENDS for t in doc[start:end]
    )


def _introduces(doc: Doc, start: int, end: int) -> bool:
    """Only a colon (and quote marks or spaces) between: "He said: “...”" links across sentences."""
    gap = [t.text for t in doc[start:end] if not t.is_space and not t.is_quote]
    return gap in ([], [":"])


def link(doc: Doc, runs: list[Piece]) -> list[Link]:
    """Each cue with its source and contents: closest pairs first, each piece used once."""
    cues = {k: Link(r) for k, r in enumerate(runs) if r.label == "CUE"}
    used: set[int] = set()
    for _, k, p, side in sorted(_edges(doc, runs, cues)):
        run, item = runs[p], cues[k]
        if p in used:
            continue
        if run.label == "SOURCE" and item.source is None:
            item.source = run
        elif run.label == "CONTENT" and side not in item.contents:
            item.contents[side] = run
        else:
            continue
        used.add(p)
    _share_sources(doc, list(cues.values()))
    _continue_quotes(doc, runs, cues, used)
    return list(cues.values())


def _continue_quotes(doc: Doc, runs: list[Piece], cues: dict[int, Link], used: set[int]) -> None:
    """ "“A,” the mayor said on Tuesday, after the vote. “B.”": a quotation that opens the next sentence,
    linked to no cue, goes on with the quotation before the cue, which PolNeAR counts as one content
    from the first part's start to the last's end. Only a quotation in the sentence after the cue's, and
    only for a cue with a content on its left and none on its right (PolNeAR held-out: it fires 19
    times, content exact F1 60.53 -> 60.81)."""
    ordered = sorted(cues.items())
    for p, run in enumerate(runs):
        if p in used or run.label != "CONTENT" or not _opens_quote(doc, run.start):
            continue
        before = [item for k, item in ordered if k < p]
        if not before:
            continue
        item = before[-1]
        left = item.contents.get("left")
        if left is None or "right" in item.contents:
            continue
        if _sentence_starts(doc, item.cue.end, run.start) != 1:
            continue
        item.contents["right"] = run
        used.add(p)


def _opens_quote(doc: Doc, start: int) -> bool:
    """The piece starts a quotation: an opening quote mark just before it or as its first token."""
    for i in (start, start - 1):
        if 0 <= i < len(doc) and doc[i].is_quote and doc[i].text not in {"”", "’"}:
            return True
    return False


def _sentence_starts(doc: Doc, start: int, end: int) -> int:
    """How many sentence starts lie in tokens ``start + 1 .. end`` (0: the same sentence)."""
    return sum(1 for i in range(start + 1, min(end, len(doc) - 1) + 1) if doc[i].is_sent_start)


def _edges(doc: Doc, runs: list[Piece], cues: dict[int, Link]) -> list[tuple[float, int, int, str]]:
    """(cost, cue run, part run, side) for every part a cue may take."""
    labels: list[str | None] = [None] * len(doc)
    for run in runs:
        labels[run.start : run.end] = [run.label] * (run.end - run.start)
    edges = []
    for k, item in cues.items():
        for p, side in _neighbours(runs, k):
            run = runs[p]
            span = (run.end, item.cue.start) if side == "left" else (item.cue.end, run.start)
            cost = _cost(doc, labels, *span)
            if cost is None and side == "left" and _subject_of(doc, run, item.cue):
                cost = float(MAX_GAP)  # its subject, however long the words set off after it
            if cost is not None:
                edges.append((cost + SIDE_COST.get((run.label, side), 0.0), k, p, side))
    return edges


def _subject_of(doc: Doc, run: Piece, cue: Piece) -> bool:
    """The piece holds the subject of the cue's verb, in the same paragraph ("The figures, gathered by
    ..., appear to be false": what appears is the content)."""
    root = doc[cue.start : cue.end].root
    verbs = [root, root.head] if root.dep_ == "conj" else [root]  # conjoined verbs share the subject
    subjects = [t for v in verbs for t in v.children if t.dep_ in {"nsubj", "nsubjpass"} and t.i < cue.start]
    return any(run.start <= t.i < run.end for t in subjects) and not any(
        "\n" in t.text for t in doc[run.end : cue.start]
    )


def _neighbours(runs: list[Piece], k: int) -> Iterator[tuple[int, str]]:
    """Runs the cue ``runs[k]`` may link to: on each side, sources up to the first content, no cue
    between (nothing further can be linked: a part belongs to the attribution next to it)."""
    for step, side in ((-1, "left"), (1, "right")):
        j = k + step
        while 0 <= j < len(runs) and runs[j].label != "CUE":
            yield j, side
            if runs[j].label == "CONTENT":
                break
            j += step


def _share_sources(doc: Doc, linked: list[Link]) -> None:
    """A cue with no source that goes on from the previous attribution in the same sentence shares its
    source: after the content that closes it ("He said A but did not suggest B"), or, as a participle,
    right after its cue ("“A,” he said, referring to B")."""
    for before, item in pairwise(linked):
        if item.source is not None or before.source is None or not item.contents:
            continue
        right = before.contents.get("right")
        if right is not None and right.end <= item.cue.start:
            gap = _words_between(doc, right.end, item.cue.start)
            if gap and all(t.lower_ in COORDINATORS for t in gap) and not any(t.is_sent_start for t in gap):
                item.source = before.source
        elif right is None and doc[item.cue.start].tag_ == "VBG":
            gap = _words_between(doc, before.cue.end, item.cue.start)
            if [t.text for t in gap] == [","] and not gap[0].is_sent_start:
                item.source = before.source


def _words_between(doc: Doc, start: int, end: int) -> list:
    """The tokens between, without spaces and quote marks (a quote closes before "and" or ",")."""
    return [t for t in doc[start:end] if not t.is_space and not t.is_quote]


def spans_of(doc: Doc, item: Link) -> tuple[Span | None, Span, tuple[int, int] | None]:
    """The source and cue spans and the content's character range (first part's start to last's end;
    None when the cue has no content)."""
    source = _without_relative(doc[item.source.start : item.source.end]) if item.source else None
    cue = doc[item.cue.start : item.cue.end]
    parts = [_before_next_clause(doc, cue, p) if side == "right" else p for side, p in item.contents.items()]
    if not parts:
        return source, cue, None
    first, last = min(p.start for p in parts), max(p.end for p in parts)
    return source, cue, (doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))


def _before_next_clause(doc: Doc, cue: Span, content: Piece) -> Piece:
    """A content after its cue ends at a cue verb joined to it ("says A and adds B": "and adds B" is
    not what was said first). Other verbs joined to the cue are left in: the parser often joins a
    verb of the content to the cue."""
    root = cue.root
    stops = {t for t in root.conjuncts if t.i > root.i and cue_class(doc, doc[t.i : t.i + 1], None)}
    for i in range(content.start, content.end):
        if doc[i] in stops:
            edge = doc[i].left_edge.i if doc[i].left_edge.i > content.start else i
            end = _back_over_joins(doc, content.start, edge, conjunctions=True)
            return Piece(content.label, content.start, end) if end > content.start else content
    return content


def _without_relative(source: Span) -> Span:
    """ "Jane Roe, who": the source is the name; the relative pronoun belongs to the clause it opens."""
    end = source.end
    if len(source) > 1 and source[-1].lower_ in {"who", "which"}:
        end -= 1
        while end > source.start + 1 and source.doc[end - 1].is_punct:
            end -= 1
    return source.doc[source.start : end]


def confidence(doc: Doc, span: Span, label: str) -> float:
    """The tagger's mean label probability over ``span``: the least of its ``label`` spans there (1.0
    for spans set without scores, 0.0 where it tagged none)."""
    found = [
        score
        for other, score in scored_spans(doc, KEY)
        if other.label_ == label and other.start < span.end and span.start < other.end
    ]
    return min(found, default=0.0)


def cue_class(doc: Doc, cue: Span, default: str | None = "speech") -> str | None:
    """The rules' class of the cue (speech, claim, deny, accuse) where the cue lexicon knows it."""
    for rule in doc.spans.get("cues", []):
        if rule.start < cue.end and cue.start < rule.end:
            return rule.label_
    return default
