"""leadfit compare CASE CASE ... --out FILE.pdf: two to six candidates for one stream,
side by side with an experienced external Product Director as the benchmark."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from leadfit.cli.commands import HELP
from leadfit.cli.outputs import add_force_option, may_overwrite
from leadfit.decisions import comparison_words as words
from leadfit.decisions.comparison import ComparisonError, compare, count_problems
from leadfit.reports.pdf_comparison import render
from leadfit.errors import InputError
from leadfit.files import check_target, write_bytes
from leadfit.forms.case import load_case_file
from leadfit.words import uncoded


def register(sub) -> None:
    p = sub.add_parser("compare", help=HELP["compare"])
    p.add_argument("cases", nargs="+", type=Path, metavar="CASE",
                   help="case files, one per candidate, all for the same stream")
    p.add_argument("--out", type=Path, metavar="FILE.pdf",
                   help="write the comparison as a PDF (else it is printed)")
    p.add_argument("--pack", help="rule pack folder or bundled name (default: default)")
    add_force_option(p)
    p.set_defaults(handler=run)


def load_cases(paths: list[Path], pack, counting: bool = True) -> list:
    """(file name, case) for each path; every unreadable file named, with the count, at once."""
    problems = count_problems(len(paths)) if counting else []
    named = []
    for path in paths:
        try:
            named.append((str(path), load_case_file(path, pack.questionnaire)))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise ComparisonError(problems)
    return named


def run(args) -> int:
    from leadfit.rules.authoring.lint import load_or_name_every_problem  # a pack refused: as lint says
    pack = load_or_name_every_problem(args.pack)
    named = load_cases(args.cases, pack)
    if args.out is not None:  # refused before any work, so nothing is half written
        check_target(args.out, overwrite=may_overwrite(args, args.out), suffix=".pdf")
    comparison = compare(named, pack)
    if args.out is None:
        print(text(comparison, set(pack.catalogue.entries)))
        return 0
    pdf, unsupported = render(comparison, made_on=date.today().isoformat())
    write_bytes(args.out, pdf)
    print(f"wrote {args.out}")
    if unsupported:
        print("warning: the PDF font cannot draw these characters; they are shown as [U+XXXX]:",
              file=sys.stderr)
        for item in unsupported:
            print(f"  - {item}", file=sys.stderr)
    return 0


def text(comparison, ids: set[str]) -> str:
    """The comparison for a terminal, in words (``ids``: the catalogue's codes, left out,
    as are the scores the PDF prints beside each risk)."""
    lines = [words.summary_sentence(comparison), ""]
    for label, cells in words.glance_rows(comparison):
        lines.append(f"{label}:")
        lines += [f"  {words.heading(c)}: {uncoded(cell, ids)}"
                  for c, cell in zip(comparison.columns, cells)]
    for c in comparison.columns:
        lines += ["", words.heading(c), "  What would change it:"]
        lines += [f"  - {uncoded(line, ids)}" for line in words.column_change_lines(c)]
    return "\n".join(lines)
