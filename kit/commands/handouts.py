"""``python -m kit handouts [--out DIR] [--lessons-dir DIR] [--no-run] [LESSON...]``: printable lessons.

One A4 PDF per lesson (Vietnamese, no code, numbered pages), printed by headless Chromium
through :mod:`kit.slides.handouts`. No network is used. Every problem is one Vietnamese
line and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..i18n import _, t
from .slides import add_lesson_arguments, resolve_lessons

DEFAULT_OUT = "tai-lieu-in"


def register(sub) -> None:
    p = sub.add_parser(
        "handouts",
        help=_("print the lessons as PDF handouts (A4)"),
        description=_("Makes one PDF per lesson to print for trainees without a laptop: the lesson's text and "
                      "outputs, no code, A4 pages numbered. It needs Chromium or Google Chrome on this computer "
                      "(or its path in KIT_CHROMIUM) and no Internet."),
    )
    add_lesson_arguments(p, DEFAULT_OUT)
    p.set_defaults(run=run)


def run(args) -> int:
    import nbformat

    from ..slides.handouts import HandoutError, build_handout, find_browser

    lessons = resolve_lessons(args)
    if lessons is None:
        return 1
    browser = find_browser()
    if not browser:
        print(_("No Chromium or Google Chrome found to print the handouts. Install it (on Debian/Ubuntu: "
                "apt-get install chromium) or give its path in KIT_CHROMIUM."), file=sys.stderr)
        return 1
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(t("{path}: cannot write the handouts there ({reason}).", path=str(out), reason=err.strerror or err),
              file=sys.stderr)
        return 1
    start = time.perf_counter()
    done, failed = 0, 0
    for lesson in lessons:
        try:
            handout = build_handout(lesson, out, browser, run=not args.no_run)
        except HandoutError as err:
            print(t("{path}: {reason}", path=str(lesson), reason=err.message), file=sys.stderr)
            failed += 1
            continue
        except (OSError, ValueError, nbformat.ValidationError) as err:
            print(t("{path}: cannot read this lesson ({reason}).", path=str(lesson), reason=str(err)[:200]),
                  file=sys.stderr)
            failed += 1
            continue
        done += 1
        print(t("✓ {name}: {pages} pages ({seconds:.1f} s)", name=handout.pdf.name, pages=handout.pages,
                seconds=handout.seconds), flush=True)
    if done:
        print(t("Printed {count} handouts into {folder} in {seconds:.1f} s.", count=done, folder=str(out),
                seconds=time.perf_counter() - start), flush=True)
    return 1 if failed or not done else 0
