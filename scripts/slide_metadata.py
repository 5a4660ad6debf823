#!/usr/bin/env python3
"""Give every cell of the lessons in ``notebooks/`` a slide type (``slideshow`` metadata).

    .venv/bin/python scripts/slide_metadata.py            # fill in what is missing, in place
    .venv/bin/python scripts/slide_metadata.py --check    # change nothing; exit 1 and list what is missing
    .venv/bin/python scripts/slide_metadata.py FILE.ipynb # only these notebooks

The rules are in ``kit/slides/metadata.py``: the author's slide types are kept; headings
start slides, trainer's notes become speaker notes, the start-up cell is skipped.
``tests/test_slide_metadata.py`` fails while a lesson has a cell without a slide type.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402

from kit.slides import assets, metadata  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook in notebooks/")
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 when a cell lacks a slide type")
    args = ap.parse_args(argv)
    paths = args.notebooks or assets.find_lessons(ROOT / "notebooks")
    status = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if args.check:
            missing = metadata.missing(nb)
            if missing:
                print(f"{path}: cells without a slide type: {missing}")
                status = 1
            continue
        changed = metadata.assign(nb)
        if changed:
            nbformat.write(nb, path)
            print(f"{path}: slide types set on cells {changed}")
    return status


if __name__ == "__main__":
    sys.exit(main())
