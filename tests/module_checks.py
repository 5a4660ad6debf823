"""Checks every teaching module shares (press releases, plans): its lesson is a slide deck that
starts the kit and points to its exercises; each solution has metadata, hints before the worked
answer and quotes today's scores; each workbook keeps the hints and hides the answer."""

from __future__ import annotations

import re

import nbformat

from kit.exercises import load
from kit.notebooks import generate as gen
from tests.conftest import ROOT

SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}

# "**19,4/100**", "25,4/100 điểm": a total quoted in the teaching text (Vietnamese decimal comma).
QUOTED_TOTAL_RE = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d)?)/100(?!\d)")


def tags(cell) -> set[str]:
    return set(cell.metadata.get("tags", []))


def quoted_totals(text: str) -> list[float]:
    return [float(m.group(1).replace(",", ".")) for m in QUOTED_TOTAL_RE.finditer(text)]


def slide_types(lesson) -> list[str]:
    """Each cell's slide type; every cell must have a known one and the deck opens with a slide."""
    types = []
    for cell in lesson.cells:
        slide_type = cell.metadata.get("slideshow", {}).get("slide_type")
        assert slide_type in SLIDE_TYPES, (cell.get("id"), slide_type)
        types.append(slide_type)
    assert types[0] == "slide"
    return types


def check_lesson_starts_the_kit(lesson, lesson_exercise: str) -> None:
    codes = [c.source for c in lesson.cells if c.cell_type == "code"]
    assert codes and "kw.ready()" in codes[0]
    assert any(f'kw.exercise("{lesson_exercise}")' in s for s in codes)
    assert "▶▶" in lesson.cells[0].source


def check_lesson_points_to(lesson, numbered: list[str]) -> None:
    text = "\n".join(c.source for c in lesson.cells)
    for ex_id in numbered:
        assert f"{ex_id}.ipynb" in text
        assert f"{load(ex_id).target:g} điểm" in text


def solution(ex_id: str):
    return nbformat.read(ROOT / "solutions" / f"{ex_id}.ipynb", as_version=4)


def check_solution_shape(ex_id: str) -> None:
    """Metadata, 2–3 markdown hints, a markdown worked answer after them, the kit started."""
    nb = solution(ex_id)
    kit = nb.metadata.get("kit") or {}
    assert kit.get("id") == ex_id and kit.get("role") == "solution" and kit.get("title")
    assert kit.get("target_score") == load(ex_id).target
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"
    hints = [c for c in nb.cells if "hint" in tags(c)]
    solutions = [c for c in nb.cells if "solution" in tags(c)]
    assert 2 <= len(hints) <= 3 and all(c.cell_type == "markdown" for c in hints)
    assert solutions and all(c.cell_type == "markdown" for c in solutions)
    codes = [c.source for c in nb.cells if c.cell_type == "code"]
    assert "kw.ready()" in codes[0]
    assert any(f'kw.exercise("{ex_id}")' in s for s in codes)
    # hints come before the worked answer
    order = [("hint" in tags(c), "solution" in tags(c)) for c in nb.cells]
    assert max(i for i, (h, _s) in enumerate(order) if h) < min(i for i, (_h, s) in enumerate(order) if s)


def solution_text(ex_id: str) -> str:
    return "\n".join(c.source for c in solution(ex_id).cells if "solution" in tags(c))


def check_quoted(quoted: list[float], before: float, after: float) -> None:
    for q in quoted:
        assert abs(q - before) <= 0.1 or abs(q - after) <= 0.1, f"quoted {q}/100; the kit gives {before} → {after}"


def check_workbook_hides(ex_id: str, answer: str) -> None:
    nb = nbformat.read(ROOT / "exercises" / f"{ex_id}.ipynb", as_version=4)
    assert not any("solution" in tags(c) for c in nb.cells)
    hints = [c for c in nb.cells if "hint" in tags(c)]
    assert hints and all(c.source.startswith("<details>") for c in hints)
    assert (nb.metadata.get("kit") or {}).get("role") == "exercise"
    assert answer not in "\n".join(c.source for c in nb.cells)


def stale_workbooks(prefix: str) -> list[str]:
    return [name for name in gen.stale(ROOT / "solutions", ROOT / "exercises") if name.startswith(prefix)]
