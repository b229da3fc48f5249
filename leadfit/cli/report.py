"""leadfit report RECORD --out FILE.pdf: the PDF rationale to sign and file."""

from __future__ import annotations

import sys
from pathlib import Path

from leadfit.cli.commands import HELP
from leadfit.cli.dbopt import add_db_option
from leadfit.cli.outputs import add_force_option, may_overwrite


def register(sub) -> None:
    p = sub.add_parser("report", help=HELP["report"])
    p.add_argument("record", help="record ID, e.g. LF-2026-0001 (or LF-2026-0001@1)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    add_force_option(p)
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    # a SQLite register is read with the standard library (decisions/showing.py: issue 15)
    from leadfit.decisions.showing import open_to_read
    from leadfit.reports import printing
    with open_to_read(getattr(args, "db", None)) as reg:
        result = printing.report(reg, args.record, args.out,
                                overwrite=may_overwrite(args, args.out))
    print(f"wrote {result.path}")
    if result.unsupported:
        print("warning: the PDF font cannot draw these characters; they are shown as [U+XXXX]:",
              file=sys.stderr)
        for item in result.unsupported:
            print(f"  - {item}", file=sys.stderr)
    return 0
