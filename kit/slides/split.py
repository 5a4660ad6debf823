"""Cut a lesson into slides that fit a projected screen, without touching the notebook.

A lesson page written for reading on a laptop often holds more than a slide can show in
type big enough for the back of a hall. :func:`paginate` estimates the height of each
markdown block (heading, paragraph, list, quote, table, code) in lines of slide text and,
when the running slide would overflow, starts a new vertical slide there, repeating the
heading with "(tiếp)". A second heading inside one cell always starts a new slide, and a
line that ends with a colon stays with what it introduces, a heading is never left alone
and a table taller than a slide is cut between rows with its header repeated. Short cells
that do not fit under a full slide (a ``-`` or ``fragment`` cell) move to a slide of their own.

The numbers match the deck's theme (1280×720, body text 28px): about 84 characters a
line and 17.5 lines a slide, on the generous side: the theme shrinks a slide's type a
little in the browser (down to 70%) when an estimate is short, and the browser test
fails on any slide that still overflows.
"""

from __future__ import annotations

import copy
import math
import re

CHARS_PER_LINE = 84
LINES_PER_SLIDE = 17.5
CONTINUED = "(tiếp)"
TAIL_STRETCH = 1.2  # a cell ending within 20% over the budget is not cut

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


def _plain_len(text: str) -> int:
    return len(_MARKUP.sub(lambda m: m.group(1) or "", text).strip())


def _wrap(text: str, width: float) -> int:
    return max(1, math.ceil(_plain_len(text) / max(8.0, width)))


def blocks(source: str) -> list[str]:
    """Split markdown into top-level blocks, keeping fenced code, tables, lists and quotes whole."""
    out: list[str] = []
    cur: list[str] = []
    fenced = False
    for line in source.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            cur.append(line)
            if not fenced:
                out.append("\n".join(cur))
                cur = []
            continue
        if fenced:
            cur.append(line)
            continue
        if not line.strip():
            if cur:
                out.append("\n".join(cur))
                cur = []
            continue
        if _HEADING.match(line):  # a heading is a block of its own, even without blank lines around it
            if cur:
                out.append("\n".join(cur))
                cur = []
            out.append(line)
            continue
        cur.append(line)
    if cur:
        out.append("\n".join(cur))
    return out


def block_lines(block: str) -> float:
    """Estimated height of one block, in lines of body text on a slide (with its spacing)."""
    lines = block.splitlines()
    first = lines[0]
    heading = _HEADING.match(first)
    if heading:
        return {1: 2.4, 2: 2.0, 3: 1.6}.get(len(heading.group(1)), 1.4)
    if _FENCE.match(first):  # code: smaller type, no wrapping
        return 0.75 * max(1, len(lines) - 2) + 0.8
    if first.lstrip().startswith("|"):
        return _table_lines([ln for ln in lines if not re.match(r"^\s*\|?\s*:?-{3,}", ln)])
    if first.lstrip().startswith(">"):
        text = [ln.lstrip()[1:].strip() for ln in lines]
        paras = " ".join(t if t else "\n" for t in text).split("\n")
        return sum(_wrap(p, CHARS_PER_LINE - 6) for p in paras if p.strip()) + 0.2 * len(paras) + 0.6
    if _LIST_ITEM.match(first):
        items: list[str] = []
        for ln in lines:
            if _LIST_ITEM.match(ln) or not items:
                items.append(ln)
            else:
                items[-1] += " " + ln.strip()
        return sum(_wrap(_LIST_ITEM.sub("", it), CHARS_PER_LINE - 4) + 0.15 for it in items) + 0.4
    return _wrap(" ".join(lines), CHARS_PER_LINE) + 0.5


def _table_lines(rows: list[str]) -> float:
    """Tables use smaller type (0.88em): more characters a line, shared between columns."""
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    ncol = max(len(r) for r in cells)
    widest = [max((_plain_len(r[i]) for r in cells if i < len(r)), default=1) or 1 for i in range(ncol)]
    total = sum(widest)
    room = CHARS_PER_LINE / 0.88 - 1.5 * ncol
    share = [max(w / total, 0.5 / ncol) for w in widest]
    height = 0.0
    for r in cells:
        height += 0.68 * max(_wrap(c, room * share[i]) for i, c in enumerate(r)) + 0.27
    return height + 0.5


def split_table(block: str, room: float) -> list[str]:
    """A table taller than ``room`` as several tables of whole rows, each with the header repeated."""
    lines = block.splitlines()
    if len(lines) < 4 or not re.match(r"^\s*\|?\s*:?-{3,}", lines[1]) or block_lines(block) <= room:
        return [block]
    head, rows = lines[:2], lines[2:]
    parts: list[list[str]] = [[]]
    for row in rows:
        if parts[-1] and block_lines("\n".join(head + parts[-1] + [row])) > room:
            parts.append([])
        parts[-1].append(row)
    return ["\n".join(head + part) for part in parts]


def _units(source: str, room: float = LINES_PER_SLIDE) -> list[tuple[str, float]]:
    """Blocks with their heights; a block ending with a colon is glued to the next one; a table
    too tall for a slide (under its heading) is cut between rows."""
    units: list[tuple[str, float]] = []
    glue = False
    pieces = []
    for b in blocks(source):
        pieces.extend(split_table(b, room - 3.0) if b.lstrip().startswith("|") else [b])
    for b in pieces:
        h = block_lines(b)
        if glue and units:
            text, height = units[-1]
            units[-1] = (text + "\n\n" + b, height + h)
        else:
            units.append((b, h))
        glue = b.rstrip(" *_").endswith(":") and not _HEADING.match(b)
    return units


def _with_type(cell, kind: str):
    new = copy.deepcopy(cell)
    new.setdefault("metadata", {}).setdefault("slideshow", {})["slide_type"] = kind
    return new


def paginate(nb, budget: float = LINES_PER_SLIDE):
    """A copy of the notebook whose markdown cells are cut so each slide fits (see module doc)."""
    out = copy.deepcopy(nb)
    cells = []
    used = 0.0  # lines already on the current slide
    title = ""  # heading of the current slide, repeated on its continuations
    level = 2
    for cell in nb.cells:
        kind = (cell.get("metadata") or {}).get("slideshow", {}).get("slide_type", "-")
        if kind in ("skip", "notes") or cell.get("cell_type") not in ("markdown", "code"):
            cells.append(cell)
            continue
        if cell["cell_type"] == "code":
            height = 3.5 if kind != "skip" else 0.0  # the practice card that stands for a widget
            if kind in ("slide", "subslide"):
                used = height
            elif used + height > budget and used > 0:
                cells.append(_with_type(cell, "subslide"))
                used = height
                continue
            else:
                used += height
            cells.append(cell)
            continue
        pages: list[tuple[list[str], float, str]] = []  # (blocks, height, slide type)
        if kind in ("slide", "subslide"):
            used = 0.0
        first_kind = kind
        units = _units(cell["source"], budget)
        for k, (text, height) in enumerate(units):
            rest = sum(h for _t, h in units[k:])  # what is left of this cell, this block included
            heading = _HEADING.match(text.splitlines()[0])
            starts_page = bool(heading) and (pages or used > 0) and len(heading.group(1)) <= 3
            if heading and not pages and used == 0:
                title, level = heading.group(2).strip(), len(heading.group(1))
            if starts_page:
                title, level = heading.group(2).strip(), len(heading.group(1))
                pages.append(([text], height, "slide" if level <= 2 else "subslide"))
                used = height
                continue
            # A short tail stays: the browser shrinks the type a little rather than leave a near-empty
            # slide; and a heading is never left alone on a slide.
            only_heading = bool(pages) and all(_HEADING.match(b) for b in pages[-1][0] if b)
            if used + height > budget and used > 0.5 and used + rest > budget * TAIL_STRETCH and not only_heading:
                cont = f"{'#' * max(level, 2)} {title} {CONTINUED}" if title else ""
                head = block_lines(cont) if cont else 0.0
                pages.append(([cont, text] if cont else [text], head + height, "subslide"))
                used = head + height
                continue
            if not pages:
                pages.append(([text], height, first_kind))
            else:
                pages[-1][0].append(text)
            used += height
        if not pages:
            cells.append(cell)
            continue
        for i, (texts, _h, page_kind) in enumerate(pages):
            new = _with_type(cell, page_kind)
            new["source"] = "\n\n".join(t for t in texts if t)
            if i:
                new.pop("id", None)
            cells.append(new)
    out.cells = cells
    for i, c in enumerate(out.cells):  # ids must stay unique in a valid notebook
        if "id" not in c or any(c.get("id") == o.get("id") for o in out.cells[:i]):
            c["id"] = f"kit-slide-{i}"
    return out
