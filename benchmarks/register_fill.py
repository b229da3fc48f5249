"""Write a big register fast, in the register's own row format (see register.py).

Each record's three texts (decided, signed once, signed twice) are one canonical
JSON template with the varying values put in by text replacement, so a million
records take minutes, not hours; every text is still hashed and chained.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from leadfit.decisions import audit, service
from leadfit.decisions.integrity import COLUMNS_FACT, columns_digest
from leadfit.decisions.record import canonical_json, sha256_text
from leadfit.decisions.register import open_register
from leadfit.forms.case import load_case_file
from leadfit.rules.model.library import default_pack

STREAMS = [f"Stream {i:02d}" for i in range(50)]
OUTCOMES = ("appoint", "coach", "hire_external")
BATCH = 5_000
_SLOTS = {"record_id": "@@RID@@", "stream": "@@STREAM@@", "candidate": "@@CAND@@",
          "created_at": "@@AT@@"}
_OUTCOME = "@@OUTCOME@@"


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


def _texts(base: dict) -> list[tuple[str, str]]:
    """(status, canonical text with slots) for the decided, signed-once and signed states."""
    texts = []
    for status, signed in (("awaiting_signoff", 0), ("awaiting_signoff", 1), ("signed", 2)):
        body = dict(base, **_SLOTS, status=status, signoffs=base["signoffs"][:signed])
        body["decision"] = dict(base["decision"], outcome=_OUTCOME)
        texts.append((status, canonical_json(body)))
    return texts


def _summaries(texts: list[tuple[str, str]]) -> dict[tuple[int, str], dict]:
    """The summary columns each state and outcome gets once upgraded (schemas 5 and 7),
    as the current code writes them: {(state, outcome): columns}."""
    from leadfit.decisions.migrations.m005_reviews import next_review_in
    from leadfit.decisions.portfolio_facts import stream_facts
    found = {}
    for state, (_status, slotted) in enumerate(texts):
        for outcome in OUTCOMES:
            body = json.loads(slotted.replace(_OUTCOME, outcome))
            found[state, outcome] = {"review_of": None, "next_review": next_review_in(body),
                                     **stream_facts(body)}
    return found


def _fillin(text: str, values: dict, outcome: str) -> str:
    for name, slot in _SLOTS.items():
        text = text.replace(slot, values[name], 1)
    return text.replace(_OUTCOME, outcome, 1)


def fill(path: Path, base: dict, count: int, streams: int = len(STREAMS)) -> None:
    """Append ``count`` signed records, each with its decide/sign/sign audit entries, over
    ``streams`` streams (the first 50 named as STREAMS, so the filters find the same rows)."""
    names = STREAMS + [f"Stream {i:02d}" for i in range(len(STREAMS), streams)]
    texts = _texts(base)
    summaries = _summaries(texts)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")  # a benchmark file: speed over crash safety
    seq, prev = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    serial = conn.execute("SELECT max(serial) FROM decision_records").fetchone()[0]
    pack = f"{base['pack']['name']}@{base['pack']['version']}"
    rows, entries = [], []
    for i in range(count):
        serial += 1
        values = {"record_id": f"LF-2026-{serial:07d}", "stream": names[i % streams],
                  "candidate": f"Candidate {i}", "created_at": f"2026-01-01T00:{i % 60:02d}:00Z"}
        outcome = OUTCOMES[i % 3]
        for state, (action, (status, slotted)) in enumerate(zip(("decide", "sign", "sign"),
                                                                texts)):
            text = _fillin(slotted, values, outcome)
            digest = sha256_text(text)
            columns = {**values, "version": 1, "status": status, "outcome": outcome,
                       "recommended": base["decision"]["recommended"], "serial": serial,
                       "pack": pack, "hash": digest, **summaries[state, outcome]}
            facts = {"action": action, "record": values["record_id"], "version": 1,
                     "record_hash": digest, "status": status, "stream": values["stream"],
                     "outcome": outcome, "actor": "", "at": values["created_at"],
                     COLUMNS_FACT: columns_digest(columns)}
            seq += 1
            entry = audit.entry_row(facts, seq, prev)
            entries.append(tuple(entry[k] for k in ("seq", "prev_hash", "hash", "entry", "mac",
                                                    "record_ref")))
            prev = entry["hash"]
        rows.append((serial, values["record_id"], 1, "signed", values["created_at"], text, digest,
                     values["stream"], values["candidate"], outcome, base["decision"]["recommended"],
                     pack))
        if len(rows) >= BATCH or i == count - 1:
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO decision_records (serial, record_id, version, status,"
                             " created_at, body, hash, stream, candidate, outcome, recommended,"
                             " pack) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            conn.executemany("INSERT INTO audit_log (seq, prev_hash, hash, entry, mac,"
                             " record_ref) VALUES (?,?,?,?,?,?)", entries)
            conn.execute("COMMIT")
            rows, entries = [], []
    conn.close()
    _witness(path, seq, prev)


def _witness(path: Path, seq: int, head: str) -> None:
    """Tell the witness the new chain head, as the register's own writes do."""
    from leadfit.decisions import witness
    witness.advance(f"sqlite:///{path}", seq, head, None)


def to_schema_4(path: Path) -> None:
    """Make the file what the code before the search keys wrote (schema 4), so the code
    before and after can be measured on the same records and the upgrade timed."""
    conn = sqlite3.connect(path, isolation_level=None)
    version = conn.execute("SELECT max(version) FROM leadfit_schema").fetchone()[0]
    if version >= 8:  # the sealed stream summary
        conn.execute("DROP TABLE stream_leads")
    if version >= 6:
        conn.execute("DROP TABLE record_keys")
        for index in ("ix_records_serial", "ix_records_stream_candidate"):
            conn.execute(f"DROP INDEX {index}")
    if version >= 5:  # reviews (5) and the portfolio's columns (7) go too
        from leadfit.decisions.portfolio_facts import FACT_COLUMNS
        for index in ("ix_records_next_review", "ix_records_review_of", "ix_records_status_stream"):
            conn.execute(f"DROP INDEX IF EXISTS {index}")
        for column in ("review_of", "next_review", *(FACT_COLUMNS if version >= 7 else ())):
            conn.execute(f"ALTER TABLE decision_records DROP COLUMN {column}")
        conn.execute("UPDATE leadfit_schema SET version=4")
    conn.close()
