"""leadfit pack diff A B [--cases DIR] [--json]: what changing pack A for B does."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from leadfit.rules.authoring.diff import (Impact, folder_cases, impact, scenario_cases, shown,
                                          side_names)
from leadfit.rules.model.library import resolve_pack
from leadfit.words import counted


def register(verbs) -> None:
    v = verbs.add_parser("diff", help="rules and cases that change between two packs")
    v.add_argument("a", help="the pack in use (folder or bundled name)")
    v.add_argument("b", help="the pack to compare it with")
    v.add_argument("--cases", type=Path, metavar="DIR",
                   help="a folder of case files (default: both packs' scenarios)")
    v.add_argument("--json", action="store_true", help="print the result as JSON")
    v.set_defaults(handler=run)


def run(args) -> int:
    a, b = resolve_pack(args.a), resolve_pack(args.b)
    cases = folder_cases(args.cases) if args.cases else scenario_cases(a, b)
    result = impact(a, b, cases, progress=_progress_bar() if sys.stderr.isatty() else None)
    if args.json:
        print(json.dumps(result.to_data(), indent=2, ensure_ascii=False))
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
    print(f"\nCases ({result.compared}, {source}) whose outcome, risk or IDs change:")
    if result.changed:
        for line in impact_table(result):
            print(f"  {line}")
    else:
        print("  none")
    for line in result.invalid:
        print(f"  not evaluated: {line}")
    print()
    for line in result.totals():
        print(line)
    return _exit(result)


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


def impact_table(result: Impact, limit: int | None = None) -> list[str]:
    """The changed cases as aligned text rows."""
    rows = [("case", "outcome", "risk", "IDs")]
    for c in result.changed[:limit]:
        outcome = f"{shown(c.a.outcome)} -> {shown(c.b.outcome)}" if c.outcome_changed else shown(c.a.outcome)
        risk = f"{c.a.risk} ({c.a.score}) -> {c.b.risk} ({c.b.score})" if c.risk_changed \
            else f"{c.a.risk} ({c.a.score})"
        ids = " ".join([f"+{i}" for i in c.ids_added] + [f"-{i}" for i in c.ids_removed])
        rows.append((_clip(c.case.name, 48), outcome, risk, ids or "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    return ["  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths)) + "  " + r[3] for r in rows]


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"

