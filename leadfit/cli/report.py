"""leadfit report RECORD --out FILE.pdf: the PDF rationale to sign and file."""

from __future__ import annotations

import sys
from pathlib import Path

from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.cli.outputs import add_force_option, may_overwrite
from leadfit.reports import printing
from leadfit.cli.commands import HELP


def register(sub) -> None:
    p = sub.add_parser("report", help=HELP["report"])
    p.add_argument("record", help="record ID, e.g. LF-2026-0001 (or LF-2026-0001@1)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    add_force_option(p)
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    with open_db(args) as reg:
        result = printing.report(reg, args.record, args.out,
                                overwrite=may_overwrite(args, args.out))
    print(f"wrote {result.path}")
    if result.unsupported:
        print("warning: the PDF font cannot draw these characters; they are shown as [U+XXXX]:",
              file=sys.stderr)
        for item in result.unsupported:
            print(f"  - {item}", file=sys.stderr)
    return 0
