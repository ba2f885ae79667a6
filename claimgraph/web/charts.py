"""Server-side SVG geometry: the casualty timeline and the graph of alleged ties. Pure: data in, shapes out.

The templates draw the shapes (so every label is escaped like any other text); no JavaScript library.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 24, 16, 36


@dataclass
class Point:
    x: float
    y: float
    label: str
    note: str
    href: str


@dataclass
class Series:
    name: str
    points: list[Point] = field(default_factory=list)

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))


@dataclass
class Chart:
    width: int
    height: int
    series: list[Series]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    baseline: float


def _nice_max(value: int) -> int:
    step = 10 ** max(0, len(str(max(value, 1))) - 1)
    return max(5, math.ceil(value / step) * step)


def timeline(reports: list[dict]) -> Chart | None:
    """Each report: field, value, published (date or None), label, note, href. None when nothing to draw."""
    reports = [r for r in reports if r["value"] is not None]
    if not reports:
        return None
    days = sorted({r["published"] for r in reports if r["published"]})
    slots: list[date | None] = [*days, *([None] if any(not r["published"] for r in reports) else [])]
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    x_of = {d: LEFT + (inner_w * (i + 0.5) / len(slots)) for i, d in enumerate(slots)}
    top = _nice_max(max(r["value"] for r in reports))
    y = lambda v: TOP + inner_h * (1 - v / top)  # noqa: E731
    series: dict[str, Series] = {}
    for r in sorted(reports, key=lambda r: (r["published"] or date.max, r["value"])):
        s = series.setdefault(r["field"], Series(r["field"]))
        s.points.append(Point(x_of[r["published"]], y(r["value"]), r["label"], r["note"], r["href"]))
    x_ticks = [(x_of[d], d.isoformat() if d else "undated") for d in slots]
    y_ticks = [(y(top * i / 4), str(round(top * i / 4))) for i in range(5)]
    order = [n for n in ("killed", "wounded") if n in series] + sorted(set(series) - {"killed", "wounded"})
    return Chart(WIDTH, HEIGHT, [series[n] for n in order], x_ticks, y_ticks, TOP + inner_h)


@dataclass
class Node:
    id: str
    name: str
    x: float
    y: float
    center: bool = False


@dataclass
class Edge:
    source: Node
    target: Node
    relation: str
    count: int
    negative: bool

    @property
    def mid(self) -> tuple[float, float]:
        return (self.source.x + self.target.x) / 2, (self.source.y + self.target.y) / 2


@dataclass
class Graph:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def ego_graph(center: tuple[str, str], others: list[tuple[str, str]], ties: list[dict]) -> Graph:
    """The actor in the middle, the actors tied to it on a circle; ties: source, target, relation, count."""
    w, h = 640, 360 if others else 120
    mid = Node(center[0], center[1], w / 2, h / 2, center=True)
    nodes = {mid.id: mid}
    radius = min(w, h) / 2 - 40
    for i, (actor_id, name) in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / len(others)
        nodes[actor_id] = Node(
            actor_id, name, w / 2 + radius * 1.5 * math.cos(angle), h / 2 + radius * math.sin(angle)
        )
    edges = [
        Edge(nodes[t["source"]], nodes[t["target"]], t["relation"], t["count"], t["negative"])
        for t in ties
        if t["source"] in nodes and t["target"] in nodes and t["source"] != t["target"]
    ]
    return Graph(w, h, list(nodes.values()), edges)
