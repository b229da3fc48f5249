"""Schema 11: a list reads each row's sealed columns from one index, never its text.

The fast path (integrity.Checker.check_listed: the columns against the audit entry
that seals them) must list exactly what the full path lists (each row read with its
text and checked against it), on every filter, for genuine, corrected, withdrawn and
altered rows alike; and the queries must read the index alone.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from leadfit.decisions import listing, service
from leadfit.decisions.pages import LISTED_INDEX, listed_columns
from leadfit.decisions.migrations import m011_listed_index
from leadfit.decisions.register import open_register
from leadfit.rules.model.library import default_pack
from tests.decisions_support import case_with, decide_coach, signed_record

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _full(reg, stream=None, outcome=None, status=None, text=None, limit=None, offset=0):
    """The list as every row read with its text and checked against it (the slow path)."""
    titles = _titles()
    with reg.read() as conn:
        checker = service.checker(reg, conn)
        rows = conn.execute(listing._query(conn, stream, outcome, status, text, titles, limit,
                                           offset, texts=True)).all()
        checker.prefetch(rows)
        return [listing._summary(row, checker.check(row)) for row in rows]


def _titles():
    return {key: default_pack().catalogue.title(key) for key in default_pack().settings.outcomes}


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """A register of every kind of row: bulk-filled signed records over 7 streams, a draft,
    one awaiting sign-off, a corrected one, a withdrawn one, and rows edited outside
    LeadFit (a column, a search key, a text rehashed)."""
    folder = tmp_path_factory.mktemp("listed")
    monkey = pytest.MonkeyPatch()
    monkey.setenv("LEADFIT_DATA_DIR", str(folder / "data"))
    path = folder / "register.sqlite3"
    sys.path.insert(0, str(BENCH))
    try:
        import register_fill
        register_fill.fill(path, register_fill.signed_template(path), 40, streams=7)
    finally:
        sys.path.remove(str(BENCH))
    with open_register(path) as reg:
        decide_coach(reg, case=case_with(stream__name="Claims journey"), draft=True)
        decide_coach(reg, case=case_with(stream__name="Stream 03", candidate__name="Ana Awaiting"))
        old = signed_record(reg, case=case_with(candidate__name="Cory Corrected"))
        service.correct(reg, old.ref, reason="The conditions were wrong", conditions="Daily")
        gone = decide_coach(reg, case=case_with(candidate__name="Wendy Withdrawn"))
        service.withdraw(reg, gone.ref, reason="Candidate left the company", name="Dana Decider")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE decision_records SET stream='Forged stream' WHERE record_id LIKE '%-0000005'")
    conn.execute("UPDATE decision_records SET outcome='appoint' WHERE record_id LIKE '%-0000009'")
    conn.execute("UPDATE record_keys SET shown='draft' WHERE id=12")
    body = conn.execute("SELECT body FROM decision_records WHERE id=20").fetchone()[0]
    forged = body.replace("Candidate", "Forged")
    from leadfit.decisions.record import sha256_text
    conn.execute("UPDATE decision_records SET body=?, hash=? WHERE id=20",
                 (forged, sha256_text(forged)))
    conn.close()
    with open_register(path, create=False, readonly=True) as reg:
        yield reg
    monkey.undo()


FILTERS = st.fixed_dictionaries({
    "stream": st.sampled_from([None, "", "stream 03", "Stream 0", "ream 0", "claims", "forged",
                               "nothing like it"]),
    "outcome": st.sampled_from([None, "appoint", "coach", "hire_external"]),
    "status": st.sampled_from([None, *listing.STATUSES]),
    "text": st.sampled_from([None, "", "candidate 1", "signed", "ana", "2026", "withdrawn"]),
    "limit": st.sampled_from([None, 1, 5, 100]),
    "offset": st.integers(0, 12),
})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters=FILTERS)
def test_a_list_read_from_the_index_is_the_list_read_with_every_text(register, filters):
    fast = service.list_records(register, titles=_titles(), **filters)
    assert fast == _full(register, **filters)


def test_each_altered_row_is_marked_by_the_index_read_as_by_the_full_read(register):
    listed = service.list_records(register, limit=None)
    altered = {r.ref.split("-")[-1] for r in listed if not r.intact}
    assert altered == {"0000005@1", "0000009@1", "0000012@1", "0000020@1"}
    assert listed == _full(register)


def _plan(reg, query) -> list[str]:
    with reg.read() as conn:
        compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
        return [row[-1] for row in conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]


@pytest.mark.parametrize("filters", [{}, {"stream": "stream 03"}, {"outcome": "coach"},
                                     {"status": "signed"}, {"text": "candidate 1"}],
                         ids=["newest", "stream", "outcome", "status", "find-box"])
def test_a_page_reads_the_records_from_the_index_alone(register, filters):
    with register.read() as conn:
        query = listing._query(conn, limit=100, titles=_titles(), texts=False,
                               **{"stream": None, "outcome": None, "status": None,
                                  "text": None, **filters})
    plan = _plan(register, query)
    reads = [step for step in plan if "decision_records USING" in step or
             step.startswith("SCAN decision_records")]
    assert any(f"decision_records USING COVERING INDEX {LISTED_INDEX}" in s for s in reads), plan
    assert not any("INTEGER PRIMARY KEY" in s or s == "SCAN decision_records" for s in reads), plan


def test_the_index_holds_every_column_a_list_reads(register):
    assert m011_listed_index.COLUMNS[0] == "id"   # a filter's page of ids is sought in it
    assert sorted(m011_listed_index.COLUMNS[1:]) == sorted(c.key for c in listed_columns())
    with register.read() as conn:
        held = [r[2] for r in conn.execute(text(f"PRAGMA index_info({LISTED_INDEX})"))]
    assert held == list(m011_listed_index.COLUMNS)


def test_the_due_list_looks_for_moved_review_dates_in_the_partial_index_alone(register):
    """A genuine row's next review is its review date: the look for rows whose next review
    column was moved (reviews._hidden) reads only the rows where the two differ."""
    from sqlalchemy import literal_column, or_

    from leadfit.decisions import reviews
    from leadfit.decisions.tables import records
    until = "2030-01-31"
    ids = reviews._open_rows(dated=False).with_only_columns(records.c.id).where(
        or_(records.c.next_review.is_(None), records.c.next_review > until),
        records.c.review_date <= until, records.c.review_date != literal_column("''"),
        records.c.next_review.is_distinct_from(records.c.review_date))
    assert any(m011_listed_index.MOVED in step for step in _plan(register, ids))
    with register.read() as conn:
        held = conn.execute(text(f"SELECT count(*) FROM decision_records INDEXED BY"
                                 f" {m011_listed_index.MOVED} WHERE review_date <> '' AND"
                                 " next_review IS NOT review_date")).scalar()
    assert held == 0   # decided, signed, corrected, withdrawn, drafts: the two dates agree
