"""The service's reads (decisions/service.py re-exports each: both front-ends call them
there): the list, a record and its history, the portfolio, the CSV, a filed PDF's
anchor, verify and replay. Each reads in one transaction through the integrity check
(:func:`checker`), so an altered record is named, never shown as genuine."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from leadfit.decisions import audit, store
from leadfit.decisions.errors import DecisionError
from leadfit.decisions.integrity import Checker
from leadfit.decisions.listing import RecordSummary, write_csv
from leadfit.decisions.listing import list_records as _list
from leadfit.decisions.portfolio import Portfolio
from leadfit.decisions.portfolio import portfolio as _portfolio
from leadfit.decisions.record import DecisionRecord
from leadfit.decisions.register import Register
from leadfit.files import check_target

# Reading commands start in a fresh process each time: replay and verify import what
# only they need in the functions.
if TYPE_CHECKING:
    from leadfit.decisions.replay import ReplayResult
    from leadfit.decisions.verify import VerifyReport
    from leadfit.rules.model.pack import Pack


def list_records(reg: Register, *, stream: str | None = None, outcome: str | None = None,
                 status: str | None = None, limit: int | None = 100, offset: int = 0,
                 text: str | None = None,
                 titles: dict[str, str] | None = None) -> list[RecordSummary]:
    """Newest first, filtered in the register's query (see listing.list_records)."""
    with reg.read() as conn:
        return _list(conn, stream=stream, outcome=outcome, status=status, limit=limit, offset=offset,
                     text=text, titles=titles, checker=checker(reg, conn))


def missing(reg: Register) -> str:
    """Words when the register lacks record versions its audit log names (a row deleted
    outside LeadFit), else ''. Every list asks it (integrity.Checker.missing_problem)."""
    with reg.read() as conn:
        return checker(reg, conn).missing_problem()


def show(reg: Register, ref: str) -> DecisionRecord:
    with reg.read() as conn:
        return store.load(conn, ref, checker(reg, conn)).record


def can_correct(reg: Register, ref: str) -> bool:
    """Only the latest version of a record can be corrected; older ones are history."""
    with reg.read() as conn:
        return store.load(conn, ref).latest


def history(reg: Register, ref: str) -> list[DecisionRecord]:
    with reg.read() as conn:
        check = checker(reg, conn)
        record = store.load(conn, ref, check).record
        return store.all_versions(conn, record.record_id, check)


def portfolio(reg: Register, *, check: bool = True) -> Portfolio:
    """Every stream's current lead (its newest signed decision), counted for the board.
    ``check`` checks every row as any read does (an altered one is marked, not counted);
    without it the figures come from the summary columns alone, as `leadfit verify` vouches."""
    with reg.read() as conn:
        return _portfolio(conn, checker(reg, conn) if check else None)


def checker(reg: Register, conn) -> Checker:
    """The integrity check every read of this register goes through."""
    return Checker(conn, audit.audit_key(), reg.url)


def export_csv(reg: Register, path: str | os.PathLike, *, overwrite: bool = False) -> int:
    """Every version as CSV. Never over the open register; an existing file only with
    ``overwrite`` (the command's --force, or the window's confirmed save dialog)."""
    path = check_target(Path(path), protected=reg.files(), overwrite=overwrite)
    with reg.read() as conn:
        return write_csv(conn, path, checker(reg, conn))


def check_pdf(reg: Register, path: str | os.PathLike) -> list[str]:
    """Whether a filed PDF's anchor (chain head, entry count, record hash) is still in the
    register: [] when it is, else what differs. A PDF printed from a register that was
    later truncated, rewritten or replaced no longer matches."""
    return pdf_check(reg, path)[0]


def pdf_check(reg: Register, path: str | os.PathLike) -> tuple[list[str], list[str]]:
    """(what differs, as check_pdf; what became of its record since: a later version
    that supersedes it, or a sign-off or withdrawal after printing: pdf_standing)."""
    from leadfit.decisions.pdf_standing import standing
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DecisionError(f"cannot read {path}: {exc.strerror}") from None
    anchor = audit.anchor_in(data)
    if anchor is None:
        raise DecisionError(f"{path} is not a LeadFit decision rationale (it carries no anchor)")
    with reg.read() as conn:
        problems = audit.anchor_problems(conn, anchor)
        return problems, [] if problems else standing(conn, anchor)


def verify(reg: Register) -> VerifyReport:
    from leadfit.decisions.verify import verify as _verify
    key = audit.audit_key()
    with reg.read() as conn:
        return _verify(conn, key, reg.url)


def replay(reg: Register, ref: str, pack_dirs=()) -> ReplayResult:
    from leadfit.decisions.replay import replay as _replay
    return _replay(show(reg, ref), pack_dirs)


def record_pack_of(reg: Register, ref: str) -> Pack:
    """The rule pack ``ref`` was decided under (bundled or archived), or a refusal naming it."""
    from leadfit.decisions.replay import record_pack
    record = show(reg, ref)
    return record_pack(record.pack, record.ref)
