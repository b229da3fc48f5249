"""Counts in plain words: '1 error', '2 errors' (messages are read by people)."""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


# The risk is always that of the appointment as proposed, whatever the recommendation:
# a "hire" recommendation does not lower it, it says why not to do it.
RISK_LABEL = "Risk of appointing this candidate as proposed"
PRECONDITIONS_LABEL = "Before the appointment"


def risk_words(level: str, score: int | None = None) -> str:
    """'Risk of appointing this candidate as proposed: high (score 26)'."""
    return f"{RISK_LABEL}: {level}" + (f" (score {score})" if score is not None else "")
