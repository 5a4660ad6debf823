"""Every lesson is also a deck: each cell of notebooks/*.ipynb has a slide type.

A new lesson (say a crisis lesson 03) gets its slide types with
``.venv/bin/python scripts/slide_metadata.py`` (rules in kit/slides/metadata.py).
Decks are build outputs (``python -m kit slides``): none is committed.
"""

from __future__ import annotations

import subprocess

import nbformat
import pytest

from kit.slides import assets, metadata
from tests.conftest import ROOT

LESSONS = assets.find_lessons(ROOT / "notebooks")  # tool notebooks (dashboard, progress) are no decks


def test_there_are_lessons():
    assert len(LESSONS) >= 3


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_cell_of_a_lesson_has_a_slide_type(path):
    nb = nbformat.read(path, as_version=4)
    missing = metadata.missing(nb)
    assert not missing, (f"{path.name}: cells {missing} have no slideshow slide type; run "
                         ".venv/bin/python scripts/slide_metadata.py")
    kinds = [metadata.slide_type(c) for c in nb.cells]
    assert kinds[0] == "slide", "a lesson's deck opens with a slide"
    for cell, kind in zip(nb.cells, kinds):
        if metadata.is_setup_cell(cell):
            assert kind == "skip", "the start-up cell is not shown in a deck"
        if metadata.is_notes_cell(cell):
            assert kind == "notes", "a trainer's note is a speaker note"


def test_decks_and_handouts_are_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
    assert not [f for f in tracked if f.endswith(".slides.html")]
    assert not [f for f in tracked if f.startswith(("trinh-chieu/", "tai-lieu-in/"))]
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "/trinh-chieu/" in ignored and "/tai-lieu-in/" in ignored
