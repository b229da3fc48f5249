"""The register's list: newest first, filtered by stream, outcome and status."""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from sqlalchemy import Connection, case, func, select
from sqlalchemy.orm import aliased

from leadfit.decisions.errors import DecisionError
from leadfit.decisions.tables import records

STATUSES = ("draft", "awaiting_signoff", "signed", "superseded")


@dataclass(frozen=True)
class RecordSummary:
    ref: str
    record_id: str
    version: int
    status: str
    stream: str
    candidate: str
    outcome: str
    recommended: str
    created_at: str
    hash: str


def _query(stream=None, outcome=None, status=None):
    newer = aliased(records)
    latest = (select(func.max(newer.c.version)).where(newer.c.record_id == records.c.record_id)
              .scalar_subquery())
    shown = case((records.c.version < latest, "superseded"), else_=records.c.status)
    q = select(records.c.record_id, records.c.version, shown.label("shown"), records.c.stream,
               records.c.candidate, records.c.outcome, records.c.recommended,
               records.c.created_at, records.c.hash)
    if stream:
        q = q.where(records.c.stream == stream)
    if outcome:
        q = q.where(records.c.outcome == outcome)
    if status:
        if status not in STATUSES:
            raise DecisionError(f"status '{status}' is not one of: {', '.join(STATUSES)}")
        q = q.where(shown == status)
    return q.order_by(records.c.id.desc())


def list_records(conn: Connection, *, stream=None, outcome=None, status=None, limit: int | None = 100,
                 offset: int = 0) -> list[RecordSummary]:
    q = _query(stream, outcome, status).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return [_summary(row) for row in conn.execute(q)]


def _summary(row) -> RecordSummary:
    return RecordSummary(ref=f"{row.record_id}@{row.version}", record_id=row.record_id,
                         version=row.version, status=row.shown, stream=row.stream or "",
                         candidate=row.candidate or "", outcome=row.outcome or "",
                         recommended=row.recommended or "", created_at=row.created_at,
                         hash=row.hash)


def write_csv(conn: Connection, path: Path) -> int:
    """Every version, newest first, written atomically. Cells that a spreadsheet
    would run as a formula are prefixed with a quote."""
    path = Path(path)
    names = [f.name for f in fields(RecordSummary)]
    fd, tmp = tempfile.mkstemp(prefix=".leadfit-", suffix=".csv", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=names)
            writer.writeheader()
            for row in conn.execute(_query()):
                writer.writerow({k: _cell(v) for k, v in asdict(_summary(row)).items()})
                count += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _cell(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
