"""A review in plain words: what it asks again, what changed, what the reviewer decided.
One wording for the command line, the PDF and the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadfit.decisions.record_words import agreed_terms, done_words
from leadfit.decisions.record_words import outcome_title as outcome_words  # one wording of an outcome
from leadfit.words import answer_words, date_words

if TYPE_CHECKING:  # types only: `register show` words a review without its models
    from leadfit.decisions.record import DecisionRecord
    from leadfit.decisions.review_record import FindingChange, Review

# What can have changed since the decision (the rest is the candidate's history or the
# stream's circumstances, fixed at the decision): the load and the former role, the
# behaviours observed, the candidate's experience since. Mitigations done are asked
# from the plan, with their dates (decisions/reviewing.py asks them).
REVIEW_QUESTIONS = {
    "load": ("candidate.former_role_share", "candidate.reduce_former_role",
             "candidate.target_former_share", "candidate.reduced_by",
             "candidate.backfill_named", "candidate.backfill_name"),
    "behaviours": ("candidate.prioritisation", "candidate.blamed_digital",
                   "candidate.holds_line", "candidate.delivery_expectation"),
    "experience": ("candidate.digital_years", "candidate.led_multidisciplinary",
                   "candidate.mvp_delivery"),
}
VERDICT_WORDS = {"continue": "continue the appointment as agreed",
                 "extend": "extend the coaching to a new review date",
                 "experienced_pd": "bring in an experienced Product Director to lead the stream"
                                   " and uplift the executive"}

GROUP_WORDS = {"load": "Load and the former role", "behaviours": "Behaviours observed",
               "experience": "Experience since the decision"}
KIND_WORDS = {"first": "first review", "decisive": "decisive review",
              "extended": "review after extended coaching"}


def due_words(overdue: int, soon: int) -> str:
    """'2 reviews are overdue, 1 due within 30 days' (the window's start line too)."""
    if not overdue and not soon:
        return "no reviews due"
    late = f"{overdue} {'review is' if overdue == 1 else 'reviews are'} overdue"
    return f"{late}, {soon} due within 30 days"


def awaiting_words(ref: str, *, named: bool = True) -> str:
    """What the due list adds when a review was recorded but not yet signed ('' if none);
    the window's narrower column leaves the review's reference out (``named=False``)."""
    if not ref:
        return ""
    return f"; review recorded ({ref}), awaiting sign-off" if named else \
        "; review recorded, awaiting sign-off"


def verdict_words(verdict: str) -> str:
    return VERDICT_WORDS.get(verdict, verdict)


def finding_words(change: FindingChange) -> str:
    if change.change == "new":
        return f"newly raised ({change.after})"
    if change.change == "gone":
        return f"no longer raised (was {change.before})"
    if change.change == "changed":
        return f"was {change.before}, now {change.after}"
    return f"unchanged ({change.after})"


# The fail-fast step (M10) is done by holding a review: a review marks it so itself
# (decisions/reviewing.py), which must say why, or "done" reads as marked by the reviewer.
FAIL_FAST = "M10"


def mitigation_words(step) -> str:
    """A planned step as a review found it (a MitigationDone)."""
    if step.id == FAIL_FAST and step.done_on:
        return f"done: a fail-fast review was held on {date_words(step.done_on)}"
    return step_words(step.done_on, step.due)


def step_words(done_on: str | None, due: str | None) -> str:
    if done_on:
        late = f", after its due date {date_words(due)}" if due and done_on > due else ""
        return f"done on {date_words(done_on)}{late}"
    return f"not done (due {date_words(due)})" if due else "not done"


def headline(review: Review) -> str:
    then = f"; next review {date_words(review.next_review)}" if review.next_review else \
        "; no further review"
    who = f" ({review.experienced_pd})" if review.experienced_pd else ""
    return (f"Review held {date_words(review.held_on)}: {verdict_words(review.verdict)}{who}"
            f"{then}")


def change_lines(record: DecisionRecord) -> list[str]:
    """The review's record for a terminal: the link, the verdict, each change."""
    r = record.review
    if r is None:
        return []
    lines = [f"Review of {r.of} (the appointment decision {r.decision})", headline(r),
             f"Recommendation at the decision: {outcome_words(r.recommended_before)}; now:"
             f" {outcome_words(record.assessment.outcome)}"]
    lines += ["Answers changed since the decision:"] + (
        [f"  {a.title}: {a.before} -> {a.after}" for a in r.answers] or ["  none"])
    lines += ["Findings since the decision:"] + [
        f"  {f.title}: {finding_words(f)}" for f in r.findings]
    if r.mitigations:
        lines += ["Mitigations:"] + [f"  {m.title}: {mitigation_words(m)}" for m in r.mitigations]
    if r.behaviours:
        lines.append(f"Behaviours observed: {r.behaviours}")
    if r.experience:
        lines.append(f"Experience since: {r.experience}")
    return lines


def reasked_lines(record: DecisionRecord, questions: dict | None = None) -> list[str]:
    """What a review of ``record`` asks again, with the answers recorded now (each question
    by its title and the id ``--answer`` takes; each answer in the questionnaire's words,
    ``questions``: id -> Question)."""
    questions = questions or {}
    lines = [f"A review of {record.ref} asks again:"]
    for group, asked in REVIEW_QUESTIONS.items():
        lines.append(f"{GROUP_WORDS[group]}:")
        for q in asked:
            question = questions.get(q)
            said = answer_words(record.answers.get(q), question)
            lines.append(f"  {question.title if question else q} ({q}): {said}")
    plan = record.decision.plan
    if plan:
        lines.append("Mitigations done (--done ID DATE):")
        lines += [f"  {p.id} {p.title}: {_due(record, p)}" for p in plan]
    if record.decision.review_criteria:
        lines.append("Not adjusting, as agreed at the decision:")
        lines += [f"  {c}" for c in record.decision.review_criteria]
    return lines


def _due(record: DecisionRecord, step) -> str:
    """'due 15 January 2027', 'already in place' (its words say it is done), or 'owner and
    date to be agreed by 1 February 2027'."""
    if step.due:
        return f"due {date_words(step.due)}"
    agreed = agreed_terms(record, step)
    if agreed:
        return f"due {agreed[1]} ({agreed[0]})"
    return done_words(record, step) or step.words(date_words)
