"""The coached trade-off's words for what the executive still lacks ({gaps_plain} and, from
default 2.9, {gaps_said} in a pack's outcome note). A friend of leadfit/words.py."""

from __future__ import annotations

from typing import Any

from leadfit.words import joined, lower_first

# The article's readiness mark of time, not skill (P6): freed, not learnt, so said as time
CAPACITY_MARKS = ("P6",)
CAPACITY_WORDS = {"partial": "still spends part of their time in their current role",
                  "not_met": "cannot yet give the role their full time"}
# 2.9 ({gaps_said}): holding the line said as a person does it; "short on stakeholder tension"
# read as its opposite (reader 8)
LINE_MARK = "P5"
LINE_WORDS = {"partial": "holds the line with business stakeholders only sometimes",
              "not_met": "does not yet hold the line with business stakeholders"}
# 2.9: coached with every readiness mark met (a failing behaviour): not "still learning the role"
BEHAVIOUR_ONLY = "is coached on the ways of working the findings name"


def gaps_words(readiness: list[Any]) -> str:
    """What a coached executive lacks, after 'while the executive': 'is still short on
    digital product experience, lacks multi-disciplinary leadership and still spends part of
    their time in their current role' (not 'the gaps in ... dedicated focus (partly met)')."""
    return _said(readiness, {}, "is still learning the role")


def gaps_said(readiness: list[Any]) -> str:
    """gaps_words as 2.9 says it: holding the line in a person's words, and a ready executive
    coached for a behaviour is not said to be still learning the role."""
    return _said(readiness, {LINE_MARK: LINE_WORDS}, BEHAVIOUR_ONLY)


def _said(readiness: list[Any], own: dict[str, dict[str, str]], nothing_missing: str) -> str:
    """The parts in order: skills partly met, skills not met, marks said in their own words
    (``own``: id -> status -> words), the time kept; ``nothing_missing`` where none is."""
    own = {**own, **{m: CAPACITY_WORDS for m in CAPACITY_MARKS}}
    skills = [r for r in readiness if r.id not in own]

    def named(status: str) -> list[str]:
        return [lower_first(r.title) for r in skills if r.status == status]
    parts = [f"is still short on {joined(named('partial'))}"] if named("partial") else []
    parts += [f"lacks {joined(named('not_met'))}"] if named("not_met") else []
    parts += [own[r.id][r.status] for mark in own for r in readiness
              if r.id == mark and r.status in own[mark] and mark not in CAPACITY_MARKS]
    parts += [CAPACITY_WORDS[r.status] for r in readiness
              if r.id in CAPACITY_MARKS and r.status in CAPACITY_WORDS]
    said = joined(parts) if parts else nothing_missing
    unknown = [lower_first(r.title) for r in readiness if r.status == "unknown"]
    if unknown:
        said += f", and it is not known how they stand on {joined(unknown)}"
    return said
