"""Walk the register and name every record or audit entry that was altered,
removed, inserted or reordered."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, String, cast, distinct, func, select

from leadfit.decisions import due_dates, leads, witness
from leadfit.decisions.audit import GENESIS, mac_of
from leadfit.decisions.integrity import (
    COLUMNS_FACT,
    column_problem,
    columns_digest,
    row_columns,
    utf8,
)
from leadfit.decisions.keys import key_columns, key_problem, listed_status, unnamed_streams
from leadfit.decisions.tables import audit_log, record_keys, records

_BATCH = 1_000  # rows fetched at a time (PostgreSQL streams them; memory stays flat)


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
    """Walk the chain, then the records, each once in storage order: memory stays flat
    however many records (each record finds its entries through the audit index)."""
    report = VerifyReport()
    _walk_chain(conn, key, report)
    found = len(report.problems)
    matched, altered = _check_records(conn, report)
    chain = witness.check(conn, url, key) if url else ""
    if chain:
        report.problems.append(chain)
    _removed(conn, matched, report)
    records_sound = len(report.problems) == found
    report.problems += leads.problems(conn, altered)
    if records_sound:   # counted from the records: an altered one is named by itself
        report.problems += due_dates.problems(conn)
    report.problems += [f"the stream '{key}' is missing from the register's stream names"
                        " (removed outside LeadFit): a search by part of its name would miss"
                        " it" for key in unnamed_streams(conn)]
    return report


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _walk_chain(conn: Connection, key: bytes | None, report: VerifyReport) -> None:
    """Check each entry's hash, place, link and index column."""
    prev, expected, macs = GENESIS, 1, 0
    rows = conn.execution_options(yield_per=_BATCH).execute(
        select(audit_log.c.seq, audit_log.c.prev_hash, audit_log.c.hash,
               utf8(conn, audit_log.c.entry), audit_log.c.mac, audit_log.c.record_ref)
        .order_by(audit_log.c.seq))
    for seq, prev_hash, digest, text, mac, ref in rows:
        report.entries += 1
        problems = report.problems
        if seq != expected:
            problems.append(f"audit entries {expected} to {seq - 1} were removed" if seq > expected
                            else f"audit entry {seq} is out of order")
        if _sha(text) != digest:
            problems.append(f"audit entry {seq} was altered: its text no longer matches its hash")
        try:
            facts = json.loads(text)
        except ValueError:
            problems.append(f"audit entry {seq} was altered: it is no longer readable")
            facts = {}
        if not isinstance(facts, dict):
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
        if "record" in facts and ref != f"{facts['record']}@{facts.get('version')}":
            problems.append(f"audit entry {seq} was re-indexed: its record column no longer"
                            " names the record its text is about")
        prev, expected = digest, max(expected, seq) + 1
    report.head = prev
    report.authenticated = key is not None and macs == report.entries


def _records_with_entries(conn: Connection):
    """Each record row (its text as bytes) with its keys, its first entry's seq and its
    newest entry's text."""
    ref = records.c.record_id + "@" + cast(records.c.version, String)
    newest = audit_log.alias()
    seqs = {name: select(fn(audit_log.c.seq)).where(audit_log.c.record_ref == ref)
            .scalar_subquery() for name, fn in (("first", func.min), ("last", func.max))}
    columns = [utf8(conn, c).label("body") if c.key == "body" else c for c in row_columns()]
    return (select(*columns, records.c.id, listed_status().label("shown"), *key_columns(),
                   seqs["first"].label("first_seq"), utf8(conn, newest.c.entry).label("logged"))
            .select_from(records.outerjoin(record_keys, record_keys.c.id == records.c.id)
                         .outerjoin(newest, newest.c.seq == seqs["last"]))
            .order_by(records.c.id))


def _check_records(conn: Connection, report: VerifyReport) -> tuple[int, set[int]]:
    """Check every record row; return how many have an audit entry, and the ids of the
    rows whose columns no longer match their text."""
    previous, matched, altered = 0, 0, set()
    for row in conn.execution_options(yield_per=_BATCH).execute(_records_with_entries(conn)):
        rid, version, digest, body = row.record_id, row.version, row.hash, row.body
        report.records += 1
        ref = f"{rid}@{version}"
        logged = _logged(row.logged)
        if _sha(body) != digest:
            report.problems.append(f"record {ref} was altered: its stored text no longer matches"
                                   " its hash")
            altered.add(row.id)
        elif not _check_columns(row, ref, report, logged.get(COLUMNS_FACT) == columns_digest(row)):
            altered.add(row.id)
        written = row.first_seq or 0
        if written and written < previous:
            report.problems.append(f"record {ref} was moved: the register lists it after a"
                                   " record written later (rows reordered)")
        previous = max(previous, written)
        if row.logged is None:
            report.problems.append(f"record {ref} is not in the audit log: added or re-keyed"
                                   " outside LeadFit")
            continue
        matched += 1
        if logged.get("record_hash") != digest:
            report.problems.append(f"record {ref} was altered: it differs from what the audit"
                                   " log recorded")
    return matched, altered


def _logged(entry: bytes | None) -> dict:
    """The newest entry's facts ({} when unreadable: the walk names that entry)."""
    try:
        facts = json.loads(entry) if entry is not None else {}
    except ValueError:
        return {}
    return facts if isinstance(facts, dict) else {}


def _removed(conn: Connection, matched: int, report: VerifyReport) -> None:
    """Record versions the audit log has and the register does not. Counted first (one
    index scan); each is named only when the counts differ."""
    stated = conn.execute(select(func.count(distinct(audit_log.c.record_ref)))).scalar() or 0
    if stated == matched:
        return
    refs = conn.execution_options(yield_per=_BATCH).execute(
        select(audit_log.c.record_ref).distinct().where(audit_log.c.record_ref.is_not(None))
        .order_by(audit_log.c.record_ref)).scalars()
    for ref in refs:
        rid, _, version = ref.rpartition("@")
        found = conn.execute(select(records.c.id).where(
            records.c.record_id == rid, cast(records.c.version, String) == version)).first()
        if found is None:
            report.problems.append(f"record {ref} was removed: the audit log has it, the"
                                   " register does not")


def _check_columns(row, ref: str, report: VerifyReport, sealed: bool) -> bool:
    """The columns against the body; ``sealed``: the newest entry (whose text the walk
    checks) states exactly these columns as written, so the body need not be parsed.
    False when a column no longer matches the text."""
    try:
        body = {} if sealed else json.loads(row.body)
    except ValueError:
        report.problems.append(f"record {ref} was altered: its stored text is not readable")
        return False
    problem = "" if sealed else (column_problem(row, body) if isinstance(body, dict)
                                 else "it is not a record")
    if problem:
        report.problems.append(f"record {ref} was altered: {problem}")
        return False
    if key_problem(row, row.shown):  # a forged key could hide it from filters
        report.problems.append(f"record {ref} is listed wrongly (its search keys were changed"
                               f" outside LeadFit): {key_problem(row, row.shown)}")
    return True
