#!/usr/bin/env python3
"""Plan import and export speed, in-process: a 2,000-word (tiếng) text plan imported, and a
full plan exported to each format. Prints the median and worst milliseconds; PDF goes
through LibreOffice, so its figure is seconds and depends on the machine. Not a test.

    .venv/bin/python benchmarks/plan_io.py [--repeat 20] [--pdf-repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scoring import draft_of  # noqa: E402
from kit.export.plan import export_plan  # noqa: E402
from kit.plan import import_text  # noqa: E402
from kit.text import count_syllables  # noqa: E402


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm up: imports, compiled patterns, fonts
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--pdf-repeat", type=int, default=3)
    args = ap.parse_args()

    text = draft_of("campaign_plan", 2000)
    plan, _notes = import_text(text)
    print(f"plan text: {count_syllables(text)} tiếng, {len(plan.activities)} activities, "
          f"{len(plan.budget)} budget lines")
    med, worst = timed(lambda: import_text(text), args.repeat)
    print(f"import 2,000-tiếng text plan   median {med:7.1f} ms   worst {worst:7.1f} ms")
    from kit.views import charts

    def fresh_docx():
        charts._TIMELINES.clear()  # draw the timeline chart again, as for a new plan
        export_plan(plan, "docx")

    med, worst = timed(fresh_docx, args.repeat)
    print(f"export docx, chart redrawn      median {med:7.1f} ms   worst {worst:7.1f} ms")
    for fmt in ("docx", "html", "md", "json"):
        med, worst = timed(lambda fmt=fmt: export_plan(plan, fmt), args.repeat)
        print(f"export {fmt:<5} (chart cached)     median {med:7.1f} ms   worst {worst:7.1f} ms")
    try:
        med, worst = timed(lambda: export_plan(plan, "pdf"), args.pdf_repeat)
        print(f"export pdf (LibreOffice)        median {med:7.1f} ms   worst {worst:7.1f} ms")
    except Exception as err:  # noqa: BLE001 - a benchmark reports what it could not measure
        print(f"export pdf: not measured ({err})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
