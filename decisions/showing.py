"""What `register show` and `report` read: one record version with what is said beside it,
checked as every read is, in one read of the register.

These commands start in a fresh process each time (issue 15): a SQLite register is read
with the standard library (decisions/sqlite_reading.py), any other through SQLAlchemy,
with the same statements and the same check either way; the record is read as its
sealed text (decisions/sealed.py), with no models built.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadfit.decisions import loading, reading, sealed
from leadfit.decisions.anchor import Anchor
from leadfit.decisions.checking import Checker
from leadfit.decisions.errors import NoRegister
from leadfit.decisions.locating import (
    absent,
    audit_key,
    refuse_undecodable,
    resolve_url,
    warn_if_loose,
)
from leadfit.decisions.sqlite_reading import SqliteReading, open_reading
from leadfit.decisions.texts import GENESIS, make_ref

if TYPE_CHECKING:
    from leadfit.decisions.register import Register

_SQLITE = "sqlite:///"


def open_to_read(url: str | os.PathLike | None = None) -> SqliteReading | Register:
    """The register named (--db, $LEADFIT_DB or the default) opened to read: a SQLite file
    with the standard library, anything else as decisions.register.open_register opens it
    for reading (refused when it does not exist; nothing is created)."""
    resolved = resolve_url(url)
    if not resolved.startswith(_SQLITE) or any(c in resolved for c in "?%#") \
            or resolved.startswith(_SQLITE + ":memory:"):
        from leadfit.decisions.register import open_register
        return open_register(url, create=False, readonly=True)
    refuse_undecodable(resolved)
    path = Path(resolved[len(_SQLITE):])
    if not path.exists():
        raise NoRegister(absent(path, url or os.environ.get("LEADFIT_DB")))
    warn_if_loose(path, "register")
    found = open_reading(resolved)
    if found is not None:
        return found
    from leadfit.decisions.register import Register  # an older schema, say: it upgrades
    return Register(resolved, readonly=True)


def checker(reg: Any, conn: Any) -> Checker:
    """The integrity check every read of this register goes through."""
    return Checker(conn, audit_key(), reg.url)


@dataclass(frozen=True)
class Shown:
    """A version as `register show` prints it: the record, how many versions it has, and
    the reviews of the chain it belongs to (in order)."""

    record: sealed.SealedRecord
    versions: int
    reviews: list[sealed.SealedRecord]


def show(reg: Any, ref: str) -> Shown:
    """``ref`` with every version of its record and its chain's reviews, each checked:
    one altered refuses the whole (RecordAltered, nothing shown)."""
    with reg.read() as conn:
        check = checker(reg, conn)
        found = loading.version(conn, ref, check)
        record = sealed.read(found.row.body)
        every = loading.versions(conn, record.record_id, check)
        root = record.review.decision.partition("@")[0] if record.review else record.record_id
        reviews = [sealed.read(row.body) for row in loading.review_chain(conn, root, check)]
    return Shown(record, len(every), reviews)


@dataclass(frozen=True)
class Rationale:
    """What the rationale PDF of one stored version prints (leadfit/reports/printing.py)."""

    record: sealed.SealedRecord
    anchor: Anchor              # the record hash and the chain head the paper carries
    replaced_by: str            # the newer version's ref, "" for the latest
    questionnaire: Any          # the questions that word the answers


def rationale(reg: Any, ref: str) -> Rationale:
    """A stored version, checked, with its anchor in the register, ready to print."""
    with reg.read() as conn:
        found = loading.version(conn, ref, checker(reg, conn))
        head = reading.first(conn, reading.HEAD)
    record = sealed.read(found.row.body)
    replaced_by = "" if found.latest else make_ref(record.record_id, found.newest)
    seq, chain_head = (head[0], head[1]) if head is not None else (0, GENESIS)
    return Rationale(record, Anchor(found.row.hash, chain_head, seq), replaced_by,
                     questionnaire_of(record))


def questionnaire_of(record: Any):
    """The questions that word the record's answers: its bundled pack's, else the default's
    (in the pack's words, read without building its rules: issue 15)."""
    from leadfit.errors import LeadFitError
    from leadfit.rules.model.library import bundled_questionnaire
    try:  # read once per process; one not bundled (a client's) is refused by name
        return bundled_questionnaire(record.pack.name)
    except LeadFitError:
        return bundled_questionnaire("default")
