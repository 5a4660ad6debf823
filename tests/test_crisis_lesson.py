"""The hot-issue module fits together: lesson, trainer's room, exercises and their solutions.

The solutions quote the debrief of a strong and a weak play; the numbers must be the ones
the kit gives today (``.venv/bin/python scripts/make_crisis_solutions.py`` rebuilds them, then
``scripts/make_exercises.py`` the workbooks).
"""

from __future__ import annotations

import re

import nbformat
import pytest

from kit import crisis
from kit.commands.crisis import load_script
from tests.conftest import ROOT

LESSON = ROOT / "notebooks" / "03_van_de_nong.ipynb"
SOLUTIONS = sorted((ROOT / "solutions").glob("van-de-nong-*.ipynb"))
ROOM_RE = re.compile(r'kw\.crisis_room\("([a-z0-9-]+)", exercise="([a-z0-9-]+)"\)')


def _fmt(x: float) -> str:
    return format(x, "g").replace(".", ",")


def test_lesson_has_slides_a_room_and_cites_the_rules():
    nb = nbformat.read(LESSON, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert all("slideshow" in c.metadata for c in nb.cells)
    assert "kw.crisis_room(" in text
    for must in ("Nghị định 244/2026/NĐ-CP", "Luật Trẻ em 2016", "Quyết định 22/QĐ-BGDĐT", "giờ vàng"):
        assert must in text, must
    assert "09/2017" in text and "thay Nghị định 09/2017" in text  # the old decree only as replaced


def test_every_scenario_is_an_exercise():
    played = {ROOM_RE.search(nbformat.read(p, as_version=4).cells[3].source).group(1) for p in SOLUTIONS}
    assert played == set(crisis.all_ids())


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_solution_quotes_todays_strong_and_weak_debriefs(path):
    nb = nbformat.read(path, as_version=4)
    m = ROOM_RE.search("\n".join(c.source for c in nb.cells if c.cell_type == "code"))
    sid, ex = m.groups()
    assert ex == path.stem and nb.metadata["kit"]["role"] == "solution"
    sc = crisis.load(sid)
    strong = crisis.debrief(crisis.play(sc, *reversed(load_script(str(ROOT / "tests/crisis_scripts" / f"{sid}.strong.yaml"), sc))))
    weak = crisis.debrief(crisis.play(sc, *reversed(load_script(str(ROOT / "tests/crisis_scripts" / f"{sid}.weak.yaml"), sc))))
    sol = "\n".join(c.source for c in nb.cells if "solution" in c.metadata.get("tags", []))
    assert f"**{_fmt(strong['total'])}/100**" in sol and f"**{_fmt(weak['total'])}/100**" in sol
    for c, w in zip(strong["criteria"], weak["criteria"]):
        assert f"| {c['label']} | {_fmt(c['score'])}/{c['max']} | {_fmt(w['score'])}/{w['max']} |" in sol
    assert sc.model_response.splitlines()[0] in sol
