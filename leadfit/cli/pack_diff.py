"""leadfit pack diff A B [--cases DIR] [--json]: what changing pack A for B does."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from leadfit.rules.authoring.diff import (CaseDiff, Impact, folder_cases, impact, move_words, scenario_cases,
                                          side_names, with_boundaries)
from leadfit.rules.authoring.lint import load_or_name_every_problem
from leadfit.words import counted, outcome_short_words


def register(verbs) -> None:
    v = verbs.add_parser("diff", help="rules and cases that change between two packs")
    v.add_argument("a", help="the pack in use (folder or bundled name)")
    v.add_argument("b", help="the pack to compare it with")
    v.add_argument("--cases", type=Path, metavar="DIR",
                   help="a folder of case files (default: both packs' scenarios)")
    v.add_argument("--json", action="store_true", help="print the result as JSON")
    v.set_defaults(handler=run)


def run(args) -> int:
    a, b = load_or_name_every_problem(args.a), load_or_name_every_problem(args.b)
    if a.questionnaire.version > b.questionnaire.version:  # answers never migrate to an older form
        print(f"leadfit pack diff: cannot continue: {a.label} asks questionnaire {a.questionnaire.version}"
              f" and {b.label} the older questionnaire {b.questionnaire.version}; answers cannot be"
              f" carried back to an older questionnaire: compare them the other way round"
              f" (leadfit pack diff {args.b} {args.a})", file=sys.stderr)
        return 2
    cases, generated = with_boundaries(a, b, folder_cases(args.cases) if args.cases else scenario_cases(a, b))
    result = impact(a, b, cases, progress=_progress_bar() if sys.stderr.isatty() else None,
                    generated=generated)
    if args.json:
        print(json.dumps(result.to_data(own_cases=args.cases is not None), indent=2, ensure_ascii=False))
        return _exit(result)
    print("Pack {} -> {}".format(*side_names(a, b)))
    print(f"\nRules: {_count(result.rules, 'added')} added, {_count(result.rules, 'removed')} removed,"
          f" {_count(result.rules, 'changed')} changed")
    for change in result.rules:
        print(f"  {change}")
        for detail in change.details:
            print(f"      {detail}")
    if result.settings:
        print("\nSettings:")
        for line in result.settings:
            print(f"  {line}")
    source = f"case files in {args.cases}" if args.cases else "scenarios of both packs"
    _print_cases(result, source)
    for line in result.invalid:
        print(f"  not evaluated: {line}")
    print()
    for line in result.totals(own_cases=args.cases is not None):
        print(line)
    return _exit(result)


def _print_cases(result: Impact, source: str) -> None:
    """The given cases that change, then the generated ones, by the answer they set."""
    made = len(result.generated.cases) if result.generated else 0
    given = [c for c in result.changed if not c.case.varied]
    counts = f"{result.compared - made}, {source}" + (f", and {made} generated" if made else "")
    print(f"\nCases ({counts}) whose outcome, risk or IDs change:")
    for line in impact_table(given) if given else [f"none of the {source}" if made else "none"]:
        print(f"  {line}")
    if made:
        print()
        for line in result.generated_words():
            print(line)
        for line in generated_table(result):
            print(f"  {line}")


def _exit(result) -> int:
    """2 when some cases could not be read (they are named), else 0."""
    if result.invalid:
        print(f"{counted(len(result.invalid), 'case')} could not be read; named in the output",
              file=sys.stderr)
        return 2
    return 0


def _count(changes, kind: str) -> int:
    return sum(1 for c in changes if c.kind == kind)


def _progress_bar(width: int = 30):
    def show(done: int, total: int) -> None:
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} cases")
        if done >= total:
            sys.stderr.write("\r" + " " * (width + 30) + "\r")
        sys.stderr.flush()
    return show


def generated_table(result: Impact) -> list[str]:
    """One row per answer tried at a moved threshold: how many cases change, and how."""
    rows = [("answer set", "cases", "change", "outcome changes")]
    for answer, n, changed, moves in result.generated_rows():
        words = ", ".join(f"{k} {move_words(a, b)}" for (a, b), k in moves.most_common()) or "none"
        rows.append((answer, str(n), str(changed), words))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths)) + "  " + r[3] for r in rows]


def impact_table(changed: list[CaseDiff], limit: int | None = None) -> list[str]:
    """The changed cases as aligned text rows, each outcome in its pack's words."""
    rows = [("case", "outcome", "risk", "IDs")]
    for c in changed[:limit]:
        outcome = move_words(c.a.outcome, c.b.outcome) if c.outcome_changed else outcome_short_words(c.a.outcome)
        risk = f"{c.a.risk} ({c.a.score}) -> {c.b.risk} ({c.b.score})" if c.risk_changed \
            else f"{c.a.risk} ({c.a.score})"
        ids = " ".join([f"+{i}" for i in c.ids_added] + [f"-{i}" for i in c.ids_removed])
        rows.append((_clip(c.case.name, 48), outcome, risk, ids or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths)) + "  " + r[3] for r in rows]


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"

