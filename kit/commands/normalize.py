"""``python -m kit normalize FILE``: print the file as NFC Unicode, legacy encodings fixed."""

from __future__ import annotations

import sys

from ..i18n import _, t


def register(sub) -> None:
    p = sub.add_parser(
        "normalize",
        help=_("print a text file as clean Unicode (NFC), converting old Vietnamese encodings"),
        description=_(
            "Reads FILE (UTF-8, UTF-16, Windows-1258, TCVN3/ABC, VNI-Windows or VIQR), prints its text "
            "as composed Unicode (NFC) on standard output, and says on standard error what it found and did."
        ),
    )
    p.add_argument("file", metavar=_("FILE"), help=_("the text file to read"))
    p.set_defaults(run=run)


def run(args) -> int:
    from ..text import read_file
    from ..text.messages import describe, describe_error
    from ..text.types import TextError

    try:
        cleaned = read_file(args.file)
    except TextError as err:
        print(describe_error(err, args.file), file=sys.stderr)
        return 1
    sys.stdout.write(cleaned.text)
    if cleaned.text and not cleaned.text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()
    lines = [describe(n) for n in cleaned.notes]
    if not any(n.code in ("legacy_converted", "nfc_composed", "cp1258") for n in cleaned.notes) and cleaned.text.strip():
        lines.append(_("The text was already clean Unicode; nothing needed converting."))
    print(t("File: {path}", path=args.file), file=sys.stderr)
    for line in lines:
        print("  • " + line, file=sys.stderr)
    return 0
