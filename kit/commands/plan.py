"""``python -m kit plan import FILE -o PLAN.json``: read a plan (.txt, .md, .docx) into the
plan data model (kit/schemas/plan.schema.json) and say what was found and what was not placed."""

from __future__ import annotations

import sys

from ..i18n import _, t


def register(sub) -> None:
    p = sub.add_parser(
        "plan",
        help=_("work with communication plans as data (import a plan into JSON)"),
        description=_("Communication plans as structured data: import a plan written as text or Word into a JSON file."),
    )
    psub = p.add_subparsers(dest="plan_command", metavar=_("COMMAND"))
    imp = psub.add_parser(
        "import",
        help=_("read a plan (.txt, .md, .docx) and write it as JSON"),
        description=_("Reads the plan in FILE, places its parts (header, Căn cứ lines, objectives, audiences, "
                      "activities, tasks, budget…) into the plan model and writes PLAN.json. Text that could not be "
                      "placed is kept in the notes field."),
    )
    imp.add_argument("file", metavar=_("FILE"), help=_("the plan to import (.txt, .md or .docx)"))
    imp.add_argument("-o", "--output", required=True, metavar="PLAN.json", help=_("where to write the JSON file"))
    p.set_defaults(run=run)


def run(args) -> int:
    if getattr(args, "plan_command", None) != "import":
        print(_("Say what to do: python -m kit plan import FILE -o PLAN.json"), file=sys.stderr)
        return 2
    return import_command(args.file, args.output)


def import_command(path: str, output: str) -> int:
    """Import ``path`` into ``output``; prints a summary; returns the exit code."""
    from ..plan import import_file, save, validate
    from ..text.messages import describe_error
    from ..text.types import TextError

    try:
        plan, unplaced = import_file(path)
    except TextError as err:
        print(describe_error(err, path), file=sys.stderr)
        return 1
    except Exception as err:  # unreadable .docx, missing file, permissions…
        print(t("{path}: the file could not be read as a plan ({reason}). Check that it is a .txt, .md or .docx "
                "file and that it opens.", path=path, reason=type(err).__name__), file=sys.stderr)
        return 1
    try:
        save(plan, output)
    except OSError as err:
        print(t("{path}: could not write the JSON file ({reason}).", path=output, reason=err.strerror or err),
              file=sys.stderr)
        return 1
    print(format_summary(plan, unplaced, path, output, validate(plan)))
    return 0


def format_summary(plan, unplaced, path, output, problems=()) -> str:
    from ..plan.model import money

    counts = [
        (_("Căn cứ lines"), len(plan.bases)), (_("purposes"), len(plan.purposes)),
        (_("requirements"), len(plan.requirements)), (_("objectives"), len(plan.objectives)),
        (_("audiences"), len(plan.audiences)), (_("messages"), len(plan.messages)),
        (_("topics"), len(plan.topics)), (_("channels"), len(plan.channels)),
        (_("activities"), len(plan.activities)), (_("tasks by unit"), len(plan.tasks)),
        (_("indicators"), len(plan.kpis)), (_("budget lines"), len(plan.budget)),
        (_("recipients"), len(plan.recipients)),
    ]
    lines = [t("{path} → {output}", path=path, output=output)]
    header = [x for x in (plan.issuing_body, plan.number and "Số: " + plan.number, plan.date) if x]
    if header:
        lines.append("  " + t("Header: {items}", items=", ".join(header)))
    if plan.summary:
        lines.append("  " + t("Summary: {summary}", summary=plan.summary))
    found = ", ".join(f"{n} {label}" for label, n in counts if n) or "—"
    lines.append("  " + t("Found: {items}", items=found))
    missing = [label for label, n in counts if not n]
    if missing:
        lines.append("  " + t("Not found: {items}", items=", ".join(missing)))
    if plan.budget_total is not None:
        total = money(plan.budget_total)
        lines.append("  " + t("Budget total: {total} đồng", total=total))
    if plan.signer_title or plan.signer_name:
        lines.append("  " + t("Signer: {who}", who=" / ".join(x.replace("\n", " ") for x in (plan.signer_title,
                                                                                          plan.signer_name) if x)))
    if unplaced:
        lines.append("  " + t("Could not place {n} paragraph(s); they are kept in the notes field:", n=len(unplaced)))
        lines += ["    - " + (u if len(u) <= 100 else u[:97] + "…") for u in unplaced]
    else:
        lines.append("  " + _("Every paragraph was placed."))
    for pr in problems:
        lines.append("  ! " + pr.message)
    return "\n".join(lines)
