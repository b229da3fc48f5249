"""What became of a filed PDF's record since it was printed (F45).

A PDF whose anchor is in the register is genuine, but it may no longer be the record
that stands: a correction made a later version, or the version printed was signed or
withdrawn afterwards. ``leadfit verify --pdf`` says which version now stands, so a
superseded paper is not filed as the decision.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from leadfit.decisions.anchor import Anchor
from leadfit.decisions.tables import audit_log, records
from leadfit.decisions.texts import make_ref
from leadfit.words import status_words


def standing(conn: Connection, anchor: Anchor) -> list[str]:
    """Words on what the PDF's record is now; [] when it is the current version as printed
    (or the register has no entry stating it: anchor_problems names that)."""
    stated = conn.execute(select(audit_log.c.entry).where(
        audit_log.c.seq <= anchor.chain_entries,
        audit_log.c.entry.contains(f'"record_hash":"{anchor.record_hash}"'))
        .order_by(audit_log.c.seq).limit(1)).scalar()
    try:
        facts = json.loads(stated) if stated is not None else {}
        record_id, version = str(facts["record"]), int(facts["version"])
    except (ValueError, KeyError, TypeError):
        return []
    rows = conn.execute(select(records.c.version, records.c.status, records.c.hash)
                        .where(records.c.record_id == record_id)
                        .order_by(records.c.version)).all()
    printed = make_ref(record_id, version)
    later = [row for row in rows if row.version > version]
    if later:
        return [_superseded(printed, record_id, later)]
    own = next((row for row in rows if row.version == version), None)
    if own is not None and own.hash != anchor.record_hash:
        return [f"this PDF shows {printed} as it was when printed; it has changed since (it is"
                f" now {status_words(own.status)}): print it again for the file"]
    return []


def _superseded(printed: str, record_id: str, later) -> str:
    first, last = later[0], later[-1]   # a version in between is superseded in its turn
    said = f"this PDF is {printed}, which {make_ref(record_id, first.version)} supersedes"
    if last is not first:
        said += f"; the latest version is {make_ref(record_id, last.version)}"
    said += f" ({status_words(last.status)})"
    return said + f": the record has changed since this PDF; print {record_id} again for the file"
