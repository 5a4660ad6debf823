"""Give every cell of a lesson a ``slideshow`` slide type, so the lesson is also a deck.

The author's choice always wins: a cell that already has a slide type keeps it, with one
exception, the hidden start-up cell (``kw.ready()``), which only says "the kit is ready"
on the trainee's laptop and is always skipped in a deck. Cells without one get:

=====================================================  ==========
cell                                                   slide type
=====================================================  ==========
markdown opening with ``#`` or ``##`` (a section)      slide
markdown opening with ``###`` or deeper (a sub-point)  subslide
markdown opening with "Ghi chú cho giảng viên"         notes (speaker notes)
other markdown, long (a page of prose on its own)      subslide
other markdown, short (continues the slide above)      ``-``
the start-up code cell                                 skip
other code cells (a live widget)                       ``-``
raw cells                                              skip
=====================================================  ==========

Long slides are not cut here: the notebook keeps its prose whole for the trainee, and
the deck builder splits what does not fit on a projected slide (:mod:`kit.slides.split`).
"""

from __future__ import annotations

import re

SLIDE_TYPES = ("slide", "subslide", "fragment", "skip", "notes", "-")
# How the kit's lessons mark a cell for the trainer (speaker notes in the deck).
NOTES_MARKERS = ("ghi chú cho giảng viên", "ghi chú giảng viên", "gợi ý cho giảng viên")
# A headingless markdown cell longer than this is a page on its own rather than a tail.
LONG_PROSE = 600

_HEADING = re.compile(r"^\s*(#{1,6})\s+\S")
_SETUP = re.compile(r"\bready\(\s*\)")


def slide_type(cell) -> str | None:
    """The cell's slide type, or None when it has none."""
    value = (cell.get("metadata") or {}).get("slideshow", {}).get("slide_type")
    return value if value in SLIDE_TYPES else None


def is_setup_cell(cell) -> bool:
    """The hidden first cell of every lesson: it loads the kit and shows the ready line."""
    return cell.get("cell_type") == "code" and bool(_SETUP.search(cell.get("source", "")))


def is_notes_cell(cell) -> bool:
    if cell.get("cell_type") != "markdown":
        return False
    start = cell.get("source", "").lstrip(" *_>\n").lower()
    return start.startswith(NOTES_MARKERS)


def suggest(cell) -> str:
    """The slide type the rules above give this cell, ignoring what it has."""
    kind = cell.get("cell_type")
    source = cell.get("source", "")
    if kind == "code":
        return "skip" if is_setup_cell(cell) else "-"
    if kind != "markdown":
        return "skip"
    if is_notes_cell(cell):
        return "notes"
    heading = _HEADING.match(source)
    if heading:
        return "slide" if len(heading.group(1)) <= 2 else "subslide"
    return "subslide" if len(source.strip()) > LONG_PROSE else "-"


def assign(nb) -> list[int]:
    """Fill in missing slide types in place; return the indexes of the cells changed."""
    changed = []
    for i, cell in enumerate(nb.cells):
        current = slide_type(cell)
        wanted = "skip" if is_setup_cell(cell) else (current or suggest(cell))
        if wanted != current:
            cell.setdefault("metadata", {}).setdefault("slideshow", {})["slide_type"] = wanted
            changed.append(i)
    return changed


def missing(nb) -> list[int]:
    """Indexes of cells with no valid slide type (what a lesson must not have)."""
    return [i for i, cell in enumerate(nb.cells) if slide_type(cell) is None]
