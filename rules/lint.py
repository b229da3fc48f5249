"""Checks on a loaded pack beyond what loading refuses.

Each finding of lint is a Problem with file and line, and a level:
'error' fails the lint, 'warning' is reported only.
"""

from __future__ import annotations

from dataclasses import dataclass

from leadfit.errors import Problem
from leadfit.rules.pack import Pack


@dataclass(frozen=True)
class LintItem:
    level: str  # error | warning
    problem: Problem

    def __str__(self) -> str:
        return f"{self.level}: {self.problem}"


def lint(pack: Pack) -> list[LintItem]:
    items: list[LintItem] = []
    for check in CHECKS:
        items += check(pack)
    return items


def uncited_ids(pack: Pack) -> list[LintItem]:
    cited = {i for r in pack.rules for i in r.cites()}
    cited |= {m for ms in pack.settings.outcome_requires.values() for m in ms}
    pack_file = str(pack.folder / "pack.yaml")
    return [LintItem("warning", Problem(f"catalogue ID {i} ({pack.catalogue.title(i)}) is cited by no rule",
                                        pack_file))
            for i in pack.catalogue.citable if i not in cited]


def unreached_outcomes(pack: Pack) -> list[LintItem]:
    reached = {s.expect.outcome for s in pack.scenarios}
    file = pack.scenarios[0].file if pack.scenarios else str(pack.folder / "scenarios.yaml")
    return [LintItem("warning", Problem(f"no scenario reaches the outcome '{o}'", file))
            for o in pack.settings.outcomes if o not in reached]


CHECKS = [uncited_ids, unreached_outcomes]
