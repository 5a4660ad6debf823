"""The press-release module fits together: lesson, exercise data, solutions and workbooks.

- every press-release exercise (``kit/exercises/data/thong-cao-*.yaml``) loads, its starting
  draft scores well below its target and its model answer reaches it (``kit.scoring.score``);
- the lesson ``notebooks/01_thong_cao_bao_chi.ipynb`` is also a slide deck: every cell has
  ``slideshow`` metadata, with speaker notes for the trainer;
- each solution notebook has its metadata, progressive hints and a worked answer, and the
  scores it quotes are the scores the kit gives today (update them when a rubric changes);
- the workbooks in ``exercises/`` are what the generator makes from ``solutions/``.
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

LESSON = ROOT / "notebooks" / "01_thong_cao_bao_chi.ipynb"
LESSON_EXERCISE = "thong-cao-bai-hoc"
NUMBERED = [f"thong-cao-{n}" for n in range(1, 5)]
PRESS_IDS = sorted(i for i in all_ids() if i.startswith("thong-cao-"))


def _total(text: str) -> float:
    return score(text, "press_release").total


# ----------------------------------------------------------------------------- exercise data


def test_the_module_has_its_exercises():
    assert set(NUMBERED) | {LESSON_EXERCISE} <= set(PRESS_IDS)

# Loading, target, starter and model scores: tests/test_exercise_data.py (all exercises).

# ----------------------------------------------------------------------------- lesson


@pytest.fixture(scope="module")
def lesson():
    return nbformat.read(LESSON, as_version=4)


def test_lesson_is_a_slide_deck(lesson):
    types = slide_types(lesson)
    assert types.count("slide") >= 8, "one slide per topic"
    assert "notes" in types, "speaker notes for the trainer"


def test_lesson_starts_the_kit_and_runs_its_exercise(lesson):
    check_lesson_starts_the_kit(lesson, LESSON_EXERCISE)


def test_lesson_covers_the_criteria_and_the_law(lesson):
    text = "\n".join(c.source for c in lesson.cells if c.cell_type == "markdown")
    for needle in ("Nghị định 244/2026/NĐ-CP", "01/07/2026", "Nghị định 09/2017/NĐ-CP", "Nghị định 30/2020/NĐ-CP",
                   "Kim tự tháp ngược", "ai, làm gì, khi nào, ở đâu", "sáo ngữ", "30 tiếng", "###",
                   "Chữ viết tắt", "một trang"):
        assert needle in text, needle
    # the table of stock phrases has at least 10 rows
    plain = next(c.source for c in lesson.cells if c.get("id") == "tc-plain")
    assert plain.count("\n|") >= 12


def test_lesson_points_to_every_exercise(lesson):
    check_lesson_points_to(lesson, NUMBERED)


def test_lesson_quotes_the_scores_of_its_examples(lesson):
    ex = load(LESSON_EXERCISE)
    actual = {round(_total(ex.starter), 1), round(_total(ex.model), 1)}
    text = "\n".join(c.source for c in lesson.cells if c.cell_type == "markdown")
    quoted = quoted_totals(text)
    assert quoted, "the lesson shows the score of each example"
    for q in quoted:
        assert any(abs(q - a) <= 0.1 for a in actual), f"quoted {q}/100, the kit gives {sorted(actual)}"


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
    assert quoted, "the worked answer gives the score before and after"
    check_quoted(quoted, before, after)
    # the model answer shown is the one in the YAML (its headline, at least)
    assert ex.model.splitlines()[0] in text


@pytest.mark.parametrize("ex_id", NUMBERED)
def test_workbook_keeps_hints_and_hides_the_answer(ex_id):
    check_workbook_hides(ex_id, load(ex_id).model.splitlines()[0])


def test_workbooks_are_current():
    assert stale_workbooks("thong-cao-") == [], "run .venv/bin/python scripts/make_exercises.py"
