"""``python -m kit export PLAN.json [--to docx|pdf|html|md|json] [-o OUT]``: export a plan.

The plan is read with :func:`kit.plan.load`, checked with :func:`kit.plan.validate`, exported
with :func:`kit.export.plan.export_plan` and written atomically. Every failure (unreadable
or invalid plan, LibreOffice missing, a file that cannot be written) is one message in the
trainee's language and exit status 1, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..i18n import _, t

FORMATS = ("docx", "pdf", "html", "md", "json")


def register(sub) -> None:
    p = sub.add_parser(
        "export",
        help=_("export a communication plan as Word, PDF, HTML, Markdown or JSON"),
        description=_("Exports PLAN (a plan file saved by the kit) as a Word document laid out as Decree 30/2020 "
                      "asks (ready to sign), a PDF (through LibreOffice), a web page, Markdown or JSON."),
    )
    p.add_argument("plan", metavar=_("PLAN_FILE"), help=_("the plan file (.json)"))
    p.add_argument("--to", choices=FORMATS, default=None,
                   help=_("the format: docx, pdf, html, md or json (default: from the name of OUT, otherwise docx)"))
    p.add_argument("-o", "--output", metavar=_("OUT"), default=None,
                   help=_("where to write the export (default: the plan's name with the format's extension)"))
    p.set_defaults(run=run)


def _reason(err: Exception) -> str:
    import json

    if isinstance(err, FileNotFoundError):
        return _("the file does not exist")
    if isinstance(err, IsADirectoryError):
        return _("it is a folder")
    if isinstance(err, PermissionError):
        return _("permission denied")
    if isinstance(err, json.JSONDecodeError):
        return t("it is not valid JSON (line {line}, column {col})", line=err.lineno, col=err.colno)
    if isinstance(err, UnicodeDecodeError):
        return _("it is not UTF-8 text")
    return str(err) or type(err).__name__


def _format(args) -> str:
    fmt = getattr(args, "to", None)
    if fmt:
        return fmt
    out = getattr(args, "output", None)
    suffix = Path(out).suffix.lower().lstrip(".") if out else ""
    return {"markdown": "md", "htm": "html"}.get(suffix, suffix) if suffix in FORMATS + ("markdown", "htm") \
        else "docx"


def run(args) -> int:
    import json

    from ..export.plan import export_plan
    from ..plan import Plan, validate
    from ..storage import atomic_write_bytes
    from ..text.types import TextError

    path = str(args.plan)
    fmt = _format(args)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as err:
        print(t("{path}: cannot read the plan file ({reason}).", path=path, reason=_reason(err)), file=sys.stderr)
        return 1
    if not isinstance(data, dict):
        print(t("{path}: this is not a plan file saved by the kit (it must be a JSON object with the plan's "
                "fields).", path=path), file=sys.stderr)
        return 1
    problems = validate(data)
    if problems:
        print(t("{path}: the plan has problems; correct them and export again:", path=path), file=sys.stderr)
        for pr in problems:
            print(f"  - {pr.message}", file=sys.stderr)
        return 1
    plan = Plan.from_dict(data)
    try:
        payload, suffix, _mime = export_plan(plan, fmt)
    except TextError as err:
        print(t("{path}: the plan could not be exported: {reason}", path=path,
                reason=getattr(err, "message", None) or err.code), file=sys.stderr)
        return 1
    out = Path(args.output) if getattr(args, "output", None) else Path(path).with_suffix(suffix)
    try:
        atomic_write_bytes(out, payload)
    except OSError as err:
        print(t("{path}: cannot write the file ({reason}).", path=str(out), reason=_reason(err)), file=sys.stderr)
        return 1
    print(t("Exported the plan to {path} ({fmt}, {size} KB).", path=str(out), fmt=fmt.upper(),
            size=max(1, round(len(payload) / 1024))), flush=True)
    return 0
