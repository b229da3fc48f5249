"""A record version read back and checked: the rows `register show`, `report`, replay and
every writer's "latest version" read, refused when altered, whichever way the register
is read (SQLAlchemy or the standard library's sqlite3: decisions/reading.py).

Rows only: store.py builds the record's models from the sealed text, the reading commands
read it as it stands (decisions/sealed.py). Standard library only (issue 15).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from leadfit.decisions import reading
from leadfit.decisions.checking import ADVICE, Checker
from leadfit.decisions.errors import RecordAltered, RecordNotFound
from leadfit.decisions.texts import parse_ref


class Found(NamedTuple):
    """One checked version's row, and the record's latest version number."""

    row: Any
    newest: int

    @property
    def latest(self) -> bool:
        return self.row.version == self.newest


def version(conn: Any, ref: str, checker: Checker) -> Found:
    """One version (the latest when ``ref`` names none), checked as strictly as verify
    checks it: an altered record raises RecordAltered and is never returned."""
    record_id, wanted = parse_ref(ref)
    newest = reading.latest_version(conn, record_id)
    if newest is None or (wanted is not None and not 1 <= wanted <= newest):
        raise RecordNotFound(f"no record '{ref}' in this register"
                             + (f" (it has versions 1 to {newest})" if newest else ""))
    number = newest if wanted is None else wanted
    row = reading.version_row(conn, record_id, number)
    if row is None:  # a gap below the newest version: a row deleted or renumbered by hand
        raise RecordAltered(f"record {record_id}@{number} is missing from the register, though"
                            f" version {newest} is there; {ADVICE}. Nothing was shown or printed.")
    checker.prefetch([row])  # its audit entries in two queries, not four (issue 15)
    return Found(checked(checker, row), newest)


def versions(conn: Any, record_id: str, checker: Checker) -> list:
    """Every version's row, oldest first, each checked."""
    return [checked(checker, row) for row in reading.version_rows(conn, record_id)]


def review_chain(conn: Any, decision_id: str, checker: Checker) -> list:
    """The rows of the decision's reviews in order (latest version of each), each checked."""
    found, current = [], decision_id
    while (nxt := reading.reviewed_by(conn, current)) is not None:
        found.append(version(conn, nxt, checker).row)
        current = nxt
    return found


def checked(checker: Checker, row) -> Any:
    verdict = checker.check(row)
    if not verdict.intact:
        raise RecordAltered(f"{verdict.problem}. Nothing was shown or printed.")
    return row
