"""``python -m kit progress [FOLDER] [--name NAME] [-o OUT.html]``: one learner's progress page."""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import _, t


def register(sub) -> None:
    p = sub.add_parser(
        "progress",
        help=_("your progress: exercises done, best scores, what to work on next"),
        description=_("Reads your submissions (in FOLDER, by default your submissions folder) and writes a page "
                      "with the exercises you have done, your best scores and what to work on next."),
    )
    p.add_argument("folder", nargs="?", metavar=_("FOLDER"),
                   help=_("the folder of submissions (default: KIT_SUBMISSIONS or ~/kit-truyen-thong/bai-nop)"))
    p.add_argument("--name", metavar=_("NAME"),
                   help=_("whose progress (default: the name you gave at your last submission)"))
    p.add_argument("-o", "--out", metavar=_("OUT.html"),
                   help=_("the page to write (default: tien-do-hoc-tap.html in your exports folder)"))
    p.set_defaults(run=run)


def run(args) -> int:
    from .. import paths, storage
    from ..collect.progress import ProgressError, learner_progress, page_html
    from ..submissions import SubmissionError

    try:
        folder = args.folder if args.folder else paths.submissions_dir()
        progress = learner_progress(folder, args.name)
    except (SubmissionError, ProgressError) as err:
        print(err.message, file=sys.stderr)
        return 1
    out = args.out or str(paths.exports_dir() / "tien-do-hoc-tap.html")
    try:
        storage.atomic_write_text(Path(out), page_html(progress))
    except OSError as exc:
        print(t("The kit could not write “{path}” ({reason}).", path=out,
                reason=getattr(exc, "strerror", None) or type(exc).__name__), file=sys.stderr)
        return 1
    print(t("{name}: {done} of {total} exercises done.", name=progress["name"], done=progress["done"],
            total=progress["total"]))
    print(t("Progress page: {path}", path=out))
    return 0
