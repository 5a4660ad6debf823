"""Exercises as data: one YAML file per exercise in ``kit/exercises/data/``.

A notebook cell calls ``kw.exercise("thong-cao-1")``; the brief, the starting draft, the
target score and the model answer come from here, so the notebooks stay one line per
cell and the same exercise can be used from the lesson, the workbook and the trainer's kit.

Fields: ``id``, ``kind`` (press_release | hot_issue | campaign_plan), ``title``,
``brief`` (Markdown shown above the editor), ``starter`` (the draft the trainee starts
from; may be empty), ``target`` (score to reach), ``model`` (a model answer),
``facts`` (optional Markdown fact sheet).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KINDS = ("press_release", "hot_issue", "campaign_plan")


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    title: str
    brief: str
    starter: str
    target: float
    model: str
    facts: str = ""


def _nfc(value) -> str:
    return unicodedata.normalize("NFC", str(value or "")).strip("\n")


@lru_cache(maxsize=None)
def load(exercise_id: str) -> Exercise:
    import yaml

    path = resources.files(__package__) / "data" / f"{exercise_id}.yaml"
    if not path.is_file():
        raise KeyError(exercise_id)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data.get("id") != exercise_id or data.get("kind") not in KINDS:
        raise ValueError(f"{exercise_id}.yaml: id must match the file name and kind be one of {KINDS}")
    return Exercise(
        id=exercise_id, kind=data["kind"], title=_nfc(data["title"]), brief=_nfc(data["brief"]),
        starter=_nfc(data.get("starter")), target=float(data.get("target", 80)), model=_nfc(data.get("model")),
        facts=_nfc(data.get("facts")),
    )


def all_ids() -> list[str]:
    folder = resources.files(__package__) / "data"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))
