"""``python -m kit slides [--out DIR] [--lessons DIR] [--no-run] [LESSON...]``: offline slide decks.

One reveal.js deck per lesson notebook (``notebooks/`` by default), built by
:mod:`kit.slides.deck`, with its assets beside it, plus an ``index.html`` start page. The
folder opens from a USB stick with no network. Every problem is one Vietnamese line and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ..i18n import _, t

DEFAULT_OUT = "trinh-chieu"


def add_lesson_arguments(p, default_out: str) -> None:
    """The arguments ``slides`` and ``handouts`` share."""
    p.add_argument("lessons", nargs="*", metavar=_("LESSON"),
                   help=_("lesson notebooks to build (default: every lesson in the lessons folder)"))
    p.add_argument("--out", "-o", metavar=_("FOLDER"), default=default_out,
                   help=t("the folder to write into (default: {folder} in the current folder)", folder=default_out))
    p.add_argument("--lessons-dir", metavar=_("FOLDER"), default=None,
                   help=_("the folder of lesson notebooks (default: the kit's notebooks folder)"))
    p.add_argument("--no-run", action="store_true",
                   help=_("do not run the lessons first (faster; outputs such as charts are then left out)"))


def resolve_lessons(args) -> list[Path] | None:
    """The lesson files asked for, or None after printing why there are none."""
    from ..slides import assets

    if args.lessons:
        paths = [Path(p) for p in args.lessons]
        for p in paths:
            if not p.is_file() or p.suffix != ".ipynb":
                print(t("{path}: not a lesson notebook (.ipynb file).", path=str(p)), file=sys.stderr)
                return None
        return paths
    folder = Path(args.lessons_dir) if args.lessons_dir else assets.lessons_dir()
    found = assets.find_lessons(folder) if folder.is_dir() else []
    if not found:
        print(t("No lesson notebooks found in {folder}. Give the folder with --lessons-dir.", folder=str(folder)),
              file=sys.stderr)
        return None
    return found


def register(sub) -> None:
    p = sub.add_parser(
        "slides",
        help=_("build the lessons as slide decks that work offline"),
        description=_("Builds one slide deck (reveal.js) per lesson: text and outputs, no code, the trainer's notes "
                      "in the speaker view (key S). Everything the decks need is copied beside them, so the folder "
                      "can be copied to a USB stick and opened without the Internet."),
    )
    add_lesson_arguments(p, DEFAULT_OUT)
    p.set_defaults(run=run)


def run(args) -> int:
    import nbformat

    from ..slides import assets
    from ..slides.deck import build_deck, write_index

    lessons = resolve_lessons(args)
    if lessons is None:
        return 1
    out = Path(args.out)
    start = time.perf_counter()
    try:
        out.mkdir(parents=True, exist_ok=True)
        assets.copy_assets(out)
    except OSError as err:
        print(t("{path}: cannot write the slide decks there ({reason}).", path=str(out), reason=err.strerror or err),
              file=sys.stderr)
        return 1
    decks, failed = [], 0
    for lesson in lessons:
        try:
            deck = build_deck(lesson, out, run=not args.no_run)
        except (OSError, ValueError, nbformat.ValidationError) as err:
            print(t("{path}: cannot read this lesson ({reason}).", path=str(lesson), reason=str(err)[:200]),
                  file=sys.stderr)
            failed += 1
            continue
        decks.append(deck)
        print(t("✓ {name}: {slides} slides, {notes} speaker notes ({seconds:.1f} s)", name=deck.html.name,
                slides=deck.slides, notes=deck.notes, seconds=deck.seconds), flush=True)
        if deck.not_run:
            print(t("  ! the lesson could not be run ({reason}): the deck shows it without outputs.",
                    reason=deck.not_run), file=sys.stderr)
        for caption in deck.errors:
            print(t("  ! a part of the lesson could not run and is left out: {what}", what=caption), file=sys.stderr)
    if decks:
        index = write_index(out, decks)
        print(t("Built {count} decks in {seconds:.1f} s. Open {index} in a web browser; copy the whole folder "
                "{folder} to take it elsewhere.", count=len(decks), seconds=time.perf_counter() - start,
                index=str(index), folder=str(out)), flush=True)
    return 1 if failed or not decks else 0
