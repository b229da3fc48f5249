"""Each stream's current lead as a checked summary (schema 8), sealed by the audit chain.

The portfolio and the F10 reading need every stream's current lead (its newest signed
record). Checking each of 10,000 current rows against its body and audit entry took
seconds, so the register keeps one small line per stream (apart from the 10 KB bodies)
in 256 buckets, table ``stream_leads``: each bucket row holds its lines as one
canonical JSON text, and every audit entry LeadFit writes states ``leads``, the SHA-256
over the buckets' SHA-256 digests. A read checks the newest entry (its own hash, its
HMAC with a key, its link, the witness), hashes the 256 texts and parses them: no body
is opened, no row per stream is fetched. A line edited, added, removed or moved changes
the root. When the root disagrees, or the register was never sealed (upgraded from
before schema 8, until its next write), the portfolio checks each current row instead
(portfolio.py), which names what was altered.

A write first checks every bucket against the previous root (one pass over the texts),
then re-derives the lines of the streams its record is in (the row written from the
record in hand; any other row checked as any read checks it). If the buckets disagree
with the root they are rebuilt from the records, each checked, so an edited line is
never sealed as genuine.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import Connection, delete, func, insert, select

from leadfit.decisions.integrity import Checker, row_columns
from leadfit.decisions.keys import fold
from leadfit.decisions.record import sha256_text
from leadfit.decisions.tables import audit_log, record_keys, records, stream_leads

FACT = "leads"   # the audit entry's fact holding the root
BUCKETS = 256
LINE = ("stream_key", "row_id", "record_id", "version", "stream", "candidate", "outcome",
        "lead", "mentor", "risk", "readiness", "next_review", "problem")
PROBLEM = LINE.index("problem")
SUMMARY_ALTERED = ("the register's summary of each stream's lead no longer matches the audit"
                   " trail (edited outside LeadFit); every stream was checked record by record"
                   " instead: run leadfit verify")
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_BATCH = 500


def bucket_of(stream_key: str) -> int:
    return hashlib.sha256(stream_key.encode("utf-8")).digest()[0] % BUCKETS


def bucket_text(lines) -> str:
    """A bucket's lines (sequences in LINE order) as its stored text, by stream key."""
    return _ENCODE(sorted((list(line) for line in lines), key=lambda line: str(line[0])))


def root_of(texts: dict[int, str]) -> str:
    """The root an audit entry states: SHA-256 over each bucket's SHA-256."""
    digests = sorted((b, sha256_text(text)) for b, text in texts.items())
    return hashlib.sha256(_ENCODE(digests).encode("utf-8")).hexdigest()


def _texts(conn: Connection) -> dict[int, str]:
    return dict(conn.execute(select(stream_leads.c.bucket, stream_leads.c.lines)).all())


def _lines(texts: dict[int, str]) -> list[tuple] | None:
    """Every line, or None when a text is not what LeadFit writes."""
    found: list[tuple] = []
    for text in texts.values():
        try:
            lines = json.loads(text)
        except ValueError:
            return None
        if not isinstance(lines, list) or not all(
                isinstance(line, list) and len(line) == len(LINE) for line in lines):
            return None
        found += map(tuple, lines)
    return found


def read(conn: Connection, checker: Checker | None) -> tuple[list[tuple] | None, str, str]:
    """(lines in LINE order, '', their root) when the sealed summary holds; (None, why,
    '') when the caller must check each row instead ('' : never sealed). Without
    ``checker`` the lines are returned unchecked (the figures alone, as verify vouches
    for them)."""
    texts = _texts(conn)
    found = root_of(texts)
    if checker is None:  # unchecked, yet only a summary the newest entry states: rows written
        # past it (a bulk load, a table restored) leave it stale (it showed 1 stream of 51)
        lines = known_lines(found, texts) if _sealed_root(conn) == found else None
        return (lines, "", found) if lines is not None else (None, "", "")
    root, problem = checker.head_fact(FACT)
    if problem or root is None:
        return None, "", ""   # the per-row check names the broken entry (or: not sealed yet)
    lines = known_lines(root, texts) if found == root else None
    return (lines, "", root) if lines is not None else (None, SUMMARY_ALTERED, "")


# Lines already parsed, by the root of the texts they came from: a root is a SHA-256 over
# the texts, so the same root is the same lines. A decide reads the summary twice and
# seals it once; each reading hashes the 256 texts (milliseconds) but parses them (a
# tenth of a second at 10,000 streams) only when they changed, and the write leaves the
# lines it sealed here for the next reading.
_KNOWN: dict[str, list[tuple]] = {}
_KEEP = 4


def known_lines(root: str, texts: dict[int, str]) -> list[tuple] | None:
    """The lines of ``texts`` (whose root is ``root``), parsed once per root."""
    if root not in _KNOWN:
        lines = _lines(texts)
        if lines is None:
            return None
        remember(root, lines)
    return _KNOWN[root]


def remember(root: str, lines: list[tuple]) -> None:
    _KNOWN.pop(root, None)
    _KNOWN[root] = lines
    while len(_KNOWN) > _KEEP:
        _KNOWN.pop(next(iter(_KNOWN)))


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
    texts = _texts(conn)
    root = _trusted_root(conn)
    lines = known_lines(root, texts) if root is not None and root_of(texts) == root else None
    if lines is None:
        return {FACT: rebuild(conn, checker, own)}
    by_key = {line[0]: line for line in lines}
    for stream_key in _streams_of(conn, record_id):
        bucket = bucket_of(stream_key)
        line = _current_line(conn, stream_key, checker, own, by_key.get(stream_key))
        if line == by_key.get(stream_key):
            continue
        if line is None:
            by_key.pop(stream_key)
        else:
            by_key[stream_key] = line
        held = [ln for ln in by_key.values() if bucket_of(ln[0]) == bucket]
        _store(conn, bucket, bucket_text(held) if held else None)
        if held:
            texts[bucket] = bucket_text(held)
        else:
            texts.pop(bucket, None)
    sealed = root_of(texts)
    remember(sealed, list(by_key.values()))
    return {FACT: sealed}


def _trusted_root(conn: Connection) -> str | None:
    """The root the newest entry states, if that entry's text matches its hash."""
    head = conn.execute(select(audit_log.c.hash, audit_log.c.entry)
                        .order_by(audit_log.c.seq.desc()).limit(1)).first()
    if head is None or sha256_text(head.entry) != head.hash:
        return None
    return _sealed_root(conn)


def _store(conn: Connection, bucket: int, text: str | None) -> None:
    conn.execute(delete(stream_leads).where(stream_leads.c.bucket == bucket))
    if text is not None:
        conn.execute(insert(stream_leads).values(bucket=bucket, lines=text))


def _streams_of(conn: Connection, record_id: str) -> list[str]:
    """The stream keys of every version of the record (a correction may move streams)."""
    return sorted(set(conn.execute(
        select(record_keys.c.stream_key).select_from(
            record_keys.join(records, records.c.id == record_keys.c.id))
        .where(records.c.record_id == record_id)).scalars()))


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
        return stored   # every bucket was just checked against the sealed root
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


def rebuild(conn: Connection, checker: Checker, own: dict[int, tuple]) -> str:
    """Every line again from the records, each checked; the new root."""
    conn.execute(delete(stream_leads))
    buckets: dict[int, list[tuple]] = {}
    batch: list = []
    for row in conn.execute(current_rows().execution_options(yield_per=_BATCH)):
        batch.append(row)
        if len(batch) >= _BATCH:
            _checked_lines(checker, batch, own, buckets)
            batch = []
    _checked_lines(checker, batch, own, buckets)
    texts = {b: bucket_text(lines) for b, lines in buckets.items()}
    if texts:
        conn.execute(insert(stream_leads), [{"bucket": b, "lines": t} for b, t in texts.items()])
    return root_of(texts)


def _checked_lines(checker: Checker, rows: list, own: dict, buckets: dict) -> None:
    checker.prefetch([row for row in rows if row.id not in own])
    for row in rows:
        line = own.get(row.id) or line_of(row, row.stream_key, checker.check(row).problem)
        buckets.setdefault(bucket_of(line[0]), []).append(line)
    checker.forget()


# --- what verify says ----------------------------------------------------------------

def problems(conn: Connection, altered: set[int]) -> list[str]:
    """What `leadfit verify` says of the sealed summary: the root against the newest
    entry, and each stream's line against its current record's columns (``altered``: the
    rows verify found no longer matching their text, which it names by themselves). No
    record text is read: verify has checked every row's columns already."""
    root = _sealed_root(conn)
    if root is None:
        return []
    texts = _texts(conn)
    found = []
    if root_of(texts) != root:
        found.append("the register's summary of each stream's lead no longer matches the"
                     " audit trail: it was edited outside LeadFit")
    stored = {line[0]: line for line in _lines(texts) or ()}
    rows = current_rows().with_only_columns(*_LINE_COLUMNS, record_keys.c.stream_key)
    for row in conn.execute(rows.execution_options(yield_per=_BATCH)):
        line = stored.pop(row.stream_key, None)
        if row.id in altered:
            continue   # verify names the record itself
        if line is None or line[PROBLEM] == "" and line != line_of(row, row.stream_key, ""):
            found.append(f"the summary of stream '{row.stream or row.stream_key}' no longer"
                         f" matches its current record {row.record_id}@{row.version}")
    found += [f"the summary names a stream '{key}' that has no signed record" for key in stored]
    return found


_LINE_COLUMNS = [records.c[name] for name in ("id", "record_id", "version", "stream", "candidate",
                                              "outcome", "lead", "mentor", "risk", "readiness",
                                              "next_review")]
