"""The committed workbooks in exercises/ are exactly what the generator makes from solutions/.

When this fails, run ``.venv/bin/python scripts/make_exercises.py`` (never edit exercises/ by hand).
"""

from __future__ import annotations

import nbformat
import pytest

from kit.notebooks import generate as gen
from tests.conftest import ROOT

SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
FIX = "run .venv/bin/python scripts/make_exercises.py"


def test_exercises_match_solutions():
    assert gen.stale(SOLUTIONS, EXERCISES) == [], FIX


@pytest.mark.parametrize("name", sorted(gen.find_notebooks(SOLUTIONS)))
def test_each_exercise_is_generated_from_its_solution(name):
    exercise = EXERCISES / name
    assert exercise.exists(), f"exercises/{name} is missing: {FIX}"
    text = exercise.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert text == gen.exercise_text(SOLUTIONS / name), f"exercises/{name} differs from its solution: {FIX}"


@pytest.mark.parametrize("name", sorted(gen.find_notebooks(SOLUTIONS)))
def test_solution_declares_its_role(name):
    nb = nbformat.read(SOLUTIONS / name, as_version=4)
    kit = nb.metadata.get("kit") or {}
    assert kit.get("role") == "solution", f'solutions/{name}: set metadata kit.role to "solution"'


@pytest.mark.parametrize("name", sorted(gen.find_notebooks(EXERCISES)))
def test_no_exercise_without_a_solution(name):
    assert (SOLUTIONS / name).exists(), f"exercises/{name} has no solution of the same name: {FIX}"
