"""What a coached appointment agrees at decision time about its fail-fast reviews (M10).

The article: "take a cue from the fail fast mantra ... make the decision early". A
coached appointment records when it is reviewed (a first review, by default 90 days
after the assessment, and a decisive one) and what would count as not adjusting, so
the reviewer later judges against what was agreed, not against memory.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from leadfit.decisions.free_text import MIN_REASON_WORDS, _words
from leadfit.decisions.record import PlanItem
from leadfit.errors import Problem
from leadfit.words import date_words

FIRST_REVIEW_DAYS = 90      # the default: a first review 90 days after the assessment
DECISIVE_AFTER_DAYS = 90    # and the decisive one a further 90 days on

# Behaviours the article names as an executive not adjusting (F7, F8): always asked.
STANDARD_CRITERIA = (
    "Still wants everything now rather than trading one thing for another",
    "Blames the digital teams for the pace of delivery",
)


# Plan steps the executive takes up (induction, peers, coaching): one not done by the review is a
# sign of not adjusting. The others are the organisation's (lightening the load, said above by its
# share; the trade-offs stated; the fail-fast review itself), never a sign about the executive.
EXECUTIVE_STEPS = ("M5", "M6", "M7")


def default_first(assessed: str | None) -> str | None:
    return _plus(assessed, FIRST_REVIEW_DAYS)


def default_decisive(first: str | None) -> str | None:
    return _plus(first, DECISIVE_AFTER_DAYS)


def _plus(iso: str | None, days: int) -> str | None:
    if not iso:
        return None
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def check_decisive(first: str | None, decisive: str | None, problems: list[Problem]) -> None:
    if first and decisive and decisive <= first:
        problems.append(Problem(f"the decisive review date ({decisive}) must come after the first"
                                f" review ({first})"))


def check_cadence(before: str | None, when: str | None, pack: Any, reason: str,
                  problems: list[Problem], *, what: str, before_what: str, where: str) -> None:
    """A review set further from the one before than the pack's fail-fast horizon (its
    ``review_horizon_days``, about six months) needs a written reason (F42): the article's
    "make the decision early" is lost to a coaching extended to 2031, then 2035, unsaid."""
    days = (getattr(pack.settings, "parameters", None) or {}).get("review_horizon_days")
    if not (before and when and isinstance(days, int)) or when <= before:
        return
    gap = (date.fromisoformat(when) - date.fromisoformat(before)).days
    if gap <= days or len(_words(reason or "")) >= MIN_REASON_WORDS:
        return
    problems.append(Problem(
        f"{what} ({date_words(when)}) is {gap} days after {before_what} ({date_words(before)});"
        f" the rule pack holds each review of a coached appointment within {days} days of the"
        f" one before (fail fast: make the decision early). Set it sooner, or say why in {where}"
        f" (at least {MIN_REASON_WORDS} words)"))


def criteria(answers: dict, plan: list[PlanItem], first: str | None) -> list[str]:
    """What would count as not adjusting by the first review, in words."""
    found = []
    agreed = str(answers.get("org.not_adjusting") or "").strip()
    if agreed:
        found.append(f"Agreed at the decision: {agreed}")
    target, by = answers.get("candidate.target_former_share"), answers.get("candidate.reduced_by")
    if answers.get("candidate.reduce_former_role") is True and isinstance(target, int) and by:
        if first and str(by) > first:  # not due by the review: a sign is that it is not coming down
            found.append(f"Former role not yet coming down towards {target}% of their time (agreed"
                         f" for {date_words(str(by))}, after the review)")
        else:
            found.append(f"Former role not down to {target}% of their time by {date_words(str(by))}")
    else:
        share = answers.get("candidate.former_role_share")
        if isinstance(share, int) and share > 0:
            found.append(f"Still spending {share}% or more of their time on the former role"
                         + (f" at the review on {date_words(first)}" if first else ""))
    for item in plan:
        if item.id in EXECUTIVE_STEPS and item.due and (not first or item.due <= first):
            found.append(f"{item.title} not done by {date_words(item.due)}")
    return [*found, *STANDARD_CRITERIA]
