"""The changed cases a search for what would change it evaluates: each once, within its work.

Each changed case explores its answers not known again: with six of them (thousands of
combinations each time) the search took minutes (issue 15). So one search explores at
most SEARCH_WORK combinations in all; past it the search stops, and says which answers
to find out first (rules/runtime/changes.py ``crowded``): finding them out narrows it most.
A case whose answers not known make few combinations is searched as before, unbounded.
"""

from __future__ import annotations

from leadfit.forms.case import Case
from leadfit.rules.model.pack import Pack
from leadfit.rules.runtime.unknowns import LIMIT, cautious_outcome, size_of

SEARCH_WORK = 40_000  # combinations of answers not known one search explores, at most
FEW = 64  # combinations a search explores for each change tried without counting


class OutOfWork(Exception):
    """The search explored SEARCH_WORK combinations of the answers not known."""


class Budget:
    """How many more changed cases a search may evaluate (``left`` None: no bound)."""

    def __init__(self, case: Case, pack: Pack) -> None:
        size = _size(case, pack)
        self.left = None if size <= FEW else max(1, SEARCH_WORK // min(size, LIMIT + 1))

    def spend(self) -> None:
        if self.left is not None:
            if self.left <= 0:
                raise OutOfWork()
            self.left -= 1


# (case, pack, {changes: outcome}): the outcomes worked out for the last case searched.
# Every outcome's search, and its levers-only search, tries the same one-answer changes
# (the example case: 132 evaluations, 58 of them distinct), so each is evaluated once.
# Cases and packs never change, and the entry holds both, so ``is`` identifies them.
_tried: tuple = (None, None, {})


def outcome_with(case: Case, pack: Pack, changes: dict, budget: Budget | None = None,
                 target: str | None = None) -> str | None:
    """The pack's outcome (cautious about unknowns) for ``case`` with ``changes`` made;
    one not worked out before is paid for from ``budget``. With ``target`` (the outcome a
    search looks for) the answer may be any outcome more cautious than it, found first."""
    seen = _seen(case, pack)
    key = tuple((qid, type(v), v) for qid, v in sorted(changes.items(), key=lambda kv: kv[0]))
    known = seen.get(key)  # (outcome, whether it is the recommendation or only as cautious)
    if known is None or not known[1] and (target is None or not _beyond(pack, known[0], target)):
        if budget is not None:
            budget.spend()
        outcome = cautious_outcome(case.with_answers(changes), pack, beyond=target)
        known = seen[key] = (outcome, target is None or not _beyond(pack, outcome, target))
    return known[0]


def _beyond(pack: Pack, outcome: str | None, target: str) -> bool:
    """Whether ``outcome`` is more cautious than ``target``."""
    order: list[str] = list(pack.settings.outcomes)
    return outcome in order and target in order and order.index(outcome) > order.index(target)


def _seen(case: Case, pack: Pack) -> dict:
    global _tried
    if _tried[0] is not case or _tried[1] is not pack:
        _tried = (case, pack, {})
    return _tried[2]


def _size(case: Case, pack: Pack) -> int:
    """How many combinations ``case``'s answers not known make, once per case searched."""
    seen = _seen(case, pack)
    if "combinations" not in seen:
        seen["combinations"] = size_of(case, pack)
    return seen["combinations"]
