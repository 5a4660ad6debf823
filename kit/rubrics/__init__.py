"""The rubrics, one module per genre: ``press_release``, ``hot_issue``, ``campaign_plan``."""

from __future__ import annotations

import importlib

from .base import Criterion, Finding, Rubric

KINDS = ("press_release", "hot_issue", "campaign_plan")


def get(kind: str) -> Rubric:
    if kind not in KINDS:
        raise KeyError(kind)
    return importlib.import_module(f".{kind}", __package__).RUBRIC


__all__ = ["Criterion", "Finding", "KINDS", "Rubric", "get"]
