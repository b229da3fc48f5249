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


def joined(items: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'or')."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def quoted(text: str) -> str:
    """A question as people read it inside a sentence."""
    return f"“{text}”"
