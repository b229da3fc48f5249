"""Plain words for rules: counts ('1 error', '2 errors'), risk labels, thresholds
(messages and documents are read by people)."""

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


# The default pack's named thresholds (rules/packs/default/pack.yaml), as a reader says them;
# the parameter's own name follows in brackets for the consultant who sets it.
PARAMETER_WORDS = {
    "p1_met_years": "Years running digital products for digital product experience (P1) to be met",
    "p1_partial_years": "Years from which digital product experience (P1) is partly met",
    "digital_business_share": "Share of revenue that is digital from which digital products are the"
                              " business",
    "digital_business_years": "Years of digital experience below which a learner on such a stream"
                              " is a revenue risk",
    "dedicated_share": "Most of their time a full-time Product Director may keep in the former role"
                       " (P6), in %",
    "part_time_share": "Share of time kept in the former role from which a learner does the job"
                       " part-time, in %",
    "reduction_horizon_days": "Days within which the former role must be down to that share",
    "review_horizon_days": "Days within which the first fail-fast review must come",
}
