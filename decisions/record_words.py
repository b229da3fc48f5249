"""A record's words that the command line, the PDF and the window all say the same way
(pydantic-free: the reading commands import these without the record's models)."""

from __future__ import annotations

from typing import Any

from leadfit.words import (agreed_step_words, date_words, decided_early_words,
                           nothing_recommended_words, step_agreed, step_done_words, time_words)


def recorded_words(r: Any) -> str:
    """Who recorded it and when, as the PDF, the window and `register show` say it."""
    who = r.recorded_by or "name not given"
    account = f" (computer account {r.recorded_account})" if r.recorded_account else ""
    return f"{who}{account}, {time_words(r.created_at)}"


def outcome_title(key: str | None) -> str:
    """An outcome as people read it ('hire_external' -> 'Hire an experienced Product Director')."""
    if not key:
        return "none"
    # imported here: reading commands that never print an outcome skip the catalogue's YAML
    from leadfit.rules.model.catalogue import default_catalogue
    try:
        return default_catalogue().title(key)
    except (KeyError, LookupError):
        return key


def found_out_first(r: Any) -> bool:
    """Whether nothing was recommended when this decision was taken: the answers not known
    decided it. Records written before that was stored (recommended then held the cautious
    outcome) say so by their words ("Find out first", words 3 on)."""
    return r.decision.recommended is None or bool(decided_early_words(r.assessment))


def recommendation_words(r: Any, title=outcome_title) -> str:
    """What was recommended, as `register show`, the window and the PDF say it."""
    if found_out_first(r):
        return nothing_recommended_words(title(r.assessment.outcome))
    return title(r.decision.recommended)


def _meaning(r: Any, step: Any) -> str:
    """The step's words in the record's assessment ('' for one it does not hold)."""
    a = r.assessment
    return next((m.meaning for m in [*a.preconditions, *a.mitigations] if m.id == step.id), "")


def done_words(r: Any, step: Any) -> str:
    """'already in place' for a plan step not given whose words in the record's assessment say
    it is done (no owner or date is to be agreed for it); '' otherwise."""
    return "" if step.given else step_done_words(_meaning(r, step))


# The steps whose who and by when the form itself asks (M8: the plan that lightens the former
# role names who takes over the rest and by when it comes down), by those questions.
AGREED_IN_ANSWERS = {"M8": ("candidate.backfill_name", "candidate.reduced_by")}


def agreed_terms(r: Any, step: Any) -> tuple[str, str] | None:
    """(who, by when) in words of a step not given whose words say the record's answers agreed
    it, where those answers name both; None otherwise (then it is still to be agreed)."""
    asked = AGREED_IN_ANSWERS.get(step.id)
    if step.given or not asked or not step_agreed(_meaning(r, step)):
        return None
    who, when = (r.answers.get(q) for q in asked)
    return agreed_step_words(str(who), str(when)) if who and when else None


def step_words(r: Any, step: Any) -> str:
    """A plan step's who and by when, as `register show` says it: 'Sam Lee, by 15 January
    2027', 'owner and date to be agreed by 1 February 2027', 'already in place', or
    'Jo Patel takes over the rest, by 1 April 2027 (agreed on this record)'."""
    agreed = agreed_terms(r, step)
    if agreed:
        return f"{agreed[0]}, by {agreed[1]} (agreed on this record)"
    return done_words(r, step) or step.words(date_words)
