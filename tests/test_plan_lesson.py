"""The campaign-plan module fits together: lesson, exercise data, solutions and workbooks.

- every plan exercise (``kit/exercises/data/ke-hoach-*.yaml``) loads, its starting draft
  scores well below its target and its model answer reaches it (``kit.scoring.score``);
- the lesson ``notebooks/02_ke_hoach_truyen_thong.ipynb`` is also a slide deck: every cell has
  ``slideshow`` metadata, with speaker notes for the trainer; it teaches the ten criteria of
  ``kit/rubrics/campaign_plan.py`` and the law they rest on;
- the scores the lesson quotes (its exercise, the real Quảng Ngãi plan of seed 003) are the
  scores the kit gives today (update them when a rubric changes);
- each solution notebook has its metadata, progressive hints and a worked answer quoting the
  real scores; the workbooks in ``exercises/`` are what the generator makes from ``solutions/``.
"""

from __future__ import annotations

import nbformat
import pytest

from kit.exercises import all_ids, load
from kit.scoring import score
from tests.conftest import ROOT
from tests.module_checks import (check_lesson_points_to, check_lesson_starts_the_kit, check_quoted,
                                  check_solution_shape, check_workbook_hides, quoted_totals, slide_types,
                                  solution_text, stale_workbooks)

LESSON = ROOT / "notebooks" / "02_ke_hoach_truyen_thong.ipynb"
LESSON_EXERCISE = "ke-hoach-bai-hoc"
NUMBERED = [f"ke-hoach-{n}" for n in range(1, 4)]
PLAN_IDS = sorted(i for i in all_ids() if i.startswith("ke-hoach-"))
# The real plan discussed in the lesson (Quảng Ngãi, 182/KH-SGDĐT, 2022); outside the repository.
SEED = ROOT.parent / "shared" / "seeds" / "003_630377674de8770a.txt"
SEED_TOTAL = 25.4  # what the lesson says the kit gives it


def _total(text: str) -> float:
    return score(text, "campaign_plan").total


def _distinctive(ex) -> str:
    """The first line of the model answer that the starting draft does not have (a plan's
    header is the same in both, so its first line says nothing)."""
    starter = set(ex.starter.splitlines())
    return next(ln for ln in ex.model.splitlines() if ln.strip() and ln not in starter and len(ln.split()) >= 10)


# ----------------------------------------------------------------------------- exercise data


def test_the_module_has_its_exercises():
    assert set(NUMBERED) | {LESSON_EXERCISE} <= set(PLAN_IDS)

# Loading, target, starter and model scores: tests/test_exercise_data.py (all exercises).

def test_the_whole_plan_exercise_gives_its_facts():
    ex = load("ke-hoach-3")
    assert ex.facts and "2027" in ex.facts
    # the budget in the brief adds up to what the model answer says
    assert "220.000.000 đồng" in ex.model


# ----------------------------------------------------------------------------- lesson


@pytest.fixture(scope="module")
def lesson():
    return nbformat.read(LESSON, as_version=4)


def test_lesson_is_a_slide_deck(lesson):
    types = slide_types(lesson)
    assert types.count("slide") >= 10, "one slide per step"
    assert types.count("notes") >= 3, "speaker notes for the trainer"


def test_lesson_starts_the_kit_and_runs_its_exercise(lesson):
    check_lesson_starts_the_kit(lesson, LESSON_EXERCISE)


def test_lesson_covers_the_criteria_and_the_law(lesson):
    text = "\n".join(c.source for c in lesson.cells if c.cell_type == "markdown")
    for needle in ("Nghị định 244/2026/NĐ-CP", "01/07/2026", "Nghị định 09/2017/NĐ-CP", "20/12",
                   "Nghị định 30/2020/NĐ-CP", "SMART", "PESO", "AMEC", "Barcelona", "AVE",
                   "đầu ra", "kết quả", "chủ trì", "phối hợp", "Tổng cộng", "Nơi nhận", "KẾ HOẠCH",
                   "Số: ", "/KH-", "182/KH-SGDĐT", "04/11/2013"):
        assert needle in text, needle
    # the ten criteria of the rubric, by their labels
    labels = [c.label for c in score("", "campaign_plan").criteria]
    assert len(labels) == 10
    for label in labels:
        assert label in text, label
    # every step shows a weak and a better version
    assert text.count("> ✗") >= 8 and text.count("> ✓") >= 8


def test_lesson_points_to_every_exercise(lesson):
    check_lesson_points_to(lesson, NUMBERED)


def test_lesson_quotes_real_scores(lesson):
    ex = load(LESSON_EXERCISE)
    actual = {round(_total(ex.starter), 1), round(_total(ex.model), 1), SEED_TOTAL}
    text = "\n".join(c.source for c in lesson.cells if c.cell_type in ("markdown",))
    quoted = quoted_totals(text)
    assert round(_total(ex.starter), 1) in quoted, "the lesson shows the score of the draft to fix"
    assert SEED_TOTAL in quoted, "the lesson shows the score of the Quảng Ngãi plan"
    for q in quoted:
        assert any(abs(q - a) <= 0.1 for a in actual), f"quoted {q}/100, the kit gives {sorted(actual)}"


@pytest.mark.skipif(not SEED.exists(), reason="the seed documents are not on this machine")
def test_the_seed_plan_scores_what_the_lesson_says(lesson):
    report = score(SEED.read_text(encoding="utf-8"), "campaign_plan")
    assert round(report.total, 1) == SEED_TOTAL
    cell = next(c.source for c in lesson.cells if c.get("id") == "kh-seed-scores")
    for c in report.criteria:
        shown = f"{round(c.score, 1):g}".replace(".", ",") + f"/{c.max:g}"
        assert f"| {c.label} | {shown} |" in cell, (c.id, shown)


# ----------------------------------------------------------------------------- solutions


@pytest.mark.parametrize("ex_id", NUMBERED)
def test_solution_has_hints_answer_and_metadata(ex_id):
    check_solution_shape(ex_id)


@pytest.mark.parametrize("ex_id", NUMBERED)
def test_solution_quotes_the_real_scores(ex_id):
    ex = load(ex_id)
    text = solution_text(ex_id)
    before, after = round(_total(ex.starter), 1), round(_total(ex.model), 1)
    quoted = quoted_totals(text)
    assert before in quoted and after in quoted, "the worked answer gives the score before and after"
    check_quoted(quoted, before, after)
    # the model answer shown is the one in the YAML, whole
    assert ex.model in text


@pytest.mark.parametrize("ex_id", NUMBERED)
def test_workbook_keeps_hints_and_hides_the_answer(ex_id):
    check_workbook_hides(ex_id, _distinctive(load(ex_id)))


def test_workbooks_are_current():
    assert stale_workbooks("ke-hoach-") == [], "run .venv/bin/python scripts/make_exercises.py"
