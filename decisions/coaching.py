"""Which outcomes coach, and what a decision without coaching leaves out of the record
(pydantic-free: `register show` reads sealed records with these, issue 15)."""

from __future__ import annotations

from typing import Any

# Outcomes decided on conditions, checked at a fail-fast review (the article's coach).
CONDITIONAL_OUTCOMES = frozenset({"coach"})


def takes_conditions(outcome: str) -> bool:
    """Whether a decision for ``outcome`` needs written conditions and a review date."""
    return outcome in CONDITIONAL_OUTCOMES


# Hiring from outside ends the internal candidate's appointment: no coaching plan,
# no fail-fast review of them, no coaching conditions survive into the record.
NO_COACHING = "hire_external"


def left_out(record: Any) -> list[str]:
    """What a decision against a coaching recommendation leaves out of the record, in words."""
    d, a = record.decision, record.assessment
    if takes_conditions(d.outcome) or not takes_conditions(a.outcome or ""):
        return []
    kept = {p.id for p in d.plan}
    steps = [f"{m.id} {m.title}" for m in a.mitigations if m.id not in kept]
    gone = ([f"the coaching plan the recommendation carried ({', '.join(steps)})"] if steps else []) \
        + ["its fail-fast review date and coaching conditions"]
    return [f"{_WITHOUT_COACHING[d.outcome == NO_COACHING]}: {_listed(gone)} are not part of"
            " this record."]


_WITHOUT_COACHING = {True: "Hiring externally has no coaching",
                     False: "Appointing without conditions has no coaching"}


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
