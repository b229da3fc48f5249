"""Build a DecisionRecord from an assessment and the human decision, checking every rule."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from leadfit import __version__
from leadfit.decisions import review_terms
from leadfit.decisions.coaching import (  # noqa: F401 - long imported from here
    _WITHOUT_COACHING,
    CONDITIONAL_OUTCOMES,
    NO_COACHING,
    _listed,
    left_out,
    takes_conditions,
)
from leadfit.decisions.errors import DecisionError, IncompleteCase
from leadfit.decisions.portfolio_facts import StreamsReading
from leadfit.decisions.record import (
    Considered,
    Decision,
    DecisionRecord,
    PlanItem,
    Status,
    utc_now,
)
from leadfit.decisions.free_text import (  # noqa: F401 - long imported from here
    LIMITS,
    MAX_TEXT,
    MIN_REASON_WORDS,
    _iso,
    _text,
    _words,
    os_account,
)
from leadfit.decisions.signing import signoff, withdrawal  # noqa: F401 - long imported from here
from leadfit.errors import Problem
from leadfit.suggest import did_you_mean
from leadfit.words import date_words
from leadfit.rules.model.assessment import Assessment

if TYPE_CHECKING:  # types only: `register show` reaches this module through the reviews
    from leadfit.forms.case import Case
    from leadfit.rules.model.pack import Pack

Plan = dict[str, tuple[str, "str | date | None"]]


def recommendation(assessment: Assessment, pack: Pack) -> str | None:
    """The outcome a decision on ``assessment`` follows; None where nothing was recommended:
    the answers not known decide it and the headline said so ("Find out first", the pack's
    ``title_if_depends``). The cautious outcome beneath it is what to do if they turn out
    badly, not advice, so deciding it (or any other outcome) needs a written reason.
    Packs before words 3 keep the cautious outcome as their records hold it."""
    u = assessment.unknowns
    if (pack.settings.title_if_depends and pack.settings.words_version >= 3
            and u is not None and u.verdict == "depends"):
        return None
    return assessment.outcome


def build(*, record_id: str, version: int, case: Case, pack: Pack, assessment: Assessment,
          decision: str, justification: str, conditions: str, review_date, plan: Plan | None,
          status: Status, supersedes: str | None = None, reason: str = "",
          recorded_by: str = "", plan_later: bool | str | date = False,
          decisive_review_date=None,
          considered: list[Considered] | None = None,
          other_streams: StreamsReading | None = None) -> DecisionRecord:
    problems: list[Problem] = []
    if not assessment.decided:
        raise IncompleteCase([Problem("the case is incomplete, so there is no recommendation to"
                                      " decide on; answer: " + ", ".join(
                                          f"{m.title} ({m.question})" for m in assessment.missing))])
    outcomes = list(pack.settings.outcomes)
    if decision not in outcomes:
        problems.append(Problem(f"decision '{decision}' is not one of: {', '.join(outcomes)}"
                                f"{did_you_mean(decision, outcomes)}"))
    justification, conditions = _text(justification, "justification", problems), \
        _text(conditions, "conditions", problems)
    reason = _text(reason, "correction reason", problems)
    recommended = recommendation(assessment, pack)
    if decision in outcomes and decision != recommended and not justification:
        problems.append(_unjustified(pack, assessment, decision, recommended))
    review = _review_date(review_date, case, decision, problems)
    if takes_conditions(decision) and not conditions:
        problems.append(Problem(f"'{_outcome_title(pack, decision)}' needs its conditions written"
                                " down (--conditions)"))
    assessed = _iso(case.answers.get("org.assessed_on"), "org.assessed_on", [])
    items = _plan(assessment, plan or {}, assessed, problems)
    decisive, criteria = None, []
    if takes_conditions(decision):
        decisive = _iso(decisive_review_date, "decisive review date", problems) \
            or review_terms.default_decisive(review)
        review_terms.check_decisive(review, decisive, problems)
        review_terms.check_cadence(review, decisive, pack, justification, problems,
                                   what="the decisive review", before_what="the first review",
                                   where="the justification (--justify)")
        criteria = review_terms.criteria(case.to_data(), items, review)
    if decision == NO_COACHING:
        items, review, conditions, plan_later = [], None, "", False
    elif not takes_conditions(decision) and takes_conditions(assessment.outcome or ""):
        # appointed outright against a coaching recommendation: the candidate is taken as
        # ready, so the coaching plan, its fail-fast review and conditions do not apply
        coaching = {m.id for m in assessment.mitigations}
        items = [i for i in items if i.id not in coaching]
        review, conditions, plan_later = None, "", False
    elif takes_conditions(decision) and not (plan_later is True and review is None
                                             and review_date not in (None, "")):
        # (steps deferred to a review date that is not a date: that date is the one error)
        items = _deferred(items, plan_later, review, assessed, problems)
        if status != "draft":
            check_plan_agreed(decision, items, problems)
    recorded_by = _text(recorded_by, "recorded by", problems)
    considered = _considered(considered or [], str(case.answers.get("candidate.name", "")), problems)
    _riskier_chosen(str(case.answers.get("candidate.name", "")), assessment, considered,
                    justification, problems)
    if problems:
        raise DecisionError(problems)
    answers = case.to_data()
    return DecisionRecord(
        record_id=record_id, version=version, supersedes=supersedes, correction_reason=reason,
        created_at=utc_now(), status=status,
        stream=str(answers.get("stream.name", "")), candidate=str(answers.get("candidate.name", "")),
        answers=answers, assessment=assessment, pack=assessment.pack, engine=assessment.engine,
        leadfit_version=__version__,
        decision=Decision(outcome=decision, recommended=recommended,
                          justification=justification, conditions=conditions, review_date=review,
                          plan=items, plan_later=any(i.agree_by for i in items),
                          review_criteria=criteria, decisive_review_date=decisive),
        required_roles=list(pack.settings.signoff_roles),
        recorded_by=recorded_by, recorded_account=os_account(), considered=considered,
        other_streams=other_streams)


def _unjustified(pack: Pack, assessment: Assessment, decision: str,
                 recommended: str | None) -> Problem:
    title = lambda key: _outcome_title(pack, key)  # noqa: E731
    seen = (assessment.outcome_title if pack.settings.words_version >= 3 and assessment.outcome_title
            else title(assessment.outcome))  # words 3: the recommendation as the person saw it
    if recommended is None:
        return Problem(f"nothing was recommended ('{seen}'): the answers not known decide it, so"
                       f" the decision '{title(decision)}' needs a written justification (--justify),"
                       " as a decision against a recommendation does")
    return Problem(f"the decision '{title(decision)}' differs from the recommendation '{seen}':"
                   " a written justification is required (--justify)")


def _considered(others: list[Considered], chosen: str, problems: list[Problem]) -> list[Considered]:
    """The other candidates compared: never the chosen one, each once, names in limits."""
    names = [" ".join(o.name.split()).casefold() for o in others]
    if " ".join(chosen.split()).casefold() in names:
        problems.append(Problem(f"'{chosen}' is the candidate chosen, so cannot also be one of"
                                " the other candidates considered"))
    if len(set(names)) < len(names):
        problems.append(Problem("each other candidate considered may be named only once"))
    for other in others:
        _text(other.name, "name of another candidate considered", problems)
    return list(others)


_RISK_ORDER = ("low", "medium", "high", "critical")


def _riskier_chosen(chosen: str, assessment: Assessment, others: list[Considered],
                    justification: str, problems: list[Problem]) -> None:
    """Choosing the riskier of the candidates compared is allowed, but written down (F33):
    the article's selection on aptitude is what a later reader checks the choice against."""
    level = assessment.risk.level if assessment.risk else ""
    if level not in _RISK_ORDER or len(_words(justification)) >= MIN_REASON_WORDS:
        return
    safer = [o for o in others if o.risk in _RISK_ORDER
             and _RISK_ORDER.index(o.risk) < _RISK_ORDER.index(level)]
    if safer:
        problems.append(Problem(
            f"{chosen or 'the candidate chosen'} is at {level} risk, and "
            + ", ".join(f"{o.name} ({o.risk} risk)" for o in safer)
            + f" {'was' if len(safer) == 1 else 'were'} compared beside them: choosing the"
            f" riskier candidate needs a written justification (--justify) of at least"
            f" {MIN_REASON_WORDS} words"))


def _outcome_title(pack: Pack, key: str | None) -> str:
    try:
        return pack.catalogue.title(key) if key else "none"
    except (KeyError, LookupError):
        return str(key)


def check_plan_agreed(decision: str, items: list[PlanItem], problems: list[Problem]) -> None:
    """A coached appointment is appointed on a mitigation plan (the article's coach): each
    step is given (who and by when) or deferred, explicitly, to a date by which it is agreed.
    Naming one step is not a plan for the others."""
    open_steps = [i for i in items if not i.given and not i.agree_by]
    if decision == "coach" and open_steps:
        problems.append(Problem(
            "a coached appointment needs each step of its mitigation plan given, with an owner"
            " and a due date (--plan), or deferred to a date by which its owner and date will be"
            " agreed (--plan-later); not given: "
            + "; ".join(f"{i.title}{_lacking(i)}" for i in open_steps)
            + f" (--plan takes a step by its name or its id: {steps_hint(open_steps)})"))


def step_id(key: str, steps) -> str | None:
    """The step ``key`` names: its id (M5) or its name as the refusals say it ("induction"),
    any case and spacing; None if it names none."""
    wanted = " ".join(str(key).split()).casefold()
    return next((m.id for m in steps if wanted in (m.id.casefold(),
                                                    " ".join(m.title.split()).casefold())), None)


def steps_hint(steps) -> str:
    """Each step as --plan takes it, by name or id: "'Induction' or M5, ..."."""
    return ", ".join(f"'{m.title}' or {m.id}" for m in steps)


def _lacking(item: PlanItem) -> str:
    return " (no due date)" if item.owner else " (no owner)" if item.due else ""


def _deferred(items: list[PlanItem], plan_later: bool | str | date, review: str | None,
              assessed: str | None, problems: list[Problem]) -> list[PlanItem]:
    """The steps not given, deferred to the date by which they are agreed: the date given,
    or (plan_later True) the first fail-fast review, which checks the plan's progress."""
    if not plan_later or all(i.given for i in items):
        return items
    by = review if plan_later is True else _iso(plan_later, "the date the plan is agreed by", problems)
    if by is None:
        if plan_later is True:
            problems.append(Problem("the steps to be agreed later need the date by which they"
                                    " will be agreed: a fail-fast review date, or a date of"
                                    " their own (--plan-later)"))
        return items
    # in words, dates read aloud: the window shows these to the person who typed the date
    if assessed and by < assessed:
        problems.append(Problem(f"the date the plan is agreed by, {date_words(by)}, is before the"
                                f" assessment, made on {date_words(assessed)}"))
    if review and by > review:
        problems.append(Problem(f"the date the plan is agreed by, {date_words(by)}, is after the"
                                f" fail-fast review on {date_words(review)}, which checks how the"
                                " plan is going: agree it by then"))
    return [i if i.given else i.model_copy(update={"agree_by": by}) for i in items]


def with_plan(record: DecisionRecord, plan: Plan, plan_later: bool | str | date,
              problems: list[Problem]) -> DecisionRecord:
    """A draft's plan completed: the steps given now beside those given before, the rest
    deferred (``plan_later``), and what counts as not adjusting worked out again from it."""
    d = record.decision
    assessed = _iso(record.answers.get("org.assessed_on"), "org.assessed_on", [])
    before: Plan = {p.id: (p.owner, p.due) for p in d.plan if p.given}
    items = _plan(record.assessment, {**before, **plan}, assessed, problems)
    kept = {p.id: p.agree_by for p in d.plan if p.agree_by}
    items = [i if i.given or i.id not in kept else i.model_copy(update={"agree_by": kept[i.id]})
             for i in items]
    items = _deferred(items, plan_later, d.review_date, assessed, problems)
    decision = d.model_copy(update={
        "plan": items, "plan_later": any(i.agree_by for i in items),
        "review_criteria": review_terms.criteria(record.answers, items, d.review_date)
        if takes_conditions(d.outcome) else d.review_criteria})
    return record.model_copy(update={"decision": decision})


def dropped(old: Decision, new: Decision) -> list[str]:
    """What a change of decision removed from the record, in words (for the person correcting)."""
    if takes_conditions(new.outcome):
        return []
    kept = {p.id for p in new.plan}
    steps = [f"{p.id} {p.title}" for p in old.plan if p.id not in kept]
    gone = [what for what, was in ((f"the coaching plan ({', '.join(steps)})", steps),
                                   ("the fail-fast review date", old.review_date),
                                   ("the coaching conditions", old.conditions)) if was]
    return [f"{_WITHOUT_COACHING[new.outcome == NO_COACHING]}: {_listed(gone)} of the earlier"
            " version were dropped from this one."] if gone else []


def _review_date(value, case: Case, decision: str, problems: list[Problem]) -> str | None:
    review = _iso(value, "review date", problems)
    if review is None and value in (None, ""):
        review = _iso(case.answers.get("org.review_date"), "the case's fail-fast review date", problems)
    assessed = case.answers.get("org.assessed_on")
    if takes_conditions(decision) and review is None and value in (None, ""):
        review = review_terms.default_first(_iso(assessed, "org.assessed_on", []))
        if review is None:
            problems.append(Problem("a 'coach' decision needs a fail-fast review date"
                                    " (--review-date) or the date of the assessment"))
    if review and assessed and review < str(assessed):
        problems.append(Problem(f"the fail-fast review date, {date_words(review)}, is before the"
                                f" assessment, made on {date_words(str(assessed))}; a review cannot"
                                " come before the case was assessed"))
    return review


def _plan(assessment: Assessment, plan: Plan, assessed: str | None,
          problems: list[Problem]) -> list[PlanItem]:
    """Plan steps as agreed; a step nobody named stays unassigned ("to be agreed")
    rather than defaulting to someone who never agreed to it."""
    known = {m.id: m for m in assessment.plan_steps()}
    named: Plan = {}
    for key, (owner, due) in plan.items():
        mid = step_id(key, known.values())
        if mid is None:
            problems.append(Problem(f"plan names '{key}', which is not a required mitigation here;"
                                    " required: " + (steps_hint(known.values()) or "none")))
            _iso(due, f"due date for {key}", problems)   # every mistake named in one run
        else:
            named[mid] = (owner, due)  # a later entry for the same step wins (a correction's)
    plan = named
    items = []
    for mid, m in known.items():
        owner, due = plan.get(mid, ("", None))
        due_iso = _iso(due, f"due date for {mid}", problems)
        if due_iso and assessed and due_iso < assessed:
            problems.append(Problem(f"the due date for {mid} {m.title}, {date_words(due_iso)}, is before"
                                    f" the assessment, made on {date_words(assessed)}"))
        items.append(PlanItem(id=mid, title=m.title, owner=_text(owner, f"owner of {mid}", problems),
                              due=due_iso))
    return items
