"""--force for commands that write a file: an existing file is replaced only when asked."""

from __future__ import annotations

import sys
from pathlib import Path


def add_force_option(parser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="replace the output file if it exists (never the register)")


def may_overwrite(args, path: Path) -> bool:
    """--force, or a person at a terminal who answers yes; never by default."""
    if args.force or not Path(path).exists():
        return bool(args.force)
    if not (sys.stdin and sys.stdin.isatty()):
        return False
    try:
        answer = input(f"{path} exists. Replace it? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")
