"""Walk the register and name every record or audit entry that was altered,
removed, inserted or reordered."""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from leadfit.decisions.audit import GENESIS, mac_of
from leadfit.decisions.record import sha256_text
from leadfit.decisions.tables import audit_log, records

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


def verify(conn: Connection, key: bytes | None = None) -> VerifyReport:
    report = VerifyReport()
    last = _walk_chain(conn, key, report)
    _check_records(conn, last, report)
    for (rid, version) in sorted(last):
        report.problems.append(f"record {rid}@{version} was removed: the audit log has it,"
                               " the register does not")
    return report


def _walk_chain(conn: Connection, key: bytes | None, report: VerifyReport) -> dict:
    """Check each entry's hash, place and link; return the last facts per record version."""
    last: dict[tuple[str, int], tuple] = {}
    prev, expected, macs = GENESIS, 1, 0
    rows = conn.execute(select(audit_log.c.seq, audit_log.c.prev_hash, audit_log.c.hash,
                               audit_log.c.entry, audit_log.c.mac).order_by(audit_log.c.seq))
    for seq, prev_hash, digest, text, mac in rows:
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
        if "record" in facts:
            last[(facts["record"], facts.get("version"))] = (
                facts.get("record_hash"), *(facts.get(k) for k in _SUMMARY))
        prev, expected = digest, max(expected, seq) + 1
    report.head = prev
    report.authenticated = key is not None and macs == report.entries
    return last


def _check_records(conn: Connection, last: dict, report: VerifyReport) -> None:
    rows = conn.execute(select(records.c.record_id, records.c.version, records.c.hash,
                               records.c.body, *(records.c[k] for k in _SUMMARY))
                        .order_by(records.c.id))
    for rid, version, digest, body, *summary in rows:
        report.records += 1
        ref = f"{rid}@{version}"
        if sha256_text(body) != digest:
            report.problems.append(f"record {ref} was altered: its stored text no longer matches"
                                   " its hash")
        logged = last.pop((rid, version), None)
        if logged is None:
            report.problems.append(f"record {ref} is not in the audit log: added or re-keyed"
                                   " outside LeadFit")
            continue
        if logged[0] != digest:
            report.problems.append(f"record {ref} was altered: it differs from what the audit"
                                   " log recorded")
        for name, have, want in zip(_SUMMARY, summary, logged[1:]):
            if have != want:
                report.problems.append(f"record {ref} was altered: its {name} reads '{have}',"
                                       f" the audit log recorded '{want}'")
