"""Short articles of our own about invented attacks, for end-to-end runs of the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = {
    "hilltown": (
        "date 2024-02-12\n"
        "A roadside bomb struck a police patrol near Hilltown on Sunday, killing at least six officers, "
        "the district police chief said. The Valley Liberation Army claimed responsibility for the attack "
        "in a statement posted online. Officials said the group had received explosives from the Red "
        "Crescent Brigade, which denied any involvement."
    ),
    "riverport": (
        "date 2024-02-19\n"
        "Gunmen opened fire on a market in Riverport on Saturday, killing 11 people and wounding about 20, "
        "according to hospital officials. No group has claimed the attack. A government spokesman said the "
        "Valley Liberation Army was almost certainly behind the shooting."
    ),
    "lakeside": (
        "date 2024-03-02\n"
        "A suicide bomber blew himself up outside a mosque in Lakeside on Friday, killing 14 worshippers. "
        "The Northern Shura said in a statement that one of its fighters carried out the bombing. "
        "Security sources said the group was likely working with the Red Crescent Brigade."
    ),
    "stonebridge": (
        "date 2024-03-09\n"
        "Militants kidnapped five engineers near Stonebridge on Tuesday, police said. The Northern Shura "
        "denied any role in the abduction, and a local commander blamed the Valley Liberation Army."
    ),
}


def write_text(folder: Path, names: list[str], repeat: int = 1) -> list[Path]:
    """One .txt per article; ``repeat`` lengthens each (more work per document)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        head, _, body = ARTICLES[name].partition("\n")
        path = folder / f"{name}.txt"
        path.write_text(head + "\n" + "\n\n".join([body] * repeat) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
