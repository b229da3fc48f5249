"""Record rows: write a version (with its audit entry), read one back."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, update

from leadfit.decisions import audit, due_dates, keys, leads, loading, reading
from leadfit.decisions.integrity import (
    COLUMNS_FACT,
    SEALED_COLUMNS,
    VERSIONS_FACT,
    Checker,
    columns_digest,
    row_columns,
    versions_after,
)
from leadfit.decisions.portfolio_facts import stream_facts
from leadfit.decisions.record import DecisionRecord, make_ref, sha256_text
from leadfit.decisions.tables import records


@dataclass(frozen=True)
class Stored:
    record: DecisionRecord
    hash: str
    latest: bool
    newest: int = 0     # the record's latest version (this one when ``latest``)


def _columns(record: DecisionRecord) -> tuple[dict, str]:
    text = record.canonical()
    digest = sha256_text(text)
    return {"status": record.status, "body": text, "hash": digest, "stream": record.stream,
            "candidate": record.candidate, "outcome": record.decision.outcome,
            "recommended": record.decision.recommended, "pack": record.pack.label,
            "review_of": record.reviews_record, "next_review": record.next_review,
            **stream_facts(record.model_dump(mode="json"))}, digest


def sealed_columns():
    return [records.c[name] for name in SEALED_COLUMNS]


def next_serial(conn: Connection) -> int:
    return int(conn.execute(select(func.max(records.c.serial))).scalar() or 0) + 1


def add(conn: Connection, record: DecisionRecord, serial: int, action: str, actor: str,
        key: bytes | None) -> str:
    """Insert a new record version and its audit entry; return the record hash."""
    values, digest = _columns(record)
    due = _due_before(conn, record)
    conn.execute(insert(records).values(serial=serial, record_id=record.record_id,
                                        version=record.version, created_at=record.created_at,
                                        **values))
    _refreshed(conn, record, values, action, actor, digest, key, due, added=True)
    return digest


def _due_before(conn: Connection, record: DecisionRecord) -> tuple[set[str], dict[str, str]]:
    """The review chains this write can open or close, and their next reviews before it."""
    ids = due_dates.touched(conn, record.record_id, record.reviews_record)
    return ids, due_dates.open_dates(conn, ids)


def _refreshed(conn: Connection, record: DecisionRecord, values: dict, action: str, actor: str,
               digest: str, key: bytes | None, due: tuple[set[str], dict[str, str]],
               added: bool = False) -> None:
    """The search keys, the sealed stream leads and review dates, and the audit entry that
    seals them."""
    versions = versions_after(conn, added)   # before this write's entry is appended
    row_id = keys.refresh(conn, record.record_id, record.version, record.status)
    own = {row_id: leads.own_line(row_id, record.record_id, record.version, values)}
    facts = audit.entry_for(action, record.model_dump(mode="json"), digest, actor)
    written = conn.execute(select(*sealed_columns()).where(records.c.id == row_id)).one()
    facts[COLUMNS_FACT] = columns_digest(written)
    facts[VERSIONS_FACT] = versions
    audit.append(conn, {**facts, **leads.seal(conn, record.record_id, own, key),
                        **due_dates.seal(conn, *due)}, key)


def replace(conn: Connection, record: DecisionRecord, action: str, actor: str,
            key: bytes | None) -> str:
    """Store a changed (not yet signed) version and its audit entry."""
    values, digest = _columns(record)
    due = _due_before(conn, record)
    conn.execute(update(records).where(records.c.record_id == record.record_id,
                                       records.c.version == record.version).values(**values))
    _refreshed(conn, record, values, action, actor, digest, key, due)
    return digest


def latest_version(conn: Connection, record_id: str) -> int | None:
    return reading.latest_version(conn, record_id)


def load(conn: Connection, ref: str, checker: Checker | None = None) -> Stored:
    """One version (the latest when ``ref`` names none), checked as strictly as verify
    checks it: an altered record raises RecordAltered and is never returned."""
    found = loading.version(conn, ref, checker or Checker(conn, None))
    return Stored(DecisionRecord.from_text(found.row.body), found.row.hash, found.latest,
                  found.newest)


def all_versions(conn: Connection, record_id: str,
                 checker: Checker | None = None) -> list[DecisionRecord]:
    return [DecisionRecord.from_text(row.body)
            for row in loading.versions(conn, record_id, checker or Checker(conn, None))]


def same_decision(conn: Connection, probe: DecisionRecord, checker: Checker) -> DecisionRecord | None:
    """A first version already stored with the same answers, pack and decision as ``probe``
    (a retried ``decide``), or None. Looks only at that stream and candidate (indexed)."""
    want = _request(probe)
    rows = conn.execute(select(*row_columns()).where(
        records.c.stream == probe.stream, records.c.candidate == probe.candidate,
        records.c.version == 1).order_by(records.c.id.desc())).all()
    for row in rows:
        if checker.check(row).intact:
            record = DecisionRecord.from_text(row.body)
            if _request(record) == want:
                return record
    return None


def _request(record: DecisionRecord) -> tuple:
    return (record.answers, record.pack.fingerprint, record.decision, record.status,
            record.considered)


def record_id_for(serial: int, year: int) -> str:
    return f"LF-{year}-{serial:04d}"


__all__ = [
    "Stored",
    "add",
    "all_versions",
    "latest_version",
    "load",
    "make_ref",
    "next_serial",
    "record_id_for",
    "replace",
    "same_decision",
]
