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

import re

import nbformat
import pytest

from kit.exercises import all_ids, load
from kit.notebooks import generate as gen
from kit.scoring import score
from tests.conftest import ROOT

LESSON = ROOT / "notebooks" / "01_thong_cao_bao_chi.ipynb"
LESSON_EXERCISE = "thong-cao-bai-hoc"
NUMBERED = [f"thong-cao-{n}" for n in range(1, 5)]
PRESS_IDS = sorted(i for i in all_ids() if i.startswith("thong-cao-"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}
GAP = 20  # the starting draft scores at least this far below the target

# "**19,4/100**", "17,4/100 điểm": a total quoted in the teaching text (Vietnamese decimal comma).
QUOTED_TOTAL_RE = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d)?)/100(?!\d)")


def _total(text: str) -> float:
    return score(text, "press_release").total


def _tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def _quoted_totals(text: str) -> list[float]:
    return [float(m.group(1).replace(",", ".")) for m in QUOTED_TOTAL_RE.finditer(text)]


# ----------------------------------------------------------------------------- exercise data


def test_the_module_has_its_exercises():
    assert set(NUMBERED) | {LESSON_EXERCISE} <= set(PRESS_IDS)

# Loading, target, starter and model scores: tests/test_exercise_data.py (all exercises).

# ----------------------------------------------------------------------------- lesson


@pytest.fixture(scope="module")
def lesson():
    return nbformat.read(LESSON, as_version=4)


def test_lesson_is_a_slide_deck(lesson):
    types = []
    for cell in lesson.cells:
        slide_type = cell.metadata.get("slideshow", {}).get("slide_type")
        assert slide_type in SLIDE_TYPES, (cell.get("id"), slide_type)
        types.append(slide_type)
    assert types[0] == "slide"
    assert types.count("slide") >= 8, "one slide per topic"
    assert "notes" in types, "speaker notes for the trainer"


def test_lesson_starts_the_kit_and_runs_its_exercise(lesson):
    codes = [c.source for c in lesson.cells if c.cell_type == "code"]
    assert codes and "kw.ready()" in codes[0]
    assert any(f'kw.exercise("{LESSON_EXERCISE}")' in s for s in codes)
    assert "▶▶" in lesson.cells[0].source


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
    text = "\n".join(c.source for c in lesson.cells)
    for ex_id in NUMBERED:
        assert f"{ex_id}.ipynb" in text
        assert f"{load(ex_id).target:g} điểm" in text


def test_lesson_quotes_the_scores_of_its_examples(lesson):
    ex = load(LESSON_EXERCISE)
    actual = {round(_total(ex.starter), 1), round(_total(ex.model), 1)}
    text = "\n".join(c.source for c in lesson.cells if c.cell_type == "markdown")
    quoted = _quoted_totals(text)
    assert quoted, "the lesson shows the score of each example"
    for q in quoted:
        assert any(abs(q - a) <= 0.1 for a in actual), f"quoted {q}/100, the kit gives {sorted(actual)}"


# ----------------------------------------------------------------------------- solutions


@pytest.mark.parametrize("ex_id", NUMBERED)
def test_solution_has_hints_answer_and_metadata(ex_id):
    nb = nbformat.read(ROOT / "solutions" / f"{ex_id}.ipynb", as_version=4)
    kit = nb.metadata.get("kit") or {}
    assert kit.get("id") == ex_id and kit.get("role") == "solution" and kit.get("title")
    assert kit.get("target_score") == load(ex_id).target
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    hints = [c for c in nb.cells if "hint" in _tags(c)]
    solutions = [c for c in nb.cells if "solution" in _tags(c)]
    assert 2 <= len(hints) <= 3 and all(c.cell_type == "markdown" for c in hints)
    assert solutions and all(c.cell_type == "markdown" for c in solutions)
    codes = [c.source for c in nb.cells if c.cell_type == "code"]
    assert "kw.ready()" in codes[0]
    assert any(f'kw.exercise("{ex_id}")' in s for s in codes)
    # hints come before the worked answer
    order = [("hint" in _tags(c), "solution" in _tags(c)) for c in nb.cells]
    assert max(i for i, (h, _s) in enumerate(order) if h) < min(i for i, (_h, s) in enumerate(order) if s)


@pytest.mark.parametrize("ex_id", NUMBERED)
def test_solution_quotes_the_real_scores(ex_id):
    ex = load(ex_id)
    nb = nbformat.read(ROOT / "solutions" / f"{ex_id}.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if "solution" in _tags(c))
    before, after = round(_total(ex.starter), 1), round(_total(ex.model), 1)
    quoted = _quoted_totals(text)
    assert quoted, "the worked answer gives the score before and after"
    for q in quoted:
        assert abs(q - before) <= 0.1 or abs(q - after) <= 0.1, f"quoted {q}/100; the kit gives {before} → {after}"
    # the model answer shown is the one in the YAML (its headline, at least)
    assert ex.model.splitlines()[0] in text


@pytest.mark.parametrize("ex_id", NUMBERED)
def test_workbook_keeps_hints_and_hides_the_answer(ex_id):
    nb = nbformat.read(ROOT / "exercises" / f"{ex_id}.ipynb", as_version=4)
    assert not any("solution" in _tags(c) for c in nb.cells)
    hints = [c for c in nb.cells if "hint" in _tags(c)]
    assert hints and all(c.source.startswith("<details>") for c in hints)
    assert (nb.metadata.get("kit") or {}).get("role") == "exercise"
    text = "\n".join(c.source for c in nb.cells)
    assert load(ex_id).model.splitlines()[0] not in text


def test_workbooks_are_current():
    stale = [name for name in gen.stale(ROOT / "solutions", ROOT / "exercises") if name.startswith("thong-cao-")]
    assert stale == [], "run .venv/bin/python scripts/make_exercises.py"
