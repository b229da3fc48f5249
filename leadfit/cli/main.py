"""Declares the ``leadfit`` commands; each lives in its own small module.

Exit codes: 0 done/decided, 2 invalid input or pack (every problem named),
3 incomplete case (missing answers named), 4 engine failure, 1 a check
that found problems (lint, test, verify).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from leadfit import __version__
from leadfit.cli.commands import COMMANDS
from leadfit.errors import LeadFitError

EXIT_OK, EXIT_FAILED, EXIT_INVALID, EXIT_INCOMPLETE = 0, 1, 2, 3



def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: only the named command's module is imported, so
    `leadfit evaluate` does not load the register's database layer or the PDF
    toolkit. Help, no command or an unknown one list every command by its one-line
    help, importing none of them."""
    parser = argparse.ArgumentParser(
        prog="leadfit", description="Decide who should lead a value stream.")
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
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
