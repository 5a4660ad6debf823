"""``python -m kit score [--kind K] [--json] FILE...``: score drafts with their genre's rubric."""

from __future__ import annotations

import json
import sys

from ..i18n import _, t

KINDS = ("press_release", "hot_issue", "campaign_plan", "auto")


def register(sub) -> None:
    p = sub.add_parser(
        "score",
        help=_("score drafts (press release, hot-issue statement, communication plan) and explain the score"),
        description=_("Scores each FILE with the rubric of its genre and says, criterion by criterion, what to improve. "
                      "Old encodings (TCVN3, VNI) are converted first."),
    )
    p.add_argument("--kind", choices=KINDS, default="auto",
                   help=_("the genre: press_release, hot_issue, campaign_plan, or auto (recognise it; the default)"))
    p.add_argument("--json", action="store_true", help=_("print one JSON object per file and line"))
    p.add_argument("files", nargs="+", metavar=_("FILE"), help=_("the drafts to score"))
    p.set_defaults(run=run)


def run(args) -> int:
    from ..scoring import score
    from ..text import read_file
    from ..text.messages import describe_error
    from ..text.types import TextError

    failed = 0
    for path in args.files:
        if str(path).lower().endswith(".json"):
            plan_text = _plan_text(path)
            if plan_text is not None:  # a plan saved by the kit: score the model as a plan
                report = score(plan_text, "campaign_plan" if args.kind == "auto" else args.kind)
                report.path = path
                print(json.dumps(report.to_dict(), ensure_ascii=False) if args.json else format_report(report), flush=True)
                continue
        try:
            cleaned = read_file(path)
        except TextError as err:
            print(describe_error(err, path), file=sys.stderr)
            failed += 1
            continue
        report = score(cleaned.text, args.kind, cleaned=cleaned)
        report.path = path
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(format_report(report), flush=True)
    return 1 if failed else 0


def _plan_text(path: str) -> str | None:
    """The text of a plan JSON written by ``python -m kit plan import`` (None if it is not one)."""
    from ..plan import Plan, plan_to_text

    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
        if not isinstance(data, dict) or "schema_version" not in data:
            return None
        return plan_to_text(Plan.from_dict(data))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def format_report(report) -> str:
    from ..scoring import kind_label

    lines = [t("{path}: {label}, {total}/100 points", path=report.path, label=kind_label(report.kind),
               total=_num(report.total))]
    lines += ["  ! " + w for w in report.warnings]
    width = max((len(c.label) for c in report.criteria), default=10)
    for c in report.criteria:
        mark = "✓" if c.score >= c.max else "✗"
        lines.append(f"  {mark} {c.label:<{width}}  {_num(c.score):>4}/{_num(c.max)}")
        if c.message:
            lines.append(f"      → {c.message}")
    return "\n".join(lines) + "\n"


def _num(x: float) -> str:
    return f"{x:g}"
