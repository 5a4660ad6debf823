#!/usr/bin/env python3
"""Regenerate the trainee workbooks in ``exercises/`` from the worked solutions in ``solutions/``.

    .venv/bin/python scripts/make_exercises.py          # write what changed; remove workbooks with no solution
    .venv/bin/python scripts/make_exercises.py --check  # change nothing; exit 1 and list what is out of date

Edit the notebook in ``solutions/`` (cells tagged ``solution`` are the model answer, ``hint``
cells are shown collapsed), then run this script; never edit ``exercises/`` by hand.
``tests/test_exercises_generated.py`` fails while the two folders disagree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kit.notebooks import generate as gen  # noqa: E402

WHAT = {
    gen.MISSING: "chưa có (missing)",
    gen.MODIFIED: "khác bản sinh từ bài giải (modified)",
    gen.ORPHAN: "không có bài giải cùng tên (orphan)",
}


def say(msg: str) -> None:
    print(f"[kit] {msg}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 when exercises/ is out of date")
    ap.add_argument("--solutions", type=Path, default=ROOT / "solutions", help="default: solutions/")
    ap.add_argument("--exercises", type=Path, default=ROOT / "exercises", help="default: exercises/")
    args = ap.parse_args(argv)
    if not args.solutions.is_dir():
        say(f"Không thấy thư mục bài giải (no solutions folder): {args.solutions}")
        return 2

    try:
        todo = gen.changes(args.solutions, args.exercises)
        if args.check:
            for name, what in todo:
                say(f"exercises/{name}: {WHAT[what]}")
            if todo:
                say("Sổ bài tập chưa khớp bài giải: chạy .venv/bin/python scripts/make_exercises.py")
                return 1
            say("exercises/ khớp với solutions/.")
            return 0
        written = gen.generate(args.solutions, args.exercises)
        removed = gen.orphans(args.solutions, args.exercises)
        for path in removed:
            path.unlink()
    except gen.SolutionError as err:
        say(f"Không tạo được sổ bài tập (cannot build a workbook): {err}")
        return 2
    for path in written:
        say(f"đã ghi (written): {_show(path, args.exercises)}")
    for path in removed:
        say(f"đã xoá, vì không còn bài giải cùng tên (removed, no solution): {_show(path, args.exercises)}")
    if not written and not removed:
        say("exercises/ đã khớp với solutions/, không có gì thay đổi.")
    return 0


def _show(path: Path, folder: Path) -> str:
    return f"{folder.name}/{path.relative_to(folder).as_posix()}"


if __name__ == "__main__":
    sys.exit(main())
