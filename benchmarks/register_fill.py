"""Write a big register fast, in the register's own row format (see register.py).

Each record's three texts (decided, signed once, signed twice) are one canonical
JSON template cut at the varying values, so a text is a join of pieces, and its
SHA-256 starts from the hash of the fixed part before the first value (computed
once). Rows go in at the current schema (summary columns, search keys, each audit
entry stating its columns and the versions held, as LeadFit writes them), one
transaction per batch, so a million records take minutes, not hours; every text
is still hashed and chained.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

from leadfit.decisions import audit, keys, service
from leadfit.decisions.integrity import COLUMNS_FACT, VERSIONS_FACT, columns_digest
from leadfit.decisions.record import canonical_json
from leadfit.decisions.register import open_register
from leadfit.forms.case import load_case_file
from leadfit.rules.model.library import default_pack

STREAMS = [f"Stream {i:02d}" for i in range(50)]
OUTCOMES = ("appoint", "coach", "hire_external")
BATCH = 5_000
_SLOTS = {"record_id": "@@RID@@", "stream": "@@STREAM@@", "candidate": "@@CAND@@",
          "created_at": "@@AT@@"}
_OUTCOME = "@@OUTCOME@@"
_REVIEW = "@@REVIEW@@"
_RECORD_COLUMNS = ("id", "serial", "record_id", "version", "status", "created_at", "body", "hash",
                   "stream", "candidate", "outcome", "recommended", "pack", "review_of",
                   "next_review", "lead", "mentor", "risk", "readiness", "review_date")
_KEY_COLUMNS = ("id", *keys.KEY_COLUMNS)


def signed_template(path: Path) -> dict:
    """One real record, decided and signed twice through the service, as a JSON dict."""
    import leadfit.forms
    example = Path(leadfit.forms.__file__).parent / "examples/example-case.yaml"
    pack = default_pack()
    with open_register(f"sqlite:///{path}") as reg:
        case = load_case_file(example, pack.questionnaire)
        record = service.decide(reg, case, pack, decision="coach", conditions="Weekly coaching",
                                plan_later=True)
        service.sign(reg, record.ref, name="Dana Decider", role="decision_maker")
        signed = service.sign(reg, record.ref, name="Harper Hr", role="hr")
    return json.loads(signed.canonical())


class _Text:
    """One state's canonical text cut at its slots: fixed pieces, the slot names between
    them, and the SHA-256 state of the first piece."""

    def __init__(self, slotted: str):
        marks = {mark: name for name, mark in _SLOTS.items()}
        cut = re.split("(" + "|".join(map(re.escape, marks)) + ")", slotted)
        self.pieces, self.names = cut[0::2], [marks[m] for m in cut[1::2]]
        assert sorted(self.names) == sorted(_SLOTS), "each slot once"
        self.head = hashlib.sha256(self.pieces[0].encode("utf-8"))

    def fill(self, values: dict) -> tuple[str, str]:
        """(text, its SHA-256) with ``values`` put in."""
        parts = [self.pieces[0]]
        digest = self.head.copy()
        for name, piece in zip(self.names, self.pieces[1:]):
            tail = values[name] + piece
            parts.append(tail)
            digest.update(tail.encode("utf-8"))
        return "".join(parts), digest.hexdigest()


_REVIEW_DATE = ""   # the template's own review date (set by _texts)


def _texts(base: dict) -> list[tuple[str, str]]:
    """(status, canonical text with slots) for the decided, signed-once and signed states."""
    global _REVIEW_DATE
    _REVIEW_DATE = base["decision"]["review_date"]
    texts = []
    for status, signed in (("awaiting_signoff", 0), ("awaiting_signoff", 1), ("signed", 2)):
        body = dict(base, **_SLOTS, status=status, signoffs=base["signoffs"][:signed])
        # an outcome slot: each outcome's text is this one with it put in; the review date
        # stays only where LeadFit keeps it (coach), as making.build drops it otherwise
        body["decision"] = dict(base["decision"], outcome=_OUTCOME, review_date=_REVIEW)
        texts.append((status, canonical_json(body)))
    return texts


def _outcome_text(slotted: str, outcome: str) -> str:
    review = _REVIEW_DATE if outcome == "coach" else None
    return slotted.replace(f'"{_REVIEW}"', json.dumps(review)).replace(_OUTCOME, outcome)


def _summaries(texts: list[tuple[str, str]]) -> dict[tuple[int, str], dict]:
    """The summary columns each state and outcome gets (schemas 5 and 7), as the current
    code writes them: {(state, outcome): columns}."""
    from leadfit.decisions.migrations.m005_reviews import next_review_in
    from leadfit.decisions.portfolio_facts import stream_facts
    found = {}
    for state, (_status, slotted) in enumerate(texts):
        for outcome in OUTCOMES:
            body = json.loads(_outcome_text(slotted, outcome))
            found[state, outcome] = {"review_of": None, "next_review": next_review_in(body),
                                     **stream_facts(body)}
    return found


def fill(path: Path, base: dict, count: int, streams: int = len(STREAMS)) -> None:
    """Append ``count`` signed records, each with its decide/sign/sign audit entries, over
    ``streams`` streams (the first 50 named as STREAMS, so the filters find the same rows)."""
    names = STREAMS + [f"Stream {i:02d}" for i in range(len(STREAMS), streams)]
    texts = _texts(base)
    summaries = _summaries(texts)
    cut = {(state, outcome): _Text(_outcome_text(slotted, outcome))
           for state, (_s, slotted) in enumerate(texts) for outcome in OUTCOMES}
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")   # a benchmark file: speed over crash safety
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")  # 256 MB: the indexes stay in memory
    seq, prev = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    serial, row_id, held = conn.execute("SELECT max(serial), max(id), count(*)"
                                        " FROM decision_records").fetchone()
    pack = f"{base['pack']['name']}@{base['pack']['version']}"
    recommended = base["decision"]["recommended"]
    rows, key_rows, entries = [], [], []
    for i in range(count):
        serial, row_id, held = serial + 1, row_id + 1, held + 1
        values = {"record_id": f"LF-2026-{serial:07d}", "stream": names[i % streams],
                  "candidate": f"Candidate {i}", "created_at": f"2026-01-01T00:{i % 60:02d}:00Z"}
        outcome = OUTCOMES[i % 3]
        for state, action in enumerate(("decide", "sign", "sign")):
            status = texts[state][0]
            text, digest = cut[state, outcome].fill(values)
            columns = {**values, "version": 1, "status": status, "outcome": outcome,
                       "recommended": recommended, "serial": serial, "pack": pack,
                       "hash": digest, **summaries[state, outcome]}
            facts = {"action": action, "record": values["record_id"], "version": 1,
                     "record_hash": digest, "status": status, "stream": values["stream"],
                     "outcome": outcome, "actor": "", "at": values["created_at"],
                     COLUMNS_FACT: columns_digest(columns), VERSIONS_FACT: held}
            seq += 1
            entry = audit.entry_row(facts, seq, prev)
            entries.append((seq, prev, entry["hash"], entry["entry"], None, entry["record_ref"]))
            prev = entry["hash"]
        columns["id"], columns["body"] = row_id, text
        rows.append(tuple(columns[name] for name in _RECORD_COLUMNS))
        found = keys.keys_for(row_id, version=1, shown="signed", outcome=outcome, pack=pack,
                              recommended=recommended, record_id=values["record_id"],
                              stream=values["stream"], candidate=values["candidate"],
                              created_at=values["created_at"])
        key_rows.append(tuple(found[name] for name in _KEY_COLUMNS))
        if len(rows) >= BATCH or i == count - 1:
            _write(conn, rows, key_rows, entries)
            rows, key_rows, entries = [], [], []
    conn.execute("PRAGMA journal_mode=WAL")   # as the register keeps it
    conn.close()
    _witness(path, seq, prev)


def _write(conn: sqlite3.Connection, rows: list, key_rows: list, entries: list) -> None:
    """One batch, one transaction."""
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO decision_records ({', '.join(_RECORD_COLUMNS)}) VALUES"
                     f" ({', '.join('?' * len(_RECORD_COLUMNS))})", rows)
    conn.executemany(f"INSERT INTO record_keys ({', '.join(_KEY_COLUMNS)}) VALUES"
                     f" ({', '.join('?' * len(_KEY_COLUMNS))})", key_rows)
    conn.executemany("INSERT INTO audit_log (seq, prev_hash, hash, entry, mac, record_ref)"
                     " VALUES (?,?,?,?,?,?)", entries)
    conn.execute("COMMIT")


def _witness(path: Path, seq: int, head: str) -> None:
    """Tell the witness the new chain head, as the register's own writes do."""
    from leadfit.decisions import witness
    witness.advance(f"sqlite:///{path}", seq, head, None)


def to_schema(path: Path, version: int) -> None:
    """Make the file what the code at schema ``version`` wrote, so the code before and
    after can be measured on the same records and the upgrade timed: the tables and
    indexes later steps add are dropped (later steps add no columns; checked)."""
    from sqlalchemy import create_engine

    from leadfit.decisions.migrations import migrate
    scratch = create_engine("sqlite://")
    with scratch.begin() as conn:
        migrate(conn, version)
        want = {tuple(r) for r in conn.exec_driver_sql(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
        columns = {t: [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({t})")]
                   for kind, t, _ in want if kind == "table"}
    conn = sqlite3.connect(path, isolation_level=None)
    have = {tuple(r) for r in conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
    for kind, name, _table in sorted(have - want, reverse=True):   # tables after their indexes
        conn.execute(f"DROP {kind.upper()} {name}")
    for table, names in columns.items():
        held = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        assert held == names, f"{table}: a later step added columns {set(held) - set(names)}"
    conn.execute("UPDATE leadfit_schema SET version=?", (version,))
    conn.close()
