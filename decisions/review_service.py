"""The review functions both front-ends call (issue 12: fail-fast reviews, M10).

Beside decisions/service.py (and built on it): every change runs in one serialised
write transaction with its audit entry; every read goes through the integrity check.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from leadfit.decisions import audit, review_terms, reviews, store
from leadfit.decisions.errors import DecisionError
from leadfit.decisions.record import DecisionRecord
from leadfit.decisions.register import Register
from leadfit.decisions.review_record import Verdict
from leadfit.decisions.service import _latest, _year, checker
from leadfit.decisions.texts import make_ref
from leadfit.errors import LeadFitError

# `register show` lists a decision's reviews through this module: what only recording a
# review needs (the engine, the pack and form models) is imported where a review is made.
if TYPE_CHECKING:
    from leadfit.decisions import reviewing

__all__ = ["due_counts", "due_reviews", "preview_review", "review", "reviews_of"]


def review(reg: Register, ref: str, *, verdict: str, pack_dirs=(), today: date | None = None,
           **asked) -> DecisionRecord:
    """Record a fail-fast review of ``ref`` (a signed coached decision, or its latest review)
    as its own record awaiting sign-off. Re-asks only ``reviewing.REASKED``; evaluates again
    under the decision's own pack. Every refusal is named and nothing is written.
    ``asked``: held_on, answers, done, next_review, experienced_pd, justification,
    behaviours, experience, recorded_by (see :func:`preview_review`); ``today``: the clock."""
    from leadfit.decisions import reviewing
    target, root, case, assessment, facts, text = _prepared(reg, ref, verdict, pack_dirs, asked,
                                                            today)
    key = audit.audit_key()
    with reg.write() as conn:
        if (store.latest_version(conn, target.record_id) != target.version
                or reviews.reviewed_by(conn, target.record_id)):
            raise DecisionError(f"{target.record_id} changed meanwhile; retry the review")
        serial = store.next_serial(conn)
        record = reviewing.build(record_id=store.record_id_for(serial, _year()), target=target,
                                 root=root, answers=case.to_data(), assessment=assessment,
                                 review=facts, justification=text["justification"],
                                 recorded_by=text["recorded by"])
        store.add(conn, record, serial, "review", "", key)
    return record


def preview_review(reg: Register, ref: str, *, verdict: str = "continue", pack_dirs=(),
                   today: date | None = None, **asked) -> tuple[reviewing.Review, Any]:
    """(what the review would record, its assessment) without writing: the window shows
    what changed since the decision, finding by finding, while the reviewer answers."""
    _t, _r, _c, assessment, facts, _x = _prepared(reg, ref, verdict, pack_dirs, asked, today)
    return facts, assessment


def _prepared(reg: Register, ref: str, verdict: str, pack_dirs, asked: dict,
              today: date | None = None):
    from leadfit.decisions import making, reviewing
    from leadfit.decisions.replay import record_pack
    from leadfit.forms.case import build_case
    from leadfit.rules.runtime.explain import evaluate_explained
    problems: list = []
    on = reviewing.today_iso(asked.get("held_on"), problems, today)
    with reg.read() as conn:
        check = checker(reg, conn)
        target = _latest(conn, ref, check)
        root = store.load(conn, target.review.decision, check).record if target.review else target
        latest = store.latest_version(conn, root.record_id)
        current = None if latest in (None, root.version) else \
            store.load(conn, make_ref(root.record_id, latest), check).record
        reviewing.check_target(target, root, reviews.reviewed_by(conn, target.record_id), on,
                               problems, current)
    try:  # the decision's own pack, or the one given if it is that pack: never another (F36)
        pack = record_pack(root.pack, root.ref, pack_dirs)
    except DecisionError as exc:
        raise DecisionError([*problems, *exc.problems]) from None
    merged = reviewing.reanswered(target.answers, asked.get("answers") or {}, problems)
    steps = reviewing.mitigations(root, target, asked.get("done") or {}, on, problems)
    when, pd = reviewing.verdict_terms(verdict, asked.get("next_review"),
                                       asked.get("experienced_pd", ""), on, root, problems)
    text = {k: making._text(asked.get(k.replace(" ", "_"), ""), k, problems)
            for k in ("justification", "behaviours", "experience", "recorded by")}
    # a date given now (the decisive review a continue falls back on was agreed, and checked,
    # at the decision)
    review_terms.check_cadence(on, when if asked.get("next_review") else None, pack,
                               text["justification"], problems,
                               what="the next review", before_what="this review",
                               where="the justification (--justify)")
    reviewing.check_continue(verdict, merged, text["justification"], problems, pack.questionnaire)
    try:  # every mistake in one run: the answers' own checks beside the rest
        case = build_case(merged, pack.questionnaire, source="the review's answers")
    except LeadFitError as exc:
        problems += exc.problems
    reviewing.raise_if(problems)
    assessment = evaluate_explained(case, pack)
    facts = reviewing.Review(
        of=target.ref, decision=root.ref, held_on=on, verdict=cast(Verdict, verdict),
        next_review=when,
        experienced_pd=pd, criteria=root.decision.review_criteria,
        answers=reviewing.answer_changes(root.answers, case.to_data(), pack.questionnaire),
        findings=reviewing.finding_changes(root.assessment, assessment),
        recommended_before=root.decision.recommended, mitigations=steps,
        behaviours=text["behaviours"], experience=text["experience"])
    return target, root, case, assessment, facts, text


def due_reviews(reg: Register, today: date | None = None,
                within_days: int = reviews.DUE_WITHIN_DAYS,
                limit: int | None = 100) -> list[reviews.DueReview]:
    """Reviews overdue and falling due within ``within_days`` (the clock injectable)."""
    with reg.read() as conn:
        return reviews.due_reviews(conn, today or date.today(), within_days, checker(reg, conn),
                                   limit)


def due_counts(reg: Register, today: date | None = None,
               within_days: int = reviews.DUE_WITHIN_DAYS) -> tuple[int, int]:
    """(overdue, due soon): "2 reviews are overdue" without reading a record."""
    with reg.read() as conn:
        return reviews.due_counts(conn, today or date.today(), within_days, checker(reg, conn))


def reviews_of(reg: Register, ref: str) -> list[DecisionRecord]:
    """The reviews that follow a decision, in order (each checked as strictly as a record)."""
    with reg.read() as conn:
        check = checker(reg, conn)
        record = store.load(conn, ref, check).record
        root = record.review.decision.partition("@")[0] if record.review else record.record_id
        return reviews.chain(conn, root, check)
