"""``python -m kit submit FILE --exercise ID [--name NAME] [--to DIR] [--kind K]``: hand a draft in.

Reads FILE like ``score`` does (old Vietnamese encodings converted), scores it and writes
the attempt into the submissions folder (``KIT_SUBMISSIONS`` or ``~/kit-truyen-thong/bai-nop``,
or ``--to DIR``) with :func:`kit.submissions.submit`. Without ``--name`` it uses the name
remembered from the last submission; after a successful one it remembers the name given.
"""

from __future__ import annotations

import sys

from ..i18n import _, t
from .score import KINDS


def register(sub) -> None:
    p = sub.add_parser(
        "submit",
        help=_("hand a draft in for the trainer (one file per attempt, never overwritten)"),
        description=_("Reads FILE (old Vietnamese encodings are converted), scores it and saves the attempt, with "
                      "your name and the exercise, in the submissions folder for the trainer's dashboard. "
                      "An earlier attempt is never overwritten."),
    )
    p.add_argument("file", metavar=_("FILE"), help=_("the draft to hand in"))
    p.add_argument("--exercise", required=True, metavar=_("ID"),
                   help=_("the exercise's id, as the notebook gives it (e.g. thong-cao-1)"))
    p.add_argument("--name", metavar=_("NAME"),
                   help=_("your full name, as the trainer knows you (default: the name you gave last time)"))
    p.add_argument("--to", metavar=_("FOLDER"),
                   help=_("the folder to save into (default: KIT_SUBMISSIONS or ~/kit-truyen-thong/bai-nop)"))
    p.add_argument("--kind", choices=KINDS, default="auto",
                   help=_("the genre: press_release, hot_issue, campaign_plan, or auto (recognise it; the default)"))
    p.set_defaults(run=run)


def run(args) -> int:
    from ..scoring import kind_label
    from ..submissions import SubmissionError, load, remember_name, remembered_name, submit
    from ..text import read_file
    from ..text.messages import describe_error
    from ..text.types import TextError

    name = args.name if args.name is not None else remembered_name()
    if name is None:
        print(_("Give your full name with --name, e.g. --name \"Nguyễn Thị Lan\"."), file=sys.stderr)
        return 1
    try:
        cleaned = read_file(args.file)
    except TextError as err:
        print(describe_error(err, args.file), file=sys.stderr)
        return 1
    try:
        path = submit(cleaned, exercise=args.exercise, name=name, kind=args.kind, folder=args.to, source=args.file)
        record = load(path)
    except SubmissionError as err:
        print(err.message, file=sys.stderr)
        return 1
    try:
        remember_name(record["trainee"]["name"])
    except SubmissionError:
        pass  # remembering is a convenience; the attempt is saved
    report = record["report"]
    print(t("Submitted: {path}", path=path))
    print(t("{name}, exercise {exercise}, attempt {attempt}.", name=record["trainee"]["name"],
            exercise=record["exercise"], attempt=record["attempt"]))
    total = format(report["total"], "g")
    print(t("Score: {total}/100 ({label}).", total=total, label=kind_label(record["kind"])))
    for warning in report["warnings"]:
        print("  ! " + warning)
    sys.stdout.flush()
    return 0
