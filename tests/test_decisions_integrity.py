"""Reads refuse altered records; reading commands never create a register; the file is private."""

from __future__ import annotations

import csv
import stat

import pytest

from leadfit.decisions import service
from leadfit.reports import printing
from leadfit.decisions.errors import RecordAltered
from leadfit.decisions.register import open_register
from tests.decisions_support import signed_record, tamper
from tests.helpers import EXAMPLE_CASE


@pytest.mark.parametrize("rehash", [False, True], ids=["text-edited", "text-and-hash-edited"])
def test_an_altered_record_is_refused_by_show_report_and_replay(db, tmp_path, cli, rehash):
    with open_register(db) as reg:
        record = signed_record(reg)
    tamper(db, "Weekly coaching by the CPO", "No coaching needed", rehash=rehash)
    pdf = tmp_path / "r.pdf"
    for args in (["register", "show", record.record_id], ["replay", record.record_id],
                 ["report", record.record_id, "--out", pdf],
                 ["register", "show", record.ref, "--json"]):
        result = cli(*args, "--db", db)
        assert result.returncode == 1, args
        assert "altered since it was written" in result.stderr and "leadfit verify" in result.stderr
        assert "No coaching needed" not in result.stdout
    assert not pdf.exists()
    with open_register(db) as reg:
        for call in (service.show, printing.render_pdf, service.history):
            with pytest.raises(RecordAltered):
                call(reg, record.record_id)
        with pytest.raises(RecordAltered):  # nor can an altered record be signed or corrected
            service.correct(reg, record.record_id, reason="x")


def test_an_intact_record_still_reads(db, cli):
    with open_register(db) as reg:
        record = signed_record(reg)
    assert cli("register", "show", record.record_id, "--db", db).returncode == 0


READERS = [["verify"], ["register", "list"], ["register", "show", "LF-2026-0001"],
           ["register", "export", "--csv", "OUT"], ["report", "LF-2026-0001", "--out", "OUT"],
           ["replay", "LF-2026-0001"], ["sign", "LF-2026-0001", "--name", "A", "--role", "hr"],
           ["correct", "--recorded-by", "Robin Hale", "LF-2026-0001", "--reason", "x"]]


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_reading_a_register_that_does_not_exist_creates_nothing(tmp_path, cli, args):
    missing = tmp_path / "typo" / "nothere.sqlite3"
    args = [str(tmp_path / "out.file") if a == "OUT" else a for a in args]
    result = cli(*args, "--db", missing)
    assert result.returncode == 2
    assert f"no register at {missing}" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_default_register_is_not_created_by_reading(tmp_path, cli, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("LEADFIT_DATA_DIR", str(data))
    monkeypatch.delenv("LEADFIT_DB", raising=False)
    for args in (["verify"], ["register", "list"]):
        result = cli(*args)
        assert result.returncode == 2 and "there is no register yet" in result.stderr
    assert not data.exists()
    made = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--plan-later", "--conditions", "x")
    assert made.returncode == 0, made.stderr
    assert cli("verify").returncode == 0


def test_the_register_file_is_private_to_the_user(tmp_path, cli):
    folder = tmp_path / "new-folder"
    db = folder / "register.sqlite3"
    made = cli("decide", "--recorded-by", "Robin Hale", EXAMPLE_CASE, "--decision", "coach", "--plan-later", "--conditions", "x", "--db", db)
    assert made.returncode == 0, made.stderr
    # hold a connection open so -wal and -shm exist
    with open_register(db) as reg, reg.read() as conn:
        service.list_records(reg)
        files = [p for p in folder.iterdir() if p.name.startswith("register.sqlite3")]
        assert {p.name for p in files} == {"register.sqlite3", "register.sqlite3-wal",
                                         "register.sqlite3-shm"}
        for p in files:
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
        del conn
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_csv_marks_an_altered_record_instead_of_passing_it_off(db, tmp_path):
    with open_register(db) as reg:
        signed_record(reg)
    tamper(db, "Weekly coaching by the CPO", "No coaching needed")
    out = tmp_path / "r.csv"
    with open_register(db, create=False) as reg:
        service.export_csv(reg, out)
    (row,) = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert row["intact"].startswith("NO: record LF-") and "run leadfit verify" in row["intact"]
    assert "No coaching needed" not in out.read_text(encoding="utf-8")  # no forged text copied


def test_register_list_says_the_altered_record_it_marks_is_marked_not_hidden(db, cli):
    # fresh-eyes check: the list printed the row as ALTERED, then said it was "not shown"
    with open_register(db) as reg:
        signed_record(reg)
    tamper(db, "Weekly coaching by the CPO", "No coaching needed", rehash=True)
    result = cli("register", "list", "--db", db)
    assert result.returncode == 1
    assert "ALTERED" in result.stdout and "No coaching needed" not in result.stdout
    assert "1 record was altered outside LeadFit: marked ALTERED above" in result.stderr
    assert "not shown" not in result.stderr and "leadfit verify" in result.stderr
