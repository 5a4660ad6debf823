"""Widgets for the notebooks: thin wiring of the pure core to ipywidgets.

Notebook cells call one function each, e.g. ``kw.text_cleaner()`` after
``import kit.widgets as kw``.
"""

import ipywidgets as _W

from .base import ready_banner as _ready_banner
from .dashboard import Dashboard, LearnerProgress, dashboard
from .dashboard import learner_progress as progress
from .crisis_room import CrisisRoom, crisis_room
from .draft_scorer import DraftScorer, draft_scorer
from .plan_builder import PlanBuilder, plan_builder
from .text_cleaner import TextCleaner, text_cleaner


def ready() -> _W.HTML:
    """A green line saying the kit runs and where the trainee's files go."""
    return _W.HTML(_ready_banner())


__all__ = ["CrisisRoom", "Dashboard", "DraftScorer", "LearnerProgress", "PlanBuilder", "TextCleaner", "crisis_room",
           "dashboard", "draft_scorer", "plan_builder", "progress", "ready", "text_cleaner"]


def exercise(exercise_id: str) -> _W.VBox:
    """An exercise: its brief (and fact sheet), then the scoring editor with its target."""
    from ..exercises import load
    from ..views.markdown import markdown_html

    try:
        ex = load(exercise_id)
    except (KeyError, ValueError, OSError):
        from ..i18n import t
        from .base import error_html

        return _W.VBox([_W.HTML(error_html(t("The exercise “{id}” could not be found. Please tell the trainer.",
                                                id=exercise_id)))])
    parts = [_W.HTML(markdown_html(ex.brief))]
    if ex.facts:
        parts.append(_W.HTML(markdown_html(ex.facts)))
    parts.append(DraftScorer(ex.kind, f"bai-tap-{ex.id}", starter=ex.starter, target=ex.target, exercise=ex.id,
                             model=ex.model or None))
    box = _W.VBox(parts)
    box.add_class("kit-exercise")
    return box


def facilitator_room() -> _W.VBox:
    """The trainer's room: pick a scenario, then play it with the facilitator controls
    (fire an extra inject, change speed, skip), each logged in the run."""
    from ..crisis import all_ids, load
    from ..i18n import _

    ids = all_ids()
    pick = _W.Dropdown(options=[(load(i).title, i) for i in ids], description=_("Scenario:"),
                       layout=_W.Layout(width="560px"), style={"description_width": "initial"})
    holder = _W.VBox()

    def show(_change=None):
        for old in holder.children:
            if isinstance(old, CrisisRoom):
                old.stop_clock()
        holder.children = [CrisisRoom(pick.value, key=f"giang-vien-{pick.value}", facilitator=True)]

    pick.observe(show, names="value")
    show()
    return _W.VBox([pick, holder])
