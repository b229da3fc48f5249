"""leadfit verify: check every record and audit entry; exit 1 naming what changed."""

from __future__ import annotations

from pathlib import Path

from leadfit.cli.dbopt import add_db_option, open_db
from leadfit.decisions import service
from leadfit.words import counted
from leadfit.cli.commands import HELP


def register(sub) -> None:
    p = sub.add_parser("verify", help=HELP["verify"])
    p.add_argument("--pdf", type=Path, metavar="FILE.pdf",
                   help="also check that a filed PDF rationale's chain head is in the register")
    add_db_option(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    with open_db(args) as reg:
        report = service.verify(reg)
        pdf_problems, pdf_notes = service.pdf_check(reg, args.pdf) if args.pdf else ([], [])
    # The register's own problems come first: a PDF found in a register that fails its check
    # proves nothing, and an auditor reads the first line as the verdict.
    for problem in report.problems:
        print(f"CHANGED: {problem}")
    for problem in pdf_problems:
        print(f"PDF DIFFERS: {problem}")
    if args.pdf and not pdf_problems:
        print(f"{args.pdf}: its chain head and record hash are in this register" + (
            "" if report.ok else ", but the register fails its own check (above), so this does"
            " not confirm the PDF"))
    for note in pdf_notes:   # genuine, but not (or no longer) the record as it stands (F45)
        print(f"SUPERSEDED: {note}" if "supersedes" in note else f"CHANGED SINCE PRINTED: {note}")
    if report.unchecked:
        print(f"SIGNATURES NOT CHECKED: {report.unchecked}")
    verdict = ("verified" if report.ok and not report.unchecked else "NOT VERIFIED" if report.ok
               else f"FAILED ({counted(len(report.problems), 'problem')})")
    print(f"register {verdict}: {counted(report.records, 'record version')},"
          f" {counted(report.entries, 'audit entry', 'audit entries')}, chain head {report.head}"
          + ("; every entry authenticated by HMAC" if report.authenticated else ""))
    return 0 if report.ok and not report.unchecked and not pdf_problems else 1
