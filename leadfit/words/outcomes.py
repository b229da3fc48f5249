"""Outcomes, risk and the pack's thresholds as an executive reads them, and why the risk
moved the outcome."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from leadfit.words.basics import joined, plural

LEAD_KIND = {"experienced": "experienced Product Director",
             "learner": "executive learning the role", "": "not classified"}
OUTCOME_LEAD = {"appoint": "appointed", "coach": "appointed, coached",
                "hire_external": "hired from outside"}
# An outcome in one word, where outcomes are compared in a column ('Coach -> Hire' in pack diff)
OUTCOME_SHORT = {"appoint": "Appoint", "coach": "Coach", "hire_external": "Hire"}
RISK = {"low": "low", "medium": "medium", "high": "high", "critical": "critical", "": "not assessed"}


def lead_kind_words(kind: str) -> str:
    """'learner' -> 'executive learning the role'."""
    return LEAD_KIND.get(kind, kind)


def decision_lead_words(outcome: str) -> str:
    """A decision as the portfolio reads it: 'coach' -> 'appointed, coached'."""
    return OUTCOME_LEAD.get(outcome, outcome.replace("_", " "))


def outcome_short_words(outcome: str | None) -> str:
    """'hire_external' -> 'Hire'; no outcome (answers missing) -> 'No recommendation'."""
    if not outcome:
        return "No recommendation"
    return OUTCOME_SHORT.get(outcome, outcome.replace("_", " ").capitalize())


def still_to_hire(n: int, experienced: int) -> str:
    """After "led by an experienced Product Director": those still to be hired lead nothing yet (F25)."""
    return "" if not n else " (still to be hired)" if n == experienced else f" ({n} of them still to be hired)"


def other_streams_words(experienced: int, learners: int, form_answer: str | None = None,
                        altered: list[str] | None = None, to_hire: int = 0) -> str:
    """What the register said about the other streams, as the assessment reports it;
    ``altered``: records left out because their text fails its check (F39); ``to_hire``: of
    the experienced, those still to be hired, who lead nothing yet (F25)."""
    total = experienced + learners
    if not total:
        said = f"as answered on the form, \u201c{form_answer}\u201d"
    else:
        hire = still_to_hire(to_hire, experienced)
        said = (f"read from the register: of {plural(total, 'other stream')},"
                f" {experienced or 'none'} {'are' if experienced > 1 else 'is'} led by an experienced"
                f" Product Director{hire} and {learners} by"
                f" {'an executive' if learners == 1 else 'executives'} learning the role")
    if experienced:
        said += ("; an experienced Product Director sets the standard" if experienced > to_hire
                 else "; once hired, an experienced Product Director will set the standard")
    if form_answer and total:
        said += f" (the form's answer, \u201c{form_answer}\u201d, was set aside)"
    if altered:
        said += (f"; left out, not counted: {', '.join(altered)}, changed outside LeadFit since"
                 f" {'it was' if len(altered) == 1 else 'they were'} signed (ask whoever keeps the"
                 " register to check it)")
    return said


# Readiness marks P1-P6 as a board reads them over a column (the catalogue has the full titles).
READINESS_SHORT = {"P1": "Digital", "P2": "P&L", "P3": "Teams", "P4": "MVP slices",
                   "P5": "Holds line", "P6": "Full time"}

# The risk is always that of the appointment as proposed, whatever the recommendation:
# a "hire" recommendation does not lower it, it says why not to do it.
RISK_LABEL = "Risk of appointing this candidate as proposed"
PRECONDITIONS_LABEL = "Before the appointment"


# 2.9 (words 7, unknowns 4): where the outcome depends on answers not known, the risk shown is that
# of their turning out badly, never one measured: its note begins so (words/unknowns.py
# risk_if_badly_words), and the level beside the recommendation is said "at worst".
AT_WORST_NOTE = "This risk assumes the missing"
# A risk a deliberate, open choice accepts (rules/runtime/judgement.py _accepted_risk, words 2)
ACCEPTED_RISK = "it is accepted here because the stakes are low"


def risk_level_words(a: Any) -> str:
    """An assessment's risk level as said beside its recommendation: 'at worst critical' where it
    is the worst case of answers not known ("Find out first"); 'critical, accepted as a
    deliberate choice' where an open choice accepts it (reader 8: the headline read as alarming
    while a note further down accepted it); else the level ('high')."""
    level = str(a.risk.level)
    if a.unknowns is not None and any(n.startswith(AT_WORST_NOTE) for n in a.notes):
        return f"at worst {level}"
    if any(ACCEPTED_RISK in n for n in a.notes):
        return f"{level}, accepted as a deliberate choice"
    return level


def risk_at_least_words(at_least: Mapping[Any, str]) -> str:
    """A pack's risk_at_least as a reader says it: 'One critical finding makes the risk at least
    high, whatever the score.' ('' for a pack without it)."""
    said = [f"one {severity} finding makes the risk at least {level}" for severity, level in at_least.items()]
    return (joined(said).capitalize() + ", whatever the score.") if said else ""


def risk_words(level: str, score: int | None = None) -> str:
    """'Risk of appointing this candidate as proposed: high (score 26)'."""
    return f"{RISK_LABEL}: {level}" + (f" (score {score})" if score is not None else "")


def risk_raises_words(level: str, advised: str, milder: str, words_version: int) -> str:
    """Why the risk raised the outcome. Words 3 (reader 3.3): no "pack", no scale of outcomes,
    no "failure modes"; older packs keep the words their records hold."""
    if words_version >= 3:
        return (f"Together the findings make the risk of appointing the candidate as proposed"
                f" {level}: too high for '{milder}', so the advice is '{advised}'.")
    return (f"The failure modes add up: the risk of appointing the candidate as proposed is"
            f" {level}, and at {level} risk the pack advises at least '{advised}' (rather than"
            f" '{milder}').")


def left_out_words(level: str, full: int, named: str, counted: str, score: int, words_version: int
                   ) -> str:
    """Why findings the pack leaves out of compounding do not raise the outcome. Words 4 (2.6): a
    finding such as "Title without the job" is no step; the steps before the appointment answer it."""
    if words_version >= 4:
        return (f"The risk as proposed ({level}, score {full}) includes {named}, which the steps"
                f" before the appointment answer: they are not reasons to rule the candidate out."
                f" Without them the risk is {counted} (score {score}), and this recommendation stands"
                f" on taking those steps first. If they show weaknesses these answers do not, assess"
                f" again.")
    return (f"The risk as proposed ({level}, score {full}) includes {named}. These are steps to"
            f" take before the appointment, not reasons to rule the candidate out: without them"
            f" the risk is {counted} (score {score}), and this recommendation stands on taking"
            f" them first. If they show weaknesses these answers do not, assess again.")


def risk_calls_for_words(level: str, score: int, advised: str) -> str:
    """Words 3: why not a milder outcome, where the risk alone calls for ``advised`` (3.3)."""
    return (f"Together the findings make the risk of appointing the candidate as proposed {level}"
            f" (score {score}), and that risk calls for '{advised}'.")


# The fallback's constraint (rules/runtime/judgement.py) names the outcome taken in its place.
_INSTEAD = re.compile(r"The fallback is '([^']+)'|'([^']+)' is advised instead")


def decided_title(a: Any) -> str | None:
    """What a decision that follows the recommendation is called: the headline, except where the
    headline says hiring was advised but is not possible (2.6: ``titles_if_fallback``); the
    decision is then the outcome taken instead, named as the constraint names it."""
    for said in getattr(a, "constraints", None) or []:
        found = _INSTEAD.search(said)
        taken = found and (found.group(1) or found.group(2))
        if taken and taken in str(a.outcome_title):
            return str(taken)
    return str(a.outcome_title) if a.outcome_title else None


def fallback_taken(a: Any) -> bool:
    """Whether the outcome is the pack's fallback, taken because the outcome advised cannot
    happen here (its constraint says so): the advice that stands is the one not possible."""
    return any(_INSTEAD.search(said) for said in getattr(a, "constraints", None) or [])


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
