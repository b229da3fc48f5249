"""Record rows: write a version (with its audit entry), read one back."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, update

from leadfit.decisions import audit
from leadfit.decisions.errors import RecordAltered, RecordNotFound
from leadfit.decisions.record import DecisionRecord, make_ref, parse_ref, sha256_text
from leadfit.decisions.tables import audit_log, records


@dataclass(frozen=True)
class Stored:
    record: DecisionRecord
    hash: str
    latest: bool


def _columns(record: DecisionRecord) -> tuple[dict, str]:
    text = record.canonical()
    digest = sha256_text(text)
    return {"status": record.status, "body": text, "hash": digest, "stream": record.stream,
            "candidate": record.candidate, "outcome": record.decision.outcome,
            "recommended": record.decision.recommended, "pack": record.pack.label}, digest


def next_serial(conn: Connection) -> int:
    return int(conn.execute(select(func.max(records.c.serial))).scalar() or 0) + 1


def add(conn: Connection, record: DecisionRecord, serial: int, action: str, actor: str,
        key: bytes | None) -> str:
    """Insert a new record version and its audit entry; return the record hash."""
    values, digest = _columns(record)
    conn.execute(insert(records).values(serial=serial, record_id=record.record_id,
                                        version=record.version, created_at=record.created_at,
                                        **values))
    audit.append(conn, audit.entry_for(action, record.model_dump(mode="json"), digest, actor), key)
    return digest


def replace(conn: Connection, record: DecisionRecord, action: str, actor: str,
            key: bytes | None) -> str:
    """Store a changed (not yet signed) version and its audit entry."""
    values, digest = _columns(record)
    conn.execute(update(records).where(records.c.record_id == record.record_id,
                                       records.c.version == record.version).values(**values))
    audit.append(conn, audit.entry_for(action, record.model_dump(mode="json"), digest, actor), key)
    return digest


def latest_version(conn: Connection, record_id: str) -> int | None:
    return conn.execute(select(func.max(records.c.version))
                        .where(records.c.record_id == record_id)).scalar()


def load(conn: Connection, ref: str) -> Stored:
    record_id, version = parse_ref(ref)
    newest = latest_version(conn, record_id)
    if newest is None or (version is not None and not 1 <= version <= newest):
        raise RecordNotFound(f"no record '{ref}' in this register"
                             + (f" (it has versions 1 to {newest})" if newest else ""))
    version = newest if version is None else version
    row = conn.execute(select(records.c.body, records.c.hash).where(
        records.c.record_id == record_id, records.c.version == version)).one()
    ref = make_ref(record_id, version)
    _check_text(ref, row.body, row.hash)
    if _logged_hash(conn, record_id, version) != row.hash:
        raise RecordAltered(f"record {ref} was altered since it was written: it differs from"
                            " what the audit log recorded; nothing was shown or printed."
                            " Run: leadfit verify")
    return Stored(DecisionRecord.from_text(row.body), row.hash, version == newest)


def all_versions(conn: Connection, record_id: str) -> list[DecisionRecord]:
    rows = conn.execute(select(records.c.version, records.c.body, records.c.hash)
                        .where(records.c.record_id == record_id)
                        .order_by(records.c.version)).all()
    for r in rows:
        _check_text(make_ref(record_id, r.version), r.body, r.hash)
    return [DecisionRecord.from_text(r.body) for r in rows]


def _check_text(ref: str, body: str, digest: str) -> None:
    """Every read for show, report or replay: the text must still be what was hashed."""
    if sha256_text(body) != digest:
        raise RecordAltered(f"record {ref} was altered since it was written: its stored text"
                            " no longer matches its hash; nothing was shown or printed."
                            " Run: leadfit verify")


def _logged_hash(conn: Connection, record_id: str, version: int) -> str | None:
    """The record hash the newest audit entry for this version states, read from the
    entry's own text (record_ref is an index to find it, not evidence)."""
    rows = conn.execute(select(audit_log.c.entry)
                        .where(audit_log.c.record_ref == make_ref(record_id, version))
                        .order_by(audit_log.c.seq.desc()))
    for (text,) in rows:
        try:
            facts = json.loads(text)
        except ValueError:
            continue
        if facts.get("record") == record_id and facts.get("version") == version:
            return facts.get("record_hash")
    return None


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
]
