"""How many open reviews fall due on each date (schema 10), sealed by the audit chain.

The start banner says "2 reviews are overdue, 3 due soon". Counting the open chains
(each the newest signed version of a record with a next review and no signed review
after it) visits every one: 1.9 s at 1,000,000 records. The register keeps instead one
short row per date, table ``review_dates`` (date, open chains falling due on it), so the
counts are two sums over a few hundred rows.

Every audit entry LeadFit writes states ``due``, the SHA-256 of those rows. A read
checks the newest entry (as any read does: its hash, its HMAC with a key, its link,
the witness) and hashes the rows; when they disagree, or the register was never sealed
(upgraded, until its next write), the counts come from the records as before. A write
first checks the rows against the newest entry; it then moves the chains it touched
(the record written and the records its versions review) from their old date to their
new one, or rebuilds every row from the records when the rows disagree, so an edited
row is never sealed. ``leadfit verify`` compares the rows with the records.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import Connection, delete, func, insert, select

from leadfit.decisions.record import sha256_text
from leadfit.decisions.reviews import _open_rows   # the one definition of an open chain
from leadfit.decisions.tables import audit_log, records, review_dates

FACT = "due"
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _stored(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(review_dates.c.next_review, review_dates.c.chains)).all())


def digest(dates: dict[str, int]) -> str:
    """What an audit entry states about the rows."""
    return sha256_text(_ENCODE(sorted(dates.items())))


def from_records(conn: Connection) -> dict[str, int]:
    """{date: open chains due on it}, counted from the records (every open chain)."""
    due = _open_rows().with_only_columns(records.c.next_review).subquery()
    return dict(conn.execute(select(due.c.next_review, func.count())
                             .group_by(due.c.next_review)).all())


def read(conn: Connection, checker) -> dict[str, int] | None:
    """The rows when the newest (checked) entry seals exactly them, else None."""
    sealed, problem = checker.head_fact(FACT)
    if problem or not isinstance(sealed, str):
        return None
    dates = _stored(conn)
    return dates if digest(dates) == sealed else None


def counts(dates: dict[str, int], today: date, within_days: int) -> tuple[int, int]:
    """(overdue, due within ``within_days``) from the rows."""
    until, now = (today + timedelta(days=within_days)).isoformat(), today.isoformat()
    overdue = sum(n for day, n in dates.items() if day < now)
    return overdue, sum(n for day, n in dates.items() if now <= day <= until)


# --- keeping it on write -------------------------------------------------------------

def touched(conn: Connection, record_id: str, reviews: str | None) -> set[str]:
    """The chains a write of ``record_id`` can open or close: its own and those its
    versions review (``reviews``: what the version being written reviews)."""
    reviewed = conn.execute(select(records.c.review_of).distinct().where(
        records.c.record_id == record_id, records.c.review_of.is_not(None))).scalars()
    return {record_id, *reviewed, *([reviews] if reviews else [])}


def open_dates(conn: Connection, record_ids: set[str]) -> dict[str, str]:
    """{record id: next review} of the open chains among ``record_ids``."""
    q = _open_rows().with_only_columns(records.c.record_id, records.c.next_review)
    return dict(conn.execute(q.where(records.c.record_id.in_(sorted(record_ids)))).all())


def seal(conn: Connection, ids: set[str], before: dict[str, str]) -> dict:
    """Bring the rows up to date after a write (``before``: :func:`open_dates` of ``ids``
    ahead of it); return the fact the write's audit entry states."""
    dates = _stored(conn)
    if _trusted(conn) != digest(dates):
        dates = from_records(conn)
        conn.execute(delete(review_dates))
        if dates:
            conn.execute(insert(review_dates), [{"next_review": d, "chains": n}
                                                for d, n in dates.items()])
        return {FACT: digest(dates)}
    after = open_dates(conn, ids)
    changed: dict[str, int] = {}
    for record_id in ids:
        old, new = before.get(record_id), after.get(record_id)
        if old != new:
            for day, step in ((old, -1), (new, 1)):
                if day is not None:
                    changed[day] = changed.get(day, dates.get(day, 0)) + step
    for day, chains in changed.items():
        conn.execute(delete(review_dates).where(review_dates.c.next_review == day))
        if chains > 0:
            conn.execute(insert(review_dates).values(next_review=day, chains=chains))
            dates[day] = chains
        else:
            dates.pop(day, None)
    return {FACT: digest(dates)}


def _trusted(conn: Connection) -> str | None:
    """The digest the newest entry states, if that entry's text matches its hash."""
    head = conn.execute(select(audit_log.c.hash, audit_log.c.entry)
                        .order_by(audit_log.c.seq.desc()).limit(1)).first()
    if head is None:
        return digest({})   # an empty register: no rows, nothing due
    if sha256_text(head.entry) != head.hash:
        return None
    try:
        facts = json.loads(head.entry)
    except ValueError:
        return None
    return facts.get(FACT) if isinstance(facts, dict) else None


# --- what verify says ----------------------------------------------------------------

def problems(conn: Connection) -> list[str]:
    """The rows against the records (verify has checked every record's columns)."""
    if _trusted(conn) is None and not _stored(conn):
        return []   # never sealed: the counts come from the records
    if _stored(conn) == from_records(conn):
        return []
    return ["the register's count of reviews due on each date no longer matches its records"
            " (edited outside LeadFit); the start banner counts from the records instead"]
