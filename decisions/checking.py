"""One integrity check for every read of a record (show, report, replay, list, CSV, window).

A row is genuine only when its text matches its hash, every column a person
sees or the program trusts matches that text, the newest audit entry for the
version states that hash, the entry's own text matches the entry's hash (and,
with a key, its MAC), the entry sits in its place in the chain (it follows
its predecessor and its successor follows it), and the chain still holds the
head the witness last saw. ``leadfit verify`` walks everything; this checks
one row in a few index lookups, so every read can afford it.

Standard library only, its SQL in decisions/reading.py: the same check runs over a
SQLAlchemy connection and over the sqlite3 reading that `register show` and `report`
start with (issue 15). decisions/integrity.py re-exports it beside the query helpers.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from hashlib import sha256
from typing import Any, NamedTuple

from leadfit.decisions import reading, witness
from leadfit.decisions.lead_facts import FACT_COLUMNS, stream_facts
from leadfit.decisions.texts import GENESIS, mac_of, make_ref, sha256_text
from leadfit.rules.model.labels import pack_label

# Columns stored beside the body, and where the body says the same thing.
COLUMN_PATHS = {"record_id": ("record_id",), "version": ("version",), "status": ("status",),
                "stream": ("stream",), "candidate": ("candidate",),
                "created_at": ("created_at",), "outcome": ("decision", "outcome"),
                "recommended": ("decision", "recommended")}
ROW_COLUMNS = reading.ROW_COLUMNS   # (*COLUMN_PATHS, serial, body, hash, pack, review_of, ...)
# Since schema 8 each audit entry also states the SHA-256 of these columns as written
# (``columns``), so a read checks them against that checked entry without parsing the
# 10 KB body; rows whose entry states none (written before) are checked against the body.
SEALED_COLUMNS = ("record_id", "version", "status", "stream", "candidate", "created_at",
                  "outcome", "recommended", "serial", "pack", "review_of", "next_review",
                  *FACT_COLUMNS, "hash")
COLUMNS_FACT = "columns"
ADVICE = "run leadfit verify"
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class _Entry(NamedTuple):
    """An audit entry as a query returns it (seq, prev_hash, hash, entry, mac)."""

    seq: int
    prev_hash: str
    hash: str
    entry: str
    mac: str | None


@dataclass(frozen=True)
class Integrity:
    """The verdict on one record row: empty ``problem`` means genuine."""

    problem: str = ""

    @property
    def intact(self) -> bool:
        return not self.problem


INTACT = Integrity()


# A version genuine as written whose newer version was deleted (fresh-eyes G4): said as
# the missing one, not as this one altered.
_NEWER_MISSING = "a newer version is missing: "


def _verdict(row, problem: str) -> Integrity:
    if problem.startswith(_NEWER_MISSING):
        return Integrity(f"{problem[len(_NEWER_MISSING):]}; {ADVICE}")
    return Integrity(f"record {make_ref(row.record_id, row.version)} was altered since it"
                     f" was written: {problem}; {ADVICE}") if problem else INTACT


def _digest(body) -> str:
    return sha256(body).hexdigest() if isinstance(body, bytes) else sha256_text(body)


def columns_digest(row) -> str:
    """What an audit entry states about a version's columns (``row``: a row or a dict)."""
    if isinstance(row, dict):
        return sha256_text(_ENCODE([row.get(name) for name in SEALED_COLUMNS]))
    return sha256_text(_ENCODE([getattr(row, name, None) for name in SEALED_COLUMNS]))


def column_problem(row, body: dict) -> str:
    """The first column that disagrees with the hashed body (or '')."""
    for name, path in COLUMN_PATHS.items():
        value: Any = body
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if getattr(row, name) != value:
            return (f"its {name.replace('_', ' ')} reads '{getattr(row, name)}',"
                    f" its signed text says '{value}'")
    stated = body.get("pack")
    stated = stated if isinstance(stated, dict) else {}
    label = pack_label(str(stated.get("name", "")), str(stated.get("version", "")))
    if row.pack is not None and row.pack != label:  # schema 4's column (NULL: says nothing)
        return f"its pack reads '{row.pack}', its signed text says '{label}'"
    facts = stream_facts(body)
    for name in FACT_COLUMNS:  # schema 7's columns (NULL: written before it, says nothing)
        if getattr(row, name) is not None and getattr(row, name) != facts[name]:
            return (f"its {name.replace('_', ' ')} reads '{getattr(row, name)}',"
                    f" its signed text says '{facts[name]}'")
    problem = _review_problem(row, body)
    if problem:
        return problem
    if row.serial != _serial_of(row.record_id):
        return f"its serial reads {row.serial}, its record number says {_serial_of(row.record_id)}"
    return ""


def _review_problem(row, body: dict) -> str:
    """Schema 5's columns: an edit here would hide a review that is due."""
    review = body.get("review")
    review = review if isinstance(review, dict) else None
    decision = body.get("decision")
    decision = decision if isinstance(decision, dict) else {}
    of = str(review.get("of") or "").partition("@")[0] if review else None
    due = review.get("next_review") if review else (
        decision.get("review_date") if decision.get("outcome") == "coach" else None)
    if row.review_of != of:
        return f"its reviewed record reads '{row.review_of}', its signed text says '{of}'"
    if row.next_review != due:
        return f"its next review date reads '{row.next_review}', its signed text says '{due}'"
    return ""


def _serial_of(record_id) -> int | None:
    tail = str(record_id or "").rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


VERSIONS_FACT = "versions"   # since schema 8 each entry states how many versions exist


def missing_count(conn: Any, stated: int | None = None) -> int:
    """How many record versions the audit log names that the register no longer holds
    (``leadfit verify`` names each one; this only counts them). ``stated``: the count the
    newest (checked) entry states; without it the log's distinct versions are counted."""
    if stated is None:
        stated = logged_versions(conn)
    held = reading.scalar(conn, reading.RECORD_ROWS) or 0
    return max(0, stated - held)


def logged_versions(conn: Any) -> int:
    return reading.scalar(conn, reading.LOGGED_VERSIONS) or 0


def missing_words(count: int) -> str:
    if not count:
        return ""
    said = "record named in the audit trail is" if count == 1 else \
        "records named in the audit trail are"
    return f"{count} {said} missing from the register: {ADVICE}"


class Checker:
    """Checks rows against the audit log within one connection; caches what it read."""

    def __init__(self, conn: Any, key: bytes | None, url: str | None = None):
        self.conn, self.key, self.url = conn, key, url
        self._entries: dict[int, tuple | None] = {}
        self._facts: dict[int, tuple[str, dict]] = {}   # seq -> (problem, facts) once read
        self._newest: dict[str, int | None] = {}   # record ref -> seq of its newest entry
        self._links: dict[int, tuple[str | None, str | None]] = {}  # seq -> (hash before, prev after)
        self._chain: str | None = None
        self._missing: str | None = None

    def entry(self, seq: int):
        if seq not in self._entries:
            self._entries[seq] = reading.first(self.conn, reading.ENTRY, {"seq": seq})
        return self._entries.get(seq)

    def forget(self) -> None:
        """Drop what was read for rows already checked (a long export stays flat)."""
        self._entries.clear()
        self._facts.clear()
        self._newest.clear()
        self._links.clear()

    def prefetch(self, rows) -> None:
        """Two queries for a page of rows instead of four per row (the list, the window);
        none when the rows carry their newest entry (pages.entry_columns)."""
        refs = [make_ref(r.record_id, r.version) for r in rows]
        if not refs:
            return
        if "e_seq" in rows[0]._fields:
            self._carried(rows, refs)
            return
        found = reading.newest_entries(self.conn, refs)
        for ref in refs:
            self._newest[ref] = found.get(ref)
        wanted = {s + d for s in found.values() for d in (-1, 0, 1)} - set(self._entries)
        for seq in wanted:
            self._entries[seq] = None
        for row in reading.entries(self.conn, sorted(wanted)) if wanted else ():
            self._entries[row.seq] = row

    def _carried(self, rows, refs: list[str]) -> None:
        for row, ref in zip(rows, refs):
            seq = row.e_seq
            self._newest[ref] = seq
            if seq is not None and seq not in self._entries:
                self._entries[seq] = _Entry(seq, row.e_prev_hash, row.e_hash, row.e_entry,
                                            row.e_mac)
                self._links[seq] = (row.e_before, row.e_after)

    def chain_problem(self) -> str:
        """Whether the chain still holds what the witness saw (truncated, emptied, replaced)."""
        if self._chain is None:
            self._chain = witness.check(self.conn, self.url, self.key) if self.url else ""
        return self._chain

    def missing_problem(self) -> str:
        """Whether the register still holds every record version the audit log says was
        written (a row deleted outside LeadFit). Two counts, each from an index, cached: the
        lists, the due list, the CSV and the portfolio ask it once per read."""
        if self._missing is None:
            stated, problem = self.head_fact(VERSIONS_FACT)
            usable = not problem and isinstance(stated, int) and not isinstance(stated, bool)
            self._missing = missing_words(missing_count(self.conn, stated if usable else None))
        return self._missing

    def check(self, row) -> Integrity:
        return _verdict(row, self._row_problem(row))

    def check_listed(self, row) -> Integrity | None:
        """A row read without its text (pages.listed_columns: a list page): its columns
        against the checked audit entry that seals them, its keys, that entry's place in
        the chain and the witness. The text's own hash is left to the reads that show or
        print the text (show, report, CSV, replay, verify). None when no entry seals these
        columns (written before schema 8, or a column edited): only the text can vouch for
        them, so the caller checks the row with its text."""
        seq = self._newest_entry_seq(row.record_id, row.version)
        if not self._columns_sealed(seq, row):
            return None
        return _verdict(row, self._sealed_row_problem(seq, row))

    def _row_problem(self, row) -> str:
        if _digest(row.body) != row.hash:
            return "its stored text no longer matches its hash"
        seq = self._newest_entry_seq(row.record_id, row.version)
        problem = "" if self._columns_sealed(seq, row) else self._body_problem(row)
        return problem or self._sealed_row_problem(seq, row)

    def _sealed_row_problem(self, seq: int | None, row) -> str:
        """What is left once the columns are vouched for: keys, entry, chain."""
        if "k_shown" in row._fields:  # a listed row: its search keys too
            from leadfit.decisions.keys import key_problem
            problem = key_problem(row, row.shown)
            if problem:
                return self._newer_missing(row) or problem
        if seq is None:
            return "the audit log has no entry for it"
        return self._entry_problem(seq, row) or self.chain_problem()

    def _newer_missing(self, row) -> str:
        """Listed as superseded, yet no newer version is held: when the audit log records
        the next version was written, that version is what went missing, not this one."""
        if row.k_shown != "superseded" or row.shown == "superseded":
            return ""
        newer = make_ref(row.record_id, row.version + 1)
        seq = reading.scalar(self.conn, reading.NEWEST_ENTRY_OF, {"ref": newer})
        if seq is None:
            return ""
        return (f"{_NEWER_MISSING}record {newer} is missing from the register (audit entry"
                f" {seq} records it was written); {make_ref(row.record_id, row.version)}"
                " before it is as it was written")

    def _body_problem(self, row) -> str:
        try:
            body = json.loads(row.body)
        except ValueError:
            return "its stored text is no longer readable"
        if not isinstance(body, dict):
            return "its stored text is no longer a record"
        return column_problem(row, body)

    def _columns_sealed(self, seq: int | None, row) -> bool:
        """The (intact) entry about this version states exactly these columns."""
        entry = self.entry(seq) if seq is not None else None
        if entry is None:
            return False
        problem, facts = self._sealed(entry)
        return not problem and facts.get(COLUMNS_FACT) == columns_digest(row)

    def _newest_entry_seq(self, record_id: str, version: int) -> int | None:
        ref = make_ref(record_id, version)
        if ref in self._newest:
            return self._newest.get(ref)
        return reading.scalar(self.conn, reading.NEWEST_ENTRY_OF, {"ref": ref})

    def head_fact(self, name: str) -> tuple[Any, str]:
        """(a fact the newest audit entry states, '') once that entry is checked as any
        record's entry is (its own hash, its HMAC with a key, its link, the witness);
        (None, what is wrong) when it fails; (None, '') for an empty register."""
        seq = reading.scalar(self.conn, reading.NEWEST_SEQ)
        if seq is None:
            return None, self.chain_problem()
        entry = self.entry(seq)
        if entry is None:   # looked for (as the entry after another) before a writer added it
            self._entries.pop(seq, None)
            entry = self.entry(seq)
        problem, facts = self._sealed(entry)
        if not problem and (facts.get("seq"), facts.get("prev")) != (seq, entry.prev_hash):
            problem = f"audit entry {seq} was moved or re-linked"
        problem = problem or self._link_problem(entry) or self.chain_problem()
        return (None, problem) if problem else (facts.get(name), "")

    def _sealed(self, entry) -> tuple[str, dict]:
        """The entry's own hash and HMAC, then its facts (read once per entry)."""
        if entry.seq not in self._facts:
            self._facts[entry.seq] = self._read_sealed(entry)
        return self._facts[entry.seq]

    def _read_sealed(self, entry) -> tuple[str, dict]:
        seq = entry.seq
        if sha256_text(entry.entry) != entry.hash:
            return f"audit entry {seq} about it no longer matches its own hash", {}
        if self.key is not None and not (entry.mac and hmac.compare_digest(
                entry.mac, mac_of(self.key, entry.hash))):
            return (f"audit entry {seq} about it fails the HMAC check (rewritten without"
                    " the key)"), {}
        try:
            facts = json.loads(entry.entry)
        except ValueError:
            return f"audit entry {seq} about it is no longer readable", {}
        return ("", facts) if isinstance(facts, dict) else \
            (f"audit entry {seq} about it is no longer readable", {})

    def _hash(self, seq: int) -> str | None:
        entry = self.entry(seq) if seq > 0 else None
        return entry.hash if entry is not None else None

    def _prev_hash(self, seq: int) -> str | None:
        entry = self.entry(seq)
        return entry.prev_hash if entry is not None else None

    def _entry_problem(self, seq: int, row) -> str:
        entry = self.entry(seq)
        problem, facts = self._sealed(entry)
        if problem:
            return problem
        said = (facts.get("seq"), facts.get("prev"), facts.get("record"), facts.get("version"),
                facts.get("record_hash"), facts.get("status"))
        if said != (seq, entry.prev_hash, row.record_id, row.version, row.hash, row.status):
            return f"it differs from what audit entry {seq} recorded"
        return self._link_problem(entry)

    def _link_problem(self, entry) -> str:
        before, after = self._links[entry.seq] if entry.seq in self._links else (
            self._hash(entry.seq - 1), self._prev_hash(entry.seq + 1))
        if (before if entry.seq > 1 and before is not None else GENESIS) != entry.prev_hash:
            return f"audit entry {entry.seq} about it does not follow entry {entry.seq - 1}"
        if after is not None and after != entry.hash:
            return f"audit entry {entry.seq + 1} does not follow the entry about it"
        return ""
