"""The coached trade-off's words for what the executive still lacks ({gaps_plain} in a
pack's outcome note). A friend of leadfit/words.py."""

from __future__ import annotations

from typing import Any

from leadfit.words import joined, lower_first

# The article's readiness mark of time, not skill (P6): freed, not learnt, so said as time
CAPACITY_MARKS = ("P6",)
CAPACITY_WORDS = {"partial": "still spends part of their time in their current role",
                  "not_met": "cannot yet give the role their full time"}


def gaps_words(readiness: list[Any]) -> str:
    """What a coached executive lacks, after 'while the executive': 'is still short on
    digital product experience, lacks multi-disciplinary leadership and still spends part of
    their time in their current role' (not 'the gaps in ... dedicated focus (partly met)')."""
    skills = [r for r in readiness if r.id not in CAPACITY_MARKS]

    def named(status: str) -> list[str]:
        return [lower_first(r.title) for r in skills if r.status == status]
    parts = [f"is still short on {joined(named('partial'))}"] if named("partial") else []
    parts += [f"lacks {joined(named('not_met'))}"] if named("not_met") else []
    parts += [CAPACITY_WORDS[r.status] for r in readiness
              if r.id in CAPACITY_MARKS and r.status in CAPACITY_WORDS]
    said = joined(parts) if parts else "is still learning the role"
    unknown = [lower_first(r.title) for r in readiness if r.status == "unknown"]
    if unknown:
        said += f", and it is not known how they stand on {joined(unknown)}"
    return said
