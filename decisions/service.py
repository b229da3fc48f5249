"""The functions both front-ends call (see docs/decisions-api.md).

Every change runs in one serialised write transaction that also appends
its audit entry: all of it is stored, or none of it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from leadfit.decisions import audit, store, streams_reading
from leadfit.decisions import refusals as refuse
from leadfit.decisions.errors import DecisionError
from leadfit.errors import Problem
from leadfit.decisions.integrity import Checker
from leadfit.decisions.listing import RecordSummary, same_candidate
from leadfit.decisions.portfolio_facts import StreamsReading
from leadfit.decisions.record import DecisionRecord, parse_ref, status_words
from leadfit.decisions.register import Register, default_url, open_register
from leadfit.decisions.register_reads import (  # noqa: F401  (the service's reads)
    can_correct,
    check_pdf,
    checker,
    export_csv,
    history,
    list_records,
    missing,
    pdf_check,
    portfolio,
    record_pack_of,
    replay,
    show,
    verify,
)
from leadfit.decisions.showing import Rationale, rationale  # noqa: F401  (read as they are stored)
from leadfit.decisions.showing import questionnaire_of as _questionnaire  # noqa: F401  (review)

# Reading commands (register show/list, report) import this module and start in a fresh
# process each time: what only deciding or correcting needs (the engine, the pack and
# form models) is imported in the functions that use it (register_reads.py: replay, verify).
if TYPE_CHECKING:
    from leadfit.decisions import making
    from leadfit.forms.case import Case
    from leadfit.rules.model.pack import Pack

__all__ = [
    "DecisionRecord",
    "RecordSummary",
    "Register",
    "Rationale",
    "can_correct",
    "check_pdf",
    "correct",
    "decide",
    "decide_once",
    "default_url",
    "export_csv",
    "history",
    "list_records",
    "missing",
    "open_register",
    "pdf_check",
    "rationale",
    "record_pack_of",
    "replay",
    "show",
    "sign",
    "submit",
    "verify",
    "versions",
    "withdraw",
    "already_recorded",
]


def decide(reg: Register, case: Case, pack: Pack, *, decision: str, justification: str = "",
           conditions: str = "", review_date: str | date | None = None,
           plan: making.Plan | None = None, draft: bool = False,
           again: bool = False, recorded_by: str = "", plan_later: bool | str | date = False,
           considered: list | None = None,
           decisive_review_date: str | date | None = None) -> DecisionRecord:
    """Evaluate ``case`` under ``pack`` and store the decision as a new record.

    Retrying is safe: when the same decision on the same case under the same pack is
    already recorded (a retry after a lost reply or a killed process), that record is
    returned and nothing is written. ``again`` records a deliberate second one."""
    return decide_once(reg, case, pack, decision=decision, justification=justification,
                       conditions=conditions, review_date=review_date, plan=plan, draft=draft,
                       again=again, recorded_by=recorded_by, plan_later=plan_later,
                       considered=considered, decisive_review_date=decisive_review_date)[0]


def decision_problems(reg: Register, case: Case, pack: Pack, *, draft: bool = False,
                      **decision) -> list:
    """What :func:`decide` would refuse, named, without writing: a front-end that refused
    something itself (the CLI: no name given) still names every other mistake at once."""
    from leadfit.decisions import making
    try:
        making.build(record_id="LF-0000-0000", version=1,
                     **_arguments(reg, case, pack, draft, other_streams(reg, case), decision))
    except DecisionError as exc:
        return list(exc.problems)
    return []


def _arguments(reg: Register, case: Case, pack: Pack, draft: bool,
               reading: StreamsReading | None, decision: dict) -> dict[str, Any]:
    from leadfit.rules.runtime.explain import evaluate_explained
    read_case = streams_reading.applied(case, reading)
    return {"case": read_case, "pack": pack, "assessment": evaluate_explained(read_case, pack),
            "status": "draft" if draft else "awaiting_signoff", "other_streams": reading,
            **decision}


def decide_once(reg: Register, case: Case, pack: Pack, *, again: bool = False,
                draft: bool = False, **decision) -> tuple[DecisionRecord, bool]:
    """(record, True when it was already there); see :func:`decide`."""
    from leadfit.decisions import making
    with reg.read() as conn:
        seen = audit.head(conn)
        reading = _read_streams(conn, checker(reg, conn), case)
    args = _arguments(reg, case, pack, draft, reading, decision)
    probe = making.build(record_id="LF-0000-0000", version=1, **args)  # refuse before the lock
    key = audit.audit_key()
    with reg.write() as conn:
        # written meanwhile (every write appends an entry): read the other streams again,
        # and if another stream was signed, decide on what is there now
        now = _read_streams(conn, checker(reg, conn), case) if audit.head(conn) != seen \
            else reading
        if now != reading:
            args = _arguments(reg, case, pack, draft, now, decision)
        existing = None if again else store.same_decision(conn, probe, checker(reg, conn))
        if existing is not None:
            return existing, True
        serial = store.next_serial(conn)
        record = making.build(record_id=store.record_id_for(serial, _year()), version=1, **args)
        store.add(conn, record, serial, "decide", "", key)
    return record, False


def submit(reg: Register, ref: str, plan: making.Plan | None = None,
           plan_later: bool | str | date | None = None) -> DecisionRecord:
    """A draft goes for sign-off once its plan is agreed: ``plan`` and ``plan_later`` complete
    it here as decide takes them (the refusal names both), so a draft need not be decided again."""
    from leadfit.decisions import making
    key = audit.audit_key()
    with reg.write() as conn:
        record = _latest(conn, ref, checker(reg, conn))
        if record.status != "draft":
            raise DecisionError(f"{record.ref} is not a draft (it is {status_words(record.status)})")
        problems: list = []
        if plan or plan_later:
            record = making.with_plan(record, plan or {}, plan_later or False, problems)
        making.check_plan_agreed(record.decision.outcome, record.decision.plan, problems)
        if problems:
            raise DecisionError(problems)
        record = record.model_copy(update={"status": "awaiting_signoff"})
        store.replace(conn, record, "submit", "", key)
    return record


def sign(reg: Register, ref: str, *, name: str, role: str, statement: str = "",
         dissent: str = "") -> DecisionRecord:
    from leadfit.decisions import making
    key = audit.audit_key()
    with reg.write() as conn:
        record = _latest(conn, ref, checker(reg, conn))
        entry = making.signoff(record, name=name, role=role, statement=statement, dissent=dissent)
        record = record.with_signoff(entry)
        store.replace(conn, record, "sign", f"{entry.name} ({entry.role})", key)
    return record


def withdraw(reg: Register, ref: str, *, reason: str, name: str) -> DecisionRecord:
    """Withdraw a record awaiting sign-off: it stays in the register, marked, with why and by whom."""
    from leadfit.decisions import making
    key = audit.audit_key()
    with reg.write() as conn:
        check = checker(reg, conn)
        latest = _latest(conn, ref, check)
        refuse.withdrawing_a_correction_of_signed(conn, latest, check)
        record = making.withdrawal(latest, reason=reason, name=name)
        store.replace(conn, record, "withdraw", record.withdrawn_by, key)
    return record


def already_recorded(reg: Register, case: Case) -> list[str]:
    """Records (latest versions, not withdrawn) of the same candidate for the same stream."""
    answers = case.to_data()
    with reg.read() as conn:
        rows = same_candidate(conn, answers.get("stream.name", ""),
                              answers.get("candidate.name", ""), checker(reg, conn))
    return [r.ref for r in rows if r.status not in ("superseded", "withdrawn", "altered")]


def versions(reg: Register, record_id: str) -> int:
    """How many versions the record has (0: none); reads no record text."""
    with reg.read() as conn:
        return store.latest_version(conn, parse_ref(record_id)[0]) or 0


def correct(reg: Register, ref: str, *, reason: str, case: Case | None = None,
            pack: Pack | None = None, decision: str | None = None, justification: str | None = None,
            conditions: str | None = None, review_date: str | date | None = None,
            plan: making.Plan | None = None, plan_later: bool | str | date | None = None,
            recorded_by: str = "", rename: bool = False,
            refused: list[Problem] | None = None) -> DecisionRecord:
    """A new version that supersedes ``ref``; the old one stays as it was (of the same
    candidate and stream unless ``rename``: refusals.same_subject). Every mistake is named
    in one run (F19), with the front-end's own ``refused`` (a recorder not named)."""
    from leadfit.decisions import making
    from leadfit.decisions.replay import record_pack
    from leadfit.forms.case import build_case
    from leadfit.rules.runtime.explain import evaluate_explained
    problems = list(refused or [])
    if not (reason or "").strip():
        problems.append(Problem("a correction needs a reason (--reason)"))
    with reg.read() as conn:
        old = _latest(conn, ref, checker(reg, conn))
        root = store.load(conn, old.review.decision, checker(reg, conn)).record \
            if old.review else None
    if old.status == "withdrawn":  # a withdrawn decision does not stand: correcting it would revive it
        raise DecisionError([*problems, Problem(
            f"{old.ref} was withdrawn ({old.withdrawn_reason}); it cannot be corrected."
            " Record the decision again as a new case if it is still wanted")])
    try:
        if pack is None:  # the record's own, never one of another name with the same rules (F36)
            pack = record_pack(old.pack, old.ref)
        if case is not None:
            refuse.same_subject(old, case.answers, rename)
    except DecisionError as exc:
        raise DecisionError([*problems, *exc.problems]) from None
    reading = old.other_streams if case is None else other_streams(reg, case)
    case = streams_reading.applied(
        case or build_case(old.answers, pack.questionnaire, source=f"{old.ref} answers"), reading)
    d, assessment = old.decision, evaluate_explained(case, pack)
    kept_plan = {p.id: (p.owner, p.due) for p in d.plan
                 if p.id in {m.id for m in assessment.plan_steps()}}
    args: dict[str, Any] = {"case": case, "pack": pack, "assessment": assessment,
                "decision": decision or d.outcome,
                "justification": d.justification if justification is None else justification,
                "conditions": d.conditions if conditions is None else conditions,
                "review_date": d.review_date if review_date is None else review_date,
                "plan": {**kept_plan, **(plan or {})},
                "plan_later": d.deferred_to if plan_later is None else plan_later,
                "considered": list(old.considered),  # the candidates compared stay named
                # who records the correction, never the first recorder (the account says who did)
                "recorded_by": recorded_by,
                "status": "awaiting_signoff", "supersedes": old.ref, "reason": reason.strip(),
                "other_streams": reading}
    key = audit.audit_key()
    with reg.write() as conn:
        current = store.latest_version(conn, old.record_id)
        if current != old.version:
            raise DecisionError(f"{old.ref} was corrected meanwhile (now version {current}); retry")
        try:
            record = _corrected(old, root, args, case, assessment, pack, plan, plan_later, reason,
                                justification, review_date, recorded_by, decision, conditions)
        except DecisionError as exc:
            raise DecisionError([*problems, *exc.problems]) from None
        if problems:
            raise DecisionError(problems)
        refuse.no_change(old, record)
        serial = int(old.record_id.rsplit("-", 1)[-1])
        store.add(conn, record, serial, "correct", "", key)
    return record


def _corrected(old, root, args, case, assessment, pack, plan, plan_later, reason, justification,
               review_date, recorded_by, decision, conditions) -> DecisionRecord:
    """The correction's new version (not yet stored): of a decision, or of a review."""
    from leadfit.decisions import making
    if root is None:
        return making.build(record_id=old.record_id, version=old.version + 1, **args)
    from leadfit.decisions import reviewing  # a corrected review stays a review of the same record
    return reviewing.corrected(
        old, root, answers=case.to_data(), assessment=assessment, questions=pack.questionnaire,
        reason=reason, justification=justification, review_date=review_date,
        recorded_by=recorded_by, changes={"decision": decision, "conditions": conditions,
                                          "plan": plan or plan_later})


def other_streams(reg: Register, case: Case) -> StreamsReading | None:
    """Who leads the other streams, as the register knows it (None: it knows none, and the
    form's answer stands). The window shows it; decide and correct record it."""
    with reg.read() as conn:
        return _read_streams(conn, checker(reg, conn), case)


def _read_streams(conn, check: Checker, case: Case) -> StreamsReading | None:
    stream = str(case.answer("stream.name") or "")
    return streams_reading.read(conn, check, stream, streams_reading.form_answer(case))




def _latest(conn, ref: str, check: Checker) -> DecisionRecord:
    stored = store.load(conn, ref, check)
    if not stored.latest:
        raise DecisionError(f"{stored.record.ref} has been superseded; work on"
                            f" {stored.record.record_id} (its latest version) instead")
    return stored.record


def _year() -> int:
    return datetime.now(UTC).year

