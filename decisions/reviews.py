"""Reviews due and overdue, read from schema 5's indexed columns (see m005_reviews).

A chain is one coached appointment and its reviews, each review naming the record it
reviews (``review_of``). The chain's *open* record is the newest signed version of a
record that names a next review date and that no *signed* review follows (a correction
awaiting sign-off leaves the signed version standing): its
``next_review`` is the chain's next review. A review awaiting sign-off leaves the review
due (the due list says it is recorded and awaiting sign-off); a withdrawn one changes nothing. Every listed row goes through
the same integrity check as every other read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, and_, case, exists, func, or_, select

from leadfit.decisions import loading, reading
from leadfit.decisions.errors import RecordAltered
from leadfit.decisions.integrity import Checker, row_columns
from leadfit.decisions.record import DecisionRecord
from leadfit.decisions.tables import records

DUE_WITHIN_DAYS = 30   # "due" = falls due within this many days; before today = overdue


@dataclass(frozen=True)
class DueReview:
    record_id: str        # the open record of the chain (the decision, or its latest review)
    ref: str
    decision_id: str      # the appointment decision the chain starts from
    stream: str
    candidate: str
    due: str              # ISO date
    overdue: bool
    kind: str             # "first", "decisive" or "extended"
    problem: str = ""     # set when the row was altered (then the other words are empty)
    awaiting: str = ""    # a review of it recorded and awaiting sign-off (its ref), if any

    @property
    def intact(self) -> bool:
        return not self.problem


def _open_rows(dated: bool = True):
    newer, later = records.alias(), records.alias()
    # the newest *signed* version stands: a correction awaiting sign-off does not replace it
    # until signed (as in the portfolio), so the chain stays on the due list meanwhile
    latest = (select(func.max(newer.c.version)).where(newer.c.record_id == records.c.record_id,
                                                      newer.c.status == "signed")
              .scalar_subquery())
    # only a signed review takes the record off the due list: one awaiting sign-off (or
    # withdrawn) has not decided anything yet, so the review is still due
    reviewed = exists().where(and_(later.c.review_of == records.c.record_id,
                                   later.c.status == "signed"))
    # status || '': not an index term, so SQLite walks the next_review index (a range of
    # a few thousand rows) instead of every signed record by the status index.
    signed = records.c.status.op("||")("") == "signed"
    q = select(*row_columns()).where(signed, records.c.version == latest, ~reviewed)
    return q.where(records.c.next_review.is_not(None)) if dated else q


def due_reviews(conn: Connection, today: date, within_days: int = DUE_WITHIN_DAYS,
                checker: Checker | None = None, limit: int | None = 100) -> list[DueReview]:
    """Open reviews falling due by ``today + within_days``, most overdue first (the first
    ``limit``; :func:`due_counts` says how many there are in all)."""
    checker = checker or Checker(conn, None)
    if checker.chain_problem():
        raise RecordAltered(f"{checker.chain_problem()}; run leadfit verify")
    until = (today + timedelta(days=within_days)).isoformat()
    q = _open_rows().where(records.c.next_review <= until).order_by(records.c.next_review,
                                                                     records.c.id)
    rows = conn.execute(q if limit is None else q.limit(limit)).all()
    checker.prefetch(rows)
    pending = _awaiting(conn, [row.record_id for row in rows])
    hidden = [_due(row, today, checker) for row in _hidden(conn, until, checker)]
    return [*hidden, *[_due(row, today, checker, pending.get(row.record_id, "")) for row in rows]]


def _hidden(conn: Connection, until: str, checker: Checker) -> list:
    """Open records whose next_review column was edited in the file to later or
    never, so the index would drop them silently: the review_date column (schema 7, the
    decision's review date, which a review's next review is) still says one is due by
    ``until``. Each such row is checked; the altered ones are listed as altered. (Editing
    both columns, or the outcome too, is found by verify, as every column is sealed.)"""
    # the ids first, from schema 9's (review_date, next_review, ...) index alone: a row
    # read for its text is a random read of a file of gigabytes
    ids = _open_rows(dated=False).with_only_columns(records.c.id).where(
        or_(records.c.next_review.is_(None), records.c.next_review > until),
        records.c.review_date.is_not(None), records.c.review_date != "",
        records.c.review_date <= until)
    q = select(*row_columns()).where(records.c.id.in_(ids))
    rows = conn.execute(q.order_by(records.c.id)).all()
    checker.prefetch(rows)
    return [row for row in rows if not checker.check(row).intact]


def _awaiting(conn: Connection, record_ids: list[str]) -> dict[str, str]:
    """Reviews awaiting sign-off of these records: {reviewed record id: the review's ref}."""
    if not record_ids:
        return {}
    found = conn.execute(select(records.c.review_of, records.c.record_id, records.c.version)
                         .where(records.c.review_of.in_(record_ids),
                                records.c.status == "awaiting_signoff")
                         .order_by(records.c.id)).all()
    return {row.review_of: f"{row.record_id}@{row.version}" for row in reversed(found)}


def due_counts(conn: Connection, today: date, within_days: int = DUE_WITHIN_DAYS,
               checker: Checker | None = None) -> tuple[int, int]:
    """(overdue, due within ``within_days``) over every open chain: from the sealed count
    per date (due_dates.py), else from the indexed columns of every open chain."""
    from leadfit.decisions import due_dates
    dates = due_dates.read(conn, checker or Checker(conn, None))
    if dates is not None:
        return due_dates.counts(dates, today, within_days)
    until = (today + timedelta(days=within_days)).isoformat()
    due = _open_rows().where(records.c.next_review <= until).subquery()
    late = func.sum(case((due.c.next_review < today.isoformat(), 1), else_=0))
    overdue, total = conn.execute(select(late, func.count()).select_from(due)).one()
    return int(overdue or 0), int(total or 0) - int(overdue or 0)


def next_reviews(conn: Connection, today: date | None = None,
                 checker: Checker | None = None) -> dict[str, DueReview]:
    """Every open chain's next review, keyed by the open record's id (the portfolio)."""
    checker = checker or Checker(conn, None)
    rows = conn.execute(_open_rows().order_by(records.c.next_review)).all()
    checker.prefetch(rows)
    return {row.record_id: _due(row, today or date.today(), checker) for row in rows}


def _due(row, today: date, checker: Checker, awaiting: str = "") -> DueReview:
    verdict = checker.check(row)
    ref = f"{row.record_id}@{row.version}"
    if not verdict.intact:
        return DueReview(row.record_id, ref, "", "", "", "", False, "", verdict.problem)
    review = json.loads(row.body).get("review") or {}   # the row is checked: only two facts
    root = str(review.get("decision") or row.record_id).partition("@")[0]
    return DueReview(record_id=row.record_id, ref=ref, decision_id=root, stream=row.stream or "",
                     candidate=row.candidate or "", due=row.next_review,
                     overdue=row.next_review < today.isoformat(), kind=_kind(review),
                     awaiting=awaiting)


def _kind(review: dict) -> str:
    """Which review falls due: the first, the decisive one (after a first 'continue'), or
    the one the coaching was extended to."""
    if not review:
        return "first"
    return "decisive" if review.get("verdict") == "continue" else "extended"


def reviewed_by(conn: Connection, record_id: str) -> str | None:
    """The review (not withdrawn) that follows ``record_id``, if any."""
    return reading.reviewed_by(conn, record_id)


def chain(conn: Connection, decision_id: str, checker: Checker) -> list[DecisionRecord]:
    """The decision's reviews in order (latest version of each), each checked."""
    return [DecisionRecord.from_text(row.body)
            for row in loading.review_chain(conn, decision_id, checker)]
