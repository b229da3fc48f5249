"""The append-only audit log: every change is one entry chained by hash.

Entry text is canonical JSON holding its sequence number, the previous
entry's hash and what changed; its hash is SHA-256 over that exact text.
``prev_hash`` is UNIQUE, so two writers can never both extend the same head.

A plain hash chain only shows edits by someone who does not recompute it.
Two anchors against that: every PDF prints the chain head at the time it was
made, and an optional HMAC key kept outside the database
($LEADFIT_AUDIT_KEY_FILE, or $LEADFIT_AUDIT_KEY) authenticates each entry.
"""

from __future__ import annotations

import hmac

from sqlalchemy import Connection, insert, select

from leadfit.decisions.anchor import Anchor, anchor_in  # noqa: F401  (long imported from here)
from leadfit.decisions.errors import RegisterError
from leadfit.decisions.locating import audit_key  # noqa: F401  (long imported from here)
from leadfit.decisions.texts import GENESIS, canonical_json, mac_of, sha256_text, utc_now
from leadfit.decisions.tables import audit_log

APPENDED = "leadfit_appended"   # conn.info: (seq, hash, key) of the last entry, for the witness


def head(conn: Connection) -> tuple[int, str]:
    """(sequence number, hash) of the newest entry; (0, GENESIS) when empty."""
    row = _head_row(conn)
    return (row.seq, row.hash) if row else (0, GENESIS)


def _head_row(conn: Connection):
    return conn.execute(select(audit_log.c.seq, audit_log.c.hash, audit_log.c.mac)
                        .order_by(audit_log.c.seq.desc()).limit(1)).first()


def check_writer_key(row, key: bytes | None) -> None:
    """A register whose entries carry an HMAC takes writers with that key only, and one
    started without a key cannot be half-protected later (verify would fail for good)."""
    if row is None:
        return
    if row.mac and key is None:
        raise RegisterError("this register is protected by an audit key and no key is"
                            " configured (LEADFIT_AUDIT_KEY_FILE); nothing was saved")
    if row.mac and key is not None and not hmac.compare_digest(row.mac, mac_of(key, row.hash)):
        raise RegisterError("the configured audit key is not this register's key; nothing"
                            " was saved")
    if not row.mac and key is not None:
        raise RegisterError("this register was started without an audit key; its older"
                            " entries cannot be authenticated, so a key cannot be added now."
                            " Start a new register with the key; nothing was saved")


def anchor_problems(conn: Connection, anchor: Anchor) -> list[str]:
    """What a filed PDF's anchor finds in the register: its chain head at its place,
    and its record hash in an entry up to that place."""
    problems = []
    found = conn.execute(select(audit_log.c.hash).where(
        audit_log.c.seq == anchor.chain_entries)).scalar()
    if found is None:
        problems.append(f"the register no longer has audit entry {anchor.chain_entries}, the"
                        " chain head printed on this PDF: entries were removed or the register"
                        " was emptied or replaced")
    elif found != anchor.chain_head:
        problems.append(f"audit entry {anchor.chain_entries} is not the chain head printed on"
                        " this PDF: the chain was rewritten or the register replaced")
    stated = conn.execute(select(audit_log.c.seq).where(
        audit_log.c.seq <= anchor.chain_entries,
        audit_log.c.entry.contains(f'"record_hash":"{anchor.record_hash}"'))).first()
    if stated is None:
        problems.append("no audit entry up to the printed chain head states this PDF's record"
                        " hash: the record printed is not the one the register holds")
    return problems


def entry_for(action: str, record: dict, record_hash: str, actor: str = "") -> dict:
    """The facts one entry states about a record version."""
    return {"action": action, "record": record["record_id"], "version": record["version"],
            "record_hash": record_hash, "status": record["status"], "stream": record["stream"],
            "outcome": record["decision"]["outcome"], "actor": actor}


def append(conn: Connection, facts: dict, key: bytes | None = None, at: str | None = None) -> str:
    """Add one entry after the current head (in the caller's write transaction)."""
    newest = _head_row(conn)
    check_writer_key(newest, key)
    seq, prev = (newest.seq, newest.hash) if newest else (0, GENESIS)
    row = entry_row({**facts, "at": at or utc_now()}, seq + 1, prev, key)
    conn.execute(insert(audit_log).values(**row))
    conn.info[APPENDED] = (row["seq"], row["hash"], key)
    return row["hash"]


def entry_row(facts: dict, seq: int, prev: str, key: bytes | None = None) -> dict:
    """The audit_log row for one entry (also used by bulk writers such as the benchmark)."""
    text_, digest = seal(facts, seq, prev)
    ref = f"{facts['record']}@{facts.get('version')}" if "record" in facts else None
    return {"seq": seq, "prev_hash": prev, "hash": digest, "entry": text_,
            "mac": mac_of(key, digest) if key else None, "record_ref": ref}


def seal(facts: dict, seq: int, prev: str) -> tuple[str, str]:
    """(canonical text, its hash) of one entry."""
    text_ = canonical_json({**facts, "seq": seq, "prev": prev})
    return text_, sha256_text(text_)
