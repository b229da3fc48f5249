"""Walk the register and name every record or audit entry that was altered,
removed, inserted or reordered."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections import OrderedDict
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
from leadfit.decisions.reading import row_type
from leadfit.decisions.tables import audit_log, record_keys, records

_BATCH = 1_000  # rows fetched at a time (PostgreSQL streams them; memory stays flat)


@dataclass
class VerifyReport:
    records: int = 0
    entries: int = 0
    head: str = GENESIS
    authenticated: bool = False          # every entry carried a valid HMAC
    signed: int = 0                      # entries carrying an HMAC (a keyed register's)
    key_given: bool = False              # an audit key was configured for the check
    wrong_key: bool = False              # a key was given and not one entry is signed with it
    problems: list[str] = field(default_factory=list)
    # the versions found altered ('LF-2026-0001@1'): a list reads no text (schema 11), so
    # the window marks these after a check, as the check names them
    altered: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        """Nothing found changed (the signatures may still be unchecked: ``unchecked``)."""
        return not self.problems

    @property
    def unchecked(self) -> str:
        """Why the entries' signatures were not checked, in words ('' when they were, or
        the register has none). Not a sign of tampering, and never called "verified" (F26)."""
        if self.wrong_key:
            signed = ("its only signed audit entry was not" if self.signed == 1 else
                      f"none of its {self.signed} signed audit entries was")
            return (f"this key does not match the register's key: {signed} signed with it, so"
                    " the signatures could not be checked. Give the key the register was"
                    " started with (if this is that key, every entry was re-signed outside"
                    " LeadFit)")
        if self.signed and not self.key_given:
            return ("this register is signed; give its key to check the signatures"
                    " (LEADFIT_AUDIT_KEY_FILE): without it only the hashes were checked, and"
                    " anyone who recomputes them passes that check")
        return ""


def verify(conn: Connection, key: bytes | None = None, url: str | None = None) -> VerifyReport:
    """Walk the chain and the records, each once in storage order: memory stays flat
    however many records (each record finds its entries through the audit index). The
    walk goes along as the records ask for their newest entries (_Chain), so each
    entry's text is parsed once; what the walk finds is named first."""
    report = VerifyReport()
    chain = _Chain(conn, key)
    checked: list[str] = []
    matched, altered = _check_records(conn, chain, report, checked)
    chain.finish(report)
    if report.wrong_key and url and key is not None and witness.signed_with(url, key):
        # the witness outside the database knows this key: every entry was re-signed
        report.wrong_key, report.problems = False, chain.forged + report.problems
    found = len(report.problems)
    report.problems += checked
    if report.wrong_key:
        key = None  # a key that signed nothing here cannot check the witness either
    witnessed = witness.check(conn, url, key) if url else ""
    if witnessed:
        report.problems.append(witnessed)
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


# Facts kept of the entries walked last (two short strings each): a record's newest entry
# is mostly near where the records in id order have brought the walk; one that has left
# the window is read again by its seq.
_WINDOW = 4_096


class _Chain:
    """The audit chain, walked once in order: each entry's hash, place, link and index
    column checked, its text parsed once. What a record pass needs of an entry (the
    record hash and columns it states) is kept for the last ``_WINDOW`` entries."""

    def __init__(self, conn: Connection, key: bytes | None) -> None:
        self.conn, self.key = conn, key
        self.problems: list[str] = []
        self.prev, self.expected, self.macs, self.entries, self.walked = GENESIS, 1, 0, 0, 0
        self.signed, self.forged = 0, list[str]()   # entries with an HMAC; those failing it
        self.recent: OrderedDict[int, tuple] = OrderedDict()
        self.rows = iter(conn.execution_options(yield_per=_BATCH).execute(
            select(audit_log.c.seq, audit_log.c.prev_hash, audit_log.c.hash,
                   utf8(conn, audit_log.c.entry), audit_log.c.mac, audit_log.c.record_ref)
            .order_by(audit_log.c.seq)))

    def logged(self, seq: int | None) -> tuple:
        """(record hash, columns digest) the entry ``seq`` states; read again only when
        the walk has no longer kept it."""
        while seq is not None and self.walked < seq and self._step():
            pass
        if seq is None:
            return None, None
        stated = self.recent.get(seq)
        if stated is None:
            text = self.conn.execute(select(utf8(self.conn, audit_log.c.entry))
                                     .where(audit_log.c.seq == seq)).scalar()
            stated = _stated(_logged(text))
        return stated

    def finish(self, report: VerifyReport) -> None:
        while self._step():
            pass
        # Not one signed entry signed with this key: the key is another register's (or a
        # mistyped file), not a register rewritten entry by entry (F26). Said once, apart.
        report.key_given = self.key is not None
        report.wrong_key = report.key_given and self.signed > 0 and self.macs == 0
        report.problems += [] if report.wrong_key else self.forged
        report.problems += self.problems
        report.entries, report.head, report.signed = self.entries, self.prev, self.signed
        report.authenticated = self.key is not None and self.macs == self.entries

    def _step(self) -> bool:
        row = next(self.rows, None)
        if row is None:
            return False
        seq, prev_hash, digest, text, mac, ref = row
        facts = self._check(seq, prev_hash, digest, text, mac, ref)
        self.walked, self.entries = seq, self.entries + 1
        self.recent[seq] = _stated(facts)
        if len(self.recent) > _WINDOW:
            self.recent.popitem(last=False)
        return True

    def _check(self, seq: int, prev_hash: str, digest: str, text: bytes, mac, ref) -> dict:
        problems, expected, prev, key = self.problems, self.expected, self.prev, self.key
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
        self.signed += mac is not None
        if key is not None:
            if mac is None:
                problems.append(f"audit entry {seq} has no HMAC although a key is configured")
            elif not hmac.compare_digest(mac, mac_of(key, digest)):
                self.forged.append(f"audit entry {seq} fails the HMAC check: rewritten without"
                                   " the key")
            else:
                self.macs += 1
        if "record" in facts and ref != f"{facts['record']}@{facts.get('version')}":
            problems.append(f"audit entry {seq} was re-indexed: its record column no longer"
                            " names the record its text is about")
        self.prev, self.expected = digest, max(expected, seq) + 1
        return facts


def _stated(facts: dict) -> tuple:
    return facts.get("record_hash"), facts.get(COLUMNS_FACT)


def _records_with_entries(conn: Connection):
    """Each record row (its text as bytes) with its keys and the seqs of its first and
    newest entries (the walk has read the newest one's text: _Chain.logged)."""
    ref = records.c.record_id + "@" + cast(records.c.version, String)
    seqs = {name: select(fn(audit_log.c.seq)).where(audit_log.c.record_ref == ref)
            .scalar_subquery() for name, fn in (("first", func.min), ("last", func.max))}
    columns = [utf8(conn, c).label("body") if c.key == "body" else c for c in row_columns()]
    return (select(*columns, records.c.id, listed_status().label("shown"), *key_columns(),
                   seqs["first"].label("first_seq"), seqs["last"].label("last_seq"))
            .select_from(records.outerjoin(record_keys, record_keys.c.id == records.c.id))
            .order_by(records.c.id))


def _check_records(conn: Connection, chain: _Chain, report: VerifyReport,
                   problems: list[str]) -> tuple[int, set[int]]:
    """Check every record row (as plain tuples: a row is read field by field); return how
    many have an audit entry, and the ids of the rows whose columns no longer match their
    text."""
    previous, matched, altered = 0, 0, set()
    result = conn.execution_options(yield_per=_BATCH).execute(_records_with_entries(conn))
    plain = row_type(tuple(result.keys()))._make  # type: ignore[attr-defined]  # a namedtuple
    for row in map(plain, result):
        rid, version, digest = row.record_id, row.version, row.hash
        report.records += 1
        ref = f"{rid}@{version}"
        logged_hash, logged_columns = chain.logged(row.last_seq)
        if _sha(row.body) != digest:
            problems.append(f"record {ref} was altered: its stored text no longer matches"
                            " its hash")
            altered.add(row.id)
            report.altered.add(ref)
        elif not _check_columns(row, ref, problems, logged_columns == columns_digest(row)):
            altered.add(row.id)
            report.altered.add(ref)
        written = row.first_seq or 0
        if written and written < previous:
            problems.append(f"record {ref} was moved: the register lists it after a"
                            " record written later (rows reordered)")
        previous = max(previous, written)
        if row.last_seq is None:
            problems.append(f"record {ref} is not in the audit log: added or re-keyed"
                            " outside LeadFit")
            continue
        matched += 1
        if logged_hash != digest:
            problems.append(f"record {ref} was altered: it differs from what the audit"
                            " log recorded")
            report.altered.add(ref)
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


def _check_columns(row, ref: str, problems: list[str], sealed: bool) -> bool:
    """The columns against the body; ``sealed``: the newest entry (whose text the walk
    checks) states exactly these columns as written, so the body need not be parsed.
    False when a column no longer matches the text."""
    try:
        body = {} if sealed else json.loads(row.body)
    except ValueError:
        problems.append(f"record {ref} was altered: its stored text is not readable")
        return False
    problem = "" if sealed else (column_problem(row, body) if isinstance(body, dict)
                                 else "it is not a record")
    if problem:
        problems.append(f"record {ref} was altered: {problem}")
        return False
    if key_problem(row, row.shown):  # a forged key could hide it from filters
        problems.append(f"record {ref} is listed wrongly (its search keys were changed"
                               f" outside LeadFit): {key_problem(row, row.shown)}")
    return True
