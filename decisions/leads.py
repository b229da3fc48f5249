"""Each stream's current lead as a checked summary (schema 8), sealed by the audit chain.

The portfolio and the F10 reading need every stream's current lead (its newest signed
record). Checking each of 10,000 current rows against its body and audit entry took
seconds, so the register keeps one small line per stream in ``stream_leads`` (apart
from the 10 KB bodies) and seals the whole set into the audit chain: every entry
LeadFit writes states ``leads``, the SHA-256 over the digests of 256 buckets, each the
SHA-256 of its bucket's lines. A read checks the newest entry (its own hash, its HMAC
with a key, its link, the witness) and recomputes that root from the lines in one
hashing pass, no body opened: a line edited, added, removed or moved changes the root.
When the root disagrees, or the register was never sealed (upgraded from before schema
8, until its next write), the portfolio checks each current row instead (portfolio.py),
which names what was altered.

A write re-derives the lines of the streams its record is in (the row written from the
record in hand; any other row checked as any read checks it) and re-hashes only their
buckets, after checking those buckets against their stored digests and the stored
digests against the previous root. Whatever disagrees is rebuilt from the records, each
checked, so an edited line is never sealed as genuine.
"""

from __future__ import annotations

import hashlib
import json
from itertools import groupby

from sqlalchemy import Connection, delete, func, insert, select

from leadfit.decisions.integrity import Checker, column_problem, row_columns
from leadfit.decisions.keys import fold
from leadfit.decisions.record import sha256_text
from leadfit.decisions.tables import audit_log, lead_buckets, record_keys, records, stream_leads

FACT = "leads"   # the audit entry's fact holding the root
BUCKETS = 256
LINE = ("stream_key", "row_id", "record_id", "version", "stream", "candidate", "outcome",
        "lead", "mentor", "risk", "readiness", "next_review", "problem")
SUMMARY_ALTERED = ("the register's summary of each stream's lead no longer matches the audit"
                   " trail (edited outside LeadFit); every stream was checked record by record"
                   " instead: run leadfit verify")
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_BATCH = 500


def bucket_of(stream_key: str) -> int:
    return hashlib.sha256(stream_key.encode("utf-8")).digest()[0] % BUCKETS


def bucket_digest(lines) -> str:
    """SHA-256 of a bucket's lines (tuples in LINE order), sorted by stream key."""
    ordered = sorted((list(line) for line in lines), key=lambda line: str(line[0]))
    return hashlib.sha256(_ENCODE(ordered).encode("utf-8")).hexdigest()


def root_of(digests: dict[int, str]) -> str:
    return hashlib.sha256(_ENCODE(sorted(digests.items())).encode("utf-8")).hexdigest()


def _digests(rows) -> dict[int, str]:
    """{bucket: digest} from rows of (bucket, *LINE)."""
    ordered = sorted(rows, key=lambda row: (row[0], str(row[1])))
    return {b: bucket_digest(row[1:] for row in group)
            for b, group in groupby(ordered, key=lambda row: row[0])}


def _all_rows(conn: Connection) -> list[tuple]:
    return [tuple(r) for r in conn.execute(select(stream_leads.c.bucket,
                                                  *[stream_leads.c[n] for n in LINE]))]


def read(conn: Connection, checker: Checker | None) -> tuple[list[tuple] | None, str]:
    """(lines in LINE order, '') when the sealed summary holds; (None, why) when the
    caller must check each row instead ('' : never sealed). Without ``checker`` the
    lines are returned unchecked (the figures alone, as verify vouches for them)."""
    if checker is None:
        rows = _all_rows(conn)
        return ([row[1:] for row in rows], "") if rows or _sealed_root(conn) else (None, "")
    root, problem = checker.head_fact(FACT)
    if problem or root is None:
        return None, ""   # the per-row check names the broken entry (or: not sealed yet)
    rows = _all_rows(conn)
    if root_of(_digests(rows)) != root:
        return None, SUMMARY_ALTERED
    return [row[1:] for row in rows], ""


def _sealed_root(conn: Connection) -> str | None:
    entry = conn.execute(select(audit_log.c.entry).order_by(audit_log.c.seq.desc())
                         .limit(1)).scalar()
    try:
        facts = json.loads(entry) if entry else {}
    except ValueError:
        return None
    return facts.get(FACT) if isinstance(facts, dict) else None


# --- keeping it on write -------------------------------------------------------------

def own_line(row_id: int, record_id: str, version: int, values: dict) -> tuple:
    """The line of a row this transaction wrote (trusted: it is the record in hand)."""
    return (fold(values["stream"]), row_id, record_id, version, values["stream"] or "",
            values["candidate"] or "", values["outcome"] or "", values["lead"] or "",
            values["mentor"] or "", values["risk"] or "", values["readiness"] or "",
            values["next_review"] or "", "")


def line_of(row, stream_key: str, problem: str) -> tuple:
    """A record row's line; an altered row keeps only what names it."""
    if problem:
        return (stream_key, row.id, row.record_id, row.version, "", "", "", "", "", "", "", "",
                problem)
    return (stream_key, row.id, row.record_id, row.version, row.stream or "",
            row.candidate or "", row.outcome or "", row.lead or "", row.mentor or "",
            row.risk or "", row.readiness or "", row.next_review or "", "")


def seal(conn: Connection, record_id: str, own: dict[int, tuple], key: bytes | None) -> dict:
    """Bring the summary up to date after writing ``record_id`` (``own``: {row id: line}
    of the rows written); return the fact the write's audit entry states."""
    checker = Checker(conn, key)
    digests = _trusted_digests(conn)
    if digests is None:
        return {FACT: root_of(rebuild(conn, checker, own))}
    for stream_key in _streams_of(conn, record_id):
        bucket = bucket_of(stream_key)
        lines = _bucket_lines(conn, bucket)
        if (bucket_digest(lines) if lines else None) != digests.get(bucket):
            return {FACT: root_of(rebuild(conn, checker, own))}
        stored = next((line for line in lines if line[0] == stream_key), None)
        line = _current_line(conn, stream_key, checker, own, stored)
        if line != stored:
            conn.execute(delete(stream_leads).where(stream_leads.c.stream_key == stream_key))
            if line is not None:
                conn.execute(insert(stream_leads).values(bucket=bucket, **dict(zip(LINE, line))))
            _store_digest(conn, digests, bucket)
    return {FACT: root_of(digests)}


def _trusted_digests(conn: Connection) -> dict[int, str] | None:
    """The stored bucket digests, if they give the root the newest entry states."""
    head = conn.execute(select(audit_log.c.hash, audit_log.c.entry)
                        .order_by(audit_log.c.seq.desc()).limit(1)).first()
    if head is None or sha256_text(head.entry) != head.hash:
        return None
    root = _sealed_root(conn)
    stored = dict(conn.execute(select(lead_buckets.c.bucket, lead_buckets.c.digest)).all())
    return stored if root is not None and root_of(stored) == root else None


def _streams_of(conn: Connection, record_id: str) -> list[str]:
    """The stream keys of every version of the record (a correction may move streams)."""
    return sorted(set(conn.execute(
        select(record_keys.c.stream_key).select_from(
            record_keys.join(records, records.c.id == record_keys.c.id))
        .where(records.c.record_id == record_id)).scalars()))


def _bucket_lines(conn: Connection, bucket: int) -> list[tuple]:
    return [tuple(r) for r in conn.execute(select(*[stream_leads.c[n] for n in LINE])
                                           .where(stream_leads.c.bucket == bucket))]


def _store_digest(conn: Connection, digests: dict[int, str], bucket: int) -> None:
    lines = _bucket_lines(conn, bucket)
    conn.execute(delete(lead_buckets).where(lead_buckets.c.bucket == bucket))
    if lines:
        digests[bucket] = bucket_digest(lines)
        conn.execute(insert(lead_buckets).values(bucket=bucket, digest=digests[bucket]))
    else:
        digests.pop(bucket, None)


def current_id(conn: Connection, stream_key: str) -> int | None:
    """The stream's newest signed row (index: record_keys (stream_key, id), newest first)."""
    return conn.execute(select(records.c.id).select_from(
        record_keys.join(records, records.c.id == record_keys.c.id))
        .where(record_keys.c.stream_key == stream_key, records.c.status == "signed")
        .order_by(record_keys.c.id.desc()).limit(1)).scalar()


def _current_line(conn: Connection, stream_key: str, checker: Checker, own: dict,
                  stored: tuple | None) -> tuple | None:
    row_id = current_id(conn, stream_key)
    if row_id is None:
        return None
    if row_id in own:
        return own[row_id]
    if stored is not None and stored[1] == row_id:
        return stored   # its bucket was just checked against the sealed root
    row = conn.execute(select(*row_columns(), records.c.id).where(records.c.id == row_id)).one()
    return line_of(row, stream_key, checker.check(row).problem)


def current_rows():
    """Every stream's newest signed row with its stream key (the slow, per-row path)."""
    newest = (select(func.max(records.c.id)).select_from(
        records.join(record_keys, record_keys.c.id == records.c.id))
        .where(records.c.status == "signed").group_by(record_keys.c.stream_key))
    return (select(*row_columns(), records.c.id, record_keys.c.stream_key.label("stream_key"))
            .select_from(records.join(record_keys, record_keys.c.id == records.c.id))
            .where(records.c.id.in_(newest)))


def rebuild(conn: Connection, checker: Checker, own: dict[int, tuple]) -> dict[int, str]:
    """Every line again from the records, each checked; the new bucket digests."""
    conn.execute(delete(stream_leads))
    conn.execute(delete(lead_buckets))
    rows: list[tuple] = []
    batch: list = []
    for row in conn.execute(current_rows().execution_options(yield_per=_BATCH)):
        batch.append(row)
        if len(batch) >= _BATCH:
            rows += _checked_lines(checker, batch, own)
            batch = []
    rows += _checked_lines(checker, batch, own)
    if rows:
        conn.execute(insert(stream_leads), [{"bucket": b, **dict(zip(LINE, line))}
                                            for b, *line in rows])
    digests = _digests(rows)
    if digests:
        conn.execute(insert(lead_buckets), [{"bucket": b, "digest": d} for b, d in digests.items()])
    return digests


def _checked_lines(checker: Checker, rows: list, own: dict) -> list[tuple]:
    checker.prefetch([row for row in rows if row.id not in own])
    lines = []
    for row in rows:
        line = own.get(row.id) or line_of(row, row.stream_key, checker.check(row).problem)
        lines.append((bucket_of(line[0]), *line))
    checker.forget()
    return lines


# --- what verify says ----------------------------------------------------------------

def problems(conn: Connection) -> list[str]:
    """What `leadfit verify` says of the sealed summary: the root against the newest
    entry, and each stream's line against its current record (where that record's own
    columns hold: an altered record verify names by itself)."""
    root = _sealed_root(conn)
    if root is None:
        return []
    rows = _all_rows(conn)
    found = []
    if root_of(_digests(rows)) != root:
        found.append("the register's summary of each stream's lead no longer matches the"
                     " audit trail: it was edited outside LeadFit")
    stored = {row[1]: row[1:] for row in rows}
    for row in conn.execute(current_rows().execution_options(yield_per=_BATCH)):
        line = stored.pop(row.stream_key, None)
        if not _genuine_columns(row):
            continue   # verify names the record itself
        if line is None or line[12] == "" and line != line_of(row, row.stream_key, ""):
            found.append(f"the summary of stream '{row.stream or row.stream_key}' no longer"
                         f" matches its current record {row.record_id}@{row.version}")
    found += [f"the summary names a stream '{key}' that has no signed record" for key in stored]
    return found


def _genuine_columns(row) -> bool:
    try:
        body = json.loads(row.body)
    except ValueError:
        return False
    return (sha256_text(row.body) == row.hash and isinstance(body, dict)
            and not column_problem(row, body))
