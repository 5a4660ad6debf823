"""The command line: ``python -m kit <command> ...``.

Each command is a module in ``kit/commands/`` with ``register(subparsers)`` and
``run(args) -> int``. Help and errors speak Vietnamese; ``--lang en`` (or ``KIT_LANG=en``)
switches to English. No command ever shows a traceback: unexpected errors are logged to
the kit's log file and reported in one line.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import Sequence

from . import __version__, i18n, paths
from .i18n import N_, _, t

COMMANDS = ("normalize", "score", "submit", "plan", "export", "crisis", "slides", "handouts", "collect",
            "progress", "lab_config")

# argparse's own strings (Python 3.10-3.13), so its help and errors are translated too.
ARGPARSE_STRINGS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"), N_("expected one argument"),
    N_("expected at least one argument"), N_("invalid %(type)s value: %(value)r"),
    N_("show program's version number and exit"), N_("ambiguous option: %(option)s could match %(matches)s"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # same as argparse, but exit code 2 with our words
        self.print_usage(sys.stderr)
        self.exit(2, t("{prog}: error: {message}", prog=self.prog, message=message) + "\n")


def _pre_scan_lang(argv: Sequence[str]) -> None:
    """Pick the language before any help text is built."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in i18n.LANGUAGES:
            i18n.set_language(argv[i + 1])
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in i18n.LANGUAGES:
            i18n.set_language(arg.split("=", 1)[1])


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _  # type: ignore[attr-defined]  # translate argparse's built-in strings
    parser = _Parser(
        prog="python -m kit",
        description=_("The communications training kit: tools for campaign plans, press releases and hot issues."),
        epilog=_("Help for one command: python -m kit COMMAND --help"),
    )
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of messages: vi (default) or en"))
    parser.add_argument("--version", action="version", version=f"kit {__version__}",
                        help=_("show the version number and exit"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), title=_("commands"), parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return parser


def _log_exception() -> None:
    try:
        logging.basicConfig(filename=paths.log_file(), level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        logging.getLogger("kit").exception("command failed")
    except OSError:
        pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # Windows consoles default to a legacy code page
        try:
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass
    _pre_scan_lang(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception:  # noqa: BLE001 - the user gets one line, the log gets the traceback
        _log_exception()
        print(t("Something went wrong inside the kit. The details are in {log}.", log=paths.log_file()), file=sys.stderr)
        return 1
