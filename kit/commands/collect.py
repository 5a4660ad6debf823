"""``python -m kit collect FOLDER -o OUTDIR [--anonymise]``: the room's results for the trainer.

Reads every submission under FOLDER (sub-folders too), says which files it skipped and
why, and writes OUTDIR/index.html (self-contained), OUTDIR/summary.json and the PNG charts.
"""

from __future__ import annotations

import sys

from ..i18n import _, t


def register(sub) -> None:
    p = sub.add_parser(
        "collect",
        help=_("the room's results: charts and tables from a folder of submissions"),
        description=_("Reads the trainees' submissions in FOLDER (and its sub-folders), skips and lists the files it "
                      "cannot use, and writes OUTDIR/index.html (opens without internet), OUTDIR/summary.json and "
                      "PNG charts: scores by exercise, common weaknesses, progress, leaderboard, crisis debriefs."),
    )
    p.add_argument("folder", metavar=_("FOLDER"), help=_("the folder of submissions (e.g. the shared bai-nop folder)"))
    p.add_argument("-o", "--out", required=True, metavar=_("OUTDIR"),
                   help=_("the folder to write the report into (created if missing)"))
    p.add_argument("--anonymise", "--an-danh", dest="anonymise", action="store_true",
                   help=_("replace names by codes (HV-…) in the report, for showing on a projector"))
    p.set_defaults(run=run)


def run(args) -> int:
    from ..collect import build, read_folder
    from ..collect.report import write_report
    from ..submissions import SubmissionError

    try:
        collection = read_folder(args.folder)
    except SubmissionError as err:
        print(err.message, file=sys.stderr)
        return 1
    summary, charts = build(collection, anonymise=args.anonymise)
    for skipped in summary["skipped"]:  # without file names when anonymised: they carry names
        print(t("Skipped: {message}", message=skipped["message"]), file=sys.stderr)
    try:
        index = write_report(summary, charts, args.out)
    except OSError as exc:
        print(t("The kit could not write the report into “{folder}” ({reason}).", folder=args.out,
                reason=getattr(exc, "strerror", None) or type(exc).__name__), file=sys.stderr)
        return 1
    c = summary["counts"]
    if not c["submissions"]:
        print(t("No usable submission in “{folder}” yet.", folder=args.folder))
    print(t("{submissions} submissions from {trainees} trainees, {skipped} files skipped.",
            submissions=c["submissions"], trainees=c["trainees"], skipped=c["skipped"]))
    print(t("Report: {path}", path=index))
    return 0
