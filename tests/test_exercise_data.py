"""Every exercise in kit/exercises/data/ is usable: it loads, its brief states the target,
its starting draft scores well below the target and its model answer reaches it."""

from __future__ import annotations

import unicodedata

import pytest

from kit.exercises import all_ids, load
from kit.scoring import score
from kit.text.segment import count_syllables

GAP = 20  # the starting draft scores at least this far below the target
# How long a model answer may be, in tiếng: a release fits on a page, a plan on a few.
MAX_MODEL = {"press_release": 500, "hot_issue": 800, "campaign_plan": 1200}
IDS = all_ids()


def test_there_are_exercises():
    assert IDS


@pytest.mark.parametrize("ex_id", IDS)
def test_exercise_loads_and_states_its_target(ex_id):
    ex = load(ex_id)
    assert ex.title and ex.brief and ex.model
    assert 50 <= ex.target <= 100
    for field in (ex.title, ex.brief, ex.starter, ex.model, ex.facts):
        assert unicodedata.is_normalized("NFC", field)
    assert f"{ex.target:g} điểm" in ex.brief, "say the target in the brief (“… đạt **80 điểm**”)"


@pytest.mark.parametrize("ex_id", IDS)
def test_starter_below_and_model_at_target(ex_id):
    ex = load(ex_id)
    assert score(ex.starter, ex.kind).total <= ex.target - GAP
    assert score(ex.model, ex.kind).total >= ex.target
    assert count_syllables(ex.model) <= MAX_MODEL[ex.kind]
