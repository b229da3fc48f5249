"""What the decision dialog checks before it asks the core: each problem in plain words,
keyed by the field it is about, so the dialog marks that field and says it beside it (a box
of refusals naming step codes left the person to find the field). No Qt: the core's rules
(takes_conditions, who must be named) are asked, not repeated."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from leadfit.decisions.making import takes_conditions
from leadfit.words import date_words

# field keys: the dialog's own fields, and a plan step's owner or due date by its id
DECISION, JUSTIFICATION, CONDITIONS, REVIEW = "decision", "justification", "conditions", "review"
RECORDED_BY, REASON, LATER, PLAN = "recorded_by", "reason", "later", "plan"


def owner_key(step: str) -> str:
    return f"owner:{step}"


def due_key(step: str) -> str:
    return f"due:{step}"


NAME_NEEDED = ("Type your full name: the record keeps who recorded it, and nothing is recorded"
               " without it.")
REASON_NEEDED = "Say why this correction is made: the record keeps the reason with the new version."


@dataclass(frozen=True)
class Asked:
    """What the dialog knows beyond the choice: the recommendation (None: nothing was), the
    plan's steps by id and title (those kept for this outcome), whether it corrects a record."""

    recommended: str | None
    steps: dict[str, str]
    correcting: bool = False
    kept_later: str | None = None  # a correction may keep its earlier version's date
    assessed: str = ""  # the day the case was assessed (org.assessed_on): nothing is due before
    today: Callable[[], date] = date.today


def problems(choice, asked: Asked) -> dict[str, str]:
    """Every problem with ``choice`` (a DecisionChoice) at once, field key -> words."""
    found: dict[str, str] = {}
    if not choice.decision:
        found[DECISION] = "Choose the decision."
    elif choice.decision != asked.recommended and not choice.justification:
        found[JUSTIFICATION] = ("Say why: nothing was recommended, so the decision needs its"
                                " reason written down." if asked.recommended is None else
                                "Say why: this decision differs from the recommendation.")
    coached = takes_conditions(choice.decision)
    if coached and not choice.conditions:
        found[CONDITIONS] = "Write down the conditions the appointment is made on."
    if coached and choice.review_date:
        review = _day(choice.review_date)
        if review is None:
            found[REVIEW] = _not_a_date(choice.review_date)
        elif _before_assessment(review, asked):
            found[REVIEW] = (f"The review cannot come before the assessment, made on"
                             f" {date_words(asked.assessed)}.")
    if not choice.recorded_by:
        found[RECORDED_BY] = NAME_NEEDED
    if asked.correcting and not choice.reason:
        found[REASON] = REASON_NEEDED
    found.update(_plan_problems(choice, asked))
    return found


def _plan_problems(choice, asked: Asked) -> dict[str, str]:
    """A plan step's fields are marked, their words said once under the plan (PLAN)."""
    found: dict[str, str] = {}
    for sid, (_owner, due) in choice.plan.items():
        day = _day(due) if due else None
        if due and day is None:
            found[due_key(sid)] = _not_a_date(due)
        elif day is not None and _before_assessment(day, asked):
            found[due_key(sid)] = (f"{asked.steps.get(sid, 'A step')} cannot be due on"
                                   f" {date_words(due)}, before the assessment, made on"
                                   f" {date_words(asked.assessed)}.")
    later = _later_problem(choice.plan_later, asked)
    if later:
        found[LATER] = later
    if choice.decision == "coach" and choice.plan_later is False:
        # a coached appointment is made on a plan: each step given (who and by when) or
        # deferred, as the core's check_plan_agreed asks
        open_steps = []
        for sid, title in asked.steps.items():
            owner, due = choice.plan.get(sid, ("", ""))
            for key, blank in ((owner_key(sid), not owner), (due_key(sid), not due)):
                if blank:
                    found.setdefault(key, "")
            if not (owner and due):
                open_steps.append(title)
        if open_steps:
            found[PLAN] = ("Give each step an owner and a due date, or tick 'Agree the steps"
                           " left blank later'. Not given yet: " + ", ".join(open_steps) + ".")
    return found


def _later_problem(later: bool | str, asked: Asked) -> str:
    """The deferral date: a date, and not one already gone (a correction may keep the date
    its earlier version gave). The core checks it against the assessment and the review."""
    if later is False or not asked.steps:
        return ""
    if later is True:
        return "Say by when the steps left blank will be agreed (the review date at the latest)."
    day = _day(str(later))
    if day is None:
        return _not_a_date(str(later))
    if day < asked.today() and later != asked.kept_later:
        return (f"The steps left blank cannot be agreed by {date_words(str(later))}: that day"
                " has passed. Choose today or a later day.")
    return ""


def _before_assessment(day: date, asked: Asked) -> bool:
    assessed = _day(asked.assessed) if asked.assessed else None
    return assessed is not None and day < assessed


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _not_a_date(text: str) -> str:
    return (f"'{text}' is not a date: type it as year-month-day (2027-03-01) or pick it from"
            " the calendar.")
