"""Walk the register and name every record or audit entry that was altered,
removed, inserted or reordered."""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from leadfit.decisions import witness
from leadfit.decisions.audit import GENESIS, mac_of
from leadfit.decisions.integrity import column_problem, row_columns
from leadfit.decisions.keys import key_columns, key_problem, listed_status
from leadfit.decisions.record import sha256_text
from leadfit.decisions.tables import audit_log, record_keys, records

_SUMMARY = ("status", "stream", "outcome")


@dataclass
class VerifyReport:
    records: int = 0
    entries: int = 0
    head: str = GENESIS
    authenticated: bool = False          # every entry carried a valid HMAC
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(conn: Connection, key: bytes | None = None, url: str | None = None) -> VerifyReport:
    report = VerifyReport()
    first: dict[tuple[str, int], int] = {}
    last = _walk_chain(conn, key, report, first)
    _check_records(conn, last, first, report)
    chain = witness.check(conn, url, key) if url else ""
    if chain:
        report.problems.append(chain)
    for (rid, version) in sorted(last):
        report.problems.append(f"record {rid}@{version} was removed: the audit log has it,"
                               " the register does not")
    return report


def _walk_chain(conn: Connection, key: bytes | None, report: VerifyReport, first: dict) -> dict:
    """Check each entry's hash, place and link; return the last facts per record version."""
    last: dict[tuple, tuple] = {}
    prev, expected, macs = GENESIS, 1, 0
    rows = conn.execute(select(audit_log.c.seq, audit_log.c.prev_hash, audit_log.c.hash,
                               audit_log.c.entry, audit_log.c.mac, audit_log.c.record_ref)
                        .order_by(audit_log.c.seq))
    for seq, prev_hash, digest, text, mac, ref in rows:
        report.entries += 1
        problems = report.problems
        if seq != expected:
            problems.append(f"audit entries {expected} to {seq - 1} were removed" if seq > expected
                            else f"audit entry {seq} is out of order")
        if sha256_text(text) != digest:
            problems.append(f"audit entry {seq} was altered: its text no longer matches its hash")
        try:
            facts = json.loads(text)
        except ValueError:
            problems.append(f"audit entry {seq} was altered: it is no longer readable")
            facts = {}
        if facts.get("seq") != seq:
            problems.append(f"audit entry {seq} was moved: its text says it is entry {facts.get('seq')}")
        if prev_hash != prev or facts.get("prev") != prev_hash:
            problems.append(f"audit entry {seq} does not follow entry {seq - 1}: the chain was"
                            " broken (entries removed, inserted or reordered)")
        if key is not None:
            if mac is None:
                problems.append(f"audit entry {seq} has no HMAC although a key is configured")
            elif not hmac.compare_digest(mac, mac_of(key, digest)):
                problems.append(f"audit entry {seq} fails the HMAC check: rewritten without the key")
            else:
                macs += 1
        if not isinstance(facts, dict):
            facts = {}
        if "record" in facts:
            version_key = (facts["record"], facts.get("version"))
            last[version_key] = (facts.get("record_hash"), *(facts.get(k) for k in _SUMMARY))
            first.setdefault(version_key, seq)
            if ref != f"{facts['record']}@{facts.get('version')}":
                problems.append(f"audit entry {seq} was re-indexed: its record column no longer"
                                " names the record its text is about")
        prev, expected = digest, max(expected, seq) + 1
    report.head = prev
    report.authenticated = key is not None and macs == report.entries
    return last


def _check_records(conn: Connection, last: dict, first: dict, report: VerifyReport) -> None:
    rows = conn.execute(select(*row_columns(), records.c.id, listed_status().label("shown"),
                               *key_columns())
                        .select_from(records.outerjoin(record_keys, record_keys.c.id == records.c.id))
                        .order_by(records.c.id))
    previous = 0
    for row in rows:
        rid, version, digest, body = row.record_id, row.version, row.hash, row.body
        report.records += 1
        ref = f"{rid}@{version}"
        if sha256_text(body) != digest:
            report.problems.append(f"record {ref} was altered: its stored text no longer matches"
                                   " its hash")
        else:
            _check_columns(row, ref, report)
        written = first.get((rid, version), 0)
        if written and written < previous:
            report.problems.append(f"record {ref} was moved: the register lists it after a"
                                   " record written later (rows reordered)")
        previous = max(previous, written)
        logged = last.pop((rid, version), None)
        if logged is None:
            report.problems.append(f"record {ref} is not in the audit log: added or re-keyed"
                                   " outside LeadFit")
            continue
        if logged[0] != digest:
            report.problems.append(f"record {ref} was altered: it differs from what the audit"
                                   " log recorded")


def _check_columns(row, ref: str, report: VerifyReport) -> None:
    try:
        body = json.loads(row.body)
    except ValueError:
        report.problems.append(f"record {ref} was altered: its stored text is not readable")
        return
    problem = column_problem(row, body) if isinstance(body, dict) else "it is not a record"
    problem = problem or key_problem(row, row.shown)  # a forged key could hide it from filters
    if problem:
        report.problems.append(f"record {ref} was altered: {problem}")
