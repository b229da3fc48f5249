"""Declares the ``leadfit`` commands; each lives in its own small module.

Exit codes: 0 done/decided, 2 invalid input or pack (every problem named),
3 incomplete case (missing answers named), 4 engine failure, 1 a check
that found problems (lint, test, verify), 130 interrupted. EXIT_CODES says them in
words for --help and the README; tests/test_issue16_defects.py holds every code the
program can return to that list.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from leadfit import __version__
from leadfit.cli.commands import COMMANDS
from leadfit.errors import LeadFitError
from leadfit.suggest import did_you_mean

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_INCOMPLETE = 0, 1, 2, 3
EXIT_INTERRUPTED = 130
EXIT_CODES = {0: "done", 1: "a check found problems (lint, test, verify)",
              2: "invalid input or pack (every problem named, nothing written)",
              3: "incomplete case (the missing answers named)",
              4: "the rules engine failed on a pack or case (named)", 130: "interrupted"}



class _Parser(argparse.ArgumentParser):
    """argparse with a did-you-mean on a mistyped command or verb (`leadfit pack check`);
    subcommand parsers are made of the same class."""

    def _check_value(self, action, value):
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as exc:
            hint = did_you_mean(value, action.choices or ())
            raise argparse.ArgumentError(action, f"{exc.message}{hint}") from None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: only the named command's module is imported, so
    `leadfit evaluate` does not load the register's database layer or the PDF
    toolkit. Help, no command or an unknown one list every command by its one-line
    help, importing none of them."""
    parser = _Parser(
        prog="leadfit", description="Decide who should lead a value stream.",
        epilog="Exit codes: " + "; ".join(f"{c} {w}" for c, w in EXIT_CODES.items()) + ".")
    parser.add_argument("--version", action="version", version=f"leadfit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    named = next((a for a in argv or () if not a.startswith("-")), None)
    for command, (module, words) in COMMANDS.items():
        if command == named:
            import_module(f"leadfit.cli.{module}").register(sub)
        elif named not in COMMANDS:
            sub.add_parser(command, help=words)  # listed only: a named command is built whole
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    for stream in (sys.stdout, sys.stderr):  # arguments in any encoding print, never traceback
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except LeadFitError as exc:
        print(f"leadfit {args.command}: cannot continue:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
