"""The functions both front-ends call (see docs/decisions-api.md).

Every change runs in one serialised write transaction that also appends
its audit entry: all of it is stored, or none of it.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from leadfit.decisions import audit, making, pdf_rationale, store
from leadfit.decisions.errors import DecisionError, RegisterError
from leadfit.decisions.listing import RecordSummary, write_csv
from leadfit.decisions.listing import list_records as _list
from leadfit.decisions.record import DecisionRecord
from leadfit.decisions.register import Register, default_url, open_register
from leadfit.decisions.replay import ReplayResult, find_pack
from leadfit.decisions.replay import replay as _replay
from leadfit.decisions.verify import VerifyReport
from leadfit.decisions.verify import verify as _verify
from leadfit.forms.case import Case, build_case
from leadfit.rules.assess import evaluate
from leadfit.rules.pack import Pack

__all__ = [
    "DecisionRecord",
    "RecordSummary",
    "Register",
    "ReplayResult",
    "ReportResult",
    "VerifyReport",
    "can_correct",
    "correct",
    "decide",
    "default_url",
    "export_csv",
    "history",
    "list_records",
    "open_register",
    "render_pdf",
    "replay",
    "report",
    "show",
    "sign",
    "submit",
    "verify",
]


@dataclass(frozen=True)
class ReportResult:
    path: Path | None
    unsupported: list[str]      # characters the PDF font cannot draw, described
    pdf: bytes = b""


def decide(reg: Register, case: Case, pack: Pack, *, decision: str, justification: str = "",
           conditions: str = "", review_date: str | date | None = None,
           plan: making.Plan | None = None, draft: bool = False) -> DecisionRecord:
    """Evaluate ``case`` under ``pack`` and store the decision as a new record."""
    assessment = evaluate(case, pack)
    args: dict[str, Any] = {"case": case, "pack": pack, "assessment": assessment, "decision": decision,
                "justification": justification, "conditions": conditions, "review_date": review_date,
                "plan": plan, "status": "draft" if draft else "awaiting_signoff"}
    making.build(record_id="LF-0000-0000", version=1, **args)  # refuse before taking the lock
    key = audit.audit_key()
    with reg.write() as conn:
        serial = store.next_serial(conn)
        record = making.build(record_id=store.record_id_for(serial, _year()), version=1, **args)
        store.add(conn, record, serial, "decide", "", key)
    return record


def submit(reg: Register, ref: str) -> DecisionRecord:
    key = audit.audit_key()
    with reg.write() as conn:
        record = _latest(conn, ref)
        if record.status != "draft":
            raise DecisionError(f"{record.ref} is not a draft (it is {record.status})")
        record = record.model_copy(update={"status": "awaiting_signoff"})
        store.replace(conn, record, "submit", "", key)
    return record


def sign(reg: Register, ref: str, *, name: str, role: str, statement: str = "",
         dissent: str = "") -> DecisionRecord:
    key = audit.audit_key()
    with reg.write() as conn:
        record = _latest(conn, ref)
        entry = making.signoff(record, name=name, role=role, statement=statement, dissent=dissent)
        record = record.with_signoff(entry)
        store.replace(conn, record, "sign", f"{entry.name} ({entry.role})", key)
    return record


def correct(reg: Register, ref: str, *, reason: str, case: Case | None = None,
            pack: Pack | None = None, decision: str | None = None, justification: str | None = None,
            conditions: str | None = None, review_date: str | date | None = None,
            plan: making.Plan | None = None) -> DecisionRecord:
    """A new version that supersedes ``ref``; the old one stays as it was."""
    if not (reason or "").strip():
        raise DecisionError("a correction needs a reason (--reason)")
    with reg.read() as conn:
        old = _latest(conn, ref)
    if pack is None:
        pack = find_pack(old.pack.fingerprint, (), old.pack.label)
        if pack is None:
            raise DecisionError(f"the rule pack of {old.ref} (fingerprint"
                                f" {old.pack.fingerprint}) is not available; name one (--pack)")
    case = case or build_case(old.answers, pack.questionnaire, source=f"{old.ref} answers")
    d, assessment = old.decision, evaluate(case, pack)
    kept_plan = {p.id: (p.owner, p.due) for p in d.plan
                 if p.id in {m.id for m in assessment.mitigations}}
    args: dict[str, Any] = {"case": case, "pack": pack, "assessment": assessment,
                "decision": decision or d.outcome,
                "justification": d.justification if justification is None else justification,
                "conditions": d.conditions if conditions is None else conditions,
                "review_date": d.review_date if review_date is None else review_date,
                "plan": {**kept_plan, **(plan or {})},
                "status": "awaiting_signoff", "supersedes": old.ref, "reason": reason.strip()}
    key = audit.audit_key()
    with reg.write() as conn:
        current = store.latest_version(conn, old.record_id)
        if current != old.version:
            raise DecisionError(f"{old.ref} was corrected meanwhile (now version {current}); retry")
        record = making.build(record_id=old.record_id, version=old.version + 1, **args)
        serial = int(old.record_id.rsplit("-", 1)[-1])
        store.add(conn, record, serial, "correct", "", key)
    return record


def list_records(reg: Register, *, stream: str | None = None, outcome: str | None = None,
                 status: str | None = None, limit: int | None = 100,
                 offset: int = 0) -> list[RecordSummary]:
    with reg.read() as conn:
        return _list(conn, stream=stream, outcome=outcome, status=status, limit=limit, offset=offset)


def show(reg: Register, ref: str) -> DecisionRecord:
    with reg.read() as conn:
        return store.load(conn, ref).record


def can_correct(reg: Register, ref: str) -> bool:
    """Only the latest version of a record can be corrected; older ones are history."""
    with reg.read() as conn:
        return store.load(conn, ref).latest


def history(reg: Register, ref: str) -> list[DecisionRecord]:
    with reg.read() as conn:
        record = store.load(conn, ref).record
        return store.all_versions(conn, record.record_id)


def export_csv(reg: Register, path: str | os.PathLike) -> int:
    path = Path(path)
    if not path.parent.is_dir():
        raise DecisionError(f"cannot write {path}: folder {path.parent} does not exist")
    with reg.read() as conn:
        return write_csv(conn, path)


def render_pdf(reg: Register, ref: str) -> ReportResult:
    with reg.read() as conn:
        stored = store.load(conn, ref)
        seq, head = audit.head(conn)
    pdf, unsupported = pdf_rationale.render(stored.record, pdf_rationale.Anchor(stored.hash, head, seq))
    return ReportResult(None, unsupported, pdf)


def report(reg: Register, ref: str, path: str | os.PathLike) -> ReportResult:
    """Render the rationale of ``ref`` to ``path`` (written atomically)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DecisionError(f"cannot write {path}: folder {path.parent} does not exist")
    result = render_pdf(reg, ref)
    fd, tmp = tempfile.mkstemp(prefix=".leadfit-", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(result.pdf)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise RegisterError(f"cannot write {path}: {exc.strerror}") from None
    return ReportResult(path, result.unsupported, result.pdf)


def verify(reg: Register) -> VerifyReport:
    key = audit.audit_key()
    with reg.read() as conn:
        return _verify(conn, key)


def replay(reg: Register, ref: str, pack_dirs=()) -> ReplayResult:
    return _replay(show(reg, ref), pack_dirs)


def _latest(conn, ref: str) -> DecisionRecord:
    stored = store.load(conn, ref)
    if not stored.latest:
        raise DecisionError(f"{stored.record.ref} has been superseded; work on"
                            f" {stored.record.record_id} (its latest version) instead")
    return stored.record


def _year() -> int:
    return datetime.now(UTC).year

