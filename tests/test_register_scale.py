"""The register at 1,000,000 records (issue 15): a stream filter by the indexed stream key
(starts with, else contains), the sealed summary parsed once per root and still checked,
verify over bytes, schema 9's indexes, and the benchmark's bulk fill as a genuine register.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from leadfit.decisions import leads, listing, service
from leadfit.decisions.keys import fold
from leadfit.decisions.register import open_register
from tests.decisions_support import case_with, db_url, decide_coach, reg, signed_record  # noqa: F401

NAMES = ("Banking ops", "Retail banking", "Bank", "Überweisungen", "über alles", "ÄRGER",
         "Straße Claims", "Claims 100%")


def _refs(rows):
    return [r.ref for r in rows]


def _streams(rows):
    return sorted({r.stream for r in rows})


def test_a_stream_filter_lists_the_names_starting_with_it_else_those_containing_it(reg):  # noqa: F811
    for name in NAMES:
        decide_coach(reg, case=case_with(stream__name=name))
    listed = lambda needle: _streams(service.list_records(reg, stream=needle))  # noqa: E731
    assert listed("BANK") == ["Bank", "Banking ops"]          # starts with: Retail banking is not
    assert listed("bank") == listed("  bank ")
    assert listed("RETAIL   banking") == ["Retail banking"]   # spacing folded
    assert listed("king") == ["Banking ops", "Retail banking"]  # none starts so: containing
    assert listed("strasse") == ["Straße Claims"]
    assert listed("ÜBER") == ["Überweisungen", "über alles"]
    assert listed("0%") == ["Claims 100%"] and listed("_") == []   # wildcards are literal
    assert listed("zebra") == []


def _model(needle: str) -> list[str]:
    """What a person is shown: names starting with the text, else containing it."""
    want = fold(needle)
    if not want:
        return sorted(NAMES)
    start = [n for n in NAMES if fold(n).startswith(want)]
    return sorted(start or [n for n in NAMES if want in fold(n)])


def test_both_ways_of_reading_a_stream_filter_agree_with_what_a_person_means(reg, monkeypatch):  # noqa: F811
    """Few matching rows are read through the stream index, many by walking the newest
    rows; both must list the same records, on SQLite and PostgreSQL ("C" order) alike."""
    made = [decide_coach(reg, case=case_with(stream__name=name)) for name in NAMES]
    letters = sorted(set("".join(NAMES).lower() + "".join(NAMES)) | {"ß", "ss", "%", "_"})

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(letters), max_size=4).map("".join)
           | st.sampled_from(NAMES).map(lambda n: n[:3]))
    def agree(needle):
        found = []
        for few in (0, 10**6):
            monkeypatch.setattr(listing, "FEW_ROWS", few)
            rows = service.list_records(reg, stream=needle, limit=None)
            found.append(_refs(rows))
            assert _streams(rows) == _model(needle)
        assert found[0] == found[1]
        assert set(found[0]) <= {r.ref for r in made}
    agree()


def test_a_filter_of_many_rows_walks_the_newest_and_still_combines_with_status(reg, monkeypatch):  # noqa: F811
    monkeypatch.setattr(listing, "FEW_ROWS", 1)
    old = signed_record(reg)
    new = service.correct(reg, old.ref, reason="Wrong review date", review_date="2027-03-01")
    loans = decide_coach(reg, case=case_with(stream__name="Home loans"))
    decide_coach(reg, case=case_with(stream__name="Claims"))
    assert _refs(service.list_records(reg, stream="home", status="superseded")) == [old.ref]
    assert _refs(service.list_records(reg, stream="home", status="awaiting_signoff")) == [
        loans.ref, new.ref]
    assert _refs(service.list_records(reg, stream="HOME", outcome="coach", limit=2)) == [
        loans.ref, new.ref]


def test_the_summary_parsed_once_is_still_checked_on_every_read(tmp_path):
    """The portfolio keeps the lines it parsed by their root; an edit of the summary
    changes the root, so the next read checks each stream's row instead and says so."""
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        record = signed_record(reg)
        decide_coach(reg, case=case_with(stream__name="Claims"))
        first = service.portfolio(reg)
        assert not first.summary and service.portfolio(reg) == first
    conn = sqlite3.connect(db)
    (bucket, lines), = [r for r in conn.execute("SELECT bucket, lines FROM stream_leads")
                        if record.candidate in r[1]]
    conn.execute("UPDATE stream_leads SET lines=? WHERE bucket=?",
                 (lines.replace(record.candidate, "Someone Else"), bucket))
    conn.commit()
    conn.close()
    with open_register(db) as reg:
        board = service.portfolio(reg)
        assert board.summary == leads.SUMMARY_ALTERED
        assert {s.lead for s in board.streams} == {record.candidate}
        report = service.verify(reg)
        assert any("summary" in p for p in report.problems)


def test_verify_names_a_stream_whose_current_record_was_altered_by_the_record_alone(tmp_path):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        record = signed_record(reg)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE decision_records SET lead='experienced' WHERE record_id=?",
                 (record.record_id,))
    conn.commit()
    conn.close()
    with open_register(db) as reg:
        problems = service.verify(reg).problems
    assert f"record {record.ref} was altered: its lead reads 'experienced', its signed text" \
           " says 'learner'" in problems
    assert not [p for p in problems if "summary of stream" in p]   # named once, by the record


def test_a_stream_name_removed_outside_leadfit_is_named_by_verify(tmp_path):
    db = tmp_path / "register.sqlite3"
    with open_register(db) as reg:
        claims = decide_coach(reg, case=case_with(stream__name="Claims journey"))
        assert _refs(service.list_records(reg, stream="journey")) == [claims.ref]
        assert service.verify(reg).ok
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM stream_names WHERE stream_key='claims journey'")
    conn.commit()
    conn.close()
    with open_register(db) as reg:
        assert _refs(service.list_records(reg, stream="claims")) == [claims.ref]  # by its key
        assert service.verify(reg).problems == [
            "the stream 'claims journey' is missing from the register's stream names (removed"
            " outside LeadFit): a search by part of its name would miss it"]


def test_schema_9_gives_the_due_counts_indexes_they_read_alone(db_url):  # noqa: F811
    with open_register(db_url) as reg, reg.read() as conn:
        if reg.dialect == "sqlite":
            names = {r[0] for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type='index'"))}
        else:
            names = set(conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")).scalars())
    assert {"ix_records_due", "ix_records_signed_versions", "ix_records_reviewed"} <= names
    assert ("ix_keys_stream_c" in names) == (reg.dialect == "postgresql")


@pytest.fixture
def bench_fill():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import register_fill
        yield register_fill
    finally:
        sys.path.pop(0)


def test_the_benchmark_fill_writes_a_register_that_verify_finds_genuine(tmp_path, monkeypatch,
                                                                         bench_fill):
    """The benchmark measures a register LeadFit itself would accept: every text hashed,
    every entry chained, every summary column and search key as LeadFit writes them."""
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "bench.sqlite3"
    base = bench_fill.signed_template(path)
    bench_fill.fill(path, base, 30, streams=7)
    bench_fill.to_schema(path, 8)
    with open_register(f"sqlite:///{path}") as reg:   # upgraded to the current schema
        report = service.verify(reg)
        assert report.ok, report.problems[:3]
        assert report.records == 31 and report.entries == 93
        listed = service.list_records(reg, stream="stream 03", limit=None)
        assert {r.stream for r in listed} == {"Stream 03"} and len(listed) == 4
        assert _refs(service.list_records(reg, stream="ream 03", limit=None)) == _refs(listed)
        assert all(r.intact for r in service.list_records(reg, limit=None))
