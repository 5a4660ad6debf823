"""Widgets for the notebooks: thin wiring of the pure core to ipywidgets.

Notebook cells call one function each, e.g. ``kw.text_cleaner()`` after
``import kit.widgets as kw``.
"""

import ipywidgets as _W

from .base import ready_banner as _ready_banner
from .draft_scorer import DraftScorer, draft_scorer
from .text_cleaner import TextCleaner, text_cleaner


def ready() -> _W.HTML:
    """A green line saying the kit runs and where the trainee's files go."""
    return _W.HTML(_ready_banner())


__all__ = ["DraftScorer", "TextCleaner", "draft_scorer", "ready", "text_cleaner"]
