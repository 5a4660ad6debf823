"""``python -m kit crisis check [FILE...]`` and
``python -m kit crisis play SCENARIO --actions FILE [--json]``: lint hot-issue scenarios and
play one headless from a script of decisions and statements."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..i18n import _, t


def register(sub) -> None:
    p = sub.add_parser("crisis", help=_("hot-issue simulation: check scenario files, play a scenario from a script"),
                       description=_("Tools for the hot-issue crisis simulation room."))
    inner = p.add_subparsers(dest="crisis_command", metavar=_("ACTION"), title=_("actions"))
    c = inner.add_parser("check", help=_("check scenario files and say what is wrong with them"),
                         description=_("Checks each scenario FILE (by default every scenario of the kit): its fields, "
                                       "that every inject and decision can be reached and ends in time, that the times "
                                       "agree, and that every text is Vietnamese with its marks (Unicode NFC)."))
    c.add_argument("files", nargs="*", metavar=_("FILE"), help=_("scenario files (.yaml); none: the kit's own scenarios"))
    c.set_defaults(run=run_check)
    pl = inner.add_parser("play", help=_("play a scenario from a script of actions and print the debrief"),
                          description=_("Plays SCENARIO (an id such as video-danh-nhau, or a .yaml file) with the "
                                        "decisions and statements in the action FILE, at their simulated minutes, "
                                        "and prints the after-action report. The same script always gives the same result."))
    pl.add_argument("scenario", metavar=_("SCENARIO"), help=_("scenario id or .yaml file"))
    pl.add_argument("--actions", required=True, metavar=_("FILE"), help=_("action script (.yaml or .json)"))
    pl.add_argument("--json", action="store_true", help=_("print the debrief as JSON"))
    pl.add_argument("--seed", type=int, help=_("random seed (default: the scenario's)"))
    pl.add_argument("--html", metavar=_("FILE"), help=_("also write the debrief as a web page"))
    pl.add_argument("--pdf", metavar=_("FILE"), help=_("also write the debrief as PDF"))
    pl.set_defaults(run=run_play)
    p.set_defaults(run=lambda args: (p.print_help(), 2)[1])


def run_check(args) -> int:
    from ..crisis import check_file, scenario_files

    files = [Path(f) for f in args.files] or scenario_files()
    errors = warnings = 0
    for path in files:
        problems, _data = check_file(path)
        for pr in problems:
            print(pr.text(), file=sys.stdout)
        e = sum(1 for pr in problems if pr.severity == "error")
        w = len(problems) - e
        errors += e
        warnings += w
        if not problems:
            print(t("{file}: OK.", file=path.name))
    print(t("{n} file(s) checked: {errors} error(s), {warnings} warning(s).", n=len(files), errors=errors,
            warnings=warnings))
    return 1 if errors else 0


def load_script(path: str, scenario=None):
    import yaml

    from ..crisis import CrisisError, parse_script

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise CrisisError(t("The file “{path}” does not exist.", path=path)) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        raise CrisisError(t("The action file “{path}” cannot be read as YAML or JSON.", path=path)) from None
    seed, actions = parse_script(data)
    for a in actions:  # "@model": the scenario's model response; "@FILE": a text file beside the script
        if a["type"] == "publish" and a["text"].strip() == "@model" and scenario is not None:
            a["text"] = scenario.model_response
        elif a["type"] == "publish" and a["text"].startswith("@"):
            try:
                a["text"] = (p.parent / a["text"][1:]).read_text(encoding="utf-8-sig")
            except OSError:
                raise CrisisError(t("The statement file “{path}” does not exist.", path=a["text"][1:])) from None
    return seed, actions


def run_play(args) -> int:
    from ..crisis import CrisisError, debrief, load, play

    try:
        scenario = load(args.scenario)
        seed, actions = load_script(args.actions, scenario)
        sim = play(scenario, actions, args.seed if args.seed is not None else seed)
    except CrisisError as err:
        print(err.message, file=sys.stderr)
        return 2
    d = debrief(sim)
    if args.html or args.pdf:
        from ..crisis.report import debrief_html, debrief_pdf
        from ..export.plan import ExportError

        html = debrief_html(d)
        if args.html:
            Path(args.html).write_text(html, encoding="utf-8")
        if args.pdf:
            try:
                Path(args.pdf).write_bytes(debrief_pdf(html))
            except ExportError as err:
                print(err.message, file=sys.stderr)
                return 1
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=1))
    else:
        print(format_debrief(d))
    return 0


def format_debrief(d: dict) -> str:
    lines = [f"{d['title']}: {format(d['total'], 'g')}/100"]
    for c in d["criteria"]:
        lines.append(f"  {c['label']}: {format(c['score'], 'g')}/{c['max']}" + (f" — {c['message']}" if c["message"] else ""))
    return "\n".join(lines)
