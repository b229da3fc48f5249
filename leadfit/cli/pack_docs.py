"""leadfit pack docs DIR --out FILE.pdf: the pack as a readable document for the client.

The pack's scenarios run first. If any fail the PDF is still written, with
a warning on its first page, the failing scenarios are named on stderr and
the exit code is 1 (a check found problems).
"""

from __future__ import annotations

import sys
from pathlib import Path

from leadfit.errors import InputError, Problem
from leadfit.rules.authoring.lint import load_or_name_every_problem
from leadfit.words import counted


def register(verbs) -> None:
    v = verbs.add_parser("docs", help="write the pack as a PDF for the client",
                         description="Writes the PDF. If some of the pack's scenarios fail, the"
                         " PDF says so on its first page, they are named on stderr and the"
                         " exit code is 1.")
    v.add_argument("pack", help="rule pack folder or bundled name")
    v.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF to write")
    v.set_defaults(handler=run)


def run(args) -> int:
    from leadfit.reports.pack_docs import failing_note, failing_scenarios, write  # ReportLab: here only
    out: Path = args.out
    if out.suffix.lower() != ".pdf":
        raise InputError([Problem("the output file must end in .pdf", str(out))])
    if not out.parent.is_dir():
        raise InputError([Problem("no such folder to write the PDF in", str(out.parent))])
    pack = load_or_name_every_problem(args.pack)
    failing = failing_scenarios(pack)
    unsupported = write(pack, out, failing)
    for item in unsupported:
        print(f"note: the PDF font cannot draw {item}; it is shown as its code", file=sys.stderr)
    print(f"wrote {out} ({pack.label}, {counted(len(pack.rules), 'rule')})")
    if failing:
        print(f"warning: {failing_note(failing)} The PDF says so on its first page;"
              f" see 'leadfit pack test {args.pack}'", file=sys.stderr)
        return 1
    return 0
