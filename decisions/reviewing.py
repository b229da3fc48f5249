"""Build a fail-fast review's own record: re-ask only what can have changed, evaluate
again under the decision's own pack, compare finding by finding, record the verdict.

The core rules of a review (every refusal a named DecisionError, exit 2, nothing
written): only a signed coached appointment (or the open review of one) is reviewed;
a review is never dated before the record it reviews; a chain closed by bringing in
an experienced PD is not reviewed again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from leadfit import __version__
from leadfit.decisions.errors import DecisionError
from leadfit.decisions.free_text import MIN_REASON_WORDS, _iso, _text, _words, os_account
from leadfit.decisions.review_terms import STANDARD_CRITERIA
from leadfit.decisions.review_words import FAIL_FAST, REVIEW_QUESTIONS, VERDICT_WORDS  # noqa: F401
from leadfit.decisions.record import Decision, DecisionRecord, outcome_title, utc_now
from leadfit.decisions.review_record import (
    VERDICTS,
    AnswerChange,
    FindingChange,
    MitigationDone,
    Review,
)
from leadfit.errors import Problem
from leadfit.suggest import did_you_mean
from leadfit.rules.model.assessment import Assessment
from leadfit.words import answer_words

if TYPE_CHECKING:  # a type only: the review words (register show) import this module
    from leadfit.forms.questionnaire import Questionnaire

REASKED = tuple(q for group in REVIEW_QUESTIONS.values() for q in group)


def check_target(target: DecisionRecord, root: DecisionRecord, reviewed_by: str | None,
                 held_on: str | None, problems: list[Problem],
                 current: DecisionRecord | None = None) -> None:
    """Whether ``target`` (the decision or its latest review) may be reviewed now;
    ``current``: the decision's latest version, where it was corrected after ``root``."""
    if root.decision.outcome != "coach" or root.review is not None:
        problems.append(Problem(
            f"{root.ref} is not a coached appointment (its decision is"
            f" '{outcome_title(root.decision.outcome)}'); only a coached appointment has"
            " fail-fast reviews"))
        return
    if current is not None and current.decision.outcome != "coach":
        # a review of the old version would put the coached executive back in the portfolio
        problems.append(Problem(
            f"{root.ref} was corrected in {current.ref} to"
            f" '{outcome_title(current.decision.outcome)}': the coaching, and its reviews,"
            " ended there"))
        return
    if target.status != "signed":
        problems.append(Problem(f"{target.ref} is not signed yet; a review follows a signed"
                                " decision"))
    if reviewed_by:
        problems.append(Problem(f"{target.ref} was already reviewed in {reviewed_by}; review"
                                f" {reviewed_by} instead"))
    elif target.review is not None and target.review.verdict == "experienced_pd":
        problems.append(Problem(f"{target.ref} brought in an experienced Product Director; the"
                                " coaching and its reviews ended there"))
    if held_on:
        since = target.review.held_on if target.review else root.created_at[:10]
        assessed = str(root.answers.get("org.assessed_on") or "")
        floor = max(since, assessed)
        if held_on < floor:
            what = "the review it follows" if target.review else "its decision"
            problems.append(Problem(f"the review date ({held_on}) is before {what} ({floor}); a"
                                    " review cannot come before what it reviews"))


def reanswered(old: dict[str, Any], changes: dict[str, Any], problems: list[Problem]) -> dict:
    """The decision's answers with the re-asked ones replaced; any other question is refused."""
    for qid in changes:
        if qid not in REASKED:
            problems.append(Problem(f"'{qid}' is not asked again at a review (it cannot have"
                                    f" changed since the decision); asked again: "
                                    + ", ".join(REASKED)))
    merged = {**old, **{k: v for k, v in changes.items() if k in REASKED}}
    return {k: v for k, v in merged.items() if v is not None}


def verdict_terms(verdict: str, next_review, experienced_pd: str, held_on: str,
                  root: DecisionRecord, problems: list[Problem]) -> tuple[str | None, str]:
    """(next review date, experienced PD) for the verdict, or problems named."""
    if verdict not in VERDICTS:
        problems.append(Problem(f"verdict '{verdict}' is not one of: {', '.join(VERDICTS)}"
                                f"{did_you_mean(verdict, VERDICTS)}"))
        return None, ""
    when = _iso(next_review, "next review date", problems)
    pd = _text(experienced_pd, "name", problems)
    if verdict == "extend" and next_review in (None, ""):  # one not a date is named already
        problems.append(Problem("extending the coaching needs the new review date"))
    if verdict == "continue" and not when:
        decisive = root.decision.decisive_review_date
        when = decisive if decisive and decisive > held_on else None
    if verdict == "experienced_pd":
        if not pd:
            problems.append(Problem("bringing in an experienced Product Director needs their name"))
        when = None
    if when and when <= held_on:
        problems.append(Problem(f"the next review date ({when}) must come after this review"
                                f" ({held_on})"))
    return when, pd if verdict == "experienced_pd" else ""


# The article's signs of an executive not adjusting (F7, F8), read from the review's answers.
NOT_ADJUSTING = (("candidate.prioritisation", "wants_everything", STANDARD_CRITERIA[0]),
                 ("candidate.blamed_digital", True, STANDARD_CRITERIA[1]))


def not_adjusting_signs(answers: dict) -> list[str]:
    """The not-adjusting signs the review's answers show, in words."""
    return [words for qid, value, words in NOT_ADJUSTING if answers.get(qid) == value]


def not_known_signs(answers: dict, questions: Questionnaire | None = None) -> list[str]:
    """The signs a review exists to observe (F7, F8) that its answers say are not known."""
    from leadfit.forms.answers import says_not_known
    found = [qid for qid, _value, _words in NOT_ADJUSTING if says_not_known(answers.get(qid))]
    if questions is None:
        return found
    return [questions.questions[q].title if q in questions.questions else q for q in found]


def check_continue(verdict: str, answers: dict, justification: str,
                   problems: list[Problem], questions: Questionnaire | None = None) -> None:
    """Continuing although the answers show the executive not adjusting, or say "not known"
    to the very signs the review is held to observe (F46), is the reviewer's call, but a
    written one: the record must say why, for whoever reads it later."""
    if verdict != "continue" or len(_words(justification)) >= MIN_REASON_WORDS:
        return
    signs, unseen = not_adjusting_signs(answers), not_known_signs(answers, questions)
    if signs:
        problems.append(Problem(
            "continuing needs a written justification (at least"
            f" {MIN_REASON_WORDS} words): the answers show the executive not adjusting ("
            + "; ".join(signs) + "), which the decision agreed would count against continuing"))
    if unseen:
        problems.append(Problem(
            f"continuing needs a written justification (at least {MIN_REASON_WORDS} words): the"
            " review answers “not known” to what it is held to observe ("
            + "; ".join(unseen) + "), so it cannot tell whether the executive is adjusting"))


def mitigations(root: DecisionRecord, target: DecisionRecord, done: dict[str, Any],
                held_on: str, problems: list[Problem]) -> list[MitigationDone]:
    """Each planned step as found: done on a date (not after the review), or not done.
    A step found done at an earlier review stays done unless given a date again."""
    planned = {p.id: p for p in root.decision.plan}
    earlier = {m.id: m.done_on for m in target.review.mitigations} if target.review else {}
    done = {**{k: v for k, v in earlier.items() if v}, **done}
    if FAIL_FAST in planned and not done.get(FAIL_FAST):  # holding this review is M10 done
        done[FAIL_FAST] = held_on
    for mid in done:
        if mid not in planned:
            problems.append(Problem(f"'{mid}' is not a step of the plan of {root.ref}; planned: "
                                    + (", ".join(planned) or "none")))
    found = []
    for mid, step in planned.items():
        when = _iso(done.get(mid), f"date {mid} was done", problems)
        if when and when > held_on:
            problems.append(Problem(f"{mid} is dated done on {when}, after the review ({held_on})"))
        found.append(MitigationDone(id=mid, title=step.title, due=step.due, done_on=when))
    return found


def answer_changes(before: dict, after: dict, questions: Questionnaire) -> list[AnswerChange]:
    changed = []
    for qid in REASKED:
        if before.get(qid) != after.get(qid):
            q = questions.questions.get(qid)
            words = (lambda v: q.options.get(v, answer_words(v))) if q and q.options \
                else answer_words
            changed.append(AnswerChange(question=qid, title=q.title if q else qid,
                                        before=words(before.get(qid)), after=words(after.get(qid))))
    return changed


def finding_changes(before: Assessment, after: Assessment) -> list[FindingChange]:
    """Every finding raised at either time, in the decision's order, new ones after."""
    old = {f.id: f for f in before.findings}
    new = {f.id: f for f in after.findings}
    ids = [*old, *(i for i in new if i not in old)]
    return [FindingChange(id=i, title=(new.get(i) or old[i]).title,
                          before=old[i].severity if i in old else "",
                          after=new[i].severity if i in new else "") for i in ids]


def build(*, record_id: str, target: DecisionRecord, root: DecisionRecord, answers: dict,
          assessment: Assessment, review: Review, justification: str,
          recorded_by: str) -> DecisionRecord:
    d = root.decision
    outcome = "hire_external" if review.verdict == "experienced_pd" else "coach"
    decision = Decision(outcome=outcome, recommended=assessment.outcome,
                        justification=justification,
                        # bringing in an experienced PD ends the coaching: none of it is kept
                        conditions=d.conditions if outcome == "coach" else "",
                        review_date=review.next_review,
                        plan=d.plan if outcome == "coach" else [])
    return DecisionRecord(
        record_id=record_id, version=1, created_at=utc_now(), status="awaiting_signoff",
        stream=root.stream, candidate=root.candidate, answers=answers, assessment=assessment,
        pack=assessment.pack, engine=assessment.engine, leadfit_version=__version__,
        decision=decision, required_roles=list(root.required_roles), recorded_by=recorded_by,
        recorded_account=os_account(), review=review)


def today_iso(value: str | date | None, problems: list[Problem],
              today: date | None = None) -> str:
    """The day the review is held (``value``, else today); a day still to come is refused:
    a review records what was observed, so it cannot be held later than today."""
    now = (today or date.today()).isoformat()
    held = _iso(value, "review date", problems)
    if held and held > now:
        problems.append(Problem(f"the review date ({held}) is after today ({now}); a review is"
                                " recorded once it has been held"))
    return held or now


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise DecisionError(problems)


def corrected(old: DecisionRecord, root: DecisionRecord, *, answers: dict,
              assessment: Assessment, questions: Questionnaire, reason: str,
              justification: str | None, review_date, recorded_by: str,
              changes: dict[str, Any]) -> DecisionRecord:
    """A correction of review ``old`` of ``root``: still a review of the same record, with
    its verdict and what was observed; the answers, the next review date (``review_date``)
    and the justification may change, and what changed since the decision is worked out
    again. ``changes``: what else the correction asked for (--decision, --conditions,
    --plan), each refused by name, as the verdict decides them."""
    review = old.review
    assert review is not None
    problems = [Problem(f"the {name} of a review follows from its verdict"
                        f" ({VERDICT_WORDS[review.verdict]}) and cannot be corrected: record a"
                        " new review instead") for name, value in changes.items() if value]
    when = review.next_review if review_date is None else _iso(review_date, "next review date",
                                                               problems)
    if when is not None and when <= review.held_on:
        problems.append(Problem(f"the next review date ({when}) must come after the review"
                                f" ({review.held_on})"))
    reason = _text(reason, "correction reason", problems)
    text = _text(old.decision.justification if justification is None else justification,
                 "justification", problems)
    raise_if(problems)
    review = review.model_copy(update={
        "next_review": when, "answers": answer_changes(root.answers, answers, questions),
        "findings": finding_changes(root.assessment, assessment)})
    record = build(record_id=old.record_id, target=old, root=root, answers=answers,
                   assessment=assessment, review=review, justification=text,
                   recorded_by=_text(recorded_by, "recorded by", problems))
    return record.model_copy(update={"version": old.version + 1, "supersedes": old.ref,
                                     "correction_reason": reason})
